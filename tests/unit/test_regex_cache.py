"""Patterns made from kept opcodes are the patterns re.compile makes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figcheck import regex_cache
from figcheck.extraction.patterns import grammar
from figcheck.lexicon.scanner import lexicon
from figcheck.user_cache import KeptTable

_PATTERNS = [
    (r"(?i)(?:[ \u00a0]?+-?|-)(?P<u>mi(?:les?)?|km|metres?)(?![\w²³])", 0),
    (r"(?<![\w$])(?P<c>\$|US\$|€)[ \u00a0]?+(?=\d)", 0),
    (r"""\b(?=\d|(?i:[ot]))(?:(?P<num>\d{1,3}(?:,\d{3})*+)  # digits
         |(?P<word>(?i:one|two|ten)))(?![\w])""", re.VERBOSE),
    (r"(?P<a>\w+)-(?P=a)", re.ASCII),
    (r"^\s*(\[\[?)\s*([A-Za-z0-9_.-]++)", re.MULTILINE),
    (r"[½⅓⅔¼¾]|\d{1,4}+(?:\.\d{1,3}+)?(?:x|×)", re.IGNORECASE | re.UNICODE),
]
_TEXTS = ["It ran 40 miles, then 12 KM.", "US$ 30 and €5", "one-one two 1,200 ten",
          "ab-ab cd-ce", "[units]\n [[x.y]]", "½ 3.5x 2×"]


def _same(made: re.Pattern[str], usual: re.Pattern[str], texts: list[str]) -> None:
    assert (made.pattern, made.flags, made.groups, made.groupindex) == (
        usual.pattern, usual.flags, usual.groups, usual.groupindex)
    for text in texts:
        assert [m.groupdict() or m.groups() or m.span() for m in made.finditer(text)] == [
            m.groupdict() or m.groups() or m.span() for m in usual.finditer(text)]


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A fresh store in a temporary cache folder; the process's own store afterwards."""
    monkeypatch.setattr("platformdirs.user_cache_dir", lambda name: str(tmp_path / name))
    monkeypatch.setattr(regex_cache, "_state", [])
    yield tmp_path / "figcheck"


def _reopen(monkeypatch) -> KeptTable:
    """Save the store as the process would at exit, then open it again as a new process."""
    old = regex_cache._store()
    old.save()
    old.made.clear()  # nothing left for the exit hook
    monkeypatch.setattr(regex_cache, "_state", [])
    return regex_cache._store()


@pytest.mark.parametrize(("pattern", "flags"), _PATTERNS)
def test_a_pattern_is_the_same_made_afresh_and_from_the_store(store, monkeypatch, pattern, flags):
    usual = re.compile(pattern, flags)
    _same(regex_cache.compile_pattern(pattern, flags), usual, _TEXTS)
    reopened = _reopen(monkeypatch)
    assert (pattern, int(flags)) in reopened.kept
    _same(regex_cache.compile_pattern(pattern, flags), usual, _TEXTS)
    assert (pattern, int(flags)) in reopened.used


def test_the_scanners_own_patterns_come_back_the_same(store, monkeypatch) -> None:
    lexicon.cache_clear()
    try:
        lex = lexicon()
        first = grammar(lex)
        reopened = _reopen(monkeypatch)
        lexicon.cache_clear()
        again = lexicon()
        second = grammar(again)
    finally:
        lexicon.cache_clear()
    assert len(reopened.used) >= 15  # the lexicon's and the grammar's large alternations
    text = "Nearly 1,200 km/h, about $3.5bn a year, two-thirds of the 40 mph lane, 12 per cent."
    for made, usual in [(second.atom, first.atom), (again.unit_re, lex.unit_re),
                        (again.per_re, lex.per_re), (again.percent_re, lex.percent_re)]:
        assert made is not usual
        _same(made, re.compile(usual.pattern, usual.flags), [text])


@given(st.text(alphabet="ab1 -,.$€½xX\u00a0KMmilesone", max_size=40))
def test_same_matches_on_any_text(text: str) -> None:
    for pattern, flags in _PATTERNS:
        _same(regex_cache.compile_pattern(pattern, flags), re.compile(pattern, flags), [text])


def test_a_broken_store_is_ignored(store, monkeypatch) -> None:
    regex_cache.compile_pattern(*_PATTERNS[0])
    _reopen(monkeypatch)
    (kept,) = store.rglob("patterns*.marshal")
    kept.write_bytes(kept.read_bytes()[:50])
    monkeypatch.setattr(regex_cache, "_state", [])
    _same(regex_cache.compile_pattern(*_PATTERNS[0]), re.compile(*_PATTERNS[0]), _TEXTS)
    assert regex_cache._store().kept == {}


def test_without_a_writable_cache_folder_patterns_are_compiled(tmp_path, monkeypatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setattr("platformdirs.user_cache_dir", lambda name: str(blocked / name))
    monkeypatch.setattr(regex_cache, "_state", [])
    _same(regex_cache.compile_pattern(*_PATTERNS[1]), re.compile(*_PATTERNS[1]), _TEXTS)
    regex_cache._store().save()  # nothing to write to: no error
    regex_cache._store().made.clear()


def test_a_bad_pattern_raises_as_re_compile_does(store) -> None:
    with pytest.raises(re.error, match="missing \\)"):
        regex_cache.compile_pattern(r"(?P<a>x")


def test_elsewhere_than_cpython_3_11_to_3_13_re_compile_does_it(store, monkeypatch) -> None:
    monkeypatch.setattr(regex_cache.sys, "version_info", (3, 14, 0))
    assert regex_cache._store() is None
    _same(regex_cache.compile_pattern(*_PATTERNS[2]), re.compile(*_PATTERNS[2]), _TEXTS)


def test_while_importing_re_compile_answers_text_patterns_from_the_store(store, monkeypatch):
    usual = re.compile
    pattern, flags = _PATTERNS[0]
    with regex_cache.kept_while_importing():
        assert re.compile is not usual
        _same(re.compile(pattern, flags), usual(pattern, flags), _TEXTS)
        binary = re.compile(rb"\d+")  # not a text pattern: compiled as usual
        assert binary.findall(b"a 12 b 3") == [b"12", b"3"]
        assert re.compile(binary) is binary
    assert re.compile is usual
    assert (pattern, int(flags)) in _reopen(monkeypatch).kept


def test_re_compile_is_restored_when_the_import_fails(store):
    usual = re.compile
    with pytest.raises(ImportError), regex_cache.kept_while_importing():
        import figcheck_no_such_module  # noqa: F401
    assert re.compile is usual
