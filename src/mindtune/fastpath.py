"""GPU training fast path behind ``train.packing``: packed-row attention for Falcon, chunked
cross-entropy, a fused 4-bit LoRA layer and bf16 norms. Measured in docs/benchmarks.md ("GPU");
every function leaves the default (unpacked) path untouched."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

# -- packed fast path (train.packing) -------------------------------------------------------------
# With packing, a micro-batch is one row of many sequences whose position ids restart at 0. Falcon's
# attention would build a dense (T, T) block-diagonal mask and, as its keys have one head (multi-query)
# and its queries 71, fall back to SDPA's math kernel: O(T^2) memory and time over the whole packed
# row. The packed attention below lays the sequences out as a padded (sequences, heads, longest, dim)
# grid and runs causal SDPA (flash) on it: no attention crosses sequences, and padding sits after
# each sequence's last token, where no real query can see it.

_PACK_CACHE: dict[str, Any] = {"pos": None, "layout": None}
_SDPA_GQA_OK: dict[str, bool] = {}


def packed_layout(position_ids: torch.Tensor) -> tuple[torch.Tensor, int, int] | None:
    """For one packed row (1, T) of position ids restarting at 0: (flat index of every token in a
    (sequences x longest) grid, sequences, longest); None when the row is not packed that way.
    Computed once per forward (every layer gets the same position_ids tensor)."""
    if _PACK_CACHE["pos"] is position_ids:
        return _PACK_CACHE["layout"]
    layout = None
    if position_ids.dim() == 2 and position_ids.shape[0] == 1 and position_ids.shape[1] > 1:
        pos = position_ids[0]
        seq = torch.cumsum((pos == 0).long(), 0) - 1
        first, n_seq, longest = torch.stack([pos[0], seq[-1] + 1, pos.max() + 1]).tolist()
        if first == 0:
            layout = (seq * longest + pos, int(n_seq), int(longest))
    _PACK_CACHE["pos"], _PACK_CACHE["layout"] = position_ids, layout
    return layout


def _sdpa_causal(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """Causal SDPA with fewer key/value heads than query heads; on CUDA only the fused kernels
    (flash / memory-efficient) are allowed, never the math fallback."""
    from torch.nn.functional import scaled_dot_product_attention as sdpa

    if k.shape[1] == q.shape[1]:
        gqa = False
    elif q.is_cuda and _SDPA_GQA_OK.get("ok") is False:
        k = k.expand(-1, q.shape[1], -1, -1).contiguous()
        v = v.expand(-1, q.shape[1], -1, -1).contiguous()
        gqa = False
    else:
        gqa = True
    if not q.is_cuda:
        if gqa:
            k = k.expand(-1, q.shape[1], -1, -1)
            v = v.expand(-1, q.shape[1], -1, -1)
        return sdpa(q, k, v, is_causal=True)
    from torch.nn.attention import SDPBackend, sdpa_kernel

    with sdpa_kernel([SDPBackend.FLASH_ATTENTION, SDPBackend.EFFICIENT_ATTENTION]):
        if not gqa:
            return sdpa(q, k, v, is_causal=True)
        try:
            out = sdpa(q, k, v, is_causal=True, enable_gqa=True)
            _SDPA_GQA_OK["ok"] = True
            return out
        except RuntimeError:  # no fused kernel takes GQA here: give keys/values every head
            _SDPA_GQA_OK["ok"] = False
            k = k.expand(-1, q.shape[1], -1, -1).contiguous()
            v = v.expand(-1, q.shape[1], -1, -1).contiguous()
            return sdpa(q, k, v, is_causal=True)


def _falcon_packed_attention(orig: Any) -> Any:
    from transformers.models.falcon.modeling_falcon import apply_rotary_pos_emb

    def forward(self, hidden_states, alibi, attention_mask, position_ids=None, layer_past=None,
                use_cache=False, output_attentions=False, position_embeddings=None, **kwargs):
        layout = None
        if (alibi is None and layer_past is None and not output_attentions
                and position_ids is not None and position_embeddings is not None
                and hidden_states.shape[0] == 1):
            layout = packed_layout(position_ids)
        if layout is None:
            return orig(self, hidden_states, alibi, attention_mask, position_ids=position_ids,
                        layer_past=layer_past, use_cache=use_cache,
                        output_attentions=output_attentions,
                        position_embeddings=position_embeddings, **kwargs)
        flat, n_seq, longest = layout
        q, k, v = self._split_heads(self.query_key_value(hidden_states))  # (1, T, heads, dim)
        q, k, v = (x.transpose(1, 2) for x in (q, k, v))                   # (1, heads, T, dim)
        cos, sin = position_embeddings
        q, k = apply_rotary_pos_emb(q, k, cos, sin)

        def grid(x: torch.Tensor) -> torch.Tensor:  # (1, H, T, D) -> (sequences, H, longest, D)
            h, d = x.shape[1], x.shape[3]
            g = x.new_zeros(h, n_seq * longest, d).index_copy(1, flat, x[0])
            return g.view(h, n_seq, longest, d).transpose(0, 1)

        out = _sdpa_causal(grid(q), grid(k), grid(v))                       # (S, H, L, D)
        h, d = out.shape[1], out.shape[3]
        out = out.transpose(0, 1).reshape(h, n_seq * longest, d).index_select(1, flat)
        out = out.transpose(0, 1).reshape(1, -1, h * d)
        return self.dense(out), None

    return forward


def enable_packed_attention(model: nn.Module) -> int:
    """Give every Falcon attention module of ``model`` the packed-row attention above (other rows
    take the unchanged path); returns how many modules were patched. Other architectures use
    transformers' own packed-sequence masks and are left alone."""
    try:
        from transformers.models.falcon.modeling_falcon import FalconAttention
    except ImportError:  # pragma: no cover
        return 0
    n = 0
    for m in model.modules():
        if isinstance(m, FalconAttention) and not getattr(m, "_mindtune_packed", False):
            fwd = _falcon_packed_attention(type(m).forward)
            m.forward = fwd.__get__(m, type(m))
            m._mindtune_packed = True
            n += 1
    return n


