from kg.text import clean, match_key, strip_diacritics


def test_clean_removes_tatweel_controls_and_diacritics():
    assert clean("الكـــاظمي\u200f \u202bبغداد\u202c") == "الكاظمي بغداد"
    assert clean("مستشارُ الأمنِ") == "مستشار الأمن"


def test_match_key_unifies_spelling_variants():
    assert match_key("إسرائيل") == match_key("اسرائيل")
    assert match_key("الكاظمى") == match_key("الكاظمي")
    assert match_key("الحكومة") == match_key("الحكومه")
    assert strip_diacritics("") == ""
