"""Time references: what :mod:`.timewords` finds, and the calendar that resolves them.

A :class:`TimeRef` is one time expression of a sentence with its role (does it date the
figures near it, or is it a comparison base, a repeat, the day of a statement...) and the
span it names. :class:`Calendar` resolves a point named in words ("March", "Saturday",
"last year", "Black Friday") against the document's date: a month or a day is the latest
one on or before that date.

>>> import datetime as dt
>>> Calendar(dt.date(2024, 1, 12)).resolve(("m", 12)).text
'2023-12'
>>> Calendar(dt.date(2024, 12, 2)).resolve(("hol", ("black", "friday"))).text
'2024-11-29'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from dateutil.easter import easter

from ...lexicon.periods import PeriodLexicon, period_lexicon
from ...timespans import TimeSpan, shift_months

__all__ = ["BASE", "COMPARE", "OPEN", "PERIOD", "PRESENT", "REPORT", "SAME", "Calendar",
           "Spec", "TimeRef"]

PERIOD: Final = "period"  # the time a figure near it refers to
OPEN: Final = "open"  # since / until
BASE: Final = "base"  # what a change is compared with: "a year earlier", "on 2022"
SAME: Final = "same"  # the period named before: "the same month", "that year"
REPORT: Final = "report"  # when it was said or published: dates nothing
COMPARE: Final = "compare"  # "the highest since 1996": dates nothing
PRESENT: Final = "present"  # "are now": a present-tense stock, no period

Spec = tuple  # an unresolved point: ("y", 2023), ("m", 3), ("wd", 5, None), ("rel", "year", -1)


# Not frozen: a frozen class's __init__ sets each field through object.__setattr__, several
# times slower to build, and one is built per time expression. Nothing assigns to it after.
@dataclass(slots=True, unsafe_hash=True)
class TimeRef:
    """A time expression at ``sentence[start:end]``.

    ``span`` is what it names, resolved (None when it needs a document date there is none
    of, or for PRESENT). A BASE or SAME reference is resolved against another period:
    ``unit`` and ``shift`` say how ("a year earlier": ``year``, -1; "that year": ``year``, 0;
    "the same month": ``period``, 0). ``ends`` are the two ends of "between A and B".
    """

    start: int
    end: int
    role: str
    span: TimeSpan | None
    unit: str | None = None
    shift: int = 0
    ends: tuple[TimeSpan, TimeSpan] | None = None
    day: bool = False  # names a single day (a weekday, a date): may be when it was said
    modifier: bool = False  # "a full-year target": dates only what comes after it


class Calendar:
    """Resolves points named in words against the document's ``date`` (None: only absolute
    points resolve)."""

    def __init__(self, date: dt.date | None, lex: PeriodLexicon | None = None) -> None:
        self.date = date
        self.lex = lex if lex is not None else period_lexicon()

    def latest_month(self, m: int) -> tuple[int, int] | None:
        """The latest year-month with month ``m`` not after the document's month."""
        if self.date is None:
            return None
        y = self.date.year if m <= self.date.month else self.date.year - 1
        return y, m

    def latest_day(self, m: int, d: int) -> dt.date | None:
        """The latest date with month ``m`` and day ``d`` not after the document's date."""
        if self.date is None:
            return None
        for y in (self.date.year, self.date.year - 1):
            try:
                day = dt.date(y, m, d)
            except ValueError:
                continue
            if day <= self.date:
                return day
        return None

    def resolve(self, spec: Spec) -> TimeSpan | None:
        """The span ``spec`` names, or None when it needs a date there is none of."""
        kind = spec[0]
        try:
            if kind == "y":
                return TimeSpan.point((spec[1],))
            if kind == "dec":
                return TimeSpan.of_decade(spec[1])
            if kind == "ym":
                return TimeSpan.point((spec[1], spec[2]))
            if kind == "ymd":
                dt.date(spec[1], spec[2], spec[3])
                return TimeSpan.point((spec[1], spec[2], spec[3]))
        except ValueError:
            return None
        if kind == "m":
            ym = self.latest_month(spec[1])
            return TimeSpan.point(ym) if ym else None
        if kind == "md":
            day = self.latest_day(spec[1], spec[2])
            return TimeSpan.days(day, day) if day else None
        if self.date is None:
            return None
        if kind == "wd":
            back = (self.date.weekday() - spec[1]) % 7
            if spec[2] == "last" and back == 0:
                back = 7
            if spec[2] == "next":
                back = -((spec[1] - self.date.weekday()) % 7 or 7)
            day = self.date - dt.timedelta(days=back)
            return TimeSpan.days(day, day)
        if kind == "rel":
            return self.relative(spec[1], spec[2])
        if kind == "hol":
            day = self.holiday(spec[1])
            return TimeSpan.days(day, day) if day else None
        return None

    def relative(self, unit: str, n: int) -> TimeSpan | None:
        """``n`` units from the document's date: "last year" is ("year", -1)."""
        d = self.date
        if d is None:
            return None
        if unit == "year":
            return TimeSpan.point((d.year + n,))
        if unit == "month":
            return TimeSpan.point(shift_months(d.year, d.month, n))
        if unit == "week":
            monday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(weeks=n)
            return TimeSpan.days(monday, monday + dt.timedelta(days=6))
        if unit == "weekend":  # the latest Saturday on or before the date, and its Sunday
            saturday = d - dt.timedelta(days=(d.weekday() - 5) % 7) + dt.timedelta(weeks=n)
            return TimeSpan.days(saturday, saturday + dt.timedelta(days=1))
        day = d + dt.timedelta(days=n)
        return TimeSpan.days(day, day)

    def holiday(self, phrase: tuple[str, ...]) -> dt.date | None:
        """The latest date of a holiday of ``periods.toml`` on or before the document's date."""
        if self.date is None:
            return None
        lex = self.lex
        for y in (self.date.year, self.date.year - 1):
            day: dt.date | None = None
            if phrase in lex.holidays_fixed:
                day = dt.date(y, *lex.holidays_fixed[phrase])
            elif phrase in lex.holidays_easter:
                day = easter(y) + dt.timedelta(days=lex.holidays_easter[phrase])
            else:
                rule, extra = lex.holidays_after.get(phrase, (phrase, 0))
                m, wd, k = lex.holidays_weekday[rule]
                day = _nth_weekday(y, m, wd, k) + dt.timedelta(days=extra)
            if day <= self.date:
                return day
        return None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (0 = Monday) of the month; ``n = -1`` for the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
