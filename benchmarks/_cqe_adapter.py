"""Turn figcheck Claims into CQE scoring tuples.

The adapter translates representation only (unit names, percent vs 0-1
fraction, bound/change labels, concept tokens): one Claim in, one tuple out,
except for a movement "from A to B", which figcheck states as two levels (rules
``*_from`` and ``*_to``) and CQE as one range in A->B order.
The word lists it uses are in ``cqe_vocab.toml`` next to this file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _cqe_score import NO_UNIT, Quantity

from figcheck import Bound, Change, Claim, Kind
from figcheck.extraction.context.nouns import lemma
from figcheck.lexicon.context import default_lexicon
from figcheck.errors import RuleDefinitionError
from figcheck.tomlkeys import key_lines, parse_toml

__all__ = ["VOCAB_PATH", "Vocab", "claim_to_cqe", "claims_to_cqe", "cqe_unit", "load_vocab"]

VOCAB_PATH = Path(__file__).with_name("cqe_vocab.toml")

_CHANGE = {Change.INCREASE: "up", Change.DECREASE: "down"}
_BOUND = {
    Bound.EQ: "=",
    Bound.APPROX: "~",
    Bound.ALMOST: "~",
    Bound.GT: ">",
    Bound.GE: ">",
    Bound.LT: "<",
    Bound.LE: "<",
    Bound.RANGE: "=",  # CQE labels ranges "=" unless they report a movement
}
_PARTICIPLE = ("ing", "ed")
_COORDINATORS = frozenset(("and", "or", "&"))
_WRITTEN = ("digits_", "words_")  # rules of figures written out, never a verbal fraction
_TOKEN_SPLIT = re.compile(r"[,\s]++")
_WORD = re.compile(r"[a-z]++")


@dataclass(frozen=True)
class Vocab:
    """The parsed ``cqe_vocab.toml``."""

    units: dict[str, str]
    per_units: dict[str, str]
    spelling: dict[str, str]
    powers: dict[str, str]
    age_units: dict[str, str]
    age_words: frozenset[str]
    plurals: dict[str, str]
    suffixes: dict[str, str]
    noun_units: dict[str, str]
    minor_units: dict[str, tuple[str, float]]
    percent_marker: re.Pattern[str]
    stopwords: frozenset[str]


def _section(data: dict[str, Any], path: Path, name: str, kind: type, empty: bool = False) -> Any:
    """Table ``name`` as a dict of strings, or its ``words`` list when ``kind`` is list."""
    value = data.get(name)
    if not isinstance(value, dict):
        raise RuleDefinitionError(str(path), 0, name, f"missing table [{name}]")
    if kind is list:
        words = value.get("words")
        if not (isinstance(words, list) and all(isinstance(w, str) for w in words)):
            line = _line_of(path, "words", name)
            raise RuleDefinitionError(str(path), line, f"{name}.words", "must be a list of strings")
        return words
    for key, target in value.items():
        if not isinstance(target, str) or not (target or empty):
            raise RuleDefinitionError(
                str(path),
                _line_of(path, key, name),
                f"{name}.{key}",
                f"must map to a {'' if empty else 'non-empty '}string, got {target!r}",
            )
    return dict(value)


def _line_of(path: Path, key: str, table: str) -> int:
    """1-based line of ``key`` inside ``[table]``; 0 when not found."""
    return key_lines(path.read_text(encoding="utf-8")).get(f"{table}.{key}", 0)


def _minor_units(data: dict[str, Any], path: Path) -> dict[str, tuple[str, float]]:
    table = data.get("minor_units")
    if not isinstance(table, dict):
        raise RuleDefinitionError(str(path), 0, "minor_units", "missing table [minor_units]")
    out = {}
    for word, entry in table.items():
        unit = entry.get("unit") if isinstance(entry, dict) else None
        factor = entry.get("per_major") if isinstance(entry, dict) else None
        if not isinstance(unit, str) or not isinstance(factor, int | float) or factor <= 0:
            raise RuleDefinitionError(
                str(path),
                _line_of(path, word, "minor_units"),
                f"minor_units.{word}",
                f"must be {{ unit = <string>, per_major = <positive number> }}, got {entry!r}",
            )
        out[word] = (unit, float(factor))
    return out


@functools.cache
def load_vocab(path: Path = VOCAB_PATH) -> Vocab:
    """Parse and validate the vocabulary file (a RuleDefinitionError names file, line and key)."""
    data, _ = parse_toml(path.read_text(encoding="utf-8"), str(path))
    markers = _section(data, path, "percent_surface", list)
    alternation = "|".join(re.escape(w.lower()) for w in sorted(markers, key=len, reverse=True))
    return Vocab(
        units=_section(data, path, "units", dict),
        per_units=_section(data, path, "per_units", dict),
        spelling=_section(data, path, "spelling", dict),
        powers=_section(data, path, "powers", dict),
        age_units=_section(data, path, "age_units", dict),
        age_words=frozenset(w.lower() for w in _section(data, path, "age", list)),
        plurals=_section(data, path, "plurals", dict),
        suffixes=_section(data, path, "suffixes", dict, empty=True),
        noun_units=_section(data, path, "noun_units", dict),
        minor_units=_minor_units(data, path),
        # "%" has no word characters, so the lookarounds only guard letters.
        percent_marker=re.compile(rf"(?<![a-z])(?:{alternation})(?![a-z])"),
        stopwords=frozenset(w.lower() for w in _section(data, path, "concept_stopwords", list)),
    )


def _simple_unit(name: str, vocab: Vocab) -> str:
    """One factor of a pint unit name in CQE's words (``meter ** 2`` -> ``square metre``)."""
    name = name.strip()
    if name in vocab.units:
        return vocab.units[name]
    prefix = ""
    for suffix, word in vocab.powers.items():
        if name.endswith(suffix):
            prefix, name = word + " ", name[: -len(suffix)].strip()
            break
    if name in vocab.units:
        return prefix + vocab.units[name]
    words = [vocab.units.get(w, vocab.spelling.get(w, w)) for w in name.split("_")]
    return prefix + " ".join(words)


