"""Reading one figure: digits or number words, with sign, scale, currency, unit, percent, rate.

``read_figure`` starts at an atom the scanner's entry pattern matched and
reads outwards with anchored patterns: currency to the left; scale, unit,
percent and a rate's denominator to the right. It returns a Figure, or None
when the digits are not a quantity (a date, a year, a label).
"""

from __future__ import annotations

import functools
import re
import warnings
from typing import Final

from ..claims import Kind
from ..lexicon.scanner import UnitForm
from ..regex_cache import compile_pattern
from ..units import dimension
from .figure import Figure
from .nonclaims import after_name, digits_ok, is_identifier, is_year, pronoun_one
from .numerals import in_range, parse_digits, parse_words, rounding_of_integer, times_ten_to
from .patterns import (
    MINUS,
    NEXT_WORD,
    OF,
    SCIENTIFIC,
    SLASH_FRACTION,
    SUPERSCRIPT,
    Grammar,
    may_end_spaced,
    may_end_with,
)
from .tokens import prev_word, tail

__all__ = ["extend_right", "next_figure", "out_of_range", "read_figure"]


@functools.lru_cache(maxsize=256)
def _is_share(unit: str) -> bool:
    """True for units of the percent dimension (basis points, ppm)."""
    return dimension(unit) == dimension("percent")

def read_figure(g: Grammar, text: str, m: re.Match[str]) -> Figure | None:
    """A digits or number-word figure with its scale and unit, or None if it is not a quantity."""
    s, e = m.span()
    if m.lastgroup in ("num", "dec"):
        literal = m.group()
        fm = SLASH_FRACTION.match(text, s) if e < len(text) and text[e] in "/⁄" else None
        if fm is not None and (s == 0 or text[s - 1] not in "/⁄"):
            return _slash_fraction(g, text, fm)
        vulgar = g.lex.vulgar.get(text[e : e + 1]) if literal.isdigit() else None
        if vulgar is not None:  # "1½ miles"
            fig = Figure(s, e + 1, int(literal) + float(vulgar), 0.0, source="fraction")
            extend_right(g, text, fig)
            return fig
        if not digits_ok(g, text, s, e, literal):
            return None
        value, rounding = parse_digits("0" + literal if literal.startswith(".") else literal)
        # "×10^30" may follow after one space at most: a look at two characters first
        sci = None if _TIMES_SIGN.isdisjoint(text[e : e + 2]) else SCIENTIFIC.match(text, e)
        if sci is not None:
            exp = int(sci.group("exp").translate(SUPERSCRIPT))
            value, rounding, e = times_ten_to(value, exp), times_ten_to(rounding, exp), sci.end()
        fig = Figure(s, e, value, rounding, integer_literal="." not in literal and sci is None)
        if fig.integer_literal and literal.isdigit():  # no group separators
            fig.raw_int = int(literal)
    elif m.lastgroup == "word":
        tokens = re.findall(r"[A-Za-z]+", m.group())
        value_int = parse_words(tokens)
        if value_int is None:
            # a run such as "four five": keep the first word only
            first = re.match(r"[A-Za-z]+", m.group())
            if first is None:
                return None
            value_int = parse_words([first.group()])
            if value_int is None:
                return None
            e = s + first.end()
            tokens = [first.group()]
        if tokens[-1].lower() == "one" and len(tokens) == 1 and pronoun_one(g, text, s, e):
            return None
        if tokens[0][0].isupper() and after_name(g, text, s):
            return None  # "the Kick Six", "the Big Ten": part of a name
        if (
            e < len(text)
            and text[e] == "-"
            and not (
                g.lex.unit_re.match(text, e)
                or g.lex.scale_re.match(text, e)
                or text[e + 1 : e + 2].isdigit()
            )
        ):
            return None  # "six-speed gearbox", "four-cylinder engine": part of a compound word
        fig = Figure(s, e, float(value_int), rounding_of_integer(value_int), source="words")
        fig.scaled = tokens[-1].lower() in g.lex.multipliers and value_int >= 1000
    else:
        return None  # a multiple ("8fold") is read on its own, never as half of a pair
    if _age_band(g, text, fig):
        return None
    # sign: "-1.3%", "minus 5", "minus-130 degrees"
    if (
        fig.source == "digits"
        and s > 0
        and text[s - 1] in "-−"
        and (s < 2 or not text[s - 2].isalnum())
    ):
        fig.start -= 1
        fig.value = -fig.value
    else:
        w0 = max(0, s - 8)
        mm = MINUS.search(text, w0, s) if may_end_with(text, w0, s, _S, True) else None
        if mm is not None:
            fig.start = mm.start()
            fig.value = -fig.value
    extend_right(g, text, fig)
    if not fig.has_unit and not fig.scaled:
        _scale_reading(g, text, fig)
    if fig.source == "digits" and not fig.has_unit and not fig.scaled:
        if is_year(g, text, fig) or is_identifier(g, text, fig):
            return None
    return fig


