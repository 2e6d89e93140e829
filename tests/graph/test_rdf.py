"""Extraction output becomes RDF that SPARQL can answer and the SHACL shapes accept."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest
import rdflib
from conftest import DOC_ID, TEXT, Run, document, evidence, key, make_run
from rdflib import RDF, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.extract.model import Assertion, Entity, Evidence
from kg.graph import iri, trig
from kg.graph.namespace import KG
from kg.graph.rdf import build, build_dataset

# rdflib itself trips these when SPARQL runs over a default_union Dataset or parses TriG
pytestmark = [pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
              pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")]

PREFIXES = """
PREFIX kg: <https://w3id.org/kg-arabic-news/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def graph_of(run: Run) -> Dataset:
    built = build(run.documents, run.entities, run.assertions)
    assert built.dropped == []
    return built.dataset


def select(ds: Dataset, query: str) -> list[tuple]:
    return [tuple(None if v is None else v.toPython() for v in row) for row in ds.query(PREFIXES + query)]


def label(name: str, entity_type: str = "PER") -> URIRef:
    return iri.entity_iri(name, entity_type)


def test_meeting_of_three_is_one_event_with_every_pair_met(run):
    ds = graph_of(run)
    rows = select(ds, """
        SELECT ?event (COUNT(DISTINCT ?p) AS ?n) WHERE {
            ?event a kg:Meeting ; kg:modality kg:Occurred ; kg:participant ?p . } GROUP BY ?event""")
    assert len(rows) == 1 and rows[0][1] == 3
    met = set(select(ds, """
        SELECT ?a ?b WHERE { ?x kg:met ?y . ?x rdfs:label ?a . ?y rdfs:label ?b .
                             FILTER(lang(?a) = "ar" && lang(?b) = "ar") }"""))
    trio = {"محمود عباس", "أنتوني بلينكن", "تور وينسلاند"}
    assert met == {(a, b) for a in trio for b in trio if a != b}  # 3 pairs, both directions
    place, day, said = select(ds, """
        SELECT ?place ?date ?text WHERE { ?e a kg:Meeting ; kg:modality kg:Occurred ; kg:place ?p ;
            kg:date ?date ; kg:dateText ?text . ?p rdfs:label ?place }""")[0]
    assert (place, day, said) == ("رام الله", dt.date(2021, 7, 25), "أمس")


def test_reception_joins_the_host_with_each_guest_not_the_guests(run):
    """استقبل عباس بلينكن ووينسلاند: one meeting of three participants, the host marked kg:host, and
    kg:met between the host and each guest only (as `kg relations` and `kg eval` read it too)."""
    from kg.query.records import relation_rows

    abbas = key("محمود عباس")
    for a in run.assertions:
        if a.event_id == "e0":
            a.hosts = (abbas,)
    run.assertions = [a for a in run.assertions
                      if not (a.event_id == "e0" and abbas not in (a.subject, a.object))]
    ds = graph_of(run)
    hosts = select(ds, "SELECT ?h WHERE { ?e a kg:Meeting ; kg:host ?x ; kg:participant ?x ."
                       " ?x rdfs:label ?h . FILTER(lang(?h) = 'ar') }")
    assert hosts == [("محمود عباس",)]
    met = set(select(ds, """
        SELECT ?a ?b WHERE { ?x kg:met ?y . ?x rdfs:label ?a . ?y rdfs:label ?b .
                             FILTER(lang(?a) = "ar" && lang(?b) = "ar") }"""))
    assert met == {("محمود عباس", "أنتوني بلينكن"), ("أنتوني بلينكن", "محمود عباس"),
                   ("محمود عباس", "تور وينسلاند"), ("تور وينسلاند", "محمود عباس")}
    rows = [r for r in relation_rows(ds, ["met"]) if r["modality"] == "occurred"]
    assert {frozenset((r["subject"], r["object"])) for r in rows} == {
        frozenset(("أنتوني بلينكن", "محمود عباس")), frozenset(("تور وينسلاند", "محمود عباس"))}
    assert len(rows) == 2
    assert build(run.documents, run.entities, run.assertions).dataset is not None


