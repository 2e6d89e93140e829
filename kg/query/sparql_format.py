"""Writing query results: SPARQL 1.1 Results JSON, XML, CSV and TSV for SELECT/ASK; Turtle, N-Triples,
JSON-LD and RDF/XML for CONSTRUCT/DESCRIBE; a rich table for people at a terminal."""

from __future__ import annotations

import csv
import io
from urllib.parse import unquote

from rdflib import BNode, Literal, URIRef, Variable
from rdflib.query import Result
from rdflib.term import Node

from kg.graph.iri import BASE
from kg.query.sparql import PREFIXES, QueryResult
from kg.text import clip

RESULT_FORMATS = {  # name -> media type, for SELECT and ASK
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_FORMATS = {  # name -> media type, for CONSTRUCT and DESCRIBE
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
_RDFLIB_GRAPH_FORMAT = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml"}


def formats_for(kind: str) -> dict[str, str]:
    """The formats a result of this kind can be written in, name -> media type."""
    return RESULT_FORMATS if kind in ("SELECT", "ASK") else GRAPH_FORMATS


def serialize(result: QueryResult, fmt: str) -> bytes:
    """The result in format ``fmt`` (a name from formats_for(result.kind)), as UTF-8 bytes."""
    if fmt not in formats_for(result.kind):
        raise ValueError(f"a {result.kind} result cannot be written as {fmt!r}: choose one of "
                         f"{', '.join(formats_for(result.kind))}")
    if result.kind in ("CONSTRUCT", "DESCRIBE"):
        data = result.graph.serialize(format=_RDFLIB_GRAPH_FORMAT[fmt], encoding="utf-8")
        return data if isinstance(data, bytes) else data.encode("utf-8")
    if fmt in ("csv", "tsv"):
        return _delimited(result, fmt).encode("utf-8")
    return _rdflib_result(result).serialize(format=fmt, encoding="utf-8")


def _rdflib_result(result: QueryResult) -> Result:
    out = Result(result.kind)
    if result.kind == "ASK":
        out.askAnswer = bool(result.boolean)
        return out
    names = [Variable(v) for v in result.vars]
    out.vars = names
    out.bindings = [{v: t for v, t in zip(names, row) if t is not None} for row in result.rows]
    return out


def _delimited(result: QueryResult, fmt: str) -> str:
    """SPARQL 1.1 CSV (plain values) or TSV (terms in Turtle syntax); ASK as one `_askResult` column."""
    buffer = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(buffer, lineterminator="\r\n")
        if result.kind == "ASK":
            writer.writerows([["_askResult"], ["true" if result.boolean else "false"]])
        else:
            writer.writerow(result.vars)
            writer.writerows([_csv_term(t) for t in row] for row in result.rows)
        return buffer.getvalue()
    if result.kind == "ASK":
        return f"?_askResult\n{'true' if result.boolean else 'false'}\n"
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join(tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _csv_term(term: Node | None) -> str:
    if term is None:
        return ""
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def tsv_term(term: Node | None) -> str:
    """A term in the Turtle syntax SPARQL TSV uses, escaped so it stays on one line of one column."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    text = (str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))
    if isinstance(term, Literal) and term.language:
        return f'"{text}"@{term.language}'
    if isinstance(term, Literal) and term.datatype:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


def readable(term: Node | None) -> str:
    """A term for people: prefixed names for known vocabularies, decoded resource IRIs, plain literals."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if term.startswith(ns) and len(term) > len(ns):
                return f"{prefix}:{term[len(ns):]}"
        if term.startswith(BASE):
            return unquote(term[len(BASE):])
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def print_table(result: QueryResult, console, title: str | None = None) -> None:
    """SELECT rows as a rich table (long values clipped: csv/json keep them whole); ASK as yes/no; a graph
    as Turtle."""
    from rich.table import Table
    from rich.text import Text

    if result.kind == "ASK":
        console.print("yes" if result.boolean else "no", highlight=False)
        return
    if result.kind != "SELECT":
        console.print(serialize(result, "turtle").decode("utf-8"), highlight=False, markup=False)
        return
    table = Table(title=title, show_lines=False)
    for v in result.vars:
        table.add_column(v, overflow="fold")
    for row in result.rows:
        table.add_row(*[Text(clip(readable(t), 60)) for t in row])  # Text: data is not markup
    console.print(table)
