"""The graph as plain records: one relation assertion or one entity per dict.

These are what `kg relations` and `kg entities` print and what `kg eval` scores, read from the RDF
(not from the extractor), so they show exactly what a SPARQL user of the graph would find. Relation
ends are entity labels; a meeting of three or more parties gives one record per pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import RDF, RDFS, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.graph.namespace import KG
from kg.graph.rdf import met_pairs

RELATION_CLASSES = {"met": KG.Meeting, "contacted": KG.PhoneCall, "requested": KG.Request,
                    "said": KG.Statement, "role": KG.RoleAssignment}
RELATION_KEYS = ("type", "subject", "object", "theme", "negated", "modality", "date", "doc", "sentence",
                 "confidence")


class _Reader:
    """Reads nodes one call each (all of a node's properties at once, kept): on the on-disk store
    every call crosses into Oxigraph, so a dozen ``ds.value`` calls per event node add up."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self._props: dict[Any, dict[Any, list]] = {}
        self._labels: dict[URIRef, str] = {}
        self._docs: dict[URIRef, str] = {}

    def all(self, node, prop) -> list:
        """Every object of (node, prop), as ``ds.objects`` gives them."""
        if node is None:
            return []
        if node not in self._props:
            props: dict[Any, list] = {}
            for p, o in self.ds.predicate_objects(node):
                props.setdefault(p, []).append(o)
            self._props[node] = props
        return self._props[node].get(prop, [])

    def first(self, node, prop):
        """What ``ds.value(node, prop)`` gives: an object of (node, prop), or None."""
        found = self.all(node, prop)
        return found[0] if found else None

    def value(self, node, prop):
        v = self.first(node, prop)
        return v.toPython() if isinstance(v, Literal) else v

    def label(self, node: URIRef | None, lang: str = "ar") -> str | None:
        if node is None:
            return None
        if (node, lang) not in self._labels:
            names = [o for o in self.all(node, RDFS.label)
                     if isinstance(o, Literal) and (o.language or "").lower() == lang.lower()]
            self._labels[(node, lang)] = str(min(names)) if names else None
        return self._labels[(node, lang)]

    def doc(self, node: URIRef) -> str | None:
        # a node read already (an event) answers from memory; others (every mention, in entity_rows)
        # are asked once each rather than kept
        document = self.first(node, KG.document) if node in self._props else self.ds.value(node, KG.document)
        if document not in self._docs:
            self._docs[document] = str(self.first(document, DCTERMS.identifier) or "")
        return self._docs[document] or None

    def provenance(self, node: URIRef) -> dict[str, Any]:
        modality = self.first(node, KG.modality)
        date = self.value(node, KG.date)
        confidence = self.value(node, KG.confidence)
        return {"negated": bool(self.value(node, KG.negated)),
                "modality": _local_name(modality).lower() if modality else None,
                "date": date.isoformat() if hasattr(date, "isoformat") else date,
                "doc": self.doc(node), "sentence": self.value(node, KG.sentenceText),
                "confidence": float(confidence) if confidence is not None else None,
                "start": self.value(node, KG.charStart), "end": self.value(node, KG.charEnd),
                "rule": self.value(node, KG.rule), "place": self.label(self.first(node, KG.place)),
                "event": str(node)}

    def ends(self, kind: str, node: URIRef) -> Iterator[tuple[URIRef | None, URIRef | None, str | None]]:
        """(subject, object, theme) of one event node; several for a meeting of three or more."""
        v = self.first
        if kind in ("met", "contacted"):
            parties = sorted(set(self.all(node, KG.participant)), key=lambda n: self.label(n) or "")
            hosts = set(self.all(node, KG.host))
            for a, b in met_pairs(parties, [p for p in parties if p in hosts]):
                yield a, b, None
        elif kind == "requested":
            yield v(node, KG.requester), v(node, KG.addressee), self.value(node, KG.theme)
        elif kind == "said":
            speaker = v(node, KG.speaker)
            others = [p for p in self.all(node, KG.participant) if p != speaker]
            yield speaker, (others[0] if others else None), self.value(node, KG.content)
        elif kind == "role":
            position = v(node, KG.position)
            yield v(node, KG.holder), v(node, KG.forOrganization), self.label(position)


def _local_name(node: URIRef) -> str:
    return str(node).replace("#", "/").rsplit("/", 1)[-1]


# The properties that link an event node to the entities at its ends (what relation_rows reads).
END_PROPERTIES = (KG.participant, KG.requester, KG.addressee, KG.speaker, KG.holder, KG.forOrganization)


def _events_of(ds: Dataset, reader: _Reader, cls: URIRef, near: set | None) -> set:
    if near is None:
        return set(ds.subjects(RDF.type, cls))
    return {node for node in near if cls in reader.all(node, RDF.type)}


def relation_rows(ds: Dataset, types: Iterable[str] | None = None,
                  about: Iterable[URIRef] | None = None) -> list[dict[str, Any]]:
    """Every relation assertion in the graph (of the given types), sorted by document and position.

    ``about``: only those with one of these entities at an end (what `kg lookup` needs: it then reads
    a few event nodes instead of all of them)."""
    wanted = set(types) if types else None
    about = None if about is None else [URIRef(e) for e in about]
    near = None if about is None else {node for entity in about for prop in END_PROPERTIES
                                       for node in ds.subjects(prop, entity)}
    reader = _Reader(ds)
    rows: list[dict[str, Any]] = []
    for kind, cls in RELATION_CLASSES.items():
        if wanted is not None and kind not in wanted:
            continue
        for node in _events_of(ds, reader, cls, near):
            prov = reader.provenance(node)
            for subj, obj, theme in reader.ends(kind, node):
                rows.append({"type": kind, "subject": reader.label(subj), "object": reader.label(obj),
                             "theme": theme, **prov})
    if wanted is None or "attended" in wanted:
        for node in set(ds.subjects(RDF.type, KG.Attendance)):
            prov = reader.provenance(node)
            event = ds.value(node, KG.attendedEvent)
            if event is not None and prov["date"] is None:
                date = reader.value(event, KG.date)
                prov["date"] = date.isoformat() if hasattr(date, "isoformat") else date
            rows.append({"type": "attended", "subject": reader.label(ds.value(node, KG.attendee)),
                         "object": reader.label(ds.value(node, KG.principal)), "theme": None, **prov})
    if wanted is None or "reported_by" in wanted:
        reports = set(ds.subjects(RDF.predicate, KG.reportedBy))
        if about is not None:
            reports &= {node for entity in about for prop in (RDF.subject, RDF.object)
                        for node in ds.subjects(prop, entity)}
        for node in reports:
            rows.append({"type": "reported_by", "subject": reader.label(reader.first(node, RDF.subject)),
                         "object": reader.label(reader.first(node, RDF.object)), "theme": None,
                         **reader.provenance(node)})
    return sorted(rows, key=lambda r: (r["doc"] or "", r["start"] or 0, r["type"], r["subject"] or "",
                                       r["object"] or ""))


def entities_named(ds: Dataset, name: str) -> list[dict[str, Any]]:
    """The entities whose Arabic label or alias is exactly ``name``, as entity_rows gives them (without
    documents): found through the store's index, so `kg lookup` answers a name as written without a
    pass over every entity. Other forms (clitics, short forms, Latin) need entity_rows."""
    name = (name or "").strip()
    nodes = {node for prop in (RDFS.label, KG.alias) for literal in (Literal(name, lang="ar"), Literal(name))
             for node in ds.subjects(prop, literal)}
    reader = _Reader(ds)
    rows = []
    for node in nodes:
        kind = reader.first(node, KG.entityType)
        if kind is None:
            continue
        rows.append(_entity_record(node, str(kind), reader.label(node), reader.label(node, "ar-Latn"),
                                   {str(a) for a in reader.all(node, KG.alias)},
                                   int(reader.value(node, KG.mentionCount) or 0)))
    return _most_mentioned_first(rows)


def entity_rows(ds: Dataset, types: Iterable[str] | None = None,
                documents: bool = True) -> list[dict[str, Any]]:
    """Every entity: label, Latin label, type, aliases, documents and mention count; most mentioned first.

    Read one property at a time over the whole graph (a handful of calls), not one entity at a time:
    on the on-disk store each call crosses into Oxigraph, and an archive holds tens of thousands of
    entities. ``documents=False`` leaves "docs" empty, skipping a pass over every mention (enough for
    finding an entity by name)."""
    wanted = set(types) if types else None
    kinds: dict[Any, str] = {}
    for node, kind in ds.subject_objects(KG.entityType):
        kinds.setdefault(node, str(kind))
    if wanted is not None:
        kinds = {node: kind for node, kind in kinds.items() if kind in wanted}
    labels: dict[tuple[Any, str], str] = {}
    for node, name in ds.subject_objects(RDFS.label):
        if node in kinds and isinstance(name, Literal) and name.language:
            key = (node, name.language.lower())
            labels[key] = min(labels.get(key, str(name)), str(name))
    aliases: dict[Any, set[str]] = {}
    for node, alias in ds.subject_objects(KG.alias):
        if node in kinds:
            aliases.setdefault(node, set()).add(str(alias))
    counts: dict[Any, int] = {}
    for node, count in ds.subject_objects(KG.mentionCount):
        if node in kinds:
            counts.setdefault(node, int(count.toPython()))
    docs: dict[Any, set[str]] = {}
    if documents:
        reader = _Reader(ds)
        for mention, entity in ds.subject_objects(KG.refersTo):
            if entity in kinds:
                docs.setdefault(entity, set()).add(reader.doc(mention) or "")
    rows = [_entity_record(node, kind, labels.get((node, "ar")), labels.get((node, "ar-latn")),
                           aliases.get(node, set()), counts.get(node, 0), docs.get(node, set()) - {""})
            for node, kind in kinds.items()]
    return _most_mentioned_first(rows)


def _entity_record(node, kind: str, label: str | None, latin: str | None, aliases: set[str], mentions: int,
                   docs: set[str] = frozenset()) -> dict[str, Any]:
    return {"label": label, "latin": latin, "type": kind, "aliases": sorted(aliases), "docs": sorted(docs),
            "mentions": mentions, "iri": str(node)}


def _most_mentioned_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: (-r["mentions"], r["type"], r["label"] or ""))
