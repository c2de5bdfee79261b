"""Texts derived from word lists (the lexicons' regex alternations) kept between runs.

Writing the alternation of a few thousand unit forms or names as a prefix tree is a good part of
building the scanner's lexicon, and its result depends only on the words, the code that writes
it and this Python (``re.escape``). :func:`kept_text` keeps each result in the user cache, keyed
by the kind of text, a digest of the file of the code that writes it and the words themselves,
in a store of its own for each Python build, so a later run reads it instead of deriving it
again: an entry can only be what the same code made of the very same words, so nothing can go
stale. Without a cache folder, or when the store or the code's file cannot be read, every text
is made as usual.
"""

from __future__ import annotations

import functools
import hashlib
import sys
import threading
from collections.abc import Callable

from .user_cache import KeptTable, cache_folder

__all__ = ["MIN_WORDS", "kept_text"]

_STORE = "texts-v2.marshal"
_MAX_BYTES = 1_000_000  # past this, a store keeps only the texts of the run that writes it
# A shorter word list is written about as fast as it is looked up; not keeping it also keeps
# the store to figcheck's own lists, not every list a test or a user's lexicon passes through.
MIN_WORDS = 16
_LOCK = threading.Lock()

_state: list[KeptTable | None] = []  # empty until the store is first asked for


def kept_text(kind: str, words: frozenset[str], make: Callable[[], str], module: str) -> str:
    """``make()``: the text of kind ``kind`` (the name of the function that writes it, with any
    argument besides the words) made from ``words`` by the code of the module named ``module``
    (the caller's ``__name__``), read from the store when made before (for ``MIN_WORDS`` words
    or more)."""
    store = _texts() if len(words) >= MIN_WORDS else None
    code = _digest(module) if store is not None else None
    if store is None or code is None:
        return make()
    key = (kind, code, words)
    text = store.kept.get(key) or store.made.get(key)
    if type(text) is str:
        store.used.add(key)
        return text
    text = make()
    store.add(key, text)
    return text


@functools.cache
def _digest(module: str) -> str | None:
    """A digest of the file the module ``module`` was loaded from (its source, or its compiled
    extension); None when it cannot be read (then nothing is kept)."""
    source = getattr(sys.modules.get(module), "__file__", None)
    if not isinstance(source, str):
        return None
    try:
        with open(source, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()[:32]
    except OSError:
        return None


def _texts() -> KeptTable | None:
    """This process's store, opened on first use; None when texts cannot be kept here."""
    if _state:
        return _state[0]
    with _LOCK:
        if not _state:
            stamp = hashlib.sha256(sys.version.encode()).hexdigest()[:16]
            folder = cache_folder(f"texts-{sys.implementation.cache_tag}-{stamp}")
            _state.append(None if folder is None else KeptTable(folder, _STORE, _MAX_BYTES))
    return _state[0]