class _ChunkedCE(torch.autograd.Function):
    """Sum of token cross-entropies of ``hidden @ weight.T`` without holding the (tokens x vocab)
    logits. With a frozen head (LoRA) the gradient for ``hidden`` is made chunk by chunk in the
    forward itself -- the loss is a sum, so the backward only scales it -- and the logits are
    made once; otherwise each chunk's logits are made again in the backward."""

    @staticmethod
    def forward(ctx, hidden, weight, targets, chunk):  # noqa: ANN001
        lse = torch.empty(hidden.shape[0], dtype=torch.float32, device=hidden.device)
        picked = torch.empty_like(lse)
        early = ctx.needs_input_grad[0] and not ctx.needs_input_grad[1]
        grad_h = torch.empty_like(hidden) if early else None
        for i in range(0, hidden.shape[0], chunk):
            logits = (hidden[i:i + chunk] @ weight.t()).float()               # (chunk, V)
            lse[i:i + chunk] = torch.logsumexp(logits, dim=-1)
            picked[i:i + chunk] = logits.gather(1, targets[i:i + chunk, None])[:, 0]
            if early:  # d(sum of CE)/d logits = softmax - one-hot
                p = logits.sub_(lse[i:i + chunk, None]).exp_()
                p.scatter_add_(1, targets[i:i + chunk, None], torch.full_like(p[:, :1], -1.0))
                grad_h[i:i + chunk] = p.to(hidden.dtype) @ weight
        if early:
            ctx.save_for_backward(grad_h)
        else:
            ctx.save_for_backward(hidden, weight, targets, lse)
        ctx.chunk, ctx.early = chunk, early
        return (lse - picked).sum()

    @staticmethod
    def backward(ctx, grad):  # noqa: ANN001
        if ctx.early:
            (grad_h,) = ctx.saved_tensors
            return grad_h * grad.to(grad_h.dtype), None, None, None
        hidden, weight, targets, lse = ctx.saved_tensors
        grad_h = torch.empty_like(hidden) if ctx.needs_input_grad[0] else None
        grad_w = torch.zeros_like(weight, dtype=torch.float32) if ctx.needs_input_grad[1] else None
        for i in range(0, hidden.shape[0], ctx.chunk):
            h = hidden[i:i + ctx.chunk]
            p = (h @ weight.t()).float().sub_(lse[i:i + ctx.chunk, None]).exp_()  # softmax
            p.scatter_add_(1, targets[i:i + ctx.chunk, None], torch.full_like(p[:, :1], -1.0))
            p = p.mul_(grad).to(hidden.dtype)
            if grad_h is not None:
                grad_h[i:i + ctx.chunk] = p @ weight
            if grad_w is not None:
                grad_w += (p.t() @ h).float()
        return grad_h, None if grad_w is None else grad_w.to(weight.dtype), None, None


