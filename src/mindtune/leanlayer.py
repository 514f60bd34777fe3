"""A lean training path for Falcon decoder layers (``train.fused_layers``, packed rows only).

Gradient checkpointing recomputes a whole layer to save memory; PEFT's layers save every dropout
output and mask. Here each Falcon-7B-style layer (parallel attention + MLP, one layer norm,
multi-query attention, rotary positions, no biases) runs as ONE autograd function whose backward
is written out, and which saves per token only what is expensive to recompute:

    the layer input x (C)  +  rotary q (C), k, v (2 x head_dim)  +  attention output (C)
    +  the four LoRA A outputs (4 x r)  [+ the MLP pre-activation (4C) when asked to keep it]

about 3 x C x 2 bytes per token and layer (28 KB for Falcon-7B) instead of ~180 KB. In the
backward it recomputes the layer norm, the LoRA dropout masks (replaying the RNG state taken at
the forward, as activation checkpointing does) and, unless kept, the MLP up-projection GEMM (40% of
the layer's weights). Attention runs on the packed row with flash attention's variable-length
kernel (no padding, no attention across sequences; the single key/value head is not expanded);
rotary positions go through mindtune.rotary (one kernel each way on the GPU). Which layers keep
the MLP activation is a :class:`KeepPolicy` shared by the model's layers.

With Triton on the GPU the LoRA dropout runs inside mindtune.lora_dropout's kernels (masks
made anew from a seed, never stored); elsewhere PyTorch's dropout runs and its masks are
replayed. Every other call (eval, generation, other architectures, several adapters, a merged
or disabled adapter) takes the unchanged forward. Measured in docs/benchmarks.md ("Training")
and docs/perf-notes.md (training runs 5-14)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from mindtune import lora_dropout, rotary

_ATTN: dict[str, Any] = {"mqa": True}       # False once the flash kernel refused one KV head
_LAYOUT: dict[str, Any] = {"pos": None, "layout": None}


# -- pieces ------------------------------------------------------------------------------------

@dataclass
class _Lora:
    """One LoRA-wrapped linear layer (bias-free base, plain or bnb 4-bit) seen as
    y = x @ W.T + scale * (dropout(x) @ A.T) @ B.T."""

    module: nn.Module

    @property
    def name(self) -> str:
        return self.module.active_adapters[0]

    def ab(self) -> tuple[nn.Parameter, nn.Parameter]:
        return self.module.lora_A[self.name].weight, self.module.lora_B[self.name].weight

    def p(self) -> float:
        drop = self.module.lora_dropout[self.name]
        return drop.p if isinstance(drop, nn.Dropout) and self.module.training else 0.0

    def scale(self) -> float:
        return float(self.module.scaling[self.name])

    def weight(self, dt: torch.dtype) -> torch.Tensor:
        base = self.module.get_base_layer()
        qs = getattr(base.weight, "quant_state", None)
        if qs is None:
            return base.weight.to(dt)
        from bitsandbytes.functional import dequantize_4bit

        w = dequantize_4bit(base.weight.data, qs)
        return w.to(dt).reshape(base.out_features, base.in_features)

    def usable(self) -> bool:
        m = self.module
        base = m.get_base_layer() if hasattr(m, "get_base_layer") else None
        return (base is not None and hasattr(m, "lora_A") and not m.disable_adapters
                and not m.merged and len(m.active_adapters) == 1
                and m.active_adapters[0] in m.lora_A
                and m.active_adapters[0] not in getattr(m, "lora_variant", {})
                and getattr(base, "bias", None) is None)


def _drop(x: torch.Tensor, p: float) -> tuple[torch.Tensor, torch.Tensor | None]:
    return torch.native_dropout(x, p, True) if p > 0 else (x, None)


@dataclass
class _DropIn:
    """A LoRA branch's input and its dropout: either the fused kernels' seed
    (mindtune.lora_dropout: nothing stored) or PyTorch's dropped copy and mask."""

    x: torch.Tensor
    seed: int | None = None
    xd: torch.Tensor | None = None
    mask: torch.Tensor | None = None
    gelu: bool = False    # kernels only: x is the pre-activation, the input was GELU(x)


