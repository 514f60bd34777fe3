"""Counts only, one line per labelled set: how the safety layer did, without printing any line of
the set (blind sets stay unread). The rounds of docs/safety.md were decided with these counts.

    .venv/bin/python scripts/safety_counts.py redteam_zo redteam_zp          # shipped layer
    .venv/bin/python scripts/safety_counts.py redteam_zo --set T_ML=0.85     # a candidate threshold
    .venv/bin/python scripts/safety_counts.py redteam_zo --sensitive         # sensitive mode
    .venv/bin/python scripts/safety_counts.py redteam_zo --ml-weights FILE.npz  # a candidate
    .venv/bin/python scripts/safety_counts.py redteam_zo --weights FILE.npz     # English candidate
    .venv/bin/python scripts/safety_counts.py redteam_zo --grid T_IDIOM=0.995,0.95,0.90

Each line: crisis caught · explicit high-risk caught · benign false positives · figurative false
positives · informational answered as informational, each as ``hits/n``; then the sum. A set is
a path or a name in ``src/mindtune/safety/data`` (``.jsonl`` optional). ``--set NAME=VALUE``
overrides a float threshold of ``layer.py`` (``T_*``, ``ML_*``) for this run; an unknown name or
a value that is not a number is refused in one line. ``--ml-weights`` runs the default
multilingual classifier from another weights file, ``--weights`` the English classifier (a
missing or unreadable one is refused).
``--grid NAME=V1,V2,...`` (repeatable) runs every combination of the values, one block of lines
each; the classifiers are asked once per message and their answers reused across the blocks
(they do not depend on the thresholds), so a grid costs little more than one run.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from mindtune.safety import layer as layer_mod  # noqa: E402
from mindtune.safety.evaluate import DataError, evaluate, load_jsonl  # noqa: E402

DATA = ROOT / "src" / "mindtune" / "safety" / "data"
FIELDS = ("crisis", "high-risk", "benign FP", "figurative FP", "informational")
KEYS = ("crisis", "high_risk", "benign_fp", "figurative_fp", "informational")


def parse_override(item: str) -> tuple[str, float]:
    """``NAME=VALUE`` for a float threshold of layer.py; SystemExit naming what is wrong."""
    name, sep, value = item.partition("=")
    known = sorted(k for k, v in vars(layer_mod).items()
                   if k.startswith(("T_", "ML_")) and type(v) is float)
    if not sep or name not in known:
        raise SystemExit(f"--set {item!r}: unknown threshold; known: {', '.join(known)}")
    try:
        number = float(value)
    except ValueError:
        raise SystemExit(f"--set {item!r}: {value!r} is not a number") from None
    if not math.isfinite(number):  # nan compares false with every score: a silent "off"
        raise SystemExit(f"--set {item!r}: {value!r} is not a finite number")
    return name, number


def parse_grid(item: str) -> tuple[str, list[float]]:
    """``NAME=V1,V2,...``: the values of one threshold to try; SystemExit as ``--set``."""
    name, sep, values = item.partition("=")
    out = [parse_override(f"{name}={v}")[1] for v in values.split(",")] if sep else []
    if not out:
        raise SystemExit(f"--grid {item!r}: write NAME=V1,V2,...")
    return name, out


class Memoised:
    """Stands for a classifier and keeps its ``predict`` answers, by text and by the
    non-callable arguments (the callables the layer passes pick windows from the text alone);
    everything else is the classifier's own."""

    def __init__(self, clf: Any):
        self._clf, self._cache = clf, {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._clf, name)

    def predict(self, text: str, *args: Any, **kwargs: Any) -> Any:
        key = (text, args, tuple(sorted((k, None if callable(v) else v)
                                        for k, v in kwargs.items())))
        if key not in self._cache:
            self._cache[key] = self._clf.predict(text, *args, **kwargs)
        return self._cache[key]


def resolve(name: str) -> Path:
    path = Path(name)
    if path.is_file():
        return path
    path = DATA / (name if name.endswith(".jsonl") else f"{name}.jsonl")
    if not path.is_file():
        raise SystemExit(f"{name}: no such file (nor {path})")
    return path


