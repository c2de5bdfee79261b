"""The precision a number was written at: half a unit of its last significant digit.

Shared by claims (:mod:`figcheck.checking.precision`) and reference rows (a CSV value's written
precision is part of the row: "64" km allows 63.5–64.5, "48,457,102" is exact).

>>> half_unit("2.1bn", 2.1e9, physical=False), half_unit("14,000", 14000, physical=False)
(50000000.0, 500.0)
>>> half_unit("1,351", 1351, physical=False), half_unit("64", 64, physical=True)
(0.0, 0.5)
"""

from __future__ import annotations

from .regex_cache import compile_pattern

__all__ = ["half_unit", "written_number"]

# The last number written in a claim's text: digits with thousands commas and decimals.
_LITERAL = compile_pattern(r"(\d[\d,]*+)(?:\.(\d++))?")
_ROUND_ZEROS = 2


def half_unit(text: str, value: float, physical: bool) -> float:
    """Half a unit of the last significant digit of the number written in ``text`` (worth
    ``value``), or 0 when the figure reads as exact."""
    literals = list(_LITERAL.finditer(text))
    if not literals:
        return 0.0
    whole, decimals = literals[-1].group(1).replace(",", ""), literals[-1].group(2)
    written = float(f"{whole}.{decimals}" if decimals else whole)
    if written == 0:
        return 0.0
    scale = value / written  # "2.1bn" is written 2.1 and worth 2.1e9
    if decimals:
        return 0.5 * 10.0 ** -len(decimals) * abs(scale)
    zeros = len(whole) - len(whole.rstrip("0"))
    # "14,000" is rounded to the thousand; "1,000" may as well be exact (one digit says nothing)
    if zeros >= _ROUND_ZEROS and len(whole) - zeros >= 2:
        return 0.5 * 10.0 ** zeros * abs(scale)
    return 0.5 * abs(scale) if physical else 0.0




def written_number(value: float) -> str:
    """How a number stored as a float reads when written plainly (``64.0`` -> ``"64"``)."""
    text = format(value, ".15g")
    return text if "e" not in text else format(value, "f").rstrip("0").rstrip(".")
