"""Reference tables: loading CSV, TSV, Parquet and DataFrames into validated rows, and the subject
index that reference matching looks rows up by.

Every row is validated on load; all bad rows are reported together in one
:class:`~figcheck.errors.ReferenceTableError`, each once, with its file, line and column(s).
In a CSV, ``line`` is the physical line. A line whose first cell starts with ``#`` is a row like
any other ("#MeToo" is a subject) unless ``comments=True`` makes it a comment. The delimiter is
the one of ``, ; tab |`` that makes the header hold the required columns. A quote that is never
closed, a header with no rows, and rows that repeat a fact (see
:mod:`figcheck.reference.duplicates`) are reported; nothing is skipped silently.
For Parquet files and DataFrames ``line`` is the 1-based row number.
"""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DocumentError, OptionError, ReferenceTableError, RowError
from ..files import CSV_SUFFIXES, PARQUET_SUFFIXES, TABLE_SUFFIXES, read_text, table_files
from ..frozen_record import FrozenRecord
from .duplicates import repeated_facts
from .rows import KNOWN_COLUMNS, REQUIRED_COLUMNS, ReferenceRow, parse_header, parse_row

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ReferenceTable"]


def _build(rows: Iterable[tuple[int, Mapping[str, object]]], extra: Sequence[str], path: str
           ) -> ReferenceTable:
    good: list[ReferenceRow] = []
    bad: list[RowError] = []
    for line, cells in rows:
        result = parse_row(cells, extra, path, line)
        (bad if isinstance(result, RowError) else good).append(result)  # type: ignore[arg-type]
    return _checked(good, bad)


def _checked(rows: Sequence[ReferenceRow], bad: Sequence[RowError] = (), *,
             across_files: bool = False) -> ReferenceTable:
    """The table of ``rows`` once there are no ``bad`` rows and no row repeats a fact.

    Rows that repeat a fact from different sources only warn.
    """
    errors, notes = repeated_facts(rows, across_files=across_files)
    if errors or bad:
        raise ReferenceTableError(sorted([*bad, *errors], key=lambda e: (e.path, e.line)))
    for note in notes:
        warnings.warn(note, UserWarning, stacklevel=4)
    return ReferenceTable(tuple(rows))


_DELIMITERS = (",", ";", "\t", "|")


def _sniff(text: str) -> str | None:
    """The delimiter that splits the first non-blank line into all the required columns."""
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    for delimiter in _DELIMITERS:
        cells = next(csv.reader([first], delimiter=delimiter), [])
        if set(REQUIRED_COLUMNS) <= {c.strip().casefold() for c in cells}:
            return delimiter
    return None


def _header_hints(errors: list[RowError], record: Sequence[str], comments: bool
                  ) -> list[RowError]:
    """Header errors, the first with a hint when the line looks like a comment or the file like
    one with another delimiter."""
    first = record[0].lstrip() if record else ""
    hint = ""
    if first.startswith("#") and not comments:
        hint = ("; the header line starts with '#': lines starting with '#' are rows unless "
                "comments are allowed (comments=True, --reference-comments)")
    elif len(record) == 1 and any(d in first for d in _DELIMITERS):
        found = next(d for d in _DELIMITERS if d in first)
        hint = (f"; the header is one cell holding {found!r}: is the file separated by "
                f"{found!r}? pass delimiter={found!r}")
    if not hint:
        return errors
    head = errors[0]
    return [RowError(head.path, head.line, head.column, head.message + hint), *errors[1:]]


def _file_error(path: str, message: str, line: int = 0) -> ReferenceTableError:
    return ReferenceTableError([RowError(path, line, "(file)", message)])


