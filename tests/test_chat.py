"""Terminal chat transcripts (scripted engine and the tiny real one) and the generation engine's
turn handling: history budget, end-of-turn, no fabricated next turn, cancel.

Engine tests run the real ``transformers`` generate loop over ``ScriptedLM``, a model whose next
token is read from a script, so stopping behaviour is tested exactly, not the gibberish of a
random model.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator

import pytest
import torch

from mindtune.chat import FALLBACK_NOTICE, HELP, parse_settings, run_chat
from mindtune.engine import Completion, Engine, EngineError, GenerationSettings
from mindtune.prompt import HUMAN, PromptBuilder

CRISIS = "I want to kill myself tonight"


# -- scripted engine for transcripts -------------------------------------------------------------
class ScriptedEngine:
    """Engine stand-in: answers from a list and records what it was asked."""

    name = "scripted"
    safety = None

    def __init__(self, replies: list[list[str]], out: io.StringIO | None = None):
        self.replies = list(replies)
        self.calls: list[tuple[list[dict[str, str]], GenerationSettings]] = []
        self.out = out

    def chat(self, messages, settings=None, cancel=None) -> Completion:
        self.calls.append(([dict(m) for m in messages], settings))
        return Completion(chunks=self._stream(self.replies.pop(0)), finish_reason="stop")

    def _stream(self, pieces: list[str]) -> Iterator[str]:
        for i, piece in enumerate(pieces):
            if self.out is not None and i:  # the previous piece was shown before this one
                assert self.out.getvalue().endswith("".join(pieces[:i]))
            yield piece


def transcript(engine, text: str, settings: GenerationSettings | None = None) -> str:
    out = io.StringIO()
    if isinstance(engine, ScriptedEngine):
        engine.out = out
    run_chat(engine, settings or GenerationSettings(), io.StringIO(text), out)
    return out.getvalue()


HEADER = f"mindtune chat · scripted\n{FALLBACK_NOTICE}\n{HELP}\n"
DEFAULTS = "temperature=0.7 top_p=0.9 top_k=50 repetition_penalty=1.1 max_new_tokens=256 seed=None"


def test_transcript_history_settings_reset_quit():
    eng = ScriptedEngine([["Hi", " there,", " I'm listening."], ["Still", " here."], ["Fresh."]])
    out = transcript(eng, "Hello\n/settings\n/settings temperature=0.2 max_new_tokens=64\n"
                          "How are you?\n/reset\nAgain\n/quit\nnever read\n")
    assert out == (
        HEADER
        + "> Hello\nHi there, I'm listening.\n"
        + f"> /settings\n{DEFAULTS}\n"
        + "> /settings temperature=0.2 max_new_tokens=64\n"
        + "temperature=0.2 top_p=0.9 top_k=50 repetition_penalty=1.1 max_new_tokens=64 seed=None\n"
        + "> How are you?\nStill here.\n"
        + "> /reset\n(conversation cleared)\n"
        + "> Again\nFresh.\n"
        + "> /quit\n"
    )
    (m1, s1), (m2, s2), (m3, _) = eng.calls
    assert m1 == [{"role": "user", "content": "Hello"}] and s1.temperature == 0.7
    assert m2 == [{"role": "user", "content": "Hello"},
                  {"role": "assistant", "content": "Hi there, I'm listening."},
                  {"role": "user", "content": "How are you?"}]
    assert (s2.temperature, s2.max_new_tokens) == (0.2, 64)
    assert m3 == [{"role": "user", "content": "Again"}]  # /reset forgot the history


def test_eof_exits_and_blank_lines_are_ignored():
    eng = ScriptedEngine([["Okay."]])
    assert transcript(eng, "\n   \nHi") == HEADER + "> \n>    \n> Hi\nOkay.\n> \n"


def test_bad_commands_and_settings_keep_state():
    eng = ScriptedEngine([])
    out = transcript(eng, "/settings temperature=5\n/settings colour=blue\n/settings top_k=x\n"
                          "/nope\n/settings\n")
    assert out == (
        HEADER
        + "> /settings temperature=5\nerror: temperature must be in [0, 2]\n"
        + "> /settings colour=blue\nerror: expected key=value with key one of temperature, "
          "top_p, top_k, repetition_penalty, max_new_tokens, seed; got 'colour=blue'\n"
        + "> /settings top_k=x\nerror: top_k must be a number, got 'x'\n"
        + "> /nope\nunknown command /nope (try /reset, /settings, /quit)\n"
        + f"> /settings\n{DEFAULTS}\n> \n"
    )
    assert parse_settings("seed=7 seed=none", GenerationSettings()).seed is None


def test_engine_error_is_one_line_and_not_remembered():
    class TooLong(ScriptedEngine):
        def chat(self, messages, settings=None, cancel=None):
            if "long" in messages[-1]["content"]:
                raise EngineError("message too long: does not fit")
            return super().chat(messages, settings, cancel)

    eng = TooLong([["Fine."]])
    out = transcript(eng, "a long message\nshort\n")
    assert out == HEADER + "> a long message\nerror: message too long: does not fit\n" \
                           "> short\nFine.\n> \n"
    assert eng.calls[0][0] == [{"role": "user", "content": "short"}]


# -- the tiny real engine ------------------------------------------------------------------------
def test_crisis_message_gets_resources_without_calling_the_model(tiny_engine, monkeypatch):
    calls = []
    monkeypatch.setattr(tiny_engine.model, "generate", lambda *a, **k: calls.append(1))
    decision = tiny_engine.safety.check(CRISIS, [])
    out = transcript(tiny_engine, f"{CRISIS}\n/quit\n")
    assert out == (f"mindtune chat · {tiny_engine.name}\n{tiny_engine.safety.notice}\n{HELP}\n"
                   f"> {CRISIS}\n{decision.reply}\n> /quit\n")
    assert "988" in decision.reply and "not a therapist" in out
    assert calls == []


def test_real_engine_streams_a_reply(tiny_engine):
    out = transcript(tiny_engine, "Hello, how are you?\n",
                     GenerationSettings(temperature=0.7, max_new_tokens=12, seed=0))
    head = f"mindtune chat · {tiny_engine.name}\n{tiny_engine.safety.notice}\n{HELP}\n"
    assert out.startswith(head + "> Hello, how are you?\n") and out.endswith("\n> \n")
    reply = out[len(head + "> Hello, how are you?\n"):-len("\n> \n")]
    assert reply.strip() and reply == reply.strip()  # streamed, no stray blank lines


# -- engine: scripted model through the real generate loop ---------------------------------------
def scripted_model(tok, script: list[int], hold_at: int | None = None,
                   release: threading.Event | None = None):
    """A LlamaForCausalLM whose next token is ``script[step]`` whatever the input.

    With ``hold_at``, the forward pass for step ``hold_at`` waits (up to 10 s) for ``release``:
    a slow model whose progress does not depend on how the test threads are scheduled."""
    from transformers import LlamaConfig, LlamaForCausalLM
    from transformers.modeling_outputs import CausalLMOutputWithPast

    class _Scripted(LlamaForCausalLM):
        def generate(self, *args, **kwargs):
            self.prompt_len = kwargs["input_ids"].shape[1]
            self.forwards = getattr(self, "forwards", 0)
            return super().generate(*args, **kwargs)

        def forward(self, input_ids=None, **kwargs):
            self.forwards += 1
            n = input_ids.shape[1]  # use_cache=False: the whole sequence every step
            step = min(n - self.prompt_len, len(script) - 1)
            if hold_at is not None and step == hold_at:
                release.wait(timeout=10)
            logits = torch.full((1, n, self.config.vocab_size), -1e4)
            logits[0, -1, script[step]] = 0.0
            return CausalLMOutputWithPast(logits=logits)

    cfg = LlamaConfig(vocab_size=len(tok), hidden_size=8, intermediate_size=16,
                      num_hidden_layers=1, num_attention_heads=1, num_key_value_heads=1,
                      max_position_embeddings=2048)
    model = _Scripted(cfg)
    model.generation_config.use_cache = False
    return model


def ids(tok, text: str) -> list[int]:
    return tok(text, add_special_tokens=False)["input_ids"]


@pytest.fixture(scope="module")
def tok():
    """The tiny runs' tokenizer (embedded SmolLM2, offline): ChatML with <|im_end|>."""
    from mindtune.model import embedded_dir, load_tokenizer

    return load_tokenizer(str(embedded_dir()))


