"""Documents and load_documents: UTF-8 files in, clear errors out, nothing skipped silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from figcheck.documents import Document, load_documents
from figcheck.errors import DocumentError


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


class TestDocument:
    def test_positional_id_and_text_with_empty_meta(self) -> None:
        doc = Document("memo", "Turnout was 61% in the vote.")
        assert (doc.id, doc.text, dict(doc.meta)) == ("memo", "Turnout was 61% in the vote.", {})

    def test_is_frozen_and_hashable(self) -> None:
        doc = Document("memo", "text", {"author": "desk"})
        with pytest.raises(AttributeError):
            doc.text = "other"  # type: ignore[misc]
        assert hash(doc) == hash(Document("memo", "text", {"author": "someone else"}))

    @pytest.mark.parametrize(
        ("doc_id", "text", "meta"),
        [("", "text", {}), (3, "text", {}), ("id", b"bytes", {}), ("id", "text", [("a", 1)])],
        ids=["empty-id", "int-id", "bytes-text", "list-meta"],
    )
    def test_rejects_wrong_types(self, doc_id: object, text: object, meta: object) -> None:
        with pytest.raises(TypeError):
            Document(doc_id, text, meta)  # type: ignore[arg-type]


class TestLoadDocuments:
    def test_paths_keep_their_given_names_as_ids_and_order(self, tmp_path: Path) -> None:
        b = _write(tmp_path / "b.txt", "Bridge tolls rose to $4.")
        a = _write(tmp_path / "a.txt", "The ferry carried 310 people.")
        docs = load_documents([str(b), a])
        assert [d.id for d in docs] == [str(b), str(a)]
        assert docs[1].text == "The ferry carried 310 people."
        assert docs[0].meta["path"] == str(b)

    def test_single_path_is_accepted(self, tmp_path: Path) -> None:
        p = _write(tmp_path / "one.txt", "x")
        assert [d.id for d in load_documents(p)] == [str(p)]

    def test_glob_matches_are_sorted_and_mixed_with_paths(self, tmp_path: Path) -> None:
        for name in ("2.txt", "1.txt", "3.md"):
            _write(tmp_path / "in" / name, name)
        extra = _write(tmp_path / "extra.md", "extra")
        docs = load_documents([str(tmp_path / "in" / "*.txt"), str(extra)])
        assert [Path(d.id).name for d in docs] == ["1.txt", "2.txt", "extra.md"]

    def test_recursive_glob(self, tmp_path: Path) -> None:
        _write(tmp_path / "deep" / "er" / "x.txt", "x")
        docs = load_documents(str(tmp_path / "**" / "*.txt"))
        assert [Path(d.id).name for d in docs] == ["x.txt"]

    def test_a_file_named_twice_is_loaded_once(self, tmp_path: Path) -> None:
        p = _write(tmp_path / "a.txt", "x")
        docs = load_documents([str(p), str(tmp_path / "*.txt"), p])
        assert len(docs) == 1

    def test_utf8_bom_is_not_part_of_the_text(self, tmp_path: Path) -> None:
        p = _write(tmp_path / "bom.txt", "\ufeffNearly 40 km.".encode())
        assert load_documents(p)[0].text == "Nearly 40 km."

    def test_line_endings_are_kept_so_offsets_match_the_file(self, tmp_path: Path) -> None:
        p = _write(tmp_path / "crlf.txt", b"one\r\ntwo 2\r\n")
        assert load_documents(p)[0].text == "one\r\ntwo 2\r\n"

    def test_glob_matching_nothing_names_the_glob(self, tmp_path: Path) -> None:
        pattern = str(tmp_path / "*.nothing")
        with pytest.raises(DocumentError) as err:
            load_documents([pattern])
        assert err.value.path == pattern
        assert "no file matches" in str(err.value)

    def test_missing_file_names_the_file(self, tmp_path: Path) -> None:
        with pytest.raises(DocumentError, match=r"missing\.txt: no such file"):
            load_documents(tmp_path / "missing.txt")

    def test_directory_is_an_error_with_a_hint(self, tmp_path: Path) -> None:
        with pytest.raises(DocumentError, match="is a directory; pass the files in it"):
            load_documents(tmp_path)

    def test_binary_file_is_an_error_naming_it(self, tmp_path: Path) -> None:
        p = _write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        with pytest.raises(DocumentError) as err:
            load_documents(p)
        assert err.value.path == str(p)
        assert "binary" in err.value.reason

    def test_undecodable_file_reports_offset_and_line(self, tmp_path: Path) -> None:
        p = _write(tmp_path / "latin1.txt", "line one\ncaf\xe9 prices rose 5%\n".encode("latin-1"))
        with pytest.raises(DocumentError) as err:
            load_documents([p])
        assert err.value.path == str(p)
        assert "not UTF-8" in err.value.reason and "line 2" in err.value.reason

    def test_one_bad_file_fails_the_whole_load(self, tmp_path: Path) -> None:
        good = _write(tmp_path / "good.txt", "fine")
        bad = _write(tmp_path / "bad.txt", b"\xff\xfe\x00")
        with pytest.raises(DocumentError):
            load_documents([good, bad])

    def test_path_objects_are_literal_even_with_glob_characters(self, tmp_path: Path) -> None:
        p = _write(tmp_path / "report[1].txt", "x")
        assert load_documents(Path(p))[0].text == "x"
        assert load_documents(str(p))[0].text == "x"  # exists, so not treated as a pattern

    def test_non_path_items_are_a_type_error(self) -> None:
        with pytest.raises(TypeError, match="paths or globs"):
            load_documents([42])  # type: ignore[list-item]


class TestCheckEntry:
    """figcheck.check takes Documents, Paths and strings; options are validated by name."""

    def test_strings_are_text_with_numbered_ids(self) -> None:
        from figcheck.pipeline import as_documents

        docs = as_documents(["First memo.", Document("named", "Second memo."), "Third memo."])
        assert [d.id for d in docs] == ["doc1", "named", "doc3"]
        assert as_documents("Only one.")[0].text == "Only one."

    def test_a_string_naming_a_file_is_still_text_but_warns(self, tmp_path: Path) -> None:
        from figcheck.pipeline import as_documents

        p = _write(tmp_path / "memo.txt", "The ferry carried 310 people.")
        with pytest.warns(UserWarning, match="pathlib.Path"):
            (doc,) = as_documents(str(p))
        assert doc.text == str(p)
        assert as_documents(p)[0].text == "The ferry carried 310 people."

    def test_duplicate_ids_are_an_error(self) -> None:
        from figcheck.pipeline import as_documents

        with pytest.raises(DocumentError, match="two documents have this id"):
            as_documents([Document("x", "a"), Document("x", "b")])

    def test_wrong_document_types(self) -> None:
        from figcheck.pipeline import check

        with pytest.raises(TypeError, match=r"Document, pathlib\.Path or str"):
            check([b"bytes"])
        with pytest.raises(TypeError, match="iterable"):
            check(42)

    @pytest.mark.parametrize(
        ("options", "error", "fragment"),
        [
            (dict(tolerance=0.1), TypeError, "unknown option 'tolerance'"),
            (dict(reference_tolerance=-0.1), ValueError, "'reference_tolerance' must be at least"),
            (dict(reference_tolerance="5%"), TypeError, "must be a number"),
            (dict(jobs=1.5), TypeError, "'jobs' must be an int"),
            (dict(strict_periods="yes"), TypeError, "True or False"),
            (dict(checks=["conflicts"]), ValueError, "unknown check 'conflicts'"),
            (dict(tolerances={"almost": 1.5}), ValueError, "below 1.0"),
        ],
    )
    def test_options_are_validated(self, options: dict, error: type, fragment: str) -> None:
        from figcheck.pipeline import check

        with pytest.raises(error, match=fragment):
            check("No figures.", **options)

    def test_parallel_extraction_gives_the_same_report(self) -> None:
        from figcheck.pipeline import check

        texts = [f"Officials said {n} people died in the flood." for n in (1200, 1250, 1200)]
        one = check(texts)
        two = check(texts, jobs=2)
        assert len(one.claims) >= 3 and one == two
        assert one.documents == ("doc1", "doc2", "doc3")
