import GRUCore
import GRULessons

/// `gru-explain export <lesson> --to pytorch`: a standalone Python script (torch, float64) that
/// builds the lesson's model with the lesson's numbers and prints what `run --format tsv` prints,
/// under the same keys and in the same order (docs/keys.md), so that
///
///     diff <(gru-explain run L --format tsv --digits 10) <(python3 L.py --digits 10)
///
/// shows nothing when PyTorch and gru-explain agree. docs/pytorch.md explains the mapping.
///
/// - after_matmul: `torch.nn.GRU` + `torch.nn.Linear` compute the losses, the gradients, the
///   update, training and the applied model. PyTorch stacks the gates as r, z, n:
///   `weight_ih_l0 = [Wr; Wz; Wh]`, `weight_hh_l0 = [Ur; Uz; Uh]`, `bias_ih_l0 = [br; bz; bh]`,
///   `bias_hh_l0 = [0; 0; bhn]`, the zero parts held at 0 (their gradient is cleared before each
///   step, or br and bz would learn twice). Under z_times_candidate the z rows are negated:
///   σ(−a) = 1 − σ(a), so PyTorch's z is 1 − z and its update rule becomes the lesson's.
/// - before_matmul: PyTorch has no such GRU, so a hand-written cell with the lesson's formulas
///   is trained with autograd.
///
/// In both, the values inside a timestep (gates, candidate, BPTT intermediates, per-timestep
/// gradient shares) come from the hand-written cell with `retain_grad()`; under after_matmul the
/// script asserts that the cell and nn.GRU agree on h, y, the losses and the gradients.
///
/// The keys of a timestep it prints, and their order, come from the registry
/// (`TraceKey.StepQuantity`): its forward and BPTT quantities, the conventions under which each
/// exists, and the size of dh_rec's zero vector.
public enum PyTorchExport {

    /// The script for `lesson`. `reference` is how the user named it (for the comments).
    public static func script(_ lesson: Lesson, reference: String, version: String) -> String {
        let p = lesson.problem
        let c = p.config
        let usesGRU = c.reset == .afterMatmul
        var out = header(lesson, reference: reference, version: version, usesGRU: usesGRU)
        out += data(lesson)
        out += common
        out += cell(c)
        out += usesGRU ? gruModel(c) : cellModel
        out += main(usesGRU: usesGRU)
        return out
    }

