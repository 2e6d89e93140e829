"""Held-out scores and speed of a model bundle, as reported in MODELS.md.

UD: the pipeline runs from raw text (tokenize .. depparse, with the whole-word
guard of kg.nlp.clitics, as `kg` runs it) over the held-out sentences and the
CoNLL 2018 scorer compares with gold. NER: exact-span precision/recall/F1 per
type on the ANERcorp test sixth, from gold tokens.
"""

from __future__ import annotations

import io
import time
from collections import Counter
from pathlib import Path

from kg.training.datasets import ner_splits, ud_splits
from kg.training.ud_convert import Sentence

UD_METRICS = ("Tokens", "Sentences", "Words", "UPOS", "UFeats", "Lemmas", "UAS", "LAS")


def raw_text(sentences: list[Sentence], per_paragraph: int = 10) -> str:
    """Held-out text as a reader would get it: sentences run together, paragraphs of ten."""
    paras = [" ".join(s.text() for s in sentences[i:i + per_paragraph])
             for i in range(0, len(sentences), per_paragraph)]
    return "\n\n".join(paras)


def score_ud(pipeline, sentences: list[Sentence]) -> dict[str, float]:
    """CoNLL 2018 shared task scores (Stanza 1.15 ships the scorer as udtools.udeval)."""
    from stanza.utils.conll import CoNLL
    from udtools.udeval import evaluate, load_conllu

    gold = "".join(s.to_conllu() for s in sentences)
    doc = pipeline(raw_text(sentences))
    buf = io.StringIO()
    CoNLL.write_doc2conll(doc, buf)
    system = load_conllu(io.StringIO(buf.getvalue()), "system", {})
    result = evaluate(load_conllu(io.StringIO(gold), "gold", {}), system)
    return {m: round(100 * result[m].f1, 2) for m in UD_METRICS}


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Exact entity spans from BIO (or BIOES) tags."""
    out, start, typ = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, t = tag.partition("-")
        if start is not None and (prefix in {"O", "B", "S"} or t != typ):
            out.add((start, i, typ))
            start = None
        if prefix in {"B", "S"} or (prefix in {"I", "E"} and start is None):
            start, typ = i, t
    return out


def score_ner(models: Path, test: list[list[tuple[str, str]]]) -> dict[str, dict[str, float]]:
    import stanza

    nlp = stanza.Pipeline("ar", dir=str(models), processors="tokenize,ner", tokenize_pretokenized=True,
                          download_method=None, logging_level="WARN")
    doc = nlp([[tok for tok, _ in sent] for sent in test])
    tp, fp, fn = Counter(), Counter(), Counter()
    for sent, gold in zip(doc.sentences, test):
        pred_spans = spans([t.ner for t in sent.tokens])
        gold_spans = spans([tag for _, tag in gold])
        for s in pred_spans & gold_spans:
            tp[s[2]] += 1
        for s in pred_spans - gold_spans:
            fp[s[2]] += 1
        for s in gold_spans - pred_spans:
            fn[s[2]] += 1
    report = {}
    for typ in sorted(set(tp) | set(fn) | set(fp)) + ["micro"]:
        t = sum(tp.values()) if typ == "micro" else tp[typ]
        p_den = t + (sum(fp.values()) if typ == "micro" else fp[typ])
        r_den = t + (sum(fn.values()) if typ == "micro" else fn[typ])
        p = t / p_den if p_den else 0.0
        r = t / r_den if r_den else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        report[typ] = {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2),
                       "support": r_den}
    return report


def evaluate_bundle(models: Path, data_dir: Path) -> dict:
    import stanza

    from kg.nlp.clitics import guard_mwt

    ud = ud_splits(data_dir)
    nlp = stanza.Pipeline("ar", dir=str(models), processors="tokenize,mwt,pos,lemma,depparse",
                          download_method=None, logging_level="WARN")
    guard_mwt(nlp)  # as kg.nlp.ArabicPipeline runs it: names and whole words stay whole
    return {
        "ud": {"padt_test_last150": score_ud(nlp, ud.test_padt),
               "pud_last100": score_ud(nlp, ud.test_pud),
               "all_held_out": score_ud(nlp, ud.test_padt + ud.test_pud)},
        "ner_anercorp_test": score_ner(models, ner_splits(data_dir / "ner" / "ANERCorp.txt")["test"]),
    }


def measure_speed(models: Path, texts: list[str], threads: int) -> dict[str, float]:
    """Words per second of the full pipeline on CPU with a given number of threads."""
    import torch

    from kg.nlp.pipeline import ArabicPipeline

    torch.set_num_threads(threads)
    pipe = ArabicPipeline(models, use_gpu=False, threads=threads)
    pipe.parse(texts[0][:500])  # warm up
    start, words = time.perf_counter(), 0
    for text in texts:
        words += len(pipe.parse(text).words)
    elapsed = time.perf_counter() - start
    return {"threads": threads, "docs": len(texts), "words": words, "seconds": round(elapsed, 1),
            "words_per_second": round(words / elapsed, 1)}
