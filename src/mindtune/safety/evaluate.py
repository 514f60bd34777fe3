"""Evaluation of the layer on labelled JSONL files (``{text, label, category}`` per line).

Optional keys: ``tags`` (e.g. ``["high_risk", "figurative"]``), ``high_risk`` (a boolean,
the same as the ``high_risk`` tag) and ``history`` (earlier turns, ``[{role, content}]``).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .layer import SafetyLayer

LABELS = ("crisis", "informational", "benign")


class DataError(ValueError):
    """A bad input line; ``str()`` is ``FILE:LINE: reason``."""


@dataclass
class Example:
    text: str
    label: str
    category: str
    tags: tuple[str, ...] = ()
    history: tuple[dict, ...] = ()


def load_jsonl(path: str | Path) -> list[Example]:
    """Read and validate a JSONL file; raises ``DataError('FILE:LINE: reason')``."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}:0: cannot read file ({exc})") from exc
    out: list[Example] = []
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(f"{path}:{no}: invalid JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise DataError(f"{path}:{no}: expected a JSON object")
        text, label = row.get("text"), row.get("label")
        if not isinstance(text, str) or not text.strip():
            raise DataError(f"{path}:{no}: 'text' must be a non-empty string")
        if label not in LABELS:
            raise DataError(f"{path}:{no}: 'label' must be one of {', '.join(LABELS)}, "
                            f"got {label!r}")
        category = row.get("category", label)
        if not isinstance(category, str):
            raise DataError(f"{path}:{no}: 'category' must be a string")
        tags = row.get("tags", [])
        history = row.get("history", [])
        if not isinstance(tags, list) or not isinstance(history, list):
            raise DataError(f"{path}:{no}: 'tags' and 'history' must be lists")
        flag = row.get("high_risk", False)
        if not isinstance(flag, bool):
            raise DataError(f"{path}:{no}: 'high_risk' must be true or false")
        if flag and "high_risk" not in tags:
            tags = [*tags, "high_risk"]
        out.append(Example(text, label, category, tuple(map(str, tags)), tuple(history)))
    if not out:
        raise DataError(f"{path}:0: no examples")
    return out


def _rate(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def evaluate(layer: SafetyLayer, examples: list[Example]) -> dict[str, Any]:
    """Run the layer on ``examples`` and compute the figures of the issue.

    ``benign_fpr`` is the share of benign messages labelled crisis; ``figurative_fpr`` the
    same on messages tagged (or categorised) figurative; ``informational_accuracy`` the
    share of informational messages labelled informational (``informational_refused`` is the
    share labelled crisis); ``high_risk_recall`` is recall on messages tagged high_risk.
    """
    layer.check("warm-up")  # loads the classifier outside the timing
    per_cat: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list[dict[str, Any]] = []
    counts: dict[str, int] = defaultdict(int)
    t0 = time.perf_counter()
    for ex in examples:
        d = layer.check(ex.text, list(ex.history) or None)
        pc = per_cat[ex.category]
        pc["n"] += 1
        pc[f"pred_{d.label}"] += 1
        ok = d.label == ex.label
        pc["correct"] += ok
        figurative = "figurative" in ex.tags or "figurative" in ex.category
        counts[f"{ex.label}_n"] += 1
        counts[f"{ex.label}_as_{d.label}"] += 1
        if figurative:
            counts["fig_n"] += 1
            counts["fig_fp"] += d.label == "crisis"
        if "high_risk" in ex.tags:
            counts["hr_n"] += 1
            counts["hr_hit"] += d.label == "crisis"
        if not ok:
            misses.append({"text": ex.text[:300], "label": ex.label, "category": ex.category,
                           "predicted": d.label, "level": d.level,
                           "evidence": d.evidence[:3]})
    elapsed = time.perf_counter() - t0
    table = {
        cat: {"n": v["n"], "accuracy": _rate(v["correct"], v["n"]),
              "crisis": v["pred_crisis"], "informational": v["pred_informational"],
              "benign": v["pred_benign"]}
        for cat, v in sorted(per_cat.items())
    }
    return {
        "n": len(examples),
        "crisis_recall": _rate(counts["crisis_as_crisis"], counts["crisis_n"]),
        "benign_fpr": _rate(counts["benign_as_crisis"], counts["benign_n"]),
        "figurative_fpr": _rate(counts["fig_fp"], counts["fig_n"]),
        "high_risk_recall": _rate(counts["hr_hit"], counts["hr_n"]),
        "informational_accuracy": _rate(counts["informational_as_informational"],
                                        counts["informational_n"]),
        "informational_refused": _rate(counts["informational_as_crisis"],
                                       counts["informational_n"]),
        "benign_as_informational": _rate(counts["benign_as_informational"],
                                         counts["benign_n"]),
        # (hits, n) behind the rates, for tools that report counts only (scripts/safety_counts.py)
        "counts": {
            "crisis": (counts["crisis_as_crisis"], counts["crisis_n"]),
            "high_risk": (counts["hr_hit"], counts["hr_n"]),
            "benign_fp": (counts["benign_as_crisis"], counts["benign_n"]),
            "figurative_fp": (counts["fig_fp"], counts["fig_n"]),
            "informational": (counts["informational_as_informational"],
                              counts["informational_n"]),
        },
        "per_category": table,
        "misses": misses,
        "ms_per_message": round(1000 * elapsed / max(1, len(examples)), 3),
        "classifier": "on" if layer.classifier.available else "off (rules only)",
    }
