"""The nearest-neighbour vote of the safety classifiers, and the memory it reads.

For each class, the vote takes the mean cosine similarity of the ``k`` memory messages of that
class most similar to the query, and returns a softmax of ``scale`` times those means: a
paraphrase of a training message lands next to it even when the linear models miss the wording.

Reading the memory is the vote's whole cost: one query reads every row (memory-bound; 0.98 ms
for 19,953 float32 rows of 384 on one core, sixteenth session). A memory stored as int8 rows
with one scale each (``quantize_memory``) is therefore voted through an int8 product, PyTorch's
dynamic quantized linear (fbgemm on x86, qnnpack on ARM), which reads a quarter of the bytes;
the rows near each class's ``k``-th best are then rescored in float32 from the same int8 rows,
so the vote is the float32 vote whenever the int8 product errs by less than half of
``RESCORE_MARGIN`` (it quantizes the query to 8 bits: largest error measured 0.0053 over 200
batches of real windows, forty-sixth round). A memory stored float16 (the English one) is
voted the same way through an int8 copy made at load, its candidates rescored from its own
float rows (sixtieth round). Without a quantized engine, or with the switch off, the float32
product is used.
"""

from __future__ import annotations

import threading
import warnings
from typing import Any

import numpy as np

from .switches import on_unless_zero

RESCORE_MARGIN = 0.04  # float32 rescoring of every row within this of the k-th int8 score
CANDIDATES = 64  # rows taken per class by the int8 top-k (on real windows ~30 are within 0.04)
INT8_ENV = "MINDTUNE_SAFETY_INT8_VOTE"  # "0": always the float32 product


def quantize_memory(emb: np.ndarray) -> dict[str, np.ndarray]:
    """Neighbour-memory embeddings (N, D) as stored in a weights file: int8 rows with one
    float32 scale each (``knn_emb``, ``knn_emb_scale``). Half the size of float16 (the
    forty-fourth round's memories would have taken the repository past 64 MiB); on those
    memories a cosine similarity moved by at most 0.0025."""
    emb = np.asarray(emb, dtype=np.float32)
    scale = np.maximum(np.abs(emb).max(axis=1), 1e-12) / 127.0  # (N,)
    q = np.clip(np.rint(emb / scale[:, None]), -127, 127).astype(np.int8)
    return {"knn_emb": q, "knn_emb_scale": scale.astype(np.float32)}


def stored_memory(data: Any) -> np.ndarray:
    """The neighbour-memory embeddings (N, D) of a weights file, float32: int8 rows times
    their scales (``quantize_memory``), or float16 rows as written before the forty-fourth
    round."""
    emb = data["knn_emb"]
    keys = data.files if hasattr(data, "files") else data
    if "knn_emb_scale" in keys:
        return emb.astype(np.float32) * data["knn_emb_scale"].astype(np.float32)[:, None]
    return emb.astype(np.float32)


def knn_memory(ref: np.ndarray, ref_y: np.ndarray, n_classes: int
               ) -> tuple[np.ndarray, np.ndarray]:
    """The neighbour memory laid out for ``knn_scores``: the embeddings sorted by class and
    transposed, contiguous (D, N), and the class bounds (n_classes + 1,). Contiguous columns
    make one query a single pass over memory and each class a view, not a copy: 2.5 times
    faster on 30k messages (forty-second round), the same scores."""
    order = np.argsort(ref_y, kind="stable")
    bounds = np.searchsorted(ref_y[order], np.arange(n_classes + 1))
    return np.ascontiguousarray(ref[order].T, dtype=np.float32), bounds


def _softmax_of_means(means: np.ndarray, scale: float) -> np.ndarray:
    z = np.exp(scale * (means - means.max(axis=1, keepdims=True)))
    return z / z.sum(axis=1, keepdims=True)


def knn_scores(emb: np.ndarray, ref_t: np.ndarray, bounds: np.ndarray, k: int,
               scale: float) -> np.ndarray:
    """``knn_proba`` on a memory laid out by ``knn_memory``."""
    sims = emb @ ref_t  # (B, N)
    out = np.empty((len(emb), len(bounds) - 1), dtype=np.float32)
    for c in range(len(bounds) - 1):
        sc = sims[:, bounds[c]:bounds[c + 1]]
        kk = min(k, sc.shape[1])
        out[:, c] = np.partition(sc, sc.shape[1] - kk, axis=1)[:, -kk:].mean(1) if kk else -1.0
    return _softmax_of_means(out, scale)


def knn_proba(emb: np.ndarray, ref: np.ndarray, ref_y: np.ndarray, n_classes: int, k: int,
              scale: float) -> np.ndarray:
    """The vote (B, n_classes) of embeddings ``emb`` (B, D) on memory ``ref`` (N, D) with
    labels ``ref_y`` (N,), in one call (the trainers' form)."""
    return knn_scores(emb, *knn_memory(ref, ref_y, n_classes), k, scale)


def int8_setting() -> bool:
    """``MINDTUNE_SAFETY_INT8_VOTE``: unset or ``1`` = int8 memories are voted through the int8
    product (same votes, fewer bytes read), ``0`` = always the float32 product. Anything else
    is refused (ValueError naming the variable), never silently read as one or the other."""
    return on_unless_zero(INT8_ENV)


