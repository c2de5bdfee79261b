"""The word lists that name periods: ``data/periods.toml`` and ``data/months.toml``, validated.

>>> lex = period_lexicon()
>>> lex.relative[("last", "year")]
('year', -1)
>>> lex.months["sept"]
9
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Final

from ..regex_cache import compile_pattern
from .files import DataFile, data_file
from .literals import trie_alternation
from .months import load_months

__all__ = ["PeriodLexicon", "load_period_lexicon", "period_lexicon", "tokens_of"]

_TOKEN: Final = compile_pattern(r"[^\W\d_]++|\d++|'s\b|\S")
_MONTH_DAY: Final = compile_pattern(r"(\d\d)-(\d\d)")

# Phrase words too common to mark a sentence as one that may name a period.
_NOT_KEYWORDS: Final = (
    frozenset(("a", "an", "the", "of", "this", "that", "last", "next", "new", "st"))
)

_NTH: Final = (-1, 1, 2, 3, 4)  # the n-th weekday of a month; -1 is the last one
_UNITS: Final = frozenset(("year", "quarter", "month", "week", "weekend", "day"))

_WORD_LISTS: Final = (
    "fiscal", "fiscal_year", "quarter", "half", "month", "week", "year", "open_start", "open_end",
    "range_start", "range_join", "up_to", "base_prep", "same_prep", "superlative",
    "report_verbs", "publish_verbs", "present", "parts_of_day", "movement", "new_clause",
    "finite_verbs", "weak",
)


def tokens_of(phrase: str) -> tuple[str, ...]:
    """The lower-case tokens of ``phrase``, as the period scanner cuts a sentence."""
    return tuple(_TOKEN.findall(phrase.replace("’", "'").lower()))


@dataclass(frozen=True, eq=False, repr=False)
class PeriodLexicon:
    """Everything the period step looks words up in; phrases are tuples of tokens."""

    months: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    counts: dict[str, int]
    relative: dict[tuple[str, ...], tuple[str, int]]
    base: dict[tuple[str, ...], tuple[str, int]]
    same: dict[tuple[str, ...], str]
    holidays_fixed: dict[tuple[str, ...], tuple[int, int]]
    holidays_weekday: dict[tuple[str, ...], tuple[int, int, int]]
    holidays_after: dict[tuple[str, ...], tuple[tuple[str, ...], int]]
    holidays_easter: dict[tuple[str, ...], int]
    words: dict[str, frozenset[str]]
    # first token -> the phrases of every phrase table starting with it, longest first
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    # every word a time expression can start with (besides digits and "the")
    starters: frozenset[str]
    # the words after a day or a count that make it part of a time expression
    after_number: frozenset[str]
    # the words a time expression is found near (it may start a few words before one)
    hit_words: frozenset[str]
    # those and the years "1900" ... "2099" written in ASCII digits
    hit_tokens: frozenset[str]
    # a sentence naming none of these words (nor a year, nor "Q3") names no period: skipped
    keywords: frozenset[str]
    # finds a keyword written as a whole run of letters in a lower-case sentence
    keyword_re: re.Pattern[str]
    # the keywords such a run can be (those of letters only), for a test by set
    letter_keywords: frozenset[str]
    # reader -> the words (after an optional "the") an expression it reads may start with;
    # "<year>" and "<number>" stand for four-digit and other digit runs
    gates: dict[str, frozenset[str]]


def _int_table(f: DataFile, name: str, lo: int, hi: int) -> dict[str, int]:
    out = {}
    for key, value in f.table(name).items():
        if not isinstance(value, int) or not lo <= value <= hi:
            raise f.error(key, f"must be an integer {lo}..{hi}, got {value!r}", name)
        out[key.lower()] = value
    return out


def _unit_offsets(f: DataFile, name: str) -> dict[tuple[str, ...], tuple[str, int]]:
    out = {}
    for key, value in f.table(name).items():
        ok = (
            isinstance(value, list)
            and len(value) == 2
            and value[0] in _UNITS
            and isinstance(value[1], int)
        )
        if not ok:
            raise f.error(key, f'must be [unit, offset] with unit one of {sorted(_UNITS)}', name)
        out[tokens_of(key)] = (value[0], value[1])
    return out


def load_period_lexicon(periods: DataFile, months: DataFile) -> PeriodLexicon:
    """Build the lexicon from files in the grammar of ``periods.toml`` and ``months.toml``.

    Raises:
        RuleDefinitionError: an entry is malformed; the error names file, line and key.
    """
    f = periods
    month_names = load_months(months)
    same = {}
    for key, value in f.table("same").items():
        if value not in ("period", "year"):
            raise f.error(key, 'must be "period" or "year"', "same")
        same[tokens_of(key)] = value
    holidays = f.table("holidays")
    fixed: dict[tuple[str, ...], tuple[int, int]] = {}
    for key, value in holidays.get("fixed", {}).items():
        m = _MONTH_DAY.fullmatch(value) if isinstance(value, str) else None
        if m is None or not (1 <= int(m[1]) <= 12 and 1 <= int(m[2]) <= 31):
            raise f.error(key, 'must be "MM-DD"', "holidays.fixed")
        fixed[tokens_of(key)] = (int(m[1]), int(m[2]))
    by_weekday: dict[tuple[str, ...], tuple[int, int, int]] = {}
    for key, value in holidays.get("weekday", {}).items():
        ok = isinstance(value, list) and len(value) == 3 and all(isinstance(v, int) for v in value)
        if not ok or not (1 <= value[0] <= 12 and 0 <= value[1] <= 6 and value[2] in _NTH):
            raise f.error(
                key, "must be [month 1-12, weekday 0-6, n in 1..4 or -1]", "holidays.weekday"
            )
        by_weekday[tokens_of(key)] = (value[0], value[1], value[2])
    after: dict[tuple[str, ...], tuple[tuple[str, ...], int]] = {}
    for key, value in holidays.get("after", {}).items():
        ok = isinstance(value, list) and len(value) == 2 and isinstance(value[1], int)
        if not ok or tokens_of(str(value[0])) not in by_weekday:
            raise f.error(key, "must be [a holiday of [holidays.weekday], days]", "holidays.after")
        after[tokens_of(key)] = (tokens_of(value[0]), value[1])
    easter: dict[tuple[str, ...], int] = {}
    for key, value in holidays.get("easter", {}).items():
        if not isinstance(value, int):
            raise f.error(
                key, "must be a whole number of days after Easter Sunday", "holidays.easter"
            )
        easter[tokens_of(key)] = value
    table = f.table("words")
    words = {}
    for name in _WORD_LISTS:
        value = f.string_list(table.get(name), name, "words")
        words[name] = frozenset(v.lower() for v in value)
    relative = _unit_offsets(f, "relative")
    base = _unit_offsets(f, "base")
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for table_ in (relative, base, same, fixed, by_weekday, after, easter):
        for phrase in table_:
            phrases.setdefault(phrase[0], []).append(phrase)
    weekdays = _int_table(f, "weekdays", 0, 6)
    ordinals = _int_table(f, "ordinals", -1, 12)
    counts = _int_table(f, "counts", 1, 120)
    starters = set(month_names) | set(weekdays) | set(ordinals) | set(counts) | set(phrases)
    for name in ("fiscal", "open_start", "open_end", "range_start", "present"):
        starters |= words[name]
    starters |= {"last", "next", "this", "q", "h"}
    hit_words = set(month_names) | set(weekdays) | {"q", "h"}
    for name in ("fiscal", "quarter", "half", "month", "week", "year", "present", "open_start",
                 "open_end"):
        hit_words |= words[name]
    for phrase in (p for group in phrases.values() for p in group):
        hit_words |= {t for t in phrase if t.isalpha() and t not in _NOT_KEYWORDS}
    keywords = frozenset(hit_words - words["weak"])
    return PeriodLexicon(
        months=month_names,
        weekdays=weekdays,
        ordinals=ordinals,
        counts=counts,
        relative=relative,
        base=base,
        same=same,
        holidays_fixed=fixed,
        holidays_weekday=by_weekday,
        holidays_after=after,
        holidays_easter=easter,
        words=words,
        phrases={k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in phrases.items()},
        starters=frozenset(starters),
        after_number=frozenset(month_names)
        | words["month"] | words["week"] | words["quarter"] | words["year"]
        | {"st", "nd", "rd", "th", "of"},
        hit_words=frozenset(hit_words),
        hit_tokens=frozenset(hit_words) | {str(year) for year in range(1900, 2100)},
        keywords=keywords,
        keyword_re=_whole_words(keywords),
        letter_keywords=frozenset(w for w in keywords if _LETTERS.fullmatch(w)),
        gates=_gates(words, month_names, weekdays, ordinals, counts, phrases),
    )


def _whole_words(words: frozenset[str]) -> re.Pattern[str]:
    """A pattern finding any of ``words`` standing as a whole run of letters (what
    ``[^\\W\\d_]++`` cuts); a word with other characters could never be such a run."""
    letters = [w for w in words if _LETTERS.fullmatch(w)]
    if not letters:
        return compile_pattern(r"(?!)")
    return compile_pattern(r"(?<![^\W\d_])" + trie_alternation(letters) + r"(?![^\W\d_])")


_LETTERS: Final = compile_pattern(r"[^\W\d_]++")


def _gates(
    words: dict[str, frozenset[str]],
    months: dict[str, int],
    weekdays: dict[str, int],
    ordinals: dict[str, int],
    counts: dict[str, int],
    phrases: dict[str, list[tuple[str, ...]]],
) -> dict[str, frozenset[str]]:
    units = words["year"] | words["month"] | words["week"] | words["quarter"]
    return {
        "open": words["open_start"] | words["open_end"],
        "fiscal": words["fiscal"] | {"<year>"},
        "upto": frozenset(set(counts) | units | {"<number>"}),
        "part": frozenset(set(ordinals) | set(months) | {"q", "h", "first", "last"}),
        "range": words["range_start"] | set(months) | {"<year>", "<number>"},
        "phrase": frozenset(phrases),
        "point": frozenset(
            set(months) | set(weekdays) | {"<year>", "<number>", "last", "next", "this"}
        ),
        "present": words["present"],
    }


@functools.cache
def period_lexicon() -> PeriodLexicon:
    """The lexicon built from figcheck's own ``periods.toml`` and ``months.toml``."""
    return load_period_lexicon(data_file("periods.toml"), data_file("months.toml"))
