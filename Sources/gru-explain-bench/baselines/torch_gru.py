"""PyTorch baseline for gru-explain-bench: nn.GRU (after_matmul, z_times_previous) + a linear
output, float64, CPU, one thread, batch 1, T = 64, input 8; forward + autograd + SGD per epoch.
Prints the median seconds per epoch, or a reason on stdout with exit 1 if torch is missing."""
import argparse, sys, time
try:
    import torch
except Exception as e:  # noqa: BLE001
    print(f"torch not importable: {type(e).__name__}"); sys.exit(1)

ap = argparse.ArgumentParser()
ap.add_argument("--hidden", type=int, default=64)
ap.add_argument("--epochs", type=int, default=20)
ap.add_argument("--rounds", type=int, default=5)
a = ap.parse_args()
torch.set_num_threads(1)
torch.manual_seed(1)
H, I, T = a.hidden, 8, 64
gru = torch.nn.GRU(I, H, dtype=torch.float64)
out = torch.nn.Linear(H, 1, dtype=torch.float64)
params = list(gru.parameters()) + list(out.parameters())
opt = torch.optim.SGD(params, lr=1e-9)
X = torch.rand(T, 1, I, dtype=torch.float64) * 2 - 1
Y = torch.rand(T, 1, 1, dtype=torch.float64) * 2 - 1

def epoch():
    opt.zero_grad(set_to_none=False)
    hs, _ = gru(X)
    loss = 0.5 * ((out(hs) - Y) ** 2).sum()
    loss.backward()
    opt.step()

epoch()  # warm-up
times = []
for _ in range(a.rounds):
    t0 = time.perf_counter()
    for _ in range(a.epochs): epoch()
    times.append((time.perf_counter() - t0) / a.epochs)
print(sorted(times)[len(times) // 2])
