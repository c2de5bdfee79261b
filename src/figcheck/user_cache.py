"""figcheck's folder in the user's cache, for results that are slow to make and quick to read back.

Only with the ``fast`` extra (platformdirs names the folder). Callers name each entry by a digest
of everything it was made from, so a changed input makes a new entry and an old one is never
read for it. Nothing here is required: without platformdirs, or when the folder cannot be
written or read, :func:`read_entry` finds nothing and :func:`write_entry` keeps nothing, and the
caller computes the result as it would without a cache.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import threading
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

__all__ = ["KeptTable", "add_to_table", "cache_folder", "read_entry", "read_table", "write_entry"]


def cache_folder(*parts: str) -> Path | None:
    """``<user cache>/figcheck/<parts...>`` (not created), or None without platformdirs."""
    try:
        from platformdirs import user_cache_dir
    except ImportError:
        return None
    return Path(user_cache_dir("figcheck")).joinpath(*parts)


def read_entry(folder: Path | None, name: str) -> bytes | None:
    """The bytes kept under ``name`` in ``folder``; None when there are none (or no folder)."""
    if folder is None:
        return None
    try:
        return (folder / name).read_bytes()
    except OSError:
        return None


def write_entry(folder: Path | None, name: str, payload: bytes) -> bool:
    """Keep ``payload`` under ``name`` in ``folder``; True when kept.

    The bytes are written to a private file and then moved into place whole, so a process
    reading the entry never sees a half-written one. A folder that cannot be made or written
    (read-only home, no space) keeps nothing.
    """
    if folder is None:
        return False
    import tempfile  # only when an entry is written: a run that reads its cache never needs it

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
            os.replace(tmp, folder / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        return False
    return True


def read_table(folder: Path | None, name: str) -> dict[Any, Any]:
    """The dict kept (marshalled) under ``name`` in ``folder``; empty when there is none or the
    entry is not one."""
    raw = read_entry(folder, name)
    if raw is None:
        return {}
    try:
        kept = marshal.loads(raw)
    except (EOFError, ValueError, TypeError):
        return {}
    return kept if isinstance(kept, dict) else {}


def add_to_table(
    folder: Path | None, name: str, made: Mapping[Any, Any], used: Collection[Any], max_bytes: int
) -> None:
    """Add ``made`` to the table under ``name``, keeping what other processes added meanwhile;
    past ``max_bytes`` only the keys in ``used`` or ``made`` are kept. A table that cannot be
    marshalled keeps nothing (and loses nothing)."""
    if not made:
        return
    try:
        merged = {**read_table(folder, name), **made}
        payload = marshal.dumps(merged)
        if len(payload) > max_bytes:
            payload = marshal.dumps({k: v for k, v in merged.items() if k in used or k in made})
    except ValueError:
        return
    write_entry(folder, name, payload)


class KeptTable:
    """A table kept under ``name`` in ``folder``: what earlier runs kept (``kept``), the keys this
    process read from it (``used``) and what it made (``made``), added to the table at exit."""

    def __init__(self, folder: Path, name: str, max_bytes: int) -> None:
        self.folder = folder
        self.name = name
        self.max_bytes = max_bytes
        self.kept: dict[Any, Any] = read_table(folder, name)
        self.used: set[Any] = set()
        self.made: dict[Any, Any] = {}
        self._lock = threading.Lock()

    def add(self, key: Any, value: Any) -> None:
        """Keep ``value`` under ``key``; the first one made registers the save at exit."""
        with self._lock:
            if not self.made:
                atexit.register(self.save)
            self.made[key] = value

    def save(self) -> None:
        """Add what this process made to the table (see :func:`add_to_table`)."""
        add_to_table(self.folder, self.name, self.made, self.used, self.max_bytes)
