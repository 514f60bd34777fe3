"""Batched generation (mindtune.batching): concurrent requests decoded together give each
request what it would get alone, end independently, and keep the single-request path."""

from __future__ import annotations

import threading

import pytest

from mindtune.batching import Request
from mindtune.engine import EngineError, GenerationSettings, load_engine

PROMPTS = ["How can I sleep better?", "What helps with stress at work?",
           "Any tips for a calmer morning?", "How do I talk to my sister about money?"]


def greedy(n: int = 12) -> GenerationSettings:
    return GenerationSettings(temperature=0, repetition_penalty=1.1, max_new_tokens=n)


@pytest.fixture(scope="module")
def engine(tiny_run):
    """Its own engine (the batcher is a change to the engine; the shared one stays plain)."""
    return load_engine(str(tiny_run), safety=False)


def user(text: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": text}]


def run_together(engine, jobs: list[tuple[str, GenerationSettings]]) -> list:
    results: list = [None] * len(jobs)
    start = threading.Barrier(len(jobs))

    def one(i: int) -> None:
        start.wait()
        results[i] = engine.generate(user(jobs[i][0]), jobs[i][1])

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


def test_concurrent_requests_are_batched_and_equal_to_alone(engine):
    budgets = [12, 5, 9, 12]
    alone = [engine.generate(user(p), greedy(n)) for p, n in zip(PROMPTS, budgets, strict=True)]
    engine.enable_batching(max_batch=4)
    try:
        engine.batcher.wait_s = 0.5  # the four threads start together: one batch
        together = run_together(engine, [(p, greedy(n)) for p, n in
                                          zip(PROMPTS, budgets, strict=True)])
        assert engine.batcher.largest_batch >= 2
        for a, b, n in zip(alone, together, budgets, strict=True):
            assert b.text == a.text
            assert b.completion_tokens == a.completion_tokens <= n
            assert b.finish_reason == a.finish_reason
    finally:
        engine.batcher = None


def test_requests_with_other_settings_or_a_seed_are_not_mixed(engine):
    a = Request([1], greedy(), None, threading.Event())
    b = Request([2, 3], greedy(4), None, threading.Event())
    c = Request([1], GenerationSettings(temperature=0, repetition_penalty=1.3), None,
                threading.Event())
    d = Request([1], GenerationSettings(temperature=0.7, seed=3), None, threading.Event())
    e = Request([1], GenerationSettings(temperature=0.7, seed=3), None, threading.Event())
    assert a.key() == b.key()  # budgets may differ within a batch
    assert a.key() != c.key() and d.key() != e.key()
    engine.enable_batching(max_batch=4)
    try:
        engine.batcher.wait_s = 0.5
        jobs = [(PROMPTS[0], greedy(6)), (PROMPTS[1], GenerationSettings(
            temperature=0, repetition_penalty=1.3, max_new_tokens=6))]
        res = run_together(engine, jobs)
        assert all(r.completion_tokens > 0 for r in res)
        assert engine.batcher.largest_batch == 0  # each went alone (no batch of two)
    finally:
        engine.batcher = None


def test_a_cancelled_row_ends_without_stopping_the_others(engine):
    """A request cancelled while it waits ends at once; its batch-mates get their budgets.
    Within a batch, the stopping criterion marks exactly the cancelled or finished rows."""
    import torch

    from mindtune.batching import _RowStop

    reqs = [Request([1, 2], greedy(n), None, threading.Event()) for n in (3, 8, 8)]
    reqs[1].cancel.set()
    ids = torch.zeros((3, 5), dtype=torch.long)  # prompt width 2 + 3 new tokens
    assert _RowStop(reqs, 2)(ids, None).tolist() == [True, True, False]

    engine.enable_batching(max_batch=4)
    try:
        engine.batcher.wait_s = 0.5
        cancel = threading.Event()
        cancel.set()
        start = threading.Barrier(3)
        out: dict[str, object] = {}

        def first() -> None:
            start.wait()
            out["cancelled"] = engine.chat(user(PROMPTS[0]), greedy(40), cancel=cancel)
            out["cancelled"].read()

        def other(i: int) -> None:
            start.wait()
            out[f"r{i}"] = engine.generate(user(PROMPTS[i]), greedy(10))

        threads = [threading.Thread(target=first)] + [
            threading.Thread(target=other, args=(i,)) for i in (1, 2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert out["cancelled"].finish_reason == "cancelled"
        assert out["cancelled"].completion_tokens == 0
        for i in (1, 2):
            r = out[f"r{i}"]
            assert r.completion_tokens == 10 or r.finish_reason == "stop"
        assert engine.batcher.largest_batch == 2
    finally:
        engine.batcher = None


def test_batching_needs_two_slots(engine):
    with pytest.raises(ValueError, match="max_batch"):
        engine.enable_batching(max_batch=1)
    engine.batcher = None
    with pytest.raises(EngineError):
        engine.generate([{"role": "assistant", "content": "x"}])


def test_server_batches_concurrent_api_requests(tiny_run):
    """``ServerSettings(max_batch=4)`` (``mindtune serve --batch 4``): four openai clients at
    once are answered from one batch, each with its own reply."""
    import openai

    from mindtune.serve.app import create_app, serve_in_thread
    from mindtune.serve.settings import ServerSettings

    eng = load_engine(str(tiny_run), safety=False)
    app = create_app(ServerSettings(target=str(tiny_run), web=False, max_batch=4, max_queue=8,
                                    compare=False), engine=eng)
    eng.batcher.wait_s = 0.5
    with serve_in_thread(app) as url:
        client = openai.OpenAI(base_url=url + "/v1", api_key="none", max_retries=0, timeout=120)
        replies: list = [None] * 4
        start = threading.Barrier(4)

        def ask(i: int) -> None:
            start.wait()
            replies[i] = client.chat.completions.create(
                model=eng.name, messages=user(PROMPTS[i]), max_tokens=6, temperature=0)

        threads = [threading.Thread(target=ask, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    assert all(r is not None and r.usage.completion_tokens >= 1 for r in replies)
    assert eng.batcher.largest_batch >= 2
    alone = eng.generate(user(PROMPTS[3]), GenerationSettings(temperature=0, max_new_tokens=6))
    assert replies[3].choices[0].message.content == alone.text


def test_max_batch_is_range_checked():
    from mindtune.serve.settings import ServerSettings, SettingsError

    with pytest.raises(SettingsError, match="max_batch"):
        ServerSettings(max_batch=0)
