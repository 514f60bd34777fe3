"""The QLoRA recipe on tiny models: loss falls, gradients stay exact after evaluation, runs resume
from the last complete checkpoint, the saved adapter reloads to identical logits."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
import torch
from conftest import tiny_config

from mindtune.train import (
    COMPLETE,
    TrainError,
    TrainRecipe,
    check_output_dir,
    last_complete_checkpoint,
    run_training,
)


def _losses(run: Path) -> list[float]:
    rows = [json.loads(x) for x in (run / "metrics.jsonl").read_text().splitlines() if x]
    return [r["loss"] for r in rows if "loss" in r]


@pytest.mark.parametrize("overrides", [
    ("model.arch=tiny-llama",),
    ("model.arch=tiny-falcon", "data.template=seed",
     "lora.target_modules=[query_key_value, dense, dense_h_to_4h, dense_4h_to_h]"),
])
def test_a_few_steps_lower_the_loss(tmp_path: Path, overrides: tuple[str, ...]) -> None:
    cfg = tiny_config(*overrides, "train.max_steps=12", "train.lr=0.01", "train.warmup_ratio=0",
                      "train.eval_steps=0", "train.save_steps=0", "train.lr_scheduler=constant")
    run_training(cfg, tmp_path / "run")
    losses = _losses(tmp_path / "run")
    assert len(losses) == 12
    assert sum(losses[-3:]) / 3 < sum(losses[:3]) / 3 - 0.05


def test_run_directory_contents(tiny_run: Path) -> None:
    from peft import PeftConfig

    for name in ("adapter/adapter_model.safetensors", "adapter/adapter_config.json",
                 "config.yaml", "metrics.jsonl", "loss.png", "README.md", "eval_split.jsonl"):
        assert (tiny_run / name).exists(), name
    assert PeftConfig.from_pretrained(str(tiny_run / "adapter")).r == 16
    card = (tiny_run / "README.md").read_text()
    assert "not a therapist" in card and "final eval loss" in card
    assert (tiny_run / "loss.png").read_bytes()[:4] == b"\x89PNG"
    evals = [json.loads(x) for x in (tiny_run / "metrics.jsonl").read_text().splitlines()
             if "eval_loss" in x]
    assert evals, "eval loss is reported on a schedule"


def _lora_grads(model, batch) -> list[torch.Tensor]:
    model.train()
    model.zero_grad()
    model(**batch).loss.backward()
    return [p.grad.detach().clone() for n, p in model.named_parameters() if "lora_" in n]


def test_lora_gradients_are_exact_after_an_evaluation(tmp_path: Path) -> None:
    """bitsandbytes on CPU repacks 4-bit weights on the first no-grad eval forward; the recipe
    must prevent it, so gradients after an evaluation equal those before."""
    recipe = TrainRecipe(tiny_config("train.max_steps=1"), tmp_path / "r")
    recipe.setup()
    model = recipe.model
    batch = recipe.trainer.data_collator([recipe.train_ds[i] for i in range(2)])
    batch = {k: v for k, v in batch.items() if k in ("input_ids", "attention_mask", "labels")}
    torch.manual_seed(0)
    before = _lora_grads(model, batch)
    model.eval()
    with torch.no_grad():
        model(**batch)
    recipe.trainer.evaluate()
    torch.manual_seed(0)
    after = _lora_grads(model, batch)
    assert before
    assert all(torch.allclose(a, b, rtol=1e-4, atol=1e-6) for a, b in zip(before, after, strict=True))


def test_sigint_checkpoints_and_resume_matches_uninterrupted(tmp_path: Path) -> None:
    from transformers import TrainerCallback

    common = ("train.max_steps=8", "train.save_steps=2", "train.eval_steps=2",
              "train.keep_best=false", "lora.dropout=0")
    full = run_training(tiny_config(*common), tmp_path / "full")
    assert not full.interrupted

    class SigintAtStep5(TrainerCallback):
        def on_step_begin(self, args, state, control, **kw):
            if state.global_step == 4:  # Ctrl-C arrives during step 5
                os.kill(os.getpid(), signal.SIGINT)  # the real Ctrl-C path

    part = TrainRecipe(tiny_config(*common), tmp_path / "part")
    part.setup()
    part.trainer.add_callback(SigintAtStep5())
    part.train()
    assert part.interrupted and part.save() is None
    part.cleanup()
    ck = last_complete_checkpoint(tmp_path / "part")
    assert ck is not None and ck.name == "checkpoint-5"
    (tmp_path / "part" / "checkpoint-7").mkdir()  # a torn checkpoint: no completion marker
    resumed = run_training(tiny_config(*common), tmp_path / "part", resume=True)
    assert resumed.trainer is None and not (tmp_path / "part" / "checkpoint-7").exists()
    from safetensors.torch import load_file

    a = load_file(tmp_path / "full" / "adapter" / "adapter_model.safetensors")
    b = load_file(tmp_path / "part" / "adapter" / "adapter_model.safetensors")
    assert a.keys() == b.keys()
    for k in a:
        assert torch.allclose(a[k], b[k], rtol=1e-3, atol=1e-5), k
    assert (tmp_path / "part" / "checkpoint-8" / COMPLETE).exists()


def test_adapter_reload_gives_identical_logits(tmp_path: Path) -> None:
    from peft import PeftModel

    from mindtune.model import disable_cpu_inference_repack, load_model

    cfg = tiny_config("train.max_steps=2", "train.lr=0.01", "train.eval_steps=0",
                      "train.save_steps=0")
    recipe = TrainRecipe(cfg, tmp_path / "r")
    recipe.setup()
    recipe.train()
    recipe.save()
    ids = torch.tensor([recipe.train_ds[0]["input_ids"][:32]])
    trained = recipe.trainer.model.eval()
    with torch.no_grad():
        want = trained(input_ids=ids).logits
    base, _ = load_model(cfg)
    reloaded = PeftModel.from_pretrained(base, str(tmp_path / "r" / "adapter")).eval()
    # same matmul path as training (bnb's CPU inference repack computes in bf16)
    disable_cpu_inference_repack(reloaded)
    with torch.no_grad():
        got = reloaded(input_ids=ids).logits
    assert torch.allclose(want, got, atol=1e-4)


def test_output_dir_guards(tmp_path: Path) -> None:
    run = tmp_path / "run"
    run.mkdir()
    (run / "keep.txt").write_text("previous work")
    with pytest.raises(TrainError, match="already holds a run; pass --resume"):
        check_output_dir(run, resume=False, overwrite=False)
    with pytest.raises(TrainError, match="no complete checkpoint"):
        check_output_dir(run, resume=True, overwrite=False)
    with pytest.raises(TrainError, match="holds no run to resume"):
        check_output_dir(tmp_path / "new", resume=True, overwrite=False)
    with pytest.raises(TrainError, match="MiB free"):
        check_output_dir(tmp_path / "new", resume=False, overwrite=False, min_free_mb=10**12)
    (tmp_path / "file").write_text("x")
    with pytest.raises(TrainError, match="not a directory"):
        check_output_dir(tmp_path / "file", resume=False, overwrite=False)
    assert (run / "keep.txt").read_text() == "previous work"


def test_bad_data_fails_before_loading_a_model(tmp_path: Path) -> None:
    from mindtune.data import DataError

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "<HUMAN>: hi\\n<ASSISTANT>: hello"}\n{"text": "no tags"}\n')
    with pytest.raises(DataError, match="row 2"):
        run_training(tiny_config(f"data.source={bad}"), tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_repetition_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    recipe = TrainRecipe(tiny_config("train.max_steps=1000"), tmp_path / "r")
    with caplog.at_level("WARNING"):
        recipe.setup()
    assert recipe.passes > 5
    assert "expect overfitting" in caplog.text


def test_packing_gives_the_same_loss_as_padding(tmp_path: Path) -> None:
    """Packed rows (no padding, position ids restart per row) must compute the padded loss."""
    recipe = TrainRecipe(tiny_config("train.max_steps=1", "quant.load_in_4bit=false"), tmp_path / "r")
    recipe.setup()
    from transformers import DataCollatorWithFlattening

    rows = [recipe.train_ds[i] for i in range(3)]
    model = recipe.model.eval()
    padded = recipe.trainer.data_collator(rows)
    packed = DataCollatorWithFlattening(return_position_ids=True, separator_id=-100)(rows)
    assert packed["input_ids"].shape[0] == 1
    assert packed["input_ids"].shape[1] == sum(len(r["input_ids"]) for r in rows)
    with torch.no_grad():
        a = model(**padded).loss
        b = model(**packed).loss
    assert torch.allclose(a, b, atol=1e-4), (a, b)


def test_resuming_a_finished_run_trains_no_further(tmp_path: Path) -> None:
    """A kill after the last checkpoint but before the adapter: --resume only finishes outputs."""
    from safetensors.torch import load_file

    common = ("train.max_steps=3", "train.save_steps=1", "train.eval_steps=1")
    run_training(tiny_config(*common), tmp_path / "r")
    before = load_file(tmp_path / "r" / "adapter" / "adapter_model.safetensors")
    import shutil

    shutil.rmtree(tmp_path / "r" / "adapter")  # as if killed while writing the adapter
    run_training(tiny_config(*common), tmp_path / "r", resume=True)
    steps = sorted(int(c.name.split("-")[1]) for c in (tmp_path / "r").glob("checkpoint-*"))
    assert max(steps) == 3
    after = load_file(tmp_path / "r" / "adapter" / "adapter_model.safetensors")
    for k in before:
        assert torch.allclose(before[k], after[k]), k


def test_fsdp_adapter_writer_matches_peft_format(tmp_path: Path) -> None:
    """The FSDP save path writes adapters itself (PEFT finds no LoRA keys in a nested-FSDP state
    dict); its files must be what PEFT writes and load back to the same weights."""
    import torch
    from peft import LoraConfig, PeftModel, get_peft_model
    from safetensors.torch import load_file
    from transformers import LlamaConfig, LlamaForCausalLM

    from mindtune.train import write_peft_adapter

    def tiny() -> LlamaForCausalLM:
        torch.manual_seed(0)
        return LlamaForCausalLM(LlamaConfig(vocab_size=64, hidden_size=16, intermediate_size=32,
                                            num_hidden_layers=2, num_attention_heads=2))

    model = get_peft_model(tiny(), LoraConfig(r=4, target_modules=["q_proj", "down_proj"]))
    for n, p in model.named_parameters():
        if "lora_B" in n:
            torch.nn.init.normal_(p)  # non-zero, so a wrong mapping would show
    model.save_pretrained(tmp_path / "peft")
    n = write_peft_adapter(model.state_dict(), model, tmp_path / "ours")
    ref, ours = (load_file(tmp_path / d / "adapter_model.safetensors") for d in ("peft", "ours"))
    assert n == 2 * 2 * 2 and sorted(ours) == sorted(ref)
    assert all(torch.equal(ours[k], ref[k]) for k in ref)
    back = PeftModel.from_pretrained(tiny(), tmp_path / "ours")
    got, want = back.state_dict(), model.state_dict()
    assert all(torch.equal(got[k], want[k]) for k in want if "lora_" in k)

    missing = {k: v for k, v in model.state_dict().items() if "layers.1.mlp" not in k}
    with pytest.raises(RuntimeError, match="found 6 of 8 LoRA tensors"):
        write_peft_adapter(missing, model, tmp_path / "bad")
