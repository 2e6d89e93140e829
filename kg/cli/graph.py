"""`kg relations`, `kg entities`, `kg eval`: the built graph as records, and how good it is."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from kg.cli.common import GRAPH_OPTION, app, check_known, choose, console, fail, load_graph, write_records
from kg.text import clip

RELATION_TABLE = ("type", "subject", "object", "theme", "modality", "date", "doc")
ENTITY_KEYS = ("label", "type", "aliases", "docs", "mentions", "latin")
ENTITY_TABLE = ("label", "type", "mentions", "docs", "aliases", "latin")


@app.command("relations")
def relations(
    graph: Path = GRAPH_OPTION,
    types: list[str] = typer.Option([], "--type", "-t", help="met, contacted, requested, said, role, "
                                                            "reported_by or attended; repeat for several "
                                                            "(default all)."),
    fmt: str = typer.Option("table", "--format", "-f", help="jsonl, table or csv."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", help="Only assertions whose calibrated "
                                                                       "confidence (the share of its rule's "
                                                                       "output that was right on dev gold) "
                                                                       "is at least this."),
) -> None:
    """Relations in the graph, one assertion a line (ends are entity labels).

    Keys: type, subject, object, theme, negated, modality, date, doc, sentence, confidence. attended:
    subject the attendee, object the host (or first-named party) of the meeting attended.

    Example: kg relations --graph out/ --type met --min-confidence 0.8 --format jsonl
    """
    from kg.extract import RELATION_TYPES
    from kg.query import relation_rows
    from kg.query.records import RELATION_KEYS

    check_known(types, RELATION_TYPES, "relation type")
    if not 0.0 <= min_confidence <= 1.0:
        fail(f"--min-confidence must be between 0 and 1, not {min_confidence}", 2)
    rows = [r for r in relation_rows(load_graph(graph), types or None)
            if (r["confidence"] if r["confidence"] is not None else 1.0) >= min_confidence]
    if fmt == "table":  # a screenful: long themes shortened (jsonl and csv keep everything)
        rows = [{**r, "theme": clip(r["theme"], 48)} for r in rows]
    write_records(rows, choose(fmt, ("jsonl", "table", "csv")), RELATION_KEYS, RELATION_TABLE,
                  title=f"{len(rows)} relations in {graph}")


@app.command("entities")
def entities(
    graph: Path = GRAPH_OPTION,
    types: list[str] = typer.Option([], "--type", "-t", help="PER, ORG, LOC or MISC; repeat for several."),
    fmt: str = typer.Option("table", "--format", "-f", help="jsonl, table or csv."),
) -> None:
    """Entities with their type, aliases, documents and mention count, most mentioned first.

    Example: kg entities --graph out/ --type PER
    """
    from kg.extract import ENTITY_TYPES
    from kg.query import entity_rows

    check_known(types, ENTITY_TYPES, "entity type")
    rows = entity_rows(load_graph(graph), types or None)
    if fmt == "table":
        rows = [{**r, "docs": len(r["docs"])} for r in rows]
    write_records(rows, choose(fmt, ("jsonl", "table", "csv")), ENTITY_KEYS, ENTITY_TABLE,
                  title=f"{len(rows)} entities in {graph}")


@app.command("eval")
def evaluate(
    graph: Path = GRAPH_OPTION,
    gold: Path = typer.Option(Path("benchmarks/gold"), "--gold", help="Directory of gold *.entities.jsonl "
                                                                     "and *.relations.jsonl files."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    errors: bool = typer.Option(False, "--errors", help="Also list false positives and misses."),
    types: str = typer.Option("", "--types", help="Score only these relation types, comma-separated "
                                                  "(met,contacted,requested,attended for a benchmark that "
                                                  "annotates only those); default all."),
    entity_types: str = typer.Option("", "--entity-types", help="Score only these entity types, "
                                                                "comma-separated (PER,ORG); default all."),
    thresholds: bool = typer.Option(False, "--thresholds", help="Also precision/recall of the relations "
                                                                "kept at each confidence threshold."),
) -> None:
    """Score the graph against gold annotations: precision, recall, F1.

    Per entity type (persons first), per relation type, and the attributes of matched relations
    (theme, date, modality, negation).

    Example: kg build seeds/ --out out/ && kg eval --graph out/ --gold benchmarks/gold
    """
    from kg.evaluation import (
        format_report,
        format_thresholds,
        load_gold,
        restrict,
        score_by_threshold,
        score_entities,
        score_relations,
    )
    from kg.extract import ENTITY_TYPES, RELATION_TYPES
    from kg.query import entity_rows, relation_rows

    choose(fmt, ("table", "json"))
    rel_types = [t.strip() for t in types.split(",") if t.strip()]
    ent_types = [t.strip() for t in entity_types.split(",") if t.strip()]
    check_known(rel_types, RELATION_TYPES, "relation type")
    check_known(ent_types, ENTITY_TYPES, "entity type")
    try:
        gold_entities, gold_relations = load_gold(gold)
    except (ValueError, OSError) as e:
        fail(str(e), 2)
    ds = load_graph(graph)
    ents, rels = entity_rows(ds), relation_rows(ds)
    rels, gold_relations = restrict(rels, rel_types), restrict(gold_relations, rel_types)
    people = score_entities(ents, gold_entities, types=("PER",))
    every = score_entities(ents, gold_entities, types=ent_types or None)
    report = score_relations(rels, gold_relations, gold_entities, types=rel_types or None,
                             predicted_entities=ents)
    table = score_by_threshold(rels, gold_relations, gold_entities, predicted_entities=ents) \
        if thresholds else None
    if fmt == "json":
        out = {"persons": people.overall.as_dict(),
               "entities": {t: s.as_dict() for t, s in every.per_type.items()},
               "entities_micro": every.overall.as_dict(),
               "relations": {t: s.as_dict() for t, s in report.per_type.items()},
               "relations_micro": report.overall.as_dict(),
               "attributes": {k: {"correct": a.correct, "total": a.total}
                              for k, a in report.attributes.items()}}
        if table is not None:
            out["thresholds"] = [{"threshold": t, **s.as_dict()} for t, s in table]
        print(json.dumps(out, ensure_ascii=False))
        return
    console.print(format_report(every, report), highlight=False, markup=False)
    if table is not None:
        console.print("\n" + format_thresholds(table), highlight=False, markup=False)
    if errors:
        for title, items in (("false positives", report.false_positives),
                             ("missed", report.false_negatives)):
            console.print(f"\n{title}:", markup=False)
            for r in items:
                console.print(f"  {r['doc']} {r['type']}: {r.get('subject')} -> {r.get('object')} "
                              f"({r.get('theme') or ''})", highlight=False, markup=False)
