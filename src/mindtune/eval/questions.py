"""What an eval asks: the run's held-out conversations or a ``{question, reference}`` file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mindtune.data import DataError

Messages = list[dict[str, str]]


class EvalError(DataError):
    """Bad eval input (questions file, run dir, limit): one line, ``FILE:LINE: reason`` where a
    line is to blame. A DataError, so the CLI prints it as one line and exits 1."""


@dataclass(frozen=True)
class Item:
    id: str  # held-out row number, or the questions file's line number
    prompt: Messages  # the conversation up to and including the last user turn
    reference: str  # the answer the model is compared with (the last assistant turn)
    conversation: Messages  # what the loss is taken on: every assistant turn carries loss

    @property
    def question(self) -> str:
        return self.prompt[-1]["content"]


def check_run(run: str | Path) -> Path:
    p = Path(run)
    if not (p / "config.yaml").is_file() or not (p / "adapter").is_dir():
        raise EvalError(f"{run}: not a run directory (needs config.yaml and adapter/)")
    return p


def read_lines(path: Path) -> list[str]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise EvalError(f"{path}: no such file") from None
    except OSError as e:
        raise EvalError(f"{path}: cannot read ({e.strerror})") from None
    lines = raw.split(b"\n")
    out = []
    for n, line in enumerate(lines, 1):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            raise EvalError(f"{path}:{n}: not UTF-8 text") from None
    return out


def json_object(path: Path, n: int, line: str) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise EvalError(f"{path}:{n}: not JSON ({e.msg} at column {e.colno})") from None
    if not isinstance(obj, dict):
        raise EvalError(f"{path}:{n}: expected a JSON object, got {type(obj).__name__}")
    return obj


def load_questions(path: str | Path) -> list[Item]:
    """Lines ``{"question": str, "reference": str}`` (other keys ignored, blank lines skipped)."""
    path = Path(path)
    items: list[Item] = []
    for n, line in enumerate(read_lines(path), 1):
        if not line.strip():
            continue
        obj = json_object(path, n, line)
        for key in ("question", "reference"):
            if key not in obj:
                raise EvalError(f"{path}:{n}: missing key '{key}'")
            if not isinstance(obj[key], str) or not obj[key].strip():
                raise EvalError(f"{path}:{n}: '{key}' must be a non-empty string")
        q, ref = obj["question"].strip(), obj["reference"].strip()
        prompt = [{"role": "user", "content": q}]
        items.append(Item(str(n), prompt, ref, [*prompt, {"role": "assistant", "content": ref}]))
    if not items:
        raise EvalError(f"{path}: no questions")
    return items


def load_split(run: Path) -> list[Item]:
    """The held-out conversations training wrote to ``eval_split.jsonl``."""
    path = run / "eval_split.jsonl"
    if not path.is_file():
        raise EvalError(f"{path}: no held-out split (trained with data.eval_fraction=0?); "
                        "pass --questions FILE.jsonl")
    items: list[Item] = []
    for n, line in enumerate(read_lines(path), 1):
        if not line.strip():
            continue
        obj = json_object(path, n, line)
        msgs = obj.get("messages")
        if (not isinstance(msgs, list) or len(msgs) < 2 or msgs[-1].get("role") != "assistant"
                or msgs[-2].get("role") != "user"):
            raise EvalError(f"{path}:{n}: 'messages' must end with a user and an assistant turn")
        items.append(Item(str(obj.get("row", n)), msgs[:-1], msgs[-1]["content"], msgs))
    if not items:
        raise EvalError(f"{path}: the held-out split is empty; pass --questions FILE.jsonl")
    return items


def select(items: list[Item], limit: int | None) -> list[Item]:
    if limit is None:
        return items
    if limit < 1:
        raise EvalError(f"--limit must be >= 1, got {limit}")
    return items[:limit]
