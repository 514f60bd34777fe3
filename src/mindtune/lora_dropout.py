"""LoRA's dropout fused into its A projection, as Triton kernels (GPU; the lean Falcon layers of
``train.fused_layers`` use them when Triton is there, else they run the same maths in PyTorch).

PEFT computes ``a = dropout(x) @ A.T``: the dropout writes a full copy of x and a mask, the GEMM
reads the copy, and the backward needs both again. Here the keep-mask of element (row, col) is
drawn from Philox (counter-based: one call per 4 columns, counter ``(row * K + col) / 4``), so
every kernel makes it anew from the seed instead of storing it:

    forward   a      = (x * keep / (1 - p)) @ A.T                 (M, R)   reads x once
    backward  grad_A = gh.T @ (x * keep / (1 - p))                 (R, K)   reads x once
              dx     = ((gh @ A) * keep / (1 - p))                 (M, K)   writes dx once

x (M, K) is an activation (bf16), A (R, K) the LoRA A weight in x's dtype, gh (M, R) the gradient
of ``a``. The masks are not PyTorch's (another random stream), with the same distribution.
``bench/check_lora_dropout.py`` checks the three kernels against PyTorch with the kernels' own
masks (on the GPU, or on a CPU with ``TRITON_INTERPRET=1``)."""

from __future__ import annotations

import os
from typing import Any

import torch

MAX_ELEMENTS = 2**31 - 1  # Philox offsets are 32-bit: row * K + col must fit


try:  # the kernels exist only where Triton does (the GPU image; not the CPU venv)
    import triton
    import triton.language as tl
except ImportError:  # pragma: no cover - depends on the machine
    triton = None

_TUNE = os.environ.get("TRITON_INTERPRET") != "1"  # the interpreter has no benchmarker


def usable(device: torch.device, numel: int, width: int, rank: int) -> bool:
    """Whether the kernels take a contiguous (numel / width, width) input on ``device`` (CUDA,
    or any device under Triton's interpreter) for a LoRA of rank ``rank``."""
    interp = os.environ.get("TRITON_INTERPRET") == "1"
    return ((device.type == "cuda" or interp) and rank <= 128 and width % 4 == 0
            and numel <= MAX_ELEMENTS and triton is not None)


