import Foundation
import Testing
import GRULessons
@testable import GRUExplainCLI

/// Numbers that stop being finite: exit status 3, one line that says where, nothing on stdout,
/// and no ∞ or NaN shown as a result (docs/robustness.md).
@Suite final class DivergenceTests {
    let dir = scratchFolder("gru-explain-diverge")
    deinit { try? FileManager.default.removeItem(at: dir) }

    /// lessons/lesson1.json with each `(old, new)` replaced, written to `name` in `dir`.
    func lesson1(_ name: String, _ replacements: (String, String)...) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(lesson1Text(replacements).utf8).write(to: url)
        return url.path
    }

    static let formats = ["text", "markdown", "json", "tsv", "html"]

    /// Learning rate 1e308 and one epoch: ∂L/∂Why[1][1] = −3.0997 (lesson1's gradient), so the
    /// update 0.5 + 1e308·3.0997 overflows to ∞ although every gradient is finite. Training checks
    /// each epoch's loss before its step, and there is no epoch after this one to see it.
    @Test func anUpdateThatOverflowsIsStatus3InEveryFormat() throws {
        let path = try lesson1("lr1e308.json", ("\"learning_rate\": 0.05, \"epochs\": 500", "\"learning_rate\": 1e308, \"epochs\": 1"))
        let message = "gru-explain: \(path): the update of epoch 1 made Why[1][1] ∞: θ − lr·∂L/∂θ overflowed although the gradient was finite; lower the learning rate (now 1e308)\n"
        for format in Self.formats {
            let r = runCLI(["run", path, "--format", format])
            #expect(r.status == 3, "\(format)")
            #expect(r.stdout.isEmpty, "\(format)")
            #expect(r.stderr == message, "\(format): \(r.stderr)")
        }
        #expect(runCLI(["worksheet", path]).stderr == message)
        // The sections before the update need no update: they are shown (exit 0).
        for format in Self.formats {
            let r = runCLI(["run", path, "--format", format, "--only", "forward,bptt"])
            #expect(r.status == 0 && r.stderr.isEmpty, "\(format): \(r.stderr)")
        }
        #expect(runCLI(["worksheet", path, "--only", "forward"]).status == 0)
    }

    /// A model that is fine where it is trained and overflows where it is applied: with inputs
    /// and targets 0 and zero biases, h stays 0 in training, so y = 0 and every gradient is 0;
    /// on the new input 10, tanh(10·Wh) ≈ 1 fills h (z = σ(0) = ½: h₁ ≈ [½, ½], h₂ ≈ [¾, ¾]), and
    /// y = Why·h with Why = [1.5e308, 1.5e308] is 1.5e308 at t = 1 and ∞ at t = 2.
    @Test func anAppliedOutputThatOverflowsIsStatus3() throws {
        let path = try lesson1("apply.json",
                               ("\"Why\": [[0.5, 0.5]]", "\"Why\": [[1.5e308, 1.5e308]]"),
                               ("\"bz\": [0.1, 0.1]", "\"bz\": [0, 0]"), ("\"br\": [0.2, 0.2]", "\"br\": [0, 0]"),
                               ("\"by\": [0.1]", "\"by\": [0]"),
                               ("\"Wz\": [[0.3], [0.3]]", "\"Wz\": [[0], [0]]"),
                               ("\"Uz\": [[0.05, 0.05], [0.05, 0.05]]", "\"Uz\": [[0, 0], [0, 0]]"),
                               ("{\"inputs\": [1, 2, 3], \"targets\": [2, 3, 4]}", "{\"inputs\": [0, 0, 0], \"targets\": [0, 0, 0]}"),
                               ("\"apply\": {\"inputs\": [4, 5, 6], \"expected\": [5, 6, 7]}", "\"apply\": {\"inputs\": [10, 10, 10]}"))
        for format in Self.formats {
            let r = runCLI(["run", path, "--format", format])
            #expect(r.status == 3 && r.stdout.isEmpty, "\(format): \(r.stderr)")
            #expect(r.stderr == "gru-explain: \(path): applied to the new input, the trained model's output is not finite (y reached ∞ at timestep 2, after 500 epochs of training); its parameters are too large: lower the learning rate (now 0.05), or the initial parameters\n", "\(format)")
        }
        // Without the application, nothing shown is infinite.
        #expect(runCLI(["run", path, "--only", "training", "--format", "tsv"]).status == 0)
    }

    /// Learning rate 5: lesson1 diverges at epoch 135, where y₁ = −6.0e154 is finite but its
    /// square is not; the message names y and says why.
    @Test func aFiniteOutputWhoseSquareOverflowsIsNamed() throws {
        let path = try lesson1("lr5.json", ("\"learning_rate\": 0.05", "\"learning_rate\": 5"))
        let r = runCLI(["run", path, "--only", "training"])
        #expect(r.status == 3 && r.stdout.isEmpty)
        #expect(r.stderr == "gru-explain: \(path): the loss became non-finite at epoch 135, timestep 1 (y reached −6.0119e154, too large to square in a Double); lower the learning rate (now 5)\n", "\(r.stderr)")
        // In the user's language (the review of 2026-12-03 found it English only).
        let zh = runCLI(["run", path, "--only", "training", "--lang", "zh"])
        #expect(zh.status == 3)
        #expect(zh.stderr == "gru-explain: \(path)：第 135 轮、时间步 1，损失变成了非有限数（y 达到 −6.0119e154，大到无法在 Double 中求平方）；请调低学习率（现在是 5）\n", "\(zh.stderr)")
    }

    /// Learning rate 1e300: the first update throws the parameters to about 1e300; at epoch 2,
    /// y₁ = Why·h₁ + by ≈ 1.4e301 is finite and its square is not.
    @Test func theEpochAfterAHugeUpdateIsNamed() throws {
        let path = try lesson1("lr1e300.json", ("\"learning_rate\": 0.05", "\"learning_rate\": 1e300"))
        let r = runCLI(["run", path, "--format", "json"])
        #expect(r.status == 3 && r.stdout.isEmpty)
        #expect(r.stderr == "gru-explain: \(path): the loss became non-finite at epoch 2, timestep 1 (y reached 1.3788e301, too large to square in a Double); lower the learning rate (now 1e300)\n", "\(r.stderr)")
    }

    /// Wz = 1e308: a_z₂ = Wz·x₂ + … = 2e308 is ∞ in the first pass, at timestep 2. z₂ = σ(∞) = 1,
    /// so h, y and the loss stay finite and training goes on; the trace would show ∞ (JSON null).
    @Test func aValueOfTheFirstPassThatOverflowsIsNamedByItsKey() throws {
        let path = try lesson1("wz.json", ("\"Wz\": [[0.3], [0.3]]", "\"Wz\": [[1e308], [1e308]]"))
        for format in Self.formats {
            let r = runCLI(["run", path, "--format", format])
            #expect(r.status == 3 && r.stdout.isEmpty, "\(format)")
            #expect(r.stderr == "gru-explain: \(path): the first pass gives t2.a_z[1] = ∞, too large for a Double (the loss is still finite, but this cannot be shown); lower the initial parameters or the inputs that lead to it\n", "\(r.stderr)")
        }
        // Training alone shows only losses, which are finite.
        #expect(runCLI(["run", path, "--only", "training", "--format", "tsv"]).status == 0)
    }

    /// Why = 1e200: y₁ = Why·h₁ + by = 2·1e200·0.1855 ≈ 3.7e199 in the very first pass, before any
    /// update, so the advice is about the parameters, not the learning rate; gradcheck says the
    /// same instead of a table of NaN.
    @Test func theFirstEpochBlamesTheParametersNotTheLearningRate() throws {
        let path = try lesson1("why.json", ("\"Why\": [[0.5, 0.5]]", "\"Why\": [[1e200, 1e200]]"))
        let message = "gru-explain: \(path): the loss became non-finite at epoch 1, timestep 1 (y reached 3.7091e199, too large to square in a Double); lower the initial parameters or the inputs (epoch 1 comes before any update)\n"
        for command in [["run", path], ["run", path, "--format", "json"], ["gradcheck", path], ["worksheet", path]] {
            let r = runCLI(command)
            #expect(r.status == 3 && r.stdout.isEmpty, "\(command)")
            #expect(r.stderr == message, "\(command): \(r.stderr)")
        }
    }
}
