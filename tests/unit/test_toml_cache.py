"""The data files' TOML kept parsed in the user cache: same answers, never an old entry."""

from __future__ import annotations

import pytest

from figcheck import toml_cache, tomlkeys
from figcheck.errors import RuleDefinitionError
from figcheck.lexicon.files import DataFile, data_file

_TEXT = '# a word list\n[units]\nmile = ["mi", "miles"]\n\n[scales]\nk = 1000\nshare = 0.25\n'


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """The cache folder moved into a temporary one."""
    monkeypatch.setattr("platformdirs.user_cache_dir", lambda name: str(tmp_path / name))
    return tmp_path / "figcheck"


def _refuse_parsing(monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("parsed again instead of read back")

    monkeypatch.setattr(tomlkeys, "parse_toml", refuse)


def test_a_kept_parse_is_the_parse(folder, monkeypatch) -> None:
    fresh = tomlkeys.parse_toml(_TEXT, "figcheck/data/units.toml")
    assert toml_cache.parse_toml_cached(_TEXT, "figcheck/data/units.toml") == fresh
    assert len(list(folder.rglob("units-*.marshal"))) == 1
    _refuse_parsing(monkeypatch)
    again = toml_cache.parse_toml_cached(_TEXT, "figcheck/data/units.toml")
    assert again == fresh
    assert list(again[0]) == ["units", "scales"] and again[1]["units.mile"] == 3


def test_an_edited_text_is_parsed_afresh(folder) -> None:
    toml_cache.parse_toml_cached(_TEXT, "figcheck/data/units.toml")
    edited = _TEXT.replace("0.25", "0.5")
    data, _lines = toml_cache.parse_toml_cached(edited, "figcheck/data/units.toml")
    assert data["scales"]["share"] == 0.5
    assert len(list(folder.rglob("units-*.marshal"))) == 2


def test_a_broken_entry_is_parsed_afresh(folder) -> None:
    toml_cache.parse_toml_cached(_TEXT, "figcheck/data/units.toml")
    (entry,) = folder.rglob("units-*.marshal")
    entry.write_bytes(entry.read_bytes()[:20])
    assert toml_cache.parse_toml_cached(_TEXT, "x.toml") == tomlkeys.parse_toml(_TEXT, "x.toml")


def test_no_writable_cache_folder_means_parsing_every_time(tmp_path, monkeypatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setattr("platformdirs.user_cache_dir", lambda name: str(blocked / name))
    assert toml_cache.parse_toml_cached(_TEXT, "x.toml") == tomlkeys.parse_toml(_TEXT, "x.toml")


def test_syntax_errors_still_name_the_line_and_are_not_kept(folder) -> None:
    with pytest.raises(RuleDefinitionError, match="line 2|:2"):
        toml_cache.parse_toml_cached("[units]\nmile = [\n", "figcheck/data/bad.toml")
    assert not list(folder.rglob("bad-*"))


def test_values_marshal_cannot_hold_are_parsed_every_time(folder) -> None:
    text = "[when]\nday = 2024-03-07\n"
    data, _lines = toml_cache.parse_toml_cached(text, "figcheck/data/dated.toml")
    assert str(data["when"]["day"]) == "2024-03-07"
    assert not list(folder.rglob("dated-*"))


def test_only_figchecks_own_data_files_are_kept(folder) -> None:
    DataFile("mine.toml", _TEXT)
    assert not folder.exists() or not list(folder.rglob("mine-*"))
    data_file.cache_clear()
    try:
        shipped = data_file("months.toml")
    finally:
        data_file.cache_clear()
    assert list(folder.rglob("months-*.marshal"))
    assert shipped.data == tomlkeys.parse_toml(shipped.text, shipped.path)[0]
