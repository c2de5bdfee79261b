"""Figures that agree across two documents: evidence for a corroboration, never for a conflict.

Alignment weighs frames only; the figures never enter the match weight, so a conflict rests on
what the claims are about. Two reports of one event that write compatible figures ("9%" and
"9%", "61.4%" and "just over 61%") are, however, likelier to state one fact than two claims
picked at random: :func:`figure_agreement` gives that extra weight, which only helps a pair reach
``corroborate`` (see ``[alignment]`` in ``data/checks.toml``). It is withheld when the frames
speak against the pair (both measures known and different) or when only one claim states its
period (a look-alike from another year is the commonest distractor).

>>> from figcheck.extraction.extractor import extract
>>> from figcheck.checking.frames import frames_of
>>> a, b = frames_of(extract("Turnout was 61.4%.", doc_id="a")
...                  + extract("Just over 61% voted.", doc_id="b"))
>>> figure_agreement(a, b, ()).text
'compatible figures (61.4% / Just over 61%)'
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

from ..claims import Claim
from .evidence import Field, align_weights
from .frames import Frame, root
from .intervals import Interval, convert_interval, is_physical
from .options import CheckOptions
from .precision import written_interval

__all__ = ["figure_agreement", "figures_meet"]


_NEAR = 0.5  # a measure word this close to its figure names it


@functools.cache
def _measure_tolerance() -> float:
    return CheckOptions().measure_tolerance


def _widened(iv: Interval, unit: str) -> Interval:
    """``iv`` (of a claim in ``unit``) widened by the measure tolerance for a physical unit."""
    return iv.widened(_measure_tolerance()) if is_physical(unit) else iv


def figures_meet(a: Claim, b: Claim) -> bool:
    """True when the two claims' intervals (hedges and written precision included) meet."""
    return _meet(a, written_interval(a), b, written_interval(b))


def _meet(a: Claim, wa: Interval, b: Claim, wb: Interval) -> bool:
    """``figures_meet`` of claims whose written intervals are ``wa`` and ``wb``."""
    if a.unit == b.unit:
        return _widened(wa, a.unit).meets(_widened(wb, b.unit))
    try:
        return _widened(wa, a.unit).meets(_widened(convert_interval(wb, b.unit, a.unit), b.unit))
    except Exception:  # units that do not convert never agree
        return False


def _written(f: Frame) -> Interval:
    return f.written if f.written is not None else written_interval(f.claim)


def _digits(claim: Claim) -> int:
    """Significant digits of the claim's value ("412,000" -> 3, "9%" -> 1, "0.5%" -> 1)."""
    return len(f"{abs(claim.value):.15g}".replace(".", "").replace("-", "").strip("0"))


def _names_own_figure(f: Frame) -> bool:
    """The claim's measure is written right by its figure ("30,000 members")."""
    return bool(f.measure_words) and all(
        max(f.local.get(m, 0.0), f.local.get(root(m), 0.0)) >= _NEAR for m in f.measure_words)


def figure_agreement(a: Frame, b: Frame, fields: Iterable[Field]) -> Field | None:
    """The weight two compatible figures of two documents add to a corroboration, or None.

    ``fields`` are the pair's evidence fields (:func:`~figcheck.checking.evidence.score_pair`).
    """
    ca, cb = a.claim, b.claim
    if ca.doc_id == cb.doc_id:
        return None
    w = align_weights()
    if any(f.name == "measure" and f.weight <= w.measure_disagree for f in fields):
        return None
    if (a.period is None) != (b.period is None):
        return None
    if not _meet(ca, _written(a), cb, _written(b)):
        return None
    measure = next((f.weight for f in fields if f.name == "measure"), 0.0)
    # A one-digit figure is a common coincidence: two that each say plainly what they count, in
    # different words, are two facts ("30,000 members" / "30,000 season tickets").
    plain = measure < 0 and _names_own_figure(a) and _names_own_figure(b)
    same = ca.unit == cb.unit and ca.value == cb.value
    if same and min(_digits(ca), _digits(cb)) >= 2:
        return Field("figure", w.same_figure, f"the same figure in both ({ca.text} / {cb.text})")
    if same:
        if plain:
            return None
        return Field("figure", w.figure_one_digit,
                     f"the same figure in both ({ca.text} / {cb.text})")
    # "more than 6,000" allows any larger figure: its agreement says less
    bounded = all(math.isfinite(x) for c in (ca, cb) for x in (c.low, c.high))
    weight = w.figure_compatible if bounded else w.figure_open
    return Field("figure", weight, f"compatible figures ({ca.text} / {cb.text})")
