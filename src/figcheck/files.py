"""The user's files: text (UTF-8 unless told otherwise) read with one set of checks, and which files are tables.

Standard library only, so the pytest plugin and the spec loader may use it at collection time.

>>> decode_text(b"1,351 deaths", "note.txt")
'1,351 deaths'
>>> decode_text(b"caf\\xe9", "note.txt")
Traceback (most recent call last):
...
figcheck.errors.DocumentError: note.txt: not UTF-8 text: byte 0xe9 at offset 3 (line 1); ...
>>> decode_text(b"caf\\xe9", "note.txt", "latin-1")
'café'
"""

from __future__ import annotations

import codecs

from pathlib import Path

from .errors import DocumentError

__all__ = [
    "CSV_SUFFIXES",
    "PARQUET_SUFFIXES",
    "TABLE_SUFFIXES",
    "decode_text",
    "read_text",
    "table_files",
]

#: Suffixes of delimited text tables (``.tsv`` is tab-separated).
CSV_SUFFIXES = (".csv", ".tsv")
#: Suffixes of Parquet tables.
PARQUET_SUFFIXES = (".parquet", ".pq")
#: Every suffix figcheck reads as a reference table, in a folder or named on its own.
TABLE_SUFFIXES = CSV_SUFFIXES + PARQUET_SUFFIXES
# A NUL byte in the first block marks a binary file (the heuristic git and grep use).
SNIFF_BYTES = 8192


def decode_text(data: bytes, name: str, encoding: str = "utf-8") -> str:
    """``data`` as text in ``encoding`` (UTF-8 by default; a byte-order mark dropped).

    Raises:
        DocumentError: the data hold a NUL byte in their first block (a binary file), the
            encoding is unknown, or the data are not in it; ``line`` says where the first
            undecodable byte is.
    """
    if b"\x00" in data[:SNIFF_BYTES] and not encoding.lower().replace("-", "").startswith("utf16"):
        raise DocumentError(name, "binary file (contains NUL bytes), not UTF-8 text")
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise DocumentError(name, f"unknown encoding {encoding!r}; use a name such as utf-8, "
                            "latin-1 or cp1252") from None
    try:
        return data.decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        what = "UTF-8" if codec == "utf-8" else codec
        hint = ("convert it to UTF-8, or name its encoding (--encoding latin-1 on the command "
                "line, encoding= in load_documents)") if codec == "utf-8" else "check its encoding"
        raise DocumentError(
            name,
            f"not {what} text: byte {data[exc.start]:#04x} at offset {exc.start} (line {line}); "
            + hint,
            line,
        ) from None


def read_text(path: str | Path, name: str | None = None, encoding: str = "utf-8") -> str:
    """The text of the file at ``path`` (UTF-8 unless ``encoding`` says otherwise); ``name`` is
    what errors call it (default: the path).

    Raises:
        DocumentError: the file is missing, a directory, unreadable, binary or not UTF-8.
    """
    name = str(path) if name is None else name
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise DocumentError(name, "is a directory; pass the files in it (e.g. dir/*.txt)") from None
    except FileNotFoundError:
        raise DocumentError(name, "no such file; check the path") from None
    except OSError as exc:
        raise DocumentError(name, f"cannot read: {exc.strerror or exc}") from None
    return decode_text(data, name, encoding)


def table_files(folder: str | Path) -> list[Path]:
    """The reference tables in ``folder`` (names ending in :data:`TABLE_SUFFIXES`), sorted."""
    return sorted(
        p for p in Path(folder).iterdir() if p.is_file() and p.suffix.lower() in TABLE_SUFFIXES
    )
