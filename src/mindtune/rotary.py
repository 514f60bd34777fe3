"""Rotary positions for the lean Falcon layers (mindtune.leanlayer): the fused QKV output split
into contiguous q, k, v with q and k rotated, and the transpose of that for the backward.

transformers rotates with ``x * cos + rotate_half(x) * sin`` on strided views of the QKV output:
per layer that is ~6 elementwise kernels forward and ~6 backward over (tokens, hidden), most of
them on the non-vectorized path (strided or broadcast operands), plus the copies that make q, k,
v contiguous for flash attention and the concatenation of their gradients. On the GPU with Triton
one kernel each way reads the input once and writes the outputs once (fp32 maths, rounded once);
elsewhere the same maths runs as PyTorch ops (the CPU tests, machines without Triton).

Shapes: qkv (T, H + 2, D) = H query heads, one key head, one value head (multi-query); cos, sin
(T, D); D even. ``bench/check_rotary.py`` checks the kernels against the PyTorch path.
"""

from __future__ import annotations

import os
from typing import Any

import torch

try:  # the kernels exist only where Triton does (the GPU image; not the CPU venv)
    import triton
    import triton.language as tl
except ImportError:  # pragma: no cover - depends on the machine
    triton = None

_BT = 32  # tokens per program


def usable(x: torch.Tensor) -> bool:
    """Whether the kernels take ``x`` (CUDA, or anywhere under Triton's interpreter): head
    size a power of two (Triton's ranges), 32-bit offsets; ``MINDTUNE_ROTARY_KERNELS=0`` turns
    them off (benchmarks measure the difference)."""
    d = x.shape[-1]
    on = x.is_cuda or os.environ.get("TRITON_INTERPRET") == "1"
    return (triton is not None and on and d >= 2 and d & (d - 1) == 0
            and x.numel() < 2**31 and os.environ.get("MINDTUNE_ROTARY_KERNELS") != "0")


if triton is not None:
    @triton.jit(do_not_specialize=["T"])
    def _rope_kernel(src_ptr, cos_ptr, sin_ptr, q_ptr, k_ptr, v_ptr, T, H: tl.constexpr,
                     D: tl.constexpr, BT: tl.constexpr, BACKWARD: tl.constexpr):
        """One program: BT tokens of one head. Forward: src = qkv (T, H+2, D) -> q (T, H, D),
        k, v (T, 1, D). Backward: src = dq/dk/dv (same three tensors, read) -> dqkv (written
        to q_ptr as (T, H+2, D)). Head H+1 (v) is copied as it is."""
        t = tl.program_id(0) * BT + tl.arange(0, BT)
        h = tl.program_id(1)
        d = tl.arange(0, D)
        half: tl.constexpr = D // 2
        partner = (d + half) % D
        rows = t[:, None] < T
        if BACKWARD:   # read the head's gradient from dq, dk or dv; write into dqkv
            if h < H:
                src = src_ptr + (t[:, None] * H + h) * D
            elif h == H:
                src = k_ptr + t[:, None] * D    # k_ptr: dk here (see _launch)
            else:
                src = v_ptr + t[:, None] * D    # v_ptr: dv here
            dst = q_ptr + (t[:, None] * (H + 2) + h) * D
        else:
            src = src_ptr + (t[:, None] * (H + 2) + h) * D
            if h < H:
                dst = q_ptr + (t[:, None] * H + h) * D
            elif h == H:
                dst = k_ptr + t[:, None] * D
            else:
                dst = v_ptr + t[:, None] * D
        x = tl.load(src + d[None, :], mask=rows, other=0.0)
        if h <= H:
            xp = tl.load(src + partner[None, :], mask=rows, other=0.0).to(tl.float32)
            c = tl.load(cos_ptr + t[:, None] * D + d[None, :], mask=rows, other=0.0)
            if BACKWARD:
                # dx[i] = g[i] cos[i] + g[i + D/2] sin[i + D/2] (i < D/2)
                #                     - g[i - D/2] sin[i - D/2] (i >= D/2)
                sp = tl.load(sin_ptr + t[:, None] * D + partner[None, :], mask=rows, other=0.0)
                sign = tl.where(d < half, 1.0, -1.0)
                y = x.to(tl.float32) * c.to(tl.float32) + sign[None, :] * xp * sp.to(tl.float32)
            else:
                # y[i] = x[i] cos[i] - x[i + D/2] sin[i] (i < D/2);  + x[i - D/2] sin[i]
                s = tl.load(sin_ptr + t[:, None] * D + d[None, :], mask=rows, other=0.0)
                sign = tl.where(d < half, -1.0, 1.0)
                y = x.to(tl.float32) * c.to(tl.float32) + sign[None, :] * xp * s.to(tl.float32)
            x = y.to(x.dtype)
        tl.store(dst + d[None, :], x, mask=rows)


def _rotate_half(x: torch.Tensor) -> torch.Tensor:
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """transformers' rotation of ``x`` (..., D) by ``cos``/``sin`` broadcast to it."""
    return (x * cos) + (_rotate_half(x) * sin)


def rope_bwd(g: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """The gradient through :func:`rope` (rotate_half's transpose is -rotate_half)."""
    return g * cos - _rotate_half(g * sin)


def split_qkv(qkv: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor
              ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """qkv (T, H + 2, D), cos/sin (T, D) -> contiguous rotated q (T, H, D), rotated k (T, 1, D)
    and v (T, 1, D)."""
    t, heads, d = qkv.shape[0], qkv.shape[1] - 2, qkv.shape[2]
    if usable(qkv):
        q = qkv.new_empty(t, heads, d)
        k, v = qkv.new_empty(t, 1, d), qkv.new_empty(t, 1, d)
        _launch(qkv.contiguous(), cos, sin, q, k, v, heads, backward=False)
        return q, k, v
    cs, sn = cos.view(t, 1, d), sin.view(t, 1, d)
    return (rope(qkv[:, :heads], cs, sn).contiguous(),
            rope(qkv[:, heads:heads + 1], cs, sn).contiguous(), qkv[:, heads + 1:].contiguous())


def split_qkv_bwd(dq: torch.Tensor, dk: torch.Tensor, dv: torch.Tensor, cos: torch.Tensor,
                  sin: torch.Tensor) -> torch.Tensor:
    """The gradient of :func:`split_qkv`'s input: (T, H + 2, D) from dq, dk, dv."""
    t, heads, d = dq.shape
    if usable(dq):
        out = dq.new_empty(t, heads + 2, d)
        _launch(dq.contiguous(), cos, sin, out, dk.contiguous(), dv.contiguous(), heads,
                backward=True)
        return out
    cs, sn = cos.view(t, 1, d), sin.view(t, 1, d)
    return torch.cat([rope_bwd(dq, cs, sn), rope_bwd(dk, cs, sn), dv], 1)


def _launch(src: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor, a: torch.Tensor,
            b: torch.Tensor, c: torch.Tensor, heads: int, backward: bool) -> None:
    t, d = src.shape[0], src.shape[-1]
    cos, sin = (x.reshape(t, d).to(src.dtype).contiguous() for x in (cos, sin))
    kernel: Any = _rope_kernel
    kernel[(-(-t // _BT), heads + 2)](src, cos, sin, a, b, c, t, H=heads, D=d, BT=_BT,
                                      BACKWARD=backward)
