"""The scanner's rules for what a figure is besides its digits: scales, ranks, bands, lists.

Read from ``exclusions.toml`` ([ranks], [references], [age_bands], [lists]),
``unit_aliases.toml`` ([celsius]) and the scales of ``measures.toml`` (one
list for the scanner and the measure step), validated, and compiled once.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .files import DataFile, data_file
from .measures import default_measures
from .scanner import alternation, phrase_pattern
from .. import units as _units
from ..regex_cache import compile_pattern

__all__ = ["ScannerRules", "scanner_rules"]


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ScannerRules:
    """Word lists and patterns for scale readings, ranks, references, age bands and lists."""

    scale_before_re: re.Pattern[str]  # searched in a window ending at the figure
    scale_after_re: re.Pattern[str]  # matched at the figure's end
    scale_event_re: re.Pattern[str]  # a noun right after a decimal figure ("a 4.1 aftershock")
    scales: dict[str, str]  # phrase (single-spaced, lower case) -> unit
    ranks_before: frozenset[str]
    references_before: frozenset[str]
    age_before: frozenset[str]
    age_after_re: re.Pattern[str]
    person_age_before_re: re.Pattern[str]  # "she was " before a bare number: an age
    person_age_after_re: re.Pattern[str]  # matched at the number's end
    list_before: frozenset[str]
    celsius_after: frozenset[str]
    verb_units: frozenset[str]  # unit words that may be verbs ("won")
    verb_units_next: frozenset[str]  # words after them that make them the verb ("won the")
    adverb_not_after: frozenset[str]  # "made up 18%": a phrasal verb, not a change
    object_stops: frozenset[str]  # words that end a change verb's object before "by"


def _words(f: DataFile, table: str, key: str) -> list[str]:
    value = f.table(table).get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise f.error(key, "expected a list of non-empty strings", table)
    return [" ".join(v.lower().split()) for v in value]


@functools.cache
def scanner_rules() -> ScannerRules:
    """The scanner's rules built from figcheck's data files (cached)."""
    exc = data_file("exclusions.toml")
    uni = data_file("unit_aliases.toml")
    measures = default_measures()
    scales: dict[str, str] = {}
    before, after = [], []
    for words, name in measures.before:
        before.append(" ".join(reversed(words)))
        scales[before[-1]] = name
    for words, name in measures.after:
        after.append(" ".join(words))
        scales[after[-1]] = name
    for name in set(scales.values()) | set(measures.events.values()):
        try:
            _units.dimension(name)
        except Exception as exc_:  # pint's errors vary by version
            raise data_file("measures.toml").error(
                name, f"scale {name!r} needs a unit of that name in data/units.txt", "scales"
            ) from exc_
    scales.update(measures.events)
    sp = "[ \u00a0]"
    return ScannerRules(
        scale_before_re=compile_pattern(
            rf"(?i)(?<![\w-])(?P<s>{phrase_pattern(before)})(?:{sp}++|-|{sp}*+-{sp}*+)$"
        ),
        scale_after_re=compile_pattern(rf"(?i)(?:{sp}++|-)(?P<s>{phrase_pattern(after)})(?![\w])"),
        scale_event_re=compile_pattern(
            rf"(?i){sp}++(?P<s>{alternation(list(measures.events))})(?![\w])"
        ),
        scales=scales,
        ranks_before=frozenset(_words(exc, "ranks", "before")),
        references_before=frozenset(_words(exc, "references", "before")),
        age_before=frozenset(_words(exc, "age_bands", "before")),
        age_after_re=compile_pattern(
            rf"(?i)(?:{sp}++|-)(?:years?{sp}*+|-year-old{sp}*+|-year{sp}*+)?(?:{sp}|-)*+"
            rf"(?:{phrase_pattern(_words(exc, 'age_bands', 'after'))})(?![\w])"
        ),
        person_age_before_re=compile_pattern(
            rf"(?i)(?<![\w'’])(?:{phrase_pattern(_words(uni, 'ages', 'subjects'))}){sp}*+"
            rf"(?:{phrase_pattern(_words(uni, 'ages', 'verbs'))})"
            rf"(?:{sp}++(?:{phrase_pattern(_words(uni, 'ages', 'adverbs'))}))?{sp}++$"
        ),
        person_age_after_re=compile_pattern(
            rf"(?i)(?:{sp}*+(?:[.,;:!?)—–]|$)|{sp}++(?:{phrase_pattern(_words(uni, 'ages', 'after'))})(?![\w]))"
        ),
        list_before=frozenset(_words(exc, "lists", "before")),
        celsius_after=frozenset(_words(uni, "celsius", "after")),
        verb_units=frozenset(_words(uni, "verbs", "words")),
        verb_units_next=frozenset(_words(uni, "verbs", "next")),
        adverb_not_after=frozenset(_words(data_file("changes.toml"), "adverbs", "not_after")),
        object_stops=frozenset(_words(data_file("changes.toml"), "objects", "stops")),
    )