GREEDY = GenerationSettings(temperature=0, max_new_tokens=40)


def test_stops_at_end_of_turn(tok):
    eot = tok.convert_tokens_to_ids("<|im_end|>")
    script = ids(tok, "\n\n Take a slow breath.\n") + [eot] + ids(tok, " Next words never show")
    eng = Engine(scripted_model(tok, script), tok, PromptBuilder(tok, "chat"), safety=None)
    comp = eng.chat([{"role": "user", "content": "hi"}], GREEDY)
    chunks = list(comp)
    assert comp.text == "Take a slow breath."  # no leading/trailing blank lines either
    assert "".join(chunks) == comp.text
    assert comp.finish_reason == "stop"
    assert comp.completion_tokens == len(ids(tok, "\n\n Take a slow breath.\n")) + 1


def test_turn_start_token_ends_the_reply(tok):
    start = tok.convert_tokens_to_ids("<|im_start|>")
    script = ids(tok, " Sure.") + [start] + ids(tok, "user\nI am the user now")
    eng = Engine(scripted_model(tok, script), tok, PromptBuilder(tok, "chat"), safety=None)
    comp = eng.chat([{"role": "user", "content": "hi"}], GREEDY)
    assert comp.read() == "Sure." and comp.finish_reason == "stop"


def test_seed_template_never_shows_a_fabricated_user_turn(tok):
    script = ids(tok, " I hear you, that sounds hard.\n<HUMAN>: thanks a lot\n<ASSISTANT>: ok")
    builder = PromptBuilder(tok, "seed")
    eng = Engine(scripted_model(tok, script), tok, builder, safety=None)
    history = [{"role": "user", "content": "I failed my exam"},
               {"role": "assistant", "content": "That is hard."},
               {"role": "user", "content": "I feel bad"}]
    comp = eng.chat(history, GREEDY)
    chunks = list(comp)
    assert comp.text == "I hear you, that sounds hard."
    assert all("<" not in c for c in chunks)  # not even the start of the marker was streamed
    assert HUMAN not in comp.text and comp.finish_reason == "stop"
    assert comp.completion_tokens < len(script)  # generation stopped at the marker
    assert builder.render(history).endswith(f"{HUMAN} I feel bad\n<ASSISTANT>:")


