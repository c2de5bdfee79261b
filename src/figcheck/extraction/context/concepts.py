"""Concepts: which lexicon concept ("deaths", "troops") a sentence's words and a claim's clause name."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, Final

from ...lexicon.context import DET, ENTITY, EVENT, RATE, UNIT
from ...lexicon.measures import default_measures
from .sentence import SentenceContext, Tokens, nearest, phrase_at

__all__ = ["claim_concept", "concept_hits"]

def concept_hits(t: Tokens, marks: list[int]) -> list[tuple[int, int, str, int]]:
    """Concept terms at the marked words ``marks``: (start, end, concept, kind), longest match first."""
    index, lowers = t.lex.concepts, t.lowers
    hits: list[tuple[int, int, str, int]] = []
    free = 0
    for i in marks:
        phrases = index.get(lowers[i])
        if phrases is None or i < free:
            continue
        nxt = lowers[i + 1] if i + 1 < len(lowers) else None  # a phrase's second word, if any
        for rest, concept, kind in phrases:
            if rest and (rest[0] != nxt or not phrase_at(t, i, rest)):
                continue
            k = i + len(rest)
            if t.gaps[k + 1].startswith("-"):
                break  # "long- and medium-range": half of a compound word
            if kind == UNIT and i and t.roles.get(t.lowers[i - 1], 0) & RATE and t.joined(i):
                break  # "$9.99 per month" is money, not a duration
            hits.append((t.starts[i], t.ends[k], concept, kind))
            free = k + 1
            break
    return hits


def claim_concept(
    sc: SentenceContext,
    start: int,
    end: int,
    nlo: int,
    nhi: int,
    soft: tuple[int, int],
    hard: tuple[int, int],
) -> str | None:
    """The concept of the claim at ``[start, end)`` whose noun phrase spans ``[nlo, nhi)``."""
    hits = sc.hits
    if not hits:
        return None
    # 1. a word straight after the span ("40 miles long", "2,000 injured") or a unit word
    # inside it ("40 miles", "30 degrees") says what is measured
    p = bisect_left(hits, (end,))
    if p < len(hits) and hits[p][3] != ENTITY and sc.tokens.text[end : hits[p][0]] == " ":
        return hits[p][2]
    p -= 1
    if p >= 0 and hits[p][0] >= start and hits[p][1] <= end:
        return hits[p][2]
    # 2. what happened, said in the noun ("fatalities") or the clause ("were killed")
    lo, hi = min(nlo, start), max(nhi, end)
    q = bisect_left(hits, (hi,)) - 1
    while q >= 0 and hits[q][0] >= lo:
        if hits[q][1] <= hi and hits[q][3] == EVENT:
            return hits[q][2]
        q -= 1
    found = _governing_event(sc, start, end, hi)
    if found is not None:
        return found
    # 3. what kind of thing is counted ("troops", "fighter jets")
    q = bisect_left(hits, (hi,)) - 1
    while q >= 0 and hits[q][0] >= lo:
        if hits[q][1] <= hi and hits[q][3] != UNIT:
            return hits[q][2]
        q -= 1
    return nearest(hits, start, end, soft[0], soft[1], _is_entity)


_GAP: Final = 60  # characters between a figure and the verb that governs it, at most


def _governing_event(sc: SentenceContext, start: int, end: int, hi: int) -> str | None:
    """The event verb the figure is the object or subject of, read in its own clause only.

    "killed at least 31 people", "1,351 soldiers were reportedly killed": only hedges and
    articles may stand between verb and figure, only auxiliaries between the figure's
    noun phrase and a verb after it. In "the storm cut power to 9,000 homes and killed
    three" the 9,000 homes are not deaths.
    """
    hits, t = sc.hits, sc.tokens
    lex = default_measures()
    p = bisect_left(hits, (start,)) - 1
    if p >= 0 and hits[p][3] == EVENT and _only(t, hits[p][1], start, lex.fillers):
        return hits[p][2]
    q = bisect_left(hits, (hi,))
    if q < len(hits) and hits[q][3] == EVENT and _only(t, hi, hits[q][0], lex.auxiliaries):
        return hits[q][2]
    return None


def _only(t: Tokens, a: int, b: int, allowed: frozenset[str]) -> bool:
    """Is ``t.text[a:b]`` blanks and words that are articles or in ``allowed``?"""
    if b - a > _GAP:
        return False
    gap = t.text[a:b]
    if not gap.strip():
        return gap != ""
    words = gap.split()
    if len(words) > 5 or not gap[0].isspace() or not gap[-1].isspace():
        return False
    return all(w in allowed or t.roles.get(w, 0) & DET for w in (w.lower() for w in words))


def _is_entity(hit: tuple[Any, ...]) -> bool:
    return hit[3] == ENTITY
