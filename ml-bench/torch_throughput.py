"""PyTorch's side of ml-bench/neural-bench: training throughput of the MLP 784-256-128-10 (batch 128)
and the course's CNN (32x32x3, batch 64) with Adam, on the CPU with 2 threads, as the reference's
torch_ref.py measures it (random batches, 5 warm-up steps, then timed steps). Prints JSON."""
import json
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
torch.manual_seed(0)


def bench(model, make_batch, steps, warm=5, unit=1):
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    for i in range(warm + steps):
        if i == warm:
            start = time.perf_counter()
        x, y = make_batch()
        opt.zero_grad()
        F.cross_entropy(model(x), y).backward()
        opt.step()
    return round(steps * unit / (time.perf_counter() - start), 1)


class CourseCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(3, 32, 3)
        self.c2 = nn.Conv2d(32, 64, 3)
        self.c3 = nn.Conv2d(64, 64, 3)
        self.f1 = nn.Linear(1024, 64)
        self.f2 = nn.Linear(64, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.c1(x)), 2)
        x = F.max_pool2d(F.relu(self.c2(x)), 2)
        x = F.relu(self.c3(x))
        return self.f2(F.relu(self.f1(x.flatten(1))))


mlp = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
result = {
    "mlp-784-256-128-10-b128-samples": bench(
        mlp, lambda: (torch.randn(128, 784), torch.randint(0, 10, (128,))), steps=200, unit=128),
    "seed-cnn-32x32x3-b64-images": bench(
        CourseCnn(), lambda: (torch.randn(64, 3, 32, 32), torch.randint(0, 10, (64,))), steps=40, unit=64),
}
print(json.dumps(result))
