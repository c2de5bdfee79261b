"""The marshalled tables the pattern and text stores keep in the user cache."""

from __future__ import annotations

from pathlib import Path

from figcheck.user_cache import add_to_table, read_table, write_entry


def test_a_missing_or_broken_table_reads_as_empty(tmp_path: Path) -> None:
    assert read_table(tmp_path, "t.marshal") == {}
    assert read_table(None, "t.marshal") == {}
    write_entry(tmp_path, "t.marshal", b"\x00not marshal")
    assert read_table(tmp_path, "t.marshal") == {}
    write_entry(tmp_path, "t.marshal", b"\xe9\x01\x00\x00\x00")  # a marshalled int, no dict
    assert read_table(tmp_path, "t.marshal") == {}


def test_adding_keeps_what_another_process_added(tmp_path: Path) -> None:
    add_to_table(tmp_path, "t.marshal", {"a": "1"}, set(), 10_000)
    add_to_table(tmp_path, "t.marshal", {"b": "2"}, set(), 10_000)
    assert read_table(tmp_path, "t.marshal") == {"a": "1", "b": "2"}


def test_past_its_size_a_table_keeps_only_this_run_s_keys(tmp_path: Path) -> None:
    add_to_table(tmp_path, "t.marshal", {f"old{i}": "x" * 50 for i in range(20)}, set(), 10_000)
    add_to_table(tmp_path, "t.marshal", {"new": "y"}, {"old3"}, 200)
    assert read_table(tmp_path, "t.marshal") == {"old3": "x" * 50, "new": "y"}


def test_what_cannot_be_marshalled_is_not_kept_and_loses_nothing(tmp_path: Path) -> None:
    add_to_table(tmp_path, "t.marshal", {"a": "1"}, set(), 10_000)
    add_to_table(tmp_path, "t.marshal", {"b": object()}, set(), 10_000)
    assert read_table(tmp_path, "t.marshal") == {"a": "1"}


def test_nothing_made_writes_nothing(tmp_path: Path) -> None:
    add_to_table(tmp_path, "t.marshal", {}, set(), 10_000)
    assert not (tmp_path / "t.marshal").exists()