def cqe_unit(unit: str, vocab: Vocab) -> str:
    """A figcheck unit name (not ``count``) in CQE's vocabulary.

    >>> v = load_vocab()
    >>> cqe_unit("USD", v), cqe_unit("kilometer / hour", v), cqe_unit("meter ** 2", v)
    ('dollar', 'kilometre per hour', 'square metre')
    """
    if unit in vocab.units:
        return vocab.units[unit]
    # in a rate CQE names a unit plainly ("barrel per day", "dollar per barrel")
    return " per ".join(
        vocab.per_units.get(p.strip()) or _simple_unit(p, vocab) for p in unit.split("/")
    )


def _singular(noun: str, vocab: Vocab) -> str:
    """The noun phrase with its last word crudely singularised ("cargo ships" -> "cargo ship");
    a rate's two sides each ("points per game" -> "point per game")."""
    if " per " in noun:
        return " per ".join(_singular(side, vocab) for side in noun.split(" per ", 1))
    *head, last = noun.split()
    low = last.lower()
    if low in vocab.plurals:
        last = vocab.plurals[low]
    elif low.endswith("ses") and (base := lemma(low)) != low:
        last = last[: len(base)] if low.startswith(base) else base  # "viruses", "crises"
    else:
        for plural, singular in vocab.suffixes.items():
            if low.endswith(plural) and len(low) > len(plural) + 1:
                last = last[: -len(plural)] + singular
                break
    return " ".join([*head, last])


def _noun_unit(noun: str | None, vocab: Vocab) -> str:
    """A counted noun phrase as CQE writes units: every word in its dictionary form."""
    if not noun or not noun.strip():
        return NO_UNIT
    singular = _singular(noun.strip(), vocab)
    # "vinyl and cassette copies": CQE writes the shared head's modifiers without "and"
    words = [w for w in singular.split() if w.lower() not in _COORDINATORS] or singular.split()
    # CQE lemmatises a modifier ("richest" -> "rich") but keeps a participle as written
    # ("housing estates", "gas-fired power stations")
    modifiers = (w if w.lower().endswith(_PARTICIPLE) else lemma(w) for w in words[:-1])
    singular = " ".join([*modifiers, words[-1]])
    return vocab.noun_units.get(singular.lower(), singular)


def _is_age(claim: Claim, vocab: Vocab) -> bool:
    """True when the concept, the noun or the span's last word says the duration is an age."""
    words = claim.text.lower().split()
    fields = (claim.concept, claim.noun, words[-1] if words else None)
    return any(f is not None and f.lower() in vocab.age_words for f in fields)


def _minor_unit(claim: Claim, vocab: Vocab) -> tuple[str, float] | None:
    """(CQE unit, factor) when a money claim is written in a minor unit ("50 cents", "20p",
    "one penny", "84 cents a share": the first word of its text that names one)."""
    return next(
        (vocab.minor_units[w] for w in _WORD.findall(claim.text.lower()) if w in vocab.minor_units),
        None,
    )


def _text_order(claim: Claim) -> tuple[float, float]:
    """(first, second) end of a range as written.

    figcheck only builds a range from two figures in ascending order ("from 5.2 to
    4.9" is read as two levels), so the written order is always (low, high).
    """
    return (claim.low, claim.high)


@functools.cache
def _surfaces() -> dict[str, tuple[str, ...]]:
    """Canonical subject -> the words figcheck's lexicon reads as it ("United States": US, ...)."""
    out: dict[str, list[str]] = {}
    for surface, canonical in default_lexicon().subjects.items():
        if surface != canonical:
            out.setdefault(canonical, []).append(surface)
    return {k: tuple(v) for k, v in out.items()}


def _written_subject(claim: Claim) -> str | None:
    """The subject as the sentence writes it: figcheck names a subject canonically ("US" and
    "American" are "United States"), CQE's concept uses the sentence's words. The written
    form nearest the figure, or the canonical name when the sentence spells that."""
    subject = claim.subject
    if not subject or subject.lower() in claim.sentence.lower():
        return subject
    at = claim.start - claim.sentence_start
    best: tuple[int, str] | None = None
    for surface in _surfaces().get(subject, ()):
        for m in re.finditer(rf"\b{re.escape(surface)}\b", claim.sentence):
            distance = abs(m.start() - at)
            if best is None or distance < best[0]:
                best = (distance, surface)
    return best[1] if best is not None else subject


