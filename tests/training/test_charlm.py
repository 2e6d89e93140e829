"""The character-LM step's data preparation and tagger flags (training itself takes an hour)."""

from kg.training.charlm import DEV_LINES, SHARDS, charlm_args, charlm_file, prepare_charlm_data


def test_corpus_is_split_into_shuffled_shards_and_a_held_out_dev(tmp_path):
    corpus = tmp_path / "corpus.txt"
    lines = [f"سطر رقم {i} من الأخبار" for i in range(DEV_LINES + 40)]
    corpus.write_text("\n".join(lines), encoding="utf-8")
    out = prepare_charlm_data(corpus, tmp_path / "charlm")
    dev = (out / "dev.txt").read_text(encoding="utf-8").split("\n")[:-1]
    assert dev == lines[-DEV_LINES:]
    shards = sorted((out / "train").glob("*.txt"))
    assert len(shards) == SHARDS
    train = [line for s in shards for line in s.read_text(encoding="utf-8").split("\n") if line]
    assert sorted(train) == sorted(lines[:-DEV_LINES]) and not set(train) & set(dev)
    again = prepare_charlm_data(corpus, tmp_path / "again")  # fixed seed: the same split
    assert (again / "train" / "part0.txt").read_text() == (out / "train" / "part0.txt").read_text()


def test_taggers_get_charlm_flags_only_when_both_directions_exist(tmp_path):
    assert charlm_args(tmp_path) == []
    charlm_file(tmp_path, "forward").parent.mkdir(parents=True)
    charlm_file(tmp_path, "forward").write_bytes(b"x")
    assert charlm_args(tmp_path) == []
    charlm_file(tmp_path, "backward").write_bytes(b"x")
    assert charlm_args(tmp_path) == ["--charlm", "saudinews"]
