"""Build kg/resources/whole_words.txt, the lexicon of the MWT guard (kg/nlp/clitics.py).

A word that begins with a letter that is also a proclitic (و ف ب ل ك س) is kept whole when news
writes it far more often than the host a clitic split would leave: SaudiNewsNet has لبنان 900
times and بنان 10, so لبنان is a word, while بالمملكة is ب + المملكة (المملكة is far more
frequent). A name of the gazetteers (ANERGazet, the Arabic-English name lexicon) is kept whole
unless its host is the more frequent word or itself a name (وبيريز is و + بيريز); so is a
frequent word or a name whose س cannot be the future particle (سعيد، سلمان: it only comes before an
imperfect verb). Never kept whole: letter + article (بال، وال، لل), a proclitic on a bare pronoun
(لها، بهم), and forms the UD training side splits more often than it writes them whole.

    python -m kg.training.whole_words --data ../shared/data [--out kg/resources/whole_words.txt]

Articles of the project's benchmarks (snn_<day>_<index> files under benchmarks/) are not counted.
"""

from __future__ import annotations

import argparse
import json
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from kg.nlp.clitics import LEXICON, PROCLITICS
from kg.text import clean

WORD = re.compile(r"[\u0621-\u064A]+")
IMPERFECT = frozenset("يتنأا")  # first letters of an imperfect verb
PRONOUNS = frozenset("ه ها هم هما هن كم كما كن نا ني ي ك".split())  # enclitic pronouns
MIN_COUNT = 10  # a corpus word needs this many occurrences to count as evidence
RATIO = 2.0  # ... and this many times as many as its host
GAZ_RATIO = 1.0  # a gazetteer name is kept whole unless its host is this many times as frequent
GAZ_FLOOR = 100  # ... and occurs more than this many times
GAZETTEERS = ("anergazet/PERS.txt", "anergazet/LOC.txt", "anergazet/ORG.txt",
              "ne-lexicon-ar-en/Pers.Ar.txt", "ne-lexicon-ar-en/Loc.Ar.txt", "ne-lexicon-ar-en/Org.Ar.txt")
BENCHMARK_FILE = re.compile(r"snn_(\d{4}-\d\d-\d\d)_(\d+)\.txt$")


def benchmark_articles(root: Path) -> set[tuple[str, int]]:
    """(day, index) of every SaudiNewsNet article the project's benchmarks hold."""
    out = set()
    for path in root.rglob("snn_*.txt"):
        m = BENCHMARK_FILE.search(path.name)
        if m:
            out.add((m.group(1), int(m.group(2))))
    return out


def articles(corpus: Path, skip: set[tuple[str, int]] = frozenset()) -> Iterator[str]:
    for zpath in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in zf.namelist():
                if name.endswith(".json"):
                    for i, art in enumerate(json.loads(zf.read(name).decode("utf-8"))):
                        if (zpath.stem, i) not in skip:
                            yield f"{art.get('title') or ''}\n{art.get('content') or ''}"


def word_counts(corpus: Path, skip: set[tuple[str, int]] = frozenset()) -> Counter:
    counts: Counter = Counter()
    for text in articles(corpus, skip):
        counts.update(WORD.findall(clean(text)))
    return counts


def hosts(word: str) -> list[str]:
    """What a one-letter proclitic split would leave (ل + ال is written لل)."""
    out = [word[1:]]
    if word.startswith("لل"):
        out.append("ال" + word[2:])
    return out


def candidate(word: str) -> bool:
    """Could be a whole word cut by a proclitic split: not letter + article, not clitic + pronoun."""
    return (len(word) >= 3 and word[0] in PROCLITICS and word[1:3] != "ال" and not word.startswith("لل")
            and word[1:] not in PRONOUNS)


def no_split(word: str) -> bool:
    """س is a proclitic only on an imperfect verb (سيقول، ستعقد): سعيد، سلمان cannot be split."""
    return word[0] == "س" and word[1] not in IMPERFECT


