"""The ontology, its SHACL shapes and the KG namespace stay consistent with each other.

A graph builder that emits a term the ontology lacks, or an ontology edit that the code does not
follow, fails here rather than in a SPARQL query that silently returns nothing.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import OWL, SH

from kg.graph.namespace import KG, KG_NS, ONTOLOGY_PATH, SHAPES_PATH, load_ontology, load_shapes

pyshacl = pytest.importorskip("pyshacl")

TERM_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)

# A meeting between two persons, a request and a statement, each with full provenance.
VALID = """
@prefix kg:   <https://w3id.org/kg-arabic-news/ontology#> .
@prefix ex:   <https://example.org/kg/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .

ex:doc1 a kg:Document ;
    kg:contentHash "9f2c4e" ;
    kg:source "wafa" ;
    kg:url "https://example.org/news/1"^^xsd:anyURI ;
    kg:published "2024-03-05"^^xsd:date .

ex:s1 a kg:Sentence ; kg:document ex:doc1 ; kg:charStart 0 ; kg:charEnd 56 ;
    kg:sentenceText "استقبل الرئيس عباس وزير الخارجية بلينكن في رام الله أمس." .

ex:abbas a kg:Person ; kg:entityType "PER" ; kg:mentionCount 3 ;
    rdfs:label "محمود عباس"@ar , "Mahmoud Abbas"@ar-Latn ; kg:alias "عباس"@ar .
ex:blinken a kg:Person ; kg:entityType "PER" ; rdfs:label "بلينكن"@ar .
ex:ramallah a kg:Place ; kg:entityType "LOC" ; rdfs:label "رام الله"@ar .
ex:un a kg:Organization ; kg:entityType "ORG" ; rdfs:label "الأمم المتحدة"@ar .
ex:wafa a kg:Organization ; kg:entityType "ORG" ; rdfs:label "وفا"@ar .

ex:m1 a kg:Meeting ;
    kg:participant ex:abbas , ex:blinken ;
    kg:place ex:ramallah ;
    kg:date "2024-03-04"^^xsd:date ; kg:dateText "أمس" ;
    kg:modality kg:Occurred ; kg:negated false ;
    kg:cameoCode "043" ;
    kg:reportedBy ex:wafa ;
    kg:document ex:doc1 ; kg:sentence ex:s1 ;
    kg:sentenceText "استقبل الرئيس عباس وزير الخارجية بلينكن في رام الله أمس." ;
    kg:charStart 0 ; kg:charEnd 56 ;
    kg:rule "meet.istaqbala.v1" ; kg:confidence 0.9 .
ex:abbas kg:met ex:blinken .

ex:r1 a kg:Request ;
    kg:requester ex:abbas ; kg:addressee ex:un ;
    kg:theme "توفير الحماية الدولية" ; kg:negated false ; kg:modality kg:Occurred ;
    kg:document ex:doc1 ; kg:sentenceText "طالب عباس الأمم المتحدة بتوفير الحماية الدولية." ;
    kg:charStart 57 ; kg:charEnd 104 ; kg:rule "request.talaba.v1" ; kg:confidence 0.75 .
ex:abbas kg:requested ex:un .

ex:st1 a kg:Statement ;
    kg:speaker ex:blinken ; kg:content "الولايات المتحدة ملتزمة بحل الدولتين" ;
    kg:document ex:doc1 ; kg:sentenceText "قال بلينكن إن الولايات المتحدة ملتزمة بحل الدولتين." ;
    kg:charStart 105 ; kg:charEnd 156 ; kg:rule "statement.qala.v1" ; kg:confidence 1.0 .
ex:blinken kg:said ex:st1 .

ex:pm a kg:Role ; rdfs:label "رئيس السلطة الفلسطينية"@ar .
ex:ra1 a kg:RoleAssignment ; kg:holder ex:abbas ; kg:position ex:pm ;
    kg:document ex:doc1 ; kg:sentenceText "الرئيس عباس" ; kg:charStart 7 ; kg:charEnd 18 ;
    kg:rule "role.apposition.v1" .
ex:abbas kg:holdsRole ex:pm .

ex:mn1 a kg:Mention ; kg:refersTo ex:abbas ; kg:document ex:doc1 ; kg:sentence ex:s1 ;
    kg:surfaceForm "عباس" ; kg:charStart 14 ; kg:charEnd 18 .
