"""The bundled models load with networking disabled and parse Arabic news."""

import socket

import pytest

from kg.nlp.bundle import BUNDLE, PROCESSORS, bundle_info, model_files, resources_entry

SEED_SENTENCE = ("وقالت جين ساكي المتحدثة باسم البيت الابيض، ان رئيس الوزراء مصطفى الكاظمي، "
                 "طلب استمرار الدعم اللوجستي في بغداد.")


@pytest.fixture()
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted in an offline test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_bundle_is_a_stanza_resources_dir_within_budget():
    files = model_files(BUNDLE)
    assert (BUNDLE / "resources.json").is_file()
    assert set(files) >= {*PROCESSORS, "pretrain"}
    for proc, path in files.items():  # the character LMs too, when the taggers use them
        assert path.is_file(), proc
        assert path.stat().st_size < 45 * 1024 * 1024, proc
    info = bundle_info()
    assert info["total_bytes"] < 80 * 1024 * 1024


def test_resources_json_makes_the_charlm_taggers_depend_on_the_bundled_charlms():
    ar = resources_entry(charlm_users=("ner",))["ar"]
    assert {"forward_charlm", "backward_charlm"} <= set(ar)
    assert [d["model"] for d in ar["ner"]["kg"]["dependencies"]] == ["pretrain", "forward_charlm",
                                                                     "backward_charlm"]
    assert [d["model"] for d in ar["pos"]["kg"]["dependencies"]] == ["pretrain"]
    assert "forward_charlm" not in resources_entry()["ar"]


def test_stanza_loads_the_bundle_offline_and_parses(no_network):
    import stanza

    nlp = stanza.Pipeline("ar", dir=str(BUNDLE), download_method=None, logging_level="WARN", use_gpu=False)
    doc = nlp(SEED_SENTENCE)
    words = [w for s in doc.sentences for w in s.words]
    tokens = [t for s in doc.sentences for t in s.tokens]
    assert len(words) > len(tokens)  # clitics such as و and ل were expanded
    assert {w.upos for w in words} >= {"NOUN", "VERB"}
    assert all(w.head is not None and 0 <= w.head <= len(s.words) for s in doc.sentences for w in s.words)
    assert sum(w.head == 0 for w in doc.sentences[0].words) == 1
    ents = {(e.text, e.type) for e in doc.ents}
    assert ("مصطفى الكاظمي", "PER") in ents
    assert ("بغداد", "LOC") in ents


def test_pipeline_wrapper_parses_a_seed_sentence(pipeline):
    parsed = pipeline.parse(SEED_SENTENCE)
    assert parsed.sentences
    assert any(e.text == "مصطفى الكاظمي" and e.type == "PER" for e in parsed.entities)
    verbs = {w.lemma for w in parsed.words if w.upos == "VERB"}
    assert verbs