def test_cancel_stops_generation(tok):
    script = ids(tok, " word" * 60)
    cancel = threading.Event()
    # the model stalls at step 12 until the caller cancels, so the check does not race the
    # generation thread: after the cancel, at most one more step may run
    model = scripted_model(tok, script, hold_at=12, release=cancel)
    eng = Engine(model, tok, PromptBuilder(tok, "chat"), safety=None)
    comp = eng.chat([{"role": "user", "content": "hi"}],
                    GenerationSettings(temperature=0, max_new_tokens=60), cancel)
    for _ in comp:
        cancel.set()
    assert comp.finish_reason == "cancelled"
    assert comp.completion_tokens <= 13 and model.forwards <= 13
    assert eng.lock.acquire(timeout=1)  # the lock was released
    eng.lock.release()


def test_history_budget_drops_oldest_turns_keeps_system_and_question(tok):
    builder = PromptBuilder(tok, "chat")
    system = {"role": "system", "content": "SYSTEM-RULES stay."}
    turns = []
    for i in range(1, 5):
        turns += [{"role": "user", "content": f"question-{i} " + "words " * 30},
                  {"role": "assistant", "content": f"answer-{i} " + "words " * 30}]
    question = {"role": "user", "content": "CURRENT-QUESTION please"}
    msgs = [system, *turns, question]
    full = len(builder.encode_prompt(msgs))
    last_pair = len(builder.encode_prompt([system, *turns[-2:], question]))
    eng = Engine(scripted_model(tok, [0]), tok, builder, safety=None,
                 context_tokens=last_pair + 20)
    prompt_ids, dropped = eng.fit_history(msgs, max_new_tokens=20)
    text = tok.decode(prompt_ids)
    assert full > last_pair + 20 >= len(prompt_ids)
    assert dropped == 6  # three oldest exchanges, oldest first
    assert "SYSTEM-RULES" in text and "CURRENT-QUESTION" in text
    assert "question-4" in text and "answer-4" in text
    assert "question-1" not in text and "question-3" not in text
    # only the question fits: everything else goes, system stays
    eng.context_tokens = len(builder.encode_prompt([system, question])) + 20
    prompt_ids, dropped = eng.fit_history(msgs, max_new_tokens=20)
    assert dropped == 8 and "SYSTEM-RULES" in tok.decode(prompt_ids)
    # not even the question fits: a one-line error, never a silent truncation
    eng.context_tokens = 30
    with pytest.raises(EngineError, match="does not fit"):
        eng.fit_history(msgs, max_new_tokens=20)


def test_greedy_is_deterministic(tiny_engine):
    msgs = [{"role": "user", "content": "How do I cope with stress?"}]
    s = GenerationSettings(temperature=0, max_new_tokens=12, repetition_penalty=2.0)
    assert tiny_engine.chat(msgs, s).read() == tiny_engine.chat(msgs, s).read()
