from kg.text import clean, match_key, name_key, name_units, strip_diacritics


def test_clean_removes_tatweel_controls_and_diacritics():
    assert clean("الكـــاظمي\u200f \u202bبغداد\u202c") == "الكاظمي بغداد"
    assert clean("مستشارُ الأمنِ") == "مستشار الأمن"


def test_match_key_unifies_spelling_variants():
    assert match_key("إسرائيل") == match_key("اسرائيل")
    assert match_key("الكاظمى") == match_key("الكاظمي")
    assert match_key("الحكومة") == match_key("الحكومه")
    assert strip_diacritics("") == ""


def test_name_key_folds_the_spacing_of_compound_name_words():
    assert name_key("عبد العزيز") == name_key("عبدالعزيز")
    assert name_key("عبدربه منصور هادي") == name_key("عبد ربه منصور هادي")
    assert name_key("حسن نصر الله") == name_key("حسن نصرالله")
    assert name_key("جون كيري") != name_key("جون كيربي")
    assert name_units("محمد بن نايف بن عبد العزيز") == ["محمد", "بن", "نايف", "بن", "عبد العزيز"]
    assert name_key("عبد") == "عبد" and name_key("") == ""


def test_the_scorer_folds_the_spacing_too():
    from kg.evaluation import NameIndex

    index = NameIndex([{"doc": "d", "label": "محمد بن نايف بن عبدالعزيز", "aliases": []}])
    assert index.resolve("d", "محمد بن نايف بن عبد العزيز") == {"محمد بن نايف بن عبدالعزيز"}
