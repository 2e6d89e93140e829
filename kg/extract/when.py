"""When an event happened or will happen, from the words of its sentence.

Full dates reuse the ingest stage's parser (kg.ingest.dates), which already
knows every Arab month-name tradition and Arabic-Indic digits. What news adds
on top is relative time: "يوم الاثنين المقبل", "أمس", "26 تموز الجاري"; those
are resolved against the document's date and left unresolved (date None,
date_text kept) when the document has none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.ingest.dates import MONTHS, fold, iter_dates

WEEKDAY_NUM = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
NEXT = ("المقبل", "القادم", "المقبله", "القادمه")
LAST = ("الماضي", "المنصرم", "الفائت", "السابق", "الماضيه")
_Q = "|".join(NEXT + LAST)
_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS if not m.isascii()), key=len, reverse=True))
_WD = "|".join(WEEKDAY_NUM)
WEEKDAY = re.compile(rf"(?<!\w)(?:(?P<dx>امس|اليوم|غدا)\s+|(?:يوم|ليوم)\s+)?(?P<wd>{_WD})(?!\w)"
                     rf"(?:\s+(?P<q>{_Q})(?!\w))?")
# "26 تموز (يوليو) الجاري", "5 حزيران المنصرم", "يوم 26 تموز": a day and month without a year.
DAY_MONTH = re.compile(rf"(?<![\d\w])(?P<d>\d{{1,2}})\s+(?:من\s+)?(?P<m>{_MONTH})(?!\w)"
                       rf"(?:\s*[(/]\s*(?:{_MONTH})\s*\)?)?(?!\s*[،,]?\s*\d)")
DEICTIC = {"امس": -1, "اليوم": 0, "غدا": 1, "غد": 1}
_DEICTIC = re.compile(r"(?<!\w)(?P<w>امس|اليوم|غدا)(?!\w)")


@dataclass(frozen=True)
class When:
    date: dt.date | None
    text: str
    start: int  # offsets in the text that was searched
    end: int
    explicit: bool  # a written calendar date, as opposed to a resolved relative one


def _weekday(anchor: dt.date, weekday: int, qualifier: str | None, future: bool) -> dt.date:
    """The named weekday nearest the anchor: after it for المقبل (or a planned event), before it for
    الماضي (or a past one); the anchor itself when it is that weekday and no qualifier pushes away."""
    ahead = (weekday - anchor.weekday()) % 7
    behind = (anchor.weekday() - weekday) % 7
    if qualifier in NEXT:
        return anchor + dt.timedelta(days=ahead or 7)
    if qualifier in LAST:
        return anchor - dt.timedelta(days=behind or 7)
    return anchor + dt.timedelta(days=ahead) if future else anchor - dt.timedelta(days=behind)


def find_dates(text: str, anchor: dt.date | None, future: bool = False) -> list[When]:
    """Every date expression in ``text`` in order: calendar dates first-class, relative ones resolved
    against ``anchor`` (the document date) when there is one."""
    folded = fold(text)
    found: list[When] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in iter_dates(text):
        found.append(When(m.date, text[m.start:m.end], m.start, m.end, True))
        taken.append((m.start, m.end))
    for m in DAY_MONTH.finditer(folded):
        if not free(m.start(), m.end()):
            continue
        date = None
        if anchor is not None:
            try:
                date = dt.date(anchor.year, MONTHS[m.group("m")], int(m.group("d")))
            except ValueError:
                date = None
        found.append(When(date, text[m.start():m.end()], m.start(), m.end(), True))
        taken.append((m.start(), m.end()))
    for m in WEEKDAY.finditer(folded):
        if not free(m.start(), m.end()):
            continue
        q, dx = m.group("q"), m.group("dx")
        if anchor is None:
            date = None
        elif dx:  # "أمس الجمعة": the deictic word fixes the day
            date = anchor + dt.timedelta(days=DEICTIC[dx])
        else:
            date = _weekday(anchor, WEEKDAY_NUM[m.group("wd")], q, future)
        found.append(When(date, text[m.start():m.end()], m.start(), m.end(), False))
        taken.append((m.start(), m.end()))
    for m in _DEICTIC.finditer(folded):
        if not free(m.start(), m.end()):
            continue
        date = anchor + dt.timedelta(days=DEICTIC[m.group("w")]) if anchor else None
        found.append(When(date, text[m.start():m.end()], m.start(), m.end(), False))
        taken.append((m.start(), m.end()))
    return sorted(found, key=lambda w: w.start)


def best_date(text: str, anchor: dt.date | None, near: int, future: bool = False,
              max_chars: int | None = None) -> When | None:
    """The date expression that belongs to an event whose trigger is at offset ``near``: the closest
    one (within ``max_chars``), a written calendar date winning over a relative one at similar distance."""
    cands = [w for w in find_dates(text, anchor, future)
             if max_chars is None or min(abs(w.start - near), abs(w.end - near)) <= max_chars]
    if not cands:
        return None
    resolved = [w for w in cands if w.date is not None]
    cands = resolved or cands  # "اليوم الخميس (20 أيار 2021)" without an anchor: the written date

    def distance(w: When) -> float:
        d = min(abs(w.start - near), abs(w.end - near))
        return d * (0.7 if w.date is not None else 1.0) * (0.8 if w.explicit else 1.0)

    return min(cands, key=distance)
