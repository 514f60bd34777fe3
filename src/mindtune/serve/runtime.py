"""What the web page and the API share: the engines, the bounded request queue, the optional
conversation log, and replies generated on worker threads.

A reply runs on its own thread and hands chunks to its consumer (a web handler or an SSE stream),
so a consumer that goes away only has to set ``cancel``: the engine stops at the next token, the
engine's lock is released and the queue slot is freed, whoever is still listening.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import queue
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

from mindtune.engine import GenerationSettings
from mindtune.serve.settings import ServerSettings

log = logging.getLogger("mindtune.serve")
_END = object()


class QueueFull(RuntimeError):
    """More requests than the queue holds."""


class Admission:
    """Counts requests admitted at once (the one generating plus those waiting for the model)."""

    def __init__(self, limit: int):
        self.limit = limit
        self.in_flight = 0
        self._lock = threading.Lock()

    def enter(self) -> None:
        with self._lock:
            if self.in_flight >= self.limit:
                raise QueueFull(f"server busy: {self.in_flight} requests in progress or waiting "
                                f"(limit {self.limit}); retry shortly")
            self.in_flight += 1

    def leave(self) -> None:
        with self._lock:
            self.in_flight = max(0, self.in_flight - 1)


class ConversationLog:
    """Append-only JSONL of whole conversations; the file is created owner-only (0o600)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:  # an existing file keeps its mode on open: make it owner-only too
            if os.fstat(fd).st_mode & 0o077 and hasattr(os, "fchmod"):
                log.warning("%s was readable by others; made it owner-only (0600)", self.path)
                os.fchmod(fd, 0o600)
        finally:
            os.close(fd)
        self._lock = threading.Lock()

    def write(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self._lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line.encode("utf-8"))
            finally:
                os.close(fd)


class Generation:
    """One reply generated on a worker thread. Iterate it (threads) or ``async for`` over
    ``stream()`` (event loop); stopping early sets ``cancel``, which stops the engine."""

    def __init__(self, runtime: Runtime, engine: Any, messages: list[dict[str, str]],
                 settings: GenerationSettings, surface: str):
        self.runtime = runtime
        self.engine = engine
        self.messages = messages
        self.surface = surface
        self.cancel = threading.Event()
        self.error: BaseException | None = None
        self.started = time.monotonic()
        runtime.admission.enter()  # QueueFull before any work
        try:
            self.comp = engine.chat(messages, settings, self.cancel)  # EngineError: bad request
        except BaseException:
            runtime.admission.leave()
            raise
        self._push: Callable[[Any], None] = lambda item: None
        self._aqueue: asyncio.Queue[Any] | None = None
        self._thread = threading.Thread(target=self._run, name="mindtune-reply", daemon=True)

    # -- producer -------------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            for chunk in self.comp:
                self._push(chunk)
        except BaseException as e:  # reported to the consumer
            self.error = e
            log.exception("generation failed")
        finally:
            self.runtime.admission.leave()
            self.runtime.finished(self)
            self._push(_END)

    # -- consumers ------------------------------------------------------------------------------
    def _start(self, push: Callable[[Any], None]) -> None:
        if self._thread.is_alive() or self._thread.ident is not None:
            raise RuntimeError("a Generation is consumed once")
        self._push = push
        self._thread.start()

    def start_async(self) -> asyncio.Queue[Any]:
        """Start generating now, handing chunks to this event loop (call it in the handler, so
        the reply runs and frees its queue slot even if the response never starts)."""
        loop = asyncio.get_running_loop()
        q: asyncio.Queue[Any] = asyncio.Queue()

        def push(item: Any) -> None:
            try:
                loop.call_soon_threadsafe(q.put_nowait, item)
            except RuntimeError:  # event loop closed: nobody is listening any more
                self.cancel.set()

        self._aqueue = q
        self._start(push)
        return q

    def __iter__(self) -> Iterator[str]:
        q: queue.Queue[Any] = queue.Queue()
        self._start(q.put)
        try:
            while (item := q.get()) is not _END:
                yield item
        finally:
            self.cancel.set()  # consumer left early (or done: then it changes nothing)
        if self.error is not None:
            raise self.error

    async def stream(self) -> AsyncIterator[str]:
        q = self._aqueue if self._aqueue is not None else self.start_async()
        try:
            while (item := await q.get()) is not _END:
                yield item
        finally:
            self.cancel.set()
        if self.error is not None:
            raise self.error

    async def text(self) -> str:
        return "".join([chunk async for chunk in self.stream()])


class Runtime:
    """Engines (the base one loaded on first use), queue, and the optional conversation log."""

    def __init__(self, settings: ServerSettings, engine: Any,
                 base_loader: Callable[[], Any] | None = None, base_engine: Any = None):
        self.settings = settings
        self.engine = engine
        self._base = base_engine
        self._base_loader = base_loader
        self._base_lock = threading.Lock()
        self.admission = Admission(settings.max_in_flight)
        self.log = ConversationLog(settings.log_conversations) if settings.log_conversations \
            else None
        self.created = int(time.time())

    # -- models ---------------------------------------------------------------------------------
    @property
    def model_id(self) -> str:
        return str(getattr(self.engine, "name", "model"))

    @property
    def base_id(self) -> str | None:
        if self._base is not None:
            return str(getattr(self._base, "name", f"{self.model_id}-base"))
        return f"{self.model_id}-base" if self._base_loader is not None else None

    @property
    def base_loaded(self) -> bool:
        return self._base is not None

    def base_engine(self) -> Any:
        """The base model without the adapter, loaded the first time it is asked for."""
        with self._base_lock:
            if self._base is None:
                if self._base_loader is None:
                    raise LookupError("no base model: the server was not started on a run")
                log.info("loading the base model (first use)")
                self._base = self._base_loader()
            return self._base

    def engine_for(self, model: str | None) -> Any:
        if not model or model == self.model_id:
            return self.engine
        if model == self.base_id:
            return self.base_engine()
        raise LookupError(model)

    def model_ids(self) -> list[str]:
        return [self.model_id] + ([self.base_id] if self.base_id else [])

    # -- replies --------------------------------------------------------------------------------
    def generate(self, engine: Any, messages: list[dict[str, str]],
                 settings: GenerationSettings, surface: str) -> Generation:
        """Admit and start preparing a reply (raises QueueFull or EngineError)."""
        return Generation(self, engine, messages, settings, surface)

    def finished(self, gen: Generation) -> None:
        """Account for a finished reply: a log line without any message text, and the full
        conversation only when --log-conversations was given."""
        comp = gen.comp
        decision = comp.decision
        label = getattr(decision, "label", None)
        log.info("reply surface=%s model=%s messages=%d prompt_tokens=%d completion_tokens=%d "
                 "finish=%s safety=%s seconds=%.2f", gen.surface, getattr(gen.engine, "name", "?"),
                 len(gen.messages), comp.prompt_tokens, comp.completion_tokens,
                 comp.finish_reason or ("error" if gen.error else "?"), label,
                 time.monotonic() - gen.started)
        if self.log is None:
            return
        try:
            self.log.write({
                "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "surface": gen.surface,
                "model": getattr(gen.engine, "name", None),
                "messages": gen.messages,
                "reply": comp.text,
                "finish_reason": comp.finish_reason,
                "safety": decision.to_dict() if decision is not None else None,
            })
        except OSError as e:
            log.error("cannot write the conversation log: %s", e)
