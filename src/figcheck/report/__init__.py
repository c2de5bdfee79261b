"""The Report: everything one ``figcheck.check`` run found, and its outputs.

A Report turns into a pandas DataFrame (:meth:`Report.to_frame`, one row per
discrepancy, columns :data:`CSV_COLUMNS`), a CSV, JSON or JSON Lines, or an
aligned text table for a terminal (:meth:`Report.to_text`). pandas is imported
only when a frame is asked for.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..claims import Claim
from .export import CLAIM_COLUMNS, CSV_COLUMNS, CSV_DTYPES, Destination, read_csv
from ..findings import ClaimStatus, Comparison, Corroboration, Finding, Severity

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CLAIM_COLUMNS",
    "CSV_COLUMNS",
    "CSV_DTYPES",
    "Report",
    "format_interval",
    "format_number",
    "format_table",
    "read_csv",
    "severity_rank",
]

# Higher is worse; ``--fail-on`` and ``fail_on=`` keep findings at or above a rank.
_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def severity_rank(severity: Severity | str) -> int:
    """How bad ``severity`` is: info 0, warning 1, error 2.

    Raises:
        ValueError: ``severity`` is not one of error, warning, info.
    """
    try:
        return _RANK[Severity(severity)]
    except ValueError:
        names = ", ".join(s.value for s in Severity)
        raise ValueError(f"unknown severity {severity!r}; use one of: {names}") from None


@dataclass(frozen=True)
class Report:
    """Claims, problems (findings), reference comparisons and corroborations of one run."""

    claims: tuple[Claim, ...] = ()
    findings: tuple[Finding, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    corroborations: tuple[Corroboration, ...] = ()
    documents: tuple[str, ...] = field(default=())
    statuses: tuple[ClaimStatus, ...] = ()
    #: Document id -> text, kept so the HTML report can show each document in full.
    texts: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """True when no check found a discrepancy."""
        return not self.findings

    def failures(self, fail_on: Severity | str = Severity.INFO) -> tuple[Finding, ...]:
        """The findings of severity ``fail_on`` or worse, worst first."""
        floor = severity_rank(fail_on)
        kept = [f for f in self.findings if severity_rank(f.severity) >= floor]
        return tuple(sorted(kept, key=_worst_first))

    def to_frame(self) -> pd.DataFrame:
        """One row per finding, columns exactly :data:`CSV_COLUMNS` (documented in docs/usage.md).

        Rows are ordered by document, then position in the document. Missing
        values are ``NaN``/``<NA>``; integer columns use pandas' ``Int64``.
        """
        from .export import findings_frame

        return findings_frame(self)

    def claims_frame(self) -> pd.DataFrame:
        """One row per claim found, columns :data:`CLAIM_COLUMNS` (the Claim fields)."""
        from .export import claims_frame

        return claims_frame(self.claims)

    def to_csv(self, path_or_buffer: Destination = None, *, excel: bool = False) -> str | None:
        """Write :meth:`to_frame` as CSV; return the text when no destination is given.

        UTF-8 with ``\\n`` line ends and no index; ``excel=True`` adds a byte
        order mark so Excel detects UTF-8. Text cells that a spreadsheet would
        run as a formula (starting ``= + - @``, tab, CR or ``'``) get a leading
        ``'``; :func:`read_csv` removes it again.
        """
        from .export import write_csv

        return write_csv(self.to_frame(), path_or_buffer, excel=excel)

    def to_json(self, path_or_buffer: Destination = None, *, indent: int | None = 2) -> str | None:
        """The report as JSON: ``schema_version``, ``figcheck_version``, ``summary``, ``findings``.

        Each finding has exactly the :data:`CSV_COLUMNS` keys; infinities are
        the strings ``"Infinity"``/``"-Infinity"``, missing values ``null``.
        """
        from .export import write_json

        return write_json(self, path_or_buffer, indent=indent)

    def to_jsonl(self, path_or_buffer: Destination = None) -> str | None:
        """The findings as JSON Lines, one object with the :data:`CSV_COLUMNS` keys per line."""
        from .export import finding_rows, write_jsonl

        return write_jsonl(finding_rows(self), path_or_buffer)

    def to_html(self, path_or_buffer: Destination = None, *,
                texts: Mapping[str, str] | None = None, title: str = "figcheck report") -> str | None:
        """One self-contained HTML page: every document with its claims highlighted by status,
        the findings with their evidence and number lines; return it when no destination is given.

        ``texts`` (document id -> text) defaults to the texts the run read.
        """
        from .export import emit_text
        from .html import render_html

        return emit_text(render_html(self, texts, title=title), path_or_buffer)

    def to_text(self, *, fail_on: Severity | str = Severity.INFO) -> str:
        """The findings as an aligned table (``doc:line:col`` first), then a summary line."""
        findings = sorted(self.failures(fail_on), key=_by_position)
        lines = [format_table(findings)] if findings else []
        lines.append(self.summary_line())
        return "\n".join(lines) + "\n"

    def summary_line(self) -> str:
        """One line of counts: findings by severity, documents and claims."""
        counts = {s: 0 for s in Severity}
        for finding in self.findings:
            counts[finding.severity] += 1
        n = len(self.findings)
        parts = [
            f"{counts[s]} {s.value}{'' if counts[s] == 1 else 's'}" for s in Severity if counts[s]
        ]
        detail = f" ({', '.join(parts)})" if parts else ""
        docs = len(self.documents) or len({c.doc_id for c in self.claims})
        return (
            f"{_plural(n, 'finding')}{detail} in {_plural(docs, 'document')}, "
            f"{_plural(len(self.claims), 'claim')} checked"
        )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _worst_first(finding: Finding) -> tuple[int, float, str, int]:
    # rel_diff is signed (below or above what was expected); the size is what matters
    rel = abs(finding.rel_diff) if finding.rel_diff is not None else 0.0
    rel = rel if not math.isnan(rel) else 0.0
    return (-severity_rank(finding.severity), -rel, finding.claim.doc_id, finding.claim.line)


def _by_position(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.claim.doc_id, finding.claim.line, finding.claim.column, str(finding.check))


def format_number(x: float) -> str:
    """``x`` for people: thousands separators, about four significant digits, ``inf``.

    >>> [format_number(x) for x in (14000.0, 33.3333, 0.012345, float("inf"))]
    ['14,000', '33.33', '0.01235', 'inf']
    """
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if abs(x) >= 1e15 or (x != 0 and abs(x) < 1e-4):
        return f"{x:.4g}"
    if x == int(x):
        return f"{int(x):,}"
    digits = len(str(int(abs(x)))) if abs(x) >= 1 else 0
    decimals = max(0, 4 - digits)
    if abs(x) < 1:
        # keep four significant digits after the leading zeros
        decimals = 4 - math.floor(math.log10(abs(x))) - 1
    text = f"{x:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _unit_suffix(unit: str | None) -> str:
    if not unit or unit == "count":
        return ""
    return "%" if unit == "percent" else f" {unit}"


def format_interval(low: float | None, high: float | None, unit: str | None = None) -> str:
    """An interval the way a reader says it: ``14,000``, ``12,600 to 14,000``, ``>= 40,000,000``.

    >>> format_interval(3404, float("inf")), format_interval(29.6, 29.6, "percent")
    ('>= 3,404', '29.6%')
    """
    if low is None and high is None:
        return ""
    lo = -math.inf if low is None else low
    hi = math.inf if high is None else high
    suffix = _unit_suffix(unit)
    if lo == hi:
        return format_number(lo) + suffix
    if math.isinf(hi) and not math.isinf(lo):
        return f">= {format_number(lo)}{suffix}"
    if math.isinf(lo) and not math.isinf(hi):
        return f"<= {format_number(hi)}{suffix}"
    return f"{format_number(lo)} to {format_number(hi)}{suffix}"


def format_percent(x: float | None) -> str:
    """A relative amount (0.05) as a percentage (``5%``); empty for None."""
    if x is None or math.isnan(x):
        return ""
    if math.isinf(x):
        return "inf"
    return format_number(round(x * 100, 2 if abs(x) < 1 else 1)) + "%"


def finding_source(finding: Finding, width: int = 60) -> str:
    """What a finding compared the claim with, in one line.

    The other claim as ``doc:line:col 'text'``, or the reference row as
    ``subject / measure — source (file:line)`` with the source cut to ``width``.
    """
    if finding.other is not None:
        return f"{finding.other.location()} {finding.other.text!r}"
    ref = finding.reference
    if ref is None:
        return "(the claim itself)"
    where = f"{ref.path}:{ref.line}" if ref.line else ref.path
    label = f"{ref.subject} / {ref.measure}"
    if ref.source:
        label += f" — {_shorten(ref.source, width)}"
    return f"{label} ({where})"


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


TABLE_HEADER = ("location", "severity", "check", "claim", "claimed", "expected", "diff")


def table_row(finding: Finding) -> tuple[str, ...]:
    """The cells of one finding in :func:`format_table`."""
    return (
        finding.claim.location(),
        str(finding.severity),
        str(finding.check),
        _shorten(repr(finding.claim.text), 36),
        format_interval(finding.claimed_low, finding.claimed_high, finding.unit),
        format_interval(finding.expected_low, finding.expected_high, finding.unit),
        format_percent(finding.rel_diff),
    )


def align(rows: Sequence[Sequence[str]], indent: str = "") -> list[str]:
    """Rows of cells padded into aligned columns (the last column is not padded)."""
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    out = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out.append((indent + "  ".join([*cells, row[-1]])).rstrip())
    return out


def format_table(findings: Iterable[Finding]) -> str:
    """Findings as an aligned table with a header row.

    Each finding's message, and its hint if any, follow its row on indented lines.
    """
    findings = list(findings)
    lines = align([TABLE_HEADER, *(table_row(f) for f in findings)])
    out = [lines[0]]
    for finding, line in zip(findings, lines[1:], strict=True):
        out.append(line)
        out.append(f"    {' '.join(finding.message.split())}")
        if finding.hint:
            out.append(f"    hint: {' '.join(finding.hint.split())}")
    return "\n".join(out)
