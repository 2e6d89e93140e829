"""`kg sparql`, `kg serve`, `kg lookup`: asking the graph questions (issue 4)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kg.cli.common import GRAPH_OPTION, app, fail

# --- kg lookup ------------------------------------------------------------------------------------

LOOKUP_KEYS = ("relation", "as", "other", "theme", "date", "published", "modality", "negated", "doc",
               "sentence")
LOOKUP_TABLE = ("relation", "as", "other", "theme", "date", "modality", "doc", "sentence")
# The part the looked-up entity plays in a relation record: (as subject, as object).
LOOKUP_ROLES = {"met": ("party", "party"), "contacted": ("party", "party"),
                "requested": ("requester", "addressee"), "said": ("speaker", "addressed"),
                "role": ("holder", "organization"), "reported_by": ("reported", "outlet")}


def _lookup_rows(ds, label: str, types: list[str]) -> list[dict]:
    """The relation records one entity takes part in, seen from its side (other = the other party)."""
    from rdflib import RDF
    from rdflib.namespace import DCTERMS

    from kg.graph.namespace import KG
    from kg.query import relation_rows

    published = {str(ds.value(d, DCTERMS.identifier)): ds.value(d, KG.published)
                 for d in ds.subjects(RDF.type, KG.Document)}
    found = []
    for row in relation_rows(ds, types or None):
        for side, other in (("subject", "object"), ("object", "subject")):
            if row[side] != label:
                continue
            when = published.get(row["doc"])
            found.append({"relation": row["type"], "as": LOOKUP_ROLES[row["type"]][side == "object"],
                          "other": row[other], "theme": row["theme"], "date": row["date"],
                          "published": when.toPython().isoformat() if when is not None else None,
                          "modality": row["modality"], "negated": row["negated"], "doc": row["doc"],
                          "sentence": row["sentence"], "confidence": row["confidence"]})
            break
    return found


@app.command("lookup")
def lookup(
    name: str = typer.Argument(..., help="A person or organization: Arabic name, alias, short form "
                                         "(الكاظمي), with a clitic (والكاظمي) or in Latin letters "
                                         "(Kadhimi)."),
    rel: list[str] = typer.Option([], "--rel", "-r", help="met, contacted, requested, said, role or "
                                                          "reported_by; repeat for several (default all)."),
    graph: Path = GRAPH_OPTION,
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, jsonl or csv."),
) -> None:
    """The relations of one entity: the other party, theme, date, modality, document and sentence.

    Symmetric relations (met, contacted) are listed whichever side the entity is on; requests both as
    requester and as addressee. An unknown name exits with status 1 and the nearest known names.

    Example: kg lookup الكاظمي --rel met --graph out/
    """
    import json

    from kg.analyze.names import NameIndex
    from kg.cli.analyze import resolve
    from kg.cli.common import load_graph, write_records
    from kg.query import entity_rows

    unknown = sorted(set(rel) - set(LOOKUP_ROLES))
    if unknown:
        fail(f"unknown relation type {', '.join(unknown)}; choose from {', '.join(LOOKUP_ROLES)}", 2)
    if fmt not in ("table", "json", "jsonl", "csv"):
        fail(f"unknown format {fmt!r}; choose one of table, json, jsonl, csv", 2)
    ds = load_graph(graph)
    entity = resolve(NameIndex.from_records(entity_rows(ds)), name)
    rows = _lookup_rows(ds, entity.label, rel)
    if fmt == "json":
        sys.stdout.write(json.dumps({"entity": entity.label, "latin": entity.latin, "type": entity.type,
                                     "relations": rows}, ensure_ascii=False, indent=1) + "\n")
        return
    if fmt == "table":
        rows = [{**r, "theme": _clip(r["theme"]), "sentence": _clip(r["sentence"], 80),
                 "date": r["date"] or (r["published"] and f"({r['published']})")} for r in rows]
    kinds = ", ".join(rel) if rel else "all"
    write_records(rows, fmt, LOOKUP_KEYS, LOOKUP_TABLE,
                  title=f"{len(rows)} relations ({kinds}) of {entity.display()}")


def _clip(text: str | None, size: int = 40) -> str | None:
    return text if not text or len(text) <= size else text[:size - 1] + "…"
