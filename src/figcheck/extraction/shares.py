"""Figures said as shares or multiples: ratios, verbal and vulgar fractions, folds, "thousands of".

Each reader starts at an atom the scanner's entry pattern matched and returns
the claims it makes and the offset to resume from.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Final

from ..claims import Claim, Kind
from ..regex_cache import compile_pattern
from .bounds import claim_of, hedge_before, range_claim
from .figure import Figure
from .numerals import parse_words, rounding_of_integer
from .patterns import OF, Grammar
from .reading import extend_right
from .spoken import fraction_of_unit, mixed_number
from .tokens import prev_word, tail

__all__ = ["fold", "fraction", "ratio", "vague", "vulgar"]


def ratio(g: Grammar, text: str, m: re.Match[str]) -> tuple[list[Claim], int] | None:
    """ "one in five", "3 out of 4": a share; None for "12 out of 37" (a part of a whole)."""
    num = _small_value(g, m.group("rnum"))
    den = _small_value(g, m.group("rden"))
    if (
        num is None
        or den is None
        or not 0 < num < den
        or den > 1000
        or 1000 <= den <= 2100
        and den != 1000
    ):
        return None
    out_of = m.group("rsep").lower().startswith("out")
    if out_of and den not in g.lex.out_of_denominators:
        return None  # "12 out of 37": a part of a whole, read as figures
    fig = _share(g, m, 100.0 * num / den, "ratio")
    return [claim_of(g, text, fig, "ratio")], m.end()


def vague(g: Grammar, text: str, m: re.Match[str]) -> tuple[list[Claim], int]:
    """ "thousands of", "tens of millions of": a range spanning one decade."""
    low, high = g.lex.vague[m.group("vague").lower()]
    unit, end = "count", m.end()
    nxt = g.lex.money_of_re.match(text, m.end())
    if nxt is not None:
        form = g.lex.unit_forms.get(nxt.group("u").casefold())
        if form is not None:
            unit, end = form.unit, nxt.end("u")  # "billions of dollars"
    claim = range_claim(g, text, m.start(), end, low, high, unit, "vague_magnitude", changes=False)
    return [claim], end


def vulgar(g: Grammar, text: str, m: re.Match[str]) -> tuple[list[Claim], int] | None:
    """ "½ cup", "1½ miles", "¾ of the seats": a fraction written as one character."""
    frac = g.lex.vulgar[m.group("vfrac")]
    value = float(frac) + (int(m.group("vwhole")) if m.group("vwhole") else 0)
    fig = Figure(m.start(), m.end(), value, 0.0, source="fraction")
    if m.group("vwhole") is None and OF.match(text, m.end()):
        fig.value, fig.unit, fig.kind, fig.has_unit = 100.0 * value, "percent", Kind.PROPORTION, True
    else:
        extend_right(g, text, fig)
    return [claim_of(g, text, fig, "single")], fig.end


def fold(g: Grammar, text: str, m: re.Match[str]) -> tuple[list[Claim], int] | None:
    """ "sixfold", "a 3-fold rise": a multiple, counted in times."""
    head = m.group()[:-4].rstrip("-")
    value = float(head) if head[0].isdigit() else _small_value(g, head)
    if not value:
        return None
    fig = Figure(m.start(), m.end(), float(value), 0.0, source="fold", has_unit=True)
    return [claim_of(g, text, fig, "multiple")], m.end()


_AND_BEFORE: Final = (
    compile_pattern(r"(?<![\w.,])(?P<n>\d{1,3}|[A-Za-z]++)[ \u00a0]++and[ \u00a0]++$")
)
_A_SCALE: Final = compile_pattern(r"[ \u00a0]++(?:a[ \u00a0]++)?(?P<w>[A-Za-z]++)")


def _half_a_scale(g: Grammar, text: str, m: re.Match[str]) -> tuple[list[Claim], int] | None:
    """ "half a million": one figure, half the scale word (not 50 % and a million)."""
    am = _A_SCALE.match(text, m.end())
    factor = g.lex.multipliers.get(am.group("w").lower(), 0) if am is not None else 0
    if am is None or factor < 1000:
        return None
    value, start = factor // 2, m.start()
    whole = _AND_BEFORE.search(text, max(0, start - 24), start)  # "one and a half million"
    if whole is not None:
        n = _small_value(g, whole.group("n"))
        if n:
            value, start = n * factor + factor // 2, whole.start()
    fig = Figure(start, am.end(), float(value), rounding_of_integer(value), source="words")
    fig.scaled = True
    extend_right(g, text, fig)  # "half a million dollars"
    return [claim_of(g, text, fig, "single")], fig.end


def _small_value(g: Grammar, token: str) -> int | None:
    """The value of a small figure written in digits or words ("12", "five")."""
    token = token.strip()
    if token.isdigit():
        return int(token)
    return parse_words(re.findall(r"[A-Za-z]+", token))


def fraction(g: Grammar, text: str, m: re.Match[str]) -> tuple[list[Claim], int] | None:
    """ "a third", "two-thirds", "half of": a share said in words; None for an ordinal."""
    den_word = m.group("fden").lower()
    frac = g.lex.fractions[den_word]
    num_word = (m.group("fnum") or "").strip(" -\u00a0").lower()
    plural = den_word.endswith("s") and den_word != "halves"
    after = text[m.end() : m.end() + 12].lower()
    if den_word == "half" and num_word in ("", "a", "one"):
        scaled = _half_a_scale(g, text, m)
        if scaled is not None:
            return scaled
    spoken = _spoken(g, text, m, frac, num_word, den_word)
    if spoken is not None:
        return [claim_of(g, text, spoken, "spoken_unit")], spoken.end
    if not num_word:
        if den_word != "half":
            return None  # "third" alone is an ordinal
        prev = prev_word(text, m.start(), tail(text, m.start(), 1))
        if prev is not None and prev[1].lower() in g.lex.half_not_after:
            return None  # "the second half of the game"
        if after.startswith(("-", "way", " time")) or not g.lex.half_share_re.match(after):
            # "more than half", "only half": a hedge or a limiting word makes it a share
            if hedge_before(g, text, m.start()) is None and (
                prev is None or prev[1].lower() not in g.lex.half_also_after
            ):
                return None
        numerator = 1
    elif num_word in ("a", "an", "one"):
        if after.startswith("-"):
            return None  # "a half-hour show", "a quarter-final": a compound word, not a share
        if plural or not re.match(r"[ \u00a0-]*of(?![\w])", after):
            prev = prev_word(text, m.start(), tail(text, m.start(), 1))
            by = prev is not None and prev[1].lower() in g.lex.fraction_share_after
            if (den_word != "half" or num_word == "one") and not (by and not plural):
                return None  # "a third term", "one quarter" of a year; not "fell by a fifth"
        numerator = 1
    else:
        numerator = parse_words([num_word]) or 0
        if numerator < 2 or not plural and den_word != "half":
            return None
    value = float(100 * frac * numerator)
    if value > 100:
        return None
    fig = _share(g, m, value, "fraction")
    return [claim_of(g, text, fig, "verbal_fraction")], m.end()


def _spoken(g: Grammar, text: str, m: re.Match[str], frac: Fraction, num_word: str, den_word: str
            ) -> Figure | None:
    """"three-quarters of a mile", "a year and a half": a fraction with its unit, or None."""
    plural = den_word.endswith("s") and den_word != "halves"
    numerator = 1 if num_word in ("", "a", "an", "one") else parse_words([num_word]) or 0
    if numerator < 1 or plural != (numerator > 1) and den_word != "half" or numerator * frac >= 1:
        return None
    a_half = den_word == "half" and num_word in ("a", "an")
    if a_half:
        mixed = mixed_number(g, text, m.start("fden") - len(m.group("fnum")), m.end())
        if mixed is not None:
            return mixed
    return fraction_of_unit(g, text, m.start(), m.end(), float(numerator * frac),
                            den_word == "half", unit_next=a_half)


def _share(g: Grammar, m: re.Match[str], value: float, source: str) -> Figure:
    """A share said in words ("a third", "one in five"): loose by the verbal-fraction tolerance."""
    return Figure(
        m.start(),
        m.end(),
        value,
        g.tol["verbal_fraction"] * value,
        unit="percent",
        kind=Kind.PROPORTION,
        source=source,
        has_unit=True,
    )

