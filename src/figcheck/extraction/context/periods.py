"""Periods: the years and dates in a sentence, normalised, and the one a claim refers to."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from ...lexicon.context import ContextLexicon
from .sentence import SentenceContext, nearest

__all__ = ["claim_period", "sentence_periods"]

# How far before a year a date can start ("between 2014", "September 25, 2022") and how
# far after it the pattern may need to look.
_DATE_REACH = 20

# Cheap pre-check: no four-digit 19xx/20xx run means no period to look for.
_YEARISH = re.compile(r"(?:19|20)\d\d")


def _period_value(lex: ContextLexicon, m: re.Match[str]) -> tuple[int, int, str] | None:
    """Offsets and normalised value of a date match ("2022-03-25", "2014/2021", "1990s").

    None when the word read as a month is not one.
    """
    last = m.lastgroup  # the last group of each branch names the branch
    if last == "id":
        day = m["id"]
        return m.start(), m.end(), f"{m['iy']}-{m['im']}-{day}" if "01" <= day <= "31" else m["iy"]
    if last in ("dy", "my"):
        year, word, day = (
            (m["dy"], m["dm"], m["dd"]) if last == "dy" else (m["my"], m["mm"], m["md"])
        )
        month = lex.months.get(word.lower())
        if month is None:  # "Census 2001": a capitalised word, not a month
            return None
        if day is not None and 1 <= int(day) <= 31:
            return m.start(), m.end(), f"{year}-{month:02d}-{int(day):02d}"
        return m.start(), m.end(), f"{year}-{month:02d}"
    if last in ("rb", "sb"):
        first = m["ra"] or m["sa"]
        end = m[last]
        if len(end) == 2:  # "2014-21"
            end = first[:2] + end
        if end > first:
            return m.start(), m.end(), f"{first}/{end}"
        return m.start(), m.start() + 4 if m["sa"] else m.end("ra"), first
    if last == "oy":
        year = m["oy"]
        return m.start(), m.end(), f"{year}/" if m["ow"].lower() in lex.open_start else f"/{year}"
    if last == "dec":
        return m.start(), m.end(), m["dec"] + "s"
    return m.start(), m.end(), m["y"]


def sentence_periods(lex: ContextLexicon, s: str) -> list[tuple[int, int, str]]:
    """Every year or date in ``s``, with its offsets and normalised value."""
    out: list[tuple[int, int, str]] = []
    done = 0
    # The date pattern is tried only in a window around each 19xx/20xx run: scanning the
    # whole sentence with it costs more than everything else per sentence together.
    for y in _YEARISH.finditer(s):
        at = y.start()
        if at < done:
            continue
        stop = y.end() + _DATE_REACH
        m = lex.dates.search(s, max(done, at - _DATE_REACH), stop)
        while m is not None and m.end() <= at:
            m = lex.dates.search(s, m.end(), stop)
        if m is None or m.start() > at:
            continue
        found = _period_value(lex, m)
        if found is None:  # "Over 2014-21": not a month after all; read from the year on
            m = lex.dates.search(s, at, stop)
            found = _period_value(lex, m) if m is not None and m.start() == at else None
        if found is not None:
            out.append(found)
            done = found[1]
    return out


def claim_period(
    sc: SentenceContext,
    start: int,
    end: int,
    spans: Sequence[tuple[int, int]],
    line: tuple[int, int],
) -> str | None:
    """The date nearest the claim at ``[start, end)`` inside ``line``, skipping years read as figures."""
    if not sc.periods:
        return None

    def free(p: tuple[Any, ...]) -> bool:  # a year the extractor read as a figure is no date
        if p[0] < end and start < p[1]:
            return False
        k = bisect_left(spans, (p[1],)) - 1
        return k < 0 or spans[k][1] <= p[0]

    return nearest(sc.periods, start, end, line[0], line[1], free)
