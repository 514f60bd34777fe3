"""mindtune command line: a thin layer over functions that the tests call directly.

Every expected failure (bad data, bad config, missing model) ends in one line on stderr naming what
and where, and exit code 1 — never a traceback.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import typer

from mindtune import __version__

app = typer.Typer(help="mindtune: QLoRA fine-tuning, evaluation and safe serving of mental-health "
                  "support chatbots.", no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False)
data_app = typer.Typer(help="Check and describe a conversational dataset.", no_args_is_help=True)
app.add_typer(data_app, name="data")

DATA_HELP = ("hub id (owner/name; resolves to $MINDTUNE_DATA_DIR/name/ first), a directory, or a "
             ".parquet/.jsonl/.json/.csv file")


def _fail(msg: str, code: int = 1) -> None:
    typer.echo(f"error: {msg}", err=True)
    raise typer.Exit(code)


def _known_errors() -> tuple[type[BaseException], ...]:
    from mindtune.config import ConfigError
    from mindtune.data import DataError
    from mindtune.engine import EngineError
    from mindtune.model import ModelError
    from mindtune.prompt import PromptError
    from mindtune.train import TrainError

    return (ConfigError, DataError, ModelError, TrainError, EngineError, PromptError,
            FileNotFoundError)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mindtune {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log INFO messages."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not verbose:  # library deprecation notices are for us, not for users
        import warnings

        warnings.filterwarnings("ignore", category=FutureWarning)
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        # bitsandbytes warns that an optional CPU kernel package is missing; its fallback works
        logging.getLogger("bitsandbytes").setLevel(logging.ERROR)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


# -- data -----------------------------------------------------------------------------------------
@data_app.command("validate")
def data_validate(
    data: str = typer.Option(None, "--data", help=DATA_HELP),
    config: str = typer.Option(None, "--config", help="Preset whose tokenizer and max_length "
                               "set the token limit (default: character limit only)."),
) -> None:
    """List every bad row as `row N: reason`; exit 1 if there is any."""
    from mindtune import data as d

    src = data or d.DEFAULT_DATASET
    tok, max_tokens = None, None
    if config:
        from mindtune.config import load_config
        from mindtune.model import load_tokenizer, resolve_source

        cfg = load_config(config)
        tok, max_tokens = load_tokenizer(resolve_source(cfg.model)[1]), cfg.data.max_length
    errors = d.validate(src, tokenizer=tok, max_tokens=max_tokens)
    for e in errors:
        typer.echo(str(e))
    n = len(d.load_records(src))
    typer.echo(f"{src}: {n} rows, {n - len(errors)} valid, {len(errors)} invalid",
               err=bool(errors))
    if errors:
        raise typer.Exit(1)


@data_app.command("stats")
def data_stats(
    data: str = typer.Option(None, "--data", help=DATA_HELP),
    config: str = typer.Option("smollm2-135m-cpu", "--config",
                               help="Preset whose tokenizer counts tokens."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Counts, turns, and character and token lengths."""
    from mindtune import data as d
    from mindtune.config import load_config
    from mindtune.model import load_tokenizer, resolve_source

    cfg = load_config(config)
    tok = load_tokenizer(resolve_source(cfg.model)[1])
    stats = d.stats(data or d.DEFAULT_DATASET, tokenizer=tok)
    if as_json:
        typer.echo(json.dumps(stats, indent=2))
        return
    for k, v in stats.items():
        typer.echo(f"{k:>16}: {v}")


