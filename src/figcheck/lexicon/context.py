"""The context step's word lists: roles of words, the concept lexicon, date patterns.

``data/concepts.toml`` (concepts) and ``data/context.toml`` (everything else) are
loaded, validated and indexed here once; :mod:`figcheck.extraction.context` reads sentences
with the result.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Final

from ..regex_cache import compile_pattern
from .files import DataFile, data_file
from .months import month_numbers
from .names import NameLists, default_names
from ..errors import RuleDefinitionError

__all__ = [
    "AFTER", "AGENT", "BEFORE", "CLAUSE", "DET", "EITHER", "ENTITY", "EVENT", "FILLER", "GENERIC",
    "LETTER", "LINK", "MODIFIER", "NOT_NAME", "PLACE_PREP", "RATE", "SKIP", "STOP", "UNIT", "VERB",
    "COUNTED",
    "ContextLexicon", "default_lexicon", "load_lexicon",
]

# --- word roles: one dict look-up per token gives all of them -------------------------
DET: Final = 1
STOP: Final = 2  # ends a noun phrase or a party name
SKIP: Final = 4  # adjective skipped before a noun ("more", "other")
GENERIC: Final = 8
LINK: Final = 16
CLAUSE: Final = 32
NOT_NAME: Final = 64  # capitalised, but not a name ("The", "In", "Officials", "March")
PLACE_PREP: Final = 128
MODIFIER: Final = 256
FILLER: Final = 512
AGENT: Final = 1024
VERB: Final = 2048
RATE: Final = 4096  # "per", "a": the unit after it is a denominator ("$9 per month")
COUNTED: Final = 8192  # a verb form that is the counted noun right after a figure ("two counts of")

# Concept term kinds.
EVENT, ENTITY, UNIT = 0, 1, 2
# Attribution cue directions.
BEFORE, AFTER, EITHER = 0, 1, 2

# A word starts with a letter; letters and digits joined by single ' ’ or - ("T-72",
# "Ukraine's", "shot-down"). Explicit ranges (Latin, Greek, Cyrillic) scan faster than
# Unicode categories; possessive repeats keep the scan linear. The group makes
# re.split return words and the gaps between them.
LETTER: Final = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff"
_SINGLE_WORD: Final = compile_pattern(r"[a-z][a-z'\-]*")
_TERM: Final = compile_pattern(r"[a-z0-9][a-z0-9'\-]*(?: [a-z0-9][a-z0-9'\-]*)*")
_BRACE: Final = compile_pattern(r"\{([^{}]*)\}")
_SUBJECT_KEY: Final = compile_pattern(r"[A-Z][A-Za-z'\-]*")
_NON_BLANK: Final = compile_pattern(r"\S.*")
_CONCEPT_NAME: Final = compile_pattern(r"[a-z][a-z_]*")

_WORD_ROLES: Final = {
    "determiners": DET | STOP | NOT_NAME,
    "prepositions": STOP | NOT_NAME,
    "conjunctions": STOP | NOT_NAME,
    "pronouns": STOP | NOT_NAME,
    "verbs": STOP | VERB,
    "adverbs": STOP | NOT_NAME,
    "noun_skip": SKIP,
    "generic_nouns": GENERIC,
    "link_words": LINK,
    "clause_words": CLAUSE | STOP,
    "common_words": NOT_NAME,
    "titles": NOT_NAME,
    "place_prepositions": PLACE_PREP,
    "rate_words": RATE,
    "counted_verbs": COUNTED,
}
_WORD_LISTS: Final = tuple(_WORD_ROLES)
_ATTRIBUTION_WORDS: Final = {"modifiers": MODIFIER, "fillers": FILLER, "agents": AGENT}

_Phrase = tuple[tuple[str, ...], str, int]  # (following words, label, kind)


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ContextLexicon:
    """The word lists and concept lexicon, validated and indexed for look-up.

    Build one with :func:`load_lexicon` (or use :func:`default_lexicon`).
    """

    roles: dict[str, int]
    concepts: dict[str, tuple[_Phrase, ...]]
    cues: dict[str, tuple[_Phrase, ...]]
    subjects: dict[str, str]
    months: dict[str, int]
    marked: frozenset[str]  # words worth a second look: concept and cue starts, clause words
    names: NameLists
    figure_verbs: frozenset[str]  # cues that attribute nothing when a figure follows ("added")
    verbs: frozenset[str]  # the words with the VERB role, for a verb test in one look-up
    carried: re.Pattern[str]  # cues whose party is the source of the next sentence's figures


def _expand(term: str) -> list[str]:
    """Expand ``stem{a,b,}`` brace groups into every spelled-out form."""
    m = _BRACE.search(term)
    if m is None:
        return [term]
    head, tail = term[: m.start()], term[m.end() :]
    return [form for alt in m.group(1).split(",") for form in _expand(head + alt + tail)]


def _table_line(df: DataFile, table: str) -> int:
    header = f"[{table}]"
    for number, line in enumerate(df.text.splitlines(), 1):
        if line.strip() == header:
            return number
    return 0


def _word_list(
    df: DataFile, table: str, key: str, values: Any, pattern: re.Pattern[str]
) -> list[str]:
    what = "lower-case word" if pattern is _SINGLE_WORD else "lower-case phrase"
    return df.string_list(values, key, table, empty=False, pattern=pattern, what=what, unique=True)


def _index(entries: list[tuple[str, str, int]]) -> dict[str, tuple[_Phrase, ...]]:
    """First word -> phrases starting with it, longest first (longest match wins)."""
    by_first: dict[str, list[_Phrase]] = {}
    for phrase, label, kind in entries:
        words = phrase.split(" ")
        by_first.setdefault(words[0], []).append((tuple(words[1:]), label, kind))
        if len(words) > 1:  # the hyphenated spelling is one token: "shot-down"
            by_first.setdefault("-".join(words), []).append(((), label, kind))
    return {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in by_first.items()}


def _load_concepts(df: DataFile) -> tuple[list[tuple[str, str, int]], set[str]]:
    entries: list[tuple[str, str, int]] = []
    owner: dict[str, str] = {}
    for concept, spec in df.data.items():
        if not isinstance(spec, dict) or not _CONCEPT_NAME.fullmatch(concept):
            raise RuleDefinitionError(
                df.path,
                _table_line(df, concept),
                concept,
                "a concept must be a [table] named in lower case letters and _",
            )
        unknown = set(spec) - {"terms", "units", "entity"}
        if unknown:
            raise df.error(min(unknown), "unknown key; expected terms, units or entity", concept)
        if "terms" not in spec:
            raise RuleDefinitionError(df.path, _table_line(df, concept), concept,
                                      "missing key 'terms'")
        entity = spec.get("entity", False)
        if not isinstance(entity, bool):
            raise df.error("entity", f"must be true or false, got {entity!r}", concept)
        for key, kind in (("terms", ENTITY if entity else EVENT), ("units", UNIT)):
            if key not in spec:
                continue
            for raw in _word_list(df, concept, key, spec[key], _NON_BLANK):
                if raw.count("{") != raw.count("}"):
                    raise df.error(key, f"unbalanced braces in {raw!r}", concept)
                for term in _expand(raw):
                    if not _TERM.fullmatch(term):
                        raise df.error(
                            key, f"{term!r} (from {raw!r}) is not a lower-case phrase", concept
                        )
                    if term in owner:
                        raise df.error(
                            key, f"{term!r} is already a term of concept {owner[term]!r}", concept
                        )
                    owner[term] = concept
                    entries.append((term, concept, kind))
    if not entries:
        raise RuleDefinitionError(df.path, 0, "<file>", "no concepts defined")
    single_words = {term for term in owner if " " not in term}
    return entries, single_words


def load_lexicon(
    concepts: DataFile, context: DataFile, names: NameLists | None = None
) -> ContextLexicon:
    """Validate and index a concept lexicon and a context word-list file.

    Args:
        concepts: a file in the grammar of ``data/concepts.toml``.
        context: a file in the grammar of ``data/context.toml``.
        names: the subject finder's name lists; figcheck's ``data/names.toml`` by default.

    Raises:
        RuleDefinitionError: an entry is malformed; the error names file, line and key.

    >>> mine = data_file("concepts.toml").text + '[evictions]\\nterms = ["evicted"]'
    >>> lex = load_lexicon(DataFile("mine.toml", mine), data_file("context.toml"))
    >>> from figcheck.extraction.context import claim_context, sentence_context
    >>> s = "Bailiffs evicted 40 families."
    >>> claim_context(sentence_context(s, lexicon=lex), s, 17, 19).concept
    'evictions'
    """
    entries, concept_words = _load_concepts(concepts)
    df = context
    roles: dict[str, int] = {}
    words = df.table("words")
    for key in words:
        if key not in _WORD_LISTS:
            raise df.error(
                key, f"unknown word list; expected one of {', '.join(_WORD_LISTS)}", "words"
            )
    for key in _WORD_LISTS:
        if key not in words:
            raise RuleDefinitionError(
                df.path, _table_line(df, "words"), f"words.{key}", "missing list"
            )
        for word in _word_list(df, "words", key, words[key], _SINGLE_WORD):
            roles[word] = roles.get(word, 0) | _WORD_ROLES[key]

    subjects: dict[str, str] = {}
    for surface, canonical in df.table("subjects").items():
        if not _SUBJECT_KEY.fullmatch(surface):
            raise df.error(surface, "must be one capitalised word", "subjects")
        if not isinstance(canonical, str) or not canonical.strip():
            raise df.error(
                surface, f"the subject must be a non-empty string, got {canonical!r}", "subjects"
            )
        subjects[surface] = canonical
    for canonical in list(subjects.values()):
        if _SUBJECT_KEY.fullmatch(canonical):  # "Russia" is a subject wherever it stands
            subjects.setdefault(canonical, canonical)

    attribution = df.table("attribution")
    extra = set(attribution) - {
        "before", "after", "either", "figure_verbs", "carried", *_ATTRIBUTION_WORDS
    }
    if extra:
        raise df.error(min(extra), "unknown key in [attribution]", "attribution")
    cue_entries: list[tuple[str, str, int]] = []
    for key, direction in (("before", BEFORE), ("after", AFTER), ("either", EITHER)):
        if key not in attribution:
            raise RuleDefinitionError(
                df.path, _table_line(df, "attribution"), f"attribution.{key}", "missing list"
            )
        for phrase in _word_list(df, "attribution", key, attribution[key], _TERM):
            cue_entries.append((phrase, key, direction))
    for key, role in _ATTRIBUTION_WORDS.items():
        if key not in attribution:
            raise RuleDefinitionError(
                df.path, _table_line(df, "attribution"), f"attribution.{key}", "missing list"
            )
        for word in _word_list(df, "attribution", key, attribution[key], _SINGLE_WORD):
            roles[word] = roles.get(word, 0) | role

    figure_verbs = _word_list(
        df, "attribution", "figure_verbs", attribution.get("figure_verbs"), _SINGLE_WORD
    )
    carried = _word_list(df, "attribution", "carried", attribution.get("carried"), _TERM)

    months = month_numbers()
    for name in months:
        roles[name] = roles.get(name, 0) | NOT_NAME
    for word in concept_words:  # "Casualties rose ..." does not name anyone
        roles[word] = roles.get(word, 0) | NOT_NAME

    concept_index, cue_index = _index(entries), _index(cue_entries)
    clause_words = {w for w, r in roles.items() if r & CLAUSE}
    return ContextLexicon(
        roles=roles,
        concepts=concept_index,
        cues=cue_index,
        marked=frozenset(concept_index) | frozenset(cue_index) | clause_words,
        subjects=subjects,
        months=months,
        names=names if names is not None else default_names(),
        figure_verbs=frozenset(figure_verbs),
        verbs=frozenset(w for w, r in roles.items() if r & VERB),
        carried=compile_pattern(
            r"\b(?:" + "|".join(re.escape(c) for c in sorted(carried, key=len, reverse=True)) + r")\b"
        ),
    )


@functools.cache
def default_lexicon() -> ContextLexicon:
    """The lexicon built from figcheck's own ``concepts.toml`` and ``context.toml``."""
    return load_lexicon(data_file("concepts.toml"), data_file("context.toml"))