def chunked_causal_lm_loss(hidden: torch.Tensor, weight: torch.Tensor, labels: torch.Tensor,
                           num_items_in_batch: Any = None, chunk: int = 2048) -> torch.Tensor:
    """transformers' causal-LM loss (labels shifted left, -100 ignored, fp32 softmax; summed and
    divided by ``num_items_in_batch`` when given, else averaged), computed in chunks of tokens."""
    shift = torch.nn.functional.pad(labels, (0, 1), value=-100)[..., 1:].reshape(-1)
    keep = (shift != -100).nonzero()[:, 0]
    h = hidden.reshape(-1, hidden.shape[-1]).index_select(0, keep)
    if torch.is_autocast_enabled(h.device.type):
        h = h.to(torch.get_autocast_dtype(h.device.type))
    w = weight.to(h.dtype)
    total = _ChunkedCE.apply(h, w, shift.index_select(0, keep), chunk)
    if num_items_in_batch is None:
        return total / keep.numel()
    if torch.is_tensor(num_items_in_batch):
        num_items_in_batch = num_items_in_batch.to(total.device)
    return total / num_items_in_batch


def enable_chunked_loss(model: nn.Module, chunk: int = 2048) -> bool:
    """Make ``model`` (a causal LM, possibly inside peft) compute its training loss with
    :func:`chunked_causal_lm_loss` whenever labels are given and gradients are on; other calls
    (generation, no-grad evaluation) take the unchanged forward. False when the head is not a
    plain linear layer over the last hidden state (logit scaling or soft-capping)."""
    from transformers.modeling_outputs import CausalLMOutputWithPast

    lm = model.get_base_model() if hasattr(model, "get_base_model") else model
    cfg = lm.config
    if getattr(lm, "_mindtune_chunked_loss", False):
        return True
    decoder = getattr(lm, getattr(lm, "base_model_prefix", ""), None)
    head = lm.get_output_embeddings()
    if (decoder is None or not isinstance(head, nn.Linear) or head.bias is not None
            or getattr(cfg, "final_logit_softcapping", None) or getattr(cfg, "logit_scale", None)
            or getattr(cfg, "logits_scaling", None) or cfg.is_encoder_decoder):
        return False
    orig = lm.forward

    def forward(input_ids=None, attention_mask=None, position_ids=None, labels=None,
                num_items_in_batch=None, **kwargs):
        if (labels is None or not torch.is_grad_enabled() or input_ids is None
                or kwargs.get("inputs_embeds") is not None):
            if num_items_in_batch is not None:
                kwargs["num_items_in_batch"] = num_items_in_batch
            return orig(input_ids=input_ids, attention_mask=attention_mask,
                        position_ids=position_ids, labels=labels, **kwargs)
        out = decoder(input_ids=input_ids, attention_mask=attention_mask,
                      position_ids=position_ids, use_cache=False)
        loss = chunked_causal_lm_loss(out[0], head.weight, labels, num_items_in_batch, chunk)
        return CausalLMOutputWithPast(loss=loss)

    lm.forward = forward
    lm._mindtune_chunked_loss = True
    return True


