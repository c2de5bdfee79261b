"""Lemmas and dictionary look-ups: the same answers whichever dictionary backs them."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
import simplemma
from hypothesis import given
from hypothesis import strategies as st

from figcheck.extraction.context import lemmas

_WORDS = [
    "fatalities", "crises", "children", "Wind", "geese", "analyses", "were", "running",
    "tonnes", "barrels", "well-being", "xqzvbn", "Mice", "ÉCOLE", "bus", "data", "indices",
    # the dictionary's own forms, in other cases, and words only simplemma's rules know
    "GEESE", "Geese", "workers", "Workers", "miles", "Kenya", "kenya", "iPhones", "NASA",
    "overpaid", "unrecorded", "xqzvbnings", "re-elected", "cafe\u0301s", "cafés",
    # numbers and apostrophes take simplemma's full path
    "1990", "²", "children's", "don’t", "o'clock", "ʼtis",
]  # fmt: skip


@pytest.mark.parametrize("word", _WORDS)
def test_same_answers_as_simplemmas_own_dictionary(word: str) -> None:
    assert lemmas.lemmatize(word) == simplemma.lemmatize(word, lang="en")
    assert lemmas.is_known(word) == simplemma.is_known(word, lang="en")


@pytest.mark.skipif(importlib.util.find_spec("marisa_trie") is None, reason="no fast extra")
def test_the_trie_is_kept_in_a_cache_folder_and_reopened(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("platformdirs.user_cache_dir", lambda name: str(tmp_path / name))
    first = lemmas._trie_factory(simplemma.__version__)
    assert first is not None
    saved = list(tmp_path.rglob("en.dic"))
    assert len(saved) == 1 and saved[0].stat().st_size > 100_000
    again = lemmas._trie_factory(simplemma.__version__)
    assert again is not None and again.get_dictionary("en").get("geese") == "goose"
    assert [p.name for p in saved[0].parent.iterdir()] == ["en.dic"]  # no leftovers


@pytest.mark.skipif(importlib.util.find_spec("platformdirs") is None, reason="no fast extra")
def test_no_writable_cache_folder_means_the_default_dictionary(tmp_path, monkeypatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setattr("platformdirs.user_cache_dir", lambda name: str(blocked / name))
    assert lemmas._trie_factory(simplemma.__version__) is None


@given(st.text(alphabet=st.sampled_from("aeiosntrlcdgmpESTAé'’-19"), min_size=1, max_size=9))
def test_same_answers_for_any_short_word(word: str) -> None:
    assert lemmas.lemmatize(word) == simplemma.lemmatize(word, lang="en")
    assert lemmas.is_known(word) == simplemma.is_known(word, lang="en")


@pytest.mark.skipif(importlib.util.find_spec("marisa_trie") is None, reason="no fast extra")
def test_words_the_kept_trie_holds_need_no_simplemma_import() -> None:
    code = (
        "import sys\n"
        "from figcheck.extraction.context import lemmas\n"
        "answers = [lemmas.lemmatize(w) for w in ('workers', 'Crises', 'geese')]\n"
        "answers.append(lemmas.is_known('runway'))\n"
        "print(answers, 'simplemma' in sys.modules)\n"
        "print(lemmas.lemmatize('xqzvbnings'), 'simplemma' in sys.modules)\n"
    )
    run = [sys.executable, "-c", code]
    subprocess.run(run, capture_output=True, check=True, timeout=120)  # keeps the trie
    out = subprocess.run(run, capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.splitlines() == [
        "['worker', 'crisis', 'goose', True] False", "xqzvbnings True"
    ]
