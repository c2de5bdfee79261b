"""Alignment: which claims state the same fact, as links and fact groups, with evidence.

1. **Blocking.** Claims are blocked by unit dimension. A block of at most ``max_block``
   claims is scored pair by pair; in a larger one a claim meets only its ``neighbours`` among
   the claims sharing each of its keys (the measure, a rare word near the figure, a word of the
   subject), so the work stays near-linear (:mod:`figcheck.checking.candidates`).
2. **Scoring.** Each candidate pair gets a match weight from its frames
   (:func:`figcheck.checking.evidence.score_pair`); words weigh by their rarity in the run.
3. **One-to-one.** A fact is normally stated once per document: between two documents (and inside
   one) each claim keeps at most one link, the strongest first (greedy best match).
4. **Fact groups.** Links are joined into groups (union–find), strongest first. A link joins two
   groups only when their best members also match (``join_groups``) and no document would then
   hold two members that were not linked to each other: no chaining of look-alikes.

>>> from figcheck.extraction.extractor import extract
>>> claims = (extract("Floods killed 1,627 people last year.", doc_id="a")
...           + extract("Last year 1,672 people died in the floods.", doc_id="b"))
>>> result = align(claims)
>>> [(link.a, link.b) for link in result.links], result.groups
([(0, 1)], ((0, 1),))
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ..claims import Claim
from .evidence import Evidence, Field, align_weights, block_prior, score_pair
from .candidates import candidate_pairs
from .figures import figure_agreement
from .frames import Frame, frames_of

__all__ = ["Alignment", "Link", "WordCounts", "align", "align_frames"]



@dataclass(frozen=True)
class Link:
    """Two claims (indices into the run's claims, ``a < b``) aligned as one fact."""

    a: int
    b: int
    evidence: Evidence
    figure: Field | None = None  # compatible figures across documents (corroboration only)

    @property
    def weight(self) -> float:
        """The match weight a corroboration rests on: the evidence plus agreeing figures."""
        return self.evidence.weight + (self.figure.weight if self.figure is not None else 0.0)

    def why(self) -> Evidence:
        """The evidence in words, the agreeing figures included."""
        if self.figure is None:
            return self.evidence
        return Evidence(self.weight, (*self.evidence.fields, self.figure))


@dataclass(frozen=True)
class Alignment:
    """The frames of a run, the links kept, and the fact groups (tuples of claim indices).

    ``best`` maps a claim index to its strongest scored candidate that was *not* kept (weaker
    than a threshold or used up by one-to-one), so an unchecked claim can say what came close.
    ``links`` are scored when looked up, so a large run holds no evidence per link.
    ``near_misses`` are the pairs (``a < b``) across documents that fell short of ``corroborate`` by less
    than ``same_figure``, strongest first. ``pairs_scored`` counts the candidate pairs scored (the cost of the run); ``score(i, j)``
    gives the evidence for any two claims of the run, weighed as alignment weighed them.
    """

    frames: tuple[Frame, ...]
    links: Sequence[Link]
    groups: tuple[tuple[int, ...], ...]
    best: Mapping[int, Link]
    pairs_scored: int
    score: Callable[[int, int], Evidence]
    near_misses: tuple[tuple[int, int], ...] = ()
    #: The pairs of ``links`` (``a < b``, in order), without their evidence.
    linked: tuple[tuple[int, int], ...] = ()

    def link(self, a: int, b: int) -> Link:
        """Claims ``a`` and ``b`` as a link: their evidence and agreeing figures."""
        ev = self.score(a, b)
        return Link(a, b, ev, figure_agreement(self.frames[a], self.frames[b], ev.fields))

    def group_of(self) -> dict[int, int]:
        """Claim index -> fact group id (1-based, in order of each group's first claim)."""
        return {i: gid for gid, members in enumerate(self.groups, 1) for i in members}


# Word weights are counted in units of 2**-20, as integers: sums of parts then equal the sum
# of the whole exactly, in any order.
_WEIGHT_UNIT = 2**20


@dataclass(frozen=True)
class WordCounts:
    """How much each word stands near the figures of a run's claims, out of ``n`` claims.

    ``df`` maps a word to the sum of its weights near each claim's figure (0..1 each), in
    units of 2**-20; a word's rarity weight is ``log2(1 + n / sum)``. Counts of parts of a run
    add up exactly (``a + b``), so a run checked block by block weighs words as the whole run.
    """

    n: int = 0
    df: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, frames: Iterable[Frame]) -> WordCounts:
        """The counts of ``frames``."""
        # frames read alike share their words near the figure: each reading counted once, times
        # the frames holding it (integer counts: the same sums)
        readings: dict[int, tuple[Mapping[str, float], list[int]]] = {}
        n = 0
        for f in frames:
            found = readings.get(id(f.local))
            if found is None:
                readings[id(f.local)] = (f.local, [1])
            else:
                found[1][0] += 1
            n += 1
        df: Counter[str] = Counter()
        for local, (times,) in readings.values():
            for word, weight in local.items():
                df[word] += times * round(weight * _WEIGHT_UNIT)
        return cls(n, dict(df))

    def __add__(self, other: WordCounts) -> WordCounts:
        df = Counter(self.df)
        df.update(other.df)
        return WordCounts(self.n + other.n, dict(df))

    def idf(self) -> dict[str, float]:
        """Each counted word's rarity weight."""
        return {w: math.log2(1.0 + self.n * _WEIGHT_UNIT / k) for w, k in self.df.items() if k}