def _dropin(lin: _Lora, x: torch.Tensor, seed: int | None) -> _DropIn:
    if seed is not None:
        return _DropIn(x, seed=seed)
    xd, mask = _drop(x, lin.p())
    return _DropIn(x, xd=xd, mask=mask)


def _kernel_seed(lin: _Lora, device: torch.device, rows: int) -> int | None:
    """A seed for the fused dropout kernels when they take this branch, else None."""
    rank, width = lin.ab()[0].shape
    if lin.p() > 0 and lora_dropout.usable(device, rows * width, rank):
        return lora_dropout.new_seed()
    return None


def _lora_fwd(lin: _Lora, d: _DropIn, dt: torch.dtype, into: torch.Tensor | None = None
              ) -> tuple[torch.Tensor, torch.Tensor]:
    a_w, _ = lin.ab()
    if d.seed is not None:
        a = lora_dropout.dropout_a(d.x, a_w.to(dt), lin.p(), d.seed)     # (T, r)
    else:
        a = d.xd @ a_w.to(dt).t()                                      # (T, r)
    return _lora_out(lin, d.x, a, dt, into=into), a


def _lora_out(lin: _Lora, x: torch.Tensor, a: torch.Tensor, dt: torch.dtype,
              w: torch.Tensor | None = None, into: torch.Tensor | None = None) -> torch.Tensor:
    """x @ W.T + scale * a @ B.T (added to ``into`` in place when given): the GEMMs accumulate
    in place (an out-of-place addmm would first copy its addend into its output)."""
    _, b_w = lin.ab()
    w = lin.weight(dt) if w is None else w
    if into is None:
        y = (a * lin.scale()) @ b_w.to(dt).t()                         # (T, out)
    else:
        y = into.addmm_(a * lin.scale(), b_w.to(dt).t())
    return y.addmm_(x, w.t())