def _age_band(g: Grammar, text: str, fig: Figure) -> bool:
    """True for an age band ("65 years and over", "aged 70 and older", "a five-year age group")."""
    if fig.value >= 130:
        return False
    m = g.rules.age_after_re.match(text, fig.end)
    if m is None:
        return False
    said = m.group().lower()
    if "year" in said or "age" in said:
        return True
    prev = prev_word(text, fig.start, tail(text, fig.start, 1))
    return prev is not None and prev[1].lower() in g.rules.age_before


def _scale_reading(g: Grammar, text: str, fig: Figure) -> None:
    """A reading on a scale: "a 5.9-magnitude quake", "magnitude 6.4", "a 4.1 aftershock".

    The figure takes the scale as its unit (a measure, never a count); the scale
    phrases are those of ``data/measures.toml``.
    """
    rules = g.rules
    after = rules.scale_after_re.match(text, fig.end)
    if after is not None:
        phrase = after.group("s")  # the claim stays the figure; the measure step reads the scale
    else:
        s, lo = fig.start, max(0, fig.start - 32)
        may_end = may_end_spaced(text, lo, s, g.scale_before_ends)
        before = rules.scale_before_re.search(text, lo, s) if may_end else None
        event = None
        if before is None and fig.source == "digits" and not fig.integer_literal:
            event = rules.scale_event_re.match(text, fig.end)
        if before is None and event is None:
            return
        phrase = (before or event).group("s")  # type: ignore[union-attr]
    fig.unit = rules.scales[" ".join(phrase.lower().split())]
    fig.kind, fig.has_unit = Kind.MEASURE, True


def _slash_fraction(g: Grammar, text: str, fm: re.Match[str]) -> Figure | None:
    """ "1/2 pound", "1/16 of a pint": a fraction written with a slash, before a unit or "of"."""
    num, den = int(fm.group("n")), int(fm.group("d"))
    if not 0 < num < den:
        return None
    fig = Figure(fm.start(), fm.end(), num / den, 0.0, source="fraction")
    if OF.match(text, fm.end()):
        fig.value, fig.unit, fig.kind, fig.has_unit = (
            100.0 * num / den,
            "percent",
            Kind.PROPORTION,
            True,
        )
        return fig
    extend_right(g, text, fig)
    return fig if fig.has_unit else None


def out_of_range(text: str, fig: Figure) -> bool:
    """True (with a warning naming it) when ``fig`` is beyond the range figcheck reads."""
    if in_range(fig.value):
        return False
    warnings.warn(
        f"{text[fig.start:fig.end]!r} at character {fig.start} is beyond the range of figures "
        "figcheck reads (magnitudes 1e-100 to 1e100); it is not read as a claim",
        UserWarning,
        stacklevel=2,
    )
    return True


