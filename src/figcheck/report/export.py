"""Reports as rows: the discrepancy frame, the claims frame, CSV and JSON.

The discrepancy table has one row per finding and the fixed column order
:data:`CSV_COLUMNS`; the CSV and JSON outputs are that table written out.
pandas is imported only when a frame is built, so importing this module is
cheap (the pytest plugin depends on that).
"""

from __future__ import annotations

import io
import json
import math
import os
import typing
from collections.abc import Iterable, Mapping
from typing import IO, TYPE_CHECKING, Any

from ..claims import Claim
from ..findings import Finding, Verdict
from ..text import replace_surrogates

if TYPE_CHECKING:
    import pandas as pd

    from . import Report

__all__ = [
    "CLAIM_COLUMNS",
    "CSV_COLUMNS",
    "CSV_DTYPES",
    "SCHEMA_VERSION",
    "claim_rows",
    "claims_frame",
    "claims_json",
    "csv_text",
    "defuse",
    "finding_row",
    "finding_rows",
    "findings_frame",
    "json_rows",
    "read_csv",
    "summary",
    "undefuse",
    "write_csv",
    "write_json",
    "write_jsonl",
]

#: Version of the CSV/JSON layout; bumped when a column is renamed or removed.
SCHEMA_VERSION = 1

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
    if kinds == {int}:
        return "Int64"
    if kinds == {float}:
        return "float64"
    return "str"


#: The columns of :meth:`figcheck.Report.claims_frame`: the Claim fields, in order.
CLAIM_COLUMNS: tuple[str, ...] = tuple(Claim.model_fields)
_CLAIM_DTYPES: dict[str, str] = {
    name: _claim_dtype(field.annotation) for name, field in Claim.model_fields.items()
}

# Spreadsheets run a cell that starts with one of these as a formula (CWE-1236,
# OWASP ASVS 1.2.10). The apostrophe itself is escaped too, so undefuse() can
# always tell an added apostrophe from one that was in the text.
_FORMULA_STARTS = frozenset("=+-@\t\r'")


def defuse(text: str) -> str:
    """``text`` made safe for a spreadsheet cell: prefix ``'`` if it could start a formula.

    >>> defuse("=SUM(A1:A9)"), defuse("-5% fall"), defuse("1,351 deaths")
    ("'=SUM(A1:A9)", "'-5% fall", '1,351 deaths')
    """
    return "'" + text if text[:1] in _FORMULA_STARTS else text


def undefuse(text: str) -> str:
    """The inverse of :func:`defuse`.

    >>> undefuse(defuse("'quoted")), undefuse(defuse("=1+1"))
    ("'quoted", '=1+1')
    """
    return text[1:] if text[:1] == "'" and text[1:2] in _FORMULA_STARTS else text


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
        "claimed_bound": str(claim.bound),
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


def finding_rows(report: Report) -> list[dict[str, Any]]:
    """The report's findings as dicts keyed by :data:`CSV_COLUMNS`, by document and position."""
    verdicts = {(c.claim, c.reference): c.verdict for c in report.comparisons if c.reference}
    rows = []
    for finding in sorted(report.findings, key=_sort_key):
        verdict = None
        if finding.reference is not None:
            # A reference finding without its comparison record is a contradiction.
            found = verdicts.get((finding.claim, finding.reference), Verdict.CONTRADICTED)
            verdict = str(found)
        rows.append(finding_row(finding, verdict))
    return rows


