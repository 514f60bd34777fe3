"""The typer app mounted as ``mindtune safety``."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from mindtune.safety.cli import app

from .conftest import DATA

runner = CliRunner()


def test_check_prints_decision_json(layer):
    result = runner.invoke(app, ["check", "I want to kill myself", "--locale", "CA"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["label"] == "crisis" and "9-8-8" in data["reply"]
    assert {"label", "level", "categories", "evidence", "reply"} <= set(data)


def test_eval_json_keys(layer, tmp_path):
    rows = [json.loads(line) for line in (DATA / "examples_test.jsonl").read_text().splitlines()]
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows[:40]) + "\n")
    result = runner.invoke(app, ["eval", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in ("crisis_recall", "benign_fpr", "informational_accuracy", "per_category",
                "misses", "ms_per_message"):
        assert key in data
    table = runner.invoke(app, ["eval", str(path)])
    assert table.exit_code == 0 and "crisis recall" in table.stdout


def test_eval_bad_line_is_one_line_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "hi", "label": "benign", "category": "benign"}\n'
                    '{"text": "hello", "label": "maybe"}\n')
    result = runner.invoke(app, ["eval", str(path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"{path}:2: 'label' must be one of crisis, informational, benign, got 'maybe'")
    path.write_text("not json\n")
    result = runner.invoke(app, ["eval", str(path)])
    assert result.exit_code == 1 and result.stderr.startswith(f"{path}:1: invalid JSON")