def extend_right(g: Grammar, text: str, fig: Figure) -> None:
    """Read scale, currency prefix, unit and percent around ``fig``; updates it in place."""
    currency = _currency_left(g, text, fig.start)
    e = _scale(g, text, fig, currency is not None)
    if currency is not None:
        code, cstart = currency
        fig.start = cstart
        fig.unit, fig.kind, fig.has_unit = code, Kind.MONEY, True
        fig.end = e
        _rate(g, text, fig)
        return
    if not _percent(g, text, fig, e):
        _unit(g, text, fig, e)


def _scale(g: Grammar, text: str, fig: Figure, money: bool) -> int:
    """Apply a scale word or suffix ("40 million", "$4.2bn", "14k"); the offset after it."""
    lex = g.lex
    e = fig.end
    sm = lex.scale_re.match(text, e)
    if sm is None:
        return e
    suffix = sm.group("s").lower()
    glued = sm.start("s") == e
    short_m = suffix in ("m", "b")
    if short_m and not money and glued and sm.group("s") in ("m", "M"):
        nxt = NEXT_WORD.match(text, sm.end())
        # "4.3M sales", "1.2m tons" are millions; "5m tall", "100m sprint" are metres
        short_m = not (
            sm.group("s") == "M"
            or nxt is not None
            and nxt.group("w").lower().rstrip(".,;:") not in lex.metre_after
            and nxt.group("w")[0].islower()
        )
    if (short_m and not money) or not (glued or len(suffix) > 2):
        return e
    if fig.source == "words" and glued:
        return e
    factor = lex.scale_suffixes[suffix]
    fig.value *= factor
    fig.rounding *= factor
    if fig.integer_literal and fig.rounding == 0:
        # "40 million": rounded to the last digit shown, here the million
        fig.rounding = 0.5 * factor
    fig.scaled = True
    e = sm.end()
    sm2 = lex.scale_re.match(text, e) if suffix == "hundred" else None
    # "two hundred million": a larger scale word multiplies again
    if sm2 is not None and lex.multipliers.get(sm2.group("s").lower(), 0) > factor:
        factor2 = lex.scale_suffixes[sm2.group("s").lower()]
        fig.value *= factor2
        fig.rounding *= factor2
        e = sm2.end()
    return e


def _percent(g: Grammar, text: str, fig: Figure, e: int) -> bool:
    """Read "%", "per cent", "‰" or index "points" at ``e``; True if one was there."""
    pm = g.lex.percent_re.match(text, e)
    if pm is None:
        return False
    meaning = g.lex.percent_forms[" ".join(pm.group("p").lower().split())]
    fig.end = pm.end()
    if meaning == "index_point":
        # index points ("the Dow fell 190 points"): a unit of their own
        fig.unit, fig.kind, fig.has_unit = "index_point", Kind.MEASURE, True
        return True
    fig.unit, fig.kind, fig.has_unit = "percent", Kind.PROPORTION, True
    if meaning == "per_mille":
        fig.value /= 10
        fig.rounding /= 10
    if fig.integer_literal and fig.rounding == 0:
        fig.rounding = 0.5  # a whole-number percentage is rounded to the unit
    return True


