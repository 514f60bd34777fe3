"""LoRA's dropout fused into its A projection, as Triton kernels (GPU; the lean Falcon layers of
``train.fused_layers`` use them when Triton is there, else they run the same maths in PyTorch).

PEFT computes ``a = dropout(x) @ A.T``: the dropout writes a full copy of x and a mask, the GEMM
reads the copy, and the backward needs both again. Here the keep-mask of element (row, col) is
``rand(seed, row * K + col) >= p`` (Philox, counter-based), so every kernel makes it anew from the
seed instead of storing it:

    forward   a      = (x * keep / (1 - p)) @ A.T                 (M, R)   reads x once
    backward  grad_A = gh.T @ (x * keep / (1 - p))                 (R, K)   reads x once
              dx     = ((gh @ A) * keep / (1 - p))                 (M, K)   writes dx once

x (M, K) is an activation (bf16), A (R, K) the LoRA A weight in x's dtype, gh (M, R) the gradient
of ``a``. The masks are not PyTorch's (another random stream), with the same distribution.
``bench/check_lora_dropout.py`` checks the three kernels against PyTorch with the kernels' own
masks (on the GPU, or on a CPU with ``TRITON_INTERPRET=1``)."""

from __future__ import annotations

import functools
import os
from typing import Any

import torch

MAX_ELEMENTS = 2**31 - 1  # Philox offsets are 32-bit: row * K + col must fit


@functools.cache
def _triton() -> Any:
    try:
        import triton
        import triton.language as tl
    except ImportError:
        return None
    return triton, tl, _kernels(triton, tl)


def usable(device: torch.device, numel: int, rank: int) -> bool:
    """Whether the kernels take a contiguous 2-D input of ``numel`` elements on ``device`` (CUDA,
    or any device under Triton's interpreter) for a LoRA of rank ``rank``."""
    interp = os.environ.get("TRITON_INTERPRET") == "1"
    return ((device.type == "cuda" or interp) and rank <= 128 and numel <= MAX_ELEMENTS
            and _triton() is not None)


def _kernels(triton: Any, tl: Any) -> dict[str, Any]:
    @triton.jit
    def drop_a(x_ptr, a_ptr, out_ptr, M, K, R, seed, p, scale,
               BLOCK_M: tl.constexpr, BLOCK_K: tl.constexpr, BLOCK_R: tl.constexpr):
        rm = tl.program_id(0) * BLOCK_M + tl.arange(0, BLOCK_M)
        rr = tl.arange(0, BLOCK_R)
        acc = tl.zeros((BLOCK_M, BLOCK_R), dtype=tl.float32)
        for k0 in range(0, K, BLOCK_K):
            rk = k0 + tl.arange(0, BLOCK_K)
            inside = (rm[:, None] < M) & (rk[None, :] < K)
            x = tl.load(x_ptr + rm[:, None] * K + rk[None, :], mask=inside, other=0.0)
            keep = tl.rand(seed, rm[:, None] * K + rk[None, :]) >= p
            x = tl.where(keep, x * scale, 0.0).to(x_ptr.dtype.element_ty)
            at = tl.load(a_ptr + rr[None, :] * K + rk[:, None],                 # (BK, BR) = A.T
                         mask=(rk[:, None] < K) & (rr[None, :] < R), other=0.0)
            acc += tl.dot(x, at)
        tl.store(out_ptr + rm[:, None] * R + rr[None, :], acc.to(out_ptr.dtype.element_ty),
                 mask=(rm[:, None] < M) & (rr[None, :] < R))

    @triton.jit
    def grad_a(x_ptr, g_ptr, out_ptr, M, K, R, seed, p, scale, rows_per_split,
               BLOCK_M: tl.constexpr, BLOCK_K: tl.constexpr, BLOCK_R: tl.constexpr):
        rk = tl.program_id(0) * BLOCK_K + tl.arange(0, BLOCK_K)
        split = tl.program_id(1)
        rr = tl.arange(0, BLOCK_R)
        acc = tl.zeros((BLOCK_R, BLOCK_K), dtype=tl.float32)
        start = split * rows_per_split
        for m0 in range(start, start + rows_per_split, BLOCK_M):
            rm = m0 + tl.arange(0, BLOCK_M)
            inside = (rm[:, None] < M) & (rk[None, :] < K)
            x = tl.load(x_ptr + rm[:, None] * K + rk[None, :], mask=inside, other=0.0)
            keep = tl.rand(seed, rm[:, None] * K + rk[None, :]) >= p
            x = tl.where(keep, x * scale, 0.0).to(x_ptr.dtype.element_ty)
            g = tl.load(g_ptr + rm[:, None] * R + rr[None, :],
                        mask=(rm[:, None] < M) & (rr[None, :] < R), other=0.0)     # (BM, BR)
            acc += tl.dot(tl.trans(g), x)                                      # (BR, BK)
        tl.store(out_ptr + split * R * K + rr[:, None] * K + rk[None, :], acc,
                 mask=(rr[:, None] < R) & (rk[None, :] < K))

    @triton.jit
    def grad_x(g_ptr, a_ptr, out_ptr, M, K, R, seed, p, scale,
               BLOCK_M: tl.constexpr, BLOCK_K: tl.constexpr, BLOCK_R: tl.constexpr):
        rm = tl.program_id(0) * BLOCK_M + tl.arange(0, BLOCK_M)
        rk = tl.program_id(1) * BLOCK_K + tl.arange(0, BLOCK_K)
        rr = tl.arange(0, BLOCK_R)
        g = tl.load(g_ptr + rm[:, None] * R + rr[None, :],
                    mask=(rm[:, None] < M) & (rr[None, :] < R), other=0.0)         # (BM, BR)
        a = tl.load(a_ptr + rr[:, None] * K + rk[None, :],
                    mask=(rr[:, None] < R) & (rk[None, :] < K), other=0.0)         # (BR, BK)
        d = tl.dot(g, a)
        keep = tl.rand(seed, rm[:, None] * K + rk[None, :]) >= p
        d = tl.where(keep, d * scale, 0.0)
        tl.store(out_ptr + rm[:, None] * K + rk[None, :], d.to(out_ptr.dtype.element_ty),
                 mask=(rm[:, None] < M) & (rk[None, :] < K))

    @triton.jit
    def keep_mask(out_ptr, M, K, seed, p, BLOCK_M: tl.constexpr, BLOCK_K: tl.constexpr):
        rm = tl.program_id(0) * BLOCK_M + tl.arange(0, BLOCK_M)
        rk = tl.program_id(1) * BLOCK_K + tl.arange(0, BLOCK_K)
        keep = tl.rand(seed, rm[:, None] * K + rk[None, :]) >= p
        tl.store(out_ptr + rm[:, None] * K + rk[None, :], keep.to(tl.int8),
                 mask=(rm[:, None] < M) & (rk[None, :] < K))

    return {"drop_a": drop_a, "grad_a": grad_a, "grad_x": grad_x, "keep_mask": keep_mask}


