"""Surface frames: a relation read from the order of entity spans around its trigger.

The bundled parser gets about two arcs in three right on unseen news, so a meeting, a call or a
request whose tree is broken is read again from the word order Arabic news writes ("استقبل X ...
Y"، "اجتمع X بـ Y"، "تلقى X اتصالا من Y"، "طالب X Y بـ"). The frames are data
(kg/resources/frames.tsv: trigger, slot pattern, which slot is subject and object); this module
only matches them. The tree rules come first: relations.py and requests.py call :func:`read`
for a trigger they found no arguments for.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg.extract import frames, lexicon, triggers
from kg.extract.mentions import Mention, match_seq
from kg.extract.sentence import Sentence
from kg.text import match_key

SLOTS = ("X", "Y")
WINDOW = 10  # words a slot after the trigger may start after the previous slot (a place, a date)
STOP = {".", "؟", "!", "?", "؛", ";", ":"}
TIME_WORDS = frames.TIME_WORDS


LIST_WORDS = {"كلا", "كل", "كلا من"}  # استقبل X أمس كلا من Y و Z: "each of" before a list of guests


@dataclass(frozen=True)
class Frame:
    """One row of frames.tsv."""

    id: str
    relation: str
    triggers: frozenset[str]
    patterns: tuple[tuple[str, ...], ...]
    subject: str
    object: str
    note: str = ""

    @property
    def rule(self) -> str:
        return f"{self.relation}:frame:{self.id}"


@dataclass(frozen=True)
class Reading:
    """What a frame read: subject and object mentions (plus the ones coordinated with them)."""

    frame: Frame
    subjects: tuple[Mention, ...]
    objects: tuple[Mention, ...]


@cache
def all_frames() -> tuple[Frame, ...]:
    out = []
    for cells in lexicon._rows(lexicon.RESOURCES / "frames.tsv"):
        cells += [""] * (6 - len(cells))
        fid, relation, trig, pattern, roles, note = cells[:6]
        role = dict(part.split("=", 1) for part in roles.split() if "=" in part)
        out.append(Frame(fid, relation, frozenset(match_key(t) for t in trig.split("|") if t.strip()),
                         tuple(tuple(p.split()) for p in pattern.split(" / ") if p.strip()),
                         role.get("subject", "X"), role.get("object", "Y"), note))
    return tuple(out)


def frames_of(relation: str) -> tuple[Frame, ...]:
    return tuple(f for f in all_frames() if f.relation == relation)


def _stems(s: Sentence, i: int) -> list[str]:
    return triggers._word_keys(s, s.words[i])[1]


def fires(s: Sentence, i: int, frame: Frame) -> bool:
    """Word i is one of the frame's triggers, and not a false trigger (مطالبون، تتطلب)."""
    w = s.words[i]
    if w.punct:
        return False
    forms, stems = triggers._word_keys(s, w)
    false = lexicon.false_triggers(frame.relation)
    if any(k in false for k in forms):
        return False
    return any(k in frame.triggers for k in stems)


def _boundary(s: Sentence, first: int, last: int) -> bool:
    """A clause ends somewhere in words first..last (a content marker, a stop, a subordinator)."""
    return any(w.text in STOP or w.key in frames.CLAUSE_MARKERS or w.key in frames.BOUNDARY_CONJ
               for w in s.words[max(first, 0):last + 1])


def _after(s: Sentence, ms: list[Mention], pos: int, preps: frozenset[str] | None,
           every: list[Mention] | None = None, trigger: int = -1) -> Mention | None:
    """The first party after word ``pos``, within the window and the clause, that is bare (``preps`` None)
    or governed by one of ``preps``; marked phrases of other kinds (في جدة) are stepped over. ``every``:
    all mentions of the sentence (a place inside a title, سفير جمهورية فرنسا، is no gap)."""
    for m in sorted(ms, key=lambda x: x.first):
        if m.first <= pos or frames.owned(s, m, every or ms):
            continue
        start = frames.np_start(s, m, ms, pos + 1)
        if start - pos > WINDOW + 6 or _boundary(s, _relative_end(s, pos + 1, start), start - 1):
            return None
        gap = [w for w in s.words[pos + 1:start] if not w.punct]
        first_slot = pos == trigger and len(gap) <= 4  # honorifics and titles: سمو ولي العهد X
        if not first_slot and not adjunct(s, every or ms, pos + 1, start - 1):
            return None
        mark = frames.marker(s, m, ms, pos + 1)
        if mark == "لدي" and any(match_seq(s, k, lexicon.titles()) for k in range(pos + 1, m.first)):
            mark = None  # سفير فرنسا لدى المملكة X: لدى is inside X's title
        if (preps is None and mark is None) or (preps is not None and mark in preps):
            return m
    return None


