"""The precision a figure was written at: "14 km" allows 13.5–14.5, "£2.1bn" £2.05–2.15bn.

DESIGN.md: a figure that is evidently rounded carries the half-unit of its last significant digit,
as statcheck and the GRIM test read reported statistics. Evidently rounded means: a decimal
("29.6%", "2.1bn"), a physical measure ("14 km", "91F"), or a count or sum of money with at least
two or more trailing zeros after two or more significant digits ("14,000", "£1,700,000");
"1,351", "150 seats" and "2,000" are read as exact. A
hedged figure ("about", "more than") is not widened again: its hedge already says how far it goes.

>>> from figcheck.extraction.extractor import extract
>>> [written_interval(c) for c in extract("It was 14 km long; 1,351 died; 14,000 fled.")]
[Interval(low=13.5, high=14.5), Interval(low=1351.0, high=1351.0), Interval(low=13500.0, high=14500.0)]
"""

from __future__ import annotations

from ..claims import Bound, Claim
from ..rounding import half_unit
from .intervals import Interval, is_physical

__all__ = ["written_interval"]


def written_interval(claim: Claim) -> Interval:
    """The claim's interval widened by the precision its figure was written at (in its unit)."""
    iv = Interval(claim.low, claim.high)
    if claim.bound != Bound.EQ:
        return iv
    try:
        physical = is_physical(claim.unit)
    except Exception:  # an unknown unit: read the figure as written
        physical = False
    half = half_unit(claim.text, claim.value, physical or claim.unit == "percent")
    return Interval(min(iv.low, claim.value - half), max(iv.high, claim.value + half))
