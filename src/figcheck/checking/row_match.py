"""Which reference row a claim is about: a row's subject, measure, period and keywords scored
against the claim's frame and the words by its figure, with the evidence in words.

A row is a candidate only when its subject is named (by the claim, its sentence, the paragraph
before it, anywhere in its document, or, when the table is about one subject and the document
names none, taken as the document's), its unit has the claim's dimension, its period overlaps the
claim's, one of its keywords (if any) is in the sentence, it holds a change exactly when the claim
does, it names no measure exclusive of the claim's ("deaths" for an injury count), and its measure
is named by the figure (or by a keyword). Candidates are scored with the weights of ``[matching]``
in ``data/checks.toml``: a measure word counts as much as it stands by the figure.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..claims import Claim
from ..lexicon.files import data_file
from ..lexicon.matching import matching_lexicon, words
from ..reference import ReferenceRow, ReferenceTable
from ..units import comparable, convert, dimension
from .wordlists import align_words, root
from .keys import Period, period_of

__all__ = [
    "Context",
    "Weights",
    "context_of",
    "lone_subject",
    "row_evidence",
    "row_unit",
    "score_row",
    "units_comparable",
    "weights",
]

_DOCUMENT_CHARS = 200_000
_FAR = 0.2  # the least a word of the claim's sentence counts for a row's measure
_NEAR = 0.5  # a word this close to the figure is about it


@dataclass(frozen=True)
class Weights:
    """Scoring weights from ``[matching]`` in ``data/checks.toml``."""

    subject_in_claim: float
    subject_in_sentence: float
    subject_in_paragraph: float
    subject_in_document: float
    measure_strong: float
    measure_weak: float
    measure_missing: float
    keyword: float
    period_in_claim: float
    period_in_sentence: float
    source: float
    min_measure: float
    min_fraction_of_row: float


@functools.cache
def weights() -> Weights:
    """The matching weights, loaded once."""
    return Weights(**data_file("checks.toml").numbers("matching", Weights.__dataclass_fields__))


@dataclass(frozen=True)
class Context:
    """The normalised words around a claim that a reference row may be found in."""

    subject: frozenset[str]
    strong: frozenset[str]
    sentence: frozenset[str]
    paragraph: frozenset[str]
    source: frozenset[str]
    period: Period | None
    document: frozenset[str] = frozenset()
    measure: frozenset[str] = frozenset()
    # Words near the figure, weighted 0..1 by closeness (figcheck.checking.frames); empty when
    # unknown, and then every word of the sentence counts fully.
    local: Mapping[str, float] = field(default_factory=dict)
    concept: str | None = None
    # Words of the subjects other figures of the sentence name as their own, not this claim's.
    foreign: frozenset[str] = frozenset()


def context_of(claim: Claim, text: str | None = None, context_chars: int = 400) -> Context:
    """The words of ``claim``'s subject, noun/concept, sentence and the paragraph before it."""
    vocab = matching_lexicon()
    stop = vocab.stopwords
    # The head of the noun phrase names what is counted ("russian soldiers" -> soldier); its
    # modifiers are only as telling as any other word of the sentence.
    noun = [w for w in words(claim.noun) if w not in stop]
    strong = set(noun[-1:])
    if claim.concept:
        strong |= vocab.concept_terms.get(claim.concept.casefold(), frozenset())
        strong |= set(words(claim.concept))
    strong |= vocab.unit_terms.get(claim.unit, frozenset())
    paragraph: frozenset[str] = frozenset()
    document: frozenset[str] = frozenset()
    if text is not None and 0 <= claim.sentence_start <= len(text):
        para_start = text.rfind("\n", 0, claim.sentence_start) + 1
        begin = max(para_start, claim.sentence_start - context_chars)
        paragraph = frozenset(words(text[begin : claim.sentence_start]))
        document = _document_words(text)
    return Context(
        subject=frozenset(w for w in words(claim.subject) if w not in stop),
        strong=frozenset(strong),
        sentence=frozenset(words(claim.sentence)),
        paragraph=paragraph,
        source=frozenset(w for w in words(claim.source) if w not in stop),
        period=period_of(claim.period),
        document=document,
        measure=frozenset(w for w in words(claim.measure) if w not in stop),
    )


@functools.lru_cache(maxsize=64)
def _document_words(text: str) -> frozenset[str]:
    """Every word of a document: a subject named once (in its title or lead) covers its claims."""
    return frozenset(words(text[:_DOCUMENT_CHARS]))