    static func header(_ lesson: Lesson, reference: String, version: String, usesGRU: Bool) -> String {
        let c = lesson.problem.config
        let engine = usesGRU
            ? (c.update == .zTimesPrevious
                ? "torch.nn.GRU + torch.nn.Linear (PyTorch's own conventions)"
                : "torch.nn.GRU + torch.nn.Linear, with the z rows negated so that PyTorch's z is 1 − z")
            : "a hand-written GRU cell trained with autograd (nn.GRU has no before_matmul)"
        return #"""
        #!/usr/bin/env python3
        # \#(lesson.id) in PyTorch (float64), written by `gru-explain export \#(reference) --to pytorch` (gru-explain \#(version)).
        #
        # Model: \#(engine).
        # Conventions: update \#(c.update.rawValue), reset \#(c.reset.rawValue), loss \#(c.loss.rawValue),
        # reduction \#(c.reduction.rawValue), sequence_reduction \#(c.sequenceReduction.rawValue).
        #
        # It prints the numbers of `gru-explain run \#(reference) --format tsv` under the same keys, in the same order:
        #     gru-explain export \#(reference) --to pytorch -o \#(lesson.id).py
        #     diff <(gru-explain run \#(reference) --format tsv --digits 10) <(python3 \#(lesson.id).py --digits 10)
        # --digits N rounds as run --format tsv --digits N does; --only SECTIONS keeps the keys of those sections
        # (model, forward, loss, bptt, accumulation, update, training, apply), as run --only does.
        # The weight layout is explained in docs/pytorch.md of gru-explain.
        import argparse
        import sys
        from decimal import Decimal, ROUND_HALF_UP

        import torch

        torch.set_default_dtype(torch.float64)


        """#
    }

    /// The lesson's numbers as Python literals.
    static func data(_ lesson: Lesson) -> String {
        let p = lesson.problem
        let c = p.config
        func number(_ x: Double) -> String { "\(x)" }
        func vector(_ v: [Double]) -> String { "[" + v.map(number).joined(separator: ", ") + "]" }
        func steps(_ s: [[Double]]) -> String { "[" + s.map(vector).joined(separator: ", ") + "]" }
        /// `NAME = True`, padded so that the comments after it line up.
        func flag(_ name: String, _ on: Bool) -> String {
            let text = name + " = " + (on ? "True" : "False")
            return text + String(repeating: " ", count: max(2, 30 - text.count))
        }
        var out = """
        # ---- The lesson ----------------------------------------------------------------------------
        UPDATE = "\(c.update.rawValue)"
        RESET = "\(c.reset.rawValue)"
        \(flag("HALF", c.loss == .halfSquared))# loss half_squared: ½‖y − target‖² (squared: ‖y − target‖²)
        \(flag("MEAN_OVER_TIME", c.reduction == .mean))# reduction mean: L_seq = (1/T)·Σ_t L_t (sum: Σ_t L_t)
        \(flag("MEAN_OVER_SEQUENCES", c.sequenceReduction == .mean))# sequence_reduction mean: L = (1/N)·Σ L_seq (sum: Σ L_seq)
        I, H, O = \(c.inputSize), \(c.hiddenSize), \(c.outputSize)
        LEARNING_RATE = \(number(p.learningRate))
        EPOCHS = \(p.epochs)
        H0 = \(vector(p.h0))

        """
        if let initialisation = lesson.initialisation {
            out += "# Drawn by \"init\": {\"seed\": \(initialisation.seed), \"scale\": \(number(initialisation.scale))} (SplitMix64, docs/lesson-format.md).\n"
        }
        out += "# Matrices are lists of rows: W is H×I, U is H×H, Why is O×H.\nPARAMETERS = {\n"
        for name in ParameterName.used(by: c) {
            let values = p.parameters[name]
            let cols = name.shape(c).cols
            let text = name.isVector
                ? vector(values)
                : "[" + stride(from: 0, to: values.count, by: cols).map { vector(Array(values[$0..<($0 + cols)])) }.joined(separator: ", ") + "]"
            out += "    \"\(name.rawValue)\": \(text),\n"
        }
        out += "}\n"
        if lesson.inputScale != 1 {
            out += "# The inputs are already multiplied by input_scale = \(number(lesson.inputScale)); the targets are not.\n"
        }
        out += "SEQUENCES = [  # (inputs x_1…x_T, targets), one vector per timestep\n"
        for s in p.sequences {
            out += "    (\(steps(s.inputs)), \(steps(s.targets))),\n"
        }
        out += "]\n"
        out += "APPLY_INPUTS = \(p.applyInputs.map(steps) ?? "None")\n"
        out += "APPLY_EXPECTED = \(p.applyExpected.map(steps) ?? "None")\n\n\n"
        return out
    }

    /// Output in TSV form, the loss, and the names of the parameters.
    static let common = #"""
    # ---- Output: key<TAB>value lines as `gru-explain run --format tsv` writes them ---------------
    NAMES = list(PARAMETERS)            # the parameters this model uses, in gru-explain's order
    SEVERAL = len(SEQUENCES) > 1        # keys carry an sK. prefix only when there are several sequences
    LINES = []                          # (section, key, value)


    def emit(section, key, value):
        LINES.append((section, key, float(value.detach()) if torch.is_tensor(value) else float(value)))


    def emit_vector(section, key, v):
        for i, x in enumerate(v.detach().reshape(-1).tolist()):
            emit(section, f"{key}[{i + 1}]", x)


    def emit_parameter(section, key, v):
        if v.dim() == 1:
            emit_vector(section, key, v)
        else:
            for i, row in enumerate(v.detach().tolist()):
                for j, x in enumerate(row):
                    emit(section, f"{key}[{i + 1}][{j + 1}]", x)


    def written(x, digits):
        """Full precision (the shortest repr), or rounded half away from zero like --digits N."""
        if digits is None:
            return repr(x)
        text = format(Decimal(repr(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP), "f")
        return text[1:] if text.startswith("-") and set(text[1:]) <= set("0.") else text


    def tensor(values):
        return torch.tensor(values, dtype=torch.float64)


    def scaled(e, T):
        """‖y_t − target_t‖² → L_t in a sequence of length T: ½ under half_squared, 1/T under the mean
        over time, 1/N under the mean over N sequences."""
        if HALF:
            e = 0.5 * e
        if MEAN_OVER_TIME:
            e = e / T
        if MEAN_OVER_SEQUENCES:
            e = e / len(SEQUENCES)
        return e


    def step_loss(y, target, T):
        return scaled(((y - target) ** 2).sum(), T)


    """#

    /// The hand-written cell, with only the lines of the lesson's conventions.
    static func cell(_ c: ModelConfig) -> String {
        let reset = c.reset == .beforeMatmul
            ? """
                  rh = r * h_prev                                      # reset before_matmul: r⊙h_{t−1}
                  a_h = P["Wh"] @ x + P["Uh"] @ rh + P["bh"]
                  v.update(rh=rh)
              """
            : """
                  n_h = P["Uh"] @ h_prev + P["bhn"]                    # reset after_matmul: n_h = Uh·h_{t−1} + bhn
                  a_h = P["Wh"] @ x + P["bh"] + r * n_h
                  v.update(n_h=n_h)
              """
        let update = c.update == .zTimesPrevious
            ? "    h = z * h_prev + (1 - z) * h_tilde                   # update z_times_previous"
            : "    h = (1 - z) * h_prev + z * h_tilde                   # update z_times_candidate"
        return #"""
        # ---- The GRU cell, written out in the lesson's conventions -----------------------------------
        def cell(P, x, h_prev):
            """One timestep. Returns every intermediate by its trace name; P holds W (H×I), U (H×H), b (H)."""
            a_z = P["Wz"] @ x + P["Uz"] @ h_prev + P["bz"]
            z = torch.sigmoid(a_z)
            a_r = P["Wr"] @ x + P["Ur"] @ h_prev + P["br"]
            r = torch.sigmoid(a_r)
            v = dict(a_z=a_z, z=z, a_r=a_r, r=r)
        \#(reset)
            h_tilde = torch.tanh(a_h)
        \#(update)
            v.update(a_h=a_h, h_tilde=h_tilde, h=h)
            return v


        def detailed_pass(P0):
            """Forward, loss and BPTT of every sequence with autograd, keeping every intermediate.

            Each sequence works on its own copy of the parameters and each timestep on a copy of that,
            so that their .grad are the per-sequence gradient and the per-timestep share."""
            P = {n: tensor(v.tolist()).requires_grad_(True) for n, v in P0.items()}
            sequences, total = [], 0.0
            for inputs, targets in SEQUENCES:
                PS = {n: p.clone() for n, p in P.items()}
                h0 = tensor(H0).requires_grad_(True)
                h, steps, L_seq = h0, [], 0.0
                for x, target in zip(inputs, targets):
                    PT = {n: p.clone() for n, p in PS.items()}
                    h_prev = h.clone()                  # its .grad is dh_prev: ∂L/∂h_{t−1} through this step
                    v = cell(PT, tensor(x), h_prev)
                    h_out = v["h"].clone()              # its .grad is dh_out: ∂L/∂h_t through y_t
                    v["y"] = PT["Why"] @ h_out + PT["by"]
                    v["loss"] = step_loss(v["y"], tensor(target), len(inputs))
                    for t in list(v.values()) + list(PT.values()) + [h_prev, h_out]:
                        t.retain_grad()
                    v.update(x=tensor(x), target=tensor(target), h_prev=h_prev, h_out=h_out, P=PT)
                    steps.append(v)
                    L_seq = L_seq + v["loss"]
                    h = v["h"]
                for p in PS.values():
                    p.retain_grad()
                sequences.append(dict(steps=steps, loss=L_seq, P=PS))
                total = total + L_seq
            total.backward()
            return sequences, total, P


        """#
    }

    /// after_matmul: the model is nn.GRU + nn.Linear.
    static func gruModel(_ c: ModelConfig) -> String {
        let sign = c.update == .zTimesPrevious ? "1.0" : "-1.0"
        return #"""
        # ---- The model: torch.nn.GRU + torch.nn.Linear ---------------------------------------------
        # PyTorch stacks the gates r, z, n: weight_ih_l0 = [Wr; Wz; Wh], weight_hh_l0 = [Ur; Uz; Uh],
        # bias_ih_l0 = [br; bz; bh] and bias_hh_l0 = [0; 0; bhn]. Its n is the lesson's h̃ under
        # after_matmul: tanh(Wh·x + bh + r⊙(Uh·h + bhn)). The r and z parts of bias_hh_l0 stay 0: their
        # gradient is cleared before every step, since br and bz already live in bias_ih_l0.
        # The sequences grouped by length: (inputs (B, T, I), targets (B, T, O)) per length.
        BATCHES = [(tensor([s[0] for s in SEQUENCES if len(s[0]) == T]), tensor([s[1] for s in SEQUENCES if len(s[0]) == T]))
                   for T in sorted({len(s[0]) for s in SEQUENCES})]
        Z_SIGN = \#(sign)   # -1 under z_times_candidate: σ(−a) = 1 − σ(a), so PyTorch's (1 − z)⊙n + z⊙h becomes z⊙h̃ + (1 − z)⊙h


        class Model(torch.nn.Module):
            def __init__(self, P):
                super().__init__()
                self.gru = torch.nn.GRU(I, H, batch_first=True)
                self.out = torch.nn.Linear(H, O)
                zero = torch.zeros(H)
                with torch.no_grad():
                    self.gru.weight_ih_l0.copy_(torch.cat([tensor(P["Wr"]), Z_SIGN * tensor(P["Wz"]), tensor(P["Wh"])]))
                    self.gru.weight_hh_l0.copy_(torch.cat([tensor(P["Ur"]), Z_SIGN * tensor(P["Uz"]), tensor(P["Uh"])]))
                    self.gru.bias_ih_l0.copy_(torch.cat([tensor(P["br"]), Z_SIGN * tensor(P["bz"]), tensor(P["bh"])]))
                    self.gru.bias_hh_l0.copy_(torch.cat([zero, zero, tensor(P["bhn"])]))
                    self.out.weight.copy_(tensor(P["Why"]))
                    self.out.bias.copy_(tensor(P["by"]))

            def run(self, inputs):
                """h_1…h_T and y_1…y_T of one sequence, from H0."""
                h, _ = self.gru(tensor(inputs).unsqueeze(0), tensor(H0).reshape(1, 1, H))
                return h[0], self.out(h[0])

            @staticmethod
            def unstack(w):
                """r, z, n parts of a stacked weight or bias; z back in the lesson's sign."""
                return w[:H], Z_SIGN * w[H:2 * H], w[2 * H:]

            def lesson(self, grad=False):
                """The parameters (or their gradients) in the lesson's layout."""
                g = (lambda t: t.grad) if grad else (lambda t: t.detach())
                Wr, Wz, Wh = self.unstack(g(self.gru.weight_ih_l0))
                Ur, Uz, Uh = self.unstack(g(self.gru.weight_hh_l0))
                br, bz, bh = self.unstack(g(self.gru.bias_ih_l0))
                bhn = g(self.gru.bias_hh_l0)[2 * H:]
                values = dict(Wz=Wz, Uz=Uz, bz=bz, Wr=Wr, Ur=Ur, br=br, Wh=Wh, Uh=Uh, bh=bh, bhn=bhn,
                              Why=g(self.out.weight), by=g(self.out.bias))
                return {n: values[n].clone() for n in NAMES}

            def loss(self):
                """L over all sequences, those of equal length in one batch."""
                total = 0.0
                for X, Y in BATCHES:
                    B, T = X.shape[0], X.shape[1]
                    h, _ = self.gru(X, tensor(H0).expand(1, B, H).contiguous())
                    total = total + scaled(((self.out(h) - Y) ** 2).sum(dim=2), T).sum()
                return total

            def step(self, optimizer):
                optimizer.zero_grad()
                L = self.loss()
                L.backward()
                self.gru.bias_hh_l0.grad[:2 * H] = 0     # br and bz are in bias_ih_l0 only
                optimizer.step()
                return L.item()


        """#
    }

    /// before_matmul: the model is the hand-written cell, its parameters trained with autograd.
    static let cellModel = #"""
    # ---- The model: the hand-written cell (nn.GRU has no before_matmul) ----------------------------
    class Model(torch.nn.Module):
        def __init__(self, P):
            super().__init__()
            self.P = torch.nn.ParameterDict({n: torch.nn.Parameter(tensor(v)) for n, v in P.items()})

        def run(self, inputs):
            """h_1…h_T and y_1…y_T of one sequence, from H0."""
            h, hs, ys = tensor(H0), [], []
            for x in inputs:
                h = cell(self.P, tensor(x), h)["h"]
                hs.append(h)
                ys.append(self.P["Why"] @ h + self.P["by"])
            return torch.stack(hs), torch.stack(ys)

        def lesson(self, grad=False):
            """The parameters (or their gradients) in gru-explain's order (ParameterDict sorts its keys)."""
            return {n: (self.P[n].grad if grad else self.P[n].detach()).clone() for n in NAMES}

        def loss(self):
            total = 0.0
            for inputs, targets in SEQUENCES:
                _, y = self.run(inputs)
                for t in range(len(inputs)):
                    total = total + step_loss(y[t], tensor(targets[t]), len(inputs))
            return total

        def step(self, optimizer):
            optimizer.zero_grad()
            L = self.loss()
            L.backward()
            optimizer.step()
            return L.item()


    """#

    /// The forward quantities of a timestep that the script prints in the `forward` section, as
    /// the items of a Python list: `"a_z", "z", …, "y"`.
    static var forwardNames: String {
        stepItems(.forward) { "\"\($0.rawValue)\"" }.map(\.text).joined(separator: ", ")
    }

    /// The BPTT quantities of a timestep with the tensors that hold them, as the items of a Python
    /// list: `("dy", v["y"].grad), …`, four to a line and the pair that depends on the reset
    /// placement on a line of its own, the lines after the first under the first item.
    static var gradients: String {
        var lines: [String] = []
        var onLine = 0      // items on the last line; a full line's 4 after the pair
        for item in stepItems(.bptt, { "(\"\($0.rawValue)\", \(gradient($0)))" }) {
            if lines.isEmpty || onLine == 4 || item.alone {
                lines.append(item.text)
                onLine = item.alone ? 4 : 1
            } else {
                lines[lines.count - 1] += ", " + item.text
                onLine += 1
            }
        }
        return lines.joined(separator: ",\n" + String(repeating: " ", count: 25))   // under `gradients = [`'s first item
    }

    /// Where autograd leaves a BPTT quantity of timestep t (as the registry names it, `d` and the
    /// name of what it is the derivative of): on that value of the cell (`dz` on `v["z"]`, `dh_out`
    /// and `dh_prev` on the copies of h that y and the cell read); dh_rec, which no value of the
    /// step holds, is what timestep t + 1's h_prev received.
    static func gradient(_ q: TraceKey.StepQuantity) -> String {
        q == .dhRec ? "dh_rec" : "v[\"\(q.rawValue.dropFirst())\"].grad"
    }

    /// The Python name of a quantity's length: I, H or O.
    static func size(_ q: TraceKey.StepQuantity) -> String {
        switch q.size {
        case .input: return "I"
        case .hidden: return "H"
        case .output: return "O"
        }
    }

    /// The quantities of one timestep that `run --format tsv` puts in `section`, in the registry's
    /// order, each written by `item`. The script serves both reset placements: a quantity that
    /// only one of them has is paired with its counterpart in the other (`rh` with `n_h`, `drh`
    /// with `dn_h`, at the same place in the order) as `A if RESET == "before_matmul" else B`.
    static func stepItems(_ section: TraceKey.Section,
                          _ item: (TraceKey.StepQuantity) -> String) -> [(text: String, alone: Bool)] {
        func quantities(_ reset: ResetPlacement) -> [TraceKey.StepQuantity] {
            let c = ModelConfig(inputSize: 1, hiddenSize: 1, outputSize: 1, reset: reset)
            return TraceKey.StepQuantity.allCases.filter { $0.exists(under: c) && TraceKey(t: 1, .step($0)).section == section }
        }
        return zip(quantities(.beforeMatmul), quantities(.afterMatmul)).map { before, after in
            before == after ? (item(before), false)
                : (item(before) + " if RESET == \"before_matmul\" else " + item(after), true)
        }
    }

    static func main(usesGRU: Bool) -> String {
        let check = usesGRU ? #"""
            # nn.GRU and the written-out cell must agree: the same h and y, losses and gradients.
            model.zero_grad()
            L = model.loss()
            L.backward()
            for s, (inputs, _) in enumerate(SEQUENCES):
                h, y = model.run(inputs)
                agree(h, torch.stack([v["h"] for v in sequences[s]["steps"]]), "h")
                agree(y, torch.stack([v["y"] for v in sequences[s]["steps"]]), "y")
            agree(L, total, "L")
            for n, g in model.lesson(grad=True).items():
                agree(g, P[n].grad, "grad." + n)

        """# : ""
        return #"""
        # ---- Everything, in the order of `run --format tsv` ------------------------------------------
        def agree(a, b, what):
            if not torch.allclose(a, b, rtol=1e-12, atol=1e-14):
                sys.exit(f"nn.GRU and the written-out cell disagree on {what}: {a} vs {b}")


        def main():
            parser = argparse.ArgumentParser(description=__doc__)
            parser.add_argument("--digits", type=int, help="round to N decimals, as run --format tsv --digits N")
            parser.add_argument("--only", help="keep these sections, as run --only (comma-separated)")
            args = parser.parse_args()

            model = Model(PARAMETERS)
            sequences, total, P = detailed_pass(model.lesson())
        \#(check)
            # Given: learning rate, parameters, h0.
            emit("model", "lr", LEARNING_RATE)
            for n, v in model.lesson().items():
                emit_parameter("model", "param." + n, v)
            emit_vector("model", "h0", tensor(H0))
            # The forward pass of every sequence, then the losses.
            for s, seq in enumerate(sequences):
                prefix = f"s{s + 1}." if SEVERAL else ""
                for t, v in enumerate(seq["steps"], start=1):
                    emit_vector("model", f"{prefix}t{t}.x", v["x"])
                    for q in [\#(forwardNames)]:
                        emit_vector("forward", f"{prefix}t{t}.{q}", v[q])
                    emit_vector("model", f"{prefix}t{t}.target", v["target"])
                    emit("loss", f"{prefix}t{t}.loss", v["loss"])
                if SEVERAL:
                    emit("loss", f"s{s + 1}.loss", seq["loss"])
            emit("loss", "loss", total)
            # BPTT, t = T…1: the gradients autograd left on the intermediates.
            for s, seq in enumerate(sequences):
                prefix = f"s{s + 1}." if SEVERAL else ""
                steps = seq["steps"]
                for t in range(len(steps), 0, -1):
                    v = steps[t - 1]
                    dh_rec = steps[t]["h_prev"].grad if t < len(steps) else torch.zeros(\#(size(.dhRec)))
                    gradients = [\#(gradients)]
                    for q, g in gradients:
                        emit_vector("bptt", f"{prefix}t{t}.{q}", g)
                for t in range(len(steps), 0, -1):
                    for n, p in steps[t - 1]["P"].items():
                        emit_parameter("accumulation", f"{prefix}t{t}.grad.{n}", p.grad)
                if SEVERAL:
                    for n, p in seq["P"].items():
                        emit_parameter("accumulation", f"s{s + 1}.grad.{n}", p.grad)
            for n, p in P.items():
                emit_parameter("accumulation", "grad." + n, p.grad)
            # Training with torch.optim.SGD; its first step is the update shown in detail.
            optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)
            losses = []
            for epoch in range(EPOCHS):
                losses.append(model.step(optimizer))
                if epoch == 0:
                    for n, v in model.lesson().items():
                        emit_parameter("update", "update." + n, v)
            for e, L in enumerate(losses, start=1):
                emit("training", f"train.loss[{e}]", L)
            for n, v in model.lesson().items():
                emit_parameter("training", "train." + n, v)
            # The trained model on new input, from H0.
            if APPLY_INPUTS is not None:
                with torch.no_grad():
                    h, y = model.run(APPLY_INPUTS)
                for t in range(len(APPLY_INPUTS)):
                    emit_vector("apply", f"apply.t{t + 1}.x", tensor(APPLY_INPUTS[t]))
                    emit_vector("apply", f"apply.t{t + 1}.h", h[t])
                    emit_vector("apply", f"apply.t{t + 1}.y", y[t])
                    if APPLY_EXPECTED is not None:
                        emit_vector("apply", f"apply.t{t + 1}.expected", tensor(APPLY_EXPECTED[t]))

            only = set(args.only.split(",")) if args.only else None
            sys.stdout.write("".join(f"{key}\t{written(value, args.digits)}\n"
                                     for section, key, value in LINES if only is None or section in only))


        if __name__ == "__main__":
            main()

        """#
    }
}
