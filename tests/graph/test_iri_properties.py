"""IRI minting on any Arabic or Latin name (hypothesis): always a valid IRI, the same after a round trip
through TriG (rdflib's writer and the store's own), N-Triples and Turtle."""

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDFS, Dataset, Graph, Literal, URIRef

from kg.graph import iri, trig

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
LATIN = st.characters(min_codepoint=0x0020, max_codepoint=0x024F)
ODD = st.sampled_from(list("/#?%<>\"'{}|\\^` .\n\t") + ["\u200f", "\u202b", "\u0640", "\ufeff", "\x00"])
NAMES = st.one_of(st.text(st.one_of(ARABIC, ODD), max_size=40), st.text(st.one_of(LATIN, ODD), max_size=40),
                  st.text(max_size=40))


def minted(name: str) -> list[URIRef]:
    return [iri.entity_iri(name, "PER"), iri.role_iri(name), iri.document_iri(name),
            iri.document_graph_iri(name), iri.event_iri("met", name, 0, 0, 1, [name])]


@settings(max_examples=200, deadline=None)
@given(NAMES)
def test_any_name_mints_iris_that_survive_trig_ntriples_and_turtle(name):
    names = minted(name)
    for node in names:
        assert node.startswith(iri.BASE) and set(node) <= iri.ALLOWED
    ds = Dataset()
    graph = ds.graph(iri.document_graph_iri(name))
    for node in names:
        graph.add((node, RDFS.label, Literal(name.replace("\x00", ""), lang="ar")))
    expected = set(graph)
    for text in (trig.serialize(ds), ds.serialize(format="trig")):
        back = Dataset()
        back.parse(data=text, format="trig")
        assert set(back.graph(iri.document_graph_iri(name))) == expected
    for fmt in ("nt", "turtle"):
        back = Graph().parse(data=graph.serialize(format=fmt), format=fmt)
        assert set(back) == expected


@settings(max_examples=200, deadline=None)
@given(NAMES, NAMES)
def test_entity_iris_are_stable_and_follow_the_match_key(a, b):
    assert iri.entity_iri(a, "ORG") == iri.entity_iri(a, "ORG")
    if iri.name_key(a) != iri.name_key(b):
        assert iri.entity_iri(a, "ORG") != iri.entity_iri(b, "ORG")
