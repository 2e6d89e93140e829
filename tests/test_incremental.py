"""Adding documents to OUT re-extracts the new ones and the old ones a new name touches, and the graph
equals the one built from scratch over all of them."""

import shutil
from pathlib import Path

from kg.builder import build
from kg.extract.incremental import CACHE_DIR
from kg.graph.store import FILENAME

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_adding_documents_in_batches_equals_building_them_at_once(seeds_graph, pipeline, tmp_path):
    files = sorted(SEEDS.glob("*.txt"))
    out = tmp_path / "out"
    first = build(files[:3], out, pipeline)
    assert first.extracted == 3 and first.reextracted == 0
    second = build(files, out, pipeline)
    assert second.parsed == [f.stem for f in files[3:]] and len(second.unchanged) == 3
    assert second.extracted == 2 + second.reextracted and second.reextracted <= 3
    assert (out / FILENAME).read_bytes() == (seeds_graph / FILENAME).read_bytes()
    third = build(files, out, pipeline)  # nothing new: everything from the cache
    assert third.extracted == 0 and (out / FILENAME).read_bytes() == (seeds_graph / FILENAME).read_bytes()


def test_a_lost_or_stale_cache_means_extracting_everything_again(seeds_graph, pipeline, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(seeds_graph, out)
    index = out / CACHE_DIR / "index.pickle"
    index.write_bytes(b"not a pickle")
    again = build([SEEDS], out, pipeline)
    assert again.extracted == 5 and (out / FILENAME).read_bytes() == (seeds_graph / FILENAME).read_bytes()


def test_a_changed_document_is_extracted_with_the_corpus_again(seeds_graph, pipeline, tmp_path):
    corpus = tmp_path / "news"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "out"
    shutil.copytree(seeds_graph, out)
    changed = sorted(corpus.glob("*.txt"))[1]
    text = changed.read_text(encoding="utf-8")
    first = max(text.splitlines(), key=len)  # the body's longest paragraph gets a sentence more
    changed.write_text(text.replace(first, first + " والتقى الرئيس جو بايدن رئيس الوزراء في واشنطن."),
                       encoding="utf-8")
    again = build([corpus], out, pipeline)
    assert again.parsed == [changed.stem] and again.extracted == 5
    scratch = tmp_path / "scratch"
    build([corpus], scratch, pipeline)
    assert (out / FILENAME).read_bytes() == (scratch / FILENAME).read_bytes()
