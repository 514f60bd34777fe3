"""Fast batch-1 decoding for chat on a GPU: the Engine's `--fast` path.

`model.generate` spends ~4 ms per token on an H100 outside the model (logits processors,
stopping criteria, a host sync and a streamer decode per token) -- as long as the 7B model's
forward pass itself. StaticDecoder keeps only what a chat turn needs:

- a static KV cache of `max_len` positions and static token/position buffers, so every decode
  step has the same shapes and addresses: the step (Inductor kernels) is captured once in a
  CUDA graph and each token costs one `replay()`;
- the repetition penalty and the greedy choice inside that step; sampling (temperature, top-k,
  top-p) on the device right after it, with the arithmetic of transformers' processors, so
  greedy output equals `generate`'s;
- one host sync every `sync_every` tokens: the stop ids are checked and the streamer fed in
  small groups (at most `sync_every - 1` steps are computed past a stop and dropped);
- one persistent worker thread, so requests never race on the static buffers (and the
  `reduce-overhead` fallback's CUDA-graph trees, which are per thread, keep working).

On a CPU it runs the same loop eagerly (no compile); tests compare it to `generate` there.
"""

from __future__ import annotations

import concurrent.futures
import queue
import threading
from typing import Any

import torch


class StaticDecoder:
    def __init__(self, model: Any, max_len: int = 2048, compile: bool | None = None,
                 sync_every: int = 4, compile_mode: str = "max-autotune-no-cudagraphs"):
        self.model = model.eval()
        self.max_len = max_len
        self.compile = model.device.type == "cuda" if compile is None else compile
        self.sync_every = max(1, sync_every)
        # Inductor mode of the captured step: autotuned Triton GEMVs measured 7% faster than the
        # default kernels on an H100 (6.18 vs 6.66 ms per Falcon-7B step), for ~1 more minute
        # of warm-up (docs/perf-notes.md, generation run 6)
        self.compile_mode = compile_mode
        self.vocab = model.get_output_embeddings().weight.shape[0]
        self._cache: Any = None
        self._run: Any = None
        self.mode = "eager"  # or "cuda-graph" / "reduce-overhead" once set up on a GPU
        self._jobs: queue.Queue = queue.Queue()
        threading.Thread(target=self._worker, daemon=True, name="mindtune-decoder").start()

    # -- public ---------------------------------------------------------------------------------
    def generate(self, ids: list[int], settings: Any, stop_ids: list[int], streamer: Any = None,
                 cancel: threading.Event | None = None, min_new_tokens: int = 0) -> torch.Tensor:
        """Prompt + reply ids, (1, T + n) like `generate`; blocks until the reply is done.
        `settings` is the Engine's GenerationSettings (temperature 0 = greedy)."""
        if len(ids) + settings.max_new_tokens > self.max_len:
            raise ValueError(f"prompt ({len(ids)}) + max_new_tokens ({settings.max_new_tokens}) "
                             f"exceed the decoder's static cache ({self.max_len} tokens)")
        fut: concurrent.futures.Future = concurrent.futures.Future()
        self._jobs.put((fut, (ids, settings, stop_ids, streamer, cancel or threading.Event(),
                              min_new_tokens)))
        return fut.result()

    def warmup(self, ids: list[int], tokens: int = 8) -> None:
        """Compile and capture the decode step now (tens of seconds for a 7B model on a GPU)
        instead of in the first user's request."""
        from mindtune.engine import GenerationSettings

        for _ in range(2):  # reduce-overhead records on the first calls, replays after
            self.generate(ids, GenerationSettings(temperature=0, max_new_tokens=tokens), [])

    # -- worker thread --------------------------------------------------------------------------
    def _worker(self) -> None:
        while True:
            fut, args = self._jobs.get()
            try:
                fut.set_result(self._decode(*args))
            except BaseException as e:  # handed to the caller's thread
                fut.set_exception(e)

    def _setup(self) -> None:
        from transformers import StaticCache

        dev = self.model.device
        self._cache = StaticCache(config=self.model.config, max_cache_len=self.max_len)
        # static buffers: a decode step reads and writes only these, so it can be replayed
        self._tok = torch.zeros((1, 1), dtype=torch.long, device=dev)  # (1, 1) last token
        self._pos = torch.zeros((1,), dtype=torch.long, device=dev)  # (1,) its position
        self._seen = torch.zeros((1, self.vocab), dtype=torch.bool, device=dev)  # (1, V)
        self._penalty = torch.ones((), device=dev)
        self._run = self._step
        if self.compile:
            self._run = self._capture()

    def _step(self) -> torch.Tensor:
        """One decode step on the static buffers: the greedy next token goes into `_tok` and
        `_pos` moves on; returns the penalized logits (1, V) for sampling."""
        out = self.model(input_ids=self._tok, past_key_values=self._cache,
                         cache_position=self._pos, use_cache=True)
        logits = _penalize(out.logits[:, -1, :], self._seen, self._penalty)  # (1, V) fp32
        self._tok.copy_(logits.argmax(-1, keepdim=True))
        self._pos.add_(1)
        return logits

    def _capture(self) -> Any:
        """Inductor kernels for the step, captured in one CUDA graph: a token then costs one
        `replay()` (~tens of microseconds of Python) instead of a compiled call's guards and
        cudagraph-tree bookkeeping (~2 ms measured). Falls back to torch.compile's own CUDA
        graphs (`reduce-overhead`) when the capture fails."""
        import logging

        import torch._inductor.config as inductor_config

        fn = torch.compile(self._step, mode=self.compile_mode)
        try:
            side = torch.cuda.Stream()
            side.wait_stream(torch.cuda.current_stream())
            with torch.cuda.stream(side), inductor_config.patch(
                    coordinate_descent_tuning=self.compile_mode.startswith("max-autotune")):
                for _ in range(3):  # compile, then settle allocations outside the capture
                    fn()
            torch.cuda.current_stream().wait_stream(side)
            graph = torch.cuda.CUDAGraph()
            with torch.cuda.graph(graph):
                logits = fn()
            self.mode = "cuda-graph"

            def replay() -> torch.Tensor:
                graph.replay()
                return logits
            return replay
        except Exception as e:  # noqa: BLE001  (an op that syncs the host, an unsupported kernel)
            logging.getLogger(__name__).warning("CUDA-graph capture failed (%s); using "
                                                "torch.compile(mode='reduce-overhead')", e)
            self.mode = "reduce-overhead"
            compiled = torch.compile(self._step, mode="reduce-overhead")

            def call() -> torch.Tensor:
                torch.compiler.cudagraph_mark_step_begin()
                return compiled()
            return call

    @torch.inference_mode()
    def _decode(self, ids: list[int], s: Any, stop_ids: list[int], streamer: Any,
                cancel: threading.Event, min_new_tokens: int) -> torch.Tensor:
        if self._cache is None:
            self._setup()
        self._cache.reset()
        dev = self.model.device
        gen = torch.Generator(device=dev)
        if s.seed is not None:
            gen.manual_seed(s.seed)
        else:
            gen.seed()
        greedy = s.temperature < 1e-3  # the Engine's rule: a tinier temperature is greedy
        prompt = torch.tensor([ids], device=dev)  # (1, T)
        if streamer is not None:
            streamer.put(prompt.cpu())  # generate() streams the prompt first; skip_prompt drops it
        self._penalty.fill_(s.repetition_penalty)
        self._seen.zero_()
        self._seen[0, prompt[0]] = True
        logits = self.model(input_ids=prompt, past_key_values=self._cache, use_cache=True,
                            cache_position=torch.arange(len(ids), device=dev)).logits[:, -1, :]
        self._tok.copy_(_select(_penalize(logits, self._seen, self._penalty), s, gen))
        self._pos.fill_(len(ids))
        reply: list[int] = []
        pending: list[torch.Tensor] = []
        stops = set(stop_ids)
        while True:
            self._seen.scatter_(1, self._tok, True)
            pending.append(self._tok.clone())
            done = len(reply) + len(pending) >= s.max_new_tokens
            if len(pending) >= self.sync_every or done:
                new = torch.cat(pending, dim=1)[0].tolist()  # the one host sync per group
                pending = []
                for i, t in enumerate(new):
                    if t in stops and len(reply) + i + 1 > min_new_tokens:
                        new, done = new[: i + 1], True
                        break
                reply += new
                if streamer is not None:
                    streamer.put(torch.tensor(new))
                if done or cancel.is_set():
                    break
            logits = self._run()  # greedy token already in _tok
            if not greedy:
                self._tok.copy_(_select(logits, s, gen))
        if streamer is not None:
            streamer.end()
        return torch.tensor([ids + reply])


