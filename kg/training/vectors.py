"""Word vectors from SaudiNewsNet, turned into a Stanza pretrain.

Tokens are cut the way the UD word forms look after clitic splitting is not
attempted here: raw news tokens (punctuation split off, diacritics removed)
cover most word forms the taggers see, and clitic-bearing surface forms are
useful to the NER tagger, which reads tokens.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from kg.text import clean

TOKEN = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+|[A-Za-z]+|\d+|[^\s\w]", re.UNICODE)


def saudinewsnet_articles(corpus_dir: Path) -> Iterator[dict]:
    """Yield the articles of every daily zip in SaudiNewsNet, in date order."""
    for zpath in sorted(corpus_dir.glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in zf.namelist():
                if name.endswith(".json"):
                    yield from json.loads(zf.read(name).decode("utf-8"))


def tokenize_for_vectors(text: str) -> list[str]:
    return TOKEN.findall(clean(text))


def sentences(corpus_dir: Path) -> Iterator[list[str]]:
    for article in saudinewsnet_articles(corpus_dir):
        for para in (article.get("title") or "", article.get("content") or ""):
            for line in para.splitlines():
                toks = tokenize_for_vectors(line)
                if len(toks) > 2:
                    yield toks


def train_vectors(corpus_dir: Path, out_dir: Path, dim: int = 100, max_vocab: int = 60000,
                  epochs: int = 5, seed: int = 1234, workers: int = 2) -> Path:
    """Train word2vec (skip-gram) and write word2vec text; return its path."""
    from gensim.models import Word2Vec

    out_dir.mkdir(parents=True, exist_ok=True)
    corpus = out_dir / "saudinewsnet.tok.txt"
    if not corpus.exists():
        with corpus.open("w", encoding="utf-8") as f:
            for toks in sentences(corpus_dir):
                f.write(" ".join(toks) + "\n")
    model = Word2Vec(corpus_file=str(corpus), vector_size=dim, window=5, min_count=5,
                     sg=1, negative=5, epochs=epochs, seed=seed, workers=workers,
                     max_final_vocab=max_vocab)
    vec_path = out_dir / f"saudinewsnet.{dim}d.txt"
    model.wv.save_word2vec_format(str(vec_path), binary=False)
    return vec_path


def make_pretrain(vec_path: Path, pt_path: Path) -> Path:
    """Convert word2vec text into Stanza's pretrain file (vocab + matrix)."""
    from stanza.models.common.pretrain import Pretrain

    pt_path.parent.mkdir(parents=True, exist_ok=True)
    Pretrain(str(pt_path), str(vec_path)).load()
    return pt_path


if __name__ == "__main__":
    import sys

    vec = train_vectors(Path(sys.argv[1]), Path(sys.argv[2]))
    make_pretrain(vec, Path(sys.argv[2]) / "pretrain.pt")
    print(vec)
