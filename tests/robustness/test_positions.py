"""Line and column agree with ``str.splitlines()`` for every line break Python knows."""

from __future__ import annotations

import bisect

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figcheck import extract
from figcheck.text import LineIndex

BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def expected(text: str, offset: int) -> tuple[int, int]:
    starts, pos = [], 0
    for line in text.splitlines(keepends=True):
        starts.append(pos)
        pos += len(line)
    starts = starts or [0]
    i = bisect.bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1


@pytest.mark.parametrize("brk", BREAKS, ids=[f"U+{ord(b[-1]):04X}{'-crlf' if b == chr(13) + chr(10) else ''}" for b in BREAKS])
def test_each_line_break_starts_a_new_line(brk: str) -> None:
    text = f"The depot held 40 buses.{brk}Another 12 were sold.{brk}{brk}Then 7 more."
    got = [(c.text, c.line, c.column) for c in extract(text)]
    want = [(c.text, *expected(text, c.start)) for c in extract(text)]
    assert got == want
    assert [line for _, line, _ in got] == [1, 2, 4]


@given(st.lists(st.sampled_from(BREAKS + ["a", "7", " ", "é"]), max_size=60).map("".join))
def test_line_index_matches_splitlines_at_every_offset(text: str) -> None:
    index = LineIndex(text)
    for offset in range(len(text)):
        if offset and text[offset - 1 : offset + 1] == "\r\n":
            continue  # between the two characters of one break: not a place a claim starts
        assert index.locate(offset) == expected(text, offset), (text, offset)