if triton is not None:
    # integer/float arguments that change from call to call must not be specialized on (Triton
    # would compile a new kernel whenever e.g. the seed happens to be a multiple of 16)
    def _jit(*extra: str) -> Any:
        return triton.jit(do_not_specialize=["M", "seed", "p", *extra])

    def _tuned(configs: list[tuple[int, int, int, int]], restore: tuple[str, ...] = ()) -> Any:
        if not _TUNE:
            return lambda fn: fn
        return triton.autotune([triton.Config({"BLOCK_M": m, "BLOCK_K": k}, num_warps=w,
                                              num_stages=st) for m, k, w, st in configs],
                               key=["K", "R"], restore_value=list(restore))

    @triton.jit
    def _keep(seed, rm, k0, K, p, BLOCK_M: tl.constexpr, BLOCK_K: tl.constexpr):
        """(BLOCK_M, BLOCK_K) keep-mask of rows ``rm`` and columns k0.. : one Philox call per 4
        columns (element (row, col) -> counter row * K / 4 + col / 4, lane col % 4)."""
        rj = tl.arange(0, BLOCK_K // 4)
        # Philox4x32 with 7 rounds: passes BigCrush (Salmon et al., SC'11); 10 is its margin
        r0, r1, r2, r3 = tl.rand4x(seed, rm[:, None] * (K // 4) + k0 // 4 + rj[None, :],
                                   n_rounds=7)
        r = tl.reshape(tl.join(tl.join(r0, r1), tl.join(r2, r3)), (BLOCK_M, BLOCK_K))
        return r >= p

    @_tuned([(64, 128, 4, 3), (128, 64, 4, 3), (128, 128, 8, 3), (64, 64, 4, 4),
            (32, 256, 4, 3)])
    @_jit("scale")
    def _drop_a(x_ptr, a_ptr, out_ptr, M, K, R, seed, p, scale,
               BLOCK_M: tl.constexpr, BLOCK_K: tl.constexpr, BLOCK_R: tl.constexpr):
        rm = tl.program_id(0) * BLOCK_M + tl.arange(0, BLOCK_M)
        rr = tl.arange(0, BLOCK_R)
        acc = tl.zeros((BLOCK_M, BLOCK_R), dtype=tl.float32)
        for k0 in range(0, K, BLOCK_K):
            rk = k0 + tl.arange(0, BLOCK_K)
            inside = (rm[:, None] < M) & (rk[None, :] < K)
            x = tl.load(x_ptr + rm[:, None] * K + rk[None, :], mask=inside, other=0.0)
            kept = _keep(seed, rm, k0, K, p, BLOCK_M, BLOCK_K)
            x = tl.where(kept, x * scale, 0.0).to(x_ptr.dtype.element_ty)
            at = tl.load(a_ptr + rr[None, :] * K + rk[:, None],                 # (BK, BR) = A.T
                         mask=(rk[:, None] < K) & (rr[None, :] < R), other=0.0)
            acc += tl.dot(x, at)
        tl.store(out_ptr + rm[:, None] * R + rr[None, :], acc.to(out_ptr.dtype.element_ty),
                 mask=(rm[:, None] < M) & (rr[None, :] < R))

    @_tuned([(64, 128, 4, 3), (128, 64, 4, 3), (128, 128, 8, 3), (64, 64, 4, 4),
            (256, 64, 8, 3)])
    @_jit("scale", "rows_per_split")
    def _grad_a(x_ptr, g_ptr, out_ptr, M, K, R, seed, p, scale, rows_per_split,
               BLOCK_M: tl.constexpr, BLOCK_K: tl.constexpr, BLOCK_R: tl.constexpr,
               GELU: tl.constexpr):
        k0 = tl.program_id(0) * BLOCK_K
        rk = k0 + tl.arange(0, BLOCK_K)
        split = tl.program_id(1)
        rr = tl.arange(0, BLOCK_R)
        acc = tl.zeros((BLOCK_R, BLOCK_K), dtype=tl.float32)
        start = split * rows_per_split
        for m0 in range(start, start + rows_per_split, BLOCK_M):
            rm = m0 + tl.arange(0, BLOCK_M)
            inside = (rm[:, None] < M) & (rk[None, :] < K)
            x = tl.load(x_ptr + rm[:, None] * K + rk[None, :], mask=inside, other=0.0)
            if GELU:  # x holds the pre-activation: the input is gelu(x), rounded as torch does
                xf = x.to(tl.float32)
                x = (0.5 * xf * (1.0 + tl.math.erf(xf * 0.7071067811865476))).to(x.dtype)
            kept = _keep(seed, rm, k0, K, p, BLOCK_M, BLOCK_K)
            x = tl.where(kept, x * scale, 0.0).to(x_ptr.dtype.element_ty)
            g = tl.load(g_ptr + rm[:, None] * R + rr[None, :],
                        mask=(rm[:, None] < M) & (rr[None, :] < R), other=0.0)     # (BM, BR)
            acc += tl.dot(tl.trans(g), x)                                      # (BR, BK)
        tl.store(out_ptr + split * R * K + rr[:, None] * K + rk[None, :], acc,
                 mask=(rr[:, None] < R) & (rk[None, :] < K))

    @_tuned([(64, 128, 4, 3), (128, 128, 8, 3), (128, 64, 4, 3), (64, 256, 8, 3)],
            restore=("out_ptr",))  # it may accumulate: tuning runs must not add up
    @_jit("scale")
    def _grad_x(g_ptr, a_ptr, out_ptr, M, K, R, seed, p, scale,
               BLOCK_M: tl.constexpr, BLOCK_K: tl.constexpr, BLOCK_R: tl.constexpr,
               ACCUMULATE: tl.constexpr):
        rm = tl.program_id(0) * BLOCK_M + tl.arange(0, BLOCK_M)
        k0 = tl.program_id(1) * BLOCK_K
        rk = k0 + tl.arange(0, BLOCK_K)
        rr = tl.arange(0, BLOCK_R)
        g = tl.load(g_ptr + rm[:, None] * R + rr[None, :],
                    mask=(rm[:, None] < M) & (rr[None, :] < R), other=0.0)         # (BM, BR)
        a = tl.load(a_ptr + rr[:, None] * K + rk[None, :],
                    mask=(rr[:, None] < R) & (rk[None, :] < K), other=0.0)         # (BR, BK)
        d = tl.dot(g, a)
        kept = _keep(seed, rm, k0, K, p, BLOCK_M, BLOCK_K)
        d = tl.where(kept, d * scale, 0.0)
        inside = (rm[:, None] < M) & (rk[None, :] < K)
        if ACCUMULATE:  # add onto what the output holds (the other branches' gradient)
            d += tl.load(out_ptr + rm[:, None] * K + rk[None, :], mask=inside, other=0.0)
        tl.store(out_ptr + rm[:, None] * K + rk[None, :], d.to(out_ptr.dtype.element_ty),
                 mask=inside)

    @_jit()
    def _keep_mask(out_ptr, M, K, seed, p, BLOCK_M: tl.constexpr, BLOCK_K: tl.constexpr):
        rm = tl.program_id(0) * BLOCK_M + tl.arange(0, BLOCK_M)
        k0 = tl.program_id(1) * BLOCK_K
        rk = k0 + tl.arange(0, BLOCK_K)
        kept = _keep(seed, rm, k0, K, p, BLOCK_M, BLOCK_K)
        tl.store(out_ptr + rm[:, None] * K + rk[None, :], kept.to(tl.int8),
                 mask=(rm[:, None] < M) & (rk[None, :] < K))



_BM, _BK = 64, 64          # tiles when not autotuned (the interpreter) and for keep_mask
_SPLIT_ROWS = 256          # grad A's row blocks per program: a multiple of every BLOCK_M


def _rblock(rank: int) -> int:
    return max(16, 1 << (rank - 1).bit_length())  # tl.dot wants >= 16 and a power of two


def _meta() -> dict[str, int]:
    return {} if _TUNE else {"BLOCK_M": _BM, "BLOCK_K": _BK}


def new_seed() -> int:
    """A seed drawn from PyTorch's CPU generator (reproducible under torch.manual_seed)."""
    return int(torch.randint(0, 2**31 - 1, (1,)).item())


def dropout_a(x: torch.Tensor, a_w: torch.Tensor, p: float, seed: int) -> torch.Tensor:
    """(x * keep / (1 - p)) @ A.T for x (M, K), A (R, K) -> (M, R) in x's dtype."""
    m, kk = x.shape
    r = a_w.shape[0]
    out = torch.empty(m, r, dtype=x.dtype, device=x.device)
    _drop_a[lambda meta: (-(-m // meta["BLOCK_M"]),)](
        x, a_w.contiguous(), out, m, kk, r, seed, p, 1.0 / (1.0 - p), BLOCK_R=_rblock(r),
        **_meta())
    return out


def dropout_a_grads(x: torch.Tensor, a_w: torch.Tensor, gh: torch.Tensor, p: float, seed: int,
                    gelu: bool = False, into: torch.Tensor | None = None
                    ) -> tuple[torch.Tensor, torch.Tensor]:
    """(grad of A (R, K) fp32, gradient reaching x through the LoRA branch (M, K) in x's dtype)
    for ``gh`` (M, R), the gradient of :func:`dropout_a`'s output. ``gelu``: ``x`` is the
    pre-activation and the branch's input was exact GELU of it (made here, not stored).
    ``into``: add the gradient to this (M, K) tensor in place and return it."""
    m, kk = x.shape
    r = a_w.shape[0]
    gh = gh.to(x.dtype).contiguous()
    a_w = a_w.contiguous()
    # split the rows so that (K / 128 column tiles) x splits ~ 2 programs per H100 SM
    blocks = -(-m // _SPLIT_ROWS)
    splits = max(1, min(blocks, -(-264 // -(-kk // 128))))
    rows = -(-blocks // splits) * _SPLIT_ROWS
    splits = -(-m // rows)
    part = torch.empty(splits, r, kk, dtype=torch.float32, device=x.device)
    scale = 1.0 / (1.0 - p)
    _grad_a[lambda meta: (-(-kk // meta["BLOCK_K"]), splits)](
        x, gh, part, m, kk, r, seed, p, scale, rows, BLOCK_R=_rblock(r), GELU=gelu, **_meta())
    dx = torch.empty_like(x) if into is None else into
    _grad_x[lambda meta: (-(-m // meta["BLOCK_M"]), -(-kk // meta["BLOCK_K"]))](
        gh, a_w, dx, m, kk, r, seed, p, scale, BLOCK_R=_rblock(r), ACCUMULATE=into is not None,
        **_meta())
    return part.sum(0) if splits > 1 else part[0], dx


def keep_mask(m: int, k: int, p: float, seed: int, device: torch.device) -> torch.Tensor:
    """The kernels' keep-mask (M, K) as bool, for checks."""
    out = torch.empty(m, k, dtype=torch.int8, device=device)
    _keep_mask[(-(-m // _BM), -(-k // _BK))](out, m, k, seed, p, BLOCK_M=_BM,
                                                   BLOCK_K=_BK)
    return out.bool()
