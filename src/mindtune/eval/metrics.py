"""Pure metric functions: text in, numbers out. No models, no files (tests check them by hand)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

# A fabricated next turn: the model writes the user's (or its own next) turn marker itself.
# Bare role words count only at the start of a line ("tip for the user: ..." is not a turn; an
# answer that opens with "assistant" only echoes its own header); the capitalised "User:" and
# "Human:" count wherever they stand.
_MARKERS = re.compile(
    r"<\s*(?:human|assistant)\s*>\s*:"  # seed template: <HUMAN>: / <ASSISTANT>:
    r"|<\|im_start\|>|<\|user\|>|<start_of_turn>|\[INST\]|###\s*(?:human|user|instruction)\b"
    r"|(?:^|\n)[ \t]*(?:user|human)[ \t]*:|\n[ \t]*assistant[ \t]*:"  # "User: ..." opening a line
    # a chat template's role line once its special tokens are stripped (<|im_start|>user -> user)
    r"|(?:^|\n)user[ \t]*\n|\nassistant[ \t]*\n",
    re.IGNORECASE,
)
_MARKERS_CASED = re.compile(r"\b(?:User|Human|USER|HUMAN):")
_WORD = re.compile(r"\S+")


def turn_marker(text: str) -> str | None:
    """The first fabricated-turn marker in ``text`` (as written, stripped), or None."""
    found = [m for m in (_MARKERS.search(text), _MARKERS_CASED.search(text)) if m]
    return min(found, key=lambda m: m.start()).group(0).strip() if found else None


def is_runon(text: str) -> bool:
    """True when an answer runs on into a fabricated next turn (it contains a turn marker).

    A marker is what makes a run-on; hitting max_new_tokens without one is only a long answer.
    """
    return turn_marker(text) is not None


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(words(text))


def ngrams(tokens: Sequence[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


def repetition_rate(text: str, n: int = 4) -> float:
    """Fraction of the text's word n-grams (lower-cased) that repeat an earlier one.

    "a b c d a b c d" has five 4-grams, one of them (a b c d) a repeat: 1/5 = 0.2. Texts shorter
    than n words have no n-grams and score 0.
    """
    grams = ngrams([w.lower() for w in words(text)], n)
    if not grams:
        return 0.0
    return 1.0 - len(set(grams)) / len(grams)


@lru_cache(maxsize=1)
def _rouge_scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)


def rouge_l(prediction: str, reference: str) -> float:
    """ROUGE-L F-measure (longest common subsequence of words, Porter-stemmed) in [0, 1]."""
    return float(_rouge_scorer().score(reference, prediction)["rougeL"].fmeasure)


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


def perplexity(loss: float) -> float:
    """exp(mean token cross-entropy); inf when it overflows a float."""
    try:
        return math.exp(loss)
    except OverflowError:
        return math.inf


def mean(values: Iterable[float]) -> float:
    vals = list(values)
    return sum(vals) / len(vals) if vals else math.nan


# -- training curve -------------------------------------------------------------------------------
def training_evals(records: Sequence[dict[str, Any]]) -> list[tuple[int, float]]:
    """Eval-loss points logged during training (see ``mindtune.report.loss_series``)."""
    from mindtune.report import loss_series

    return loss_series(list(records))[1]


def final_eval_loss(records: Sequence[dict[str, Any]]) -> float | None:
    """Eval loss of the adapter training kept (the evaluation after the last train_runtime)."""
    out = None
    for prev, rec in zip(records, records[1:], strict=False):
        if "train_runtime" in prev and "eval_loss" in rec:
            out = float(rec["eval_loss"])
    return out


def best_step(evals: Sequence[tuple[int, float]]) -> int | None:
    """Step of the lowest eval loss (the first one on a tie, as the Trainer keeps it)."""
    return min(evals, key=lambda p: p[1])[0] if evals else None


def overfit_from_step(evals: Sequence[tuple[int, float]]) -> int | None:
    """First eval step after the minimum whose loss is higher than the minimum, if any."""
    if not evals:
        return None
    i_min = min(range(len(evals)), key=lambda i: evals[i][1])
    low = evals[i_min][1]
    return next((step for step, loss in evals[i_min + 1:] if loss > low), None)
