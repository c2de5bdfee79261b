"""The CQE scoring protocol (Almasian et al., EMNLP 2023) and a strict one-to-one variant.

Scoring is per sentence over (value, unit, change, concept) tuples; character
spans play no part. ``score_mirrored`` re-implements the published protocol,
quirks included, as described in the NewsQuant README of the benchmark data;
``score_strict`` counts a maximum one-to-one matching per metric instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Self

__all__ = [
    "METRICS",
    "NO_UNIT",
    "Quantity",
    "Tally",
    "concepts_match",
    "max_matching",
    "prf",
    "score_mirrored",
    "score_strict",
    "values_match",
]

METRICS = ("value", "value+unit", "value+change", "concept partial", "concept complete")
NO_UNIT = "-"

# numpy.isclose defaults as the original scorer passes them explicitly.
_RTOL = 1e-5
_ATOL = 1e-8

Value = float | tuple[float, float] | None


@dataclass(frozen=True)
class Quantity:
    """One gold or predicted tuple in CQE's vocabulary.

    Attributes:
        value: a number, a ``(first, second)`` pair for a range in text order,
            or None for an unparsable prediction (it never matches).
        unit: CQE's normalised unit name, case kept (``"-"`` when there is none).
        change: the 6-way label ``= ~ > < up down``; None when not annotated.
        concepts: concept tokens (``("-",)`` for "none"); None when not annotated.
        note: free text shown by ``--misses`` (surface text and rule); not scored.
    """

    value: Value
    unit: str = NO_UNIT
    change: str | None = None
    concepts: tuple[str, ...] | None = None
    note: str = field(default="", compare=False)


@dataclass
class Tally:
    """True positives per metric plus the gold and prediction counts they are rated on."""

    gold: int = 0
    pred: int = 0
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(METRICS, 0))

    def __iadd__(self, other: Tally) -> Self:
        self.gold += other.gold
        self.pred += other.pred
        for metric in METRICS:
            self.tp[metric] += other.tp[metric]
        return self

    def scores(self, metric: str, extra_pred: int = 0) -> tuple[float, float, float]:
        """P, R, F1 (x100, one decimal) for ``metric``; ``extra_pred`` adds unseen predictions."""
        return prf(self.tp[metric], self.gold, self.pred + extra_pred)


def prf(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    """Micro precision, recall and F1, x100 and rounded to one decimal as the paper does.

    >>> prf(3, 4, 6)
    (50.0, 75.0, 60.0)
    >>> prf(0, 4, 0)
    (0.0, 0.0, 0.0)
    """
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    if p + r == 0:
        return (0.0, 0.0, 0.0)
    f1 = 2.0 * p * r / (p + r)
    # Python's round() on the x100 float, not decimal rounding: the published
    # figures were produced this way and differ in a few last digits otherwise.
    return (round(p * 100, 1), round(r * 100, 1), round(f1 * 100, 1))


def _close(gold: float, pred: float) -> bool:
    # numpy.isclose(gold, pred): asymmetric, the tolerance scales with the prediction.
    return gold == pred or abs(gold - pred) <= _ATOL + _RTOL * abs(pred)


def values_match(gold: Value, pred: Value) -> bool:
    """True when two values match: numbers within tolerance, ranges end by end in order.

    >>> values_match(6, 6.00001), values_match((3, 5), (3, 5)), values_match((3, 5), (5, 3))
    (True, True, False)
    >>> values_match((3, 5), 4)
    False
    """
    if gold is None or pred is None:
        return False
    if isinstance(gold, tuple) != isinstance(pred, tuple):
        return False
    if isinstance(gold, tuple) and isinstance(pred, tuple):
        return _close(gold[0], pred[0]) and _close(gold[1], pred[1])
    return _close(float(gold), float(pred))  # type: ignore[arg-type]


def concepts_match(gold: Sequence[str] | None, pred: Sequence[str] | None) -> tuple[bool, bool]:
    """(partial, complete) concept match on lower-cased tokens.

    Partial: the token sets meet. Complete: the intersection is as large as
    both token *lists* (so a gold list that repeats a token never matches
    completely, as in the original metric).

    >>> concepts_match(["Steep", "fall"], ["fall"])
    (True, False)
    >>> concepts_match(["-"], ["-"])
    (True, True)
    """
    if gold is None or pred is None:
        return (False, False)
    g = [t.lower() for t in gold]
    p = [t.lower() for t in pred]
    common = set(g) & set(p)
    return (bool(common), len(common) == len(g) == len(p))


def _unit_key(q: Quantity) -> str:
    return q.unit


def score_mirrored(gold: Sequence[Quantity], pred: Sequence[Quantity]) -> Tally:
    """Score one sentence with the published CQE protocol.

    Both lists are sorted by unit string (case-sensitive, stable). Each gold
    scans the remaining predictions in order; every value match adds a value
    TP (capped at the sentence's gold count), a change TP when labels are
    equal and concept TPs when tokens match; a match whose lower-cased units
    are equal also adds a value+unit TP, consumes the prediction and ends the
    scan for that gold.
    """
    tally = Tally(gold=len(gold), pred=len(pred))
    remaining = sorted(pred, key=_unit_key)
    value_budget = len(gold)
    for g in sorted(gold, key=_unit_key):
        for i, p in enumerate(remaining):
            if not values_match(g.value, p.value):
                continue
            if value_budget > 0:
                tally.tp["value"] += 1
                value_budget -= 1
            if g.change is not None and g.change == p.change:
                tally.tp["value+change"] += 1
            partial, complete = concepts_match(g.concepts, p.concepts)
            tally.tp["concept partial"] += partial
            tally.tp["concept complete"] += complete
            if g.unit.lower() == p.unit.lower():
                tally.tp["value+unit"] += 1
                del remaining[i]
                break
    return tally


# One edge predicate per metric for the strict variant.
_EDGES: dict[str, Callable[[Quantity, Quantity], bool]] = {
    "value": lambda g, p: values_match(g.value, p.value),
    "value+unit": lambda g, p: values_match(g.value, p.value) and g.unit.lower() == p.unit.lower(),
    "value+change": lambda g, p: (
        values_match(g.value, p.value) and g.change is not None and g.change == p.change
    ),
    "concept partial": lambda g, p: (
        values_match(g.value, p.value) and concepts_match(g.concepts, p.concepts)[0]
    ),
    "concept complete": lambda g, p: (
        values_match(g.value, p.value) and concepts_match(g.concepts, p.concepts)[1]
    ),
}


def max_matching(
    gold: Sequence[Quantity], pred: Sequence[Quantity], edge: Callable[[Quantity, Quantity], bool]
) -> dict[int, int]:
    """A maximum one-to-one matching ``{gold index: prediction index}`` under ``edge``."""
    adj = [[j for j, p in enumerate(pred) if edge(g, p)] for g in gold]
    owner: dict[int, int] = {}  # prediction index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def score_strict(gold: Sequence[Quantity], pred: Sequence[Quantity]) -> Tally:
    """Score one sentence one-to-one: per metric, the size of a maximum gold/prediction matching.

    The criteria are the protocol's (value+change and the concept metrics are
    not conditioned on the unit), but no prediction and no gold counts twice.
    """
    tally = Tally(gold=len(gold), pred=len(pred))
    for metric, edge in _EDGES.items():
        tally.tp[metric] = len(max_matching(gold, pred, edge))
    return tally