def _lora_bwd(lin: _Lora, dy: torch.Tensor, d: _DropIn, a: torch.Tensor, dt: torch.dtype,
              w: torch.Tensor | None = None, into: torch.Tensor | None = None
              ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(dx, grad A, grad B) of :func:`_lora_fwd` for the output gradient ``dy`` (T, out); dx
    is added to ``into`` in place when given."""
    a_w, b_w = lin.ab()
    s = lin.scale()
    grad_b = (dy.t() @ a).float().mul_(s)                              # (out, r)
    gh = (dy @ b_w.to(dt)).mul_(s)                                     # (T, r)
    if d.seed is not None:
        grad_a, dxd = lora_dropout.dropout_a_grads(d.x, a_w.to(dt), gh, lin.p(), d.seed,
                                                   gelu=d.gelu, into=into)
    else:
        grad_a = (gh.t() @ d.xd).float()                               # (r, in)
        dxd = gh @ a_w.to(dt)                                          # (T, in)
        if d.mask is not None:
            dxd = torch.ops.aten.native_dropout_backward(dxd, d.mask, 1.0 / (1.0 - lin.p()))
        if into is not None:
            dxd = into.add_(dxd)
    dx = dxd.addmm_(dy, lin.weight(dt) if w is None else w)          # in place: no copy
    return dx, grad_a.to(a_w.dtype), grad_b.to(b_w.dtype)


@contextmanager
def _replay_rng(device: torch.device, state: torch.Tensor) -> Iterator[None]:
    """Run the block with the RNG as it was when ``state`` was taken (the dropout masks of the
    forward come out again), leaving the caller's RNG untouched."""
    cuda = device.type == "cuda"
    with torch.random.fork_rng(devices=[device] if cuda else [], device_type="cuda"):
        if cuda:
            torch.cuda.set_rng_state(state, device)
        else:
            torch.set_rng_state(state)
        yield


def _rng_state(device: torch.device) -> torch.Tensor:
    return torch.cuda.get_rng_state(device) if device.type == "cuda" else torch.get_rng_state()


# -- attention on a packed row ---------------------------------------------------------------

def _attn_fwd(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, cu: torch.Tensor, longest: int,
              scale: float) -> tuple[torch.Tensor, tuple]:
    """Causal attention within each sequence of a packed row. q (T, H, D); k, v (T, 1, D);
    cu (sequences + 1,) int32 start offsets. Returns (out (T, H, D), what the backward needs)."""
    if q.is_cuda:
        if not _ATTN["mqa"]:
            k, v = (t.expand(-1, q.shape[1], -1).contiguous() for t in (k, v))
        try:
            out, lse, rng, unused, _ = torch.ops.aten._flash_attention_forward(
                q, k, v, cu, cu, longest, longest, 0.0, True, False, scale=scale)
        except RuntimeError:
            if not _ATTN["mqa"]:
                raise
            _ATTN["mqa"] = False     # this build wants as many key/value heads as query heads
            return _attn_fwd(q, k, v, cu, longest, scale)
        return out, ("flash", lse, rng, unused)
    with torch.no_grad():            # CPU (tests): per sequence, recomputed in the backward
        return _attn_math(q, k, v, cu, scale), ("math",)


def _attn_math(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, cu: torch.Tensor,
               scale: float) -> torch.Tensor:
    from torch.nn.functional import scaled_dot_product_attention as sdpa

    outs = []
    bounds = cu.tolist()
    for s, e in zip(bounds[:-1], bounds[1:], strict=True):
        qs = q[s:e].transpose(0, 1)                                    # (H, L, D)
        ks, vs = (t[s:e].transpose(0, 1).expand(qs.shape[0], -1, -1) for t in (k, v))
        outs.append(sdpa(qs, ks, vs, is_causal=True, scale=scale).transpose(0, 1))
    return torch.cat(outs, 0)


def _attn_bwd(do: torch.Tensor, q: torch.Tensor, k: torch.Tensor, v: torch.Tensor,
              out: torch.Tensor, saved: tuple, cu: torch.Tensor, longest: int, scale: float
              ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    if saved[0] == "flash":
        _, lse, rng, unused = saved
        heads = q.shape[1]
        kx, vx = (k, v) if _ATTN["mqa"] else (
            t.expand(-1, heads, -1).contiguous() for t in (k, v))
        dq, dk, dv = torch.ops.aten._flash_attention_backward(
            do.contiguous(), q, kx, vx, out, lse, cu, cu, longest, longest, 0.0, True, rng,
            unused, scale=scale)
        if dk.shape[1] != k.shape[1]:
            dk, dv = (t.sum(1, keepdim=True) for t in (dk, dv))
        return dq, dk, dv
    with torch.enable_grad():
        qg, kg, vg = (t.detach().requires_grad_() for t in (q, k, v))
        o = _attn_math(qg, kg, vg, cu, scale)
        return torch.autograd.grad(o, (qg, kg, vg), do)


def varlen_layout(position_ids: torch.Tensor) -> tuple[torch.Tensor, int] | None:
    """For one packed row (1, T) of position ids restarting at 0: (start offsets of the
    sequences plus T, int32; the longest sequence). None when the row is not packed that way.
    Computed once per forward: every layer gets the same position_ids tensor."""
    if _LAYOUT["pos"] is position_ids:
        return _LAYOUT["layout"]
    layout = None
    if position_ids.dim() == 2 and position_ids.shape[0] == 1:
        pos = position_ids[0]
        starts = (pos == 0).nonzero()[:, 0]
        if starts.numel():
            cu = torch.cat([starts, starts.new_tensor([pos.numel()])]).to(torch.int32)
            first, longest = torch.stack([starts[0], (cu[1:] - cu[:-1]).max()]).tolist()
            if first == 0:
                layout = (cu, int(longest))
    _LAYOUT["pos"], _LAYOUT["layout"] = position_ids, layout
    return layout


# -- the layer --------------------------------------------------------------------------------

@dataclass
class _Plan:
    """What one decoder layer's function needs besides tensors."""

    ln: nn.LayerNorm
    qkv: _Lora
    dense: _Lora
    up: _Lora
    down: _Lora
    act: Any          # the MLP activation (Falcon-7B: exact GELU)
    heads: int
    head_dim: int
    index: int        # among the model's lean layers (the first ones keep their MLP activation)
    keep: KeepPolicy  # shared by all layers of a model

    def params(self) -> list[nn.Parameter]:
        return [w for lin in (self.qkv, self.dense, self.up, self.down) for w in lin.ab()]

    def usable(self) -> bool:
        return all(lin.usable() for lin in (self.qkv, self.dense, self.up, self.down))


@dataclass
class KeepPolicy:
    """Which layers keep the MLP pre-activation (T, 4C) instead of recomputing the
    up-projection in the backward: the first ``layers`` of them; with ``fill``, a micro-batch
    shorter than the longest one seen so far keeps more layers, as many as fit in the
    activation memory that longest one needed with ``layers`` kept. So the peak stays the one
    without fill (the first micro-batches, before a long one has been seen, keep ``layers``).
    Per token and layer a lean layer saves ``saved`` elements and a kept MLP activation ``mlp``
    more (counted from the saved tensors' shapes)."""

    layers: int
    total: int = 0
    fill: bool = False
    saved: int = 0
    mlp: int = 0
    longest: int = 0   # tokens of the longest micro-batch seen (fill)

    def count(self, tokens: int) -> int:
        """How many layers keep their MLP activation in a micro-batch of ``tokens``."""
        k = min(self.layers, self.total)
        if not self.fill or not self.mlp:
            return k
        self.longest = max(self.longest, tokens)
        budget = self.longest * (self.total * self.saved + k * self.mlp)   # elements
        fit = (budget - tokens * self.total * self.saved) // (tokens * self.mlp)
        return max(k, min(self.total, fit))


class _LeanFalconLayer(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, cos, sin, cu, longest, plan, *lora):  # noqa: ANN001
        with torch.autocast(x.device.type, enabled=False):
            t, c = x.shape[-2], x.shape[-1]
            dt, heads, d = x.dtype, plan.heads, plan.head_dim
            keep_mlp = plan.index < plan.keep.count(t)
            x2 = x.reshape(t, c)                                           # (T, C)
            seeds = [_kernel_seed(lin, x.device, t)
                     for lin in (plan.qkv, plan.dense, plan.up, plan.down)]
            rng = _rng_state(x.device)   # after the seeds: replayed for PyTorch's masks only
            h, mean, rstd = torch.native_layer_norm(x2, (c,), plan.ln.weight, plan.ln.bias,
                                                    plan.ln.eps)
            # attention: the dropout masks are drawn in the order PEFT draws them
            qkv, a_q = _lora_fwd(plan.qkv, _dropin(plan.qkv, h, seeds[0]), dt)  # (T, (H+2)D)
            # q (T, H, D), k and v (T, 1, D), contiguous; q and k rotated
            q, k, v = rotary.split_qkv(qkv.view(t, heads + 2, d), cos.reshape(t, d), sin.reshape(t, d))
            del qkv
            scale = 1.0 / math.sqrt(d)
            o, attn_saved = _attn_fwd(q, k, v, cu, longest, scale)         # (T, H, D)
            o2 = o.reshape(t, c)
            attn, a_d = _lora_fwd(plan.dense, _dropin(plan.dense, o2, seeds[1]), dt)
            # MLP on the same normed input (parallel attention)
            pre, a_u = _lora_fwd(plan.up, _dropin(plan.up, h, seeds[2]), dt)   # (T, 4C)
            g = plan.act(pre)
            # transformers: mlp_output += attention_output, then + residual; here the down
            # projection's GEMMs accumulate onto the attention output
            out, a_n = _lora_fwd(plan.down, _dropin(plan.down, g, seeds[3]), dt, into=attn)
            del g
            out.add_(x2)
        ctx.save_for_backward(x, cos, sin, cu, q, k, v, o, mean, rstd, a_q, a_d, a_u, a_n,
                              pre if keep_mlp else None, *attn_saved[1:])
        ctx.plan, ctx.rng, ctx.seeds, ctx.longest, ctx.scale = plan, rng, seeds, longest, scale
        ctx.attn_kind = attn_saved[0]
        return out.view(x.shape)

    @staticmethod
    def backward(ctx, dout):  # noqa: ANN001
        (x, cos, sin, cu, q, k, v, o, mean, rstd, a_q, a_d, a_u, a_n, pre,
         *attn_rest) = ctx.saved_tensors
        plan = ctx.plan
        with torch.autocast(x.device.type, enabled=False):
            t, c = x.shape[-2], x.shape[-1]
            dt, heads, d = x.dtype, plan.heads, plan.head_dim
            x2, o2 = x.reshape(t, c), o.reshape(t, c)
            h = torch.native_layer_norm(x2, (c,), plan.ln.weight, plan.ln.bias, plan.ln.eps)[0]
            with _replay_rng(x.device, ctx.rng):          # the forward's masks, same order
                seeds = ctx.seeds
                dq_in = _dropin(plan.qkv, h, seeds[0])
                dd_in = _dropin(plan.dense, o2, seeds[1])
                du_in = _dropin(plan.up, h, seeds[2])
                w_up = plan.up.weight(dt)     # dequantized once for both uses below
                if pre is None:   # recompute the up-projection (its LoRA A output is saved)
                    pre = _lora_out(plan.up, h, a_u, dt, w_up)
                if seeds[3] is None:  # PyTorch's dropout needs GELU's output (and its mask)
                    g = plan.act(pre)
                    dn_in = _dropin(plan.down, g, None)
                    del g
                else:                 # the kernels make GELU(pre) as they read it
                    dn_in = _DropIn(pre, seed=seeds[3], gelu=True)
            dout2 = dout.reshape(t, c).to(dt)
            dg, ga_n, gb_n = _lora_bwd(plan.down, dout2, dn_in, a_n, dt)    # (T, 4C)
            del dn_in
            dpre = torch.ops.aten.gelu_backward(dg, pre)                     # exact GELU
            del dg, pre
            dh, ga_u, gb_u = _lora_bwd(plan.up, dpre, du_in, a_u, dt, w_up)
            del dpre, du_in, w_up
            do, ga_d, gb_d = _lora_bwd(plan.dense, dout2, dd_in, a_d, dt)
            del dd_in
            dq, dk, dv = _attn_bwd(do.view(t, heads, d), q, k, v, o,
                                   (ctx.attn_kind, *attn_rest), cu, ctx.longest, ctx.scale)
            dqkv = rotary.split_qkv_bwd(dq, dk, dv, cos.reshape(t, d), sin.reshape(t, d))
            dh, ga_q, gb_q = _lora_bwd(plan.qkv, dqkv.view(t, -1), dq_in, a_q, dt, into=dh)
            del dqkv, dq_in
            dx = torch.ops.aten.native_layer_norm_backward(
                dh, x2, (c,), mean, rstd, plan.ln.weight, plan.ln.bias, [True, False, False])[0]
            dx += dout2
        grads = (ga_q, gb_q, ga_d, gb_d, ga_u, gb_u, ga_n, gb_n)
        return (dx.view(x.shape), None, None, None, None, None, *grads)


def _exact_gelu(act: Any) -> bool:
    from transformers.activations import GELUActivation

    return ((isinstance(act, GELUActivation) and act.act is nn.functional.gelu)
            or (isinstance(act, nn.GELU) and act.approximate == "none"))


# -- wiring -----------------------------------------------------------------------------------

def _layer_plan(layer: nn.Module, index: int, keep: KeepPolicy) -> _Plan | None:
    cfg = getattr(layer, "config", None)
    attn, mlp = getattr(layer, "self_attention", None), getattr(layer, "mlp", None)
    if (cfg is None or attn is None or mlp is None or cfg.new_decoder_architecture
            or not cfg.parallel_attn or not cfg.multi_query or cfg.alibi or cfg.bias
            or cfg.hidden_dropout or cfg.attention_dropout or not hasattr(layer, "input_layernorm")
            or not _exact_gelu(mlp.act)):
        return None
    mods = (attn.query_key_value, attn.dense, mlp.dense_h_to_4h, mlp.dense_4h_to_h)
    if not all(hasattr(m, "lora_A") for m in mods):
        return None
    plan = _Plan(layer.input_layernorm, *(_Lora(m) for m in mods), act=mlp.act,
                 heads=attn.num_heads, head_dim=attn.head_dim, index=index, keep=keep)
    return plan if plan.usable() else None


def _saved_per_token(plan: _Plan) -> tuple[int, int]:
    """(elements a lean layer saves per token, elements a kept MLP activation adds), in units
    of the activations' dtype: x, q, attention output (C each), k, v (D each), the four LoRA A
    outputs (r each), layer-norm mean and rstd and flash attention's log-sum-exp per head
    (fp32: two units each)."""
    c, d = plan.heads * plan.head_dim, plan.head_dim
    rank = sum(lin.ab()[0].shape[0] for lin in (plan.qkv, plan.dense, plan.up, plan.down))
    return 3 * c + 2 * d + rank + 4 + 2 * plan.heads, plan.up.ab()[1].shape[0]


def enable_lean_falcon_layers(model: nn.Module, keep_mlp_layers: int = 0,
                              fill: bool = False) -> int:
    """Give every eligible Falcon decoder layer of ``model`` (a PEFT model with LoRA on its four
    projections) the lean training path above; the first ``keep_mlp_layers`` of them keep their
    MLP pre-activation (faster backward, +4 x hidden x 2 bytes per token each). With ``fill``,
    shorter micro-batches keep more layers within the same activation memory
    (:class:`KeepPolicy`). Those layers are no longer
    gradient-checkpointed. Returns how many layers were switched."""
    try:
        from transformers.models.falcon.modeling_falcon import FalconDecoderLayer
    except ImportError:  # pragma: no cover
        return 0
    layers = [m for m in model.modules() if isinstance(m, FalconDecoderLayer)]
    keep = KeepPolicy(keep_mlp_layers, fill=fill)
    disable_lean_falcon_layers(model)  # a plan made for earlier LoRA modules would be stale
    for layer in layers:
        plan = _layer_plan(layer, keep.total, keep)
        if plan is None:
            continue
        layer.forward = _lean_forward(type(layer).forward, plan).__get__(layer, type(layer))
        layer._mindtune_lean = True
        layer._mindtune_keep = keep   # for reports (bench/bench_train_gpu.py)
        keep.total += 1
        keep.saved, keep.mlp = _saved_per_token(plan)
    return keep.total


def disable_lean_falcon_layers(model: nn.Module) -> int:
    """Undo :func:`enable_lean_falcon_layers` (e.g. before the LoRA modules are replaced)."""
    n = 0
    for m in model.modules():
        if getattr(m, "_mindtune_lean", False):
            del m.forward
            m._mindtune_lean = False
            n += 1
    return n


def _lean_forward(orig: Any, plan: _Plan) -> Any:
    def forward(self, hidden_states, alibi, attention_mask, position_ids=None, layer_past=None,
                use_cache=False, output_attentions=False, position_embeddings=None, **kwargs):
        layout = None
        if (self.training and torch.is_grad_enabled() and alibi is None and layer_past is None
                and not use_cache and not output_attentions and position_ids is not None
                and position_embeddings is not None and hidden_states.shape[0] == 1
                and plan.usable()):
            layout = varlen_layout(position_ids)
        if layout is None:
            return orig(self, hidden_states, alibi, attention_mask, position_ids=position_ids,
                        layer_past=layer_past, use_cache=use_cache,
                        output_attentions=output_attentions,
                        position_embeddings=position_embeddings, **kwargs)
        cos, sin = position_embeddings                                     # (1, T, D) each
        cu, longest = layout
        out = _LeanFalconLayer.apply(hidden_states, cos.to(hidden_states.dtype),
                                     sin.to(hidden_states.dtype), cu, longest, plan,
                                     *plan.params())
        return out, None

    return forward
