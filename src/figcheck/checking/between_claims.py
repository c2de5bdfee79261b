"""Claims against each other, inside one document and across documents, by fact group.

:func:`figcheck.checking.align.align` decides which claims state the same fact. Inside each fact
group a sweep over the members' sorted interval ends finds the values most members allow
(on the line, intervals share a point exactly when every pair meets); members outside that range
are conflicts with their nearest member inside it, and only when the pair's match weight clears
the ``conflict`` threshold (``conflict_within_document`` inside one document) — a false conflict
costs more than a missed one. Linked members that agree across documents are corroborations (a
figure repeated inside one document corroborates nothing). Every record carries the evidence in
words and its fact group id.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Mapping, Sequence

from ..claims import Claim
from ..findings import CheckId, Corroboration, Finding, compact_record
from ..frozen_record import FrozenRecord
from .align import Alignment, align
from .currencies import currency_conflicts
from .evidence import ONE_SIDED, Evidence, Field, align_weights
from .intervals import Interval, convert_interval, is_physical, rel_gap
from .precision import written_interval
from .options import CheckOptions, severity

__all__ = ["Comparisons", "compare_aligned", "compare_claims", "conflicts", "consensus",
           "nearest_inside"]


def _common_unit(claims: Sequence[Claim]) -> str:
    # One unit chosen from the members themselves, so the order of input never changes the
    # arithmetic and conflict stays symmetric to the last bit.
    return min(c.unit for c in claims)


def _interval(claim: Claim, unit: str, options: CheckOptions) -> Interval:
    """The claim's interval with its written precision, in ``unit``, widened like
    :func:`~figcheck.checking.intervals.claim_interval`."""
    iv = convert_interval(written_interval(claim), claim.unit, unit)
    return iv.widened(options.measure_tolerance) if is_physical(claim.unit) else iv


def consensus(intervals: Sequence[Interval]) -> tuple[Interval, list[int]]:
    """The range of values most intervals allow, and the indices of the intervals holding it.

    A sweep over the sorted ends: O(n log n), never all pairs. Ties keep the lowest range.

    >>> consensus([Interval(1, 5), Interval(4, 9), Interval(20, 30)])
    (Interval(low=4, high=5), [0, 1])
    """
    events = sorted([(iv.low, 0, i) for i, iv in enumerate(intervals)]
                    + [(iv.high, 1, i) for i, iv in enumerate(intervals)])
    depth, best, at = 0, -1, 0.0
    active: set[int] = set()
    best_members: list[int] = []
    end = at
    for x, kind, i in events:
        if kind == 0:
            active.add(i)
            depth += 1
            if depth > best:
                best, at, best_members = depth, x, sorted(active)
                end = min(intervals[k].high for k in active)
        else:
            active.discard(i)
            depth -= 1
    return Interval(at, end), best_members


# Up to this many members inside a consensus, the nearest is found by trying each.
_FEW = 16


class _Nearest:
    """The member of a consensus nearest an interval outside it: least ``abs(rel_gap)``, then
    least index. Members of a large consensus are looked up in their sorted ends."""

    def __init__(self, inside: Sequence[int], iv_of: Mapping[int, Interval]) -> None:
        self.inside, self.iv_of = inside, iv_of
        ivs = [iv_of[k] for k in inside]
        self.sorted = len(inside) > _FEW and all(iv.low > 0 for iv in ivs)
        if self.sorted:
            # Every member holds the consensus: a value below it meets the members whose low
            # is at most its high (the first of them, by index), else is nearest the least low.
            self.by_low = sorted(inside, key=lambda k: (iv_of[k].low, k))
            self.lows = [iv_of[k].low for k in self.by_low]
            self.first_low = list(itertools.accumulate(self.by_low, min))
            self.by_high = sorted(inside, key=lambda k: (-iv_of[k].high, k))
            self.highs = [-iv_of[k].high for k in self.by_high]
            self.first_high = list(itertools.accumulate(self.by_high, min))
            self.top = min(iv.high for iv in ivs)

    def __call__(self, iv: Interval) -> int:
        if not self.sorted or iv.low <= 0:
            return min(self.inside, key=lambda k: (abs(rel_gap(iv, self.iv_of[k])), k))
        if iv.high < self.top:  # below the consensus
            met = bisect.bisect_right(self.lows, iv.high)
            return self.first_low[met - 1] if met else self.by_low[0]
        met = bisect.bisect_right(self.highs, -iv.low)  # above it
        return self.first_high[met - 1] if met else self.by_high[0]


def nearest_inside(inside: Sequence[int], iv_of: Mapping[int, Interval]
                   ) -> Callable[[Interval], int]:
    """A function giving, for an interval outside the consensus held by ``inside`` (indices
    into ``iv_of``), the member nearest it: least ``abs(rel_gap)``, then least index."""
    return _Nearest(sorted(inside), iv_of)


class Comparisons(FrozenRecord):
    """What the fact groups gave: conflicts, corroborations, and near misses per claim."""

    findings: list[Finding]
    corroborations: list[Corroboration]
    weak: dict[int, str]
    alignment: Alignment


def _finding(a: Claim, b: Claim, unit: str, ia: Interval, ib: Interval, ev: Evidence,
             group: int, options: CheckOptions) -> Finding:
    """``b`` conflicts with ``a``; intervals expressed in ``b``'s unit."""
    ia, ib = convert_interval(ia, unit, b.unit), convert_interval(ib, unit, b.unit)
    case = "conflict_within_document" if a.doc_id == b.doc_id else "conflict_across_documents"
    why = ev.describe()
    return compact_record(Finding, {
        "check": CheckId.CONFLICT,
        "severity": severity(case),
        "claim": b,
        "claimed_low": float(ib.low),
        "claimed_high": float(ib.high),
        "unit": b.unit,
        "other": a,
        "expected_low": float(ia.low),
        "expected_high": float(ia.high),
        "rel_diff": float(rel_gap(ib, ia)),
        "tolerance": float(options.measure_tolerance) if is_physical(b.unit) else None,
        "message": (
            f"{b.text!r} at {b.location()} ({ib.describe(b.unit)}) "
            f"conflicts with {a.text!r} at {a.location()} "
            f"({ia.describe(b.unit)}); same fact because: {why}."
        ),
        "evidence": why,
        "group": group,
    })


