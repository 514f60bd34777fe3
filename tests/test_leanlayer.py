"""train.fused_layers: the lean Falcon layer (one autograd function per decoder layer, saving
~3 x hidden per token and recomputing the rest) computes what PEFT + transformers compute: the
same loss and LoRA gradients on a packed row, with and without LoRA dropout (its masks are
replayed from the RNG state), on a plain and on a 4-bit NF4 base. Run on the CPU in fp32."""

from __future__ import annotations

import json

import pytest
import torch
from conftest import tiny_config

from mindtune.config import ConfigError, load_config
from mindtune.fastpath import enable_packed_attention
from mindtune.leanlayer import enable_lean_falcon_layers, varlen_layout

TARGETS = ["query_key_value", "dense", "dense_h_to_4h", "dense_4h_to_h"]


def _peft_falcon(dropout: float, quant: bool, targets: list[str] = TARGETS):
    from peft import LoraConfig, get_peft_model

    from mindtune.model import load_model

    torch.manual_seed(0)
    model, _ = load_model(tiny_config("model.arch=tiny-falcon",
                                      f"quant.load_in_4bit={str(quant).lower()}"))
    model = get_peft_model(model, LoraConfig(r=4, lora_alpha=8, lora_dropout=dropout,
                                             target_modules=targets))
    for n, p in model.named_parameters():
        if "lora_B" in n:
            torch.nn.init.normal_(p, std=0.1)  # B = 0 would hide the LoRA branch
    enable_packed_attention(model)  # the reference: packed rows, attention within each row
    return model.train()


def _packed_row() -> tuple[torch.Tensor, torch.Tensor]:
    torch.manual_seed(1)
    rows = [torch.randint(5, 200, (n,)) for n in (5, 3, 6)]
    ids = torch.cat(rows)[None]  # (1, 14)
    pos = torch.cat([torch.arange(len(r)) for r in rows])[None]
    return ids, pos


def _step(model, ids: torch.Tensor, pos: torch.Tensor) -> tuple[float, dict[str, torch.Tensor]]:
    model.zero_grad()
    torch.manual_seed(123)  # the same dropout masks for both sides
    loss = model(input_ids=ids, position_ids=pos, labels=ids, use_cache=False).loss
    loss.backward()
    return loss.item(), {n: p.grad.clone() for n, p in model.named_parameters() if p.requires_grad}


def test_varlen_layout_gives_sequence_offsets_and_the_longest() -> None:
    cu, longest = varlen_layout(torch.tensor([[0, 1, 2, 0, 1, 0, 1, 2, 3]]))
    assert cu.tolist() == [0, 3, 5, 9] and cu.dtype == torch.int32 and longest == 4
    assert varlen_layout(torch.tensor([[2, 3, 4]])) is None  # not starting at 0: not packed


@pytest.mark.parametrize("quant", [False, True], ids=["plain", "nf4"])
@pytest.mark.parametrize("dropout", [0.0, 0.3])
def test_lean_layer_equals_peft_loss_and_gradients(quant: bool, dropout: float) -> None:
    model = _peft_falcon(dropout, quant)
    ids, pos = _packed_row()
    want_loss, want = _step(model, ids, pos)
    assert enable_lean_falcon_layers(model) == 2  # both layers of the tiny Falcon
    got_loss, got = _step(model, ids, pos)
    assert got_loss == pytest.approx(want_loss, rel=1e-6)
    assert len(got) == len(want) == 2 * 4 * 2  # layers x targets x (A, B)
    for n in want:
        assert torch.allclose(got[n], want[n], rtol=1e-4, atol=1e-6), n


def test_lean_layer_gradients_change_with_the_dropout_masks() -> None:
    """The masks really are replayed, not redrawn: another seed gives other gradients, and the
    same seed the same ones."""
    model = _peft_falcon(0.3, quant=False)
    enable_lean_falcon_layers(model)
    ids, pos = _packed_row()
    _, first = _step(model, ids, pos)
    _, again = _step(model, ids, pos)
    model.zero_grad()
    torch.manual_seed(7)
    model(input_ids=ids, position_ids=pos, labels=ids, use_cache=False).loss.backward()
    other = {n: p.grad for n, p in model.named_parameters() if p.requires_grad}
    assert all(torch.equal(first[n], again[n]) for n in first)
    assert any(not torch.allclose(first[n], other[n]) for n in first)


