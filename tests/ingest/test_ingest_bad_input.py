"""Bad files never raise out of read_documents: each becomes a Skipped that says what is wrong."""

import shutil
from pathlib import Path

from kg.ingest import MAX_BYTES, Document, Skipped, read_documents

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
ARTICLE = ("زيارة مرتقبة\n\n"
           "أعلنت وزارة الخارجية العراقية أن الوزير سيزور واشنطن الأسبوع المقبل لبحث العلاقات الثنائية "
           "والتعاون الأمني بين البلدين.")
LATIN1 = "Ceci est un résumé très français: garçon, élève, où, déjà vu. Ñandú, año, señor, über."


def only(path):
    results = list(read_documents([path]))
    assert len(results) == 1, results
    return results[0]


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    skipped = only(path)
    assert isinstance(skipped, Skipped) and skipped.path == str(path)
    assert "empty file" in skipped.reason


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n", encoding="utf-8")
    assert "empty file" in only(path).reason


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    skipped = only(path)
    assert isinstance(skipped, Skipped)
    assert skipped.reason.startswith("binary file")


def test_binary_file_without_nul_bytes(tmp_path):
    path = tmp_path / "controls.txt"
    path.write_bytes(bytes(range(1, 32)) * 50)
    assert only(path).reason.startswith("binary file")


def test_windows_1256_arabic_is_accepted_and_decoded(tmp_path):
    path = tmp_path / "cp1256.txt"
    path.write_bytes(ARTICLE.encode("cp1256"))
    doc = only(path)
    assert isinstance(doc, Document)
    assert doc.title == "زيارة مرتقبة"
    assert doc.text.startswith("أعلنت وزارة الخارجية العراقية أن الوزير سيزور واشنطن")


def test_utf8_with_bom_and_utf16_are_read(tmp_path):
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(ARTICLE.encode("utf-16"))
    assert only(bom).title == only(utf16).title == "زيارة مرتقبة"


def test_latin1_garbage_is_skipped(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(LATIN1.encode("latin-1"))
    skipped = only(path)
    assert isinstance(skipped, Skipped)
    assert skipped.reason == "not UTF-8 or Windows-1256 text; re-save as UTF-8"


def test_file_over_the_size_limit_is_not_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1024 * 1024)  # sparse: instant, no disk used
    skipped = only(path)
    assert isinstance(skipped, Skipped)
    assert "21.0 MB" in skipped.reason and "20 MB limit" in skipped.reason


def test_malformed_json_names_line_and_column(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"title": "عنوان",\n   "content": "نص" "x"}\n]', encoding="utf-8")
    skipped = only(path)
    assert isinstance(skipped, Skipped)
    assert "malformed JSON at line 3, column 20" in skipped.reason


def test_boilerplate_only_file(tmp_path):
    path = tmp_path / "chrome.txt"
    path.write_text("Search\nClose this search box.\n\nFacebook\nTwitter\n\nأضف تعليق\n"
                    "جميع الحقوق محفوظة © 2024\n#العراق #بغداد\nwww.example.com\n", encoding="utf-8")
    skipped = only(path)
    assert isinstance(skipped, Skipped)
    assert "boilerplate only" in skipped.reason


def test_missing_path_and_unsupported_file_named_directly(tmp_path):
    missing, pdf = tmp_path / "nope.txt", tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    results = list(read_documents([missing, pdf]))
    assert [type(r) for r in results] == [Skipped, Skipped]
    assert "no such file" in results[0].reason
    assert "unsupported file type '.pdf'" in results[1].reason


def test_directory_walk_mixing_good_and_bad_files(tmp_path):
    root = tmp_path / "corpus"
    (root / "seeds").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, root / "seeds" / seed.name)
    shutil.copy(FIXTURES / "saudinewsnet.json", root / "dump.json")
    shutil.copy(FIXTURES / "article.html", root / "page.html")
    (root / "bad").mkdir()
    (root / "bad" / "empty.txt").write_bytes(b"")
    (root / "bad" / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (root / "bad" / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (root / "bad" / "broken.jsonl").write_text("{oops\n", encoding="utf-8")
    (root / "bad" / "chrome.txt").write_text("Facebook\nTwitter\n", encoding="utf-8")
    with (root / "bad" / "huge.html").open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    (root / "cp1256.txt").write_bytes(ARTICLE.encode("cp1256"))
    (root / "notes.md").write_text("ignored: not an article type", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\x00")
    (root / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "inside.txt").write_text(ARTICLE, encoding="utf-8")

    results = list(read_documents([root]))

    names = [Path(r.path.split("#")[0]).relative_to(root).as_posix() for r in results]
    assert names == ["bad/binary.txt", "bad/broken.jsonl", "bad/chrome.txt", "bad/empty.txt", "bad/huge.html",
                     "bad/latin1.txt", "cp1256.txt", "dump.json", "dump.json", "dump.json", "page.html",
                     "seeds/000_298073592aaecfde.txt", "seeds/001_543bc5073adb57b7.txt"]
    docs = [r for r in results if isinstance(r, Document)]
    assert [d.id for d in docs] == ["cp1256", "dump-0", "dump-2", "page", "000_298073592aaecfde",
                                    "001_543bc5073adb57b7"]
    skipped = {Path(r.path.split("#")[0]).name: r.reason for r in results if isinstance(r, Skipped)}
    assert skipped["binary.txt"].startswith("binary file")
    assert skipped["broken.jsonl"].startswith("malformed JSON at line 1")
    assert skipped["chrome.txt"].startswith("boilerplate only")
    assert skipped["empty.txt"].startswith("empty file")
    assert "20 MB limit" in skipped["huge.html"]
    assert skipped["latin1.txt"].startswith("not UTF-8")
    assert "no content" in skipped["dump.json"]


def test_a_seed_saved_as_windows_1256_reads_the_same_as_utf8(tmp_path):
    seed = SEEDS / "004_09b62d64db6f9006.txt"
    copy = tmp_path / seed.name
    copy.write_bytes(seed.read_text(encoding="utf-8").encode("cp1256"))
    (utf8,), (cp1256,) = read_documents([seed]), read_documents([copy])
    for field in ("title", "text", "date", "source", "content_hash"):
        assert getattr(cp1256, field) == getattr(utf8, field), field
