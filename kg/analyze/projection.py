"""The RDF graph as a network: entities as nodes, relations between them as typed, weighted edges.

``project(ds)`` returns a ``networkx.MultiDiGraph`` with one node per entity (id = entity IRI) and at
most one edge per (source, target, relation type); the edge key is the relation type. Parallel edges
of different types between the same two entities stay apart (A met B and A requested from B are two
facts), which is why the graph is a multigraph.

Each edge carries ``weight`` (the number of assertions behind it), ``first``/``last`` (ISO dates:
the event's kg:date, else the document's kg:published) and ``evidence``: one dict per assertion
(doc, sentence, date, published, modality, theme, confidence, start, event), so any edge can be
traced back to the sentences that support it. Symmetric relations (met, contacted) are stored once,
source < target by IRI, with ``mutual=True``; algorithms that ignore direction use ``undirected(G)``.

Relation types: met, contacted (parties of a meeting or call), requested (requester -> addressee),
said_about (speaker -> entities named in what they said), role (holder -> the organization of the
position, the position in ``theme``), reported_by (parties of a reported event -> the outlet).
Negated and denied events are left out: "they did not meet" is not a tie. Planned ones stay, with
their modality in the evidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.graph.namespace import KG

RELATION_TYPES = ("met", "contacted", "requested", "said_about", "role", "reported_by")
MUTUAL = frozenset({"met", "contacted"})
EVENT_CLASSES = {KG.Meeting: "met", KG.PhoneCall: "contacted", KG.Request: "requested",
                 KG.Statement: "said_about", KG.RoleAssignment: "role"}


def _py(value):
    return value.toPython() if isinstance(value, Literal) else value


def _iso(value) -> str | None:
    value = _py(value)
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _label(ds: Dataset, node, lang: str) -> str | None:
    names = sorted(str(o) for o in ds.objects(node, RDFS.label)
                   if isinstance(o, Literal) and (o.language or "").lower() == lang.lower())
    return names[0] if names else None


class _Documents:
    """Document IRI -> (identifier, published date), read once."""

    def __init__(self, ds: Dataset) -> None:
        self.ids: dict[Any, str] = {}
        self.published: dict[Any, str | None] = {}
        for doc in ds.subjects(RDF.type, KG.Document):
            self.ids[doc] = str(ds.value(doc, DCTERMS.identifier) or doc)
            self.published[doc] = _iso(ds.value(doc, KG.published))


def _entities(ds: Dataset, docs: _Documents) -> dict[URIRef, dict[str, Any]]:
    nodes: dict[URIRef, dict[str, Any]] = {}
    for node in set(ds.subjects(KG.entityType, None)):
        nodes[node] = {"type": str(ds.value(node, KG.entityType)), "label": _label(ds, node, "ar"),
                       "latin": _label(ds, node, "ar-Latn"),
                       "aliases": sorted({str(a) for a in ds.objects(node, KG.alias)}),
                       "mentions": int(_py(ds.value(node, KG.mentionCount)) or 0),
                       "docs": set(), "dates": set(), "roles": set()}
    for mention, entity in ds.subject_objects(KG.refersTo):
        if entity in nodes:
            doc = ds.value(mention, KG.document)
            if doc in docs.ids:
                nodes[entity]["docs"].add(docs.ids[doc])
                if docs.published.get(doc):
                    nodes[entity]["dates"].add(docs.published[doc])
    return nodes


def _mentions_by_sentence(ds: Dataset) -> dict[Any, list[tuple[URIRef, str]]]:
    by_sentence: dict[Any, list[tuple[URIRef, str]]] = defaultdict(list)
    for mention, entity in ds.subject_objects(KG.refersTo):
        sentence = ds.value(mention, KG.sentence)
        surface = ds.value(mention, KG.surfaceForm)
        if sentence is not None and surface is not None:
            by_sentence[sentence].append((entity, str(surface)))
    return by_sentence


def _ends(ds: Dataset, kind: str, event, mentions) -> Iterable[tuple[URIRef, URIRef]]:
    """(source, target) pairs one event contributes."""
    value = ds.value
    if kind in MUTUAL:
        parties = sorted(set(ds.objects(event, KG.participant)), key=str)
        yield from combinations(parties, 2)
    elif kind == "requested":
        yield value(event, KG.requester), value(event, KG.addressee)
    elif kind == "role":
        yield value(event, KG.holder), value(event, KG.forOrganization)
    elif kind == "said_about":
        speaker, content = value(event, KG.speaker), str(value(event, KG.content) or "")
        named = {entity for entity, surface in mentions.get(value(event, KG.sentence), ())
                 if surface and surface in content}
        for entity in sorted(named - {speaker}, key=str):
            yield speaker, entity


def _evidence(ds: Dataset, event, docs: _Documents, theme: str | None) -> dict[str, Any] | None:
    if bool(_py(ds.value(event, KG.negated))) or ds.value(event, KG.modality) == KG.Denied:
        return None
    doc = ds.value(event, KG.document)
    modality = ds.value(event, KG.modality)
    confidence = _py(ds.value(event, KG.confidence))
    published = docs.published.get(doc)
    return {"doc": docs.ids.get(doc), "sentence": _py(ds.value(event, KG.sentenceText)),
            "date": _iso(ds.value(event, KG.date)) or published, "published": published,
            "modality": str(modality).rsplit("#", 1)[-1].lower() if modality else None,
            "theme": theme, "confidence": float(confidence) if confidence is not None else None,
            "start": _py(ds.value(event, KG.charStart)), "event": str(event)}


def _theme(ds: Dataset, kind: str, event) -> str | None:
    if kind == "requested":
        return _py(ds.value(event, KG.theme))
    if kind == "said_about":
        return _py(ds.value(event, KG.content))
    if kind == "role":
        position = ds.value(event, KG.position)
        return _label(ds, position, "ar") if position is not None else None
    return None


def _assertions(ds: Dataset, docs: _Documents, nodes) -> Iterable[tuple[str, URIRef, URIRef, dict]]:
    mentions = _mentions_by_sentence(ds)
    for cls, kind in EVENT_CLASSES.items():
        for event in set(ds.subjects(RDF.type, cls)):
            theme = _theme(ds, kind, event)
            evidence = _evidence(ds, event, docs, theme)
            if evidence is None:
                continue
            if kind == "role" and theme and ds.value(event, KG.holder) in nodes:
                nodes[ds.value(event, KG.holder)]["roles"].add(theme)
            for source, target in _ends(ds, kind, event, mentions):
                if source in nodes and target in nodes and source != target:
                    yield kind, source, target, evidence
    for event, outlet in ds.subject_objects(KG.reportedBy):
        evidence = _evidence(ds, event, docs, None)
        if outlet not in nodes or evidence is None:
            continue
        for party in sorted(set(ds.objects(event, KG.participant)) | {ds.value(event, RDF.subject)}, key=str):
            if party in nodes and party != outlet:
                yield "reported_by", party, outlet, evidence


def project(ds: Dataset, types: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """The entity network of a graph (optionally only some relation types); see the module doc."""
    wanted = set(types) if types else set(RELATION_TYPES)
    unknown = wanted - set(RELATION_TYPES)
    if unknown:
        raise ValueError(f"unknown relation type {', '.join(sorted(unknown))}; "
                         f"choose from {', '.join(RELATION_TYPES)}")
    docs = _Documents(ds)
    nodes = _entities(ds, docs)
    edges: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for kind, source, target, evidence in _assertions(ds, docs, nodes):
        if kind not in wanted:
            continue
        if kind in MUTUAL and str(target) < str(source):
            source, target = target, source
        edges[(str(source), str(target), kind)].append(evidence)

    G = nx.MultiDiGraph(documents=len(docs.ids))
    for iri in sorted(nodes, key=str):  # sorted: the same graph gives the same network, run after run
        data = nodes[iri]
        G.add_node(str(iri), type=data["type"], label=data["label"] or str(iri), latin=data["latin"],
                   aliases=data["aliases"], mentions=data["mentions"], docs=sorted(data["docs"]),
                   roles=sorted(data["roles"]), **_span(data["dates"]))
    for (source, target, kind) in sorted(edges):
        evidence = sorted(edges[(source, target, kind)], key=_evidence_order)
        dates = {e["date"] for e in evidence if e["date"]}
        G.add_edge(source, target, key=kind, type=kind, weight=len(evidence), mutual=kind in MUTUAL,
                   evidence=evidence, **_span(dates))
        for node in (source, target):  # a node is on the timeline from its first fact to its last
            span = _span(dates | {G.nodes[node][k] for k in ("first", "last") if G.nodes[node].get(k)})
            G.nodes[node].update(span)
    return G


def _evidence_order(e: dict[str, Any]) -> tuple:
    """Dated facts first, earliest first; then document and offset (a fixed order, run after run)."""
    return (not e["date"], e["date"] or "", e["doc"] or "", e["start"] or 0, e["event"])


def _span(dates: set[str]) -> dict[str, str | None]:
    return {"first": min(dates), "last": max(dates)} if dates else {"first": None, "last": None}


def undirected(G: nx.MultiDiGraph) -> nx.Graph:
    """A simple undirected graph: one edge per linked pair, weight = all assertions between them,
    ``types`` = the relation types linking them. What centrality, components and communities use."""
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    for u, v, data in G.edges(data=True):
        if H.has_edge(u, v):
            H[u][v]["weight"] += data["weight"]
            H[u][v]["types"] = sorted(set(H[u][v]["types"]) | {data["type"]})
        else:
            H.add_edge(u, v, weight=data["weight"], types=[data["type"]])
    return H


def edges_between(G: nx.MultiDiGraph, a: str, b: str) -> list[dict[str, Any]]:
    """Every relation edge linking two entities, in either direction, strongest first; each dict is the
    edge data plus ``source`` and ``target``."""
    found = []
    for u, v in ((a, b), (b, a)):
        for data in (G.get_edge_data(u, v) or {}).values():
            found.append({"source": u, "target": v, **data})
    return sorted(found, key=lambda e: (-e["weight"], e["type"]))
