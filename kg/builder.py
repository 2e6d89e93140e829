"""`kg build`: news files in, a knowledge graph out, one bad document at a time.

Stages run in one direction: ingest -> nlp -> extract -> graph. New and changed documents are parsed
and recorded in OUT (kg.corpus); then the whole corpus in OUT is extracted again from the cached
parses, so names are resolved across every document ever added, and OUT/graph.trig is replaced
atomically. A document that fails at any stage is reported and skipped; what OUT held before stays.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.corpus import MANIFEST, Corpus
from kg.graph.rdf import Dropped
from kg.ingest import Document, Skipped, read_documents

__all__ = ["MANIFEST", "BuildReport", "build"]

log = logging.getLogger(__name__)

Progress = Callable[[str, str], None]  # (document id or stage, status)


@dataclass
class BuildReport:
    """What one build did. ``seconds`` splits the time into stages: ingest (reading and cleaning,
    cache bookkeeping), stanza (parsing), extract, graph (RDF), save (graph.trig) and store (the query
    store, DIR/store)."""

    parsed: list[str] = field(default_factory=list)  # documents new to OUT, or changed
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)  # extracted facts the graph could not express
    documents: int = 0  # documents in the graph
    entities: int = 0
    relations: Counter = field(default_factory=Counter)  # assertion type -> count
    words: int = 0  # words Stanza parsed in this run
    graph: Path | None = None
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(
        ("ingest", "stanza", "extract", "graph", "save", "store"), 0.0))
    store: object | None = None  # kg.graph.oxstore.SyncReport: how the query store was updated

    @property
    def ok(self) -> bool:
        return not self.skipped


def build(paths: Iterable[str | Path], out: Path, pipeline=None, on_document: Progress | None = None,
          graph: bool = True) -> BuildReport:
    """Read, parse and record every document under paths into OUT, then rebuild OUT's graph.

    graph=False stops after parsing (the parse cache is filled, graph.trig is left as it is).
    """
    from kg.nlp import default_pipeline

    out = Path(out)
    pipeline = pipeline or default_pipeline()
    out.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(out)
    report = BuildReport()
    notify = on_document or (lambda _doc, _status: None)
    started = time.perf_counter()
    for item in _inputs(paths, out):
        if isinstance(item, Skipped):
            report.skipped.append(item)
            notify(item.path, "skipped")
        elif corpus.unchanged(item):
            report.unchanged.append(item.id)
            notify(item.id, "unchanged")
        elif _parse_and_record(item, corpus, pipeline, report):
            notify(item.id, "parsed")
    report.seconds["ingest"] = time.perf_counter() - started - report.seconds["stanza"]
    if graph:
        write_graph(corpus, report, notify)
    return report


def _inputs(paths: Iterable[str | Path], out: Path):
    """The documents under paths, leaving out OUT itself (`kg build . --out out` must not read its own
    manifest as a news dump)."""
    inside = out.resolve()
    for item in read_documents(paths):
        try:
            source = Path(item.path.split("#")[0]).resolve()
        except (OSError, ValueError):  # an unusable path is reported by the item itself
            yield item
            continue
        if source == inside or inside in source.parents:
            continue
        yield item


def _parse_and_record(doc: Document, corpus: Corpus, pipeline, report: BuildReport) -> bool:
    from kg.nlp import EmptyText, TextTooLong

    parsed = corpus.cached_parse(doc)  # the same text under another id or path
    if parsed is None:
        t = time.perf_counter()
        try:
            parsed = pipeline.parse(doc.text)
        except (EmptyText, TextTooLong) as e:
            report.skipped.append(Skipped(doc.path, str(e)))
            return False
        except Exception as e:  # a model failure on one document must not sink the build
            log.exception("parsing %s failed", doc.id)
            reason = f"the NLP pipeline failed on it ({type(e).__name__}: {e}); please report it"
            report.skipped.append(Skipped(doc.path, reason))
            return False
        finally:
            report.seconds["stanza"] += time.perf_counter() - t
        report.words += len(parsed.words)
    if parsed.text != doc.text:  # offsets refer to the text Stanza saw
        doc = replace(doc, text=parsed.text)
    corpus.add(doc, parsed)
    report.parsed.append(doc.id)
    return True


def write_graph(corpus: Corpus, report: BuildReport, notify: Progress) -> None:
    """Extract every document in the corpus and replace OUT/graph.trig with the result."""
    from kg.corpus import from_conllu
    from kg.extract import add_known_names, combine, extract_document, sentences_of
    from kg.graph.oxstore import sync_after_save
    from kg.graph.store import GraphStore

    t = time.perf_counter()
    notify("graph", "extracting")
    read, known, failed = [], {}, []
    for doc, parse_file in corpus.documents():
        try:
            parsed = from_conllu(doc.text, parse_file.read_text(encoding="utf-8"))
            sents = sentences_of(parsed)
            add_known_names(known, doc, parsed, sents)
            read.append((doc, parsed, sents))
        except Exception as e:
            failed.append(_extraction_failed(doc, e, report))
    extractions = []
    for doc, parsed, sents in read:
        try:
            extractions.append(extract_document(doc, parsed, known, sents))
        except Exception as e:
            failed.append(_extraction_failed(doc, e, report))
    entities, assertions = combine(extractions)
    ok = [doc for doc, _, _ in read if doc.id not in failed]
    report.seconds["extract"] = time.perf_counter() - t

    t = time.perf_counter()
    notify("graph", "building")
    store = GraphStore(corpus.out)
    if failed:  # keep what the graph already says about the documents that failed this time
        report.dropped += store.add(ok, entities.values(), assertions)
    else:
        report.dropped += store.replace_all(ok, entities.values(), assertions)
    report.seconds["graph"] = time.perf_counter() - t
    t = time.perf_counter()
    notify("graph", "saving")
    report.graph = store.save()
    report.seconds["save"] = time.perf_counter() - t
    t = time.perf_counter()
    notify("graph", "updating the query store")
    report.store = sync_after_save(corpus.out, store.dataset)
    report.seconds["store"] = time.perf_counter() - t
    report.documents = len(store.documents())
    report.entities = len(entities)
    report.relations = Counter(a.type for a in assertions)


def _extraction_failed(doc: Document, error: Exception, report: BuildReport) -> str:
    log.exception("extracting %s failed", doc.id)
    report.skipped.append(Skipped(doc.path, f"extraction failed ({type(error).__name__}: {error}); its "
                                            "previous facts, if any, are kept; please report this"))
    return doc.id