class _QLoRALinear(torch.autograd.Function):
    """y = x @ dequant(W4).T + scale * dropout(x) @ A.T @ B.T for one LoRA-wrapped bnb 4-bit
    layer, in the 4-bit layer's compute dtype (bf16): the LoRA output is added inside the base
    GEMM (addmm), nothing is cloned, nothing goes through fp32. A and B stay fp32 master weights
    and get fp32 gradients. Saves what PEFT saves (dropout output, mask, A's output)."""

    @staticmethod
    def forward(ctx, x, lora_a, lora_b, layer, p, scale):  # noqa: ANN001
        from bitsandbytes.functional import dequantize_4bit

        dt = layer.compute_dtype or x.dtype
        n, k = layer.out_features, layer.in_features
        x2 = x.reshape(-1, k).to(dt)
        w = dequantize_4bit(layer.weight.data, layer.weight.quant_state).to(dt).reshape(n, k)
        if p > 0:
            xd, mask = torch.native_dropout(x2, p, True)
        else:
            xd, mask = x2, None
        a, b = lora_a.to(dt), lora_b.to(dt)
        h = xd @ a.t()
        y = torch.addmm(h @ b.t(), x2, w.t(), beta=scale)
        ctx.save_for_backward(xd, mask, h, lora_a, lora_b)
        ctx.layer, ctx.p, ctx.scale, ctx.dt, ctx.x_dtype = layer, p, scale, dt, x.dtype
        ctx.x_shape = x.shape
        return y  # (tokens, n): the caller views it back (an in-place add on a view made here
        # would be refused by autograd)

    @staticmethod
    def backward(ctx, dy):  # noqa: ANN001
        from bitsandbytes.functional import dequantize_4bit

        xd, mask, h, lora_a, lora_b = ctx.saved_tensors
        layer, dt = ctx.layer, ctx.dt
        n, k = layer.out_features, layer.in_features
        dy2 = dy.reshape(-1, n).to(dt)
        a, b = lora_a.to(dt), lora_b.to(dt)
        gh = dy2 @ b
        if ctx.scale != 1:
            gh = gh * ctx.scale
        grad_b = grad_a = dx = None
        if ctx.needs_input_grad[2]:
            grad_b = (dy2.t() @ h).to(lora_b.dtype)
            if ctx.scale != 1:
                grad_b = grad_b * ctx.scale
        if ctx.needs_input_grad[1]:
            grad_a = (gh.t() @ xd).to(lora_a.dtype)
        if ctx.needs_input_grad[0]:
            dxd = gh @ a
            if mask is not None:
                dxd = torch.ops.aten.native_dropout_backward(dxd, mask, 1.0 / (1.0 - ctx.p))
            w = dequantize_4bit(layer.weight.data, layer.weight.quant_state).to(dt).reshape(n, k)
            dx = torch.addmm(dxd, dy2, w).view(ctx.x_shape).to(ctx.x_dtype)
        return dx, grad_a, grad_b, None, None, None


def enable_fused_qlora(model: nn.Module) -> int:
    """Route every PEFT LoRA layer on a bnb 4-bit base (one plain LoRA adapter, no bias) through
    :class:`_QLoRALinear`; anything else (merged, disabled or several adapters, variants such as
    DoRA, extra call arguments) keeps PEFT's forward. Returns how many layers were routed."""
    try:
        from peft.tuners.lora.bnb import Linear4bit as LoraLinear4bit
    except (ImportError, AttributeError):  # no bitsandbytes
        return 0
    n = 0
    for m in model.modules():
        if (not isinstance(m, LoraLinear4bit) or getattr(m, "_mindtune_fused", False)
                or getattr(m.get_base_layer(), "bias", None) is not None):
            continue
        orig = type(m).forward

        def forward(self, x, *args, _orig=orig, **kwargs):
            active = self.active_adapters
            base = self.get_base_layer()
            if (args or kwargs or self.disable_adapters or self.merged or len(active) != 1
                    or active[0] not in self.lora_A or active[0] in getattr(self, "lora_variant", {})
                    or getattr(base.weight, "quant_state", None) is None):
                return _orig(self, x, *args, **kwargs)
            name = active[0]
            drop = self.lora_dropout[name]
            p = drop.p if isinstance(drop, nn.Dropout) and self.training else 0.0
            y = _QLoRALinear.apply(x, self.lora_A[name].weight, self.lora_B[name].weight, base,
                                   p, self.scaling[name])
            if getattr(self, "_mindtune_kept", False):
                # its GEMM output is kept by selective checkpointing, and callers may add to
                # the returned tensor in place (Falcon: mlp_output += attention_output)
                y = y.clone()
            return y.view(*x.shape[:-1], y.shape[-1])

        m.forward = forward.__get__(m, type(m))
        m._mindtune_fused = True
        n += 1
    return n


