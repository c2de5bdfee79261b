"""TOML files with line numbers: parsing, where each key is defined, and list-of-strings values.

Shared by the data files (``figcheck/data/*.toml``) and the spec files (``figcheck*.toml``), so that
every error names the line to fix. Standard library only.

>>> key_lines('documents = ["a.txt"]\\n[[expect]]\\nabout = "x"\\n')
{'documents': 1, 'expect[0]': 2, 'expect[0].about': 3}
>>> string_list("a.txt", single=True)
['a.txt']
"""

from __future__ import annotations

import re
from typing import Any

from .errors import RuleDefinitionError
from .regex_cache import compile_pattern

__all__ = ["key_lines", "parse_toml", "string_list"]

# A table header ("[options]", "[[expect]]") or a "key =" line; no nesting, so no backtracking.
_HEADER = compile_pattern(r"^\s*(\[\[?)\s*([A-Za-z0-9_.-]++)\s*\]\]?")
_KEY = compile_pattern(r"""^\s*(?:"([^"]*+)"|'([^']*+)'|([A-Za-z0-9_-]++))\s*=""")
_SYNTAX_LINE = compile_pattern(r"line (\d++)")


def key_lines(text: str) -> dict[str, int]:
    """1-based line of every key: ``documents``, ``options.x``, ``expect[0]``, ``expect[0].about``.

    A table's header line is filed under the table's name; a key under ``table.key``.
    """
    where: dict[str, int] = {}
    counts: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), 1):
        if header := _HEADER.match(line):
            name = header.group(2)
            if header.group(1) == "[[":
                index = counts.get(name, 0)
                counts[name] = index + 1
                table = f"{name}[{index}]"
            else:
                table = name
            where.setdefault(table, number)
        elif key := _KEY.match(line):
            name = next(g for g in key.groups() if g is not None)
            where.setdefault(f"{table}.{name}" if table else name, number)
    return where


def parse_toml(
    text: str, path: str, error: type[RuleDefinitionError] = RuleDefinitionError
) -> tuple[dict[str, Any], dict[str, int]]:
    """The parsed ``text`` and its :func:`key_lines`.

    Raises:
        RuleDefinitionError (or ``error``): the text is not valid TOML; the line is the one
            the parser stopped at.
    """
    import tomllib  # here, not at the top: a run whose data files come from the cache never parses

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        if m := _SYNTAX_LINE.search(str(exc)):
            line = int(m.group(1))
        else:  # "at end of document"
            line = max(len(text.splitlines()), 1)
        raise error(path, line, "<syntax>", str(exc)) from None
    return data, key_lines(text)


def string_list(
    value: object,
    *,
    single: bool = False,
    blank_items: bool = True,
    empty: bool = True,
    pattern: re.Pattern[str] | None = None,
    what: str = "",
    unique: bool = False,
) -> list[str]:
    """``value`` checked to be a list of strings (a lone string too when ``single``).

    ``blank_items=False`` refuses empty or blank strings in the list; ``empty=False`` refuses an
    empty list; ``pattern`` is what every item must match in full (``what`` names it in the
    message: "lower-case word"); ``unique`` refuses an item listed twice.

    Raises:
        ValueError: with the reason, to be raised again as the caller's error with its line.
    """
    if single and isinstance(value, str):
        value = [value]
    # the usual case, a list of plain strings that passes, is told by whole-list operations;
    # anything else is looked at item by item below, which finds the same first fault
    if (type(value) is list and (empty or value) and set(map(type, value)) <= {str}
            and (blank_items or all(map(str.strip, value)))
            and (pattern is None or all(map(pattern.fullmatch, value)))
            and (not unique or len(set(value)) == len(value))):
        return list(value)
    if not (
        isinstance(value, list)
        and all(isinstance(v, str) and (blank_items or v.strip()) for v in value)
        and (empty or value)
    ):
        item = "string" if blank_items else "non-empty string"
        kind = f"a list of {item}s" if empty else f"a non-empty list of {item}s"
        if single:
            kind = f"a {item} or {kind}"
        raise ValueError(f"must be {kind}, got {value!r}")
    seen: set[str] = set()
    for v in value:
        if pattern is not None and not pattern.fullmatch(v):
            raise ValueError(f"{v!r} is not a {what or 'valid entry'}")
        if unique and v in seen:
            raise ValueError(f"{v!r} is listed twice")
        seen.add(v)
    return list(value)
