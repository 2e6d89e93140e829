"""The extract stage's entry points: one document, then a corpus with entity resolution.

A document is read twice over its (already parsed) sentences: the first pass
collects the names NER and the rules find, the second finds those names again
where NER missed them (الكاظمي three sentences after مصطفى الكاظمي) before
relations are read, because a relation needs both its ends. In a corpus, names
any document states outright are looked for in every document; a surname alone
only in the document that gives the full name (سهيل بن فرج الحمد teaches "الحمد"
to his own article, not to every "الحمد لله" of the corpus).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract import clubs, delegations, lexicon, references, subjects
from kg.extract.confidence import calibrate
from kg.extract.entities import LINEAGE, resolve_entities
from kg.extract.interviews import interviews
from kg.extract.mentions import Mention, find_mentions
from kg.extract.model import Assertion, Entity
from kg.extract.relations import Context, last_meeting, learned_meetings, meetings, roles
from kg.extract.requests import requests
from kg.extract.sentence import Sentence, from_stanza, join_abbreviated
from kg.extract.speech import Discourse, statements
from kg.ingest.dates import today_date
from kg.text import match_key

Known = dict[tuple[str, ...], str]
TRUSTED = ("ner", "title", "media")


@dataclass
class DocumentExtraction:
    """Mentions and assertions of one document; assertion ends are mention ids until resolution."""

    doc_id: str
    mentions: list[Mention] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)
    date: dt.date | None = None


def sentences_of(parsed) -> list[Sentence]:
    """The rules' view of a parse. A corpus reads each parse twice (names, then relations): build it once
    and pass it to both as ``sentences``."""
    return join_abbreviated([from_stanza(i, s, parsed.text) for i, s in enumerate(parsed.sentences)],
                            parsed.text)


def known_names(mentions: Iterable[Mention], surnames: bool = True) -> Known:
    """Names worth looking for again: trusted mentions (not ones found by looking), and (``surnames``)
    the surname of a multi-word person name when no other known person shares it."""
    out: Known = {}
    votes: dict[tuple[str, ...], Counter] = {}
    families: dict[str, set[tuple[str, ...]]] = {}
    for m in mentions:
        if m.rule not in TRUSTED:
            continue
        seq = lexicon.tokens(m.text)
        if not seq or len("".join(seq)) < 3 or seq in lexicon.cued_media() or _common_word(seq):
            continue  # (الوطن the newspaper, once quoted, is not every later "الوطن")
        votes.setdefault(seq, Counter())[m.type] += 1
        if m.type == "PER" and (last := family_name(seq)):
            families.setdefault(last, set()).add(seq)
    for seq, c in votes.items():
        out[seq] = c.most_common(1)[0][0]
    for last, fulls in families.items() if surnames else ():
        if len(fulls) != 1 or _common_word((last,)):
            continue
        if (last,) not in out or out[(last,)] != "PER" and not _known_place_or_body((last,)):
            out[(last,)] = "PER"  # سيرغي لافروف, then لافروف alone, which NER typed a place
    return out


def family_name(seq: tuple[str, ...]) -> str | None:
    """The last word of a person's name of two words or more, when it is a family name to look for
    alone: not a father's name (عبد الله بن مساعد), not the end of a compound name (نور الدين، عبد
    الرحمن)."""
    if len(seq) > 1 and len(seq[-1]) >= 3 and seq[-2] not in LINEAGE and seq[-1] not in COMPOUND_ENDS:
        return seq[-1]
    return None


COMPOUND_ENDS = {"الدين", "الله", "الرحمن", "الرحيم", "العزيز", "الكريم", "الاسلام"}


def _known_place_or_body(seq: tuple[str, ...]) -> bool:
    return lexicon.gazetteer().get(seq) in ("LOC", "ORG") or lexicon.known_extra().get(seq) == "LOC"


def _common_word(seq: tuple[str, ...]) -> bool:
    """A one-word name that news mostly writes as a plain word (السنة، أحد، الأول: data/common_words.txt;
    الحزم of عاصفة الحزم: data/plain_words.txt) is a name where NER tags it, and is not looked for
    elsewhere."""
    return len(seq) == 1 and lexicon.plain_word(seq[0])


def title_holders(mentions: Iterable[Mention]) -> dict[str, str]:
    """Position title -> the one person a document names with it (none when two people share it)."""
    seen: dict[str, set[str]] = {}
    for m in mentions:
        if m.type == "PER" and m.title_key and m.rule != "title coreference":
            for key in (m.title_key, *references.later_titles(m)):
                seen.setdefault(key, set()).add(m.text)
    return {key: holder for key, names in seen.items() if (holder := references.one_holder(names))}


def document_anchor(doc) -> dt.date | None:
    """The date relative expressions count from: the publication date, else a date the text calls today."""
    return getattr(doc, "date", None) or today_date(getattr(doc, "text", "") or "")


def extract_document(doc, parsed, known: Known | None = None,
                     sentences: list[Sentence] | None = None) -> DocumentExtraction:
    """Mentions and relations of one parsed document (kg.ingest.Document, kg.nlp.Parsed; ``sentences``:
    its sentences_of, when already built)."""
    sents = sentences if sentences is not None else sentences_of(parsed)
    first = [m for s in sents for m in find_mentions(doc.id, s, known)]
    sports = clubs.sports_article(sents)
    nouns = references.named_nouns(sents)
    # (فاز الهلال على الشباب: in a sports article the clubs, where elsewhere a crescent and the youth)
    local = {**known_names(first), **(clubs.names() if sports else {})}
    # the corpus pass has usually seen these names already: reuse its dict (and its index) when nothing
    # differs; the result is the same mapping as {**known, **local}
    changed = {seq: typ for seq, typ in local.items() if (known or {}).get(seq) != typ}
    names = known if known is not None and not changed else {**(known or {}), **changed}
    holders = {**references.described_holders(first), **references.standin_holders(first),
               **title_holders(first)}
    family = frozenset(last for m in first
                       if m.type == "PER" and (last := family_name(lexicon.tokens(m.text))))
    result = DocumentExtraction(doc.id, date=document_anchor(doc))
    memory = Discourse(publisher=match_key(getattr(doc, "source", None) or ""))
    pair: tuple[Mention, Mention] | None = None
    pair_relation, pair_sentence = "met", -1
    meeting = None  # the last meeting reported, for "وحضر الاستقبال ..." in a later sentence
    with_titles: list[Mention] = []  # persons named with a title so far, for سموه / معاليه
    person: str | None = None  # the last person named so far, for honorific pronouns (معاليه)
    head: str | None = None  # the head of the last delegation named so far, for a later "الوفد"
    seen: dict[str, Mention] = {}  # every mention so far, by id
    actor: Mention | None = None  # whom the last sentences were about (subjects.sentence_actor)
    actor_sentence = -10
    for s in sents:
        ms = find_mentions(doc.id, s, names, holders, person, head, family)
        if (own := delegations.own_head(Context(doc.id, s, ms, result.date))) not in (None, head):
            # الوفد الذي يترأسه X ...، حيث اجتمع الوفد مع Y: the delegation's head is named in this sentence
            ms = find_mentions(doc.id, s, names, holders, person, own, family)
        if sports:
            ms = [m for m in ms if not clubs.plain_word(s, m)]
        ms = [m for m in ms if not references.named_noun(m, nouns)]
        references.repoint_pronouns(s, ms, with_titles)
        with_titles += references.titled(ms)
        result.mentions += ms
        person = next((m.text for m in reversed(ms) if m.type == "PER"), person)
        seen.update((m.id, m) for m in ms)
        host = seen.get(meeting.host) if meeting is not None and meeting.sentence < s.index else None
        ctx = Context(doc.id, s, ms, result.date, pair, meeting, host, pair_relation)
        ctx.continued = memory.recent_speaker(s.index)  # (statements, below, update the memory)
        ctx.actor = actor if s.index - actor_sentence <= ACTOR_REACH else None
        found = roles(ctx) + meetings(ctx) + requests(ctx) + statements(ctx, memory)
        found += interviews(ctx, memory, found)
        found += learned_meetings(ctx, found)
        found = [a for a in found if not one_person(a, seen) and not (sports and clubs.match(a, seen))]
        result.assertions += found
        if (now := subjects.sentence_actor(ctx, found)) is not None:
            actor, actor_sentence = now, s.index
        found_pair, found_relation = last_pair(found, ms)
        if found_pair is not None or s.index - pair_sentence >= PAIR_REACH:
            # (a sentence with no meeting in between: "واستعرض الجانبان" two sentences on is still them)
            pair, pair_relation, pair_sentence = found_pair, found_relation, s.index
        meeting = last_meeting(found, s.index, meeting, ctx.hosted)
        heads = {m.text for m in delegations.heads(ctx) if m.type == "PER"}
        head = heads.pop() if len(heads) == 1 else head
    return result


ACTOR_REACH = 1  # sentences after which a verb with no subject still goes on about the same party
PAIR_REACH = 2  # sentences after a two-party meeting that "الجانبان" may still refer back to it


def one_person(a: Assertion, mentions: dict[str, Mention]) -> bool:
    """A meeting or call between a name and its own short form (أوباما and باراك أوباما, فهد and فهد بن
    عبدالعزيز) is one person named twice; a father's name after بن (سلمان in محمد بن سلمان), or the name
    in a kunya (مازن in أبو مازن), is not."""
    if a.type not in ("met", "contacted", "attended") or not {a.subject, a.object} <= mentions.keys():
        return False
    x, y = (lexicon.tokens(mentions[k].text) for k in (a.subject, a.object))
    short, full = (x, y) if len(x) <= len(y) else (y, x)
    if not short or len(short) == len(full):
        return short == full
    n = len(short)
    before = full[len(full) - n - 1] if len(full) > n else ""
    return full[:n] == short or full[-n:] == short and before not in LINEAGE


def last_pair(assertions: list[Assertion],
              mentions: list[Mention]) -> tuple[tuple[Mention, Mention] | None, str]:
    """The two parties of a sentence's last two-party meeting or contact: what "البلدان" or "الجانبين"
    in the next sentence refer to; and which of the two it was (met or contacted)."""
    by_id = {m.id: m for m in mentions}
    pairs = [a for a in reversed(assertions) if a.type in ("met", "contacted") and not a.participants
             and a.subject in by_id and a.object in by_id]
    # the trigger's own two parties before a delegation a guest came with (التقى X Y ... للمشاركة في
    # الاجتماع مع وزراء مجلس التعاون: "الجانبان" next are X and Y)
    a = next((a for a in pairs if a.evidence.rule != "met:delegation"), pairs[0] if pairs else None)
    return ((by_id[a.subject], by_id[a.object]), a.type) if a else (None, "met")


def extract_corpus(pairs: Iterable[tuple[object, object]]) -> tuple[dict[str, Entity], list[Assertion]]:
    """Entities resolved across documents and assertions whose ends are entity keys."""
    read = [(doc, parsed, sentences_of(parsed)) for doc, parsed in pairs]
    known: Known = {}
    for doc, parsed, sents in read:
        add_known_names(known, doc, parsed, sents)
    return combine(extract_document(doc, parsed, known, sents) for doc, parsed, sents in read)


def add_known_names(known: Known, doc, parsed, sentences: list[Sentence] | None = None) -> None:
    """Add the names one document states outright to ``known`` (first type seen wins): the first pass
    of a corpus, so that every document can find names another one taught. Surnames stay out: across
    articles they found more plain words (الحمد، المرشد، العدل) than people (92 false persons to 3
    found in the spent pool, docs/quality.md)."""
    for s in sentences if sentences is not None else sentences_of(parsed):
        for seq, typ in known_names(find_mentions(doc.id, s), surnames=False).items():
            known.setdefault(seq, typ)


def combine(extractions: Iterable[DocumentExtraction]) -> tuple[dict[str, Entity], list[Assertion]]:
    """Resolve the mentions of several documents and rewrite assertion ends to entity keys; an assertion
    whose two ends resolve to one entity is dropped (a bad parse, not a meeting with oneself)."""
    extractions = list(extractions)
    entities, mention_to_key = resolve_entities(m for x in extractions for m in x.mentions)
    out: list[Assertion] = []
    seen: set[tuple] = set()
    for x in extractions:
        for a in x.assertions:
            subj = mention_to_key.get(a.subject) if a.subject else None
            obj = mention_to_key.get(a.object) if a.object else None
            if (a.subject and subj is None) or (subj is not None and subj == obj):
                continue
            a.subject, a.object = subj, obj
            a.participants = tuple(dict.fromkeys(mention_to_key.get(p, p) for p in a.participants))
            a.hosts = tuple(dict.fromkeys(mention_to_key.get(p, p) for p in a.hosts))
            a.place = mention_to_key.get(a.place) if a.place else None
            symmetric = a.type in ("met", "contacted")
            ends = tuple(sorted((subj or "", obj or ""))) if symmetric else (subj, obj)
            key = (a.evidence.doc_id, a.evidence.sentence_index, a.type, *ends)
            if key in seen:
                continue
            seen.add(key)
            out.append(a)
    share_event_dates(out)
    calibrate(out)
    return entities, out


def share_event_dates(assertions: list[Assertion]) -> None:
    """A dated meeting is one event however often a document mentions it: mentions of the same pair in
    the same document without a date of their own take the date (and planned modality) of a dated one."""
    dated: dict[tuple, Assertion] = {}
    for a in assertions:
        if a.type in ("met", "contacted") and a.date is not None:
            dated.setdefault((a.evidence.doc_id, a.type, *sorted((a.subject or "", a.object or ""))), a)
    for a in assertions:
        if a.type not in ("met", "contacted") or a.date is not None:
            continue
        src = dated.get((a.evidence.doc_id, a.type, *sorted((a.subject or "", a.object or ""))))
        if src is not None and src.modality == a.modality or src is not None and src.modality == "planned" \
                and a.modality == "occurred" and src.date is not None:
            a.date, a.date_text, a.modality = src.date, src.date_text, src.modality