def treebank_splits(data: Path) -> tuple[Counter, Counter]:
    """(split, whole): how often the UD training side writes a candidate as proclitic + rest, and as
    one word. Training side only: the held-out sentences are never read."""
    from kg.training.datasets import ud_splits

    split, whole = Counter(), Counter()
    for sent in ud_splits(data).train:
        in_mwt = set()
        for first, last, surface in sent.tokens:
            in_mwt.update(range(first, last + 1))
            forms = [w.form for w in sent.words if first <= w.id <= last]
            if forms and forms[0] in PROCLITICS:
                split[clean(surface)] += 1
        for w in sent.words:
            if w.id not in in_mwt:
                whole[clean(w.form)] += 1
    return split, whole


def gazetteer_words(data: Path) -> set[str]:
    words = set()
    for rel in GAZETTEERS:
        for line in (data / "ner" / "gazetteers" / rel).read_text(encoding="utf-8").splitlines():
            if rel.startswith("ne-lexicon"):
                line = line.split(" ", 1)[1] if " " in line else ""
            words.update(WORD.findall(clean(line)))
    return words


def select(counts: Counter, names: set[str], split: Counter, whole: Counter,
           min_count: int = MIN_COUNT, ratio: float = RATIO, gaz_ratio: float = GAZ_RATIO,
           gaz_floor: int = GAZ_FLOOR) -> list[str]:
    out = []
    for word in set(w for w in counts if counts[w] >= min_count) | names:
        if not candidate(word) or split[word] > whole[word]:
            continue
        n, host = counts[word], max(counts[h] for h in hosts(word))
        if n >= min_count and (n >= ratio * host or no_split(word)):
            out.append(word)
        elif word in names and word[1:] not in names and (
                no_split(word) or host <= max(gaz_ratio * n, gaz_floor)):
            out.append(word)
    return sorted(out)


def build(data: Path, out: Path = LEXICON, benchmarks: Path | None = None, **params) -> list[str]:
    skip = benchmark_articles(benchmarks) if benchmarks and benchmarks.is_dir() else set()
    counts = word_counts(data / "corpus" / "saudinewsnet", skip)
    split, whole = treebank_splits(data)
    words = select(counts, gazetteer_words(data), split, whole, **params)
    p = {"min_count": MIN_COUNT, "ratio": RATIO, "gaz_ratio": GAZ_RATIO, "gaz_floor": GAZ_FLOOR, **params}
    header = [
        "# Whole words for the MWT guard (kg/nlp/clitics.py): never cut into proclitic + host.",
        "# Built by `python -m kg.training.whole_words --data ../shared/data` from SaudiNewsNet counts",
        f"# ({sum(counts.values()):,} words, {len(skip)} benchmark articles left out), the gazetteers",
        f"# and the UD training side; min_count={p['min_count']} ratio={p['ratio']}"
        f" gaz_ratio={p['gaz_ratio']} gaz_floor={p['gaz_floor']}.",
    ]
    out.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    return words


def main() -> None:
    ap = argparse.ArgumentParser(description="Build the whole-word lexicon of the MWT guard.")
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=LEXICON)
    ap.add_argument("--benchmarks", type=Path, default=Path(__file__).resolve().parents[2] / "benchmarks")
    ap.add_argument("--min-count", type=int, default=MIN_COUNT)
    ap.add_argument("--ratio", type=float, default=RATIO)
    ap.add_argument("--gaz-ratio", type=float, default=GAZ_RATIO)
    ap.add_argument("--gaz-floor", type=int, default=GAZ_FLOOR)
    args = ap.parse_args()
    words = build(args.data, args.out, args.benchmarks, min_count=args.min_count, ratio=args.ratio,
                  gaz_ratio=args.gaz_ratio, gaz_floor=args.gaz_floor)
    print(f"{len(words):,} whole words -> {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
