"""Sports clubs named by one word: clubs in a sports article, plain words elsewhere; matches are no
meetings. Invented sentences."""

from __future__ import annotations

from kg.extract import clubs, lexicon

SPORTS = ("أكد مدرب الفريق أن اللاعبين جاهزون للمباراة المقبلة في الدوري، وأن المهاجم الجديد سيشارك "
          "في التدريبات.\n")


def _orgs(entities):
    return {e.label for e in entities.values() if e.type == "ORG"}


def test_the_data_files_load():
    assert "الهلال" in lexicon.words("sports_clubs")
    assert "اللاعب" in lexicon.words("sports_words")
    assert "رعايه" in lexicon.words("club_plain_after")
    assert "نادي" in lexicon.words("club_nouns")
    assert "الحزم" in lexicon.words("plain_words")


def test_clubs_in_a_sports_article_and_their_match_is_no_meeting(extract):
    entities, rels = extract(SPORTS + "وفي الجولة الماضية التقى الهلال بالشباب وفاز عليه بهدف نظيف.")
    assert {"الهلال", "الشباب"} <= _orgs(entities), _orgs(entities)
    assert not [r for r in rels if r["type"] == "met"], [r for r in rels if r["type"] == "met"]


def test_the_same_words_outside_sport_are_no_clubs(extract):
    entities, _ = extract("دعا وزير العمل الشباب إلى الالتحاق بالوظائف الجديدة في القطاع الخاص.")
    assert "الشباب" not in _orgs(entities), _orgs(entities)


def test_youth_welfare_is_no_club_even_in_a_sports_article(extract):
    entities, _ = extract(SPORTS + "وأشاد الوزير بدعم رعاية الشباب للأندية.")
    assert "الشباب" not in _orgs(entities), _orgs(entities)


def test_a_club_with_and_without_its_club_noun_is_one_club(extract):
    entities, _ = extract(SPORTS + "وأعلن نادي الهلال التعاقد مع لاعب جديد، ويأمل الهلال أن يحقق الدوري.")
    hilal = [e for e in entities.values() if e.type == "ORG" and "الهلال" in (e.label, *e.aliases)]
    assert len(hilal) == 1 and {"الهلال", "نادي الهلال"} <= {hilal[0].label, *hilal[0].aliases}, hilal


def test_a_sports_article_needs_sports_words(parse):
    from kg.extract.document import sentences_of

    assert clubs.sports_article(sentences_of(parse(SPORTS)))
    assert not clubs.sports_article(sentences_of(parse("حقق الجيش النصر في المعركة بعد هدف واضح.")))
