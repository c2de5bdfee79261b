"""The holder step's word lists: what links a holder to its figure and what ends it.

``data/holders.toml`` is loaded and validated here once;
:mod:`figcheck.extraction.context.holder` reads claims with the result.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Final

from ..regex_cache import compile_pattern
from .files import DataFile, data_file

__all__ = ["HolderLexicon", "default_holders", "load_holders"]

_WORD: Final = compile_pattern(r"[a-z&][a-z'\-]*")
_MARK: Final = compile_pattern(r"[^\sA-Za-z0-9]")
_LISTS: Final = ("links", "relatives", "openers", "intros", "pronouns", "joiners", "stops",
          "coordinators", "verb_objects", "purchases", "when", "when_nouns", "lists", "after_links", "reports", "moves", "anaphors")


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class HolderLexicon:
    """The validated contents of a holders file; build one with :func:`load_holders`."""

    links: frozenset[str]
    marks: frozenset[str]
    relatives: frozenset[str]
    openers: frozenset[str]
    intros: frozenset[str]
    pronouns: frozenset[str]
    joiners: frozenset[str]
    stops: frozenset[str]
    coordinators: frozenset[str]
    verb_objects: frozenset[str]
    purchases: frozenset[str]
    when: frozenset[str]
    when_nouns: frozenset[str]
    lists: frozenset[str]
    after_links: frozenset[str]
    reports: frozenset[str]
    moves: frozenset[str]
    anaphors: frozenset[str]
    splits: frozenset[str]  # reports and coordinators: the words that may open a new clause


def load_holders(df: DataFile) -> HolderLexicon:
    """Validate a file in the grammar of ``data/holders.toml``.

    Raises:
        RuleDefinitionError: a list is missing, unknown or malformed; the error names
            file, line and key.

    >>> lex = load_holders(data_file("holders.toml"))
    >>> "of" in lex.links, ":" in lex.marks
    (True, True)
    """
    words = df.table("words")
    df.lists("words", [*_LISTS, "marks"])  # every list there, no unknown one
    lists = {key: frozenset(df.string_list(words[key], key, "words", empty=False, pattern=_WORD,
                                           what="lower-case word", unique=True))
             for key in _LISTS}
    marks = frozenset(
        df.string_list(words["marks"], "marks", "words", empty=False, pattern=_MARK,
                       what="punctuation mark", unique=True)
    )
    return HolderLexicon(marks=marks, splits=lists["reports"] | lists["coordinators"], **lists)


@functools.cache
def default_holders() -> HolderLexicon:
    """The holder lexicon built from figcheck's own ``holders.toml``."""
    return load_holders(data_file("holders.toml"))
