"""OpenAI-compatible API: ``POST /v1/chat/completions`` (plain or SSE streaming), ``GET /v1/models``
and ``GET /health``.

Order of a request: body size (middleware) -> API key -> body parsed and checked against the input
limits -> a slot in the bounded queue (429 when full) -> the engine (safety layer first) -> a
reply generated on a worker thread that stops when the client disconnects.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hmac
import json
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from sse_starlette import EventSourceResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mindtune.engine import EngineError, GenerationSettings
from mindtune.serve.errors import APIError, unauthorized
from mindtune.serve.runtime import Generation, QueueFull, Runtime
from mindtune.serve.settings import ServerSettings
from mindtune.serve.types import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionRequest,
    Choice,
    ChunkChoice,
    Delta,
    MindtuneInfo,
    Model,
    ModelList,
    ResponseMessage,
    Usage,
)

router = APIRouter()

# engine finish reasons -> OpenAI's (the engine's own reason travels in the mindtune field)
FINISH = {"stop": "stop", "length": "length", "crisis": "stop", "safety": "content_filter",
          "cancelled": "stop"}


def runtime(request: Request) -> Runtime:
    return request.app.state.runtime


async def require_api_key(request: Request) -> None:
    key = runtime(request).settings.api_key
    if not key:
        return
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), key.encode()):
        raise unauthorized()


# -- request checks ------------------------------------------------------------------------------
def parse_request(raw: bytes) -> ChatCompletionRequest:
    try:
        return ChatCompletionRequest.model_validate_json(raw)
    except ValidationError as e:
        errors = [{**err, "loc": ("body", *err.get("loc", ()))} for err in e.errors()]
        raise RequestValidationError(errors) from None


def check_limits(req: ChatCompletionRequest, s: ServerSettings) -> list[dict[str, str]]:
    """The conversation as engine messages, or a 4xx APIError naming the limit."""
    if req.n != 1:
        raise APIError(400, "only n=1 is supported", param="n", code="unsupported_value")
    if len(req.messages) > s.max_messages:
        raise APIError(400, f"{len(req.messages)} messages; the limit is {s.max_messages} per "
                       "request (send fewer earlier turns)", param="messages",
                       code="too_many_messages")
    messages, total = [], 0
    for i, m in enumerate(req.messages):
        text = m.text()
        if len(text) > s.max_message_chars:
            raise APIError(413, f"messages[{i}] has {len(text)} characters; the limit is "
                           f"{s.max_message_chars}", param=f"messages.{i}.content",
                           code="message_too_long")
        if m.role == "system" and i != 0:
            raise APIError(400, "a system message may only come first",
                           param=f"messages.{i}.role", code="invalid_value")
        total += len(text)
        messages.append({"role": m.role, "content": text})
    if total > s.max_total_chars:
        raise APIError(413, f"the messages have {total} characters together; the limit is "
                       f"{s.max_total_chars}", param="messages", code="request_too_long")
    if messages[-1]["role"] != "user" or not messages[-1]["content"].strip():
        raise APIError(400, "the last message must be a non-empty user message",
                       param="messages", code="invalid_value")
    wanted = req.reply_tokens
    if wanted is not None and wanted > s.max_tokens_limit:
        param = "max_completion_tokens" if req.max_completion_tokens else "max_tokens"
        raise APIError(400, f"{param}={wanted} is over this server's limit of "
                       f"{s.max_tokens_limit}", param=param, code="max_tokens_too_large")
    return messages


def generation_settings(req: ChatCompletionRequest, s: ServerSettings) -> GenerationSettings:
    given = {"temperature": req.temperature, "top_p": req.top_p, "top_k": req.top_k,
             "repetition_penalty": req.repetition_penalty, "seed": req.seed}
    return dataclasses.replace(GenerationSettings(), **{k: v for k, v in given.items()
                                                        if v is not None},
                               max_new_tokens=req.reply_tokens or s.default_max_tokens)


# -- routes --------------------------------------------------------------------------------------
@router.get("/health")
async def health(request: Request) -> dict[str, Any]:
    rt = runtime(request)
    return {"status": "ok", "model": rt.model_id, "base_model": rt.base_id,
            "base_loaded": rt.base_loaded, "in_flight": rt.admission.in_flight,
            "max_in_flight": rt.admission.limit}


@router.get("/v1/models", dependencies=[Depends(require_api_key)])
async def list_models(request: Request) -> dict[str, Any]:
    rt = runtime(request)
    data = [Model(id=i, created=rt.created) for i in rt.model_ids()]
    return ModelList(data=data).model_dump()


@router.post("/v1/chat/completions", dependencies=[Depends(require_api_key)])
async def chat_completions(request: Request) -> Any:
    rt = runtime(request)
    req = parse_request(await request.body())
    messages = check_limits(req, rt.settings)
    try:
        gen_settings = generation_settings(req, rt.settings).validate()
    except EngineError as e:
        raise APIError(400, str(e), code="invalid_value") from None
    try:
        engine = await run_in_threadpool(rt.engine_for, req.model)
    except LookupError:
        raise APIError(404, f"model {req.model!r} not found; available: "
                       f"{', '.join(rt.model_ids())}", param="model",
                       code="model_not_found") from None
    try:
        gen = await run_in_threadpool(rt.generate, engine, messages, gen_settings, "api")
    except QueueFull as e:
        raise APIError(429, str(e), code="queue_full", headers={"Retry-After": "2"}) from None
    except EngineError as e:
        code = "context_length_exceeded" if "too long" in str(e) else "invalid_value"
        raise APIError(400, str(e), param="messages", code=code) from None
    gen.start_async()
    meta = {"id": f"chatcmpl-{uuid.uuid4().hex[:24]}", "created": int(time.time()),
            "model": getattr(engine, "name", rt.model_id)}
    if req.stream:
        include_usage = bool(req.stream_options and req.stream_options.include_usage)
        return EventSourceResponse(_sse(gen, meta, include_usage), sep="\n", ping=15)
    return await _complete(request, gen, meta)


@router.api_route("/v1/{path:path}", methods=["GET", "POST", "PUT", "DELETE", "PATCH"],
                  include_in_schema=False)
async def not_found(path: str) -> None:
    raise APIError(404, f"unknown endpoint /v1/{path} (served: /v1/chat/completions, "
                   "/v1/models)", code="not_found")


# -- responses -----------------------------------------------------------------------------------
def _info(gen: Generation) -> MindtuneInfo:
    comp = gen.comp
    decision = comp.decision.to_dict() if comp.decision is not None else None
    return MindtuneInfo(finish=comp.finish_reason, decision=decision,
                        dropped_messages=comp.dropped_turns)


def _usage(gen: Generation) -> Usage:
    c = gen.comp
    return Usage(prompt_tokens=c.prompt_tokens, completion_tokens=c.completion_tokens,
                 total_tokens=c.prompt_tokens + c.completion_tokens)


async def _watch_disconnect(request: Request, gen: Generation) -> None:
    while not gen.cancel.is_set():
        if await request.is_disconnected():
            gen.cancel.set()
            return
        await asyncio.sleep(0.2)


async def _complete(request: Request, gen: Generation, meta: dict[str, Any]) -> dict[str, Any]:
    watcher = asyncio.create_task(_watch_disconnect(request, gen))
    try:
        text = await gen.text()
    except Exception as e:
        raise APIError(500, f"generation failed: {type(e).__name__}", code="server_error") from e
    finally:
        watcher.cancel()
    choice = Choice(message=ResponseMessage(content=text),
                    finish_reason=FINISH.get(gen.comp.finish_reason, "stop"))
    return ChatCompletion(choices=[choice], usage=_usage(gen), mindtune=_info(gen),
                          **meta).model_dump()


def _chunk(meta: dict[str, Any], delta: Delta | None, finish: str | None = None,
           **extra: Any) -> str:
    choices = [] if delta is None else [ChunkChoice(delta=delta, finish_reason=finish)]
    body = ChatCompletionChunk(choices=choices, **meta, **extra).model_dump(exclude_none=True)
    for c in body["choices"]:
        c.setdefault("finish_reason", None)
    return json.dumps(body, ensure_ascii=False)


async def _sse(gen: Generation, meta: dict[str, Any], include_usage: bool
               ) -> AsyncIterator[str]:
    """OpenAI's chunk sequence: role, content deltas, finish (+ mindtune), [usage], [DONE].
    A client that disconnects cancels this generator, which sets the reply's cancel event."""
    yield _chunk(meta, Delta(role="assistant", content=""))
    try:
        async for piece in gen.stream():
            yield _chunk(meta, Delta(content=piece))
    except Exception as e:
        err = APIError(500, f"generation failed: {type(e).__name__}", code="server_error")
        yield json.dumps(err.body())
        yield "[DONE]"
        return
    yield _chunk(meta, Delta(), FINISH.get(gen.comp.finish_reason, "stop"), mindtune=_info(gen))
    if include_usage:
        yield _chunk(meta, None, usage=_usage(gen))
    yield "[DONE]"


# -- body size -----------------------------------------------------------------------------------
class BodyLimit:
    """ASGI middleware: a request body under ``prefix`` over ``limit`` bytes is answered 413
    before anything parses it (chunked bodies are counted while read)."""

    def __init__(self, app: ASGIApp, limit: int, prefix: str = "/v1"):
        self.app = app
        self.limit = limit
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await self._too_large(scope, receive, send)
            return
        body, more = b"", True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.limit:
                await self._too_large(scope, receive, send)
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        err = APIError(413, f"request body over {self.limit} bytes", code="request_too_large")
        await err.response()(scope, receive, send)
