"""Gazetteers where they pay (issue 11): curated people and places, and ANERGazet's places, found where
NER missed them, but only on words that could be a name."""

from __future__ import annotations

from kg.extract import lexicon


def test_lists_load_and_leave_common_words_out():
    extra = lexicon.known_extra()
    assert extra[("تمام", "سلام")] == "PER" and extra[("الرياض",)] == "LOC"
    assert ("سلام",) not in extra  # one-word names of people are never looked for: too many are words
    assert all(w not in extra for w in [("الخبر",), ("مدينه",), ("المنزل",), ("جنوب",)])
    assert len([s for s, t in extra.items() if t == "LOC"]) > 1000


def test_a_listed_person_and_places_are_found_where_ner_misses_them(extract):
    entities, _ = extract("التقى ولي العهد رئيس الوزراء اللبناني تمام سلام في جدة، ثم زار الطائف والجوف.")
    found = {(e.label, e.type) for e in entities.values()}
    assert {("تمام سلام", "PER"), ("الطائف", "LOC"), ("الجوف", "LOC")} <= found
    assert next(e.latin for e in entities.values() if e.label == "تمام سلام") == "Tammam Salam"


def test_a_listed_name_inside_a_longer_word_is_no_place(extract):
    entities, _ = extract("وأكد الوزير أهمية اختيار ذوي الكفاءة والخبرة لإدارة الخدمات. "
                          "رابط الخبر بصحيفة الوطن.")
    assert not [e for e in entities.values() if e.type == "LOC" and "الخبر" in e.label]


def test_the_suez_canal_is_a_place_and_the_state_department_a_body(extract):
    entities, _ = extract("وأعلنت الخارجية الأميركية دعمها لمشروع توسعة قناة السويس.")
    types = {e.label: e.type for e in entities.values()}
    assert types.get("الخارجية الأميركية") == "ORG" and types.get("قناة السويس") == "LOC", types


def test_the_p5_plus_1_under_its_names_is_one_body(extract):
    entities, _ = extract("وقال إن الاتفاق بين إيران ودول 5+1 مهم. وأكدت مجموعة الست ذلك، كما أشادت مجموعة "
                          "5+1 بالاتفاق.")
    groups = [e for e in entities.values() if e.type == "ORG" and "5+1" in e.label]
    assert len(groups) == 1 and groups[0].label == "مجموعة 5+1", groups
    assert {"دول 5+1", "مجموعة الست"} <= set(groups[0].aliases), groups


def test_the_envoys_family_name_is_his_not_a_title_and_a_name(extract):
    """ولد الشيخ أحمد (the UN envoy named by his family name): الشيخ is no title there, أحمد no person."""
    entities, _ = extract("ونفى المتحدث أن يكون ولد الشيخ أحمد قد ناقش خطة جديدة.")
    people = {e.label for e in entities.values() if e.type == "PER"}
    assert people == {"إسماعيل ولد الشيخ أحمد"}, people
