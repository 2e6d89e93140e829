"""Build kg/extract/data/places.txt: place names from ANERGazet (the gazetteers released with ANERcorp,
Benajiba et al. 2007; free for research use), filtered for use as known names.

Kept: lines of Arabic letters and spaces only (no "****" separators, no Latin), at least four letters,
not also listed as a person (ANERGazet's PERS.txt), not already in kg/extract/data/gazetteer.tsv, and,
for a one-word name, not a common word: in the training side of ANERcorp (its first five sixths of
sentences; the last sixth is held out) the word is tagged outside any name (O) no more often than as
a place (this drops مدينة، المنزل، جنوب, which ANERGazet lists), nor one of a few places spelt
like everyday words (AMBIGUOUS: الخبر "the news", الرباط, الوطن ...).
The extractor takes a listed place only where its words could be a name (a proper noun, or a word the
lemmatizer does not know), so that a place spelt like a common word (صور) is not taken for one.

Run: python -m kg.training.filter_anergazet ../shared/data/ner/gazetteers/anergazet \
       > kg/extract/data/places.txt
(ANERCorp.txt is read from two folders up, ../shared/data/ner/ANERCorp.txt.)
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from kg.extract import lexicon
from kg.text import match_key

ARABIC_NAME = re.compile(r"[\u0621-\u064A ]+")
# places spelt like a word news writes every day, which ANERcorp happens not to show as such
AMBIGUOUS = {"الخبر", "الرباط", "الوطن", "العين", "صور", "الشرق", "السلام", "الامل", "النور"}


def common_words(anercorp: Path) -> set[str]:
    """Keys of words ANERcorp's training side tags O more often than LOC."""
    rows = [line.rsplit(" ", 1) for line in anercorp.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if len(r) == 2 and r[0]]
    ends = [i for i, (tok, _) in enumerate(rows) if tok == "."]
    cut = ends[len(ends) * 5 // 6] if ends else len(rows)
    outside: Counter = Counter()
    place: Counter = Counter()
    for tok, tag in rows[:cut]:
        (place if tag.endswith("LOC") else outside if tag == "O" else Counter())[match_key(tok)] += 1
    return {w for w, n in outside.items() if n > place[w]}


def main(folder: str) -> None:
    root = Path(folder)
    common = common_words(root.parent.parent / "ANERCorp.txt")
    people = {match_key(x.strip()) for x in (root / "PERS.txt").read_text(encoding="utf-8").splitlines()}
    known = {" ".join(seq) for seq in lexicon.gazetteer()}
    seen: set[str] = set()
    print("# Place names filtered from ANERGazet (Benajiba et al. 2007, released with ANERcorp; free for")
    print("# research use) by kg/training/filter_anergazet.py, which says how. One name a line;")
    print("# do not edit by hand.")
    for line in (root / "LOC.txt").read_text(encoding="utf-8").splitlines():
        name = " ".join(line.split())
        key = " ".join(lexicon.tokens(name))
        if not ARABIC_NAME.fullmatch(name) or len(key.replace(" ", "")) < 4 or key in people \
                or key in known or key in seen or key in common or key in AMBIGUOUS:
            continue
        seen.add(key)
        print(name)


if __name__ == "__main__":
    main(sys.argv[1])
