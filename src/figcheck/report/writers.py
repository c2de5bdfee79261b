"""Writers: reports and claims as CSV, JSON and JSON Lines, and the CSV read back.

Every writer takes a destination (a path or an open text or binary file) and returns the text
when there is none. CSV cells that a spreadsheet would run as a formula are defused.
"""

from __future__ import annotations

import io
import json
import math
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any

from ..claims import Claim
from ..errors import DocumentError
from .columns import CLAIM_COLUMNS, CSV_COLUMNS, CSV_DTYPES, claim_rows, iter_claim_rows
from ..text import replace_surrogates

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "SCHEMA_VERSION",
    "Destination",
    "claim_csv_lines",
    "csv_lines",
    "csv_text",
    "defuse",
    "emit_lines",
    "emit_text",
    "json_rows",
    "jsonl_lines",
    "read_csv",
    "undefuse",
    "write_claims_json",
    "write_csv",
    "write_json",
    "write_jsonl",
]

#: Version of the CSV/JSON layout; bumped when a column is renamed or removed.
SCHEMA_VERSION = 2

# Spreadsheets run a cell that starts with one of these as a formula (CWE-1236,
# OWASP ASVS 1.2.10). The apostrophe itself is escaped too, so undefuse() can
# always tell an added apostrophe from one that was in the text.
_FORMULA_STARTS = frozenset("=+-@\t\r'")


def defuse(text: str) -> str:
    """``text`` made safe for a spreadsheet cell: prefix ``'`` if it could start a formula.

    >>> defuse("=SUM(A1:A9)"), defuse("-5% fall"), defuse("1,351 deaths")
    ("'=SUM(A1:A9)", "'-5% fall", '1,351 deaths')
    """
    return "'" + text if text[:1] in _FORMULA_STARTS else text


def undefuse(text: str) -> str:
    """The inverse of :func:`defuse`.

    >>> undefuse(defuse("'quoted")), undefuse(defuse("=1+1"))
    ("'quoted", '=1+1')
    """
    return text[1:] if text[:1] == "'" and text[1:2] in _FORMULA_STARTS else text


Destination = str | os.PathLike[str] | IO[str] | IO[bytes] | None


def emit_text(text: str, dest: Destination = None) -> str | None:
    """Write ``text`` as UTF-8 to ``dest`` (a path or file object); return it if ``dest`` is None."""
    return _emit(text, dest)


