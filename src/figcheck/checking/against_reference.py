"""Claims against reference tables: supported, contradicted, or unmatched — never guessed.

A claim is matched to the best row of a :class:`~figcheck.reference.ReferenceTable`. A row is a
candidate only when all of these hold:

- its subject (or an alias) is named by the claim's subject, its sentence, or the paragraph
  before the sentence (``context_chars``);
- its unit has the claim's dimension (miles and kilometres compare; counts and percent never);
- its period overlaps the claim's period, when both name one;
- one of its keywords (if it has any) appears in the claim's sentence;
- its measure names the head of the claim's noun, its concept or its kind of unit ("share"
  for a percentage), and enough of its other words are in the sentence (``min_measure``);
- the claim is not far below the row's figure (``min_fraction_of_row``): "four soldiers
  injured" in one incident is not the war's total of injured.

Candidates are scored with the weights of ``[matching]`` in ``data/checks.toml``. Independent
rows come first; a row with ``claimed_by`` decides only when no independent row fits, and then
yields "matches <party>'s claim", not "supported". Equal best scores with different verdicts
leave the claim unmatched. A contradicted claim whose interval fits a *different* measure of the
same subject gets a hint: "possible conflation with <measure>".
"""

from __future__ import annotations

import math

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..lexicon.files import data_file
from ..claims import Claim
from ..findings import CheckId, Comparison, Finding, Verdict
from ..lexicon.matching import matching_lexicon, words
from .frames import align_words, frames_of, root
from .keys import Period, period_of
from ..reference import ReferenceRow, ReferenceTable
from ..units import comparable, convert
from .intervals import Interval, is_physical, rel_gap
from .precision import written_interval
from .options import CheckOptions, severity

__all__ = [
    "Context",
    "Weights",
    "compare_claim",
    "compare_with_reference",
    "context_of",
    "score_row",
    "weights",
]

_TIE = 1e-9
_DOCUMENT_CHARS = 200_000
_FAR = 0.2  # the least a word of the claim's sentence counts for a row's measure
_NEAR = 0.5  # a word this close to the figure is about it
_ALSO_MARGIN = 2.0  # how much worse than the best row another may fit and still be mentioned


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
    f = data_file("checks.toml")
    table = f.table("matching")
    values = {}
    for name in Weights.__dataclass_fields__:
        v = table.get(name)
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise f.error(name, "must be a number", table="matching")
        values[name] = float(v)
    return Weights(**values)


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


def _comparable(a: str, b: str) -> bool:
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
    if not _comparable(claim.unit, row.unit):
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
    if claim.high < convert(row.low, row.unit, claim.unit) * w.min_fraction_of_row:
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


def _claimed(claim: Claim, options: CheckOptions) -> Interval:
    """What the claim allows, with the precision its figure was written at."""
    iv = written_interval(claim)
    return iv.widened(options.measure_tolerance) if is_physical(claim.unit) else iv


def _expected(row: ReferenceRow, unit: str, tolerance: float) -> tuple[Interval, float]:
    t = row.tolerance if row.tolerance is not None else tolerance
    low, high = row.interval(tolerance)
    return Interval(low, high).to(row.unit, unit), t


def _verdict(claim: Claim, row: ReferenceRow, options: CheckOptions) -> bool:
    claimed = _claimed(claim, options)
    expected, _ = _expected(row, claim.unit, options.reference_tolerance)
    return claimed.meets(expected)


def _party(row: ReferenceRow) -> str:
    return f"{row.claimed_by}'s claim"


def _conflation_hint(claim: Claim, best: int, table: ReferenceTable, ctx: Context,
                     options: CheckOptions) -> str | None:
    """Other measures of the best row's subject that the claim's interval fits."""
    row = table[best]
    claimed = _claimed(claim, options)
    if math.isinf(claimed.low) or math.isinf(claimed.high):
        return None  # "more than 2,000" fits any larger figure: no evidence of a mix-up
    same_subject = set(words(row.subject))
    fits = []
    for i in table.rows_sharing_words(same_subject):
        other = table[i]
        if i == best or set(words(other.subject)) != same_subject or other.measure == row.measure:
            continue
        if not _comparable(claim.unit, other.unit):
            continue
        other_period = period_of(other.period)
        if ctx.period is not None and other_period is not None and not ctx.period.overlaps(
            other_period
        ):
            continue
        expected, _ = _expected(other, claim.unit, options.reference_tolerance)
        if claimed.meets(expected.widened(options.conflation_tolerance)):
            fits.append((abs(rel_gap(claimed, expected)), other, expected))
    if not fits:
        return None
    # The natural suspect is another measure of the same source period (a total of the same
    # report quoted as the subset); other periods and parties' claims come after it.
    fits.sort(key=lambda f: (f[1].period != row.period, f[1].claimed_by is not None, f[0]))
    parts = []
    measures: set[str] = set()
    for gap, other, expected in fits:
        if other.measure in measures or len(parts) == 2:
            continue
        measures.add(other.measure)
        who = f", {_party(other)}" if other.claimed_by else ""
        parts.append(
            f"{other.measure} ({expected.describe(claim.unit)}, {other.source or other.path}"
            f"{who}; {gap:.1%} apart)"
        )
    return "possible conflation with " + " or ".join(parts)