"""

M1 = URIRef("https://example.org/kg/m1")
ABBAS = URIRef("https://example.org/kg/abbas")
BLINKEN = URIRef("https://example.org/kg/blinken")


def ontology_terms(graph: Graph) -> set[URIRef]:
    """Terms the ontology declares in its own namespace (the ontology IRI itself has no '#')."""
    return {
        s
        for t in TERM_TYPES
        for s in graph.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(KG_NS)
    }


def validate(data: Graph, inference: str = "none") -> tuple[bool, Graph, str]:
    conforms, report_graph, report_text = pyshacl.validate(
        data,
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference=inference,
        allow_warnings=False,
    )
    return conforms, report_graph, report_text


def messages(report_graph: Graph) -> set[str]:
    return {str(m) for m in report_graph.objects(None, SH.resultMessage)}


def valid_graph() -> Graph:
    return Graph().parse(data=VALID, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


def test_paths_point_into_the_repository():
    assert ONTOLOGY_PATH.is_file() and SHAPES_PATH.is_file()
    assert ONTOLOGY_PATH.parent.name == "ontology"


def test_ontology_parses_with_header(ontology):
    header = URIRef(KG_NS.rstrip("#"))
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionInfo) is not None
    assert ontology.value(header, URIRef("http://purl.org/dc/terms/license")) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )


def test_every_term_has_arabic_and_english_label_and_english_comment(ontology):
    terms = ontology_terms(ontology)
    assert terms
    for term in terms:
        label_langs = {lbl.language for lbl in ontology.objects(term, RDFS.label)}
        comment_langs = {c.language for c in ontology.objects(term, RDFS.comment)}
        assert {"ar", "en"} <= label_langs, term
        assert "en" in comment_langs, term


def test_namespace_and_ontology_list_the_same_terms(ontology):
    assert set(dir(KG)) == ontology_terms(ontology)


def test_ontology_and_shapes_use_only_declared_terms(ontology):
    declared = ontology_terms(ontology)
    for graph in (ontology, load_shapes()):
        used = {n for triple in graph for n in triple if isinstance(n, URIRef) and n.startswith(KG_NS)}
        assert used <= declared, sorted(used - declared)


def test_namespace_rejects_unknown_terms():
    assert KG.Meeting == URIRef(KG_NS + "Meeting")
    with pytest.raises(AttributeError):
        _ = KG.Meting


def test_alignments_and_cameo_codes(ontology):
    schema = "https://schema.org/"
    assert (KG.Person, RDFS.subClassOf, URIRef(schema + "Person")) in ontology
    assert (KG.Person, RDFS.subClassOf, URIRef("http://xmlns.com/foaf/0.1/Person")) in ontology
    assert (KG.Document, RDFS.subClassOf, URIRef(schema + "NewsArticle")) in ontology
    assert (KG.document, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) in ontology
    assert (KG.met, RDF.type, OWL.SymmetricProperty) in ontology
    assert (KG.contacted, RDF.type, OWL.SymmetricProperty) in ontology
    codes = {cls: str(ontology.value(cls, KG.cameoCode)) for cls in (KG.Meeting, KG.PhoneCall, KG.Request)}
    assert codes == {KG.Meeting: "04", KG.PhoneCall: "041", KG.Request: "02"}
    assert str(ontology.value(KG.Statement, KG.cameoCode)) == "01"


def test_shapes_parse():
    shapes = load_shapes()
    assert len(set(shapes.subjects(RDF.type, SH.NodeShape))) >= 10


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_valid_graph_conforms(inference):
    conforms, _, text = validate(valid_graph(), inference)
    assert conforms, text


def test_meeting_with_one_participant_fails():
    data = valid_graph()
    data.remove((M1, KG.participant, BLINKEN))
    conforms, report, _ = validate(data)
    assert not conforms
    assert "A meeting needs at least two kg:participant that are kg:Entity." in messages(report)


def test_meeting_with_non_entity_participant_fails():
    data = valid_graph()
    data.remove((M1, KG.participant, BLINKEN))
    data.add((M1, KG.participant, URIRef("https://example.org/kg/doc1")))
    conforms, report, _ = validate(data)
    assert not conforms
    assert "A meeting needs at least two kg:participant that are kg:Entity." in messages(report)


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_confidence_out_of_range_fails(inference):
    data = valid_graph()
    data.set((M1, KG.confidence, Literal(Decimal("1.5"))))
    conforms, report, _ = validate(data, inference)
    assert not conforms
    assert messages(report) == {"kg:confidence must be one xsd:decimal between 0 and 1."}


def test_confidence_as_double_fails():
    """rdflib's Literal(0.9) is xsd:double; builders must pass Decimal so the shape accepts it."""
    data = valid_graph()
    data.set((M1, KG.confidence, Literal(0.9)))
    conforms, report, _ = validate(data)
    assert not conforms
    assert "kg:confidence must be one xsd:decimal between 0 and 1." in messages(report)


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_person_without_arabic_label_fails(inference):
    data = valid_graph()
    data.remove((ABBAS, RDFS.label, None))
    data.add((ABBAS, RDFS.label, Literal("Mahmoud Abbas", lang="ar-Latn")))
    conforms, report, _ = validate(data, inference)
    assert not conforms
    assert messages(report) == {"A person, organization or place needs at least one rdfs:label tagged @ar."}


def test_request_with_two_requesters_fails():
    data = valid_graph()
    data.add((URIRef("https://example.org/kg/r1"), KG.requester, BLINKEN))
    conforms, report, _ = validate(data)
    assert not conforms
    assert "A request needs exactly one kg:requester, a kg:Entity." in messages(report)


def test_statement_without_speaker_fails():
    data = valid_graph()
    data.remove((URIRef("https://example.org/kg/st1"), KG.speaker, None))
    conforms, report, _ = validate(data)
    assert not conforms
    assert "A statement needs exactly one kg:speaker, a kg:Person or kg:Organization." in messages(report)


def test_reversed_span_and_missing_rule_fail():
    data = valid_graph()
    data.set((M1, KG.charStart, Literal(60)))
    data.remove((M1, KG.rule, None))
    conforms, report, _ = validate(data)
    assert not conforms
    assert {
        "An extracted fact needs one kg:charStart, an xsd:integer >= 0 and <= kg:charEnd.",
        "An extracted fact needs exactly one kg:rule (xsd:string) naming the rule that fired.",
    } <= messages(report)


def test_unknown_modality_fails():
    data = valid_graph()
    data.set((M1, KG.modality, URIRef(KG_NS + "Rumoured")))
    conforms, report, _ = validate(data)
    assert not conforms
    assert "kg:modality is one of kg:Occurred, kg:Planned, kg:Denied." in messages(report)
