"""How the gold-file tests look for annotated names and evidence in an article's text."""

from __future__ import annotations

import re

from kg.text import match_key


def text_key(text: str) -> str:
    """The text as names are looked for in it: match_key words, quotes and brackets gone."""
    return " " + " ".join(re.findall(r"\w+", match_key(text))) + " "


def occurs(name: str, key: str) -> bool:
    """A name occurs as whole words, possibly after a clitic (لـ, و, ب ...) or as لل for ل + ال."""
    words = " ".join(re.findall(r"\w+", match_key(name)))
    forms = {words} | ({"ل" + words[1:]} if words.startswith("ال") else set())
    return any(re.search(rf"(?<!\w)[وفبكل]{{0,2}}{re.escape(f)}(?!\w)", key) for f in forms)
