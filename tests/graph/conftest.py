"""A small hand-made extraction run in Arabic, shared by the graph tests.

One article: a meeting of three people in Ramallah, a negated request, a planned meeting with a
date, a statement attributed to Reuters, and a spokesperson role. Offsets are computed from the text,
as the extract stage would give them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import pytest

from kg.extract.model import Assertion, Entity, Evidence, Merge
from kg.ingest.document import Document
from kg.text import match_key

SENTENCES = [
    "استقبل الرئيس محمود عباس وزير الخارجية أنتوني بلينكن والمبعوث الأممي تور وينسلاند في رام الله أمس.",
    "ولم يطالب عباس الأمم المتحدة بوقف المساعدات.",
    "ومن المقرر أن يلتقي بلينكن رئيس الوزراء محمد اشتية يوم الثلاثاء.",
    "وقال المتحدث باسم الخارجية الأمريكية نيد برايس إن واشنطن ملتزمة بحل الدولتين، بحسب وكالة رويترز.",
]
TEXT = " ".join(SENTENCES)
DOC_ID = "wafa-2021-07-26"

NAMES = {  # canonical label -> (type, latin)
    "محمود عباس": ("PER", "Mahmoud Abbas"),
    "أنتوني بلينكن": ("PER", "Antony Blinken"),
    "تور وينسلاند": ("PER", None),
    "رام الله": ("LOC", None),
    "الأمم المتحدة": ("ORG", None),
    "محمد اشتية": ("PER", None),
    "نيد برايس": ("PER", None),
    "الخارجية الأمريكية": ("ORG", None),
    "وكالة رويترز": ("ORG", None),
}
MENTIONS = [  # (sentence, surface form, canonical label)
    (0, "محمود عباس", "محمود عباس"), (0, "أنتوني بلينكن", "أنتوني بلينكن"),
    (0, "تور وينسلاند", "تور وينسلاند"), (0, "رام الله", "رام الله"), (1, "عباس", "محمود عباس"),
    (1, "الأمم المتحدة", "الأمم المتحدة"), (2, "بلينكن", "أنتوني بلينكن"), (2, "محمد اشتية", "محمد اشتية"),
    (3, "الخارجية الأمريكية", "الخارجية الأمريكية"), (3, "نيد برايس", "نيد برايس"),
    (3, "وكالة رويترز", "وكالة رويترز"),
]


@dataclass
class Run:
    documents: list[Document]
    entities: list[Entity]
    assertions: list[Assertion]

    def entity(self, label: str) -> Entity:
        return next(e for e in self.entities if e.label == label)


def key(label: str) -> str:
    return match_key(label)


def evidence(sentence: int, span: str, rule: str, confidence: float = 0.9, doc_id: str = DOC_ID) -> Evidence:
    """Evidence for the first occurrence of span inside the given sentence."""
    offset = TEXT.index(SENTENCES[sentence])
    start = TEXT.index(span, offset)
    return Evidence(doc_id, sentence, SENTENCES[sentence], start, start + len(span), rule, confidence)


def document(doc_id: str = DOC_ID, text: str = TEXT) -> Document:
    return Document(id=doc_id, text=text, title="عباس يستقبل بلينكن في رام الله", date=dt.date(2021, 7, 26),
                    source="وفا", url="https://example.org/news/1?id=2&x=<y>", path=f"{doc_id}.txt",
                    content_hash=hashlib.sha256(text.encode()).hexdigest())


def make_entities(doc_id: str = DOC_ID) -> list[Entity]:
    entities = {label: Entity(key(label), label, t, latin) for label, (t, latin) in NAMES.items()}
    for sentence, surface, label in MENTIONS:
        entities[label].mentions.append(evidence(sentence, surface, "ner", doc_id=doc_id))
    entities["محمود عباس"].aliases.add("عباس")
    entities["محمود عباس"].merges.append(Merge("عباس", "short form"))
    return list(entities.values())


def make_assertions(doc_id: str = DOC_ID) -> list[Assertion]:
    abbas, blinken, tor = key("محمود عباس"), key("أنتوني بلينكن"), key("تور وينسلاند")
    meeting = evidence(0, SENTENCES[0][:-1], "meet.istaqbala.v1", 0.8, doc_id)
    trio = (abbas, blinken, tor)
    pairs = [(abbas, blinken), (abbas, tor), (blinken, tor)]
    assertions = [
        Assertion("met", s, o, meeting, modality="occurred", date=dt.date(2021, 7, 25), date_text="أمس",
                  place=key("رام الله"), participants=trio, event_id="e0")
        for s, o in pairs
    ]
    price, state = key("نيد برايس"), key("الخارجية الأمريكية")
    request = evidence(1, "يطالب عباس الأمم المتحدة بوقف المساعدات", "request.talaba.v1", 0.75, doc_id)
    planned = evidence(2, "يلتقي بلينكن رئيس الوزراء محمد اشتية يوم الثلاثاء", "meet.iltaqa.v1", 0.7, doc_id)
    statement = evidence(3, SENTENCES[3][:-1], "statement.qala.v1", 1.0, doc_id)
    role = evidence(3, "المتحدث باسم الخارجية الأمريكية نيد برايس", "role.apposition.v1", 0.85, doc_id)
    assertions += [
        Assertion("requested", abbas, key("الأمم المتحدة"), request, theme="وقف المساعدات", negated=True,
                  modality="denied"),
        Assertion("met", blinken, key("محمد اشتية"), planned, modality="planned", date=dt.date(2021, 7, 27),
                  date_text="يوم الثلاثاء"),
        Assertion("said", price, None, statement, theme="واشنطن ملتزمة بحل الدولتين", modality="occurred"),
        Assertion("role", price, state, role, theme="المتحدث باسم الخارجية الأمريكية"),
        Assertion("reported_by", price, key("وكالة رويترز"),
                  evidence(3, "بحسب وكالة رويترز", "attribution.bihasab.v1", 0.9, doc_id)),
    ]
    return assertions


def make_run(doc_id: str = DOC_ID) -> Run:
    return Run([document(doc_id)], make_entities(doc_id), make_assertions(doc_id))


@pytest.fixture
def run() -> Run:
    return make_run()