def _comparison_for(claim: Claim, row: ReferenceRow, options: CheckOptions,
                    hint: str | None, evidence: str | None = None
                    ) -> tuple[Comparison, Finding | None]:
    claimed = _claimed(claim, options)
    expected, t = _expected(row, claim.unit, options.reference_tolerance)
    ok = claimed.meets(expected)
    gap = rel_gap(claimed, expected)
    where = f"{claim.text!r} at {claim.location()} ({claimed.describe(claim.unit)})"
    row_text = f"{row.label()}: {expected.describe(claim.unit)}"
    if ok and row.claimed_by:
        message = f"{where} matches {_party(row)}, {row_text}; not an independent measurement."
    elif ok:
        message = f"{where} is supported by {row_text}."
    else:
        who = f" ({_party(row)})" if row.claimed_by else ""
        message = (
            f"{where} is contradicted by {row_text}{who}; the claim is {gap:+.1%} away "
            f"(tolerance {t:.1%})."
        )
    if evidence:
        message += f" Matched by: {evidence}."
    verdict = Verdict.SUPPORTED if ok else Verdict.CONTRADICTED
    comparison = Comparison(
        claim=claim, verdict=verdict, reference=row, expected_low=expected.low,
        expected_high=expected.high, unit=claim.unit, rel_diff=gap, tolerance=t,
        message=message, hint=hint, evidence=evidence,
    )
    if ok or not options.runs(CheckId.REFERENCE_MISMATCH):
        return comparison, None
    case = "reference_mismatch_claimed_by" if row.claimed_by else "reference_mismatch"
    finding = Finding(
        check=CheckId.REFERENCE_MISMATCH, severity=severity(case), claim=claim,
        claimed_low=claimed.low, claimed_high=claimed.high, unit=claim.unit, reference=row,
        expected_low=expected.low, expected_high=expected.high, rel_diff=gap, tolerance=t,
        message=message, hint=hint, evidence=evidence,
    )
    return comparison, finding


def _unmatched(claim: Claim, why: str) -> Comparison:
    return Comparison(
        claim=claim, verdict=Verdict.UNMATCHED,
        message=f"{claim.text!r} at {claim.location()}: {why}.",
    )


def _top(scored: list[tuple[float, int]]) -> list[int]:
    top = max(s for s, _ in scored)
    return [i for s, i in scored if s >= top - _TIE]


def _choose(claim: Claim, table: ReferenceTable, pool: list[tuple[float, int]], party: bool,
            options: CheckOptions) -> int | None:
    """The row to judge by among the best-scored; None when equal rows disagree."""
    best = _top(pool)
    agreeing = [i for i in best if _verdict(claim, table[i], options)]
    if not agreeing or len(agreeing) == len(best):
        return best[0]
    # One party's statements at several dates: repeating one of them matches that statement.
    # Independent rows that fit equally but disagree leave the claim unmatched: no guessing.
    return agreeing[0] if party else None


def _also(claim: Claim, table: ReferenceTable, chosen: ReferenceRow,
          scored: list[tuple[float, int]], options: CheckOptions) -> str | None:
    """How the best-fitting row of another party (or independent source) sees the claim."""
    best = max((s for s, _ in scored), default=0.0)
    # only rows that fit nearly as well: a row matched through the document alone says little
    others = [(s, i) for s, i in scored
              if table[i].claimed_by != chosen.claimed_by and s >= best - _ALSO_MARGIN]
    if not others:
        return None
    row = table[_top(others)[0]]
    agrees = _verdict(claim, row, options)
    expected, _ = _expected(row, claim.unit, options.reference_tolerance)
    where = f"{row.label()}: {expected.describe(claim.unit)}"
    if row.claimed_by:
        return f"{'matches' if agrees else 'differs from'} {_party(row)} ({where})"
    return f"{'agrees with' if agrees else 'differs from'} {where}"


