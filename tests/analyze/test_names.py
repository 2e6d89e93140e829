"""Finding entities by the name a user types."""

import pytest

from kg.analyze.names import Entity, NameIndex, clitic_forms, latin_words

KADHIMI = Entity("urn:kadhimi", "مصطفى الكاظمي", "PER", "Mustafa al-Kadhimi", ("الكاظمي",), 15)
BIDEN = Entity("urn:biden", "جو بايدن", "PER", "Joe Biden", ("بايدن", "بادين"), 8)
ARAJI = Entity("urn:araji", "قاسم الأعرجي", "PER", "Qasim al-Araji", (), 4)
WASHINGTON = Entity("urn:washington", "واشنطن", "LOC", "Washington", (), 10)
POST = Entity("urn:post", "واشنطن بوست", "ORG", "The Washington Post", (), 1)
INDEX = NameIndex([KADHIMI, BIDEN, ARAJI, WASHINGTON, POST])


def found(name):
    return [(m.entity.label, m.kind) for m in INDEX.find(name)]


@pytest.mark.parametrize("name,kind", [
    ("مصطفى الكاظمي", "label"), ("مصطفي الكاظمى", "label"),  # ya / alef maqsura variants
    ("الكاظمي", "alias"),
    ("والكاظمي", "clitic"), ("لالكاظمي", "clitic"), ("للكاظمي", "clitic"), ("بالكاظمي", "clitic"),
    ("كاظمي", "short"),
    ("Kadhimi", "latin"), ("kadhimi", "latin"), ("Kazemi", "latin"), ("Kazimi", "latin"),
    ("Mustafa al-Kadhimi", "latin"), ("Kadimi", "latin~"),
])
def test_a_name_finds_kadhimi_across_spellings(name, kind):
    assert found(name)[0] == ("مصطفى الكاظمي", kind)


def test_short_forms_and_aliases():
    assert found("الأعرجي") == [("قاسم الأعرجي", "short")]
    assert found("الاعرجي") == [("قاسم الأعرجي", "short")]
    assert found("لبايدن") == [("جو بايدن", "clitic")]


def test_a_whole_latin_name_wins_over_a_partial_one():
    assert found("Washington") == [("واشنطن", "latin")]
    assert found("Washington Post") == [("واشنطن بوست", "latin")]


def test_unknown_names_match_nothing_and_get_the_nearest_known_ones():
    assert found("بايدين") == []  # Arabic near misses are suggested, never silently matched
    assert INDEX.suggest("بايدين")[0] == "جو بايدن (Joe Biden)"
    assert found("Obama") == [] and INDEX.suggest("Obama") == []
    assert found("") == [] and found("   ") == []


def test_helpers():
    assert clitic_forms("والكاظمي") >= {"الكاظمي"}
    assert latin_words("Mustafa al-Kadhimi") == latin_words("MUSTAFA AL KAZIMI") == ["mustafa", "kazimi"]


def test_index_from_the_seeds_graph(seeds_graph):
    from kg.query import entity_rows, open_graph

    index = NameIndex.from_records(entity_rows(open_graph(seeds_graph)))
    assert index.find("Kadhimi")[0].entity.label == "مصطفى الكاظمي"
    assert index.find("بايدن")[0].entity.latin == "Joe Biden"
