#!/usr/bin/env python3
"""Check mindtune.lora_dropout's Triton kernels against PyTorch, using the kernels' own masks.

    python3 bench/check_lora_dropout.py                    # on the GPU machine (bf16)
    TRITON_INTERPRET=1 python3 bench/check_lora_dropout.py --cpu   # Triton's interpreter, fp32

For each shape and dropout rate: the forward (dropout(x) @ A.T), grad A and the gradient to x
against the same maths in PyTorch with the mask the kernels draw (``keep_mask``), the kept
fraction against 1 - p, and that the same seed gives the same mask and another seed another.
Prints one line per case and exits 1 if any case fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402
from _common import kernel_check_main, rel  # noqa: E402

from mindtune import lora_dropout as ld  # noqa: E402


def case(m: int, k: int, r: int, p: float, dev: str, dt: torch.dtype) -> bool:
    torch.manual_seed(m + k + r)
    x = torch.randn(m, k, device=dev).to(dt)
    a_w = (torch.randn(r, k, device=dev) / k**0.5).to(dt)
    gh = torch.randn(m, r, device=dev).to(dt)
    seed = 1234
    assert ld.usable(x.device, x.numel(), r), "kernels not usable here"
    keep = ld.keep_mask(m, k, p, seed, x.device).float()
    xd = x.float() * keep / (1 - p)
    a_ref = xd @ a_w.float().t()
    ga_ref = gh.float().t() @ xd
    dx_ref = (gh.float() @ a_w.float()) * keep / (1 - p)
    a = ld.dropout_a(x, a_w, p, seed)
    ga, dx = ld.dropout_a_grads(x, a_w, gh, p, seed)
    again = ld.keep_mask(m, k, p, seed, x.device)
    other = ld.keep_mask(m, k, p, seed + 1, x.device)
    tol = 2e-2 if dt == torch.bfloat16 else 1e-4
    errs = {"a": rel(a, a_ref), "grad_a": rel(ga, ga_ref), "dx": rel(dx, dx_ref)}
    kept = float(keep.mean())
    ok = (all(e < tol for e in errs.values()) and abs(kept - (1 - p)) < 4 * (p / (m * k)) ** 0.5
          + 1e-3 and torch.equal(again.float(), keep) and not torch.equal(other.float(), keep))
    print(f"M={m:<6} K={k:<6} R={r:<3} p={p:<5} kept={kept:.4f} "
          + " ".join(f"{n} rel {e:.1e}" for n, e in errs.items()) + f" -> {'PASS' if ok else 'FAIL'}")
    return ok


def main() -> None:
    kernel_check_main(__doc__, "dropout kernels", case,
                      [(70, 96, 32, 0.05), (130, 200, 8, 0.3), (300, 262, 16, 0.1)],
                      [(70, 96, 32, 0.05), (130, 200, 8, 0.3), (6379, 4544, 32, 0.05),
                       (6379, 18176, 32, 0.05), (11919, 4544, 32, 0.05)])


if __name__ == "__main__":
    main()
