"""The scanner's entry gate: every word an atom can spell still opens an atom."""

from __future__ import annotations

import pytest

from figcheck.extraction.patterns import grammar
from figcheck.lexicon.scanner import lexicon

_LEX = lexicon()
_G = grammar(_LEX, None)
_SPELLED = sorted({*_LEX.words, *_LEX.multipliers, *_LEX.fractions})


@pytest.mark.parametrize("word", _SPELLED)
def test_every_number_word_opens_an_atom_in_any_case(word: str) -> None:
    for form in (word, word.upper(), word.title()):
        m = _G.atom.search(f"They counted {form} of them.")
        assert m is not None and m.group().lower().startswith(word.split()[0].lower()), form


@pytest.mark.parametrize("word", sorted(_LEX.vague))
def test_vague_magnitudes_open_an_atom(word: str) -> None:
    m = _G.atom.search(f"There were {word.upper()} of people.")
    assert m is not None and m.lastgroup == "vague"


def test_words_no_atom_starts_with_are_skipped() -> None:
    assert _G.atom.search("Cats gladly in jungle prowl") is None
    assert _G.atom.search("Cats gladly in jungle prowl 12").group() == "12"
