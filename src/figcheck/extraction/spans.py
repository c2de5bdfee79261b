"""Text to quantity spans: the rule-based scanner at the heart of extraction.

The scanner walks the text once, left to right. At each candidate figure
(digits, number words, a verbal fraction, a ratio) it reads outwards with
anchored patterns: currency and hedge to the left; scale, unit, percent and
trailing hedge to the right; then whether the figure pairs with the next one
(a range, a part of a whole). Every pattern is anchored at a known position
and uses possessive repetition, so the scan is linear in the text length.
Word lists come from the Lexicon (``figcheck/data``); this module holds only
the grammar that combines them.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from ..claims import Bound, Change, Kind
from ..lexicon.scanner import Hedge, Lexicon, UnitForm, lexicon
from .nonclaims import NonClaims
from .numerals import parse_digits, parse_words, rounding_of_integer
from .patterns import (
    _AND_GAP,
    _BETWEEN_LEFT,
    _DIGITS,
    _MINUS,
    _NEXT_WORD,
    _OF,
    _OF_GAP,
    _OR_GAP,
    _PERCENT,
    _RANGE_GAP,
    _SCIENTIFIC,
    _SLASH_FRACTION,
    _SUPERSCRIPT,
    _atom_patterns,
)
from .tokens import _OPENERS, _prev_word, _tail, forget_tails
from ..units import dimension


@functools.lru_cache(maxsize=256)
def _is_share(unit: str) -> bool:
    """True for units of the percent dimension (basis points, ppm)."""
    return dimension(unit) == dimension("percent")


__all__ = ["Span", "scan"]


@dataclass(slots=True)
class _Figure:
    """One figure read from the text, before it becomes a claim."""

    start: int
    end: int
    value: float
    rounding: float
    unit: str = "count"
    kind: Kind = Kind.COUNT
    scaled: bool = False
    source: str = "digits"  # digits | words | fraction | ratio
    integer_literal: bool = False
    raw_int: int | None = None
    has_unit: bool = False


@dataclass(slots=True)
class Span:
    """A quantity found in the text, with everything the Claim needs but context."""

    start: int
    end: int
    kind: Kind
    value: float
    low: float
    high: float
    unit: str
    bound: Bound
    rule: str
    whole: float | None = None
    change: Change | None = None
    hedge: str | None = None
    possessor: str | None = None


class Scanner(NonClaims):
    """Finds quantity spans in a text with one Lexicon."""

    def __init__(self, lex: Lexicon, tolerances: dict[str, float] | None = None) -> None:
        self.lex = lex
        self.atom, self.figure_atom = _atom_patterns(lex)
        self.glued_digits = re.compile(rf"(?P<num>{_DIGITS})")
        self.tol = dict(lex.tolerances)
        if tolerances:
            unknown = set(tolerances) - set(self.tol)
            if unknown:
                raise ValueError(
                    f"unknown tolerance famil{'ies' if len(unknown) > 1 else 'y'} "
                    f"{sorted(unknown)}; known: {sorted(self.tol)}"
                )
            for k, v in tolerances.items():
                if not 0 <= v < 1:
                    raise ValueError(f"tolerance {k!r} must be in [0, 1), got {v!r}")
            self.tol.update(tolerances)

    # ------------------------------------------------------------------ scanning
    def scan(self, text: str) -> list[Span]:
        """Every quantity span in ``text``, ordered and non-overlapping."""
        try:
            return self._scan(text)
        finally:
            forget_tails()  # do not keep the text alive

    def _scan(self, text: str) -> list[Span]:
        # figures glued to a currency code ("USD10m") start where no word boundary is
        glued = [g.end() for g in self.lex.currency_glued_re.finditer(text)]
        gi = 0
        spans: list[Span] = []
        pos = 0
        n = len(text)
        while pos < n:
            m = self.atom.search(text, pos)
            while gi < len(glued) and glued[gi] < pos:
                gi += 1
            if gi < len(glued) and (m is None or glued[gi] < m.start()):
                m = self.glued_digits.match(text, glued[gi])
                gi += 1
            if m is None:
                break
            s = m.start()
            named = self._named_at(text, s)
            if named is not None:
                pos = named
                continue
            result = self._read(text, m)
            if result is None:
                pos = m.end() if m.end() > s else s + 1
                continue
            new, pos = result
            spans.extend(new)
        return spans

    # ------------------------------------------------------------------ one figure
    def _read(self, text: str, m: re.Match[str]) -> tuple[list[Span], int] | None:
        kind = m.lastgroup
        if kind == "vul":
            return self._vulgar(text, m)
        if kind == "fold":
            return self._fold(text, m)
        if kind == "vague":
            return self._vague(text, m)
        if kind == "ratio":
            found = self._ratio(text, m)
            if found is not None:
                return found
            # not a ratio ("12 out of 37"): read its first figure as usual
            m = self.figure_atom.match(text, m.start())  # type: ignore[assignment]
            if m is None:
                return None
        if kind == "frac":
            return self._fraction(text, m)
        fig = self._figure(text, m)
        if fig is None:
            return None
        return self._claim_from(text, fig)

    def _figure(self, text: str, m: re.Match[str]) -> _Figure | None:
        """A digits or number-word figure with its scale and unit, or None if it is not a quantity."""
        s, e = m.span()
        if m.lastgroup in ("num", "dec"):
            literal = m.group()
            fm = _SLASH_FRACTION.match(text, s) if e < len(text) and text[e] in "/⁄" else None
            if fm is not None and (s == 0 or text[s - 1] not in "/⁄"):
                return self._slash_fraction(text, fm)
            vulgar = self.lex.vulgar.get(text[e : e + 1]) if literal.isdigit() else None
            if vulgar is not None:  # "1½ miles"
                fig = _Figure(s, e + 1, int(literal) + float(vulgar), 0.0, source="fraction")
                self._extend_right(text, fig)
                return fig
            if not self._digits_ok(text, s, e, literal):
                return None
            value, rounding = parse_digits("0" + literal if literal.startswith(".") else literal)
            sci = _SCIENTIFIC.match(text, e)
            if sci is not None:
                exp = int(sci.group("exp").translate(_SUPERSCRIPT))
                value, rounding, e = value * 10.0**exp, rounding * 10.0**exp, sci.end()
            fig = _Figure(s, e, value, rounding, integer_literal="." not in literal and sci is None)
            if fig.integer_literal and "," not in literal and " " not in literal:
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
            if tokens[-1].lower() == "one" and len(tokens) == 1 and self._pronoun_one(text, s, e):
                return None
            if tokens[0][0].isupper() and self._after_name(text, s):
                return None  # "the Kick Six", "the Big Ten": part of a name
            if (
                e < len(text)
                and text[e] == "-"
                and not (
                    self.lex.unit_re.match(text, e)
                    or self.lex.scale_re.match(text, e)
                    or text[e + 1 : e + 2].isdigit()
                )
            ):
                return None  # "six-speed gearbox", "four-cylinder engine": part of a compound word
            fig = _Figure(s, e, float(value_int), rounding_of_integer(value_int), source="words")
            fig.scaled = tokens[-1].lower() in self.lex.multipliers and value_int >= 1000
        else:
            return None  # a multiple ("8fold") is read on its own, never as half of a pair
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
            mm = _MINUS.search(text, max(0, s - 8), s)
            if mm is not None:
                fig.start = mm.start()
                fig.value = -fig.value
        self._extend_right(text, fig)
        if fig.source == "digits" and not fig.has_unit and not fig.scaled:
            if self._is_year(text, fig) or self._is_identifier(text, fig):
                return None
        return fig

    def _slash_fraction(self, text: str, fm: re.Match[str]) -> _Figure | None:
        """ "1/2 pound", "1/16 of a pint": a fraction written with a slash, before a unit or "of"."""
        num, den = int(fm.group("n")), int(fm.group("d"))
        if not 0 < num < den:
            return None
        fig = _Figure(fm.start(), fm.end(), num / den, 0.0, source="fraction")
        if _OF.match(text, fm.end()):
            fig.value, fig.unit, fig.kind, fig.has_unit = (
                100.0 * num / den,
                "percent",
                Kind.PROPORTION,
                True,
            )
            return fig
        self._extend_right(text, fig)
        return fig if fig.has_unit else None

    def _extend_right(self, text: str, fig: _Figure) -> None:
        """Read scale, currency prefix, unit and percent around ``fig``; updates it in place."""
        lex = self.lex
        e = fig.end
        currency = self._currency_left(text, fig.start)
        # scale word or suffix: "40 million", "$4.2bn", "14k"
        sm = lex.scale_re.match(text, e)
        if sm is not None:
            suffix = sm.group("s").lower()
            glued = sm.start("s") == e
            short_m = suffix in ("m", "b")
            if short_m and currency is None and glued and sm.group("s") in ("m", "M"):
                nxt = _NEXT_WORD.match(text, sm.end())
                # "4.3M sales", "1.2m tons" are millions; "5m tall", "100m sprint" are metres
                short_m = not (
                    sm.group("s") == "M"
                    or nxt is not None
                    and nxt.group("w").lower().rstrip(".,;:") not in lex.metre_after
                    and nxt.group("w")[0].islower()
                )
            if (not short_m or currency is not None) and (glued or len(suffix) > 2):
                if not (fig.source == "words" and glued):
                    factor = lex.scale_suffixes[suffix]
                    fig.value *= factor
                    fig.rounding *= factor
                    if fig.integer_literal and fig.rounding == 0:
                        # "40 million": rounded to the last digit shown, here the million
                        fig.rounding = 0.5 * factor
                    fig.scaled = True
                    e = sm.end()
                    sm2 = lex.scale_re.match(text, e) if suffix == "hundred" else None
                    if sm2 is not None and sm2.group("s").lower() in (
                        "thousand",
                        "million",
                        "billion",
                        "trillion",
                    ):
                        factor2 = lex.scale_suffixes[sm2.group("s").lower()]
                        fig.value *= factor2
                        fig.rounding *= factor2
                        e = sm2.end()
        if currency is not None:
            code, cstart = currency
            fig.start = cstart
            fig.unit, fig.kind, fig.has_unit = code, Kind.MONEY, True
            fig.end = e
            self._rate(text, fig)
            return
        pm = _PERCENT.match(text, e)
        if pm is not None:
            word = pm.group("p").lower()
            if word.startswith("point") or word == "pts":
                if "percentage" not in word:
                    # index points ("the Dow fell 190 points"): a unit of their own
                    fig.unit, fig.kind, fig.has_unit = "index_point", Kind.MEASURE, True
                    fig.end = pm.end()
                    return
            fig.unit, fig.kind, fig.has_unit = "percent", Kind.PROPORTION, True
            if word == "‰":
                fig.value /= 10
                fig.rounding /= 10
            if fig.integer_literal and fig.rounding == 0:
                fig.rounding = 0.5  # a whole-number percentage is rounded to the unit
            fig.end = pm.end()
            return
        um = lex.unit_exact_re.match(text, e)
        form: UnitForm | None = None
        if um is not None:
            form = lex.unit_exact[um.group("u")]
        um2 = lex.unit_re.match(text, e)
        if um2 is not None and (um is None or um2.end() > um.end()):
            um, form = um2, lex.unit_forms[um2.group("u").casefold()]
        if um is not None and form is not None:
            if (
                form.kind == "money"
                and form.factor != 1.0
                and um.start("u") != e
                and um.group("u") in ("p", "c")
            ):
                return  # "5 p" with a space is not pence
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
            elif form.kind != "money" or form.factor == 1.0:
                self._rate(text, fig)
        else:
            fig.end = e

    def _rate(self, text: str, fig: _Figure) -> None:
        """ "per barrel", "a month", "/h" after a unit: the figure is a rate."""
        pm = self.lex.per_re.match(text, fig.end)
        if pm is None:
            return
        den = self.lex.unit_forms[pm.group("u").casefold()]
        if den.unit == fig.unit:
            return
        fig.unit = f"{fig.unit} / {den.unit}"
        fig.end = pm.end()

    def _currency_left(self, text: str, s: int) -> tuple[str, int] | None:
        """(ISO code, start offset) of a currency prefix ending right before ``s``."""
        w0 = max(0, s - 8)
        cm = self.lex.currency_re.search(text, w0, s)
        if cm is None:
            return None
        return self.lex.currency_prefix(cm.group("c")), cm.start()

    # ------------------------------------------------------------------ combining
    def _claim_from(self, text: str, fig: _Figure) -> tuple[list[Span], int]:
        """Pair ``fig`` with a following figure (range, part of a whole) and make spans."""
        if fig.kind in (Kind.COUNT,) and not fig.has_unit:
            pow_ = self._part_of_whole(text, fig)
            if pow_ is not None:
                return pow_
        rng = self._range(text, fig)
        if rng is not None:
            return rng
        return [self._span(text, fig, "single")], fig.end

    def _next_figure(self, text: str, pos: int) -> _Figure | None:
        """The figure starting at ``pos``, allowing a currency sign before it ("and $68")."""
        cm = self.lex.currency_fwd_re.match(text, pos)
        at = cm.end() if cm is not None else pos
        m = self.figure_atom.match(text, at)
        if m is None and cm is not None:
            m = self.glued_digits.match(text, at)  # "and $US171 million": no word boundary
        return None if m is None else self._figure(text, m)

    def _part_of_whole(self, text: str, fig: _Figure) -> tuple[list[Span], int] | None:
        gap = _OF_GAP.match(text, fig.end)
        if gap is None:
            return None
        whole = self._next_figure(text, gap.end())
        if (
            whole is None
            or whole.kind not in (Kind.COUNT,)
            or whole.source == "words"
            and whole.value < 2
        ):
            return None
        nxt = _NEXT_WORD.match(text, whole.end)
        if nxt is not None and nxt.group("w")[0].isupper() and whole.raw_int is not None:
            return None  # "396 of its 737 Max jets": a model number, not a whole
        if fig.source == "words" and fig.value == 1 and whole.value <= 1:
            return None
        span = self._span(text, fig, "part_of_whole", end=whole.end)
        span.kind = Kind.PART_OF_WHOLE
        span.whole = whole.value
        span.possessor = gap.group("poss")
        if whole.unit != "count":
            span.unit = whole.unit
        return [span], whole.end

    def _range(self, text: str, fig: _Figure) -> tuple[list[Span], int] | None:
        left = text[max(0, fig.start - 12) : fig.start]
        between = _BETWEEN_LEFT.search(left)
        if between is not None and between.group().lower().startswith("from"):
            if self._moved_before(text, fig.start - (len(left) - between.start())):
                self._borrow_unit(text, fig)
                return None  # "rose from 10 to 20": two levels, read separately
            between = None  # "ranging from $200 to $400": a range
        if between is not None:
            gap = _AND_GAP.match(text, fig.end) or _RANGE_GAP.match(text, fig.end)
        else:
            gap = _RANGE_GAP.match(text, fig.end)
            if (
                gap is not None
                and "to" in gap.group()
                and self._change_before(text, fig.start, True)
            ):
                second = self._next_figure(text, gap.end())
                if second is None or abs(second.value) > 2 * abs(
                    fig.value * self._pending_scale(second, fig)
                ):
                    return None  # "increased by $43.6bn to $419.2bn": a change, then a level
            if gap is None and fig.source == "words":
                gap = _OR_GAP.match(text, fig.end)  # "three or four years"
        if gap is None:
            return None
        second = self._next_figure(text, gap.end())
        if second is None:
            return None
        if "-" in gap.group() and self._is_score(text, fig, second):
            return [], second.end
        if (
            gap.group() == "-"
            and fig.value >= second.value
            and fig.raw_int is not None
            and second.raw_int is not None
            and not fig.has_unit
            and not second.has_unit
        ):
            return [], second.end  # "89-89", "4-3": a score or a label, not a range
        if fig.has_unit and not second.has_unit:
            return None  # "rose 35.2 points to 7,120.5": a change and a level
        if " or " in gap.group() and second.source != "words":
            return None
        # "3 to 5 million", "5-10km": the second figure's scale and unit apply to both
        if not fig.has_unit and second.has_unit or second.unit.startswith(fig.unit + " / "):
            fig.unit, fig.kind = second.unit, second.kind
        elif fig.has_unit and fig.unit != second.unit:
            if second.has_unit or fig.kind in (Kind.PROPORTION, Kind.MONEY):
                return None  # "0.4 per cent to 13176": a change and a level
        if second.scaled and not fig.scaled and fig.value < second.value:
            scale = self._scale_of(second)
            if scale and fig.value * scale <= second.value:
                fig.value *= scale
                fig.rounding *= scale
        if fig.value >= second.value:
            return None
        rule = "range_between" if between is not None else "range"
        start = fig.start
        if between is not None:
            start = fig.start - (len(left) - between.start())
        span = Span(
            start=start,
            end=second.end,
            kind=Kind.RANGE,
            value=(fig.value + second.value) / 2,
            low=fig.value,
            high=second.value,
            unit=second.unit,
            bound=Bound.RANGE,
            rule=rule,
        )
        self._context_bounds(text, span)
        return [span], second.end

    def _pending_scale(self, second: _Figure, fig: _Figure) -> float:
        """The scale "3 to 5 million" would lend the first figure (1 when none applies)."""
        if second.scaled and not fig.scaled:
            scale = self._scale_of(second)
            if scale and fig.value * scale <= second.value:
                return scale
        return 1.0

    def _borrow_unit(self, text: str, fig: _Figure) -> None:
        """ "slowed from 3.1 to 2.9 percent": the first of two levels takes the second's unit."""
        if fig.has_unit:
            return
        gap = _RANGE_GAP.match(text, fig.end)
        second = self._next_figure(text, gap.end()) if gap is not None else None
        if second is not None and second.has_unit:
            fig.unit, fig.kind, fig.has_unit = second.unit, second.kind, True
            if fig.kind == Kind.PROPORTION and fig.integer_literal and fig.rounding == 0:
                fig.rounding = 0.5

    def _scale_of(self, fig: _Figure) -> float | None:
        for factor in (1e12, 1e9, 1e6, 1e3):
            if abs(fig.value) >= factor:
                return factor
        return None

    # ------------------------------------------------------------------ ratios, fractions
    def _ratio(self, text: str, m: re.Match[str]) -> tuple[list[Span], int] | None:
        num = self._small_value(m.group("rnum"))
        den = self._small_value(m.group("rden"))
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
        if out_of and den not in (2, 3, 4, 5, 6, 8, 10, 100, 1000):
            return None  # "12 out of 37": a part of a whole, read as figures
        fig = self._share(m, 100.0 * num / den, "ratio")
        return [self._span(text, fig, "ratio")], m.end()

    def _vague(self, text: str, m: re.Match[str]) -> tuple[list[Span], int]:
        """ "thousands of", "tens of millions of": a range spanning one decade."""
        low, high = self.lex.vague[m.group("vague").lower()]
        span = Span(
            m.start(),
            m.end(),
            Kind.RANGE,
            (low + high) / 2,
            low,
            high,
            "count",
            Bound.RANGE,
            "vague_magnitude",
        )
        nxt = self.lex.money_of_re.match(text, m.end())
        if nxt is not None:
            form = self.lex.unit_forms.get(nxt.group("u").casefold())
            if form is not None:
                span.unit, span.end = form.unit, nxt.end("u")
        return [span], span.end

    def _vulgar(self, text: str, m: re.Match[str]) -> tuple[list[Span], int] | None:
        """ "½ cup", "1½ miles", "¾ of the seats": a fraction written as one character."""
        frac = self.lex.vulgar[m.group("vfrac")]
        value = float(frac) + (int(m.group("vwhole")) if m.group("vwhole") else 0)
        fig = _Figure(m.start(), m.end(), value, 0.0, source="fraction")
        if m.group("vwhole") is None and _OF.match(text, m.end()):
            fig.value, fig.unit, fig.kind, fig.has_unit = 100.0 * value, "percent", Kind.PROPORTION, True
        else:
            self._extend_right(text, fig)
        return [self._span(text, fig, "single")], fig.end

    def _fold(self, text: str, m: re.Match[str]) -> tuple[list[Span], int] | None:
        """ "sixfold", "a 3-fold rise": a multiple, counted in times."""
        head = m.group()[:-4].rstrip("-")
        value = float(head) if head[0].isdigit() else self._small_value(head)
        if not value:
            return None
        fig = _Figure(m.start(), m.end(), float(value), 0.0, source="fold", has_unit=True)
        return [self._span(text, fig, "multiple")], m.end()

    def _small_value(self, token: str) -> int | None:
        token = token.strip()
        if token.isdigit():
            return int(token)
        return parse_words(re.findall(r"[A-Za-z]+", token))

    def _fraction(self, text: str, m: re.Match[str]) -> tuple[list[Span], int] | None:
        den_word = m.group("fden").lower()
        frac = self.lex.fractions[den_word]
        num_word = (m.group("fnum") or "").strip(" -\u00a0").lower()
        plural = den_word.endswith("s") and den_word != "halves"
        after = text[m.end() : m.end() + 12].lower()
        if not num_word:
            if den_word != "half":
                return None  # "third" alone is an ordinal
            prev = _prev_word(text, m.start(), _tail(text, m.start(), 1))
            if prev is not None and prev[1].lower() in self.lex.half_not_after:
                return None  # "the second half of the game"
            if after.startswith(("-", "way", " time")) or not re.match(
                r"\s*(of|the|a|an|its|their|his|her|our|[,.;])", after
            ):
                if not re.search(
                    r"(?i)(?:than|about|nearly|almost|over|under|roughly|around|only|just|some)[ \u00a0]+$",
                    text[max(0, m.start() - 16) : m.start()],
                ):
                    return None
            numerator = 1
        elif num_word in ("a", "an", "one"):
            if plural or not re.match(r"[ \u00a0-]*of(?![\w])", after):
                if den_word != "half" or num_word == "one":
                    return None  # "a third term", "one quarter" of a year
            numerator = 1
        else:
            numerator = parse_words([num_word]) or 0
            if numerator < 2 or not plural and den_word != "half":
                return None
        value = float(100 * frac * numerator)
        if value > 100:
            return None
        fig = self._share(m, value, "fraction")
        return [self._span(text, fig, "verbal_fraction")], m.end()

    def _share(self, m: re.Match[str], value: float, source: str) -> _Figure:
        """A share said in words ("a third", "one in five"): loose by the verbal-fraction tolerance."""
        return _Figure(
            m.start(),
            m.end(),
            value,
            self.tol["verbal_fraction"] * value,
            unit="percent",
            kind=Kind.PROPORTION,
            source=source,
            has_unit=True,
        )

    # ------------------------------------------------------------------ span building
    def _span(self, text: str, fig: _Figure, rule: str, end: int | None = None) -> Span:
        span = Span(
            start=fig.start,
            end=fig.end if end is None else end,
            kind=fig.kind,
            value=fig.value,
            low=fig.value,
            high=fig.value,
            unit=fig.unit,
            bound=Bound.EQ,
            rule=f"{fig.source}_{rule}" if rule == "single" else rule,
        )
        hedge = self._hedge(text, span)
        self._interval(span, fig.rounding, hedge)
        self._context_bounds(text, span)
        return span

    def _hedge_before(self, text: str, s: int) -> tuple[Hedge, int] | None:
        """The hedge phrase ending right before ``s`` (spaces allowed) and where it starts."""
        tail = _tail(text, s)
        if not tail:
            return None
        hedges = self.lex.hedges_before
        for k in range(len(tail), 0, -1):
            start = tail[-k][0]
            first = tail[-k][1]
            skip = len(first) - len(first.lstrip(_OPENERS))
            key = " ".join(t for _, t in tail[-k:])[skip:].lower()
            hedge = hedges.get(key)
            if hedge is not None:
                if key == "up to" and len(tail) > k and self._moves(tail[-k - 1][1]):
                    return None  # "edged back up to 4.8%": a movement, not a bound
                return hedge, start + skip
        return None

    def _moves(self, word: str) -> bool:
        """True for a word that makes "up to" a movement ("back", "went", "climbed")."""
        w = word.lower()
        return w == "back" or w.endswith("ing") or w in self.lex.change_verbs

    def _hedge(self, text: str, span: Span) -> Hedge | None:
        """The hedge phrase around ``span`` (extends the span over it), or None."""
        lex = self.lex
        found = self._hedge_before(text, span.start)
        hedge: Hedge | None = None
        if found is not None:
            hedge, start = found
            if hedge.phrase == "some" and span.kind == Kind.PROPORTION:
                hedge = None
            else:
                span.start = start
        am = lex.hedge_after_re.match(text, span.end)
        if am is not None and hedge is None:
            hedge = lex.hedges_after[am.group("h").lower()]
            span.end = am.end("h")
        if hedge is not None:
            span.hedge = hedge.phrase
            span.bound = hedge.bound
        return hedge

    def _interval(self, span: Span, rounding: float, hedge: Hedge | None) -> None:
        v = span.value
        r = abs(rounding)
        if hedge is None:
            span.low, span.high = v - r, v + r
            return
        t = self.tol[hedge.family] if hedge.family else None
        floor = (
            0.0
            if v >= 0 and span.unit not in ("degree_Celsius", "degree_Fahrenheit")
            else -math.inf
        )
        b = hedge.bound
        # A hedge states the figure's looseness itself, so its tolerance replaces rounding.
        if b == Bound.APPROX:
            t = t or 0.0
            a, c = v * (1 - t), v * (1 + t)
            span.low, span.high = min(a, c), max(a, c)
        elif b == Bound.ALMOST:
            t = t or 0.0
            span.low, span.high = min(v * (1 - t), v * (1 + t)), v
        elif b in (Bound.GT, Bound.GE):
            span.low = v
            span.high = max(v * (1 + t), v) if t is not None else math.inf
        elif b in (Bound.LT, Bound.LE):
            span.low = min(floor, v)
            span.high = v
        if span.low > v:
            span.low = v
        if span.high < v:
            span.high = v

    def _moved_before(self, text: str, s: int) -> bool:
        """True when a verb of movement leads up to "from" at ``s`` ("prices went up from")."""
        if self._change_before(text, s):
            return True
        lex = self.lex
        return any(
            w in lex.change_verbs or w in lex.movement_verbs
            for w in (t.lower() for _, t in _tail(text, s, 4))
        )

    def _change_before(self, text: str, s: int, verbs_only: bool = False) -> str | None:
        """ "rose (by)", "an increase of", "up" right before ``s``: the direction, or None."""
        lex = self.lex
        words = [t.lower() for _, t in _tail(text, s, 3)]
        if not words or words[-1][-1:] in ",;:.)":
            return None
        last = words[-1]
        if last == "of" and len(words) >= 2:
            return None if verbs_only else lex.change_nouns.get(words[-2])
        if last == "by":
            words = words[:-1]
            if not words:
                return None
            last = words[-1]
        if len(words) >= 2 and f"{words[-2]} {last}" in lex.change_verbs:
            return lex.change_verbs[f"{words[-2]} {last}"]
        return lex.change_verbs.get(last) or lex.change_adverbs.get(last)

    def _context_bounds(self, text: str, span: Span) -> None:
        """Mark a change ("rose by 2%", "a 5% rise") rather than a level."""
        direction = self._change_before(text, span.start)
        if direction is None:
            rm = self.lex.change_right_re.match(text, span.end)
            if rm is not None:
                direction = self.lex.change_nouns[rm.group("n").lower()]
        if direction is not None:
            span.change = Change(direction)


_SCANNERS: dict[tuple[tuple[str, float], ...], Scanner] = {}


def scan(text: str, tolerances: dict[str, float] | None = None) -> list[Span]:
    """Every quantity span in ``text`` (tolerances override the hedge families' defaults)."""
    key = tuple(sorted((tolerances or {}).items()))
    scanner = _SCANNERS.get(key)
    if scanner is None:
        scanner = Scanner(lexicon(), tolerances)
        if len(_SCANNERS) < 64:
            _SCANNERS[key] = scanner
    return scanner.scan(text)