_BM, _BK = 64, 64


def _rblock(rank: int) -> int:
    return max(16, 1 << (rank - 1).bit_length())  # tl.dot wants >= 16 and a power of two


def new_seed() -> int:
    """A seed drawn from PyTorch's CPU generator (reproducible under torch.manual_seed)."""
    return int(torch.randint(0, 2**31 - 1, (1,)).item())


def dropout_a(x: torch.Tensor, a_w: torch.Tensor, p: float, seed: int) -> torch.Tensor:
    """(x * keep / (1 - p)) @ A.T for x (M, K), A (R, K) -> (M, R) in x's dtype."""
    _, _, k = _triton()
    m, kk = x.shape
    r = a_w.shape[0]
    out = torch.empty(m, r, dtype=x.dtype, device=x.device)
    k["drop_a"][(-(-m // _BM),)](x, a_w.contiguous(), out, m, kk, r, seed, p, 1.0 / (1.0 - p),
                                 BLOCK_M=_BM, BLOCK_K=_BK, BLOCK_R=_rblock(r))
    return out


def dropout_a_grads(x: torch.Tensor, a_w: torch.Tensor, gh: torch.Tensor, p: float, seed: int
                    ) -> tuple[torch.Tensor, torch.Tensor]:
    """(grad of A (R, K) fp32, gradient reaching x through the LoRA branch (M, K) in x's dtype)
    for ``gh`` (M, R), the gradient of :func:`dropout_a`'s output."""
    _, _, k = _triton()
    m, kk = x.shape
    r = a_w.shape[0]
    gh = gh.to(x.dtype).contiguous()
    a_w = a_w.contiguous()
    k_tiles = -(-kk // _BK)
    splits = max(1, min(-(-m // _BM), -(-264 // k_tiles)))  # ~2 programs per H100 SM
    rows = -(-m // splits)
    rows = -(-rows // _BM) * _BM
    splits = -(-m // rows)
    part = torch.empty(splits, r, kk, dtype=torch.float32, device=x.device)
    scale = 1.0 / (1.0 - p)
    k["grad_a"][(k_tiles, splits)](x, gh, part, m, kk, r, seed, p, scale, rows,
                                   BLOCK_M=_BM, BLOCK_K=_BK, BLOCK_R=_rblock(r))
    dx = torch.empty_like(x)
    k["grad_x"][(-(-m // _BM), k_tiles)](gh, a_w, dx, m, kk, r, seed, p, scale,
                                         BLOCK_M=_BM, BLOCK_K=_BK, BLOCK_R=_rblock(r))
    return part.sum(0) if splits > 1 else part[0], dx


def keep_mask(m: int, k: int, p: float, seed: int, device: torch.device) -> torch.Tensor:
    """The kernels' keep-mask (M, K) as bool, for checks."""
    _, _, kern = _triton()
    out = torch.empty(m, k, dtype=torch.int8, device=device)
    kern["keep_mask"][(-(-m // _BM), -(-k // _BK))](out, m, k, seed, p, BLOCK_M=_BM,
                                                   BLOCK_K=_BK)
    return out.bool()