def _subject_points(phrases: Sequence[frozenset[str]], ctx: Context, w: Weights
                    ) -> tuple[float, str]:
    best, why = 0.0, ""
    generic = _generic_subject_words()
    # "Republic of Galdria" is named by "Galdria's": the words that are not a kind of place
    phrases = [*phrases, *(p - generic for p in phrases
                           if p & generic and any(w.isalpha() and len(w) > 2 for w in p - generic))]
    for p in phrases:
        if ctx.subject and (p <= ctx.subject or ctx.subject <= p):
            return w.subject_in_claim, "subject of the claim"
        if p <= ctx.sentence:
            best, why = max(best, w.subject_in_sentence), "subject named in the sentence"
        elif p <= ctx.sentence | ctx.paragraph and best < w.subject_in_paragraph:
            best, why = w.subject_in_paragraph, "subject named in the paragraph"
        elif p <= ctx.document and best < w.subject_in_document:
            best, why = w.subject_in_document, "subject named in the document"
    return best, why


@functools.lru_cache(maxsize=8192)
def _terms(text: str) -> tuple[str, ...]:
    """Distinct normalised words of a measure or keyword (cached: rows repeat across claims)."""
    return tuple(dict.fromkeys(words(text)))


@functools.cache
def _per_time_words() -> Mapping[str, str]:
    """Word of a row's measure -> the time unit it says the row's figure is per ("weekly")."""
    table = data_file("checks.toml").table("matching").get("per_time", {})
    out: dict[str, str] = {}
    for unit, forms in table.items():
        for form in data_file("checks.toml").string_list(forms, unit, "matching.per_time"):
            for w in words(form):
                out[w] = unit
    return out


def row_unit(row: ReferenceRow, claim_unit: str) -> str:
    """The unit ``row`` is compared in: its own, or per the time its measure names when the
    claim is a rate per time ("weekly wage" in EUR against "€95,000 a week")."""
    if "/" not in claim_unit or "/" in row.unit or units_comparable(claim_unit, row.unit):
        return row.unit
    per = next((_per_time_words()[t] for t in _terms(row.measure) if t in _per_time_words()),
               None)
    if per is None:
        return row.unit
    rate = f"{row.unit} / {per}"
    return rate if units_comparable(claim_unit, rate) else row.unit


def units_comparable(a: str, b: str) -> bool:
    try:
        return comparable(a, b)
    except Exception:  # a unit the registry does not know compares with nothing
        return False


def score_row(claim: Claim, row: ReferenceRow, phrases: Sequence[frozenset[str]], ctx: Context,
              *, lone_subject: bool = False) -> float | None:
    """The score of ``row`` for ``claim`` (higher is better), or None when it is no candidate.

    ``lone_subject``: the table is about one subject and the document names none of its subjects,
    so the row's subject is taken as the document's.
    """
    result = row_evidence(claim, row, phrases, ctx, lone_subject=lone_subject)
    return result[0] if isinstance(result, tuple) else None


def row_evidence(claim: Claim, row: ReferenceRow, phrases: Sequence[frozenset[str]], ctx: Context,
                 *, lone_subject: bool = False) -> tuple[float, list[str]] | str:
    """The score of ``row`` for ``claim`` with the evidence in words, or why it is no candidate."""
    w = weights()
    subject, why = _subject_points(phrases, ctx, w)
    if subject == 0 and lone_subject:
        subject, why = w.subject_in_document, "the table's only subject; the document names none"
    if subject == 0:
        return "subject not named"
    other = _other_subject(claim, phrases, ctx, why)
    if other is not None:
        return other
    unit = row_unit(row, claim.unit)
    if not units_comparable(claim.unit, unit):
        return "another kind of quantity"
    evidence = [f"{why} ({row.subject})"]
    row_period = period_of(row.period)
    score = subject
    if ctx.period is not None and row_period is not None:
        if not ctx.period.overlaps(row_period):
            return f"another period ({row.period})"
        score += w.period_in_claim
        evidence.append(f"same period: {row.period}")
    elif row_period is not None and row_period.years() & ctx.sentence:
        score += w.period_in_sentence
        evidence.append(f"period {row.period} named in the sentence")
    said = ctx.sentence | ctx.strong | ctx.subject
    keyword = next((k for k in row.keywords if set(_terms(k)) <= said), None)
    if row.keywords:
        if keyword is None:
            return "none of its keywords in the sentence"
        near = max((max(ctx.local.get(t, 0.0), ctx.local.get(root(t), 0.0))
                    for t in _terms(keyword)), default=0.0) if ctx.local else 1.0
        score += w.keyword * max(near, _FAR)
    stop = matching_lexicon().stopwords
    subject_words = frozenset().union(*phrases) if phrases else frozenset()
    terms = [t for t in _terms(row.measure) if t not in stop and t not in subject_words]
    row_change = any(t in _change_words() for t in terms)
    if row_change != (claim.change is not None):
        return ("a change, and the row holds a level" if claim.change is not None
                else "a level, and the row holds a change")
    other = _other_measure(ctx.concept, terms)
    if other is not None:
        return f"another measure ({other}, not {ctx.concept})"
    measure, gate, named, missing = 0.0, 0.0, [], []
    for term in terms:
        near = max(ctx.local.get(term, 0.0), ctx.local.get(root(term), 0.0)) if ctx.local \
            else 1.0
        if term in ctx.measure or (term in ctx.strong and near >= _NEAR) or (
                term in ctx.strong and term not in ctx.sentence and term == ctx.concept):
            measure += w.measure_strong
            gate += w.measure_strong
            named.append(term)
        elif term in ctx.sentence and near >= _NEAR:
            measure += w.measure_weak * near
            gate += w.measure_weak
            named.append(term)
        elif term in ctx.sentence or term in ctx.strong:
            # said, but by another figure of the sentence, or only a word of the claim's concept
            measure += w.measure_weak * _FAR
            gate += w.measure_weak
            score -= w.measure_missing
            named.append(term)
        else:
            score -= w.measure_missing
            missing.append(term)
    strong = gate >= w.measure_strong
    if not strong and keyword is not None:
        # The table author's word for the measure is right there ("economy" for GDP): enough to
        # name it, though it counts less than a word of the measure itself.
        measure += w.measure_weak
        gate += w.measure_strong
        strong = True
        evidence.append(f"keyword {keyword!r} in the sentence")
    # The measure must name what the claim counts (its noun, concept, kind of unit or keyword).
    if not strong or gate < w.min_measure:
        return f"measure {row.measure!r} not named"
    earlier = _earlier_words() & (ctx.measure | set(words(claim.noun)))
    if earlier and not earlier & set(terms):
        return f"an earlier figure ({', '.join(sorted(earlier))}) than the row's"
    floor = convert(row.low, unit, claim.unit)
    if _ratio_scale(claim.unit) and floor > 0 and claim.high < floor * w.min_fraction_of_row:
        return (f"far below the row's figure (under {w.min_fraction_of_row:.0%} of it): "
                "a part, not the total")
    score += measure
    evidence.append(f"measure: {row.measure}" + (f" ({', '.join(named)})" if named else ""))
    if missing:
        evidence.append(f"not said: {', '.join(missing)}")
    if row.claimed_by:
        party = {x for x in words(row.claimed_by) if x not in stop}
        said = ctx.source | ctx.sentence
        if party and len(party & said) * 2 >= len(party):
            score += w.source
            evidence.append(f"source: {row.claimed_by}")
    return score, evidence


