"""The parse stage on Ray: a pool of actors, each loading the Stanza pipeline once.

With RAY_ADDRESS unset, a local Ray is started for the build (and stopped after it); with it set
(`ray://head:10001` or `auto`), the build joins that cluster and its actors run on any node. Every
node needs kg installed (the same version: the models ship inside the package, so nothing else is
sent to the workers but the texts, and nothing comes back but CoNLL-U). docs/scale.md has the details.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from kg.nlp.engines import Outcome, ParseFailure, _received

log = logging.getLogger(__name__)

IN_FLIGHT_PER_ACTOR = 2  # tasks queued on an actor at once: enough to keep it busy, few to lose if it dies


class RayEngine:
    """Parse texts on Ray actors; outcomes come back in the order of the texts.

    An actor that dies (its node lost, killed, out of memory) is restarted by Ray and its task retried
    (max_restarts / max_task_retries); a text that still fails is reported as a ParseFailure, not lost.
    """

    name = "ray"

    def __init__(self, workers: int | None = None, models: str | Path | None = None, gpus: float = 0.0,
                 retries: int = 2) -> None:
        try:
            import ray
        except ImportError as e:
            raise RuntimeError("--engine ray needs Ray: pip install 'kg[cluster]'") from e
        self._ray = ray
        self._started_here = False
        if not ray.is_initialized():
            address = os.environ.get("RAY_ADDRESS") or None
            ray.init(address=address, num_cpus=None if address else (workers or None),
                     include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING,
                     configure_logging=False)
            self._started_here = True
        if workers is None:
            workers = max(1, int(ray.cluster_resources().get("GPU" if gpus else "CPU", 1) / max(gpus, 1)))
        actor = ray.remote(num_cpus=1, num_gpus=gpus, max_restarts=retries,
                           max_task_retries=retries)(_ParserActor)
        self.workers = workers
        self._actors = [actor.remote(str(models) if models else None, bool(gpus)) for _ in range(workers)]

    def parse_all(self, texts: Sequence[str]) -> Iterator[Outcome]:
        ray = self._ray
        pending: dict = {}  # object ref -> (index, actor)
        results: dict[int, Outcome] = {}
        free = [a for a in self._actors for _ in range(IN_FLIGHT_PER_ACTOR)]
        next_text, next_out = 0, 0
        while next_out < len(texts):
            while free and next_text < len(texts):
                actor = free.pop(0)
                pending[actor.parse.remote(texts[next_text])] = (next_text, actor)
                next_text += 1
            done, _ = ray.wait(list(pending), num_returns=1)
            index, actor = pending.pop(done[0])
            free.append(actor)
            try:
                results[index] = _received(ray.get(done[0]))
            except Exception as e:  # RayActorError, RayTaskError, WorkerCrashedError ...
                log.warning("a Ray worker failed on document %d: %s", index, e)
                results[index] = ParseFailure(f"the Ray worker failed on it after retries "
                                              f"({type(e).__name__}); try it again, or with --engine local")
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._started_here:
            self._ray.shutdown()


class _ParserActor:
    """One Stanza pipeline per actor, loaded once."""

    def __init__(self, models: str | None, use_gpu: bool) -> None:
        from kg.nlp.pipeline import ArabicPipeline

        self.pipeline = ArabicPipeline(models, use_gpu=use_gpu, threads=1)

    def parse(self, text: str):
        from kg.nlp.engines import ParseFailure, _shipped, parse_one

        outcome = parse_one(self.pipeline, text)
        return outcome if isinstance(outcome, ParseFailure) else _shipped(outcome)