def _penalize(logits: torch.Tensor, seen: torch.Tensor, penalty: torch.Tensor) -> torch.Tensor:
    """transformers' repetition penalty on every id seen (prompt included): (1, V) -> fp32."""
    logits = logits.float()
    return torch.where(seen, torch.where(logits < 0, logits * penalty, logits / penalty), logits)


def _select(logits: torch.Tensor, s: Any, gen: torch.Generator) -> torch.Tensor:
    """Next token (1, 1) from penalized logits (1, V): argmax, or temperature, top-k, top-p and a
    draw, in the order of transformers' warpers."""
    if s.temperature < 1e-3:
        return logits.argmax(-1, keepdim=True)
    logits = logits / s.temperature
    if s.top_k > 0:
        kth = torch.topk(logits, min(s.top_k, logits.shape[-1])).values[:, -1:]
        logits = logits.masked_fill(logits < kth, float("-inf"))
    if s.top_p < 1.0:
        sorted_logits, order = torch.sort(logits, descending=False)
        drop = sorted_logits.softmax(-1).cumsum(-1) <= 1 - s.top_p
        drop[..., -1:] = False  # always keep the most likely token
        logits = logits.masked_fill(drop.scatter(1, order, drop), float("-inf"))
    return torch.multinomial(logits.softmax(-1), 1, generator=gen)


