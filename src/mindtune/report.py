"""Run artefacts for people: the loss curve and the model card."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mindtune.config import Config

NOT_A_THERAPIST = (
    "This model is not a therapist and not a medical device. It cannot diagnose, prescribe or "
    "help in an emergency. If you or someone else is in danger, call your local emergency number "
    "or a crisis line (US 988, UK/IE Samaritans 116 123, others at findahelpline.com)."
)


def read_metrics(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def loss_series(metrics: list[dict[str, Any]]) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
    """(train, eval) loss points; a resumed run may log a step twice, the last one wins.

    The evaluation that follows a ``train_runtime`` record is the final one, run after the best
    adapter was loaded back (train.keep_best): it is logged at the last step but measures the best
    checkpoint, so it is not a point of the curve.
    """
    train = {m["step"]: m["loss"] for m in metrics if "loss" in m}
    evals: dict[int, float] = {}
    prev: dict[str, Any] = {}
    for m in metrics:
        if "eval_loss" in m and "train_runtime" not in prev:
            evals[int(m["step"])] = float(m["eval_loss"])
        prev = m
    return sorted(train.items()), sorted(evals.items())


def best_eval(metrics: list[dict[str, Any]]) -> tuple[int, float] | None:
    _, evals = loss_series(metrics)
    return min(evals, key=lambda p: p[1]) if evals else None


def plot_losses(metrics_path: Path, out: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    train, evals = loss_series(read_metrics(metrics_path))
    fig, ax = plt.subplots(figsize=(7, 4), dpi=110)
    if train:
        ax.plot(*zip(*train, strict=True), label="train loss", color="#4C72B0")
    if evals:
        ax.plot(*zip(*evals, strict=True), "o-", label="eval loss", color="#DD8452")
        step, val = min(evals, key=lambda p: p[1])
        ax.axvline(step, color="#999", ls="--", lw=1)
        ax.annotate(f"best eval {val:.3f} @ {step}", (step, val), textcoords="offset points",
                    xytext=(6, 8), fontsize=8)
    ax.set_xlabel("optimizer step")
    ax.set_ylabel("loss (assistant tokens)")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    tmp = out.with_suffix(".tmp.png")
    fig.savefig(tmp)
    plt.close(fig)
    tmp.replace(out)
    return out


def write_model_card(run: Path, cfg: Config, final_eval: dict[str, Any], state: Any) -> Path:
    metrics = read_metrics(run / "metrics.jsonl")
    train, _ = loss_series(metrics)
    best = best_eval(metrics)
    base = cfg.model.source if cfg.model.init == "pretrained" else f"{cfg.model.arch} (random init)"
    quant = (f"{cfg.quant.quant_type.upper()} 4-bit, double quant {cfg.quant.double_quant}, "
             f"compute {cfg.quant.compute_dtype}" if cfg.quant.load_in_4bit else "none (plain LoRA)")
    lines = [
        f"# {cfg.name} — mindtune LoRA adapter",
        "",
        f"> {NOT_A_THERAPIST}",
        "",
        "| | |", "|---|---|",
        f"| base model | `{base}` |",
        f"| data | `{cfg.data.source}` (template `{cfg.data.template}`, loss on "
        f"`{cfg.data.train_on}` tokens, {cfg.data.eval_fraction:.0%} held out) |",
        f"| quantization | {quant} |",
        f"| LoRA | r={cfg.lora.r}, alpha={cfg.lora.alpha}, dropout={cfg.lora.dropout}, "
        f"targets `{cfg.lora.target_modules}` |",
        f"| optimizer | {cfg.train.optimizer}, lr {cfg.train.lr}, {cfg.train.lr_scheduler}, "
        f"batch {cfg.train.batch_size} x accum {cfg.train.grad_accum} |",
        f"| steps | {getattr(state, 'global_step', '?')} |",
        f"| final train loss | {train[-1][1]:.4f} |" if train else "| final train loss | n/a |",
        f"| final eval loss | {final_eval['eval_loss']:.4f} |" if "eval_loss" in final_eval
        else "| final eval loss | n/a |",
        f"| best eval loss | {best[1]:.4f} at step {best[0]} |" if best else "| best eval loss | n/a |",
        "",
        "![loss](loss.png)",
        "",
        "## Use",
        "",
        f"```\nmindtune chat {run}\nmindtune eval {run}\n```",
        "",
        "## Limits",
        "",
        "- Trained on a small public Q&A set (172 rows in the reference data); answers are general "
        "information, can be wrong, and do not know the person.",
        "- Every surface puts mindtune's crisis-safety layer in front of the model; the adapter "
        "alone has no safety guarantees.",
        "- Not evaluated by clinicians. Do not use it to diagnose, treat or triage anyone.",
        "",
        "Resolved config: `config.yaml`; metrics: `metrics.jsonl`.",
    ]
    path = run / "README.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
