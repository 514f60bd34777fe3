"""Eval metric functions on hand-made cases with known answers, and the eval inputs."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from mindtune.eval import metrics as M
from mindtune.eval.questions import EvalError, load_questions, load_split, select


# -- ROUGE-L --------------------------------------------------------------------------------------
def test_rouge_l_identical_is_one_and_disjoint_is_zero() -> None:
    assert M.rouge_l("try slow deep breaths", "try slow deep breaths") == pytest.approx(1.0)
    assert M.rouge_l("apples and pears", "quantum chromodynamics lecture") == 0.0
    assert M.rouge_l("", "anything") == 0.0


def test_rouge_l_partial_known_value() -> None:
    # LCS("a b c d", "a c d e") = "a c d": P = R = 3/4, F = 0.75
    assert M.rouge_l("a b c d", "a c d e") == pytest.approx(0.75)


# -- repetition -----------------------------------------------------------------------------------
def test_repetition_rate_known_values() -> None:
    # 4-grams: abcd bcda cdab dabc abcd -> 5, of which 1 repeats an earlier one
    assert M.repetition_rate("a b c d a b c d") == pytest.approx(0.2)
    assert M.repetition_rate("one two three four five six") == 0.0
    assert M.repetition_rate("a b c") == 0.0  # shorter than one 4-gram
    assert M.repetition_rate("") == 0.0
    # "x x x x x x": three 4-grams, all "x x x x": 2 repeats of 3
    assert M.repetition_rate("x x x x x x") == pytest.approx(2 / 3)
    assert M.repetition_rate("A b C d a B c D") == pytest.approx(0.2)  # case-insensitive
    assert M.repetition_rate("a b a b", n=2) == pytest.approx(1 / 3)


# -- run-ons --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Take a walk.\n<HUMAN>: thanks, what else?",
    "Take a walk. <HUMAN>: thanks",
    "Sure.\n< ASSISTANT >: more",
    "Breathe slowly.\nUser: ok",
    "Breathe slowly. User: ok",
    "Breathe slowly.\nhuman: ok",
    "Rest well.<|im_start|>user\nand then?",
    "Rest well.\nuser\nand then?",  # <|im_start|>user with the special token stripped
    "Rest well.\nassistant\nAnd more.",
    "Rest well.\n### Human: next",
])
def test_runon_detected(text: str) -> None:
    assert M.is_runon(text)


@pytest.mark.parametrize("text", [
    "Take a slow walk and drink some water.",
    "A tip for the user: keep a journal.",  # lower-case, mid-line: not a turn
    "The human body needs sleep.",
    "assistant\nHere is my answer.",  # echo of its own header, not a next turn
    "Users often find journaling helps.",
    "",
])
def test_runon_not_detected(text: str) -> None:
    assert not M.is_runon(text)


def test_turn_marker_returns_the_first_marker() -> None:
    assert M.turn_marker("ok\nUser: a\n<HUMAN>: b") == "User:"
    assert M.turn_marker("fine") is None


# -- loss, perplexity, small helpers --------------------------------------------------------------
def test_perplexity_is_exp_loss() -> None:
    for loss in (0.0, 0.5, 2.3, 10.8):
        assert M.perplexity(loss) == pytest.approx(math.exp(loss))
    assert M.perplexity(1e6) == math.inf


def test_word_count_mean_and_cosine() -> None:
    assert M.word_count("  two  words\n") == 2
    assert M.mean([1.0, 2.0, 3.0]) == 2.0
    assert math.isnan(M.mean([]))
    assert M.cosine([1, 0], [1, 0]) == pytest.approx(1.0)
    assert M.cosine([1, 0], [0, 1]) == pytest.approx(0.0)
    assert M.cosine([1, 1], [-1, -1]) == pytest.approx(-1.0)


# -- training curve: best and overfitting ---------------------------------------------------------
def test_best_and_overfit_steps() -> None:
    evals = [(10, 2.0), (20, 1.5), (30, 1.5), (40, 1.7), (50, 1.6)]
    assert M.best_step(evals) == 20  # first of a tie, as the Trainer keeps it
    assert M.overfit_from_step(evals) == 40
    falling = [(10, 2.0), (20, 1.8), (30, 1.7)]
    assert M.best_step(falling) == 30
    assert M.overfit_from_step(falling) is None
    assert M.best_step([]) is None and M.overfit_from_step([]) is None


def test_training_evals_skip_the_final_best_adapter_evaluation() -> None:
    records = [
        {"step": 2, "loss": 3.0}, {"step": 2, "eval_loss": 2.0},
        {"step": 4, "loss": 2.5}, {"step": 4, "eval_loss": 2.4},
        {"step": 4, "train_runtime": 1.0, "train_loss": 2.7},
        {"step": 4, "eval_loss": 2.0},  # after load_best_model_at_end: measures step 2's adapter
    ]
    evals = M.training_evals(records)
    assert evals == [(2, 2.0), (4, 2.4)]
    assert M.overfit_from_step(evals) == 4
    assert M.final_eval_loss(records) == 2.0


def test_training_evals_resumed_run_last_point_wins() -> None:
    records = [{"step": 2, "eval_loss": 2.0}, {"step": 2, "eval_loss": 1.9},
               {"step": 4, "eval_loss": 1.8}]
    assert M.training_evals(records) == [(2, 1.9), (4, 1.8)]
    assert M.final_eval_loss(records) is None


# -- questions files ------------------------------------------------------------------------------
def _write(tmp_path: Path, text: str, name: str = "q.jsonl") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_load_questions_ok(tmp_path: Path) -> None:
    p = _write(tmp_path, '{"question": " How to sleep? ", "reference": "Keep a routine."}\n\n'
                         '{"question": "q2", "reference": "r2", "extra": 1}\n')
    items = load_questions(p)
    assert [it.question for it in items] == ["How to sleep?", "q2"]
    assert items[0].reference == "Keep a routine."
    assert items[1].id == "3"  # the line number
    assert items[0].conversation[-1] == {"role": "assistant", "content": "Keep a routine."}


@pytest.mark.parametrize("text, where, reason", [
    ('{"question": "a", "reference": "b"}\nnot json\n', 2, "not JSON"),
    ('{"question": "a"}\n', 1, "missing key 'reference'"),
    ('{"question": "", "reference": "b"}\n', 1, "'question' must be a non-empty string"),
    ('{"question": 3, "reference": "b"}\n', 1, "'question' must be a non-empty string"),
    ('["question", "reference"]\n', 1, "expected a JSON object"),
])
def test_load_questions_bad_line(tmp_path: Path, text: str, where: int, reason: str) -> None:
    p = _write(tmp_path, text)
    with pytest.raises(EvalError) as exc:
        load_questions(p)
    msg = str(exc.value)
    assert msg.startswith(f"{p}:{where}: ") and reason in msg
    assert "\n" not in msg


def test_load_questions_empty_missing_and_binary(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="no questions"):
        load_questions(_write(tmp_path, "\n\n"))
    with pytest.raises(EvalError, match="no such file"):
        load_questions(tmp_path / "absent.jsonl")
    bad = tmp_path / "bin.jsonl"
    bad.write_bytes(b'{"question": "a", "reference": "b"}\n\xff\xfe\n')
    with pytest.raises(EvalError, match=r"bin.jsonl:2: not UTF-8"):
        load_questions(bad)


def test_load_split_and_limit(tmp_path: Path) -> None:
    conv = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"},
            {"role": "user", "content": "sad"}, {"role": "assistant", "content": "I hear you"}]
    (tmp_path / "eval_split.jsonl").write_text(
        json.dumps({"row": 7, "messages": conv}) + "\n"
        + json.dumps({"row": 9, "messages": conv[:2]}) + "\n")
    items = load_split(tmp_path)
    assert [it.id for it in items] == ["7", "9"]
    assert items[0].prompt == conv[:3] and items[0].reference == "I hear you"
    assert items[0].question == "sad" and items[0].conversation == conv
    assert len(select(items, 1)) == 1 and select(items, None) == items
    with pytest.raises(EvalError, match="--limit"):
        select(items, 0)
    with pytest.raises(EvalError, match="no held-out split"):
        load_split(tmp_path / "nowhere")


# -- answers --------------------------------------------------------------------------------------
def test_answer_from_raw_flags_runon_before_special_tokens_go() -> None:
    from mindtune.eval.score import Answer

    special = ["<|im_start|>", "<|im_end|>"]
    cut = Answer.from_raw("Take a walk.<|im_start|>", 5, "stop", 0.1, special)
    assert cut.text == "Take a walk." and cut.runon  # stopped at a turn start: a run-on
    done = Answer.from_raw(" Fine, thanks.<|im_end|>", 4, "stop", 0.1, special)
    assert done.text == "Fine, thanks." and not done.runon and done.words == 2
    seed = Answer.from_raw("Rest.\n<HUMAN>: and?", 9, "length", 0.1)
    assert seed.runon and seed.text == "Rest.\n<HUMAN>: and?"
