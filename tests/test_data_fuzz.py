"""Property tests for mindtune.data: whatever the input, the loader raises DataError (one line)
or accounts for every row, as an Example or as a RowError."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mindtune.data import (
    DataError,
    Example,
    load_examples,
    load_records,
    parse_record,
    parse_seed_text,
    split,
    stats,
    validate,
)

FORMATS = [".parquet", ".jsonl", ".json", ".csv"]
# MINDTUNE_FUZZ_SCALE=50 for a long local hunt; database=None keeps .hypothesis/ out of the repo
SCALE = int(os.environ.get("MINDTUNE_FUZZ_SCALE", "1"))
COMMON = {"deadline": None, "database": None, "suppress_health_check": [HealthCheck.too_slow]}
FAST = settings(max_examples=150 * SCALE, **COMMON)
SLOW = settings(max_examples=30 * SCALE, **COMMON)

# text with the characters that break naive loaders: line/paragraph separators, NUL, BOM,
# zero-width and combining marks, RTL, emoji, quotes, and the seed tags' own characters
TRICKY = "\u2028\u2029\x85\x00\ufeff\u200b\u0301\u202e😀\r\n\t\"',<>:"
chars = st.one_of(st.characters(), st.sampled_from(TRICKY))  # lone surrogates included
texts = st.text(chars, max_size=40)
good_chars = st.one_of(st.characters(exclude_categories=["Cs"]), st.sampled_from(TRICKY))
good_texts = st.text(good_chars, max_size=40)
fragments = st.one_of(
    texts, st.sampled_from(["<HUMAN>:", "<ASSISTANT>:", " <HUMAN> : ", "\n", "  "])
)
seedish = st.lists(fragments, max_size=8).map("".join)
roles = st.sampled_from(["user", "assistant", "system", "User", "bot", "", None, 3])
message = st.fixed_dictionaries(
    {"role": roles, "content": st.one_of(texts, st.none(), st.integers())}
)
messages = st.one_of(
    st.lists(message, max_size=5),
    st.lists(message, max_size=5).map(json.dumps),
    texts,
    st.none(),
)
scalars = st.one_of(st.none(), st.integers(), st.floats(), st.booleans())
record = st.dictionaries(
    st.sampled_from(["text", "messages", "other"]),
    st.one_of(seedish, messages, scalars, st.lists(texts, max_size=2)),
    max_size=3,
)
records = st.lists(record, min_size=1, max_size=8)


def encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # lone surrogates become invalid UTF-8


def clean(value: object) -> object:
    """Values an Arrow string column can hold (no lone surrogates)."""
    return value.encode("utf-8", "replace").decode() if isinstance(value, str) else value


def flat(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value)


def write_records(path: Path, rows: list[dict], ascii_json: bool = True) -> None:
    columns = list(dict.fromkeys(k for r in rows for k in r)) or ["other"]
    ext = path.suffix
    if ext == ".jsonl":
        lines = [json.dumps(r, ensure_ascii=ascii_json) for r in rows]
        path.write_bytes(encode("\n".join(lines) + "\n"))
    elif ext == ".json":
        path.write_bytes(encode(json.dumps(rows, ensure_ascii=ascii_json, indent=1)))
    elif ext == ".csv":
        buf = io.StringIO(newline="")
        writer = csv.writer(buf)
        writer.writerow(columns)
        writer.writerows([[flat(r.get(c)) for c in columns] for r in rows])
        path.write_bytes(encode(buf.getvalue()))
    else:  # parquet: strings as they are, anything else as JSON text
        table = {c: [clean(flat(r[c])) if c in r else None for r in rows] for c in columns}
        pq.write_table(pa.table({c: pa.array(v, pa.string()) for c, v in table.items()}), path)


def check(src: Path | str) -> tuple[list[Example], list] | None:
    """The core invariant; returns (examples, errors) or None when the source is rejected."""
    try:
        n_rows = len(load_records(str(src)))
    except DataError as e:
        msg = str(e)
        assert msg and "\n" not in msg and "\r" not in msg
        return None
    examples, errors = load_examples(str(src))
    assert len(examples) + len(errors) == n_rows
    rows = sorted([ex.row for ex in examples] + [e.row for e in errors])
    assert rows == list(range(1, n_rows + 1))
    for ex in examples:
        assert ex.messages and ex.messages[-1]["role"] == "assistant"
        for msg in ex.messages:
            assert msg["role"] in ("system", "user", "assistant")
            assert msg["content"] and msg["content"] == msg["content"].strip()
    for err in errors:
        assert str(err).startswith(f"row {err.row}: ")
        assert err.reason and "\n" not in str(err)
    assert [e.row for e in validate(str(src))] == sorted(e.row for e in errors)
    s = stats(str(src))
    assert (s["rows"], s["valid"], s["invalid"]) == (n_rows, len(examples), len(errors))
    return examples, errors


@FAST
@given(
    prefix=st.sampled_from([b"", b"text\n", b'{"text": "', b"PAR1", b"\xef\xbb\xbf", b"[{"]),
    body=st.binary(max_size=300),
    ext=st.sampled_from(FORMATS),
)
def test_random_bytes(prefix, body, ext):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{ext}"
        path.write_bytes(prefix + body)
        check(path)


@FAST
@given(rows=records, ext=st.sampled_from(FORMATS), ascii_json=st.booleans())
def test_random_records(rows, ext, ascii_json):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{ext}"
        write_records(path, rows, ascii_json)
        result = check(path)
    has_column = any({"text", "messages"} & set(r) for r in rows)
    if ext in (".jsonl", ".json", ".parquet") and has_column and (ascii_json or ext == ".parquet"):
        assert result is not None  # well-formed file with the right column: never rejected
        assert sum(map(len, result)) == len(rows)


@FAST
@given(
    turns=st.lists(
        st.tuples(good_texts, good_texts).filter(lambda qa: all(s.strip() for s in qa)),
        min_size=1,
        max_size=4,
    ).filter(lambda t: "HUMAN" not in repr(t) and "ASSISTANT" not in repr(t))
)
def test_seed_roundtrip(turns):
    text = "\n".join(f"<HUMAN>: {q}\n<ASSISTANT>: {a}" for q, a in turns)
    expected = [
        {"role": role, "content": content.strip()}
        for q, a in turns
        for role, content in (("user", q), ("assistant", a))
    ]
    assert parse_seed_text(text) == expected
    assert list(parse_record({"text": text}, 1).messages) == expected
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.jsonl"
        path.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
        examples, errors = load_examples(str(path))
    assert errors == [] and list(examples[0].messages) == expected


@FAST
@given(
    system=st.booleans(),
    pairs=st.lists(st.tuples(good_texts, good_texts), min_size=1, max_size=3),
)
def test_messages_roundtrip(system, pairs):
    msgs = [{"role": "system", "content": "be kind"}] if system else []
    for q, a in pairs:
        msgs += [{"role": "user", "content": q}, {"role": "assistant", "content": a}]
    if all(m["content"].strip() for m in msgs):
        ex = parse_record({"messages": json.dumps(msgs)}, 1)
        assert [m["content"] for m in ex.messages] == [m["content"].strip() for m in msgs]


@SLOW
@given(
    sizes=st.lists(st.integers(0, 200_000), min_size=1, max_size=3),
    ext=st.sampled_from(FORMATS),
)
def test_huge_rows(sizes, ext):
    rows = [{"text": "<HUMAN>: q\n<ASSISTANT>: " + "é" * n} for n in sizes]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"h{ext}"
        write_records(path, rows)
        examples, errors = check(path)
    fits = [i for i, n in enumerate(sizes, 1) if 0 < n and len("q\n") + n <= 20000]
    assert [ex.row for ex in examples] == fits
    assert all("too long" in e.reason or "empty <ASSISTANT>" in e.reason for e in errors)


@FAST
@given(
    content=texts.map(lambda s: "café " + s),
    encoding=st.sampled_from(["latin-1", "cp1252", "utf-16", "utf-32"]),
    ext=st.sampled_from([".jsonl", ".json", ".csv"]),
)
def test_wrong_encoding(content, encoding, ext):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"w{ext}"
        write_records(path, [{"text": f"<HUMAN>: q\n<ASSISTANT>: {content}"}], ascii_json=False)
        try:
            data = path.read_bytes().decode("utf-8").encode(encoding)
        except UnicodeError:
            return  # not representable in that encoding
        path.write_bytes(data)
        with pytest.raises(DataError, match="not UTF-8"):
            load_records(str(path))


@FAST
@given(blank=st.text(st.sampled_from(" \t\r\n"), max_size=5), ext=st.sampled_from(FORMATS))
def test_empty_files(blank, ext):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"e{ext}"
        path.write_text(blank)
        with pytest.raises(DataError, match="empty file"):
            load_records(str(path))


@FAST
@given(
    columns=st.lists(
        st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=8)
        .map(str.strip)
        .filter(lambda c: c and c not in ("text", "messages")),
        min_size=1,
        max_size=3,
        unique=True,
    ),
    ext=st.sampled_from(FORMATS),
)
def test_missing_columns(columns, ext):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"m{ext}"
        write_records(path, [{c: "<HUMAN>: q\n<ASSISTANT>: a" for c in columns}])
        with pytest.raises(DataError, match="no 'text' or 'messages' column") as info:
            load_records(str(path))
        assert str(info.value).startswith(str(path))


@SLOW
@given(exts=st.lists(st.sampled_from(FORMATS), min_size=2, max_size=4))
def test_mixed_formats_directory(exts):
    with tempfile.TemporaryDirectory() as tmp:
        for i, ext in enumerate(exts):
            write_records(Path(tmp) / f"part{i}{ext}", [{"text": "<HUMAN>: q\n<ASSISTANT>: a"}])
        if len(set(exts)) > 1:
            with pytest.raises(DataError, match="mixed file types"):
                load_records(tmp)
        else:
            assert len(check(tmp)[0]) == len(exts)


@SLOW
@given(counts=st.lists(st.integers(1, 5), min_size=1, max_size=4), ext=st.sampled_from(FORMATS))
def test_directory_rows_numbered_across_files(counts, ext):
    with tempfile.TemporaryDirectory() as tmp:
        expected = []
        for f, n in enumerate(counts):
            rows = [{"text": f"<HUMAN>: f{f} r{r}\n<ASSISTANT>: a"} for r in range(n)]
            write_records(Path(tmp) / f"part{f:02d}{ext}", rows)
            expected += [f"f{f} r{r}" for r in range(n)]
        examples, errors = check(tmp)
    assert errors == [] and [ex.messages[0]["content"] for ex in examples] == expected
    assert [ex.row for ex in examples] == list(range(1, len(expected) + 1))


@FAST
@given(rows=records, seed=st.integers(0, 2**32 - 1), cut=st.floats(0, 1), flips=st.integers(0, 8))
def test_corrupted_parquet(rows, seed, cut, flips):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.parquet"
        write_records(path, rows)
        data = bytearray(path.read_bytes())
        rng = random.Random(seed)
        for _ in range(flips):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data[: max(1, int(len(data) * cut))] if cut < 1 else data))
        check(path)


@FAST
@given(n=st.integers(0, 300), fraction=st.floats(0, 0.99), seed=st.integers())
def test_split_properties(n, fraction, seed):
    examples = [Example(i, ()) for i in range(1, n + 1)]
    train, ev = split(examples, fraction, seed)
    assert split(examples, fraction, seed) == (train, ev)
    assert sorted(e.row for e in train + ev) == list(range(1, n + 1))
    assert {e.row for e in train}.isdisjoint(e.row for e in ev)
    if fraction > 0 and n > 1:
        assert 1 <= len(ev) <= n - 1
    if fraction == 0:
        assert ev == []
