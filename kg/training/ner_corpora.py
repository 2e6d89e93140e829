"""Readers for the NER corpora in ../shared/data/ner, each turned into news-like BIO sentences.

Every reader yields sentences as lists of (token, tag) with tags B-/I- over PER ORG LOC MISC, mapped
by the data file ``data/ner_tags.tsv`` (which says why for the hard classes). FANE's text is
clitic-segmented and hamza-normalized, unlike news: its clitics are re-attached and its spelling
restored from a news vocabulary, so the tagger learns from text that looks like what it will read.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from kg.text import clean

TAG_MAP_FILE = Path(__file__).parent / "data" / "ner_tags.tsv"
TYPES = ("PER", "ORG", "LOC", "MISC")
DROP = "DROP"
FANE_ZIP = "fane/WikiFANE_2014_Gold_standard.zip"
FANE_FILES = {"wikifane": "WikiFANE_Gold_2014_500K.txt", "newsfane": "NewsFANE_Gold_2014_170K.txt"}

Sentence = list[tuple[str, str]]


class UnmappedTag(ValueError):
    pass


@lru_cache(maxsize=1)
def tag_map() -> dict[tuple[str, str], str]:
    """(corpus, source type) -> PER/ORG/LOC/MISC/O/DROP, from ner_tags.tsv."""
    out = {}
    with TAG_MAP_FILE.open(encoding="utf-8") as f:
        for row in csv.reader((line for line in f if not line.startswith("#")), delimiter="\t"):
            if row:
                corpus, source, target = row[:3]
                if target not in (*TYPES, "O", DROP):
                    raise ValueError(f"{TAG_MAP_FILE}: {corpus} {source} maps to unknown {target!r}")
                out[corpus, source] = target
    return out


def split_tag(tag: str) -> tuple[str, str]:
    """'B-Nation' -> ('B', 'Nation'); 'O', 'OO', 'IO' -> ('', tag); 'I--ORG' -> ('I', '-ORG')."""
    if tag[:2] in ("B-", "I-"):
        return tag[0], tag[2:]
    return "", tag


def map_sentence(corpus: str, raw: Sentence) -> Sentence | None:
    """Map source tags to BIO over the four types; None when a tag says the sentence is left out.
    An I- that does not continue an entity of its type becomes B-."""
    mapping = tag_map()
    out: Sentence = []
    prev = "O"
    for token, tag in raw:
        prefix, source = split_tag(tag)
        target = mapping.get((corpus, source))
        if target is None:
            raise UnmappedTag(f"{corpus}: tag {tag!r} (on {token!r}) is not in {TAG_MAP_FILE.name}")
        if target == DROP:
            return None
        if target == "O" or not prefix:
            new = "O"
        elif prefix == "I" and prev in (f"B-{target}", f"I-{target}"):
            new = f"I-{target}"
        else:
            new = f"B-{target}"
        out.append((token, new))
        prev = new
    return out


# ------------------------------------------------------------------ readers, raw tags


def read_anercorp_raw(path: Path) -> list[Sentence]:
    """ANERcorp: one 'token TAG' a line, a sentence ends at a '.' token; lines with no token skipped."""
    sentences, current = [], []
    for raw in path.read_text(encoding="utf-8").splitlines():
        parts = raw.rsplit(" ", 1)
        if len(parts) != 2 or not parts[0].strip():
            continue
        token = clean(parts[0]).strip()
        if not token:
            continue
        current.append((token, parts[1].strip()))
        if token == ".":
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def read_blank_separated(lines: Iterable[str], sep: str | None = None) -> Iterator[Sentence]:
    """'token TAG' lines, sentences separated by blank lines (CLEANANERCorp, AQMAR)."""
    current: Sentence = []
    for line in lines:
        parts = line.rstrip("\r\n").split(sep)
        if len(parts) < 2 or not parts[0].strip():
            if current:
                yield current
            current = []
            continue
        token = clean(parts[0]).strip()
        if token:
            current.append((token, parts[-1].strip()))
    if current:
        yield current


def read_fane_lines(lines: Iterable[str]) -> Iterator[Sentence]:
    """FANE: 'token<TAB>tag', CRLF, a BOM, U+200E before most tokens; a line holding only a tab (or
    nothing) ends a sentence."""
    current: Sentence = []
    for line in lines:
        token, _, tag = line.rstrip("\r\n").lstrip("\ufeff").partition("\t")
        token = clean(token).strip()  # clean() drops U+200E and the BOM
        if not token:
            if current:
                yield current
            current = []
            continue
        current.append((token, tag.strip() or "O"))
    if current:
        yield current


def fane_raw(data_dir: Path, name: str) -> list[Sentence]:
    with zipfile.ZipFile(data_dir / "ner" / FANE_ZIP) as z:
        member = next(n for n in z.namelist() if n.endswith(FANE_FILES[name]))
        text = z.read(member).decode("utf-8-sig")
    return list(read_fane_lines(text.splitlines()))


def aqmar_raw(data_dir: Path) -> list[Sentence]:
    out = []
    for path in sorted((data_dir / "ner" / "aqmar").glob("*.txt")):
        out.extend(read_blank_separated(path.read_text(encoding="utf-8-sig").splitlines()))
    return out


def cleananercorp_raw(data_dir: Path, part: str) -> list[Sentence]:
    path = data_dir / "ner" / "cleananercorp" / f"cleananercorp_{part.upper()}.txt"
    return list(read_blank_separated(path.read_text(encoding="utf-8-sig").splitlines()))


def raw_corpora(data_dir: Path) -> dict[str, list[Sentence]]:
    """Every corpus with its source tags, keyed as in ner_tags.tsv's corpus column (FANE twice)."""
    return {
        "anercorp": read_anercorp_raw(data_dir / "ner" / "ANERCorp.txt"),
        "cleananercorp": cleananercorp_raw(data_dir, "train") + cleananercorp_raw(data_dir, "test"),
        "wikifane": fane_raw(data_dir, "wikifane"),
        "newsfane": fane_raw(data_dir, "newsfane"),
        "aqmar": aqmar_raw(data_dir),
    }


