"""HTML pages: main text via trafilatura when installed, else the stdlib parser; same result either way."""

import datetime as dt
from pathlib import Path

import pytest

from kg.ingest import Document, Skipped, pages, read_documents

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
PAGE = FIXTURES / "article.html"


@pytest.fixture(params=["trafilatura", "stdlib"])
def extractor(request, monkeypatch):
    if request.param == "trafilatura":
        if pages.trafilatura_module() is None:
            pytest.skip("trafilatura is not installed")
    else:
        monkeypatch.setattr(pages, "trafilatura_module", lambda: None)
    return request.param


def test_html_article_text_and_metadata(extractor):
    (doc,) = read_documents([PAGE])
    assert isinstance(doc, Document)
    assert doc.id == "article"
    assert doc.title == "الحكومة العراقية تطلق خطة لإعادة إعمار الموصل"
    assert doc.date == dt.date(2021, 8, 2)
    assert doc.source == "شفق نيوز"
    assert doc.url == "https://shafaq.com/ar/article/12345"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("أعلنت الحكومة العراقية، اليوم الاثنين")
    assert paragraphs[-1].startswith("ورحب محافظ نينوى بالخطة")
    assert len(paragraphs) == 4
    for chrome in ["الرئيسية", "فيسبوك", "°C", "اقرأ أيضا", "أسعار الذهب", "جميع الحقوق", "var ads"]:
        assert chrome not in doc.text, chrome


def test_html_page_with_only_chrome_is_skipped(extractor, tmp_path):
    path = tmp_path / "menu.htm"
    html = ("<html><head><title>شفق نيوز</title></head><body><nav><p>الرئيسية</p></nav>"
            "<p>جميع الحقوق محفوظة © 2021</p><p>تابعنا على فيسبوك</p></body></html>")
    path.write_text(html, encoding="utf-8")
    (skipped,) = read_documents([path])
    assert isinstance(skipped, Skipped)
    assert "boilerplate only" in skipped.reason


def test_stdlib_parser_keeps_paragraph_text_and_line_breaks(monkeypatch, tmp_path):
    monkeypatch.setattr(pages, "trafilatura_module", lambda: None)
    path = tmp_path / "br.html"
    path.write_text("<p>قال الوزير <b>فؤاد حسين</b> إن المباحثات مستمرة مع الجانب الأمريكي.<br>"
                    "وأضاف أن الجولة المقبلة ستعقد في واشنطن &amp; بغداد.</p>"
                    "<script>document.write('<p>لا</p>')</script>", encoding="utf-8")
    (doc,) = read_documents([path])
    assert doc.text == ("قال الوزير فؤاد حسين إن المباحثات مستمرة مع الجانب الأمريكي.\n\n"
                        "وأضاف أن الجولة المقبلة ستعقد في واشنطن & بغداد.")
    assert doc.title is None


def test_stdlib_parser_takes_the_outlet_off_the_title_tag(monkeypatch, tmp_path):
    monkeypatch.setattr(pages, "trafilatura_module", lambda: None)
    path = tmp_path / "titled.html"
    path.write_text("<html><head><title>البرلمان يقر الموازنة العامة | السومرية نيوز</title></head><body>"
                    "<p>أقر مجلس النواب العراقي في جلسته اليوم قانون الموازنة العامة للبلاد بعد أشهر من "
                    "الخلاف.</p></body></html>", encoding="utf-8")
    (doc,) = read_documents([path])
    assert doc.title == "البرلمان يقر الموازنة العامة"
    assert doc.source == "السومرية نيوز"
