"""Canonical entities: every merge of two names is recorded with its reason."""

from __future__ import annotations

from kg.extract.entities import clitic_variants, osa, resolve_entities
from kg.extract.mentions import Mention


def _mention(i: int, text: str, type_: str = "PER", rule: str = "ner", doc: str = "d",
             trims: list[tuple[str, str]] | None = None) -> Mention:
    return Mention(f"{doc}#{i}:0-0", doc, i, 0, 0, 0, len(text), text, type_, rule, 0.9, text, text,
                   trims or [])


def _entity_of(entities, mention_to_key, mention):
    return entities[mention_to_key[mention.id]]


def test_clitic_is_stripped_when_the_rest_is_a_known_name():
    a, b = _mention(0, "داعش", "ORG"), _mention(1, "لداعش", "ORG")
    entities, keys = resolve_entities([a, b])
    ent = _entity_of(entities, keys, b)
    assert ent is _entity_of(entities, keys, a)
    assert ent.label == "داعش"
    assert ("لداعش", "clitic") in {(m.alias, m.reason) for m in ent.merges}


def test_short_form_joins_the_one_full_name_ending_with_it():
    full, short = _mention(0, "مصطفى الكاظمي"), _mention(1, "الكاظمي")
    entities, keys = resolve_entities([full, short])
    ent = _entity_of(entities, keys, short)
    assert ent.label == "مصطفى الكاظمي"
    assert ("الكاظمي", "short form") in {(m.alias, m.reason) for m in ent.merges}


def test_a_short_form_from_another_article_joins_only_with_evidence():
    """غرم الله المرشد in one article is not "المرشد" of another that never names him, nor is علي عبد الله
    صالح his son أحمد علي عبد الله صالح; in the article that names him in full, المرشد is he. Across
    articles a short form needs evidence: the same English name (لافروف) or a shared title."""
    ms = [_mention(0, "غرم الله المرشد", doc="a"), _mention(1, "المرشد", doc="a"),
          _mention(0, "المرشد", doc="b"),
          _mention(0, "أحمد علي عبد الله صالح", doc="c"), _mention(0, "علي عبد الله صالح", doc="d")]
    entities, keys = resolve_entities(ms)
    assert keys[ms[1].id] == keys[ms[0].id] != keys[ms[2].id]
    assert keys[ms[3].id] != keys[ms[4].id]
    lavrov = [_mention(0, "سيرغي لافروف", doc="a"), _mention(0, "لافروف", doc="b")]
    entities, keys = resolve_entities(lavrov)
    ent = _entity_of(entities, keys, lavrov[1])
    assert ent.label == "سيرغي لافروف"
    assert ("لافروف", "short form (same English name, another document)") in {(m.alias, m.reason)
                                                                               for m in ent.merges}


def test_a_lone_first_name_is_the_one_person_its_article_names_in_full_with_it():
    """فيصل in an article that names فيصل بن عبدالعزيز is he, though other articles write فيصل alone."""
    ms = [_mention(0, "فيصل بن عبدالعزيز", doc="a"), _mention(1, "فيصل", doc="a"),
          _mention(0, "فيصل", doc="b")]
    entities, keys = resolve_entities(ms)
    assert keys[ms[1].id] == keys[ms[0].id] != keys[ms[2].id]


def test_an_ambiguous_short_form_and_its_clitic_forms_are_the_person_their_article_names_in_full():
    """صالح (and وصالح) in an article that names علي عبد الله صالح is he, though the corpus names
    another صالح in full elsewhere."""
    ms = [_mention(0, "علي عبد الله صالح", doc="a"), _mention(1, "صالح", doc="a"),
          _mention(2, "وصالح", doc="a"), _mention(0, "نبي الله صالح", doc="b"),
          _mention(1, "صالح", doc="b"), _mention(0, "صالح", doc="c")]
    entities, keys = resolve_entities(ms)
    assert keys[ms[1].id] == keys[ms[2].id] == keys[ms[0].id]
    assert keys[ms[4].id] == keys[ms[3].id] != keys[ms[0].id]
    assert keys[ms[5].id] not in (keys[ms[0].id], keys[ms[3].id])


def test_a_name_read_as_a_place_in_one_article_and_a_body_in_others_is_two_entities():
    """الشرق الأوسط the newspaper (ORG) where articles quote it, the region (LOC) in an article that only
    reads it as a place: two entities, one label, each with its own documents."""
    ms = [_mention(0, "الشرق الأوسط", "ORG", doc="a"), _mention(1, "الشرق الأوسط", "ORG", doc="b"),
          _mention(0, "الشرق الأوسط", "LOC", doc="c"), _mention(1, "الشرق الاوسط", "LOC", doc="c")]
    entities, keys = resolve_entities(ms)
    paper, region = entities[keys[ms[0].id]], entities[keys[ms[2].id]]
    assert (paper.type, paper.docs) == ("ORG", ["a", "b"])
    assert (region.type, region.docs, region.label) == ("LOC", ["c"], paper.label)
    assert keys[ms[3].id] == region.key


def test_ambiguous_short_form_stays_apart():
    ms = [_mention(0, "فؤاد حسين"), _mention(1, "صدام حسين"), _mention(2, "حسين")]
    entities, keys = resolve_entities(ms)
    assert len({keys[m.id] for m in ms}) == 3


