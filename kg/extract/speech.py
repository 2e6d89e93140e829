"""said and reported_by: who says what, and which outlet a report comes from.

News chains statements: "وقالت ساكي ... وأضافت، أن ... وبينت، أن". A speech
verb with no written subject (nothing but a comma or أن after it) continues
the last speaker of the article, so the document stage passes that speaker
along. A statement whose speaker is a media outlet ("نقلت وكالة رويترز عن
مسؤولين", "وأوضحت الصحيفة") is a report: reported_by, with the outlet as
object and no subject.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract import frames, lexicon, triggers
from kg.extract.mention_rules import MEDIA_NOUNS
from kg.extract.mentions import Mention
from kg.extract.model import Assertion, Evidence
from kg.extract.relations import Context, dual_at
from kg.extract.sentence import Sentence
from kg.text import match_key

SPEAKERS = ("PER", "ORG", "LOC", "MISC")
CONTENT_STOP = {"مشيرا", "مشيره", "لافتا", "لافته", "مضيفا", "مضيفه", "موضحا", "موضحه", "مؤكدا", "مؤكده",
                "مشددا", "مشدده", "مبينا", "مبينه", "فيما", "بينما"}
MAX_CONTENT_WORDS = 16
VERB_PREPOSITIONS = {"الي", "علي", "ب", "ل"}  # the speech verb's own preposition (أشار إلى، شدد على)
CUES = {"وفقا", "بحسب", "حسب", "نقلا"}  # وفقا لـ X, بحسب X: the source follows

SPEAKER_REACH = 3  # a speaker named this many sentences before still speaks in a bare وأضاف


@dataclass
class Discourse:
    """What a document remembers from sentence to sentence: the last speaker and the last outlet."""

    speaker: Mention | None = None
    speaker_sentence: int = -10
    outlet: Mention | None = None
    outlet_sentence: int = -10
    publisher: str = ""  # match key of the article's own outlet (Document.source): not a reported_by

    def recent_speaker(self, sentence: int, reach: int = SPEAKER_REACH) -> Mention | None:
        """The last speaker, if named at most ``reach`` sentences before ``sentence`` (a bare وأضاف goes on
        quoting them)."""
        return self.speaker if sentence - self.speaker_sentence <= reach else None


def _content(s: Sentence, t: int, after: int) -> tuple[int, int] | None:
    """Word span of what was said: after the first أن/إن/colon/quote following the speaker, up to a
    participle that starts a second statement (مشيرا إلى أن) or the sentence end."""
    start = None
    for k in range(max(t, after) + 1, len(s.words)):
        w = s.words[k]
        if w.key in frames.CLAUSE_MARKERS or w.text in (":", "“", "\"", "«"):
            start = k + 1
            break
        if k > after + 8:
            break
    if start is None:
        start = after + 1
    end = len(s.words) - 1
    for k in range(start + 1, len(s.words)):
        if s.words[k].key in CONTENT_STOP and s.words[k - 1].text in ("،", ","):
            end = k - 2
            break
    while start <= end and (s.words[start].punct or s.words[start].key in frames.CLAUSE_MARKERS):
        start += 1
    end = min(end, start + MAX_CONTENT_WORDS - 1)  # a gist, not the whole paragraph
    return (start, end) if start <= end else None


def is_outlet(m: Mention) -> bool:
    return m.outlet or (m.type == "ORG" and lexicon.tokens(m.text) in lexicon.media())


def _anaphoric_outlet(s: Sentence, t: int) -> bool:
    """الصحيفة / الوكالة right after the verb: the outlet named before."""
    nxt = s.words[t + 1] if t + 1 < len(s.words) else None
    return nxt is not None and nxt.key[2:] in MEDIA_NOUNS and nxt.key.startswith("ال")


def statements(ctx: Context, memory: Discourse) -> list[Assertion]:
    s, ms, out = ctx.sent, ctx.mentions, []
    for m in ms:
        if is_outlet(m):
            memory.outlet, memory.outlet_sentence = m, s.index
    hits = sorted(triggers.find(s, "said") + triggers.find(s, "reported_by"), key=lambda h: h.word)
    done: set[int] = set()
    for hit in hits:
        t = hit.word
        if t in done or hit.kind == "cue" or _not_speech(s, hit):
            continue
        done.add(t)
        end = frames.clause_end(s, t)
        speaker, how = frames.subject(s, t, [m for m in ms if m.type in SPEAKERS], end)
        outlets: list[Mention] = []
        if speaker is None:
            speaker = _spokesperson(s, t, ms)
            how = "spokesperson" if speaker else how
        if speaker and is_outlet(speaker):
            outlets = [speaker] + [o for o in frames.coordinated(s, speaker, ms, end) if is_outlet(o)]
        elif speaker is None and _anaphoric_outlet(s, t) and memory.outlet is not None:
            outlets, how = [memory.outlet], "anaphora"
        elif speaker is None and hit.relation == "said" and _bare(s, t) and (t <= 2 or hit.kind == "form") \
                and memory.recent_speaker(s.index) is not None:
            speaker, how = memory.speaker, "continued"
        if speaker is None and not outlets and ctx.pair is not None and hit.relation == "said" \
                and dual_at(s, t):  # واكد البلدان: each of the two parties of the previous sentence
            span = _content(s, t, t + 1)
            theme = frames.text_between(s, *span) if span else None
            for party in ctx.pair:
                out.append(Assertion("said", party.id, None, _evidence(ctx, t, None, "said:dual", 0.5),
                                     theme=theme))
            continue
        if not speaker and not outlets or speaker and is_outlet(speaker) and not outlets:
            continue
        last_arg = max([t] + [m.last for m in outlets] + ([speaker.last] if speaker and speaker.sentence
                                                           == s.index else []))
        span = _content(s, t, last_arg)
        theme = frames.text_between(s, *span) if span else None
        outlets = [o for o in outlets if not _published_by(o, memory.publisher)]
        if outlets:
            for o in outlets:
                ev = _evidence(ctx, t, o, f"reported_by:{how or 'verb'}", 0.7)
                out.append(Assertion("reported_by", None, o.id, ev, theme=theme))
            continue
        if hit.relation != "said" or speaker is None:
            continue
        if triggers.planned_before(s, hit):
            continue  # من المتوقع أن تعلن ...: not said yet
        conf = 0.5 if how == "continued" else 0.75
        ev = _evidence(ctx, t, speaker if speaker.sentence == s.index else None, f"said:{how}", conf)
        out.append(Assertion("said", speaker.id, None, ev, theme=theme))
        memory.speaker, memory.speaker_sentence = speaker, s.index
    out += _cues(ctx, hits)
    if not out:
        out += _headline(ctx, memory)
    return out


def _published_by(m: Mention, publisher: str) -> bool:
    key = match_key(m.text)
    return bool(publisher) and (key in publisher or publisher in key)


def _spokesperson(s: Sentence, t: int, ms: list[Mention]) -> Mention | None:
    """متحدث باسم البيت الأبيض قال: an unnamed spokesperson's statement is the organization's."""
    j = next((k for k in range(t + 1, min(len(s.words), t + 5)) if s.words[k].key in ("باسم", "اسم")), None)
    if j is None or any(w.punct or any(m.covers(w.i) for m in ms) for w in s.words[t + 1:j]):
        return None
    return next((m for m in ms if j < m.first <= j + 2 and m.type in ("ORG", "LOC", "MISC")), None)


def _headline(ctx: Context, memory: Discourse) -> list[Assertion]:
    """A sub-heading "البيت الأبيض: الكاظمي طلب ...": the name before the colon is the speaker."""
    s = ctx.sent
    first = next((m for m in ctx.mentions if m.first <= 1), None)
    if first is None or first.last + 1 >= len(s.words) or s.words[first.last + 1].text not in (":", "："):
        return []
    theme = frames.text_between(s, first.last + 2, min(len(s.words) - 1, first.last + 16))
    memory.speaker, memory.speaker_sentence = first, s.index
    ev = _evidence(ctx, first.last + 1, first, "said:headline", 0.6)
    return [Assertion("said", first.id, None, ev, theme=theme or None)]


def _not_speech(s: Sentence, hit: triggers.Hit) -> bool:
    """A speech noun is the vehicle of a statement (في بيان، في تصريح), not a statement; a speech verb
    with an object pronoun is another sense (تابعه: followed it), unless it takes a hearer (أبلغه)."""
    w = s.words[hit.word]
    prev = s.words[w.i - 1] if w.i > 0 else None
    after_preposition = prev is not None and prev.upos == "ADP" and prev.tok != w.tok
    if "vehicle" in hit.note or hit.nominal or after_preposition:
        return True
    nxt = s.words[w.i + 1] if w.i + 1 < len(s.words) else None
    return nxt is not None and nxt.tok == w.tok and nxt.upos == "PRON" and "hearer" not in hit.note


def _bare(s: Sentence, t: int) -> bool:
    """Nothing but punctuation or أن between the verb and its content: the subject is the last speaker."""
    after = [w for w in s.words[t + 1:t + 4] if not w.punct]
    if after and after[0].upos == "ADP" and after[0].key in VERB_PREPOSITIONS:  # أشار إلى أن, شدد على أن
        return len(after) > 1 and (after[1].key in frames.CLAUSE_MARKERS or after[1].key == "ما")
    return not after or after[0].key in frames.CLAUSE_MARKERS


def _cues(ctx: Context, hits: list[triggers.Hit]) -> list[Assertion]:
    """وفقا لـ X، بحسب X: a report attributed to the outlet X; the theme is the clause before the cue."""
    s, out = ctx.sent, []
    for hit in hits:
        if hit.key not in CUES and s.words[hit.word].key not in CUES:
            continue
        t = hit.word
        window = frames.in_span(ctx.mentions, t + 1, min(len(s.words) - 1, t + 4))
        after = [m for m in window if is_outlet(m)]
        for o in after[:1]:  # وبحسب X، فإن ...: the report follows; ... بحسب X: it precedes
            theme = frames.text_between(s, 0, t - 1) if t > 3 else \
                frames.text_between(s, o.last + 1, len(s.words) - 1)
            out.append(Assertion("reported_by", None, o.id, _evidence(ctx, t, o, "reported_by:cue", 0.6),
                                 theme=theme or None))
    return out


def _evidence(ctx: Context, t: int, m: Mention | None, rule: str, conf: float) -> Evidence:
    """The trigger's words and, when it is in this sentence, the mention's (an outlet named in an earlier
    sentence and continued here by وتابعت is not)."""
    s = ctx.sent
    if m is not None and m.sentence != s.index:
        m = None
    a = min(t, m.first) if m else t
    b = max(t, m.last) if m else t
    return Evidence(ctx.doc_id, s.index, s.text, s.words[a].start, s.words[b].end, rule, conf)
