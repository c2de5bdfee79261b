"""Claims against each other, inside one document and across documents.

Two claims are compared only when their keys are compatible (:mod:`figcheck.checking.keys`): same
subject and concept (or noun), same unit dimension, same period when both name one. They
``conflict`` when their intervals, converted to one unit, share no value; hedges are already part
of the intervals, so "nearly 1,400" agrees with "1,351" and "more than 2,000" conflicts with
"1,800". Agreeing claims from *different* documents are recorded as corroborations (a figure
repeated inside one document corroborates nothing).

Claims are first grouped by key in one pass, so the work grows with the number of claims times
the size of their group, never with all pairs of a corpus.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..claims import Claim
from ..findings import CheckId, Corroboration, Finding
from .keys import ClaimKey, compatible, group_claims, key_of
from .intervals import Interval, claim_interval, fmt_interval, is_physical, rel_gap
from .options import CheckOptions, severity

__all__ = ["compare_claims", "conflicts", "describe_key"]


def _common_unit(a: Claim, b: Claim) -> str:
    # One unit chosen from the pair itself, so comparing (a, b) and (b, a) does the same
    # arithmetic and conflict stays symmetric to the last bit.
    return min(a.unit, b.unit)


def _same_span(a: Claim, b: Claim) -> bool:
    return a.doc_id == b.doc_id and a.start < b.end and b.start < a.end


def _intervals(a: Claim, b: Claim, options: CheckOptions) -> tuple[Interval, Interval]:
    unit = _common_unit(a, b)
    return claim_interval(a, unit, options), claim_interval(b, unit, options)


def conflicts(a: Claim, b: Claim, options: CheckOptions | None = None) -> bool:
    """True when ``a`` and ``b`` are about the same thing and cannot both hold."""
    options = options or CheckOptions()
    ka, kb = key_of(a), key_of(b)
    if ka is None or kb is None or _same_span(a, b):
        return False
    if not compatible(ka, kb, strict_periods=options.strict_periods):
        return False
    ia, ib = _intervals(a, b, options)
    return not ia.meets(ib)


def describe_key(key: ClaimKey) -> str:
    """A short human description of what a key is about ("russia / deaths / soldier")."""
    parts = [" ".join(key.subject), key.concept or "", " ".join(sorted(key.noun))]
    if key.period is not None:
        parts.append(key.period.text)
    return " / ".join(p for p in parts if p)


def _finding(a: Claim, b: Claim, key: ClaimKey, options: CheckOptions) -> Finding:
    """``b`` (the later claim) conflicts with ``a``; intervals expressed in ``b``'s unit."""
    ia, ib = _intervals(a, b, options)
    unit = _common_unit(a, b)
    ia, ib = ia.to(unit, b.unit), ib.to(unit, b.unit)
    case = "conflict_within_document" if a.doc_id == b.doc_id else "conflict_across_documents"
    return Finding(
        check=CheckId.CONFLICT,
        severity=severity(case),
        claim=b,
        claimed_low=ib.low,
        claimed_high=ib.high,
        unit=b.unit,
        other=a,
        expected_low=ia.low,
        expected_high=ia.high,
        rel_diff=rel_gap(ib, ia),
        tolerance=options.measure_tolerance if is_physical(b.unit) else None,
        message=(
            f"{b.text!r} at {b.location()} ({fmt_interval(ib, b.unit)}) conflicts with "
            f"{a.text!r} at {a.location()} ({fmt_interval(ia, b.unit)}); both are about "
            f"{describe_key(key)}."
        ),
    )


def _corroboration(a: Claim, b: Claim, options: CheckOptions) -> Corroboration:
    ia, _ = _intervals(a, b, options)
    return Corroboration(
        claim=b,
        other=a,
        message=(
            f"{b.text!r} at {b.location()} agrees with {a.text!r} at {a.location()} "
            f"({fmt_interval(ia.to(_common_unit(a, b), b.unit), b.unit)})."
        ),
    )


def compare_claims(
    claims: Sequence[Claim], options: CheckOptions | None = None
) -> tuple[list[Finding], list[Corroboration]]:
    """Conflicts (as findings) and cross-document corroborations among ``claims``.

    Each conflicting pair is reported once, on the later claim in input order, with the earlier
    one as ``other``.
    """
    options = options or CheckOptions()
    findings: list[Finding] = []
    corroborations: list[Corroboration] = []
    want_conflicts = options.runs(CheckId.CONFLICT)
    for group in group_claims(claims):
        members = list(zip(group.claims, group.keys, strict=True))
        for i, (b, kb) in enumerate(members):
            for a, ka in members[:i]:
                if _same_span(a, b) or not compatible(
                    ka, kb, strict_periods=options.strict_periods
                ):
                    continue
                ia, ib = _intervals(a, b, options)
                if not ia.meets(ib):
                    if want_conflicts:
                        findings.append(_finding(a, b, kb, options))
                elif a.doc_id != b.doc_id:
                    corroborations.append(_corroboration(a, b, options))
    return findings, corroborations
