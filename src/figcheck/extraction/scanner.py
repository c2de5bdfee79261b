"""Text to quantity claims: the rule-based scanner at the heart of extraction.

The scanner walks the text once, left to right. At each candidate figure
(digits, number words, a verbal fraction, a ratio) it reads outwards with
anchored patterns: currency and hedge to the left; scale, unit, percent and
trailing hedge to the right; then whether the figure pairs with the next one
(a range, a part of a whole). Every pattern is anchored at a known position
and uses possessive repetition, so the scan is linear in the text length.

The jobs live in their own modules: ``reading`` (one figure), ``shares``
(ratios, fractions, multiples), ``combining`` (ranges, parts of a whole),
``bounds`` (hedges, intervals, change words) and ``nonclaims`` (what is not a
quantity). Word lists come from the ScannerLexicon (``figcheck/data``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from typing import Final

from ..claims import Claim, Kind
from ..lexicon.scanner import lexicon
from ..regex_cache import compile_pattern
from .combining import combine, movement_end
from .nonclaims import named_at
from .numerals import MAX_MAGNITUDE
from .patterns import Grammar, grammar
from .reading import out_of_range, read_figure
from .shares import fold, fraction, ratio, vague, vulgar
from .tokens import forget_tails

__all__ = ["next_atom", "scan"]

_GRAMMARS: Final[dict[tuple[tuple[str, float], ...], Grammar]] = {}
_TINY: Final = 1 / MAX_MAGNITUDE  # the smallest magnitude numerals.in_range allows (or zero)


def scan(text: str, tolerances: Mapping[str, float] | None = None) -> list[Claim]:
    """Every quantity in ``text`` as a Claim, ordered and non-overlapping.

    The claims carry what the figure's own words say (value, interval, unit,
    bound, change, and the possessor of a part's whole as ``subject``);
    ``extract`` fills the document, sentence, location and context fields.
    ``tolerances`` override the hedge families' defaults.
    """
    key = tuple(sorted((tolerances or {}).items()))
    g = _GRAMMARS.get(key)
    if g is None:
        g = grammar(lexicon(), tolerances)
        if len(_GRAMMARS) < 64:
            _GRAMMARS[key] = g
    try:
        return _scan(g, text)
    finally:
        forget_tails()  # do not keep the text alive


def _scan(g: Grammar, text: str) -> list[Claim]:
    entries, digits, maybe_named, after_letter = g.entry.points(text)
    # figures glued to a currency code ("USD10m") start where no word boundary is (looked
    # for only where a letter stands right before a digit: few texts have one)
    glued = (
        [m.end() for m in g.lex.currency_glued_re.finditer(text)]
        if digits and (after_letter or not g.glued_after_ascii)
        else []
    )
    gi = 0
    n_glued = len(glued)
    claims: list[Claim] = []
    pos = 0
    n = len(text)
    # whether the text holds a fixed name (-1: not looked yet; most texts have none)
    names = -1 if maybe_named else 0
    while pos < n:
        m = g.atom.search(text, pos) if entries is None else next_atom(g, text, pos, entries)
        while gi < n_glued and glued[gi] < pos:
            gi += 1
        if gi < n_glued and (m is None or glued[gi] < m.start()):
            m = g.glued_digits.match(text, glued[gi])
            gi += 1
        if m is None:
            break
        s = m.start()
        if names < 0:
            names = int(g.named_gate.search(text) is not None)
        named = named_at(g, text, s) if names else None
        if named is not None:
            pos = named
            continue
        result = _read(g, text, m)
        if result is None:
            pos = m.end() if m.end() > s else s + 1
            continue
        new, pos = result
        while new and claims and new[0].start <= claims[-1].start:
            claims.pop()  # "two and a half billion": the claim read back over "two" replaces it
        if new and claims:
            before = claims[-1]
            # the cheap tests of _restated_change and movement_end first: most claims are neither
            if before.change is not None and new[0].change is None:
                new[0] = _restated_change(text, before, new[0])
            if before.rule.endswith("_from"):
                new[0] = movement_end(text, before, new[0])
            if new[0].start < claims[-1].end:  # "18 and over 500": one hedge read twice
                start = claims[-1].end + len(text[claims[-1].end : new[0].end]) - len(
                    text[claims[-1].end : new[0].end].lstrip()
                )
                new[0] = new[0].model_copy(update={"start": start, "text": text[start : new[0].end]})
        claims.extend(new)
    return claims


def next_atom(g: Grammar, text: str, pos: int, entries: list[int]) -> re.Match[str] | None:
    """What ``g.atom.search(text, pos)`` finds, tried only at the candidate ``entries``."""
    match = g.atom.match
    at_digit = g.digit_atom.match
    plain = g.num_atom.match
    for k in range(bisect_left(entries, pos), len(entries)):
        p = entries[k]
        if text[p].isdecimal():
            # most digits start a plain figure: its pattern alone, unless what follows it
            # may make a ratio ("3 in 10": up to three digits, spaces, "in"/"out") or a
            # multiple ("4-fold", "10fold"), which ``digit_atom`` tries first
            m = plain(text, p)
            if m is not None:
                e = m.end()
                c = text[e : e + 1]
                if c in "fF-" or (
                    c in " \u00a0" and e - p <= 3 and text[e + 1 : e + 2] in "io \u00a0"
                ):
                    m = at_digit(text, p)
            else:
                m = at_digit(text, p)
        else:
            m = match(text, p)
        if m is not None:
            return m
    return None


_RESTATED: Final = compile_pattern(
    r"[ \u00a0]*+(?:,[ \u00a0]*+or|\(|,[ \u00a0]*+or[ \u00a0]++by|or)[ \u00a0]*+")


def _restated_change(text: str, before: Claim, claim: Claim) -> Claim:
    """ "an increase of $205 billion, or 26%": the share restates the change before it."""
    if before.change is None or claim.change is not None or claim.kind != Kind.PROPORTION:
        return claim
    m = _RESTATED.match(text, before.end)
    if m is None or m.end() != claim.start:
        return claim
    return claim.model_copy(update={"change": before.change})


def _read(g: Grammar, text: str, m: re.Match[str]) -> tuple[list[Claim], int] | None:
    """The claims an atom starts and where to resume, or None if it is not a quantity."""
    kind = m.lastgroup
    if kind == "num" or kind == "word":
        pass  # most atoms: a figure, read below
    elif kind == "vul":
        return vulgar(g, text, m)
    elif kind == "fold":
        return fold(g, text, m)
    elif kind == "vague":
        return vague(g, text, m)
    elif kind == "ratio":
        found = ratio(g, text, m)
        if found is not None:
            return found
        # not a ratio ("12 out of 37"): read its first figure as usual
        atom = g.figure_atom.match(text, m.start())
        if atom is None:
            return None
        m = atom
    elif kind == "frac":
        return fraction(g, text, m)
    fig = read_figure(g, text, m)
    if fig is None:
        return None
    v = abs(fig.value)
    if not (_TINY <= v <= MAX_MAGNITUDE) and v != 0 and out_of_range(text, fig):
        return [], max(fig.end, m.end())
    return combine(g, text, fig)
