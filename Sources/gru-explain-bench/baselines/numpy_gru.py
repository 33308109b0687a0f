"""numpy baseline for gru-explain-bench: the same GRU math (after_matmul, z_times_previous,
half_squared, sum), forward + BPTT + SGD, float64, one sequence, T = 64, input 8, output 1.
Prints the median seconds per epoch."""
import argparse, time
import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("--hidden", type=int, default=64)
ap.add_argument("--epochs", type=int, default=20)
ap.add_argument("--rounds", type=int, default=5)
a = ap.parse_args()
H, I, O, T = a.hidden, 8, 1, 64
rng = np.random.default_rng(1)
s = 1 / np.sqrt(H)
P = {k: rng.uniform(-s, s, shape) for k, shape in dict(
    Wz=(H, I), Uz=(H, H), bz=(H,), Wr=(H, I), Ur=(H, H), br=(H,), Wh=(H, I), Uh=(H, H), bh=(H,),
    bhn=(H,), Why=(O, H), by=(O,)).items()}
X = rng.uniform(-1, 1, (T, I)); Y = rng.uniform(-1, 1, (T, O))
sig = lambda a: 1 / (1 + np.exp(-a))

def epoch():
    hs = [np.zeros(H)]; cache = []
    for t in range(T):
        x, hp = X[t], hs[-1]
        z = sig(P["Wz"] @ x + P["Uz"] @ hp + P["bz"]); r = sig(P["Wr"] @ x + P["Ur"] @ hp + P["br"])
        n = P["Uh"] @ hp + P["bhn"]; ht = np.tanh(P["Wh"] @ x + P["bh"] + r * n)
        h = z * hp + (1 - z) * ht; y = P["Why"] @ h + P["by"]
        hs.append(h); cache.append((x, hp, z, r, n, ht, h, y))
    G = {k: np.zeros_like(v) for k, v in P.items()}; dhr = np.zeros(H)
    for t in reversed(range(T)):
        x, hp, z, r, n, ht, h, y = cache[t]
        dy = y - Y[t]; G["Why"] += np.outer(dy, h); G["by"] += dy
        dh = P["Why"].T @ dy + dhr
        dz = dh * (hp - ht); dht = dh * (1 - z); dhp = dh * z
        dah = dht * (1 - ht * ht); G["Wh"] += np.outer(dah, x); G["bh"] += dah
        dr = dah * n; dn = dah * r; G["Uh"] += np.outer(dn, hp); G["bhn"] += dn; dhp += P["Uh"].T @ dn
        dar = dr * r * (1 - r); G["Wr"] += np.outer(dar, x); G["Ur"] += np.outer(dar, hp); G["br"] += dar; dhp += P["Ur"].T @ dar
        daz = dz * z * (1 - z); G["Wz"] += np.outer(daz, x); G["Uz"] += np.outer(daz, hp); G["bz"] += daz; dhp += P["Uz"].T @ daz
        dhr = dhp
    for k in P: P[k] -= 1e-9 * G[k]

times = []
for _ in range(a.rounds):
    t0 = time.perf_counter()
    for _ in range(a.epochs): epoch()
    times.append((time.perf_counter() - t0) / a.epochs)
print(sorted(times)[len(times) // 2])
