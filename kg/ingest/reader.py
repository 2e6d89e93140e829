"""read_documents: files and directories in, Documents (or Skipped with a reason) out.

A batch of thousands of scraped files always holds a few bad ones; each one
becomes a Skipped that says what to fix, and the batch goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.ingest.article import extract_article
from kg.ingest.decode import decode
from kg.ingest.document import Document, Skipped, Unreadable, make_document
from kg.ingest.dumps import read_json, read_jsonl
from kg.ingest.pages import read_html

MAX_BYTES = 20 * 1024 * 1024  # larger files are refused before they are read
SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".htm")

Result = Document | Skipped


def read_documents(paths: Iterable[str | Path]) -> Iterator[Result]:
    """Documents from files and directories (walked recursively in sorted order); never raises for bad input.

    Directories yield their .txt/.json/.jsonl/.html/.htm files and silently pass
    over other files and hidden ones; a file named directly must be one of those.
    """
    for given in paths:
        path = Path(given)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except (OSError, ValueError) as exc:  # unreadable parent directory, NUL in the name
            yield Skipped(str(path), f"cannot access the path: {exc}")
            continue
        if is_dir:
            for file in walk(path):
                yield from _read_file(file)
        elif not exists:
            yield Skipped(str(path), "no such file or directory; check the path")
        elif path.suffix.lower() not in SUFFIXES:
            yield Skipped(str(path), f"unsupported file type {path.suffix or '(none)'!r}; "
                                     f"expected one of {', '.join(SUFFIXES)}")
        else:
            yield from _read_file(path)


def walk(root: Path) -> list[Path]:
    """Readable article files under ``root``, sorted, skipping hidden files and directories."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(folder) / f for f in files
                  if not f.startswith(".") and Path(f).suffix.lower() in SUFFIXES]
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _read_file(path: Path) -> Iterator[Result]:
    """The results for one file; any failure becomes a Skipped for that file."""
    try:
        text = _load(path)
        yield from _READERS[path.suffix.lower()](text, path)
    except Unreadable as exc:
        yield Skipped(str(path), str(exc))
    except OSError as exc:
        yield Skipped(str(path), f"cannot read the file: {exc.strerror or exc}")
    except Exception as exc:  # one odd file must not stop a batch
        yield Skipped(str(path), f"could not be read ({type(exc).__name__}: {exc}); please report this file")


def _load(path: Path) -> str:
    """The file's text, after the size, emptiness and encoding checks."""
    size = path.stat().st_size
    if size == 0:
        raise Unreadable("empty file (0 bytes); nothing to read")
    if size > MAX_BYTES:
        raise Unreadable(f"file is {size / 2**20:.1f} MB, over the {MAX_BYTES / 2**20:.0f} MB limit; "
                         "split it into smaller files")
    text = decode(path.read_bytes())
    if not text.strip():
        raise Unreadable("empty file (only whitespace); nothing to read")
    return text


def _read_txt(text: str, path: Path) -> Iterator[Result]:
    yield make_document(path.stem, extract_article(text), str(path))


def _read_html(text: str, path: Path) -> Iterator[Result]:
    page = read_html(text)
    yield make_document(path.stem, page.article, str(path), url=page.url)


def _read_json(text: str, path: Path) -> Iterator[Result]:
    return read_json(text, str(path), path.stem)


def _read_jsonl(text: str, path: Path) -> Iterator[Result]:
    return read_jsonl(text, str(path), path.stem)


_READERS: dict[str, Callable[[str, Path], Iterator[Result]]] = {
    ".txt": _read_txt, ".json": _read_json, ".jsonl": _read_jsonl, ".html": _read_html, ".htm": _read_html,
}
