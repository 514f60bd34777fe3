"""Batched generation for a server: requests that wait for the model at the same time are
decoded together in one ``generate`` call instead of one after another.

The Engine hands each request's prompt ids, settings, text streamer and cancel flag to
:class:`Batcher`; one worker thread owns the model. It takes the oldest waiting request plus
every other waiting request with the same sampling settings (up to ``max_batch``), left-pads
their prompts into one batch (B, T) with an attention mask, and runs ``model.generate`` once.
A :class:`_RowStreamer` hands each row's new tokens to that request's own streamer, so the
Engine's consumer code (stop strings, reply safety check, cancel) is the same with or without
batching. A row stops on its own end-of-turn token, stop string, token budget or cancel; the
batch ends when every row has. A request that waits alone runs through the Engine's usual
single-request path (``--fast``'s StaticDecoder included).

Requests with a ``seed`` always run alone: a seeded sample must not depend on its neighbours.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch


@dataclass
class Request:
    ids: list[int]
    settings: Any  # engine.GenerationSettings
    streamer: Any  # transformers.TextIteratorStreamer of this request
    cancel: threading.Event
    out: dict[str, Any] = field(default_factory=dict)  # "ids" (1, T + new) or "error"
    done: threading.Event = field(default_factory=threading.Event)

    def key(self) -> tuple:
        """Requests with equal keys can share a batch."""
        s = self.settings
        if s.seed is not None:
            return ("alone", id(self))
        if s.temperature < 1e-3:
            return ("greedy", s.repetition_penalty)
        return ("sample", s.temperature, s.top_p, s.top_k, s.repetition_penalty)


class _RowStreamer:
    """A transformers streamer for a batch: row ``i``'s tokens go to ``streamers[i]``; a row's
    streamer is ended as soon as the row is finished (the batch may go on)."""

    def __init__(self, streamers: list[Any], stop_ids: list[int]):
        self.streamers = streamers
        self.stop_ids = set(stop_ids)
        self.finished = [False] * len(streamers)
        self._prompt = True

    def put(self, value: torch.Tensor) -> None:
        if self._prompt:  # the first call carries the prompts: nothing to show
            self._prompt = False
            return
        toks = value.reshape(len(self.streamers), -1)[:, -1].tolist()  # (B,)
        for i, tok in enumerate(toks):
            if self.finished[i]:
                continue
            if tok in self.stop_ids:
                self.finish(i)
                continue
            self.streamers[i].put(torch.tensor([tok]))

    def finish(self, i: int) -> None:
        if not self.finished[i]:
            self.finished[i] = True
            self.streamers[i].end()

    def end(self) -> None:
        for i in range(len(self.streamers)):
            self.finish(i)


class _RowStop:
    """StoppingCriteria: a row is done when its request is cancelled or has its token budget."""

    def __init__(self, reqs: list[Request], prompt_len: int):
        self.reqs, self.prompt_len = reqs, prompt_len

    def __call__(self, input_ids: torch.Tensor, scores: torch.Tensor, **kw: Any) -> torch.Tensor:
        n_new = input_ids.shape[1] - self.prompt_len
        done = [r.cancel.is_set() or n_new >= r.settings.max_new_tokens for r in self.reqs]
        return torch.tensor(done, dtype=torch.bool, device=input_ids.device)


class Batcher:
    """One worker thread that owns the engine's model and decodes waiting requests together.

    ``run_one(req)`` is the engine's single-request path; ``gen_kwargs(reqs, input_ids,
    attention_mask, streamer, stop)`` builds ``generate``'s arguments for a batch."""

    def __init__(self, model: Any, pad_id: int, stop_ids: list[int],
                 run_one: Callable[[Request], None],
                 gen_kwargs: Callable[..., dict[str, Any]], max_batch: int = 16,
                 wait_s: float = 0.02):
        if max_batch < 2:
            raise ValueError("max_batch must be >= 2")
        self.model, self.pad_id, self.stop_ids = model, pad_id, list(stop_ids)
        self.run_one, self.gen_kwargs = run_one, gen_kwargs
        self.max_batch, self.wait_s = max_batch, wait_s
        self.largest_batch = 0  # for tests and /health-style reporting
        self._q: queue.Queue[Request] = queue.Queue()
        self._held: list[Request] = []  # taken from the queue, other settings: next batches
        self._thread = threading.Thread(target=self._loop, name="mindtune-batcher", daemon=True)
        self._thread.start()

    def submit(self, req: Request) -> Request:
        self._q.put(req)
        return req

    def _take(self) -> list[Request]:
        """The oldest waiting request and up to ``max_batch - 1`` others with its settings;
        requests with other settings stay held for the next batches, in order."""
        first = self._held.pop(0) if self._held else self._q.get()
        key = first.key()
        # A short wait lets requests that arrive together start together: 16 clients at once
        # reach the worker over ~10 ms (HTTP parsing, the safety check of each message); with
        # 5 ms the first one often ran alone while the other 15 waited for it (H100 run).
        try:
            while sum(r.key() == key for r in self._held) < self.max_batch - 1:
                self._held.append(self._q.get(timeout=self.wait_s))
        except queue.Empty:
            pass
        same = [r for r in self._held if r.key() == key][: self.max_batch - 1]
        for r in same:
            self._held.remove(r)
        return [first, *same]

    def _loop(self) -> None:
        while True:
            batch = self._take()
            live = [r for r in batch if not r.cancel.is_set()]
            for r in batch:
                if r not in live:
                    r.streamer.end()
                    r.out["ids"] = torch.tensor([r.ids])
            try:
                if len(live) == 1:
                    self.run_one(live[0])
                elif live:
                    self._run_batch(live)
            except BaseException as e:  # noqa: BLE001 - surfaced in each consumer thread
                for r in live:
                    r.out.setdefault("error", e)
                    r.streamer.end()
            finally:
                for r in batch:
                    r.done.set()

    def _run_batch(self, reqs: list[Request]) -> None:
        self.largest_batch = max(self.largest_batch, len(reqs))
        width = max(len(r.ids) for r in reqs)
        dev = self.model.device
        # left padding: every row's next token is at the same position of the batch
        ids = torch.full((len(reqs), width), self.pad_id, dtype=torch.long, device=dev)  # (B, T)
        mask = torch.zeros_like(ids)
        for i, r in enumerate(reqs):
            ids[i, width - len(r.ids):] = torch.tensor(r.ids, device=dev)
            mask[i, width - len(r.ids):] = 1
        # a finished row is filled with the pad id: never shown, never counted
        streamer = _RowStreamer([r.streamer for r in reqs], self.stop_ids + [self.pad_id])
        kwargs = self.gen_kwargs(reqs, ids, mask, streamer, _RowStop(reqs, width))
        try:
            with torch.inference_mode():
                seqs = self.model.generate(**kwargs)  # (B, T + new)
        finally:
            streamer.end()
        for i, r in enumerate(reqs):
            new = seqs[i, width:].tolist()
            # what this row produced: up to its end-of-turn token (counted, as generate
            # counts it for one request), its padding or its budget
            cut = next((j + (t in self.stop_ids) for j, t in enumerate(new)
                        if t in streamer.stop_ids), len(new))
            cut = min(cut, r.settings.max_new_tokens)
            r.out["ids"] = torch.tensor([r.ids + new[:cut]])