# -- train ----------------------------------------------------------------------------------------
@app.command()
def train(
    config: str = typer.Option(..., "--config", "-c", help="YAML preset (configs/*.yaml or a "
                               "path), e.g. configs/smollm2-135m-cpu.yaml"),
    set_: list[str] = typer.Option(None, "--set", help="Override a key: --set train.lr=1e-4 "
                                   "(repeatable; unknown keys and wrong types are errors)"),
    output_dir: Path = typer.Option(None, "--output-dir", "-o", help="Run directory "
                                    "(default runs/<name>)"),
    max_steps: int = typer.Option(None, "--max-steps", help="Stop after N optimizer steps."),
    resume: bool = typer.Option(False, "--resume", help="Continue from the last complete "
                                "checkpoint in the output dir."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing run."),
) -> None:
    """Fine-tune with (Q)LoRA; writes adapter/, config.yaml, metrics.jsonl, loss.png, README.md."""
    from mindtune.config import load_config
    from mindtune.train import is_main_process, run_training

    overrides = list(set_ or [])
    if max_steps is not None:
        overrides.append(f"train.max_steps={max_steps}")
    cfg = load_config(config, overrides)
    out = output_dir or Path("runs") / cfg.name
    recipe = run_training(cfg, out, resume=resume, overwrite=overwrite)
    if recipe.interrupted:
        typer.echo(f"interrupted; checkpoint saved. Continue with: mindtune train --config "
                   f"{config} --output-dir {out} --resume", err=True)
        raise typer.Exit(130)
    if not is_main_process():
        return
    ev = getattr(recipe, "final_eval", {})
    if "eval_loss" in ev:
        typer.echo(f"eval loss {ev['eval_loss']:.4f}")
    typer.echo(f"run saved in {out}/ — chat with it: mindtune chat {out}")


@app.command()
def demo(
    output_dir: Path = typer.Option(Path("runs/demo"), "--output-dir", "-o", help="Run directory."),
    config: str = typer.Option("smollm2-135m-cpu", "--config", "-c", help="Preset."),
    set_: list[str] = typer.Option(None, "--set", help="Override a key (repeatable)."),
) -> None:
    """Fine-tune the embedded model with QLoRA, then compare base and tuned on a held-out question."""
    import time

    from mindtune.config import load_config
    from mindtune.eval import compare_answers
    from mindtune.train import run_training

    t0 = time.perf_counter()
    cfg = load_config(config, list(set_ or []))
    recipe = run_training(cfg, output_dir, overwrite=True)
    if recipe.interrupted:
        raise typer.Exit(130)
    held_out = [json.loads(x) for x in (output_dir / "eval_split.jsonl").read_text().splitlines()]
    question = held_out[0]["messages"][-2]["content"] if held_out else "How can I cope with stress?"
    typer.echo(f"\nHeld-out question (row {held_out[0]['row'] if held_out else '-'}):")
    compare_answers(str(output_dir), [question], out=sys.stdout)
    ev = getattr(recipe, "final_eval", {}).get("eval_loss")
    typer.echo(f"\ndemo finished in {time.perf_counter() - t0:.0f} s"
               + (f"; held-out eval loss {ev:.4f}" if ev is not None else ""))
    import shutil

    exe = "mindtune" if shutil.which("mindtune") else str(Path(sys.executable).parent / "mindtune")
    typer.echo(f"chat with it:  {exe} chat {output_dir}")


# -- chat / serve / merge -------------------------------------------------------------------------
@app.command()
def chat(
    run: str = typer.Argument(None, help="Run directory or merged model (default: the embedded "
                              "SmolLM2-135M-Instruct)."),
    locale: str = typer.Option("US", "--locale", help="Crisis resources for this country code."),
    temperature: float = typer.Option(0.7, help="0 = greedy."),
    max_new_tokens: int = typer.Option(256, help="Longest reply in tokens."),
    fast: bool = typer.Option(False, "--fast", help="Merge the adapter and decode with a static "
                              "KV cache (+ CUDA graphs on a GPU); compiles for ~2 min at start."),
) -> None:
    """Terminal chat with streaming replies; /reset, /settings, /quit."""
    from mindtune.chat import run_chat
    from mindtune.engine import GenerationSettings, load_engine

    engine = load_engine(run, locale=locale, fast=fast)
    settings = GenerationSettings(temperature=temperature, max_new_tokens=max_new_tokens)
    run_chat(engine, settings, sys.stdin, sys.stdout)


@app.command()
def serve(
    run: str = typer.Argument(None, help="Run directory or merged model (default: embedded)."),
    host: str = typer.Option("127.0.0.1", help="Bind address."),
    port: int = typer.Option(7860, help="Port."),
    api_key: str = typer.Option(None, "--api-key", envvar="MINDTUNE_API_KEY",
                                help="Require this Bearer key on /v1."),
    locale: str = typer.Option("US", "--locale", help="Crisis resources for this country code."),
    log_conversations: Path = typer.Option(None, "--log-conversations",
                                           help="Append conversations to this file (off by "
                                           "default; file is owner-only)."),
    fast: bool = typer.Option(False, "--fast", help="Merge the adapter and decode with a static "
                              "KV cache (+ CUDA graphs on a GPU); compiles for ~2 min at start."),
    web: bool = typer.Option(True, "--web/--no-web", help="Serve the Gradio page at / "
                             "(--no-web: the API and /health only; gradio is not imported)."),
    batch: int = typer.Option(1, "--batch", help="Decode up to this many requests that wait "
                              "at the same time in one batch (1: one at a time)."),
) -> None:
    """Gradio page at /, OpenAI-compatible API at /v1, health at /health — one process."""
    from mindtune.serve.app import run_server
    from mindtune.serve.settings import ServerSettings

    run_server(ServerSettings(target=run, host=host, port=port, api_key=api_key, locale=locale,
                              log_conversations=log_conversations, fast=fast, web=web,
                              max_batch=batch))


@app.command()
def merge(
    run: str = typer.Argument(..., help="Run directory."),
    out: Path = typer.Option(..., "--out", help="Directory for the merged model."),
) -> None:
    """Merge the adapter into the dequantized base; checks greedy answers match the adapter's."""
    from mindtune.merge import merge_run

    report = merge_run(run, out)
    typer.echo(json.dumps(report, indent=2))


# -- eval -----------------------------------------------------------------------------------------
@app.command("eval")
def eval_(
    run: str = typer.Argument(..., help="Run directory."),
    questions: Path = typer.Option(None, "--questions", help="JSONL lines {question, "
                                   "reference}; default: the run's held-out split."),
    limit: int = typer.Option(None, "--limit", help="Only the first N questions."),
    safety: Path = typer.Option(None, "--safety", help="Labelled safety JSONL to score too."),
    as_json: bool = typer.Option(False, "--json", help="Print metrics.json to stdout."),
) -> None:
    """Base vs fine-tuned report (loss, similarity, ROUGE-L, run-ons, speed) in RUN/eval/."""
    from mindtune.eval import run_eval

    metrics = run_eval(run, questions=questions, limit=limit, safety_file=safety)
    typer.echo(json.dumps(metrics, indent=2) if as_json else f"report: {Path(run) / 'eval'}")


@app.command()
def compare(
    run: str = typer.Argument(..., help="Run directory."),
    question: list[str] = typer.Argument(..., help="One or more questions."),
) -> None:
    """Answer questions with the base model and the fine-tuned run, side by side."""
    from mindtune.eval import compare_answers

    compare_answers(run, question, out=sys.stdout)


from mindtune.safety.cli import app as safety_app  # noqa: E402  (sub-app defined in its module)

app.add_typer(safety_app, name="safety")


def main() -> None:
    try:
        app()
    except _known_errors() as e:
        msg = str(e).splitlines()[0] if str(e) else type(e).__name__
        typer.echo(f"error: {msg}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
