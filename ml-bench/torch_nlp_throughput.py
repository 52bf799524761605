"""PyTorch's side of ml-bench/nlp-bench: training throughput (tokens/s) of the char LSTM language
model (vocabulary 65, embedding 64, LSTM 256, sequences of 64, batch 32) and the small char GPT
(4 pre-norm blocks, d = 128, 4 heads, context 128, batch 16) with Adam on the CPU, exactly as the
reference's torch_ref.py measures them (random batches, 5 warm-up steps, then timed steps). Prints JSON."""
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
        F.cross_entropy(model(x).reshape(-1, 65), y.reshape(-1)).backward()
        opt.step()
    return round(steps * unit / (time.perf_counter() - start), 1)


class LstmLm(nn.Module):
    def __init__(self):
        super().__init__()
        self.e = nn.Embedding(65, 64)
        self.l = nn.LSTM(64, 256, batch_first=True)
        self.o = nn.Linear(256, 65)

    def forward(self, x):
        h, _ = self.l(self.e(x))
        return self.o(h)


class Block(nn.Module):
    def __init__(self, d, h):
        super().__init__()
        self.ln1 = nn.LayerNorm(d)
        self.att = nn.MultiheadAttention(d, h, batch_first=True)
        self.ln2 = nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))

    def forward(self, x):
        t = x.shape[1]
        m = torch.triu(torch.ones(t, t, dtype=torch.bool), 1)
        a = self.ln1(x)
        x = x + self.att(a, a, a, attn_mask=m, need_weights=False)[0]
        return x + self.ff(self.ln2(x))


class Gpt(nn.Module):
    def __init__(self, v=65, d=128, layers=4, h=4, t=128):
        super().__init__()
        self.te = nn.Embedding(v, d)
        self.pe = nn.Embedding(t, d)
        self.b = nn.Sequential(*[Block(d, h) for _ in range(layers)])
        self.ln = nn.LayerNorm(d)
        self.o = nn.Linear(d, v)

    def forward(self, x):
        return self.o(self.ln(self.b(self.te(x) + self.pe(torch.arange(x.shape[1])))))


which = sys.argv[2] if len(sys.argv) > 2 else "all"
result = {}
if which in ("lstm", "all"):
    result["char-lstm-h256-seq64-b32-tokens"] = bench(
        LstmLm(), lambda: (torch.randint(0, 65, (32, 64)), torch.randint(0, 65, (32, 64))), steps=30, unit=32 * 64)
if which in ("gpt", "all"):
    result["gpt-4L-d128-ctx128-b16-tokens"] = bench(
        Gpt(), lambda: (torch.randint(0, 65, (16, 128)), torch.randint(0, 65, (16, 128))), steps=20, unit=16 * 128)
print(json.dumps(result))
