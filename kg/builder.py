"""`kg build`: news files in, a knowledge graph out, one bad document at a time.

Stages run in one direction: ingest -> nlp -> extract -> graph. New and changed documents are parsed
and recorded in OUT (kg.corpus); then the whole corpus in OUT is extracted again from the cached
parses, so names are resolved across every document ever added, and OUT/graph.trig is replaced
atomically. A document that fails at any stage is reported and skipped; what OUT held before stays.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.buildlock import BuildLocked, build_lock
from kg.corpus import MANIFEST, Corpus, DamagedParse
from kg.graph.rdf import Dropped
from kg.ingest import Document, Skipped, read_documents

__all__ = ["MANIFEST", "BuildLocked", "BuildReport", "build"]

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
    extracted: int = 0  # documents extracted in this run (new ones, and earlier ones a new name touches)
    reextracted: int = 0  # earlier documents extracted again because a new name may occur in them
    graph: Path | None = None
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(
        ("ingest", "stanza", "extract", "graph", "save", "store"), 0.0))
    store: object | None = None  # kg.graph.oxstore.SyncReport: how the query store was updated

    @property
    def ok(self) -> bool:
        return not self.skipped


def build(paths: Iterable[str | Path], out: Path, pipeline=None, on_document: Progress | None = None,
          graph: bool = True, workers: int | None = 1, engine: str = "local",
          models: str | Path | None = None, gpus: float = 0.0,
          on_total: Callable[[int], None] | None = None, wait: bool = True,
          on_wait: Callable[[str], None] | None = None) -> BuildReport:
    """Read, parse and record every document under paths into OUT, then rebuild OUT's graph.

    The parse stage runs as kg.nlp.engines.make_engine chooses from `engine` and `workers` (this
    process with `pipeline`, N local processes, Ray). Documents are recorded in input order whatever
    the engine, so the graph is the same. graph=False stops after parsing (the parse cache is filled,
    graph.trig is left as it is). on_total is told the number of inputs before the first is recorded.
    One build writes OUT at a time (kg.buildlock): a second one waits, calling ``on_wait`` with who holds
    OUT, or with ``wait=False`` raises BuildLocked at once. OSError when OUT cannot be written (read-only,
    disk full): what OUT held before stays whole.
    """
    out = Path(out)
    with build_lock(out, wait=wait, on_wait=on_wait):
        return _build_locked(paths, out, pipeline, on_document, graph, on_total,
                             dict(engine=engine, workers=workers, models=models, gpus=gpus))


def _build_locked(paths: Iterable[str | Path], out: Path, pipeline, on_document: Progress | None,
                  graph: bool, on_total: Callable[[int], None] | None, engine_options: dict) -> BuildReport:
    from kg.nlp.engines import make_engine

    trace("start")
    corpus = Corpus(out, parser=_parser(pipeline, engine_options.get("models")))
    corpus.remove_leftovers()
    report = BuildReport()
    notify = on_document or (lambda _doc, _status: None)
    started = time.perf_counter()
    items = []
    for item in _inputs(paths, out):
        trace("ingest", getattr(item, "id", "skipped"))
        items.append(item)
    if on_total:
        on_total(len(items))
    unchanged = {id(item) for item in items if not isinstance(item, Skipped) and corpus.unchanged(item)}
    to_parse = _needing_parse(items, corpus, unchanged)
    parse_engine = None
    if to_parse:  # starting workers (loading models) counts as parse time
        t = time.perf_counter()
        parse_engine = make_engine(pipeline=pipeline, jobs=len(to_parse), **engine_options)
        report.seconds["stanza"] += time.perf_counter() - t
    outcomes = parse_engine.parse_all([doc.text for doc in to_parse]) if parse_engine else iter(())
    first_of_text = {id(doc) for doc in to_parse}
    try:
        for item in items:
            if isinstance(item, Skipped):
                report.skipped.append(item)
                notify(item.path, "skipped")
            elif id(item) in unchanged:  # checked once: it reads and checksums the cached parse
                report.unchanged.append(item.id)
                notify(item.id, "unchanged")
            elif _record(item, corpus, report, outcomes if id(item) in first_of_text else None):
                notify(item.id, "parsed")
    finally:
        if parse_engine is not None:
            parse_engine.close()
    report.seconds["ingest"] = time.perf_counter() - started - report.seconds["stanza"]
    if graph:
        write_graph(corpus, report, notify)
    corpus.compact()
    trace("done")
    return report


def _parser(pipeline, models) -> str | None:
    """The fingerprint of the models this build parses with (None for a pipeline not of kg.nlp)."""
    from kg.nlp import ModelsNotFound
    from kg.nlp.pipeline import parser_fingerprint

    try:
        return parser_fingerprint(models or getattr(pipeline, "models", None))
    except (ModelsNotFound, OSError):
        return None


def _needing_parse(items: list, corpus: Corpus, unchanged: set[int]) -> list[Document]:
    """The documents whose text has no parse in the cache yet, each text once (the first document)."""
    texts, out = set(), []
    for item in items:
        if isinstance(item, Skipped) or id(item) in unchanged or item.content_hash in texts:
            continue
        if not corpus.parse_ok(item.content_hash):
            texts.add(item.content_hash)
            out.append(item)
    return out


def trace(stage: str, detail: str = "") -> None:
    """Mark a stage for the kill-at-any-moment test (tests/test_build_kills.py), which times its kills
    by these marks: off unless KG_BUILD_TRACE names a file, where "<monotonic time> <stage> <detail>" is
    appended. KG_BUILD_PAUSE="<stage>=<seconds>" then also sleeps that long after each mark of the stage,
    so that a stage over in microseconds can be hit too."""
    target = os.environ.get("KG_BUILD_TRACE")
    if not target:
        return
    with open(target, "a", encoding="utf-8") as f:
        f.write(f"{time.monotonic():.6f} {stage} {detail}".rstrip() + "\n")
    paused, _, seconds = os.environ.get("KG_BUILD_PAUSE", "").partition("=")
    if paused == stage:
        time.sleep(float(seconds))


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


def _record(doc: Document, corpus: Corpus, report: BuildReport, outcomes: Iterator | None) -> bool:
    """Record doc with its parse: the engine's next outcome if doc was sent to be parsed, else the cached
    parse of its text (another document with the same text, parsed earlier or earlier in this run)."""
    from kg.nlp.engines import ParseFailure

    if outcomes is None:
        parsed = corpus.cached_parse(doc)
        if parsed is None:  # the same text, sent to be parsed for an earlier document, failed
            report.skipped.append(Skipped(doc.path, "its text, met earlier in this run, failed to parse"))
            return False
    else:
        t = time.perf_counter()
        trace("parse", doc.id)
        parsed = next(outcomes)
        report.seconds["stanza"] += time.perf_counter() - t
        if isinstance(parsed, ParseFailure):
            report.skipped.append(Skipped(doc.path, parsed.reason))
            return False
        report.words += len(parsed.words)
    if parsed.text != doc.text:  # offsets refer to the text Stanza saw
        doc = replace(doc, text=parsed.text)
    trace("record", doc.id)
    corpus.add(doc, parsed)
    report.parsed.append(doc.id)
    return True


def write_graph(corpus: Corpus, report: BuildReport, notify: Progress) -> None:
    """Extract the corpus in OUT (new documents, and old ones a new name may occur in; the rest from
    OUT/extract) and replace OUT/graph.trig with the result."""
    t = time.perf_counter()
    trace("extract")
    notify("graph", "extracting")
    extractions, ok, failed = _extract(corpus, report)
    from kg.extract import combine

    entities, assertions = combine(extractions)
    report.seconds["extract"] = time.perf_counter() - t

    from kg.graph.oxstore import sync_after_save
    from kg.graph.store import GraphStore

    t = time.perf_counter()
    trace("graph")
    notify("graph", "building")
    store = GraphStore(corpus.out)
    if failed:  # keep what the graph already says about the documents that failed this time
        report.dropped += store.add(ok, entities.values(), assertions)
    else:
        report.dropped += store.replace_all(ok, entities.values(), assertions)
    report.seconds["graph"] = time.perf_counter() - t
    t = time.perf_counter()
    trace("save")
    notify("graph", "saving")
    report.graph = store.save()
    report.seconds["save"] = time.perf_counter() - t
    t = time.perf_counter()  # (no trace mark of its own: a kill in it counts as one in "save")
    notify("graph", "updating the query store")
    report.store = sync_after_save(corpus.out, store.dataset)
    report.seconds["store"] = time.perf_counter() - t
    report.documents = len(store.documents())
    report.entities = len(entities)
    report.relations = Counter(a.type for a in assertions)


def _extract(corpus: Corpus, report: BuildReport):
    """Every document's extraction in corpus order, the documents that gave one, the ids that failed.

    Documents the extraction cache's index already covers are loaded from it unless a name taught by a
    new document could occur in them (kg.extract.incremental); the rest are read from their parse.
    """
    from kg.extract import add_known_names, extract_document, sentences_of
    from kg.extract.incremental import ExtractionCache, ExtractionIndex, fingerprint, word_keys

    docs = list(corpus.documents())
    cache = ExtractionCache(corpus.out)
    index = cache.load_index([(d.id, d.content_hash) for d, _ in docs])
    if index is None:
        index = ExtractionIndex(fingerprint())
    start = len(index.order)
    known = dict(index.known)
    before = set(known)
    read, failed = {}, []

    def read_parse(pos: int) -> None:
        doc = docs[pos][0]
        parsed = corpus.read_parse(doc)
        read[pos] = (doc, parsed, sentences_of(parsed))

    def failing(doc, e: Exception) -> str:
        if isinstance(e, DamagedParse):
            report.skipped.append(Skipped(doc.path, f"{e}; its previous facts, if any, are kept"))
            return doc.id
        return _extraction_failed(doc, e, report)

    for pos in range(start, len(docs)):
        try:
            read_parse(pos)
            add_known_names(known, read[pos][0], read[pos][1], read[pos][2])
        except Exception as e:
            read.pop(pos, None)
            failed.append(failing(docs[pos][0], e))
    affected = index.documents_containing(set(known) - before)
    report.reextracted = len(affected)
    extractions, ok = [], []
    for pos, (doc, _) in enumerate(docs):
        if doc.id in failed:
            continue
        try:
            cached = None if pos in read or pos in affected else cache.load(doc.id, doc.content_hash)
            if cached is None:
                if pos not in read:
                    read_parse(pos)
                _, parsed, sents = read.pop(pos) if pos < start else read[pos]
                cached = extract_document(doc, parsed, known, sents)
                cache.store(doc.id, doc.content_hash, cached)
                report.extracted += 1
            extractions.append(cached)
            ok.append(doc)
        except Exception as e:
            failed.append(failing(doc, e))
    if failed:
        cache.forget()
    else:
        for pos in range(start, len(docs)):
            index.add_document(docs[pos][0].id, docs[pos][0].content_hash, word_keys(read[pos][2]))
        index.known = known
        cache.save_index(index)
    return extractions, ok, failed


def _extraction_failed(doc: Document, error: Exception, report: BuildReport) -> str:
    log.exception("extracting %s failed", doc.id)
    report.skipped.append(Skipped(doc.path, f"extraction failed ({type(error).__name__}: {error}); its "
                                            "previous facts, if any, are kept; please report this"))
    return doc.id
