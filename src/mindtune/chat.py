"""Terminal chat: one conversation with an engine, replies streamed as they are generated.

    run_chat(engine, GenerationSettings(), sys.stdin, sys.stdout)

Commands: ``/reset`` starts over, ``/settings`` shows the generation settings and
``/settings temperature=0.2 max_new_tokens=64`` changes them, ``/quit`` (or end of input) exits.
The safety layer sits inside the engine, so a crisis message is answered with crisis resources
without the model being called.
"""

from __future__ import annotations

import dataclasses
import sys
import threading
from collections.abc import Callable
from typing import Any, TextIO

from mindtune.engine import EngineError, GenerationSettings

FALLBACK_NOTICE = ("mindtune is an AI model, not a therapist or a crisis service. It can be wrong. "
                   "In an emergency call your local emergency number.")
HELP = ("Type a message and press Enter. /reset starts over, /settings shows or changes settings "
        "(/settings temperature=0.2), /quit exits.")
PROMPT = "> "


def notice_for(engine: Any) -> str:
    """The not-a-therapist notice of the engine's safety layer (a fixed one without a layer)."""
    return getattr(getattr(engine, "safety", None), "notice", None) or FALLBACK_NOTICE


def format_settings(settings: GenerationSettings) -> str:
    return " ".join(f"{k}={v}" for k, v in settings.to_dict().items())


def parse_settings(args: str, current: GenerationSettings) -> GenerationSettings:
    """``key=value`` pairs applied to ``current``; raises EngineError naming the bad pair."""
    fields = {f.name: str(f.type) for f in dataclasses.fields(GenerationSettings)}
    changes: dict[str, Any] = {}
    for pair in args.split():
        key, sep, raw = pair.partition("=")
        if not sep or key not in fields:
            raise EngineError(f"expected key=value with key one of {', '.join(fields)}; "
                              f"got {pair!r}")
        kind = fields[key]
        try:
            if "None" in kind and raw.lower() in ("none", "null", ""):
                changes[key] = None
            elif "float" in kind:
                changes[key] = float(raw)
            else:
                changes[key] = int(raw)
        except ValueError:
            raise EngineError(f"{key} must be a number, got {raw!r}") from None
    return dataclasses.replace(current, **changes).validate()


class ChatSession:
    """State of one terminal conversation: history and settings; ``handle`` runs one input line."""

    def __init__(self, engine: Any, settings: GenerationSettings, out: TextIO):
        self.engine = engine
        self.settings = settings.validate()
        self.out = out
        self.history: list[dict[str, str]] = []

    def write(self, text: str) -> None:
        self.out.write(text)
        self.out.flush()

    def handle(self, line: str) -> bool:
        """Answer one input line; False when the user asked to quit."""
        text = line.strip()
        if not text:
            return True
        if text.startswith("/"):
            return self.command(text)
        self.reply(text)
        return True

    def command(self, text: str) -> bool:
        name, _, args = text.partition(" ")
        if name in ("/quit", "/exit"):
            return False
        if name == "/reset":
            self.history.clear()
            self.write("(conversation cleared)\n")
        elif name == "/settings":
            if args.strip():
                try:
                    self.settings = parse_settings(args, self.settings)
                except EngineError as e:
                    self.write(f"error: {e}\n")
                    return True
            self.write(format_settings(self.settings) + "\n")
        else:
            self.write(f"unknown command {name} (try /reset, /settings, /quit)\n")
        return True

    def reply(self, text: str) -> None:
        messages = [*self.history, {"role": "user", "content": text}]
        cancel = threading.Event()
        try:
            comp = self.engine.chat(messages, self.settings, cancel)
        except EngineError as e:
            self.write(f"error: {e}\n")
            return
        if comp.dropped_turns:
            self.write(f"(left out the {comp.dropped_turns} oldest messages to fit the "
                       "context)\n")
        stream = iter(comp)
        try:
            for chunk in stream:
                self.write(chunk)
        except KeyboardInterrupt:  # Ctrl-C stops this reply, not the chat
            cancel.set()
            for _ in stream:
                pass
            self.write(" (stopped)")
        if not comp.text.strip():
            self.write("(empty reply)")
        self.write("\n")
        self.history = [*messages, {"role": "assistant", "content": comp.text}]


def _reader(stdin: TextIO, stdout: TextIO, write: Callable[[str], None]
            ) -> Callable[[], str]:
    """One input line ('' at end of input). On a terminal, input() gives line editing."""
    if stdin is sys.stdin and stdout is sys.stdout and stdin.isatty():
        try:
            import readline  # noqa: F401 - arrow keys and history for input()
        except ImportError:  # pragma: no cover - Windows
            pass

        def read_tty() -> str:
            try:
                return input(PROMPT) + "\n"
            except (EOFError, KeyboardInterrupt):
                return ""

        return read_tty

    def read() -> str:
        write(PROMPT)
        try:
            return stdin.readline()
        except KeyboardInterrupt:
            return ""

    return read


def run_chat(engine: Any, settings: GenerationSettings, stdin: TextIO, stdout: TextIO) -> None:
    """Chat until /quit or end of input. Input lines are echoed when stdin is not a terminal,
    so a piped session reads like a transcript."""
    session = ChatSession(engine, settings, stdout)
    echo = not (hasattr(stdin, "isatty") and stdin.isatty())
    session.write(f"mindtune chat · {getattr(engine, 'name', 'model')}\n")
    session.write(notice_for(engine) + "\n")
    session.write(HELP + "\n")
    read = _reader(stdin, stdout, session.write)
    while True:
        line = read()
        if not line:  # end of input
            session.write("\n")
            return
        if echo:
            session.write(line if line.endswith("\n") else line + "\n")
        if not session.handle(line):
            return
