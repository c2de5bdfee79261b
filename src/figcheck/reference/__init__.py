"""Reference tables: the figures claims are compared against.

One row per reference figure (DESIGN.md). Required columns: ``subject``, ``measure``, ``value``,
``unit``. Optional: ``low``, ``high``, ``period``, ``source``, ``url``, ``keywords``, ``aliases``,
``tolerance``, ``claimed_by``. Any other column is kept in :attr:`ReferenceRow.extra` (a name
within a typo of a known column is an error instead).

- :mod:`.rows`: the columns, the cell rules and one validated :class:`ReferenceRow`;
- :mod:`.table`: :class:`ReferenceTable`, loaded from CSV, TSV, Parquet, DataFrames or folders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .rows import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, ReferenceRow

if TYPE_CHECKING:
    from .table import ReferenceTable

__all__ = ["OPTIONAL_COLUMNS", "REQUIRED_COLUMNS", "ReferenceRow", "ReferenceTable"]


def __getattr__(name: str) -> Any:
    # The table (and the csv module) is imported when first asked for: a check without
    # reference tables needs only the rows its findings may name.
    if name == "ReferenceTable":
        from .table import ReferenceTable

        return ReferenceTable
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