def test_ambiguous_short_form_joins_the_name_each_of_its_documents_writes_in_full():
    """أوباما, where another document names his sister أوما أوباما: in the articles that write أوباما and
    باراك أوباما, it is Barack; a short form whose documents name neither in full stays apart."""
    ms = [_mention(0, "باراك أوباما", doc="a"), _mention(1, "أوباما", doc="a"),
          _mention(0, "باراك أوباما", doc="b"), _mention(1, "أوما أوباما", doc="b"),
          _mention(2, "أوباما", doc="b"),
          _mention(0, "أوما أوباما", doc="c")]
    entities, keys = resolve_entities(ms)
    ent = _entity_of(entities, keys, ms[1])
    assert ent.label == "باراك أوباما" and ent is _entity_of(entities, keys, ms[4])
    assert keys[ms[3].id] != keys[ms[0].id]
    assert ("أوباما", "short form (each of its documents names him in full)") in {(m.alias, m.reason)
                                                                                for m in ent.merges}
    lone = [_mention(0, "فؤاد حسين", doc="a"), _mention(1, "صدام حسين", doc="b"),
            _mention(2, "حسين", doc="c")]
    entities, keys = resolve_entities(lone)
    assert len({keys[m.id] for m in lone}) == 3


def test_misspelling_joins_the_closest_known_name():
    ms = [_mention(0, "جو بايدن"), _mention(1, "بايدن"), _mention(2, "بادين", rule="coordination")]
    entities, keys = resolve_entities(ms)
    ent = _entity_of(entities, keys, ms[2])
    assert ent.label == "جو بايدن"
    assert ("بادين", "misspelling") in {(m.alias, m.reason) for m in ent.merges}
    assert ent.latin == "Joe Biden"


def test_misspelling_needs_the_same_type():
    ms = [_mention(0, "بايدن"), _mention(1, "بادين", "LOC")]
    entities, keys = resolve_entities(ms)
    assert keys[ms[0].id] != keys[ms[1].id]


def test_title_stripped_and_quotes_are_recorded():
    a = _mention(0, "جون كيربي", trims=[("المتحدث باسم البنتاغون جون كيربي", "title stripped")])
    b = _mention(1, "جون كيربي", trims=[("“جون كيربي”", "punctuation")])
    entities, keys = resolve_entities([a, b])
    ent = _entity_of(entities, keys, a)
    assert ent.label == "جون كيربي"
    reasons = {m.reason for m in ent.merges}
    assert {"title stripped", "punctuation"} <= reasons


def test_orthographic_variants_share_one_entity_across_documents():
    a, b = _mention(0, "البيت الأبيض", "ORG", doc="d1"), _mention(0, "البيت الابيض", "ORG", doc="d2")
    entities, keys = resolve_entities([a, b])
    ent = _entity_of(entities, keys, a)
    assert keys[a.id] == keys[b.id]
    assert ent.docs == ["d1", "d2"]


def test_gazetteer_alias_and_type():
    a, b = _mention(0, "الولايات المتحدة", "LOC"), _mention(1, "أميركا", "MISC")
    entities, keys = resolve_entities([a, b])
    ent = _entity_of(entities, keys, b)
    assert ent.label == "الولايات المتحدة" and ent.type == "LOC"


def test_helpers():
    assert clitic_variants("للولايات")[0] == "الولايات"
    assert "داعش" in clitic_variants("لداعش")
    assert osa("بادين", "بايدن") == 1


def test_short_form_and_title_through_the_pipeline(extract):
    entities, _ = extract("قال رئيس الوزراء مصطفى الكاظمي إن الحوار مستمر. "
                          "وأكد الكاظمي أن بغداد تريد الشراكة.")
    people = [e for e in entities.values() if e.type == "PER"]
    assert [e.label for e in people] == ["مصطفى الكاظمي"]
    assert len(people[0].mentions) == 2


def test_a_surname_is_looked_for_alone_only_in_the_article_that_names_the_person_in_full(extract_articles):
    """سهيل بن فرج الحمد in one article does not make "الحمد" a person in another (الحمد لله), while the
    article that names him finds "الحمد" later on."""
    entities = extract_articles({
        "a": "قال رئيس اللجنة سهيل بن فرج الحمد إن الموسم سيبدأ قريبا. وأضاف الحمد أن الفرق جاهزة.",
        "b": "وقال المدرب بعد المباراة: الحمد لله على الفوز الكبير."})
    people = [e for e in entities.values() if e.type == "PER"]
    assert [e.label for e in people] == ["سهيل بن فرج الحمد"]
    assert {m.doc_id for m in people[0].mentions} == {"a"}
    assert len(people[0].mentions) == 2


def test_a_city_quoted_as_a_newspaper_is_the_newspaper_in_that_article(extract_articles):
    """الرياض is the city in one article and the daily in the article that quotes «الرياض» (a Saudi
    outlet, cued in media.txt): two entities, ORG where the article quotes it."""
    entities = extract_articles({"a": "وصل الوفد إلى الرياض مساء أمس في زيارة تستغرق يومين.",
                                 "b": "وقال المدير في حديثه لـ«الرياض» إن المشروع سينتهي قريبا."})
    riyadh = {(e.type, tuple(e.docs)) for e in entities.values() if e.label == "الرياض"}
    assert riyadh == {("LOC", ("a",)), ("ORG", ("b",))}, riyadh


def test_a_one_word_person_from_another_article_is_not_read_on_a_common_noun(extract_articles):
    entities = extract_articles({
        "a": "وقال الرئيس الباكستاني السابق برويز مشرف إن بلاده لن تتراجع. وأضاف مشرف أن الجيش مستعد.",
        "b": "وقال مشرف التوجيه والإرشاد بتعليم المنطقة إن الطلاب استفادوا من البرنامج.",
    })
    in_b = [e.label for e in entities.values()
            if e.type == "PER" and any(m.doc_id == "b" for m in e.mentions)]
    assert in_b == [], in_b
