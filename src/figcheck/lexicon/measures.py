"""The measure step's word lists: scales, the verb group, people nouns, qualifiers.

``data/measures.toml`` is loaded, validated and indexed here once;
:mod:`figcheck.extraction.context.measure` reads claims with the result.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Final

from ..regex_cache import compile_pattern
from .files import DataFile, data_file
from ..errors import RuleDefinitionError

__all__ = ["MeasureLexicon", "default_measures", "load_measures"]

_WORD: Final = compile_pattern(r"[a-z][a-z'\-]*")
_PHRASE: Final = compile_pattern(r"[a-z][a-z'\-]*(?: [a-z][a-z'\-]*)*")
_NAME: Final = compile_pattern(r"[a-z][a-z_]*")
_ABBREVIATION: Final = compile_pattern(r"[A-Za-z][A-Za-z0-9]*")
_LISTS: Final = (
    "verbs", "fillers", "people", "groups", "qualifiers", "auxiliaries", "pronouns", "not_nouns",
    "subsets", "times", "descriptive", "adjective_endings",
)
_SCALE_KEYS: Final = ("before", "after", "events")


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class MeasureLexicon:
    """The validated contents of a measures file; build one with :func:`load_measures`.

    Scale phrases are stored as word tuples; ``before`` phrases reversed, so that a walk
    leftwards from a figure compares them word by word.
    """

    before: tuple[tuple[tuple[str, ...], str], ...]  # (reversed words, scale)
    after: tuple[tuple[tuple[str, ...], str], ...]  # (words, scale)
    events: dict[str, str]  # noun -> scale
    verbs: frozenset[str]
    fillers: frozenset[str]
    people: frozenset[str]
    groups: frozenset[str]
    qualifiers: frozenset[str]
    auxiliaries: frozenset[str]
    pronouns: frozenset[str]
    not_nouns: frozenset[str]
    subsets: frozenset[str]
    times: frozenset[str]
    descriptive: frozenset[str]
    adjective_endings: tuple[str, ...]
    event_heads: dict[str, str]
    verb_measures: dict[str, str]
    extents: dict[str, str]
    abbreviations: dict[str, str]  # a noun as written after a figure -> the noun it stands for
    # a bare count of this measure is in this unit and states this concept ("age": year, age)
    implied_units: dict[str, tuple[str, str]]
    # ``before`` and ``after`` by the word next to the figure (the phrase's first), in order
    before_by_word: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    after_by_word: dict[str, tuple[tuple[tuple[str, ...], str], ...]]


def _strings(df: DataFile, table: str, key: str, values: object, pattern: re.Pattern[str]) -> list[str]:
    what = "lower-case word" if pattern is _WORD else "lower-case phrase"
    return df.string_list(values, key, table, empty=False, pattern=pattern, what=what, unique=True)


def load_measures(df: DataFile) -> MeasureLexicon:
    """Validate and index a file in the grammar of ``data/measures.toml``.

    Raises:
        RuleDefinitionError: an entry is malformed; the error names file, line and key.

    >>> lex = load_measures(data_file("measures.toml"))
    >>> lex.events["aftershock"], "rose" in lex.verbs
    ('magnitude', True)
    """
    before: list[tuple[tuple[str, ...], str]] = []
    after: list[tuple[tuple[str, ...], str]] = []
    events: dict[str, str] = {}
    for name, spec in df.table("scales").items():
        table = f"scales.{name}"
        if not _NAME.fullmatch(name) or not isinstance(spec, dict):
            raise RuleDefinitionError(
                df.path, df.line_of(name), table, "a scale is a [scales.<name>] table, lower case"
            )
        unknown = set(spec) - set(_SCALE_KEYS)
        if unknown:
            raise df.error(min(unknown), "unknown key; expected before, after or events", table)
        for phrase in _strings(df, table, "before", spec.get("before"), _PHRASE):
            before.append((tuple(reversed(phrase.split(" "))), name))
        for phrase in _strings(df, table, "after", spec.get("after"), _PHRASE):
            after.append((tuple(phrase.split(" ")), name))
        for word in _strings(df, table, "events", spec.get("events"), _WORD):
            events[word] = name
    lists = {key: frozenset(words) for key, words in df.lists(
        "words", _LISTS, empty=False, pattern=_WORD, what="lower-case word", unique=True).items()}
    heads: dict[str, str] = {}
    for concept, head in df.table("event_heads").items():
        if not isinstance(head, str) or not _PHRASE.fullmatch(head):
            raise df.error(concept, f"the head must be a lower-case phrase, got {head!r}", "event_heads")
        heads[concept] = head
    named: dict[str, str] = {}
    for verb, measure in df.table("verb_measures").items():
        if not _WORD.fullmatch(verb) or not isinstance(measure, str) or not _PHRASE.fullmatch(measure):
            raise df.error(verb, f"expected a lower-case verb = a lower-case measure, got {measure!r}", "verb_measures")
        named[verb] = measure
    extents: dict[str, str] = {}
    for word, measure in df.table("extents").items():
        if not _WORD.fullmatch(word) or not isinstance(measure, str) or not _PHRASE.fullmatch(measure):
            raise df.error(word, f"expected a lower-case word = a lower-case measure, got {measure!r}", "extents")
        extents[word] = measure
    abbreviations: dict[str, str] = {}
    for short, noun in df.table("abbreviations").items():
        if not _ABBREVIATION.fullmatch(short) or not isinstance(noun, str) or not _PHRASE.fullmatch(noun):
            raise df.error(short, f"expected an abbreviation = a lower-case noun phrase, got {noun!r}", "abbreviations")
        abbreviations[short] = noun
    implied: dict[str, tuple[str, str]] = {}
    for measure, spec in df.table("implied_units").items():
        unit = spec.get("unit") if isinstance(spec, dict) else None
        implied_concept = spec.get("concept") if isinstance(spec, dict) else None
        if not _PHRASE.fullmatch(measure) or not isinstance(unit, str) or not isinstance(implied_concept, str):
            raise df.error(
                measure, f"expected measure = {{ unit = <unit>, concept = <concept> }}, got {spec!r}",
                "implied_units",
            )
        implied[measure] = (unit, implied_concept)
    # longest phrases first, so "a magnitude of" wins over "magnitude"
    before.sort(key=lambda p: -len(p[0]))
    after.sort(key=lambda p: -len(p[0]))
    return MeasureLexicon(
        before_by_word=_by_first_word(before),
        after_by_word=_by_first_word(after),
        before=tuple(before),
        after=tuple(after),
        events=events,
        verbs=lists["verbs"],
        fillers=lists["fillers"],
        people=lists["people"],
        groups=lists["groups"],
        qualifiers=lists["qualifiers"],
        auxiliaries=lists["auxiliaries"],
        pronouns=lists["pronouns"],
        not_nouns=lists["not_nouns"],
        subsets=lists["subsets"],
        times=lists["times"],
        descriptive=lists["descriptive"],
        adjective_endings=tuple(sorted(lists["adjective_endings"])),
        event_heads=heads,
        verb_measures=named,
        extents=extents,
        abbreviations=abbreviations,
        implied_units=implied,
    )


def _by_first_word(
    phrases: list[tuple[tuple[str, ...], str]],
) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The phrases grouped by their first word, each group in the order of ``phrases``."""
    groups: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase in phrases:
        groups.setdefault(phrase[0][0], []).append(phrase)
    return {word: tuple(group) for word, group in groups.items()}


@functools.cache
def default_measures() -> MeasureLexicon:
    """The measure lexicon built from figcheck's own ``measures.toml``."""
    return load_measures(data_file("measures.toml"))
