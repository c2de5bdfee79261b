"""Reference tables: the figures claims are compared against.

One row per reference figure (DESIGN.md). Required columns: ``subject``, ``measure``, ``value``,
``unit``. Optional: ``low``, ``high``, ``period``, ``source``, ``url``, ``keywords``, ``aliases``,
``tolerance``, ``claimed_by``. Any other column is kept in :attr:`ReferenceRow.extra` (a name
within a typo of a known column is an error instead).

Cell rules:

- ``value``, ``low``, ``high``: numbers; "1,351" and "1e6" are fine. An empty ``low`` or ``high``
  means the value itself; write ``inf`` / ``-inf`` for an open bound ("at least 3,404").
- ``unit``: a canonical unit name: ``count`` for people and things, ``percent``, an ISO currency
  code, or a unit name pint knows (``mile``, ``kilometer``, ``year``).
- ``keywords``, ``aliases``: semicolon-separated ("Donbass; Donbas region").
- ``tolerance``: relative, ``0.05`` or ``5%``; widens the row's interval when comparing.
- ``claimed_by``: the party whose claim the figure is, when it is not an independent measurement.

Every row is validated on load; all bad rows are reported together in one
:class:`~figcheck.errors.ReferenceTableError`, each once, with its file, line and column(s).
In a CSV, ``line`` is the physical line; lines whose first cell starts with ``#`` are comments.
For Parquet files and DataFrames ``line`` is the 1-based row number.
"""

from __future__ import annotations

import csv
import difflib
import io
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, model_validator

from .errors import ReferenceTableError, RowError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["OPTIONAL_COLUMNS", "REQUIRED_COLUMNS", "ReferenceRow", "ReferenceTable"]

REQUIRED_COLUMNS = ("subject", "measure", "value", "unit")
OPTIONAL_COLUMNS = (
    "low", "high", "period", "source", "url", "keywords", "aliases", "tolerance", "claimed_by",
)
_KNOWN = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
# Plain decimal, or thousands grouped by commas; possessive so a long digit run cannot backtrack.
_NUMBER = re.compile(r"[+-]?+(?:\d{1,3}(?:,\d{3})++|\d++)(?:\.\d++)?+(?:[eE][+-]?+\d++)?+")
_UNIT_CHARS = re.compile(r"[\w %/*^.·‰°µ-]++")
_INFINITE = {"inf": math.inf, "+inf": math.inf, "infinity": math.inf, "∞": math.inf,
             "-inf": -math.inf, "-infinity": -math.inf, "-∞": -math.inf}


class ReferenceRow(BaseModel):
    """One reference figure, validated on load.

    ``path`` and ``line`` say where the row came from (the file and its physical line for CSV;
    the 1-based row number for Parquet and DataFrames), so every message can point back at it.
    ``low``/``high`` are the interval the figure allows; ``extra`` keeps columns figcheck does
    not use, as (name, text) pairs.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_inf_nan="strings")

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
        """(low, high) widened by the row's own tolerance, else by ``tolerance`` (relative)."""
        t = self.tolerance if self.tolerance is not None else tolerance
        return self.low - abs(self.low) * t, self.high + abs(self.high) * t

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
    if math.isnan(x) or (math.isinf(x) and not allow_infinite):
        raise ValueError(f"not a finite number: {value!r}")
    return x


def _unit(value: object) -> str:
    from .units import dimension, registry

    name = _text(value)
    try:
        if not _UNIT_CHARS.fullmatch(name):
            raise ValueError(name)  # pint would drop stray characters ("miles?") silently
        if name in ("count", "percent"):
            return name
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


