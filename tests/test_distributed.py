"""`torchrun` runs `mindtune train` unchanged: 2 CPU processes (gloo) on a tiny model give the
losses of one process with the same global batch."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
COMMON = ["--config", str(REPO / "configs" / "smollm2-135m-cpu.yaml"), "--max-steps", "3",
          "--set", "model.init=random", "--set", "model.arch=tiny-llama",
          "--set", "train.shuffle=false", "--set", "train.eval_steps=0",
          "--set", "train.save_steps=0", "--set", "train.logging_steps=1",
          "--set", "lora.dropout=0", "--set", "quant.load_in_4bit=false"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _losses(run: Path) -> list[float]:
    rows = [json.loads(x) for x in (run / "metrics.jsonl").read_text().splitlines() if x]
    return [r["loss"] for r in rows if "loss" in r]


def test_two_gloo_processes_match_one_process(tmp_path: Path) -> None:
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    one = subprocess.run([sys.executable, "-m", "mindtune.cli", "train", *COMMON,
                          "--set", "train.batch_size=4", "--output-dir", str(tmp_path / "one")],
                         env=env, capture_output=True, text=True, timeout=600)
    assert one.returncode == 0, one.stderr[-2000:]
    two = subprocess.run([sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2",
                          "--master_addr", "127.0.0.1", "--master_port", str(_free_port()),
                          "-m", "mindtune.cli", "train", *COMMON, "--set", "train.batch_size=2",
                          "--output-dir", str(tmp_path / "two")],
                         env=env, capture_output=True, text=True, timeout=600)
    assert two.returncode == 0, two.stderr[-2000:]
    assert two.stdout.count("run saved in") == 1  # rank 0 reports, rank 1 stays quiet
    a, b = _losses(tmp_path / "one"), _losses(tmp_path / "two")
    assert len(a) == len(b) == 3
    assert a == pytest.approx(b, rel=1e-4)
    assert (tmp_path / "two" / "adapter" / "adapter_model.safetensors").exists()


@pytest.mark.parametrize("name", ["ddp.yaml", "fsdp_qlora.yaml"])
def test_shipped_accelerate_configs_load(name: str) -> None:
    from accelerate.commands.config.config_args import ClusterConfig

    cfg = ClusterConfig.from_yaml_file(str(REPO / "configs" / "accelerate" / name))
    assert cfg.num_processes == 2
    if name.startswith("fsdp"):
        assert cfg.fsdp_config["fsdp_sharding_strategy"] == "FULL_SHARD"
