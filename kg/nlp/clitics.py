"""Keep names and frequent whole words whole through Stanza's multi-word-token (MWT) step.

The bundled tokenizer marks a token as clitic-bearing and the MWT model expands it; for names that
begin with a letter that is also a proclitic (و ف ب ل ك س) it sometimes cuts the name itself:
لبنان -> ل + بنان, واشنطن -> و + اشنطن, and the tree around it falls apart. The guard reads the
expansions the MWT model proposes and joins a one-letter proclitic back onto the word after it when
the two together are in a lexicon of whole words (kg/resources/whole_words.txt: words that news
writes far more often than the host they would leave, and names of the gazetteers; built by
``python -m kg.training.whole_words``, see MODELS.md). A real clitic stays: ولبنان -> و + ل + بنان
becomes و + لبنان, and a pronoun split after a name (بلاده -> بلاد + ه) is left as it is; but the
last letter of الله is no pronoun: عبدالله, which the MWT model cuts into عبدالل + ه, stays whole.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from types import MethodType

LEXICON = Path(__file__).resolve().parent.parent / "resources" / "whole_words.txt"
PROCLITICS = frozenset("وفبلكس")
ALLAH_CUT = "الل"  # what the MWT model leaves of الله when it cuts its last letter off as a pronoun
RULES_VERSION = "2"  # part of the parse fingerprint (kg.nlp.pipeline): a change here parses documents again


class WholeWords:
    """The lexicon and the rule that applies it to one MWT expansion."""

    def __init__(self, words: frozenset[str]):
        self.words = words

    @classmethod
    def load(cls, path: str | Path = LEXICON) -> WholeWords:
        """One word a line; lines starting with # are comments."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise FileNotFoundError(f"whole-word lexicon {path} cannot be read ({e.strerror}): "
                                    "rebuild it with `python -m kg.training.whole_words`") from e
        return cls(frozenset(line.strip() for line in text.splitlines()
                             if line.strip() and not line.startswith("#")))

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def __len__(self) -> int:
        return len(self.words)

    def fix(self, token: str, expansion: str) -> str:
        """The MWT expansion of `token` with every proclitic that cuts a whole word joined back to
        the word after it ("ل بنان" -> "لبنان", "و ل بنان" -> "و لبنان"); and the token left whole
        when it is itself a whole word that the expansion cuts after a first-letter proclitic
        ("ب اربيي ه" for باربييه). Anything else is returned unchanged."""
        words = expansion.split(" ")
        if len(words) < 2:
            return expansion
        out: list[str] = []
        for word in words:
            if out and out[-1] in PROCLITICS and out[-1] + word in self.words:
                out[-1] += word
            else:
                out.append(word)
        if len(out) > 1 and out[-1] == "ه" and out[-2].endswith(ALLAH_CUT):
            pronoun = out.pop()  # عبدالله -> عبدالل + ه: no pronoun, the name's own الله
            out[-1] += pronoun
        if len(out) > 1 and out[0] in PROCLITICS and token in self.words and "".join(out) == token:
            return token
        return " ".join(out) if len(out) != len(words) else expansion


@lru_cache(maxsize=4)
def load_whole_words(path: str | None = None) -> WholeWords:
    return WholeWords.load(path or LEXICON)


def guard_mwt(nlp, whole_words: WholeWords | None = None) -> None:
    """Make a stanza.Pipeline's MWT step keep whole words whole (no-op without an mwt processor).

    Stanza 1.15's MWTProcessor.process, with the expansions passed through WholeWords.fix before
    they are applied; installed on the instance, as Stanza installs processor variants."""
    proc = getattr(nlp, "processors", {}).get("mwt")
    if proc is None:
        return
    lexicon = whole_words if whole_words is not None else load_whole_words()

    def process(self, document):
        import torch

        batch = self.build_batch(document)
        expansions = batch.doc.get_mwt_expansions(evaluation=True)
        if len(batch) > 0:
            if self.config["dict_only"]:
                preds = self.trainer.predict_dict(expansions)
            else:
                with torch.no_grad():
                    preds = []
                    for b in batch.to_loader():
                        preds += self.trainer.predict(b, never_decode_unk=True, vocab=batch.vocab)
                if self.config.get("ensemble_dict", False):
                    preds = self.trainer.ensemble(expansions, preds)
            preds = [lexicon.fix(t, p) for t, p in zip(expansions, preds)]
        else:
            preds = []
        batch.doc.set_mwt_expansions(preds, process_manual_expanded=False)
        return batch.doc

    proc.process = MethodType(process, proc)
    proc.whole_words = lexicon
