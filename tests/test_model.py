"""Model loading: 4-bit really happens (Falcon included), LoRA targets per architecture."""

from __future__ import annotations

import contextlib

import pytest
from conftest import tiny_config
from torch import nn

from mindtune import model as model_mod
from mindtune.model import ModelError, count_4bit, load_model


@pytest.mark.parametrize("arch, n_linear", [("tiny-llama", 2 * 7), ("tiny-falcon", 2 * 4)])
def test_4bit_layers_are_really_quantized(arch: str, n_linear: int) -> None:
    model, tok = load_model(tiny_config(f"model.arch={arch}"))
    assert count_4bit(model) == n_linear  # every projection; lm_head stays full precision
    rep = model_mod.quant_report(model)
    assert rep["linear_4bit"] == n_linear


def test_falcon_without_the_fix_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """transformers quantizes only exact nn.Linear; FalconLinear would silently stay full
    precision. The loader must notice and refuse instead of calling it QLoRA."""
    monkeypatch.setattr(model_mod, "_falcon_linear_as_linear", contextlib.nullcontext)
    with pytest.raises(ModelError, match="no layer .* was quantized"):
        load_model(tiny_config("model.arch=tiny-falcon"))


def test_unquantized_load_has_no_4bit_layers() -> None:
    model, _ = load_model(tiny_config("quant.load_in_4bit=false"))
    assert count_4bit(model) == 0
    assert sum(type(m) is nn.Linear for m in model.modules()) >= 14


@pytest.mark.parametrize("arch, expected", [
    ("tiny-llama", {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}),
    ("tiny-falcon", {"query_key_value", "dense", "dense_h_to_4h", "dense_4h_to_h"}),
])
def test_all_linear_discovers_each_architectures_projections(arch: str, expected: set) -> None:
    from peft import LoraConfig, get_peft_model

    model, _ = load_model(tiny_config(f"model.arch={arch}"))
    peft = get_peft_model(model, LoraConfig(r=4, target_modules="all-linear", task_type="CAUSAL_LM"))
    targeted = {n.split(".")[-1] for n, m in peft.named_modules() if hasattr(m, "lora_A")
                and not n.endswith(("lora_A", "lora_B"))}
    assert targeted == expected  # lm_head excluded


def test_explicit_targets_override() -> None:
    from peft import LoraConfig, get_peft_model

    model, _ = load_model(tiny_config("model.arch=tiny-falcon"))
    peft = get_peft_model(model, LoraConfig(r=4, target_modules=["dense"], task_type="CAUSAL_LM"))
    names = {n.split(".")[-1] for n, m in peft.named_modules() if hasattr(m, "lora_A")
             and not n.endswith(("lora_A", "lora_B"))}
    assert names == {"dense"}


def test_unknown_arch_and_missing_model_are_one_line_errors(tmp_path) -> None:
    with pytest.raises(ModelError, match="unknown architecture 'nope'"):
        model_mod.arch_config_path("nope")
    with pytest.raises(ModelError, match="cannot load"):
        load_model(tiny_config("model.init=pretrained", f"model.source={tmp_path}",
                               f"model.tokenizer={model_mod.embedded_dir()}"))


def test_random_checkpoint_is_cached_and_deterministic() -> None:
    a = model_mod.random_dir("tiny-llama")
    assert a == model_mod.random_dir("tiny-llama")
    assert (a / "config.json").exists()
