"""A sentence read once for the context step: its words, clause breaks and the shared look-ups.

:class:`Tokens` cuts a sentence into words with their offsets; :class:`SentenceContext`
is everything the other context modules index in it (concept hits, names, dates,
attributions, clause breaks), sorted by offset so that :func:`nearest` finds what lies
next to a claim with a bisect.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, Final

from ...lexicon.context import CLAUSE, LETTER, ContextLexicon
from ...regex_cache import compile_pattern
from .periods import SentencePeriods

__all__ = [
    "POSSESSIVE",
    "REACH",
    "SentenceContext",
    "Tokens",
    "break_after",
    "break_before",
    "break_marks",
    "clause_breaks",
    "nearest",
    "phrase_at",
]

# Clause breaks; a comma or colon followed by a digit is inside a number, not a break.
# A line break or an ellipsis usually ends a sentence the splitter missed.
_BREAK: Final = compile_pattern(r"[,:;()\[\]—…\n](?!(?<=[,:])\d)")

POSSESSIVE: Final = ("'s", "’s")

REACH: Final = 6  # words skipped in a row (link words, determiners, modifiers)

_SPACED_DASHES: Final = (" - ", " – ")

_SPLIT: Final = compile_pattern(rf"([{LETTER}][{LETTER}0-9]*+(?:['’\-][{LETTER}0-9]++)*+)")

# Bounds on every walk away from a claim, so a huge sentence with many claims stays linear:
_WALK: Final = 16  # candidates (names, concept hits, dates, sources) examined on each side


class Tokens:
    """A sentence cut into words: offsets, original and lower-case forms, and the gaps.

    ``gaps[i]`` is the text before word ``i``; ``gaps[-1]`` trails the last word.
    """

    __slots__ = ("ends", "gaps", "lex", "lowers", "roles", "starts", "text", "words")

    def __init__(self, text: str, lex: ContextLexicon) -> None:
        parts = _SPLIT.split(text)
        offsets = list(accumulate(map(len, parts)))
        self.text = text
        self.words: list[str] = parts[1::2]
        self.gaps: list[str] = parts[0::2]
        self.starts: list[int] = offsets[:-1:2]
        self.ends: list[int] = offsets[1::2]
        self.lowers: list[str] = list(map(str.lower, self.words))
        self.roles = lex.roles
        self.lex = lex

    def joined(self, i: int) -> bool:
        """Is word ``i`` separated from word ``i - 1`` by blanks only?"""
        gap = self.gaps[i]
        return gap == " " or (gap != "" and gap.isspace())


# Not frozen: a frozen class's __init__ sets each field through object.__setattr__, several
# times slower to build, and one is built per sentence. Nothing assigns to it after.
@dataclass(slots=True)
class SentenceContext:
    """What one sentence mentions, indexed by position; computed once per sentence.

    ``period`` and ``source`` are the sentence's first date and attribution;
    :func:`claim_context` picks the ones nearest each claim.
    """

    period: str | None
    source: str | None
    tokens: Tokens
    # Each list is sorted by start offset, so bisect finds the neighbours of a claim.
    hits: list[tuple[int, int, str, int]]  # concept hits: start, end, concept, kind
    names: list[tuple[int, int, str, int]]  # subject candidates: start, end, name, flags
    periods: SentencePeriods  # time expressions, resolved against the document's date
    sources: list[tuple[int, int, str, bool]]  # extent of cue and party, party, covers ahead
    soft: list[int]  # clause breaks: commas, clause words and everything in ``hard``
    hard: list[int]  # ; : brackets, dashes, ellipses and line breaks
    lines: list[int]  # line breaks: nothing is looked up across one


def phrase_at(t: Tokens, i: int, rest: tuple[str, ...]) -> bool:
    """Do the words after word ``i`` spell ``rest``, separated by blanks, "-" or "/"?"""
    lowers, gaps = t.lowers, t.gaps
    if i + len(rest) >= len(lowers) or lowers[i + 1] != rest[0]:
        return False
    for j, word in enumerate(rest, i + 1):
        if lowers[j] != word or not (t.joined(j) or gaps[j] in ("-", "/")):
            return False
    return True


def break_marks(text: str) -> list[int]:
    """Offsets of the marks that break a clause (commas, colons, brackets, dashes, ellipses,
    line breaks), a comma or colon inside a number left out."""
    return [m.start() for m in _BREAK.finditer(text)]


def clause_breaks(
    t: Tokens, marks: list[int], found: list[int] | None = None
) -> tuple[list[int], list[int]]:
    """Offsets of soft breaks (commas, clause words and all hard ones) and of hard breaks.

    ``found`` is :func:`break_marks` of the sentence, if the caller has it.
    """
    s = t.text
    soft = found if found is not None else break_marks(s)
    hard = [at for at in soft if s[at] != ","] if soft else []
    grown = False
    for dash in _SPACED_DASHES:
        at = s.find(dash)
        while at >= 0:
            hard.append(at + 1)
            grown = True
            at = s.find(dash, at + 1)
    roles, lowers = t.roles, t.lowers
    extra = [t.starts[i] for i in marks if roles.get(lowers[i], 0) & CLAUSE] if marks else []
    if grown or extra:
        hard.sort()
        soft = sorted(set(soft) | set(hard) | set(extra))
    return soft, hard


def break_before(breaks: list[int], pos: int) -> int:
    """The last break before ``pos``, or 0."""
    i = bisect_left(breaks, pos) - 1
    return breaks[i] if i >= 0 else 0


def break_after(breaks: list[int], pos: int, default: int) -> int:
    """The first break at or after ``pos``, or ``default``."""
    i = bisect_left(breaks, pos)
    return breaks[i] if i < len(breaks) else default


def _distance(lo: int, hi: int, start: int, end: int) -> int:
    if hi <= start:
        return start - hi
    if lo >= end:
        return lo - end
    return 0


def nearest(
    items: Sequence[tuple[Any, ...]],
    start: int,
    end: int,
    lo: int,
    hi: int,
    keep: Callable[[tuple[Any, ...]], object] | None = None,
) -> Any:
    """Field 2 of the item nearest ``[start, end)``, or None.

    Only items starting in ``[lo, hi)`` and passing ``keep`` count; ties go to the left.
    """
    p = bisect_left(items, (start,))  # (start,) sorts before any item starting at start
    best: tuple[Any, ...] | None = None
    best_d = 0
    for q in range(p - 1, max(p - 1 - _WALK, -1), -1):
        item = items[q]
        if item[0] < lo:
            break
        if keep is None or keep(item):
            best, best_d = item, _distance(item[0], item[1], start, end)
            break
    for q in range(p, min(p + _WALK, len(items))):
        item = items[q]
        if item[0] >= hi:
            break
        if keep is None or keep(item):
            if best is None or _distance(item[0], item[1], start, end) < best_d:
                best = item
            break
    return best[2] if best is not None else None
