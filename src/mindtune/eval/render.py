"""The eval report: plots (PNG bytes), ``report.md`` and a self-contained ``report.html``.

Everything here is a function of the metrics dict and the answer rows; nothing is measured here.
Model text is untrusted: it is HTML-escaped everywhere (and markdown-escaped in report.md).
"""

from __future__ import annotations

import base64
import html
import io
import math
import re
from collections.abc import Sequence
from typing import Any

# (key in metrics.json, label, which way is better, format)
METRICS: list[tuple[str, str, str | None, str]] = [
    ("eval_loss", "eval loss (assistant tokens)", "lower", ".4f"),
    ("perplexity", "perplexity", "lower", ".2f"),
    ("similarity", "semantic similarity (MiniLM cosine)", "higher", ".3f"),
    ("rouge_l", "ROUGE-L F", "higher", ".3f"),
    ("runon_rate", "run-on rate (fabricated next turn)", "lower", ".3f"),
    ("repetition_rate", "repeated 4-gram rate", "lower", ".3f"),
    ("answer_tokens", "answer length (tokens)", None, ".1f"),
    ("answer_words", "answer length (words)", None, ".1f"),
    ("length_stops", "answers cut at max_new_tokens", None, ".3f"),
    ("tokens_per_s", "generation speed (tokens/s)", "higher", ".1f"),
]
RATES = {"similarity", "rouge_l", "runon_rate", "repetition_rate"}  # plotted on a 0..1 axis
PLOTTED = ["eval_loss", "perplexity", "similarity", "rouge_l", "runon_rate", "repetition_rate",
           "answer_tokens", "tokens_per_s"]
BASE_COLOR, TUNED_COLOR = "#8C8C8C", "#DD8452"


def fmt(value: Any, spec: str = ".3f") -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "n/a" if value is None or math.isnan(value) else "inf"
    if isinstance(value, (bool, int, str)):
        return str(value)
    return format(value, spec)


def verdict(key: str, base: Any, tuned: Any, better: str | None) -> str:
    """Which model does better on this metric (a word for the table, never a judgement call)."""
    if better is None or base is None or tuned is None:
        return ""
    if not (math.isfinite(base) and math.isfinite(tuned)) or base == tuned:
        return "same" if base == tuned else ""
    tuned_wins = tuned < base if better == "lower" else tuned > base
    return "fine-tuned" if tuned_wins else "base"


# -- plots ----------------------------------------------------------------------------------------
def _png(fig: Any) -> bytes:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def loss_png(train: Sequence[tuple[int, float]], evals: Sequence[tuple[int, float]],
             best: int | None, overfit: int | None) -> bytes | None:
    """Training curves with the best checkpoint and the start of overfitting marked."""
    if not train and not evals:
        return None
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    if train:
        ax.plot(*zip(*train, strict=True), label="train loss", color="#4C72B0")
    if evals:
        ax.plot(*zip(*evals, strict=True), "o-", label="eval loss", color=TUNED_COLOR)
    ev = dict(evals)
    if best is not None:
        ax.axvline(best, color="#2CA02C", ls="--", lw=1, label=f"best checkpoint (step {best})")
        ax.annotate(f"{ev[best]:.3f}", (best, ev[best]), textcoords="offset points",
                    xytext=(6, -12), fontsize=8)
    if overfit is not None:
        ax.axvline(overfit, color="#D62728", ls=":", lw=1.5,
                   label=f"eval loss rising (step {overfit})")
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("optimizer step")
    ax.set_ylabel("loss (assistant tokens)")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    return _png(fig)


def bars_png(base: dict[str, Any], tuned: dict[str, Any]) -> bytes:
    """One small panel per metric: base vs fine-tuned bars, values written on them."""
    plt = _pyplot()
    labels = {k: (lab, better) for k, lab, better, _ in METRICS}
    cols = 4
    rows = math.ceil(len(PLOTTED) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(3.1 * cols, 2.6 * rows), dpi=100)
    for ax, key in zip(axes.flat, PLOTTED, strict=False):
        vals = [base.get(key), tuned.get(key)]
        heights = [v if v is not None and math.isfinite(v) else 0.0 for v in vals]
        ax.bar(["base", "fine-tuned"], heights, color=[BASE_COLOR, TUNED_COLOR])
        for i, v in enumerate(vals):
            ax.annotate(fmt(v, ".3g"), (i, heights[i]), ha="center", va="bottom", fontsize=8)
        label, better = labels[key]
        ax.set_title(label + (f"\n({better} is better)" if better else ""), fontsize=8)
        ax.tick_params(labelsize=8)
        ax.margins(y=0.2)
        if key in RATES:
            ax.set_ylim(min(0.0, *heights) * 1.2, 1.1)
    for ax in list(axes.flat)[len(PLOTTED):]:
        ax.axis("off")
    fig.tight_layout()
    return _png(fig)