def enable_low_precision_norms(model: nn.Module) -> int:
    """LayerNorms whose weights are bf16/fp16 run in that dtype under autocast (fp32 statistics
    inside the kernel) instead of autocast's fp32 output, which every consumer would cast back
    (and whose gradients would be added in fp32). Returns how many norms were switched."""
    import torch.nn.functional as F

    n = 0
    for m in model.modules():
        if (type(m) is not nn.LayerNorm or m.weight is None or getattr(m, "_mindtune_lp", False)
                or m.weight.dtype not in (torch.bfloat16, torch.float16)):
            continue

        def forward(self, x, _orig=nn.LayerNorm.forward):
            if not torch.is_autocast_enabled(x.device.type):
                return _orig(self, x)
            with torch.autocast(x.device.type, enabled=False):
                return F.layer_norm(x.to(self.weight.dtype), self.normalized_shape, self.weight,
                                    self.bias, self.eps)

        m.forward = forward.__get__(m, type(m))
        m._mindtune_lp = True
        n += 1
    return n


def keep_mlp_out_checkpointing(model: nn.Module) -> int:
    """Selective activation checkpointing for the packed path: every matmul whose input is as
    wide as the MLP's inner layer (the down-projection and its LoRA A) keeps its output for the
    backward instead of being recomputed; everything else is recomputed as with full
    checkpointing. Returns that width. Needs torch's non-reentrant checkpoint (context_fn)."""
    from functools import partial

    from torch.utils.checkpoint import CheckpointPolicy, create_selective_checkpoint_contexts

    lm = model.get_base_model() if hasattr(model, "get_base_model") else model
    cfg = lm.config
    width = (getattr(cfg, "ffn_hidden_size", None) or getattr(cfg, "intermediate_size", None)
             or 4 * cfg.hidden_size)
    addmm, mm = torch.ops.aten.addmm.default, torch.ops.aten.mm.default

    def policy(ctx: Any, op: Any, *args: Any, **kwargs: Any) -> Any:
        if op is addmm or op is mm:
            mat1 = args[1] if op is addmm else args[0]  # (tokens, in_features)
            if mat1.dim() == 2 and mat1.shape[-1] == width:
                return CheckpointPolicy.MUST_SAVE
        return CheckpointPolicy.PREFER_RECOMPUTE

    for m in model.modules():
        if getattr(m, "_mindtune_fused", False) and getattr(m, "in_features", None) == width:
            m._mindtune_kept = True
    lm.gradient_checkpointing_enable(gradient_checkpointing_kwargs={
        "use_reentrant": False,
        "context_fn": partial(create_selective_checkpoint_contexts, policy)})
    return width


def enable_fast_training(model: nn.Module) -> dict[str, Any]:
    """The packed fast path's model changes (train.packing): packed attention, chunked loss,
    fused 4-bit LoRA layers, low-precision norms. Each keeps the unchanged path for inputs it
    does not handle."""
    return {"packed_attention": enable_packed_attention(model),
            "chunked_loss": enable_chunked_loss(model),
            "fused_qlora": enable_fused_qlora(model),
            "low_precision_norms": enable_low_precision_norms(model)}