def _row(cells: Mapping[str, object], extra: Sequence[str], path: str, line: int
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
            if col == "value":
                problems.append((col, "must not be empty"))
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


def _header(columns: Sequence[object], path: str, line: int) -> tuple[list[str], list[RowError]]:
    """Normalised column names, the extra ones, and errors for missing, duplicate or mistyped."""
    names = [_text(c).casefold() for c in columns]
    errors = []
    seen: set[str] = set()
    for name in names:
        if name in seen:
            errors.append(RowError(path, line, name, "column appears twice"))
        seen.add(name)
        if name not in _KNOWN:
            close = difflib.get_close_matches(name, _KNOWN, n=1, cutoff=0.8)
            if close and close[0] not in names:
                errors.append(
                    RowError(path, line, name, f"unknown column; did you mean {close[0]!r}?")
                )
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            errors.append(RowError(path, line, name,
                                   f"required column is missing (found: {', '.join(names)})"))
    return names, errors


def _build(rows: Iterable[tuple[int, Mapping[str, object]]], extra: Sequence[str], path: str
           ) -> ReferenceTable:
    good: list[ReferenceRow] = []
    bad: list[RowError] = []
    for line, cells in rows:
        result = _row(cells, extra, path, line)
        (bad if isinstance(result, RowError) else good).append(result)  # type: ignore[arg-type]
    if bad:
        raise ReferenceTableError(bad)
    return ReferenceTable(tuple(good))


def _file_error(path: str, message: str, line: int = 0) -> ReferenceTableError:
    return ReferenceTableError([RowError(path, line, "(file)", message)])


@dataclass(frozen=True)
class _SubjectIndex:
    """Words of every row's subject and aliases, and which rows each word belongs to."""

    by_word: dict[str, tuple[int, ...]]
    phrases: tuple[tuple[frozenset[str], ...], ...]


@dataclass(frozen=True)
class ReferenceTable:
    """A validated, immutable collection of :class:`ReferenceRow`, indexed by subject words."""

    rows: tuple[ReferenceRow, ...] = ()

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[ReferenceRow]:
        return iter(self.rows)

    def __getitem__(self, i: int) -> ReferenceRow:
        return self.rows[i]

    @classmethod
    def from_csv(cls, path: str | Path, *, delimiter: str | None = None) -> ReferenceTable:
        """Load and validate a UTF-8 CSV (``.tsv``: tab-separated) reference table."""
        name = str(path)
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise _file_error(name, f"cannot read: {exc.strerror or exc}") from None
        if b"\x00" in data[:8192]:
            raise _file_error(name, "binary file, not a CSV text table")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise _file_error(name, f"not UTF-8 text (byte {exc.start})", line) from None
        if delimiter is None:
            delimiter = "\t" if name.lower().endswith(".tsv") else ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header: list[str] | None = None
        extra: list[str] = []
        records: list[tuple[int, dict[str, object]]] = []
        shape_errors: list[RowError] = []
        last = 0
        try:
            for record in reader:
                line, last = last + 1, reader.line_num
                if not any(c.strip() for c in record) or record[0].lstrip().startswith("#"):
                    continue  # blank lines and comment lines
                if header is None:
                    header, errors = _header(record, name, line)
                    if errors:
                        raise ReferenceTableError(errors)
                    extra = [h for h in header if h not in _KNOWN]
                    continue
                if len(record) != len(header):
                    shape_errors.append(RowError(
                        name, line, "(row)", f"expected {len(header)} cells, found {len(record)}"))
                    continue
                records.append((line, dict(zip(header, record, strict=True))))
        except csv.Error as exc:
            raise _file_error(name, f"malformed CSV: {exc}", reader.line_num) from None
        if header is None:
            raise _file_error(name, "empty table: no header line")
        try:
            table = _build(records, extra, name)
        except ReferenceTableError as exc:
            raise ReferenceTableError(sorted(shape_errors + list(exc.errors),
                                             key=lambda e: e.line)) from None
        if shape_errors:
            raise ReferenceTableError(shape_errors)
        return table

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, *, path: str = "<frame>") -> ReferenceTable:
        """Validate a pandas DataFrame with the reference columns (``line`` = 1-based row)."""
        columns = [str(c) for c in frame.columns]
        header, errors = _header(columns, path, 0)
        if errors:
            raise ReferenceTableError(errors)
        renamed = dict(zip(frame.columns, header, strict=True))
        extra = [h for h in header if h not in _KNOWN]
        records = (
            (i, {renamed[k]: v for k, v in rec.items()})
            for i, rec in enumerate(frame.to_dict("records"), 1)
        )
        return _build(records, extra, path)

    @classmethod
    def from_parquet(cls, path: str | Path) -> ReferenceTable:
        """Load and validate a Parquet reference table (needs pyarrow: ``figcheck[parquet]``)."""
        import pandas as pd

        try:
            frame = pd.read_parquet(path)
        except ImportError as exc:
            raise ImportError(
                f"reading {str(path)!r} needs a Parquet engine: pip install 'figcheck[parquet]'"
            ) from exc
        except (OSError, ValueError) as exc:
            raise _file_error(str(path), f"cannot read as Parquet: {exc}") from None
        return cls.from_frame(frame, path=str(path))

    @classmethod
    def concat(cls, tables: Iterable[ReferenceTable]) -> ReferenceTable:
        """One table holding the rows of ``tables``, in order."""
        rows: list[ReferenceRow] = []
        for t in tables:
            if not isinstance(t, ReferenceTable):
                raise TypeError(f"concat() takes ReferenceTable objects, got {type(t).__name__}")
            rows.extend(t.rows)
        return cls(tuple(rows))

    @classmethod
    def load(cls, source: object) -> ReferenceTable:
        """A table from a ReferenceTable, a DataFrame, a .csv/.tsv/.parquet path, a folder of them, or a list."""
        if isinstance(source, ReferenceTable):
            return source
        if isinstance(source, str | Path):
            if Path(source).is_dir():
                tables = sorted(
                    p for p in Path(source).iterdir() if p.suffix.lower() in (".csv", ".tsv", ".parquet", ".pq")
                )
                if not tables:
                    raise ValueError(f"{str(source)!r}: folder holds no .csv, .tsv or .parquet tables")
                return cls.load(tables)
            suffix = Path(source).suffix.lower()
            if suffix in (".parquet", ".pq"):
                return cls.from_parquet(source)
            if suffix in (".csv", ".tsv", ".txt"):
                return cls.from_csv(source)
            raise ValueError(f"{str(source)!r}: unknown table format; use .csv, .tsv or .parquet")
        if isinstance(source, list | tuple):
            errors: list[RowError] = []
            tables = []
            for item in source:
                try:
                    tables.append(cls.load(item))
                except ReferenceTableError as exc:
                    errors.extend(exc.errors)
            if errors:
                raise ReferenceTableError(errors)
            return cls.concat(tables)
        if type(source).__name__ == "DataFrame":
            return cls.from_frame(source)  # type: ignore[arg-type]
        raise TypeError(
            "reference must be a ReferenceTable, a DataFrame, a path or a list of these, "
            f"got {type(source).__name__}"
        )

    @cached_property
    def _subjects(self) -> _SubjectIndex:
        from .lexicon.matching import matching_lexicon, words

        stop = matching_lexicon().stopwords
        phrases = []
        frequency: dict[str, int] = {}
        for row in self.rows:
            row_phrases = []
            for name in (row.subject, *row.aliases):
                ws = frozenset(w for w in words(name) if w not in stop)
                if ws:
                    row_phrases.append(ws)
                    for w in ws:
                        frequency[w] = frequency.get(w, 0) + 1
            phrases.append(tuple(row_phrases))
        # A phrase only matches when all its words are present, so it is filed under its rarest
        # word: "Town 17" under "17", not under the "town" that every row shares.
        by_word: dict[str, list[int]] = {}
        for i, row_phrases in enumerate(phrases):
            for ws in row_phrases:
                anchor = min(ws, key=lambda w: (frequency[w], w))
                by_word.setdefault(anchor, []).append(i)
        return _SubjectIndex({w: tuple(dict.fromkeys(v)) for w, v in by_word.items()},
                             tuple(phrases))

    def rows_sharing_words(self, words: Iterable[str]) -> list[int]:
        """Indices of rows whose subject or an alias may be named by ``words`` (normalised).

        A superset of the rows whose subject words all appear in ``words``; callers check.
        """
        index = self._subjects.by_word
        seen: dict[int, None] = {}
        for w in set(words):
            for i in index.get(w, ()):
                seen[i] = None
        return sorted(seen)

    def subject_phrases(self, i: int) -> tuple[frozenset[str], ...]:
        """The normalised word sets of row ``i``'s subject and aliases."""
        return self._subjects.phrases[i]