def test_other_calls_take_the_unchanged_forward() -> None:
    model = _peft_falcon(0.0, quant=False)
    ids, pos = _packed_row()
    with torch.no_grad():
        want = model(input_ids=ids, position_ids=pos, use_cache=False).logits
        enable_lean_falcon_layers(model)
        model.eval()  # eval / generation: not the lean path, same logits
        got = model(input_ids=ids, position_ids=pos, use_cache=False).logits
    assert torch.allclose(got, want, atol=1e-5)


def test_layers_without_lora_on_all_four_projections_are_left_alone() -> None:
    model = _peft_falcon(0.0, quant=False, targets=["query_key_value", "dense"])
    assert enable_lean_falcon_layers(model) == 0


def test_fused_layers_need_packing() -> None:
    with pytest.raises(ConfigError, match="train.fused_layers' needs 'train.packing'"):
        load_config(overrides=["train.fused_layers=true"])


def test_training_with_fused_layers_equals_checkpointed_packed_training(tmp_path) -> None:
    """Three optimizer steps with LoRA dropout on: the same losses and gradient norms as the
    packed path with full gradient checkpointing (which replays the same masks)."""
    from mindtune.train import run_training

    def curve(name: str, *extra: str) -> list[float]:
        cfg = tiny_config("model.arch=tiny-falcon", "quant.load_in_4bit=false",
                          "train.packing=true", "train.max_steps=3", "train.eval_steps=0",
                          "train.save_steps=0", "lora.dropout=0.1", "train.shuffle=false",
                          "lora.target_modules=[query_key_value,dense,dense_h_to_4h,dense_4h_to_h]",
                          *extra)
        run_training(cfg, tmp_path / name)
        rows = [json.loads(x) for x in (tmp_path / name / "metrics.jsonl").read_text().split("\n")
                if x]
        return [r[k] for k in ("loss", "grad_norm") for r in rows if k in r]

    ckpt = curve("ckpt", "train.gradient_checkpointing=true")
    fused = curve("fused", "train.fused_layers=true", "train.fused_keep_mlp_layers=1")
    fill = curve("fill", "train.fused_layers=true", "train.fused_keep_mlp_fill=true")
    assert len(ckpt) == 6 and fused == pytest.approx(ckpt, rel=1e-5)
    assert fill == pytest.approx(ckpt, rel=1e-5)


def test_enabling_again_follows_new_lora_modules_and_disabling_restores() -> None:
    from mindtune.leanlayer import disable_lean_falcon_layers

    model = _peft_falcon(0.0, quant=False)
    ids, pos = _packed_row()
    assert enable_lean_falcon_layers(model) == 2
    assert enable_lean_falcon_layers(model) == 2  # re-planned, not stacked
    _, grads = _step(model, ids, pos)
    assert all(g.abs().sum() > 0 for g in grads.values())
    assert disable_lean_falcon_layers(model) == 2
    assert not any(getattr(m, "_mindtune_lean", False) for m in model.modules())


class _SeededDrop(torch.nn.Module):
    """Reference for the fused-kernel path: dropout whose mask comes from a seed drawn in the
    same order as the lean layer draws its seeds (qkv, dense, up, down per layer)."""

    def __init__(self, p: float, keep_fn) -> None:
        super().__init__()
        self.p, self.keep_fn = p, keep_fn

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        from mindtune.lora_dropout import new_seed

        x2 = x.reshape(-1, x.shape[-1])
        keep = self.keep_fn(x2.shape[0], x2.shape[1], self.p, new_seed(), x.device)
        return (x2 * keep / (1 - self.p)).view(x.shape)


