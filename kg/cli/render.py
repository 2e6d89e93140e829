"""How the CLI shows results: tables for people, CoNLL-U/JSON for programs."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def render_models_info(console: Console, info: dict) -> None:
    card = info.get("card", {})
    table = Table(title=f"Stanza models in {info['dir']}")
    table.add_column("processor")
    table.add_column("file")
    table.add_column("size", justify="right")
    table.add_column("trained on")
    for proc, f in info["processors"].items():
        table.add_row(proc, f["file"] or "(missing)", _mb(f["bytes"]), card.get("data", {}).get(proc, ""))
    table.add_row("total", "", _mb(info["total_bytes"]), "")
    console.print(table)
    scores = card.get("scores", {})
    ud = scores.get("ud", {})
    if ud:
        t = Table(title="Held-out UD scores from raw text (F1, CoNLL 2018 scorer)")
        t.add_column("set")
        metrics = list(next(iter(ud.values())).keys())
        for m in metrics:
            t.add_column(m, justify="right")
        for name, row in ud.items():
            t.add_row(name, *[f"{row[m]:.2f}" for m in metrics])
        console.print(t)
    for key, title in (("ner_anercorp_test", "ANERcorp test sixth"),
                       ("ner_cleananercorp_test", "CLEANANERCorp test (same sentences, corrected labels)")):
        ner = scores.get(key, {})
        if not ner:
            continue
        t = Table(title=f"Held-out NER, {title} (exact span)")
        for c in ("type", "precision", "recall", "F1", "support"):
            t.add_column(c, justify="right" if c != "type" else "left")
        for typ, row in ner.items():
            t.add_row(typ, f"{row['precision']:.2f}", f"{row['recall']:.2f}", f"{row['f1']:.2f}",
                      str(row["support"]))
        console.print(t)
    speed = card.get("speed")
    if speed:
        console.print("Speed (full pipeline, CPU): " + "; ".join(
            f"{s['threads']} thread(s): {s['words_per_second']:.0f} words/s" for s in speed))


def render_parse(console: Console, parsed, fmt: str) -> None:
    if fmt == "conllu":
        from stanza.utils.conll import CoNLL

        for sent in parsed.sentences:
            for line in CoNLL.convert_dict([sent.to_dict()])[0]:
                print("\t".join(line))
            print()
    elif fmt == "json":
        out = {"text": parsed.text, "notes": parsed.notes,
               "sentences": [{"text": s.text, "words": s.to_dict(),
                              "entities": [e.to_dict() for e in s.ents]} for s in parsed.sentences]}
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        for note in parsed.notes:
            console.print(f"[yellow]note:[/] {note}")
        for i, sent in enumerate(parsed.sentences, 1):
            t = Table(title=f"sentence {i}: {sent.text}", title_justify="left")
            for c in ("id", "word", "lemma", "upos", "head", "deprel", "ner"):
                t.add_column(c)
            for tok in sent.tokens:
                for w in tok.words:
                    t.add_row(str(w.id), w.text, w.lemma or "", w.upos or "", str(w.head), w.deprel or "",
                              tok.ner or "")
            console.print(t)
            if sent.ents:
                console.print("entities: " + ", ".join(f"{e.text} ({e.type})" for e in sent.ents))
