"""The subject finder's name lists from ``data/names.toml``: known names, and words that never name a subject."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Final

from ..regex_cache import compile_pattern
from .files import DataFile, data_file

__all__ = ["NameLists", "default_names", "load_names"]

_CAPITALISED: Final = compile_pattern(r"[A-ZÀ-Þ][\w'’\-]*")
_CAPITALISED_PHRASE: Final = compile_pattern(r"[A-ZÀ-Þ][\w'’\-]*(?: [A-ZÀ-Þ][\w'’\-]*)*")
_LOWER: Final = compile_pattern(r"[a-z][a-z\-]*")
_LOWER_PHRASE: Final = compile_pattern(r"[a-z][a-z\-]*(?: [a-z][a-z\-]*)*")
_LISTS: Final = {
    "known": _CAPITALISED,
    "not_names": _CAPITALISED,
    "storm_words": _CAPITALISED,
    "holidays": _CAPITALISED_PHRASE,
    "place_nouns": _LOWER,
    "directions": _LOWER,
}


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class NameLists:
    """The lists of ``data/names.toml``, ready for look-up.

    ``holidays`` and ``place_phrases`` map a first word (as written, lower case for place
    phrases) to the rest of each phrase, longest first, with the phrase's canonical form.
    """

    known: frozenset[str]
    not_names: frozenset[str]
    storm_words: frozenset[str]
    holidays: dict[str, tuple[tuple[str, ...], ...]]
    place_nouns: frozenset[str]
    directions: frozenset[str]
    place_phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]


def _strings(df: DataFile, key: str, pattern: re.Pattern[str]) -> list[str]:
    return df.strings(key, "names", empty=False, pattern=pattern,
                      what=f"fit for names.{key} (see the grammar)", unique=True)


def load_names(df: DataFile) -> NameLists:
    """Validate a file in the grammar of ``data/names.toml``.

    Raises:
        RuleDefinitionError: a list is missing, an entry does not fit its grammar or is
            listed twice; the error names file, line and key.

    >>> "Kenya" in load_names(data_file("names.toml")).known
    True
    """
    unknown = set(df.table("names")) - set(_LISTS)
    if unknown:
        raise df.error(min(unknown), f"unknown list; expected one of {', '.join(_LISTS)}", "names")
    lists = {key: _strings(df, key, pattern) for key, pattern in _LISTS.items()}
    holidays: dict[str, list[tuple[str, ...]]] = {}
    for phrase in lists["holidays"]:
        first, *rest = phrase.split(" ")
        holidays.setdefault(first, []).append(tuple(rest))
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, canonical in df.table("place_phrases").items():
        if not _LOWER_PHRASE.fullmatch(phrase):
            raise df.error(phrase, "a place phrase must be lower-case words", "place_phrases")
        if not isinstance(canonical, str) or not canonical.strip():
            raise df.error(phrase, "the subject must be a non-empty string", "place_phrases")
        first, *rest = phrase.split(" ")
        phrases.setdefault(first, []).append((tuple(rest), canonical))
    return NameLists(
        known=frozenset(lists["known"]),
        not_names=frozenset(lists["not_names"]),
        storm_words=frozenset(lists["storm_words"]),
        holidays={k: tuple(sorted(v, key=len, reverse=True)) for k, v in holidays.items()},
        place_nouns=frozenset(lists["place_nouns"]),
        directions=frozenset(lists["directions"]),
        place_phrases={
            k: tuple(sorted(v, key=lambda p: len(p[0]), reverse=True)) for k, v in phrases.items()
        },
    )


@functools.cache
def default_names() -> NameLists:
    """figcheck's own ``data/names.toml``."""
    return load_names(data_file("names.toml"))
