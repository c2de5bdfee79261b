"""A claim's frame: noun, subject, concept, period and source, assembled from the context modules.

The work is split so that a sentence is scanned once however many figures it holds:
:func:`sentence_context` tokenises a sentence and indexes what it mentions (concept
words, names, dates, attributions, clause breaks), and :func:`claim_context` picks, for
one span, the nearest of each. Both run in time linear in the sentence; the per-claim
step only looks at a bounded neighbourhood of the span.

Word lists are data: ``data/concepts.toml`` (the concept lexicon) and
``data/context.toml`` (everything else), loaded once by :func:`default_lexicon`.

>>> sentence = "Russia lost 1,351 soldiers in 2022, the ministry said."
>>> sc = sentence_context(sentence)
>>> claim_context(sc, sentence, 12, 17)  # doctest: +NORMALIZE_WHITESPACE
ClaimContext(noun='soldiers', subject='Russia', concept='losses', period='2022',
             source='ministry', measure='soldier', qualifiers=('losses',),
             subject_inherited=False, holder='Russia', per=None)
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress, count

from ...lexicon.context import ContextLexicon, default_lexicon
from ...lexicon.measures import default_measures
from .attribution import attributions
from .concepts import claim_concept, concept_hits
from ...timespans import TimeSpan
from .document import DocumentContext
from .holder import figure_holder
from .measure import (
    bare_count,
    claim_noun,
    event_concepts,
    measure_head,
    named_by_verb,
    noun_in_clause,
    part_of_previous,
    scale_reading,
)
from .count_rates import count_rate
from .periods import claim_period, sentence_periods
from .sentence import SentenceContext, Tokens, break_marks, clause_breaks, nearest
from .subjects import claim_subject, names_outside, subject_names

__all__ = ["ClaimContext", "claim_context", "sentence_context"]

# Not frozen: a frozen class's __init__ sets each field through object.__setattr__, several
# times slower to build, and one is built per claim. Nothing assigns to it after.
@dataclass(slots=True, unsafe_hash=True)
class ClaimContext:
    """What one claim is about; any field may be None when the text does not say."""

    noun: str | None
    subject: str | None
    concept: str | None
    period: str | None
    source: str | None
    measure: str | None = None
    qualifiers: tuple[str, ...] = ()
    # the noun is what a verb names ("gained 2%" -> "gain") or a name ("Varro 50"): never
    # handed on to a bare count ("gained 2% to 6,310", where the 6,310 is a level)
    named_by_verb: bool = field(default=False, repr=False, compare=False)
    subject_inherited: bool = False  # the subject comes from the document, not the sentence
    holder: str | None = None  # the noun phrase the figure is stated of ("the aircraft")
    per: str | None = None  # a count's span of time: "3,000 tests a day" -> "day"


def sentence_context(
    sentence: str,
    *,
    lexicon: ContextLexicon | None = None,
    date: dt.date | None = None,
    previous: TimeSpan | None = None,
) -> SentenceContext:
    """Index what ``sentence`` mentions, once, for :func:`claim_context`.

    Args:
        sentence: the sentence text.
        lexicon: word lists to use; figcheck's own by default.
        date: the document's date, against which "last year" or "in March" resolve.
        previous: the last period named before the sentence ("the same month" repeats it).

    >>> sc = sentence_context("Since 2014, 14,000 people have died, according to the UN.")
    >>> sc.period, sc.source
    ('2014/', 'UN')
    """
    lex = lexicon if lexicon is not None else default_lexicon()
    t = Tokens(sentence, lex)
    look = lex.marked
    marks = list(compress(count(), map(look.__contains__, t.lowers)))

    hits = concept_hits(t, marks) if marks else []
    sources = attributions(t, marks) if marks else []
    names = subject_names(t)
    sources.sort()  # who reports a figure is not what the figure is about
    names = names_outside(names, sources, sentence)

    found = break_marks(sentence)
    periods = sentence_periods(sentence, date, previous, words=t, marks=found)
    soft, hard = clause_breaks(t, marks, found)
    lines = [at for at in hard if sentence[at] == "\n"] if "\n" in sentence else []

    source = sources[0][2] or None if sources else None
    # by position, in the order of the fields: several times cheaper than by keyword
    return SentenceContext(
        periods.first, source, t, hits, names, periods, sources, soft, hard, lines
    )


def claim_context(
    sc: SentenceContext,
    sentence: str,
    start: int,
    end: int,
    other_spans: Sequence[tuple[int, int]] = (),
    *,
    doc: DocumentContext | None = None,
    previous: ClaimContext | None = None,
    holder_before: str | None = None,
) -> ClaimContext:
    """Noun, subject, concept, period and source of the claim at ``sentence[start:end]``.

    Args:
        sc: the sentence's :func:`sentence_context`.
        sentence: the same sentence text.
        start: start offset of the claim span inside ``sentence``.
        end: end offset of the claim span.
        other_spans: the other claims' ``(start, end)`` tuples in the sentence, sorted by
            start (the claim's own span may be among them); a noun phrase stops at the next.
        doc: what the document says about all its claims (date, title, dateline).
        previous: the context of the figure before it in the sentence; a figure that
            names no measure of its own takes that one ("the Pirates 12").
        holder_before: the holder of the figure just before, of any kind; a conversion or
            the next item of a list has it ("24 hours, 39 minutes and 35 seconds"). By
            default ``previous``'s.

    >>> s = "Ukraine lost 123 of its 152 fighter jets."
    >>> claim_context(sentence_context(s), s, 13, 27).noun
    'fighter jets'
    """
    t = sc.tokens
    size = len(sentence)
    limit, floor = size, 0
    if other_spans:  # a figure alone in its sentence has no neighbour to look up
        k = bisect_left(other_spans, (end,))
        limit = other_spans[k][0] if k < len(other_spans) else size
        k = bisect_left(other_spans, (start,)) - 1
        floor = min(other_spans[k][1], start) if k >= 0 else 0
    soft = _around(sc.soft, start, end, size)
    hard = _around(sc.hard, start, end, size)

    measures = default_measures()
    scale = scale_reading(t, start, end, measures)
    counted = bare_count(t, start, end)
    found = claim_noun(t, start, end, limit, max(floor, soft[0]), other_spans, scale, counted)
    noun, nlo, nhi = found if found is not None else (None, start, end)
    concept = scale or claim_concept(sc, start, end, nlo, nhi, soft, hard)
    subject = claim_subject(sc, start, end, min(nlo, start), max(nhi, end), soft, hard, limit)
    named = False  # the noun is a name: never handed on to a bare count
    if noun is None and previous is None and not counted:
        # "the Varro 50 fell 2%" measures the index; "Malta recorded 71%" names whose
        found = noun_in_clause(t, start, max(floor, soft[0]), measures, names=True)
        if found is not None and (subject is None or found[0] not in subject.lower()):
            noun, named = found[0], True
    events = event_concepts(t.lex)
    event = concept is not None and concept in events
    if previous is not None and not event:
        if noun is None and not (previous.named_by_verb and counted):
            noun, concept = previous.noun, concept or previous.concept  # "the Pirates 12"
            event = concept is not None and concept in events
        elif previous.concept in events and part_of_previous(t, start):
            concept, event = previous.concept, True  # "killed 900 people, including 310 civilians"
    measure, qualifiers = measure_head(noun, concept, event, scale, measures)
    if holder_before is None and previous is not None:
        holder_before = previous.holder
    holder = figure_holder(
        t, start, end, sc.soft, other_spans, holder_before, amount=not counted
    )
    source = None
    if sc.sources:
        # a cue that introduces a clause ("the agency says 38,000 ...") covers what follows
        line = _around(sc.lines, start, end, size)
        source = nearest(
            sc.sources, start, end, line[0], line[1], lambda src: not src[3] or src[1] <= start
        ) or None
    # a date after the figure counts only inside its clause: in "a 10-year lease on the old
    # port, rebuilt in 1998" the year belongs to the rebuilding, not the lease
    period = claim_period(sc.periods, start, end, other_spans) if sc.periods.refs else None
    # "3,000 tests a day", "78,000 times a minute": a count per span of time
    if counted:
        per = count_rate(sentence, max(end, nhi))
    else:
        per = count_rate(sentence, end) if sentence.endswith(" times", start, end) else None
    named = named or (found is not None and named_by_verb(t, found))
    # by position, in the order of the fields: several times cheaper than by keyword
    return ClaimContext(
        noun, subject, concept, period, source, measure, qualifiers, named, False, holder, per
    )


def _around(breaks: list[int], start: int, end: int, size: int) -> tuple[int, int]:
    """The last break before ``start`` (or 0) and the first at or after ``end`` (or ``size``)."""
    if not breaks:
        return 0, size
    i = bisect_left(breaks, start)
    n = len(breaks)
    # no break inside the span (the usual case): the first after it is the first after its start
    j = i if i == n or breaks[i] >= end else bisect_left(breaks, end, i)
    return breaks[i - 1] if i else 0, breaks[j] if j < n else size
