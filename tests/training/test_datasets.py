"""The training splits as written for Stanza: documents, and text that ends without punctuation."""

from kg.training.datasets import (
    UDSplits,
    document_id,
    drop_document_final_punct,
    mark_documents,
    write_ud_base,
)
from kg.training.ud_convert import read_conllu


def sentence(comments: str, form: str = "بغداد") -> str:
    return (f"{comments}\n1\t{form}\t{form}\tPROPN\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
            "2\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n")


# PUD repeats `# newdoc` on every sentence; PADT 2016 names only the source file.
PUD = "".join(sentence(f"# newdoc id = n0100{d}\n# sent_id = n0100{d}{i}") for d in (1, 2) for i in (1, 2))
PADT = "".join(sentence(f"# sent_id s-{d}{i}\n# orig_file_sentence AFP_{d}#{i}") for d in (1, 2, 3)
               for i in (1, 2))


def newdocs(sents) -> list[str]:
    return [c for s in sents for c in s.comments if c.startswith("# newdoc")]


def test_document_ids_come_from_newdoc_or_the_padt_source_file():
    pud, padt = read_conllu(PUD), read_conllu(PADT)
    assert [document_id(s) for s in pud] == ["n01001", "n01001", "n01002", "n01002"]
    assert [document_id(s) for s in padt] == ["AFP_1", "AFP_1", "AFP_2", "AFP_2", "AFP_3", "AFP_3"]


def test_each_document_is_marked_once_on_its_first_sentence():
    assert newdocs(mark_documents(read_conllu(PUD))) == ["# newdoc id = n01001", "# newdoc id = n01002"]
    marked = mark_documents(read_conllu(PADT))
    assert [bool(newdocs([s])) for s in marked] == [True, False, True, False, True, False]


def test_only_document_final_sentences_lose_their_punctuation_one_in_two():
    sents = read_conllu(PADT)
    dropped = drop_document_final_punct(sents)
    lengths = [len(s.words) for s in dropped]
    assert lengths == [2, 1, 2, 2, 2, 1]  # documents 1 and 3 end without their full stop
    assert dropped[1].text() == "بغداد"  # no SpaceAfter left dangling at the end
    assert [len(s.words) for s in sents] == [2] * 6  # the input is not changed


def test_the_tokenizer_copy_differs_from_the_treebank_only_in_final_punctuation(tmp_path):
    sents = read_conllu(PADT)
    splits = UDSplits(train=sents, dev=sents[:2], test_padt=sents[2:4], test_pud=read_conllu(PUD))
    write_ud_base(splits, tmp_path / "ud", tokenizer_base=tmp_path / "ud-tokenize")
    treebank = read_conllu((tmp_path / "ud/UD_Arabic-KG/ar_kg-ud-train.conllu").read_text("utf-8"))
    tokenizer = read_conllu((tmp_path / "ud-tokenize/UD_Arabic-KG/ar_kg-ud-train.conllu").read_text("utf-8"))
    assert sum(len(s.words) for s in treebank) == 12
    assert sum(len(s.words) for s in tokenizer) == 10
    assert len(newdocs(treebank)) == len(newdocs(tokenizer)) == 3
    held_out = read_conllu((tmp_path / "ud/held-out/pud-last100.conllu").read_text("utf-8"))
    assert len(newdocs(held_out)) == 2
