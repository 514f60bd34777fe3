"""End to end with the real embedded model (SmolLM2-135M-Instruct GGUF) and the real dataset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mindtune.cli import app

pytestmark = pytest.mark.e2e


def test_train_then_chat_with_the_real_model(tmp_path: Path, real_data_available: bool) -> None:
    if not real_data_available:
        pytest.fail("the real dataset mirror (../shared/data) is required for the e2e test")
    out = tmp_path / "run"
    res = CliRunner().invoke(app, [
        "train", "--config", "configs/smollm2-135m-cpu.yaml", "--output-dir", str(out),
        "--max-steps", "2", "--set", "train.batch_size=2", "--set", "train.grad_accum=1",
        "--set", "train.eval_steps=2", "--set", "train.save_steps=2",
        "--set", "data.eval_fraction=0.03"])
    assert res.exit_code == 0, res.output
    assert "run saved in" in res.output
    rows = [json.loads(x) for x in (out / "metrics.jsonl").read_text().splitlines()]
    assert any("eval_loss" in r for r in rows)
    assert len((out / "eval_split.jsonl").read_text().splitlines()) == 5  # 3% of 172

    from mindtune.engine import GenerationSettings, load_engine

    engine = load_engine(str(out))
    assert engine.builder.template == "chat"
    comp = engine.generate([{"role": "user", "content": "What is anxiety?"}],
                           GenerationSettings(temperature=0, max_new_tokens=24))
    assert comp.text.strip() and comp.completion_tokens <= 24
    assert "<|im_start|>" not in comp.text and "<|im_end|>" not in comp.text
    crisis = engine.generate([{"role": "user", "content": "I'm going to kill myself tonight"}])
    assert crisis.finish_reason == "crisis" and "988" in crisis.text
