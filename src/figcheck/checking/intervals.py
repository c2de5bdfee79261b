"""Intervals of claim values and how they are compared (:mod:`figcheck.formatting` writes them).

>>> Interval(12600, 14000).meets(Interval(14200, 14400))
False
>>> round(rel_gap(Interval(12600, 14000), Interval(3404, 3404)), 2)
2.7
>>> Interval(30.0, 100 / 3).describe("percent")
'30–33.33%'
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from ..claims import Claim
from ..formatting import format_interval
from ..errors import UnitMismatchError
from ..units import convert, dimension
from .options import CheckOptions

__all__ = [
    "Interval",
    "claim_interval",
    "convert_interval",
    "per_time",
    "is_physical",
    "rel_gap",
]


# Not frozen: a frozen class's __init__ sets each field through object.__setattr__, several
# times slower to build, and claims' intervals are built several times per claim. Nothing assigns to one after.
@dataclass(slots=True, unsafe_hash=True)
class Interval:
    """A closed interval of values; infinite ends stand for "more than" / "less than"."""

    low: float
    high: float

    def meets(self, other: Interval) -> bool:
        """True when the two intervals share at least one value."""
        return self.low <= other.high and other.low <= self.high

    def widened(self, rel: float) -> Interval:
        """The interval stretched by ``rel`` of each end's magnitude."""
        if rel == 0:
            return self
        return Interval(self.low - abs(self.low) * rel, self.high + abs(self.high) * rel)

    def describe(self, unit: str) -> str:
        """The interval as a reader writes it (``'12,600–14,000'``, :mod:`figcheck.formatting`)."""
        return format_interval(self.low, self.high, unit)

    def to(self, src: str, dst: str) -> Interval:
        """The interval in unit ``dst`` (raises UnitMismatchError across dimensions)."""
        a, b = convert(self.low, src, dst), convert(self.high, src, dst)
        return Interval(min(a, b), max(a, b))


@functools.lru_cache(maxsize=1024)
def per_time(unit: str) -> tuple[str, str | None]:
    """A sum of money per unit of time split in two ("GBP / year" -> ("GBP", "year")); any other
    unit is returned whole, with None.

    >>> per_time("GBP / year"), per_time("kilometer / hour")
    (('GBP', 'year'), ('kilometer / hour', None))
    """
    head, slash, tail = unit.partition("/")
    if not slash:
        return unit, None
    head, tail = head.strip(), tail.strip()
    try:
        if dimension(tail) == "[time]" and dimension(head).startswith("[currency_"):
            return head, tail
    except Exception:  # an unknown unit is read whole
        pass
    return unit, None


def convert_interval(iv: Interval, src: str, dst: str) -> Interval:
    """``iv`` from unit ``src`` to ``dst``; a sum per unit of time is compared with the sum
    itself ("£180 a year" and "an increase of £180" state one figure)."""
    try:
        return iv.to(src, dst)
    except UnitMismatchError:
        bare_src, bare_dst = per_time(src)[0], per_time(dst)[0]
        if (bare_src, bare_dst) == (src, dst):
            raise
        return iv.to(bare_src, bare_dst)


@functools.lru_cache(maxsize=1024)
def is_physical(unit: str) -> bool:
    """True for physical measures (length, time...), False for counts, shares and money."""
    dim = dimension(unit)
    return dim not in ("[count]", "[share]") and not dim.startswith("[currency_")


def claim_interval(claim: Claim, unit: str, options: CheckOptions) -> Interval:
    """The claim's interval in ``unit``, widened by ``measure_tolerance`` for physical measures."""
    iv = Interval(claim.low, claim.high).to(claim.unit, unit)
    return iv.widened(options.measure_tolerance) if is_physical(claim.unit) else iv


def rel_gap(claimed: Interval, expected: Interval) -> float:
    """Signed distance between the intervals relative to the expected end nearest the claim.

    0 when they meet; positive when the claim lies above what was expected.
    """
    if claimed.meets(expected):
        return 0.0
    if claimed.low > expected.high:
        ref, diff = expected.high, claimed.low - expected.high
    else:
        ref, diff = expected.low, claimed.high - expected.low
    return diff / abs(ref) if ref != 0 else math.copysign(math.inf, diff)
