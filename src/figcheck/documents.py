"""Documents: the texts figcheck reads, and loading them from files.

>>> Document("note", "The crash killed 1,351 people.").id
'note'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DocumentError, OptionError
from .files import read_text

__all__ = ["Document", "load_documents"]

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Document:
    """One text to check: an ``id`` used in every report, the ``text``, and free-form ``meta``."""

    id: str
    text: str
    meta: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise OptionError(f"Document id must be a non-empty str, got {self.id!r}")
        if not isinstance(self.text, str):
            raise OptionError(f"Document text must be a str, got {type(self.text).__name__}")
        if not isinstance(self.meta, Mapping):
            raise OptionError(f"Document meta must be a mapping, got {type(self.meta).__name__}")


def _read(path: Path, name: str, encoding: str) -> Document:
    return Document(name, read_text(path, name, encoding), {"path": str(path)})


def _expand(item: str | Path) -> list[tuple[Path, str]]:
    name = str(item)
    if isinstance(item, Path) or not (_GLOB_CHARS & set(name)) or Path(name).exists():
        return [(Path(name), name)]
    import glob  # only for a name with wildcards

    matches = sorted(glob.glob(name, recursive=True))
    files = [m for m in matches if Path(m).is_file()]
    if not files:
        raise DocumentError(name, "no file matches this pattern")
    return [(Path(m), m) for m in files]


def load_documents(paths_or_globs: str | Path | Iterable[str | Path], *,
                   encoding: str = "utf-8") -> list[Document]:
    """Text files (UTF-8 unless ``encoding`` names another) as Documents, in the order given
    (each glob's matches sorted).

    The document id is the path as given (or as the glob matched it). A file named twice is
    loaded once, at its first position. A missing file, an empty glob, a directory, a binary or
    an undecodable file is a :class:`~figcheck.errors.DocumentError` naming it: nothing is
    skipped silently.
    """
    items = [paths_or_globs] if isinstance(paths_or_globs, str | Path) else list(paths_or_globs)
    docs: list[Document] = []
    seen: set[Path] = set()
    for item in items:
        if not isinstance(item, str | Path):
            raise OptionError(f"load_documents() takes paths or globs, got {type(item).__name__}")
        for path, name in _expand(item):
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            docs.append(_read(path, name, encoding))
    return docs