class Memory:
    """A classifier's neighbour memory, sorted by class, and its vote (``scores``).

    An int8 memory (``q`` (N, D) and ``q_scale`` (N,)) is kept as int8 and voted through the
    int8 product with float32 rescoring (module docstring); a float one (``emb`` (N, D)) the
    same way through an int8 copy, rescored from its own float rows (the float32 vote, in about
    a third of the time on the English memory); any memory with ``int8`` False or no quantized
    engine as float32 columns (``knn_memory``)."""

    def __init__(self, y: np.ndarray, n_classes: int, emb: np.ndarray | None = None,
                 q: np.ndarray | None = None, q_scale: np.ndarray | None = None,
                 int8: bool = True):
        self._n = len(y)
        self._q = self._q_scale = self._ref_t = self._packed = self._exact = None
        self._lock = threading.Lock()
        stored_int8 = q is not None and q_scale is not None
        if int8 and (stored_int8 or emb is not None):
            order = np.argsort(y, kind="stable")
            self.bounds = np.searchsorted(y[order], np.arange(n_classes + 1))  # (n_classes + 1,)
            if stored_int8:
                self._q = np.ascontiguousarray(q[order])  # (N, D) int8
                self._q_scale = q_scale[order].astype(np.float32)  # (N,)
            else:
                # A float memory (a float16 file): an int8 copy made here finds the candidates,
                # and its own float rows score them, so the vote is the float32 vote (the copy
                # errs by at most 0.0025 on a cosine, within the margin; sixtieth round).
                self._exact = np.ascontiguousarray(np.asarray(emb, dtype=np.float32)[order])
                quant = quantize_memory(self._exact)  # (N, D) int8 and (N,) scales
                self._q, self._q_scale = quant["knn_emb"], quant["knn_emb_scale"]
            self._packed = _pack(self._q, self._q_scale)
        if self._packed is None:  # float32 columns: no engine or switched off
            if emb is None:
                emb = stored_memory({"knn_emb": q, "knn_emb_scale": q_scale})
            self._ref_t, self.bounds = knn_memory(emb, y, n_classes)  # (D, N), sorted by class
            self._q = self._q_scale = self._exact = None

    @classmethod
    def from_arrays(cls, data: Any, n_classes: int, int8: bool = True) -> Memory:
        """The memory of a weights file (a loaded ``.npz`` or a dict of its arrays); ``int8``
        False keeps the float32 product (``int8_setting``)."""
        keys = set(data.files if hasattr(data, "files") else data)
        y = data["knn_y"].astype(np.int64)
        if "knn_emb_scale" in keys:
            return cls(y, n_classes, q=data["knn_emb"], q_scale=data["knn_emb_scale"],
                       int8=int8)
        return cls(y, n_classes, emb=stored_memory(data), int8=int8)

    @property
    def int8(self) -> bool:
        """Whether the vote runs through the int8 product."""
        return self._packed is not None

    def __len__(self) -> int:
        return self._n

    def scores(self, emb: np.ndarray, k: int, scale: float) -> np.ndarray:
        """The vote (B, n_classes) of embeddings ``emb`` (B, D), as ``knn_scores``."""
        if self._packed is None:
            return knn_scores(emb, self._ref_t, self.bounds, k, scale)
        import torch

        emb = np.ascontiguousarray(emb, dtype=np.float32)
        approx = self._int8_sims(emb)  # (B, N), within RESCORE_MARGIN / 2 of float32
        out = np.empty((len(emb), len(self.bounds) - 1), dtype=np.float32)
        for c in range(len(self.bounds) - 1):
            lo, hi = int(self.bounds[c]), int(self.bounds[c + 1])
            kk = min(k, hi - lo)
            if not kk:
                out[:, c] = -1.0
                continue
            top = torch.topk(approx[:, lo:hi], min(CANDIDATES, hi - lo), dim=1)
            val = top.values.numpy()  # (B, m), descending
            for b in range(len(emb)):
                if val.shape[1] == hi - lo or val[b, -1] < val[b, kk - 1] - RESCORE_MARGIN:
                    idx = lo + top.indices[b].numpy()  # every row within the margin
                else:  # rare: more rows within the margin than CANDIDATES
                    idx = lo + np.flatnonzero(approx[b, lo:hi].numpy()
                                              >= val[b, kk - 1] - RESCORE_MARGIN)
                out[b, c] = self._top_mean(emb[b], idx, kk)
        return _softmax_of_means(out, scale)

    def _top_mean(self, query: np.ndarray, idx: np.ndarray, k: int) -> float:
        """The mean of the ``k`` best float32 similarities of ``query`` (D,) to rows ``idx``."""
        if self._exact is not None:  # the float rows of a float memory
            exact = self._exact[idx] @ query  # (len(idx),)
            return float(np.partition(exact, len(exact) - k)[-k:].mean())
        assert self._q is not None and self._q_scale is not None
        exact = (self._q[idx].astype(np.float32) @ query) * self._q_scale[idx]  # (len(idx),)
        return float(np.partition(exact, len(exact) - k)[-k:].mean())

    def _int8_sims(self, emb: np.ndarray) -> Any:
        """The int8 product of ``emb`` (B, D) with every row: a (B, N) float32 tensor."""
        import torch

        with self._lock, torch.inference_mode():
            return torch.ops.quantized.linear_dynamic(torch.from_numpy(emb), self._packed, True)


def _pack(q: np.ndarray, q_scale: np.ndarray) -> Any:
    """The int8 rows ``q`` (N, D) with per-row scales, packed for PyTorch's dynamic quantized
    linear; None when torch or a quantized engine is missing (the float32 product is used)."""
    try:
        import torch

        if torch.backends.quantized.engine not in ("fbgemm", "x86", "qnnpack"):
            return None
        with warnings.catch_warnings():  # the quantized-tensor API warns of its deprecation
            warnings.simplefilter("ignore")
            w = torch._make_per_channel_quantized_tensor(
                torch.from_numpy(q), torch.from_numpy(q_scale.astype(np.float64)),
                torch.zeros(len(q), dtype=torch.long), 0)
            return torch.ops.quantized.linear_prepack(w, None)
    except (ImportError, RuntimeError, AttributeError):
        return None
