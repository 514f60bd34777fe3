"""`mindtune merge`: the adapter merged into the dequantized 4-bit base, saved as a plain
checkpoint that plain transformers and `load_engine` load, verified against the adapter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
import yaml

from mindtune.merge import MergeError, merge_run

PROMPT = [{"role": "user", "content": "What can I do when I feel anxious?"}]


@pytest.fixture(scope="module")
def merged(tiny_run, tmp_path_factory) -> tuple[Path, dict]:
    from typer.testing import CliRunner

    from mindtune.cli import app

    out = tmp_path_factory.mktemp("merged") / "tiny-merged"
    result = CliRunner().invoke(app, ["merge", str(tiny_run), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, json.loads(result.stdout)


def _adapter_and_base_logits(run: Path, ids: list[int]) -> tuple[torch.Tensor, torch.Tensor]:
    """Last-position logits of the run as trained: 4-bit base + adapter, and the base alone."""
    from peft import PeftModel

    from mindtune.config import load_config
    from mindtune.model import disable_cpu_inference_repack, load_model

    model, _ = load_model(load_config(run / "config.yaml"))
    disable_cpu_inference_repack(model)
    x = torch.tensor([ids])
    with torch.inference_mode():
        base = model(input_ids=x).logits[0, -1].float()
        adapted = PeftModel.from_pretrained(model, str(run / "adapter")).eval()
        tuned = adapted(input_ids=x).logits[0, -1].float()
    return tuned, base


def test_report_and_files(merged, tiny_run):
    out, report = merged
    assert report["out"] == str(out)
    assert report["prompts_checked"] == 4 and report["greedy_match"] == 4
    assert report["max_logit_diff"] < 1e-3 and report["dequantized_layers"] == 14
    names = {p.name for p in out.iterdir()}
    assert {"model.safetensors", "config.json", "generation_config.json", "tokenizer.json",
            "mindtune.yaml"} <= names
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # no temp dir left
    config = json.loads((out / "config.json").read_text())
    assert "quantization_config" not in config
    run_cfg = yaml.safe_load((tiny_run / "config.yaml").read_text())
    meta = yaml.safe_load((out / "mindtune.yaml").read_text())
    assert meta["model"]["source"] == str(out.resolve()) and meta["model"]["init"] == "pretrained"
    assert meta["quant"]["load_in_4bit"] is False
    assert meta["data"] == run_cfg["data"]  # same template and system prompt as trained


def test_plain_transformers_load_matches_adapter(merged, tiny_run):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from mindtune.prompt import PromptBuilder

    out, report = merged
    tok = AutoTokenizer.from_pretrained(out)
    model = AutoModelForCausalLM.from_pretrained(out).eval()
    builder = PromptBuilder(tok, "chat")
    assert model.generation_config.eos_token_id == builder.stop_ids == report["eos_token_id"]
    run_cfg = yaml.safe_load((tiny_run / "config.yaml").read_text())
    ids = PromptBuilder(tok, "chat", run_cfg["data"]["system_prompt"]).encode_prompt(PROMPT)
    with torch.inference_mode():
        logits = model(input_ids=torch.tensor([ids])).logits[0, -1].float()
    tuned, base = _adapter_and_base_logits(tiny_run, ids)
    assert (logits - tuned).abs().max() < 1e-3  # the adapter's answer...
    assert (logits - base).abs().max() > 1e-2  # ...not the base's: the adapter was merged


def test_load_engine_uses_the_run_template(merged, tiny_run):
    from mindtune.engine import GenerationSettings, load_engine

    out, _ = merged
    eng = load_engine(str(out), safety=False)
    run_cfg = yaml.safe_load((tiny_run / "config.yaml").read_text())
    assert eng.builder.template == run_cfg["data"]["template"]
    assert eng.builder.system_prompt == run_cfg["data"]["system_prompt"]
    comp = eng.chat(PROMPT, GenerationSettings(temperature=0, max_new_tokens=4))
    comp.read()
    assert comp.finish_reason in ("stop", "length")


def test_refuses_existing_output_and_non_runs(tiny_run, tmp_path):
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "file").write_text("x")
    with pytest.raises(MergeError, match="already exists"):
        merge_run(tiny_run, taken)
    with pytest.raises(MergeError, match="not a run directory"):
        merge_run(tmp_path, tmp_path / "out")


def test_mismatch_raises_and_writes_nothing(tiny_run, tmp_path, monkeypatch):
    import mindtune.merge as m

    real = m._probe
    calls = []

    def probe(*args, **kwargs):
        res = real(*args, **kwargs)
        calls.append(1)
        if len(calls) == 2:  # the merged model's answers: make two of four differ
            for r in res[:2]:
                r["ids"] = [*r["ids"], 0]
        return res

    monkeypatch.setattr(m, "_probe", probe)
    out = tmp_path / "merged"
    with pytest.raises(MergeError, match="only 2 of 4 prompts"):
        merge_run(tiny_run, out, max_new_tokens=4)
    assert not out.exists() and list(tmp_path.iterdir()) == []