# -- text -----------------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def md_cell(text: str) -> str:
    """Text safe inside a markdown table cell: HTML-escaped, markdown-escaped, one line."""
    esc = _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return "<br>".join(line for line in esc.splitlines()) or " "


def _summary_rows(m: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    b, t = m["base"], m["finetuned"]
    return [(label, fmt(b.get(k), spec), fmt(t.get(k), spec), verdict(k, b.get(k), t.get(k), bt))
            for k, label, bt, spec in METRICS]


def _training_lines(m: dict[str, Any]) -> list[str]:
    tr = m.get("training", {})
    best, over = m.get("best_step"), m.get("overfit_from_step")
    if best is None:
        return ["No eval loss was logged during training (metrics.jsonl has none)."]
    kept = ("the adapter is this best checkpoint (train.keep_best)" if tr.get("kept") == "best"
            else "the adapter is the last step's, not the best one")
    lines = [f"Best checkpoint: step {best} (eval loss {fmt(tr.get('best_eval_loss'), '.4f')}); "
             f"{kept}."]
    if over is None:
        lines.append("Eval loss did not rise after its minimum: no sign of overfitting.")
    else:
        lines.append(f"Overfitting: eval loss rose above its minimum from step {over} on.")
    return lines


def _settings_line(m: dict[str, Any]) -> str:
    g = m["generation"]
    return (f"{m['n_questions']} questions from {m['questions']}; greedy decoding "
            f"(temperature {g['temperature']}), repetition_penalty {g['repetition_penalty']}, "
            f"max_new_tokens {g['max_new_tokens']}, seed {m['seed']}. Answers are raw model "
            "output (no safety layer, no stop strings).")


def _safety_rows(s: dict[str, Any]) -> list[tuple[str, str]]:
    """Every single-value figure the safety evaluation reported, then the number of misses."""
    rows = [(k, fmt(v, ".2f" if k.startswith("ms_") else ".3f")) for k, v in s.items()
            if not isinstance(v, (dict, list))]
    return rows + [("misses", str(len(s.get("misses") or [])))]


def _category_rows(s: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    return [(str(c), str(v.get("n", "")), fmt(v.get("accuracy")),
             " / ".join(str(v.get(k, "")) for k in ("crisis", "informational", "benign")))
            for c, v in (s.get("per_category") or {}).items()]


def markdown(m: dict[str, Any], rows: list[dict[str, Any]], loss_plot: bool = True) -> str:
    out = [f"# Evaluation: {m['run_name']}", "", _settings_line(m), "", "## Summary", "",
           "| metric | base | fine-tuned | better |", "|---|---:|---:|---|"]
    out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in _summary_rows(m)]
    out += ["", "![base vs fine-tuned](metrics.png)", "", "## Training", ""]
    out += [f"- {line}" for line in _training_lines(m)]
    if loss_plot:
        out += ["", "![loss curves](loss.png)"]
    if "safety" in m:
        out += ["", "## Safety layer", "", f"Labelled file: `{m['safety_file']}`", "",
                "| figure | value |", "|---|---:|"]
        out += [f"| {k} | {v} |" for k, v in _safety_rows(m["safety"])]
        per_cat = _category_rows(m["safety"])
        if per_cat:
            out += ["", "| category | n | accuracy | labelled crisis / informational / benign |",
                    "|---|---:|---:|---|"]
            out += [f"| {md_cell(c)} | {n} | {acc} | {preds} |" for c, n, acc, preds in per_cat]
        misses = m["safety"].get("misses") or []
        if misses:
            out += ["", "Misses:", ""]
            out += [f"- {md_cell(x['text'])} (label {md_cell(str(x['label']))}, got "
                    f"{md_cell(str(x.get('predicted', '?')))})" for x in misses]
    out += ["", "## Answers", "",
            "| # | question | reference | base | fine-tuned |", "|---|---|---|---|---|"]
    for r in rows:
        b, t = r["base"], r["finetuned"]
        out.append(f"| {md_cell(r['id'])} | {md_cell(r['question'])} | {md_cell(r['reference'])} "
                   f"| {md_cell(b['text'])}<br>*{_answer_note(b)}* "
                   f"| {md_cell(t['text'])}<br>*{_answer_note(t)}* |")
    return "\n".join(out) + "\n"


def _answer_note(a: dict[str, Any]) -> str:
    note = (f"sim {fmt(a['similarity'])}, ROUGE-L {fmt(a['rouge_l'])}, {a['tokens']} tokens, "
            f"rep {fmt(a['repetition'])}")
    return note + (", RUN-ON" if a["runon"] else "")


CSS = """body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;
color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;
padding:4px 8px;vertical-align:top}th{background:#f3f3f3}td.num{text-align:right}
td.text{white-space:pre-wrap;max-width:28em;font-size:0.9em}.note{color:#666;font-size:0.8em}
.runon{color:#b00;font-weight:bold}img{max-width:100%}"""


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{data}">'


def _html_answer(a: dict[str, Any]) -> str:
    flag = ' <span class="runon">run-on</span>' if a["runon"] else ""
    return (f'<td class="text">{html.escape(a["text"])}<div class="note">'
            f"{html.escape(_answer_note(a).replace(', RUN-ON', ''))}{flag}</div></td>")


def html_report(m: dict[str, Any], rows: list[dict[str, Any]], bars: bytes,
                loss: bytes | None) -> str:
    e = html.escape
    p = [f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Evaluation: "
         f"{e(m['run_name'])}</title><style>{CSS}</style></head><body>",
         f"<h1>Evaluation: {e(m['run_name'])}</h1><p>{e(_settings_line(m))}</p>",
         "<h2>Summary</h2><table><tr><th>metric</th><th>base</th><th>fine-tuned</th>"
         "<th>better</th></tr>"]
    p += [f"<tr><td>{e(a)}</td><td class=\"num\">{b}</td><td class=\"num\">{c}</td>"
          f"<td>{d}</td></tr>" for a, b, c, d in _summary_rows(m)]
    p += ["</table>", _img(bars, "base vs fine-tuned per metric"), "<h2>Training</h2><ul>"]
    p += [f"<li>{e(line)}</li>" for line in _training_lines(m)]
    p.append("</ul>")
    if loss is not None:
        p.append(_img(loss, "training and eval loss"))
    if "safety" in m:
        s = m["safety"]
        p += [f"<h2>Safety layer</h2><p>Labelled file: <code>{e(m['safety_file'])}</code></p>"
              "<table><tr><th>figure</th><th>value</th></tr>"]
        p += [f"<tr><td>{e(k)}</td><td class=\"num\">{v}</td></tr>" for k, v in _safety_rows(s)]
        p.append("</table>")
        per_cat = _category_rows(s)
        if per_cat:
            p.append("<table><tr><th>category</th><th>n</th><th>accuracy</th><th>labelled "
                     "crisis / informational / benign</th></tr>")
            p += [f"<tr><td>{e(c)}</td><td class=\"num\">{n}</td><td class=\"num\">{acc}</td>"
                  f"<td>{e(preds)}</td></tr>" for c, n, acc, preds in per_cat]
            p.append("</table>")
        if s.get("misses"):
            p.append("<p>Misses:</p><ul>")
            p += [f"<li>{e(x['text'])} (label {e(str(x['label']))}, got "
                  f"{e(str(x.get('predicted', '?')))})</li>" for x in s["misses"]]
            p.append("</ul>")
    p.append("<h2>Answers</h2><table><tr><th>#</th><th>question</th><th>reference</th>"
             "<th>base</th><th>fine-tuned</th></tr>")
    for r in rows:
        p.append(f"<tr><td>{e(r['id'])}</td><td class=\"text\">{e(r['question'])}</td>"
                 f"<td class=\"text\">{e(r['reference'])}</td>{_html_answer(r['base'])}"
                 f"{_html_answer(r['finetuned'])}</tr>")
    p.append("</table></body></html>")
    return "\n".join(p) + "\n"
