"""English spellings of names (issue 11): the curated table for whole names, then known name words,
then the rule-based romanization."""

from __future__ import annotations

import pytest

from kg.extract import lexicon
from kg.extract.translit import transliterate


@pytest.mark.parametrize("arabic,latin", [
    ("محمد بن سلمان", "Mohammed bin Salman"),
    ("سيرجي لافروف", "Sergei Lavrov"), ("سيرغي لافروف", "Sergei Lavrov"),
    ("جون كيري", "John Kerry"), ("جون كيربي", "John Kirby"),
    ("تمام سلام", "Tammam Salam"), ("حيدر العبادي", "Haider al-Abadi"),
    ("عادل الجبير", "Adel al-Jubeir"), ("حسن روحاني", "Hassan Rouhani"),
    ("محمد جواد ظريف", "Mohammad Javad Zarif"),
    ("عبدربه منصور هادي", "Abd Rabbuh Mansur Hadi"), ("عبد ربه منصور هادي", "Abd Rabbuh Mansur Hadi"),
    ("خالد بن محمد العطية", "Khalid bin Mohammad al-Attiyah"),
])
def test_well_known_people_carry_their_usual_english_spelling(arabic, latin):
    assert transliterate(arabic, lexicon.translit()) == latin


def test_names_are_composed_from_known_words_and_rules():
    table = lexicon.translit()
    assert transliterate("محمد بن نايف بن عبد العزيز آل سعود", table) == \
        "Mohammed bin Nayef bin Abdulaziz Al Saud"
    assert transliterate("جون سميث", table) == "John Smith"  # two name words of the lexicon
    assert transliterate("خالد الفيصل", table) == "Khalid al-Faisal"
    assert transliterate("عبد المطلوب البدراني", table).startswith("Abdul Matlub al-")
    assert transliterate("صلاح الدين", table) == "Salah al-Din"
    assert transliterate("غانم العيفان", {}) == "Ghanam al-Ifan"  # no table: the rules alone


def test_the_tables_are_data():
    people = lexicon.latin_names()
    assert people["محمد بن سلمان"] == "Mohammed bin Salman"
    assert len([k for k in people if " " in k]) > 150
    assert lexicon.translit()["سلام"] == "Salam"  # a name word from the filtered lexicon
