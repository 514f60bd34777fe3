"""LoRA's dropout fused into its A projection, as Triton kernels (GPU; the lean Falcon layers of
``train.fused_layers`` use them when Triton is there, else they run the same maths in PyTorch).

PEFT computes ``a = dropout(x) @ A.T``: the dropout writes a full copy of x and a mask, the GEMM
reads the copy, and the backward needs both again. Here the keep-mask of element (row, col) is
drawn from Philox (counter-based, one call per 4 elements; layout in the kernels' comment), so
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

MAX_ELEMENTS = 2**31 - 1  # 32-bit offsets and Philox counters must fit


try:  # the kernels exist only where Triton does (the GPU image; not the CPU venv)
    import triton
    import triton.language as tl
except ImportError:  # pragma: no cover - depends on the machine
    triton = None

_TUNE = os.environ.get("TRITON_INTERPRET") != "1"  # the interpreter has no benchmarker


def usable(device: torch.device, numel: int, rank: int) -> bool:
    """Whether the kernels take a contiguous 2-D input of ``numel`` elements on ``device``
    (CUDA, or any device under Triton's interpreter) for a LoRA of rank ``rank``."""
    interp = os.environ.get("TRITON_INTERPRET") == "1"
    return ((device.type == "cuda" or interp) and rank <= 128 and numel <= MAX_ELEMENTS
            and triton is not None)


if triton is not None:
    def _jit(*extra: str) -> Any:
        # values that change from call to call must not be specialized on (Triton would
        # compile a new kernel whenever e.g. the seed happens to be a multiple of 16)
        return triton.jit(do_not_specialize=["M", "seed", "p", *extra])

    def _tuned(configs: list[tuple[int, int, int]], restore: tuple[str, ...] = ()) -> Any:
        if not _TUNE:
            return lambda fn: fn
        return triton.autotune([triton.Config({"BLOCK_M": m}, num_warps=w, num_stages=st)
                                for m, w, st in configs],
                               key=["K", "R"], restore_value=list(restore))

    # The mask, block by block: columns go in blocks of 64; in the block starting at column b,
    # column b + 16 j + c (j < 4, c < 16) of row m takes lane j of Philox(seed, counter
    # m * S + b / 4 + c), S = 16 * ceil(K / 64). One Philox call serves 4 elements, and each
    # lane feeds its own 16-column slice, so no kernel reshuffles random numbers.

    @triton.jit
    def _rand4(seed, rm, b, S):
        return tl.rand4x(seed, rm[:, None] * S + b // 4 + tl.arange(0, 16)[None, :],
                         n_rounds=7)  # Philox4x32-7 passes BigCrush (Salmon et al., SC'11)

    @triton.jit
    def _slice(x_ptr, rm, c0, M, K, r, p, scale, GELU: tl.constexpr):
        """Rows rm, columns c0..c0+15 of x, GELU'd if asked, dropped by r and scaled."""
        rc = c0 + tl.arange(0, 16)
        x = tl.load(x_ptr + rm[:, None] * K + rc[None, :],
                    mask=(rm[:, None] < M) & (rc[None, :] < K), other=0.0)
        if GELU:  # x holds the pre-activation: exact GELU, rounded as PyTorch rounds it
            xf = x.to(tl.float32)
            x = (0.5 * xf * (1.0 + tl.math.erf(xf * 0.7071067811865476))).to(x.dtype)
        return tl.where(r >= p, x * scale, 0.0).to(x_ptr.dtype.element_ty)     # (BM, 16)

    @triton.jit
    def _a_cols(a_ptr, rr, c0, K, R):
        """Columns c0..c0+15 of A (R, K) as (16, BLOCK_R), i.e. a slice of A.T."""
        rc = c0 + tl.arange(0, 16)
        return tl.load(a_ptr + rr[None, :] * K + rc[:, None],
                       mask=(rc[:, None] < K) & (rr[None, :] < R), other=0.0)

    @_tuned([(64, 4, 3), (128, 4, 3), (128, 8, 3), (32, 4, 4), (256, 8, 3)])
    @_jit("scale", "cols_per_split")
    def _drop_a(x_ptr, a_ptr, out_ptr, M, K, R, S, seed, p, scale, cols_per_split,
                BLOCK_M: tl.constexpr, BLOCK_R: tl.constexpr):
        """Partial sums of one row tile over one split of the columns (split-K: enough
        programs to fill the GPU), into out (splits, M, R) fp32."""
        rm = tl.program_id(0) * BLOCK_M + tl.arange(0, BLOCK_M)
        split = tl.program_id(1)
        rr = tl.arange(0, BLOCK_R)
        acc = tl.zeros((BLOCK_M, BLOCK_R), dtype=tl.float32)
        start = split * cols_per_split
        for b in range(start, tl.minimum(start + cols_per_split, K), 64):
            r0, r1, r2, r3 = _rand4(seed, rm, b, S)
            acc += tl.dot(_slice(x_ptr, rm, b, M, K, r0, p, scale, False),
                          _a_cols(a_ptr, rr, b, K, R))
            acc += tl.dot(_slice(x_ptr, rm, b + 16, M, K, r1, p, scale, False),
                          _a_cols(a_ptr, rr, b + 16, K, R))
            acc += tl.dot(_slice(x_ptr, rm, b + 32, M, K, r2, p, scale, False),
                          _a_cols(a_ptr, rr, b + 32, K, R))
            acc += tl.dot(_slice(x_ptr, rm, b + 48, M, K, r3, p, scale, False),
                          _a_cols(a_ptr, rr, b + 48, K, R))
        tl.store(out_ptr + split * M * R + rm[:, None] * R + rr[None, :], acc,
                 mask=(rm[:, None] < M) & (rr[None, :] < R))

    @triton.jit
    def _store_ga(out_ptr, acc, rr, c0, K, R):
        rc = c0 + tl.arange(0, 16)
        tl.store(out_ptr + rr[:, None] * K + rc[None, :], acc,
                 mask=(rr[:, None] < R) & (rc[None, :] < K))

    @_tuned([(64, 4, 3), (128, 4, 3), (128, 8, 3), (32, 4, 4), (256, 8, 3)])
    @_jit("scale", "rows_per_split")
    def _grad_a(x_ptr, g_ptr, out_ptr, M, K, R, S, seed, p, scale, rows_per_split,
                BLOCK_M: tl.constexpr, BLOCK_R: tl.constexpr, GELU: tl.constexpr):
        b = tl.program_id(0) * 64
        split = tl.program_id(1)
        rr = tl.arange(0, BLOCK_R)
        acc0 = tl.zeros((BLOCK_R, 16), dtype=tl.float32)
        acc1 = tl.zeros((BLOCK_R, 16), dtype=tl.float32)
        acc2 = tl.zeros((BLOCK_R, 16), dtype=tl.float32)
        acc3 = tl.zeros((BLOCK_R, 16), dtype=tl.float32)
        start = split * rows_per_split
        for m0 in range(start, start + rows_per_split, BLOCK_M):
            rm = m0 + tl.arange(0, BLOCK_M)
            gt = tl.trans(tl.load(g_ptr + rm[:, None] * R + rr[None, :],
                                  mask=(rm[:, None] < M) & (rr[None, :] < R), other=0.0))
            r0, r1, r2, r3 = _rand4(seed, rm, b, S)
            acc0 += tl.dot(gt, _slice(x_ptr, rm, b, M, K, r0, p, scale, GELU))
            acc1 += tl.dot(gt, _slice(x_ptr, rm, b + 16, M, K, r1, p, scale, GELU))
            acc2 += tl.dot(gt, _slice(x_ptr, rm, b + 32, M, K, r2, p, scale, GELU))
            acc3 += tl.dot(gt, _slice(x_ptr, rm, b + 48, M, K, r3, p, scale, GELU))
        part = out_ptr + split * R * K
        _store_ga(part, acc0, rr, b, K, R)
        _store_ga(part, acc1, rr, b + 16, K, R)
        _store_ga(part, acc2, rr, b + 32, K, R)
        _store_ga(part, acc3, rr, b + 48, K, R)

    @triton.jit
    def _dx_slice(out_ptr, g, a_ptr, rm, rr, c0, M, K, R, r, p, scale,
                  ACCUMULATE: tl.constexpr):
        rc = c0 + tl.arange(0, 16)
        a = tl.load(a_ptr + rr[:, None] * K + rc[None, :],
                    mask=(rr[:, None] < R) & (rc[None, :] < K), other=0.0)          # (BR, 16)
        d = tl.where(r >= p, tl.dot(g, a) * scale, 0.0)
        inside = (rm[:, None] < M) & (rc[None, :] < K)
        if ACCUMULATE:  # add onto what the output holds (the other branches' gradient)
            d += tl.load(out_ptr + rm[:, None] * K + rc[None, :], mask=inside, other=0.0)
        tl.store(out_ptr + rm[:, None] * K + rc[None, :], d.to(out_ptr.dtype.element_ty),
                 mask=inside)

    @_tuned([(64, 4, 3), (128, 4, 3), (128, 8, 3), (32, 4, 4), (256, 8, 3)],
            restore=("out_ptr",))  # it may accumulate: tuning runs must not add up
    @_jit("scale")
    def _grad_x(g_ptr, a_ptr, out_ptr, M, K, R, S, seed, p, scale,
                BLOCK_M: tl.constexpr, BLOCK_R: tl.constexpr, ACCUMULATE: tl.constexpr):
        rm = tl.program_id(0) * BLOCK_M + tl.arange(0, BLOCK_M)
        b = tl.program_id(1) * 64
        rr = tl.arange(0, BLOCK_R)
        g = tl.load(g_ptr + rm[:, None] * R + rr[None, :],
                    mask=(rm[:, None] < M) & (rr[None, :] < R), other=0.0)         # (BM, BR)
        r0, r1, r2, r3 = _rand4(seed, rm, b, S)
        _dx_slice(out_ptr, g, a_ptr, rm, rr, b, M, K, R, r0, p, scale, ACCUMULATE)
        _dx_slice(out_ptr, g, a_ptr, rm, rr, b + 16, M, K, R, r1, p, scale, ACCUMULATE)
        _dx_slice(out_ptr, g, a_ptr, rm, rr, b + 32, M, K, R, r2, p, scale, ACCUMULATE)
        _dx_slice(out_ptr, g, a_ptr, rm, rr, b + 48, M, K, R, r3, p, scale, ACCUMULATE)

    @triton.jit
    def _mask_slice(out_ptr, rm, c0, M, K, r, p):
        rc = c0 + tl.arange(0, 16)
        tl.store(out_ptr + rm[:, None] * K + rc[None, :], (r >= p).to(tl.int8),
                 mask=(rm[:, None] < M) & (rc[None, :] < K))

    @_jit()
    def _keep_mask(out_ptr, M, K, S, seed, p, BLOCK_M: tl.constexpr):
        rm = tl.program_id(0) * BLOCK_M + tl.arange(0, BLOCK_M)
        b = tl.program_id(1) * 64
        r0, r1, r2, r3 = _rand4(seed, rm, b, S)
        _mask_slice(out_ptr, rm, b, M, K, r0, p)
        _mask_slice(out_ptr, rm, b + 16, M, K, r1, p)
        _mask_slice(out_ptr, rm, b + 32, M, K, r2, p)
        _mask_slice(out_ptr, rm, b + 48, M, K, r3, p)


_BM = 64                   # rows per program when not autotuned (the interpreter, keep_mask)
_SPLIT_ROWS = 256          # grad A's row blocks per program: a multiple of every BLOCK_M
_PROGRAMS = 1056           # programs to aim for in the reducing kernels: ~8 per H100 SM


def _rblock(rank: int) -> int:
    return max(16, 1 << (rank - 1).bit_length())  # tl.dot wants >= 16 and a power of two


def _meta() -> dict[str, int]:
    return {} if _TUNE else {"BLOCK_M": _BM}


def _stride(k: int) -> int:
    return 16 * -(-k // 64)  # Philox counters per row: 16 per block of 64 columns


def new_seed() -> int:
    """A seed drawn from PyTorch's CPU generator (reproducible under torch.manual_seed)."""
    return int(torch.randint(0, 2**31 - 1, (1,)).item())


def dropout_a(x: torch.Tensor, a_w: torch.Tensor, p: float, seed: int) -> torch.Tensor:
    """(x * keep / (1 - p)) @ A.T for x (M, K), A (R, K) -> (M, R) in x's dtype."""
    m, kk = x.shape
    r = a_w.shape[0]
    blocks = -(-kk // 64)
    splits = min(blocks, max(1, _PROGRAMS * 64 // max(m, 1)))  # ~_PROGRAMS at 64 rows a tile
    cols = -(-blocks // splits) * 64
    splits = -(-kk // cols)
    part = torch.empty(splits, m, r, dtype=torch.float32, device=x.device)
    _drop_a[lambda meta: (-(-m // meta["BLOCK_M"]), splits)](
        x, a_w.contiguous(), part, m, kk, r, _stride(kk), seed, p, 1.0 / (1.0 - p), cols,
        BLOCK_R=_rblock(r), **_meta())
    return (part.sum(0) if splits > 1 else part[0]).to(x.dtype)


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
    blocks = -(-kk // 64)
    # split the rows so that column blocks x splits ~ _PROGRAMS programs
    row_blocks = -(-m // _SPLIT_ROWS)
    splits = max(1, min(row_blocks, -(-_PROGRAMS // blocks)))
    rows = -(-row_blocks // splits) * _SPLIT_ROWS
    splits = -(-m // rows)
    part = torch.empty(splits, r, kk, dtype=torch.float32, device=x.device)
    scale = 1.0 / (1.0 - p)
    _grad_a[(blocks, splits)](x, gh, part, m, kk, r, _stride(kk), seed, p, scale, rows,
                              BLOCK_R=_rblock(r), GELU=gelu, **_meta())
    dx = torch.empty_like(x) if into is None else into
    _grad_x[lambda meta: (-(-m // meta["BLOCK_M"]), blocks)](
        gh, a_w, dx, m, kk, r, _stride(kk), seed, p, scale, BLOCK_R=_rblock(r),
        ACCUMULATE=into is not None, **_meta())
    return part.sum(0) if splits > 1 else part[0], dx


def keep_mask(m: int, k: int, p: float, seed: int, device: torch.device) -> torch.Tensor:
    """The kernels' keep-mask (M, K) as bool, for checks."""
    out = torch.empty(m, k, dtype=torch.int8, device=device)
    _keep_mask[(-(-m // _BM), -(-k // 64))](out, m, k, _stride(k), seed, p, BLOCK_M=_BM)
    return out.bool()