def _relative_end(s: Sentence, first: int, stop: int) -> int:
    """Where the gap first..stop-1 goes on after a relative clause that opens it and a comma closes
    (يلتقي X الذي يقوم بجولة في المنطقة، Y): the word after the comma; else ``first``."""
    if first < stop and s.words[first].key in frames.RELATIVE:
        comma = next((w.i for w in s.words[first:stop] if w.text in "،,"), None)
        if comma is not None:
            return comma + 1
    return first


def adjunct(s: Sentence, ms: list[Mention], first: int, last: int) -> bool:
    """Words first..last can stand between two arguments: punctuation, time words, and prepositional
    phrases (في قصر السلام بجدة), not a noun of their own (استقبل X جثمان الشهيد Y: the body, not Y)."""
    in_pp, paren = False, 0
    first = _relative_end(s, first, last + 1)  # يلتقي X الذي يقوم بجولة في المنطقة، Y
    for w in s.words[first:last + 1]:
        paren += (w.text == "(") - (w.text == ")")
        if paren > 0 or w.upos == "NUM":  # (20 أيار 2021): a date in brackets
            continue
        if match_seq(s, w.i, lexicon.titles()) and not in_pp:
            return True  # the next party's title starts here (سفير جمهورية فرنسا لدى المملكة X)
        if w.punct:
            in_pp = False  # على الله، جثمان الشهيد: a comma ends the phrase; a noun after it is an object
            continue
        if w.key in frames.COMPLEMENTIZERS:
            return False  # دعا باستمرار إلى أن على X وY: a clause starts, what follows is what is asked
        if w.key in TIME_WORDS:
            in_pp = False  # بقصر الحكم صباح أمس وكلاء الإمارة: the place phrase ends at the time
            continue
        if w.key in LIST_WORDS or any(m.covers(w.i) for m in ms):
            continue
        if w.upos == "ADP" or w.key in ("في", "ب", "من", "الي", "علي", "خلال", "مع"):
            in_pp = True
            continue
        if not in_pp:
            return False
    return True


def _before(s: Sentence, ms: list[Mention], pos: int) -> Mention | None:
    """The bare party that ends right before word ``pos`` (at most one word between)."""
    found = [m for m in ms if m.last < pos]
    if not found:
        return None
    m = max(found, key=lambda x: x.last)
    gap = [w for w in s.words[m.last + 1:pos] if not w.punct]
    if len(gap) > 1 or _boundary(s, m.last + 1, pos - 1) or frames.marker(s, m, ms) is not None:
        return None
    return m


def _literal_before(s: Sentence, pos: int, words: frozenset[str]) -> bool:
    k, tok = pos - 1, s.words[pos].tok
    while k >= 0 and (s.words[k].punct or s.words[k].key in ("و", "ف") and s.words[k].tok == tok):
        k -= 1
    return k >= 0 and any(x in words for x in _stems(s, k))


def _literal_after(s: Sentence, pos: int, words: frozenset[str]) -> bool:
    nxt = [w for w in s.words[pos + 1:pos + 3] if not w.punct]
    return bool(nxt) and (nxt[0].key in words or nxt[0].lemma in words)


def _alternatives(element: str) -> frozenset[str]:
    return frozenset(match_key(x) for x in element.split("|"))


def match(s: Sentence, ms: list[Mention], t: int, pattern: tuple[str, ...],
          every: list[Mention] | None = None) -> dict[str, Mention] | None:
    """The slots of one pattern around the trigger at t, or None when the pattern does not fit."""
    if "T" not in pattern:
        return None
    i = pattern.index("T")
    slots: dict[str, Mention] = {}
    pos, right, j = t, pattern[i + 1:], 0
    while j < len(right):
        el = right[j]
        if el in SLOTS:
            m = _after(s, ms, pos, None, every, t)
            while m is not None and any(m.text == x.text for x in slots.values()):
                m = _after(s, ms, m.last, None, every, t)  # في مكتب سموه: the host again, not the guest
        elif j + 1 < len(right) and right[j + 1] in SLOTS and el != "و":  # a preposition and its slot
            j += 1
            el, m = right[j], _after(s, ms, pos, _alternatives(el), every, t)
        elif el == "و":
            j += 1
            el = right[j] if j < len(right) else ""
            prev = list(slots.values())[-1] if slots else None
            nxt = frames.coordinated(s, prev, ms, len(s.words) - 1) if prev else []
            m = nxt[0] if nxt else None
        else:  # a literal after the last slot (طالب X Y بـ، دعا X Y إلى)
            if not _literal_after(s, pos, _alternatives(el)):
                return None
            j += 1
            continue
        if m is None or m in slots.values():
            return None
        slots[el], pos = m, m.last
        j += 1
    pos, left, j = t, list(reversed(pattern[:i])), 0
    while j < len(left):
        el = left[j]
        if el in SLOTS:
            m = _before(s, ms, pos)
            if m is None or m in slots.values():
                return None
            slots[el], pos = m, frames.np_start(s, m, ms)
        elif el == "و":  # X و Y T: X is joined to Y by و
            j += 1
            el = left[j] if j < len(left) else ""
            later = slots.get("Y") or (list(slots.values())[-1] if slots else None)
            m = _before(s, ms, pos + 1 if s.words[pos].key.startswith("و") else pos) if later else None
            if m is None or m is later or later not in frames.coordinated(s, m, ms, later.last):
                return None
            slots[el], pos = m, frames.np_start(s, m, ms)
        elif not _literal_before(s, pos, _alternatives(el)):
            return None
        j += 1
    return slots if all(k in slots for k in SLOTS if k in pattern) else None


