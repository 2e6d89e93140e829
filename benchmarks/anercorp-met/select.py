"""Choose the ANERcorp meeting sentences by a fixed rule and write them as one-sentence documents.

    python benchmarks/anercorp-met/select.py ../shared/data OUT_DIR

A second source of held-out news for meetings (SaudiNewsNet's candidates are used up): sentences of
ANERcorp (2007 news, Benajiba et al.) that hold a meeting or call trigger and at least two of the
corpus's own named-entity spans. The texts stay in ../shared/data (ANERcorp is free for research use,
not ours to copy): the project keeps the chosen sentence numbers (ids.txt) and the gold, and this
script writes the texts (OUT_DIR/anc_<number>.txt) from the data. The rule was written before any
candidate's text was read.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from kg.training.ner_corpora import read_anercorp_raw

HERE = Path(__file__).parent
MEETING_WORDS = {"استقبل", "استقبلت", "يستقبل", "التقى", "التقت", "يلتقي", "اجتمع", "اجتمعت", "يجتمع",
                 "اجتماع", "لقاء", "محادثات", "مباحثات"}
MEETING_PHRASES = ("بحث مع", "بحثت مع", "اتصالا هاتفيا", "اتصال هاتفي")
MIN_TOKENS, MAX_TOKENS, TAKE, SEED = 8, 80, 60, 2026
_NO_SPACE_BEFORE = re.compile(r" ([.,،:؛;!?؟)\]»])")
_NO_SPACE_AFTER = re.compile(r"([(\[«]) ")


def bare(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def spans(sentence: list[tuple[str, str]]) -> int:
    return sum(1 for _, tag in sentence if tag.startswith("B-") and tag[2:] in ("PER", "ORG", "LOC"))


def candidate(sentence: list[tuple[str, str]]) -> bool:
    words = [t for t, _ in sentence]
    text = " ".join(words)
    trigger = any(bare(w) in MEETING_WORDS for w in words) or any(p in text for p in MEETING_PHRASES)
    return trigger and MIN_TOKENS <= len(words) <= MAX_TOKENS and spans(sentence) >= 2


def text_of(sentence: list[tuple[str, str]]) -> str:
    text = " ".join(t for t, _ in sentence)
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))


def chosen(data: Path) -> list[tuple[int, str]]:
    sentences = read_anercorp_raw(data / "ner" / "ANERCorp.txt")
    pool = [i for i, s in enumerate(sentences) if candidate(s)]
    picked = sorted(random.Random(SEED).sample(pool, min(TAKE, len(pool))))
    return [(i, text_of(sentences[i])) for i in picked]


def main(data: str, out: str) -> None:
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    rows = chosen(Path(data))
    for i, text in rows:
        (target / f"anc_{i:05d}.txt").write_text(text + "\n", encoding="utf-8")
    (HERE / "ids.txt").write_text("".join(f"{i}\n" for i, _ in rows), encoding="utf-8")
    print(f"{len(rows)} sentences written to {target}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
