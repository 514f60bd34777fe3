"""The GPU training fast path (train.packing) computes what the plain path computes: packed
attention never crosses rows, the chunked loss equals transformers' loss (value and gradients),
and the fused 4-bit LoRA layer equals PEFT's (forward and gradients). Run on the CPU in fp32."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from conftest import tiny_config

from mindtune.fastpath import (
    chunked_causal_lm_loss,
    enable_chunked_loss,
    enable_fused_qlora,
    enable_packed_attention,
    packed_layout,
)


def test_packed_layout_places_each_row_on_its_own_grid_line() -> None:
    pos = torch.tensor([[0, 1, 2, 0, 1, 0, 1, 2, 3]])  # three rows packed: lengths 3, 2, 4
    flat, n_seq, longest = packed_layout(pos)
    assert (n_seq, longest) == (3, 4)
    assert flat.tolist() == [0, 1, 2, 4, 5, 8, 9, 10, 11]  # row r, position p -> r * 4 + p
    assert packed_layout(torch.tensor([[3, 4, 5]])) is None  # not starting at 0: not packed


def test_chunked_loss_equals_cross_entropy_in_value_and_gradients() -> None:
    torch.manual_seed(0)
    hidden = torch.randn(2, 7, 16, requires_grad=True)  # (B, T, C)
    weight = torch.randn(50, 16, requires_grad=True)  # (V, C)
    labels = torch.randint(0, 50, (2, 7))
    labels[0, :3] = -100  # a masked prompt
    logits = hidden @ weight.t()  # (B, T, V)
    want = F.cross_entropy(logits[:, :-1].reshape(-1, 50), labels[:, 1:].reshape(-1),
                           ignore_index=-100)
    gh, gw = torch.autograd.grad(want, (hidden, weight))
    got = chunked_causal_lm_loss(hidden, weight, labels, chunk=3)  # chunks smaller than tokens
    ch, cw = torch.autograd.grad(got, (hidden, weight))
    assert got.item() == pytest.approx(want.item(), rel=1e-6)
    assert torch.allclose(ch, gh, atol=1e-6) and torch.allclose(cw, gw, atol=1e-6)
    n = int((labels[:, 1:] != -100).sum())
    summed = chunked_causal_lm_loss(hidden, weight, labels, num_items_in_batch=2 * n)
    assert summed.item() == pytest.approx(want.item() / 2, rel=1e-6)  # Trainer's accumulation


def test_chunked_loss_with_a_frozen_head_gives_the_same_hidden_gradient() -> None:
    """LoRA freezes the head: the hidden gradient is then made in the forward (no second pass
    over the logits) and must equal the two-pass gradient."""
    torch.manual_seed(0)
    hidden = torch.randn(3, 6, 16, requires_grad=True)  # (B, T, C)
    weight = torch.randn(40, 16)  # (V, C), frozen
    labels = torch.randint(0, 40, (3, 6))
    labels[1, :2] = -100
    want = F.cross_entropy((hidden @ weight.t())[:, :-1].reshape(-1, 40),
                           labels[:, 1:].reshape(-1), ignore_index=-100)
    (gh,) = torch.autograd.grad(want * 3.0, (hidden,))
    got = chunked_causal_lm_loss(hidden, weight, labels, chunk=4)
    (ch,) = torch.autograd.grad(got * 3.0, (hidden,))  # a scale after the loss reaches it
    assert got.item() == pytest.approx(want.item(), rel=1e-6)
    assert torch.allclose(ch, gh, atol=1e-6)


def _falcon():
    from mindtune.model import load_model

    model, _ = load_model(tiny_config("model.arch=tiny-falcon", "quant.load_in_4bit=false"))
    return model.eval()


def test_packed_falcon_rows_do_not_see_each_other() -> None:
    model = _falcon()
    torch.manual_seed(0)
    rows = [torch.randint(5, 200, (n,)) for n in (5, 3, 6)]
    with torch.no_grad():
        alone = [model(input_ids=r[None]).logits[0] for r in rows]
        assert enable_packed_attention(model) > 0
        ids = torch.cat(rows)[None]  # (1, 14)
        pos = torch.cat([torch.arange(len(r)) for r in rows])[None]
        # use_cache=False as in training: with a KV cache (generation) the unpacked path runs
        packed = model(input_ids=ids, position_ids=pos, use_cache=False).logits[0]
    assert torch.allclose(packed, torch.cat(alone), atol=1e-4)


def test_chunked_loss_inside_the_model_equals_its_own_loss() -> None:
    model = _falcon().train()
    ids = torch.randint(5, 200, (2, 9))
    labels = ids.clone()
    labels[:, :4] = -100
    want = model(input_ids=ids, labels=labels).loss
    assert enable_chunked_loss(model)
    got = model(input_ids=ids, labels=labels).loss
    assert got.item() == pytest.approx(want.item(), rel=1e-5)


def test_fused_qlora_layer_equals_peft_forward_and_gradients() -> None:
    from peft import LoraConfig, get_peft_model

    from mindtune.model import load_model

    cfg = tiny_config("lora.dropout=0")  # 4-bit NF4 base (bitsandbytes on the CPU)
    model, _ = load_model(cfg)
    model = get_peft_model(model, LoraConfig(r=4, lora_alpha=8, lora_dropout=0.0,
                                             target_modules=["q_proj", "down_proj"]))
    for n, p in model.named_parameters():
        if "lora_B" in n:
            torch.nn.init.normal_(p, std=0.1)  # B = 0 would hide the LoRA branch
    model.train()
    ids = torch.randint(5, 200, (2, 8))

    def run() -> tuple[float, dict[str, torch.Tensor]]:
        model.zero_grad()
        loss = model(input_ids=ids, labels=ids).loss
        loss.backward()
        return loss.item(), {n: p.grad.clone() for n, p in model.named_parameters()
                             if p.requires_grad}

    want_loss, want = run()
    assert enable_fused_qlora(model) == 2 * 2  # two layers x two targets
    got_loss, got = run()
    assert got_loss == pytest.approx(want_loss, rel=1e-5)
    for n in want:
        assert torch.allclose(got[n], want[n], rtol=1e-4, atol=1e-6), n


def test_keeping_mlp_outputs_in_checkpointing_changes_no_loss_or_gradient(tmp_path) -> None:
    """train.checkpoint_keep=mlp_out (selective checkpointing) computes the same training steps
    as full checkpointing on the packed path."""
    import json

    from mindtune.train import run_training

    def losses(keep: str) -> list[float]:
        cfg = tiny_config("train.packing=true", "train.gradient_checkpointing=true",
                          f"train.checkpoint_keep={keep}", "train.max_steps=3",
                          "train.eval_steps=0", "train.save_steps=0", "lora.dropout=0",
                          "train.shuffle=false")
        run_training(cfg, tmp_path / keep)
        rows = [json.loads(x) for x in (tmp_path / keep / "metrics.jsonl").read_text().split("\n")
                if x]
        return [r["loss"] for r in rows if "loss" in r] + [r["grad_norm"] for r in rows
                                                            if "grad_norm" in r]

    full, kept = losses("inputs"), losses("mlp_out")
    assert len(full) == 6 and kept == pytest.approx(full, rel=1e-5)