def read(s: Sentence, ms: list[Mention], t: int, relation: str,
         types: tuple[str, ...] = ("PER", "ORG")) -> Reading | None:
    """The first frame of ``relation`` whose trigger is word t and one of whose patterns fits."""
    cands = [m for m in ms if m.type in types]
    for frame in frames_of(relation):
        if not fires(s, t, frame):
            continue
        for pattern in frame.patterns:
            slots = match(s, cands, t, pattern, ms)
            if slots is None:
                continue
            subj = slots.get(frame.subject)
            obj = slots.get(frame.object)
            if subj is None or subj.first > t and frames.common_noun_subject_before(s, t, ms):
                continue  # (الوفد الإيراني التقى X وY: X after the verb is no subject)
            end = frames.clause_end(s, t)
            if frame.id == "reception" and obj is not None and obj.first > subj.last \
                    and obj in frames.coordinated(s, subj, cands, max(end, obj.last)):
                continue  # استقبل في برنامجه X وY: one list, the guests of a host not named here
            subjects = (subj, *(m for m in frames.coordinated(s, subj, cands, max(end, subj.last))
                                if m is not obj and m.last < (obj.first if obj and obj.first > subj.last
                                                              else len(s.words))))
            # a list of guests runs long (استقبل X كلا من Y ومعالي ... Z ومدير ... W)
            end = frames.clause_end(s, obj.last, limit=100) if obj else 0
            objects = (obj, *frames.coordinated(s, obj, cands, end)) if obj else ()
            return Reading(frame, subjects, tuple(m for m in objects if m not in subjects))
    return None


def host(s: Sentence, ms: list[Mention], t: int) -> Mention | None:
    """استقبل X المهنئين: the host of a reception whose guests are not named (X, right after the verb)."""
    frame = next((f for f in frames_of("met") if f.id == "reception"), None)
    if frame is None or not fires(s, t, frame):
        return None
    return _after(s, [m for m in ms if m.type in ("PER", "ORG")], t, None, ms, t)


# -- attendance -----------------------------------------------------------------------------------

def attendance_at(s: Sentence) -> int | None:
    """Position of the first attendance trigger (حضر، بحضور، شارك) of a sentence, or None."""
    frame = next((f for f in frames_of("attended")), None)
    if frame is None:
        return None
    return next((w.i for w in s.words if w.upos not in ("CCONJ", "ADP", "PART", "PRON", "DET")
                 and fires(s, w.i, frame)), None)


def attendance_frame() -> Frame | None:
    return next((f for f in frames_of("attended")), None)


def attendees(s: Sentence, ms: list[Mention], t: int) -> list[Mention]:
    """The persons named after the attendance trigger (people attend; an organization in the list is in
    someone's title), up to the sentence's end or a content clause (a list of attendees with their
    titles runs long, and the parser tags some titles as verbs, so a verb does not end it)."""
    end = next((w.i - 1 for w in s.words[t + 1:] if w.text in STOP or w.key in frames.CLAUSE_MARKERS),
               len(s.words) - 1)
    people = [m for m in ms if m.type == "PER"]
    found = [m for m in people if t < m.first and m.last <= end]
    if s.words[t].upos != "VERB" and found:  # بحضور X وY: the phrase after the noun, not the rest
        gap = [w for w in s.words[t + 1:frames.np_start(s, found[0], ms)] if not w.punct]
        if len(gap) > 4 and not frames.title_phrase(s, t + 1, gap, 24, conj=True):
            # (بحضور وكيل الإمارة ...، ومدير ... Y: a first attendee NER left unnamed, the list runs on)
            return []
        return [found[0], *frames.coordinated(s, found[0], people, end)]
    return found


def by_sides(s: Sentence, t: int) -> bool:
    """حضره من الجانب العراقي X ... ومن الجانب الأمريكي Y: attendees listed by the side they came with."""
    return any(w.key in ("الجانب", "جانب") for w in s.words[t + 1:])
