#!/usr/bin/env python3
"""Serving speed through the HTTP server: the official ``openai`` client against
``mindtune serve``'s app (API only, ``web=False``, uvicorn on a thread), on random weights of
Falcon-7B's real shapes with a random LoRA adapter saved as a run directory.

    python bench/bench_serve_gpu.py --tokenizer .gpudata/tokenizer      # on the GPU machine
    python bench/bench_serve_gpu.py --tiny --new 8 --out /tmp/bs        # code check on a CPU

Two engines, one after the other, each measured the same way:
  engine-4bit   mindtune's default ``load_engine(run)``: 4-bit base + unmerged adapter
                (the reference's way of generating), the in-call baseline
  engine-fast   ``load_engine(run, fast=True)`` (what ``mindtune serve --fast`` loads): merged
                adapter + StaticDecoder (static cache, compiled step in a CUDA graph)
For each: one streamed request (time to the first content chunk, tokens/s), then 16 concurrent
requests from 16 client threads (aggregate completion tokens / wall time), and the same 16
requests straight to ``Engine.generate`` on threads (no HTTP) for the server's own overhead;
then the same engine served with ``--batch N`` (``ServerSettings.max_batch``: requests that
wait together are decoded in one ``generate`` batch, ``mindtune.batching``).
Every request: a 100-token prompt, greedy, repetition penalty 1.3, ``--new`` tokens
(``min_new_tokens`` through ``Engine.gen_overrides`` keeps random weights from stopping early).
Without ``--batch`` the server answers one request at a time (the Engine's lock); the rest
wait in its queue (``max_queue=16``). JSON: $OUT/bench_serve_gpu.json; a table is printed last.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import torch  # noqa: E402
from _common import T_START, cuda, free, log, random_falcon_config  # noqa: E402
from bench_generate_gpu import PROMPT_TOKENS, make_run_dir, prompt_messages  # noqa: E402

RESULTS: dict[str, Any] = {"sides": {}}
CONCURRENT = 16


def save(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_serve_gpu.json").write_text(json.dumps(RESULTS, indent=2, default=str))


def concurrent(fn: Any, n: int) -> dict[str, Any]:
    """``fn()`` on ``n`` threads at once; each returns its completion token count."""
    counts: list[int] = []
    errors: list[str] = []

    def one() -> None:
        try:
            counts.append(fn())
        except Exception as e:  # noqa: BLE001 - reported, not raised
            errors.append(f"{type(e).__name__}: {e}")

    threads = [threading.Thread(target=one) for _ in range(n)]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    dt = time.perf_counter() - t
    return {"requests": n, "ok": len(counts), "errors": errors[:3], "tokens": sum(counts),
            "s": round(dt, 2), "tokens_per_s": round(sum(counts) / dt, 1)}


def measure(engine: Any, run: Path, msgs: list[dict], new: int, batch: int = 1,
            direct: bool = True) -> dict[str, Any]:
    import openai

    from mindtune.engine import GenerationSettings
    from mindtune.serve.app import create_app, serve_in_thread
    from mindtune.serve.settings import ServerSettings

    engine.gen_overrides = {**(engine.gen_overrides or {}), "min_new_tokens": new}
    engine.batcher = None
    app = create_app(ServerSettings(target=str(run), web=False, compare=False, max_batch=batch,
                                    max_queue=CONCURRENT, max_tokens_limit=max(new, 256)),
                     engine=engine)
    res: dict[str, Any] = {}
    with serve_in_thread(app) as url:
        client = openai.OpenAI(base_url=url + "/v1", api_key="none", max_retries=0, timeout=900)
        kw = dict(model=engine.name, messages=msgs, max_tokens=new, temperature=0,
                  extra_body={"repetition_penalty": 1.3})

        def ask() -> int:
            return client.chat.completions.create(**kw).usage.completion_tokens

        ask()  # warm-up (the server, the client's connection pool, the engine)
        t = time.perf_counter()
        first, chunks = None, 0
        for ch in client.chat.completions.create(stream=True, **kw):
            if ch.choices and ch.choices[0].delta.content:
                chunks += 1
                if first is None:
                    first = time.perf_counter() - t
        dt = time.perf_counter() - t
        single = ask()
        t2 = time.perf_counter()
        single = ask()
        dt2 = time.perf_counter() - t2
        res["single"] = {"first_chunk_ms": round(1e3 * (first or 0), 1), "stream_s": round(dt, 2),
                         "stream_chunks": chunks, "tokens": single,
                         "tokens_per_s": round(single / dt2, 1)}
        log(f"  single {res['single']}")
        res["http_16"] = concurrent(ask, CONCURRENT)
        log(f"  http x{CONCURRENT} {res['http_16']}")
    if engine.batcher is not None:
        res["largest_batch"] = engine.batcher.largest_batch
    engine.batcher = None  # the worker thread idles on its queue from here on
    if direct:
        gs = GenerationSettings(temperature=0, repetition_penalty=1.3, max_new_tokens=new)
        res["engine_16"] = concurrent(lambda: engine.generate(msgs, gs).completion_tokens,
                                      CONCURRENT)
        log(f"  engine x{CONCURRENT} (no HTTP) {res['engine_16']}")
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arch", default="falcon-7b")
    ap.add_argument("--tokenizer", default=None)
    ap.add_argument("--new", type=int, default=64, help="new tokens per request")
    ap.add_argument("--sides", default="engine-4bit,engine-fast")
    ap.add_argument("--batch", type=int, default=16,
                    help="also measure each engine with `serve --batch N` (1: skip)")
    ap.add_argument("--no-direct", action="store_true",
                    help="skip the 16 requests straight to the Engine (no HTTP)")
    ap.add_argument("--tiny", action="store_true")
    ap.add_argument("--out", default=os.environ.get("OUT") or "bench-out")
    args = ap.parse_args()
    if args.tiny:
        args.arch = "tiny-falcon"
    out = Path(args.out)
    import transformers

    from mindtune import data as data_mod
    from mindtune.engine import load_engine
    from mindtune.model import random_dir

    RESULTS.update(date=time.strftime("%Y-%m-%d %H:%M:%S %Z"), arch=args.arch, argv=sys.argv,
                   device=torch.cuda.get_device_name(0) if cuda() else platform.processor() or "cpu",
                   torch=torch.__version__, transformers=transformers.__version__,
                   new_tokens=args.new, prompt_tokens=PROMPT_TOKENS, concurrent=CONCURRENT)
    random_dir(args.arch)
    cfg = random_falcon_config(args.arch, args.tokenizer, args.tiny)
    run = make_run_dir(args, cfg)
    examples, _ = data_mod.load_examples(cfg.data.source)
    text = " ".join(m["content"] for e in examples[:20] for m in e.messages)
    for side in filter(None, args.sides.split(",")):
        log(f"start {side}")
        try:
            t = time.perf_counter()
            engine = load_engine(str(run), fast=side == "engine-fast")
            load_s = round(time.perf_counter() - t, 1)
            msgs = prompt_messages(engine.builder, text, PROMPT_TOKENS)
            RESULTS["sides"][side] = {"load_s": load_s, **measure(
                engine, run, msgs, args.new, direct=not args.no_direct)}
            if args.batch > 1:
                log(f"  {side} with --batch {args.batch}")
                RESULTS["sides"][f"{side} --batch {args.batch}"] = {"load_s": load_s, **measure(
                    engine, run, msgs, args.new, batch=args.batch, direct=False)}
        except Exception as e:  # noqa: BLE001 - one side failing keeps the other's figures
            traceback.print_exc()
            RESULTS["sides"][side] = {"error": f"{type(e).__name__}: {e}"}
        engine = None
        free()
        save(out)
    print(table())
    save(out)


def table() -> str:
    rows = ["| engine | load s | 1 request: first chunk ms | 1 request tok/s | "
            f"{CONCURRENT} over HTTP tok/s | {CONCURRENT} on Engine (no HTTP) tok/s |",
            "|---|---|---|---|---|---|"]
    for name, r in RESULTS["sides"].items():
        if "error" in r:
            rows.append(f"| {name} | error: {r['error'][:80]} | | | | |")
            continue
        rows.append(f"| {name} | {r['load_s']} | {r['single']['first_chunk_ms']} | "
                    f"{r['single']['tokens_per_s']} | {r['http_16']['tokens_per_s']} | "
                    f"{r.get('engine_16', {}).get('tokens_per_s', '-')} |")
    return "\n".join(rows) + f"\n(total {time.time() - T_START:.0f} s)"


if __name__ == "__main__":
    main()
