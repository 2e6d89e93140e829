"""Small parts of the extract stage that need no parser: dates, transliteration, the lexicon."""

from __future__ import annotations

import datetime as dt

from kg.extract import lexicon
from kg.extract.translit import rule_translit, transliterate
from kg.extract.when import best_date, find_dates

FRIDAY = dt.date(2021, 7, 23)


def test_next_weekday_resolves_against_the_document_date():
    (found,) = find_dates("خلال لقاء الكاظمي وبايدن يوم الاثنين المقبل.", FRIDAY)
    assert found.date == dt.date(2021, 7, 26)


def test_bare_weekday_is_the_last_one_for_past_events_and_the_next_for_planned():
    assert find_dates("عقدت، الخميس اجتماعها", FRIDAY)[0].date == dt.date(2021, 7, 22)
    assert find_dates("ستعقد الخميس اجتماعها", FRIDAY, future=True)[0].date == dt.date(2021, 7, 29)


def test_written_dates_and_yesterday():
    assert best_date("اليوم الخميس (20 أيار 2021) قائد", None, 0).date == dt.date(2021, 5, 20)
    assert find_dates("أمس الجمعة، الوفد", FRIDAY)[0].date == dt.date(2021, 7, 22)
    assert find_dates("يوم 26 تموز (يوليو) الجاري", FRIDAY)[0].date == dt.date(2021, 7, 26)
    assert find_dates("يوم 26 تموز (يوليو) الجاري", None)[0].date is None


def test_transliteration_prefers_the_table():
    assert transliterate("مصطفى الكاظمي", lexicon.translit()) == "Mustafa al-Kadhimi"
    assert rule_translit("بغداد") == "Baghdad"
    assert rule_translit("الشمري") == "Al-Shamri"
    assert rule_translit("عبد الأمير الشمري") == "Abad al-Amir al-Shamri"
    assert transliterate("غانم العيفان", {}) == "Ghanam al-Ifan"


def test_lexicon_loads_the_shared_resources():
    assert lexicon.relation_triggers("met")
    assert "تتطلب" in lexicon.false_triggers("requested")
    assert ("رئيس", "الوزراء") in lexicon.titles()
    assert lexicon.title_variants()[("المتحدث", "ب", "اسم")] == "position"
    assert "المقبل" in lexicon.planned_markers()
