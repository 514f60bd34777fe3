"""``mindtune safety`` commands: ``check`` one message, ``eval`` a labelled JSONL file."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from .evaluate import DataError, evaluate, load_jsonl
from .layer import SafetyLayer
from .resources import LOCALES

app = typer.Typer(
    help="Crisis-safety layer: check a message or evaluate the layer on a labelled file.",
    epilog="Environment: MINDTUNE_SAFETY_BF16=auto|1|0 runs the English classifier's encoder in "
           "bfloat16 (auto, the default: where the CPU has it natively; same decisions, ~25% "
           "faster) or float32. MINDTUNE_SAFETY_INT8_VOTE=1|0 votes an int8 neighbour memory "
           "through an int8 product (1, the default; same votes) or float32. "
           "MINDTUNE_SAFETY_TRACE=1|0 runs the English encoder as a graph traced at load (1, the "
           "default; same scores, faster) or eager.",
    no_args_is_help=True,
    add_completion=False,
)


def _locale_option() -> str:
    return typer.Option("US", "--locale", "-l", help=f"Resources locale: {', '.join(LOCALES)}.")


def _sensitive_option() -> bool | None:
    return typer.Option(
        None, "--sensitive-other-languages/--no-sensitive-other-languages",
        help="Ask the multilingual classifier about messages in other languages that no rule "
             "caught (more crisis messages caught, some more false positives; default: "
             "$MINDTUNE_SAFETY_SENSITIVE_OTHER_LANGUAGES).")


def _layer(locale: str, sensitive: bool | None) -> SafetyLayer:
    try:
        return SafetyLayer(locale=locale, sensitive_other_languages=sensitive)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


@app.command()
def check(
    text: str = typer.Argument(..., help="The user message to check."),
    locale: str = _locale_option(),
    sensitive: bool | None = _sensitive_option(),
    history: Path | None = typer.Option(
        None, "--history", help="JSON file with earlier messages [{role, content}, ...]."
    ),
) -> None:
    """Print the decision for TEXT as JSON (label, level, categories, evidence, reply)."""
    turns = None
    if history is not None:
        try:
            turns = json.loads(history.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            typer.echo(f"{history}:0: cannot read history ({exc})", err=True)
            raise typer.Exit(1) from exc
    decision = _layer(locale, sensitive).check(text, turns)
    typer.echo(json.dumps(decision.to_dict(), ensure_ascii=False, indent=2))


@app.command("eval")
def eval_(
    file: Path = typer.Argument(..., help="JSONL with {text, label, category} per line."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    locale: str = _locale_option(),
    sensitive: bool | None = _sensitive_option(),
) -> None:
    """Crisis recall, benign false-positive rate, informational handling, per category, misses."""
    try:
        examples = load_jsonl(file)
    except DataError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from exc
    report = evaluate(_layer(locale, sensitive), examples)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    _print_report(report, file)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _print_report(report: dict, file: Path) -> None:
    console = Console()
    summary = Table(title=f"mindtune safety eval - {file} ({report['n']} messages)")
    summary.add_column("figure")
    summary.add_column("value", justify="right")
    for key, label in [
        ("crisis_recall", "crisis recall"),
        ("high_risk_recall", "crisis recall, explicit high-risk (tagged)"),
        ("benign_fpr", "benign false-positive rate (labelled crisis)"),
        ("figurative_fpr", "figurative false-positive rate (tagged)"),
        ("informational_accuracy", "informational labelled informational"),
        ("informational_refused", "informational labelled crisis"),
    ]:
        summary.add_row(label, _pct(report[key]))
    summary.add_row("latency per message", f"{report['ms_per_message']:.2f} ms")
    summary.add_row("classifier", report["classifier"])
    console.print(summary)
    cats = Table(title="per category")
    for col in ("category", "n", "accuracy", "crisis", "informational", "benign"):
        cats.add_column(col, justify="left" if col == "category" else "right")
    for cat, row in report["per_category"].items():
        cats.add_row(cat, str(row["n"]), _pct(row["accuracy"]), str(row["crisis"]),
                     str(row["informational"]), str(row["benign"]))
    console.print(cats)
    console.print(f"misses: {len(report['misses'])}")
    for miss in report["misses"]:
        console.print(f"  [{miss['label']} -> {miss['predicted']}] ({miss['category']}) "
                      f"{miss['text']!r}", markup=False, highlight=False)


if __name__ == "__main__":
    app()
