"""Rows of a reference table that state the same fact twice.

Two rows state the same fact when subject, measure, period, unit, keywords and the party
that claims the figure (``claimed_by``) agree. From the same source (or both without one)
such rows are an error: a copy ("duplicate of line 4") or a contradiction ("conflicts with
line 4") the user must resolve. From different sources that disagree they are kept, since
a table may record that sources differ, but a warning says that claims matching them will be
left unmatched as ambiguous.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import RowError
from .rows import ReferenceRow

__all__ = ["fact_key", "repeated_facts"]


def fact_key(row: ReferenceRow) -> tuple[object, ...]:
    """What makes two rows the same fact: subject, measure, period, unit, keywords, party."""
    fold = lambda s: " ".join(s.casefold().split()) if s else ""  # noqa: E731
    return (
        fold(row.subject),
        fold(row.measure),
        fold(row.period),
        row.unit,
        frozenset(fold(k) for k in row.keywords),
        fold(row.claimed_by),
    )


def _figure(row: ReferenceRow) -> str:
    if row.low == row.value == row.high:
        return f"{row.value:g}"
    return f"{row.value:g} ({row.low:g} to {row.high:g})"


def _where(row: ReferenceRow, first: ReferenceRow) -> str:
    return f"line {first.line}" if first.path == row.path else f"{first.path}:{first.line}"


def repeated_facts(rows: Sequence[ReferenceRow], *, across_files: bool = False
                   ) -> tuple[list[RowError], list[str]]:
    """(errors, warnings) for rows that repeat a fact of an earlier row.

    Errors: the same fact from the same source, repeated or contradicted. Warnings: the same
    fact from different sources with different figures (kept; matching calls it ambiguous).
    ``across_files`` looks only at pairs of rows from different files.
    """
    errors: list[RowError] = []
    warnings: list[str] = []
    seen: dict[tuple[object, ...], list[ReferenceRow]] = {}
    for row in rows:
        earlier = seen.setdefault(fact_key(row), [])
        for first in earlier:
            if across_files and first.path == row.path:
                continue
            same_figure = (first.value, first.low, first.high) == (row.value, row.low, row.high)
            same_source = (first.source or "").casefold() == (row.source or "").casefold()
            if same_source and same_figure:
                errors.append(RowError(row.path, row.line, "(row)",
                                       f"duplicate of {_where(row, first)}; delete one of them"))
                break
            if same_source:
                errors.append(RowError(
                    row.path, row.line, "value",
                    f"conflicts with {_where(row, first)}: {_figure(row)} against "
                    f"{_figure(first)} for {row.label()}; keep one, or tell them apart with "
                    "period, keywords or claimed_by",
                ))
                break
            if not same_figure:
                warnings.append(
                    f"{row.path}:{row.line}: {row.label()} is {_figure(row)} but "
                    f"{_figure(first)} at {_where(row, first)}; a claim matching both is left "
                    "unmatched as ambiguous (add claimed_by to say whose figure each is)"
                )
                break
        earlier.append(row)
    return errors, warnings
