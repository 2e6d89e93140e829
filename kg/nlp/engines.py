"""How the parse stage runs: in this process, in N local worker processes, or on a Ray cluster.

The builder hands an engine a list of texts and gets one outcome per text back, in the same order,
whatever runs them: a `Parsed` text, or a `ParseFailure` saying why that text could not be parsed.
Workers send CoNLL-U back (kg.corpus's own cache format), so a parse made anywhere is the parse the
cache would have held, and the graph does not depend on the engine.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kg.nlp.pipeline import EmptyText, Parsed, TextTooLong

log = logging.getLogger(__name__)

ENGINES = ("local", "ray")
SMALL_JOB = 8  # fewer documents than this to parse: worker start-up (model loading) costs more than it saves


@dataclass(frozen=True)
class ParseFailure:
    """A text the pipeline refused (bad_input: empty, too long) or failed on (model error, dead worker)."""

    reason: str
    bad_input: bool = False


Outcome = Parsed | ParseFailure


class ParseEngine(Protocol):
    """Parses texts; `parse_all` yields one outcome per text, in order. `close` frees workers."""

    name: str

    def parse_all(self, texts: Sequence[str]) -> Iterator[Outcome]: ...

    def close(self) -> None: ...


def parse_one(pipeline, text: str) -> Outcome:
    """One text through a pipeline; every error becomes a ParseFailure (one text never sinks a batch)."""
    try:
        return pipeline.parse(text)
    except (EmptyText, TextTooLong) as e:
        return ParseFailure(str(e), bad_input=True)
    except Exception as e:  # a model failure on one document must not sink the build
        log.exception("parsing failed")
        return ParseFailure(f"the NLP pipeline failed on it ({type(e).__name__}: {e}); please report it")


class InProcessEngine:
    """The pipeline of this process, one text after another."""

    name = "in-process"

    def __init__(self, pipeline) -> None:
        self.pipeline = pipeline

    def parse_all(self, texts: Sequence[str]) -> Iterator[Outcome]:
        for text in texts:
            yield parse_one(self.pipeline, text)

    def close(self) -> None:
        pass


# --- work done inside a worker process (local pool or Ray actor) -------------------------------------

_worker_pipeline = None


def _start_worker(models: str | None) -> None:
    """Load the pipeline once per worker, on one torch thread (workers, not threads, use the cores)."""
    global _worker_pipeline
    from kg.nlp.pipeline import ArabicPipeline

    _worker_pipeline = ArabicPipeline(models, threads=1)


def _parse_in_worker(text: str) -> tuple[str, str, list[str]] | ParseFailure:
    outcome = parse_one(_worker_pipeline, text)
    return outcome if isinstance(outcome, ParseFailure) else _shipped(outcome)


def _shipped(parsed: Parsed) -> tuple[str, str, list[str]]:
    from kg.corpus import to_conllu

    return parsed.text, to_conllu(parsed), parsed.notes


def _received(result) -> Outcome:
    if isinstance(result, ParseFailure):
        return result
    from kg.corpus import from_conllu

    text, conllu, notes = result
    parsed = from_conllu(text, conllu)
    parsed.notes = list(notes)
    return parsed


class LocalPoolEngine:
    """N worker processes on this machine, each with its own pipeline loaded once.

    Processes are started with 'spawn' (forking a process that already runs torch threads can hang).
    A worker that dies (killed, out of memory) breaks the pool: the texts still in flight are tried
    again in a fresh pool, one at a time, and a text that kills a worker twice is reported, not lost.
    """

    name = "local"

    def __init__(self, workers: int, models: str | Path | None = None) -> None:
        self.workers = max(1, workers)
        self.models = str(models) if models else None
        self._pool = None

    def _executor(self):
        if self._pool is None:
            import multiprocessing as mp
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"),
                                             initializer=_start_worker, initargs=(self.models,))
        return self._pool

    def parse_all(self, texts: Sequence[str]) -> Iterator[Outcome]:
        from concurrent.futures.process import BrokenProcessPool

        window = 4 * self.workers  # texts in flight: the workers stay busy, memory stays bounded
        futures: dict[int, object] = {}
        for i in range(len(texts)):
            for j in range(i, min(len(texts), i + window)):
                if j not in futures:
                    futures[j] = self._executor().submit(_parse_in_worker, texts[j])
            try:
                yield _received(futures.pop(i).result())
            except BrokenProcessPool:
                self._restart()
                futures.clear()  # the texts in flight are sent again to the fresh pool
                yield self._retry_alone(texts[i])

    def _retry_alone(self, text: str) -> Outcome:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return _received(self._executor().submit(_parse_in_worker, text).result())
        except BrokenProcessPool:
            self._restart()
            return ParseFailure("a parse worker died twice on it (killed, or out of memory); "
                                "try it alone with --workers 1")

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def make_engine(engine: str = "local", workers: int | None = None, pipeline=None, jobs: int | None = None,
                models: str | Path | None = None, gpus: float = 0.0) -> ParseEngine:
    """The engine a build asked for.

    engine 'local' with workers=None uses the machine's cores, but stays in this process when there
    are fewer than SMALL_JOB texts to parse (`jobs`), where starting workers costs more than it saves;
    workers=1 is always this process. engine 'ray' runs on Ray (kg.nlp.ray_engine).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if engine == "ray":
        from kg.nlp.ray_engine import RayEngine

        return RayEngine(workers, models, gpus=gpus)
    if workers is None:
        small = jobs is not None and jobs < SMALL_JOB
        workers = 1 if small else default_workers()
    if jobs is not None:
        workers = max(1, min(workers, jobs))
    if workers <= 1:
        from kg.nlp.pipeline import default_pipeline

        return InProcessEngine(pipeline or default_pipeline(str(models) if models else None))
    return LocalPoolEngine(workers, models)
