"""Sports clubs in sports articles: "فاز الهلال على الشباب" names two clubs, where elsewhere الهلال is
the crescent and الشباب the youth; and two clubs that "meet" play a match, they hold no meeting.

Which words are clubs, which words make an article a sports article, and after which words a club's
name is a plain word are data (kg/extract/data/sports_clubs.txt, sports_words.txt,
club_plain_after.txt, club_nouns.txt). Used by kg.extract.document.
"""

from __future__ import annotations

from kg.extract import lexicon
from kg.extract.mentions import Mention
from kg.extract.model import Assertion
from kg.extract.sentence import Sentence

SPORTS_WORDS = 3  # words of data/sports_words.txt that make an article a sports article


def sports_article(sents: list[Sentence]) -> bool:
    """An article about sport (players, coaches, matches), where one-word club names are clubs."""
    cues = lexicon.words("sports_words")
    return sum(w.key in cues for s in sents for w in s.words) >= SPORTS_WORDS


def names() -> dict[tuple[str, ...], str]:
    """The clubs' names as names to look for in a sports article (word keys -> ORG)."""
    return {(club,): "ORG" for club in lexicon.words("sports_clubs")}


def plain_word(s: Sentence, m: Mention) -> bool:
    """A club's name looked for in a sports article that is a plain word where it stands: after a noun
    it complements (رعاية الشباب: data/club_plain_after.txt) or before an adjective that makes it part of
    another name (الاتحاد الدولي، الاتحاد السعودي لكرة القدم)."""
    if m.rule != "known name" or m.key() not in lexicon.words("sports_clubs"):
        return False
    plain_after = lexicon.words("club_plain_after")
    before = s.words[m.first - 1].key if m.first > 0 else ""
    if before[:1] in ("ل", "و") and before[1:] in plain_after:  # لرعاية الشباب
        before = before[1:]
    after = s.words[m.last + 1] if m.last + 1 < len(s.words) else None
    return before in plain_after or after is not None and after.upos == "ADJ"


def is_club(m: Mention) -> bool:
    """A club named by its one-word name, or after a club noun (نادي الهلال)."""
    key = m.key()
    return m.type == "ORG" and (key in lexicon.words("sports_clubs")
                                or key.split(" ")[0] in lexicon.words("club_nouns"))


def match(a: Assertion, mentions: dict[str, Mention]) -> bool:
    """التقى الهلال بالشباب، يستقبل هجر نظيره الرائد: two clubs that meet play a match, no meeting."""
    if a.type not in ("met", "attended") or a.subject not in mentions or a.object not in mentions:
        return False
    return is_club(mentions[a.subject]) and is_club(mentions[a.object])
