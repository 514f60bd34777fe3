"""The QLoRA fine-tuning recipe: one class on the transformers Trainer (accelerate underneath, so
``accelerate launch`` / ``torchrun`` run it on several GPUs unchanged).

    recipe = TrainRecipe(cfg, output_dir); recipe.setup(); recipe.train(); recipe.save(); recipe.cleanup()

QLoRA is a flag (``quant.load_in_4bit``) on the same path as plain LoRA, not a second code path.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import signal
import time
from pathlib import Path
from typing import Any

import torch

from mindtune import data as data_mod
from mindtune.config import Config, ConfigError, save_config
from mindtune.prompt import PromptBuilder, PromptError

log = logging.getLogger(__name__)
COMPLETE = "CHECKPOINT_COMPLETE"  # written after a checkpoint is fully on disk


def model_dtype(cfg: Config) -> torch.dtype:
    from mindtune.model import _dtype

    q = cfg.quant
    return _dtype(q.storage_dtype) if q.storage_dtype != "uint8" else _dtype(cfg.model.dtype)


def is_main_process() -> bool:
    """Rank 0 under torchrun / accelerate launch (RANK is unset in a single process)."""
    return int(os.environ.get("RANK", 0)) == 0


class TrainError(RuntimeError):
    """A run that cannot start or continue (one line, says what to do)."""


def list_checkpoints(out: Path) -> list[Path]:
    cks = [p for p in out.glob("checkpoint-*") if p.is_dir() and p.name.split("-")[-1].isdigit()]
    return sorted(cks, key=lambda p: int(p.name.split("-")[-1]))


def last_complete_checkpoint(out: Path) -> Path | None:
    """Newest checkpoint whose completion marker exists; torn ones (killed mid-write) are removed."""
    good = None
    for ck in list_checkpoints(out):
        if (ck / COMPLETE).exists():
            good = ck
        else:
            log.warning("removing incomplete checkpoint %s", ck)
            shutil.rmtree(ck, ignore_errors=True)
    return good


def check_output_dir(out: Path, resume: bool, overwrite: bool, min_free_mb: int = 100) -> None:
    """Fail before any work: existing run without --resume/--overwrite, unwritable, disk full."""
    if out.exists() and not out.is_dir():
        raise TrainError(f"output dir {out} exists and is not a directory")
    if out.exists() and any(out.iterdir()):
        if resume and last_complete_checkpoint(out) is None and not (out / "adapter").exists():
            raise TrainError(f"--resume: no complete checkpoint in {out}")
        if not resume and not overwrite:
            raise TrainError(
                f"output dir {out} already holds a run; pass --resume to continue it or "
                "--overwrite to replace it"
            )
    elif resume:
        raise TrainError(f"--resume: {out} holds no run to resume")
    probe_dir = out if out.exists() else next(p for p in [out, *out.parents] if p.exists())
    if not os.access(probe_dir, os.W_OK):
        raise TrainError(f"output dir {out} is not writable")
    free_mb = shutil.disk_usage(probe_dir).free / 2**20
    if free_mb < min_free_mb:
        raise TrainError(f"only {free_mb:.0f} MiB free under {probe_dir}; need {min_free_mb} MiB")


def _callbacks() -> Any:
    from transformers import TrainerCallback
    from transformers.trainer_callback import ProgressCallback

    class MetricsLogger(TrainerCallback):
        """Appends every log (train loss, eval loss, lr) to metrics.jsonl as it happens."""

        def __init__(self, path: Path):
            self.path = path

        def on_log(self, args, state, control, logs=None, **kw):  # noqa: ANN001
            if state.is_world_process_zero and logs:
                rec = {"step": state.global_step, "epoch": round(state.epoch or 0, 4),
                       "time": round(time.time(), 3), **logs}
                if torch.cuda.is_available():
                    rec["peak_mem_gib"] = round(torch.cuda.max_memory_allocated() / 2**30, 2)
                with self.path.open("a", encoding="utf-8") as f:
                    f.write(json.dumps(rec) + "\n")

    class CheckpointMarker(TrainerCallback):
        """Trainer writes checkpoints in place; the marker says this one is whole."""

        def on_save(self, args, state, control, **kw):  # noqa: ANN001
            if state.is_world_process_zero:
                ck = Path(args.output_dir) / f"checkpoint-{state.global_step}"
                if ck.is_dir():
                    (ck / COMPLETE).write_text(str(time.time()))
                    fd = os.open(ck, os.O_RDONLY)
                    os.fsync(fd)
                    os.close(fd)

    class StopOnSignal(TrainerCallback):
        """Ctrl-C / SIGTERM: finish the step, save a checkpoint, stop cleanly."""

        requested = False

        def on_step_end(self, args, state, control, **kw):  # noqa: ANN001
            if StopOnSignal.requested:
                control.should_save = True
                control.should_training_stop = True
            return control

    class LossBar(ProgressCallback):
        """The step bar shows the latest train and eval loss instead of printing log dicts."""

        def on_log(self, args, state, control, logs=None, **kw):  # noqa: ANN001
            if self.training_bar is not None and logs:
                post = {k: f"{logs[k]:.4f}" for k in ("loss", "eval_loss") if k in logs}
                if post:
                    self.training_bar.set_postfix(post, refresh=False)

    return MetricsLogger, CheckpointMarker, StopOnSignal, LossBar


class EncodedRows(torch.utils.data.Dataset):
    """Tokenized rows (input_ids, attention_mask, labels) in memory; small data needs no more."""

    def __init__(self, rows: list[dict[str, list[int]]]):
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> dict[str, list[int]]:
        return self.rows[i]


class TrainRecipe:
    def __init__(self, cfg: Config, output_dir: str | Path, resume: bool = False,
                 overwrite: bool = False):
        self.cfg = cfg
        self.out = Path(output_dir)
        self.resume = resume
        self.overwrite = overwrite
        self.interrupted = False
        tc = cfg.train
        self._selective_checkpointing = (tc.packing and tc.gradient_checkpointing
                                         and tc.checkpoint_keep != "inputs")
        self._fused_layers = 0  # decoder layers on the lean path (train.fused_layers)

    # ------------------------------------------------------------------------------------------
    def setup(self) -> None:
        cfg = self.cfg
        tc = cfg.train
        if tc.keep_best and tc.eval_steps and tc.save_steps % tc.eval_steps:
            raise ConfigError("'train.save_steps' must be a multiple of 'train.eval_steps' "
                              "when 'train.keep_best' is true")
        check_output_dir(self.out, self.resume, self.overwrite)
        examples, errors = data_mod.load_examples(cfg.data.source)
        if errors:
            shown = "; ".join(str(e) for e in errors[:5])
            more = f" (+{len(errors) - 5} more)" if len(errors) > 5 else ""
            raise data_mod.DataError(
                f"{cfg.data.source}: {len(errors)} invalid rows: {shown}{more}; "
                "run `mindtune data validate` for the list")
        train_ex, eval_ex = data_mod.split(examples, cfg.data.eval_fraction, tc.seed)
        if tc.threads:
            torch.set_num_threads(tc.threads)
        if self.overwrite and self.out.exists():
            shutil.rmtree(self.out)
        self.out.mkdir(parents=True, exist_ok=True)

        from mindtune.model import disable_cpu_inference_repack, load_model

        torch.manual_seed(tc.seed)
        model, tok = load_model(cfg)
        self.tokenizer = tok
        self.builder = PromptBuilder(tok, cfg.data.template, cfg.data.system_prompt)
        self.train_ds = self._encode(train_ex)
        self.eval_ds = self._encode(eval_ex) if eval_ex else None
        self.model = self._add_lora(model)
        disable_cpu_inference_repack(self.model)
        if not self.resume and is_main_process():
            save_config(cfg, self.out / "config.yaml")
            _write_split(self.out / "eval_split.jsonl", eval_ex)
            (self.out / "metrics.jsonl").write_text("")
        self.trainer = self._make_trainer()
        self._warn_repetition(len(train_ex))

    def _encode(self, examples: list[Any]) -> EncodedRows:
        rows, errors = [], []
        for ex in examples:
            try:
                rows.append(self.builder.encode_example(
                    list(ex.messages), self.cfg.data.train_on, self.cfg.data.max_length))
            except PromptError as e:
                errors.append(f"row {ex.row}: {e}")
        if errors:
            raise data_mod.DataError(f"{self.cfg.data.source}: " + "; ".join(errors[:5])
                                     + (f" (+{len(errors) - 5} more)" if len(errors) > 5 else ""))
        return EncodedRows(rows)

    def _add_lora(self, model: Any) -> Any:
        from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training

        lc = self.cfg.lora
        fsdp = os.environ.get("ACCELERATE_USE_FSDP", "false").lower() == "true"
        if self.cfg.train.packing or fsdp:
            # packed fast path: frozen weights stay in model.dtype (no fp32 copies of norms and
            # embeddings); the Trainer turns on (non-reentrant) gradient checkpointing itself
            model.requires_grad_(False)
        elif self.cfg.quant.load_in_4bit:
            model = prepare_model_for_kbit_training(
                model, use_gradient_checkpointing=self.cfg.train.gradient_checkpointing)
        elif self.cfg.train.gradient_checkpointing:
            model.gradient_checkpointing_enable()
            model.enable_input_require_grads()
        peft_cfg = LoraConfig(r=lc.r, lora_alpha=lc.alpha, lora_dropout=lc.dropout,
                              target_modules=lc.target_modules, bias="none", task_type="CAUSAL_LM")
        model = get_peft_model(model, peft_cfg)
        if fsdp:  # FSDP flattens each wrapped block into one tensor: one dtype for all of it
            dtype = model_dtype(self.cfg)
            for p in model.parameters():
                if p.dtype == torch.float32:
                    p.data = p.data.to(dtype)
        if self.cfg.train.packing:
            from mindtune.fastpath import enable_fast_training

            log.info("packed fast path: %s", enable_fast_training(model))
            if self.cfg.train.fused_layers:
                self._fused_layers = self._enable_fused_layers(model)
            if self._selective_checkpointing and not self._fused_layers:
                from mindtune.fastpath import keep_mlp_out_checkpointing

                log.info("selective checkpointing: MLP outputs of width %d kept",
                         keep_mlp_out_checkpointing(model))
        trainable, total = model.get_nb_trainable_parameters()
        log.info("LoRA: %d trainable of %d parameters (%.3f%%)", trainable, total,
                 100 * trainable / total)
        return model

    def _enable_fused_layers(self, model: Any) -> int:
        from mindtune.leanlayer import enable_lean_falcon_layers

        tc = self.cfg.train
        n = enable_lean_falcon_layers(model, tc.fused_keep_mlp_layers, fill=tc.fused_keep_mlp_fill)
        if n:
            log.info("fused layers: %d decoder layers run the lean path (no checkpointing); MLP "
                     "activations kept in %d%s", n, tc.fused_keep_mlp_layers,
                     ", more in shorter micro-batches" if tc.fused_keep_mlp_fill else "")
        else:
            log.warning("train.fused_layers: no decoder layer of this model qualifies (Falcon-7B-"
                        "style layers with LoRA on their four projections); the packed path runs")
        return n

    def _make_trainer(self) -> Any:
        from transformers import (
            DataCollatorForSeq2Seq,
            DataCollatorWithFlattening,
            EarlyStoppingCallback,
            Trainer,
            TrainingArguments,
        )
        from transformers.trainer_callback import ProgressCallback

        tc, has_eval = self.cfg.train, self.eval_ds is not None
        on_gpu = torch.cuda.is_available()
        eval_every = tc.eval_steps if has_eval and tc.eval_steps else None
        args = TrainingArguments(
            output_dir=str(self.out),
            per_device_train_batch_size=tc.batch_size,
            per_device_eval_batch_size=tc.batch_size,
            gradient_accumulation_steps=tc.grad_accum,
            learning_rate=tc.lr,
            num_train_epochs=tc.epochs,
            max_steps=tc.max_steps,
            optim=tc.optimizer,
            lr_scheduler_type=tc.lr_scheduler,
            warmup_steps=tc.warmup_ratio,  # a float < 1 is a ratio in transformers 5
            weight_decay=tc.weight_decay,
            max_grad_norm=tc.max_grad_norm,
            train_sampling_strategy=("sequential" if not tc.shuffle else
                                     "group_by_length" if tc.group_by_length else "random"),
            # selective checkpointing is enabled on the model itself (a context_fn in
            # TrainingArguments could not be saved with the checkpoints); fused layers
            # recompute what they need in their own backward
            gradient_checkpointing=(tc.gradient_checkpointing and not self._selective_checkpointing
                                    and not self._fused_layers),
            gradient_checkpointing_kwargs={"use_reentrant": False} if tc.packing
            or os.environ.get("ACCELERATE_USE_FSDP", "false").lower() == "true" else None,
            bf16=tc.bf16 and on_gpu,
            use_cpu=not on_gpu,
            logging_steps=tc.logging_steps,
            eval_strategy="steps" if eval_every else "no",
            eval_steps=eval_every,
            save_strategy="steps" if tc.save_steps else "no",
            save_steps=tc.save_steps or 500,
            save_total_limit=tc.save_total_limit,
            load_best_model_at_end=bool(tc.keep_best and eval_every and tc.save_steps),
            metric_for_best_model="eval_loss",
            greater_is_better=False,
            seed=tc.seed,
            data_seed=tc.seed,
            report_to=[],
            disable_tqdm=False,
            dataloader_num_workers=0,
            remove_unused_columns=False,  # rows hold exactly the model's inputs
            ddp_find_unused_parameters=False,
        )
        MetricsLogger, CheckpointMarker, StopOnSignal, LossBar = _callbacks()
        self._stop_cb = StopOnSignal
        callbacks = [MetricsLogger(self.out / "metrics.jsonl"), CheckpointMarker(), StopOnSignal()]
        if tc.early_stopping_patience and eval_every:
            callbacks.append(EarlyStoppingCallback(tc.early_stopping_patience))
        if tc.packing:  # one row of all sequences; position_ids restart per sequence, and
            # attention stays within each sequence (block-diagonal mask, or mindtune's packed
            # attention for Falcon: model.enable_packed_attention)
            collator = DataCollatorWithFlattening(return_position_ids=True, separator_id=-100)
        else:
            collator = DataCollatorForSeq2Seq(self.tokenizer, label_pad_token_id=-100,
                                              pad_to_multiple_of=8 if on_gpu else None)
        trainer = Trainer(model=self.model, args=args, train_dataset=self.train_ds,
                          eval_dataset=self.eval_ds, data_collator=collator, callbacks=callbacks)
        trainer.remove_callback(ProgressCallback)
        trainer.add_callback(LossBar())
        return trainer

    def _warn_repetition(self, n_train: int) -> None:
        tc = self.cfg.train
        world = int(os.environ.get("WORLD_SIZE", 1))
        rows = tc.batch_size * tc.grad_accum * world
        steps = tc.max_steps if tc.max_steps > 0 else math.ceil(tc.epochs * n_train / rows)
        passes = steps * rows / max(n_train, 1)
        self.planned_steps, self.passes = steps, passes
        if passes > 5:
            log.warning("this run sees each of the %d training rows ~%.0f times (%d steps x %d "
                        "rows); expect overfitting: watch eval loss, consider "
                        "train.early_stopping_patience", n_train, passes, steps, rows)

    # ------------------------------------------------------------------------------------------
    def train(self) -> None:
        ck = last_complete_checkpoint(self.out) if self.resume else None
        prev = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}

        def _request_stop(signum: int, frame: Any) -> None:
            self._stop_cb.requested = True
            self.interrupted = True

        for s in prev:
            signal.signal(s, _request_stop)
        try:
            if ck is not None and self._finished(ck):
                self._restore_finished(ck)  # killed after the last step: only finish the outputs
            else:
                self.trainer.train(resume_from_checkpoint=str(ck) if ck else None)
        finally:
            for s, h in prev.items():
                signal.signal(s, h)
        if not self.interrupted and self.eval_ds is not None:
            self.final_eval = self._final_eval()

    def _finished(self, ck: Path) -> bool:
        state = json.loads((ck / "trainer_state.json").read_text())
        return int(state.get("global_step", 0)) >= self.planned_steps

    def _restore_finished(self, ck: Path) -> None:
        """Resuming a run whose last checkpoint is its last step: the Trainer would train past
        max_steps; load the kept weights and state instead."""
        from transformers import TrainerState

        state = TrainerState.load_from_json(str(ck / "trainer_state.json"))
        best = state.best_model_checkpoint
        keep = Path(best) if self.trainer.args.load_best_model_at_end and best else ck
        log.warning("%s already reached step %d; restoring %s", self.out, state.global_step,
                    keep.name)
        self.trainer._load_from_checkpoint(str(keep if keep.exists() else ck))
        self.trainer.state = state

    def _final_eval(self) -> dict[str, float]:
        """Eval loss of the adapter that is kept; re-evaluated only when no logged eval covers it."""
        from mindtune.model import disable_cpu_inference_repack

        state = self.trainer.state
        if self.trainer.args.load_best_model_at_end and state.best_metric is not None:
            return {"eval_loss": float(state.best_metric)}  # the best checkpoint was reloaded
        last = [h for h in state.log_history if "eval_loss" in h]
        if last and last[-1].get("step") == state.global_step:
            return {"eval_loss": float(last[-1]["eval_loss"])}
        disable_cpu_inference_repack(self.trainer.model)
        return self.trainer.evaluate()

    def save(self) -> Path | None:
        """Final adapter (best by eval loss when keep_best), loss plot and model card."""
        if self.interrupted:
            return None
        from mindtune.model import _atomic_dir
        from mindtune.report import plot_losses, write_model_card

        final = self.out / "adapter"
        if self.trainer.is_fsdp_enabled:
            self._save_fsdp(final)
        elif self.trainer.is_world_process_zero():
            if final.exists():
                shutil.rmtree(final)
            with _atomic_dir(final) as tmp:
                self.trainer.model.save_pretrained(tmp)
                self.tokenizer.save_pretrained(tmp)
        if not self.trainer.is_world_process_zero():
            return None
        plot_losses(self.out / "metrics.jsonl", self.out / "loss.png")
        write_model_card(self.out, self.cfg, getattr(self, "final_eval", {}), self.trainer.state)
        return final

    def _save_fsdp(self, final: Path) -> None:
        """Gather the sharded adapter on rank 0 (a collective: every rank calls this).

        Trainer.save_model writes nothing for SHARDED_STATE_DICT (the type the training
        checkpoints use), and PEFT's own save_pretrained finds no LoRA tensors in an FSDP full
        state dict when decoder layers are wrapped as nested FSDP units (its key prefixes come from
        module names that still carry inner `_fsdp_wrapped_module.` parts; seen with peft 0.21 on
        2 x H100: 0 of 256 tensors written). So the full state dict is gathered here and written
        in PEFT's file format by `write_peft_adapter`.
        """
        root = self.trainer.model_wrapped
        full = self.trainer.accelerator.get_state_dict(root)  # full on rank 0, {} elsewhere
        if not self.trainer.is_world_process_zero():
            return
        peft_model = self.trainer.accelerator.unwrap_model(root)
        tmp = final.with_name(final.name + ".partial")
        if tmp.exists():
            shutil.rmtree(tmp)
        write_peft_adapter(full, peft_model, tmp)
        self.tokenizer.save_pretrained(tmp)
        if final.exists():
            shutil.rmtree(final)
        tmp.rename(final)

    def cleanup(self) -> None:
        self._stop_cb.requested = False
        self.trainer = None
        self.model = None


def write_peft_adapter(state_dict: dict[str, Any], peft_model: Any, out: Path,
                       adapter: str = "default") -> int:
    """Write the LoRA tensors of a full model state dict as a PEFT adapter directory
    (`adapter_model.safetensors` + `adapter_config.json`, loadable by `PeftModel.from_pretrained`
    and vLLM). Keys lose the adapter name as PEFT's own writer does:
    `...query_key_value.lora_A.default.weight` -> `...query_key_value.lora_A.weight`.
    Raises when the count differs from the model's LoRA layers (2 tensors each)."""
    from peft.tuners.lora import LoraLayer
    from safetensors.torch import save_file

    marker = f".{adapter}."
    tensors = {k.replace(marker, "."): v.detach().to("cpu").contiguous()
               for k, v in state_dict.items()
               if (".lora_A" + marker in k or ".lora_B" + marker in k)}
    expected = 2 * sum(isinstance(m, LoraLayer) for m in peft_model.modules())
    if len(tensors) != expected:
        raise RuntimeError(f"adapter save: found {len(tensors)} of {expected} LoRA tensors in the "
                           f"state dict (e.g. keys {list(state_dict)[:2]})")
    out.mkdir(parents=True, exist_ok=True)
    save_file(tensors, str(out / "adapter_model.safetensors"), metadata={"format": "pt"})
    peft_model.peft_config[adapter].save_pretrained(str(out))
    return len(tensors)


def _write_split(path: Path, examples: list[Any]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for ex in examples:
            f.write(json.dumps({"row": ex.row, "messages": list(ex.messages)}) + "\n")


def run_training(cfg: Config, output_dir: str | Path, resume: bool = False,
                 overwrite: bool = False) -> TrainRecipe:
    recipe = TrainRecipe(cfg, output_dir, resume=resume, overwrite=overwrite)
    recipe.setup()
    recipe.train()
    recipe.save()
    recipe.cleanup()
    return recipe
