#!/usr/bin/env python3
"""Writes the answer sheets of GRUCheckTests: lesson1 computed by hand, as a student would.

Run from this folder: python3 make_sheets.py

This is an independent implementation of the GRU of issue 2 (before_matmul, z_times_previous,
half_squared, sum), written key by key in the order of docs/keys.md. It never calls the Swift
code, so the checker is tested against a second implementation.

A "student" computes every key from the values already written on the sheet. With `digits=4`
every value is rounded to 4 decimals (half up, on its decimal expansion) as soon as it is
computed, and later keys use the rounded values: the student who rounds at every step. With
`digits=None` nothing is rounded (full precision, written with 17 significant digits).

A mistake replaces the formula of one key; every later key is computed correctly from what the
student wrote, so an early mistake carries through (follow-through marking).
"""
from decimal import Decimal, ROUND_HALF_UP
import math

# lessons/lesson1.json (issue 2): Wz, bz, by and h0 from the seed, the rest chosen to reproduce it.
LESSON1 = dict(
    Wz=[[0.3], [0.3]], Uz=[[0.05, 0.05], [0.05, 0.05]], bz=[0.1, 0.1],
    Wr=[[0.25], [0.25]], Ur=[[0.3, 0.3], [0.3, 0.3]], br=[0.2, 0.2],
    Wh=[[0.5], [0.5]], Uh=[[0.5, 0.5], [0.5, 0.5]], bh=[0.0, 0.0],
    Why=[[0.5, 0.5]], by=[0.1],
    h0=[0.0, 0.0], inputs=[1.0, 2.0, 3.0], targets=[2.0, 3.0, 4.0], lr=0.05)

# lesson1 with unequal rows in Wr and Uh, so that r differs between the hidden units and the
# place of the reset gate changes a_h (in lesson1 both placements give the same numbers).
ASYMMETRIC = dict(LESSON1, Wr=[[0.25], [-0.4]], Uh=[[0.5, -0.3], [0.2, 0.6]])

PARAMS = ["Wz", "Uz", "bz", "Wr", "Ur", "br", "Wh", "Uh", "bh", "Why", "by"]


def sigmoid(a):
    return 1 / (1 + math.exp(-a)) if a >= 0 else math.exp(a) / (1 + math.exp(a))


def entries(P, name):
    """The index lists of parameter `name`: [i] for a bias, [i, j] for a matrix (1-based)."""
    m = P[name]
    if isinstance(m[0], list):
        return [[i + 1, j + 1] for i in range(len(m)) for j in range(len(m[0]))]
    return [[i + 1] for i in range(len(m))]


def get(P, name, idx):
    m = P[name]
    return m[idx[0] - 1][idx[1] - 1] if len(idx) == 2 else m[idx[0] - 1]


def key(name, idx):
    return name + "".join("[%d]" % i for i in idx)


