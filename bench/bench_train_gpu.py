#!/usr/bin/env python3
"""Training speed on the GPU: the reference QLoRA recipe (plain transformers Trainer) against
mindtune's paths, in one call, on random weights of Falcon-7B's real shapes.

    python bench/bench_train_gpu.py --tokenizer .gpudata/tokenizer            # on the GPU machine
    python bench/bench_train_gpu.py --tiny --variants fast --out /tmp/bt      # code check on a CPU

Sides (same data, same rows per optimizer step, same seed):
  baseline      plain HF: from_pretrained(NF4 + double quant, bf16 compute), prepare_model_for_
                kbit_training, LoRA r=32 on the four Falcon projections, Trainer with
                DataCollatorForSeq2Seq padding, batch 16 x accum 4, paged AdamW 32-bit, gradient
                checkpointing, group_by_length. (Falcon's FalconLinear is built as nn.Linear while
                loading, as mindtune does, or transformers 5 would leave it in bf16.)
  mindtune-ref  TrainRecipe with configs/falcon-7b-qlora.yaml, end to end (setup, train, final
                eval, save): the preset must run on the GPU with its 4-bit layers confirmed.
  fast*         TrainRecipe with the packed fast path (train.packing=true) and other batch /
                checkpointing settings; see VARIANTS.
Timing: ``--warm`` optimizer steps, then ``--timed`` steps between CUDA-synchronized step ends.
Default 3 + 6: 155 training rows make 3 optimizer steps of 64 rows an epoch, so the timed steps
are exactly two epochs and "real tokens" (non-pad) are 2 x the epoch's token count on every side.
A correctness check compares the fast path's loss and LoRA gradients with the plain path's on the
same rows (dropout off, nonzero LoRA B). JSON goes to $OUT/bench_train_gpu.json; a table is
printed last. Random weights: figures are speed only.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import sys
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402
from _common import FALCON_TARGETS, T_START, Counting, cuda, free, log, sync  # noqa: E402

FAST = ["train.packing=true"]
NOFILL = "train.fused_keep_mlp_fill=false"
# name -> (preset, overrides, trainer gradient_checkpointing_kwargs extras: bench-only knobs)
VARIANTS: dict[str, tuple[str, list[str], dict[str, Any]]] = {
    "fast": ("falcon-7b-qlora-fast", [], {}),
    # the preset with transformers' rotation ops instead of mindtune.rotary's kernels
    "fast-norope": ("falcon-7b-qlora-fast", [], {"norope": True}),
    # the preset as shipped after training run 11: 2 layers keep, no fill, no rotary kernels
    "fast-run11": ("falcon-7b-qlora-fast", ["train.fused_keep_mlp_layers=2", NOFILL],
                   {"norope": True}),
    # the fast preset before fused layers (packed, fused QLoRA, selective checkpointing)
    "fast-ckpt": ("falcon-7b-qlora-fast", ["train.fused_layers=false",
                                           "train.checkpoint_keep=mlp_out"], {}),
    # the fast preset with selective checkpointing: the MLP down-projection outputs are kept
    "fast-keep-mlp": ("falcon-7b-qlora-fast", ["train.checkpoint_keep=mlp_out"], {}),
    # fused (lean) Falcon layers: no checkpointing, ~3 x hidden saved per token and layer
    "fused-b16x4": ("falcon-7b-qlora-fast", ["train.fused_layers=true", "train.batch_size=16",
                                             "train.grad_accum=4"], {}),
    "fused-b16x4-keep8": ("falcon-7b-qlora-fast", [
        "train.fused_layers=true", "train.batch_size=16", "train.grad_accum=4",
        "train.fused_keep_mlp_layers=8", NOFILL], {}),
    "fused-b32x2": ("falcon-7b-qlora-fast", ["train.fused_layers=true",
                                             "train.fused_keep_mlp_layers=0", NOFILL], {}),
    "fused-b32x2-keep2": ("falcon-7b-qlora-fast", ["train.fused_layers=true",
                                                   "train.fused_keep_mlp_layers=2", NOFILL], {}),
    "fused-b32x2-keep3": ("falcon-7b-qlora-fast", ["train.fused_layers=true",
                                                   "train.fused_keep_mlp_layers=3", NOFILL], {}),
    # seed-to-seed spread of the loss curve (LoRA init, data order and dropout masks change)
    "fast-seed43": ("falcon-7b-qlora-fast", ["train.seed=43"], {}),
    "fused-b32x2-notriton-seed43": ("falcon-7b-qlora-fast", [
        "train.fused_layers=true", "train.fused_keep_mlp_layers=0", NOFILL, "train.seed=43"],
        {"notriton": True}),
    # the same with LoRA dropout in PyTorch (mask stored / replayed) instead of the fused kernels
    "fused-b32x2-notriton": ("falcon-7b-qlora-fast", ["train.fused_layers=true",
                                                      "train.fused_keep_mlp_layers=0", NOFILL],
                             {"notriton": True}),
    "fused-b8x8": ("falcon-7b-qlora-fast", ["train.fused_layers=true", "train.batch_size=8",
                                            "train.grad_accum=8"], {}),
    "packed-b16x4": ("falcon-7b-qlora", FAST, {}),
    "packed-b32x2": ("falcon-7b-qlora", FAST + ["train.batch_size=32", "train.grad_accum=2"], {}),
    "packed-b64x1": ("falcon-7b-qlora", FAST + ["train.batch_size=64", "train.grad_accum=1"], {}),
    "packed-b4x16-nockpt": ("falcon-7b-qlora", FAST + [
        "train.batch_size=4", "train.grad_accum=16", "train.gradient_checkpointing=false"], {}),
    "packed-b8x8-nockpt": ("falcon-7b-qlora", FAST + [
        "train.batch_size=8", "train.grad_accum=8", "train.gradient_checkpointing=false"], {}),
    "packed-b16x4-every2": ("falcon-7b-qlora", FAST, {"every_n_layers": 2}),
    "packed-b32x2-every2": ("falcon-7b-qlora", FAST + ["train.batch_size=32", "train.grad_accum=2"],
                            {"every_n_layers": 2}),
    # run 1's packed path: PEFT's own LoRA forward and autocast's fp32 norms (no fused QLoRA)
    "packed-b32x2-nofuse": ("falcon-7b-qlora", FAST + ["train.batch_size=32", "train.grad_accum=2"],
                            {"nofuse": True}),
}
RESULTS: dict[str, Any] = {"sides": {}}


def gib(n: float) -> float:
    return round(n / 2**30, 2)


def save(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_train_gpu.json").write_text(json.dumps(RESULTS, indent=2, default=str))


# -- setup ----------------------------------------------------------------------------------------
def base_overrides(args: argparse.Namespace) -> list[str]:
    o = ["model.init=random", f"model.arch={args.arch}",
         f"train.max_steps={args.warm + args.timed}", "train.eval_steps=0", "train.save_steps=0",
         "train.logging_steps=1"]
    if args.tokenizer:
        o.append(f"model.tokenizer={args.tokenizer}")
    if args.tiny:  # CPU code check: no bf16, no paged optimizer
        o += ["model.dtype=float32", "quant.compute_dtype=float32", "train.optimizer=adamw_torch",
              "train.bf16=false"]
    return o


def encoded_rows(cfg: Any, tok: Any) -> tuple[list[dict], list[dict]]:
    from mindtune import data as data_mod
    from mindtune.prompt import PromptBuilder

    examples, errors = data_mod.load_examples(cfg.data.source)
    assert not errors, errors[:3]
    train_ex, eval_ex = data_mod.split(examples, cfg.data.eval_fraction, cfg.train.seed)
    b = PromptBuilder(tok, cfg.data.template, cfg.data.system_prompt)
    enc = [b.encode_example(list(e.messages), cfg.data.train_on, cfg.data.max_length)
           for e in train_ex]
    ev = [b.encode_example(list(e.messages), cfg.data.train_on, cfg.data.max_length)
          for e in eval_ex]
    return enc, ev


def flops_per_epoch(model: Any, rows: list[dict], n_layers: int, hidden: int) -> dict[str, float]:
    """Model FLOPs of one pass over ``rows``: forward 2*N per token for the frozen matmul weights
    (decoder + lm_head), backward 2*N (input gradients only: the base is frozen), LoRA 6*N_lora,
    causal attention 3 x 2*layers*hidden*L^2 per row. Recomputation is not counted (MFU)."""
    n_mm = 0  # leaf linear layers (nn.Linear, bnb Linear4bit), LoRA's own excluded
    for name, m in model.named_modules():
        if "lora_" in name or next(m.children(), None) is not None:
            continue
        if hasattr(m, "in_features") and hasattr(m, "out_features"):
            n_mm += m.in_features * m.out_features
    head = model.get_output_embeddings()
    n_mm_head = head.in_features * head.out_features
    n_lora = sum(p.numel() for n, p in model.named_parameters() if "lora_" in n)
    tokens = sum(len(r["input_ids"]) for r in rows)
    attn = sum(3 * 2 * n_layers * hidden * len(r["input_ids"]) ** 2 for r in rows)
    dense = tokens * (4 * n_mm + 6 * n_lora)
    return {"matmul_params": n_mm, "lm_head_params": n_mm_head, "lora_params": n_lora,
            "tokens": tokens, "flops": dense + attn, "attention_flops": attn}


def measure_peak_tflops() -> float | None:
    if not cuda():
        return None
    a = torch.randn(8192, 8192, device="cuda", dtype=torch.bfloat16)
    b = torch.randn(8192, 8192, device="cuda", dtype=torch.bfloat16)
    for _ in range(3):
        a @ b
    sync()
    t = time.perf_counter()
    for _ in range(10):
        a @ b
    sync()
    dt = (time.perf_counter() - t) / 10
    del a, b
    return round(2 * 8192**3 / dt / 1e12, 1)


def timer_callback() -> Any:
    from transformers import TrainerCallback

    class Timer(TrainerCallback):
        def __init__(self) -> None:
            self.ends: list[float] = []
            self.losses: dict[int, float] = {}
            self.grad_norms: dict[int, float] = {}

        def on_train_begin(self, args, state, control, **kw):  # noqa: ANN001
            sync()
            self.t0 = time.perf_counter()

        def on_step_end(self, args, state, control, **kw):  # noqa: ANN001
            sync()
            self.ends.append(time.perf_counter())

        def on_log(self, args, state, control, logs=None, **kw):  # noqa: ANN001
            if logs and "loss" in logs:
                self.losses[state.global_step] = float(logs["loss"])
            if logs and "grad_norm" in logs:
                self.grad_norms[state.global_step] = float(logs["grad_norm"])

    return Timer()


def summarize(name: str, timer: Any, counter: Counting, args: argparse.Namespace,
              epoch: dict[str, float], peak: float | None, extra: dict[str, Any]) -> dict[str, Any]:
    w, n = args.warm, args.timed
    rec: dict[str, Any] = {"name": name, **extra, "losses": timer.losses,
                           "grad_norms": timer.grad_norms,
                           "step_s": [round(b - a, 4) for a, b in
                                      zip([timer.t0] + timer.ends[:-1], timer.ends, strict=True)]}
    if len(timer.ends) >= w + n:
        dt = timer.ends[w + n - 1] - timer.ends[w - 1]
        real = epoch["tokens"] * n / 3  # n optimizer steps = n/3 epochs (3 steps per epoch)
        rec.update(timed_s=round(dt, 3), s_per_step=round(dt / n, 3),
                   real_tokens_timed=int(real), real_tokens_per_s=round(real / dt, 1),
                   model_tflops=round(epoch["flops"] * n / 3 / dt / 1e12, 1))
        if RESULTS.get("peak_tflops"):
            rec["mfu"] = round(rec["model_tflops"] / RESULTS["peak_tflops"], 4)
    rec["micro_batches"] = len(counter.real)
    rec["real_tokens_seen"] = sum(counter.real)
    rec["padded_tokens_seen"] = sum(counter.padded)
    rec["pad_fraction"] = round(1 - sum(counter.real) / max(sum(counter.padded), 1), 4)
    if peak is not None:
        rec["peak_alloc_gib"] = gib(peak)
        rec["peak_reserved_gib"] = gib(torch.cuda.max_memory_reserved())
    return rec


# -- profile --------------------------------------------------------------------------------------
CATS = [("gemm", r"gemm|xmma|nvjet|cutlass|cublas|matmul|sm90_|s16816|wgmma"),
        ("bnb 4-bit", r"kDequantize|dequant|kgemm_4bit|gemm_4bit|nf4"),
        ("attention", r"flash|fmha|attention|softmax|cutlass_fmha|efficient"),
        ("cross-entropy", r"log_softmax|nll_loss|logsumexp|cross_entropy"),
        ("optimizer", r"optimizer|adam|kOptimizer|kPreconditionOptimizer|multi_tensor")]


def profile_step(model: Any, batch: dict[str, Any]) -> dict[str, Any]:
    """One forward + backward of ``batch`` under the profiler: CUDA time by kernel category."""
    from torch.profiler import ProfilerActivity, profile

    batch = {k: v.to(model.device) if torch.is_tensor(v) else v for k, v in batch.items()}
    model.train()

    def step() -> None:
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = model(**batch).loss
        loss.backward()
        model.zero_grad(set_to_none=True)

    step()
    sync()
    t = time.perf_counter()
    with profile(activities=[ProfilerActivity.CUDA, ProfilerActivity.CPU]) as prof:
        step()
        sync()
    wall = time.perf_counter() - t
    kernels: dict[str, float] = {}
    for ev in prof.key_averages():
        dev = getattr(ev, "device_type", None)
        if dev is not None and "CUDA" not in str(dev):
            continue
        us = getattr(ev, "self_device_time_total", None)
        if us is None:
            us = getattr(ev, "self_cuda_time_total", 0)
        if us:
            kernels[ev.key] = kernels.get(ev.key, 0.0) + us / 1e3
    cats: dict[str, float] = {}
    for k, ms in kernels.items():
        cat = next((c for c, rx in CATS if re.search(rx, k, re.I)), "elementwise/other")
        cats[cat] = cats.get(cat, 0.0) + ms
    top = sorted(kernels.items(), key=lambda kv: -kv[1])[:12]
    return {"wall_ms": round(wall * 1e3, 1), "gpu_ms": round(sum(kernels.values()), 1),
            "by_category_ms": {k: round(v, 1) for k, v in sorted(cats.items(), key=lambda kv: -kv[1])},
            "top_kernels_ms": [(k[:90], round(v, 2)) for k, v in top],
            "tokens": int(batch["input_ids"].numel())}


# -- sides ----------------------------------------------------------------------------------------
def run_baseline(args: argparse.Namespace, weights: str, tok: Any, rows: list[dict],
                 epoch_rows: list[dict]) -> dict[str, Any]:
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
    from transformers import (
        AutoModelForCausalLM,
        BitsAndBytesConfig,
        DataCollatorForSeq2Seq,
        Trainer,
        TrainingArguments,
    )

    from mindtune.model import _falcon_linear_as_linear, quant_report
    from mindtune.train import EncodedRows

    dtype = torch.float32 if args.tiny else torch.bfloat16
    torch.manual_seed(42)
    qc = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4",
                            bnb_4bit_use_double_quant=True, bnb_4bit_compute_dtype=dtype)
    t = time.perf_counter()
    with _falcon_linear_as_linear():
        model = AutoModelForCausalLM.from_pretrained(
            weights, quantization_config=qc, dtype=dtype,
            device_map={"": 0 if cuda() else "cpu"})
    load_s = time.perf_counter() - t
    qrep = quant_report(model)
    torch.manual_seed(42)  # LoRA init identical on every side
    model.config.use_cache = False
    model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=True)
    model = get_peft_model(model, LoraConfig(r=32, lora_alpha=32, lora_dropout=0.05,
                                             target_modules=FALCON_TARGETS, bias="none",
                                             task_type="CAUSAL_LM"))
    epoch = flops_per_epoch(model, epoch_rows, model.config.num_hidden_layers,
                            model.config.hidden_size)
    targs = TrainingArguments(
        output_dir="/tmp/mtbench/baseline", per_device_train_batch_size=16,
        gradient_accumulation_steps=4, learning_rate=2e-4, max_steps=args.warm + args.timed,
        optim="adamw_torch" if args.tiny else "paged_adamw_32bit", lr_scheduler_type="cosine",
        warmup_steps=0.03, max_grad_norm=0.3, train_sampling_strategy="group_by_length",
        gradient_checkpointing=True, bf16=not args.tiny and cuda(), use_cpu=not cuda(),
        logging_steps=1, save_strategy="no", eval_strategy="no", seed=42, data_seed=42,
        report_to=[], remove_unused_columns=False, dataloader_num_workers=0, disable_tqdm=True)
    counter = Counting(DataCollatorForSeq2Seq(tok, label_pad_token_id=-100,
                                              pad_to_multiple_of=8 if cuda() else None))
    timer = timer_callback()
    trainer = Trainer(model=model, args=targs, train_dataset=EncodedRows(rows),
                      data_collator=counter, callbacks=[timer])
    free(reset_peak=True)
    trainer.train()
    peak = torch.cuda.max_memory_allocated() if cuda() else None
    rec = summarize("baseline", timer, counter, args, epoch, peak,
                    {"load_s": round(load_s, 1), "quant": qrep, "batch": "16x4",
                     "collator": "DataCollatorForSeq2Seq (padding)", "grad_ckpt": True})
    rec["epoch"] = epoch
    if args.profile and cuda():
        longest = sorted(rows, key=lambda r: -len(r["input_ids"]))[:16]
        rec["profile_microbatch16_longest"] = profile_step(model, counter.inner(longest))
    del trainer, model
    return rec


_CACHED: dict[str, Any] = {}


@contextlib.contextmanager
def patched_loader(reuse: bool) -> Any:
    """mindtune.model.load_model, reseeded after loading so every side's LoRA starts the same;
    with ``reuse``, one 4-bit model is loaded once and handed to each fast variant in turn."""
    import mindtune.model as mm

    real = mm.load_model

    def load(cfg: Any, device: str | None = None, quantize: bool | None = None) -> Any:
        if reuse and "model" in _CACHED:
            model, tok = _CACHED["model"], _CACHED["tok"]
            model.gradient_checkpointing_disable()
            for m in model.modules():  # back to the plain norms; the variant re-applies its own
                if getattr(m, "_mindtune_lp", False):
                    del m.forward
                    m._mindtune_lp = False
        else:
            t = time.perf_counter()
            model, tok = real(cfg, device=device, quantize=quantize)
            _CACHED["load_s"] = round(time.perf_counter() - t, 1)
            if reuse:
                _CACHED["model"], _CACHED["tok"] = model, tok
        torch.manual_seed(cfg.train.seed)
        return model, tok

    mm.load_model = load
    try:
        yield
    finally:
        mm.load_model = real


def trace_memory(trainer: Any, trace: list[dict[str, Any]], keep: Any) -> None:
    """Record, per micro-batch, its tokens, the memory allocated when it starts, the peak while
    it runs (GiB) and how many fused layers kept their MLP activation (``keep``: the model's
    mindtune.leanlayer.KeepPolicy, or None)."""
    inner = trainer.training_step

    def training_step(model: Any, inputs: dict[str, Any], *rest: Any, **kw: Any) -> Any:
        sync()
        start = torch.cuda.memory_allocated()
        torch.cuda.reset_peak_memory_stats()
        try:
            return inner(model, inputs, *rest, **kw)
        finally:
            sync()
            tokens = int(inputs["input_ids"].numel())
            trace.append({"tokens": tokens, "start_gib": gib(start),
                          "peak_gib": gib(torch.cuda.max_memory_allocated()),
                          "mlp_kept_layers": keep.count(tokens) if keep else None})

    trainer.training_step = training_step


def _train(recipe: Any, end_to_end: bool, e2e: dict[str, Any]) -> int | None:
    """Train (end to end: setup's recipe through save) and return the peak GPU memory."""
    if not end_to_end:
        recipe.trainer.train()
        return torch.cuda.max_memory_allocated() if cuda() else None
    recipe.train()
    peak = torch.cuda.max_memory_allocated() if cuda() else None
    t = time.perf_counter()
    adapter = recipe.save()
    e2e.update(final_eval=getattr(recipe, "final_eval", None),
               adapter_saved=bool(adapter and (adapter / "adapter_model.safetensors").exists()),
               save_s=round(time.perf_counter() - t, 1))
    return peak


def run_mindtune(name: str, args: argparse.Namespace, preset: str, overrides: list[str],
                 gc_extra: dict[str, Any], epoch_rows: list[dict], end_to_end: bool,
                 reuse: bool) -> dict[str, Any]:
    from mindtune.config import load_config
    from mindtune.model import quant_report
    from mindtune.train import TrainRecipe

    cfg = load_config(preset, base_overrides(args) + overrides)
    out = Path("/tmp/mtbench") / name
    gc_extra = dict(gc_extra)
    nofuse = gc_extra.pop("nofuse", False)
    notriton = gc_extra.pop("notriton", False)
    os.environ.pop("MINDTUNE_ROTARY_KERNELS", None)
    if gc_extra.pop("norope", False):  # read at each call (mindtune.rotary); unset at the end
        os.environ["MINDTUNE_ROTARY_KERNELS"] = "0"
    import mindtune.fastpath as fp
    import mindtune.lora_dropout as ld

    usable = ld.usable
    if notriton:
        ld.usable = lambda device, numel, rank: False

    saved = (fp.enable_fused_qlora, fp.enable_low_precision_norms)
    if nofuse:
        fp.enable_fused_qlora = fp.enable_low_precision_norms = lambda model: 0
    with patched_loader(reuse), contextlib.ExitStack() as stack:
        stack.callback(lambda: setattr(fp, "enable_fused_qlora", saved[0]))
        stack.callback(lambda: setattr(fp, "enable_low_precision_norms", saved[1]))
        recipe = TrainRecipe(cfg, out, overwrite=True)
        t = time.perf_counter()
        recipe.setup()
        setup_s = time.perf_counter() - t
    model = recipe.model
    qrep = quant_report(model)
    epoch = flops_per_epoch(model, epoch_rows, model.config.num_hidden_layers,
                            model.config.hidden_size)
    counter = Counting(recipe.trainer.data_collator)
    recipe.trainer.data_collator = counter
    timer = timer_callback()
    recipe.trainer.add_callback(timer)
    if gc_extra:
        recipe.trainer.args.gradient_checkpointing_kwargs = {
            **(recipe.trainer.args.gradient_checkpointing_kwargs or {}), **gc_extra}
    free(reset_peak=True)
    e2e: dict[str, Any] = {}
    trace: list[dict[str, Any]] = []
    keep = next((m._mindtune_keep for m in model.modules()
                 if getattr(m, "_mindtune_lean", False)), None)
    if args.memory_trace and cuda():
        trace_memory(recipe.trainer, trace, keep)
    try:
        peak = _train(recipe, end_to_end, e2e)
        if trace:  # the per-micro-batch resets hide the run's peak from the allocator
            peak = max(r["peak_gib"] for r in trace) * 2**30
    finally:
        ld.usable = usable  # the kernels are chosen per forward: restored after training
    tc = cfg.train
    rec = summarize(name, timer, counter, args, epoch, peak, {
        "preset": preset, "overrides": overrides, "gc_extra": gc_extra, "fused": not nofuse,
        "setup_s": round(setup_s, 1), "load_s": _CACHED.get("load_s"), "quant": qrep,
        "batch": f"{tc.batch_size}x{tc.grad_accum}", "packing": tc.packing,
        "grad_ckpt": tc.gradient_checkpointing and not recipe._fused_layers,
        "fused_layers": recipe._fused_layers, **e2e})
    if trace:
        rec["memory_trace"] = trace
        rec["keep_longest_tokens"] = keep.longest if keep else None
    if args.profile and cuda() and (name in args.profile_variant.split(",")
                                    or args.profile_variant == "all"):
        longest = sorted(recipe.train_ds.rows, key=lambda r: -len(r["input_ids"]))[:tc.batch_size]
        rec["profile_microbatch_longest"] = profile_step(model, counter.inner(longest))
    if reuse and hasattr(model, "unload"):
        from mindtune.leanlayer import disable_lean_falcon_layers

        disable_lean_falcon_layers(model)  # its plans point at this variant's LoRA modules
        _CACHED["model"] = model.unload()  # the 4-bit base without LoRA, for the next variant
    recipe.cleanup()
    del recipe, model
    os.environ.pop("MINDTUNE_ROTARY_KERNELS", None)
    return rec


def check_correctness(args: argparse.Namespace, rows: list[dict]) -> dict[str, Any]:
    """Fast path (bf16 norms/embeddings, packed row, packed attention, chunked loss, fused 4-bit
    LoRA layers) against the
    plain path (prepare_model_for_kbit_training fp32 upcast, padded rows, transformers' attention
    and loss) on the same 8 rows and weights: loss and LoRA gradients, dropout off."""
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
    from transformers import DataCollatorForSeq2Seq, DataCollatorWithFlattening

    from mindtune.config import load_config
    from mindtune.fastpath import enable_fast_training

    cfg = load_config("falcon-7b-qlora", base_overrides(args) + FAST)
    with patched_loader(reuse=True):
        import mindtune.model as mm

        model, tok = mm.load_model(cfg)
    model.gradient_checkpointing_disable()
    model.requires_grad_(False)
    torch.manual_seed(0)
    peft = get_peft_model(model, LoraConfig(r=32, lora_alpha=32, lora_dropout=0.05,
                                            target_modules=FALCON_TARGETS, bias="none",
                                            task_type="CAUSAL_LM"))
    with torch.no_grad():
        for n, p in peft.named_parameters():
            if "lora_B" in n:
                p.normal_(0, 0.01)
    mid = sorted(rows, key=lambda r: len(r["input_ids"]))
    pick = mid[len(mid) // 2 - 4: len(mid) // 2 + 4]
    dev = peft.get_base_model().device
    auto = (torch.autocast("cuda", dtype=torch.bfloat16) if cuda() and not args.tiny
            else contextlib.nullcontext())

    for m in peft.modules():  # dropout off, train mode (the lean layers run in training only)
        if isinstance(m, torch.nn.Dropout):
            m.p = 0.0

    def loss_and_grads(batch: dict[str, Any]) -> tuple[float, torch.Tensor]:
        batch = {k: v.to(dev) for k, v in batch.items()}
        peft.train()
        peft.zero_grad(set_to_none=True)
        with auto:
            loss = peft(**batch).loss
        loss.backward()
        missing = [n for n, p in peft.named_parameters() if "lora_" in n and p.grad is None]
        if missing:
            raise RuntimeError(f"no gradient for {len(missing)} LoRA tensors, e.g. {missing[:2]}")
        g = torch.cat([p.grad.float().flatten() for n, p in peft.named_parameters()
                       if "lora_" in n])
        return float(loss), g

    fast = enable_fast_training(peft)
    packed = DataCollatorWithFlattening(return_position_ids=True, separator_id=-100)(pick)
    lf, gf = loss_and_grads(packed)
    from mindtune.leanlayer import enable_lean_falcon_layers

    lean_layers = enable_lean_falcon_layers(peft)
    ll, gl = loss_and_grads(packed)
    # plain path on the same weights: undo mindtune's patches, upcast as the reference does
    lm = peft.get_base_model()
    del lm.forward
    for m in lm.modules():
        for flag in ("_mindtune_packed", "_mindtune_fused", "_mindtune_lp", "_mindtune_lean"):
            if getattr(m, flag, False):
                del m.forward
                setattr(m, flag, False)
    prepare_model_for_kbit_training(lm, use_gradient_checkpointing=False)  # freezes all
    for n, p in peft.named_parameters():
        if "lora_" in n:
            p.requires_grad_(True)
    padded = DataCollatorForSeq2Seq(tok, label_pad_token_id=-100,
                                    pad_to_multiple_of=8)(pick)
    lr, gr = loss_and_grads({k: padded[k] for k in ("input_ids", "attention_mask", "labels")})
    rel_loss = abs(lf - lr) / abs(lr)
    rel_grad = float((gf - gr).norm() / gr.norm())
    cos = float(torch.nn.functional.cosine_similarity(gf, gr, dim=0))
    lean_loss = abs(ll - lr) / abs(lr)
    lean_grad = float((gl - gr).norm() / gr.norm())
    ok = rel_loss < 5e-3 and rel_grad < 5e-2 and lean_loss < 5e-3 and lean_grad < 5e-2
    _CACHED.clear()
    return {"rows": len(pick), "tokens": sum(len(r["input_ids"]) for r in pick),
            "fast_path": fast, "lean_layers": lean_layers, "loss_lean": ll,
            "lean_loss_rel_diff": lean_loss, "lean_grad_rel_err": lean_grad,
            "lean_grad_cosine": float(torch.nn.functional.cosine_similarity(gl, gr, dim=0)),
            "loss_fast": lf, "loss_plain": lr, "loss_rel_diff": rel_loss,
            "grad_rel_err": rel_grad, "grad_cosine": cos,
            "tolerance": "loss 5e-3, gradients 5e-2 (bf16)", "pass": ok}


# -- main -----------------------------------------------------------------------------------------
def table() -> str:
    sides = RESULTS["sides"]
    base = sides.get("baseline", {}).get("real_tokens_per_s")
    lines = ["", f"## training (random-weight {RESULTS.get('arch')}, {RESULTS.get('device')})",
             f"{'side':<22}{'batch':>7}{'pack':>6}{'ckpt':>6}{'s/step':>8}{'real tok/s':>11}"
             f"{'vs base':>8}{'MFU':>7}{'peak GiB':>9}  loss@1 / last"]
    for name, r in sides.items():
        if "error" in r:
            lines.append(f"{name:<22} ERROR {r['error'][:90]}")
            continue
        tps = r.get("real_tokens_per_s")
        ratio = f"{tps / base:.2f}x" if tps and base else "-"
        losses = r.get("losses", {})
        ks = sorted(losses, key=int)
        lstr = f"{losses[ks[0]]:.4f} / {losses[ks[-1]]:.4f}" if ks else "-"
        lines.append(f"{name:<22}{r.get('batch', '-'):>7}{str(r.get('packing', False))[0]:>6}"
                     f"{str(r.get('grad_ckpt', '-'))[0]:>6}{r.get('s_per_step', 0):>8.3f}"
                     f"{tps or 0:>11.0f}{ratio:>8}{r.get('mfu', 0) * 100:>6.1f}%"
                     f"{r.get('peak_alloc_gib', 0):>9.2f}  {lstr}")
    c = RESULTS.get("correctness")
    if c:
        if "error" in c:
            lines.append(f"correctness: ERROR {c['error'][:100]}")
        else:
            lines.append(f"correctness (fast vs plain, {c['rows']} rows, dropout off): loss "
                         f"{c['loss_fast']:.5f} vs {c['loss_plain']:.5f} (rel {c['loss_rel_diff']:.1e}),"
                         f" LoRA grad rel err {c['grad_rel_err']:.1e}, cos {c['grad_cosine']:.5f}"
                         f" -> {'PASS' if c['pass'] else 'FAIL'}")
            if "lean_layers" in c:
                lines.append(f"correctness (fused layers x{c['lean_layers']} vs plain): loss "
                             f"{c['loss_lean']:.5f} (rel {c['lean_loss_rel_diff']:.1e}), LoRA grad"
                             f" rel err {c['lean_grad_rel_err']:.1e}, cos "
                             f"{c['lean_grad_cosine']:.5f}")
    lines.append(f"peak bf16 matmul measured: {RESULTS.get('peak_tflops')} TFLOP/s; "
                 f"real tokens per epoch {RESULTS.get('epoch_tokens')}; total {time.time() - T_START:.0f}s")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arch", default="falcon-7b")
    ap.add_argument("--tokenizer", default=None, help="tokenizer dir (default: embedded SmolLM2)")
    ap.add_argument("--warm", type=int, default=3)
    ap.add_argument("--timed", type=int, default=6)
    ap.add_argument("--variants", default="fast", help=f"comma list of {', '.join(VARIANTS)}")
    ap.add_argument("--skip", default="",
                    help="comma list of baseline, mindtune-ref, fast-e2e, correctness")
    ap.add_argument("--profile", action="store_true", help="profile one micro-batch")
    ap.add_argument("--profile-variant", default="all", help="comma list of variants, or all")
    ap.add_argument("--memory-trace", action="store_true",
                    help="record each micro-batch's tokens and peak memory (GPU)")
    ap.add_argument("--budget-s", type=float, default=560, help="skip phases past this")
    ap.add_argument("--tiny", action="store_true", help="CPU code check with tiny-falcon")
    ap.add_argument("--out", default=os.environ.get("OUT") or "bench-out")
    args = ap.parse_args()
    if args.tiny:
        args.arch = "tiny-falcon"
    out = Path(args.out)
    skip = set(filter(None, args.skip.split(",")))
    import transformers

    import mindtune.model as mm
    from mindtune.config import load_config
    from mindtune.model import load_tokenizer, random_dir

    RESULTS.update(
        date=time.strftime("%Y-%m-%d %H:%M:%S %Z"), arch=args.arch, argv=sys.argv,
        device=torch.cuda.get_device_name(0) if cuda() else platform.processor() or "cpu",
        torch=torch.__version__, transformers=transformers.__version__,
        python=platform.python_version(), warm=args.warm, timed=args.timed)
    with contextlib.suppress(Exception):
        import bitsandbytes
        import peft

        RESULTS.update(bitsandbytes=bitsandbytes.__version__, peft=peft.__version__)
    RESULTS["peak_tflops"] = measure_peak_tflops()
    t = time.perf_counter()
    weights = str(random_dir(args.arch))
    RESULTS["materialize_s"] = round(time.perf_counter() - t, 1)
    log(f"random checkpoint {weights} ({RESULTS['materialize_s']}s)")
    cfg = load_config("falcon-7b-qlora", base_overrides(args))
    tok = load_tokenizer(mm.resolve_source(cfg.model)[1])
    rows, _ = encoded_rows(cfg, tok)
    RESULTS["epoch_tokens"] = sum(len(r["input_ids"]) for r in rows)
    RESULTS["train_rows"] = len(rows)
    save(out)

    def phase(name: str, fn: Any) -> None:
        if time.time() - T_START > args.budget_s:
            RESULTS["sides"][name] = {"error": "skipped: time budget"}
            log(f"skip {name}: time budget")
            return
        log(f"start {name}")
        try:
            RESULTS["sides"][name] = fn()
        except Exception as e:  # noqa: BLE001  (one failed side must not lose the others)
            traceback.print_exc()
            RESULTS["sides"][name] = {"error": f"{type(e).__name__}: {e}"}
            _CACHED.clear()
        free(reset_peak=True)
        r = RESULTS["sides"][name]
        log(f"done {name}: {r.get('s_per_step')} s/step, {r.get('real_tokens_per_s')} tok/s, "
            f"peak {r.get('peak_alloc_gib')} GiB {r.get('error', '')}")
        save(out)

    if "baseline" not in skip:
        phase("baseline", lambda: run_baseline(args, weights, tok, rows, rows))
    if "mindtune-ref" not in skip:
        phase("mindtune-ref", lambda: run_mindtune("mindtune-ref", args, "falcon-7b-qlora", [],
                                                   {}, rows, end_to_end=True, reuse=False))
    if "fast-e2e" not in skip:  # the fast preset end to end (setup, train, final eval, save)
        phase("fast-e2e", lambda: run_mindtune("fast-e2e", args, "falcon-7b-qlora-fast", [],
                                               {}, rows, end_to_end=True, reuse=False))
    for v in filter(None, args.variants.split(",")):
        preset, ov, extra = VARIANTS[v]
        phase(v, lambda v=v, preset=preset, ov=ov, extra=extra: run_mindtune(
            v, args, preset, ov, extra, rows, end_to_end=False, reuse=True))
    if "correctness" not in skip:
        try:
            log("start correctness")
            RESULTS["correctness"] = check_correctness(args, rows)
        except Exception as e:  # noqa: BLE001
            traceback.print_exc()
            RESULTS["correctness"] = {"error": f"{type(e).__name__}: {e}"}
        save(out)
    print(table())
    save(out)


if __name__ == "__main__":
    main()
