"""The five real seed articles: title, date, source and a body without page chrome."""

import datetime as dt
from pathlib import Path

import pytest

from kg.ingest import Document, read_documents

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Chrome that appears in every seed page in some form; none of it may reach the body.
CHROME = ["Facebook", "Twitter", "LinkedIn", "Search", "Read Next", "Read Previous", "Leave a Reply",
          "أخبار ذات صلة", "التعليقات", "الرد كضيف", "°C", "رئيس التحرير", "الإشراف العام", "عاجل",
          "PUKmedia خاص", "آخر تحديث", "المصدر:", "هل ترغب في تلقي", "بريدك الإلكتروني", "×"]

EXPECTED = {
    "000_298073592aaecfde": dict(
        title="جين ساكي: بغداد طلبت استمرار الدعم اللوجستي",
        date=dt.date(2021, 7, 23),  # "آخر تحديث 2021-07-23 00:00:00 - المصدر: ..."
        source="الاتحاد الوطني الكردستاني",
        first="اعلن البيت الابيض، ان بغداد طلبت من واشنطن استمرار الدعم اللوجستي",
        last="واضاف: ان الجانبين سيبحثان ملف تدريب القوات العراقية",
        chrome=["PUKmedia خاص"],
    ),
    "001_543bc5073adb57b7": dict(
        title="لبحث العلاقات العسكرية وانسحاب القوات من “بغداد” .. “البنتاغون” يشهد مباحثات "
              "“عراقية-أميركية” !",
        # The only date on the page, "29 مارس، 2024 12:57 م" above the title, is the site's
        # clock at crawl time (the talks were in July 2021), not a publication date.
        date=None,
        source="كتابات",  # dateline "وكالات – كتابات :"
        first="أعلن المتحدث باسم “وزارة الدفاع” الأميركية",
        last="ولفتت الصحيفة إلى أن: “البيان المشترك سيؤكد",
        chrome=["29 مارس", "Close this search box", "وكالات – كتابات", "أخر الاخبار", "كتابات الثقافية",
                "عطر الكتب"],
    ),
    "002_748a67f05ca643b2": dict(
        title="العراق .. مستشار الأمن القومي يوجه رسالة لإدارة بايدن بشأن التواجد الأمريكي",
        date=None,  # the page gives none ("31 ديسمبر 2021" in the body is a deadline)
        source="صدى البلد",  # the site-name line above the title
        first="أعلن مستشار الأمن القومي العراقي قاسم الأعرجي، السبت",
        last="لكن الإعلان، المتوقع صدوره عقب اجتماع الرئيس الأمريكي جو بايدن",
        chrome=["قناة صدى البلد", "Sada Elbalad", "english EN", "إلهام أبو الفتح", "طه جبريل"],
    ),
    "003_91d77d1139ee0ec5": dict(
        title="الكاظمي ومكينزي يتفقان على عقد الجلسة الأولى للجنة الفنية لتطبيق مخرجات الحوار الإستراتيجي",
        date=dt.date(2021, 5, 20),  # "اليوم الخميس (20 أيار 2021)"; the header clock has no year
        source="زاكروس عربية",  # dateline "زاكروس عربية – أربيل"
        first="لوضع آليات تطبيق مخرجات الجولة الثالثة من الحوار الإستراتيجي",
        last="وتطالب الفصائل المسلحة والسياسيين الذين يمثلونها بطرد 2500 جندي أميركي",
        chrome=["Erbil", "زاكروس عربية – أربيل", "لا توجد تعليقات", "ابق على اطلاع"],
    ),
    "004_09b62d64db6f9006": dict(
        title="الكاظمي طلب دعما لوجستيا ومعلومات استخباراتية.. واشنطن وبغداد تعلنان الإثنين تحول المهمة "
              "القتالية الأميركية في العراق إلى دور استشاري",
        date=None,  # the page gives none ("26 تموز (يوليو) الجاري" is a coming visit, without a year)
        source="ضد الارهاب",  # dateline "بغداد – ضد الارهاب"
        first="في تحول يمثل النهاية الرسمية للمهمة القتالية الأميركية في العراق",
        last="ومن المقرر أن يزور مصطفى الكاظمي يوم 26 تموز (يوليو) الجاري",
        chrome=["بغداد – ضد الارهاب", "ما الذي يحصل في الجسم", "نقابة المستشفيات", "الحقول الإلزامية"],
    ),
}


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    results = list(read_documents([SEEDS]))
    assert all(isinstance(r, Document) for r in results), results
    return {doc.id: doc for doc in results}


def test_every_seed_is_read_in_sorted_order():
    ids = [doc.id for doc in read_documents([SEEDS])]
    assert ids == sorted(EXPECTED)


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_seed_title_date_source(seeds, doc_id):
    doc, want = seeds[doc_id], EXPECTED[doc_id]
    assert doc.title == want["title"]
    assert doc.date == want["date"]
    assert doc.source == want["source"]
    assert doc.path == str(SEEDS / f"{doc_id}.txt")
    assert doc.url is None


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_seed_body_is_the_article_without_chrome(seeds, doc_id):
    doc, want = seeds[doc_id], EXPECTED[doc_id]
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith(want["first"])
    assert paragraphs[-1].startswith(want["last"])
    assert doc.title not in paragraphs
    for chrome in CHROME + want["chrome"]:
        assert chrome not in doc.text, chrome
    assert all(p == p.strip() and p for p in paragraphs)
    assert "\u0640" not in doc.text and "\u064b" not in doc.text  # kg.text.clean ran: no tatweel, no tanwin


def test_content_hash_is_the_sha256_of_the_text(seeds):
    import hashlib

    for doc in seeds.values():
        assert doc.content_hash == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    again = {doc.id: doc.content_hash for doc in read_documents([SEEDS])}
    assert again == {doc.id: doc.content_hash for doc in seeds.values()}
