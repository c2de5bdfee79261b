"""Reports as rows: the discrepancy columns, the claim columns, and the pandas frames of both.

The discrepancy table has one row per finding and the fixed column order :data:`CSV_COLUMNS`;
the CSV and JSON outputs (:mod:`.writers`) are that table written out. pandas is imported only
when a frame is built, so importing this module is cheap.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..claims import Claim
from ..outcomes import Verdict
from ..text import replace_surrogates

if TYPE_CHECKING:
    import pandas as pd

    from ..findings import ClaimStatus, Comparison, Finding

__all__ = [
    "CLAIM_COLUMNS",
    "CLAIM_DTYPES",
    "CSV_COLUMNS",
    "CSV_DTYPES",
    "STATUS_COLUMNS",
    "claim_rows",
    "claims_frame",
    "finding_row",
    "finding_rows",
    "findings_frame",
    "iter_claim_rows",
    "iter_status_rows",
    "status_columns",
    "status_rows",
    "BOUND_WORDS",
]

# (name, dtype) in output order. The meaning of every column is documented in
# docs/usage.md ("CSV columns"); a test keeps the two in sync.
_FINDING_SCHEMA: tuple[tuple[str, str], ...] = (
    ("check", "str"),
    ("severity", "str"),
    ("verdict", "str"),
    ("doc_id", "str"),
    ("line", "Int64"),
    ("column", "Int64"),
    ("start", "Int64"),
    ("end", "Int64"),
    ("text", "str"),
    ("sentence", "str"),
    ("subject", "str"),
    ("concept", "str"),
    ("noun", "str"),
    ("period", "str"),
    ("claimed_value", "float64"),
    ("claimed_low", "float64"),
    ("claimed_high", "float64"),
    ("claimed_unit", "str"),
    ("claimed_bound", "str"),
    ("compared_with", "str"),
    ("other_doc_id", "str"),
    ("other_line", "Int64"),
    ("other_column", "Int64"),
    ("other_text", "str"),
    ("reference_subject", "str"),
    ("reference_measure", "str"),
    ("reference_period", "str"),
    ("reference_source", "str"),
    ("reference_url", "str"),
    ("reference_file", "str"),
    ("reference_line", "Int64"),
    ("expected_low", "float64"),
    ("expected_high", "float64"),
    ("expected_unit", "str"),
    ("rel_diff", "float64"),
    ("tolerance", "float64"),
    ("message", "str"),
    ("hint", "str"),
)

#: The columns of :meth:`figcheck.Report.to_frame` and of the CSV, in order.
CSV_COLUMNS: tuple[str, ...] = tuple(name for name, _ in _FINDING_SCHEMA)
#: pandas dtype of every CSV column (``Int64`` keeps missing line numbers integral).
CSV_DTYPES: dict[str, str] = dict(_FINDING_SCHEMA)


def _claim_dtype(annotation: Any) -> str:
    kinds = set(typing.get_args(annotation)) - {type(None)} or {annotation}
    if kinds == {bool}:
        return "boolean"
    if kinds == {int}:
        return "Int64"
    if kinds == {float}:
        return "float64"
    return "str"


#: The columns of :meth:`figcheck.Report.claims_frame`: the Claim fields, in order.
CLAIM_COLUMNS: tuple[str, ...] = tuple(Claim.model_fields)
#: The columns :meth:`figcheck.Report.claims_frame` adds after :data:`CLAIM_COLUMNS`: the claim's
#: status (supported, contradicted, corroborated, conflict, unchecked), why, the evidence, and
#: its fact group id.
STATUS_COLUMNS: tuple[str, ...] = ("status", "status_reason", "status_evidence", "fact_group")
#: pandas dtype of every claim column.
CLAIM_DTYPES: dict[str, str] = {
    name: _claim_dtype(field.annotation) for name, field in Claim.model_fields.items()
}

def _text(value: object) -> str | None:
    """A text cell: None for missing or empty (a CSV cannot tell the two apart).

    A lone surrogate (an undecodable byte carried by ``surrogateescape``) becomes U+FFFD:
    no UTF-8 file, and no pandas string column, can hold it.
    """
    if value is None:
        return None
    text = replace_surrogates(str(value))
    return text or None


def _num(value: float | None) -> float | None:
    return None if value is None else float(value)


def _converted_value(finding: Finding) -> float:
    """The claim's stated value in the finding's unit, clamped into the claimed interval."""
    claim = finding.claim
    value = claim.value
    if claim.unit != finding.unit:
        from ..units import convert

        value = convert(value, claim.unit, finding.unit)
    # Conversion rounding must not put the value outside its own interval.
    return min(max(value, finding.claimed_low), finding.claimed_high)


#: How the CSV, JSON and frames write a claim's bound: words, so no cell starts with "=" or "<"
#: and needs defusing in a spreadsheet.
BOUND_WORDS: dict[str, str] = {
    "=": "eq", "~": "approx", "<~": "almost", ">": "gt", ">=": "ge", "<": "lt", "<=": "le",
    "range": "range",
}


def finding_row(finding: Finding, verdict: str | None = None) -> dict[str, Any]:
    """One finding as a dict with exactly the keys of :data:`CSV_COLUMNS`."""
    claim, other, ref = finding.claim, finding.other, finding.reference
    expected = finding.expected_low is not None or finding.expected_high is not None
    return {
        "check": str(finding.check),
        "severity": str(finding.severity),
        "verdict": verdict,
        "doc_id": _text(claim.doc_id),
        "line": claim.line,
        "column": claim.column,
        "start": claim.start,
        "end": claim.end,
        "text": _text(claim.text),
        "sentence": _text(claim.sentence),
        "subject": _text(claim.subject),
        "concept": _text(claim.concept),
        "noun": _text(claim.noun),
        "period": _text(claim.period),
        "claimed_value": _converted_value(finding),
        "claimed_low": float(finding.claimed_low),
        "claimed_high": float(finding.claimed_high),
        "claimed_unit": _text(finding.unit),
        "claimed_bound": BOUND_WORDS[str(claim.bound)],
        "compared_with": finding.compared_with,
        "other_doc_id": _text(other.doc_id) if other else None,
        "other_line": other.line if other else None,
        "other_column": other.column if other else None,
        "other_text": _text(other.text) if other else None,
        "reference_subject": _text(ref.subject) if ref else None,
        "reference_measure": _text(ref.measure) if ref else None,
        "reference_period": _text(ref.period) if ref else None,
        "reference_source": _text(ref.source) if ref else None,
        "reference_url": _text(ref.url) if ref else None,
        "reference_file": _text(ref.path) if ref else None,
        "reference_line": (ref.line or None) if ref else None,
        "expected_low": _num(finding.expected_low),
        "expected_high": _num(finding.expected_high),
        "expected_unit": _text(finding.unit) if expected else None,
        "rel_diff": _num(finding.rel_diff),
        "tolerance": _num(finding.tolerance),
        "message": _text(finding.message),
        "hint": _text(finding.hint),
    }


def _sort_key(finding: Finding) -> tuple[str, int, int, int, str]:
    claim = finding.claim
    return (claim.doc_id, claim.line, claim.column, claim.end, str(finding.check))


def finding_rows(findings: Iterable[Finding], comparisons: Iterable[Comparison] = ()
                 ) -> list[dict[str, Any]]:
    """Findings as dicts keyed by :data:`CSV_COLUMNS`, by document and position.

    A reference finding's ``verdict`` is read from its record in ``comparisons``.
    """
    verdicts = {(c.claim, c.reference): c.verdict for c in comparisons if c.reference}
    rows = []
    for finding in sorted(findings, key=_sort_key):
        verdict = None
        if finding.reference is not None:
            # A reference finding without its comparison record is a contradiction.
            found = verdicts.get((finding.claim, finding.reference), Verdict.CONTRADICTED)
            verdict = str(found)
        rows.append(finding_row(finding, verdict))
    return rows


def claim_rows(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """Claims as rows keyed by :data:`CLAIM_COLUMNS`, enums as their string values."""
    return list(iter_claim_rows(claims))


def iter_claim_rows(claims: Iterable[Claim]) -> Iterator[dict[str, Any]]:
    """:func:`claim_rows`, one row at a time (for writers that stream)."""
    for claim in claims:
        row = claim.model_dump()
        for name, dtype in CLAIM_DTYPES.items():
            if dtype == "str":
                value = row[name]
                # a tuple (the qualifiers) is one cell: its items joined by "; "
                row[name] = _text("; ".join(value) if isinstance(value, list | tuple) else value)
        yield row


def _frame(rows: list[dict[str, Any]], dtypes: Mapping[str, str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            name: pd.Series([row[name] for row in rows], dtype=dtype)
            for name, dtype in dtypes.items()
        }
    )


def findings_frame(findings: Iterable[Finding], comparisons: Iterable[Comparison] = ()
                   ) -> pd.DataFrame:
    """One row per finding, columns exactly :data:`CSV_COLUMNS` with :data:`CSV_DTYPES`."""
    return _frame(finding_rows(findings, comparisons), CSV_DTYPES)


def status_columns(frame: pd.DataFrame, claims: Sequence[Claim],
                   statuses: Iterable[ClaimStatus]) -> pd.DataFrame:
    """``frame`` (one row per claim of ``claims``) with the :data:`STATUS_COLUMNS` added;
    a claim without a status gets missing values."""
    import pandas as pd

    by_key = {(s.claim.doc_id, s.claim.start, s.claim.end): s for s in statuses}
    found = [by_key.get((c.doc_id, c.start, c.end)) for c in claims]
    out = frame.copy()
    out["status"] = pd.array([s.status.value if s else None for s in found], dtype="string")
    out["status_reason"] = pd.array([_text(s.reason) if s else None for s in found],
                                    dtype="string")
    out["status_evidence"] = pd.array([_text(s.evidence) if s else None for s in found],
                                      dtype="string")
    out["fact_group"] = pd.array([s.group if s else None for s in found], dtype="Int64")
    return out


def status_rows(claims: Sequence[Claim], statuses: Iterable[ClaimStatus]) -> list[dict[str, Any]]:
    """Each claim's row (:data:`CLAIM_COLUMNS`) with its status, reason, evidence and group."""
    return list(iter_status_rows(claims, statuses))


def iter_status_rows(claims: Sequence[Claim], statuses: Iterable[ClaimStatus]
                     ) -> Iterator[dict[str, Any]]:
    """:func:`status_rows`, one row at a time (for writers that stream)."""
    by_key = {(s.claim.doc_id, s.claim.start, s.claim.end): s for s in statuses}
    for claim, row in zip(claims, iter_claim_rows(claims), strict=True):
        s = by_key.get((claim.doc_id, claim.start, claim.end))
        row.update({
            "status": s.status.value if s else None,
            "status_reason": _text(s.reason) if s else None,
            "status_evidence": _text(s.evidence) if s else None,
            "fact_group": s.group if s else None,
        })
        yield row


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """One row per claim, columns exactly :data:`CLAIM_COLUMNS`."""
    return _frame(claim_rows(claims), CLAIM_DTYPES)