def _corroboration(a: Claim, b: Claim, unit: str, ia: Interval, ev: Evidence, group: int
                   ) -> Corroboration:
    why = ev.describe()
    shown = convert_interval(ia, unit, b.unit)
    return compact_record(Corroboration, {
        "claim": b,
        "other": a,
        "message": (
            f"{b.text!r} at {b.location()} agrees with {a.text!r} at {a.location()} "
            f"({shown.describe(b.unit)}); same fact because: {why}."
        ),
        "evidence": why,
        "group": group,
    })


def compare_aligned(claims: Sequence[Claim], alignment: Alignment,
                    options: CheckOptions | None = None) -> Comparisons:
    """Conflicts and corroborations of the fact groups of ``alignment``."""
    options = options or CheckOptions()
    w = align_weights()
    findings: list[Finding] = []
    corroborations: list[Corroboration] = []
    weak: dict[int, str] = {}
    want_conflicts = options.runs(CheckId.CONFLICT)
    group_of = alignment.group_of()
    links_of: dict[int, list[tuple[int, int]]] = {}
    for la, lb in alignment.linked:
        if la in group_of:
            links_of.setdefault(group_of[la], []).append((la, lb))
    for gid, members in enumerate(alignment.groups, 1):
        unit = _common_unit([claims[i] for i in members])
        ivs = [_interval(claims[i], unit, options) for i in members]
        _, inside_pos = consensus(ivs)
        inside = {members[p] for p in inside_pos}
        iv_of = dict(zip(members, ivs, strict=True))
        for la, lb in links_of.get(gid, ()):
            if la in iv_of and lb in iv_of and la in inside and lb in inside:
                a, b = claims[la], claims[lb]
                if a.doc_id != b.doc_id:
                    corroborations.append(
                        _corroboration(a, b, unit, iv_of[la], alignment.link(la, lb).why(), gid))
        nearest = nearest_inside(inside, iv_of)
        for i in members:
            if i in inside:
                continue
            # The nearest member inside the consensus is the one it conflicts with.
            j = nearest(iv_of[i])
            ev = alignment.score(i, j)
            same_doc = claims[i].doc_id == claims[j].doc_id
            needed = w.conflict_within_document if same_doc else w.conflict
            measured = any(f.name == "measure" and f.weight > 0 for f in ev.fields)
            part = next((f for f in ev.fields if f.name == ONE_SIDED), None)
            if not ev.vetoed and ev.weight >= needed and part is not None:
                weak[i] = _possibly(claims[j], f"{part.text}: one may be a part of the other "
                                                f"({ev.describe()})")
                continue
            if not ev.vetoed and ev.weight >= needed and not measured:
                weak[i] = _possibly(claims[j], f"nothing shows they measure the same thing "
                                                f"({ev.describe()})")
                continue
            if ev.vetoed or ev.weight < needed:
                weak[i] = _possibly(claims[j], f"the evidence is too weak to call a conflict "
                                                f"({ev.describe()}; a conflict needs {needed:.1f})")
                continue
            if want_conflicts:
                a, b = (j, i) if j < i else (i, j)
                findings.append(_finding(claims[a], claims[b], unit, iv_of[a], iv_of[b], ev,
                                         gid, options))
    corroborations.extend(_same_figures(claims, alignment, options))
    if want_conflicts:
        findings.extend(currency_conflicts(claims, alignment, options))
    return Comparisons(findings, corroborations, weak, alignment)