@functools.cache
def _generic_subject_words() -> frozenset[str]:
    """Words of a subject that name a kind of place or body, not which one ("republic")."""
    value = data_file("checks.toml").strings("subject_generic", "matching")
    return frozenset(w for v in value for w in words(v))


@functools.cache
def _change_words() -> frozenset[str]:
    """Words that make a row's measure a change ("fall in coffee exports")."""
    value = data_file("checks.toml").strings("change_words", "matching")
    return frozenset(w for v in value for w in words(v))


@functools.cache
def _earlier_words() -> frozenset[str]:
    """Words that make a claim's measure an earlier figure ("previous record")."""
    value = data_file("checks.toml").strings("earlier_words", "matching")
    return frozenset(w for v in value for w in words(v))


@functools.lru_cache(maxsize=256)
def _ratio_scale(unit: str) -> bool:
    """False for a scale with an arbitrary zero (temperatures): no figure is a part of another."""
    try:
        return "[temperature]" not in dimension(unit)
    except Exception:  # an unknown unit: read as a count
        return True


def _other_subject(claim: Claim, phrases: Sequence[frozenset[str]], ctx: Context, why: str
                   ) -> str | None:
    """Why the row is about another figure's subject than the claim's own, or None.

    "Kilvane's schools employ 4,120 teachers, while neighbouring Dravenport has 3,870": a row
    for Kilvane is named in the sentence of 3,870, but as the subject of the other figure.
    """
    if why == "subject of the claim" or not ctx.foreign or not ctx.subject:
        return None
    if any(_meet(ctx.subject, p) for p in phrases):
        return None
    if not any(p and p <= ctx.foreign for p in phrases):
        return None
    return f"another figure's subject (this one is {claim.subject}'s)"


def _meet(x: frozenset[str], y: frozenset[str]) -> bool:
    # "Sorvenia" and "Sorvenian": the same name with an ending
    return bool(x & y) or any(len(p) >= 5 and len(q) >= 5 and p[:5] == q[:5] for p in x for q in y)


def _other_measure(concept: str | None, terms: Sequence[str]) -> str | None:
    """A measure the row names that can never be the claim's own ("deaths" for an injury count)."""
    if concept is None:
        return None
    lex = matching_lexicon()
    for group in align_words().exclusive:
        if concept not in group:
            continue
        for name, forms in lex.concept_terms.items():
            key = " ".join(words(name))
            if key != concept and key in group and any(t in forms for t in terms):
                return key
    return None


def lone_subject(table: ReferenceTable) -> bool:
    """True when every row of ``table`` is about one subject (it may then be the document's)."""
    subjects = {frozenset(words(row.subject)) for row in table}
    return len(subjects) == 1