def tag_corpus(name: str) -> str:
    """The ner_tags.tsv corpus a reader's output is mapped with."""
    return "fane" if name.endswith("fane") else name


# ------------------------------------------------------------------ FANE to news as written

PROCLITICS = {"و", "ف", "ب", "ل", "ك"}
ENCLITICS = {"ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا", "ي", "ني"}
ARABIC_LETTERS = set("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي")


def is_arabic_word(token: str) -> bool:
    return bool(token) and all(ch in ARABIC_LETTERS for ch in token)


def attach_enclitic(host: str, suffix: str) -> str:
    """حكومة + ها = حكومتها; على + ه = عليه; مدى + ه = مداه."""
    if host.endswith("ة"):
        return host[:-1] + "ت" + suffix
    if host.endswith("ى"):
        return host[:-1] + ("ي" if host in ("على", "إلى", "الى", "لدى") else "ا") + suffix
    return host + suffix


def attach_proclitics(prefix: str, host: str) -> str:
    """و + ب + الحكومة = وبالحكومة; ل + الحكومة = للحكومة (ل + ال writes لل)."""
    if prefix.endswith("ل") and host.startswith("ال"):
        host = host[1:]
    return prefix + host


def reattach_clitics(sent: Sentence) -> Sentence:
    """Join FANE's separated clitics to their host as news writes them. Only clitics outside any
    entity (tagged O) are joined; the joined token keeps the host's tag."""
    out: Sentence = []
    prefix = ""
    for token, tag in sent:
        if tag == "O" and token in PROCLITICS and not prefix.endswith(("ل", "ك", "ب")):
            prefix += token  # و ف first, then one of ب ل ك
            continue
        if prefix:
            if is_arabic_word(token):
                token = attach_proclitics(prefix, token)
            else:
                out.append((prefix, "O"))  # a lone letter before a number or a Latin word stays
            prefix = ""
        if tag == "O" and token in ENCLITICS and out and is_arabic_word(out[-1][0]) and len(out[-1][0]) > 1:
            host, host_tag = out.pop()
            out.append((attach_enclitic(host, token), host_tag))
            continue
        out.append((token, tag))
    if prefix:
        out.append((prefix, "O"))
    return out


HAMZA_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
YA_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي"})


class NewsSpelling:
    """Restore the hamzas and final alef maqsura that FANE folded (اعلن -> أعلن, المانيا -> ألمانيا,
    علي -> على) from a news vocabulary in frequency order: a word takes the most frequent news spelling
    with the same letters once folded, so words news writes without hamza stay as they are. ى/ي is
    restored outside names only (the name علي must not become the preposition على). A clitic-initial
    word is looked up without its clitics (وامس -> وأمس)."""

    def __init__(self, vocab_by_frequency: Iterable[str]):
        self.best: dict[str, str] = {}
        self.best_ya: dict[str, str] = {}
        for word in vocab_by_frequency:
            self.best.setdefault(word.translate(HAMZA_FOLD), word)
            self.best_ya.setdefault(word.translate(YA_FOLD), word)

    def word(self, token: str, in_name: bool = False) -> str:
        if not is_arabic_word(token):
            return token
        best, fold = (self.best, HAMZA_FOLD) if in_name else (self.best_ya, YA_FOLD)
        key = token.translate(fold)
        if key in best:
            return best[key]
        if key.startswith("لال") and key[1:] in best:  # FANE writes ل + الاتحاد as لالاتحاد
            return "ل" + best[key[1:]][1:]
        for n in (1, 2):  # proclitics: و ف ب ل ك, then two of them
            head, rest = token[:n], key[n:]
            if len(rest) > 2 and all(c in PROCLITICS for c in head) and rest in best:
                return head + best[rest]
        return token

    def sentence(self, sent: Sentence) -> Sentence:
        return [(self.word(t, in_name=tag != "O"), tag) for t, tag in sent]


def pretrain_vocab(pretrain: Path) -> list[str]:
    """Words of a Stanza pretrain, most frequent first (word2vec's order)."""
    from stanza.models.common.pretrain import Pretrain

    return list(Pretrain(str(pretrain)).vocab._id2unit[4:])  # after <PAD> <UNK> <EMPTY> <ROOT>


FANE_QUOTE = "ء"  # NewsFANE writes a lone hamza where news has a quotation mark (ء معاريف ء)


def newslike_fane(sentences: Iterable[Sentence], spelling: NewsSpelling | None) -> list[Sentence]:
    out = []
    for sent in sentences:
        sent = reattach_clitics([('"' if t == FANE_QUOTE else t, tag) for t, tag in sent])
        out.append(spelling.sentence(sent) if spelling else sent)
    return out
