"""Periods as values: the span of days a normalised period string names.

A claim's ``period`` is a string in one of these forms (ISO 8601 where there is one):

======================  ============================================
``2023``                a calendar year
``2024-03``             a month
``2024-01-06``          a day
``2023-10/2023-12``     a closed interval (months, days or years)
``2012/``               an open interval: since 2012
``/2030``               an open interval: until 2030
``1990s``               a decade
``FY2019``              a named fiscal year
``FY2022-23``           a fiscal year over two calendar years
======================  ============================================

:class:`TimeSpan` builds these strings (extraction) and :func:`parse_period` reads them back
(checking), so both sides agree on what a period covers. A fiscal year is not the calendar
year it overlaps: its days are unknown (conventions differ by country), so it equals only
the same fiscal year.

>>> TimeSpan.months(2023, 10, 2023, 12).text
'2023-10/2023-12'
>>> parse_period("2023-01/2023-12") == parse_period("2023")
True
>>> parse_period("FY2022-23").fiscal
(2022, 2023)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

from .regex_cache import compile_pattern

__all__ = ["TimeSpan", "parse_period", "shift_months"]

Point = tuple[int, ...]  # (year,), (year, month) or (year, month, day)

_POINT = compile_pattern(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_FISCAL = compile_pattern(r"FY ?(\d{4})(?:[-/](\d{2}|\d{4}))?", re.IGNORECASE)
_DECADE = compile_pattern(r"(\d{3}0)s")


def shift_months(year: int, month: int, n: int) -> tuple[int, int]:
    """The month ``n`` months after ``year-month`` (``n`` may be negative)."""
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _first_day(p: Point) -> dt.date:
    return dt.date(p[0], p[1] if len(p) > 1 else 1, p[2] if len(p) > 2 else 1)


def _last_day(p: Point) -> dt.date:
    if len(p) == 1:
        return dt.date(p[0], 12, 31)
    if len(p) == 2:
        return dt.date(p[0], p[1], calendar.monthrange(p[0], p[1])[1])
    return dt.date(*p)


def _text(p: Point) -> str:
    return "-".join([f"{p[0]:04d}", *(f"{x:02d}" for x in p[1:])])


@dataclass(frozen=True)
class TimeSpan:
    """A period: its first and last point (either may be open), or a fiscal year.

    ``first`` and ``last`` are ``(year,)``, ``(year, month)`` or ``(year, month, day)``;
    None on an open side. ``fiscal`` is ``(start year, end year)`` for a named fiscal year,
    whose calendar days are left unknown.
    """

    first: Point | None
    last: Point | None
    fiscal: tuple[int, int] | None = None
    decade: bool = field(default=False, compare=False)

    # --- constructors ---------------------------------------------------------------

    @classmethod
    def point(cls, p: Point) -> TimeSpan:
        """A year, month or day."""
        return cls(p, p)

    @classmethod
    def months(cls, y1: int, m1: int, y2: int, m2: int) -> TimeSpan:
        """The months ``y1-m1`` to ``y2-m2``; a whole calendar year reads as the year."""
        if (m1, m2) == (1, 12) and y1 == y2:
            return cls((y1,), (y1,))
        return cls((y1, m1), (y2, m2))

    @classmethod
    def days(cls, first: dt.date, last: dt.date) -> TimeSpan:
        """The days ``first`` to ``last``."""
        a, b = (first.year, first.month, first.day), (last.year, last.month, last.day)
        return cls(a, b)

    @classmethod
    def fiscal_year(cls, start: int, end: int | None = None) -> TimeSpan:
        """A named fiscal year: ``FY2019`` or ``FY2022-23``."""
        return cls(None, None, (start, end if end is not None else start))

    @classmethod
    def of_decade(cls, year: int) -> TimeSpan:
        """The decade starting in ``year`` (the 1990s)."""
        return cls((year,), (year + 9,), decade=True)

    # --- reading ------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The normalised string: ``2023``, ``2024-03``, ``2023-10/2023-12``, ``2012/``..."""
        if self.fiscal is not None:
            a, b = self.fiscal
            return f"FY{a}" if a == b else f"FY{a}-{b % 100:02d}"
        if self.decade and self.first is not None:
            return f"{self.first[0]}s"
        if self.first is None:
            return "/" + _text(self.last) if self.last is not None else ""
        if self.last is None:
            return _text(self.first) + "/"
        if self.first == self.last:
            return _text(self.first)
        return f"{_text(self.first)}/{_text(self.last)}"

    @property
    def open(self) -> bool:
        """True for ``2012/`` and ``/2030``."""
        return self.fiscal is None and (self.first is None) != (self.last is None)

    @cached_property  # read for every pair a claim meets in checking
    def first_day(self) -> dt.date | None:
        """The first day covered, None when open at the start or fiscal."""
        return _first_day(self.first) if self.first is not None else None

    @cached_property  # read for every pair a claim meets in checking
    def last_day(self) -> dt.date | None:
        """The last day covered, None when open at the end or fiscal."""
        return _last_day(self.last) if self.last is not None else None

    @property
    def years(self) -> tuple[int | None, int | None]:
        """The first and last calendar year it touches (the fiscal years' for a fiscal year)."""
        if self.fiscal is not None:
            return self.fiscal
        return (
            self.first[0] if self.first is not None else None,
            self.last[0] if self.last is not None else None,
        )

    def key(self) -> tuple[object, ...]:
        """What makes two periods the same: the days covered and whether a side is open."""
        return self._key

    @cached_property
    def _key(self) -> tuple[object, ...]:
        if self.fiscal is not None:
            return ("fy", *self.fiscal)
        return (
            "open" if self.open else "span",
            self.first_day,
            self.last_day,
        )

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, TimeSpan) and self._key == other._key)

    def __hash__(self) -> int:
        return hash(self._key)

    # --- arithmetic ---------------------------------------------------------------------

    def shifted(self, unit: str, n: int) -> TimeSpan:
        """The same span moved ``n`` units (``year``, ``quarter``, ``month``, ``week``, ``day``).

        >>> TimeSpan.point((2024, 1)).shifted("year", -1).text
        '2023-01'
        """
        if self.fiscal is not None:
            step = n if unit == "year" else 0
            return TimeSpan.fiscal_year(self.fiscal[0] + step, self.fiscal[1] + step)
        months = {"year": 12 * n, "quarter": 3 * n, "month": n}.get(unit)
        days = {"week": 7 * n, "day": n}.get(unit, 0)

        def move(p: Point | None) -> Point | None:
            if p is None:
                return None
            if months is not None:
                if len(p) == 1:
                    return (p[0] + months // 12,) if months % 12 == 0 else p
                y, m = shift_months(p[0], p[1], months)
                if len(p) == 2:
                    return (y, m)
                return (y, m, min(p[2], calendar.monthrange(y, m)[1]))
            if len(p) < 3:
                return p
            d = dt.date(*p) + dt.timedelta(days=days)
            return (d.year, d.month, d.day)

        return TimeSpan(move(self.first), move(self.last), decade=self.decade)

    def since(self) -> TimeSpan:
        """Open from this span's start: "since March" -> ``2024-03/``."""
        return TimeSpan(self.first, None) if self.first is not None else self

    def until(self) -> TimeSpan:
        """Open up to this span's end: "until 2030" -> ``/2030``."""
        return TimeSpan(None, self.last) if self.last is not None else self

    def through(self, other: TimeSpan) -> TimeSpan:
        """From this span's start to ``other``'s end ("between 2011 and 2021")."""
        if self.first is None or other.last is None:
            return self
        return TimeSpan(self.first, other.last)

    def year_only(self) -> TimeSpan:
        """The calendar year this span ends in (a fiscal year stays itself)."""
        if self.fiscal is not None or self.last is None:
            return self
        return TimeSpan.point((self.last[0],))


def _point(s: str) -> Point | None:
    m = _POINT.fullmatch(s)
    if m is None:
        return None
    p = tuple(int(x) for x in m.groups() if x is not None)
    try:
        _first_day(p)
    except ValueError:
        return None
    return p


def parse_period(text: str | None) -> TimeSpan | None:
    """The :class:`TimeSpan` a normalised period string names, or None if it is not one.

    >>> parse_period("2012/").open, parse_period("2012/").years
    (True, (2012, None))
    >>> parse_period("2019-10/2020-09").first_day
    datetime.date(2019, 10, 1)
    """
    if text is None:
        return None
    s = text.strip()
    if m := _FISCAL.fullmatch(s):
        a = int(m[1])
        b = m[2]
        end = a if b is None else (int(b) if len(b) == 4 else (a // 100) * 100 + int(b))
        if end < a:
            end += 100
        return TimeSpan.fiscal_year(a, end)
    if m := _DECADE.fullmatch(s):
        return TimeSpan.of_decade(int(m[1]))
    if "/" not in s:
        p = _point(s)
        return TimeSpan.point(p) if p is not None else None
    left, _, right = s.partition("/")
    a = _point(left) if left else None
    b = _point(right) if right else None
    if (left and a is None) or (right and b is None) or (a is None and b is None):
        return None
    if a is not None and b is not None and _first_day(a) > _last_day(b):
        return None
    return TimeSpan(a, b)
