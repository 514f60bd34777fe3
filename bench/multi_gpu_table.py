"""Summarize bench_multi_gpu.sh: seconds per optimizer step (steps 3..N, after warm-up), speed-up
and scaling efficiency of DDP against 1 GPU at the same global batch, peak memory per GPU."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path


def step_time(path: Path) -> tuple[float | None, int]:
    if not path.exists():
        return None, 0
    rows = [json.loads(x) for x in path.read_text().splitlines() if x]
    pts = sorted({r["step"]: r["time"] for r in rows if "loss" in r and "time" in r}.items())
    pts = [p for p in pts if p[0] >= 2]  # step 1 carries compilation and allocator warm-up
    if len(pts) < 2:
        return None, len(pts)
    return (pts[-1][1] - pts[0][1]) / (pts[-1][0] - pts[0][0]), pts[-1][0]


def peak_mib(path: Path) -> dict[str, int]:
    peaks: dict[str, int] = {}
    if path.exists():
        for row in csv.reader(path.open()):
            if len(row) == 2:
                gpu, used = row[0].strip(), int(row[1])
                peaks[gpu] = max(peaks.get(gpu, 0), used)
    return peaks


def main(out: Path) -> None:
    res = {}
    for name in ("1gpu", "ddp", "fsdp"):
        s, n = step_time(out / f"metrics-{name}.jsonl")
        res[name] = {"s_per_step": s, "steps": n, "peak_mib_per_gpu": peak_mib(out / f"smi-{name}.csv")}
    one, ddp = res["1gpu"]["s_per_step"], res["ddp"]["s_per_step"]
    if one and ddp:
        res["ddp"]["speedup"] = one / ddp
        res["ddp"]["efficiency"] = one / ddp / 2
    (out / "multi_gpu.json").write_text(json.dumps(res, indent=2))
    print("| run | GPUs | rows/step | s/step | speed-up | efficiency | peak MiB per GPU (nvidia-smi) |")
    print("|---|---|---|---|---|---|---|")
    for name, gpus in (("1gpu", 1), ("ddp", 2), ("fsdp", 2)):
        r = res[name]
        s = f"{r['s_per_step']:.3f}" if r["s_per_step"] else "n/a"
        sp = f"{r['speedup']:.2f}x" if "speedup" in r else "-"
        ef = f"{r['efficiency']:.0%}" if "efficiency" in r else "-"
        mem = ", ".join(f"GPU{k}: {v}" for k, v in sorted(r["peak_mib_per_gpu"].items()))
        print(f"| {name} | {gpus} | 64 | {s} | {sp} | {ef} | {mem} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
