"""Build kg/resources/latin_words.tsv: English spellings of Arabic name words, filtered from the
Arabic-English named-entity lexicon (Hkiri et al.; ../shared/data/ner/gazetteers/ne-lexicon-ar-en).

The lexicon was made by machine translation and is noisy: pairs out of step (line N of the Arabic
file is not always line N of the English one), titles on one side only (السيد / Mr), words in another
order, wrong names. So only single words are kept, and only where the lexicon agrees with itself:

1. Pairs are joined by their leading number, not by line (2,183 lines are out of step).
2. Titles and honorifics are dropped from both sides (السيد، الدكتور ... / Mr, Dr, General ...).
3. A pair is aligned word by word only when both sides have the same number of words; the words are
   matched to each other by the order that makes them sound most alike (the rule-based romanization
   of the Arabic word against the English word, consonants compared after folding dh/z, q/k, ...),
   and the pair is kept only if every word matches well (similarity >= 0.6).
4. An Arabic word keeps its most frequent English spelling, if it was aligned at least twice and
   that spelling holds at least half of its votes.

Run: python -m kg.training.filter_name_lexicon ../shared/data/ner/gazetteers/ne-lexicon-ar-en \
         > kg/resources/latin_words.tsv
"""

from __future__ import annotations

import difflib
import itertools
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from kg.analyze.names import latin_words
from kg.extract.translit import rule_translit
from kg.text import name_key

AR_TITLES = {"السيد", "السيدة", "الدكتور", "الدكتورة", "الجنرال", "الكابتن", "العميد", "الشيخ", "الحاج",
             "الأستاذ", "البروفيسور", "اللواء", "العقيد", "الأمير", "الملك", "الرئيس", "المطران", "الأب",
             "القس", "الآنسة", "السفير", "القاضي", "الوزير", "سيد", "السير", "اللورد", "د."}
EN_TITLES = {"mr", "ms", "mrs", "miss", "dr", "general", "captain", "brigadier", "sheikh", "sheik", "haj",
             "hajj", "professor", "prof", "prince", "king", "president", "bishop", "father", "rev",
             "ambassador", "judge", "minister", "sir", "lord", "colonel", "major", "lieutenant", "h.e."}
NUMBERED = re.compile(r"^\s*(\d+)\s+(.*?)\s*$")


def _pairs(folder: Path, stem: str) -> list[tuple[str, str]]:
    def read(path: Path) -> dict[str, str]:
        out = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            m = NUMBERED.match(line)
            if m and m.group(2):
                out.setdefault(m.group(1), m.group(2))
        return out

    ar, en = read(folder / f"{stem}.Ar.txt"), read(folder / f"{stem}.En.txt")
    return [(ar[k], en[k]) for k in ar if k in en]


def _skeleton(latin: str) -> str:
    words = latin_words(latin)
    return "".join(words)


def _sim(ar_word: str, en_word: str) -> float:
    return difflib.SequenceMatcher(None, _skeleton(rule_translit(ar_word)), _skeleton(en_word)).ratio()


def _english(word: str) -> str:
    """Case as the press writes it: SAUD -> Saud, al-Faisal stays."""
    if word.isupper() and len(word) > 1:
        word = word.capitalize()
    return word


def aligned_words(pairs):
    for ar, en in pairs:
        a = [w for w in ar.split() if w not in AR_TITLES and re.search(r"[\u0600-\u06FF]", w)]
        e = [w for w in en.replace(",", " ").split() if w.lower().strip(".") not in EN_TITLES]
        if not a or len(a) != len(e) or len(a) > 4:
            continue
        best, score = None, 0.0
        for perm in itertools.permutations(range(len(e))):
            sims = [_sim(a[i], e[j]) for i, j in enumerate(perm)]
            if min(sims) > score:
                best, score = perm, min(sims)
        if best is not None and score >= 0.6:
            for i, j in enumerate(best):
                yield a[i], _english(e[j])


def main(folder: str) -> None:
    votes: dict[str, Counter] = defaultdict(Counter)
    spelling: dict[str, Counter] = defaultdict(Counter)
    for ar, en in aligned_words(_pairs(Path(folder), "Pers")):
        key = name_key(ar)
        if len(key) < 2 or not re.fullmatch(r"[A-Za-z][A-Za-z'\-]*", en):
            continue
        votes[key][en] += 1
        spelling[key][ar] += 1
    print("# English spellings of Arabic name words, filtered from the Arabic-English named-entity lexicon")
    print("# of Hkiri et al. (research use only; docs/names.md) by kg.training.filter_name_lexicon, which")
    print("# says how. Arabic<TAB>English<TAB>pairs agreeing. Do not edit by hand: fix the filter and rerun.")
    for key in sorted(votes):
        en, n = votes[key].most_common(1)[0]
        total = sum(votes[key].values())
        if n >= 2 and (n * 2 >= total or n >= 10):
            print(f"{spelling[key].most_common(1)[0][0]}\t{en}\t{n}")


if __name__ == "__main__":
    main(sys.argv[1])
