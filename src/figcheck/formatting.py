"""How figures are written for people: numbers, units, intervals and relative amounts.

One formatter for every output (finding messages, report tables, pytest failures, the CLI and
the HTML report), so an interval reads the same wherever it appears.

>>> format_interval(12600, 14000), format_interval(3404, float("inf"))
('12,600–14,000', '≥ 3,404')
>>> format_interval(30.0, 100 / 3, "percent"), format_interval(40, 40, "mile")
('30–33.33%', '40 mile')
>>> format_percent(0.0135)
'1.35%'
"""

from __future__ import annotations

import math

__all__ = ["format_interval", "format_number", "format_percent", "format_unit"]


def format_number(x: float) -> str:
    """``x`` for people: thousands separators, about four significant digits, ``inf``.

    >>> [format_number(x) for x in (14000.0, 33.3333, 0.012345, float("inf"))]
    ['14,000', '33.33', '0.01235', 'inf']
    """
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if abs(x) >= 1e15 or (x != 0 and abs(x) < 1e-4):
        return f"{x:.4g}"
    if x == int(x):
        return f"{int(x):,}"
    digits = len(str(int(abs(x)))) if abs(x) >= 1 else 0
    decimals = max(0, 4 - digits)
    if abs(x) < 1:
        # keep four significant digits after the leading zeros
        decimals = 4 - math.floor(math.log10(abs(x))) - 1
    text = f"{x:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_unit(unit: str | None) -> str:
    """The unit as a suffix: '' for counts (or no unit), '%' for percent, ' mile' otherwise."""
    if not unit or unit == "count":
        return ""
    counted, _, per = unit.partition(" / ")
    if counted == "count" and per:
        return f" per {per}"  # "3,000 per day"
    return "%" if unit == "percent" else f" {unit}"


def format_interval(low: float | None, high: float | None, unit: str | None = None) -> str:
    """``'12,600–14,000'``, ``'29.6%'``, ``'40 mile'``; an open end as ``'≥ 3,404'``, ``'≤ 5'``.

    None for an end means it is open; both None give ''.
    """
    if low is None and high is None:
        return ""
    lo = -math.inf if low is None else low
    hi = math.inf if high is None else high
    if lo == hi:
        body = format_number(lo)
    elif math.isinf(hi) and not math.isinf(lo):
        body = "≥ " + format_number(lo)
    elif math.isinf(lo) and not math.isinf(hi):
        body = "≤ " + format_number(hi)
    else:
        body = f"{format_number(lo)}–{format_number(hi)}"
    return body + format_unit(unit)


def format_percent(x: float | None) -> str:
    """A relative amount (0.05) as a percentage (``5%``); empty for None or NaN."""
    if x is None or math.isnan(x):
        return ""
    if math.isinf(x):
        return "inf"
    return format_number(round(x * 100, 2 if abs(x) < 1 else 1)) + "%"