def compare_claim(claim: Claim, table: ReferenceTable, ctx: Context, options: CheckOptions
                  ) -> tuple[Comparison, Finding | None]:
    """The comparison of one claim with its best reference row (and a finding if contradicted)."""

    independent: list[tuple[float, int]] = []
    parties: list[tuple[float, int]] = []
    evidence: dict[int, list[str]] = {}
    rejected: dict[str, int] = {}
    rows = table.rows_sharing_words(ctx.subject | ctx.sentence | ctx.paragraph | ctx.document)
    lone = not rows and _lone_subject(table)
    for i in (range(len(table)) if lone else rows):
        result = row_evidence(claim, table[i], table.subject_phrases(i), ctx, lone_subject=lone)
        if isinstance(result, str):
            rejected[result] = rejected.get(result, 0) + 1
            continue
        evidence[i] = result[1]
        (parties if table[i].claimed_by else independent).append((result[0], i))
    # Independent rows come first, unless a party's row fits clearly better (its subject is the
    # claim's own, an independent row's only the document's).
    best_party = max((sc for sc, _ in parties), default=-math.inf)
    pool = [x for x in independent if x[0] >= best_party - 1.0] or parties
    if not pool:
        why = "no reference row fits its subject, measure, period and unit"
        far = next((r for r in rejected if r.startswith("far below")), None)
        if far is not None:
            why = f"no row fits: the closest rows are {far}"
        elif not rows and not lone:
            why = "no reference row's subject is named in its document"
        return _unmatched(claim, why), None
    chosen = _choose(claim, table, pool, party=pool is parties, options=options)
    if chosen is None:
        labels = "; ".join(table[i].label() for i in _top(pool)[:3])
        return _unmatched(claim, f"ambiguous: rows fit equally well and disagree ({labels})"), None
    row = table[chosen]
    hints = []
    if not _verdict(claim, row, options):
        conflation = _conflation_hint(claim, chosen, table, ctx, options)
        if conflation:
            hints.append(conflation)
    also = _also(claim, table, row, independent + parties, options)
    if also:
        hints.append(also)
    return _comparison_for(claim, row, options, "; ".join(hints) or None,
                           "; ".join(evidence.get(chosen, [])) or None)


@functools.cache
def _generic_subject_words() -> frozenset[str]:
    """Words of a subject that name a kind of place or body, not which one ("republic")."""
    f = data_file("checks.toml")
    value = f.table("matching").get("subject_generic")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise f.error("subject_generic", "must be a list of strings", table="matching")
    return frozenset(w for v in value for w in words(v))


@functools.cache
def _change_words() -> frozenset[str]:
    """Words that make a row's measure a change ("fall in coffee exports")."""
    f = data_file("checks.toml")
    value = f.table("matching").get("change_words")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise f.error("change_words", "must be a list of strings", table="matching")
    return frozenset(w for v in value for w in words(v))


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


def _lone_subject(table: ReferenceTable) -> bool:
    """True when every row of ``table`` is about one subject (it may then be the document's)."""
    subjects = {frozenset(words(row.subject)) for row in table}
    return len(subjects) == 1


def compare_with_reference(
    claims: Sequence[Claim],
    table: ReferenceTable,
    *,
    texts: Mapping[str, str] | None = None,
    options: CheckOptions | None = None,
) -> tuple[list[Comparison], list[Finding]]:
    """One comparison per claim (verdict supported / contradicted / unmatched) and the findings.

    ``texts`` maps document ids to their text, so the paragraph before a claim's sentence can be
    searched for the subject; without it only the claim and its sentence are.
    """
    options = options or CheckOptions()
    comparisons: list[Comparison] = []
    findings: list[Finding] = []
    frames = frames_of(claims, texts)
    for claim, frame in zip(claims, frames, strict=True):
        text = texts.get(claim.doc_id) if texts else None
        ctx = replace(context_of(claim, text, options.context_chars), local=frame.local,
                      concept=frame.measure if frame.measure_from in ("concept", "context")
                      else None)
        comparison, finding = compare_claim(claim, table, ctx, options)
        comparisons.append(comparison)
        if finding is not None:
            findings.append(finding)
    return comparisons, findings
