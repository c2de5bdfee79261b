"""Claims against reference tables: supported, contradicted, or unmatched — never guessed.

A claim is matched to the best row of a :class:`~figcheck.reference.ReferenceTable`; which rows
are candidates and how they score is :mod:`figcheck.checking.row_match` (the row's subject,
measure, period, unit and keywords read against the claim's frame and the words by its figure).
A claim far below every row (``min_fraction_of_row``: "four soldiers injured" in one incident is
not the war's total) is unmatched with that reason. Every comparison carries its evidence.

Independent rows come first (unless a party's row fits clearly better); a row with
``claimed_by`` decides only when no independent row fits as well, and then
yields "matches <party>'s claim", not "supported". Equal best scores with different verdicts
leave the claim unmatched. A contradicted claim whose interval fits a *different* measure of the
same subject gets a hint: "possible conflation with <measure>".
"""

from __future__ import annotations

import math

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..claims import Claim
from ..findings import CheckId, Comparison, Finding, Verdict
from ..lexicon.matching import words
from .frames import Frame, frames_of
from .keys import period_of
from ..reference import ReferenceRow, ReferenceTable
from .intervals import Interval, is_physical, rel_gap
from .row_match import (
    Context, Weights, context_of, lone_subject, row_evidence, row_unit, score_row,
    units_comparable, weights,
)
from .precision import written_interval
from .options import CheckOptions, severity

__all__ = [
    "Context",
    "Weights",
    "compare_claim",
    "compare_with_reference",
    "context_of",
    "row_evidence",
    "score_row",
    "weights",
]

_TIE = 1e-9
_ALSO_MARGIN = 2.0  # how much worse than the best row another may fit and still be mentioned


def _claimed(claim: Claim, options: CheckOptions) -> Interval:
    """What the claim allows, with the precision its figure was written at."""
    iv = written_interval(claim)
    return iv.widened(options.measure_tolerance) if is_physical(claim.unit) else iv


def _expected(row: ReferenceRow, unit: str, tolerance: float) -> tuple[Interval, float]:
    t = row.tolerance if row.tolerance is not None else tolerance
    low, high = row.interval(tolerance)
    return Interval(low, high).to(row_unit(row, unit), unit), t


def _verdict(claim: Claim, row: ReferenceRow, options: CheckOptions) -> bool:
    claimed = _claimed(claim, options)
    expected, _ = _expected(row, claim.unit, options.reference_tolerance)
    return claimed.meets(expected)


def _party(row: ReferenceRow) -> str:
    return f"{row.claimed_by}'s claim"


def _conflation_hint(claim: Claim, best: int, table: ReferenceTable, ctx: Context,
                     options: CheckOptions) -> str | None:
    """Other measures of the best row's subject that the claim's interval fits."""
    row = table[best]
    claimed = _claimed(claim, options)
    if math.isinf(claimed.low) or math.isinf(claimed.high):
        return None  # "more than 2,000" fits any larger figure: no evidence of a mix-up
    same_subject = set(words(row.subject))
    fits = []
    for i in table.rows_sharing_words(same_subject):
        other = table[i]
        if i == best or set(words(other.subject)) != same_subject or other.measure == row.measure:
            continue
        if not units_comparable(claim.unit, row_unit(other, claim.unit)):
            continue
        other_period = period_of(other.period)
        if ctx.period is not None and other_period is not None and not ctx.period.overlaps(
            other_period
        ):
            continue
        expected, _ = _expected(other, claim.unit, options.reference_tolerance)
        if claimed.meets(expected.widened(options.conflation_tolerance)):
            fits.append((abs(rel_gap(claimed, expected)), other, expected))
    if not fits:
        return None
    # The natural suspect is another measure of the same source period (a total of the same
    # report quoted as the subset); other periods and parties' claims come after it.
    fits.sort(key=lambda f: (f[1].period != row.period, f[1].claimed_by is not None, f[0]))
    parts = []
    measures: set[str] = set()
    for gap, other, expected in fits:
        if other.measure in measures or len(parts) == 2:
            continue
        measures.add(other.measure)
        who = f", {_party(other)}" if other.claimed_by else ""
        parts.append(
            f"{other.measure} ({expected.describe(claim.unit)}, {other.source or other.path}"
            f"{who}; {gap:.1%} apart)"
        )
    return "possible conflation with " + " or ".join(parts)


