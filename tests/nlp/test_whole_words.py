"""Names that begin with a proclitic letter stay whole (لبنان is not ل + بنان), real clitics still
split. A fixed subset of benchmarks/names_split.py's check, with the real bundled pipeline."""

import pytest

from kg.nlp.clitics import LEXICON, WholeWords, load_whole_words

NAMES = {
    "PER": ["بوتين", "فيصل", "وليد", "بشار", "لافروف", "كيري", "بلير", "لويد", "ليبرمان", "بنيامين", "وحيد"],
    "LOC": ["لبنان", "لندن", "واشنطن", "بروكسل", "بغداد", "بيروت", "لوزان", "بيشاور", "فيينا"],
    "ORG": ["فيفا", "لوفتهانزا", "فيسبوك"],
}
TEMPLATES = {
    "PER": ["التقى الوزير {} أمس في مقر الحكومة.",
            "قال {} إن المحادثات كانت صريحة ومثمرة.",
            "أعلن مكتب {} أن الزيارة ستستمر يومين."],
    "LOC": ["وصل الوفد إلى {} مساء الأحد.",
            "تشهد {} موجة حر شديدة هذا الأسبوع.",
            "عاد السفير من {} بعد زيارة قصيرة."],
    "ORG": ["أصدرت {} بيانا رسميا يوم الخميس.",
            "قال متحدث باسم {} إن القرار نهائي.",
            "وقعت الحكومة اتفاقا مع {} لمدة عامين."],
}
CASES = [(name, t.format(name)) for typ, names in NAMES.items() for name in names for t in TEMPLATES[typ]]


def words_of(pipeline, text: str, token: str) -> list[str] | None:
    for sent in pipeline.parse(text).sentences:
        for tok in sent.tokens:
            if tok.text == token:
                return [w.text for w in tok.words]
    return None


def test_names_with_a_proclitic_letter_are_not_split(pipeline):
    found = [(name, words_of(pipeline, text, name)) for name, text in CASES]
    split = [(name, words) for name, words in found if words != [name]]
    assert len(split) <= len(CASES) // 50, split  # at most 2% of occurrences


@pytest.mark.parametrize("token, expected, text", [
    ("ولبنان", ["و", "لبنان"], "زار الوفد القاهرة ولبنان الشهر الماضي."),
    ("وواشنطن", ["و", "واشنطن"], "زار الوفد القاهرة وواشنطن الشهر الماضي."),
    ("ببغداد", ["ب", "بغداد"], "أقيم الحفل ببغداد مساء الأحد."),
    ("بالمملكة", ["ب", "المملكة"], "أقيم الحفل بالمملكة مساء الأحد."),
    ("وقال", ["و", "قال"], "وقال الوزير إن المحادثات مثمرة."),
    ("لها", ["ل", "ها"], "قالت الوزارة إن لها حقا في الرد."),
])
def test_real_clitics_still_split(pipeline, token, expected, text):
    assert words_of(pipeline, text, token) == expected


def test_the_guard_joins_a_proclitic_back_only_onto_a_whole_word():
    lexicon = WholeWords(frozenset({"لبنان", "بلاد", "باربييه"}))
    assert lexicon.fix("لبنان", "ل بنان") == "لبنان"
    assert lexicon.fix("ولبنان", "و ل بنان") == "و لبنان"
    assert lexicon.fix("بلاده", "ب لاد ه") == "بلاد ه"  # the pronoun stays split
    assert lexicon.fix("باربييه", "ب اربيي ه") == "باربييه"
    assert lexicon.fix("وقال", "و قال") == "و قال"
    assert lexicon.fix("فيها", "في ها") == "في ها"


def test_the_last_letter_of_allah_in_a_name_is_no_pronoun(pipeline):
    lexicon = WholeWords(frozenset())
    assert lexicon.fix("عبدالله", "عبدالل ه") == "عبدالله"
    assert lexicon.fix("وعبدالله", "و عبدالل ه") == "و عبدالله"
    assert lexicon.fix("بلاده", "بلاد ه") == "بلاد ه"
    assert words_of(pipeline, "نقل المصاب إلى مستشفى الملك عبدالله أمس.", "عبدالله") == ["عبدالله"]


def test_shipped_lexicon_keeps_names_and_not_clitic_forms():
    lexicon = load_whole_words()
    assert LEXICON.stat().st_size < 1_000_000
    for word in ["لبنان", "لندن", "واشنطن", "بروكسل", "بوتين", "فيصل", "وليد", "سعيد", "سلمان"]:
        assert word in lexicon, word
    for word in ["لها", "بها", "بالمملكة", "للمملكة", "وقال", "والرئيس"]:
        assert word not in lexicon, word


def test_the_lexicon_can_be_turned_off_or_replaced(tmp_path, monkeypatch):
    from kg.nlp.pipeline import ArabicPipeline

    text = "تشهد لبنان موجة حر شديدة هذا الأسبوع."
    other = tmp_path / "words.txt"
    other.write_text("# no words\n", encoding="utf-8")
    plain = ArabicPipeline(processors=("tokenize", "mwt"), guard=other)
    guarded = ArabicPipeline(processors=("tokenize", "mwt"))
    assert words_of(guarded, text, "لبنان") == ["لبنان"]
    assert words_of(plain, text, "لبنان") == ["ل", "بنان"]  # the bundle alone cuts it
    with pytest.raises(FileNotFoundError, match="whole_words"):
        ArabicPipeline(processors=("tokenize", "mwt"), guard=tmp_path / "missing.txt")
    monkeypatch.setenv("KG_WHOLE_WORDS", "off")
    assert words_of(ArabicPipeline(processors=("tokenize", "mwt")), text, "لبنان") == ["ل", "بنان"]
