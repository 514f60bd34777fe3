"""The OpenAI-compatible API, through the official ``openai`` client against a live uvicorn server
(one per module, on a free port of 127.0.0.1) over the tiny fine-tuned run."""

from __future__ import annotations

import json
import logging
import os
import stat
import threading
import time
from collections.abc import Iterator

import httpx
import openai
import pytest

from mindtune.engine import Completion, GenerationSettings
from mindtune.serve.app import create_app, serve_in_thread
from mindtune.serve.runtime import Runtime
from mindtune.serve.settings import ServerSettings

KEY = "test-key-123"
CRISIS = "I want to kill myself tonight"
LIMITS = dict(max_queue=1, max_messages=8, max_message_chars=500, max_total_chars=1000,
              max_tokens_limit=64, default_max_tokens=16, max_body_bytes=20_000)


@pytest.fixture(scope="module")
def server(tiny_run, tiny_engine) -> Iterator[tuple[str, Runtime]]:
    settings = ServerSettings(target=str(tiny_run), api_key=KEY, **LIMITS)
    app = create_app(settings, engine=tiny_engine)
    with serve_in_thread(app) as url:
        yield url, app.state.runtime


@pytest.fixture()
def client(server) -> openai.OpenAI:
    return openai.OpenAI(base_url=server[0] + "/v1", api_key=KEY, max_retries=0, timeout=60)


