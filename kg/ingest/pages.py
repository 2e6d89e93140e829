"""Main text of saved HTML pages.

trafilatura finds the article in real-world page layouts far better than
anything simple, so it is used when it can be imported. The stdlib fallback
keeps only <title>, <h1>-<h3> and <p> text outside menus, footers and scripts,
plus the usual <meta> tags, so that a plain install still reads HTML.
Both outputs then go through the same line rules as .txt articles.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from types import ModuleType

from kg.ingest.article import Article, extract_article
from kg.ingest.dates import parse_date
from kg.ingest.lexicon import is_outlet

BLOCKS = {"p", "h1", "h2", "h3"}
TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:]{1,2}\s+")
SPACE = re.compile(r"\s+")  # HTML whitespace collapses; only <br> breaks a line
SKIPPED = {"script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form", "button",
           "select", "iframe"}
TITLE_META = ("og:title", "twitter:title")
DATE_META = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate",
             "publish-date", "dc.date", "dc.date.issued", "article:modified_time")
SITE_META = ("og:site_name", "application-name", "publisher", "dc.publisher")
URL_META = ("og:url",)


@dataclass(frozen=True)
class Page:
    """An article read from HTML, with the page's URL when it names one."""

    article: Article
    url: str | None


@cache
def trafilatura_module() -> ModuleType | None:
    """trafilatura when it can be imported (it is optional; importing it is slow, so only on first use)."""
    try:
        import trafilatura
    except Exception:  # missing, or broken (lxml without lxml_html_clean): use the fallback
        return None
    return trafilatura


def read_html(html: str) -> Page:
    """Article and URL of an HTML page, via trafilatura when available, else the stdlib parser."""
    trafilatura = trafilatura_module()
    if trafilatura is not None:
        page = _with_trafilatura(trafilatura, html)
        if page is not None and page.article.paragraphs:
            return page
    return _with_stdlib(html)


def _with_trafilatura(trafilatura: ModuleType, html: str) -> Page | None:
    """trafilatura's reading; None when it finds nothing or fails (the fallback then tries)."""
    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception:  # a crash in an optional extractor must not lose the page
        return None
    if result is None:
        return None
    get = result.get if isinstance(result, dict) else lambda name: getattr(result, name, None)
    text = get("text") or ""
    article = extract_article(text, title=get("title"), find_title=False)
    date = article.date or _date(get("date"))
    source = article.source or (get("sitename") or None)
    return Page(Article(article.title, article.paragraphs, date, source), get("url") or None)


def _with_stdlib(html: str) -> Page:
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    meta = parser.meta
    title_tag, site = _split_site(parser.title_tag)
    title = _first(meta, TITLE_META) or parser.first_h1 or title_tag
    article = extract_article("\n".join(parser.blocks), title=title, find_title=False)
    date = article.date or _date(_first(meta, DATE_META) or parser.time_datetime)
    source = article.source or _first(meta, SITE_META) or site
    url = _first(meta, URL_META) or parser.canonical
    return Page(Article(article.title, article.paragraphs, date, source), url)


def _split_site(title: str) -> tuple[str | None, str | None]:
    """<title> text without a known outlet's name ("الخبر | شفق نيوز" -> ("الخبر", "شفق نيوز"))."""
    parts = [p.strip() for p in TITLE_SEPARATOR.split(title.strip()) if p.strip()]
    if len(parts) > 1:
        for i in (-1, 0):
            if is_outlet(parts[i]):
                site = parts.pop(i)
                return " - ".join(parts), site
    return (title.strip() or None), None


def _first(meta: dict[str, str], names: tuple[str, ...]) -> str | None:
    return next((meta[n] for n in names if meta.get(n)), None)


def _date(value: object) -> dt.date | None:
    """A date from a metadata value (ISO string, date or datetime)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_date(value) if isinstance(value, str) else None


class _Extractor(HTMLParser):
    """Collects block text and metadata; ignores everything inside SKIPPED elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.meta: dict[str, str] = {}
        self.title_tag = ""
        self.first_h1 = ""
        self.canonical: str | None = None
        self.time_datetime: str | None = None
        self._skip_depth = 0
        self._block: str | None = None
        self._parts: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in SKIPPED:
            self._skip_depth += 1
        elif self._skip_depth:
            return
        elif tag == "meta":
            self._meta(a)
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href") or None
        elif tag == "time" and a.get("datetime"):
            self.time_datetime = self.time_datetime or a["datetime"]
        elif tag == "title":
            self._in_title = True
        elif tag == "br":
            self._parts.append("\n")
        elif tag in BLOCKS:
            self._end_block()
            self._block = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in SKIPPED:  # <svg/> and friends open nothing
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in BLOCKS and tag == self._block:
            self._end_block()

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if self._in_title:
            self.title_tag += data
        elif self._block:
            self._parts.append(SPACE.sub(" ", data))

    def close(self) -> None:
        super().close()
        self._end_block()

    def _meta(self, attrs: dict[str, str]) -> None:
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if name and attrs.get("content") and name not in self.meta:
            self.meta[name] = attrs["content"].strip()

    def _end_block(self) -> None:
        """Finish the open block: one paragraph per line of text (only <br> breaks lines in HTML)."""
        if self._block is None:
            return
        lines = [" ".join(line.split()) for line in "".join(self._parts).split("\n")]
        lines = [line for line in lines if line]
        if self._block == "h1" and not self.first_h1 and lines:
            self.first_h1 = " ".join(lines)
        self.blocks.extend(lines)
        self._block, self._parts = None, []