def _possibly(other: Claim, but: str) -> str:
    """Why a claim whose value differs from ``other``'s is not called a conflict."""
    return (f"possibly the same fact as {other.text!r} at {other.location()}, whose value "
            f"differs, but {but}")


def _same_figure(a: Claim, b: Claim) -> bool:
    """Both claims write one telling figure: equal values of two or more significant digits."""
    if a.unit != b.unit or a.value != b.value:
        return False
    digits = len(f"{abs(a.value):.15g}".replace(".", "").strip("0"))
    return digits >= 2


def _same_figures(claims: Sequence[Claim], alignment: Alignment, options: CheckOptions
                  ) -> list[Corroboration]:
    """Corroborations of claims left alone whose near-miss pair writes the same figure."""
    grouped = {i for g in alignment.groups for i in g}
    used: set[int] = set()
    out = []
    gid = len(alignment.groups)
    for ia, ib in alignment.near_misses:
        if ia in grouped or ib in grouped or ia in used or ib in used:
            continue
        a, b = claims[ia], claims[ib]
        if not _same_figure(a, b):
            continue
        used.update((ia, ib))
        gid += 1
        unit = _common_unit([a, b])
        ev = alignment.score(ia, ib)
        extra = f"the same figure in both ({a.text} / {b.text})"
        ev = Evidence(ev.weight, (*ev.fields, Field("figure", 0.0, extra)))
        out.append(_corroboration(a, b, unit, _interval(a, unit, options), ev, gid))
    return out


def compare_claims(
    claims: Sequence[Claim], options: CheckOptions | None = None,
    texts: Mapping[str, str] | None = None,
) -> tuple[list[Finding], list[Corroboration]]:
    """Conflicts (as findings) and cross-document corroborations among ``claims``.

    Each conflict is reported once, on the later claim in input order, with the earlier one as
    ``other``. ``texts`` (doc id -> text) lets a subject named elsewhere in a document count.
    """
    options = options or CheckOptions()
    alignment = align(claims, texts, strict_periods=options.strict_periods)
    result = compare_aligned(claims, alignment, options)
    return result.findings, result.corroborations


def conflicts(a: Claim, b: Claim, options: CheckOptions | None = None) -> bool:
    """True when ``a`` and ``b`` are aligned as one fact and cannot both hold."""
    found, _ = compare_claims([a, b], options)
    return bool(found)
