"""Text formats: findings and claims as aligned tables for a terminal or a failure message, and
findings as GitHub Actions annotations. Numbers and intervals are written by
:mod:`figcheck.formatting`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..formatting import format_interval, format_number, format_percent, format_unit

if TYPE_CHECKING:
    from ..claims import Claim
    from ..findings import Finding

__all__ = [
    "TABLE_HEADER",
    "align",
    "claims_table",
    "finding_source",
    "format_table",
    "github_annotations",
    "one_line",
    "table_row",
]

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def one_line(text: str) -> str:
    """``text`` with every run of white space (line breaks too) made one space."""
    return " ".join(str(text).split())


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
    text = one_line(text)
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
        out.append(f"    {one_line(finding.message)}")
        if finding.hint:
            out.append(f"    hint: {one_line(finding.hint)}")
    return "\n".join(out)


def claims_table(claims: Sequence[Claim]) -> str:
    """Claims as an aligned table, ``doc:line:col`` first."""
    rows = [("location", "kind", "claim", "value", "interval", "bound", "about")]
    for c in claims:
        what = c.noun or c.concept
        if c.noun and c.concept and c.concept != c.noun:
            what = f"{c.noun} ({c.concept})"
        about = " / ".join(x for x in (c.subject, what, c.period) if x)
        rows.append(
            (
                c.location(),
                str(c.kind),
                repr(one_line(c.text)),
                format_number(c.value)
                + (f" of {format_number(c.whole)}" if c.whole is not None else "")
                + format_unit(c.unit),
                format_interval(c.low, c.high, c.unit),
                str(c.bound),
                about,
            )
        )
    lines = align(rows)
    lines.append(f"{len(claims)} claim{'s' if len(claims) != 1 else ''}")
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(findings: Sequence[Finding]) -> str:
    """Findings as GitHub Actions workflow commands (``::error file=...,line=...::message``)."""
    lines = []
    for f in findings:
        claim = f.claim
        props = [
            f"file={_escape_property(claim.doc_id)}",
            f"line={claim.line}",
            f"col={claim.column}",
        ]
        if "\n" not in claim.text:
            props.append(f"endColumn={claim.column + len(claim.text)}")
        props.append(f"title={_escape_property(f'figcheck {f.check}')}")
        message = f"{claim.text!r}: {one_line(f.message)}"
        if f.other is not None or f.reference is not None:
            message += f" (compared with {finding_source(f)})"
        if f.hint:
            message += f" Hint: {one_line(f.hint)}"
        lines.append(
            f"::{_GITHUB_LEVEL[str(f.severity)]} {','.join(props)}::{_escape_data(message)}"
        )
    return "".join(line + "\n" for line in lines)
