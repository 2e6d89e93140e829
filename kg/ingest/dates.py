"""Publication dates as Arabic news pages write them.

Pages mix ISO stamps, day-first numeric dates, Egyptian/Gulf month names
(يوليو), Levantine/Iraqi ones (تموز), Maghrebi ones (جويلية) and Arabic-Indic
digits. Matching runs on a folded copy of the text (alef/ya/ta marbuta unified,
digits made ASCII) that keeps every character's position, so callers can cut
a matched date out of the original line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.text import ALEFS

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
FOLD = {**ALEFS, **DIGITS}

# Month names in folded spelling (أ/إ/آ -> ا, ة -> ه, ى -> ي).
MONTHS: dict[str, int] = {
    "يناير": 1, "كانون الثاني": 1, "جانفي": 1, "january": 1, "jan": 1,
    "فبراير": 2, "شباط": 2, "فيفري": 2, "february": 2, "feb": 2,
    "مارس": 3, "اذار": 3, "march": 3, "mar": 3,
    "ابريل": 4, "نيسان": 4, "افريل": 4, "april": 4, "apr": 4,
    "مايو": 5, "ايار": 5, "ماي": 5, "may": 5,
    "يونيو": 6, "يونيه": 6, "حزيران": 6, "جوان": 6, "june": 6, "jun": 6,
    "يوليو": 7, "يوليه": 7, "تموز": 7, "جويليه": 7, "july": 7, "jul": 7,
    "اغسطس": 8, "اب": 8, "اوت": 8, "august": 8, "aug": 8,
    "سبتمبر": 9, "ايلول": 9, "september": 9, "sep": 9, "sept": 9,
    "اكتوبر": 10, "تشرين الاول": 10, "october": 10, "oct": 10,
    "نوفمبر": 11, "تشرين الثاني": 11, "november": 11, "nov": 11,
    "ديسمبر": 12, "كانون الاول": 12, "december": 12, "dec": 12,
}
WEEKDAYS = (r"(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت"
            r"|sunday|monday|tuesday|wednesday|thursday|friday|saturday)")

_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
# "26 تموز (يوليو) 2021", "26 تشرين الثاني/نوفمبر 2021", "29 مارس، 2024", "5 من مايو 2021"
_NAMED_DMY = (rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:من\s+)?(?P<m>{_MONTH})(?!\w)"
              rf"(?:\s*[(/]\s*(?:{_MONTH})\s*\)?)?\s*[،,]?\s*(?P<y>\d{{4}})(?!\d)")
_NAMED_MDY = rf"(?<!\w)(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})(?!\d)"
_ISO = r"(?<!\d)(?P<y3>\d{4})[-/.](?P<m3>\d{1,2})[-/.](?P<d3>\d{1,2})(?!\d)"
_DMY = r"(?<!\d)(?P<d4>\d{1,2})[-/.](?P<m4>\d{1,2})[-/.](?P<y4>\d{4})(?!\d)"
DATE = re.compile("|".join((_NAMED_DMY, _NAMED_MDY, _ISO, _DMY)), re.IGNORECASE)
# "اليوم الخميس (20 أيار 2021)": the body says which day "today" is.
TODAY_BEFORE = re.compile(rf"(?<!\w)اليوم\s*(?:{WEEKDAYS})?\s*[(،,-]?\s*(?:الموافق\s*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text, with its span in that text."""

    date: dt.date
    start: int
    end: int


def fold(text: str) -> str:
    """Same-length spelling fold used for matching: unified alef/ya/ta marbuta, ASCII digits."""
    return text.translate(FOLD)


def iter_dates(text: str) -> Iterator[DateMatch]:
    """Every valid calendar date in ``text`` (day-first for numeric dates, as Arab sites write them)."""
    for m in DATE.finditer(fold(text)):
        found = _to_date(m)
        if found is not None:
            yield DateMatch(found, m.start(), m.end())


def parse_date(text: str) -> dt.date | None:
    """The first date written in ``text``, or None."""
    return next((m.date for m in iter_dates(text)), None)


def today_date(paragraph: str) -> dt.date | None:
    """A date the text calls "today" (اليوم الخميس 20 أيار 2021): the day it was written."""
    folded = fold(paragraph)
    for m in iter_dates(paragraph):
        if TODAY_BEFORE.search(folded[max(0, m.start - 40):m.start]):
            return m.date
    return None


def _to_date(m: re.Match[str]) -> dt.date | None:
    """Build a date from whichever alternative matched; None for impossible dates."""
    g = m.groupdict()
    if g["y"]:
        year, month, day = int(g["y"]), MONTHS[g["m"].lower()], int(g["d"])
    elif g["y2"]:
        year, month, day = int(g["y2"]), MONTHS[g["m2"].lower()], int(g["d2"])
    elif g["y3"]:
        year, month, day = int(g["y3"]), int(g["m3"]), int(g["d3"])
    else:
        year, month, day = int(g["y4"]), int(g["m4"]), int(g["d4"])
        if month > 12 >= day:  # US order (m/d/yyyy) when day-first is impossible
            month, day = day, month
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