def _comparison_for(claim: Claim, row: ReferenceRow, options: CheckOptions,
                    hint: str | None, evidence: str | None = None
                    ) -> tuple[Comparison, Finding | None]:
    claimed = _claimed(claim, options)
    expected, t = _expected(row, claim.unit, options.reference_tolerance)
    ok = claimed.meets(expected)
    gap = rel_gap(claimed, expected)
    where = f"{claim.text!r} at {claim.location()} ({claimed.describe(claim.unit)})"
    row_text = f"{row.label()}: {expected.describe(claim.unit)}"
    if ok and row.claimed_by:
        message = f"{where} matches {_party(row)}, {row_text}; not an independent measurement."
    elif ok:
        message = f"{where} is supported by {row_text}."
    else:
        who = f" ({_party(row)})" if row.claimed_by else ""
        message = (
            f"{where} is contradicted by {row_text}{who}; the claim is {gap:+.1%} away "
            f"(tolerance {t:.1%})."
        )
    if evidence:
        message += f" Matched by: {evidence}."
    verdict = Verdict.SUPPORTED if ok else Verdict.CONTRADICTED
    comparison = Comparison(
        claim=claim, verdict=verdict, reference=row, expected_low=expected.low,
        expected_high=expected.high, unit=claim.unit, rel_diff=gap, tolerance=t,
        message=message, hint=hint, evidence=evidence,
    )
    if ok or not options.runs(CheckId.REFERENCE_MISMATCH):
        return comparison, None
    case = "reference_mismatch_claimed_by" if row.claimed_by else "reference_mismatch"
    finding = Finding(
        check=CheckId.REFERENCE_MISMATCH, severity=severity(case), claim=claim,
        claimed_low=claimed.low, claimed_high=claimed.high, unit=claim.unit, reference=row,
        expected_low=expected.low, expected_high=expected.high, rel_diff=gap, tolerance=t,
        message=message, hint=hint, evidence=evidence,
    )
    return comparison, finding


def _unmatched(claim: Claim, why: str) -> Comparison:
    return Comparison(
        claim=claim, verdict=Verdict.UNMATCHED,
        message=f"{claim.text!r} at {claim.location()}: {why}.",
    )


def _top(scored: list[tuple[float, int]]) -> list[int]:
    top = max(s for s, _ in scored)
    return [i for s, i in scored if s >= top - _TIE]


def _choose(claim: Claim, table: ReferenceTable, pool: list[tuple[float, int]], party: bool,
            options: CheckOptions) -> int | None:
    """The row to judge by among the best-scored; None when equal rows disagree."""
    best = _top(pool)
    agreeing = [i for i in best if _verdict(claim, table[i], options)]
    if not agreeing or len(agreeing) == len(best):
        return best[0]
    # One party's statements at several dates: repeating one of them matches that statement.
    # Independent rows that fit equally but disagree leave the claim unmatched: no guessing.
    return agreeing[0] if party else None


def _also(claim: Claim, table: ReferenceTable, chosen: ReferenceRow,
          scored: list[tuple[float, int]], options: CheckOptions) -> str | None:
    """How the best-fitting row of another party (or independent source) sees the claim."""
    best = max((s for s, _ in scored), default=0.0)
    # only rows that fit nearly as well: a row matched through the document alone says little
    others = [(s, i) for s, i in scored
              if table[i].claimed_by != chosen.claimed_by and s >= best - _ALSO_MARGIN]
    if not others:
        return None
    row = table[_top(others)[0]]
    agrees = _verdict(claim, row, options)
    expected, _ = _expected(row, claim.unit, options.reference_tolerance)
    where = f"{row.label()}: {expected.describe(claim.unit)}"
    if row.claimed_by:
        return f"{'matches' if agrees else 'differs from'} {_party(row)} ({where})"
    return f"{'agrees with' if agrees else 'differs from'} {where}"


