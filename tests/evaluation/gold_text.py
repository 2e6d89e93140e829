"""How the gold-file tests look for annotated names and evidence in an article's text."""

from __future__ import annotations

import re

from kg.text import match_key


def text_key(text: str) -> str:
    """The text as names are looked for in it: match_key words, quotes and brackets gone."""
    return " " + " ".join(re.findall(r"\w+", match_key(text))) + " "


def occurs(name: str, key: str) -> bool:
    """A name occurs as whole words, possibly after a clitic (لـ, و, ب ...) or as لل for ل + ال."""
    words = " ".join(re.findall(r"\w+", match_key(name)))
    forms = {words} | ({"ل" + words[1:]} if words.startswith("ال") else set())
    return any(re.search(rf"(?<!\w)[وفبكل]{{0,2}}{re.escape(f)}(?!\w)", key) for f in forms)


def misplaced(entities, relations, documents) -> tuple[list, list]:
    """Gold names that do not occur in their document (title or body), and relation evidence that is
    not whole words of the body text: ([(doc, name)], [(doc, evidence)])."""
    names = []
    for e in entities:
        doc = documents[e["doc"]]
        key = text_key(f"{doc.title}\n{doc.text}")
        if not any(occurs(n, key) for n in [e["label"], *e["aliases"]]):
            names.append((e["doc"], e["label"]))
        names += [(e["doc"], alias) for alias in e["aliases"] if not occurs(alias, key)]
    evidence = [(r["doc"], r["evidence"]) for r in relations
                if not r["evidence"] or text_key(r["evidence"]) not in text_key(documents[r["doc"]].text)]
    return names, evidence
