"""Reference rows: the columns of a reference table and how each cell is read and validated.

Cell rules:

- ``value``, ``low``, ``high``: numbers; "1,351" and "1e6" are fine. An empty ``low`` or ``high``
  means the value itself; write ``inf`` / ``-inf`` for an open bound ("at least 3,404"). A range
  row may leave ``value`` empty and give both ``low`` and ``high``. A point value's written
  precision is part of the row ("64" km allows 63.5–64.5; "48,457,102" is exact) unless the row
  gives a ``tolerance``.
- ``unit``: a canonical unit name: ``count`` for people and things, ``percent``, an ISO currency
  code, or a unit name pint knows (``mile``, ``kilometer``, ``year``), optionally combined with
  ``*``, ``/``, ``per`` and small powers (``kilometer / hour``, ``kilometer ** 2``). The cell is
  read by figcheck's own grammar and never evaluated; powers are bounded
  (``figcheck/data/reference.toml``).
- Counts, lengths, areas, masses and durations cannot be negative (same file).
- ``keywords``, ``aliases``: semicolon-separated ("Donbass; Donbas region").
- ``tolerance``: relative, ``0.05`` or ``5%``; widens the row's interval when comparing.
- ``claimed_by``: the party whose claim the figure is, when it is not an independent measurement.

>>> parse_row({"subject": "Donbas", "measure": "deaths", "value": "3,404", "unit": "count"},
...           [], "t.csv", 2).high
3404.0
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from ..errors import RowError
from ..regex_cache import compile_pattern
from ..rounding import half_unit, written_number

__all__ = [
    "KNOWN_COLUMNS",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "ReferenceRow",
    "parse_header",
    "parse_row",
]

REQUIRED_COLUMNS = ("subject", "measure", "value", "unit")
OPTIONAL_COLUMNS = (
    "low", "high", "period", "source", "url", "keywords", "aliases", "tolerance", "claimed_by",
)
KNOWN_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
# Plain decimal, or thousands grouped by commas; possessive so a long digit run cannot backtrack.
_NUMBER = compile_pattern(r"[+-]?+(?:\d{1,3}(?:,\d{3})++|\d++)(?:\.\d++)?+(?:[eE][+-]?+\d++)?+")
# A unit cell: names joined by * / · "per" or a space, each with an optional small integer power.
# Only this shape ever reaches pint, whose parser would evaluate "10 ** 10 ** 10".
_UNIT_NAME = r"(?:[^\W\d]\w*+|%|‰|°[CF]?+)"
_UNIT_POWER = r"(?:[ ]*+(?:\*\*|\^)[ ]*+[+-]?+\d{1,9}+)?+"
_UNIT_JOIN = r"(?:[ ]*+[*/·][ ]*+|[ ]++per[ ]++|[ ]++)"
_UNIT = compile_pattern(rf"{_UNIT_NAME}{_UNIT_POWER}(?:{_UNIT_JOIN}{_UNIT_NAME}{_UNIT_POWER})*+")
_POWER = compile_pattern(r"(?:\*\*|\^)[ ]*+([+-]?+\d++)")
_INFINITE = {"inf": math.inf, "+inf": math.inf, "infinity": math.inf, "∞": math.inf,
             "-inf": -math.inf, "-infinity": -math.inf, "-∞": -math.inf}


class ReferenceRow(BaseModel):
    """One reference figure, validated on load.

    ``path`` and ``line`` say where the row came from (the file and its physical line for CSV;
    the 1-based row number for Parquet and DataFrames), so every message can point back at it.
    ``low``/``high`` are the interval the figure allows; ``extra`` keeps columns figcheck does
    not use, as (name, text) pairs.
    """

    # Its validator and serializer are built when the first row is, not on import.
    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_inf_nan="strings",
                              defer_build=True)

    subject: str
    measure: str
    value: float
    unit: str
    low: float
    high: float
    period: str | None = None
    source: str | None = None
    url: str | None = None
    keywords: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    tolerance: float | None = None
    claimed_by: str | None = None
    # Half a unit of the value's last written digit ("64" km: 0.5 km): the row allows that much
    # either side unless it gives a tolerance (or its own low/high).
    precision: float = 0.0
    path: str = "<frame>"
    line: int = 0
    extra: tuple[tuple[str, str], ...] = ()

    @model_validator(mode="after")
    def _check(self) -> ReferenceRow:
        if not self.subject.strip() or not self.measure.strip():
            raise ValueError("subject and measure must not be empty")
        if any(math.isnan(x) for x in (self.value, self.low, self.high)) or math.isinf(self.value):
            raise ValueError("value must be a finite number and low/high numbers")
        if not self.low <= self.value <= self.high:
            raise ValueError(
                f"need low <= value <= high, got {self.low}, {self.value}, {self.high}"
            )
        if self.tolerance is not None and not 0 <= self.tolerance < 1:
            raise ValueError(f"tolerance must be in [0, 1), got {self.tolerance}")
        return self

    def interval(self, tolerance: float = 0.0) -> tuple[float, float]:
        """(low, high) widened by the row's own tolerance, else by its written precision and
        ``tolerance`` (relative)."""
        if self.tolerance is not None:
            t, p = self.tolerance, 0.0
        else:
            t, p = tolerance, self.precision
        low, high = self.low - p, self.high + p
        return low - abs(low) * t, high + abs(high) * t

    def label(self) -> str:
        """``'Donbas / civilians killed (OHCHR, 2014-2021)'``: the row as a reader names it."""
        tail = ", ".join(x for x in (self.source, self.period) if x)
        return f"{self.subject} / {self.measure}" + (f" ({tail})" if tail else "")


def _missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str):
        return not value.strip()
    try:  # pandas.NA, numpy.nan and friends
        import pandas as pd

        return bool(pd.isna(value)) if not isinstance(value, list | tuple) else False
    except (ImportError, TypeError, ValueError):
        return False


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else str(value).strip()


def _number(value: object, *, allow_infinite: bool) -> float:
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, int | float) or type(value).__module__ == "numpy":
        x = float(value)  # type: ignore[arg-type]
    else:
        s = _text(value).replace("_", "")
        if s.casefold() in _INFINITE:
            x = _INFINITE[s.casefold()]
        elif _NUMBER.fullmatch(s):
            x = float(s.replace(",", ""))
        else:
            hint = "; put a bound in the low/high column" if s[:1] in "<>≤≥~" else ""
            raise ValueError(f"not a number: {s!r}{hint}")
        if math.isinf(x) and s.casefold() not in _INFINITE:
            raise ValueError(
                f"{s!r} is too large for a number (the largest is about 1.8e308); "
                "write inf for an open bound"
            )
    if math.isnan(x) or (math.isinf(x) and not allow_infinite):
        raise ValueError(f"not a finite number: {value!r}")
    return x


def _rules() -> tuple[frozenset[str], int]:
    """(dimensions that cannot be negative, largest unit power) from data/reference.toml."""
    from ..lexicon.files import data_file

    f = data_file("reference.toml")
    dims = frozenset(f.strings("nonnegative_dimensions", "values"))
    power = f.table("units").get("max_exponent")
    if not isinstance(power, int) or isinstance(power, bool) or power < 1:
        raise f.error("max_exponent", "must be an integer >= 1", "units")
    return dims, power


def _unit(value: object) -> str:
    from ..units import dimension, registry

    name = " ".join(_text(value).split())
    if name in ("count", "percent"):
        return name
    if len(name) > 100 or not _UNIT.fullmatch(name):
        # pint would drop stray characters ("miles?") silently, and evaluate arithmetic
        raise ValueError(
            f"unit {name[:60]!r} is not a unit name; use 'count' for people and things, "
            "'percent' for shares, an ISO currency code (USD), or unit names joined by * or / "
            "with small powers (kilometer / hour, kilometer ** 2)"
        )
    limit = _rules()[1]
    for power in _POWER.findall(name):
        if abs(int(power)) > limit:
            raise ValueError(
                f"unit {name[:60]!r} raises a unit to the power {int(power)}; "
                f"powers up to {limit} are allowed"
            )
    try:
        canonical = str(registry().parse_units(name))
        if not canonical or canonical == "dimensionless":
            raise ValueError(name)
        dimension(canonical)
    except Exception:  # pint raises several unrelated types for an unknown name
        raise ValueError(
            f"unknown unit {name!r}; use 'count' for people and things, 'percent' for shares, "
            "an ISO currency code (USD), or a unit name such as mile, kilometer, year"
        ) from None
    return canonical


def _tolerance(value: object) -> float:
    s = _text(value)
    scale = 1.0
    if s.endswith("%"):
        s, scale = s[:-1].strip(), 0.01
    t = _number(s if isinstance(value, str) else value, allow_infinite=False) * scale
    if not 0 <= t < 1:
        raise ValueError(f"tolerance must be a relative amount in [0, 1), got {_text(value)!r}")
    return t


def _words_list(value: object) -> tuple[str, ...]:
    if isinstance(value, list | tuple):
        items = [_text(v) for v in value]
    else:
        items = _text(value).split(";")
    return tuple(i.strip() for i in items if i.strip())


def _url(value: object) -> str:
    s = _text(value)
    if not re.match(r"(?i)https?://\S", s):
        raise ValueError(f"not an http(s) URL: {s!r}")
    return s


_PARSERS = {
    "period": _text,
    "source": _text,
    "claimed_by": _text,
    "url": _url,
    "keywords": _words_list,
    "aliases": _words_list,
    "tolerance": _tolerance,
}


def _nonnegative(unit: str) -> bool:
    """True when quantities in ``unit`` cannot be negative (a count, a length, a duration)."""
    from ..units import dimension

    return dimension(unit) in _rules()[0]


def _precision(cell: object, value: float, unit: str) -> float:
    """Half a unit of the last digit the value was written with ("64" -> 0.5)."""
    text = cell.strip() if isinstance(cell, str) else written_number(value)
    physical = unit not in ("count",) and not (len(unit) == 3 and unit.isupper())
    return half_unit(text, value, physical)


def parse_row(cells: Mapping[str, object], extra: Sequence[str], path: str, line: int
         ) -> ReferenceRow | RowError:
    """One validated row, or one RowError naming every bad column of it."""
    problems: list[tuple[str, str]] = []
    values: dict[str, Any] = {"path": path, "line": line}
    for col in ("subject", "measure"):
        if _missing(cells.get(col)):
            problems.append((col, "must not be empty"))
        else:
            values[col] = _text(cells[col])
    for col, parse in (("value", False), ("low", True), ("high", True)):
        if _missing(cells.get(col)):
            if col == "value" and (_missing(cells.get("low")) or _missing(cells.get("high"))):
                problems.append((col, "must not be empty unless both low and high are given"))
            continue
        try:
            values[col] = _number(cells[col], allow_infinite=parse)
        except ValueError as exc:
            problems.append((col, str(exc)))
    if _missing(cells.get("unit")):
        problems.append(("unit", "must not be empty"))
    else:
        try:
            values["unit"] = _unit(cells["unit"])
        except ValueError as exc:
            problems.append(("unit", str(exc)))
    for col, parse_cell in _PARSERS.items():
        if not _missing(cells.get(col)):
            try:
                values[col] = parse_cell(cells[col])
            except ValueError as exc:
                problems.append((col, str(exc)))
    if "value" not in values and "low" in values and "high" in values:
        low, high = values["low"], values["high"]
        if math.isinf(low) or math.isinf(high):
            problems.append(("value", "must not be empty when low or high is open (inf)"))
        elif low > high:
            problems.append(("low", f"low {low:g} is above high {high:g}"))
        else:
            values["value"] = (low + high) / 2  # a range row: the interval is what it allows
    elif ("value" in values and "tolerance" not in values and _missing(cells.get("low"))
          and _missing(cells.get("high")) and "unit" in values):
        values["precision"] = _precision(cells["value"], values["value"], values["unit"])
    if "value" in values and "unit" in values:
        negative = [c for c in ("value", "low", "high")
                    if c in values and values[c] < 0 and values[c] != -math.inf]
        if negative and _nonnegative(values["unit"]):
            problems.append((negative[0], f"{values['unit']} cannot be negative, got "
                             f"{values[negative[0]]:g}; check the sign"))
    if "value" in values:
        low = values.setdefault("low", values["value"])
        high = values.setdefault("high", values["value"])
        if low > values["value"]:
            problems.append(("low", f"low {low:g} is above value {values['value']:g}"))
        if high < values["value"]:
            problems.append(("high", f"high {high:g} is below value {values['value']:g}"))
    values["extra"] = tuple(
        (name, _text(cells[name])) for name in extra if not _missing(cells.get(name))
    )
    if problems:
        columns = ", ".join(dict.fromkeys(c for c, _ in problems))
        message = (problems[0][1] if len(problems) == 1
                   else "; ".join(f"{c}: {m}" for c, m in problems))
        return RowError(path, line, columns, message)
    return ReferenceRow(**values)


def parse_header(columns: Sequence[object], path: str, line: int) -> tuple[list[str], list[RowError]]:
    """Normalised column names, the extra ones, and errors for missing, duplicate or mistyped."""
    names = [_text(c).casefold() for c in columns]
    errors = []
    seen: set[str] = set()
    for name in names:
        if name in seen:
            errors.append(RowError(path, line, name, "column appears twice"))
        seen.add(name)
        if name not in KNOWN_COLUMNS:
            import difflib  # only for a column figcheck does not know

            close = difflib.get_close_matches(name, KNOWN_COLUMNS, n=1, cutoff=0.8)
            if close and close[0] not in names:
                errors.append(
                    RowError(path, line, name, f"unknown column; did you mean {close[0]!r}?")
                )
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            errors.append(RowError(path, line, name,
                                   f"required column is missing (found: {', '.join(names)})"))
    return names, errors
