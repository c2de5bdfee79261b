"""The context step's cheap guards and shortcuts give what the general forms give."""

from __future__ import annotations

from bisect import bisect_left

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.extraction.context.frame import _around
from figcheck.extraction.context.timewords import _YEARISH, _may_hold_year

_YEARISH_TEXT = st.lists(
    st.sampled_from(list("0129 QqHh34x_é-.,") + ["19", "20", "2024", "1999", "Q3", "h1"]),
    max_size=12,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_YEARISH_TEXT)
def test_may_hold_year_holds_for_every_yearish_match(text: str) -> None:
    if _YEARISH.search(text) is not None:
        assert _may_hold_year(text)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.integers(0, 60), max_size=8, unique=True).map(sorted),
    st.integers(0, 60),
    st.integers(0, 8),
)
def test_around_is_the_two_bisects(breaks: list[int], start: int, width: int) -> None:
    end, size = start + width, 80
    i = bisect_left(breaks, start)
    j = bisect_left(breaks, end, i)
    plain = (breaks[i - 1] if i else 0, breaks[j] if j < len(breaks) else size)
    assert _around(breaks, start, end, size) == plain
