"""The readers on hostile input (hypothesis): random bytes, JSON dumps cut anywhere, records of odd shapes,
texts in mixed encodings. Every file gives Documents or a Skipped that says what is wrong, never an
exception, and never the catch-all "please report" that stands for an error nobody foresaw."""

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import Document, Skipped, read_documents

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
DUMP = (FIXTURES / "saudinewsnet.json").read_bytes()
LINES = (FIXTURES / "saudinewsnet_lines.jsonl").read_bytes()
SUFFIXES = (".txt", ".json", ".jsonl", ".html")
ARABIC = "استقبل رئيس الوزراء مصطفى الكاظمي وزير الدفاع في بغداد أمس."
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read(data: bytes, suffix: str) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_bytes(data)
        results = list(read_documents([path]))
    for result in results:
        assert isinstance(result, (Document, Skipped))
        if isinstance(result, Skipped):
            assert result.reason and "please report" not in result.reason, result.reason
        else:
            assert result.text.strip() and result.content_hash
    return results


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(SUFFIXES))
def test_random_bytes(data, suffix):
    read(data, suffix)


@FUZZ
@given(st.integers(min_value=1, max_value=len(DUMP) - 1))
def test_a_json_dump_cut_anywhere_is_skipped_with_the_position(cut):
    results = read(DUMP[:cut], ".json")
    if DUMP[:cut].strip() != DUMP.strip():  # not just the final newline cut off
        assert len(results) == 1 and isinstance(results[0], Skipped)
        assert "malformed JSON at line" in results[0].reason or "empty" in results[0].reason


@FUZZ
@given(st.integers(min_value=1, max_value=len(LINES) - 1))
def test_a_jsonl_dump_cut_anywhere_keeps_the_whole_records(cut):
    whole = sum(1 for line in LINES[:cut].split(b"\n")[:-1] if line.strip())
    documents = [r for r in read(LINES[:cut], ".jsonl") if isinstance(r, Document)]
    assert len(documents) >= min(whole, 1) - 1  # the records before the cut (one may lack content)


SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
JSONISH = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner,
                                                                                           max_size=4),
                       max_leaves=12)
RECORD = st.fixed_dictionaries({}, optional={
    "source": JSONISH, "url": JSONISH, "date_extracted": JSONISH | st.sampled_from(["2015-07-21 02:51:32",
                                                                                     "2015-13-45", ""]),
    "title": JSONISH, "author": JSONISH, "content": JSONISH | st.just(ARABIC)})


@FUZZ
@given(st.lists(RECORD | JSONISH, max_size=5))
def test_records_of_any_shape(records):
    read(json.dumps(records, ensure_ascii=False).encode("utf-8"), ".json")
    read("\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode("utf-8"), ".jsonl")


PIECES = st.sampled_from([ARABIC.encode("utf-8"), ARABIC.encode("cp1256"), "Café, naïve".encode("latin-1"),
                          "Café".encode(), ARABIC.encode("utf-16"), b"\xef\xbb\xbf", b"\n\n", b"<p>",
                          b"</p>", b"\x00", b"\xff\xfe"])


@FUZZ
@given(st.lists(PIECES, min_size=1, max_size=8), st.sampled_from(SUFFIXES))
def test_texts_in_mixed_encodings(pieces, suffix):
    results = read(b"".join(pieces), suffix)
    for result in results:
        if isinstance(result, Document):
            assert "\ufffd" not in result.text  # no mojibake replacement characters reach the models
