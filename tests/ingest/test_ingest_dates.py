"""Publication dates in the forms Arabic news pages write them."""

import datetime as dt

import pytest

from kg.ingest.article import extract_article
from kg.ingest.dates import parse_date, today_date


@pytest.mark.parametrize("text, expected", [
    ("آخر تحديث 2021-07-23 00:00:00", dt.date(2021, 7, 23)),
    ("نشر بتاريخ 23/7/2021", dt.date(2021, 7, 23)),
    ("23.07.2021", dt.date(2021, 7, 23)),
    ("7/23/2021", dt.date(2021, 7, 23)),  # month first only when day first is impossible
    ("الجمعة 23 يوليو 2021", dt.date(2021, 7, 23)),
    ("23 تموز 2021", dt.date(2021, 7, 23)),
    ("26 تموز (يوليو) 2021", dt.date(2021, 7, 26)),
    ("20 أيار 2021", dt.date(2021, 5, 20)),
    ("5 كانون الثاني 2022", dt.date(2022, 1, 5)),
    ("1 تشرين الأول/أكتوبر 2020", dt.date(2020, 10, 1)),
    ("15 آب 2019", dt.date(2019, 8, 15)),
    ("29 مارس، 2024 12:57 م", dt.date(2024, 3, 29)),
    ("12 جويلية 2021", dt.date(2021, 7, 12)),
    ("٢٣ يوليو ٢٠٢١", dt.date(2021, 7, 23)),  # Arabic-Indic digits
    ("٢٠٢١-٠٧-٢٣", dt.date(2021, 7, 23)),
    ("۲۳/۷/۲۰۲۱", dt.date(2021, 7, 23)),  # Persian digits
    ("July 23, 2021", dt.date(2021, 7, 23)),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "يوم 26 تموز الجاري", "31/2/2021", "السبت", "1400 عام", "2500 جندي"])
def test_no_date(text):
    assert parse_date(text) is None


def test_today_date_needs_the_word_today_right_before_the_date():
    assert today_date("استقبل الكاظمي، اليوم الخميس (20 أيار 2021) قائد القيادة") == dt.date(2021, 5, 20)
    assert today_date("وقال اليوم إن الانتخابات ستجري في 10 تشرين الأول 2021") is None
    assert today_date("وسيكون ليوم 31 ديسمبر 2021 طعم خاص") is None


def test_metadata_lines_give_date_and_source_and_leave_the_body():
    article = extract_article("عنوان الخبر هنا اليوم\n"
                              "تاريخ النشر: ٣ أيلول ٢٠٢٠ - ١٠:٣٠ ص\n"
                              "المصدر: وكالة الأنباء العراقية\n"
                              "قال المتحدث باسم الحكومة إن المجلس وافق على الموازنة بعد نقاش طويل.\n")
    assert article.title == "عنوان الخبر هنا اليوم"
    assert article.date == dt.date(2020, 9, 3)
    assert article.source == "وكالة الأنباء العراقية"
    assert article.paragraphs == ("قال المتحدث باسم الحكومة إن المجلس وافق على الموازنة بعد نقاش طويل.",)


def test_an_unlabelled_date_above_the_title_is_the_site_clock():
    text = "الأحد 5 مايو 2024 10:00 م\nعنوان الخبر هنا اليوم\nالخميس 22 تموز 2021\nنص الخبر الكامل هنا."
    article = extract_article(text)
    assert article.title == "عنوان الخبر هنا اليوم"
    assert article.date == dt.date(2021, 7, 22)
    assert article.paragraphs == ("نص الخبر الكامل هنا.",)
