"""scripts/safety_counts.py: counts only, never a line of the set; threshold overrides that fail
on unknown names and non-numbers and are undone after the run."""

from __future__ import annotations

import json

import pytest

from mindtune.safety import layer as L

from .conftest import load_script

SC = load_script("safety_counts")
ROWS = [
    {"text": "I'm going to kill myself tonight, I have the pills", "label": "crisis",
     "category": "suicidal_direct", "high_risk": True},
    {"text": "i feel a bit flat today, nothing serious", "label": "crisis",
     "category": "suicidal_indirect"},
    {"text": "estoy muerta después de la mudanza", "label": "benign",
     "category": "benign_figurative"},
    {"text": "what are the warning signs of suicide in teenagers?", "label": "informational",
     "category": "suicide_info"},
]


@pytest.fixture
def labelled(tmp_path):
    path = tmp_path / "tiny_set.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS) + "\n")
    return path


def test_prints_counts_and_never_a_line_of_the_set(labelled, capsys):
    SC.main([str(labelled)])
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "set: crisis · high-risk · benign FP · figurative FP · informational",
        "tiny_set: 1/2 · 1/1 · 0/1 · 0/1 · 1/1",
        "sum: 1 · 1 · 0 · 0 · 1",
    ]
    assert not any(r["text"][:12].lower() in out.lower() for r in ROWS)


def test_an_override_changes_the_run_and_is_undone(labelled, capsys):
    before = L.T_ML_VETO
    SC.main([str(labelled), "--set", "T_ML_VETO=0"])  # the risk word alone counts again
    assert "tiny_set: 1/2 · 1/1 · 1/1 · 1/1 · 1/1" in capsys.readouterr().out
    assert L.T_ML_VETO == before


@pytest.mark.parametrize(("item", "why"), [
    ("T_NOPE=0.5", "unknown threshold"),
    ("T_ML", "unknown threshold"),
    ("SENSITIVE_ENV=1", "unknown threshold"),
    ("T_ML=high", "'high' is not a number"),
    ("T_ML=nan", "'nan' is not a finite number"),
    ("T_ML=inf", "'inf' is not a finite number"),
])
def test_bad_overrides_are_refused_in_one_line(labelled, item, why):
    with pytest.raises(SystemExit) as exc:
        SC.main([str(labelled), "--set", item])
    assert why in str(exc.value) and "\n" not in str(exc.value)


def test_bad_input_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "hello", "label": "crisis"}\n{"text": "x", "label": "maybe"}\n')
    with pytest.raises(SystemExit) as exc:
        SC.main([str(bad)])
    assert str(exc.value).startswith(f"{bad}:2: 'label'")
    with pytest.raises(SystemExit, match="no such file"):
        SC.main(["redteam_does_not_exist"])


@pytest.mark.filterwarnings("ignore:mindtune.safety. multilingual classifier unavailable")
def test_other_ml_weights_are_used_and_a_bad_file_is_refused(labelled, tmp_path, capsys):
    from mindtune.safety.ml_classifier import default_ml_weights_path

    SC.main([str(labelled), "--ml-weights", str(default_ml_weights_path())])
    assert capsys.readouterr().out.splitlines()[1] == "tiny_set: 1/2 · 1/1 · 0/1 · 0/1 · 1/1"
    bad = tmp_path / "not_weights.npz"
    bad.write_text("not an npz")
    for path in (bad, tmp_path / "missing.npz"):
        with pytest.raises(SystemExit, match=rf"^--ml-weights {path}: "):
            SC.main([str(labelled), "--ml-weights", str(path)])


def _blocks(out: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in out.splitlines():
        blocks[-1].append(line)
        if line.startswith("sum: "):
            blocks.append([])
    return blocks[:-1]


def test_a_grid_block_equals_the_single_run_at_those_values(labelled, capsys):
    before = (L.T_ALONE, L.T_ML_VETO)
    SC.main([str(labelled), "--grid", "T_ALONE=0.7,0.05", "--grid", "T_ML_VETO=0.1,0"])
    blocks = _blocks(capsys.readouterr().out)
    assert [b[0].split(": set")[0] for b in blocks] == [
        "T_ALONE=0.7 T_ML_VETO=0.1", "T_ALONE=0.7 T_ML_VETO=0.0",
        "T_ALONE=0.05 T_ML_VETO=0.1", "T_ALONE=0.05 T_ML_VETO=0.0"]
    for block in (blocks[0], blocks[3]):
        sets = block[0].split(": set")[0].split()
        SC.main([str(labelled)] + [a for s in sets for a in ("--set", s)])
        assert block[1:] == capsys.readouterr().out.splitlines()[1:], block[0]
    assert blocks[0][1:] != blocks[3][1:]  # the thresholds moved the counts
    assert (L.T_ALONE, L.T_ML_VETO) == before  # undone after the run


@pytest.mark.parametrize("item", ["T_ALONE", "T_ALONE=", "T_ALONE=0.5,x", "T_NOPE=0.5"])
def test_bad_grids_are_refused_in_one_line(labelled, item):
    with pytest.raises(SystemExit, match=r"^--(grid|set) '"):
        SC.main([str(labelled), "--grid", item])


@pytest.mark.filterwarnings("ignore:mindtune.safety. embedding classifier unavailable")
def test_other_english_weights_are_used_and_a_bad_file_is_refused(labelled, tmp_path, capsys):
    from mindtune.safety.classifier import default_weights_path

    SC.main([str(labelled)])
    shipped = capsys.readouterr().out
    SC.main([str(labelled), "--weights", str(default_weights_path())])
    assert capsys.readouterr().out == shipped
    bad = tmp_path / "not_weights.npz"
    bad.write_text("not an npz")
    for path in (bad, tmp_path / "missing.npz"):
        with pytest.raises(SystemExit, match=rf"^--weights {path}: "):
            SC.main([str(labelled), "--weights", str(path)])


def test_a_bad_layer_setting_is_refused_in_one_line(labelled, monkeypatch):
    from mindtune.safety.classifier import EmbeddingClassifier

    env = "MINDTUNE_SAFETY_BF16"  # the sensitive-mode variable is not read: --sensitive decides
    monkeypatch.setenv(env, "maybe")
    # as in a fresh process: the layer's shared classifier is built now, not reused
    monkeypatch.setattr(SC.layer_mod, "_shared_classifier", EmbeddingClassifier)
    for extra in ([], ["--weights", "/nonexistent.npz"]):
        with pytest.raises(SystemExit) as exc:
            SC.main([str(labelled), *extra])
        assert str(exc.value).startswith(f"safety layer: {env}='maybe'")
        assert "\n" not in str(exc.value)
