#!/usr/bin/env python3
"""Generation speed on the GPU: the reference way (4-bit base + unmerged LoRA adapter, plain
``generate``) against mindtune's Engine on a merged bf16 model with a static KV cache and
torch.compile, in one call, on random weights of Falcon-7B's real shapes.

    python bench/bench_generate_gpu.py --tokenizer .gpudata/tokenizer        # on the GPU machine
    python bench/bench_generate_gpu.py --tiny --out /tmp/bg                  # code check on a CPU

Every side: batch 1, greedy, repetition penalty 1.3, a 100-token prompt (seed template), 256 new
tokens (``min_new_tokens`` keeps random weights from stopping early; the same on every side).
The adapter is a random LoRA (r=32, the preset's four Falcon projections, B ~ N(0, 0.01)) saved
as a mindtune run directory, so ``load_engine`` loads it as it would a trained one.
Sides:
  baseline         from_pretrained(NF4 + double quant) + PeftModel (unmerged) + model.generate
  engine-4bit      mindtune's default: load_engine(run) (4-bit + unmerged adapter), Engine.generate
  engine-merged    Engine on the adapter merged into the dequantized 4-bit weights (bf16;
                   mindtune.merge's functions), dynamic cache, no compile
  engine-fast      the same + Engine.gen_overrides: static cache (max_cache_len 2048) and
                   torch.compile of the decode step (mode "default": Inductor kernels, no CUDA
                   graphs -- the Engine generates on a per-request thread, where CUDA-graph trees
                   of torch 2.11 fail)
  engine-fast-cg   the same with CUDA graphs (mode "reduce-overhead"), the bench sharing the
                   main thread's CUDA-graph tree with the Engine's threads (see notes)
  engine-decoder   the Engine with mindtune.decode.StaticDecoder, step compiled with Inductor's
                   default kernels: static cache, forward + penalty + argmax captured in one CUDA
                   graph, one host sync per 4 tokens
  engine-decoder-tuned  the same as `--fast` ships it: max-autotune + coordinate-descent tuning
Teacher-forced scores include the repetition penalty (what greedy decoding compares); greedy
sequences of two numerically different paths part at the first near-tie and then differ.
First token: an Engine call with max_new_tokens=1 (prefill + one token, the Engine's thread and
streamer included), median of 5. Correctness: the merged model's logits against the reference
model's on the reference's own 356-token greedy sequence (teacher forcing), and each side's
greedy tokens against the baseline's. Serving: 16 concurrent Engine requests (threads), and one
batched generate of 16 prompts on the merged model for comparison. JSON: $OUT/bench_generate_gpu.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import torch  # noqa: E402
from _common import (  # noqa: E402
    FALCON_TARGETS,
    T_START,
    cuda,
    free,
    log,
    random_falcon_config,
    sync,
)

RESULTS: dict[str, Any] = {"sides": {}}
NEW = 256
PROMPT_TOKENS = 100


def save(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_generate_gpu.json").write_text(json.dumps(RESULTS, indent=2, default=str))


def measure_copy_tbs() -> float | None:
    if not cuda():
        return None
    x = torch.empty(2 * 2**30, dtype=torch.uint8, device="cuda")
    y = torch.empty_like(x)
    y.copy_(x)
    sync()
    t = time.perf_counter()
    for _ in range(5):
        y.copy_(x)
    sync()
    dt = (time.perf_counter() - t) / 5
    del x, y
    return round(2 * 2 * 2**30 / dt / 1e12, 2)


def prompt_messages(builder: Any, text: str, n_tokens: int) -> list[dict[str, str]]:
    """A user message whose encoded prompt (template included) has ``n_tokens`` tokens."""
    words = text.split()
    lo, hi = 1, len(words)
    while lo < hi:  # largest word count with <= n_tokens
        mid = (lo + hi + 1) // 2
        ids = builder.encode_prompt([{"role": "user", "content": " ".join(words[:mid])}])
        lo, hi = (mid, hi) if len(ids) <= n_tokens else (lo, mid - 1)
    msgs = [{"role": "user", "content": " ".join(words[:lo])}]
    while len(builder.encode_prompt(msgs)) < n_tokens:  # pad with single-token words
        msgs[0]["content"] += " a"
    return msgs


def make_run_dir(args: argparse.Namespace, cfg: Any) -> Path:
    """A mindtune run directory (config.yaml + adapter/) holding a random LoRA adapter."""
    from peft import LoraConfig, get_peft_model

    from mindtune.config import save_config
    from mindtune.model import load_model

    run = Path("/tmp/mtbench/gen-run")
    if (run / "adapter" / "adapter_config.json").exists():
        return run
    model, tok = load_model(cfg)
    torch.manual_seed(0)
    peft = get_peft_model(model, LoraConfig(r=32, lora_alpha=32, lora_dropout=0.05,
                                            target_modules=FALCON_TARGETS, bias="none",
                                            task_type="CAUSAL_LM"))
    with torch.no_grad():
        for n, p in peft.named_parameters():
            if "lora_B" in n:
                p.normal_(0, 0.01)
    run.mkdir(parents=True, exist_ok=True)
    peft.save_pretrained(str(run / "adapter"))
    tok.save_pretrained(str(run / "adapter"))
    save_config(cfg, run / "config.yaml")
    del peft, model
    free()
    return run


def settings(n: int) -> Any:
    from mindtune.engine import GenerationSettings

    return GenerationSettings(temperature=0, repetition_penalty=1.3, max_new_tokens=n)


def time_engine(engine: Any, msgs: list[dict], n_new: int, reps: int) -> dict[str, Any]:
    """Median tokens/s of ``reps`` full replies, first-chunk latency, and the reply's ids."""
    runs = []
    for _ in range(reps):
        sync()
        t = time.perf_counter()
        comp = engine.chat(msgs, settings(n_new))
        first = None
        for _chunk in comp:
            if first is None:
                first = time.perf_counter() - t
        sync()
        dt = time.perf_counter() - t
        runs.append({"s": dt, "tokens": comp.completion_tokens, "first_chunk_s": first,
                     "finish": comp.finish_reason})
    best = sorted(runs, key=lambda r: r["tokens"] / r["s"])[len(runs) // 2]
    return {"tokens_per_s": round(best["tokens"] / best["s"], 2), "runs": runs,
            "new_tokens": best["tokens"],
            "first_chunk_ms": round(1e3 * statistics.median(r["first_chunk_s"] or 0 for r in runs), 1)}


def first_token(engine: Any, msgs: list[dict], reps: int = 5) -> float:
    ts = []
    for _ in range(reps):
        sync()
        t = time.perf_counter()
        engine.generate(msgs, settings(1))
        sync()
        ts.append(time.perf_counter() - t)
    return round(1e3 * statistics.median(ts), 1)


class IdCatcher:
    """Engine hook: remembers the ids of the last generate() call (wraps model.generate)."""

    def __init__(self, model: Any):
        self.model, self.inner, self.ids = model, model.generate, None

        def generate(*a: Any, **kw: Any) -> Any:
            out = self.inner(*a, **kw)
            self.ids = out[0].tolist()
            return out

        model.generate = generate


def penalized(logits: torch.Tensor, seq: torch.Tensor, p: int, penalty: float = 1.3) -> torch.Tensor:
    """Scores after the repetition penalty, as greedy decoding saw them: row i predicts token
    p + i with tokens seq[:p + i] already present."""
    out = logits.clone()
    for i in range(out.shape[0]):
        seen = seq[:p + i]
        s = out[i].gather(0, seen)
        out[i].scatter_(0, seen, torch.where(s < 0, s * penalty, s / penalty))
    return out


def greedy_match(a: list[int], b: list[int]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


# -- main -----------------------------------------------------------------------------------------
def main() -> None:
    global NEW
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arch", default="falcon-7b")
    ap.add_argument("--tokenizer", default=None)
    ap.add_argument("--new", type=int, default=NEW)
    ap.add_argument("--skip", default="", help="comma list of sides to skip")
    ap.add_argument("--budget-s", type=float, default=540)
    ap.add_argument("--tiny", action="store_true")
    ap.add_argument("--out", default=os.environ.get("OUT") or "bench-out")
    args = ap.parse_args()
    NEW = args.new
    if args.tiny:
        args.arch = "tiny-falcon"
    out, skip = Path(args.out), set(filter(None, args.skip.split(",")))
    import transformers
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, BitsAndBytesConfig, CompileConfig

    from mindtune import data as data_mod
    from mindtune.engine import Engine, load_engine
    from mindtune.merge import dequantize_linear4bit
    from mindtune.model import _falcon_linear_as_linear, load_model, quant_report, random_dir
    from mindtune.prompt import PromptBuilder

    RESULTS.update(
        date=time.strftime("%Y-%m-%d %H:%M:%S %Z"), arch=args.arch, argv=sys.argv,
        device=torch.cuda.get_device_name(0) if cuda() else platform.processor() or "cpu",
        torch=torch.__version__, transformers=transformers.__version__, new_tokens=NEW,
        prompt_tokens=PROMPT_TOKENS, copy_tbs=measure_copy_tbs())
    t = time.perf_counter()
    weights = str(random_dir(args.arch))
    RESULTS["materialize_s"] = round(time.perf_counter() - t, 1)
    cfg = random_falcon_config(args.arch, args.tokenizer, args.tiny)
    dtype = torch.float32 if args.tiny else torch.bfloat16
    run = make_run_dir(args, cfg)
    log(f"run dir {run}")

    examples, _ = data_mod.load_examples(cfg.data.source)
    text = " ".join(m["content"] for e in examples[:20] for m in e.messages)
    side_results = RESULTS["sides"]

    def over_budget(name: str) -> bool:
        if name in skip:
            side_results[name] = {"skipped": "--skip"}
            return True
        if time.time() - T_START > args.budget_s:
            side_results[name] = {"skipped": "time budget"}
            log(f"skip {name}: time budget")
            return True
        log(f"start {name}")
        return False

    def fail(name: str, e: BaseException) -> None:
        traceback.print_exc()
        side_results[name] = {"error": f"{type(e).__name__}: {e}"}
        save(out)

    # ---- baseline: the reference way ----------------------------------------------------------
    base_ids: list[int] | None = None
    ref_model = None
    tok = None
    msgs: list[dict] = []
    prompt_ids: list[int] = []
    stop_ids: list[int] = []
    try:
        from mindtune.model import load_tokenizer

        tok = load_tokenizer(args.tokenizer or str(run / "adapter"))
        builder = PromptBuilder(tok, cfg.data.template, cfg.data.system_prompt)
        msgs = prompt_messages(builder, text, PROMPT_TOKENS)
        prompt_ids = builder.encode_prompt(msgs)
        stop_ids = builder.stop_ids
        RESULTS["prompt_len"] = len(prompt_ids)
        if not over_budget("baseline"):
            qc = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4",
                                    bnb_4bit_use_double_quant=True, bnb_4bit_compute_dtype=dtype)
            t = time.perf_counter()
            with _falcon_linear_as_linear():
                base = AutoModelForCausalLM.from_pretrained(
                    weights, quantization_config=qc, dtype=dtype,
                    device_map={"": 0 if cuda() else "cpu"})
            ref_model = PeftModel.from_pretrained(base, str(run / "adapter")).eval()
            load_s = time.perf_counter() - t
            x = torch.tensor([prompt_ids], device=base.device)
            kw = dict(attention_mask=torch.ones_like(x), do_sample=False, temperature=None,
                      top_p=None, top_k=None, repetition_penalty=1.3, eos_token_id=stop_ids,
                      pad_token_id=tok.pad_token_id)
            with torch.inference_mode():
                ref_model.generate(x, max_new_tokens=8, **kw)  # warm-up
                ttft = []
                for _ in range(3):
                    sync()
                    t = time.perf_counter()
                    ref_model.generate(x, max_new_tokens=1, **kw)
                    sync()
                    ttft.append(time.perf_counter() - t)
                sync()
                t = time.perf_counter()
                o = ref_model.generate(x, max_new_tokens=NEW, min_new_tokens=NEW, **kw)
                sync()
                dt = time.perf_counter() - t
            base_ids = o[0].tolist()
            n = len(base_ids) - len(prompt_ids)
            side_results["baseline"] = {
                "how": "4-bit NF4 base + unmerged LoRA, model.generate, dynamic cache",
                "load_s": round(load_s, 1), "quant": quant_report(base), "new_tokens": n,
                "tokens_per_s": round(n / dt, 2), "first_token_ms": round(1e3 * statistics.median(ttft), 1),
                "memory_gib": round(torch.cuda.memory_allocated() / 2**30, 2) if cuda() else None}
            save(out)
    except Exception as e:  # noqa: BLE001
        fail("baseline", e)

    # ---- mindtune default: Engine over the run (4-bit + unmerged adapter) ------------------------
    if not over_budget("engine-4bit"):
        try:
            eng = load_engine(str(run), safety=False)
            eng.gen_overrides = {"min_new_tokens": 64}
            cat = IdCatcher(eng.model)
            eng.generate(msgs, settings(4))
            r = time_engine(eng, msgs, 64, 1)
            ids = cat.ids
            eng.gen_overrides = {}
            r["first_token_ms"] = first_token(eng, msgs, 3)
            r["how"] = "load_engine(run): 4-bit + unmerged adapter, Engine.generate (64 new tokens)"
            r["greedy_match_vs_baseline"] = greedy_match(ids[len(prompt_ids):],
                                                         (base_ids or [])[len(prompt_ids):])
            side_results["engine-4bit"] = r
            del eng, cat
            free()
            save(out)
        except Exception as e:  # noqa: BLE001
            fail("engine-4bit", e)

    # ---- merged bf16 model (mindtune.merge's dequantize + merge, in memory) ----------------------
    merged = None
    try:
        t = time.perf_counter()
        model, tok2 = load_model(cfg)
        n_deq = dequantize_linear4bit(model, dtype)
        merged = PeftModel.from_pretrained(model, str(run / "adapter")).merge_and_unload().eval()
        merged.generation_config.eos_token_id = list(stop_ids)
        merged.generation_config.pad_token_id = tok2.pad_token_id
        RESULTS["merge"] = {"s": round(time.perf_counter() - t, 1), "dequantized_layers": n_deq,
                            "memory_gib": round(torch.cuda.memory_allocated() / 2**30, 2) if cuda() else None}
        builder2 = PromptBuilder(tok2, cfg.data.template, cfg.data.system_prompt)
        engine = Engine(merged, tok2, builder2, safety=None, name="merged")
        catcher = IdCatcher(merged)
    except Exception as e:  # noqa: BLE001
        fail("engine-merged", e)
        engine = None

    def engine_side(name: str, overrides: dict[str, Any], warm: int, reps: int, how: str) -> None:
        if engine is None or over_budget(name):
            return
        try:
            engine.gen_overrides = {"min_new_tokens": NEW, **overrides}
            t = time.perf_counter()
            for _ in range(warm):
                engine.generate(msgs, settings(NEW))
            warm_s = time.perf_counter() - t
            r = time_engine(engine, msgs, NEW, reps)
            ids = catcher.ids
            engine.gen_overrides = dict(overrides)
            r["first_token_ms"] = first_token(engine, msgs, 5)
            r.update(how=how, warmup_s=round(warm_s, 1), overrides={k: str(v) for k, v in overrides.items()},
                     greedy_match_vs_baseline=greedy_match(ids[len(prompt_ids):],
                                                           (base_ids or [])[len(prompt_ids):]),
                     ids=ids[len(prompt_ids):])
            side_results[name] = r
        except Exception as e:  # noqa: BLE001
            fail(name, e)
        save(out)

    engine_side("engine-merged", {}, 1, 1, "Engine on merged bf16, dynamic cache, eager")
    static = {"cache_implementation": "static", "max_cache_len": 2048}
    engine_side("engine-fast", {**static, "compile_config": CompileConfig(mode="default")}, 2, 2,
                "Engine on merged bf16, static cache 2048, torch.compile (Inductor, no CUDA graphs)")
    if cuda() and "engine-fast-cg" not in skip:
        with shared_cudagraph_tree():
            engine_side("engine-fast-cg", {**static, "compile_config": CompileConfig(mode="reduce-overhead")},
                        2, 3, "Engine on merged bf16, static cache 2048, torch.compile with CUDA graphs")

    if engine is not None and not over_budget("engine-decoder"):
        try:
            from mindtune.decode import StaticDecoder

            t = time.perf_counter()
            engine.gen_overrides = {}
            engine.decoder = StaticDecoder(merged, max_len=2048, compile_mode="default")
            engine.decoder.warmup(prompt_ids)
            RESULTS["decoder_warmup_s"] = round(time.perf_counter() - t, 1)
            RESULTS["decoder_mode"] = engine.decoder.mode
            catcher = IdCatcher(engine.decoder)
            engine_side("engine-decoder", {}, 1, 3,
                        f"Engine + StaticDecoder (load_engine(run, fast=True)), {engine.decoder.mode}: "
                        "static cache 2048, penalty + argmax in the step, host sync every 4 tokens")
            RESULTS["decoder_replay_ms"] = replay_ms(engine.decoder)
            if "engine-decoder-tuned" not in skip:
                import torch._inductor.config as inductor_config

                inductor_config.coordinate_descent_tuning = True  # (the decoder sets it too)
                t = time.perf_counter()
                engine.decoder = StaticDecoder(merged, max_len=2048)  # as shipped: autotuned
                engine.decoder.warmup(prompt_ids)
                RESULTS["decoder_tuned_warmup_s"] = round(time.perf_counter() - t, 1)
                catcher = IdCatcher(engine.decoder)
                engine_side("engine-decoder-tuned", {}, 1, 3,
                            f"the same, {engine.decoder.mode}, Inductor max-autotune + "
                            "coordinate-descent tuning of the step's kernels")
                RESULTS["decoder_tuned_replay_ms"] = replay_ms(engine.decoder)
        except Exception as e:  # noqa: BLE001
            fail("engine-decoder", e)
            engine.decoder = None

    # ---- correctness: teacher-forced logits, reference vs merged ---------------------------------
    if ref_model is not None and merged is not None and base_ids is not None:
        try:
            seq = torch.tensor([base_ids], device=merged.device)
            p = len(prompt_ids)
            with torch.inference_mode():
                a = ref_model(input_ids=seq).logits[0, p - 1:-1].float()
                b = merged(input_ids=seq).logits[0, p - 1:-1].float()
                a, b = penalized(a, seq[0], p), penalized(b, seq[0], p)  # as greedy sees them
            top_a, top_b = a.argmax(-1), b.argmax(-1)
            agree = (top_a == top_b)
            dis = (~agree).nonzero()[:, 0].tolist()
            margins = [float(a[i, top_a[i]] - a[i, top_b[i]]) for i in dis]
            diff_inf = [float((a[i] - b[i]).abs().max()) for i in dis]
            ties = all(m <= d for m, d in zip(margins, diff_inf, strict=True))
            RESULTS["correctness"] = {
                "positions": int(a.shape[0]),
                "logits_rel_err": float((a - b).norm() / a.norm()),
                "logits_max_abs_diff": float((a - b).abs().max()),
                "logit_std": float(a.std()),
                "argmax_agree": float(agree.float().mean()),
                "disagreements": [{"pos": i, "margin_ref": m, "max_abs_diff": d}
                                  for i, m, d in zip(dis, margins, diff_inf, strict=True)][:10],
                "all_disagreements_are_near_ties": ties,
                "pass": float((a - b).norm() / a.norm()) < 2e-2 and ties}
            fast_ids = side_results.get("engine-fast", {}).get("ids")
            eager_ids = side_results.get("engine-merged", {}).get("ids")
            cg_ids = side_results.get("engine-fast-cg", {}).get("ids")
            if fast_ids and eager_ids:
                RESULTS["correctness"]["fast_vs_merged_eager_match"] = greedy_match(fast_ids, eager_ids)
            dec_ids = side_results.get("engine-decoder", {}).get("ids")
            if dec_ids and eager_ids:
                RESULTS["correctness"]["decoder_vs_merged_eager_match"] = greedy_match(dec_ids, eager_ids)
            tuned_ids = side_results.get("engine-decoder-tuned", {}).get("ids")
            if tuned_ids and eager_ids:
                RESULTS["correctness"]["decoder_tuned_vs_merged_eager_match"] = greedy_match(
                    tuned_ids, eager_ids)
            if tuned_ids and dec_ids:
                RESULTS["correctness"]["decoder_tuned_vs_decoder_match"] = greedy_match(tuned_ids, dec_ids)
            if cg_ids and eager_ids:
                RESULTS["correctness"]["fast_cg_vs_merged_eager_match"] = greedy_match(cg_ids, eager_ids)
            del a, b
        except Exception as e:  # noqa: BLE001
            traceback.print_exc()
            RESULTS["correctness"] = {"error": f"{type(e).__name__}: {e}"}
        save(out)
    if ref_model is not None:
        del ref_model
        free()

    # ---- serving: 16 concurrent requests -------------------------------------------------------
    if engine is not None and not over_budget("serving"):
        try:
            if engine.decoder is not None:
                best, ov = "engine-decoder", {}
            else:
                best = "engine-fast" if "tokens_per_s" in side_results.get("engine-fast", {}) else None
                ov = ({**static, "compile_config": CompileConfig(mode="default")} if best else {})
            engine.gen_overrides = {"min_new_tokens": 64, **ov}
            done: list[int] = []

            def one() -> None:
                c = engine.generate(msgs, settings(64))
                done.append(c.completion_tokens)

            sync()
            t = time.perf_counter()
            threads = [threading.Thread(target=one) for _ in range(16)]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            sync()
            dt = time.perf_counter() - t
            serve = {"engine_16_concurrent": {
                "tokens": sum(done), "s": round(dt, 2), "tokens_per_s": round(sum(done) / dt, 1),
                "how": f"16 threads x Engine.generate(64 new tokens), {best or 'eager'}; "
                       "the Engine serves one request at a time (lock)"}}
            x = torch.tensor([prompt_ids] * 16, device=merged.device)
            with torch.inference_mode():
                merged.generate(x, max_new_tokens=4, do_sample=False, repetition_penalty=1.3,
                                attention_mask=torch.ones_like(x))
                sync()
                t = time.perf_counter()
                o = merged.generate(x, max_new_tokens=64, min_new_tokens=64, do_sample=False,
                                    repetition_penalty=1.3, attention_mask=torch.ones_like(x),
                                    pad_token_id=tok2.pad_token_id)
                sync()
                dt = time.perf_counter() - t
            n = (o.shape[1] - x.shape[1]) * 16
            serve["batched_generate_16"] = {"tokens": n, "s": round(dt, 2),
                                            "tokens_per_s": round(n / dt, 1),
                                            "how": "merged.generate on a batch of 16 prompts, 64 new "
                                                   "tokens, dynamic cache, eager (not an Engine path)"}
            RESULTS["serving"] = serve
        except Exception as e:  # noqa: BLE001
            traceback.print_exc()
            RESULTS["serving"] = {"error": f"{type(e).__name__}: {e}"}
        save(out)
    print(table())
    save(out)


def replay_ms(decoder: Any, n: int = 100) -> float:
    """GPU time of one decode step alone: ``n`` back-to-back steps on the decoder's buffers."""
    if decoder.mode != "cuda-graph":  # torch.compile's graph trees replay only on their thread
        return float("nan")
    with torch.inference_mode():
        decoder._run()
        sync()
        t = time.perf_counter()
        for _ in range(n):
            decoder._run()
        sync()
    return round(1e3 * (time.perf_counter() - t) / n, 3)


@contextlib.contextmanager
def shared_cudagraph_tree() -> Any:
    """torch 2.11's CUDA-graph trees live in the thread that imported them; the Engine generates
    on a fresh thread per request, where ``reduce-overhead`` asserts (pytorch#123177). For this
    measurement, let every thread use the main thread's tree (the Engine's lock already makes
    generations one at a time)."""
    try:
        from torch._inductor import cudagraph_trees as ct
    except ImportError:
        yield
        return
    ct.get_container  # noqa: B018  (module imported in this thread: its thread-local is set)
    shared = {k: getattr(ct.local, k) for k in ("tree_manager_containers", "tree_manager_locks")
              if hasattr(ct.local, k)}
    orig = ct.get_obj

    def get_obj(local: Any, attr_name: str) -> Any:
        if hasattr(local, attr_name):
            return getattr(local, attr_name)
        if attr_name in shared:
            return shared[attr_name]
        return orig(local, attr_name)

    ct.get_obj = get_obj
    try:
        yield
    finally:
        ct.get_obj = orig


def table() -> str:
    s = RESULTS["sides"]
    base = s.get("baseline", {}).get("tokens_per_s")
    lines = ["", f"## generation (random-weight {RESULTS.get('arch')}, {RESULTS.get('device')}, "
             f"batch 1, {RESULTS.get('prompt_len')}-token prompt, greedy, rep. penalty 1.3)",
             f"{'side':<16}{'new tok':>8}{'tok/s':>9}{'vs base':>8}{'first tok ms':>13}"
             f"{'1st chunk ms':>13}{'greedy = base':>14}"]
    for name, r in s.items():
        if "tokens_per_s" not in r:
            lines.append(f"{name:<16} {r.get('error') or r.get('skipped') or '-'}"[:120])
            continue
        ratio = f"{r['tokens_per_s'] / base:.1f}x" if base else "-"
        lines.append(f"{name:<16}{r.get('new_tokens', '-'):>8}{r['tokens_per_s']:>9.1f}{ratio:>8}"
                     f"{r.get('first_token_ms', '-'):>13}{r.get('first_chunk_ms', '-'):>13}"
                     f"{r.get('greedy_match_vs_baseline', '-'):>14}")
    c = RESULTS.get("correctness", {})
    if "logits_rel_err" in c:
        lines.append(f"correctness (merged vs 4-bit+adapter, teacher-forced {c['positions']} positions): "
                     f"logits rel err {c['logits_rel_err']:.2e}, argmax agree {c['argmax_agree']:.3f}, "
                     f"disagreements near-ties: {c['all_disagreements_are_near_ties']} -> "
                     f"{'PASS' if c['pass'] else 'FAIL'}; compiled vs eager greedy match "
                     f"{c.get('fast_vs_merged_eager_match', '-')}/"
                     f"{c.get('fast_cg_vs_merged_eager_match', '-')}/"
                     f"{c.get('decoder_vs_merged_eager_match', '-')} tokens (fast/cg/decoder)")
    elif c:
        lines.append(f"correctness: {c}")
    sv = RESULTS.get("serving", {})
    for k, v in sv.items():
        if isinstance(v, dict):
            lines.append(f"serving {k}: {v.get('tokens_per_s')} tok/s aggregate ({v.get('how')})")
        else:
            lines.append(f"serving: {k} {v}")
    lines.append(f"decoder step alone: {RESULTS.get('decoder_replay_ms')} ms "
                 f"({RESULTS.get('decoder_mode')}), "
                 f"tuned {RESULTS.get('decoder_tuned_replay_ms')} ms; correctness {c}"[:600])
    lines.append(f"copy bandwidth {RESULTS.get('copy_tbs')} TB/s; merge {RESULTS.get('merge')}; "
                 f"total {time.time() - T_START:.0f}s")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
