"""The UD data conversion: diacritics, surface restoration, UD v1 -> v2 leftovers."""

from pathlib import Path

import pytest

from kg.text import strip_diacritics
from kg.training.ud_convert import (
    clean_padt_sentence,
    fix_v2_leftovers,
    join_host_enclitic,
    join_proclitic,
    load_padt,
    pud_to_padt,
    read_conllu,
    segment_unanalyzed,
    split_unanalyzed,
)

# A PADT 2016 (UD v1) sentence: sentence-initial و as root, a relative pronoun as cc,
# an enclitic pronoun, ل + definite noun.
V1 = """# sent_id s-1
1\tوَ\tوَ\tCONJ\tC---------\t_\t0\troot\t_\t_
2\tقَالَ\tقَال\tVERB\tVP-A-3MS--\tAspect=Perf\t1\tparataxis\t_\t_
3\tاَلوَزِيرُ\tوَزِير\tNOUN\tN------S1D\tCase=Nom|Definite=Def\t2\tnsubj\t_\t_
4\tلِ\tلِ\tADP\tP---------\tAdpType=Prep\t5\tcase\t_\t_
5\tاَلصَّحَافِيِّينَ\tصَحَافِيّ\tNOUN\tN------P2D\tCase=Gen|Definite=Def\t2\tnmod\t_\t_
6\tإِنَّ\tإِنَّ\tCONJ\tC---------\t_\t8\tmark\t_\t_
7\tاَلحُكُومَةَ\tحُكُومَة\tNOUN\tN------S4D\tCase=Acc|Definite=Def\t8\tnsubj\t_\t_
8\tرَفَضَت\tرَفَض\tVERB\tVP-A-3FS--\tAspect=Perf\t2\tccomp\t_\t_
9\tاَلخُطَّةَ\tخُطَّة\tNOUN\tN------S4D\tCase=Acc|Definite=Def\t8\tdobj\t_\t_
10\tاَلَّتِي\tاَلَّذِي\tPRON\tSR----FS4-\tCase=Acc|PronType=Rel\t9\tcc\t_\t_
11\tقَدَّمَ\tقَدَّم\tVERB\tVP-A-3MS--\tAspect=Perf\t9\tacl\t_\t_
12\tهَا\tهُوَ\tPRON\tSP---3FS4-\tCase=Acc|Person=3|PronType=Prs\t11\tdobj\t_\t_
13\tجُوزِف\tجُوزِف\tX\tX---------\tForeign=Foreign\t11\tnsubj\t_\t_
14\t.\t.\tPUNCT\tG---------\t_\t1\tpunct\t_\t_

"""


@pytest.fixture()
def converted(tmp_path: Path):
    path = tmp_path / "v1.conllu"
    path.write_text(V1, encoding="utf-8")
    return load_padt(path)[0]


def test_diacritics_are_removed_from_forms_but_not_lemmas(converted):
    assert strip_diacritics("سُلُطَاتُ") == "سلطات"
    assert [w.form for w in converted.words][:3] == ["و", "قال", "الوزير"]
    assert converted.words[1].lemma == "قَال"


def test_surface_tokens_are_restored_as_multiword_tokens(converted):
    surfaces = {(a, b): s for a, b, s in converted.tokens}
    assert surfaces[(1, 2)] == "وقال"
    assert surfaces[(4, 5)] == "للصحافيين"  # ل + ال is written لل
    assert surfaces[(11, 12)] == "قدمها"
    assert converted.text() == "وقال الوزير للصحافيين إن الحكومة رفضت الخطة التي قدمها جوزف."


def test_conllu_output_has_mwt_lines_and_text(converted):
    out = converted.to_conllu()
    assert "# text = وقال الوزير" in out
    assert "1-2\tوقال\t" in out
    name_line = next(ln for ln in out.splitlines() if "\tجوزف\t" in ln)
    assert name_line.endswith("SpaceAfter=No")  # the final period is attached


def test_v1_leftovers_are_finished(converted):
    by_id = {w.id: w for w in converted.words}
    root = next(w for w in converted.words if w.head == 0)
    assert root.form == "قال"  # the conjunction no longer heads the sentence
    assert (by_id[1].deprel, by_id[1].head) == ("cc", 2)
    assert by_id[9].deprel == "obj"  # dobj -> obj
    assert by_id[11].deprel == "acl:relcl"
    assert by_id[10].head == 11 and by_id[10].deprel in {"nsubj", "obj"}
    assert by_id[13].upos == "PROPN"
    assert by_id[1].upos == "CCONJ"
    assert all("ToDo" not in w.misc for w in converted.words)


