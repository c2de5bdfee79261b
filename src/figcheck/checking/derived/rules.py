"""The cue words of the derived checks, loaded once from ``figcheck/data/derived.toml``.

Phrases become one compiled alternation each (longest first, word-bounded, no nested
quantifiers), so matching stays linear in the text.

>>> r = rules()
>>> r.multipliers["tripled"]
3.0
>>> bool(r.exhaustive.search("and the remaining 520"))
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from ...frozen_record import FrozenRecord
from ...lexicon.files import DataFile, data_file
from ...regex_cache import compile_pattern

__all__ = ["DerivedRules", "phrase_pattern", "rules", "within"]

_FILE = "derived.toml"


def phrase_pattern(phrases: list[str], *, suffix: str = "") -> re.Pattern[str]:
    """One case-insensitive, word-bounded alternation of ``phrases`` (longest first; the same
    text in every process, so its compiled form can be kept)."""
    words, others = [], []
    for p in sorted(set(phrases), key=lambda p: (-len(p), p)):
        body = r"\s+".join(re.escape(w) for w in p.split())
        (words if p[:1].isalnum() else others).append(body)
    parts = []
    if words:
        parts.append(r"(?<![\w-])(?:" + "|".join(words) + ")")
    parts.extend(others)
    if not parts:
        return re.compile(r"(?!x)x")
    return compile_pattern("(?:" + "|".join(parts) + r")(?!\w)" + suffix, re.IGNORECASE)


@functools.cache
def within(rule: re.Pattern[str], before: str = "", after: str = "") -> re.Pattern[str]:
    """``rule`` between the patterns ``before`` and ``after``, case-insensitive (made once)."""
    return compile_pattern(f"{before}(?:{rule.pattern}){after}", re.IGNORECASE)


class DerivedRules(FrozenRecord):
    """Validated contents of ``data/derived.toml`` (see its header for the grammar)."""

    multipliers: Mapping[str, float]
    fraction_words: Mapping[str, float]
    fraction_up: re.Pattern[str]
    fraction_down: re.Pattern[str]
    new_cues: re.Pattern[str]
    old_cues: re.Pattern[str]
    not_change: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    point_words: re.Pattern[str]
    period_words: re.Pattern[str]
    exhaustive: re.Pattern[str]
    splits: re.Pattern[str]
    total_openers: re.Pattern[str]
    sum_anaphors: re.Pattern[str]
    share_anaphors: re.Pattern[str]
    generic_wholes: frozenset[str]
    scope_breaks: re.Pattern[str]
    units_in_days: Mapping[str, float]
    to_now: re.Pattern[str]
    ordinals: Mapping[str, int]
    start_words: re.Pattern[str]
    frequency: re.Pattern[str]
    relative_years: Mapping[str, int]


def _words(f: DataFile, table: str, key: str) -> list[str]:
    value = f.strings(key, table, empty=False, blank_items=False)
    return [v.strip().casefold() for v in value]


def _numbers(f: DataFile, table: str, key: str, kind: type) -> dict[str, Any]:
    value = f.table(table).get(key)
    if not isinstance(value, dict) or not value:
        raise f.error(key, "must be a non-empty table of word = number", table=table)
    out: dict[str, Any] = {}
    for word, number in value.items():
        ok = isinstance(number, int | float) and not isinstance(number, bool)
        if kind is int:
            ok = ok and isinstance(number, int)
        if not ok or (kind is float and number <= 0 and key != "relative_years"):
            raise f.error(key, f"{word!r} must map to a positive {kind.__name__}", table=table)
        out[word.casefold()] = kind(number)
    return out


@functools.cache
def rules() -> DerivedRules:
    """The derived checks' rules, parsed and validated once."""
    f = data_file(_FILE)
    pat = functools.partial(_pattern, f)
    return DerivedRules(
        multipliers=_numbers(f, "change", "multipliers", float),
        fraction_words=_numbers(f, "change", "fraction_words", float),
        fraction_up=pat("change", "fraction_up"),
        fraction_down=pat("change", "fraction_down"),
        new_cues=pat("change", "new_cues"),
        old_cues=pat("change", "old_cues"),
        not_change=pat("change", "not_change"),
        clause_breaks=pat("change", "clause_breaks"),
        point_words=pat("change", "point_words"),
        period_words=phrase_pattern([*_words(f, "change", "period_words"), *_month_names()]),
        exhaustive=pat("sum", "exhaustive"),
        splits=pat("sum", "splits"),
        total_openers=pat("sum", "total_openers"),
        sum_anaphors=pat("sum", "anaphors"),
        share_anaphors=pat("share", "anaphors"),
        generic_wholes=frozenset(_words(f, "share", "generic_wholes")),
        scope_breaks=pat("share", "scope_breaks"),
        units_in_days=_numbers(f, "duration", "units_in_days", float),
        to_now=pat("duration", "to_now"),
        ordinals=_numbers(f, "duration", "ordinals", int),
        start_words=pat("duration", "start_words"),
        frequency=pat("duration", "frequency"),
        relative_years=_relative(f),
    )


def _month_names() -> list[str]:
    from ...lexicon.scanner import lexicon

    return sorted(m for m in lexicon().months if len(m) > 3)


def _pattern(f: DataFile, table: str, key: str) -> re.Pattern[str]:
    return phrase_pattern(_words(f, table, key))


def _relative(f: DataFile) -> dict[str, int]:
    value = f.table("duration").get("relative_years")
    if not isinstance(value, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in value.values()
    ):
        raise f.error("relative_years", "must be a table of phrase = whole number of years",
                      table="duration")
    return {k.casefold(): v for k, v in value.items()}
