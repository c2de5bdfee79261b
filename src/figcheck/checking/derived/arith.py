"""Interval arithmetic for the derived checks, and the records their verdicts become.

Every figure is read twice: with its full interval (rounding half-units and hedges, as the
extractor gives it) and at face value (an exact figure as written; a hedged one keeps its
hedge). A relation is a mismatch only when no values inside the full intervals satisfy it; a
relation that holds with the full intervals but not at face value *needed the rounding
allowance*, and its corroboration says so.

>>> add([Interval(1.05e9, 1.15e9), Interval(0.75e9, 0.85e9)])
Interval(low=1800000000.0, high=2000000000.0)
>>> r = ratio(Interval(4.55, 4.65), Interval(4.05, 4.15))
>>> round(r.low, 4), round(r.high, 4)
(1.0964, 1.1481)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ...claims import Bound, Claim
from ...findings import CheckId, Corroboration, Finding
from ..intervals import Interval, rel_gap
from ..options import severity

__all__ = [
    "Outcome",
    "add",
    "corroboration",
    "words",
    "evaluate",
    "face",
    "finding",
    "full",
    "ratio",
    "sub",
]

Reading = Callable[[Claim], Interval]


def full(claim: Claim) -> Interval:
    """The claim's whole interval."""
    return Interval(claim.low, claim.high)


def face(claim: Claim) -> Interval:
    """The claim at face value: its value when written exactly, its hedge interval otherwise."""
    if claim.bound == Bound.EQ:
        return Interval(claim.value, claim.value)
    return Interval(claim.low, claim.high)


def words(iv: Interval, unit: str) -> str:
    """An interval for a message; an interval below zero is written with "to".

    >>> words(Interval(-5.05, -3.95), "percent"), words(Interval(2.0, 3.0), "percent")
    ('-5.05 to -3.95%', '2–3%')
    """
    if iv.low < 0 and iv.low != iv.high and math.isfinite(iv.low) and math.isfinite(iv.high):
        return f"{Interval(iv.low, iv.low).describe('count')} to {Interval(iv.high, iv.high).describe(unit)}"
    return iv.describe(unit)


def add(parts: Sequence[Interval]) -> Interval:
    """The interval of a sum."""
    return Interval(math.fsum(p.low for p in parts), math.fsum(p.high for p in parts))


def sub(a: Interval, b: Interval) -> Interval:
    """The interval of ``a - b``."""
    return Interval(a.low - b.high, a.high - b.low)


def ratio(a: Interval, b: Interval) -> Interval:
    """The interval of ``a / b``; unbounded unless both are positive (levels are)."""
    if b.low <= 0 or a.low < 0:
        return Interval(-math.inf, math.inf)
    return Interval(a.low / b.high, a.high / b.low)


@dataclass(frozen=True, eq=False, repr=False)
class Outcome:
    """A relation evaluated: the stated interval, the computed one, and the verdict."""

    stated: Interval
    computed: Interval
    holds: bool
    needs_rounding: bool


def evaluate(relation: Callable[[Reading], tuple[Interval, Interval]]) -> Outcome:
    """Run ``relation`` (a reading -> (stated, computed)) on full and face-value intervals."""
    stated, computed = relation(full)
    if any(math.isnan(x) for x in (stated.low, stated.high, computed.low, computed.high)):
        # inf - inf or inf / inf: the figures cannot decide the relation
        return Outcome(stated, computed, True, False)
    holds = stated.meets(computed)
    needs = False
    if holds:
        f_stated, f_computed = relation(face)
        needs = not f_stated.meets(f_computed)
    return Outcome(stated, computed, holds, needs)


def finding(check: CheckId, outcome: Outcome, claims: Sequence[Claim], unit: str,
            message: str, evidence: str) -> Finding:
    """A derived finding: ``claims[0]`` is the stated figure, ``claims[1]`` the other, the rest
    go to ``related``."""
    return Finding(
        check=check,
        severity=severity(check.value),
        claim=claims[0],
        claimed_low=outcome.stated.low,
        claimed_high=outcome.stated.high,
        unit=unit,
        other=claims[1] if len(claims) > 1 else None,
        related=tuple(claims[2:]),
        expected_low=outcome.computed.low,
        expected_high=outcome.computed.high,
        rel_diff=rel_gap(outcome.stated, outcome.computed),
        message=message,
        evidence=evidence,
    )


def corroboration(check: CheckId, outcome: Outcome, claims: Sequence[Claim], unit: str,
                  arithmetic: str) -> Corroboration:
    """A derived relation that holds, saying whether it needed the rounding allowance."""
    note = ("holds only with the rounding allowance" if outcome.needs_rounding
            else "holds at face value")
    return Corroboration(
        claim=claims[0],
        other=claims[1],
        message=f"{check.value}: {arithmetic}; stated {words(outcome.stated, unit)}, "
                f"computed {words(outcome.computed, unit)}: {note}",
        evidence="figures read: " + ", ".join(repr(c.text) for c in claims),
    )
