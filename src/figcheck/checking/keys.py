"""Claim keys: which claims are about the same thing, so that comparing them means something.

A claim is keyed by what DESIGN.md calls subject + concept (or its normalised noun), period and
unit dimension. Claims that share a *block* (subject, concept, dimension, change) are candidates;
inside a block a pair is compared only when nouns and periods are compatible. A claim that names
neither a concept nor a noun has no key and is never compared: figcheck does not guess.

>>> period_of("2014-04-14/2021-12-31")
Period(first=2014, last=2021, text='2014-04-14/2021-12-31')
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
import datetime as dt
from dataclasses import dataclass, field

from ..claims import Change, Claim
from ..lexicon.matching import matching_lexicon, words
from ..regex_cache import compile_pattern
from ..timespans import TimeSpan, parse_period
from ..units import dimension

__all__ = [
    "ClaimGroup",
    "ClaimKey",
    "Period",
    "compatible",
    "group_claims",
    "key_of",
    "period_of",
]

_MIN_DAY, _MAX_DAY = dt.date.min, dt.date.max  # the open side of "since 2012" / "until 2030"
# A year 1000-2999 not glued to other digits; "1990s" reads as the decade.
_YEAR = compile_pattern(r"(?<!\d)([12]\d{3})(s?)(?!\d)")


@dataclass(frozen=True)
class Period:
    """The years a period covers (``first``..``last``), or only its text when it names none.

    ``span`` is the exact span when the text is a normalised period (``2024-03``,
    ``2023-10/2023-12``, ``2012/``, ``FY2022-23``; see :mod:`figcheck.timespans`): two
    months of one year are then different periods, "since 2012" is not "2012", and a fiscal
    year is not the calendar year it overlaps.
    """

    first: int | None
    last: int | None
    text: str
    span: TimeSpan | None = field(default=None, repr=False, compare=False)

    def same(self, other: Period) -> bool:
        """True when both name the same span (the same years, or with no years, the same words)."""
        if self.span is not None and other.span is not None:
            return self.span == other.span
        if self.first is None or other.first is None:
            return self.first is None and other.first is None and words(self.text) == words(
                other.text
            )
        return (self.first, self.last) == (other.first, other.last)

    def overlaps(self, other: Period) -> bool:
        """True when the two periods share a day (a year, when either is only known by its
        years or is a fiscal year); with no years, when they are the same."""
        a, b = self.span, other.span
        if a is not None and b is not None and a.fiscal is None and b.fiscal is None:
            lo_a, hi_a = a.first_day or _MIN_DAY, a.last_day or _MAX_DAY
            lo_b, hi_b = b.first_day or _MIN_DAY, b.last_day or _MAX_DAY
            return lo_a <= hi_b and lo_b <= hi_a
        if self.first is None or other.first is None or self.last is None or other.last is None:
            return self.same(other)
        return self.first <= other.last and other.first <= self.last

    def years(self) -> frozenset[str]:
        """The first and last year as strings, to look for in a sentence."""
        return frozenset(str(y) for y in (self.first, self.last) if y is not None)


@functools.lru_cache(maxsize=8192)
def period_of(text: str | None) -> Period | None:
    """The period named by ``text`` ("2001", "2014-2022", "2022-02-24/2022-03-25"), or None.

    >>> period_of("2024-03").same(period_of("2024-04")), period_of("2012/").same(period_of("2012"))
    (False, False)
    >>> period_of("FY2022-23").first, period_of("FY2022-23").last
    (2022, 2023)
    """
    if text is None or not text.strip():
        return None
    span = parse_period(text)
    if span is not None:
        first, last = span.years
        return Period(first, last, text.strip(), span)
    years: list[int] = []
    for m in _YEAR.finditer(text):
        y = int(m.group(1))
        years.extend((y, y + 9) if m.group(2) else (y,))
    if not years:
        return Period(None, None, text.strip())
    return Period(min(years), max(years), text.strip())


@dataclass(frozen=True)
class ClaimKey:
    """What a claim is about, normalised: the part of a claim that decides what it is compared with.

    ``block`` is what claims must share to be compared at all; ``noun`` and ``period`` are then
    compared pairwise by :func:`compatible`.
    """

    subject: tuple[str, ...]
    concept: str | None
    noun: frozenset[str]
    period: Period | None
    dimension: str
    change: Change | None
    wildcard_noun: bool

    @property
    def block(self) -> tuple[object, ...]:
        """The grouping key: claims in different blocks are never compared."""
        noun = () if self.wildcard_noun else tuple(sorted(self.noun))
        return (self.subject, self.concept, noun, self.dimension, self.change)


def key_of(claim: Claim) -> ClaimKey | None:
    """The key of ``claim``, or None when it says too little about what it counts to compare."""
    vocab = matching_lexicon()
    subject = tuple(w for w in words(claim.subject) if w not in vocab.stopwords)
    concept = claim.concept.strip().casefold() if claim.concept and claim.concept.strip() else None
    drop = vocab.stopwords | vocab.generic_nouns
    if concept is not None:
        drop = drop | vocab.concept_terms.get(concept, frozenset()) | set(words(concept))
    noun = frozenset(w for w in words(claim.noun) if w not in drop)
    # DESIGN.md: subject + concept, or the normalised noun (+ concept as its predicate).
    if concept is None and not noun:
        return None
    if concept is not None and not noun and (not subject or concept in vocab.noun_concepts):
        return None
    try:
        dim = dimension(claim.unit)
    except Exception:  # an unknown unit cannot be compared with anything
        return None
    return ClaimKey(
        subject=subject,
        concept=concept,
        noun=noun,
        period=period_of(claim.period),
        dimension=dim,
        change=claim.change,
        wildcard_noun=concept is not None and concept in vocab.wildcard_concepts,
    )


def compatible(a: ClaimKey, b: ClaimKey, *, strict_periods: bool = False) -> bool:
    """True when claims with keys ``a`` and ``b`` are about the same thing and may be compared."""
    if a.block != b.block:
        return False
    if a.noun != b.noun and not (a.wildcard_noun and (not a.noun or not b.noun)):
        return False
    if a.period is None or b.period is None:
        return not strict_periods or (a.period is None and b.period is None)
    return a.period.same(b.period)


@dataclass(frozen=True, eq=False, repr=False)
class ClaimGroup:
    """Claims sharing one block key, in input order, each with its full key."""

    block: tuple[object, ...]
    claims: tuple[Claim, ...]
    keys: tuple[ClaimKey, ...]


def group_claims(claims: Iterable[Claim]) -> list[ClaimGroup]:
    """Claims grouped by block key (one pass, a dict); claims without a key are left out."""
    blocks: dict[tuple[object, ...], tuple[list[Claim], list[ClaimKey]]] = {}
    for claim in claims:
        key = key_of(claim)
        if key is None:
            continue
        members, keys = blocks.setdefault(key.block, ([], []))
        members.append(claim)
        keys.append(key)
    return [ClaimGroup(b, tuple(m), tuple(k)) for b, (m, k) in blocks.items()]
