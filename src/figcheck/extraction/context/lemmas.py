"""English lemmas and dictionary membership, from simplemma.

simplemma decodes its whole English dictionary (about 180,000 forms) on first use,
most of a short run's time. With marisa-trie and platformdirs (core dependencies) the
dictionary is kept instead as a trie in the user's cache folder, built once and
then opened without decoding; the answers are the same, read from the same
dictionary. Without them, or when no cache folder can be written, simplemma's
default in-memory dictionary is used.

Once the trie is kept, a word the dictionary holds is answered from the trie alone,
as simplemma's own dictionary step answers it, and simplemma (whose import compiles
the rules of every language it knows) is imported only for a word it does not hold.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from ...dist_version import installed_version
from ...regex_cache import kept_while_importing
from ...user_cache import cache_folder

__all__ = ["is_known", "lemmatize"]

_LANG: Final = "en"
_APOSTROPHES: Final = ("'", "’", "ʼ")  # the glyphs simplemma folds; such words take its full path


def lemmatize(word: str) -> str:
    """simplemma's lemma of ``word`` (English)."""
    return _tools()[0](word)


def is_known(word: str) -> bool:
    """Is ``word`` a form in simplemma's English dictionary?"""
    return _tools()[1](word)


@functools.cache
def _tools() -> tuple[Callable[[str], str], Callable[[str], bool]]:
    trie = _kept_trie()
    if trie is None:
        return _simplemma_tools()

    def lemma_of(word: str) -> str:
        token = unicodedata.normalize("NFC", word)
        if _plain(token) and not token.isnumeric():  # simplemma answers a number itself
            with contextlib.suppress(UnicodeError):  # a lone surrogate: simplemma answers
                found = _look_up(trie, token)
                if found:
                    return found
        return _simplemma_tools()[0](word)  # its other steps: rules, affixes, hyphens ...

    def known(word: str) -> bool:
        token = unicodedata.normalize("NFC", word)
        if _plain(token):
            with contextlib.suppress(UnicodeError):
                return _look_up(trie, token) is not None
        return _simplemma_tools()[1](word)

    return lemma_of, known


def _plain(token: str) -> bool:
    """A word simplemma's dictionary step reads as it stands (no apostrophe variants)."""
    return bool(token) and not any(a in token for a in _APOSTROPHES)


def _look_up(trie: Any, token: str) -> str | None:
    """The lemma the dictionary gives ``token`` (NFC, no apostrophe) as simplemma's dictionary
    step finds it: the token, then the token with its first letter's case turned; None when the
    dictionary holds neither."""
    for key in (token, token.lower() if token[:1].isupper() else token.capitalize()):
        value = trie.get(key)
        if value:
            return str(value[0].decode())
    return None


@functools.cache
def _simplemma_tools() -> tuple[Callable[[str], str], Callable[[str], bool]]:
    with kept_while_importing():  # its rules' patterns, compiled once, not once per run
        import simplemma

    factory = _trie_factory(_version() or simplemma.__version__)
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


def _version() -> str:
    """The installed simplemma's version, read without importing it ("" when unknown)."""
    return installed_version("simplemma")


def _kept_trie() -> Any | None:
    """The English trie kept in the cache folder, opened without simplemma; None when there is
    none yet (or no marisa-trie to open it)."""
    version = _version()
    folder = cache_folder(f"simplemma-{version}") if version else None
    if folder is None or not (folder / f"{_LANG}.dic").is_file():
        return None
    try:
        from marisa_trie import BytesTrie

        return BytesTrie().load(str(folder / f"{_LANG}.dic"))
    except Exception:  # no marisa-trie, or a file it cannot read: simplemma's path decides
        return None


def _trie_factory(version: str) -> Any | None:
    """simplemma's trie-backed dictionaries with the English trie cached on disk, or None
    (no marisa-trie, or no cache folder to keep the trie in)."""
    try:
        from simplemma.strategies.dictionaries.trie_dictionary_factory import (
            TrieDictionaryFactory,
        )

        folder = cache_folder(f"simplemma-{version}")
        if folder is None:
            return None
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
