"""The graph on disk: one TriG file, DIR/graph.trig, updated one document at a time.

Documents are keyed by id: re-adding one replaces its named graph whole, so a changed article never
leaves stale facts behind. Entities are merged (names unioned), and kg:mentionCount is recounted from
the kg:Mention nodes, so replacing a document also corrects the counts. Saving is atomic: a crash
mid-write leaves the previous file whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import RDF, Dataset, Graph
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from kg.extract.model import Assertion, Entity
from kg.files import write_atomic
from kg.graph import iri, trig
from kg.graph.namespace import KG
from kg.graph.rdf import Dropped, build, finish, new_dataset
from kg.ingest.document import Document

FILENAME = trig.FILENAME


class CorruptGraphStore(ValueError):
    """The store file exists but cannot be read as TriG."""


class GraphStore:
    """A Dataset persisted as DIR/graph.trig; read lazily, written by save()."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.path = self.directory / FILENAME
        self._dataset: Dataset | None = None
        self._stale = False  # mention counts / orphans need finish() before the graph is read or saved

    @property
    def dataset(self) -> Dataset:
        """The graph, with mention counts up to date (recounted once after a batch of changes)."""
        ds = self._loaded()
        if self._stale:
            finish(ds)
            self._stale = False
        return ds

    def _loaded(self) -> Dataset:
        return self._dataset if self._dataset is not None else self.load()

    def load(self) -> Dataset:
        """(Re)read the file; a missing store is an empty dataset, an unreadable one a CorruptGraphStore."""
        ds = new_dataset()
        if self.path.exists():
            try:
                ds.parse(self.path, format="trig")
            except OSError:  # unreadable (permissions, I/O): not corrupt, so say what the system said
                raise
            except Exception as e:  # the parsers raise many types; all mean "not a graph we can use"
                raise CorruptGraphStore(
                    f"{self.path}: cannot read the graph store ({type(e).__name__}: {e}). "
                    "Restore the file from a backup, or delete it and build again to rebuild the graph "
                    "from the documents.") from e
        self._dataset, self._stale = ds, False
        return ds

    def documents(self) -> dict[str, str]:
        """Document id -> content hash of every stored document, to skip unchanged ones."""
        ds = self.dataset
        hashes: dict[str, str] = {}
        for node in ds.subjects(RDF.type, KG.Document):
            doc_id, digest = ds.value(node, DCTERMS.identifier), ds.value(node, KG.contentHash)
            if doc_id is not None:
                hashes[str(doc_id)] = str(digest or "")
        return hashes

    def add(self, documents: Iterable[Document], entities: Iterable[Entity],
            assertions: Iterable[Assertion]) -> list[Dropped]:
        """Add one extraction run: each document's graph replaces any stored one; entities are merged."""
        documents = list(documents)
        for doc in documents:
            self.remove_document(doc.id)
        built = build(documents, entities, assertions, into=self._loaded())  # also recounts mentions
        self._stale = False
        return built.dropped

    def replace_all(self, documents: Iterable[Document], entities: Iterable[Entity],
                    assertions: Iterable[Assertion]) -> list[Dropped]:
        """Make the graph exactly this extraction run (the stored file is not read)."""
        built = build(documents, entities, assertions)
        self._dataset, self._stale = built.dataset, False
        return built.dropped

    def replace_document(self, doc_id: str, triples: Graph | Iterable[tuple[Node, ...]]) -> None:
        """Make the document's named graph hold exactly these triples (a quad's 4th element is ignored:
        the graph is the document's). Entities they refer to must be in the entities graph."""
        self.remove_document(doc_id)
        graph = self._loaded().graph(iri.document_graph_iri(doc_id))
        graph.addN((s, p, o, graph) for s, p, o, *_ in triples)
        self._stale = True

    def remove_document(self, doc_id: str) -> bool:
        """Drop the document's named graph; returns whether it was there."""
        name = iri.document_graph_iri(doc_id)
        ds = self._loaded()
        present = any(True for _ in ds.graph(name).triples((None, None, None)))
        ds.remove_graph(name)
        self._stale = True
        return present

    def save(self) -> Path:
        """Write DIR/graph.trig atomically: temp file in the same directory, fsync, os.replace."""
        return write_atomic(self.path, trig.serialize(self.dataset))
