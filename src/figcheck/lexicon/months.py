"""Month names and numbers from ``data/months.toml``: one list for every step that reads dates."""

from __future__ import annotations

import functools
from typing import Final

from ..regex_cache import compile_pattern
from .files import DataFile, data_file

__all__ = ["load_months", "month_numbers"]

_MONTH_NAME: Final = compile_pattern(r"[a-z]+")


def load_months(df: DataFile) -> dict[str, int]:
    """Validate a file in the grammar of ``data/months.toml``: lower-case name -> 1-12.

    Raises:
        RuleDefinitionError: a name is not one lower-case word or a number is not 1-12;
            the error names file, line and key.

    >>> load_months(data_file("months.toml"))["sept"]
    9
    """
    months: dict[str, int] = {}
    for name, number in df.table("months").items():
        if not _MONTH_NAME.fullmatch(name):
            raise df.error(name, "a month name must be one lower-case word", "months")
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 12:
            raise df.error(
                name, f"the month number must be an integer 1-12, got {number!r}", "months"
            )
        months[name] = number
    missing = sorted(set(range(1, 13)) - set(months.values()))
    if missing:
        raise df.error("months", f"no name for month(s) {missing}")
    return months


@functools.cache
def month_numbers() -> dict[str, int]:
    """figcheck's own month names (``data/months.toml``), lower case, mapped to 1-12."""
    return load_months(data_file("months.toml"))
