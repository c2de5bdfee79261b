"""Quantities spoken with their unit inside the number: "three-quarters of a mile", "half an
hour", "a year and a half", "two and a half years", "a quarter of a million".

Each reader starts at a verbal fraction the scanner's entry pattern matched ("three-quarters",
"a half") and returns one Figure in the unit named, or None when no unit or scale word is there
(the fraction is then a share, read by :func:`figcheck.extraction.shares.fraction`).

>>> from figcheck.extraction.extractor import extract
>>> [(c.text, c.value, c.unit) for c in extract("The path runs three-quarters of a mile.")]
[('three-quarters of a mile', 0.75, 'mile')]
>>> [(c.text, c.value, c.unit) for c in extract("It took two and a half years to build.")]
[('two and a half years', 2.5, 'year')]
"""

from __future__ import annotations

import functools
from typing import Final

from ..claims import Kind
from ..regex_cache import compile_pattern
from ..units import dimension
from .figure import Figure
from .numerals import parse_words, rounding_of_integer
from .patterns import Grammar
from .reading import extend_right

__all__ = ["fraction_of_unit", "mixed_number"]

# "of a", "of an", or for "half" also a bare "a"/"an", before the unit or scale word.
_OF_A: Final = compile_pattern(r"[ \u00a0]*+(?:-[ \u00a0]*+)?of[ \u00a0]++an?(?=[ \u00a0])")
_HALF_A: Final = compile_pattern(r"[ \u00a0]++an?(?=[ \u00a0])")
# "a half hour", "a half-mile": the unit right after the fraction (zero width: the unit reader
# starts at the fraction's end)
_UNIT_NEXT: Final = compile_pattern(r"(?=[ \u00a0-][A-Za-z])")
# "two and " / "2 and " before "a half"; "a year and " before "a half".
_N_AND: Final = compile_pattern(r"(?<![\w.,-])(?P<n>\d{1,3}|[A-Za-z]++)[ \u00a0]++and[ \u00a0]++$")
_A_UNIT_AND: Final = compile_pattern(
    r"(?<![\w-])(?P<a>[Aa]n?|[Oo]ne)[ \u00a0]++(?P<u>[A-Za-z]++)[ \u00a0]++and[ \u00a0]++$")
_REACH: Final = 32  # longer than any "<number> and " or "a <unit> and " before "a half"


@functools.lru_cache(maxsize=256)
def _countable(unit: str) -> bool:
    """True for units whose figures say nothing of what they count (counts, shares)."""
    return dimension(unit) in (dimension("count"), dimension("percent"))


def _kept(fig: Figure) -> bool:
    """A unit of measure (a mile, an hour, a euro), or a scale word ("of a million")."""
    if fig.scaled and not fig.has_unit:
        return True
    return fig.has_unit and not _countable(fig.unit) and (fig.kind != Kind.MONEY or fig.scaled
                                                          or fig.value >= 0.01)


def fraction_of_unit(g: Grammar, text: str, start: int, end: int, value: float, half: bool,
                     unit_next: bool = False) -> Figure | None:
    """ "three-quarters of a mile", "half an hour", "a quarter of a million": ``value`` (the
    fraction, 0.75) of the unit or scale word after ``end``, or None. ``unit_next`` also reads
    a unit right after the fraction ("a half hour", "a half-mile")."""
    am = (_OF_A.match(text, end) or (_HALF_A.match(text, end) if half else None)
          or (_UNIT_NEXT.match(text, end) if unit_next else None))
    if am is None:
        return None
    fig = Figure(start, am.end(), value, 0.0, source="fraction")
    extend_right(g, text, fig)
    if not _kept(fig) or fig.end == am.end():
        return None
    if fig.scaled and not fig.has_unit:
        fig.rounding = rounding_of_integer(int(round(fig.value)))
    else:
        fig.rounding = g.tol["verbal_fraction"] * fig.value  # a fraction said in words is loose
    return fig


def mixed_number(g: Grammar, text: str, start: int, end: int) -> Figure | None:
    """ "two and a half years", "a mile and a half": a whole and a half (``start``..``end`` is
    the "a half"), in the unit named, or None."""
    before = text[max(0, start - _REACH) : start]
    um = _A_UNIT_AND.search(before)
    if um is not None:  # "a year and a half"
        fig = Figure(start - len(before) + um.start(), start - len(before) + um.end("a"), 1.5, 0.0,
                     source="words")
        extend_right(g, text, fig)
        if fig.has_unit and fig.end == start - len(before) + um.end("u") and _kept(fig):
            fig.end = end
            return fig
    nm = _N_AND.search(before)
    if nm is None:
        return None
    token = nm.group("n")
    n = int(token) if token.isdigit() else parse_words([token])
    if not n:
        return None
    fig = Figure(start - len(before) + nm.start(), end, n + 0.5, 0.0, source="words")
    extend_right(g, text, fig)
    return fig if fig.has_unit and _kept(fig) else None
