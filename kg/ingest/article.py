"""Title, body, date and source from the text lines of a scraped news page.

Scraped pages put the article between site chrome: menus and clocks above the
title, share buttons and datelines under it, "related news" and comment boxes
after it. Every line goes through kg.text.clean, then rules from
boilerplate.txt and a few layout heuristics decide what it is. The models only
ever see the body, so a line that is wrongly dropped costs less than chrome
that is wrongly kept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kg.ingest import lexicon
from kg.ingest.dates import WEEKDAYS, fold, iter_dates, today_date
from kg.text import clean, match_key

LONG_WORDS = 12  # a paragraph this long means the article body has begun (no more datelines)
SHORT_WORDS = 2  # lines this short, without sentence punctuation, are menu items, tags, signatures
OUTLET_MAX_CHARS = 40  # no outlet name is longer; longer lines need no look-up
META_MAX_WORDS = 20  # metadata lines ("آخر تحديث ... - المصدر: ...") are short
TODAY_SEARCH = 5  # paragraphs searched for "اليوم الخميس (20 أيار 2021)"
SENTENCE_END = (".", "!", "؟", "?", "…")

WORD = re.compile(r"\w+")
LABELS = re.compile(
    r"(?<!\w)(?:اخر تحديث|تاريخ النشر|تاريخ التحديث|تاريخ الاضافه|نشر في|نشر بتاريخ|نشر يوم|تم النشر"
    r"|تم التحديث|اخر تعديل|بتاريخ|التاريخ|تاريخ|published(?: on)?|updated(?: on)?|last updated"
    r"|posted(?: on)?|date)(?!\w)", re.IGNORECASE)
SOURCE = re.compile(r"(?<!\w)(?:المصدر|source)\s*[:：]\s*(?P<src>.+?)\s*$", re.IGNORECASE)
TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)(?:\s*(?:ص|م|am|pm|صباحا|مساء|مساءا)(?!\w))?",
                  re.IGNORECASE)
META_FILLER = re.compile(rf"(?<!\w)(?:{WEEKDAYS}|الساعه|في|on|at|gmt|utc|بتوقيت \w+)(?!\w)"
                         r"|[\s\-–—|:：،,()/\[\]]+", re.IGNORECASE)
DATELINE_SPLIT = re.compile(r"\s*[-–—/]\s*")


@dataclass(frozen=True)
class Article:
    """What a page says, before it becomes a Document."""

    title: str | None
    paragraphs: tuple[str, ...]
    date: dt.date | None
    source: str | None


@dataclass(frozen=True)
class _Meta:
    date: dt.date | None
    source: str | None
    labeled: bool


@dataclass
class _Page:
    """Running state while the lines of one page are read top to bottom."""

    title: str | None
    find_title: bool
    body: list[str] = field(default_factory=list)
    date: dt.date | None = None
    source: str | None = None
    skip_next: bool = False
    body_begun: bool = False
    lines_read: int = 0

    @property
    def wants_title(self) -> bool:
        return self.title is None and self.find_title

    @property
    def past_title(self) -> bool:
        """Dates above the title are the site's clock, not the article's."""
        return not self.wants_title

    def offer(self, date: dt.date | None = None, source: str | None = None) -> None:
        """Keep the first date and source the page gives."""
        self.date = self.date or date
        if source and not lexicon.is_generic_byline(source):
            self.source = self.source or source


def split_lines(text: str) -> list[str]:
    """Cleaned, non-empty lines: each line of a scraped page is one paragraph or one piece of chrome."""
    return [line for line in (clean(raw).strip() for raw in text.splitlines()) if line]


def extract_article(text: str, *, title: str | None = None, find_title: bool = True) -> Article:
    """Split a page into title, body paragraphs, date and source, dropping chrome and metadata lines.

    ``title`` is the title when the container gives it (JSON, HTML); otherwise, with
    ``find_title``, the first line that survives the chrome rules is the title.
    """
    page = _Page(title=(clean(title).strip() or None) if title else None, find_title=find_title)
    for line in split_lines(text):
        if _read_line(page, line) == "end":
            break
    if not page.body and page.title and not title and len(page.title.split()) >= 4:
        page.body.append(page.title)  # a one-sentence text is its own body, not a title over nothing
    if page.date is None:
        page.date = next((d for p in page.body[:TODAY_SEARCH] if (d := today_date(p))), None)
    return Article(page.title, tuple(page.body), page.date, page.source)


def _read_line(page: _Page, line: str) -> str:
    """Classify one line and update the page; returns what the line was (for debugging and tests)."""
    page.lines_read += 1
    if page.skip_next:
        page.skip_next = False
        return "labelled"
    rules = lexicon.rules()
    key = lexicon.rule_key(line)
    if not WORD.search(key):
        return "symbols"
    if rules.footer.fullmatch(key):
        return "end" if page.body else "chrome"
    if rules.label.fullmatch(key):
        page.skip_next = True
        return "label"
    if rules.line.fullmatch(key):
        return "chrome"
    meta = parse_meta(line)
    if meta is not None:
        if meta.labeled or page.past_title:
            page.offer(meta.date, meta.source)
        return "meta"
    if lexicon.is_site_menu(line):
        return "menu"
    name = line.strip(lexicon.EDGE_PUNCT)
    if len(name) <= OUTLET_MAX_CHARS and lexicon.is_outlet(name):
        page.offer(source=name)
        return "outlet"
    if page.past_title and not page.body_begun:
        dateline = parse_dateline(line)
        if dateline is not None:
            page.offer(source=dateline or None)
            return "dateline"
    words = len(WORD.findall(line))
    first_line_title = page.wants_title and page.lines_read == 1  # a short title is still the title
    if words <= SHORT_WORDS and not line.endswith(SENTENCE_END) and not first_line_title:
        return "short"
    if page.wants_title:
        page.title = line
        return "title"
    if not page.body and page.title and match_key(line) == match_key(page.title):
        return "title again"
    page.body.append(lexicon.without_tail(line))
    page.body_begun = page.body_begun or words >= LONG_WORDS
    return "body"


def parse_meta(line: str) -> _Meta | None:
    """A line that only carries a date and/or a source ("آخر تحديث 2021-07-23 00:00:00 - المصدر: ...")."""
    if len(WORD.findall(line)) > META_MAX_WORDS:
        return None
    key = fold(line)
    source = None
    found = SOURCE.search(key)
    if found:
        source = line[found.start("src"):found.end("src")].strip(lexicon.EDGE_PUNCT) or None
        key = key[:found.start()]
    dates = list(iter_dates(key))
    if source is None and not dates:
        return None
    for match in reversed(dates):
        key = key[:match.start] + " " + key[match.end:]
    labeled = bool(LABELS.search(key)) or found is not None
    rest = META_FILLER.sub("", TIME.sub("", LABELS.sub("", key)))
    if rest:
        return None
    return _Meta(dates[0].date if dates else None, source, labeled)


def parse_dateline(line: str) -> str | None:
    """The outlet named by a dateline like "بغداد – ضد الارهاب"; "" if it names none; None for other lines.

    The half that is a known place or a generic byline (وكالات) is not the outlet.
    """
    parts = [p.strip(lexicon.EDGE_PUNCT) for p in DATELINE_SPLIT.split(line.strip(lexicon.EDGE_PUNCT))]
    if len(parts) != 2 or not all(parts) or any(len(WORD.findall(p)) > 3 for p in parts):
        return None
    first, second = parts
    if _not_outlet(first):
        return "" if _not_outlet(second) else second
    if _not_outlet(second):
        return first
    if lexicon.is_outlet(second) and not lexicon.is_outlet(first):
        return second
    return first if lexicon.is_outlet(first) else ""


def _not_outlet(name: str) -> bool:
    return lexicon.is_place(name) or lexicon.is_generic_byline(name)
