"""Fixtures for the safety-layer tests: offline, one shared layer (the encoder loads once)."""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
ROOT = Path(__file__).resolve().parents[2]
try:
    import mindtune.safety  # noqa: F401
except ImportError:  # running from a checkout without an install
    sys.path.insert(0, str(ROOT / "src"))

from mindtune.safety import SafetyLayer  # noqa: E402
from mindtune.safety.classifier import EmbeddingClassifier  # noqa: E402

DATA = ROOT / "src" / "mindtune" / "safety" / "data"


@pytest.fixture(scope="session")
def layer() -> SafetyLayer:
    """The full layer: rules + lexicon + embedding classifier."""
    lay = SafetyLayer(locale="US")
    assert lay.classifier.available, lay.classifier.error
    return lay


@pytest.fixture(scope="session")
def rules_layer() -> SafetyLayer:
    """The layer with the classifier made unavailable (rules and lexicon only)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf = EmbeddingClassifier(weights_path=Path("/nonexistent/classifier.npz"))
        assert not clf.available
    return SafetyLayer(locale="US", classifier=clf)


def dev_path() -> Path:
    """``MINDTUNE_SAFETY_DEV`` or ``../shared/eval/safety_dev.jsonl`` from the repo root."""
    env = os.environ.get("MINDTUNE_SAFETY_DEV")
    return Path(env) if env else (ROOT / ".." / "shared" / "eval" / "safety_dev.jsonl").resolve()


def load_script(name: str):  # noqa: ANN201 - a module
    """``scripts/<name>.py`` imported as a module (the trainers are scripts, not package code)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod
