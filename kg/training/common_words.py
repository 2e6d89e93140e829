"""Build kg/extract/data/common_words.txt: words news writes mostly as plain words, not as names.

A name one article teaches is looked for in every other article (kg.extract.document.known_names).
For a one-word name that is also a common word that spreads errors across an archive: one article's
"السنة" (the Sunnis, tagged ORG) made every "السنة" (the year) an organization, and on 4,927
SaudiNewsNet articles أحد became a place 1,601 times and الأول a person 1,034 times. A word is listed
when ANERcorp's training side (train and dev), or the NER training corpora together (with WikiFANE,
NewsFANE and AQMAR, decontaminated as for training: never a held-out sentence), have it at least
MIN_COUNT times and inside a name in under MAX_NAME_SHARE of them. Such a word is still a name where
NER tags it; it is only not looked for alone.

    python -m kg.training.common_words --data ../shared/data [--out kg/extract/data/common_words.txt]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from kg.text import match_key
from kg.training.ner_data import NerMix, anercorp_splits, training_corpora

MIN_COUNT = 5
MAX_NAME_SHARE = 0.2
MIN_LENGTH = 3
OUT = Path(__file__).resolve().parents[1] / "extract" / "data" / "common_words.txt"


def _plain(sentences) -> set[str]:
    seen, named = Counter(), Counter()
    for sent in sentences:
        for token, tag in sent:
            key = match_key(token)
            if len(key) < MIN_LENGTH or not key.isalpha():
                continue
            seen[key] += 1
            named[key] += tag != "O"
    return {k for k, n in seen.items() if n >= MIN_COUNT and named[k] / n < MAX_NAME_SHARE}


def common_words(data_dir: Path) -> list[str]:
    """Match keys of the words that are names in under MAX_NAME_SHARE of their occurrences, in ANERcorp's
    news (train and dev) or in all the training corpora together (Wikipedia tags more words as parts
    of names: السعودي inside organizations' names)."""
    aner = anercorp_splits(data_dir)
    news = aner["train"] + aner["dev"]
    every = [s for c in training_corpora(data_dir, NerMix(), spelling=None).values() for s in c] + aner["dev"]
    return sorted(_plain(news) | _plain(every))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    words = common_words(args.data)
    header = [
        "# Words news writes mostly as plain words: a one-word name among them is not looked for alone",
        "# across documents (kg.extract.document.known_names). Written by python -m kg.training.common_words",
        f"# from the NER training corpora: at least {MIN_COUNT} occurrences, inside a name in under "
        f"{MAX_NAME_SHARE:.0%} of them. UTF-8, one match key per line.",
    ]
    args.out.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {args.out}")


if __name__ == "__main__":
    main()
