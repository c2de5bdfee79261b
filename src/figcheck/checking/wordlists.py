"""The alignment's word lists (``[alignment]`` in ``data/checks.toml``) and the rough root that
lets inflections of a word meet when the words near two figures are compared.

>>> "killed" in align_words().change_cues, root("arrested")
(False, 'arrest')
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from ..frozen_record import FrozenRecord
from ..lexicon.files import data_file
from ..lexicon.matching import words

__all__ = ["AlignWords", "align_words", "root"]

_SUFFIXES = ("ing", "ed", "es", "s", "e", "y")


class AlignWords(FrozenRecord):
    """Word lists of ``[alignment.words]`` in ``data/checks.toml``."""

    ignore: frozenset[str]
    boundaries: frozenset[str]
    generic_measures: frozenset[str]
    self_only: frozenset[str]
    exclusive: tuple[frozenset[str], ...]
    change_cues: frozenset[str]
    base_markers: tuple[tuple[str, ...], ...]
    role_nouns: frozenset[str]
    base_period_markers: tuple[tuple[str, ...], ...]
    qualifiers: Mapping[str, str]
    synonyms: Mapping[str, str]
    person_events: frozenset[str] = frozenset()


@functools.cache
def align_words() -> AlignWords:
    """The alignment word lists, loaded once."""
    f = data_file("checks.toml")
    table = f.table("alignment").get("words", {})

    def word_list(key: str) -> frozenset[str]:
        value = f.string_list(table.get(key), key, "alignment.words")
        return frozenset(w for v in value for w in words(v))

    groups = f.table("alignment").get("exclusive", {})
    exclusive = []
    for name, members in groups.items():
        f.string_list(members, name, "alignment.exclusive")
        exclusive.append(frozenset(" ".join(words(m)) for m in members))
    changes = data_file("changes.toml")
    cues = {w.casefold() for w in table.get("change_cues", [])}
    word_list("change_cues")  # validates the list
    for part in ("verbs", "nouns", "adverbs"):
        for key, forms in changes.table(part).items():
            if key in ("increase", "decrease"):  # not "not_after": those words say no change
                cues.update(form.casefold() for form in forms if " " not in form)
    quals: dict[str, str] = {}
    table_q = f.table("alignment").get("qualifiers", {})
    for name, forms in table_q.items():
        f.string_list(forms, name, "alignment.qualifiers")
        for form in [name, *forms]:
            for w in words(form):
                quals[w] = " ".join(words(name))
    synonyms: dict[str, str] = {}
    for name, forms in f.table("alignment").get("synonyms", {}).items():
        if not isinstance(forms, list) or not all(isinstance(x, str) for x in forms):
            raise f.error(name, "must be a list of words", table="alignment.synonyms")
        for form in [name, *forms]:
            synonyms[" ".join(words(form))] = " ".join(words(name))
    markers = f.string_list(table.get("base_markers", []), "base_markers", "alignment.words")
    base = tuple(tuple(m.casefold().split()) for m in markers)
    markers = f.string_list(table.get("base_period_markers", []), "base_period_markers",
                            "alignment.words")
    base_period = tuple(tuple(m.casefold().split()) for m in markers)
    return AlignWords(word_list("ignore"), word_list("boundaries"), word_list("generic_measures"),
                      word_list("self_only"), tuple(exclusive), frozenset(cues), base,
                      word_list("role_nouns"),
                      base_period, quals, synonyms, word_list("person_events"))


@functools.lru_cache(maxsize=1 << 16)
def root(word: str) -> str:
    """A rough root that lets inflections meet ("arrested", "arrests" -> "arrest"); used only to
    compare the words near two figures, never shown.

    >>> [root(w) for w in ("arrested", "marching", "injured", "injury", "rate")]
    ['arrest', 'march', 'injur', 'injur', 'rate']
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word
