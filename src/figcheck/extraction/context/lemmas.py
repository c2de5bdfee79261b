"""English lemmas and dictionary membership, from simplemma.

simplemma decodes its whole English dictionary (about 180,000 forms) on first use,
most of a short run's time. With the ``fast`` extra (marisa-trie, platformdirs) the
dictionary is kept instead as a trie in the user's cache folder, built once and
then opened without decoding; the answers are the same, read from the same
dictionary. Without the extra, or when no cache folder can be written, simplemma's
default in-memory dictionary is used.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["is_known", "lemmatize"]

_LANG = "en"


def lemmatize(word: str) -> str:
    """simplemma's lemma of ``word`` (English)."""
    return _tools()[0](word)


def is_known(word: str) -> bool:
    """Is ``word`` a form in simplemma's English dictionary?"""
    return _tools()[1](word)


@functools.cache
def _tools() -> tuple[Callable[[str], str], Callable[[str], bool]]:
    import simplemma

    factory = _trie_factory(simplemma.__version__)
    if factory is None:
        return (
            lambda w: str(simplemma.lemmatize(w, lang=_LANG)),
            lambda w: bool(simplemma.is_known(w, lang=_LANG)),
        )
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
    from simplemma.utils import normalize_token

    lemmatizer = simplemma.Lemmatizer(
        lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)
    )
    lookup = DictionaryLookupStrategy(factory)
    return (
        lambda w: str(lemmatizer.lemmatize(w, lang=_LANG)),
        lambda w: lookup.get_lemma(normalize_token(w), _LANG) is not None,
    )


def _trie_factory(version: str) -> Any | None:
    """simplemma's trie-backed dictionaries with the English trie cached on disk, or None
    (no marisa-trie, or no cache folder to keep the trie in)."""
    try:
        from platformdirs import user_cache_dir
        from simplemma.strategies.dictionaries.trie_dictionary_factory import (
            TrieDictionaryFactory,
        )

        folder = Path(user_cache_dir("figcheck")) / f"simplemma-{version}"
        if (folder / f"{_LANG}.dic").is_file():
            return TrieDictionaryFactory(disk_cache_dir=str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        # Built in a private folder, then moved in whole: a process reading the cache
        # never sees a half-written trie.
        with tempfile.TemporaryDirectory(dir=folder) as tmp:
            factory = TrieDictionaryFactory(disk_cache_dir=tmp)
            factory.get_dictionary(_LANG)
            os.replace(Path(tmp) / f"{_LANG}.dic", folder / f"{_LANG}.dic")
        return factory
    except (ImportError, OSError):
        return None
