"""Candidate pairs of alignment: which claims are scored against each other, in near-linear time.

1. Claims are blocked by unit dimension; no pair crosses two blocks.
2. A block of at most ``max_block`` claims: every pair of it is scored.
3. A larger block: claims meet only through *keys* they share: the measure, the ``_RARE_KEYS``
   rarest words near the figure, each word of the subject. The block's claims are put in one
   order (measure, subject, period, role, qualifiers, then value in the block's first unit),
   and for each of its keys a claim meets the ``neighbours`` claims on either side of it among
   those sharing the key. Claims that agree on measure, subject, period, role and qualifiers
   score alike on every field but the shared words and the prior, so the nearest of them in
   that order are a claim's strongest counterparts, and among those the nearest in value come
   first. A claim that disagrees with its fact group is compared (by
   :mod:`figcheck.checking.between_claims`) with the nearest member of the group's consensus,
   whether or not that one was a candidate. The cost is at most ``2 * neighbours`` pairs per
   key of a claim, whatever the size of the block.

Each pair is yielded once (``i < j``), without a set of all pairs: a claim collects its later
partners from its keys, then the next claim's.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from itertools import combinations

from ..units import convert
from .frames import Frame

__all__ = ["candidate_pairs"]

# Keys of a large block: the measure and this many of the rarest words near the figure.
_RARE_KEYS = 3
_KEY_NEAR = 0.5


def _keys(f: Frame, idf: Mapping[str, float], rare: dict[int, list[str]]
          ) -> list[tuple[str, str]]:
    """The claim's keys; ``rare`` keeps the rarest words of each reading of the words near a
    figure (by ``id``: frames read alike share one)."""
    keys = [("m", f.measure)] if f.measure else []
    near = rare.get(id(f.local))
    if near is None:
        near = rare[id(f.local)] = sorted((w for w, x in f.local.items() if x >= _KEY_NEAR),
                                          key=lambda w: (-idf[w], w))[:_RARE_KEYS]
    keys += [("w", w) for w in near]
    keys += [("s", w) for w in sorted(f.subject)]
    return keys


def _value(f: Frame, unit: str) -> float:
    """The claim's value in ``unit`` (its own value when it does not convert)."""
    value = f.claim.value
    if f.claim.unit != unit:
        try:
            value = convert(value, f.claim.unit, unit)
        except Exception:  # a unit pint cannot relate: its own value still orders it
            pass
    return value if not math.isnan(value) else math.inf


def _ranks(frames: Sequence[Frame], members: Sequence[int]) -> dict[int, int]:
    """Each member's place in the order of measure, subject, period, role, qualifiers, value."""
    unit = frames[members[0]].claim.unit

    def order(i: int) -> tuple[object, ...]:
        f = frames[i]
        return (f.measure or "", sorted(f.subject), f.period.text if f.period else "", f.role,
                str(f.claim.change or ""), sorted(f.qualifiers), _value(f, unit), i)

    return {i: r for r, i in enumerate(sorted(members, key=order))}


def _large_block(frames: Sequence[Frame], members: Sequence[int], idf: Mapping[str, float],
                 neighbours: int) -> Iterator[tuple[int, int]]:
    rare: dict[int, list[str]] = {}
    keys_of = {i: _keys(frames[i], idf, rare) for i in members}
    del rare
    groups: dict[tuple[str, str], list[int]] = {}
    for i in members:
        for k in keys_of[i]:
            groups.setdefault(k, []).append(i)
    rank = _ranks(frames, members)
    ordered: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
    for k, group in groups.items():
        by_rank = sorted(group, key=rank.__getitem__)
        ordered[k] = (by_rank, [rank[i] for i in by_rank])
    del groups
    for i in members:
        partners: set[int] = set()
        later = i.__lt__
        at = rank[i]
        for k in keys_of.pop(i):
            by_rank, ranks = ordered[k]
            p = bisect_left(ranks, at)
            partners.update(filter(later, by_rank[max(0, p - neighbours): p + neighbours + 1]))
        for j in sorted(partners):
            yield i, j


def candidate_pairs(frames: Sequence[Frame], idf: Mapping[str, float], max_block: int,
                    neighbours: int) -> Iterator[tuple[int, int]]:
    """Candidate pairs (i < j, positions in ``frames``), each once, never all pairs of a
    block above ``max_block``; ``idf`` gives a word's rarity."""
    blocks: dict[str, list[int]] = {}
    for k, f in enumerate(frames):
        if f.dimension is not None:  # level vs change is a field, not a block: "12% more" is both
            blocks.setdefault(f.dimension, []).append(k)
    for members in blocks.values():
        if len(members) <= max_block:
            yield from combinations(members, 2)
        else:
            yield from _large_block(frames, members, idf, neighbours)
