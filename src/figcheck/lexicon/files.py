"""Access to the rule and word-list files in ``figcheck/data``.

Each file is read once (cached) through importlib.resources, so the package
works from a wheel or a zip. Errors name the file, the line and the key.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import Any

from ..errors import RuleDefinitionError

__all__ = ["DataFile", "data_file"]


class DataFile:
    """A parsed TOML data file that can say on which line a key is defined."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.path = f"figcheck/data/{name}"
        self.text = text
        try:
            self.data: dict[str, Any] = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 0
            raise RuleDefinitionError(self.path, line, "<syntax>", str(exc)) from exc

    def line_of(self, key: str, table: str | None = None) -> int:
        """1-based line on which ``key`` is defined (inside ``[table]`` if given); 0 if unknown."""
        lines = self.text.splitlines()
        begin = 0
        if table is not None:
            header = re.compile(r"^\s*\[\s*" + re.escape(table) + r"\s*\]\s*$")
            begin = next((i for i, ln in enumerate(lines) if header.match(ln)), 0)
        quoted = re.escape(key)
        pat = re.compile(r'^\s*(?:"' + quoted + r'"|\'' + quoted + r"'|" + quoted + r")\s*=")
        for i in range(begin, len(lines)):
            if pat.match(lines[i]):
                return i + 1
        return 0

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


@functools.cache
def data_file(name: str) -> DataFile:
    """The data file ``figcheck/data/<name>``, parsed once."""
    text = resources.files("figcheck.data").joinpath(name).read_text(encoding="utf-8")
    return DataFile(name, text)
