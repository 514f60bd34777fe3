"""``mindtune eval`` and ``mindtune compare``: base vs fine-tuned on the same questions."""

from __future__ import annotations

import json
import math
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, TextIO

from mindtune.eval import metrics as M
from mindtune.eval import render
from mindtune.eval.questions import EvalError, Item, check_run, load_questions, load_split, select
from mindtune.eval.score import MAX_NEW_TOKENS, ModelScore, eval_settings, score_model
from mindtune.eval.similarity import EMBEDDER, model_path, similarities

MODELS = {"base": True, "finetuned": False}  # key in metrics.json -> base_only


def json_safe(obj: Any) -> Any:
    """NaN/inf become null: metrics.json stays strict JSON."""
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, dict):
        return {k: json_safe(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [json_safe(v) for v in obj]
    return obj


def _score_against_references(score: ModelScore, items: list[Item]) -> None:
    sims = similarities([a.text for a in score.answers], [it.reference for it in items])
    for a, it, sim in zip(score.answers, items, sims, strict=True):
        a.similarity = sim
        a.rouge_l = M.rouge_l(a.text, it.reference)


def _training(run: Path, cfg: Any) -> dict[str, Any]:
    from mindtune.report import loss_series, read_metrics

    records = read_metrics(run / "metrics.jsonl")
    train, _ = loss_series(records)
    evals = M.training_evals(records)
    best = M.best_step(evals)
    tc = cfg.train
    kept = "best" if best is not None and tc.keep_best and tc.eval_steps and tc.save_steps \
        else "last"
    return {"train": train, "evals": evals, "best_step": best,
            "overfit_from_step": M.overfit_from_step(evals),
            "best_eval_loss": dict(evals).get(best) if best is not None else None,
            "final_eval_loss": M.final_eval_loss(records), "kept": kept}


def _answer_rows(items: list[Item], scores: dict[str, ModelScore]) -> list[dict[str, Any]]:
    return [{"id": it.id, "question": it.question, "reference": it.reference,
             **{k: s.answers[i].to_dict() for k, s in scores.items()}}
            for i, it in enumerate(items)]


def report_files(metrics: dict[str, Any], rows: list[dict[str, Any]],
                 train: list[tuple[int, float]], evals: list[tuple[int, float]]
                 ) -> dict[str, bytes]:
    """Every file of RUN/eval/, rendered in memory (file name -> bytes)."""
    bars = render.bars_png(metrics["base"], metrics["finetuned"])
    loss = render.loss_png(train, evals, metrics["best_step"], metrics["overfit_from_step"])
    files = {
        "metrics.json": (json.dumps(metrics, indent=2, ensure_ascii=False) + "\n").encode(),
        "answers.jsonl": "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode(),
        "report.md": render.markdown(metrics, rows, loss is not None).encode(),
        "report.html": render.html_report(metrics, rows, bars, loss).encode(),
        "metrics.png": bars,
    }
    if loss is not None:
        files["loss.png"] = loss
    return files


def write_outputs(out: Path, files: dict[str, bytes]) -> None:
    """All files appear together or not at all: written to a temp dir, then swapped in."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes it owner-only; a report dir is ordinary
    old = out.parent / f".{out.name}-old-{os.getpid()}"
    try:
        for name, data in files.items():
            with open(tmp / name, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        if out.exists():
            os.replace(out, old)
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old.exists() and not out.exists():
            os.replace(old, out)  # put the previous report back
        raise
    shutil.rmtree(old, ignore_errors=True)


def run_eval(run: str | Path, questions: Path | None = None, limit: int | None = None,
             safety_file: Path | None = None, *, seed: int | None = None,
             max_new_tokens: int = MAX_NEW_TOKENS, progress: bool = True) -> dict[str, Any]:
    """Evaluate base and fine-tuned on the same items; write RUN/eval/; return metrics.json's dict.

    Every input is checked (questions file, limit, safety file, embedding model) before a model
    is loaded, and nothing is written unless the whole evaluation succeeds.
    """
    from mindtune.config import load_config
    from mindtune.eval.safety import load_labelled, safety_figures

    run_dir = check_run(run)
    items = select(load_questions(questions) if questions else load_split(run_dir), limit)
    if safety_file is not None:
        load_labelled(safety_file)
    model_path()
    cfg = load_config(run_dir / "config.yaml")
    seed = cfg.train.seed if seed is None else seed
    settings = eval_settings(seed, max_new_tokens)
    training = _training(run_dir, cfg)

    safety = safety_figures(safety_file) if safety_file is not None else None
    scores = {key: score_model(run_dir, base_only, items, settings, progress)
              for key, base_only in MODELS.items()}
    for s in scores.values():
        _score_against_references(s, items)

    metrics: dict[str, Any] = {
        "run": str(run_dir),
        "run_name": run_dir.resolve().name,
        "questions": str(questions) if questions else
        f"held-out split ({run_dir / 'eval_split.jsonl'})",
        "n_questions": len(items),
        "seed": seed,
        "generation": settings.to_dict(),
        "embedder": EMBEDDER,
        "best_step": training["best_step"],
        "overfit_from_step": training["overfit_from_step"],
        "training": {k: training[k] for k in ("best_eval_loss", "final_eval_loss", "kept")},
        **{k: s.summary() for k, s in scores.items()},
    }
    if safety is not None:
        metrics["safety"] = safety
        metrics["safety_file"] = str(safety_file)
    metrics = json_safe(metrics)
    rows = json_safe(_answer_rows(items, scores))

    files = report_files(metrics, rows, training["train"], training["evals"])
    write_outputs(run_dir / "eval", files)
    return metrics


def compare_answers(run: str | Path, questions: list[str], out: TextIO = sys.stdout, *,
                    seed: int | None = None, max_new_tokens: int = MAX_NEW_TOKENS,
                    progress: bool = True) -> list[dict[str, str]]:
    """Answer each question with the base model and the fine-tuned run; print them side by side.
    Returns ``[{question, base, finetuned}]``."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from mindtune.config import load_config

    run_dir = check_run(run)
    if not questions:
        raise EvalError("give at least one question")
    for i, q in enumerate(questions, 1):
        if not q.strip():
            raise EvalError(f"question {i} is empty")
    items = [Item(str(i), [{"role": "user", "content": q.strip()}], "", [])
             for i, q in enumerate(questions, 1)]
    if seed is None:
        seed = load_config(run_dir / "config.yaml").train.seed
    settings = eval_settings(seed, max_new_tokens)
    scores = {key: score_model(run_dir, base_only, items, settings, progress, with_loss=False)
              for key, base_only in MODELS.items()}
    result = [{"question": it.question, **{k: s.answers[i].text for k, s in scores.items()}}
              for i, it in enumerate(items)]
    console = Console(file=out, width=max(100, shutil.get_terminal_size().columns),
                      highlight=False)
    for r in result:  # Text(): model output is never read as rich markup
        table = Table(title=Text(r["question"]), show_lines=True, expand=True)
        table.add_column("base")
        table.add_column("fine-tuned")
        table.add_row(Text(r["base"]), Text(r["finetuned"]))
        console.print(table)
    return result
