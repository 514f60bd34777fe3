"""Dated table of crisis resources per locale.

Every entry was checked against the service's own public page on ``VERIFIED``.
Numbers change: re-check them before a release (``docs/safety.md`` says how).
Locales are ISO 3166-1 alpha-2 country codes; ``INTL`` is the fallback for
anywhere else and points to findahelpline.com.
"""

from __future__ import annotations

from dataclasses import dataclass

VERIFIED = "2026-11-26"
FIND_A_HELPLINE = "https://findahelpline.com"


@dataclass(frozen=True)
class Line:
    name: str
    contact: str  # how to reach it, e.g. "call or text 988"
    hours: str = "24/7"


@dataclass(frozen=True)
class LocaleResources:
    code: str
    country: str
    emergency: str  # local emergency number(s)
    lines: tuple[Line, ...]


_TABLE: dict[str, LocaleResources] = {
    "US": LocaleResources(
        "US",
        "United States",
        "911",
        (
            Line("988 Suicide & Crisis Lifeline", "call or text 988, or chat at 988lifeline.org"),
            Line("Crisis Text Line", "text HOME to 741741"),
        ),
    ),
    "CA": LocaleResources(
        "CA",
        "Canada",
        "911",
        (
            Line("9-8-8 Suicide Crisis Helpline", "call or text 9-8-8"),
            Line("Kids Help Phone (young people)", "call 1-800-668-6868 or text CONNECT to 686868"),
        ),
    ),
    "GB": LocaleResources(
        "GB",
        "United Kingdom",
        "999 (or 112)",
        (
            Line("Samaritans", "call 116 123 (free) or email jo@samaritans.org"),
            Line("Shout", "text SHOUT to 85258"),
        ),
    ),
    "IE": LocaleResources(
        "IE",
        "Ireland",
        "112 or 999",
        (
            Line("Samaritans", "call 116 123 (free) or email jo@samaritans.ie"),
            Line("Text About It", "text HELLO to 50808"),
        ),
    ),
    "AU": LocaleResources(
        "AU",
        "Australia",
        "000",
        (
            Line("Lifeline", "call 13 11 14 or text 0477 13 11 14"),
            Line("Kids Helpline (ages 5-25)", "call 1800 55 1800"),
        ),
    ),
    "NZ": LocaleResources(
        "NZ",
        "New Zealand",
        "111",
        (
            Line("Need to Talk?", "call or text 1737"),
            Line("Lifeline Aotearoa", "call 0800 543 354"),
        ),
    ),
    "IN": LocaleResources(
        "IN",
        "India",
        "112",
        (Line("Tele-MANAS", "call 14416 or 1-800-891-4416 (free)"),),
    ),
    "DE": LocaleResources(
        "DE",
        "Germany",
        "112",
        (Line("TelefonSeelsorge", "call 0800 111 0 111 or 0800 111 0 222 (free)"),),
    ),
    "FR": LocaleResources(
        "FR",
        "France",
        "112 (or 15 for SAMU)",
        (Line("3114 - numéro national de prévention du suicide", "call 3114 (free)"),),
    ),
    "ES": LocaleResources(
        "ES",
        "Spain",
        "112",
        (Line("Línea 024 de atención a la conducta suicida", "call 024 (free)"),),
    ),
    "BR": LocaleResources(
        "BR",
        "Brazil",
        "192 (SAMU) or 190",
        (Line("CVV - Centro de Valorização da Vida", "call 188 (free) or chat at cvv.org.br"),),
    ),
    "INTL": LocaleResources(
        "INTL",
        "anywhere else",
        "your local emergency number",
        (Line("Find a Helpline", f"find a free, confidential line near you at {FIND_A_HELPLINE}"),),
    ),
}

_ALIASES = {"UK": "GB", "EN-US": "US", "EN-GB": "GB", "EN-AU": "AU", "EN-CA": "CA", "EN-IN": "IN"}

LOCALES: list[str] = list(_TABLE)


def normalize_locale(locale: str | None) -> str:
    """Map ``"us"``, ``"en-GB"``, ``"UK"``... to a table key; unknown codes give ``INTL``."""
    code = (locale or "INTL").strip().upper().replace("_", "-")
    code = _ALIASES.get(code, code)
    if code not in _TABLE and "-" in code:
        code = code.rsplit("-", 1)[-1]
    return code if code in _TABLE else "INTL"


def get_resources(locale: str | None) -> LocaleResources:
    return _TABLE[normalize_locale(locale)]


def resources_markdown(locale: str | None) -> str:
    """Help lines for ``locale`` as a markdown list, always ending with findahelpline.com."""
    res = get_resources(locale)
    rows = [f"- **Emergency:** {res.emergency}"]
    rows += [f"- **{line.name}:** {line.contact} ({line.hours})" for line in res.lines]
    if res.code != "INTL":
        rows.append(f"- **Elsewhere:** {FIND_A_HELPLINE}")
    return "\n".join(rows)
