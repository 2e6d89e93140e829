"""The ingest stage's knowledge about page chrome, outlets and datelines, read from data files.

Sites change their chrome more often than this code changes, so the phrases
live in boilerplate.txt / outlets.txt / datelines.txt next to this module and
are loaded once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.ingest.dates import fold
from kg.text import match_key, strip_diacritics

DATA = Path(__file__).resolve().parent
SECTIONS = ("line", "label", "footer", "tail")
# Stripped from both ends of a line before it is compared with the rules.
EDGE_PUNCT = " \t:：.،,!؟?…|•·»«>-–—*"


@dataclass(frozen=True)
class Rules:
    """Compiled boilerplate rules: one alternation per section of boilerplate.txt."""

    line: re.Pattern[str]
    label: re.Pattern[str]
    footer: re.Pattern[str]
    tail: re.Pattern[str]


def rule_key(line: str) -> str:
    """The form of a cleaned line that the boilerplate rules are matched against."""
    return fold(line).strip(EDGE_PUNCT)


def without_tail(line: str) -> str:
    """The line less chrome a site appends to its last paragraph ([tail] of boilerplate.txt: "سمات" and
    the article's tags after its last sentence)."""
    found = rules().tail.search(fold(line))  # fold keeps lengths: the match's span is the line's
    return line[:found.start()].rstrip() if found else line


def _sections(path: Path, default: str) -> dict[str, list[str]]:
    """Entries of a data file grouped by [section] headers (comments and blanks skipped)."""
    groups: dict[str, list[str]] = {default: []}
    current = default
    for raw in path.read_text(encoding="utf-8").splitlines():
        entry = raw.strip()
        if not entry or entry.startswith("#"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", entry)
        if header:
            current = header.group(1)
            groups.setdefault(current, [])
        else:
            groups[current].append(entry)
    return groups


def _compile(entries: list[str], where: str) -> re.Pattern[str]:
    """One case-insensitive alternation; a broken entry fails loudly with its text (a data bug)."""
    parts = []
    for entry in entries:
        pattern = fold(strip_diacritics(entry))
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{where}: bad regex {entry!r}: {exc}") from exc
        parts.append(f"(?:{pattern})")
    return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)


@cache
def rules() -> Rules:
    """The boilerplate rules, loaded once."""
    path = DATA / "boilerplate.txt"
    groups = _sections(path, "line")
    unknown = set(groups) - set(SECTIONS)
    if unknown:
        raise ValueError(f"{path}: unknown sections {sorted(unknown)}; use {list(SECTIONS)}")
    compiled = {name: _compile(groups.get(name, []), f"{path} [{name}]") for name in SECTIONS}
    return Rules(**compiled)


@cache
def outlets() -> dict[str, str]:
    """Known outlet names by match key (value: the spelling in outlets.txt)."""
    names = _sections(DATA / "outlets.txt", "outlets")["outlets"]
    return {match_key(name).lower(): name for name in names}


@cache
def _datelines() -> dict[str, frozenset[str]]:
    groups = _sections(DATA / "datelines.txt", "places")
    return {name: frozenset(match_key(w).lower() for w in words) for name, words in groups.items()}


def is_outlet(name: str) -> bool:
    """Whether ``name`` is a known news outlet."""
    return match_key(name).lower() in outlets()


def is_place(name: str) -> bool:
    """Whether ``name`` is a dateline place (a city or region)."""
    return match_key(name).lower() in _datelines().get("places", frozenset())


def is_generic_byline(name: str) -> bool:
    """Whether ``name`` is a byline word that is not an outlet (وكالات, متابعة)."""
    return match_key(name).lower() in _datelines().get("generic", frozenset())


@cache
def _menu_names() -> dict[str, list[tuple[str, ...]]]:
    """Outlet names of two or more words, as word tuples indexed by their first word."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for key in outlets():
        words = tuple(key.split())
        if len(words) > 1:
            index.setdefault(words[0], []).append(words)
    return index


MENU_MAX_WORDS = 40  # a menu is a row of links; a paragraph of prose may name an outlet twice


def is_site_menu(line: str) -> bool:
    """Whether the line repeats a multi-word outlet name ("قناة صدى البلد البلد سبورت صدى البلد ..."), and
    is no prose: a sentence's punctuation or a paragraph's length (الشرق الأوسط twice, the region) is
    text, not a menu."""
    index = _menu_names()
    words = match_key(line).lower().split()
    if len(words) > MENU_MAX_WORDS or any(mark in line for mark in ".،؟!"):
        return False
    seen: set[tuple[str, ...]] = set()
    for i, word in enumerate(words):
        for name in index.get(word, ()):
            if tuple(words[i:i + len(name)]) == name:
                if name in seen:
                    return True
                seen.add(name)
    return False