def _fake_kernels(monkeypatch) -> None:
    """PyTorch stand-ins with the kernels' contract (mask = f(seed), nothing stored), so the
    lean layer's kernel path runs on a CPU without Triton."""
    import mindtune.lora_dropout as ld

    def keep(m, k, p, seed, device):
        return (torch.rand(m, k, generator=torch.Generator().manual_seed(seed)) >= p).to(device)

    def drop_a(x, a_w, p, seed):
        return (x * keep(*x.shape, p, seed, x.device) / (1 - p)) @ a_w.t()

    def grads(x, a_w, gh, p, seed, gelu=False, into=None):
        k = keep(*x.shape, p, seed, x.device) / (1 - p)
        xin = torch.nn.functional.gelu(x) if gelu else x
        dx = (gh @ a_w) * k
        return (gh.t() @ (xin * k)).float(), dx if into is None else into.add_(dx)

    monkeypatch.setattr(ld, "usable", lambda device, numel, rank: True)
    monkeypatch.setattr(ld, "dropout_a", drop_a)
    monkeypatch.setattr(ld, "dropout_a_grads", grads)
    monkeypatch.setattr(ld, "keep_mask", keep)


def test_fused_dropout_kernel_path_equals_peft_with_the_same_masks(monkeypatch) -> None:
    import mindtune.lora_dropout as ld

    _fake_kernels(monkeypatch)
    model = _peft_falcon(0.3, quant=False)
    ids, pos = _packed_row()
    drops = [m for m in model.modules() if hasattr(m, "lora_dropout")]
    for m in drops:  # the reference: PEFT's layers with the kernels' masks
        m.lora_dropout["default"] = _SeededDrop(0.3, ld.keep_mask)
    want_loss, want = _step(model, ids, pos)
    for m in drops:
        m.lora_dropout["default"] = torch.nn.Dropout(0.3)
    calls = []
    monkeypatch.setattr(ld, "dropout_a_grads", lambda *a, f=ld.dropout_a_grads, **kw: (
        calls.append(kw), f(*a, **kw))[1])
    assert enable_lean_falcon_layers(model) == 2
    got_loss, got = _step(model, ids, pos)
    assert len(calls) == 2 * 4  # every branch of both layers took the kernel path
    assert sum(kw["gelu"] for kw in calls) == 2  # the down projection reads GELU(pre)
    assert sum(kw["into"] is not None for kw in calls) == 2  # qkv adds onto the MLP's dx
    assert got_loss == pytest.approx(want_loss, rel=1e-6)
    for n in want:
        assert torch.allclose(got[n], want[n], rtol=1e-4, atol=1e-6), n


# -- which layers keep their MLP activation (train.fused_keep_mlp_fill) -------------------------

def test_keep_policy_fills_the_memory_of_the_longest_micro_batch_so_far() -> None:
    from mindtune.leanlayer import KeepPolicy

    # 4 layers saving 10 units per token, 20 more per kept MLP activation, 1 layer kept:
    # a micro-batch of 100 tokens needs 100 x (4 x 10 + 1 x 20) = 6000 units
    p = KeepPolicy(1, total=4, fill=True, saved=10, mlp=20)
    assert p.count(30) == 1          # nothing longer seen yet: the fixed count
    assert [p.count(t) for t in (100, 80, 60, 50, 30)] == [1, 1, 3, 4, 4]
    for t in (80, 60, 50, 30):       # within the longest one's memory
        assert t * (4 * 10 + p.count(t) * 20) <= 6000
    assert p.count(200) == 1 and p.longest == 200
    assert p.count(100) == 4         # 100 x (40 + 4 x 20) = 12000 = 200 x (40 + 20)
    assert KeepPolicy(1, total=4, saved=10, mlp=20).count(30) == 1      # no fill: fixed
    assert KeepPolicy(9, total=4).count(30) == 4                          # never above total


