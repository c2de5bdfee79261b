"""Rates of change stated as changes: "consumer prices rose 2.9% in the year to June" states
June's inflation rate, the fact "inflation was 2.9% in June" states as a level.

:func:`as_rate_level` reads such a change as the level of its rate (``[alignment.rates_of_change]``
in ``data/checks.toml``), so the two are compared as one fact. Only rises over twelve months are
read so: "prices rose 0.3% in June" is a monthly change, not the inflation rate, and a fall would
be a negative rate, which reports write in other words ("prices fell 0.5%": deflation of 0.5%).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from typing import Protocol, TypeVar

from ..claims import Change, Claim
from ..frozen_record import FrozenRecord
from ..lexicon.files import data_file
from ..lexicon.matching import words
from .keys import Period, period_of


class _Framed(Protocol):
    """What is read of a claim's frame (:class:`~figcheck.checking.frames.Frame`)."""

    claim: Claim
    period: Period | None
    said: Mapping[str, str]


_F = TypeVar("_F", bound=_Framed)

__all__ = ["RateWords", "as_rate_level", "rate_words"]

_YEAR_MONTHS = 12


class RateWords(FrozenRecord):
    """``bases``: a base's normalised measure -> the rate its twelve-month rise is
    ("consumer price" -> "inflation"); ``annual_cues``: phrases that make a change
    over a month's figure a twelve-month one ("year on year"), as word tuples."""

    bases: dict[str, str]
    annual_cues: tuple[tuple[str, ...], ...]


@functools.cache
def rate_words() -> RateWords:
    """The rates of change of ``data/checks.toml``, loaded once."""
    f = data_file("checks.toml")
    table = f.table("alignment").get("rates_of_change", {})
    where = "alignment.rates_of_change"
    bases_table = table.get("bases", {})
    if not isinstance(bases_table, dict):
        raise f.error("bases", "expected a table: rate = [base measures]", where)
    bases: dict[str, str] = {}
    for rate, members in bases_table.items():
        for base in f.string_list(members, rate, f"{where}.bases"):
            bases[" ".join(words(base))] = " ".join(words(rate))
    cues = f.string_list(table.get("annual_cues", []), "annual_cues", where)
    return RateWords(bases, tuple(tuple(words(c)) for c in cues))


def as_rate_level(frame: _F) -> _F:
    """``frame`` (a :class:`~figcheck.checking.frames.Frame`), or, when it is a twelve-month
    rise of a rate's base (or a share of it over twelve months, "3.4% in the year to May"),
    the frame of that rate's level for the span's last month."""
    claim = frame.claim
    if claim.change not in (Change.INCREASE, None) or claim.unit != "percent":
        return frame
    rw = rate_words()
    # the base as written (before synonyms), or the phrase the figure is of ("consumer prices
    # rose 2.9% year on year": the holder)
    named = [" ".join(words(claim.measure))] if claim.measure else []
    held = words(claim.holder) if claim.holder else []
    named += [" ".join(held[:k]) for k in range(len(held), 0, -1)]  # "prices in X": "price"
    base = next((n for n in named if n in rw.bases), None)
    if base is None:
        return frame
    rate = rw.bases[base]
    month = _twelve_months_to(frame.period)
    if month is None:
        # a level is read only with its twelve months ("3.4% in the year to May"); a rise also
        # with an annual cue, over a month or an unresolved period ("rose 2.9% year on year")
        if claim.change is not Change.INCREASE or not _annual(frame, rw):
            return frame
        month = frame.period
    return dataclasses.replace(
        frame,
        role="level",
        measure=rate,
        measure_from="noun",
        measure_words=frozenset(words(rate)),
        change_cue=0.0,
        period=month,
        said={**frame.said, rate: f"{base} change over twelve months"},
    )


def _twelve_months_to(period: Period | None) -> Period | None:
    """The last month of a span of twelve whole months ("2023-07/2024-06": 2024-06)."""
    span = period.span if period is not None else None
    if span is None or span.first is None or span.last is None:
        return None
    if len(span.first) != 2 or len(span.last) != 2:  # months, not years or days
        return None
    (y1, m1), (y2, m2) = span.first, span.last
    if (y2 * 12 + m2) - (y1 * 12 + m1) + 1 != _YEAR_MONTHS:
        return None
    return period_of(f"{y2:04d}-{m2:02d}")


def _annual(frame: _Framed, rw: RateWords) -> bool:
    """Is the change over twelve months by its sentence ("year on year", "in the year to May")
    and of a month's figure, or of one whose period is not known?"""
    span = frame.period.span if frame.period is not None else None
    if frame.period is not None and (span is None or span.first != span.last
                                     or span.first is None or len(span.first) != 2):
        return False
    said = tuple(words(frame.claim.sentence))
    return any(said[k : k + len(cue)] == cue for cue in rw.annual_cues
               for k in range(len(said) - len(cue) + 1))
