"""StaticDecoder (the `--fast` path) chooses the tokens `generate` chooses, stops where it stops,
and streams through the same Engine code (CPU, eager: the loop is the one a GPU compiles)."""

from __future__ import annotations

import threading

import pytest
import torch
from conftest import tiny_config

from mindtune.decode import StaticDecoder, _penalize, _select
from mindtune.engine import Engine, GenerationSettings, load_engine
from mindtune.prompt import PromptBuilder

GREEDY = GenerationSettings(temperature=0, repetition_penalty=1.3, max_new_tokens=40)


@pytest.fixture(scope="module")
def tiny() -> tuple:
    from mindtune.model import load_model

    model, tok = load_model(tiny_config("quant.load_in_4bit=false"))
    builder = PromptBuilder(tok, "chat")
    ids = builder.encode_prompt([{"role": "user", "content": "I feel anxious before exams."}])
    return model.eval(), tok, builder, ids


def _generate(model, ids: list[int], n: int, eos: list[int] | None = None, **kw) -> list[int]:
    x = torch.tensor([ids])
    with torch.inference_mode():
        out = model.generate(input_ids=x, attention_mask=torch.ones_like(x), max_new_tokens=n,
                             do_sample=False, temperature=None, top_p=None, top_k=None,
                             eos_token_id=eos, pad_token_id=0, **kw)
    return out[0].tolist()


@pytest.mark.parametrize("sync_every", [1, 4, 7])
def test_greedy_equals_generate_with_repetition_penalty(tiny, sync_every: int) -> None:
    model, _, _, ids = tiny
    want = _generate(model, ids, 40, repetition_penalty=1.3)
    got = StaticDecoder(model, max_len=256, sync_every=sync_every).generate(ids, GREEDY, [])
    assert got[0].tolist() == want
    assert len(want) == len(ids) + 40  # no stop id: the whole budget


def test_stops_on_a_stop_id_like_generate_and_respects_min_new_tokens(tiny) -> None:
    model, _, _, ids = tiny
    free = _generate(model, ids, 40, repetition_penalty=1.3)[len(ids):]
    stop = free[5]
    first = free.index(stop)  # the first time the stop id comes out
    dec = StaticDecoder(model, max_len=256, sync_every=4)
    got = dec.generate(ids, GREEDY, [stop])[0].tolist()
    assert got == _generate(model, ids, 40, eos=[stop], repetition_penalty=1.3)
    assert got[len(ids):] == free[: first + 1]  # the stop id is the last token, as in generate
    later = dec.generate(ids, GREEDY, [stop], min_new_tokens=first + 2)[0].tolist()
    assert len(later) > len(got)


def test_sampling_is_seeded_and_stays_inside_top_k() -> None:
    torch.manual_seed(0)
    logits = torch.randn(1, 50)  # (1, V)
    s = GenerationSettings(temperature=1.0, top_k=3, top_p=1.0, repetition_penalty=1.0)
    top3 = set(logits.topk(3).indices[0].tolist())
    picks = [int(_select(logits, s, torch.Generator().manual_seed(i))) for i in range(200)]
    assert set(picks) == top3  # all three reachable, nothing else
    assert picks == [int(_select(logits, s, torch.Generator().manual_seed(i)))
                     for i in range(200)]
    nucleus = GenerationSettings(temperature=1.0, top_k=0, top_p=1e-6, repetition_penalty=1.0)
    assert int(_select(logits, nucleus, torch.Generator().manual_seed(1))) == \
        int(logits.argmax())  # a tiny top_p keeps only the most likely token


def test_penalty_applies_to_seen_ids_only() -> None:
    logits = torch.tensor([[2.0, 1.9, -1.0]])
    seen = torch.tensor([[True, False, True]])
    out = _penalize(logits, seen, torch.tensor(1.3))
    assert out[0].tolist() == pytest.approx([2.0 / 1.3, 1.9, -1.3])
    greedy = GenerationSettings(temperature=0)
    assert int(_select(out, greedy, torch.Generator())) == 1  # 2.0 / 1.3 < 1.9


