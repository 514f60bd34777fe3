"""Helpers shared by the bench scripts (not part of the package): timestamped logging, CUDA
sync/free, and a collator wrapper that counts real and padded tokens."""

from __future__ import annotations

import gc
import time
from typing import Any

import torch

T_START = time.time()


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