class _SubjectIndex(FrozenRecord):
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
    def from_csv(cls, path: str | Path, *, delimiter: str | None = None,
                 comments: bool = False) -> ReferenceTable:
        """Load and validate a UTF-8 CSV (``.tsv``: tab-separated) reference table.

        Args:
            path: the file.
            delimiter: the cell separator; by default the one of ``, ; tab |`` that splits the
                header into the required columns (tab for ``.tsv``, else comma, when none does).
            comments: read lines whose first cell starts with ``#`` as comments; by default
                they are rows ("#MeToo" is a subject).
        """
        name = str(path)
        try:
            text = read_text(path, name)
        except DocumentError as exc:
            raise _file_error(name, exc.reason, exc.line) from None
        if delimiter is None:
            delimiter = _sniff(text) or ("\t" if name.lower().endswith(".tsv") else ",")
        # strict: a quote left open is an error at the end of the file, not one giant cell
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        header: list[str] | None = None
        extra: list[str] = []
        records: list[tuple[int, dict[str, object]]] = []
        shape_errors: list[RowError] = []
        last = 0
        try:
            for record in reader:
                line, last = last + 1, reader.line_num
                if not any(c.strip() for c in record):
                    continue  # blank lines
                if comments and record[0].lstrip().startswith("#"):
                    continue
                if header is None:
                    header, errors = parse_header(record, name, line)
                    if errors:
                        raise ReferenceTableError(_header_hints(errors, record, comments))
                    extra = [h for h in header if h not in KNOWN_COLUMNS]
                    continue
                if len(record) != len(header):
                    shape_errors.append(RowError(
                        name, line, "(row)", f"expected {len(header)} cells, found {len(record)}"))
                    continue
                records.append((line, dict(zip(header, record, strict=True))))
        except csv.Error as exc:
            if reader.line_num > last and "end of data" in str(exc):
                raise _file_error(
                    name, 'a quoted cell opened on this line is never closed, so every line '
                    'after it would be one cell; close the quote (a quote inside a quoted cell '
                    'is written "")', last + 1) from None
            raise _file_error(name, f"malformed CSV: {exc}", reader.line_num) from None
        if header is None:
            raise _file_error(name, "empty table: no header line")
        if not records and not shape_errors:
            raise _file_error(name, "the table has a header but no rows; add rows under it", 1)
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
        header, errors = parse_header(columns, path, 0)
        if errors:
            raise ReferenceTableError(errors)
        renamed = dict(zip(frame.columns, header, strict=True))
        extra = [h for h in header if h not in KNOWN_COLUMNS]
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
        except ImportError:
            raise _file_error(
                str(path), "reading Parquet needs a Parquet engine: pip install 'figcheck[parquet]'"
            ) from None
        except (OSError, ValueError) as exc:
            raise _file_error(str(path), f"cannot read as Parquet: {exc}") from None
        return cls.from_frame(frame, path=str(path))

    @classmethod
    def concat(cls, tables: Iterable[ReferenceTable]) -> ReferenceTable:
        """One table holding the rows of ``tables``, in order."""
        rows: list[ReferenceRow] = []
        for t in tables:
            if not isinstance(t, ReferenceTable):
                raise OptionError(f"concat() takes ReferenceTable objects, got {type(t).__name__}")
            rows.extend(t.rows)
        return cls(tuple(rows))

    @classmethod
    def load(cls, source: object, *, comments: bool = False) -> ReferenceTable:
        """A table from a ReferenceTable, a DataFrame, a table file, a folder of them, or a list.

        Table files end in one of :data:`figcheck.files.TABLE_SUFFIXES`. ``comments`` is
        passed to :meth:`from_csv`. Rows of different files that repeat a fact are reported as
        within one file.

        Raises:
            ReferenceTableError: a file is missing, of an unknown format, or has bad rows (every
                bad row of every file is listed).
        """
        if isinstance(source, ReferenceTable):
            return source
        if isinstance(source, str | Path):
            return cls._load_path(Path(source), str(source), comments)
        if isinstance(source, list | tuple):
            errors: list[RowError] = []
            tables = []
            for item in source:
                try:
                    tables.append(cls.load(item, comments=comments))
                except ReferenceTableError as exc:
                    errors.extend(exc.errors)
            if errors:
                raise ReferenceTableError(errors)
            return _checked(cls.concat(tables).rows, across_files=True)
        if type(source).__name__ == "DataFrame":
            return cls.from_frame(source)  # type: ignore[arg-type]
        raise OptionError(
            "reference must be a ReferenceTable, a DataFrame, a path or a list of these, "
            f"got {type(source).__name__}"
        )

    @classmethod
    def _load_path(cls, path: Path, name: str, comments: bool) -> ReferenceTable:
        kinds = ", ".join(TABLE_SUFFIXES[:-1]) + " or " + TABLE_SUFFIXES[-1]
        if not path.exists():
            raise _file_error(name, "no such reference table; check the path")
        if path.is_dir():
            tables = table_files(path)
            if not tables:
                raise _file_error(name, f"folder holds no reference tables ({kinds} files)")
            return cls.load(tables, comments=comments)
        suffix = path.suffix.lower()
        if suffix in PARQUET_SUFFIXES:
            return cls.from_parquet(path)
        if suffix in CSV_SUFFIXES:
            return cls.from_csv(path, comments=comments)
        raise _file_error(name, f"unknown table format; reference tables are {kinds} files")

    @cached_property
    def _subjects(self) -> _SubjectIndex:
        from ..lexicon.matching import matching_lexicon, words

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
