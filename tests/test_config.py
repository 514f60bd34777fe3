"""Config: presets validate, overrides are typed, errors name the key before any model loads."""

from __future__ import annotations

import pytest

from mindtune.config import ConfigError, list_presets, load_config, parse_override


@pytest.mark.parametrize("preset", list_presets())
def test_every_shipped_preset_validates(preset: str) -> None:
    cfg = load_config(preset)
    assert cfg.name
    assert cfg.data.template in {"chat", "seed"}


def test_falcon_preset_is_the_reference_recipe() -> None:
    c = load_config("falcon-7b-qlora")
    assert (c.quant.load_in_4bit, c.quant.quant_type, c.quant.double_quant) == (True, "nf4", True)
    assert c.quant.compute_dtype == "bfloat16"
    assert (c.lora.r, c.lora.alpha, c.lora.dropout) == (32, 32, 0.05)
    assert c.lora.target_modules == ["query_key_value", "dense", "dense_h_to_4h", "dense_4h_to_h"]
    t = c.train
    assert (t.batch_size, t.grad_accum, t.lr, t.max_steps) == (16, 4, 2e-4, 320)
    assert (t.optimizer, t.lr_scheduler, t.max_grad_norm) == ("paged_adamw_32bit", "cosine", 0.3)
    assert (t.warmup_ratio, t.group_by_length, t.bf16, t.gradient_checkpointing) == (
        0.03, True, True, True)
    assert c.data.max_length == 1024


def test_overrides_are_typed() -> None:
    c = load_config("smollm2-135m-cpu", ["train.lr=1e-4", "lora.r=8", "data.system_prompt=null",
                                          "lora.target_modules=[q_proj, v_proj]"])
    assert c.train.lr == 1e-4 and c.lora.r == 8 and c.data.system_prompt is None
    assert c.lora.target_modules == ["q_proj", "v_proj"]
    assert isinstance(load_config(None, ["train.lr=1"]).train.lr, float)


@pytest.mark.parametrize("item, fragment", [
    ("train.lrr=1", "unknown key 'train.lrr' (allowed: train.batch_size"),
    ("nope=1", "unknown key 'nope'"),
    ("lora.r=eight", "'lora.r' must be int"),
    ("lora.r=0", "'lora.r' = 0 must be > 0"),
    ("train.batch_size=0", "'train.batch_size' = 0 must be > 0"),
    ("train.lr=-1", "'train.lr' = -1.0 must be > 0"),
    ("data.template=alpaca", "'data.template' = 'alpaca' (allowed: chat, seed)"),
    ("data.eval_fraction=1.5", "'data.eval_fraction' = 1.5 must be in [0, 1)"),
    ("train=3", "'train' is a section"),
    ("train.bf16=yes please", "'train.bf16' must be bool"),
    ("model.init=random", "needs 'model.arch'"),
    ("noequals", "expected key=value"),
])
def test_bad_overrides_name_the_key(item: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as e:
        load_config("smollm2-135m-cpu", [item, "model.arch=null"] if "init" in item else [item])
    assert fragment in str(e.value)
    assert "\n" not in str(e.value)


def test_bad_yaml_file_names_file_and_key(tmp_path) -> None:
    p = tmp_path / "x.yaml"
    p.write_text("train:\n  epochz: 3\n")
    with pytest.raises(ConfigError, match=r"x.yaml: unknown key 'train.epochz'"):
        load_config(p)
    p.write_text("train: [1, 2\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(p)
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "missing.yaml")


def test_parse_override_keeps_strings() -> None:
    assert parse_override("data.source=a/b") == ("data.source", "a/b")
    assert parse_override("train.epochs=2") == ("train.epochs", 2)
