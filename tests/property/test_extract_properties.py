"""Invariants of the extractor on generated text."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from figcheck import extract

HEDGES = ["", "nearly ", "about ", "over ", "at least ", "fewer than ", "up to ", "almost ", "some "]
UNITS = ["", " people", "%", " per cent", " miles", " km", "bn", " million", " years", " kg"]
PREFIX = ["", "$", "£", "€"]


@st.composite
def figures(draw) -> str:
    """A hedged, formatted figure such as 'nearly $1,234.5 million'."""
    n = draw(st.integers(min_value=0, max_value=10**9))
    if 1000 <= n <= 2100:
        body = f"{n:,}"  # a bare 1000-2100 reads as a year, which is context, not a claim
    elif n >= 1000 and draw(st.booleans()):
        body = f"{n:,}"
    else:
        body = str(n)
    if draw(st.booleans()):
        body += "." + str(draw(st.integers(min_value=0, max_value=99)))
    return draw(st.sampled_from(HEDGES)) + draw(st.sampled_from(PREFIX)) + body + draw(st.sampled_from(UNITS))


sentences = st.lists(
    st.one_of(figures(), st.sampled_from(["the army", "said", "of its", "in 2014", "killed", "and", "to", "–", ",", "."])),
    min_size=1,
    max_size=12,
).map(" ".join)


@given(st.text(max_size=300))
def test_no_exception_on_any_string(text):
    for c in extract(text):
        assert text[c.start : c.end] == c.text


@given(sentences)
def test_offsets_point_at_the_text(text):
    claims = extract(text)
    last_end = 0
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert c.start >= last_end, "claims are ordered and do not overlap"
        last_end = c.end
        assert c.sentence_start <= c.start and c.end <= c.sentence_end


@given(sentences)
def test_interval_contains_value(text):
    for c in extract(text):
        assert not math.isnan(c.value)
        assert c.low <= c.value <= c.high


@given(sentences)
def test_same_result_on_repeated_calls(text):
    assert extract(text) == extract(text)


@given(figures())
def test_every_plain_figure_is_found(fig):
    text = f"Officials said {fig} were counted."
    claims = extract(text)
    assert claims, f"nothing found in {text!r}"
    assert any(fig.strip().endswith(c.text.split()[-1]) or c.text in fig for c in claims)


def test_regressions_found_by_fuzzing():
    # a multiple ("8fold") as the second figure of "5 out of 8fold" once crashed the pairing
    for text in ["(5 out of 8fold: half", "12 of 3fold rise", "between 2 and 4fold"]:
        for c in extract(text):
            assert text[c.start : c.end] == c.text


FRAGMENTS = list("0123456789 ,.-–/%$£€:()'\"\n×^⁄°") + [
    "one", "half", "third", "million", "bn", "of", "to", "and", "between", "nearly", "over", "km",
    "miles", "per cent", "a", "from", "minus", "sub-", "10^", "x10", "Article ", "March ", "$US",
    "USD", "RM", "per", "a month", "-long", "fold", " in ", " out of ", "dozen", "thousands of ",
    "-year-old", "a third of", "Ukraine's ", "its ", "Street", "won ", "(4)", "S&P 500",
]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join))
def test_no_exception_on_figure_shaped_noise(text):
    for c in extract(text):
        assert text[c.start : c.end] == c.text
        assert c.low <= c.value <= c.high