class _Linked(Sequence[Link]):
    """Links given as pairs of claims, each scored when looked up."""

    def __init__(self, pairs: Sequence[tuple[int, int]],
                 link: Callable[[int, int], Link]) -> None:
        self._pairs = pairs
        self._link = link

    def __getitem__(self, k):  # type: ignore[no-untyped-def]
        if isinstance(k, slice):
            return [self._link(*p) for p in self._pairs[k]]
        return self._link(*self._pairs[k])

    def __len__(self) -> int:
        return len(self._pairs)


class _Rescored(Mapping[int, Link]):
    """Claim index -> a link given as a pair of claims, its evidence scored when looked up."""

    def __init__(self, pairs: Mapping[int, tuple[int, int]],
                 link: Callable[[int, int], Link]) -> None:
        self._pairs = pairs
        self._link = link

    def __getitem__(self, i: int) -> Link:
        return self._link(*self._pairs[i])

    def __iter__(self) -> Iterator[int]:
        return iter(self._pairs)

    def __len__(self) -> int:
        return len(self._pairs)


class _Groups:
    """Union–find over claim indices that remembers each group's members by document."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.docs: dict[int, dict[str, list[int]]] = {}
        self.first: dict[int, int] = {}

    def add(self, i: int, doc: str) -> None:
        if i not in self.parent:
            self.parent[i] = i
            self.docs[i] = {doc: [i]}
            self.first[i] = i

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def share_documents(self, ra: int, rb: int, allowed: str | None) -> bool:
        """True when the groups of roots ``ra`` and ``rb`` both hold a member of some document
        other than ``allowed`` (looked up from the group with fewer documents)."""
        small, large = sorted((self.docs[ra], self.docs[rb]), key=len)
        return any(doc in large and doc != allowed for doc in small)

    def union(self, ra: int, rb: int) -> None:
        if len(self.docs[ra]) < len(self.docs[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        for doc, members in self.docs.pop(rb).items():
            self.docs[ra].setdefault(doc, []).extend(members)
        self.first.pop(rb)


def align(claims: Sequence[Claim], texts: Mapping[str, str] | None = None, *,
          strict_periods: bool = False) -> Alignment:
    """Align ``claims``: candidate pairs scored, links kept one-to-one, fact groups built.

    ``texts`` (doc id -> text) tells what each document mentions; ``strict_periods`` pairs a
    claim of unknown period only with claims of unknown period.
    """
    frames = frames_of(claims, texts)
    return align_frames(frames, WordCounts.of(frames), strict_periods=strict_periods)


def align_frames(frames: Sequence[Frame], counts: WordCounts, *,
                 strict_periods: bool = False) -> Alignment:
    """Align claims by their frames; links and groups hold positions in ``frames``. ``counts``
    weigh the words (those of the whole run, when ``frames`` are one block of it)."""
    w = align_weights()
    idf_table = counts.idf()

    def idf(word: str) -> float:
        return idf_table.get(word, 1.0)

    per_doc: Counter[tuple[str, str | None]] = Counter(
        (f.claim.doc_id, f.dimension) for f in frames)
    # each claim's document and how many figures of its kind that document holds
    doc_of = [f.claim.doc_id for f in frames]
    size_of = [per_doc[(f.claim.doc_id, f.dimension)] for f in frames]
    del per_doc

    priors: dict[tuple[int, int], Field] = {}  # few distinct block sizes: each prior once

    def score(i: int, j: int) -> Evidence:
        if i > j:
            i, j = j, i
        prior = None
        if doc_of[i] != doc_of[j]:
            sizes = (size_of[i], size_of[j])
            prior = priors.get(sizes)
            if prior is None:
                prior = priors[sizes] = block_prior(*sizes)
        return score_pair(frames[i], frames[j], idf, strict_periods=strict_periods, prior=prior)

    # Only weights are kept of the pairs scored; the evidence of a link is scored again when
    # it is used (the few kept), so a large run holds no evidence per candidate pair.
    # (-conflicting, -strength, a, b, weight, evidence weight), strongest first once sorted
    scored: list[tuple[float, float, int, int, float, float]] = []
    low: dict[int, tuple[float, float, int, int, float, float]] = {}  # closest weak pair
    # Below this a pair can neither be kept nor be a near miss (agreeing figures only add).
    weak = min(0.0, w.corroborate - w.same_figure, w.corroborate)
    n_scored = 0
    for i, j in candidate_pairs(frames, idf_table, int(w.max_block), int(w.neighbours)):
        n_scored += 1
        ev = score(i, j)
        if ev.vetoed:
            continue
        fig = figure_agreement(frames[i], frames[j], ev.fields)
        total = ev.weight + (fig.weight if fig is not None else 0.0)
        # Links that may make a conflict come first, by their evidence alone; below that,
        # agreeing figures decide which of two look-alike candidates a claim keeps.
        conflicting = ev.weight >= w.conflict
        strength = ev.weight if conflicting else total
        entry = (-float(conflicting), -strength, i, j, total, ev.weight)
        if conflicting or total >= weak or (fig is not None and fig.weight < 0):
            scored.append(entry)
            continue
        for k in (i, j):  # weaker than every link kept: of use only as a claim's closest
            if k not in low or entry < low[k]:
                low[k] = entry
    scored.sort()
    used: set[tuple[int, str]] = set()
    kept: list[tuple[int, int]] = []
    best: dict[int, tuple[int, int]] = {}
    near_misses: list[tuple[int, int]] = []
    for _, _, a, b, total, raw in scored:
        da, db = frames[a].claim.doc_id, frames[b].claim.doc_id
        # Inside one document only a link strong enough for a conflict is kept: a repeat
        # corroborates nothing, and weak links inside a document only chain look-alikes.
        floor = w.conflict_within_document if da == db else w.corroborate
        if total < floor or (a, db) in used or (b, da) in used:
            for k in (a, b):
                best.setdefault(k, (a, b))
            if da != db and raw >= w.corroborate - w.same_figure:
                near_misses.append((a, b))
            continue
        used.update({(a, db), (b, da)})
        kept.append((a, b))
    for k, (_, _, a, b, _, _) in low.items():
        best.setdefault(k, (a, b))
    groups = _Groups()
    joined: list[tuple[int, int]] = []
    for a, b in kept:  # strongest first
        fa, fb = frames[a], frames[b]
        groups.add(a, fa.claim.doc_id)
        groups.add(b, fb.claim.doc_id)
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb:
            joined.append((a, b))
            continue
        if groups.share_documents(ra, rb, fa.claim.doc_id if fa.claim.doc_id == fb.claim.doc_id
                                  else None):
            best.setdefault(b, (a, b))
            continue  # a document would hold two members never linked to each other
        reps = (groups.first[ra], groups.first[rb])
        if sorted(reps) != [a, b]:
            ev = score(*reps)
            if ev.weight < w.join_groups:
                best.setdefault(b, (a, b))
                continue
        groups.union(ra, rb)
        joined.append((a, b))
    members: dict[int, list[int]] = {}
    for i in groups.parent:
        members.setdefault(groups.find(i), []).append(i)
    ordered = sorted((tuple(sorted(m)) for m in members.values()), key=lambda g: g[0])
    def link(a: int, b: int) -> Link:
        ev = score(a, b)
        return Link(a, b, ev, figure_agreement(frames[a], frames[b], ev.fields))

    linked = tuple(sorted(joined))
    return Alignment(tuple(frames), _Linked(linked, link), tuple(ordered), _Rescored(best, link),
                     n_scored, score, tuple(near_misses), linked)
