"""Unit tests for mindtune.data: parsing, every row error, every file format, sources, split."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import DATA_DIR

from mindtune import data
from mindtune.data import (
    DEFAULT_DATASET,
    DataError,
    Example,
    RowError,
    RowErrorException,
    load_examples,
    load_records,
    parse_record,
    parse_seed_text,
    resolve_source,
    split,
    stats,
    validate,
)

SHARED_DATA = DATA_DIR  # the local dataset mirror (conftest: the Makefile's MINDTUNE_DATA_DIR)
GOOD = "<HUMAN>: What is anxiety?\n<ASSISTANT>: A feeling of worry."
GOOD_MSGS = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]


class WordTokenizer:
    """Stand-in for a HF tokenizer: one id per whitespace-separated word."""

    model_max_length = 8

    def __call__(self, text: str) -> dict[str, list[int]]:
        return {"input_ids": list(range(len(text.split())))}


def write(path: Path, rows: list[dict], fmt: str | None = None) -> Path:
    fmt = fmt or path.suffix
    if fmt == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    elif fmt == ".json":
        path.write_text(json.dumps(rows), encoding="utf-8")
    elif fmt == ".csv":
        import csv

        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    elif fmt == ".parquet":
        pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def row_error(record: dict, max_chars: int = 20000) -> str:
    with pytest.raises(RowErrorException) as info:
        parse_record(record, 7, max_chars)
    assert isinstance(info.value.error, RowError)
    return str(info.value.error)


# ---------------------------------------------------------------- seed parsing


def test_parse_single_turn():
    assert parse_seed_text(GOOD) == [
        {"role": "user", "content": "What is anxiety?"},
        {"role": "assistant", "content": "A feeling of worry."},
    ]


def test_parse_multi_turn_and_whitespace():
    text = "  \n<HUMAN>:  q1 \r\n <ASSISTANT> : a1\n\nline 2\n<HUMAN>:q2\n<ASSISTANT>:\ta2  \n"
    assert parse_seed_text(text) == [
        {"role": "user", "content": "q1"},
        {"role": "assistant", "content": "a1\n\nline 2"},
        {"role": "user", "content": "q2"},
        {"role": "assistant", "content": "a2"},
    ]


def test_parse_record_example():
    ex = parse_record({"text": GOOD}, 3)
    assert ex == Example(3, tuple(parse_seed_text(GOOD)))
    assert ex.text == "What is anxiety?\nA feeling of worry."


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "field 'text' is empty"),
        ("  \n ", "field 'text' is empty"),
        ("just some words", "missing <HUMAN>: and <ASSISTANT>: tags"),
        ("<ASSISTANT>: a", "missing <HUMAN>: tag"),
        ("<HUMAN>: q", "no assistant turn (missing <ASSISTANT>: tag)"),
        ("hello <HUMAN>: q\n<ASSISTANT>: a", "text before the first tag"),
        ("<ASSISTANT>: a\n<HUMAN>: q", "wrong turn order: turn 1 is <ASSISTANT>, expected <HUMAN>"),
        (
            "<HUMAN>: q\n<HUMAN>: q\n<ASSISTANT>: a",
            "wrong turn order: turn 2 is <HUMAN>, expected <ASSISTANT>",
        ),
        ("<HUMAN>:\n<ASSISTANT>: a", "empty <HUMAN> side in turn 1"),
        ("<HUMAN>: q\n<ASSISTANT>:   ", "empty <ASSISTANT> side in turn 2"),
        (
            "<HUMAN>: q\n<ASSISTANT>: a\n<HUMAN>: again?",
            "last turn is <HUMAN>; must end with <ASSISTANT>",
        ),
        ("<HUMAN>: q\ud800\n<ASSISTANT>: a", "field 'text' is not valid Unicode (lone surrogate)"),
    ],
)
def test_seed_row_errors(text, reason):
    assert row_error({"text": text}) == f"row 7: {reason}"


@pytest.mark.parametrize("value", [None, 3, 2.5, ["<HUMAN>: q"], {"a": 1}, b"<HUMAN>: q"])
def test_text_not_text(value):
    assert row_error({"text": value}) == "row 7: field 'text' is not text"


def test_parse_seed_text_raises_value_error():
    with pytest.raises(ValueError, match="empty text"):
        parse_seed_text(" ")


def test_too_long_chars():
    record = {"text": "<HUMAN>: q\n<ASSISTANT>: " + "a" * 30}
    assert row_error(record, max_chars=20) == "row 7: too long: 32 chars > 20"
    assert parse_record(record, 1, max_chars=32).row == 1


def test_no_text_or_messages_field():
    assert row_error({"prompt": "x"}) == "row 7: no 'text' or 'messages' field"
    assert row_error(["not", "a", "dict"]) == "row 7: row is not an object"  # type: ignore[arg-type]


# ---------------------------------------------------------------- chat messages


def test_messages_list_and_json_string():
    msgs = [{"role": "System", "content": " be kind "}, *GOOD_MSGS]
    expected = (
        {"role": "system", "content": "be kind"},
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "hello"},
    )
    assert parse_record({"messages": msgs}, 1).messages == expected
    assert parse_record({"messages": json.dumps(msgs)}, 1).messages == expected
    # an empty messages cell next to a text column falls back to the text
    assert parse_record({"messages": "", "text": GOOD}, 1).messages[0]["role"] == "user"
    assert parse_record({"messages": None, "text": GOOD}, 1).messages[0]["role"] == "user"


def m(*pairs: tuple[object, object]) -> list[dict]:
    return [{"role": r, "content": c} for r, c in pairs]


@pytest.mark.parametrize(
    ("messages", "reason"),
    [
        ("[not json", "field 'messages' is not valid JSON"),
        ({"role": "user"}, "field 'messages' is not a list"),
        (5, "field 'messages' is not a list"),
        ([], "field 'messages' is empty"),
        ("[]", "field 'messages' is empty"),
        (["hi"], "message 1 is not an object with 'role' and 'content'"),
        ([{"role": "user"}], "message 1 is not an object with 'role' and 'content'"),
        (m(("user", "q"), ("bot", "a")), "message 2: unknown role 'bot'"),
        (m((None, "q")), "message 1: unknown role None"),
        (m(("user", 5)), "message 1: content is not text"),
        (m(("user", "q"), ("assistant", " ")), "message 2: empty assistant content"),
        (m(("user", "q\udfff")), "message 1: content is not valid Unicode (lone surrogate)"),
        (m(("assistant", "a")), "wrong turn order: message 1 is assistant, expected user"),
        (
            m(("user", "q"), ("user", "q")),
            "wrong turn order: message 2 is user, expected assistant",
        ),
        (
            m(("user", "q"), ("system", "s"), ("assistant", "a")),
            "wrong turn order: message 2 is system, expected assistant",
        ),
        (m(("user", "q")), "no assistant turn"),
        (m(("system", "s")), "no assistant turn"),
        (m(("system", "s"), ("user", "q")), "no assistant turn"),
        (
            m(("user", "q"), ("assistant", "a"), ("user", "q2")),
            "last message is user; must end with assistant",
        ),
    ],
)
def test_message_row_errors(messages, reason):
    assert row_error({"messages": messages}) == f"row 7: {reason}"


# ---------------------------------------------------------------- files and sources

FORMATS = [".parquet", ".jsonl", ".json", ".csv"]
ROWS = [
    {"text": GOOD},
    {"text": "no tags here"},
    {"text": "<HUMAN>: q1\n<ASSISTANT>: a1\n<HUMAN>: q2\n<ASSISTANT>: a2"},
]


@pytest.mark.parametrize("ext", FORMATS)
def test_each_format(tmp_path, ext):
    path = write(tmp_path / f"train{ext}", ROWS)
    assert len(load_records(str(path))) == 3
    examples, errors = load_examples(str(path))
    assert [ex.row for ex in examples] == [1, 3]
    assert len(examples[1].messages) == 4
    assert [str(e) for e in errors] == ["row 2: missing <HUMAN>: and <ASSISTANT>: tags"]


@pytest.mark.parametrize("ext", FORMATS)
def test_messages_in_each_format(tmp_path, ext):
    rows = [{"messages": GOOD_MSGS}, {"messages": m(("user", "q"))}]
    if ext in (".csv", ".parquet"):  # flat formats hold the messages as a JSON string
        rows = [{"messages": json.dumps(r["messages"])} for r in rows]
    examples, errors = load_examples(str(write(tmp_path / f"chat{ext}", rows)))
    assert [ex.messages for ex in examples] == [tuple(GOOD_MSGS)]
    assert [str(e) for e in errors] == ["row 2: no assistant turn"]


def test_parquet_nested_messages(tmp_path):
    path = write(tmp_path / "chat.parquet", [{"messages": GOOD_MSGS}])
    assert load_examples(str(path))[0][0].messages == tuple(GOOD_MSGS)


def test_json_lines_saved_as_json(tmp_path):
    path = tmp_path / "train.json"
    write(path, ROWS, fmt=".jsonl")
    assert len(load_records(str(path))) == 3


def test_csv_tolerates_bom_and_header_spaces(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b'\xef\xbb\xbf id , text \n1,"<HUMAN>: q\n<ASSISTANT>: a"\n')
    examples, errors = load_examples(str(path))
    assert len(examples) == 1 and errors == []


def test_directory_concatenates_sorted_files(tmp_path):
    write(tmp_path / "b.jsonl", [{"text": "bad"}])
    write(tmp_path / "a.jsonl", [{"text": GOOD}, {"text": GOOD}])
    (tmp_path / "README.md").write_text("not data")
    (tmp_path / "dataset_infos.json").write_text("{}")
    examples, errors = load_examples(str(tmp_path))
    assert [ex.row for ex in examples] == [1, 2]
    assert [str(e) for e in errors] == ["row 3: missing <HUMAN>: and <ASSISTANT>: tags"]


def test_directory_data_subfolder(tmp_path):
    (tmp_path / "data").mkdir()
    write(tmp_path / "data" / "train-00000.parquet", [{"text": GOOD}])
    assert len(load_records(str(tmp_path))) == 1


def test_mirror_resolution(tmp_path, monkeypatch):
    monkeypatch.setenv("MINDTUNE_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    mirror = tmp_path / "my_set"
    mirror.mkdir()
    write(mirror / "train.jsonl", [{"text": GOOD}])
    assert resolve_source("someone/my_set") == str(mirror)
    assert len(load_records("someone/my_set")) == 1
    assert resolve_source("someone/other_set") == "someone/other_set"  # -> the hub
    assert resolve_source(str(mirror / "train.jsonl")) == str(mirror / "train.jsonl")


def test_default_mirror_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("MINDTUNE_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert data.data_dir() == tmp_path / ".cache" / "mindtune" / "data"


def test_hub_failure_is_data_error(tmp_path, monkeypatch):
    import datasets

    def offline(*args, **kwargs):
        raise ConnectionError("no network\nat all")

    monkeypatch.setenv("MINDTUNE_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(datasets, "load_dataset", offline)
    with pytest.raises(DataError) as info:
        load_records("someone/not_here")
    msg = str(info.value)
    assert msg.startswith("someone/not_here: no local copy at ")
    assert "ConnectionError: no network at all" in msg and "\n" not in msg


def test_hub_load(tmp_path, monkeypatch):
    import datasets

    calls = []

    def fake_load(hub_id, split):
        calls.append((hub_id, split))
        return datasets.Dataset.from_list([{"text": GOOD}, {"text": None}])

    monkeypatch.setenv("MINDTUNE_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(datasets, "load_dataset", fake_load)
    examples, errors = load_examples("someone/remote_set")
    assert calls == [("someone/remote_set", "train")]
    assert len(examples) == 1 and [str(e) for e in errors] == ["row 2: field 'text' is not text"]


# ---------------------------------------------------------------- file-level errors


def data_error(src: object) -> str:
    with pytest.raises(DataError) as info:
        load_examples(str(src))
    msg = str(info.value)
    assert "\n" not in msg
    return msg


def test_missing_file(tmp_path):
    missing = tmp_path / "nope.jsonl"
    assert data_error(missing) == f"{missing}: no such file or directory"
    assert data_error("./not/here") == "./not/here: no such file or directory"
    with pytest.raises(DataError, match="empty data source"):
        resolve_source("  ")
    for odd in ("x" * 300 + ".csv", "a\x00b.jsonl", str(tmp_path / ("y" * 300))):
        assert data_error(odd).endswith(": no such file or directory")


@pytest.mark.parametrize("ext", FORMATS)
def test_empty_file(tmp_path, ext):
    path = tmp_path / f"e{ext}"
    path.write_bytes(b"" if ext == ".parquet" else b" \n\n")
    assert data_error(path) == f"{path}: empty file"


@pytest.mark.parametrize(("ext", "content"), [(".csv", "text\n"), (".json", "[]")])
def test_no_rows(tmp_path, ext, content):
    path = tmp_path / f"e{ext}"
    path.write_text(content)
    assert data_error(path) == f"{path}: empty file (no rows)"


def test_parquet_without_rows(tmp_path):
    path = tmp_path / "e.parquet"
    pq.write_table(pa.table({"text": pa.array([], pa.string())}), path)
    assert data_error(path) == f"{path}: empty file (no rows)"


@pytest.mark.parametrize("ext", FORMATS)
def test_missing_column(tmp_path, ext):
    path = write(tmp_path / f"x{ext}", [{"prompt": "a", "answer": "b"}])
    assert data_error(path) == f"{path}: no 'text' or 'messages' column (found: 'prompt', 'answer')"


def test_corrupt_parquet(tmp_path):
    path = tmp_path / "x.parquet"
    path.write_bytes(b"PAR1 this is not parquet")
    assert data_error(path).startswith(f"{path}: unreadable parquet (")
    good = write(tmp_path / "g.parquet", ROWS).read_bytes()
    path.write_bytes(good[: len(good) // 2])  # truncated
    assert data_error(path).startswith(f"{path}: unreadable parquet (")


def test_bad_json_line(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"text": GOOD}) + "\n\n{broken\n")
    assert data_error(path) == f"{path}:3: invalid JSON"
    path.write_text(json.dumps({"text": GOOD}) + "\n[1, 2]\n")
    assert data_error(path) == f"{path}:2: expected a JSON object, got list"


def test_bad_json_document(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('[\n {"text": "a"},\n oops\n]')
    assert data_error(path) == f"{path}:3: invalid JSON"
    path.write_text('"just a string"')
    assert data_error(path) == f"{path}: expected a JSON array of objects, got str"
    path.write_text('[{"text": "a"}, 3]')
    assert data_error(path) == f"{path}: array item 2 is not a JSON object"


def test_not_utf8(tmp_path):
    path = tmp_path / "x.jsonl"
    latin1 = '{"text": "café"}'.encode("latin-1")
    path.write_bytes(json.dumps({"text": "ok"}).encode() + b"\n" + latin1)
    assert data_error(path) == f"{path}:2: not UTF-8 (byte 0xe9 at offset 28); re-save as UTF-8"
    path = tmp_path / "y.csv"
    path.write_bytes("text\nhello\n".encode("utf-16"))
    assert "not UTF-8" in data_error(path)


def test_bad_csv(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text('text\n"<HUMAN>: q\n<ASSISTANT>: a"\n"unterminated\nrow 4\nrow 5\n')
    assert data_error(path) == f"{path}:6: invalid CSV (unexpected end of data)"
    path.write_text('text\n"<HUMAN>: q" junk\n')
    assert data_error(path).startswith(f"{path}:2: invalid CSV (")


def test_unsupported_extension(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text(GOOD)
    assert data_error(path) == (
        f"{path}: unsupported file type .txt; use .parquet, .jsonl, .json or .csv"
    )


def test_directory_errors(tmp_path):
    assert data_error(tmp_path) == f"{tmp_path}: no .parquet, .jsonl, .json or .csv files"
    write(tmp_path / "a.jsonl", [{"text": GOOD}])
    write(tmp_path / "b.csv", [{"text": GOOD}])
    assert data_error(tmp_path) == f"{tmp_path}: mixed file types (.csv, .jsonl); use one format"


def test_bad_file_in_directory_named(tmp_path):
    write(tmp_path / "a.jsonl", [{"text": GOOD}])
    (tmp_path / "b.jsonl").write_text("{nope\n")
    assert data_error(tmp_path) == f"{tmp_path / 'b.jsonl'}:1: invalid JSON"


# ---------------------------------------------------------------- validate and stats


def test_validate_char_and_token_limits(tmp_path):
    long_answer = "<HUMAN>: q\n<ASSISTANT>: " + " ".join(["word"] * 10)
    path = write(tmp_path / "t.jsonl", [{"text": GOOD}, {"text": long_answer}, {"text": "x"}])
    assert [str(e) for e in validate(str(path))] == [
        "row 3: missing <HUMAN>: and <ASSISTANT>: tags"
    ]
    tok = WordTokenizer()
    assert [str(e) for e in validate(str(path), tok, max_tokens=10)] == [
        "row 2: too long: 11 tokens > 10",
        "row 3: missing <HUMAN>: and <ASSISTANT>: tags",
    ]
    # default limit: the tokenizer's model_max_length (8)
    assert [e.row for e in validate(str(path), tok)] == [2, 3]
    assert [e.row for e in validate(str(path), tok, max_tokens=100)] == [3]
    tok.model_max_length = int(1e30)  # HF's "no limit" sentinel
    assert [e.row for e in validate(str(path), tok)] == [3]


def test_stats(tmp_path):
    path = write(tmp_path / "t.jsonl", ROWS)
    s = stats(str(path))
    assert s["source"] == str(path)
    assert (s["rows"], s["valid"], s["invalid"], s["turns"], s["multi_turn"]) == (3, 2, 1, 6, 1)
    lengths = [len("What is anxiety?\nA feeling of worry."), len("q1\na1\nq2\na2")]
    assert s["chars"] == {
        "min": min(lengths),
        "mean": sum(lengths) / 2,
        "p50": sum(lengths) / 2,
        "p95": round(min(lengths) + 0.95 * (max(lengths) - min(lengths)), 2),
        "max": max(lengths),
    }
    assert s["tokens"] is None
    tokens = stats(str(path), WordTokenizer())["tokens"]
    assert tokens["min"] == 4 and tokens["max"] == 7


def test_stats_all_invalid(tmp_path):
    s = stats(str(write(tmp_path / "t.jsonl", [{"text": "bad"}])))
    assert (s["valid"], s["invalid"], s["chars"], s["tokens"]) == (0, 1, None, None)


# ---------------------------------------------------------------- split


def make_examples(n: int) -> list[Example]:
    return [Example(i, tuple(GOOD_MSGS)) for i in range(1, n + 1)]


def test_split_deterministic_and_disjoint():
    examples = make_examples(172)
    train, ev = split(examples)
    assert (len(train), len(ev)) == (155, 17)
    assert split(examples) == (train, ev)
    assert {e.row for e in train}.isdisjoint(e.row for e in ev)
    assert sorted(e.row for e in train + ev) == list(range(1, 173))
    assert [e.row for e in ev] == sorted(e.row for e in ev)  # source order kept
    assert split(examples, seed=1)[1] != ev


def test_split_edges():
    assert split(make_examples(2), 0.01)[1] != []  # at least one eval row
    assert len(split(make_examples(3), 0.9)[0]) == 1  # at least one train row
    assert split(make_examples(1), 0.5) == (make_examples(1), [])
    assert split(make_examples(5), 0.0) == (make_examples(5), [])
    assert split([], 0.2) == ([], [])
    for bad in (-0.1, 1.0, 1.5, float("nan")):
        with pytest.raises(ValueError, match="eval_fraction"):
            split(make_examples(5), bad)


# ---------------------------------------------------------------- the real dataset


@pytest.mark.skipif(
    not (SHARED_DATA / "mental_health_chatbot_dataset").is_dir(), reason="no local dataset copy"
)
def test_real_dataset(monkeypatch):
    monkeypatch.setenv("MINDTUNE_DATA_DIR", str(SHARED_DATA))
    assert resolve_source(DEFAULT_DATASET) == str(SHARED_DATA / "mental_health_chatbot_dataset")
    examples, errors = load_examples(DEFAULT_DATASET)
    assert (len(examples), errors) == (172, [])
    assert [ex.row for ex in examples] == list(range(1, 173))
    assert all([m["role"] for m in ex.messages] == ["user", "assistant"] for ex in examples)
    assert validate(DEFAULT_DATASET) == []
    s = stats(DEFAULT_DATASET)
    assert (s["rows"], s["valid"], s["invalid"], s["turns"]) == (172, 172, 0, 344)
    assert 0 < s["chars"]["min"] <= s["chars"]["p50"] <= s["chars"]["p95"] <= s["chars"]["max"]
    assert (s["chars"]["min"], s["chars"]["mean"], s["chars"]["max"]) == (157, 1073.37, 2366)
