"""Numeric literals and number words to values, with the precision they were written at.

>>> parse_digits("1,351")
(1351.0, 0.0)
>>> parse_digits("14,000")
(14000.0, 500.0)
>>> parse_digits("29.6")
(29.6, 0.05)
>>> parse_words(["twenty", "three"])
23
>>> parse_words(["one", "hundred", "and", "twelve"])
112
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

from ..lexicon.scanner import lexicon

__all__ = [
    "GROUP_SPACES",
    "MAX_MAGNITUDE",
    "in_range",
    "parse_digits",
    "parse_words",
    "rounding_of_integer",
    "times_ten_to",
]

#: The spaces that may separate digit groups ("14 000"): a space, a no-break, a narrow no-break
#: and a thin space. The scanner's digit pattern and :func:`parse_digits` share this one list.
GROUP_SPACES: Final = " \u00a0\u202f\u2009"
_SEPARATORS: Final = str.maketrans("", "", ",'" + GROUP_SPACES)

#: Largest magnitude read as a figure (a googol). Beyond it (and below its inverse) a number
#: is not a checkable quantity, and keeping figures within it leaves the products, ratios and
#: midpoints of two figures finite.
MAX_MAGNITUDE: Final = 1e100


def in_range(value: float) -> bool:
    """True when ``value`` is a finite figure within :data:`MAX_MAGNITUDE` (or zero)."""
    return value == 0 or 1 / MAX_MAGNITUDE <= abs(value) <= MAX_MAGNITUDE


def times_ten_to(value: float, exponent: int) -> float:
    """``value * 10**exponent`` that gives inf (or 0) instead of raising on a huge exponent."""
    try:
        return value * 10.0**exponent
    except OverflowError:
        return math.copysign(math.inf, value) if value else 0.0


def rounding_of_integer(value: int, min_zeros: int = 2) -> float:
    """Half a unit of the last significant digit of an evidently rounded integer.

    An integer counts as rounded when it ends in at least ``min_zeros`` zeros
    (14000 -> 500, 300 -> 50); "1,351" and "40" are taken as exact.
    """
    if value == 0:
        return 0.0
    zeros = 0
    while value % 10 == 0:
        value //= 10
        zeros += 1
    return 0.5 * 10**zeros if zeros >= min_zeros else 0.0


def parse_digits(literal: str) -> tuple[float, float]:
    """Value of a digit literal ("1,351", "14 000", "0.7") and its rounding half-width.

    A literal with decimals is rounded to its last decimal; an integer with
    trailing zeros is rounded to its last non-zero digit; other integers are exact.
    """
    clean = literal.translate(_SEPARATORS)
    if "." in clean:
        decimals = len(clean) - clean.index(".") - 1
        return float(clean), 0.5 * 10.0**-decimals
    number = int(clean)
    return float(number), rounding_of_integer(number)


def parse_words(tokens: Sequence[str]) -> int | None:
    """Value of a sequence of number words ("twenty", "three"), or None if it is not a number.

    Accepts "a" before a multiplier ("a hundred", "a dozen") and "and" between
    parts ("one hundred and twelve"). Rejects sequences that do not form one
    number ("four five").
    """
    lex = lexicon()
    total = 0
    current = 0
    last: int | None = None  # value of the previous small word, to reject "four five"
    seen = False
    for i, raw in enumerate(tokens):
        tok = raw.lower()
        if tok == "and":
            if not seen:
                return None
            continue
        if tok == "a":
            if i != 0 or len(tokens) == 1:
                return None
            current = 1
            last = None
            seen = True
            continue
        if tok in lex.multipliers:
            mult = lex.multipliers[tok]
            if not seen:
                return None
            if mult == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * mult
                current = 0
            last = None
            continue
        if tok in lex.words:
            value = lex.words[tok]
            if last is not None and not (last >= 20 and last % 10 == 0 and value < 10):
                return None  # "four five", "twenty thirty"
            if tok == "dozen":
                if not seen:
                    return None  # "a baker's dozen" names a thing; "a dozen" is counted
                current = (current or 1) * 12
                last = None
            else:
                current += value
                last = value
            seen = True
            continue
        return None
    return total + current if seen else None