def emit_lines(lines: Iterable[str], dest: Destination = None, encoding: str = "utf-8"
               ) -> str | None:
    """Write each of ``lines`` to ``dest`` as it comes (a path is opened once, a file object
    written to line by line); return the joined text when ``dest`` is None.

    ``encoding="utf-8-sig"`` starts the output with a byte-order mark (for Excel).
    """
    if dest is None:
        text = "".join(replace_surrogates(line) for line in lines)
        return "\ufeff" + text if encoding == "utf-8-sig" else text
    if isinstance(dest, (str, os.PathLike)):
        with open(dest, "w", encoding=encoding, newline="") as fh:
            for line in lines:
                fh.write(replace_surrogates(line))
        return None
    binary = isinstance(dest, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(dest, "mode", "")
    if encoding == "utf-8-sig":
        dest.write(b"\xef\xbb\xbf" if binary else "\ufeff")  # type: ignore[arg-type]
    for line in lines:
        line = replace_surrogates(line)
        dest.write(line.encode("utf-8") if binary else line)  # type: ignore[arg-type]
    return None


def _emit(text: str, dest: Destination, encoding: str = "utf-8") -> str | None:
    """Write ``text`` to a path or an open file; return it when ``dest`` is None.

    Lone surrogates (undecodable bytes in a document or its name) become U+FFFD, so the result
    can always be written as UTF-8.
    """
    text = replace_surrogates(text)
    if dest is None:
        return text
    if isinstance(dest, (str, os.PathLike)):
        with open(dest, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
        return None
    if isinstance(dest, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(dest, "mode", ""):
        dest.write(text.encode(encoding))  # type: ignore[arg-type]
    else:
        if encoding == "utf-8-sig":
            text = "\ufeff" + text
        dest.write(text)  # type: ignore[arg-type]
    return None


def _csv_cell(value: Any) -> str:
    """One CSV field: text defused and quoted when needed, floats in round-trip form."""
    if isinstance(value, str):
        text = defuse(value)
        # Quote CR too: with "\n" line ends the csv module would leave a bare CR unquoted,
        # and readers take it for a line break.
        if any(ch in text for ch in ',"\n\r') or text != text.strip(" "):
            return '"' + text.replace('"', '""') + '"'
        return text
    if isinstance(value, float):
        # 12 significant digits: what any claim states, without binary noise (30.000000000000004)
        return repr(float(f"{value:.12g}"))
    return str(value)


def csv_lines(frame: pd.DataFrame) -> Iterator[str]:
    """``frame`` as CSV lines (header first): defused text cells, ``\n`` line ends, empty cells
    for missing."""
    import pandas as pd

    yield ",".join(_csv_cell(v) for v in frame.columns) + "\n"
    for row in frame.astype(object).itertuples(index=False, name=None):
        yield ",".join("" if pd.isna(v) else _csv_cell(v) for v in row) + "\n"


def csv_text(frame: pd.DataFrame) -> str:
    """``frame`` as CSV text: defused text cells, ``\n`` line ends, empty cells for missing."""
    return "".join(csv_lines(frame))


def claim_csv_lines(claims: Iterable[Claim], *, header: bool = True) -> Iterator[str]:
    """Claims as the CSV lines of :meth:`Report.render_claims` ("csv"), one line per claim as it
    comes (header first when ``header``), without building a frame."""
    if header:
        yield ",".join(_csv_cell(c) for c in CLAIM_COLUMNS) + "\n"
    for row in iter_claim_rows(claims):
        yield ",".join("" if row[c] is None else _csv_cell(row[c]) for c in CLAIM_COLUMNS) + "\n"


def write_csv(frame: pd.DataFrame, dest: Destination = None, *, excel: bool = False) -> str | None:
    """Write ``frame`` as UTF-8 CSV (with a BOM when ``excel``), row by row; the text if
    ``dest`` is None."""
    return emit_lines(csv_lines(frame), dest, "utf-8-sig" if excel else "utf-8")


def read_csv(source: str | os.PathLike[str] | IO[str] | IO[bytes]) -> pd.DataFrame:
    """Read a figcheck discrepancy CSV back into the frame :meth:`Report.to_frame` gave.

    Raises:
        DocumentError: the file's header is not :data:`CSV_COLUMNS` (a ValueError too).
    """
    import pandas as pd

    frame = pd.read_csv(
        source,
        dtype=CSV_DTYPES,
        keep_default_na=False,
        na_values=[""],
        encoding="utf-8-sig",
    )
    if tuple(frame.columns) != CSV_COLUMNS:
        where = source if isinstance(source, (str, os.PathLike)) else "<buffer>"
        extra = [c for c in frame.columns if c not in CSV_COLUMNS]
        missing = [c for c in CSV_COLUMNS if c not in frame.columns]
        raise DocumentError(
            str(where),
            f"header is not figcheck's CSV_COLUMNS (missing {missing}, unexpected {extra}); "
            "read only CSV files written by Report.to_csv or figcheck check -o",
        )
    for name, dtype in CSV_DTYPES.items():
        if dtype == "str":
            frame[name] = frame[name].map(lambda v: undefuse(v) if isinstance(v, str) else v)
    return frame.astype(CSV_DTYPES)


def _json_safe(value: Any) -> Any:
    """JSON has no infinities or NaN: infinities become strings (as in Claim), NaN null."""
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
    return value


def _figcheck_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("figcheck")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "unknown"


def json_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` with JSON-safe values: infinities as strings, NaN as null."""
    return [{k: _json_safe(v) for k, v in row.items()} for row in rows]


def write_json(summary: Mapping[str, Any], rows: Iterable[Mapping[str, Any]],
               dest: Destination = None, *, indent: int | None = 2,
               claims: Iterable[Mapping[str, Any]] = ()) -> str | None:
    """One JSON document: schema version, figcheck version, ``summary``, the finding rows and
    every claim with its status (the shape is ``report/assets/report.schema.json``)."""
    doc = {
        "schema_version": SCHEMA_VERSION,
        "figcheck_version": _figcheck_version(),
        "summary": dict(summary),
        "findings": json_rows(rows),
        "claims": json_rows(claims),
    }
    return _emit(json.dumps(doc, indent=indent, ensure_ascii=False) + "\n", dest)


def jsonl_lines(rows: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """JSON Lines, one per row as it comes: JSON-safe values, ``\\n``-terminated."""
    for row in rows:
        safe = {k: _json_safe(v) for k, v in row.items()}
        yield json.dumps(safe, ensure_ascii=False).translate(_LINE_BREAK_ESCAPES) + "\n"


def write_jsonl(rows: Iterable[Mapping[str, Any]], dest: Destination = None) -> str | None:
    """JSON Lines: one object per row, ``\\n``-terminated, written as the rows come."""
    return emit_lines(jsonl_lines(rows), dest)


# json.dumps leaves these unescaped, but line-based readers (str.splitlines among them) take
# them for line ends; inside JSON they can only be in strings, where the escape means the same.
_LINE_BREAK_ESCAPES = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def write_claims_json(claims: Iterable[Claim], dest: Destination = None) -> str | None:
    """Claims as one JSON array of objects with the claim columns' keys."""
    text = json.dumps(json_rows(claim_rows(claims)), indent=2, ensure_ascii=False) + "\n"
    return _emit(text, dest)
