"""Eval reports: files well-formed, answers escaped, metrics.json schema, atomic writes, the CLI,
and a tiny-model end-to-end eval."""

from __future__ import annotations

import base64
import io
import json
import math
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import tiny_config
from typer.testing import CliRunner

from mindtune.config import save_config
from mindtune.eval import EvalError, runner
from mindtune.eval.questions import Item, load_split, select
from mindtune.eval.score import Answer, ModelScore, eval_settings, score_model

MODEL_KEYS = {"eval_loss", "perplexity", "similarity", "rouge_l", "runon_rate", "repetition_rate",
              "tokens_per_s", "answer_tokens"}
TOP_KEYS = {"base", "finetuned", "n_questions", "seed", "run", "best_step", "overfit_from_step"}
NASTY = "<script>alert('x')</script> | **bold** & <HUMAN>: next"


def _conv(q: str, a: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": q}, {"role": "assistant", "content": a}]


@pytest.fixture
def fake_run(tmp_path: Path) -> Path:
    """A run directory with no real adapter: enough for everything but loading a model."""
    run = tmp_path / "fake"
    (run / "adapter").mkdir(parents=True)
    save_config(tiny_config(), run / "config.yaml")
    recs = [{"step": 2, "loss": 3.0}, {"step": 2, "eval_loss": 2.0},
            {"step": 4, "loss": 2.0}, {"step": 4, "eval_loss": 1.5},
            {"step": 6, "loss": 1.0}, {"step": 6, "eval_loss": 1.8},
            {"step": 6, "train_runtime": 1.0, "train_loss": 2.0},
            {"step": 6, "eval_loss": 1.5}]
    (run / "metrics.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs))
    rows = [{"row": 3, "messages": _conv("How do I sleep better?", "Keep a regular routine.")},
            {"row": 5, "messages": _conv("I feel anxious", "Try slow breathing.")}]
    (run / "eval_split.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return run


@pytest.fixture
def stub_models(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """score_model without a model: the base echoes nothing useful, the tuned one the answer."""
    calls: list[bool] = []

    def fake(run: Path, base_only: bool, items: list[Item], settings, progress=True,
             with_loss=True) -> ModelScore:
        calls.append(base_only)
        if base_only:
            answers = [Answer.from_raw(NASTY + "\nUser: and me?", 40, "length", 0.5)
                       for _ in items]
            return ModelScore("fake-base", 2.5, 30, answers)
        answers = [Answer.from_raw(it.reference + "<|im_end|>", 8, "stop", 0.1, ["<|im_end|>"])
                   for it in items]
        return ModelScore("fake", 1.25, 30, answers)

    monkeypatch.setattr(runner, "score_model", fake)
    return calls


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.imgs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "img":
            self.imgs.append(dict(attrs)["src"] or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _open_png(data: bytes) -> tuple[int, int]:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        im.verify()
    with Image.open(io.BytesIO(data)) as im:
        assert im.format == "PNG"
        return im.size


# -- report files (models stubbed: fast) ----------------------------------------------------------
def test_report_files_well_formed_and_escaped(fake_run: Path, stub_models: list[bool]) -> None:
    m = runner.run_eval(fake_run, progress=False)
    assert stub_models == [True, False]  # base first, then the fine-tuned run
    out = fake_run / "eval"
    assert {p.name for p in out.iterdir()} == {"metrics.json", "answers.jsonl", "report.md",
                                               "report.html", "metrics.png", "loss.png"}
    assert not [p for p in fake_run.iterdir() if p.name.startswith(".eval")]  # no temp left

    page = (out / "report.html").read_text(encoding="utf-8")
    parser = _Html()
    parser.feed(page)
    parser.close()
    assert "script" not in parser.tags  # model text never becomes markup
    assert "&lt;script&gt;" in page and "&lt;HUMAN&gt;:" in page
    assert any(NASTY.split(" |")[0] in t for t in parser.text)  # ...but reads as written
    assert len(parser.imgs) == 2  # the bar chart and the loss curves, embedded
    for src in parser.imgs:
        assert src.startswith("data:image/png;base64,")
        w, h = _open_png(base64.b64decode(src.split(",", 1)[1], validate=True))
        assert w > 100 and h > 100
    _open_png((out / "metrics.png").read_bytes())

    md = (out / "report.md").read_text(encoding="utf-8")
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "\\*\\*bold\\*\\*" in md and "\\|" in md
    table = [ln for ln in md.splitlines() if ln.startswith("| 3 |")]
    assert len(table) == 1 and table[0].count(" | ") == 4  # one row, five cells, pipes escaped
    assert "step 4" in md and "from step 6" in md  # best checkpoint and overfitting marked

    saved = json.loads((out / "metrics.json").read_text())
    assert saved == m
    answers = [json.loads(line) for line in (out / "answers.jsonl").read_text().splitlines()]
    assert [a["id"] for a in answers] == ["3", "5"]
    assert answers[0]["base"]["runon"] and not answers[0]["finetuned"]["runon"]


def test_metrics_json_schema(fake_run: Path, stub_models: list[bool]) -> None:
    m = runner.run_eval(fake_run, limit=1, progress=False)
    assert TOP_KEYS <= set(m)
    assert "safety" not in m
    assert m["n_questions"] == 1 and m["seed"] == tiny_config().train.seed
    assert m["run"] == str(fake_run)
    assert m["best_step"] == 4 and m["overfit_from_step"] == 6
    assert m["generation"]["temperature"] == 0 and m["generation"]["max_new_tokens"] == 200
    for key in ("base", "finetuned"):
        assert MODEL_KEYS <= set(m[key])
        for k in MODEL_KEYS:
            assert isinstance(m[key][k], (int, float)), (key, k)
    b, t = m["base"], m["finetuned"]
    assert t["perplexity"] == pytest.approx(math.exp(1.25))
    assert t["rouge_l"] == pytest.approx(1.0) and t["similarity"] == pytest.approx(1.0, abs=1e-4)
    assert b["rouge_l"] < 0.2 and b["similarity"] < t["similarity"]
    assert b["runon_rate"] == 1.0 and t["runon_rate"] == 0.0
    assert t["tokens_per_s"] == pytest.approx(8 / 0.1)
    assert b["answer_tokens"] == 40
    json.dumps(m, allow_nan=False)  # strict JSON


def test_safety_section(fake_run: Path, stub_models: list[bool], tmp_path: Path) -> None:
    """--safety: the safety layer's own figures (mindtune.safety.evaluate) land in the report."""
    labelled = tmp_path / "safety.jsonl"
    rows = [{"text": "I am going to kill myself tonight", "label": "crisis",
             "category": "suicidal_direct"},
            {"text": "what's a good recipe for <b>pancakes</b>?", "label": "benign"}]
    labelled.write_text("".join(json.dumps(r) + "\n" for r in rows))
    m = runner.run_eval(fake_run, safety_file=labelled, progress=False)
    s = m["safety"]
    assert m["safety_file"] == str(labelled)
    assert s["n"] == 2 and s["crisis_recall"] == 1.0 and s["benign_fpr"] == 0.0
    assert {"informational_accuracy", "per_category", "misses", "ms_per_message"} <= set(s)
    page = (fake_run / "eval" / "report.html").read_text()
    md = (fake_run / "eval" / "report.md").read_text()
    assert "Safety layer" in page and "crisis_recall" in page and "suicidal_direct" in page
    assert "## Safety layer" in md and "crisis_recall" in md


def test_bad_safety_file_is_one_line_error(fake_run: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "label": "crisis"}\n{"text": "y", "label": "maybe"}\n')
    with pytest.raises(EvalError, match=r"bad.jsonl:2: 'label' must be one of") as exc:
        runner.run_eval(fake_run, safety_file=bad, progress=False)
    assert "\n" not in str(exc.value)
    assert not (fake_run / "eval").exists()


def test_failed_eval_writes_nothing_and_keeps_old_report(
        fake_run: Path, stub_models: list[bool], monkeypatch: pytest.MonkeyPatch) -> None:
    runner.run_eval(fake_run, progress=False)
    before = {p.name: p.read_bytes() for p in (fake_run / "eval").iterdir()}

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(runner.render, "html_report", boom)
    with pytest.raises(RuntimeError):
        runner.run_eval(fake_run, limit=1, progress=False)
    assert {p.name: p.read_bytes() for p in (fake_run / "eval").iterdir()} == before
    assert sorted(p.name for p in fake_run.iterdir()) == [
        "adapter", "config.yaml", "eval", "eval_split.jsonl", "metrics.jsonl"]


def test_write_outputs_swaps_whole_directory(tmp_path: Path) -> None:
    out = tmp_path / "eval"
    runner.write_outputs(out, {"a.txt": b"1", "b.txt": b"2"})
    runner.write_outputs(out, {"a.txt": b"3"})
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {"a.txt": b"3"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["eval"]
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~umask  # not mkdtemp's owner-only mode


# -- CLI ------------------------------------------------------------------------------------------
def test_cli_bad_questions_file(fake_run: Path, tmp_path: Path) -> None:
    from mindtune.cli import app

    bad = tmp_path / "q.jsonl"
    bad.write_text('{"question": "ok", "reference": "fine"}\n{"question": "no reference"}\n')
    res = CliRunner().invoke(app, ["eval", str(fake_run), "--questions", str(bad)])
    assert res.exit_code == 1
    assert isinstance(res.exception, EvalError)
    assert str(res.exception) == f"{bad}:2: missing key 'reference'"
    assert not (fake_run / "eval").exists()


def test_cli_bad_questions_file_one_line_on_stderr(fake_run: Path, tmp_path: Path) -> None:
    bad = tmp_path / "q.jsonl"
    bad.write_text("{not json\n")
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.run([sys.executable, "-m", "mindtune.cli", "eval", str(fake_run),
                           "--questions", str(bad)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 1
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: {bad}:1: not JSON")
    assert "Traceback" not in proc.stderr
    assert not (fake_run / "eval").exists()


# -- tiny model end to end ------------------------------------------------------------------------
@pytest.fixture
def tiny_copy(tiny_run: Path, tmp_path: Path) -> Path:
    """The shared tiny run, copied so that its eval/ does not touch other tests' fixture."""
    dst = tmp_path / "tiny"
    shutil.copytree(tiny_run, dst, ignore=shutil.ignore_patterns("checkpoint-*", "eval"))
    return dst


def test_tiny_end_to_end_cli(tiny_copy: Path) -> None:
    from mindtune.cli import app

    res = CliRunner().invoke(app, ["eval", str(tiny_copy), "--limit", "2", "--json"])
    assert res.exit_code == 0, res.output
    m = json.loads(res.stdout)
    assert TOP_KEYS <= set(m) and m["n_questions"] == 2
    for key in ("base", "finetuned"):
        assert MODEL_KEYS <= set(m[key])
        assert m[key]["eval_loss"] > 0
        assert m[key]["perplexity"] == pytest.approx(math.exp(m[key]["eval_loss"]))
        assert m[key]["tokens_per_s"] > 0 and 0 < m[key]["answer_tokens"] <= 200
    # the LoRA adapter changes the model: base and fine-tuned losses differ
    assert m["base"]["eval_loss"] != m["finetuned"]["eval_loss"]
    assert m["best_step"] is not None
    out = tiny_copy / "eval"
    assert json.loads((out / "metrics.json").read_text()) == m
    parser = _Html()
    parser.feed((out / "report.html").read_text())
    assert len(parser.imgs) == 2
    assert len((out / "answers.jsonl").read_text().splitlines()) == 2

    # deterministic: the same seed gives the same answers again
    rows = [json.loads(line) for line in (out / "answers.jsonl").read_text().splitlines()]
    items = select(load_split(tiny_copy), 2)
    again = score_model(tiny_copy, False, items, eval_settings(m["seed"]), progress=False)
    assert again.eval_loss == pytest.approx(m["finetuned"]["eval_loss"], rel=1e-6)
    assert [(a.text, a.tokens) for a in again.answers] == [
        (r["finetuned"]["text"], r["finetuned"]["tokens"]) for r in rows]


def test_tiny_compare_cli(tiny_copy: Path) -> None:
    from mindtune.cli import app

    res = CliRunner().invoke(app, ["compare", str(tiny_copy), "How can I [bold]relax[/bold]?"])
    assert res.exit_code == 0, res.output
    assert "base" in res.stdout and "fine-tuned" in res.stdout
    assert "[bold]relax[/bold]" in res.stdout  # printed as text, not read as rich markup
