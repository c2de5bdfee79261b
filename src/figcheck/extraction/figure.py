"""The scanner's working record for one figure, before it becomes a Claim."""

from __future__ import annotations

from dataclasses import dataclass

from ..claims import Kind

__all__ = ["Figure", "scale_of"]


@dataclass(slots=True)
class Figure:
    """One figure read from the text: value, rounding, unit, and how it was written.

    It is mutable while the scanner reads outwards (scale, unit, sign); it never
    leaves the scanner, which turns it into a Claim.
    """

    start: int
    end: int
    value: float
    rounding: float
    unit: str = "count"
    kind: Kind = Kind.COUNT
    scaled: bool = False
    source: str = "digits"  # digits | words | fraction | ratio | fold
    integer_literal: bool = False
    raw_int: int | None = None
    has_unit: bool = False


def scale_of(fig: Figure) -> float | None:
    """The largest of thousand, million, billion, trillion not above the figure, or None."""
    for factor in (1e12, 1e9, 1e6, 1e3):
        if abs(fig.value) >= factor:
            return factor
    return None
