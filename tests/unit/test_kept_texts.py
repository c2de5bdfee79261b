"""Word-list alternations read back from the user cache are the ones written afresh."""

from __future__ import annotations

import pytest

from figcheck import kept_texts
from figcheck.lexicon.files import data_file
from figcheck.lexicon.literals import alternation, literal_led, trie_alternation
from figcheck.user_cache import KeptTable


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A fresh store in a temporary cache folder; the process's own store afterwards."""
    monkeypatch.setattr("platformdirs.user_cache_dir", lambda name: str(tmp_path / name))
    monkeypatch.setattr(kept_texts, "_state", [])
    yield tmp_path / "figcheck"


def _reopen(monkeypatch) -> KeptTable:
    """Save the store as the process would at exit, then open it again as a new process."""
    old = kept_texts._texts()
    assert old is not None
    old.save()
    old.made.clear()  # nothing left for the exit hook
    monkeypatch.setattr(kept_texts, "_state", [])
    reopened = kept_texts._texts()
    assert reopened is not None
    return reopened


def _unit_forms() -> list[str]:
    units = data_file("unit_aliases.toml").table("units")
    return [form for spec in units.values() for form in spec.get("forms", [])]



@pytest.mark.parametrize("kind", ["alternation", "trie_alternation", "literal_led"])
def test_a_kept_text_is_the_text_made_afresh(store, monkeypatch, kind):
    words = _unit_forms()
    assert len(set(words)) >= kept_texts.MIN_WORDS
    write = {"alternation": alternation, "trie_alternation": trie_alternation,
             "literal_led": lambda w: literal_led(w, r"[\w$]")}[kind]
    monkeypatch.setattr(kept_texts, "_state", [None])  # no store: written every time
    fresh = write(words)
    monkeypatch.setattr(kept_texts, "_state", [])
    assert write(words) == fresh  # made, and kept for the exit
    reopened = _reopen(monkeypatch)
    assert len(reopened.kept) == 1
    assert write(list(reversed(words))) == fresh  # read back: the order of the words is no part
    assert len(reopened.used) == 1 and not reopened.made


def test_a_text_is_made_once_per_process(store):
    calls = []

    def make() -> str:
        calls.append(1)
        return "text"

    words = frozenset(f"w{i}" for i in range(kept_texts.MIN_WORDS))
    assert kept_texts.kept_text("k", words, make, kept_texts.__name__) == "text"
    assert kept_texts.kept_text("k", words, make, kept_texts.__name__) == "text"
    assert calls == [1]


def test_a_text_is_kept_for_the_code_that_made_it(store):
    """Another module's code (or the same module edited) makes its text anew."""
    calls = []

    def make() -> str:
        calls.append(1)
        return f"text{len(calls)}"

    words = frozenset(f"w{i}" for i in range(kept_texts.MIN_WORDS))
    assert kept_texts.kept_text("k", words, make, kept_texts.__name__) == "text1"
    assert kept_texts.kept_text("k", words, make, "figcheck.lexicon.literals") == "text2"
    assert kept_texts.kept_text("k", words, make, "no.such.module") == "text3"
    assert kept_texts.kept_text("k", words, make, "no.such.module") == "text4"  # never kept


def test_short_lists_are_not_kept(store):
    words = [f"w{i}" for i in range(kept_texts.MIN_WORDS - 1)]
    alternation(words)
    state = kept_texts._texts()
    assert state is not None and not state.made


def test_without_a_cache_folder_texts_are_made(monkeypatch):
    monkeypatch.setattr(kept_texts, "_state", [None])
    words = [f"w{i}" for i in range(40)]
    assert alternation(words) == alternation(list(reversed(words)))