def student(P, digits=4, mistakes=None):
    """The sheet as (key, value) pairs in worksheet order. `mistakes` maps a key to a function
    of (v, default) giving the wrong value, where v is the sheet so far and default the right one."""
    mistakes = mistakes or {}
    R = (lambda x: float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))) \
        if digits is not None else (lambda x: x)
    v = {}
    order = []

    def put(k, x):
        if k in mistakes:
            x = mistakes[k](v, x)
        v[k] = R(x)
        order.append(k)

    H, T = 2, len(P["inputs"])
    x = lambda t: P["inputs"][t - 1]
    target = lambda t: P["targets"][t - 1]
    hprev = lambda t, j: P["h0"][j - 1] if t == 1 else v["t%d.h[%d]" % (t - 1, j)]

    for t in range(1, T + 1):
        for gate, W, U, b in (("z", "Wz", "Uz", "bz"), ("r", "Wr", "Ur", "br")):
            for i in (1, 2):
                put("t%d.a_%s[%d]" % (t, gate, i), P[W][i - 1][0] * x(t)
                    + sum(P[U][i - 1][j - 1] * hprev(t, j) for j in (1, 2)) + P[b][i - 1])
            for i in (1, 2):
                put("t%d.%s[%d]" % (t, gate, i), sigmoid(v["t%d.a_%s[%d]" % (t, gate, i)]))
        for i in (1, 2):
            put("t%d.rh[%d]" % (t, i), v["t%d.r[%d]" % (t, i)] * hprev(t, i))
        for i in (1, 2):
            put("t%d.a_h[%d]" % (t, i), P["Wh"][i - 1][0] * x(t)
                + sum(P["Uh"][i - 1][j - 1] * v["t%d.rh[%d]" % (t, j)] for j in (1, 2)) + P["bh"][i - 1])
        for i in (1, 2):
            put("t%d.h_tilde[%d]" % (t, i), math.tanh(v["t%d.a_h[%d]" % (t, i)]))
        for i in (1, 2):
            z = v["t%d.z[%d]" % (t, i)]
            put("t%d.h[%d]" % (t, i), z * hprev(t, i) + (1 - z) * v["t%d.h_tilde[%d]" % (t, i)])
        put("t%d.y[1]" % t, sum(P["Why"][0][j - 1] * v["t%d.h[%d]" % (t, j)] for j in (1, 2)) + P["by"][0])
        put("t%d.loss" % t, 0.5 * (v["t%d.y[1]" % t] - target(t)) ** 2)
    put("loss", sum(v["t%d.loss" % t] for t in range(1, T + 1)))

    for t in range(T, 0, -1):
        s = lambda name, i: v["t%d.%s[%d]" % (t, name, i)]
        put("t%d.dy[1]" % t, v["t%d.y[1]" % t] - target(t))
        for i in (1, 2):
            put("t%d.dh_out[%d]" % (t, i), P["Why"][0][i - 1] * v["t%d.dy[1]" % t])
        for i in (1, 2):
            put("t%d.dh_rec[%d]" % (t, i), 0.0 if t == T else v["t%d.dh_prev[%d]" % (t + 1, i)])
        for i in (1, 2):
            put("t%d.dh[%d]" % (t, i), s("dh_out", i) + s("dh_rec", i))
        for i in (1, 2):
            put("t%d.dz[%d]" % (t, i), s("dh", i) * (hprev(t, i) - s("h_tilde", i)))
        for i in (1, 2):
            put("t%d.dh_tilde[%d]" % (t, i), s("dh", i) * (1 - s("z", i)))
        for i in (1, 2):
            put("t%d.da_h[%d]" % (t, i), s("dh_tilde", i) * (1 - s("h_tilde", i) ** 2))
        for j in (1, 2):
            put("t%d.drh[%d]" % (t, j), sum(P["Uh"][i - 1][j - 1] * s("da_h", i) for i in (1, 2)))
        for i in (1, 2):
            put("t%d.dr[%d]" % (t, i), s("drh", i) * hprev(t, i))
        for i in (1, 2):
            put("t%d.da_r[%d]" % (t, i), s("dr", i) * s("r", i) * (1 - s("r", i)))
        for i in (1, 2):
            put("t%d.da_z[%d]" % (t, i), s("dz", i) * s("z", i) * (1 - s("z", i)))
        for j in (1, 2):
            put("t%d.dh_prev[%d]" % (t, j), s("dh", j) * s("z", j) + s("drh", j) * s("r", j)
                + sum(P["Ur"][i - 1][j - 1] * s("da_r", i) + P["Uz"][i - 1][j - 1] * s("da_z", i) for i in (1, 2)))

    def contribution(t, name, idx):
        s = lambda q, i: v["t%d.%s[%d]" % (t, q, i)]
        i = idx[0]
        j = idx[1] if len(idx) == 2 else None
        delta = {"Wz": "da_z", "Uz": "da_z", "bz": "da_z", "Wr": "da_r", "Ur": "da_r", "br": "da_r",
                 "Wh": "da_h", "Uh": "da_h", "bh": "da_h", "Why": "dy", "by": "dy"}[name]
        d = s(delta, i)
        if name in ("bz", "br", "bh", "by"):
            return d
        if name in ("Wz", "Wr", "Wh"):
            return d * x(t)
        if name in ("Uz", "Ur"):
            return d * hprev(t, j)
        if name == "Uh":
            return d * s("rh", j)
        return d * s("h", j)  # Why

    for t in range(T, 0, -1):
        for name in PARAMS:
            for idx in entries(P, name):
                put("t%d.grad.%s" % (t, key(name, idx)), contribution(t, name, idx))
    for name in PARAMS:
        for idx in entries(P, name):
            put("grad." + key(name, idx), sum(v["t%d.grad.%s" % (t, key(name, idx))] for t in range(1, T + 1)))
    for name in PARAMS:
        for idx in entries(P, name):
            put("update." + key(name, idx), get(P, name, idx) - P["lr"] * v["grad." + key(name, idx)])
    return [(k, v[k]) for k in order]


