"""Units a figure's measure implies: "a pension age of 67" is 67 years, an age."""

from __future__ import annotations

from ..claims import Claim, Kind
from ..lexicon.measures import default_measures
from ..units import dimension

__all__ = ["implied_unit"]


def implied_unit(claim: Claim, measure: str | None) -> tuple[str, str] | None:
    """(unit, concept) the claim's measure implies, or None.

    A bare count takes the unit ("life expectancy is 78": 78 years); a figure already in a
    unit of time keeps its own and takes the concept ("life expectancy of 71 years" is an
    age too), so the two compare. The measure is looked up whole, then by its last word
    ("state pension age" -> "age"), in ``[implied_units]`` of ``data/measures.toml``.
    """
    if measure is None or claim.kind not in (Kind.COUNT, Kind.DURATION):
        return None
    if claim.kind is Kind.COUNT and claim.unit != "count":
        return None
    table = default_measures().implied_units
    found = table.get(measure) or table.get(measure.rsplit(" ", 1)[-1])
    if found is None or dimension(found[0]) != "[time]":
        return None  # only times are read so far: a count becomes a duration
    return found if claim.kind is Kind.COUNT else (claim.unit, found[1])