def test_planned_meeting_keeps_its_date_but_is_not_met(run):
    ds = graph_of(run)
    rows = select(ds, """
        SELECT ?date ?text WHERE { ?e a kg:Meeting ; kg:modality kg:Planned ; kg:negated false ;
            kg:date ?date ; kg:dateText ?text ; kg:participant ?a , ?b .
            ?a rdfs:label "أنتوني بلينكن"@ar . ?b rdfs:label "محمد اشتية"@ar }""")
    assert rows == [(dt.date(2021, 7, 27), "يوم الثلاثاء")]
    blinken, ishtayeh = label("أنتوني بلينكن"), label("محمد اشتية")
    assert (blinken, KG.met, ishtayeh) not in ds and (ishtayeh, KG.met, blinken) not in ds


def test_negated_request_is_an_event_without_a_requested_edge(run):
    ds = graph_of(run)
    rows = select(ds, """
        SELECT ?who ?whom ?theme ?negated ?modality WHERE {
            ?r a kg:Request ; kg:requester ?a ; kg:addressee ?b ; kg:theme ?theme ; kg:negated ?negated ;
               kg:modality ?modality .
            ?a rdfs:label ?who . ?b rdfs:label ?whom . FILTER(lang(?who) = "ar" && lang(?whom) = "ar") }""")
    assert rows == [("محمود عباس", "الأمم المتحدة", "وقف المساعدات", True, str(KG.Denied))]
    assert not list(ds.triples((None, KG.requested, None)))
    # the requester and addressee are also plain participants, for "every event of X" without a reasoner
    ask = "ASK { ?r a kg:Request ; kg:participant ?a , ?b . FILTER(?a != ?b) }"
    assert ds.query(PREFIXES + ask).askAnswer


def test_requested_edge_points_from_requester_to_addressee(run):
    run.assertions = [a for a in run.assertions if a.type != "requested"]
    run.assertions.append(Assertion("requested", key("محمود عباس"), key("الأمم المتحدة"),
                                    evidence(1, "يطالب عباس الأمم المتحدة", "request.talaba.v1"),
                                    theme="وقف المساعدات", modality="occurred"))
    ds = graph_of(run)
    assert list(ds.triples((None, KG.requested, None))) == [
        (label("محمود عباس"), KG.requested, label("الأمم المتحدة", "ORG"))]


def test_statement_role_and_attribution(run):
    ds = graph_of(run)
    rows = select(ds, """
        SELECT ?content ?outlet WHERE { ?p rdfs:label "نيد برايس"@ar ; kg:said ?s .
            ?s a kg:Statement ; kg:speaker ?p ; kg:content ?content ; kg:reportedBy ?o .
            ?o rdfs:label ?outlet }""")
    assert rows == [("واشنطن ملتزمة بحل الدولتين", "وكالة رويترز")]
    price, state = label("نيد برايس"), label("الخارجية الأمريكية", "ORG")
    role = iri.role_iri("المتحدث باسم الخارجية الأمريكية")
    assert (price, KG.holdsRole, role) in ds and (price, KG.spokespersonFor, state) in ds
    assert (price, KG.memberOf, state) in ds
    titles = select(ds, """SELECT ?title WHERE { ?ra a kg:RoleAssignment ; kg:holder ?h ;
                               kg:forOrganization ?o ; kg:position ?r . ?r a kg:Role ; rdfs:label ?title }""")
    assert titles == [("المتحدث باسم الخارجية الأمريكية",)]
    reified = select(ds, """SELECT ?s ?o WHERE { ?a a kg:Assertion ; rdf:subject ?s ;
                                 rdf:predicate kg:reportedBy ; rdf:object ?o ; kg:rule ?rule }""")
    assert reified == [(str(price), str(label("وكالة رويترز", "ORG")))]


