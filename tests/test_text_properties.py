"""Properties of the text normalizer on any input (hypothesis): it never raises, and cleaning or keying a
text twice gives what once gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.text import clean, clip, match_key, strip_diacritics

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
MARKS = st.sampled_from(["\u0640", "\u200d", "\u200f", "\u202b", "\u202c", "\ufeff", "\u00ad", "\u061c",
                         "\u0654", "\u0655", "\u064b", "\u0651", "\u0301", "\u00a0", " ", "\t", "\n"])
# Arabic letters and marks, Latin letters with combining accents, controls: where normalizers trip
TEXTS = st.one_of(st.text(), st.text(st.one_of(ARABIC, MARKS, st.sampled_from("aeé"))),
                  st.text(st.one_of(MARKS, st.sampled_from("aeاي")), max_size=6))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_clean_is_idempotent_and_never_raises(text):
    once = clean(text)
    assert clean(once) == once
    assert strip_diacritics(once) == once


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_match_key_is_idempotent_and_never_raises(text):
    key = match_key(text)
    assert match_key(key) == key


@settings(max_examples=100, deadline=None)
@given(st.text(), st.integers(min_value=1, max_value=50))
def test_clip_never_exceeds_its_width(text, most):
    clipped = clip(text, most)
    assert clipped == text if not text else len(clipped) <= most
