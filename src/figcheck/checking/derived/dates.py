"""Dates in prose as intervals of days, at the precision they are written.

A year is 1 January to 31 December, a month its first to last day, a day that day. Intervals are
half-open in days (``[first, last + 1)``), so the time between two dates is
``[end.first - start.end, end.end - start.first]``: "from 2016 to 2023" spans 6 to 8 years,
"2 to 25 August" 22 to 24 days (both ends counted or neither).

A date written without a year takes the latest year that puts it on or before the document date;
an end date without a year takes the first year that puts it on or after its start date.

>>> [(d.text, d.first.isoformat(), d.end.isoformat()) for d in find_dates("since June 2021")]
[('June 2021', '2021-06-01', '2021-07-01')]
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from ...lexicon.scanner import lexicon
from ...regex_cache import compile_pattern

__all__ = ["DateRef", "find_dates", "resolve_year", "span_days"]

_MONTH_NUMBER = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DIGIT = compile_pattern(r"\d")


@dataclass(frozen=True)
class DateRef:
    """A date as written: its span, and the days it may stand for (``[first, end)``).

    ``year_given`` is False for "6 March" until :func:`resolve_year` places it.
    """

    start: int
    end_offset: int
    text: str
    first: dt.date
    end: dt.date
    year_given: bool = True
    month: int | None = None
    day: int | None = None

    @property
    def length_days(self) -> int:
        """How many days the written date covers."""
        return (self.end - self.first).days


@functools.cache
def _pattern() -> re.Pattern[str]:
    months = sorted(lexicon().months, key=len, reverse=True)
    full = "|".join(re.escape(m) for m in months if len(m) > 4 or m == "may" or m == "june")
    short = "|".join(re.escape(m) for m in months if len(m) <= 4 and m not in ("may", "june"))
    month = rf"(?:(?:{full})|(?:{short})\.?)"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    return compile_pattern(
        rf"(?<![\w,.])(?:(?P<d1>{day})\s(?P<m1>{month})(?:,?\s(?P<y1>{_YEAR}))?"
        rf"|(?P<m2>{month})\s(?P<d2>{day})(?![\d:])(?:,?\s(?P<y2>{_YEAR}))?"
        rf"|(?P<m3>{month})\s(?:of\s)?(?P<y3>{_YEAR})"
        rf"|(?P<y4>{_YEAR}))(?![\w%]|[.,]\d)",
        re.IGNORECASE,
    )


def _month_number(word: str) -> int:
    return _MONTH_NUMBER[word.rstrip(".").casefold()[:3]]


def _day_ref(start: int, end: int, text: str, year: int | None, month: int, day: int,
             fallback_year: int) -> DateRef | None:
    y = year if year is not None else fallback_year
    if day > calendar.monthrange(y, month)[1]:
        return None
    first = dt.date(y, month, day)
    return DateRef(start, end, text, first, first + dt.timedelta(days=1), year is not None,
                   month, day)


def find_dates(sentence: str, offset: int = 0) -> list[DateRef]:
    """The dates of ``sentence`` (character offsets shifted by ``offset``), in order.

    Dates without a year get a provisional year (2000, a leap year); see :func:`resolve_year`.
    """
    out: list[DateRef] = []
    if _DIGIT.search(sentence) is None:
        return out
    for m in _pattern().finditer(sentence):
        s, e, text = m.start() + offset, m.end() + offset, m.group(0)
        g = m.groupdict()
        if g["y4"]:
            y = int(g["y4"])
            out.append(DateRef(s, e, text, dt.date(y, 1, 1), dt.date(y + 1, 1, 1)))
        elif g["m3"]:
            y, mo = int(g["y3"]), _month_number(g["m3"])
            nxt = dt.date(y + mo // 12, mo % 12 + 1, 1)
            out.append(DateRef(s, e, text, dt.date(y, mo, 1), nxt, True, mo))
        else:
            d, mo, y = (g["d1"], g["m1"], g["y1"]) if g["d1"] else (g["d2"], g["m2"], g["y2"])
            if not g["d1"] and mo.casefold().startswith("may") and y is None:
                continue  # "may 5" is as likely a verb as a date
            ref = _day_ref(s, e, text, int(y) if y else None, _month_number(mo),
                           int(re.sub(r"\D", "", d)), 2000)
            if ref is not None:
                out.append(ref)
    return out


def resolve_year(ref: DateRef, *, on_or_before: dt.date | None = None,
                 on_or_after: dt.date | None = None) -> DateRef | None:
    """``ref`` placed in a year: the first on or after ``on_or_after`` if given, else the latest
    on or before ``on_or_before``. None when neither anchor is known.

    >>> r = find_dates("on 10 February")[0]
    >>> resolve_year(r, on_or_after=dt.date(2021, 11, 10)).first.isoformat()
    '2022-02-10'
    """
    if ref.year_given or ref.month is None or ref.day is None:
        return ref
    if on_or_after is not None:
        years = range(on_or_after.year, on_or_after.year + 2)
        pick = next((y for y in years if _fits(y, ref) and dt.date(y, ref.month, ref.day)
                     >= on_or_after), None)
    elif on_or_before is not None:
        years = range(on_or_before.year, on_or_before.year - 5, -1)
        pick = next((y for y in years if _fits(y, ref) and dt.date(y, ref.month, ref.day)
                     <= on_or_before), None)
    else:
        return None
    if pick is None:
        return None
    first = dt.date(pick, ref.month, ref.day)
    return replace(ref, first=first, end=first + dt.timedelta(days=1), year_given=True)


def _fits(year: int, ref: DateRef) -> bool:
    return ref.month is not None and ref.day is not None and (
        ref.day <= calendar.monthrange(year, ref.month)[1])


def span_days(start: DateRef, end: DateRef) -> tuple[int, int]:
    """The fewest and most days from ``start`` to ``end`` at their written precision.

    >>> a, b = find_dates("from 2016 to 2023")
    >>> lo, hi = span_days(a, b)
    >>> round(lo / 365.25, 1), round(hi / 365.25, 1)
    (6.0, 8.0)
    """
    return (end.first - start.end).days, (end.end - start.first).days
