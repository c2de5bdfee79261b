"""TOML text parsed once per content: the parse (and its key lines) kept in the user cache.

Parsing figcheck's data files is a good part of a short run's time, and their text changes
only with figcheck. An entry is named by a SHA-256 digest of the text, of the parser's source
(:mod:`figcheck.tomlkeys`) and of the Python version (whose tomllib parses), in a folder named
for the Python that wrote it (marshal's format is Python's), so an edited file, parser or
interpreter is parsed afresh and never answered from an old entry. Without a cache folder every text is parsed.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import sys
from pathlib import Path
from typing import Any

from . import tomlkeys
from .errors import RuleDefinitionError
from .user_cache import cache_folder, read_entry, write_entry

__all__ = ["parse_toml_cached"]

_FOLDER = f"toml-{sys.implementation.cache_tag}-marshal{marshal.version}"


def parse_toml_cached(
    text: str, path: str, error: type[RuleDefinitionError] = RuleDefinitionError
) -> tuple[dict[str, Any], dict[str, int]]:
    """:func:`figcheck.tomlkeys.parse_toml` of ``text``, read back from the user cache when this
    text was parsed before (same answers; errors are never cached). Meant for figcheck's own
    data files: each distinct text keeps an entry."""
    parser = _parser_digest()
    folder = cache_folder(_FOLDER) if parser is not None else None
    if folder is None:
        return tomlkeys.parse_toml(text, path, error)
    encoded = text.encode("utf-8", "surrogatepass")
    stem = Path(path).stem.replace(".", "_") or "text"
    name = f"{stem}-{hashlib.sha256(parser + encoded).hexdigest()}.marshal"
    kept = _loads(read_entry(folder, name))
    if kept is not None:
        return kept
    data, lines = tomlkeys.parse_toml(text, path, error)
    try:
        payload = marshal.dumps((data, lines))
    except ValueError:  # a value marshal cannot hold (a TOML date or time): parsed every time
        return data, lines
    write_entry(folder, name, payload)
    return data, lines


def _loads(raw: bytes | None) -> tuple[dict[str, Any], dict[str, int]] | None:
    """A kept entry, or None when there is none or it is not one (truncated, foreign)."""
    if raw is None:
        return None
    try:
        value = marshal.loads(raw)
    except (EOFError, ValueError, TypeError):
        return None
    ok = isinstance(value, tuple) and len(value) == 2
    return value if ok and isinstance(value[0], dict) and isinstance(value[1], dict) else None


@functools.cache
def _parser_digest() -> bytes | None:
    """Digest of the parser: figcheck's source of it and the Python whose tomllib it calls;
    None when the source cannot be read (then nothing is cached)."""
    try:
        source = Path(tomlkeys.__file__ or "").read_bytes()
    except OSError:
        return None
    return hashlib.sha256(sys.version.encode() + b"\0" + source + b"\0").digest()