def _saved_bytes(model, ids: torch.Tensor, pos: torch.Tensor) -> tuple[int, int]:
    """(bytes the forward saves for the backward, how many of the saved tensors are MLP
    pre-activations, i.e. 4 x hidden wide)."""
    width = model.base_model.model.config.hidden_size * 4
    seen: dict[int, torch.Tensor] = {}

    def pack(t: torch.Tensor) -> torch.Tensor:
        seen[id(t)] = t
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        loss = model(input_ids=ids, position_ids=pos, labels=ids, use_cache=False).loss
    loss.backward()
    lean = [t for t in seen.values() if t.dim() == 2 and t.shape[-1] == width]
    return sum(t.numel() * t.element_size() for t in seen.values()), len(lean)


def test_fill_keeps_more_layers_in_a_short_micro_batch_within_the_longests_memory() -> None:
    model = _peft_falcon(0.0, quant=False)
    ids, pos = _packed_row()                       # 14 tokens: the longest micro-batch
    short_ids, short_pos = ids[:, :5], pos[:, :5]  # one sequence of 5 tokens
    enable_lean_falcon_layers(model, keep_mlp_layers=0)
    long_fixed, kept_long = _saved_bytes(model, ids, pos)
    _, kept_short_fixed = _saved_bytes(model, short_ids, short_pos)
    enable_lean_falcon_layers(model, keep_mlp_layers=0, fill=True)
    _, kept_short_first = _saved_bytes(model, short_ids, short_pos)  # nothing longer seen yet
    long_fill, kept_long_fill = _saved_bytes(model, ids, pos)
    short_fill, kept_short_fill = _saved_bytes(model, short_ids, short_pos)
    assert kept_long == kept_short_fixed == kept_long_fill == kept_short_first == 0
    assert kept_short_fill == 2                    # both layers keep in the short one
    assert long_fill == long_fixed and short_fill <= long_fixed
    # and the gradients do not change with what is kept
    enable_lean_falcon_layers(model, keep_mlp_layers=0)
    _, want = _step(model, short_ids, short_pos)
    enable_lean_falcon_layers(model, keep_mlp_layers=0, fill=True)
    _step(model, ids, pos)
    _, got = _step(model, short_ids, short_pos)
    assert all(torch.allclose(got[n], want[n], rtol=1e-5, atol=1e-7) for n in want)


# -- rotary positions (mindtune.rotary; its Triton kernels: bench/check_rotary.py) ----------------

def test_rotary_split_equals_transformers_rotation_and_its_backward_is_the_transpose() -> None:
    from transformers.models.falcon.modeling_falcon import apply_rotary_pos_emb

    from mindtune import rotary

    torch.manual_seed(3)
    t, heads, d = 7, 3, 8
    qkv = torch.randn(t, heads + 2, d, dtype=torch.float64, requires_grad=True)
    ang = torch.rand(t, d // 2, dtype=torch.float64)
    cos, sin = torch.cat([ang, ang], -1).cos(), torch.cat([ang, ang], -1).sin()
    q, k, v = rotary.split_qkv(qkv, cos, sin)
    wq, wk = apply_rotary_pos_emb(qkv[None, :, :heads].transpose(1, 2),
                                  qkv[None, :, heads:heads + 1].transpose(1, 2), cos[None],
                                  sin[None])
    assert q.is_contiguous() and k.is_contiguous() and v.is_contiguous()
    assert torch.allclose(q, wq[0].transpose(0, 1)) and torch.allclose(k, wk[0].transpose(0, 1))
    assert torch.equal(v, qkv[:, heads + 1:].detach())
    dq, dk, dv = torch.randn_like(q), torch.randn_like(k), torch.randn_like(v)
    want = torch.autograd.grad((q, k, v), qkv, (dq, dk, dv))[0]
    assert torch.allclose(rotary.split_qkv_bwd(dq, dk, dv, cos, sin), want)


def test_rotary_kernels_are_not_taken_on_a_cpu_or_when_switched_off(monkeypatch) -> None:
    from mindtune import rotary

    monkeypatch.delenv("TRITON_INTERPRET", raising=False)
    assert not rotary.usable(torch.zeros(4, 3, 8))
    monkeypatch.setenv("TRITON_INTERPRET", "1")
    monkeypatch.setenv("MINDTUNE_ROTARY_KERNELS", "0")
    assert not rotary.usable(torch.zeros(4, 3, 8))
