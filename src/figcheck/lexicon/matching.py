"""The words that decide which claims, and which reference rows, are about the same thing.

Loaded from ``[words]``, ``[keys]``, ``[concept_terms]`` and ``[unit_terms]`` of
``data/checks.toml``. The checking stage keys claims with them; reference tables index their
subjects with them.

>>> words("Ukraine's 152 fighter-jets")
('ukraine', '152', 'fighter', 'jet')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Final

from ..regex_cache import compile_pattern
from .files import data_file

__all__ = ["MatchingLexicon", "matching_lexicon", "words"]

# Letters and digits only; possessive quantifier, so no backtracking on long runs.
_WORD: Final = compile_pattern(r"[^\W_]++")
_POSSESSIVE: Final = compile_pattern(r"['’]s(?![^\W_])")
@dataclass(frozen=True, eq=False, repr=False)
class MatchingLexicon:
    """The word lists of ``data/checks.toml`` that normalise subjects, nouns and measures."""

    stopwords: frozenset[str]
    generic_nouns: frozenset[str]
    variants: dict[str, str]
    wildcard_concepts: frozenset[str]
    noun_concepts: frozenset[str]
    concept_terms: dict[str, frozenset[str]]
    unit_terms: dict[str, frozenset[str]]


@functools.cache
def matching_lexicon() -> MatchingLexicon:
    """The matching words from ``figcheck/data/checks.toml``, loaded once."""
    f = data_file("checks.toml")
    w = f.table("words")
    terms = f.table("concept_terms")
    unit_terms = f.table("unit_terms")

    variants = w.get("variants", {})
    if not isinstance(variants, dict) or not all(isinstance(v, str) for v in variants.values()):
        raise f.error("variants", "must be a table of word = \"word\"", table="words")
    raw_variants = {k.casefold(): v.casefold() for k, v in variants.items()}
    plain = MatchingLexicon(frozenset(), frozenset(), raw_variants, frozenset(), frozenset(), {}, {})

    def norm(items: list[str]) -> frozenset[str]:
        return frozenset(t for item in items for t in _normalise(item, plain))

    concept_terms = {}
    for concept in terms:
        concept_terms[concept] = norm(f.strings(concept, "concept_terms")) | norm([concept])
    return MatchingLexicon(
        stopwords=frozenset(s.casefold() for s in f.strings("stopwords", "words")),
        generic_nouns=norm(f.strings("generic_nouns", "words")),
        variants=raw_variants,
        wildcard_concepts=frozenset(f.strings("wildcard_noun_concepts", "keys")),
        noun_concepts=frozenset(f.strings("noun_concepts", "keys")),
        concept_terms=concept_terms,
        unit_terms={u: norm(f.strings(u, "unit_terms")) for u in unit_terms},
    )


def _stem(word: str) -> str:
    # Plural to singular only: enough to make "fatalities"/"fatality" and "jets"/"jet" meet
    # without a dictionary; verbs are left alone (concept_terms lists their forms).
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and (
        word.endswith(("sses", "xes", "zes", "ches", "shes"))
        or (word.endswith("uses") and word[-5] not in "aeiou")
    ):
        return word[:-2]  # buses -> bus, boxes -> box; houses -> house below
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _normalise(text: str, vocab: MatchingLexicon) -> tuple[str, ...]:
    out = []
    for m in _WORD.finditer(_POSSESSIVE.sub("", text.casefold())):
        w = vocab.variants.get(m.group(), m.group())
        w = _stem(w)
        out.append(vocab.variants.get(w, w))
    return tuple(out)


def words(text: str | None, *, keep_stopwords: bool = True) -> tuple[str, ...]:
    """Normalised words of ``text``: lower case, singular, spelling variants unified."""
    if not text:
        return ()
    vocab = matching_lexicon()
    out = _normalise(text, vocab)
    if not keep_stopwords:
        out = tuple(w for w in out if w not in vocab.stopwords)
    return out