def fmt(x, digits):
    if digits is None:
        return repr(x)
    return "%.*f" % (digits, x)


def write(path, title, rows, digits=4):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# %s\n" % title)
        f.write("# Written by make_sheets.py; see its docstring for how every number is computed.\n")
        last = None
        for k, x in rows:
            group = k.split(".")[0] if k.startswith("t") else k.split(".")[0].split("[")[0]
            if group != last:
                f.write("\n# %s\n" % group)
                last = group
            f.write("%s = %s\n" % (k, fmt(x, digits)))


def other_convention_h(t, i):
    return lambda v, _: (1 - v["t%d.z[%d]" % (t, i)]) * v["t%d.h[%d]" % (t - 1, i)] + v["t%d.z[%d]" % (t, i)] * v["t%d.h_tilde[%d]" % (t, i)]


def main():
    write("lesson1-rounded.txt", "lesson1 by hand, every value rounded to 4 decimals as it is computed",
          student(LESSON1))
    write("lesson1-full.txt", "lesson1 by hand at full precision (Python floats)", student(LESSON1, digits=None), None)
    # The slip: z1[1] = 0.5897 for 0.5987 (two digits swapped); everything after follows from it.
    write("slip-z1.txt", "lesson1, rounded to 4 decimals, with one slip: t1.z[1] = 0.5897",
          student(LESSON1, mistakes={"t1.z[1]": lambda v, _: 0.5897}))
    mistakes = {
        # z on the candidate at t = 2: h = (1 − z)·h_{t−1} + z·h̃.
        "update_convention": (LESSON1, {"t2.h[1]": other_convention_h(2, 1)}),
        # at t = 2 the reset after the matmul: a_h = Wh·x + bh + r⊙(Uh·h_{t−1}).
        "reset_placement": (ASYMMETRIC, {"t2.a_h[1]": lambda v, _: 0.5 * 2.0 + 0.0 + v["t2.r[1]"]
                                         * (0.5 * v["t1.h[1]"] - 0.3 * v["t1.h[2]"])}),
        # at t = 2, dh = dh_out: the gradient arriving from t = 3 forgotten.
        "recurrent_term_forgotten": (LESSON1, {"t2.dh[1]": lambda v, _: v["t2.dh_out[1]"]}),
        # at t = 3, da_z = dz without σ′ = z(1 − z).
        "missing_sigmoid_derivative": (LESSON1, {"t3.da_z[1]": lambda v, _: v["t3.dz[1]"]}),
        # at t = 3, da_h = dh̃ without tanh′ = 1 − h̃².
        "missing_tanh_derivative": (LESSON1, {"t3.da_h[1]": lambda v, _: v["t3.dh_tilde[1]"]}),
        # at t = 3, dy = target − y.
        "sign_error": (LESSON1, {"t3.dy[1]": lambda v, right: -right}),
        # ∂L/∂Wz[1][1] taken from t = 3 alone.
        "not_summed_over_timesteps": (LESSON1, {"grad.Wz[1][1]": lambda v, _: v["t3.grad.Wz[1][1]"]}),
        # L_1 = (y − target)², the ½ left out.
        "loss_half_factor": (LESSON1, {"t1.loss": lambda v, right: 2 * right}),
        # at t = 3, dz = dh·(h_3 − h̃_3): this timestep's h where the formula takes h_2.
        "h_t_instead_of_h_prev": (LESSON1, {"t3.dz[1]": lambda v, _: v["t3.dh[1]"] * (v["t3.h[1]"] - v["t3.h_tilde[1]"])}),
        # at t = 2, y = Why·h_1 + by: the previous timestep's h where the formula takes h_2.
        "h_prev_instead_of_h_t": (LESSON1, {"t2.y[1]": lambda v, _: sum(LESSON1["Why"][0][j - 1] * v["t1.h[%d]" % j]
                                                                         for j in (1, 2)) + LESSON1["by"][0]}),
    }
    for code, (lesson, mistake) in mistakes.items():
        what = ", ".join(mistake)
        name = "lesson1" if lesson is LESSON1 else "lesson1 with Wr = [[0.25], [-0.4]], Uh = [[0.5, -0.3], [0.2, 0.6]]"
        write("mistake-%s.txt" % code, "%s, rounded to 4 decimals, with the mistake %s in %s" % (name, code, what),
              student(lesson, mistakes=mistake))


if __name__ == "__main__":
    main()
