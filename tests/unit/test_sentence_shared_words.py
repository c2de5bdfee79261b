"""Faster readings of a sentence give what the plain ones give: the period step through the
context step's words, and the text handed to the sentence splitter."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.extraction.context.periods import _BREAK, _breaks
from figcheck.extraction.context.sentence import Tokens
from figcheck.extraction.context.timetokens import TimeTokens
from figcheck.extraction.context.timewords import _YEARISH, _names_time, find_time_refs
from figcheck.extraction.context.timetokens import PLAIN
from figcheck.lexicon.context import default_lexicon
from figcheck.lexicon.periods import period_lexicon
from figcheck.text import NON_ASCII_SPACES, _splitter_safe, _splitter_text, _splitter_unsafe

_PLAIN_TOKEN = re.compile(r"[^\W\d_]++|\d++|'s\b|\S")

_PIECES = st.lists(
    st.sampled_from(
        ["s", "S", "'", "’", "‘", "'s", "’s", "-", " ", "\u00a0", "_", "3", "1998", "a", "Oslo",
         "may", "May", "year", "mid", "é", "–", "—", " - ", ",", ".", "\n", "\t", "\x1c", "q3",
         "K", "\u212a", "İ", "…", "“", "$", "%", "٣", "²", "sept", "ago"]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_PIECES)
def test_period_tokens_cut_from_the_words_are_the_plain_tokens(text: str) -> None:
    t = TimeTokens(text, None, words=Tokens(text, default_lexicon()))
    plain = list(_PLAIN_TOKEN.finditer(text.replace("’", "'")))
    assert t.raw == [m.group() for m in plain]
    assert t.starts == [m.start() for m in plain]
    assert t.ends == [m.end() for m in plain]
    assert t.low == [m.group().lower() for m in plain]


@settings(max_examples=600, deadline=None)
@given(_PIECES)
def test_time_word_test_by_words_is_the_pattern_test(text: str) -> None:
    lex = period_lexicon()
    plain = text.isascii() or PLAIN.search(text) is None
    words = Tokens(text, default_lexicon()).lowers if plain else None
    general = _YEARISH.search(text) is not None or lex.keyword_re.search(text.lower()) is not None
    assert _names_time(text, lex, words) == general


@settings(max_examples=600, deadline=None)
@given(_PIECES)
def test_breaks_found_in_two_steps_are_the_pattern_breaks(text: str) -> None:
    assert _breaks(text) == [m.start() for m in _BREAK.finditer(text)]


def test_time_refs_through_the_words_on_written_examples() -> None:
    lex = default_lexicon()
    for s in (
        "Exports fell 4% in March, it said on Friday.",
        "The firm’s sales in the 1990's rose - and in mid-2021 fell.",
        "Sales rose 7% year-on-year in Q3, the agency’s report said.",
    ):
        assert find_time_refs(s, words=Tokens(s, lex)) == find_time_refs(s)


_SPACED = st.lists(
    st.sampled_from(["a", " ", "\n", "\u00a0", "\u2028", "\u3000", "\u2009", "\x85", "\ud800",
                     "\udfff", "é", "’", "\u00c2", "\U0001f600"]),
    max_size=12,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_SPACED)
def test_splitter_text_by_replace_is_the_pattern_substitution(text: str) -> None:
    assert _splitter_text(text) == _splitter_unsafe().sub(_splitter_safe, text)


def test_the_listed_spaces_are_every_space_beyond_ascii() -> None:
    every = "".join(chr(cp) for cp in range(0x80, sys.maxunicode + 1) if chr(cp).isspace())
    assert NON_ASCII_SPACES == every


def test_a_dateline_needs_a_place_in_capitals() -> None:
    said = [r.role for r in find_time_refs("OSLO, March 3 — Exports rose 4% in February.")]
    assert said == ["report", "period"]
    plain = [r.role for r in find_time_refs("Oslo, March 3 — Exports rose 4% in February.")]
    assert plain == ["period", "period"]
