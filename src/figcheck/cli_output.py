"""Where a ``figcheck`` command's output goes: stdout in ``--format``, and the ``-o`` file in the
format its extension names; CSV and JSON Lines are written as they are produced.

A file whose extension names no format is a usage error unless ``--format`` was given; a format
the command cannot write there (``extract -o claims.html``) is an input error, both raised
before anything is read.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

import click

from .cli_exits import silence_stdout
from .frozen_record import FrozenRecord
from .text import replace_surrogates

__all__ = ["FORMAT_BY_SUFFIX", "InputError", "Stdout", "Targets", "open_output", "targets"]

#: Output file extension -> format. Another extension takes --format when it is given, and is a
#: usage error otherwise (never a table silently written into "out.xlsx").
FORMAT_BY_SUFFIX = {
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "table",
    ".html": "html",
    ".htm": "html",
}


class InputError(click.ClickException):
    """A user mistake in the input (file, table, option value): one line, exit 2."""

    exit_code = 2

    def __init__(self, where: str, what: str) -> None:
        super().__init__(f"{where}: {what}" if where else what)


class Targets(FrozenRecord):
    """The format stdout gets (None when the ``-o`` file takes that format) and the file's."""

    stdout: str | None
    path: str | None = None
    file_format: str | None = None

    @property
    def formats(self) -> tuple[str, ...]:
        """Every format written, stdout's first."""
        return tuple(f for f in (self.stdout, self.file_format) if f is not None)


def targets(output: str | None, fmt: str, formats: Sequence[str], format_given: bool) -> Targets:
    """Validate ``-o`` against the command's ``formats``; what goes where."""
    if output is None:
        return Targets(fmt)
    suffix = Path(output).suffix.lower()
    if suffix and suffix not in FORMAT_BY_SUFFIX and not format_given:
        known = ", ".join(sorted(FORMAT_BY_SUFFIX))
        raise click.UsageError(
            f"-o {output}: figcheck does not write {suffix} files; name the file with one of "
            f"{known}, or give --format to write that format under any name"
        )
    file_fmt = FORMAT_BY_SUFFIX.get(suffix, fmt)
    if file_fmt not in formats:
        raise InputError(output, f"unknown format {file_fmt!r}; use one of: "
                         f"{', '.join(formats)}; choose another file extension")
    return Targets(None if file_fmt == fmt else fmt, output, file_fmt)


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[IO[str] | None]:
    """The ``-o`` file opened for writing as UTF-8 (None without one)."""
    if path is None:
        yield None
        return
    try:
        fh = open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(
            path, f"cannot write the output file ({exc.strerror}); check the folder exists"
        ) from None
    with fh:
        yield fh


class Stdout:
    """Standard output as a text file; once the reader has gone (``| head``), writes are
    dropped: the exit code still reports the result."""

    def __init__(self) -> None:
        self.closed = False

    def write(self, text: str) -> int:
        """Print ``text`` (lone surrogates replaced) unless the pipe is closed."""
        if not self.closed:
            try:
                click.echo(replace_surrogates(text), nl=False)
            except BrokenPipeError:
                self._close()
        return len(text)

    def flush(self) -> None:
        """Flush stdout, tolerating a closed pipe."""
        if not self.closed:
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                self._close()

    def _close(self) -> None:
        silence_stdout()
        self.closed = True
