"""Operator switches of the safety layer read from the environment: on unless set to ``0``."""

from __future__ import annotations

import os


def on_unless_zero(name: str) -> bool:
    """Environment variable ``name``: unset or ``1`` = on, ``0`` = off. Anything else is refused
    (ValueError naming the variable), never silently read as one or the other."""
    flag = os.environ.get(name, "").strip()
    if flag in ("", "1", "0"):
        return flag != "0"
    raise ValueError(f"{name}={flag!r}: use 1 or 0")
