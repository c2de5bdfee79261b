"""The scanner's entry pass: every offset where an atom matches is among its candidates."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.extraction.entry import FOLDS_TO_ASCII, EntryPoints
from figcheck.extraction.patterns import grammar
from figcheck.extraction.scanner import scan
from figcheck.lexicon.scanner import lexicon

_LEX = lexicon()
_G = grammar(_LEX, None)
_WORDS = sorted({*_LEX.words, *_LEX.multipliers, *_LEX.fractions, *_LEX.vague})


def _matches(text: str) -> list[int]:
    """Every offset where the entry pattern matches, anchored."""
    return [i for i in range(len(text) + 1) if _G.atom.match(text, i) is not None]


def _assert_covered(text: str) -> None:
    offsets = _G.entry.offsets(text)
    if offsets is None:
        return
    missing = sorted(set(_matches(text)) - set(offsets))
    assert not missing, (text, missing)


def test_folds_to_ascii_lists_every_character_an_ascii_letter_matches() -> None:
    every = "".join(map(chr, range(0x80, 0x110000)))
    assert set(re.findall("(?i)[a-z]", every)) == set(FOLDS_TO_ASCII)


def test_lower_case_keeps_word_characters_where_it_keeps_length() -> None:
    word = re.compile(r"\w")
    changed = [
        c
        for c in map(chr, range(0x80, 0x110000))
        if len(c.lower()) == 1 and bool(word.match(c)) != bool(word.match(c.lower()))
    ]
    assert changed == []


@pytest.mark.parametrize(
    "text",
    [
        "Roughly ONE-THIRD of the 40 staff, a half, ahalf and Onethird of them.",
        "A dozen boats, a  hundred men, an eighth, AN EIGHTH and a-quarter.",
        "Sales grew tenfold, TWENTY-FOLD, 3-fold and 2.5fold in hundreds of cases.",
        "Add ½ cup, 1½ miles and .5 per cent (.25 more); v2.0 and A380 are names.",
        "Three in ten voters, 12 out of 37 seats, tens of thousands of people.",
    ],
)
def test_sentences_with_atoms_in_every_shape_are_covered(text: str) -> None:
    offsets = _G.entry.offsets(text)
    assert offsets is not None
    assert set(_matches(text)) <= set(offsets)
    assert _matches(text)  # the examples do hold atoms


@pytest.mark.parametrize("text", ["\u017fix hundred people", "\u0130stanbul had six", "1 \u212a"])
def test_text_with_characters_folding_to_ascii_is_searched_instead(text: str) -> None:
    assert _G.entry.offsets(text) is None


def test_searched_text_still_finds_its_figures() -> None:
    assert [c.text for c in scan("İstanbul had six ferries and 40 buses.")] == ["six", "40"]


def test_words_that_only_contain_number_words_are_no_candidates() -> None:
    assert _G.entry.offsets("Someone often wrote money, phone, halftime and tonnes.") == []


def test_a_opens_a_candidate_only_before_what_it_counts() -> None:
    text = "It was a good day and a third of a dozen."
    offsets = _G.entry.offsets(text)
    assert offsets is not None
    assert text.index("a good") not in offsets
    assert text.index("a third") in offsets and text.index("a dozen") in offsets


def test_each_opening_word_is_a_candidate_where_it_stands_as_a_whole_word() -> None:
    entry = EntryPoints(["one", "onefold", "two"], {"a": ["half"]}, "")
    text = "One, someone, onefold, ONES, two-one; a half, a day, 4.5 and x.5"
    assert entry.offsets(text) == sorted(
        [0, text.index("onefold"), text.index("two"), text.index("one;"),
         text.index("a half"), text.index("4.5"), text.index(".5 and"),
         text.index("5 and"), text.index(".5", text.index("x")), len(text) - 1]
    )  # fmt: skip


def test_a_glued_word_is_a_candidate_only_when_it_stands_alone_somewhere() -> None:
    entry = EntryPoints(["one"], {"a": ["half"]}, "")
    assert entry.offsets("ahalf and half") == []
    assert entry.offsets("ahalf and a half") == [0, len("ahalf and ")]


def test_opening_words_must_be_single_words() -> None:
    with pytest.raises(ValueError, match="one word"):
        EntryPoints(["two words"], {}, "")


_PIECES = st.sampled_from(
    [*_WORDS, "a", "an", "A", "AN", "fold", "-", " ", "  ", "\u00a0", ".", ",", "(", "½",
     "1", "12", "3.5", ".5", "x", "of", "in", "out of", "and", "é", "’s", "\n", "$", "USD",
     "ſ", "one", "third", "Half", "HUNDREDS"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_every_match_is_a_candidate(text: str) -> None:
    _assert_covered(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=10).map(" ".join))
def test_every_match_is_a_candidate_in_spaced_text(text: str) -> None:
    _assert_covered(text.swapcase())


def test_only_a_character_folding_to_ascii_lengthens_in_lower_case() -> None:
    every = map(chr, range(0x110000))
    assert {c for c in every if len(c.lower()) != 1} <= set(FOLDS_TO_ASCII)


@pytest.mark.parametrize(
    ("text", "digits"),
    [("no figure here — none", False), ("sixty-one", False), ("v2", True),
     ("caf\u00e9 \u0663 cups", True), ("\u00bd cup", False)],
)
def test_points_say_whether_a_text_may_hold_a_digit(text: str, digits: bool) -> None:
    assert _G.entry.points(text)[1] is digits
    _assert_covered(text)


def test_the_letters_a_cheap_test_stands_for_are_all_that_match_them() -> None:
    # reading.py and combining.py test a window's last letter before searching it with a
    # case-insensitive "minus" or "between|from": every character those letters match
    every = "".join(map(chr, range(0x110000)))
    assert set(re.findall("(?i)s", every)) == set("sS\u017f")
    assert set(re.findall("(?i)[nm]", every)) == set("nNmM")


def test_no_currency_prefix_ends_with_what_may_follow_one() -> None:
    assert not [p for p in _LEX.currency_prefixes if p[-1] in " \u00a0-\n"]


def test_a_digit_is_what_isdecimal_says() -> None:
    # the scanner tries ``digit_atom`` where str.isdecimal holds, for \d
    every = "".join(map(chr, range(0x110000)))
    assert set(re.findall(r"\d", every)) == {c for c in every if c.isdecimal()}


@pytest.mark.parametrize(
    "text",
    ["3 in 10 voters", "12 out of 37", "4-fold", "2.5fold", "1½ miles", "14,000 and 14 000",
     "(½)", "US$5", "1,2", "9/11", "3.", "5 ½"],
)
def test_the_atom_at_a_digit_matches_as_the_entry_pattern_does(text: str) -> None:
    for i, c in enumerate(text):
        if c.isdecimal():
            a, d = _G.atom.match(text, i), _G.digit_atom.match(text, i)
            assert (a is None) == (d is None)
            if a is not None and d is not None:
                got = (d.span(), d.lastgroup, d.groupdict())
                assert (a.span(), a.lastgroup, a.groupdict()) == got
