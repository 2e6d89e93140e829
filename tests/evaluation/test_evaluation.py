"""The scorer's matching rules, the gold files' integrity and the lexicons' format.

The gold tests read the real seeds through ingest (no NLP models), so they are fast; they keep
the hand annotation honest: every name and evidence string must be in the text it claims.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from gold_text import misplaced

from kg.evaluation import (
    Score,
    format_report,
    load_gold,
    name_variants,
    read_jsonl,
    score_entities,
    score_relations,
    theme_agrees,
)
from kg.extract.model import ENTITY_TYPES, RELATION_TYPES
from kg.ingest import Document, read_documents
from kg.text import match_key, strip_diacritics

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "benchmarks" / "gold"
RESOURCES = ROOT / "kg" / "resources"
DOC = "d1"


def rel(typ: str, subject: str | None, obj: str | None, **extra: Any) -> dict[str, Any]:
    """A relation record with the gold keys, defaults filled in."""
    record = {"doc": DOC, "type": typ, "subject": subject, "object": obj, "theme": None, "negated": False,
              "modality": "occurred" if typ in ("met", "contacted") else None, "date": None, "evidence": None}
    record.update(extra)
    return record


def ent(label: str, typ: str = "PER", *aliases: str, doc: str = DOC) -> dict[str, Any]:
    return {"doc": doc, "label": label, "type": typ, "aliases": list(aliases)}


ENTITIES = [ent("مصطفى الكاظمي", "PER", "الكاظمي"), ent("جو بايدن", "PER", "بايدن", "بادين"),
            ent("داعش", "ORG", "تنظيم داعش"), ent("الولايات المتحدة", "LOC"), ent("واشنطن", "LOC"),
            ent("بغداد", "LOC")]


def as_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    """A gold relation in the predicted shape (sentence and confidence instead of evidence)."""
    pred = {k: v for k, v in gold.items() if k != "evidence"}
    return {**pred, "sentence": gold.get("evidence"), "confidence": 0.9}


def entities_as_predictions(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Gold entities merged across documents, as an extractor reports them."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for e in gold:
        item = merged.setdefault((e["label"], e["type"]), {"label": e["label"], "type": e["type"],
                                                           "aliases": [], "docs": []})
        item["docs"].append(e["doc"])
        item["aliases"] += [a for a in e["aliases"] if a not in item["aliases"]]
    return list(merged.values())


# ----------------------------------------------------------------------------- scorer


def test_score_arithmetic() -> None:
    s = Score(tp=2, fp=1, fn=2)
    assert (s.precision, s.recall) == (2 / 3, 0.5)
    assert s.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert Score().f1 == 0.0  # nothing predicted, nothing to find: no division by zero


def test_perfect_prediction_on_the_gold_scores_one() -> None:
    entities, relations = load_gold(GOLD)
    report = score_relations([as_prediction(r) for r in relations], relations, entities)
    for typ in {r["type"] for r in relations}:
        assert report.per_type[typ].f1 == 1.0, typ
    assert report.overall == Score(tp=len(relations))
    assert all(acc.value == 1.0 for acc in report.attributes.values() if acc.total)
    ents = score_entities(entities_as_predictions(entities), entities, types=None)
    assert all(ents.per_type[t].f1 == 1.0 for t in ENTITY_TYPES)
    assert ents.overall.tp == len(entities) and not ents.false_positives


def test_symmetric_types_ignore_order_others_do_not() -> None:
    gold = [rel("met", "مصطفى الكاظمي", "جو بايدن"), rel("requested", "بغداد", "واشنطن")]
    pred = [rel("met", "جو بايدن", "مصطفى الكاظمي"), rel("requested", "واشنطن", "بغداد")]
    report = score_relations(pred, gold, ENTITIES)
    assert report.per_type["met"] == Score(tp=1)
    assert report.per_type["requested"] == Score(fp=1, fn=1)


def test_aliases_and_clitics_match_the_gold_entity() -> None:
    gold = [rel("requested", "مصطفى الكاظمي", "داعش"), rel("said", "الولايات المتحدة", None)]
    pred = [rel("requested", "الكاظمي", "لداعش"), rel("said", "للولايات المتحدة", None)]
    report = score_relations(pred, gold, ENTITIES)
    assert report.overall == Score(tp=2)


def test_clitics_are_stripped_only_when_the_rest_is_a_known_name() -> None:
    assert name_variants("لداعش")[:2] == ["لداعش", "داعش"]
    assert "الولايات المتحده" in name_variants("وللولايات المتحدة")
    # واشنطن begins with و but is itself the name: the exact key wins.
    report = score_relations([rel("said", "واشنطن", None)], [rel("said", "واشنطن", None)], ENTITIES)
    assert report.overall == Score(tp=1)
    assert score_relations([rel("said", "كبغداد", None)], [rel("said", "بغداد", None)],
                           ENTITIES).overall == Score(tp=1)
    # A letter that is not a clitic is never stripped.
    assert score_relations([rel("said", "تبغداد", None)], [rel("said", "بغداد", None)],
                           ENTITIES).overall == Score(fp=1, fn=1)


def test_without_entities_only_labels_match() -> None:
    gold = [rel("said", "مصطفى الكاظمي", None)]
    assert score_relations([rel("said", "الكاظمي", None)], gold).overall == Score(fp=1, fn=1)
    assert score_relations([rel("said", "مصطفي الكاظمى", None)], gold).overall == Score(tp=1)


def test_wrong_object_is_a_false_positive_and_a_false_negative() -> None:
    gold = [rel("requested", "مصطفى الكاظمي", "واشنطن")]
    pred = [rel("requested", "مصطفى الكاظمي", "بغداد")]
    report = score_relations(pred, gold, ENTITIES)
    assert report.per_type["requested"] == Score(tp=0, fp=1, fn=1)
    assert report.false_positives == pred and report.false_negatives == gold


def test_null_object_matches_only_null() -> None:
    gold = [rel("requested", "مصطفى الكاظمي", None)]
    assert score_relations([rel("requested", "الكاظمي", None)], gold, ENTITIES).overall == Score(tp=1)
    assert score_relations([rel("requested", "الكاظمي", "واشنطن")], gold,
                           ENTITIES).overall == Score(fp=1, fn=1)


def test_matching_is_one_to_one_and_unique_mode_counts_facts() -> None:
    gold = [rel("met", "مصطفى الكاظمي", "جو بايدن", evidence="لقاء الكاظمي وبايدن")]
    pred = [rel("met", "الكاظمي", "بايدن"), rel("met", "بايدن", "الكاظمي")]
    assert score_relations(pred, gold, ENTITIES).overall == Score(tp=1, fp=1)
    assert score_relations(pred, gold, ENTITIES, unique=True).overall == Score(tp=1)


def test_pairs_prefer_the_same_sentence_and_attributes_are_scored_separately() -> None:
    gold = [rel("met", "مصطفى الكاظمي", "جو بايدن", modality="planned", date="2021-07-26",
                evidence="خلال لقاء الكاظمي وبادين يوم الاثنين المقبل"),
            rel("met", "مصطفى الكاظمي", "جو بايدن", modality="occurred", evidence="استقبل الكاظمي بايدن")]
    long_sentence = "مشيرة الى ان الجانبين سيبحثان ملفات مهمة خلال لقاء الكاظمي وبادين يوم الاثنين المقبل"
    pred = [{**rel("met", "بايدن", "الكاظمي", modality="occurred"), "sentence": "استقبل الكاظمي بايدن"},
            {**rel("met", "الكاظمي", "بادين", modality="planned", date=dt.date(2021, 7, 26)),
             "sentence": long_sentence}]
    report = score_relations(pred, gold, ENTITIES)
    assert report.overall == Score(tp=2)
    assert report.attributes["modality"].value == 1.0
    assert report.attributes["date"].value == 1.0  # a date object equals its ISO string
    wrong = [{**p, "modality": "denied"} for p in pred]
    report = score_relations(wrong, gold, ENTITIES)
    assert report.overall == Score(tp=2)  # attributes never break a match
    assert report.attributes["modality"].correct == 0 and report.attributes["modality"].total == 2


def test_theme_agreement_is_word_overlap() -> None:
    assert theme_agrees("استمرار الدعم اللوجستي", "استمرار الدعم اللوجستي والاستخباري")
    assert not theme_agrees("سحب القوات", "استمرار الدعم اللوجستي والاستخباري")
    assert theme_agrees(None, None) and not theme_agrees("الدعم", None)


def test_predictions_for_unannotated_documents_are_ignored() -> None:
    gold = [rel("said", "واشنطن", None)]
    pred = [rel("said", "واشنطن", None), {**rel("said", "واشنطن", None), "doc": "other"}]
    assert score_relations(pred, gold, ENTITIES).overall == Score(tp=1)
    assert score_relations(pred, gold, ENTITIES, docs={DOC, "other"}).overall == Score(tp=1, fp=1)


def test_entity_person_f1() -> None:
    gold = [ent("مصطفى الكاظمي", "PER", "الكاظمي"), ent("جو بايدن", "PER", "بايدن"), ent("جين ساكي"),
            ent("واشنطن", "LOC")]
    pred = [{"label": "الكاظمي", "type": "PER", "aliases": [], "docs": [DOC]},
            {"label": "جو بايدن", "type": "PER", "aliases": ["بادين"], "docs": [DOC]},
            {"label": "البيت الأبيض", "type": "PER", "aliases": [], "docs": [DOC]},
            {"label": "واشنطن", "type": "LOC", "aliases": [], "docs": [DOC]}]
    report = score_entities(pred, gold)  # PER only, by default
    assert list(report.per_type) == ["PER"]
    assert report.per_type["PER"] == Score(tp=2, fp=1, fn=1)
    assert report.per_type["PER"].f1 == pytest.approx(2 / 3)
    assert score_entities(pred, gold, types=("LOC",)).per_type["LOC"] == Score(tp=1)


def test_entity_matching_needs_the_same_type_and_document_and_is_one_to_one() -> None:
    gold = [ent("مصطفى الكاظمي", "PER", "الكاظمي"), ent("بغداد", "LOC", doc="d2")]
    pred = [{"label": "مصطفى الكاظمي", "type": "PER", "aliases": [], "docs": [DOC, "d2"]},
            {"label": "الكاظمي", "type": "PER", "aliases": [], "docs": [DOC]},  # a split entity
            {"label": "بغداد", "type": "ORG", "aliases": [], "docs": ["d2"]},
            {"label": "لبغداد", "type": "LOC", "aliases": [], "doc": "d2"}]
    report = score_entities(pred, gold, types=None)
    assert report.per_type["PER"] == Score(tp=1, fp=2)  # second Kadhimi in d1, Kadhimi in d2
    assert report.per_type["ORG"] == Score(fp=1)
    assert report.per_type["LOC"] == Score(tp=1)


def test_format_report_lists_every_type() -> None:
    entities, relations = load_gold(GOLD)
    text = format_report(score_entities(entities_as_predictions(entities), entities),
                         score_relations([as_prediction(r) for r in relations], relations, entities))
    for name in ("PER", *RELATION_TYPES, "theme", "date", "modality", "all (micro)"):
        assert name in text
    assert re.search(r"contacted\s+-\s+-\s+-\s+0\s+0\s+0", text)  # nothing to score is not 0.0


def test_load_gold_rejects_a_bad_record(tmp_path: Path) -> None:
    (tmp_path / "x.relations.jsonl").write_text(
        '{"doc": "d", "type": "met", "subject": "أ", "object": "ب", "theme": null, "negated": false, '
        '"modality": "maybe", "date": null, "evidence": "e"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="modality"):
        load_gold(tmp_path)


# ----------------------------------------------------------------------------- gold files


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    return {d.id: d for d in read_documents([ROOT / "seeds"]) if isinstance(d, Document)}


def test_gold_files_parse_and_cover_the_five_seeds(seeds: dict[str, Document]) -> None:
    entities, relations = load_gold(GOLD)
    assert {e["doc"] for e in entities} == set(seeds)
    assert {r["doc"] for r in relations} == set(seeds)
    keys = Counter((e["doc"], e["type"], match_key(e["label"])) for e in entities)
    assert max(keys.values()) == 1, "an entity is listed twice in one document"


def test_gold_relations_name_gold_entities_of_their_document() -> None:
    entities, relations = load_gold(GOLD)
    labels = {(e["doc"], e["label"]) for e in entities}
    for r in relations:
        for end in ("subject", "object"):
            assert r[end] is None or (r["doc"], r[end]) in labels, (r["doc"], r[end])
        if r["type"] in ("met", "contacted"):
            assert r["subject"] != r["object"] and r["object"] is not None


def test_gold_names_and_evidence_are_in_the_text(seeds: dict[str, Document]) -> None:
    names, evidence = misplaced(*load_gold(GOLD), seeds)
    assert not names, "gold names must occur in their article"
    assert not evidence, "evidence must be whole words of the body text"


def test_every_person_named_in_the_text_is_in_the_gold(seeds: dict[str, Document]) -> None:
    """Spot check of completeness: persons the guidelines name as examples are all there."""
    entities, _ = load_gold(GOLD)
    persons = {(e["doc"], e["label"]) for e in entities if e["type"] == "PER"}
    assert len(persons) == 21
    assert ("000_298073592aaecfde", "جو بايدن") in persons  # only as بايدن / بادين there
    assert ("003_91d77d1139ee0ec5", "دونالد ترمب") in persons


# ----------------------------------------------------------------------------- lexicons


def _data_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, line) of the data part: after the header comment, comments skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].startswith("#"), f"{path.name} needs a header comment"
    return [(n, line) for n, line in enumerate(lines, 1) if not line.startswith("#")]


@pytest.mark.parametrize(("name", "columns"),
                         [("triggers.tsv", 4), ("titles.txt", 1), ("media.txt", 2), ("translit.tsv", 2)])
def test_lexicon_files_parse(name: str, columns: int) -> None:
    path = RESOURCES / name
    rows = _data_lines(path)
    assert rows, f"{name} has no data"
    seen: Counter[tuple[str, ...]] = Counter()
    for number, line in rows:
        assert line.strip(), f"{name}:{number}: empty line inside the data"
        assert line == line.strip(" "), f"{name}:{number}: stray spaces"
        if re.fullmatch(r"\[\w+\]", line):
            continue
        cells = line.split("\t")
        if name == "media.txt" and len(cells) == 3:  # an everyday word: an outlet only when cued
            assert cells.pop() == "cued", f"{name}:{number}: the third column can only be 'cued'"
        assert len(cells) == columns, f"{name}:{number}: {len(cells)} columns, expected {columns}"
        assert all(c.strip() for c in cells[:2]), f"{name}:{number}: empty cell"
        assert strip_diacritics(cells[0]) == cells[0], f"{name}:{number}: diacritics"
        seen[(match_key(cells[0]), *cells[1:3])] += 1
    duplicates = [k for k, n in seen.items() if n > 1]
    assert not duplicates, f"{name}: duplicate entries {duplicates}"


def test_trigger_columns_use_the_known_values() -> None:
    kinds = {"lemma", "form", "phrase", "planned", "negation", "false"}
    relations = {*RELATION_TYPES, "*"}
    rows = [line.split("\t") for _, line in _data_lines(RESOURCES / "triggers.tsv")]
    assert {r[1] for r in rows} <= relations
    assert {r[2] for r in rows} <= kinds
    for form, relation, kind, _ in rows:
        assert (relation == "*") == (kind in ("planned", "negation")), form
    by_kind = Counter((r[1], r[2]) for r in rows)
    for relation in ("met", "contacted", "requested", "said"):
        assert by_kind[(relation, "lemma")] + by_kind[(relation, "phrase")] >= 3, relation
    forms = {match_key(r[0]) for r in rows if r[2] == "false"}
    assert {match_key(f) for f in ("تتطلب", "متطلبات", "مطالبون")} <= forms


def test_titles_have_sections_and_media_and_translit_give_latin() -> None:
    titles = [line for _, line in _data_lines(RESOURCES / "titles.txt")]
    assert {"[position]", "[rank]", "[honorific]"} <= set(titles)
    for title in ("رئيس الوزراء", "المتحدثة باسم", "الفريق أول ركن", "السيد", "قائد القيادة المركزية"):
        assert title in titles
    media = dict(line.split("\t")[:2] for _, line in _data_lines(RESOURCES / "media.txt"))
    assert media["رويترز"] == "Reuters" and media["وول ستريت جورنال"] == "The Wall Street Journal"
    translit = dict(line.split("\t") for _, line in _data_lines(RESOURCES / "translit.tsv"))
    assert translit["الكاظمي"] == "Kadhimi" and translit["بايدن"] == "Biden"
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z .'\-]*", latin) for latin in translit.values())


def test_seed_persons_have_a_conventional_latin_spelling() -> None:
    entities, _ = load_gold(GOLD)
    translit = {match_key(line.split("\t")[0])
                for _, line in _data_lines(RESOURCES / "translit.tsv")}
    missing = {e["label"] for e in entities if e["type"] == "PER" and match_key(e["label"]) not in translit}
    assert not missing


def test_read_jsonl_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"a": 1}\n\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"p.jsonl:3"):
        read_jsonl(path)


def test_a_predicted_name_is_tried_by_its_other_spellings() -> None:
    """The graph labels Lavrov "سيرجي لافروف" (from another document); this document writes
    "سيرغي لافروف": the prediction is right, found through the entity's aliases, and only then."""
    gold_ents = [{"doc": DOC, "label": "سيرغي لافروف", "type": "PER", "aliases": []},
                 {"doc": DOC, "label": "تميم بن حمد", "type": "PER", "aliases": []}]
    gold = [rel("met", "تميم بن حمد", "سيرغي لافروف", modality="occurred")]
    pred = [rel("met", "تميم بن حمد", "سيرجي لافروف", modality="occurred")]
    assert score_relations(pred, gold, gold_ents).overall.tp == 0
    spelled = [{"label": "سيرجي لافروف", "aliases": ["سيرغي لافروف", "لافروف"]}]
    assert score_relations(pred, gold, gold_ents, predicted_entities=spelled).overall.tp == 1
