"""Documents, entities and assertions to an rdflib Dataset that conforms to ontology/shapes.ttl.

Layout: entity descriptions live in the named graph ENTITIES_GRAPH; everything extracted from one
document (its kg:Document and kg:Sentence nodes, mentions, event nodes and the shortcut edges they
justify) lives in that document's own named graph, so re-adding a document replaces exactly what it
contributed. The dataset is built with default_union=True so plain SPARQL sees all graphs at once.

Entailments a query would otherwise need a reasoner for are written out, because validation and
SPARQL run without inference: kg:met / kg:contacted in both directions (symmetric), and kg:participant
next to kg:requester, kg:addressee, kg:speaker, kg:holder and kg:forOrganization (sub-properties).
Shortcut edges state what happened: negated, denied and planned events keep their event node (with
kg:modality and kg:negated) but get no shortcut, so a denied meeting is never kg:met.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.extract.model import Assertion, Entity, Evidence
from kg.graph import iri
from kg.graph.namespace import KG, KG_NS
from kg.ingest.document import Document
from kg.text import match_key

log = logging.getLogger(__name__)

ENTITY_CLASSES = {"PER": KG.Person, "ORG": KG.Organization, "LOC": KG.Place, "MISC": KG.Misc}
EVENT_CLASSES = {"met": KG.Meeting, "contacted": KG.PhoneCall, "requested": KG.Request,
                 "said": KG.Statement, "role": KG.RoleAssignment}
SYMMETRIC = {"met": KG.met, "contacted": KG.contacted}  # relation -> its symmetric shortcut
MODALITIES = {"occurred": KG.Occurred, "planned": KG.Planned, "denied": KG.Denied}
SPOKESPERSON = ("متحدث", "ناطق")  # match-key stems of "المتحدث باسم", "الناطقة باسم" ...
# Predicates through which a document graph can point at an entity (used to find orphans).
ENTITY_LINKS = (KG.refersTo, KG.participant, KG.place, KG.reportedBy, RDF.subject, RDF.object)


@dataclass(frozen=True)
class Dropped:
    """Something the graph could not express, and why (e.g. a statement whose speaker is a place)."""

    what: str
    reason: str


@dataclass
class GraphBuild:
    dataset: Dataset
    dropped: list[Dropped] = field(default_factory=list)


def new_dataset() -> Dataset:
    """An empty Dataset whose default graph is the union of all graphs, with the usual prefixes."""
    ds = Dataset(default_union=True)
    ds.bind("kg", KG_NS)
    ds.bind("dcterms", DCTERMS)
    return ds


def build_dataset(documents: Iterable[Document], entities: Iterable[Entity],
                  assertions: Iterable[Assertion]) -> Dataset:
    """The RDF of one extraction run; what cannot be expressed is logged (see build for the list)."""
    return build(documents, entities, assertions).dataset


def build(documents: Iterable[Document], entities: Iterable[Entity], assertions: Iterable[Assertion],
          into: Dataset | None = None) -> GraphBuild:
    """The RDF of one extraction run, plus the assertions and mentions that had to be left out.

    The graph describes the documents given: an entity that none of them mentions or refers to is
    left out, and kg:mentionCount counts the mentions in these documents.

    into: add to this dataset (whose graphs of these documents must be empty) instead of a new one;
    entities are merged into its entities graph, as add_entity does.
    """
    # most-mentioned first: of two spellings with one match key, the commoner becomes the label
    ordered = sorted(entities, key=lambda e: (-len(e.mentions), e.type, e.key, e.label, e.latin or ""))
    builder = _Builder(list(documents), ordered, into if into is not None else new_dataset())
    for assertion in sorted(assertions, key=_order):
        builder.add(assertion)
    builder.finish()
    for item in builder.dropped:
        log.debug("not in the graph: %s: %s", item.what, item.reason)  # the caller reports them
    return GraphBuild(builder.ds, builder.dropped)


def add_entity(graph: Graph, entity: Entity) -> URIRef:
    """Add or merge one entity into the entities graph; returns its IRI.

    The first canonical spelling stays the rdfs:label@ar (entities with the same match key differ only
    in spelling), later spellings and aliases become kg:alias, so names are unioned and the label is
    stable across builds. kg:mentionCount is set by finish().
    """
    node = iri.entity_iri(entity.label, entity.type)
    if (node, RDF.type, None) not in graph:
        graph.add((node, RDF.type, ENTITY_CLASSES[entity.type]))
        graph.add((node, KG.entityType, Literal(entity.type)))
        graph.add((node, RDFS.label, Literal(entity.label, lang="ar")))
    labels = {str(lbl) for lbl in graph.objects(node, RDFS.label) if lbl.language == "ar"}
    if entity.latin and not any(lbl.language == "ar-Latn" for lbl in graph.objects(node, RDFS.label)):
        graph.add((node, RDFS.label, Literal(entity.latin, lang="ar-Latn")))
    for alias in sorted({entity.label, *entity.aliases} - labels):
        graph.add((node, KG.alias, Literal(alias, lang="ar")))
    for merge in entity.merges:
        graph.add((node, KG.mergeReason, Literal(f"{merge.reason}: {merge.alias}")))
    return node


def finish(ds: Dataset) -> None:
    """Drop entities no document graph refers to, then set kg:mentionCount from the kg:Mention nodes."""
    entities = ds.graph(iri.ENTITIES_GRAPH)
    referenced = {o for p in ENTITY_LINKS for o in ds.objects(None, p)}
    for node in set(entities.subjects(KG.entityType, None)) - referenced:
        entities.remove((node, None, None))
    counts = Counter(ds.objects(None, KG.refersTo))
    for node in set(entities.subjects(KG.entityType, None)):
        entities.set((node, KG.mentionCount, Literal(counts[node])))


def _order(a: Assertion) -> tuple:
    """A total order on assertions, so the graph does not depend on the order they come in."""
    ev = a.evidence
    return (ev.doc_id, ev.sentence_index, ev.start, ev.end, a.type, a.subject, a.object or "", a.theme or "",
            a.event_id or "", a.participants, a.negated, a.modality or "", str(a.date), a.date_text or "",
            a.place or "", ev.rule, ev.confidence, ev.sentence_text)


def _describe(a: Assertion) -> str:
    ev = a.evidence
    return (f"{a.type} {a.subject}->{a.object} in {ev.doc_id!r} sentence {ev.sentence_index} "
            f"[{ev.start}:{ev.end}]")


def met_pairs(parties: list, hosts: list) -> list[tuple]:
    """The pairs of an event's parties that met: every pair, or with hosts each host with each guest."""
    if hosts and len(hosts) < len(parties):
        return [(h, g) for h in hosts for g in parties if g not in hosts]
    return list(combinations(parties, 2))


