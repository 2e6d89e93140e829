"""IRIs are stable across builds and spellings, and no name can break out of its path segment."""

from __future__ import annotations

import logging
import warnings
from urllib.parse import unquote

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.term import _is_valid_uri

from kg.graph import iri

HOSTILE = [
    "محمود عباس",
    "a/b#c?d=e&f",
    "space and\nnewline\ttab\r",
    '<script>"{}|\\^`</script>',
    "\u202eعباس\u202c\u200f\u2066x\u2069",  # bidi override, marks, isolates
    ".",
    "..",
    "",
    "%2F%25",
    "x" * 1000,
    "عبد " * 300,
    "\ud800 lone surrogate",
    "> . <http://evil.example/> <http://evil.example/p> \"o\" .",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_give_one_clean_segment(name, caplog):
    with warnings.catch_warnings(), caplog.at_level(logging.WARNING):
        warnings.simplefilter("error")
        minted = [iri.entity_iri(name, "PER"), iri.role_iri(name), iri.document_iri(name),
                  iri.sentence_iri(name, 3), iri.mention_iri(name, 0, 5), iri.document_graph_iri(name),
                  iri.event_iri("met", name, 0, 1, 2, participants=[name, "x"]),
                  iri.assertion_iri("reported_by", name, 0, 1, 2, name, name)]
        graph = Graph()
        for node in minted:
            graph.add((node, node, Literal(name)))
        graph.serialize(format="turtle")
    assert not caplog.records
    for node in minted:
        assert isinstance(node, URIRef) and _is_valid_uri(node)
        assert node.startswith(iri.BASE)
        assert not set(node) & set(" \n\t\r<>\"{}|\\^`#?\u202e\u200f")
    rest = iri.entity_iri(name, "PER")[len(iri.ENTITY_BASE + "per/"):]
    assert "/" not in rest and rest not in ("", ".", "..")
    assert len(rest) <= iri.MAX_SEGMENT + 60


def test_entity_iri_is_the_match_key_of_the_label():
    node = iri.entity_iri("محمود عباس", "PER")
    assert str(node) == iri.ENTITY_BASE + "per/%D9%85%D8%AD%D9%85%D9%88%D8%AF%20%D8%B9%D8%A8%D8%A7%D8%B3"
    assert unquote(node.rsplit("/", 1)[1]) == "محمود عباس"
    # spelling variants share one IRI: hamza, diacritics, tatweel, ta marbuta, invisible marks, spacing
    for variant in ("مَحمُود عبّاس", "محمـود عباس", "محمود  عباس", "محمود\u200f عباس", " محمود\nعباس "):
        assert iri.entity_iri(variant, "PER") == node, variant
    assert iri.entity_iri("الأمم المتحدة", "ORG") == iri.entity_iri("الامم المتحده", "ORG")
    assert iri.entity_iri("محمود عباس", "ORG") != node


def test_distinct_names_stay_distinct():
    assert iri.entity_iri("a/b", "MISC") != iri.entity_iri("a%2Fb", "MISC")
    assert iri.entity_iri(".", "MISC") != iri.entity_iri("..", "MISC")
    long_a, long_b = "ب" * 500 + "أ", "ب" * 500 + "ت"
    assert iri.entity_iri(long_a, "PER") != iri.entity_iri(long_b, "PER")
    # document ids are exact: no normalization, so two files never share a graph
    assert iri.document_iri("a b") != iri.document_iri("a  b")
    assert iri.document_iri("x\u200f") != iri.document_iri("x")


def test_event_iri_is_deterministic_and_ignores_participant_order():
    a = iri.event_iri("met", "doc", 2, 10, 40, participants=["ب", "أ", "ج"])
    assert a == iri.event_iri("met", "doc", 2, 10, 40, participants=["ج", "ب", "أ"])
    assert a.startswith(iri.BASE + "event/")
    assert a != iri.event_iri("met", "doc", 2, 10, 41, participants=["ب", "أ", "ج"])
    assert a != iri.event_iri("contacted", "doc", 2, 10, 40, participants=["ب", "أ", "ج"])
    request = iri.event_iri("requested", "doc", 0, 0, 9, subject="أ", obj="ب")
    assert request != iri.event_iri("requested", "doc", 0, 0, 9, subject="ب", obj="أ")


def test_sentence_and_graph_iris_extend_the_document_iri():
    doc = iri.document_iri("wafa 1")
    assert str(doc) == iri.BASE + "document/wafa%201"
    assert str(iri.sentence_iri("wafa 1", 4)) == f"{doc}/s/4"
    assert str(iri.document_graph_iri("wafa 1")) == f"{doc}/graph"


@pytest.mark.parametrize("bad", [-1, True, 1.5])
def test_bad_indexes_and_types_are_refused(bad):
    with pytest.raises(ValueError):
        iri.sentence_iri("doc", bad)


def test_unknown_entity_type_is_refused():
    with pytest.raises(ValueError, match="unknown entity type"):
        iri.entity_iri("x", "GPE")
