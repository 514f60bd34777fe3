"""Load, validate and describe chatbot training data.

Rows are seed text (``text``: ``<HUMAN>: q\\n<ASSISTANT>: a``, multi-turn allowed) or chat
``messages`` (a list of ``{role, content}`` or its JSON string). A source is a hub id (local
mirror ``$MINDTUNE_DATA_DIR/name/`` first), a directory, or a .parquet/.jsonl/.json/.csv file.
File problems raise :class:`DataError` (one line naming the file); bad rows become
:class:`RowError` (``row N: reason``), so no row is ever dropped silently.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_DATASET = "heliosbrahma/mental_health_chatbot_dataset"
FORMATS = (".parquet", ".jsonl", ".json", ".csv")
ROLES = ("system", "user", "assistant")
# Metadata that sits next to the data in hub snapshots; never rows.
_META_FILES = {"dataset_info.json", "dataset_infos.json", "dataset_dict.json", "state.json"}
_HUB_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*")
_TAG = re.compile(r"<\s*(HUMAN|ASSISTANT)\s*>\s*:")
_SPEAKER = {"HUMAN": "user", "ASSISTANT": "assistant"}


class DataError(Exception):
    """A file-level problem; the message is one line and names the file (and line if known)."""

    def __init__(self, message: str) -> None:
        super().__init__(re.sub(r"[\r\n]+", " ", message))


@dataclass(frozen=True)
class Example:
    row: int  # 1-based row number across the source
    messages: tuple[dict[str, str], ...]  # roles system?/user/assistant..., ends with assistant

    @property
    def text(self) -> str:
        """All turns joined by newlines: what the char and token limits measure."""
        return "\n".join(m["content"] for m in self.messages)


@dataclass
class RowError:
    row: int
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.reason}"


class RowErrorException(Exception):
    """Raised by :func:`parse_record`; ``.error`` is the :class:`RowError`."""

    def __init__(self, error: RowError) -> None:
        super().__init__(str(error))
        self.error = error


# ---------------------------------------------------------------- sources and files


def data_dir() -> Path:
    """Where hub datasets are mirrored: ``$MINDTUNE_DATA_DIR`` or ``~/.cache/mindtune/data``."""
    return Path(os.environ.get("MINDTUNE_DATA_DIR") or "~/.cache/mindtune/data").expanduser()


def resolve_source(src: str) -> str:
    """An existing local path, else the mirror of a hub id, else the hub id itself."""
    if not src or not src.strip():
        raise DataError("empty data source")
    path = Path(src).expanduser()
    if _exists(path):
        return str(path)
    if _HUB_ID.fullmatch(src) and path.suffix.lower() not in FORMATS:
        mirror = data_dir() / src.split("/")[1]
        return str(mirror) if _exists(mirror) else src
    raise DataError(f"{src}: no such file or directory")


def load_records(src: str) -> list[dict]:
    """Raw rows of a source, in order across files; raises :class:`DataError`."""
    where = resolve_source(src)
    path = Path(where)
    if not _exists(path):
        return _load_hub(where)
    try:
        files = _data_files(path) if path.is_dir() else [path]
    except OSError as e:
        raise DataError(f"{path}: cannot read ({e.strerror or _one_line(e)})") from None
    records: list[dict] = []
    for file in files:
        records.extend(_read_file(file))
    return records


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # name too long, NUL byte, no permission
        return False


def _one_line(exc: BaseException) -> str:
    return (" ".join(str(exc).split()) or type(exc).__name__)[:200]


def _require_columns(where: object, columns: list[str]) -> None:
    if not {"text", "messages"} & set(columns):
        found = ", ".join(repr(c) for c in columns[:10]) or "none"
        raise DataError(f"{where}: no 'text' or 'messages' column (found: {found})")


def _load_hub(hub_id: str) -> list[dict]:
    mirror = data_dir() / hub_id.split("/")[1]
    try:
        import datasets

        ds = datasets.load_dataset(hub_id, split="train")
        rows, columns = ds.to_list(), list(ds.column_names)
    except Exception as e:  # offline, unknown id, bad files: all reported the same way
        raise DataError(
            f"{hub_id}: no local copy at {mirror}/ and loading from the hub failed "
            f"({type(e).__name__}: {_one_line(e)})"
        ) from None
    if not rows:
        raise DataError(f"{hub_id}: empty dataset (no rows)")
    _require_columns(hub_id, columns)
    return rows


def _data_files(folder: Path) -> list[Path]:
    for base in (folder, folder / "data"):  # hub snapshots keep their shards under data/
        files = sorted(
            p
            for p in base.glob("*")
            if p.suffix.lower() in FORMATS
            and p.is_file()
            and p.name not in _META_FILES
            and not p.name.startswith(".")
        )
        if files:
            break
    else:
        raise DataError(f"{folder}: no .parquet, .jsonl, .json or .csv files")
    kinds = sorted({p.suffix.lower() for p in files})
    if len(kinds) > 1:
        raise DataError(f"{folder}: mixed file types ({', '.join(kinds)}); use one format")
    return files


def _read_file(path: Path) -> list[dict]:
    ext = path.suffix.lower()
    if ext not in FORMATS:
        raise DataError(
            f"{path}: unsupported file type {ext or '(none)'}; use .parquet, .jsonl, .json or .csv"
        )
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DataError(f"{path}: cannot read ({e.strerror or _one_line(e)})") from None
    if not data.strip():
        raise DataError(f"{path}: empty file")
    if ext == ".parquet":
        rows, columns = _read_parquet(path, data)
    else:
        text = _decode(path, data)
        reader = {".jsonl": _read_jsonl, ".json": _read_json, ".csv": _read_csv}[ext]
        rows, columns = reader(path, text)
    if not rows:
        raise DataError(f"{path}: empty file (no rows)")
    _require_columns(path, columns)
    return rows


def _decode(path: Path, data: bytes) -> str:
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as e:
        at = e.start + bom
        line = data.count(b"\n", 0, at) + 1
        raise DataError(
            f"{path}:{line}: not UTF-8 (byte 0x{data[at]:02x} at offset {at}); re-save as UTF-8"
        ) from None


def _read_parquet(path: Path, data: bytes) -> tuple[list[dict], list[str]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(pa.BufferReader(data))
        columns = list(pf.schema_arrow.names)
        wanted = [c for c in ("text", "messages") if c in columns]
        # without the columns only emptiness matters (a corrupt footer may claim 2**60 rows)
        rows = pf.read(columns=wanted).to_pylist() if wanted else [{}][: pf.metadata.num_rows]
    except Exception as e:  # pyarrow raises many types for corrupt files
        raise DataError(f"{path}: unreadable parquet ({_one_line(e)})") from None
    return rows, columns


def _json_line(path: Path, line: str, lineno: int) -> dict:
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError):
        raise DataError(f"{path}:{lineno}: invalid JSON") from None
    if not isinstance(obj, dict):
        raise DataError(f"{path}:{lineno}: expected a JSON object, got {type(obj).__name__}")
    return obj


def _keys(rows: list[dict]) -> list[str]:
    return list(dict.fromkeys(k for r in rows for k in r))


def _read_jsonl(path: Path, text: str) -> tuple[list[dict], list[str]]:
    # split on "\n" only: str.splitlines() would also split on U+2028 etc. inside JSON strings
    rows = [_json_line(path, line, n) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    return rows, _keys(rows)


def _read_json(path: Path, text: str) -> tuple[list[dict], list[str]]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as e:
        if text.lstrip().startswith("{") and "\n" in text.strip():
            return _read_jsonl(path, text)  # JSON Lines saved as .json (datasets' to_json)
        raise DataError(f"{path}:{getattr(e, 'lineno', 1)}: invalid JSON") from None
    items = [data] if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise DataError(f"{path}: expected a JSON array of objects, got {type(data).__name__}")
    for i, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise DataError(f"{path}: array item {i} is not a JSON object")
    return items, _keys(items)


def _read_csv(path: Path, text: str) -> tuple[list[dict], list[str]]:
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))  # long answers are rows too
    # strict: an unbalanced quote would otherwise swallow every following row into one field
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        reader.fieldnames = [name.strip() for name in reader.fieldnames or []]
        rows = list(reader)
    except csv.Error as e:
        raise DataError(f"{path}:{reader.reader.line_num}: invalid CSV ({_one_line(e)})") from None
    return rows, list(reader.fieldnames)


# ---------------------------------------------------------------- rows


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_unicode(value: str, what: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{what} is not valid Unicode (lone surrogate)") from None


def parse_seed_text(text: str) -> list[dict[str, str]]:
    """``<HUMAN>: q\\n<ASSISTANT>: a[...]`` -> messages; raises ValueError with the reason."""
    if not text.strip():
        raise ValueError("empty text")
    tags = list(_TAG.finditer(text))
    found = {m.group(1) for m in tags}
    if not found:
        raise ValueError("missing <HUMAN>: and <ASSISTANT>: tags")
    if "HUMAN" not in found:
        raise ValueError("missing <HUMAN>: tag")
    if "ASSISTANT" not in found:
        raise ValueError("no assistant turn (missing <ASSISTANT>: tag)")
    if text[: tags[0].start()].strip():
        raise ValueError("text before the first tag")
    messages = []
    for i, match in enumerate(tags, 1):
        tag, expected = match.group(1), "HUMAN" if i % 2 else "ASSISTANT"
        if tag != expected:
            raise ValueError(f"wrong turn order: turn {i} is <{tag}>, expected <{expected}>")
        end = tags[i].start() if i < len(tags) else len(text)
        content = text[match.end() : end].strip()
        if not content:
            raise ValueError(f"empty <{tag}> side in turn {i}")
        messages.append({"role": _SPEAKER[tag], "content": content})
    if messages[-1]["role"] != "assistant":
        raise ValueError("last turn is <HUMAN>; must end with <ASSISTANT>")
    return messages


def _parse_messages(value: Any) -> list[dict[str, str]]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            raise ValueError("field 'messages' is not valid JSON") from None
    if not isinstance(value, (list, tuple)):
        raise ValueError("field 'messages' is not a list")
    if not value:
        raise ValueError("field 'messages' is empty")
    out: list[dict[str, str]] = []
    for i, msg in enumerate(value, 1):
        if not isinstance(msg, dict) or "role" not in msg or "content" not in msg:
            raise ValueError(f"message {i} is not an object with 'role' and 'content'")
        role, content = msg["role"], msg["content"]
        if not isinstance(role, str) or role.strip().lower() not in ROLES:
            raise ValueError(f"message {i}: unknown role {_short(role)}")
        if not isinstance(content, str):
            raise ValueError(f"message {i}: content is not text")
        _check_unicode(content, f"message {i}: content")
        if not content.strip():
            raise ValueError(f"message {i}: empty {role.strip().lower()} content")
        out.append({"role": role.strip().lower(), "content": content.strip()})
    start = 1 if out[0]["role"] == "system" else 0
    for i in range(start, len(out)):
        expected = "user" if (i - start) % 2 == 0 else "assistant"
        if out[i]["role"] != expected:
            raise ValueError(
                f"wrong turn order: message {i + 1} is {out[i]['role']}, expected {expected}"
            )
    if out[-1]["role"] != "assistant":
        if len(out) - start < 2:
            raise ValueError("no assistant turn")
        raise ValueError(f"last message is {out[-1]['role']}; must end with assistant")
    return out


def parse_record(record: dict, row: int, max_chars: int = 20000) -> Example:
    """One raw row -> :class:`Example`; raises :class:`RowErrorException`."""
    try:
        if not isinstance(record, dict):
            raise ValueError("row is not an object")
        msgs = record.get("messages")
        has_msgs = msgs is not None and not (isinstance(msgs, str) and not msgs.strip())
        if "messages" in record and (has_msgs or "text" not in record):
            messages = _parse_messages(msgs)
        elif "text" not in record:
            raise ValueError("no 'text' or 'messages' field")
        else:
            text = record["text"]
            if not isinstance(text, str):
                raise ValueError("field 'text' is not text")
            _check_unicode(text, "field 'text'")
            if not text.strip():
                raise ValueError("field 'text' is empty")
            messages = parse_seed_text(text)
        example = Example(row, tuple(messages))
        if len(example.text) > max_chars:
            raise ValueError(f"too long: {len(example.text)} chars > {max_chars}")
    except ValueError as e:
        raise RowErrorException(RowError(row, str(e))) from None
    return example


def load_examples(src: str, max_chars: int = 20000) -> tuple[list[Example], list[RowError]]:
    """Every row of ``src`` either as an :class:`Example` or as a :class:`RowError`."""
    examples: list[Example] = []
    errors: list[RowError] = []
    for row, record in enumerate(load_records(src), 1):
        try:
            examples.append(parse_record(record, row, max_chars))
        except RowErrorException as e:
            errors.append(e.error)
    return examples, errors


# ---------------------------------------------------------------- validate, stats, split


def count_tokens(tokenizer: Any, example: Example) -> int:
    return len(tokenizer(example.text)["input_ids"])


def validate(src: str, tokenizer: Any = None, max_tokens: int | None = None) -> list[RowError]:
    """All row errors, by row. With a tokenizer, rows over ``max_tokens`` (default: the
    tokenizer's ``model_max_length`` when it is a real limit) are errors too."""
    examples, errors = load_examples(src)
    model_max = getattr(tokenizer, "model_max_length", None)  # HF: 1e30 when unknown
    if max_tokens is None and isinstance(model_max, int) and model_max < 1_000_000:
        max_tokens = model_max
    for ex in examples if tokenizer is not None and max_tokens is not None else []:
        if (n := count_tokens(tokenizer, ex)) > max_tokens:
            errors.append(RowError(ex.row, f"too long: {n} tokens > {max_tokens}"))
    return sorted(errors, key=lambda e: e.row)


def _summary(values: list[int]) -> dict[str, float] | None:
    if not values:
        return None
    v = sorted(values)

    def pct(q: float) -> float:  # linear interpolation, as numpy's default
        lo, frac = divmod((len(v) - 1) * q, 1)
        return v[int(lo)] + (v[min(int(lo) + 1, len(v) - 1)] - v[int(lo)]) * frac

    mean = sum(v) / len(v)
    return {
        "min": v[0],
        "mean": round(mean, 2),
        "p50": round(pct(0.5), 2),
        "p95": round(pct(0.95), 2),
        "max": v[-1],
    }


def stats(src: str, tokenizer: Any = None) -> dict:
    """Counts and length summaries (``chars`` always, ``tokens`` with a tokenizer, else None)."""
    examples, errors = load_examples(src)
    answers = [sum(m["role"] == "assistant" for m in ex.messages) for ex in examples]
    return {
        "source": resolve_source(src),
        "rows": len(examples) + len(errors),
        "valid": len(examples),
        "invalid": len(errors),
        "turns": sum(m["role"] != "system" for ex in examples for m in ex.messages),
        "multi_turn": sum(n > 1 for n in answers),
        "chars": _summary([len(ex.text) for ex in examples]),
        "tokens": None
        if tokenizer is None
        else _summary([count_tokens(tokenizer, ex) for ex in examples]),
    }


def split(
    examples: list[Example], eval_fraction: float = 0.1, seed: int = 42
) -> tuple[list[Example], list[Example]]:
    """Seeded train/eval split; both keep source order. Eval gets >= 1 row when it can."""
    if not 0 <= eval_fraction < 1:
        raise ValueError(f"eval_fraction must be in [0, 1), got {eval_fraction}")
    n = len(examples)
    if eval_fraction == 0 or n < 2:
        return list(examples), []
    n_eval = min(n - 1, max(1, round(n * eval_fraction)))
    picked = set(random.Random(seed).sample(range(n), n_eval))
    train = [ex for i, ex in enumerate(examples) if i not in picked]
    return train, [ex for i, ex in enumerate(examples) if i in picked]
