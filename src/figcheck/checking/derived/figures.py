"""Figures the derived checks read that the extractor leaves as context.

- multiplier changes: "almost tripled", "halved" (a ratio new / old, kept as a change in percent);
- fraction changes: "a third higher", "a quarter lower";
- the bare items of a list ("the Democrats 58, the Greens 26") inside a span a check names;
- durations written as words: "month-long", "now in its second year", "the past decade".

Hedges come from ``data/hedges.toml``; a multiplier or a fraction word without a hedge is read
as "about" (the ``approximate`` and ``verbal_fraction`` tolerances).

>>> from figcheck.checking.derived.view import DocView
>>> v = DocView("d", "Sales have almost tripled since then.", [])
>>> [(c.text, round(c.low), round(c.high)) for c in multiplier_changes(v)]
[('almost tripled', 170, 200)]
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping

from ...claims import Bound, Change, Claim, Kind
from ...lexicon.scanner import lexicon
from ...regex_cache import compile_pattern
from .rules import phrase_pattern, rules
from .view import DocView

__all__ = [
    "duration_words",
    "from_to_levels",
    "fraction_changes",
    "fraction_shares",
    "hedged_interval",
    "list_items",
    "multiplier_changes",
]

# Units written in words that figcheck's unit registry names by another unit.
_UNIT_SCALE = {"decade": ("year", 10.0), "fortnight": ("week", 2.0)}
_BARE_NUMBER = compile_pattern(r"(?<![\w.,$€£%-])\d{1,3}(?:,\d{3})*+(?![\w%$€£]|[.,]\d)")


def _tolerance(family: str, tolerances: Mapping[str, float] | None) -> float:
    if tolerances and family in tolerances:
        return tolerances[family]
    return lexicon().tolerances.get(family, 0.1)


@functools.cache
def _hedge_before() -> re.Pattern[str]:
    return phrase_pattern(list(lexicon().hedges_before), suffix=r"\s+$")


def hedged_interval(text_before: str, x: float, default_family: str,
                    tolerances: Mapping[str, float] | None = None) -> tuple[float, float, Bound, int]:
    """(low, high, bound, hedge length) of ``x`` given the text right before it.

    >>> hedged_interval("more than ", 2.0, "approximate")[:3]
    (2.0, inf, <Bound.GT: '>'>)
    """
    m = _hedge_before().search(text_before[-30:])
    if m is None:
        t = _tolerance(default_family, tolerances)
        return x * (1 - t), x * (1 + t), Bound.APPROX, 0
    phrase = re.sub(r"\s+", " ", m.group(0).strip().casefold())
    hedge = lexicon().hedges_before.get(phrase)
    if hedge is None:
        return x, x, Bound.EQ, 0
    t = _tolerance(hedge.family, tolerances) if hedge.family not in (None, "none") else 0.0
    b = hedge.bound
    if b == Bound.ALMOST:
        lo, hi = x * (1 - t), x
    elif b == Bound.APPROX:
        lo, hi = x * (1 - t), x * (1 + t)
    elif b in (Bound.GT, Bound.GE):
        lo, hi = x, (x * (1 + t) if t else math.inf)
    elif b in (Bound.LT, Bound.LE):
        lo, hi = (x * (1 - t) if t else 0.0), x
    else:
        lo, hi = x, x
    return lo, hi, b, len(m.group(0))


@functools.cache
def _multiplier_re() -> re.Pattern[str]:
    return phrase_pattern(list(rules().multipliers))


def _as_change(ratio_lo: float, ratio_hi: float) -> tuple[float, float]:
    return 100.0 * (ratio_lo - 1), (100.0 * (ratio_hi - 1) if math.isfinite(ratio_hi) else math.inf)


def multiplier_changes(view: DocView, tolerances: Mapping[str, float] | None = None) -> list[Claim]:
    """"doubled", "almost tripled", "halved" as changes in percent (ratio − 1)."""
    out: list[Claim] = []
    if not any(w in view.folded for w in rules().multipliers):
        return out
    for m in _multiplier_re().finditer(view.text):
        ratio = rules().multipliers[re.sub(r"\s+", " ", m.group(0).casefold())]
        before = view.text[max(0, m.start() - 30):m.start()]
        lo, hi, bound, hedge_len = hedged_interval(before, ratio, "approximate", tolerances)
        if ratio < 1 and bound in (Bound.GT, Bound.GE):  # "more than halved": fell by more
            lo, hi = 0.0, ratio
        clo, chi = _as_change(lo, hi)
        value = 100.0 * (ratio - 1)
        out.append(view.make_claim(
            m.start() - hedge_len, m.end(), kind=Kind.PROPORTION, value=value, low=clo, high=chi,
            unit="percent", bound=bound, rule="derived_multiplier",
            change=Change.INCREASE if ratio > 1 else Change.DECREASE,
        ))
    return out


@functools.cache
def _fraction_change_re() -> re.Pattern[str]:
    r = rules()
    fractions = phrase_pattern(list(r.fraction_words))
    return compile_pattern(
        rf"(?P<f>{fractions.pattern})\s+(?:(?P<up>{r.fraction_up.pattern})|(?P<down>{r.fraction_down.pattern}))"
        r"(?!\s+(?:of|than\s+(?:half|a|one)\b))",
        re.IGNORECASE,
    )


def fraction_changes(view: DocView, tolerances: Mapping[str, float] | None = None) -> list[Claim]:
    """"a third higher", "a quarter lower" as signed changes in percent."""
    out = []
    for m in _fraction_change_re().finditer(view.text):
        pct = rules().fraction_words[re.sub(r"\s+", " ", m.group("f").casefold())]
        before = view.text[max(0, m.start() - 30):m.start()]
        lo, hi, bound, hedge_len = hedged_interval(before, pct, "verbal_fraction", tolerances)
        up = m.group("up") is not None
        out.append(view.make_claim(
            m.start() - hedge_len, m.end(), kind=Kind.PROPORTION, value=pct if up else -pct,
            low=lo if up else -hi, high=hi if up else -lo, unit="percent", bound=bound,
            rule="derived_fraction_change", change=Change.INCREASE if up else Change.DECREASE,
        ))
    return out


@functools.cache
def _fraction_share_re() -> re.Pattern[str]:
    fractions = phrase_pattern(list(rules().fraction_words))
    hedges = phrase_pattern(list(lexicon().hedges_before))
    return compile_pattern(
        rf"(?:[,—–(]|\bor\b)\s*(?P<s>(?:{hedges.pattern}\s+)?(?P<f>{fractions.pattern}))"
        r"(?=\s*(?:[.,;:)—–]|$))",
        re.IGNORECASE,
    )


def fraction_shares(view: DocView, tolerances: Mapping[str, float] | None = None) -> list[Claim]:
    """A fraction word set off after a figure ("1.1 million of them, about a third.") as a share
    in percent, where the extractor made no claim of it."""
    out = []
    for m in _fraction_share_re().finditer(view.text):
        s, e = m.span("s")
        if view.covered(s, e):
            continue
        pct = rules().fraction_words[re.sub(r"\s+", " ", m.group("f").casefold())]
        lo, hi, bound, hedge_len = hedged_interval(view.text[s:m.start("f")], pct,
                                                   "verbal_fraction", tolerances)
        out.append(view.make_claim(s, e, kind=Kind.PROPORTION, value=pct, low=lo, high=hi,
                                   unit="percent", bound=bound, rule="derived_fraction_share"))
    return out


_FROM_TO = compile_pattern(r"(\d[\d,]*+(?:\.\d++)?)\s+to\s+(\d[\d,]*+(?:\.\d++)?)")


def literal_interval(literal: str) -> tuple[float, float, float]:
    """(value, low, high) of a plain number as written: half a unit of its last decimal, or of
    its last non-zero digit when it ends in zeros ("3,200" is 3,150–3,250).

    >>> literal_interval("3,200"), literal_interval("4.5")
    ((3200.0, 3150.0, 3250.0), (4.5, 4.45, 4.55))
    """
    digits = literal.replace(",", "")
    value = float(digits)
    if "." in digits:
        half = 0.5 * 10 ** -len(digits.split(".")[1])
    else:
        stripped = digits.rstrip("0")
        half = 0.5 * 10 ** (len(digits) - len(stripped)) if stripped and stripped != digits else 0.0
    return value, round(value - half, 10), round(value + half, 10)


def from_to_levels(view: DocView, claim: Claim) -> list[Claim]:
    """The two levels of a "from 3,200 to 5,900" the extractor read as one range, when a change
    word says it is a movement; otherwise no claims."""
    if claim.kind != Kind.RANGE or claim.unit != "count":
        return []
    m = _FROM_TO.fullmatch(claim.text)
    before = view.text[max(claim.sentence_start, claim.start - 8):claim.start]
    if m is None or not re.search(r"\bfrom\s+$", before, re.IGNORECASE):
        return []
    out = []
    for g in (1, 2):
        value, lo, hi = literal_interval(m.group(g))
        out.append(view.make_claim(claim.start + m.start(g), claim.start + m.end(g),
                                   kind=Kind.COUNT, value=value, low=lo, high=hi, unit="count",
                                   rule="derived_from_to"))
    return out


def list_items(view: DocView, start: int, end: int) -> list[Claim]:
    """Bare whole numbers in ``text[start:end]`` that no claim covers, as exact counts.

    Used only inside a list a sum check has found ("the Democrats 58, the Greens 26").
    """
    out = []
    for m in _BARE_NUMBER.finditer(view.text, start, end):
        if view.covered(m.start(), m.end()):
            continue
        value = float(m.group(0).replace(",", ""))
        out.append(view.make_claim(m.start(), m.end(), kind=Kind.COUNT, value=value, low=value,
                                   high=value, unit="count", rule="derived_list_item"))
    return out


@functools.cache
def _duration_word_re() -> re.Pattern[str]:
    r = rules()
    units = "|".join(sorted(r.units_in_days, key=lambda u: (-len(u), u)))
    ordinals = "|".join(sorted(r.ordinals, key=lambda o: (-len(o), o)))
    return compile_pattern(
        rf"(?<![\w-])(?P<long>(?P<lu>{units})-long)(?!\w)"
        rf"|(?<![\w-])(?P<ord>(?P<on>{ordinals})\s+(?P<ou>{units}))(?!\w)"
        rf"|(?<=\bthe\s)(?P<past>(?:past|last)\s+(?P<pu>{units}))(?!\w)",
        re.IGNORECASE,
    )


def duration_words(view: DocView) -> list[Claim]:
    """"month-long" (one month), "second year" (at least 1, less than 2 years), "past decade"."""
    out: list[Claim] = []
    r = rules()
    if not any(w in view.folded for w in ("-long", "past ", "last ", "its ", "their ", "his ",
                                          "her ", "the ")):
        return out
    for m in _duration_word_re().finditer(view.text):
        if view.covered(m.start(), m.end()):
            continue
        if m.group("long"):
            unit, lo, hi, value, rule = m.group("lu").casefold(), 1.0, 1.0, 1.0, "derived_long"
            s, e = m.span("long")
        elif m.group("ord"):
            n = r.ordinals[m.group("on").casefold()]
            before = view.text[max(0, m.start() - 12):m.start()].casefold()
            if not re.search(r"\b(?:its|their|his|her|the)\s+$", before):
                continue
            unit, lo, hi, value, rule = m.group("ou").casefold(), n - 1.0, float(n), n - 0.5, "derived_ordinal"
            s, e = m.span("ord")
        else:
            unit, lo, hi, value, rule = m.group("pu").casefold(), 1.0, 1.0, 1.0, "derived_past"
            s, e = m.span("past")
        scale = _UNIT_SCALE.get(unit)
        if scale is not None:
            unit, factor = scale
            lo, hi, value = lo * factor, hi * factor, value * factor
        out.append(view.make_claim(s, e, kind=Kind.DURATION, value=value, low=lo, high=hi,
                                   unit=unit, rule=rule,
                                   bound=Bound.RANGE if rule == "derived_ordinal" else Bound.EQ))
    return out
