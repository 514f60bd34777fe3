#!/usr/bin/env python3
"""Check mindtune.rotary's Triton kernels against its PyTorch path (transformers' rotation).

    python3 bench/check_rotary.py                           # on the GPU machine (bf16)
    TRITON_INTERPRET=1 python3 bench/check_rotary.py --cpu  # Triton's interpreter, fp32

For each shape: q, k, v from the forward kernel and the input gradient from the backward kernel
against the PyTorch ops. Prints one line per case and exits 1 if any case fails.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402
from _common import kernel_check_main, rel  # noqa: E402

from mindtune import rotary  # noqa: E402


def reference(fn, *args: torch.Tensor):  # noqa: ANN001, ANN201
    old = os.environ.get("MINDTUNE_ROTARY_KERNELS")
    os.environ["MINDTUNE_ROTARY_KERNELS"] = "0"
    try:
        return fn(*args)
    finally:
        if old is None:
            del os.environ["MINDTUNE_ROTARY_KERNELS"]
        else:
            os.environ["MINDTUNE_ROTARY_KERNELS"] = old


def case(t: int, heads: int, d: int, dev: str, dt: torch.dtype) -> bool:
    torch.manual_seed(t + heads + d)
    qkv = torch.randn(t, heads + 2, d, device=dev).to(dt)
    ang = torch.rand(t, d // 2, device=dev) * 6.28
    ang = torch.cat([ang, ang], -1)
    cos, sin = ang.cos().to(dt), ang.sin().to(dt)
    assert rotary.usable(qkv), "kernels not usable here"
    got = rotary.split_qkv(qkv, cos, sin)
    ref = reference(rotary.split_qkv, qkv, cos, sin)
    dq, dk, dv = (torch.randn_like(x) for x in ref)
    gin = rotary.split_qkv_bwd(dq, dk, dv, cos, sin)
    gref = reference(rotary.split_qkv_bwd, dq, dk, dv, cos, sin)
    tol = 1e-2 if dt == torch.bfloat16 else 1e-6
    errs = {n: rel(a, b) for n, a, b in zip("qkv", got, ref, strict=True)}
    errs["dqkv"] = rel(gin, gref)
    shapes = all(a.shape == b.shape and a.is_contiguous() for a, b in zip(got, ref, strict=True))
    ok = shapes and gin.shape == qkv.shape and all(e < tol for e in errs.values())
    print(f"T={t:<6} H={heads:<3} D={d:<4} " + " ".join(f"{n} rel {e:.1e}" for n, e in errs.items())
          + f" -> {'PASS' if ok else 'FAIL'}")
    return ok


def main() -> None:
    kernel_check_main(__doc__, "rotary kernels", case, [(37, 3, 8), (64, 4, 16)],
                      [(11919, 71, 64), (1000, 71, 64), (33, 8, 128)])


if __name__ == "__main__":
    main()
