"""The learned meeting reader (kg.extract.learned) on invented sentences, with the bundled weights."""

from __future__ import annotations

import pytest

from kg.extract import learned


def _met(records):
    return [r for r in records if r["type"] == "met"]


TALKS = ("وبدأ الرئيس التركي رجب طيب أردوغان العام الماضي مفاوضات مع زعيم المعارضة كمال كليتشدار أوغلو "
         "دون أن تفضي إلى اتفاق.")


def test_talks_no_rule_reads_are_found_by_the_reader(extract):
    _, rels = extract(TALKS)
    met = _met(rels)
    assert [{r["subject"], r["object"]} for r in met] == [{"رجب طيب أردوغان", "كمال كليتشدار أوغلو"}]
    assert met[0]["rule"] == "met:learned"


def test_off_leaves_the_rules_alone(extract, monkeypatch):
    monkeypatch.setenv(learned.SETTING, "off")
    _, rels = extract(TALKS)
    assert not _met(rels)


def test_a_speaker_is_not_a_party_of_the_meeting_she_reports(extract):
    _, rels = extract("وأضافت المتحدثة باسم البيت الأبيض جين ساكي أن الجانبين سيبحثان ملفات مهمة خلال لقاء "
                      "الرئيس جو بايدن ورئيس الوزراء مصطفى الكاظمي يوم الاثنين.")
    assert not [r for r in _met(rels) if "جين ساكي" in (r["subject"], r["object"])]


def test_weights_are_data_with_a_threshold():
    model = learned.load(learned.WEIGHTS)
    assert 0 < model.threshold < 1
    assert "bias" in model.weights and len(model.weights) > 100


def test_a_bad_weight_names_the_file_and_line(tmp_path):
    path = tmp_path / "w.tsv"
    path.write_text("# threshold 0.5\nbias\tnot-a-number\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"w\.tsv:2: bad weight"):
        learned.load(path)


def test_a_missing_weights_file_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv(learned.SETTING, str(tmp_path / "none.tsv"))
    with pytest.raises(FileNotFoundError, match="kg.training.met_pairs"):
        learned.model()


def test_the_extraction_cache_knows_whether_the_reader_ran(monkeypatch):
    """A build with KG_MET_PAIRS=off after one with the reader re-extracts: the cache keys differ."""
    from kg.extract.incremental import fingerprint

    monkeypatch.delenv(learned.SETTING, raising=False)
    with_reader = fingerprint()
    monkeypatch.setenv(learned.SETTING, "off")
    assert fingerprint() != with_reader


def test_a_triggers_pairs_keep_the_side_most_of_them_share():
    """Names listed after one trigger are not all paired: the reader keeps the pairs around one side."""
    from types import SimpleNamespace as NS

    a, b, c, d = (NS(id=x) for x in "abcd")
    hit, other = NS(word=3), NS(word=9)
    pairs = [(a, b, hit, 0.9), (a, c, hit, 0.8), (b, c, hit, 0.6), (c, d, other, 0.7)]
    kept = learned.around_one_side(pairs)
    assert [(x.id, y.id) for x, y, _, _ in kept] == [("a", "b"), ("a", "c"), ("c", "d")]
