"""The scanner's figures completed with what each is about: the claims of one document."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import replace
from typing import Final

from ..claims import Claim, Kind, compact_claim
from ..lexicon.unit_concepts import physical_only_concepts, unit_concepts
from ..text import LineIndex, sentence_spans
from ..timespans import TimeSpan
from ..units import dimension
from .context import DocumentContext, sentence_context
from .context.periods import sentence_periods
from .context.reader import DocumentReader
from .implied_units import implied_unit
from .levels import index_levels

__all__ = ["assemble"]


def assemble(text: str, found: list[Claim], doc: DocumentContext, doc_id: str) -> list[Claim]:
    """The scanner's claims ``found`` in ``text``, each completed with its context (noun,
    subject, measure, period, source, holder) and its place, in document order.

    ``found`` is emptied: each claim is replaced by its completed copy.
    """
    day = doc.date
    sentences = sentence_spans(text)
    starts = [s for s, _ in sentences]
    lines = LineIndex(text)
    claims: list[Claim] = []
    by_sentence: dict[int, list[Claim]] = {}
    for sp in found:
        i = max(0, bisect.bisect_right(starts, sp.start) - 1)
        by_sentence.setdefault(i, []).append(sp)
    # each of the scanner's claims is replaced by its completed copy, so a long text
    # does not keep two claims per figure alive (measured: GC time on figure-dense text)
    found.clear()
    previous: tuple[int, TimeSpan | None] = (-2, None)
    reader = DocumentReader(text, sentences, doc, set(by_sentence))
    for i, group in by_sentence.items():
        group = index_levels(group, text)  # "rose 64 points to 4,577.1": a level in points
        s_start, s_end = sentences[i] if sentences else (0, len(text))
        # a span that runs past a sentence break belongs to the sentence it starts in
        s_end = max(s_end, max(sp.end for sp in group))
        sentence = text[s_start:s_end].strip()  # one string shared by its claims
        follows = previous[0] == i - 1
        sc = sentence_context(
            reader.body(s_start, s_end), date=day, previous=previous[1] if follows else None
        )
        if not follows and sc.periods.needs_previous:  # "the same month": read the one before
            before = _last_period(text, sentences, i, day)
            sc = replace(sc, periods=replace(sc.periods, previous=before))
        previous = (i, sc.periods.last)
        reader.remember(i, sc)
        local = [(sp.start - s_start, sp.end - s_start) for sp in group]
        measured = None
        held = None  # the holder of the figure before, of any kind
        for k, sp in enumerate(group):
            ls, le = local[k]
            # the neighbouring claims are what bounds a claim's noun phrase; a figure that
            # names no measure takes the one before it ("the Pirates 12"), never a span of time
            ctx = reader.frame(
                i,
                sc,
                ls,
                le,
                local[max(0, k - 1) : k] + local[k + 1 : k + 2],
                possessor=sp.subject,  # the scanner's subject: a whole's possessor
                previous=measured,
                holder_before=held,
            )
            held = ctx.holder
            if sp.kind is not Kind.DURATION:
                measured = ctx
            line, column = lines.locate(sp.start)
            concept, measure = ctx.concept, ctx.measure
            fields = sp.__dict__
            if ctx.per is not None and sp.unit == "count":  # "3,000 tests a day"
                fields = {**fields, "unit": f"count / {ctx.per}"}
            elif (implied := implied_unit(sp, measure)) is not None:  # "a pension age of 67"
                fields = {**fields, "unit": implied[0], "kind": Kind.DURATION}
                concept = implied[1]
            elif sp.rule == "age":
                concept = "age"  # "Okafor, 58, ...": the scanner read an age
            elif concept is not None or sp.kind in _MEASURED:
                concept = _concept_for_unit(sp.unit, concept)
            if sp.kind in _MEASURED and ctx.noun is None and concept != ctx.concept:
                measure = concept  # "a 40-mile-long convoy" measures a length
            group[k] = compact_claim(
                fields,
                {
                    "doc_id": doc_id,
                    "sentence": sentence,
                    "sentence_start": s_start,
                    "sentence_end": s_end,
                    "line": line,
                    "column": column,
                    "noun": ctx.noun,
                    "subject": ctx.subject,
                    "concept": concept,
                    "period": ctx.period,
                    "source": ctx.source,
                    "subject_inherited": ctx.subject_inherited,
                    "measure": measure,
                    "qualifiers": ctx.qualifiers,
                    "holder": ctx.holder,
                }
            )
        claims.extend(group)
    return claims


_MEASURED: Final = (Kind.MEASURE, Kind.DURATION, Kind.RANGE)


def _last_period(
    text: str, sentences: list[tuple[int, int]], i: int, day: dt.date | None
) -> TimeSpan | None:
    """The last period the sentence before sentence ``i`` names (read only when needed)."""
    if i < 1 or not sentences:
        return None
    s, e = sentences[i - 1]
    return sentence_periods(text[s:e], day).last


def _concept_for_unit(unit: str, concept: str | None) -> str | None:
    """The context's concept if the unit's dimension allows it, else the dimension's default."""
    if unit in ("count", "percent"):
        rule = None
    else:
        try:
            rule = unit_concepts().get(dimension(unit))
        except Exception:  # a unit pint cannot parse has no dimension to go by
            return concept
    if rule is None:  # a count, a share, a sum of money: no physical concept ("length")
        return None if concept in physical_only_concepts() else concept
    return concept if concept in rule[1] else rule[0]