def test_event_provenance_points_back_to_the_text(run):
    ds = graph_of(run)
    (doc, sentence, text, start, end, rule, confidence), = select(ds, """
        SELECT ?doc ?sentence ?text ?start ?end ?rule ?confidence WHERE {
            ?e a kg:Meeting ; kg:modality kg:Occurred ; kg:document ?doc ; kg:sentence ?sentence ;
               kg:sentenceText ?text ; kg:charStart ?start ; kg:charEnd ?end ; kg:rule ?rule ;
               kg:confidence ?confidence . ?sentence kg:sentenceText ?text ; kg:document ?doc }""")
    assert doc == str(iri.document_iri(DOC_ID))
    assert sentence == str(iri.sentence_iri(DOC_ID, 0))
    assert TEXT[start:end] == text[:-1] and rule == "meet.istaqbala.v1"
    assert confidence == Decimal("0.8")
    literal = ds.value(URIRef(sentence), KG.sentenceText)
    assert literal.datatype is None and literal.language is None  # a plain xsd:string
    confidences = set(ds.objects(None, KG.confidence))
    assert confidences and all(c.datatype == rdflib.XSD.decimal for c in confidences)
    node = iri.document_iri(DOC_ID)
    assert ds.value(node, KG.published) == Literal(dt.date(2021, 7, 26))
    assert ds.value(node, KG.url).datatype == rdflib.XSD.anyURI
    assert str(ds.value(node, DCTERMS.title)) == "عباس يستقبل بلينكن في رام الله"
    assert str(ds.value(node, KG.source)) == "وفا" and len(str(ds.value(node, KG.contentHash))) == 64


def test_entities_carry_names_types_and_mentions(run):
    ds = graph_of(run)
    abbas = label("محمود عباس")
    entities = ds.graph(iri.ENTITIES_GRAPH)
    assert (abbas, RDF.type, KG.Person) in entities
    assert set(entities.objects(abbas, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))) == {
        Literal("محمود عباس", lang="ar"), Literal("Mahmoud Abbas", lang="ar-Latn")}
    assert entities.value(abbas, KG.alias) == Literal("عباس", lang="ar")
    assert entities.value(abbas, KG.entityType) == Literal("PER")
    assert entities.value(abbas, KG.mentionCount) == Literal(2)
    assert str(entities.value(abbas, KG.mergeReason)) == "short form: عباس"
    assert (label("رام الله", "LOC"), RDF.type, KG.Place) in entities
    surfaces = select(ds, """SELECT ?form ?start WHERE { ?m a kg:Mention ; kg:refersTo ?e ;
                                 kg:surfaceForm ?form ; kg:charStart ?start . ?e rdfs:label "محمود عباس"@ar }
                             ORDER BY ?start""")
    assert [form for form, _ in surfaces] == ["محمود عباس", "عباس"]
    assert all(TEXT[start:start + len(form)] == form for form, start in surfaces)


def test_graph_layout_one_named_graph_per_document(run):
    ds = graph_of(run)
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {iri.ENTITIES_GRAPH, iri.document_graph_iri(DOC_ID)}
    doc_graph = ds.graph(iri.document_graph_iri(DOC_ID))
    assert (label("محمود عباس"), KG.met, label("تور وينسلاند")) in doc_graph


def test_conforms_to_the_shapes(run):
    pytest.importorskip("pyshacl")
    from kg.graph.validate import validate

    conforms, _, text = validate(graph_of(run))
    assert conforms, text


def test_rebuilding_gives_identical_iris_and_bytes(run):
    first = graph_of(run)
    again = make_run()
    random.Random(7).shuffle(again.assertions)
    again.entities.reverse()
    second = graph_of(again)
    assert set(first.quads()) == set(second.quads())
    assert trig.serialize(first) == trig.serialize(second)


def test_what_cannot_be_expressed_is_dropped_with_a_reason():
    run = make_run()
    egypt = Entity(key("مصر"), "مصر", "LOC", mentions=[evidence(0, "رام الله", "ner")])
    run.entities.append(egypt)
    s3 = evidence(3, "نيد برايس", "statement.qala.v1")
    run.assertions = [
        Assertion("said", egypt.key, None, s3, theme="x", modality="occurred"),  # a place cannot speak
        Assertion("met", key("محمود عباس"), "nobody", evidence(0, "محمود عباس", "meet.v1")),
        Assertion("met", key("محمود عباس"), key("محمود عباس"), evidence(0, "محمود عباس", "meet.v2")),
        Assertion("said", key("نيد برايس"), None, Evidence("other-doc", 0, "قال", 0, 3)),
        Assertion("role", egypt.key, None, s3, theme="رئيس"),
    ]
    built = build(run.documents, run.entities, run.assertions)
    reasons = [d.reason for d in built.dropped]
    assert any("speaker" in r and "is LOC, not PER/ORG" in r for r in reasons)
    assert any("'nobody' is not among the entities given" in r for r in reasons)
    assert any("fewer than two known participants" in r for r in reasons)
    assert any("'other-doc' is not among the documents given" in r for r in reasons)
    assert any("holder" in r for r in reasons)
    assert not list(built.dataset.subjects(RDF.type, KG.Statement))
    assert not list(built.dataset.subjects(RDF.type, KG.Meeting))


