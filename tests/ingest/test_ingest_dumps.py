"""SaudiNewsNet-shaped dumps: a .json list, or .jsonl lines, of article records."""

import datetime as dt
import json
from pathlib import Path

from kg.ingest import Document, Skipped, read_documents

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def test_json_dump_gives_one_document_per_record_and_skips_the_record_without_content():
    path = FIXTURES / "saudinewsnet.json"
    first, empty, third = read_documents([path])

    assert isinstance(first, Document)
    assert first.id == "saudinewsnet-0"
    assert first.path == f"{path}#0"
    assert first.title == "الرياض تستضيف مؤتمرا دوليا للطاقة المتجددة"
    assert first.date == dt.date(2015, 7, 21)  # date part of date_extracted
    assert first.source == "aawsat"
    assert first.url == "http://aawsat.com/home/article/410146"
    # content lines are paragraphs; "read also", share and copyright lines are chrome
    assert first.text.split("\n\n") == [
        "تستضيف العاصمة السعودية الرياض الأسبوع المقبل مؤتمرا دوليا للطاقة المتجددة "
        "بمشاركة وزراء من عشرين دولة.",
        "وقال وزير الطاقة إن المؤتمر سيبحث مشروعات الطاقة الشمسية في المملكة.",
    ]

    assert isinstance(empty, Skipped)
    assert empty.path == f"{path}#1"
    assert "no content" in empty.reason and "only this record" in empty.reason

    assert isinstance(third, Document)
    assert third.id == "saudinewsnet-2"
    assert third.date == dt.date(2015, 7, 22)
    assert len(third.text.split("\n\n")) == 2


def test_jsonl_dump_skips_only_the_malformed_line():
    path = FIXTURES / "saudinewsnet_lines.jsonl"
    first, broken, third = read_documents([path])
    assert isinstance(first, Document) and first.id == "saudinewsnet_lines-0"
    assert first.title == "وزير الخارجية يلتقي نظيره الفرنسي في باريس"
    assert first.date == dt.date(2015, 7, 23) and first.source == "aawsat"
    assert isinstance(broken, Skipped) and broken.path == f"{path}#1"
    assert "malformed JSON at line 2, column" in broken.reason
    assert isinstance(third, Document) and third.id == "saudinewsnet_lines-2"  # ids stay stable


def test_records_of_the_wrong_shape_are_skipped_one_by_one(tmp_path):
    path = tmp_path / "odd.json"
    records = [
        "just a string",
        {"title": "بلا محتوى"},
        {"content": "   "},
        {"content": "شارك على فيسبوك\nجميع الحقوق محفوظة © 2015"},
        {"content": "قال المتحدث إن الاجتماع انتهى باتفاق على مواصلة الحوار.", "date_extracted": "soon"},
    ]
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    results = list(read_documents([path]))
    assert [type(r) for r in results] == [Skipped, Skipped, Skipped, Skipped, Document]
    assert "not an article object" in results[0].reason
    assert "no content" in results[1].reason and "no content" in results[2].reason
    assert "boilerplate only" in results[3].reason
    doc = results[4]
    assert doc.title is None and doc.date is None and doc.source is None and doc.url is None


def test_a_json_file_that_is_not_a_list_of_records(tmp_path):
    path = tmp_path / "number.json"
    path.write_text("42", encoding="utf-8")
    (skipped,) = read_documents([path])
    assert isinstance(skipped, Skipped)
    assert "expected a JSON list of article objects" in skipped.reason
