"""Arabic text normalization shared by training and run time.

Models are trained on undiacritized text, so every input goes through the
same cleaning: NFC, no tatweel, no bidi or zero-width controls. Matching keys
go further (no diacritics, unified alef/ya/ta marbuta) and are never shown.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic diacritics (harakat, tanwin, shadda, sukun, dagger alef) and Quranic marks.
DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]")
TATWEEL = "\u0640"
# Bidi embeddings/overrides/isolates, marks, zero-width chars, BOM, soft hyphen.
CONTROLS = re.compile(r"[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD\u061C]")
SPACES = re.compile(r"[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+")
ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def strip_diacritics(text: str) -> str:
    """Remove harakat and other vowel marks (the models never see them)."""
    return DIACRITICS.sub("", text)


def clean(text: str) -> str:
    """Normalize raw text for the pipeline: NFC, no tatweel, no invisible controls."""
    text = unicodedata.normalize("NFC", text)
    text = CONTROLS.sub("", text).replace(TATWEEL, "")
    text = strip_diacritics(text)
    # removing a control can bring a letter and its mark together ("A", soft hyphen, grave): compose them
    # again, so that cleaning a clean text changes nothing
    text = unicodedata.normalize("NFC", text)
    return SPACES.sub(" ", text)


@lru_cache(maxsize=100_000)
def match_key(text: str) -> str:
    """A key for comparing names across spelling variants (أ إ آ ا, ة ه, ى ي)."""
    return strip_diacritics(clean(text)).translate(ALEFS).strip()


def clip(text: str | None, most: int) -> str | None:
    """Text for a table cell: whitespace runs made one space, cut to ``most`` characters with an ellipsis
    (machine formats keep the whole text)."""
    if not text:
        return text
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"


_JOIN_NEXT = ("عبد", "ابو")  # written apart or together: عبد العزيز / عبدالعزيز, ابو بكر / ابوبكر
_JOIN_PREV = ("الله", "الدين")  # نصر الله / نصرالله, صلاح الدين / صلاحالدين


def name_units(text: str) -> list[str]:
    """The words of a name as written, with compound name words kept together whether written apart or
    not (عبد العزيز is one unit, as عبدالعزيز is; so are نصر الله and صلاح الدين)."""
    out: list[str] = []
    join = False
    for w in text.split():
        k = match_key(w)
        if out and (join or k in _JOIN_PREV):
            out[-1] += " " + w
        else:
            out.append(w)
        join = k in _JOIN_NEXT
    return out


@lru_cache(maxsize=100_000)
def name_key(text: str) -> str:
    """match_key with the spacing of compound name words folded (عبد العزيز = عبدالعزيز، عبد ربه =
    عبدربه، نصر الله = نصرالله): a key for names, never shown."""
    return " ".join(match_key(u).replace(" ", "") for u in name_units(match_key(text)))