def counts(layer: layer_mod.SafetyLayer, path: Path) -> list[tuple[int, int]]:
    """``(hits, n)`` for each of FIELDS on one labelled file (``evaluate``'s counts; its list
    of misses, which holds texts, is dropped unprinted)."""
    c = evaluate(layer, load_jsonl(path))["counts"]
    return [c[key] for key in KEYS]


def run(paths: list[Path], layer: layer_mod.SafetyLayer, head: str = "") -> None:
    """One block: a line per set, then the sum."""
    total = [0] * len(FIELDS)
    print(f"{head}set: " + " · ".join(FIELDS))
    for path in paths:
        try:
            row = counts(layer, path)
        except DataError as exc:
            raise SystemExit(str(exc)) from None
        total = [t + h for t, (h, _) in zip(total, row, strict=True)]
        print(f"{path.stem}: " + " · ".join(f"{h}/{n}" for h, n in row))
    print("sum: " + " · ".join(map(str, total)))


def _refuse_bad_settings(make: Any, **kwargs: Any) -> Any:
    """``make(**kwargs)``; a bad environment setting of the layer (``MINDTUNE_SAFETY_BF16``)
    ends in one line, as in ``mindtune``."""
    try:
        return make(**kwargs)
    except ValueError as exc:
        raise SystemExit(f"safety layer: {exc}") from None


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", help="labelled JSONL files or names in safety/data")
    ap.add_argument("--set", dest="overrides", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--grid", action="append", default=[], metavar="NAME=V1,V2,...",
                    help="every combination of these threshold values, a block each")
    ap.add_argument("--sensitive", action="store_true", help="sensitive mode for other languages")
    ap.add_argument("--ml-weights", type=Path, default=None, metavar="FILE.npz",
                    help="weights of the multilingual classifier (default: the shipped ones)")
    ap.add_argument("--weights", type=Path, default=None, metavar="FILE.npz",
                    help="weights of the English classifier (default: the shipped ones)")
    args = ap.parse_args(argv)
    overrides = [parse_override(item) for item in args.overrides]
    grid = [parse_grid(item) for item in args.grid]
    paths = [resolve(name) for name in args.sets]
    ml = None
    if args.ml_weights is not None:
        from mindtune.safety.ml_classifier import MultilingualClassifier

        ml = MultilingualClassifier(weights_path=args.ml_weights)
        if not ml.available:
            raise SystemExit(f"--ml-weights {args.ml_weights}: {ml.error}")
    en = None
    if args.weights is not None:
        from mindtune.safety.classifier import EmbeddingClassifier

        en = _refuse_bad_settings(EmbeddingClassifier, weights_path=args.weights)
        if not en.available:
            raise SystemExit(f"--weights {args.weights}: {en.error}")
    names = [name for name, _ in overrides] + [name for name, _ in grid]
    saved = {name: getattr(layer_mod, name) for name in names}
    try:
        for name, value in overrides:
            setattr(layer_mod, name, value)
        # no grid: one block of no values. The classifiers are shared by the blocks, through
        # stand-ins that keep their answers (they do not depend on the thresholds).
        base = _refuse_bad_settings(layer_mod.SafetyLayer, ml_classifier=ml, classifier=en,
                                    sensitive_other_languages=args.sensitive)
        shared = {"classifier": Memoised(base.classifier),
                  "ml_classifier": Memoised(base.ml_classifier),
                  "ml_sensitive_classifier": Memoised(base.ml_sensitive_classifier)}
        for values in itertools.product(*(v for _, v in grid)):
            for (name, _), value in zip(grid, values, strict=True):
                setattr(layer_mod, name, value)
            head = " ".join(f"{n}={v}" for (n, _), v in zip(grid, values, strict=True))
            # a fresh layer per block: the layer keeps its decisions, made at other thresholds
            run(paths, layer_mod.SafetyLayer(sensitive_other_languages=args.sensitive, **shared),
                f"{head}: " if head else "")
    finally:
        for name, value in saved.items():
            setattr(layer_mod, name, value)


if __name__ == "__main__":
    main()
