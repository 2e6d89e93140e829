"""Bad input to the pipeline wrapper: no crash, a clear result or message."""

import pytest

from kg.nlp import EmptyText, TextTooLong
from kg.nlp.pipeline import MAX_CHUNK_CHARS, chunks


@pytest.mark.parametrize("text", ["", "   \n\t ", "\u200f\u202b\u202c\u200d"])
def test_empty_text_is_refused_with_a_message(pipeline, text):
    with pytest.raises(EmptyText, match="empty text"):
        pipeline.parse(text)


def test_punctuation_only_parses_with_a_note(pipeline):
    parsed = pipeline.parse("!!! ... ؟؟ ،،")
    assert parsed.sentences
    assert any("punctuation" in n for n in parsed.notes)


def test_latin_text_parses(pipeline):
    parsed = pipeline.parse("The White House said on Monday that talks went well.")
    assert parsed.words


def test_emoji_and_bidi_controls(pipeline):
    parsed = pipeline.parse("\u202bالتقى الرئيس 🇮🇶 بالوفد الأمريكي 😀 في بغداد\u202c")
    assert "\u202b" not in parsed.text
    assert any(w.text == "بغداد" for w in parsed.words)


def test_one_megabyte_line_gets_a_clear_message(pipeline):
    sentence = "وقال المتحدث إن الحكومة العراقية طلبت استمرار الدعم. "
    text = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    with pytest.raises(TextTooLong, match="split it into articles"):
        pipeline.parse(text)


def test_long_lines_are_cut_at_sentence_ends_into_bounded_pieces():
    text = "وقال المتحدث إن الحكومة العراقية طلبت استمرار الدعم. " * 3000
    pieces = chunks(text)
    assert len(pieces) > 1 and all(len(p) <= MAX_CHUNK_CHARS for _, p in pieces)
    assert "".join(p for _, p in pieces) == text
    assert all(p.endswith(". ") for _, p in pieces[:-1])
    no_spaces = "ب" * 50_000
    assert [len(p) for _, p in chunks(no_spaces)] == [MAX_CHUNK_CHARS, MAX_CHUNK_CHARS, 10_000]


def test_offsets_of_pieces_point_into_the_cleaned_text(pipeline):
    text = "استقبل رئيس الوزراء مصطفى الكاظمي الوفد في بغداد. " * 12
    parsed = pipeline.parse(text, chunk_chars=200)
    assert any("pieces" in n for n in parsed.notes)
    for sent in parsed.sentences:
        for tok in sent.tokens:
            assert parsed.text[tok.start_char:tok.end_char] == tok.text
    assert parsed.entities
    for ent in parsed.entities:
        assert parsed.text[ent.start_char:ent.end_char] == ent.text
