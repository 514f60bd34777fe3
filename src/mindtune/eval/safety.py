"""Safety-layer figures for the eval report: a thin adapter over ``mindtune.safety.evaluate``
(the safety package owns the labelled-file format and the figures; this only turns its input
errors into the eval's one-line ``FILE:LINE: reason`` errors)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mindtune.eval.questions import EvalError


def load_labelled(path: str | Path) -> list[Any]:
    """The labelled rows, checked; a bad line is an EvalError ``FILE:LINE: reason``."""
    from mindtune.safety.evaluate import DataError, load_jsonl

    try:
        return load_jsonl(path)
    except DataError as e:
        raise EvalError(str(e)) from None


def safety_figures(path: str | Path) -> dict[str, Any]:
    """crisis_recall, benign_fpr, informational_accuracy, per_category, misses, ms_per_message
    (and whatever else the safety package reports) of ``SafetyLayer()`` on ``path``."""
    from mindtune.safety import SafetyLayer
    from mindtune.safety.evaluate import evaluate

    return evaluate(SafetyLayer(), load_labelled(path))
