"""The report stage: what one ``figcheck.check`` run found, and its outputs.

- :mod:`.model`: :class:`Report` (claims, findings, comparisons, corroborations, statuses) and
  its output methods;
- :mod:`.columns`: the discrepancy and claim columns, and the pandas frames of both;
- :mod:`.writers`: CSV, JSON and JSON Lines writers, and :func:`read_csv`;
- :mod:`.formats`: aligned text tables and GitHub annotations;
- :mod:`.terminal`: the findings and claim statuses wrapped for a terminal;
- :mod:`.html`: the self-contained HTML page.

Numbers and intervals are written by :mod:`figcheck.formatting`. No module here imports this
package or :mod:`.model`: the Report calls the writers, never the other way round.
"""

from ..formatting import format_interval, format_number, format_percent
from .columns import CLAIM_COLUMNS, CSV_COLUMNS, CSV_DTYPES, STATUS_COLUMNS
from .formats import align, finding_source, format_table
from .model import CLAIM_FORMATS, REPORT_FORMATS, Report, parse_show, severity_rank

__all__ = [
    "CLAIM_COLUMNS",
    "CLAIM_FORMATS",
    "CSV_COLUMNS",
    "CSV_DTYPES",
    "REPORT_FORMATS",
    "Report",
    "STATUS_COLUMNS",
    "align",
    "finding_source",
    "format_interval",
    "format_number",
    "format_percent",
    "format_table",
    "parse_show",
    "read_csv",
    "severity_rank",
]


def __getattr__(name: str) -> object:
    # read_csv is the writers' (json, csv): imported when first asked for, not with the Report
    if name == "read_csv":
        from .writers import read_csv

        return read_csv
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
