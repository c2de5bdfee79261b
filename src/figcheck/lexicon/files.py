"""Access to the rule and word-list files in ``figcheck/data``.

Each file is read once (cached), from the package folder or through importlib.resources,
so the package works from a wheel or a zip. Errors name the file, the line and the key.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from ..errors import RuleDefinitionError
from ..package_data import data_text
from ..toml_cache import parse_toml_cached
from ..tomlkeys import parse_toml, string_list

__all__ = ["DataFile", "data_file"]


class DataFile:
    """A parsed TOML data file that can say on which line a key is defined.

    ``cached``: the parse may be read back from the user cache (figcheck's own data files,
    whose text rarely changes); a file of the user's is parsed every time.
    """

    def __init__(self, name: str, text: str, *, cached: bool = False) -> None:
        self.name = name
        self.path = f"figcheck/data/{name}"
        self.text = text
        parse = parse_toml_cached if cached else parse_toml
        self.data, self.lines = parse(text, self.path)

    def line_of(self, key: str, table: str | None = None) -> int:
        """1-based line on which ``key`` is defined (inside ``[table]`` if given); 0 if unknown.

        A key that cannot be found points at its table's header line.
        """
        if table is None:
            return self.lines.get(key, 0)
        return self.lines.get(f"{table}.{key}") or self.lines.get(table, 0)

    def error(self, key: str, reason: str, table: str | None = None) -> RuleDefinitionError:
        """A RuleDefinitionError pointing at ``key`` in this file."""
        where = f"{table}.{key}" if table else key
        return RuleDefinitionError(self.path, self.line_of(key, table), where, reason)

    def table(self, name: str) -> dict[str, Any]:
        """The table ``name``; a RuleDefinitionError if it is missing or not a table."""
        value = self.data.get(name)
        if not isinstance(value, dict):
            raise RuleDefinitionError(self.path, 0, name, "missing table [" + name + "]")
        return value

    def numbers(self, table: str, names: Iterable[str]) -> dict[str, float]:
        """The numbers ``names`` of ``[table]``, as floats.

        Raises:
            RuleDefinitionError: one is missing or not a number, naming its line.
        """
        values = self.table(table)
        out = {}
        for name in names:
            v = values.get(name)
            if isinstance(v, bool) or not isinstance(v, int | float):
                raise self.error(name, f"must be a number, got {v!r}", table)
            out[name] = float(v)
        return out

    def strings(self, key: str, table: str, **rules: Any) -> list[str]:
        """The list of strings at ``[table] key`` (``rules`` as :func:`~figcheck.tomlkeys.string_list`).

        Raises:
            RuleDefinitionError: the value is missing or not such a list, naming its line.
        """
        return self.string_list(self.table(table).get(key), key, table, **rules)

    def lists(self, table: str, names: Iterable[str], **rules: Any) -> dict[str, list[str]]:
        """Every list ``names`` of ``[table]``, each checked as :meth:`string_list`; the table
        holds those lists and no others.

        Raises:
            RuleDefinitionError: a list is missing, malformed or unknown, naming its line.
        """
        values = self.table(table)
        names = tuple(names)
        extra = set(values) - set(names)
        if extra:
            raise self.error(min(extra), f"unknown list; expected one of {', '.join(sorted(names))}",
                             table)
        for key in names:
            if key not in values:
                raise RuleDefinitionError(self.path, self.line_of(table), f"{table}.{key}",
                                          "missing list")
        return {key: self.string_list(values[key], key, table, **rules) for key in names}

    def string_list(self, value: object, key: str, table: str | None = None, **rules: Any
                    ) -> list[str]:
        """``value``, read from ``[table] key``, checked as :func:`~figcheck.tomlkeys.string_list`.

        Raises:
            RuleDefinitionError: it is not such a list, naming the key's line.
        """
        try:
            return string_list(value, **rules)
        except ValueError as exc:
            raise self.error(key, str(exc), table) from None


@functools.cache
def data_file(name: str) -> DataFile:
    """The data file ``figcheck/data/<name>``, parsed once."""
    return DataFile(name, data_text(name), cached=True)