def test_todo_nmod_under_a_predicate_with_case_becomes_obl():
    sent = read_conllu(
        "1\tيعمل\tعمل\tVERB\t_\t_\t0\troot\t_\t_\n"
        "2\tفي\tفي\tADP\t_\t_\t3\tcase\t_\t_\n"
        "3\tبغداد\tبغداد\tPROPN\t_\t_\t1\tnmod\t_\tToDo=nmod\n")[0]
    fix_v2_leftovers(sent)
    assert sent.words[2].deprel == "obl"
    assert sent.words[2].misc == "_"


@pytest.mark.parametrize("host,clitic,surface", [
    ("حكومة", "ها", "حكومتها"), ("على", "ه", "عليه"), ("إلى", "هم", "إليهم"),
    ("مدى", "ه", "مداه"), ("نقلوا", "ه", "نقلوه"), ("كتاب", "ي", "كتابي"),
])
def test_host_and_enclitic_are_written_as_news_writes_them(host, clitic, surface):
    assert join_host_enclitic(host, clitic) == surface


def test_proclitics_attach():
    assert join_proclitic("ل", "البدء") == "للبدء"
    assert join_proclitic("و", "قال") == "وقال"


def test_pud_clitic_tokens_become_mwt_with_padt_forms():
    sent = read_conllu(
        "1\tل\tلِ\tADP\t_\t_\t2\tcase\t_\tSpaceAfter=No\n"
        "2\tلسلطة\tسُلطَة\tNOUN\t_\tDefinite=Def\t0\troot\t_\t_\n"
        "3\tنشرت\tنَشَر\tVERB\t_\t_\t2\tacl\t_\tSpaceAfter=No\n"
        "4\tها\tهُوَ\tPRON\t_\tCase=Acc\t3\tobj\t_\tSpaceAfter=No\n"
        "5\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n")[0]
    pud_to_padt(sent)
    assert sent.tokens == [(1, 2, "للسلطة"), (3, 4, "نشرتها")]
    assert sent.words[1].form == "السلطة"
    assert sent.text() == "للسلطة نشرتها."


def test_copied_unanalyzed_tokens_become_clitics_and_host():
    # PADT v1 copies a token it could not analyze once per word: "بمنطقة بمنطقة" in the text.
    sent = read_conllu(
        "1\tيقيم\tيقيم\tVERB\t_\t_\t0\troot\t_\t_\n"
        "2\tبمنطقة\tبمنطقة\tX\t_\t_\t3\tcase\t_\t_\n"
        "3\tبمنطقة\tبمنطقة\tX\t_\t_\t1\tobl\t_\t_\n"
        "4\tوسنضع\tوسنضع\tX\t_\t_\t6\tcc\t_\t_\n"
        "5\tوسنضع\tوسنضع\tX\t_\t_\t6\taux\t_\t_\n"
        "6\tوسنضع\tوسنضع\tX\t_\t_\t1\tconj\t_\t_\n"
        "7\tلمشروعهما\tلمشروعهما\tX\t_\t_\t8\tcase\t_\t_\n"
        "8\tلمشروعهما\tلمشروعهما\tX\t_\t_\t6\tobl\t_\t_\n"
        "9\tلمشروعهما\tلمشروعهما\tX\t_\t_\t8\tnmod\t_\t_\n"
        "10\tعاصي\tعاصي\tX\t_\t_\t1\tnsubj\t_\t_\n"
        "11\tعاصي\tعاصي\tX\t_\t_\t10\tflat\t_\t_\n")[0]
    assert split_unanalyzed(sent) == 3
    assert [(w.form, w.upos) for w in sent.words[1:9]] == [
        ("ب", "ADP"), ("منطقة", "X"), ("و", "CCONJ"), ("س", "AUX"), ("نضع", "X"),
        ("ل", "ADP"), ("مشروع", "X"), ("هما", "PRON")]
    assert [w.form for w in sent.words[9:]] == ["عاصي", "عاصي"]  # no clitic fits: left as it is
    clean_padt_sentence(sent)
    assert sent.text() == "يقيم بمنطقة وسنضع لمشروعهما عاصي عاصي"


@pytest.mark.parametrize("surface,deprels,cut", [
    ("للمشروع", ["case", "nmod"], (["ل", "المشروع"], 1)),
    ("قلبي", ["nmod", "nmod"], (["قلب", "ي"], 0)),
    ("إن", ["flat", "flat"], None),
])
def test_segment_unanalyzed(surface, deprels, cut):
    assert segment_unanalyzed(surface, deprels) == cut
