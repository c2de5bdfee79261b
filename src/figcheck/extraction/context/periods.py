"""Periods: when each figure holds, resolved against the document's date.

:func:`sentence_periods` reads a sentence's time expressions once (:mod:`.timewords`);
:func:`claim_period` picks the one a figure refers to:

- the nearest period before the figure in its sentence, or after it inside its clause
  ("added 214,000 jobs in March"; "In February, unemployment held at 6.5% ... and eased to
  11.6%"), never across ", and <a new subject>" ("..., and 2,600 residents were told");
- a figure directly followed by a comparison base is the earlier level ("against $90 million
  a year earlier" is the period before the figure's own); a change compared with a base
  ("up 2% on the previous year", "up 4% on 2022") keeps the period of the new level;
- "the same month", "that year", "full-year" repeat the period named before them, in this
  sentence or the one before;
- in "rose 54% since 2015 to 68,900" the 68,900 is today's level, not the since-period's;
  in "rose by 800 to 12,500 between the 2001 and 2011 counts" the level is the end's;
- the dateline, the day of a statement and a record's start ("the highest since 1996")
  date nothing; a present-tense stock ("are now") has no period.

"since 2012" is the open interval ``2012/``, not the year: a figure stated since then is a
cumulative one (its end is the document's date), and a cross-document check must not
compare it with a figure for 2012 alone.

>>> import datetime as dt
>>> s = "Fares brought in $84 million in May, against $90 million a year earlier."
>>> sp = sentence_periods(s, dt.date(2025, 6, 20))
>>> a, b = s.index("$84"), s.index("$90")
>>> claim_period(sp, a, a + 11), claim_period(sp, b, b + 11)
('2025-05', '2024-05')
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ...lexicon.periods import PeriodLexicon, period_lexicon
from ...regex_cache import compile_pattern
from ...timespans import TimeSpan
from .timeref import BASE, OPEN, PERIOD, PRESENT, SAME, TimeRef
from .timetokens import WordCut
from .timewords import find_time_refs

__all__ = ["SentencePeriods", "claim_period", "sentence_periods"]

# Where a figure's clause ends: punctuation (a comma inside a number is not a break).
_BREAK: Final = compile_pattern(r"[,;:()\[\]—–…\n](?!(?<=[,:])\d)| - ")
# The same breaks found fast: the marks by their class (a search skips to them), " - " by find.
_BREAK_MARK: Final = compile_pattern(r"[,;:()\[\]—–…\n](?!(?<=[,:])\d)")
# ", and 2,600 residents ...", ", but it hired ...": a clause with a subject of its own.
_BARRIER: Final = compile_pattern(r",\s++(?:and|but)\s++([^\W_]++)")
_WORD: Final = compile_pattern(r"[^\W\d_]++")
_NEWLINE: Final = compile_pattern(r"\n")
_GAP_WORDS: Final = 3  # words allowed between a figure and "a year earlier" that it is the level of
_USABLE: Final = (PERIOD, OPEN, SAME, PRESENT)
# Bounds that keep a huge sentence with many figures and dates linear:
_WALK: Final = 16  # time expressions examined on each side of a figure
_CLAUSE_CHARS: Final = 200  # characters of a clause searched for a movement verb


# Not frozen: a frozen class's __init__ sets each field through object.__setattr__, several
# times slower to build, and one is built per sentence. Nothing assigns to it after.
@dataclass(slots=True)
class SentencePeriods:
    """A sentence's time expressions, with what a claim needs to pick one.

    ``previous`` is the last period named before the sentence (for "the same month").
    """

    text: str
    refs: list[TimeRef]
    starts: list[int]
    breaks: list[int]
    barriers: list[int]
    previous: TimeSpan | None
    lex: PeriodLexicon

    @property
    def first(self) -> str | None:
        """The first period the sentence names, or None."""
        for ref in self.refs:
            if ref.role in (PERIOD, OPEN) and ref.span is not None:
                return ref.span.text
        return None

    @property
    def needs_previous(self) -> bool:
        """Does a reference here ("the same month", "a year earlier") need an earlier period?"""
        return any(r.role in (SAME, BASE) and r.span is None for r in self.refs)

    @property
    def last(self) -> TimeSpan | None:
        """The last period the sentence names (else ``previous``): what "the same month"
        in the next sentence repeats."""
        found = _anchor(self, len(self.text))
        return found if found is not None else self.previous


def sentence_periods(
    sentence: str,
    date: dt.date | None = None,
    previous: TimeSpan | None = None,
    *,
    lexicon: PeriodLexicon | None = None,
    words: WordCut | None = None,
    marks: list[int] | None = None,
) -> SentencePeriods:
    """Read the time expressions of ``sentence`` once, resolved against ``date``.

    Args:
        sentence: the sentence text.
        date: the document's date; relative expressions ("last year", "in March") stay
            unresolved without it.
        previous: the last period named before this sentence (``SentencePeriods.last`` of
            the sentence before).
        lexicon: word lists to use; figcheck's own by default.
        words: the sentence cut into words (:class:`~.sentence.Tokens`), if the caller has
            it: a plain sentence is then not cut again.
        marks: the sentence's clause marks (:func:`~.sentence.break_marks`), if the caller
            has them: the breaks are then not searched for again.
    """
    lex = lexicon if lexicon is not None else period_lexicon()
    refs = find_time_refs(sentence, date, lexicon=lex, words=words)
    barriers: list[int] = []
    if refs:
        new_clause = lex.words["new_clause"]
        finite = lex.words["finite_verbs"]
        for m in _BARRIER.finditer(sentence):
            word = m[1].lower()
            if not (word in new_clause or word.isdigit()):
                continue
            # "..., and 2,600 residents were told to leave" has a verb of its own;
            # "... last year, and 620,000 hybrids" shares the verb and period before it
            stop = _BREAK.search(sentence, m.end())
            clause = _WORD.findall(sentence[m.end(1) : stop.start() if stop else None].lower())
            if any(w in finite or (len(w) > 4 and w.endswith("ed")) for w in clause):
                barriers.append(m.start())
        if "\n" in sentence:  # nothing is looked up across a line break
            barriers = sorted(barriers + [m.start() for m in _NEWLINE.finditer(sentence)])
    breaks = _breaks(sentence, marks) if refs else []
    starts = [r.start for r in refs]
    # by position, in the order of the fields: several times cheaper than by keyword
    return SentencePeriods(sentence, refs, starts, breaks, barriers, previous, lex)


def _breaks(sentence: str, marks: list[int] | None = None) -> list[int]:
    """Where ``_BREAK`` matches in ``sentence``, in order; ``marks`` are the clause marks of
    :func:`~.sentence.break_marks`, which are these marks but "–", if the caller has them."""
    if marks is None:
        breaks = [m.start() for m in _BREAK_MARK.finditer(sentence)]
    else:
        breaks = marks.copy()
        at = sentence.find("–")
        if at >= 0:
            while at >= 0:
                breaks.append(at)
                at = sentence.find("–", at + 1)
            breaks.sort()
    at = sentence.find(" - ")
    if at < 0:
        return breaks
    while at >= 0:  # no mark is part of " - ", so the two kinds never overlap
        breaks.append(at)
        at = sentence.find(" - ", at + 3)
    breaks.sort()
    return breaks


def claim_period(
    sp: SentencePeriods, start: int, end: int, spans: Sequence[tuple[int, int]] = ()
) -> str | None:
    """The normalised period of the claim at ``sentence[start:end]``, or None.

    Args:
        sp: the sentence's :func:`sentence_periods`.
        start: start offset of the claim in the sentence.
        end: its end offset.
        spans: the other claims' ``(start, end)`` in the sentence, sorted: a year the
            extractor read as a figure dates nothing.
    """
    if not sp.refs:
        return None
    span = _claim_span(sp, start, end, spans)
    return span.text if span is not None else None


def _claim_span(
    sp: SentencePeriods, start: int, end: int, spans: Sequence[tuple[int, int]]
) -> TimeSpan | None:
    refs, text = sp.refs, sp.text

    def free(r: TimeRef) -> bool:
        # a year the extractor read as a figure dates nothing; "the three months to June"
        # still dates the figures around it when "three months" is read as a duration
        if r.start < end and start < r.end:
            return False
        k = bisect_right(spans, (r.start, len(text))) - 1
        return k < 0 or not (spans[k][0] <= r.start and r.end <= spans[k][1])

    after = bisect_left(sp.starts, end)
    # "against $90 million a year earlier": the figure is the earlier level
    if after < len(refs) and refs[after].role == BASE and _attached(sp, end, refs[after].start):
        anchor = _anchor(sp, start)
        base = refs[after]
        return anchor.shifted(base.unit or "year", base.shift) if anchor is not None else None

    before = None
    k = bisect_right(sp.starts, start) - 1
    stop = max(k - _WALK, -1)
    while k > stop:
        r = refs[k]
        k -= 1
        if r.end > start or not free(r) or r.role not in _USABLE:
            continue
        if _barrier_between(sp, r.end, start):
            break
        if r.role == OPEN and _level_after_since(sp, r, start):
            continue  # "rose 54% since 2015 to 68,900": 68,900 is today's level
        before = r
        break

    clause_end = _break_after(sp, end)
    later = None
    for r in refs[after : after + _WALK]:
        if r.start >= clause_end:
            break
        if free(r) and r.role in _USABLE and not r.modifier:
            later = r
            break

    if _starting_level(sp, start):
        # "climbed to 4.4% last month, up from 4.2%": the level a movement starts from holds
        # at another time than the movement's; only a period right after it dates it ("from
        # 4.2% in April"), not one after the figure it moves to ("from 3% to 4% in May")
        k = bisect_left(spans, (end, len(text) + 1))  # the next figure after this one
        if later is None or k < len(spans) and spans[k][0] < later.start:
            return None
        return _resolve(sp, later, start)
    pick = before
    if later is not None and (before is None or later.start - end <= start - before.end):
        pick = later
    if pick is None:
        return None
    return _resolve(sp, pick, start)


def _resolve(sp: SentencePeriods, r: TimeRef, start: int) -> TimeSpan | None:
    if r.role == PRESENT:
        return None
    if r.role == SAME:
        anchor = _anchor(sp, r.start)
        if anchor is None:
            return None
        return anchor.year_only() if r.unit == "year" else anchor
    if r.ends is not None:
        # "rose by 800 to 12,500 between the 2001 and 2011 counts": the level is the end's
        lead = _word_before(sp.text, start)
        if lead == "to":
            return r.ends[1]
        if lead == "from":
            return r.ends[0]
    return r.span


def _anchor(sp: SentencePeriods, pos: int) -> TimeSpan | None:
    """The period named last before ``pos`` (in this sentence, else before it)."""
    k = bisect_left(sp.starts, pos) - 1
    stop = max(k - _WALK, -1)
    while k > stop:
        r = sp.refs[k]
        k -= 1
        # a repeat ("that year") repeats what lies further back
        if r.end > pos or r.role not in (PERIOD, OPEN):
            continue
        if r.span is not None:
            return r.span
    return sp.previous


def _attached(sp: SentencePeriods, end: int, at: int) -> bool:
    """Is the comparison base at ``at`` said of the figure ending at ``end``?"""
    gap = sp.text[end:at]
    if any(c in gap for c in ",;:()—–"):
        return False
    words = _WORD.findall(gap.lower())
    return len(words) <= _GAP_WORDS and not any(w in sp.lex.words["base_prep"] for w in words)


def _barrier_between(sp: SentencePeriods, lo: int, hi: int) -> bool:
    k = bisect_left(sp.barriers, lo)
    return k < len(sp.barriers) and sp.barriers[k] < hi


def _break_after(sp: SentencePeriods, pos: int) -> int:
    k = bisect_left(sp.breaks, pos)
    return sp.breaks[k] if k < len(sp.breaks) else len(sp.text)


def _starting_level(sp: SentencePeriods, start: int) -> bool:
    """Is the figure at ``start`` the level a movement starts from ("up from 4.2%", "fell
    from 310")?"""
    words = _WORD.findall(sp.text[max(0, start - 24) : start].lower())
    return len(words) >= 2 and words[-1] == "from" and words[-2] in sp.lex.words["movement"]


def _word_before(text: str, pos: int) -> str:
    words = _WORD.findall(text[max(0, pos - 24) : pos].lower())
    return words[-1] if words else ""


def _level_after_since(sp: SentencePeriods, r: TimeRef, start: int) -> bool:
    """In "has risen 54% since 2015 to 68,900", is the figure at ``start`` that level?"""
    if _WORD.findall(sp.text[r.end : start].lower()) != ["to"]:
        return False
    k = bisect_left(sp.breaks, r.start) - 1
    clause = sp.text[max(sp.breaks[k] if k >= 0 else 0, r.start - _CLAUSE_CHARS) : r.start].lower()
    movement = sp.lex.words["movement"]
    return any(w in movement for w in _WORD.findall(clause))
