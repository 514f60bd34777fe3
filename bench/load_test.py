"""Load test of a live ``mindtune serve``: many concurrent clients against ``/v1/chat/completions``.

    mindtune serve runs/demo --port 7860 &
    python bench/load_test.py --url http://127.0.0.1:7860 --requests 200 --concurrency 32 \
        --stream-fraction 0.5 --disconnect-fraction 0.1 [--api-key KEY] [--json out.json]

``--concurrency`` clients share ``--requests`` requests. Each request is, by a seeded draw, a
plain request, a streamed one (read to ``data: [DONE]``), or a "disconnect" one: streamed with a
long ``--disconnect-max-tokens`` reply and hung up after the first content chunk (the server must
stop that generation and free its slot). A 429 (queue full) is retried after the server's
``Retry-After`` (capped by ``--retry-after-cap``, with jitter) up to ``--retries`` times.

Prints a table and, last, one line of JSON (``--json PATH`` also writes it to a file):
requests served, 429s seen, errors (5xx, other unexpected statuses, broken streams, connection
errors, timeouts), and p50/p90/p99/max latency of the served requests (the attempt that got the
200, queue wait included) and time to first content chunk of the streamed ones. The exit status
is 1 when there was any error. ``run_load`` is the same thing as a function (used by the tests).

``--spawn RUN`` starts ``python -m mindtune.cli -v serve RUN --port 0`` itself (127.0.0.1, a free
port), sends ``--warmup`` requests first, then reports the server process's resident memory before
and after the load (and its peak, sampled with the in-flight count from ``/health`` every 0.2 s)
and its log lines of cancelled replies (a hang-up must stop the generation). ``spawn_server`` and
``Sampler`` are used by tests/test_reliability_server.py and tests/test_privacy.py.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

PROMPTS = [
    "How can I sleep better before exams?",
    "I feel a bit low today and I don't know why.",
    "What are some ways to handle stress at work?",
    "My friend and I had an argument, how do I make up?",
    "Any tips for staying calm during a presentation?",
    "I keep overthinking everything at night.",
    "How do I start journaling?",
    "I moved to a new city and feel lonely.",
]


@dataclass
class Result:
    index: int
    kind: str  # plain | stream | disconnect
    status: int | None = None  # final HTTP status (None: no response)
    attempts: int = 0
    n_429: int = 0
    latency: float | None = None  # seconds of the attempt that got the final status
    ttft: float | None = None  # seconds to the first content chunk (streams)
    total: float | None = None  # seconds from the first attempt to the end, retries included
    chunks: int = 0
    error: str | None = None  # why this request counts as an error
    finish: str | None = None
    notes: list[str] = field(default_factory=list)


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100) of ``values``; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))  # ceil(q/100 * n)
    return ordered[rank - 1]


def _body(kind: str, rng: random.Random, max_tokens: int, disconnect_max_tokens: int,
          model: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "messages": [{"role": "user", "content": rng.choice(PROMPTS)}],
        "max_tokens": disconnect_max_tokens if kind == "disconnect" else max_tokens,
        "temperature": 0.7,
        "seed": rng.randrange(1 << 30),
    }
    if model:
        body["model"] = model
    if kind != "plain":
        body["stream"] = True
    return body


async def _attempt(client: httpx.AsyncClient, res: Result, body: dict[str, Any]) -> float | None:
    """One HTTP attempt; fills ``res``. Returns the Retry-After to wait for a 429, else None."""
    start = time.perf_counter()
    res.attempts += 1
    if res.kind == "plain":
        r = await client.post("/v1/chat/completions", json=body)
        res.status = r.status_code
        res.latency = time.perf_counter() - start
        if r.status_code == 200:
            data = r.json()
            res.finish = data.get("mindtune", {}).get("finish")
            if not isinstance(data["choices"][0]["message"]["content"], str):
                res.error = "reply without text"
        return _after_status(res, r)
    async with client.stream("POST", "/v1/chat/completions", json=body) as r:
        res.status = r.status_code
        if r.status_code != 200:
            await r.aread()
            res.latency = time.perf_counter() - start
            return _after_status(res, r)
        done = False
        async for line in r.aiter_lines():
            if not line.startswith("data: "):
                continue  # blank separators and ": ping" comments
            data = line[6:]
            if data == "[DONE]":
                done = True
                break
            chunk = json.loads(data)
            if "error" in chunk:
                res.error = f"error in stream: {chunk['error'].get('message')}"
                break
            res.chunks += 1
            choices = chunk.get("choices") or []
            if choices and choices[0].get("delta", {}).get("content"):
                if res.ttft is None:
                    res.ttft = time.perf_counter() - start
                if res.kind == "disconnect":
                    break  # hang up mid-reply: leaving the block closes the connection
            if "mindtune" in chunk:
                res.finish = chunk["mindtune"].get("finish")
        res.latency = time.perf_counter() - start
        if res.kind == "disconnect":
            res.notes.append("hung up" if not done else "reply ended before the hang-up")
        elif not done and res.error is None:
            res.error = "stream ended without [DONE]"
    return None


def _after_status(res: Result, r: httpx.Response) -> float | None:
    if r.status_code == 429:
        res.n_429 += 1
        try:
            return float(r.headers.get("retry-after", "1"))
        except ValueError:
            return 1.0
    if r.status_code != 200:
        res.error = f"HTTP {r.status_code}: {r.text[:200]}"
    return None


async def _one(client: httpx.AsyncClient, res: Result, body: dict[str, Any], retries: int,
               cap: float, rng: random.Random) -> None:
    first = time.perf_counter()
    try:
        while True:
            wait = await _attempt(client, res, body)
            if wait is None:
                break
            if res.n_429 > retries:
                res.error = f"still 429 after {retries} retries"
                break
            await asyncio.sleep(min(wait, cap) * rng.uniform(0.5, 1.0))
    except httpx.TimeoutException as e:
        res.error = f"timeout: {type(e).__name__}"
    except httpx.HTTPError as e:
        res.error = f"{type(e).__name__}: {e}"
    except (ValueError, KeyError, IndexError) as e:  # a body that is not what the API promises
        res.error = f"bad response: {type(e).__name__}: {e}"
    res.total = time.perf_counter() - first


async def run_load_async(url: str, requests: int = 200, concurrency: int = 32,
                         stream_fraction: float = 0.5, disconnect_fraction: float = 0.0,
                         api_key: str | None = None, max_tokens: int = 8,
                         disconnect_max_tokens: int = 512, model: str | None = None,
                         retries: int = 100, retry_after_cap: float = 2.0,
                         timeout: float = 120.0, seed: int = 0) -> dict[str, Any]:
    rng = random.Random(seed)
    kinds = []
    for _ in range(requests):
        x = rng.random()
        kinds.append("disconnect" if x < disconnect_fraction
                     else "stream" if x < disconnect_fraction + stream_fraction else "plain")
    bodies = [_body(k, rng, max_tokens, disconnect_max_tokens, model) for k in kinds]
    results = [Result(index=i, kind=k) for i, k in enumerate(kinds)]
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    todo: asyncio.Queue[int] = asyncio.Queue()
    for i in range(requests):
        todo.put_nowait(i)

    async def worker(wid: int, client: httpx.AsyncClient) -> None:
        wrng = random.Random(seed * 1000 + wid)
        while True:
            try:
                i = todo.get_nowait()
            except asyncio.QueueEmpty:
                return
            await _one(client, results[i], bodies[i], retries, retry_after_cap, wrng)

    start = time.perf_counter()
    async with httpx.AsyncClient(base_url=url.rstrip("/"), headers=headers, limits=limits,
                                 timeout=timeout) as client:
        await asyncio.gather(*(worker(w, client) for w in range(concurrency)))
    wall = time.perf_counter() - start
    return summarize(results, wall, url=url, concurrency=concurrency,
                     stream_fraction=stream_fraction, disconnect_fraction=disconnect_fraction,
                     max_tokens=max_tokens, disconnect_max_tokens=disconnect_max_tokens)


def run_load(url: str, **kw: Any) -> dict[str, Any]:
    """``run_load_async`` from synchronous code (its own event loop)."""
    return asyncio.run(run_load_async(url, **kw))


# -- a server process to test ---------------------------------------------------------------------
# Runs the CLI with the root logger at DEBUG (``--log-level debug``): every library's debug lines
# reach stderr too, which the privacy test greps.
_DEBUG_BOOT = ("import logging, sys; logging.basicConfig(level=logging.DEBUG, "
               "format='%(levelname)s %(name)s: %(message)s'); sys.argv[0] = 'mindtune'; "
               "from mindtune.cli import main; main()")
_LISTENING = re.compile(r"Uvicorn running on (http://[\w.:\[\]-]+)")
CANCELLED = re.compile(r"reply surface=(\w+) .*completion_tokens=(\d+) finish=cancelled")


def rss_bytes(pid: int) -> int:
    """Resident memory of process ``pid`` (psutil when installed, else /proc/PID/status)."""
    try:
        import psutil

        return int(psutil.Process(pid).memory_info().rss)
    except ImportError:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise RuntimeError(f"no VmRSS for process {pid}") from None


def thread_count(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/task")) if os.path.isdir(f"/proc/{pid}/task") else -1


@dataclass
class ServerProcess:
    url: str
    proc: subprocess.Popen
    stdout: Path
    stderr: Path

    @property
    def pid(self) -> int:
        return self.proc.pid

    def log(self) -> str:
        """Everything the server printed so far (stdout + stderr)."""
        return (self.stdout.read_text(errors="replace") + self.stderr.read_text(errors="replace"))


@contextlib.contextmanager
def spawn_server(target: str | None, *args: str, log_dir: str | Path, log_level: str = "info",
                 env: dict[str, str] | None = None, timeout: float = 180.0
                 ) -> Iterator[ServerProcess]:
    """``mindtune serve TARGET --port 0 ARGS`` in a subprocess on 127.0.0.1 (a free port, read
    from uvicorn's start line); stdout/stderr go to files in ``log_dir``. Stopped with SIGINT
    (SIGKILL after 20 s) on exit."""
    log_dir = Path(log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    boot = ["-c", _DEBUG_BOOT] if log_level == "debug" else ["-m", "mindtune.cli"]
    cmd = [sys.executable, *boot, "-v", "serve", *([target] if target else []),
           "--host", "127.0.0.1", "--port", "0", *args]
    out, err = log_dir / "server.stdout", log_dir / "server.stderr"
    with open(out, "wb") as fo, open(err, "wb") as fe:
        proc = subprocess.Popen(cmd, stdout=fo, stderr=fe, env={**os.environ, **(env or {})})
    server = ServerProcess("", proc, out, err)
    try:
        deadline = time.monotonic() + timeout
        while not (m := _LISTENING.search(err.read_text(errors="replace"))):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start (exit {proc.poll()}):\n"
                                   f"{server.log()[-3000:]}")
            time.sleep(0.1)
        server.url = m.group(1)
        yield server
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


class Sampler:
    """Samples a server's RSS and ``/health`` in-flight count every ``every`` seconds on a thread,
    keeping the peaks."""

    def __init__(self, url: str, pid: int, every: float = 0.2):
        self.url, self.pid, self.every = url, pid, every
        self.peak_rss = 0
        self.max_in_flight = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="load-sampler", daemon=True)

    def _run(self) -> None:
        with httpx.Client(timeout=5) as client:
            while not self._stop.is_set():
                self.peak_rss = max(self.peak_rss, rss_bytes(self.pid))
                with contextlib.suppress(httpx.HTTPError):
                    health = client.get(self.url + "/health").json()
                    self.max_in_flight = max(self.max_in_flight, health["in_flight"])
                self.samples += 1
                self._stop.wait(self.every)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join(10)


def wait_idle(url: str, timeout: float = 10.0) -> float:
    """Seconds until ``/health`` says nothing is in flight (TimeoutError after ``timeout``)."""
    start = time.monotonic()
    while httpx.get(url + "/health", timeout=5).json()["in_flight"]:
        if time.monotonic() - start > timeout:
            raise TimeoutError(f"still in flight after {timeout} s")
        time.sleep(0.05)
    return time.monotonic() - start


def measured_load(server: ServerProcess, warmup: int = 32, **kw: Any) -> dict[str, Any]:
    """``run_load`` against a spawned server, with its memory, threads and cancelled replies:
    ``warmup`` requests first (model, classifier and allocator warm), then the load."""
    if warmup:
        run_load(server.url, **{**kw, "requests": warmup, "seed": kw.get("seed", 0) + 1})
        wait_idle(server.url)
    log_before = len(CANCELLED.findall(server.log()))
    rss0, threads0 = rss_bytes(server.pid), thread_count(server.pid)
    with Sampler(server.url, server.pid) as sampler:
        summary = run_load(server.url, **kw)
    summary["drain_s"] = round(wait_idle(server.url), 2)
    time.sleep(0.3)  # the last reply's log line
    rss1, threads1 = rss_bytes(server.pid), thread_count(server.pid)
    cancelled = CANCELLED.findall(server.log())[log_before:]
    mib = 1 / 2**20
    summary["server"] = {
        "pid": server.pid, "warmup_requests": warmup,
        "rss_before_mib": round(rss0 * mib, 1), "rss_after_mib": round(rss1 * mib, 1),
        "rss_peak_mib": round(max(sampler.peak_rss, rss1) * mib, 1),
        "rss_growth_mib": round((rss1 - rss0) * mib, 1),
        "threads_before": threads0, "threads_after": threads1,
        "max_in_flight_seen": sampler.max_in_flight, "samples": sampler.samples,
        "cancelled_replies": len(cancelled),
        "cancelled_max_tokens": max((int(n) for _, n in cancelled), default=None),
    }
    return summary


def _ms(x: float | None) -> float | None:
    return None if x is None else round(1000 * x, 1)


def summarize(results: list[Result], wall: float, **params: Any) -> dict[str, Any]:
    served = [r for r in results if r.error is None and r.status == 200]
    lat = [r.latency for r in served if r.latency is not None and r.kind != "disconnect"]
    ttft = [r.ttft for r in served if r.ttft is not None and r.kind == "stream"]
    errors = [r for r in results if r.error is not None]
    statuses: dict[str, int] = {}
    for r in results:
        statuses[str(r.status)] = statuses.get(str(r.status), 0) + 1
    finishes: dict[str, int] = {}
    for r in served:
        if r.finish:
            finishes[r.finish] = finishes.get(r.finish, 0) + 1
    by_kind = {k: sum(r.kind == k for r in results) for k in ("plain", "stream", "disconnect")}
    return {
        **params,
        "requests": len(results),
        "kinds": by_kind,
        "served": len(served),
        "hung_up": sum(r.kind == "disconnect" and "hung up" in r.notes for r in served),
        "attempts": sum(r.attempts for r in results),
        "rejected_429": sum(r.n_429 for r in results),
        "errors": len(errors),
        "server_errors_5xx": sum(1 for r in results if r.status and r.status >= 500),
        "statuses": statuses,
        "finish": finishes,
        "error_samples": [f"#{r.index} {r.kind}: {r.error}" for r in errors[:10]],
        "wall_s": round(wall, 2),
        "throughput_rps": round(len(served) / wall, 2) if wall else None,
        "latency_ms": {"p50": _ms(percentile(lat, 50)), "p90": _ms(percentile(lat, 90)),
                       "p99": _ms(percentile(lat, 99)), "max": _ms(max(lat, default=None))},
        "ttft_ms": {"p50": _ms(percentile(ttft, 50)), "p99": _ms(percentile(ttft, 99))},
        "total_with_retries_ms": {
            "p50": _ms(percentile([r.total for r in served if r.total], 50)),
            "p99": _ms(percentile([r.total for r in served if r.total], 99))},
    }


def table(s: dict[str, Any]) -> str:
    rows = [
        ("requests", f"{s['requests']} ({s['kinds']['plain']} plain, {s['kinds']['stream']} "
                     f"streamed, {s['kinds']['disconnect']} hang-ups) from {s['concurrency']} "
                     "clients"),
        ("served (200)", f"{s['served']} ({s['hung_up']} hung up mid-stream)"),
        ("429 answers (retried)", str(s["rejected_429"])),
        ("errors", f"{s['errors']} (5xx: {s['server_errors_5xx']})"),
        ("latency p50 / p90 / p99 / max", " / ".join(f"{s['latency_ms'][k]} ms"
                                                     for k in ("p50", "p90", "p99", "max"))),
        ("first chunk p50 / p99 (streams)", f"{s['ttft_ms']['p50']} ms / "
                                            f"{s['ttft_ms']['p99']} ms"),
        ("with retries p50 / p99", f"{s['total_with_retries_ms']['p50']} ms / "
                                   f"{s['total_with_retries_ms']['p99']} ms"),
        ("wall time, throughput", f"{s['wall_s']} s, {s['throughput_rps']} req/s"),
        ("finish reasons", ", ".join(f"{k} {v}" for k, v in sorted(s["finish"].items()))),
    ]
    srv = s.get("server")
    if srv:
        rows += [
            ("server RSS before / after / peak", f"{srv['rss_before_mib']} / {srv['rss_after_mib']}"
                                                 f" / {srv['rss_peak_mib']} MiB (growth "
                                                 f"{srv['rss_growth_mib']} MiB)"),
            ("server threads before / after", f"{srv['threads_before']} / "
                                              f"{srv['threads_after']}"),
            ("max in flight seen (/health)", str(srv["max_in_flight_seen"])),
            ("cancelled replies (server log)", f"{srv['cancelled_replies']} (longest "
                                               f"{srv['cancelled_max_tokens']} tokens)"),
            ("in flight drained after", f"{s['drain_s']} s"),
        ]
    width = max(len(k) for k, _ in rows)
    lines = [f"{k:<{width}}  {v}" for k, v in rows]
    lines += [f"  {e}" for e in s["error_samples"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", default="http://127.0.0.1:7860", help="server base URL")
    p.add_argument("--requests", type=int, default=200)
    p.add_argument("--concurrency", type=int, default=32, help="concurrent clients")
    p.add_argument("--stream-fraction", type=float, default=0.5,
                   help="share of requests streamed to the end")
    p.add_argument("--disconnect-fraction", type=float, default=0.1,
                   help="share of requests streamed and hung up after the first chunk")
    p.add_argument("--api-key", default=None)
    p.add_argument("--model", default=None, help="model id (default: the server's)")
    p.add_argument("--max-tokens", type=int, default=8, help="reply length of normal requests")
    p.add_argument("--disconnect-max-tokens", type=int, default=512,
                   help="reply length asked by the requests that hang up")
    p.add_argument("--retries", type=int, default=100, help="429 retries per request")
    p.add_argument("--retry-after-cap", type=float, default=2.0,
                   help="longest wait honoured from Retry-After (seconds)")
    p.add_argument("--timeout", type=float, default=120.0, help="per-request timeout (seconds)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", default=None, help="also write the summary to this file")
    p.add_argument("--spawn", default=None, metavar="RUN",
                   help="start `mindtune serve RUN` on a free port of 127.0.0.1 and measure its "
                   "memory (--url is ignored)")
    p.add_argument("--warmup", type=int, default=32,
                   help="requests before the memory baseline (with --spawn)")
    a = p.parse_args(argv)
    if not 0 <= a.stream_fraction + a.disconnect_fraction <= 1:
        p.error("--stream-fraction + --disconnect-fraction must be in [0, 1]")
    kw = dict(requests=a.requests, concurrency=a.concurrency, stream_fraction=a.stream_fraction,
              disconnect_fraction=a.disconnect_fraction, api_key=a.api_key,
              max_tokens=a.max_tokens, disconnect_max_tokens=a.disconnect_max_tokens,
              model=a.model, retries=a.retries, retry_after_cap=a.retry_after_cap,
              timeout=a.timeout, seed=a.seed)
    if a.spawn:
        import tempfile

        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        with tempfile.TemporaryDirectory(prefix="mindtune-load-") as logs, \
                spawn_server(a.spawn, *(["--api-key", a.api_key] if a.api_key else []),
                             log_dir=logs) as server:
            print(f"server pid {server.pid} at {server.url}", file=sys.stderr)
            summary = measured_load(server, warmup=a.warmup, **kw)
    else:
        summary = run_load(a.url, **kw)
    print(table(summary))
    line = json.dumps(summary)
    print(line)
    if a.json:
        with open(a.json, "w") as f:
            f.write(line + "\n")
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
