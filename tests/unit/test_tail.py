"""tail(): the whitespace-separated tokens just left of an offset, as a regex would cut them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.extraction.tokens import PREV_CHARS, forget_tails, tail

_TOKEN = re.compile(r"\S++")


def _reference(text: str, s: int) -> list[tuple[int, str]]:
    w0 = max(0, s - PREV_CHARS)
    toks = [(m.start(), m.group()) for m in _TOKEN.finditer(text, w0, s)]
    if toks and toks[0][0] == w0 and w0 > 0 and not text[w0 - 1].isspace():
        toks = toks[1:]
    return toks[-4:]


def test_the_nearest_four_words_with_their_offsets() -> None:
    text = "It rose by nearly 40 per cent"
    forget_tails()
    assert tail(text, text.index("40")) == [(0, "It"), (3, "rose"), (8, "by"), (11, "nearly")]
    assert tail(text, text.index("40"), 1) == [(11, "nearly")]


def test_a_word_cut_by_the_window_is_left_out() -> None:
    text = "x" * 60 + " about 5"
    forget_tails()
    assert tail(text, len(text) - 1) == [(61, "about")]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["ab", "nearly", "4", " ", "  ", "\u00a0", "\u2003", "\n", "—", "x" * 30]),
        max_size=25,
    ).map("".join),
    st.integers(min_value=0, max_value=400),
)
def test_same_tokens_as_the_regex_cut(text: str, at: int) -> None:
    s = min(at, len(text))
    forget_tails()
    assert tail(text, s) == _reference(text, s)