def _asserted(a: Assertion) -> bool:
    """Whether the text says it happened: only then does the event justify a shortcut edge."""
    return not a.negated and (a.modality or "occurred") == "occurred"


def _confidence(value: float) -> Literal | None:
    """xsd:decimal in [0, 1] (rdflib makes floats xsd:double, which the shapes reject); None for NaN."""
    value = float(value)
    if math.isnan(value):
        return None
    return Literal(Decimal(str(round(min(max(value, 0.0), 1.0), 4))))


class _Builder:
    def __init__(self, documents: Sequence[Document], entities: Sequence[Entity], ds: Dataset) -> None:
        self.ds = ds
        self.dropped: list[Dropped] = []
        self.docs: dict[str, Document] = {}
        self.graphs: dict[str, Graph] = {}
        self.entities: dict[str, tuple[Entity, URIRef]] = {}
        self.groups: dict[tuple, list[Assertion]] = defaultdict(list)
        self.attributions: list[Assertion] = []
        self.attendances: list[Assertion] = []
        self.events: dict[tuple[str, str], URIRef] = {}  # (doc, event_id) -> the event node built
        for doc in documents:
            if doc.id in self.docs:
                self.dropped.append(Dropped(f"document {doc.id!r} ({doc.path})", "duplicate document id"))
                continue
            self.docs[doc.id] = doc
            self._document(doc)
        graph = self.ds.graph(iri.ENTITIES_GRAPH)
        for entity in entities:
            if entity.type not in ENTITY_CLASSES:
                self.dropped.append(Dropped(f"entity {entity.label!r}", f"unknown type {entity.type!r}"))
                continue
            self.entities[entity.key] = (entity, add_entity(graph, entity))
            for ev in entity.mentions:
                self._mention(entity, ev)

    # -- documents, sentences, mentions ---------------------------------------------------------

    def graph(self, doc_id: str) -> Graph:
        if doc_id not in self.graphs:
            self.graphs[doc_id] = self.ds.graph(iri.document_graph_iri(doc_id))
        return self.graphs[doc_id]

    def _document(self, doc: Document) -> None:
        g, node = self.graph(doc.id), iri.document_iri(doc.id)
        g.add((node, RDF.type, KG.Document))
        g.add((node, DCTERMS.identifier, Literal(doc.id)))
        g.add((node, KG.contentHash, Literal(doc.content_hash)))
        if doc.title:
            g.add((node, DCTERMS.title, Literal(doc.title, lang="ar")))
        if doc.date:
            g.add((node, KG.published, Literal(doc.date)))  # xsd:date, or xsd:dateTime for a datetime
        if doc.source:
            g.add((node, KG.source, Literal(doc.source)))
        if doc.url:
            g.add((node, KG.url, Literal(doc.url, datatype=XSD.anyURI)))

    def sentence(self, ev: Evidence) -> URIRef:
        g, node = self.graph(ev.doc_id), iri.sentence_iri(ev.doc_id, ev.sentence_index)
        if (node, RDF.type, KG.Sentence) not in g:
            g.add((node, RDF.type, KG.Sentence))
            g.add((node, KG.document, iri.document_iri(ev.doc_id)))
            g.add((node, KG.sentenceText, Literal(ev.sentence_text)))
            text = self.docs[ev.doc_id].text
            # the last copy of the sentence that starts at or before the span (matches lie inside the slice)
            size = len(ev.sentence_text)
            start = text.rfind(ev.sentence_text, 0, ev.start + size) if size else -1
            if start >= 0 and start + size >= ev.end:
                g.add((node, KG.charStart, Literal(start)))
                g.add((node, KG.charEnd, Literal(start + size)))
        return node

    def _span_problem(self, ev: Evidence) -> str | None:
        if ev.doc_id not in self.docs:
            return f"document {ev.doc_id!r} is not among the documents given"
        if not (0 <= ev.start <= ev.end) or ev.sentence_index < 0:
            return f"bad span [{ev.start}:{ev.end}] or sentence index {ev.sentence_index}"
        return None

    def _mention(self, entity: Entity, ev: Evidence) -> None:
        if problem := self._span_problem(ev):
            self.dropped.append(Dropped(f"mention of {entity.label!r}", problem))
            return
        g, node = self.graph(ev.doc_id), iri.mention_iri(ev.doc_id, ev.start, ev.end)
        if (node, RDF.type, KG.Mention) in g:  # one span, one referent (kg:refersTo is functional)
            return
        g.add((node, RDF.type, KG.Mention))
        g.add((node, KG.refersTo, self.entities[entity.key][1]))
        g.add((node, KG.document, iri.document_iri(ev.doc_id)))
        g.add((node, KG.sentence, self.sentence(ev)))
        g.add((node, KG.charStart, Literal(ev.start)))
        g.add((node, KG.charEnd, Literal(ev.end)))
        text = self.docs[ev.doc_id].text
        if ev.end <= len(text):
            g.add((node, KG.surfaceForm, Literal(text[ev.start:ev.end])))

    # -- assertions -----------------------------------------------------------------------------

    def add(self, a: Assertion) -> None:
        if problem := self._span_problem(a.evidence):
            self.dropped.append(Dropped(_describe(a), problem))
        elif a.type == "reported_by":
            self.attributions.append(a)
        elif a.type == "attended":
            self.attendances.append(a)
        elif a.type not in EVENT_CLASSES:
            self.dropped.append(Dropped(_describe(a), f"unknown relation type {a.type!r}"))
        elif a.modality is not None and a.modality not in MODALITIES:
            self.dropped.append(Dropped(_describe(a), f"unknown modality {a.modality!r}"))
        elif a.event_id is not None:
            self.groups[(a.type, a.evidence.doc_id, a.event_id)].append(a)
        else:
            self._event([a])

    def finish(self) -> None:
        for group in self.groups.values():
            self._event(group)
        for a in self.attendances:
            self._attendance(a)
        for a in self.attributions:
            self._attribution(a)
        finish(self.ds)

    def entity(self, key: str | None, a: Assertion, role: str, types: tuple[str, ...] = ()) -> URIRef | None:
        """The IRI of an entity key, or None (recorded as dropped) if unknown or of the wrong type."""
        if key is None:
            return None
        found = self.entities.get(key)
        if found is None:
            self.dropped.append(Dropped(_describe(a), f"{role} {key!r} is not among the entities given"))
            return None
        if types and found[0].type not in types:
            wanted = "/".join(types)
            self.dropped.append(Dropped(_describe(a), f"{role} {key!r} is {found[0].type}, not {wanted}"))
            return None
        return found[1]

    def _event(self, group: list[Assertion]) -> None:
        first = group[0]
        ev = first.evidence
        same = [a.evidence for a in group if a.evidence.sentence_index == ev.sentence_index]
        start, end = min(e.start for e in same), max(e.end for e in same)
        kind = first.type
        keys: list[str] = []
        if kind in SYMMETRIC:
            keys = list(dict.fromkeys(k for a in group for k in (*a.participants, a.subject, a.object) if k))
            node = iri.event_iri(kind, ev.doc_id, ev.sentence_index, start, end, participants=keys)
        else:
            node = iri.event_iri(kind, ev.doc_id, ev.sentence_index, start, end, subject=first.subject,
                                 obj=first.object, theme=first.theme)
        g = self.graph(ev.doc_id)
        if (node, RDF.type, None) in g:
            self.dropped.append(Dropped(_describe(first), "duplicate of an event already in the graph"))
            return
        if kind in SYMMETRIC:
            triples = self._symmetric(node, first, keys, SYMMETRIC[kind])
        else:
            make = {"requested": self._requested, "said": self._said, "role": self._role}[kind]
            triples = make(node, first)
        if triples is None:
            return
        g.add((node, RDF.type, EVENT_CLASSES[kind]))
        if first.event_id is not None:
            self.events[(ev.doc_id, first.event_id)] = node
        for t in triples:
            g.add(t)
        self._provenance(g, node, first, start, end, max(a.evidence.confidence for a in group))
        g.add((node, KG.negated, Literal(bool(first.negated))))
        modality = first.modality or ("denied" if first.negated else "occurred" if kind != "role" else None)
        if modality:
            g.add((node, KG.modality, MODALITIES[modality]))
        if first.date:
            day = first.date.date() if isinstance(first.date, dt.datetime) else first.date
            g.add((node, KG.date, Literal(day)))
        if first.date_text:
            g.add((node, KG.dateText, Literal(first.date_text)))
        if (place := self.entity(first.place, first, "place", ("LOC",))) is not None:
            g.add((node, KG.place, place))

    def _provenance(self, g: Graph, node: URIRef, a: Assertion, start: int, end: int,
                    confidence: float) -> None:
        ev = a.evidence
        g.add((node, KG.document, iri.document_iri(ev.doc_id)))
        g.add((node, KG.sentence, self.sentence(ev)))
        g.add((node, KG.sentenceText, Literal(ev.sentence_text)))
        g.add((node, KG.charStart, Literal(start)))
        g.add((node, KG.charEnd, Literal(end)))
        g.add((node, KG.rule, Literal(ev.rule)))
        if (score := _confidence(confidence)) is not None:
            g.add((node, KG.confidence, score))

    def _symmetric(self, node: URIRef, a: Assertion, keys: list[str], shortcut: URIRef) -> list[tuple] | None:
        """Every party is a participant of the event; each met every other, except at a reception
        (kg:host), where each guest met the hosts and not the other guests."""
        found = {k: n for k in keys if (n := self.entity(k, a, "participant")) is not None}
        parties = list(dict.fromkeys(found.values()))
        if len(parties) < 2:
            self.dropped.append(Dropped(_describe(a), "fewer than two known participants"))
            return None
        hosts = list(dict.fromkeys(found[k] for k in a.hosts if k in found))
        triples = [(node, KG.participant, p) for p in parties] + [(node, KG.host, h) for h in hosts]
        if _asserted(a):  # both directions: kg:met is symmetric and SPARQL runs without a reasoner
            for x, y in met_pairs(parties, hosts):
                triples += [(x, shortcut, y), (y, shortcut, x)]
        return triples

    def _requested(self, node: URIRef, a: Assertion) -> list[tuple] | None:
        requester = self.entity(a.subject, a, "requester")
        if requester is None:
            return None
        triples = [(node, KG.requester, requester), (node, KG.participant, requester)]
        if (addressee := self.entity(a.object, a, "addressee")) is not None:
            triples += [(node, KG.addressee, addressee), (node, KG.participant, addressee)]
            if _asserted(a):
                triples.append((requester, KG.requested, addressee))
        if a.theme:
            triples.append((node, KG.theme, Literal(a.theme)))
        return triples

    def _said(self, node: URIRef, a: Assertion) -> list[tuple] | None:
        speaker = self.entity(a.subject, a, "speaker", ("PER", "ORG"))
        if speaker is None:
            return None
        triples = [(node, KG.speaker, speaker), (node, KG.participant, speaker)]
        if (listener := self.entity(a.object, a, "addressee")) is not None:
            triples.append((node, KG.participant, listener))
        if a.theme:
            triples.append((node, KG.content, Literal(a.theme)))
        if _asserted(a):
            triples.append((speaker, KG.said, node))
        return triples

    def _role(self, node: URIRef, a: Assertion) -> list[tuple] | None:
        holder = self.entity(a.subject, a, "holder", ("PER",))
        if holder is None:
            return None
        org = self.entity(a.object, a, "organization", ("ORG",))
        if org is None and not a.theme:
            self.dropped.append(Dropped(_describe(a), "a role needs a title or an organization"))
            return None
        triples = [(node, KG.holder, holder), (node, KG.participant, holder)]
        if a.theme:
            role = iri.role_iri(a.theme)
            triples += [(role, RDF.type, KG.Role), (role, RDFS.label, Literal(a.theme, lang="ar")),
                        (node, KG.position, role)]
            if _asserted(a):
                triples.append((holder, KG.holdsRole, role))
        if org is not None:
            triples += [(node, KG.forOrganization, org), (node, KG.participant, org)]
            if _asserted(a):
                triples.append((holder, KG.memberOf, org))
                if a.theme and any(stem in match_key(a.theme) for stem in SPOKESPERSON):
                    triples.append((holder, KG.spokespersonFor, org))
        return triples

    def _attendance(self, a: Assertion) -> None:
        """attended: a kg:Attendance (attendee, principal, its own provenance) and, when the meeting it
        is at is in the graph, that meeting's kg:attendee; attendees get no kg:met edges."""
        attendee = self.entity(a.subject, a, "attendee", ("PER", "ORG"))
        principal = self.entity(a.object, a, "principal")
        if attendee is None or principal is None:
            return
        ev = a.evidence
        node = iri.assertion_iri(a.type, ev.doc_id, ev.sentence_index, ev.start, ev.end, a.subject, a.object)
        g = self.graph(ev.doc_id)
        if (node, RDF.type, KG.Attendance) in g:
            return
        g.add((node, RDF.type, KG.Attendance))
        g.add((node, KG.attendee, attendee))
        g.add((node, KG.principal, principal))
        event = self.events.get((ev.doc_id, a.event_id)) if a.event_id else None
        if event is not None:
            g.add((node, KG.attendedEvent, event))
            g.add((event, KG.attendee, attendee))
        g.add((node, KG.modality, MODALITIES[a.modality or "occurred"]))
        self._provenance(g, node, a, ev.start, ev.end, ev.confidence)

    def _attribution(self, a: Assertion) -> None:
        """reported_by: object (or, without one, subject) is the credited outlet.

        The attribution is kept as a reified kg:Assertion with provenance, and every event node of the
        same sentence gets kg:reportedBy, so "what did Reuters report" is one triple pattern.
        """
        if a.negated:
            self.dropped.append(Dropped(_describe(a), "the ontology cannot encode a negated attribution"))
            return
        outlet_key, subject_key = (a.object, a.subject) if a.object else (a.subject, None)
        outlet = self.entity(outlet_key, a, "outlet", ("ORG",))
        if outlet is None:
            return
        subject = self.entity(subject_key, a, "subject")
        ev = a.evidence
        node = iri.assertion_iri(a.type, ev.doc_id, ev.sentence_index, ev.start, ev.end, subject_key,
                                 outlet_key)
        g = self.graph(ev.doc_id)
        if (node, RDF.type, KG.Assertion) in g:
            return
        g.add((node, RDF.type, KG.Assertion))
        if subject is not None:
            g.add((node, RDF.subject, subject))
        g.add((node, RDF.predicate, KG.reportedBy))
        g.add((node, RDF.object, outlet))
        g.add((node, KG.reportedBy, outlet))
        self._provenance(g, node, a, ev.start, ev.end, ev.confidence)
        sentence = iri.sentence_iri(ev.doc_id, ev.sentence_index)
        for event in list(g.subjects(KG.sentence, sentence)):
            if (event, KG.negated, None) in g:  # event nodes only, not mentions
                g.add((event, KG.reportedBy, outlet))
