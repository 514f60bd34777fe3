"""Helpers shared by the bench scripts (not part of the package): the offline environment and
import path, timestamped logging, CUDA sync/free, and a collator wrapper that counts real and
padded tokens. Import it before transformers: it sets the offline switches."""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import torch  # noqa: E402

T_START = time.time()
FALCON_TARGETS = ["query_key_value", "dense", "dense_h_to_4h", "dense_4h_to_h"]


def log(msg: str) -> None:
    print(f"[{time.time() - T_START:6.1f}s] {msg}", flush=True)


def cuda() -> bool:
    return torch.cuda.is_available()


def sync() -> None:
    if cuda():
        torch.cuda.synchronize()


def free(reset_peak: bool = False) -> None:
    gc.collect()
    if cuda():
        torch.cuda.empty_cache()
        if reset_peak:
            torch.cuda.reset_peak_memory_stats()


class Counting:
    """Wraps a collator: real (non-pad) and padded token counts of every micro-batch it makes."""

    def __init__(self, inner: Any):
        self.inner, self.real, self.padded = inner, [], []

    def __call__(self, rows: list[dict]) -> Any:
        batch = self.inner(rows)
        self.real.append(sum(len(r["input_ids"]) for r in rows))
        self.padded.append(int(batch["input_ids"].numel()))
        return batch


def random_falcon_config(arch: str, tokenizer: str | None, tiny: bool) -> Any:
    """The ``falcon-7b-qlora`` preset on random weights of ``arch``'s shapes (nothing to
    download), with a local tokenizer directory when given; ``tiny``: fp32 for a CPU check."""
    from mindtune.config import load_config

    ov = ["model.init=random", f"model.arch={arch}"]
    if tokenizer:
        ov.append(f"model.tokenizer={tokenizer}")
    if tiny:
        ov += ["model.dtype=float32", "quant.compute_dtype=float32"]
    return load_config("falcon-7b-qlora", ov)


def rel(a: torch.Tensor, b: torch.Tensor) -> float:
    """Relative error of ``a`` against ``b`` (Frobenius norms, fp32)."""
    return float((a.float() - b.float()).norm() / b.float().norm().clamp_min(1e-12))


def kernel_check_main(doc: str, name: str, case: Any, cpu_cases: list[tuple],
                      gpu_cases: list[tuple]) -> None:
    """The ``main`` of a kernel check script: ``--cpu`` runs ``cpu_cases`` in fp32 (under
    ``TRITON_INTERPRET=1``), else ``gpu_cases`` in bf16 on CUDA; each case is
    ``case(*args, device, dtype) -> passed``. Prints a verdict and exits 1 on any failure."""
    import argparse

    ap = argparse.ArgumentParser(description=doc,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cpu", action="store_true", help="CPU tensors, fp32 (with TRITON_INTERPRET=1)")
    args = ap.parse_args()
    cases, dev, dt = ((cpu_cases, "cpu", torch.float32) if args.cpu
                      else (gpu_cases, "cuda", torch.bfloat16))
    ok = all([case(*c, dev, dt) for c in cases])
    print(f"{name}:", "PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)
