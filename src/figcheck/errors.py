"""Exceptions raised by figcheck.

Every error a user can cause derives from :class:`FigcheckError`, mixed into the
built-in exception that fits, so ``except ValueError`` keeps working::

    FigcheckError
    ├── RuleDefinitionError(ValueError)    a data file (lexicon, units, rules) is malformed
    │   └── SpecError                      a figcheck*.toml spec file is malformed
    ├── DocumentError(ValueError)          a document cannot be read (missing, binary, undecodable)
    ├── ReferenceTableError(ValueError)    one or more reference rows are invalid
    ├── UnitMismatchError(TypeError)       two quantities of different dimensions were compared
    ├── OptionError(TypeError, ValueError) an argument (option, format, document) is not usable
    ├── MissingExtraError(ImportError)     an optional extra (figcheck[dask]) is not installed
    └── ClaimCheckFailed(AssertionError)   a figcheck.testing assertion failed
        └── FigcheckFailure                a pytest item of a spec file failed

Messages are built from the attributes in ``__str__`` so they stay consistent,
and every error pickles (``jobs=N`` sends them between processes).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ClaimCheckFailed",
    "DocumentError",
    "FigcheckError",
    "FigcheckFailure",
    "MissingExtraError",
    "OptionError",
    "ReferenceTableError",
    "RowError",
    "RuleDefinitionError",
    "SpecError",
    "UnitMismatchError",
]


class FigcheckError(Exception):
    """Base class of every error figcheck raises on purpose."""


class RuleDefinitionError(ValueError, FigcheckError):
    """A rule or word-list data file is malformed.

    Attributes:
        path: the data file.
        line: 1-based line of the offending entry (0 when unknown).
        key: the table or key that is wrong.
        reason: what is wrong and how to fix it.
    """

    def __init__(self, path: str, line: int, key: str, reason: str) -> None:
        super().__init__(path, line, key, reason)
        self.path, self.line, self.key, self.reason = path, line, key, reason

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.key}: {self.reason}"


class SpecError(RuleDefinitionError):
    """A figcheck spec file (``figcheck*.toml``) is malformed: ``path:line: key: reason``."""


class DocumentError(ValueError, FigcheckError):
    """A document (or another text file) cannot be read as UTF-8 text.

    Attributes:
        path: the file as the user named it.
        reason: what is wrong and how to fix it.
        line: 1-based line of the first undecodable byte (0 when it does not apply).
    """

    def __init__(self, path: str, reason: str, line: int = 0) -> None:
        super().__init__(path, reason, line)
        self.path, self.reason, self.line = path, reason, line

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class RowError:
    """One problem in one reference row: file, 1-based line, column, message."""

    path: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: column {self.column!r}: {self.message}"


class ReferenceTableError(ValueError, FigcheckError):
    """One or more reference rows are invalid; ``errors`` lists every one of them."""

    def __init__(self, errors: list[RowError] | tuple[RowError, ...]) -> None:
        super().__init__(tuple(errors))
        self.errors = tuple(errors)

    @property
    def path(self) -> str:
        """The file of the first bad row."""
        return self.errors[0].path if self.errors else ""

    @property
    def line(self) -> int:
        """The line of the first bad row."""
        return self.errors[0].line if self.errors else 0

    @property
    def column(self) -> str:
        """The column of the first bad row."""
        return self.errors[0].column if self.errors else ""

    def __str__(self) -> str:
        n = len(self.errors)
        head = f"{n} invalid reference row{'s' if n != 1 else ''}"
        return head + ":\n" + "\n".join(f"  {e}" for e in self.errors)


class UnitMismatchError(TypeError, FigcheckError):
    """Two quantities whose dimensions cannot be compared (a count vs a percentage)."""

    def __init__(self, left: str, right: str) -> None:
        super().__init__(left, right)
        self.left, self.right = left, right

    def __str__(self) -> str:
        return f"cannot compare {self.left!r} with {self.right!r}: different dimensions"


class OptionError(TypeError, ValueError, FigcheckError):
    """An argument of a figcheck function is of the wrong type or out of range.

    Both a TypeError and a ValueError, so either ``except`` keeps working; the message names the
    argument and what it accepts.
    """


class MissingExtraError(ImportError, FigcheckError):
    """A feature needs an optional extra that is not installed; the message names the extra."""

    def __init__(self, extra: str, module: str) -> None:
        super().__init__(extra, module)
        self.extra, self.module = extra, module

    def __str__(self) -> str:
        return (f"this needs the {self.module!r} package: pip install 'figcheck[{self.extra}]'")


class ClaimCheckFailed(AssertionError, FigcheckError):
    """A figcheck.testing assertion failed; the message is the full report text."""


class FigcheckFailure(ClaimCheckFailed):
    """A pytest item of a figcheck spec file failed; the message is the whole report."""