def user(text: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": text}]


def test_health_and_models(server, client, tiny_engine):
    url, _ = server
    health = httpx.get(url + "/health").json()  # no key needed
    assert health["status"] == "ok" and health["model"] == tiny_engine.name
    assert health["max_in_flight"] == 2 and health["base_loaded"] is False
    ids = [m.id for m in client.models.list().data]
    assert ids == [tiny_engine.name, f"{tiny_engine.name}-base"]


def test_chat_completion(client, tiny_engine):
    r = client.chat.completions.create(model=tiny_engine.name, max_tokens=8,
                                       messages=user("How can I sleep better?"))
    assert r.object == "chat.completion" and r.model == tiny_engine.name
    assert r.choices[0].message.role == "assistant"
    assert isinstance(r.choices[0].message.content, str)
    assert r.choices[0].finish_reason in ("stop", "length")
    assert r.usage.prompt_tokens > 0 and 0 < r.usage.completion_tokens <= 8
    assert r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens
    info = r.model_extra["mindtune"]
    assert info["decision"]["label"] == "benign" and info["finish"] in ("stop", "length")


def test_greedy_streaming_equals_non_streaming(server, client, tiny_engine):
    kw = dict(model=tiny_engine.name, temperature=0, max_tokens=16,
              messages=user("What is anxiety?"), extra_body={"repetition_penalty": 2.0})
    whole = client.chat.completions.create(**kw).choices[0].message.content
    chunks = list(client.chat.completions.create(stream=True,
                                                 stream_options={"include_usage": True}, **kw))
    assert chunks[0].choices[0].delta.role == "assistant"
    pieces = [c.choices[0].delta.content for c in chunks if c.choices and c.choices[0].delta.content]
    assert len(pieces) > 2  # streamed in pieces, not one block
    assert "".join(pieces) == whole and whole.strip()
    finish = [c for c in chunks if c.choices and c.choices[0].finish_reason]
    assert len(finish) == 1 and finish[0].choices[0].finish_reason == "length"
    assert finish[0].model_extra["mindtune"]["finish"] == "length"
    assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens == 16
    # the raw wire format: SSE data lines ending with [DONE]
    body = {"model": tiny_engine.name, "messages": user("hi"), "max_tokens": 4, "stream": True}
    with httpx.stream("POST", server[0] + "/v1/chat/completions", json=body,
                      headers={"Authorization": f"Bearer {KEY}"}) as resp:
        assert resp.headers["content-type"].startswith("text/event-stream")
        lines = [x for x in resp.iter_lines() if x and not x.startswith(":")]
    assert all(x.startswith("data: ") for x in lines) and lines[-1] == "data: [DONE]"
    assert json.loads(lines[0][6:])["object"] == "chat.completion.chunk"


def test_crisis_message_gets_crisis_reply_without_the_model(client, tiny_engine, monkeypatch):
    calls = []
    monkeypatch.setattr(tiny_engine.model, "generate", lambda *a, **k: calls.append(1))
    r = client.chat.completions.create(model=tiny_engine.name, messages=user(CRISIS))
    assert "988" in r.choices[0].message.content
    assert r.choices[0].finish_reason == "stop"
    info = r.model_extra["mindtune"]
    assert info["finish"] == "crisis" and info["decision"]["label"] == "crisis"
    chunks = list(client.chat.completions.create(model=tiny_engine.name, stream=True,
                                                 messages=user(CRISIS)))
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == r.choices[0].message.content
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["mindtune"]["decision"]["label"] == "crisis"
    assert calls == []


def test_api_key_required(server, tiny_engine):
    url, _ = server
    bad = openai.OpenAI(base_url=url + "/v1", api_key="wrong", max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        bad.chat.completions.create(model=tiny_engine.name, messages=user("hi"))
    with pytest.raises(openai.AuthenticationError):
        bad.models.list()
    r = httpx.post(url + "/v1/chat/completions", json={"messages": user("hi")})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    err = r.json()["error"]
    assert err["code"] == "invalid_api_key" and err["type"] == "invalid_request_error"
    assert set(err) == {"message", "type", "param", "code"}


def _status(fn) -> tuple[int, dict]:
    with pytest.raises(openai.APIStatusError) as e:
        fn()
    return e.value.status_code, e.value.body


def test_input_limits(server, client, tiny_engine):
    create = client.chat.completions.create
    m = tiny_engine.name
    many = [{"role": "user" if i % 2 == 0 else "assistant", "content": "hi"} for i in range(9)]
    cases = [
        (lambda: create(model=m, messages=many), 400, "too_many_messages"),
        (lambda: create(model=m, messages=user("x" * 501)), 413, "message_too_long"),
        (lambda: create(model=m, messages=[*user("x" * 400), {"role": "assistant",
                        "content": "y" * 400}, *user("z" * 400)]), 413, "request_too_long"),
        (lambda: create(model=m, messages=user("hi"), max_tokens=65), 400,
         "max_tokens_too_large"),
        (lambda: create(model=m, messages=user("hi"), temperature=3), 422, "invalid_value"),
        (lambda: create(model=m, messages=[{"role": "robot", "content": "hi"}]), 422,
         "invalid_value"),
        (lambda: create(model=m, messages=[{"role": "assistant", "content": "hi"}]), 400,
         "invalid_value"),
        (lambda: create(model="gpt-4o", messages=user("hi")), 404, "model_not_found"),
        (lambda: create(model=m, messages=user("hi"), n=2), 400, "unsupported_value"),
    ]
    for fn, status, code in cases:
        got, body = _status(fn)
        assert (got, body["code"]) == (status, code), body
        assert body["message"] and body["type"] == "invalid_request_error"
    big = httpx.post(server[0] + "/v1/chat/completions", content=b"{" + b" " * 30_000 + b"}",
                     headers={"Authorization": f"Bearer {KEY}"})
    assert big.status_code == 413 and big.json()["error"]["code"] == "request_too_large"
    assert httpx.get(server[0] + "/v1/nope", headers={"Authorization": f"Bearer {KEY}"}
                     ).status_code == 404


class BlockingEngine:
    """Engine stand-in whose replies wait for ``release`` (or a cancel), one chunk at a time."""

    def __init__(self, name: str):
        self.name = name
        self.safety = None
        self.release = threading.Event()
        self.cancels: list[threading.Event] = []

    def chat(self, messages, settings=None, cancel=None) -> Completion:
        cancel = cancel or threading.Event()
        self.cancels.append(cancel)
        comp = Completion(chunks=iter(()))

        def chunks() -> Iterator[str]:
            yield "waiting"
            while not (self.release.is_set() or cancel.is_set()):
                yield "."
                time.sleep(0.05)
            comp.finish_reason = "cancelled" if cancel.is_set() else "stop"

        comp.chunks = chunks()
        return comp


def _wait(pred, timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(0.05)
    return False


def test_full_queue_answers_429(server, client, tiny_engine, monkeypatch):
    url, rt = server
    stub = BlockingEngine(tiny_engine.name)
    monkeypatch.setattr(rt, "engine", stub)
    results: list[str] = []

    def ask() -> None:
        r = client.chat.completions.create(model=stub.name, messages=user("hi"))
        results.append(r.choices[0].finish_reason)

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for t in threads:
        t.start()
    assert _wait(lambda: httpx.get(url + "/health").json()["in_flight"] == 2)
    with pytest.raises(openai.RateLimitError) as e:
        client.chat.completions.create(model=stub.name, messages=user("one too many"))
    assert e.value.body["code"] == "queue_full" and e.value.response.headers["retry-after"]
    stub.release.set()
    for t in threads:
        t.join(10)
    assert results == ["stop", "stop"]
    assert _wait(lambda: rt.admission.in_flight == 0)


def test_client_disconnect_cancels_generation(server, tiny_engine, monkeypatch):
    url, rt = server
    stub = BlockingEngine(tiny_engine.name)
    monkeypatch.setattr(rt, "engine", stub)
    headers = {"Authorization": f"Bearer {KEY}"}
    body = {"messages": user("hi"), "stream": True}
    with httpx.stream("POST", url + "/v1/chat/completions", json=body, headers=headers) as r:
        for line in r.iter_lines():
            if "waiting" in line:
                break  # the reply started: hang up
    assert _wait(lambda: stub.cancels[-1].is_set(), 5), "streaming: generation not cancelled"
    # non-streaming: the client gives up waiting
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(url + "/v1/chat/completions", json={"messages": user("hi")},
                   headers=headers, timeout=0.5)
    assert _wait(lambda: len(stub.cancels) == 2 and stub.cancels[-1].is_set(), 5), \
        "non-streaming: generation not cancelled"
    assert _wait(lambda: rt.admission.in_flight == 0)


def test_default_logging_has_no_message_text(client, tiny_engine, caplog):
    secret = "my-private-zebra-secret"
    with caplog.at_level(logging.DEBUG, logger="mindtune"):
        client.chat.completions.create(model=tiny_engine.name, max_tokens=4,
                                       messages=user(f"I feel {secret} today"))
        assert _wait(lambda: any("surface=api" in r.getMessage() for r in caplog.records))
    assert not any(secret in r.getMessage() for r in caplog.records)


def test_conversation_log_only_when_asked(tmp_path, tiny_engine):
    settings = ServerSettings(log_conversations=tmp_path / "logs" / "chats.jsonl")
    rt = Runtime(settings, tiny_engine)
    path = settings.log_conversations
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    gen = rt.generate(tiny_engine, user(CRISIS), GenerationSettings(), "api")
    reply = "".join(gen)
    assert _wait(lambda: path.read_text().count("\n") == 1)
    record = json.loads(path.read_text())
    assert record["messages"] == user(CRISIS) and record["reply"] == reply
    assert record["safety"]["label"] == "crisis" and record["surface"] == "api"
    assert Runtime(ServerSettings(), tiny_engine).log is None


def test_api_only_server_has_no_web_page(tiny_run, tiny_engine):
    """``web=False`` (``mindtune serve --no-web``): the API and /health answer, / does not."""
    app = create_app(ServerSettings(target=str(tiny_run), web=False), engine=tiny_engine)
    with serve_in_thread(app) as url:
        assert httpx.get(url + "/").status_code == 404
        assert httpx.get(url + "/health").json()["status"] == "ok"
        c = openai.OpenAI(base_url=url + "/v1", api_key="none", max_retries=0, timeout=60)
        r = c.chat.completions.create(model=tiny_engine.name, max_tokens=4,
                                      messages=user("How can I sleep better?"))
        assert r.choices[0].message.role == "assistant"
