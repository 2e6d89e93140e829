"""How often the pipeline cuts a name into clitic + host (لبنان -> ل + بنان), with and without the
whole-word guard (kg/nlp/clitics.py).

Usage: python benchmarks/names_split.py [--data ../shared/data] [--no-guard] [--lexicon FILE] [--show]

Names that begin with a letter that is also a proclitic (و ف ب ل ك): common names of the news
(written here) and a fixed random sample of single-word person and place names from the gazetteers
(ANERGazet, the Arabic-English name lexicon), each in three invented plain sentences of its type.
A name is split when the token that holds it is expanded into more than one word, or when no token
holds it whole. A second check puts the news names behind a real clitic (و + لبنان, ب + لبنان): the
token must become exactly clitic + name. Prints rates with Wilson 95% intervals and the names split.
Tokenize and mwt only: the split is decided there.
"""

from __future__ import annotations

import argparse
import math
import random
import re
from pathlib import Path

LETTERS = "وفبلك"

# Common names of Arabic news that begin with a proclitic letter, with their type.
NEWS_NAMES = {
    "PER": ["بوتين", "فيصل", "وليد", "بشار", "بندر", "فهد", "فواز", "فؤاد", "باراك", "بان", "لافروف",
            "كيري", "فابيوس", "بلير", "بوش", "كلينتون", "كاميرون", "لويد", "ليبرمان", "فرانسوا",
            "بيريز", "لاريجاني", "فلاديمير", "بنيامين", "كمال", "وائل", "وحيد", "كوفي"],
    "LOC": ["لبنان", "لندن", "واشنطن", "بروكسل", "بغداد", "بيروت", "باريس", "برلين", "بكين", "فرنسا",
            "فلسطين", "فنزويلا", "فيينا", "بريطانيا", "كندا", "كوريا", "كابول", "كراتشي", "لاهور",
            "ليبيا", "لوزان", "بنغازي", "بيشاور", "بلجيكا", "بولندا", "كولومبيا", "كوبا", "كينيا",
            "فيتنام", "فنلندا", "وارسو", "بورما"],
    "ORG": ["فتح", "فيفا", "فيسبوك", "بوينغ", "لوفتهانزا", "فولكسفاغن"],
}

# Three invented plain sentences per type; {} is the name.
TEMPLATES = {
    "PER": ["التقى الوزير {} أمس في مقر الحكومة.",
            "قال {} إن المحادثات كانت صريحة ومثمرة.",
            "أعلن مكتب {} أن الزيارة ستستمر يومين."],
    "LOC": ["وصل الوفد إلى {} مساء الأحد.",
            "تشهد {} موجة حر شديدة هذا الأسبوع.",
            "عاد السفير من {} بعد زيارة قصيرة."],
    "ORG": ["أصدرت {} بيانا رسميا يوم الخميس.",
            "قال متحدث باسم {} إن القرار نهائي.",
            "وقعت الحكومة اتفاقا مع {} لمدة عامين."],
}
# A real clitic before the name: the token must become clitic + name.
PREFIXED = [("و", "PER", "استقبل الرئيس وزير الخارجية و{} أمس."),
            ("و", "LOC", "زار الوفد القاهرة و{} الشهر الماضي."),
            ("ب", "LOC", "أقيم الحفل ب{} مساء الأحد."),
            ("و", "ORG", "اجتمع ممثلو الحكومة و{} يوم الخميس.")]

GAZETTEERS = {  # file under ner/gazetteers -> type
    "anergazet/PERS.txt": "PER", "anergazet/LOC.txt": "LOC",
    "ne-lexicon-ar-en/Pers.Ar.txt": "PER", "ne-lexicon-ar-en/Loc.Ar.txt": "LOC",
}
PER_FILE_SAMPLE = 20
ARABIC_WORD = re.compile(r"^[\u0621-\u064A]{3,}$")


def gazetteer_names(data: Path, per_file: int = PER_FILE_SAMPLE, seed: int = 11) -> dict[str, list[str]]:
    """A fixed sample of single-word names starting with a proclitic letter (not letter + ال, which
    is a real clitic + article), per gazetteer file."""
    from kg.text import clean

    rng = random.Random(seed)
    out: dict[str, list[str]] = {"PER": [], "LOC": []}
    seen = {n for names in NEWS_NAMES.values() for n in names}
    for rel, typ in GAZETTEERS.items():
        lines = (data / "ner" / "gazetteers" / rel).read_text(encoding="utf-8").splitlines()
        entries = [clean(line.split(" ", 1)[1] if rel.startswith("ne-") and " " in line else line).strip()
                   for line in lines]
        pool = sorted({e for e in entries if ARABIC_WORD.match(e) and e[0] in LETTERS
                       and e[1:3] != "ال" and e not in seen})
        for name in rng.sample(pool, min(per_file, len(pool))):
            out[typ].append(name)
            seen.add(name)
    return out


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 0.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def occurrences(names: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(name, sentence) for every name in each of its type's sentences."""
    return [(name, t.format(name)) for typ, ns in names.items() for name in ns for t in TEMPLATES[typ]]


def split_of(sentence, token_text: str) -> list[str] | None:
    """The words of the token that holds token_text, or None when no token holds it whole."""
    for tok in sentence.tokens:
        if tok.text == token_text:
            return [w.text for w in tok.words]
    return None


def check(pipeline, cases: list[tuple[str, str]], expected) -> list[tuple[str, str, list[str] | None]]:
    """Parse each sentence alone; return (token, sentence, words) for every case whose token is not
    expanded as `expected(token)` says."""
    bad = []
    for token, text in cases:
        parsed = pipeline.parse(text)
        words = None
        for sent in parsed.sentences:
            words = split_of(sent, token) or words
        if words != expected(token):
            bad.append((token, text, words))
    return bad


def report(title: str, bad: list, total: int, show: bool) -> None:
    lo, hi = wilson(len(bad), total)
    print(f"{title}: {len(bad)} of {total} ({100 * len(bad) / total:.1f}%, "
          f"95% CI {100 * lo:.1f}-{100 * hi:.1f})")
    if show:
        for token, text, words in bad:
            print(f"  {token}: {' + '.join(words) if words else 'not one token'}   ({text})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--no-guard", action="store_true", help="the bundle as Stanza runs it, no lexicon")
    ap.add_argument("--lexicon", type=Path, help="a whole-word lexicon other than the shipped one")
    ap.add_argument("--show", action="store_true", help="list the names split")
    args = ap.parse_args()

    from kg.nlp.pipeline import ArabicPipeline

    guard = False if args.no_guard else (args.lexicon or True)
    pipe = ArabicPipeline(processors=("tokenize", "mwt"), guard=guard)
    groups = {"news names": NEWS_NAMES, "gazetteer names": gazetteer_names(args.data)}
    all_bad, all_total = [], 0
    for title, names in groups.items():
        cases = occurrences(names)
        bad = check(pipe, cases, lambda tok: [tok])
        report(title, bad, len(cases), args.show)
        all_bad += bad
        all_total += len(cases)
    report("all names", all_bad, all_total, False)
    prefixed = [(clitic + name, template.format(name))
                for clitic, typ, template in PREFIXED for name in NEWS_NAMES[typ]]
    bad = check(pipe, prefixed, lambda tok: [tok[0], tok[1:]])
    report("news names behind a clitic (must be clitic + name)", bad, len(prefixed), args.show)


if __name__ == "__main__":
    main()
