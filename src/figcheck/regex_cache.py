"""Compiled regular expressions kept between runs, for figcheck's large generated patterns.

Compiling the scanner's patterns (alternations of every unit, currency and fixed name in the
word lists) is a good part of a short run. Python cannot save a compiled pattern, but CPython
makes one from the pattern's text, its flags and the opcodes its regex compiler produced for
them. :func:`compile_pattern` keeps those opcodes in the user cache and makes the pattern from
them on later runs, so a pattern's text is parsed and compiled once, not once per run.

An entry is keyed by the pattern's text and flags themselves, in a store of its own for each
Python build (its version string and the regex engine's magic number), so an entry can only be
what this Python's compiler made of that very text: there is nothing that could go stale. On
anything but CPython 3.11-3.13 (whose compiler this mirrors), without a cache folder, or when the
store cannot be read, patterns are compiled by :func:`re.compile` as usual.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import re
import sys
import threading
from collections.abc import Iterator
from typing import Any

from .user_cache import KeptTable, cache_folder

__all__ = ["compile_pattern", "kept_while_importing"]

_STORE = "patterns-v2.marshal"
_MAX_BYTES = 2_000_000  # past this, a store keeps only the patterns of the run that writes it
_LOCK = threading.Lock()
_IMPORTING = threading.Lock()  # one patched re.compile at a time
# re.compile as loaded; this module's own fallbacks call it, never a patched one
_RE_COMPILE = re.compile


_state: list[KeptTable | None] = []  # empty until the store is first asked for


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, made from the opcodes kept for it when this Python compiled
    the same text before (the same pattern, with the same flags, groups and behaviour)."""
    store = _store()
    if store is None:
        return _RE_COMPILE(pattern, flags)
    key = (pattern, int(flags))
    kept = store.kept.get(key)
    if kept is not None:
        try:
            compiled = _build(pattern, marshal.loads(kept))
        except Exception:  # not an entry this engine takes: compiled afresh below
            store.kept.pop(key, None)
        else:
            store.used.add(key)
            return compiled
    try:
        entry = _opcodes(pattern, key[1])
        compiled = _build(pattern, entry)
        blob = marshal.dumps(entry)
    except Exception:  # a bad pattern raises re.error from re.compile, as it would anyway
        return _RE_COMPILE(pattern, flags)
    store.add(key, blob)
    return compiled


@contextlib.contextmanager
def kept_while_importing() -> Iterator[None]:
    """Within the block, ``re.compile`` of a text pattern is :func:`compile_pattern`: for
    importing a library that compiles many fixed patterns as it loads (simplemma compiles the
    rules of every language it knows, most of its import time). Other calls are passed on."""
    _store()  # opened first: what opening it imports compiles its patterns as usual
    with _IMPORTING:
        usual = re.compile

        def compile(pattern: Any, flags: Any = 0) -> Any:
            if type(pattern) is str and isinstance(flags, int):
                return compile_pattern(pattern, flags)
            return usual(pattern, flags)

        re.compile = compile
        try:
            yield
        finally:
            re.compile = usual


def _store() -> KeptTable | None:
    """This process's store, opened on first use; None when patterns cannot be kept here."""
    if _state:
        return _state[0]
    with _LOCK:
        if not _state:
            _state.append(_open())
    return _state[0]


def _open() -> KeptTable | None:
    if not _supported():
        return None
    stamp = hashlib.sha256(f"{sys.version}\0{_sre_magic()}".encode()).hexdigest()[:16]
    folder = cache_folder(f"regex-{sys.implementation.cache_tag}-{stamp}")
    if folder is None:
        return None
    # each entry is marshalled on its own: opening the store reads bytes, and only the
    # patterns asked for are decoded
    return KeptTable(folder, _STORE, _MAX_BYTES)


def _supported() -> bool:
    """Is this a CPython whose regex compiler :func:`_opcodes` mirrors (and does it work)?"""
    if sys.implementation.name != "cpython" or not (3, 11) <= sys.version_info[:2] <= (3, 13):
        return False
    probe = r"(?i)(?P<word>[a-z]++)(\d)?(?:-(?P=word))?"
    try:
        made = _build(probe, _opcodes(probe, 0))
    except Exception:
        return False
    usual = _RE_COMPILE(probe)
    same = (made.pattern, made.flags, made.groups, made.groupindex) == (
        usual.pattern, usual.flags, usual.groups, usual.groupindex)
    text = "Ab7-ab cd-CD e"
    return same and [m.span(1) for m in made.finditer(text)] == [
        m.span(1) for m in usual.finditer(text)]


def _sre_magic() -> int:
    import _sre

    return int(_sre.MAGIC)


def _opcodes(pattern: str, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]:
    """What CPython's ``re._compiler.compile`` hands the engine for ``pattern``: (flags, opcodes,
    group count, group index, index group)."""
    from re import _compiler, _parser  # CPython's own regex compiler

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # opcodes are int subclasses (named constants): kept as plain ints, which marshal takes
    return (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def _build(pattern: str, entry: tuple[Any, ...]) -> re.Pattern[str]:
    """The compiled pattern the engine makes of ``entry`` (see :func:`_opcodes`)."""
    import _sre

    final_flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