@pytest.mark.parametrize("negated, modality", [(True, None), (False, "denied"), (True, "occurred")])
def test_denied_or_negated_phone_call_has_no_contacted_edge(negated, modality):
    run = make_run()
    run.assertions = [Assertion("contacted", key("محمود عباس"), key("أنتوني بلينكن"),
                                evidence(0, "محمود عباس", "call.v1"), negated=negated, modality=modality)]
    ds = graph_of(run)
    call = ds.value(None, RDF.type, KG.PhoneCall)
    assert call is not None and len(set(ds.objects(call, KG.participant))) == 2
    assert ds.value(call, KG.negated) == Literal(negated)
    assert not list(ds.triples((None, KG.contacted, None)))


def test_hostile_names_and_ids_round_trip_and_conform():
    hostile = ['ابو/عمر #1 ?x=<y> "z"', "..", "سطر\nجديد\u202e{|}^`\\", "\u200f"]
    text = " ".join(hostile) + " التقى الطرفان."
    doc_id = "../evil id#1?<x>\n"
    doc = document(doc_id, text)
    entities = []
    for name in hostile[:3]:
        start = text.index(name)
        entities.append(Entity(key(name), name, "PER",
                               mentions=[Evidence(doc_id, 0, text, start, start + len(name))]))
    evidence0 = Evidence(doc_id, 0, text, 0, len(text), "meet.v1", 0.5)
    assertions = [Assertion("met", entities[0].key, entities[1].key, evidence0,
                            participants=tuple(e.key for e in entities), event_id="1")]
    ds = build_dataset([doc], entities, assertions)
    nodes = {n for quad in ds.quads() for n in quad if isinstance(n, URIRef)}
    minted = {n for n in nodes if n.startswith(iri.BASE)}
    assert len(minted) > 10 and not any(set(n) & set(" \n<>\"{}|\\^`#?") for n in minted)
    assert len(set(ds.objects(None, KG.met))) == 3
    back = Dataset()
    back.parse(data=trig.serialize(ds).decode("utf-8"), format="trig")
    assert set(back.quads()) == set(ds.quads())
    pytest.importorskip("pyshacl")
    from kg.graph.validate import validate

    conforms, _, report = validate(ds)
    assert conforms, report


def test_two_spellings_of_one_name_become_one_entity():
    run = make_run()
    un = run.entity("الأمم المتحدة")
    un.mentions.append(evidence(0, "الأممي", "ner"))  # the commoner spelling becomes the label
    plain = Entity("un-plain", "الامم المتحده", "ORG", mentions=[evidence(1, "الأمم", "ner")])
    run.entities.append(plain)
    asked = evidence(1, "عباس الأمم", "request.v2")
    run.assertions.append(Assertion("requested", key("محمود عباس"), "un-plain", asked, theme="دعم"))
    ds = graph_of(run)
    node = label("الأمم المتحدة", "ORG")
    assert iri.entity_iri(plain.label, "ORG") == node and un.key != plain.key
    entities = ds.graph(iri.ENTITIES_GRAPH)
    assert set(entities.objects(node, rdflib.RDFS.label)) == {Literal("الأمم المتحدة", lang="ar")}
    assert Literal("الامم المتحده", lang="ar") in set(entities.objects(node, KG.alias))
    assert entities.value(node, KG.mentionCount) == Literal(3)
    assert set(ds.objects(None, KG.addressee)) == {node}


@pytest.mark.parametrize("score, expected", [(1.7, Decimal("1.0")), (-0.2, Decimal("0.0")),
                                             (0.123456, Decimal("0.1235")), (float("nan"), None)])
def test_confidence_is_a_decimal_in_range(score, expected):
    run = make_run()
    run.assertions = [Assertion("met", key("محمود عباس"), key("أنتوني بلينكن"),
                                evidence(0, "محمود عباس", "meet.v1", score))]
    ds = graph_of(run)
    value = ds.value(ds.value(None, RDF.type, KG.Meeting), KG.confidence)
    assert (value.toPython() if value is not None else None) == expected
