"""Coverage: every claim ends with one status, and an unchecked claim says why.

The status of a claim is the strongest thing checking found about it, in this order:
contradicted (a reference row disagrees), conflict (another claim of its fact group disagrees),
supported (a reference row agrees), corroborated (a claim of another document agrees), unchecked.
An unchecked claim gets its reason: no measure (nothing says what the figure counts), a possible
counterpart whose evidence was too weak, repeated only inside its own document, no reference row
fits, ambiguous rows, or no counterpart at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..claims import Claim
from ..findings import (
    CheckId, ClaimStatus, Comparison, Corroboration, Finding, Status, Verdict, compact_record,
)
from .align import Alignment

__all__ = ["between_statuses", "claim_statuses", "status_counts"]

# How a summary names them, and which one wins when several apply to one claim.
_ORDER = (Status.SUPPORTED, Status.CONTRADICTED, Status.CORROBORATED, Status.CONFLICT,
          Status.UNCHECKED)
_PRIORITY = {s: rank for rank, s in enumerate((
    Status.CONTRADICTED, Status.CONFLICT, Status.SUPPORTED, Status.CORROBORATED, Status.UNCHECKED))}


def _key(claim: Claim) -> tuple[str, int, int]:
    return (claim.doc_id, claim.start, claim.end)


def _between_reason(i: int, claim: Claim, alignment: Alignment, weak: Mapping[int, str],
                    groups: Mapping[int, int], one_doc: dict[int, bool]) -> str:
    """Why checking between claims left claim ``i`` unchecked (``one_doc`` caches, per fact
    group, whether all its members are of one document)."""
    if i in weak:
        return weak[i]
    frame = alignment.frames[i]
    gid = groups.get(i)
    if gid is not None:
        group = alignment.groups[gid - 1]
        if gid not in one_doc:
            one_doc[gid] = len({alignment.frames[j].claim.doc_id for j in group}) == 1
        if one_doc[gid] and len(group) > 1:
            other = alignment.frames[group[1] if group[0] == i else group[0]].claim
            return (f"repeated only in its own document ({other.text!r} at "
                    f"{other.location()}); a repeat corroborates nothing")
    if frame.dimension is None:
        return f"its unit {claim.unit!r} compares with nothing"
    if frame.measure is None and not frame.subject:
        return ("no measure: nothing says what the figure counts, and no other claim "
                "matches its context")
    best = alignment.best.get(i)
    if best is not None and not best.evidence.vetoed:
        j = best.b if best.a == i else best.a
        other = alignment.frames[j].claim
        return (f"no counterpart: the closest, {other.text!r} at {other.location()}, falls "
                f"short ({best.evidence.describe()})")
    return "no counterpart: no other claim states the same fact"


def _offers(index: Mapping[tuple[str, int, int], int]) -> tuple[
        dict[int, tuple[Status, str | None, str | None, int | None]],
        Callable[[Claim, Status, str | None, str | None, int | None], None]]:
    """The statuses offered so far (claim index -> the strongest) and the function offering
    one; ``index`` maps a claim's key to its index."""
    status: dict[int, tuple[Status, str | None, str | None, int | None]] = {}

    def offer(claim: Claim, new: Status, reason: str | None, evidence: str | None,
              group: int | None) -> None:
        i = index.get(_key(claim))
        if i is None:
            return
        old = status.get(i)
        if old is None or _PRIORITY[new] < _PRIORITY[old[0]]:
            status[i] = (new, reason, evidence, group)

    return status, offer


def _offer_between(offer: Callable[[Claim, Status, str | None, str | None, int | None], None],
                   findings: Sequence[Finding], corroborations: Sequence[Corroboration]) -> None:
    for f in findings:
        if f.check == CheckId.CONFLICT and f.other is not None:
            for c in (f.claim, f.other):
                offer(c, Status.CONFLICT, f.message, f.evidence, f.group)
    for corr in corroborations:
        for c in (corr.claim, corr.other):
            offer(c, Status.CORROBORATED, corr.message, corr.evidence, corr.group)


def between_statuses(claims: Sequence[Claim], findings: Sequence[Finding],
                     corroborations: Sequence[Corroboration], alignment: Alignment,
                     weak: Mapping[int, str]) -> tuple[ClaimStatus, ...]:
    """Each claim's status from checking between claims alone (conflict, corroborated or
    unchecked with the reason), in the order of ``claims`` (those ``alignment`` aligned)."""
    status, offer = _offers({_key(c): i for i, c in enumerate(claims)})
    _offer_between(offer, findings, corroborations)
    groups = alignment.group_of()
    one_doc: dict[int, bool] = {}
    out = []
    for i, claim in enumerate(claims):
        if i in status:
            st, reason, evidence, group = status[i]
        else:
            st, evidence, group = Status.UNCHECKED, None, groups.get(i)
            reason = _between_reason(i, claim, alignment, weak, groups, one_doc)
        out.append(_status(claim, st, reason, evidence, group))
    return tuple(out)


def _status(claim: Claim, status: Status, reason: str | None, evidence: str | None,
            group: int | None, same: ClaimStatus | None = None) -> ClaimStatus:
    """The ClaimStatus of these values: ``same`` itself when it holds them already."""
    if (same is not None and same.claim is claim and same.status == status
            and same.reason == reason and same.evidence == evidence and same.group == group):
        return same
    return compact_record(ClaimStatus, {"claim": claim, "status": status, "reason": reason,
                                        "evidence": evidence, "group": group})


def claim_statuses(claims: Sequence[Claim], findings: Sequence[Finding],
                   corroborations: Sequence[Corroboration], comparisons: Sequence[Comparison],
                   between: Sequence[ClaimStatus] | None = None) -> tuple[ClaimStatus, ...]:
    """One :class:`~figcheck.findings.ClaimStatus` per claim, in the order of ``claims``.

    ``between`` (one per claim, in order) are the statuses checking between claims gave
    (:func:`between_statuses`): an unchecked claim keeps their reason and fact group.
    """
    index = {_key(c): i for i, c in enumerate(claims)}
    status, offer = _offers(index)
    by_claim: dict[int, Comparison] = {}
    for comp in comparisons:
        i = index.get(_key(comp.claim))
        if i is not None:
            by_claim[i] = comp
        if comp.verdict == Verdict.SUPPORTED:
            offer(comp.claim, Status.SUPPORTED, comp.message, comp.evidence, None)
        elif comp.verdict == Verdict.CONTRADICTED:
            offer(comp.claim, Status.CONTRADICTED, comp.message, comp.evidence, None)
    _offer_between(offer, findings, corroborations)
    out = []
    for i, claim in enumerate(claims):
        own = between[i] if between is not None else None
        if i in status:
            st, reason, evidence, group = status[i]
        else:
            st, evidence = Status.UNCHECKED, None
            group = own.group if own is not None else None
            parts = [own.reason] if own is not None and own.reason else []
            comparison = by_claim.get(i)
            if comparison is not None and comparison.verdict == Verdict.UNMATCHED:
                why = comparison.message.split(": ", 1)[-1].rstrip(".")
                parts.append(f"reference: {why}")
            reason = "; ".join(parts) or "not compared"
        out.append(_status(claim, st, reason, evidence, group, own))
    return tuple(out)


def status_counts(statuses: Sequence[ClaimStatus]) -> dict[Status, int]:
    """How many claims ended in each status, in the order a summary names them."""
    counts = {s: 0 for s in _ORDER}
    for s in statuses:
        counts[s.status] += 1
    return counts