def _unit(g: Grammar, text: str, fig: Figure, e: int) -> None:
    """Read a unit word at ``e`` ("40 miles", "50p", "15-year-old"), then a rate after it."""
    lex = g.lex
    um = lex.unit_exact_re.match(text, e)
    form: UnitForm | None = None
    if um is not None:
        form = lex.unit_exact[um.group("u")]
    um2 = lex.unit_re.match(text, e)
    if um2 is not None and (um is None or um2.end() > um.end()):
        um, form = um2, lex.unit_forms[um2.group("u").casefold()]
    if um is None or form is None:
        fig.end = e
        return
    if form.kind == "money" and form.factor != 1.0 and um.start("u") != e and um.group("u") in ("p", "c"):
        # "5 c" and "at 5 p.m." are no money; "down 4 p at 251.5 p" is pence, as a market
        # report spaced it
        if um.group("u") == "c" or _CLOCK_P.match(text, um.end()):
            return
    if um.group("u").lower() in g.rules.verb_units:
        nxt = NEXT_WORD.match(text, um.end())
        if nxt is not None and nxt.group("w").lower() in g.rules.verb_units_next:
            fig.end = e
            return  # "aged 12 won the final": the verb, not the currency
    if form.kind == "money" and um.group("u") == "c":
        nxt = NEXT_WORD.match(text, um.end())
        if nxt is not None and nxt.group("w").lower() in g.rules.celsius_after:
            form = lex.unit_forms["c"]  # "1.48c hotter": degrees Celsius, not cents
    fig.value *= form.factor
    fig.rounding *= form.factor
    fig.unit = form.unit
    fig.kind = {"money": Kind.MONEY, "duration": Kind.DURATION}.get(form.kind, Kind.MEASURE)
    if fig.kind == Kind.MEASURE and _is_share(form.unit):
        fig.kind = Kind.PROPORTION  # basis points, ppm: parts of a whole
    fig.has_unit = True
    fig.end = um.end()
    dm = lex.dimension_suffix_re.match(text, fig.end)
    if dm is not None and fig.kind in (Kind.MEASURE, Kind.DURATION):
        fig.end = dm.end()  # "40-mile-long", "15-year-old": part of the figure
    else:
        _rate(g, text, fig)  # "$58 per barrel", "84 cents a share"


_TIMES_SIGN: Final = frozenset("×xX*")  # what opens SCIENTIFIC after its optional space
_CLOCK_P: Final = compile_pattern(r"\.[A-Za-z]")  # "5 p.m.", "5 p.a."


def _rate(g: Grammar, text: str, fig: Figure) -> None:
    """ "per barrel", "a month", "/h" after a unit: the figure is a rate."""
    pm = g.lex.per_re.match(text, fig.end)
    if pm is None:
        return
    den = g.lex.unit_forms[pm.group("u").casefold()]
    if den.unit == fig.unit:
        return
    fig.unit = f"{fig.unit} / {den.unit}"
    fig.end = pm.end()


def _currency_left(g: Grammar, text: str, s: int) -> tuple[str, int] | None:
    """(ISO code, start offset) of a currency prefix ending right before ``s``."""
    w0 = s - 8 if s > 8 else 0
    # a cheap test before searching: a currency prefix, then perhaps a space and a "-",
    # must be able to end at ``s`` within text[w0:s]
    if s <= w0:
        return None
    if text[s - 1] != "\n":  # "$" also matches before a final newline
        j = s - 1 if text[s - 1] == "-" else s
        if j > w0 and text[j - 1] in " \u00a0":
            j -= 1
        if j <= w0:
            return None
        if text[j - 1].lower() not in g.currency_end1 and (
            j - 2 < w0 or text[j - 2 : j].lower() not in g.currency_end2
        ):
            return None
    cm = g.lex.currency_re.search(text, w0, s)
    if cm is None:
        return None
    return g.lex.currency_prefix(cm.group("c")), cm.start()


_S: Final = "sS\u017f"  # what "s" matches in a case-insensitive pattern ("minus")


def next_figure(g: Grammar, text: str, pos: int) -> Figure | None:
    """The figure starting at ``pos``, allowing a currency sign before it ("and $68")."""
    cm = g.lex.currency_fwd_re.match(text, pos)
    at = cm.end() if cm is not None else pos
    m = g.figure_atom.match(text, at)
    if m is None and cm is not None:
        m = g.glued_digits.match(text, at)  # "and $US171 million": no word boundary
    fig = None if m is None else read_figure(g, text, m)
    # a figure out of range pairs with nothing; it is reported when the scan reaches it
    return fig if fig is not None and in_range(fig.value) else None
