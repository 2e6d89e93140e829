"""Words per second of the full pipeline with and without the whole-word guard (kg/nlp/clitics.py).

Usage: python benchmarks/whole_words_speed.py [--data ../shared/data] [--rounds 3]
The first 40 SaudiNewsNet articles (as `kg models train --steps speed`), one torch thread, both
pipelines loaded and warmed up first, then parsed in alternation so that load from other processes
falls on both alike; prints each round and the best of each, by the wall clock and by the CPU time
of this process (which other processes on a busy machine disturb far less).
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    from kg.nlp.pipeline import ArabicPipeline
    from kg.training.build import SPEED_ARTICLES
    from kg.training.vectors import saudinewsnet_articles

    articles = itertools.islice(saudinewsnet_articles(args.data / "corpus" / "saudinewsnet"), SPEED_ARTICLES)
    texts = [a["content"] for a in articles if a.get("content")]
    pipes = {"no guard": ArabicPipeline(use_gpu=False, threads=1, guard=False),
             "guard": ArabicPipeline(use_gpu=False, threads=1)}
    for pipe in pipes.values():
        pipe.parse(texts[0][:500])
    best: dict[str, tuple[float, float]] = {}
    for r in range(args.rounds):
        for name, pipe in pipes.items():
            start, cpu, words = time.perf_counter(), time.process_time(), 0
            for text in texts:
                words += len(pipe.parse(text).words)
            rate = words / (time.perf_counter() - start)
            cpu_rate = words / (time.process_time() - cpu)
            old = best.get(name, (0.0, 0.0))
            best[name] = (max(old[0], rate), max(old[1], cpu_rate))
            print(f"round {r + 1} {name}: {words} words, {rate:.0f} words/s, "
                  f"{cpu_rate:.0f} words per CPU second", flush=True)
    for name, (rate, cpu_rate) in best.items():
        print(f"best {name}: {rate:.0f} words/s, {cpu_rate:.0f} words per CPU second")


if __name__ == "__main__":
    main()
