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

    def _tuned(restore: tuple[str, ...] = ()) -> Any:
        if not _TUNE:
            return lambda fn: fn
        return triton.autotune([triton.Config({"BLOCK_K": k}, num_warps=w, num_stages=st)
                                for k, w, st in ((64, 4, 3), (128, 4, 3), (128, 8, 3),
                                                 (256, 8, 3), (64, 4, 4), (128, 4, 2))],
                               key=["K", "R"], restore_value=list(restore))

    # The mask, block by block: rows go in blocks of 64; in the block starting at row b, row
    # b + 16 j + q (j < 4, q < 16) at column c takes lane j of Philox(seed, counter
    # (b / 4 + q) * K + c). One Philox call serves 4 elements, each lane feeds its own 16-row
    # slice, and every slice is whole rows (contiguous loads): no kernel reshuffles numbers.

    @triton.jit
    def _rand4(seed, b, cols, K):
        q = tl.arange(0, 16)
        return tl.rand4x(seed, (b // 4 + q)[:, None] * K + cols[None, :],
                         n_rounds=7)  # Philox4x32-7 passes BigCrush (Salmon et al., SC'11)

    @triton.jit
    def _rows(x_ptr, rows, cols, M, K, r, p, scale, GELU: tl.constexpr):
        """x[rows, cols] (16, BLOCK_K), GELU'd if asked, dropped by r and scaled."""
        x = tl.load(x_ptr + rows[:, None] * K + cols[None, :],
                    mask=(rows[:, None] < M) & (cols[None, :] < K), other=0.0)
        if GELU:  # x holds the pre-activation: exact GELU, rounded as PyTorch rounds it
            xf = x.to(tl.float32)
            x = (0.5 * xf * (1.0 + tl.math.erf(xf * 0.7071067811865476))).to(x.dtype)
        return tl.where(r >= p, x * scale, 0.0).to(x_ptr.dtype.element_ty)

    @triton.jit
    def _store_rows(out_ptr, acc, rows, rr, M, R):
        tl.store(out_ptr + rows[:, None] * R + rr[None, :], acc,
                 mask=(rows[:, None] < M) & (rr[None, :] < R))

    @_tuned()
    @_jit("scale", "cols_per_split")
    def _drop_a(x_ptr, a_ptr, out_ptr, M, K, R, seed, p, scale, cols_per_split,
                BLOCK_K: tl.constexpr, BLOCK_R: tl.constexpr):
        """Partial sums of one 64-row block over one split of the columns (split-K: enough
        programs to fill the GPU), into out (splits, M, R) fp32."""
        b = tl.program_id(0) * 64
        split = tl.program_id(1)
        q = tl.arange(0, 16)
        rr = tl.arange(0, BLOCK_R)
        acc0 = tl.zeros((16, BLOCK_R), dtype=tl.float32)
        acc1 = tl.zeros((16, BLOCK_R), dtype=tl.float32)
        acc2 = tl.zeros((16, BLOCK_R), dtype=tl.float32)
        acc3 = tl.zeros((16, BLOCK_R), dtype=tl.float32)
        start = split * cols_per_split
        for k0 in range(start, tl.minimum(start + cols_per_split, K), BLOCK_K):
            cols = k0 + tl.arange(0, BLOCK_K)
            r0, r1, r2, r3 = _rand4(seed, b, cols, K)
            at = tl.load(a_ptr + rr[None, :] * K + cols[:, None],              # (BK, BR) = A.T
                         mask=(cols[:, None] < K) & (rr[None, :] < R), other=0.0)
            acc0 += tl.dot(_rows(x_ptr, b + q, cols, M, K, r0, p, scale, False), at)
            acc1 += tl.dot(_rows(x_ptr, b + 16 + q, cols, M, K, r1, p, scale, False), at)
            acc2 += tl.dot(_rows(x_ptr, b + 32 + q, cols, M, K, r2, p, scale, False), at)
            acc3 += tl.dot(_rows(x_ptr, b + 48 + q, cols, M, K, r3, p, scale, False), at)
        part = out_ptr + split * M * R
        _store_rows(part, acc0, b + q, rr, M, R)
        _store_rows(part, acc1, b + 16 + q, rr, M, R)
        _store_rows(part, acc2, b + 32 + q, rr, M, R)
        _store_rows(part, acc3, b + 48 + q, rr, M, R)

    @triton.jit
    def _g_rows(g_ptr, rows, rr, M, R):
        return tl.load(g_ptr + rows[:, None] * R + rr[None, :],
                       mask=(rows[:, None] < M) & (rr[None, :] < R), other=0.0)  # (16, BR)

    @_tuned()
    @_jit("scale", "rows_per_split")
    def _grad_a(x_ptr, g_ptr, out_ptr, M, K, R, seed, p, scale, rows_per_split,
                BLOCK_K: tl.constexpr, BLOCK_R: tl.constexpr, GELU: tl.constexpr):
        cols = tl.program_id(0) * BLOCK_K + tl.arange(0, BLOCK_K)
        split = tl.program_id(1)
        q = tl.arange(0, 16)
        rr = tl.arange(0, BLOCK_R)
        acc = tl.zeros((BLOCK_R, BLOCK_K), dtype=tl.float32)
        start = split * rows_per_split
        for b in range(start, tl.minimum(start + rows_per_split, M), 64):
            r0, r1, r2, r3 = _rand4(seed, b, cols, K)
            acc += tl.dot(tl.trans(_g_rows(g_ptr, b + q, rr, M, R)),
                          _rows(x_ptr, b + q, cols, M, K, r0, p, scale, GELU))
            acc += tl.dot(tl.trans(_g_rows(g_ptr, b + 16 + q, rr, M, R)),
                          _rows(x_ptr, b + 16 + q, cols, M, K, r1, p, scale, GELU))
            acc += tl.dot(tl.trans(_g_rows(g_ptr, b + 32 + q, rr, M, R)),
                          _rows(x_ptr, b + 32 + q, cols, M, K, r2, p, scale, GELU))
            acc += tl.dot(tl.trans(_g_rows(g_ptr, b + 48 + q, rr, M, R)),
                          _rows(x_ptr, b + 48 + q, cols, M, K, r3, p, scale, GELU))
        tl.store(out_ptr + split * R * K + rr[:, None] * K + cols[None, :], acc,
                 mask=(rr[:, None] < R) & (cols[None, :] < K))

    @triton.jit
    def _dx_rows(out_ptr, g, a, rows, cols, M, K, r, p, scale, ACCUMULATE: tl.constexpr):
        d = tl.where(r >= p, tl.dot(g, a) * scale, 0.0)                        # (16, BK)
        inside = (rows[:, None] < M) & (cols[None, :] < K)
        if ACCUMULATE:  # add onto what the output holds (the other branches' gradient)
            d += tl.load(out_ptr + rows[:, None] * K + cols[None, :], mask=inside, other=0.0)
        tl.store(out_ptr + rows[:, None] * K + cols[None, :], d.to(out_ptr.dtype.element_ty),
                 mask=inside)

    @_tuned(restore=("out_ptr",))  # it may accumulate: tuning runs must not add up
    @_jit("scale")
    def _grad_x(g_ptr, a_ptr, out_ptr, M, K, R, seed, p, scale,
                BLOCK_K: tl.constexpr, BLOCK_R: tl.constexpr, ACCUMULATE: tl.constexpr):
        b = tl.program_id(0) * 64
        cols = tl.program_id(1) * BLOCK_K + tl.arange(0, BLOCK_K)
        q = tl.arange(0, 16)
        rr = tl.arange(0, BLOCK_R)
        a = tl.load(a_ptr + rr[:, None] * K + cols[None, :],
                    mask=(rr[:, None] < R) & (cols[None, :] < K), other=0.0)       # (BR, BK)
        r0, r1, r2, r3 = _rand4(seed, b, cols, K)
        _dx_rows(out_ptr, _g_rows(g_ptr, b + q, rr, M, R), a, b + q, cols, M, K, r0, p,
                 scale, ACCUMULATE)
        _dx_rows(out_ptr, _g_rows(g_ptr, b + 16 + q, rr, M, R), a, b + 16 + q, cols, M, K,
                 r1, p, scale, ACCUMULATE)
        _dx_rows(out_ptr, _g_rows(g_ptr, b + 32 + q, rr, M, R), a, b + 32 + q, cols, M, K,
                 r2, p, scale, ACCUMULATE)
        _dx_rows(out_ptr, _g_rows(g_ptr, b + 48 + q, rr, M, R), a, b + 48 + q, cols, M, K,
                 r3, p, scale, ACCUMULATE)

    @triton.jit
    def _mask_rows(out_ptr, rows, cols, M, K, r, p):
        tl.store(out_ptr + rows[:, None] * K + cols[None, :], (r >= p).to(tl.int8),
                 mask=(rows[:, None] < M) & (cols[None, :] < K))

    @_jit()
    def _keep_mask(out_ptr, M, K, seed, p, BLOCK_K: tl.constexpr):
        b = tl.program_id(0) * 64
        cols = tl.program_id(1) * BLOCK_K + tl.arange(0, BLOCK_K)
        q = tl.arange(0, 16)
        r0, r1, r2, r3 = _rand4(seed, b, cols, K)
        _mask_rows(out_ptr, b + q, cols, M, K, r0, p)
        _mask_rows(out_ptr, b + 16 + q, cols, M, K, r1, p)
        _mask_rows(out_ptr, b + 32 + q, cols, M, K, r2, p)
        _mask_rows(out_ptr, b + 48 + q, cols, M, K, r3, p)


_BK = 64                   # columns per program when not autotuned (the interpreter, keep_mask)
_PROGRAMS = 1056           # programs to aim for in the reducing kernels: ~8 per H100 SM


def _rblock(rank: int) -> int:
    return max(16, 1 << (rank - 1).bit_length())  # tl.dot wants >= 16 and a power of two


def _meta() -> dict[str, int]:
    return {} if _TUNE else {"BLOCK_K": _BK}


def new_seed() -> int:
    """A seed drawn from PyTorch's CPU generator (reproducible under torch.manual_seed)."""
    return int(torch.randint(0, 2**31 - 1, (1,)).item())


def dropout_a(x: torch.Tensor, a_w: torch.Tensor, p: float, seed: int) -> torch.Tensor:
    """(x * keep / (1 - p)) @ A.T for x (M, K), A (R, K) -> (M, R) in x's dtype."""
    m, kk = x.shape
    r = a_w.shape[0]
    row_blocks = -(-m // 64)
    splits = max(1, min(-(-kk // 256), _PROGRAMS // row_blocks))  # split-K to fill the GPU
    cols = -(-kk // (splits * 256)) * 256      # a multiple of every BLOCK_K
    splits = -(-kk // cols)
    part = torch.empty(splits, m, r, dtype=torch.float32, device=x.device)
    _drop_a[(row_blocks, splits)](x, a_w.contiguous(), part, m, kk, r, seed, p,
                                  1.0 / (1.0 - p), cols, BLOCK_R=_rblock(r), **_meta())
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
    row_blocks = -(-m // 64)
    # split the rows so that column tiles (~128 wide) x splits ~ _PROGRAMS programs
    splits = max(1, min(row_blocks, -(-_PROGRAMS // -(-kk // 128))))
    rows = -(-row_blocks // splits) * 64
    splits = -(-m // rows)
    part = torch.empty(splits, r, kk, dtype=torch.float32, device=x.device)
    scale = 1.0 / (1.0 - p)
    _grad_a[lambda meta: (-(-kk // meta["BLOCK_K"]), splits)](
        x, gh, part, m, kk, r, seed, p, scale, rows, BLOCK_R=_rblock(r), GELU=gelu, **_meta())
    dx = torch.empty_like(x) if into is None else into
    _grad_x[lambda meta: (row_blocks, -(-kk // meta["BLOCK_K"]))](
        gh, a_w, dx, m, kk, r, seed, p, scale, BLOCK_R=_rblock(r),
        ACCUMULATE=into is not None, **_meta())
    return part.sum(0) if splits > 1 else part[0], dx


def keep_mask(m: int, k: int, p: float, seed: int, device: torch.device) -> torch.Tensor:
    """The kernels' keep-mask (M, K) as bool, for checks."""
    out = torch.empty(m, k, dtype=torch.int8, device=device)
    _keep_mask[(-(-m // 64), -(-k // _BK))](out, m, k, seed, p, BLOCK_K=_BK)
    return out.bool()