def _concepts(claim: Claim, noun_is_unit: bool, vocab: Vocab) -> tuple[str, ...]:
    """The concept tokens: the words the sentence uses for what the figure is about.

    That is whose (``subject``, as written), what has the value (``holder``) and the
    measured noun unless it already is the unit. figcheck's ``concept`` is a lexicon
    label, often implied by the unit alone ("duration", "length"), not words of the
    sentence: a claim with none of the three gives "-".
    """
    sources = [_written_subject(claim), claim.holder] + ([] if noun_is_unit else [claim.noun])
    tokens: list[str] = []
    seen: set[str] = set()
    for text in sources:
        for token in _TOKEN_SPLIT.split(text or ""):
            low = token.lower()
            if token and low not in vocab.stopwords and low not in seen:
                seen.add(low)
                tokens.append(token)
    return tuple(tokens) or (NO_UNIT,)


def claim_to_cqe(claim: Claim, vocab: Vocab, *, age_set: bool = False) -> Quantity:
    """The CQE tuple for one Claim: value, unit name, change label and concept tokens.

    Args:
        claim: an extracted claim.
        vocab: the mapping tables (``load_vocab()``).
        age_set: durations are ages (``year`` -> ``year of age``), as the paper's
            authors mapped every baseline on the age set.
    """
    value: float | tuple[float, float] = claim.value
    if claim.kind is Kind.RANGE or claim.bound is Bound.RANGE:
        value = _text_order(claim)
    noun_is_unit = False
    count, _, per = claim.unit.partition(" / ")  # "3,000 tests a day": count / day
    if claim.rule == "multiple":
        unit = vocab.noun_units["time"]  # "sixfold", "3 times": CQE's unit of a multiple
    elif count == "count":
        unit, noun_is_unit = _noun_unit(claim.noun, vocab), True
    elif (
        claim.unit == "percent"
        and not claim.rule.startswith(_WRITTEN)  # "from 3.9 to 3.5 percent": 3.9 is in percent
        and not vocab.percent_marker.search(claim.text.lower())
    ):
        # A verbal fraction ("a third of voters"): CQE keeps it as 0-1 with unit "% <noun>".
        value = (value[0] / 100, value[1] / 100) if isinstance(value, tuple) else value / 100
        unit, noun_is_unit = "% " + _noun_unit(claim.noun, vocab), True
    elif claim.kind is Kind.MONEY and (minor := _minor_unit(claim, vocab)) is not None:
        unit, factor = minor
        if "/" in claim.unit:  # "84 cents per share": the minor unit per the rate's denominator
            unit = " per ".join([unit, *(cqe_unit(p.strip(), vocab) for p in claim.unit.split("/")[1:])])
        value = (
            (value[0] * factor, value[1] * factor) if isinstance(value, tuple) else value * factor
        )
    else:
        unit = cqe_unit(claim.unit, vocab)
        if (age_set or _is_age(claim, vocab)) and unit in vocab.age_units:
            unit = vocab.age_units[unit]
    if count == "count" and per:
        unit = f"{unit} per {cqe_unit(per, vocab)}"  # CQE: "test per day", "count per minute"
    change = _CHANGE[claim.change] if claim.change is not None else _BOUND[claim.bound]
    return Quantity(
        value=value,
        unit=unit,
        change=change,
        concepts=_concepts(claim, noun_is_unit, vocab),
        note=f"{claim.text!r} rule={claim.rule}",
    )


def claims_to_cqe(claims: list[Claim], vocab: Vocab, *, age_set: bool = False) -> list[Quantity]:
    """The CQE tuples for one sentence's claims, in order.

    Each claim gives one tuple, except the two levels of a movement: a ``*_from`` claim
    and the ``*_to`` claim right after it ("fell from $4,150 to $3,920") give one range
    (first, second) in the order written, the form CQE annotates a transition in. Its unit
    is the first level's (the second's when the first has none), its concepts both.
    """
    out: list[Quantity] = []
    i = 0
    while i < len(claims):
        q = claim_to_cqe(claims[i], vocab, age_set=age_set)
        nxt = claims[i + 1] if i + 1 < len(claims) else None
        if nxt is not None and claims[i].rule.endswith("_from") and nxt.rule.endswith("_to"):
            q2 = claim_to_cqe(nxt, vocab, age_set=age_set)
            if not isinstance(q.value, tuple) and not isinstance(q2.value, tuple):
                q = Quantity(
                    value=(q.value, q2.value),
                    unit=q2.unit if q.unit == NO_UNIT else q.unit,
                    change=q.change,
                    concepts=tuple(dict.fromkeys(q.concepts + q2.concepts)),
                    note=f"{q.note} + {q2.note}",
                )
                i += 1
        out.append(q)
        i += 1
    return out