def compare_claim(claim: Claim, table: ReferenceTable, ctx: Context, options: CheckOptions
                  ) -> tuple[Comparison, Finding | None]:
    """The comparison of one claim with its best reference row (and a finding if contradicted)."""

    independent: list[tuple[float, int]] = []
    parties: list[tuple[float, int]] = []
    evidence: dict[int, list[str]] = {}
    rejected: dict[str, int] = {}
    rows = table.rows_sharing_words(ctx.subject | ctx.sentence | ctx.paragraph | ctx.document)
    lone = not rows and lone_subject(table)
    for i in (range(len(table)) if lone else rows):
        result = row_evidence(claim, table[i], table.subject_phrases(i), ctx, lone_subject=lone)
        if isinstance(result, str):
            rejected[result] = rejected.get(result, 0) + 1
            continue
        evidence[i] = result[1]
        (parties if table[i].claimed_by else independent).append((result[0], i))
    # Independent rows come first, unless a party's row fits clearly better (its subject is the
    # claim's own, an independent row's only the document's).
    best_party = max((sc for sc, _ in parties), default=-math.inf)
    pool = [x for x in independent if x[0] >= best_party - 1.0] or parties
    if not pool:
        why = "no reference row fits its subject, measure, period and unit"
        far = next((r for r in rejected if r.startswith("far below")), None)
        if far is not None:
            why = f"no row fits: the closest rows are {far}"
        elif not rows and not lone:
            why = "no reference row's subject is named in its document"
        return _unmatched(claim, why), None
    chosen = _choose(claim, table, pool, party=pool is parties, options=options)
    if chosen is None:
        labels = "; ".join(table[i].label() for i in _top(pool)[:3])
        return _unmatched(claim, f"ambiguous: rows fit equally well and disagree ({labels})"), None
    row = table[chosen]
    hints = []
    if not _verdict(claim, row, options):
        conflation = _conflation_hint(claim, chosen, table, ctx, options)
        if conflation:
            hints.append(conflation)
    also = _also(claim, table, row, independent + parties, options)
    if also:
        hints.append(also)
    return _comparison_for(claim, row, options, "; ".join(hints) or None,
                           "; ".join(evidence.get(chosen, [])) or None)


def _own_subjects(frames: Sequence[Frame]
                  ) -> dict[tuple[str, int, str], list[tuple[int, frozenset[str]]]]:
    """Per sentence, the claims that name their own subject there, with its words."""
    out: dict[tuple[str, int, str], list[tuple[int, frozenset[str]]]] = {}
    for f in frames:
        if f.subject and not f.subject_inherited and f.claim.subject and \
                f.claim.sentence.find(f.claim.subject) >= 0:
            out.setdefault(f.sentence_key, []).append((f.index, f.subject))
    return out


def compare_with_reference(
    claims: Sequence[Claim],
    table: ReferenceTable,
    *,
    texts: Mapping[str, str] | None = None,
    options: CheckOptions | None = None,
) -> tuple[list[Comparison], list[Finding]]:
    """One comparison per claim (verdict supported / contradicted / unmatched) and the findings.

    ``texts`` maps document ids to their text, so the paragraph before a claim's sentence can be
    searched for the subject; without it only the claim and its sentence are.
    """
    options = options or CheckOptions()
    comparisons: list[Comparison] = []
    findings: list[Finding] = []
    frames = frames_of(claims, texts)
    own = _own_subjects(frames)
    for claim, frame in zip(claims, frames, strict=True):
        text = texts.get(claim.doc_id) if texts else None
        foreign = frozenset().union(*(w for k, w in own.get(frame.sentence_key, ())
                                      if k != frame.index)) - frame.subject
        ctx = replace(context_of(claim, text, options.context_chars), local=frame.local,
                      concept=frame.measure if frame.measure_from in ("concept", "context")
                      else None, foreign=foreign)
        comparison, finding = compare_claim(claim, table, ctx, options)
        comparisons.append(comparison)
        if finding is not None:
            findings.append(finding)
    return comparisons, findings
