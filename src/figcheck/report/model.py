"""The Report: everything one ``figcheck.check`` run found, and its outputs.

A Report turns into a pandas DataFrame (:meth:`Report.to_frame`, one row per
discrepancy, columns :data:`~.columns.CSV_COLUMNS`), a CSV, JSON or JSON Lines, an
HTML page, or an aligned text table for a terminal (:meth:`Report.to_text`).
pandas is imported only when a frame is asked for, the writers (json, csv) only when a report
is written.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..claims import Claim
from ..errors import OptionError
from ..outcomes import Severity, Status
from ..output_formats import CLAIM_FORMATS, REPORT_FORMATS
from .columns import (
    claims_frame,
    finding_rows,
    findings_frame,
    iter_claim_rows,
    iter_status_rows,
    status_columns,
    status_rows,
)
from .formats import claims_table, github_annotations
from .terminal import format_findings, format_statistics, format_statuses

if TYPE_CHECKING:
    import pandas as pd

    from ..findings import ClaimStatus, Comparison, Corroboration, Finding
    from .writers import Destination

__all__ = ["CLAIM_FORMATS", "REPORT_FORMATS", "Report", "parse_show", "severity_rank"]


# Higher is worse; ``--fail-on`` and ``fail_on=`` keep findings at or above a rank.
_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def severity_rank(severity: Severity | str) -> int:
    """How bad ``severity`` is: info 0, warning 1, error 2.

    Raises:
        OptionError: ``severity`` is not one of error, warning, info (a ValueError).
    """
    try:
        return _RANK[Severity(severity)]
    except ValueError:
        names = ", ".join(s.value for s in Severity)
        raise OptionError(f"unknown severity {severity!r}; use one of: {names}") from None


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
        return findings_frame(self.findings, self.comparisons)

    def claims_frame(self) -> pd.DataFrame:
        """One row per claim found: columns :data:`CLAIM_COLUMNS` (the Claim fields), then
        :data:`STATUS_COLUMNS` (where checking left the claim, why, and its fact group)."""
        return status_columns(claims_frame(self.claims), self.claims, self.statuses)

    def to_csv(self, path_or_buffer: Destination = None, *, excel: bool = False) -> str | None:
        """Write :meth:`to_frame` as CSV; return the text when no destination is given.

        UTF-8 with ``\\n`` line ends and no index; ``excel=True`` adds a byte
        order mark so Excel detects UTF-8. Text cells that a spreadsheet would
        run as a formula (starting ``= + - @``, tab, CR or ``'``) get a leading
        ``'``; :func:`read_csv` removes it again.
        """
        from .writers import write_csv

        return write_csv(self.to_frame(), path_or_buffer, excel=excel)

    def to_json(self, path_or_buffer: Destination = None, *, indent: int | None = 2) -> str | None:
        """The report as JSON: ``schema_version``, ``figcheck_version``, ``summary``, ``findings``
        and ``claims`` (every claim with its status); the JSON Schema ships as
        ``figcheck/report/assets/report.schema.json``.

        Each finding has exactly the :data:`CSV_COLUMNS` keys; infinities are
        the strings ``"Infinity"``/``"-Infinity"``, missing values ``null``.
        """
        from .writers import write_json

        rows = finding_rows(self.findings, self.comparisons)
        return write_json(self.summary(), rows, path_or_buffer, indent=indent,
                          claims=status_rows(self.claims, self.statuses))

    def to_jsonl(self, path_or_buffer: Destination = None) -> str | None:
        """JSON Lines: one object per finding (``"record": "finding"`` and the :data:`CSV_COLUMNS`
        keys), then one per claim (``"record": "claim"``, the claim columns and its status)."""
        from .writers import write_jsonl

        findings = ({"record": "finding", **row}
                    for row in finding_rows(self.findings, self.comparisons))
        claims = ({"record": "claim", **row}
                  for row in iter_status_rows(self.claims, self.statuses))
        return write_jsonl(itertools.chain(findings, claims), path_or_buffer)

    def to_html(
        self,
        path_or_buffer: Destination = None,
        *,
        texts: Mapping[str, str] | None = None,
        title: str = "figcheck report",
    ) -> str | None:
        """One self-contained HTML page: every document with its claims highlighted by status,
        the findings with their evidence and number lines; return it when no destination is given.

        ``texts`` (document id -> text) defaults to the texts the run read.
        """
        from .html import render_html
        from .writers import emit_text

        return emit_text(render_html(self, texts, title=title), path_or_buffer)

    def to_text(
        self,
        *,
        fail_on: Severity | str = Severity.INFO,
        width: int = 100,
        colour: bool = False,
        show: Iterable[Status | str] = (),
        statistics: bool = False,
        quiet: bool = False,
    ) -> str:
        """The findings for a terminal, wrapped to ``width``, then a summary line.

        ``show`` adds every claim whose status is listed (``"all"`` for every status);
        ``statistics`` adds counts by status and by check; ``quiet`` keeps only the summary line.
        """
        lines: list[str] = []
        if not quiet:
            findings = sorted(self.failures(fail_on), key=_by_position)
            if findings:
                lines.append(format_findings(findings, width=width, colour=colour))
            wanted = parse_show(show)
            if wanted:
                listed = format_statuses(self.statuses, wanted, width=width, colour=colour)
                if listed:
                    lines.append(listed)
            if statistics:
                lines.append(format_statistics(self.statuses, self.findings))
        lines.append(self.summary_line())
        return "\n".join(lines) + "\n"

    def to_github(self) -> str:
        """The findings as GitHub Actions annotations, by document and position."""
        return github_annotations(sorted(self.findings, key=_by_position))

    def render(self, fmt: str, *, excel: bool = False) -> str:
        """The findings in ``fmt``, one of :data:`REPORT_FORMATS`, as text.

        Raises:
            OptionError: ``fmt`` is not one of :data:`REPORT_FORMATS` (a ValueError).
        """
        writers = {
            "table": self.to_text,
            "csv": lambda: self.to_csv(excel=excel),
            "json": self.to_json,
            "jsonl": self.to_jsonl,
            "github": self.to_github,
            "html": self.to_html,
        }
        return _pick(writers, fmt, REPORT_FORMATS)() or ""

    def write(self, fmt: str, dest: Destination, *, excel: bool = False) -> None:
        """Write the findings in ``fmt`` (one of :data:`REPORT_FORMATS`) to ``dest``, a path or an
        open file: CSV and JSON Lines row by row as they are formatted, not as one string.

        Raises:
            OptionError: ``fmt`` is not one of :data:`REPORT_FORMATS` (a ValueError).
        """
        from .writers import emit_text

        writers = {
            "table": lambda: emit_text(self.to_text(), dest),
            "csv": lambda: self.to_csv(dest, excel=excel),
            "json": lambda: self.to_json(dest),
            "jsonl": lambda: self.to_jsonl(dest),
            "github": lambda: emit_text(self.to_github(), dest),
            "html": lambda: self.to_html(dest),
        }
        _pick(writers, fmt, REPORT_FORMATS)()

    def write_claims(self, fmt: str, dest: Destination, *, excel: bool = False) -> None:
        """Write every claim in ``fmt`` (one of :data:`CLAIM_FORMATS`) to ``dest``, a path or an
        open file: CSV and JSON Lines one claim at a time.

        Raises:
            OptionError: ``fmt`` is not one of :data:`CLAIM_FORMATS` (a ValueError).
        """
        from .writers import claim_csv_lines, emit_lines, emit_text, write_claims_json, write_jsonl

        writers = {
            "table": lambda: emit_text(claims_table(self.claims), dest),
            "csv": lambda: emit_lines(claim_csv_lines(self.claims), dest,
                                      "utf-8-sig" if excel else "utf-8"),
            "json": lambda: write_claims_json(self.claims, dest),
            "jsonl": lambda: write_jsonl(iter_claim_rows(self.claims), dest),
        }
        _pick(writers, fmt, CLAIM_FORMATS)()

    def render_claims(self, fmt: str, *, excel: bool = False) -> str:
        """Every claim in ``fmt``, one of :data:`CLAIM_FORMATS`, as text (one row per claim).

        Raises:
            OptionError: ``fmt`` is not one of :data:`CLAIM_FORMATS` (a ValueError).
        """
        from .writers import write_claims_json, write_csv, write_jsonl

        writers = {
            "table": lambda: claims_table(self.claims),
            "csv": lambda: write_csv(claims_frame(self.claims), excel=excel),
            "json": lambda: write_claims_json(self.claims),
            "jsonl": lambda: write_jsonl(iter_claim_rows(self.claims)),
        }
        return _pick(writers, fmt, CLAIM_FORMATS)() or ""

    def summary(self) -> dict[str, Any]:
        """Counts of documents, claims and findings (by check and by severity)."""
        by_check: dict[str, int] = {}
        by_severity: dict[str, int] = {}
        for finding in self.findings:
            by_check[str(finding.check)] = by_check.get(str(finding.check), 0) + 1
            by_severity[str(finding.severity)] = by_severity.get(str(finding.severity), 0) + 1
        return {
            "documents": len(self.documents),
            "claims": len(self.claims),
            "findings": len(self.findings),
            "comparisons": len(self.comparisons),
            "corroborations": len(self.corroborations),
            "by_check": dict(sorted(by_check.items())),
            "by_severity": dict(sorted(by_severity.items())),
        }

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
        line = (
            f"{_plural(n, 'finding')}{detail} in {_plural(docs, 'document')}, "
            f"{_plural(len(self.claims), 'claim')} checked"
        )
        return line + (f": {self.status_summary()}" if self.statuses else "")

    def status_summary(self) -> str:
        """How many claims ended in each status: ``"4 supported, 1 conflict, 17 unchecked"``."""
        counts: dict[str, int] = {}
        for s in self.statuses:
            counts[s.status.value] = counts.get(s.status.value, 0) + 1
        order = ("supported", "contradicted", "corroborated", "conflict", "unchecked")
        return ", ".join(f"{counts[k]} {k}" for k in order if counts.get(k))


def parse_show(show: Iterable[Status | str]) -> frozenset[Status]:
    """The statuses named by ``show``: status names, ``"all"``, or ``"problems"`` (findings only).

    Raises:
        ValueError: a name that is none of these.
    """
    wanted: set[Status] = set()
    for item in show:
        for name in str(item).split(","):
            name = name.strip().lower()
            if name in ("", "problems"):
                continue
            if name == "all":
                wanted.update(Status)
                continue
            try:
                wanted.add(Status(name))
            except ValueError:
                names = ", ".join(["problems", "all", *(s.value for s in Status)])
                raise OptionError(f"unknown status {name!r}; use one of: {names}") from None
    return frozenset(wanted)


def _pick(writers: Mapping[str, Callable[[], str | None]], fmt: str, known: Sequence[str]
          ) -> Callable[[], str | None]:
    if fmt not in writers:
        raise OptionError(f"unknown format {fmt!r}; use one of: {', '.join(known)}")
    return writers[fmt]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _worst_first(finding: Finding) -> tuple[int, float, str, int]:
    # rel_diff is signed (below or above what was expected); the size is what matters
    rel = abs(finding.rel_diff) if finding.rel_diff is not None else 0.0
    rel = rel if not math.isnan(rel) else 0.0
    return (-severity_rank(finding.severity), -rel, finding.claim.doc_id, finding.claim.line)


def _by_position(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.claim.doc_id, finding.claim.line, finding.claim.column, str(finding.check))