def claim_rows(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """Claims as rows keyed by :data:`CLAIM_COLUMNS`, enums as their string values."""
    rows = []
    for claim in claims:
        row = claim.model_dump()
        for name, dtype in _CLAIM_DTYPES.items():
            if dtype == "str":
                row[name] = _text(row[name])
        rows.append(row)
    return rows


def _frame(rows: list[dict[str, Any]], dtypes: Mapping[str, str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            name: pd.Series([row[name] for row in rows], dtype=dtype)
            for name, dtype in dtypes.items()
        }
    )


def findings_frame(report: Report) -> pd.DataFrame:
    """One row per finding, columns exactly :data:`CSV_COLUMNS` with :data:`CSV_DTYPES`."""
    return _frame(finding_rows(report), CSV_DTYPES)


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """One row per claim, columns exactly :data:`CLAIM_COLUMNS`."""
    return _frame(claim_rows(claims), _CLAIM_DTYPES)


Destination = str | os.PathLike[str] | IO[str] | IO[bytes] | None


def emit_text(text: str, dest: Destination = None) -> str | None:
    """Write ``text`` as UTF-8 to ``dest`` (a path or file object); return it when ``dest`` is None."""
    return _emit(text, dest)


def _emit(text: str, dest: Destination, encoding: str = "utf-8") -> str | None:
    """Write ``text`` to a path or an open file; return it when ``dest`` is None."""
    if dest is None:
        return text
    if isinstance(dest, (str, os.PathLike)):
        with open(dest, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
        return None
    if isinstance(dest, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(dest, "mode", ""):
        dest.write(text.encode(encoding))  # type: ignore[arg-type]
    else:
        if encoding == "utf-8-sig":
            text = "\ufeff" + text
        dest.write(text)  # type: ignore[arg-type]
    return None


def _csv_cell(value: Any) -> str:
    """One CSV field: text defused and quoted when needed, floats in round-trip form."""
    if isinstance(value, str):
        text = defuse(value)
        # Quote CR too: with "\n" line ends the csv module would leave a bare CR unquoted,
        # and readers take it for a line break.
        if any(ch in text for ch in ',"\n\r') or text != text.strip(" "):
            return '"' + text.replace('"', '""') + '"'
        return text
    if isinstance(value, float):
        return repr(value)
    return str(value)


def csv_text(frame: pd.DataFrame) -> str:
    """``frame`` as CSV text: defused text cells, ``\n`` line ends, empty cells for missing."""
    import pandas as pd

    rows = [list(frame.columns), *frame.astype(object).itertuples(index=False, name=None)]
    lines = [",".join("" if pd.isna(v) else _csv_cell(v) for v in row) for row in rows]
    return "".join(line + "\n" for line in lines)


def write_csv(frame: pd.DataFrame, dest: Destination = None, *, excel: bool = False) -> str | None:
    """Write ``frame`` as UTF-8 CSV (with a BOM when ``excel``); the text if ``dest`` is None."""
    text = csv_text(frame)
    if dest is None:
        return ("\ufeff" + text) if excel else text
    return _emit(text, dest, "utf-8-sig" if excel else "utf-8")


def read_csv(source: str | os.PathLike[str] | IO[str] | IO[bytes]) -> pd.DataFrame:
    """Read a figcheck discrepancy CSV back into the frame :meth:`Report.to_frame` gave.

    Raises:
        ValueError: the file's header is not :data:`CSV_COLUMNS`.
    """
    import pandas as pd

    frame = pd.read_csv(
        source,
        dtype=CSV_DTYPES,
        keep_default_na=False,
        na_values=[""],
        encoding="utf-8-sig",
    )
    if tuple(frame.columns) != CSV_COLUMNS:
        where = source if isinstance(source, (str, os.PathLike)) else "<buffer>"
        extra = [c for c in frame.columns if c not in CSV_COLUMNS]
        missing = [c for c in CSV_COLUMNS if c not in frame.columns]
        raise ValueError(
            f"{where}: header is not figcheck's CSV_COLUMNS "
            f"(missing {missing}, unexpected {extra}); was it written by Report.to_csv?"
        )
    for name, dtype in CSV_DTYPES.items():
        if dtype == "str":
            frame[name] = frame[name].map(lambda v: undefuse(v) if isinstance(v, str) else v)
    return frame.astype(CSV_DTYPES)


def _json_safe(value: Any) -> Any:
    """JSON has no infinities or NaN: infinities become strings (as in Claim), NaN null."""
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
    return value


def _figcheck_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("figcheck")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "unknown"


def summary(report: Report) -> dict[str, Any]:
    """Counts of documents, claims and findings (by check and by severity)."""
    by_check: dict[str, int] = {}
    by_severity: dict[str, int] = {}
    for finding in report.findings:
        by_check[str(finding.check)] = by_check.get(str(finding.check), 0) + 1
        by_severity[str(finding.severity)] = by_severity.get(str(finding.severity), 0) + 1
    return {
        "documents": len(report.documents),
        "claims": len(report.claims),
        "findings": len(report.findings),
        "comparisons": len(report.comparisons),
        "corroborations": len(report.corroborations),
        "by_check": dict(sorted(by_check.items())),
        "by_severity": dict(sorted(by_severity.items())),
    }


def json_rows(report: Report) -> list[dict[str, Any]]:
    """The finding rows with JSON-safe values (see :func:`finding_rows`)."""
    return [{k: _json_safe(v) for k, v in row.items()} for row in finding_rows(report)]


def write_json(report: Report, dest: Destination = None, *, indent: int | None = 2) -> str | None:
    """The report as one JSON document: schema version, summary and the finding rows."""
    doc = {
        "schema_version": SCHEMA_VERSION,
        "figcheck_version": _figcheck_version(),
        "summary": summary(report),
        "findings": json_rows(report),
    }
    return _emit(json.dumps(doc, indent=indent, ensure_ascii=False) + "\n", dest)


def write_jsonl(rows: Iterable[Mapping[str, Any]], dest: Destination = None) -> str | None:
    """JSON Lines: one object per row, ``\\n``-terminated."""
    lines = [
        json.dumps({k: _json_safe(v) for k, v in row.items()}, ensure_ascii=False)
        .translate(_LINE_BREAK_ESCAPES) + "\n"
        for row in rows
    ]
    return _emit("".join(lines), dest)


# json.dumps leaves these unescaped, but line-based readers (str.splitlines among them) take
# them for line ends; inside JSON they can only be in strings, where the escape means the same.
_LINE_BREAK_ESCAPES = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def claims_json(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """Claims as JSON-safe dicts (the :data:`CLAIM_COLUMNS` keys)."""
    return [{k: _json_safe(v) for k, v in row.items()} for row in claim_rows(claims)]