def test_seeded_sampling_replies_repeat(tiny) -> None:
    model, _, _, ids = tiny
    dec = StaticDecoder(model, max_len=256)
    s = GenerationSettings(temperature=0.9, top_p=0.9, top_k=20, max_new_tokens=20, seed=7)
    a, b = (dec.generate(ids, s, [])[0].tolist() for _ in range(2))
    other = dec.generate(ids, GenerationSettings(temperature=0.9, top_p=0.9, top_k=20,
                                                 max_new_tokens=20, seed=8), [])[0].tolist()
    assert a == b and a != other and len(a) == len(ids) + 20


def test_engine_streams_the_same_reply_through_the_decoder(tiny) -> None:
    model, tok, builder, _ = tiny
    msgs = [{"role": "user", "content": "How can I sleep better?"}]
    s = GenerationSettings(temperature=0, max_new_tokens=24)
    seen: dict[str, list[int]] = {}

    def catch(name: str, fn):  # the ids each path produced (random weights: text may be blank)
        def wrapped(*a, **kw):
            out = fn(*a, **kw)
            seen[name] = out[0].tolist()
            return out
        return wrapped

    plain_engine = Engine(model, tok, builder, safety=None)
    model.generate = catch("generate", model.generate)
    try:
        plain = plain_engine.generate(msgs, s)
    finally:
        del model.generate
    fast = Engine(model, tok, builder, safety=None)
    fast.decoder = StaticDecoder(model, max_len=fast.context_tokens)
    fast.decoder.generate = catch("decoder", fast.decoder.generate)
    comp = fast.chat(msgs, s)
    chunks = list(comp)
    assert seen["decoder"] == seen["generate"] and len(seen["decoder"]) > comp.prompt_tokens
    assert "".join(chunks) == comp.text == plain.text
    assert (comp.completion_tokens, comp.finish_reason) == (plain.completion_tokens,
                                                             plain.finish_reason)


def test_cancel_and_oversized_requests(tiny) -> None:
    model, _, _, ids = tiny
    dec = StaticDecoder(model, max_len=len(ids) + 10, sync_every=2)
    with pytest.raises(ValueError, match="exceed the decoder's static cache"):
        dec.generate(ids, GenerationSettings(max_new_tokens=11), [])
    cancel = threading.Event()
    cancel.set()
    dec = StaticDecoder(model, max_len=len(ids) + 30, sync_every=2)
    out = dec.generate(ids, GenerationSettings(temperature=0, max_new_tokens=30), [], None, cancel)
    assert out.shape[1] - len(ids) == 2  # one group, then the flag is seen


def test_load_engine_fast_merges_the_adapter_and_keeps_the_safety_layer(tiny_run) -> None:
    eng = load_engine(str(tiny_run), fast=True)
    assert eng.decoder is not None
    assert not any("lora" in n for n, _ in eng.model.named_modules())  # merged
    reply = eng.generate([{"role": "user", "content": "Any tips for stress?"}],
                         GenerationSettings(temperature=0, max_new_tokens=12))
    assert reply.finish_reason in ("stop", "length") and reply.completion_tokens >= 1
    crisis = eng.generate([{"role": "user", "content": "I took all my pills an hour ago"}])
    assert crisis.finish_reason == "crisis" and "988" in crisis.text


def test_server_fast_setting_serves_through_the_decoder(tiny_run) -> None:
    from fastapi.testclient import TestClient

    from mindtune.serve.app import create_app
    from mindtune.serve.settings import ServerSettings

    app = create_app(ServerSettings(target=str(tiny_run), fast=True, compare=False))
    assert app.state.runtime.engine.decoder is not None
    with TestClient(app) as client:
        r = client.post("/v1/chat/completions", json={
            "model": app.state.runtime.engine.name, "max_tokens": 8, "temperature": 0,
            "messages": [{"role": "user", "content": "How do I relax after work?"}]})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["choices"][0]["finish_reason"] in ("stop", "length")
    assert 1 <= body["usage"]["completion_tokens"] <= 8
