"""The names of the formats figcheck writes, kept apart from the writers so the command line
can list them (``--help``, ``--format``) without importing the report models."""

from __future__ import annotations

__all__ = ["CLAIM_FORMATS", "REPORT_FORMATS"]

#: The formats :meth:`figcheck.Report.render` writes the findings in.
REPORT_FORMATS = ("table", "csv", "json", "jsonl", "github", "html")
#: The formats :meth:`figcheck.Report.render_claims` writes the claims in.
CLAIM_FORMATS = ("table", "csv", "json", "jsonl")
