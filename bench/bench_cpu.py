#!/usr/bin/env python3
"""CPU path: the embedded default (SmolLM2-135M-Instruct, configs/smollm2-135m-cpu.yaml) against
plain transformers on the same model, on this machine's CPU.

    MINDTUNE_DATA_DIR=../shared/data .venv/bin/python bench/bench_cpu.py [--out DIR]

Training (same data, same rows per optimizer step, same seed; NF4 4-bit base, fp32 compute, LoRA
r=16 on all linear layers, batch 4 x accum 2, AdamW): ``--warm`` optimizer steps, then ``--timed``
steps; real (non-pad) tokens of the timed steps' micro-batches over their wall time.
  plain HF       from_pretrained + prepare_model_for_kbit_training + get_peft_model + Trainer
                 with DataCollatorForSeq2Seq padding
  mindtune       TrainRecipe with the preset
  mindtune-packed  the same with train.packing=true (no padding, fused 4-bit LoRA, chunked loss)
Chat (the embedded model unquantized, fp32, greedy, repetition penalty 1.1, ``--new`` tokens,
the preset's chat template and system prompt; median of ``--reps``):
  plain HF       model.generate on the prompt ids
  engine         mindtune's Engine (load_engine(), streaming, safety layer on) -- what
                 `mindtune chat` runs
  engine-nosafety  the same without the safety layer
  engine-fast    the Engine with `--fast` (StaticDecoder: static cache, token choice on the
                 device, one host sync per 4 tokens; eager on a CPU), safety layer on
Other processes on the machine (tests, other benchmarks) share the CPU: figures are indicative.
JSON: $OUT/bench_cpu.json (default bench-out/); a table is printed last.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, Counting  # noqa: E402  (sets the offline environment, src/ on the path)

if not os.environ.get("MINDTUNE_DATA_DIR") and (ROOT.parent / "shared" / "data").is_dir():
    os.environ["MINDTUNE_DATA_DIR"] = str(ROOT.parent / "shared" / "data")

import torch  # noqa: E402

RESULTS: dict[str, Any] = {"train": {}, "chat": {}}
PRESET = "smollm2-135m-cpu"
QUESTION = ("I have been feeling anxious and I can't sleep before exams. "
            "What are some things I could try tonight?")


def timer() -> Any:
    from transformers import TrainerCallback

    class Timer(TrainerCallback):
        ends: list[float]

        def on_train_begin(self, args, state, control, **kw):  # noqa: ANN001
            self.ends, self.t0, self.losses = [], time.perf_counter(), {}

        def on_step_end(self, args, state, control, **kw):  # noqa: ANN001
            self.ends.append(time.perf_counter())

        def on_log(self, args, state, control, logs=None, **kw):  # noqa: ANN001
            if logs and "loss" in logs:
                self.losses[state.global_step] = float(logs["loss"])

    return Timer()


def summarize(t: Any, c: Counting, args: argparse.Namespace, accum: int) -> dict[str, Any]:
    w, n = args.warm, args.timed
    dt = t.ends[w + n - 1] - t.ends[w - 1]
    real = sum(c.real[w * accum:(w + n) * accum])  # micro-batches of the timed steps
    padded = sum(c.padded[w * accum:(w + n) * accum])
    return {"s_per_step": round(dt / n, 2), "real_tokens": real, "padded_tokens": padded,
            "real_tokens_per_s": round(real / dt, 1), "losses": t.losses}


def train_plain(args: argparse.Namespace) -> dict[str, Any]:
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
    from transformers import (
        AutoModelForCausalLM,
        BitsAndBytesConfig,
        DataCollatorForSeq2Seq,
        Trainer,
        TrainingArguments,
    )

    from mindtune import data as data_mod
    from mindtune.config import load_config
    from mindtune.model import embedded_dir, load_tokenizer
    from mindtune.prompt import PromptBuilder
    from mindtune.train import EncodedRows

    cfg = load_config(PRESET)
    src = str(embedded_dir())
    tok = load_tokenizer(src)
    ex, _ = data_mod.load_examples(cfg.data.source)
    train_ex, _ = data_mod.split(ex, cfg.data.eval_fraction, cfg.train.seed)
    b = PromptBuilder(tok, cfg.data.template, cfg.data.system_prompt)
    rows = [b.encode_example(list(e.messages), cfg.data.train_on, cfg.data.max_length)
            for e in train_ex]
    torch.manual_seed(cfg.train.seed)
    qc = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4",
                            bnb_4bit_use_double_quant=True, bnb_4bit_compute_dtype=torch.float32)
    model = AutoModelForCausalLM.from_pretrained(src, quantization_config=qc, dtype=torch.float32,
                                                 device_map={"": "cpu"})
    torch.manual_seed(cfg.train.seed)
    model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=False)
    model = get_peft_model(model, LoraConfig(r=16, lora_alpha=32, lora_dropout=0.05,
                                             target_modules="all-linear", bias="none",
                                             task_type="CAUSAL_LM"))
    targs = TrainingArguments(
        output_dir="/tmp/mtbench-cpu/plain", per_device_train_batch_size=4,
        gradient_accumulation_steps=2, learning_rate=3e-4, max_steps=args.warm + args.timed,
        optim="adamw_torch", lr_scheduler_type="cosine", warmup_steps=0.05, max_grad_norm=0.3,
        train_sampling_strategy="group_by_length", use_cpu=True, logging_steps=1,
        save_strategy="no", eval_strategy="no", seed=42, data_seed=42, report_to=[],
        remove_unused_columns=False, dataloader_num_workers=0, disable_tqdm=True)
    c = Counting(DataCollatorForSeq2Seq(tok, label_pad_token_id=-100))
    t = timer()
    Trainer(model=model, args=targs, train_dataset=EncodedRows(rows), data_collator=c,
            callbacks=[t]).train()
    return summarize(t, c, args, 2)


def train_mindtune(args: argparse.Namespace, extra: list[str]) -> dict[str, Any]:
    import mindtune.model as mm
    from mindtune.config import load_config
    from mindtune.train import TrainRecipe

    cfg = load_config(PRESET, [f"train.max_steps={args.warm + args.timed}", "train.eval_steps=0",
                               "train.save_steps=0", "train.logging_steps=1", *extra])
    real = mm.load_model

    def load(cfg: Any, **kw: Any) -> Any:  # reseed after loading: LoRA init as on the plain side
        out = real(cfg, **kw)
        torch.manual_seed(cfg.train.seed)
        return out

    mm.load_model = load
    try:
        r = TrainRecipe(cfg, Path("/tmp/mtbench-cpu") / ("packed" if extra else "mindtune"),
                        overwrite=True)
        r.setup()
    finally:
        mm.load_model = real
    c = Counting(r.trainer.data_collator)
    r.trainer.data_collator = c
    t = timer()
    r.trainer.add_callback(t)
    r.trainer.train()
    return summarize(t, c, args, cfg.train.grad_accum)


def chat_plain(args: argparse.Namespace) -> dict[str, Any]:
    from mindtune.config import load_config
    from mindtune.model import load_model
    from mindtune.prompt import PromptBuilder

    cfg = load_config(PRESET, ["quant.load_in_4bit=false"])
    model, tok = load_model(cfg)
    model.eval()
    b = PromptBuilder(tok, cfg.data.template, cfg.data.system_prompt)
    ids = b.encode_prompt([{"role": "user", "content": QUESTION}])
    x = torch.tensor([ids])
    kw = dict(attention_mask=torch.ones_like(x), do_sample=False, temperature=None, top_p=None,
              top_k=None, repetition_penalty=1.1, eos_token_id=b.stop_ids,
              pad_token_id=tok.pad_token_id)
    runs, first = [], []
    with torch.inference_mode():
        model.generate(x, max_new_tokens=4, **kw)
        for _ in range(args.reps):
            t = time.perf_counter()
            model.generate(x, max_new_tokens=1, **kw)
            first.append(time.perf_counter() - t)
            t = time.perf_counter()
            o = model.generate(x, max_new_tokens=args.new, min_new_tokens=args.new, **kw)
            runs.append((o.shape[1] - x.shape[1]) / (time.perf_counter() - t))
    return {"prompt_tokens": len(ids), "new_tokens": args.new,
            "tokens_per_s": round(statistics.median(runs), 1),
            "first_token_ms": round(1e3 * statistics.median(first), 1)}


def chat_engine(args: argparse.Namespace, safety: bool, fast: bool = False) -> dict[str, Any]:
    from mindtune.engine import GenerationSettings, load_engine

    eng = load_engine(None, safety=safety, fast=fast)
    eng.gen_overrides = {"min_new_tokens": args.new}
    s = GenerationSettings(temperature=0, repetition_penalty=1.1, max_new_tokens=args.new)
    one = GenerationSettings(temperature=0, repetition_penalty=1.1, max_new_tokens=1)
    msgs = [{"role": "user", "content": QUESTION}]
    eng.generate(msgs, GenerationSettings(temperature=0, max_new_tokens=4))
    runs, first, chunk = [], [], []
    for _ in range(args.reps):
        eng.gen_overrides = {}
        t = time.perf_counter()
        eng.generate(msgs, one)
        first.append(time.perf_counter() - t)
        eng.gen_overrides = {"min_new_tokens": args.new}
        t = time.perf_counter()
        comp = eng.chat(msgs, s)
        f = None
        for _c in comp:
            f = f or time.perf_counter() - t
        runs.append(comp.completion_tokens / (time.perf_counter() - t))
        chunk.append(f or 0)
    return {"prompt_tokens": comp.prompt_tokens, "new_tokens": comp.completion_tokens,
            "finish": comp.finish_reason, "tokens_per_s": round(statistics.median(runs), 1),
            "first_token_ms": round(1e3 * statistics.median(first), 1),
            "first_chunk_ms": round(1e3 * statistics.median(chunk), 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--warm", type=int, default=1)
    ap.add_argument("--timed", type=int, default=3)
    ap.add_argument("--new", type=int, default=128)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=1,
                    help="rounds of the sides, interleaved (A B C A B C)")
    ap.add_argument("--skip", default="", help="comma list of train, chat")
    ap.add_argument("--out", default=os.environ.get("OUT") or "bench-out")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    import transformers

    with contextlib.suppress(Exception):
        load = os.getloadavg()
    RESULTS.update(date=time.strftime("%Y-%m-%d %H:%M:%S %Z"), cpu=platform.processor() or
                   platform.machine(), cores=os.cpu_count(), torch_threads=torch.get_num_threads(),
                   torch=torch.__version__, transformers=transformers.__version__,
                   loadavg_start=load, argv=sys.argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    def phase(group: str, name: str, fn: Any) -> None:
        t = time.perf_counter()
        try:
            RESULTS[group][name] = fn()
        except Exception as e:  # noqa: BLE001
            import traceback

            traceback.print_exc()
            RESULTS[group][name] = {"error": f"{type(e).__name__}: {e}"}
        RESULTS[group][name]["wall_s"] = round(time.perf_counter() - t, 1)
        print(f"{group}/{name}: {RESULTS[group][name]}", flush=True)
        (out / "bench_cpu.json").write_text(json.dumps(RESULTS, indent=2, default=str))

    if "train" not in skip:  # --repeat > 1 interleaves the sides (A B C A B C): CPU contention
        for i in range(args.repeat):  # from other processes then hits every side alike
            sfx = f" #{i + 1}" if args.repeat > 1 else ""
            phase("train", "plain HF" + sfx, lambda: train_plain(args))
            phase("train", "mindtune" + sfx, lambda: train_mindtune(args, []))
            phase("train", "mindtune-packed" + sfx,
                  lambda: train_mindtune(args, ["train.packing=true"]))
    if "chat" not in skip:
        for i in range(args.repeat):
            sfx = f" #{i + 1}" if args.repeat > 1 else ""
            phase("chat", "plain HF" + sfx, lambda: chat_plain(args))
            phase("chat", "engine" + sfx, lambda: chat_engine(args, safety=True))
            phase("chat", "engine-nosafety" + sfx, lambda: chat_engine(args, safety=False))
            phase("chat", "engine-fast" + sfx, lambda: chat_engine(args, safety=True, fast=True))
    with contextlib.suppress(Exception):
        RESULTS["loadavg_end"] = os.getloadavg()
    (out / "bench_cpu.json").write_text(json.dumps(RESULTS, indent=2, default=str))
    lines = ["", f"## CPU ({RESULTS['cores']} cores, {RESULTS['date']}, load avg "
             f"{RESULTS.get('loadavg_start')} -> {RESULTS.get('loadavg_end')})",
             f"{'training':<18}{'s/step':>8}{'real tok/s':>11}{'pad':>6}  loss 1 / last"]
    for k, v in RESULTS["train"].items():
        base = RESULTS["train"].get("plain HF" + k[len(k.rstrip("#0123456789 ")):], {}).get(
            "real_tokens_per_s")
        if "real_tokens_per_s" not in v:
            lines.append(f"{k:<18} {v.get('error')}")
            continue
        ls = v["losses"]
        ks = sorted(ls)
        pad = 1 - v["real_tokens"] / max(v["padded_tokens"], 1)
        lines.append(f"{k:<18}{v['s_per_step']:>8}{v['real_tokens_per_s']:>11}{pad:>6.0%}  "
                     f"{ls[ks[0]]:.4f} / {ls[ks[-1]]:.4f}"
                     + (f"  ({v['real_tokens_per_s'] / base:.2f}x)" if base else ""))
    lines.append(f"{'chat':<18}{'tok/s':>8}{'1st tok ms':>11}{'1st chunk ms':>13}")
    for k, v in RESULTS["chat"].items():
        if "tokens_per_s" not in v:
            lines.append(f"{k:<18} {v.get('error')}")
            continue
        lines.append(f"{k:<18}{v['tokens_per_s']:>8}{v['first_token_ms']:>11}"
                     f"{v.get('first_chunk_ms', '-'):>13}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
