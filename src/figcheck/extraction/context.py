"""What each claim is about: its noun, subject, concept, period and source.

The extractor finds number spans; this module reads the words around them.
The work is split so that a sentence is scanned once however many figures it
holds: :func:`sentence_context` tokenises a sentence and indexes what it
mentions (concept words, names, dates, attributions, clause breaks), and
:func:`claim_context` picks, for one span, the nearest of each. Both run in
time linear in the sentence; the per-claim step only looks at a bounded
neighbourhood of the span.

Word lists are data: ``data/concepts.toml`` (the concept lexicon) and
``data/context.toml`` (everything else), loaded once by :func:`default_lexicon`.

>>> sentence = "Russia lost 1,351 soldiers in 2022, the ministry said."
>>> sc = sentence_context(sentence)
>>> claim_context(sc, sentence, 12, 17)
ClaimContext(noun='soldiers', subject='Russia', concept='losses', period='2022', source='ministry')
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from ..lexicon.context import (
    _AFTER,
    _AGENT,
    _BEFORE,
    _CLAUSE,
    _DET,
    _EITHER,
    _ENTITY,
    _EVENT,
    _FILLER,
    _GENERIC,
    _LETTER,
    _LINK,
    _MODIFIER,
    _NOT_NAME,
    _PLACE_PREP,
    _RATE,
    _SKIP,
    _STOP,
    _UNIT,
    _VERB,
    ContextLexicon,
    default_lexicon,
    load_lexicon,
)

__all__ = [
    "ClaimContext",
    "ContextLexicon",
    "SentenceContext",
    "claim_context",
    "default_lexicon",
    "load_lexicon",
    "sentence_context",
]

# Clause breaks; a comma or colon followed by a digit is inside a number, not a break.
# A line break or an ellipsis usually ends a sentence the splitter missed.
_BREAK = re.compile(r"[,:;()\[\]—…\n](?!(?<=[,:])\d)")

_COORDINATORS = frozenset(("and", "or"))

# How far before a year a date can start ("between 2014", "September 25, 2022") and how
# far after it the pattern may need to look.
_DATE_REACH = 20

_POSSESSIVE = ("'s", "’s")

_REACH = 6  # words skipped in a row (link words, determiners, modifiers)

_SPACED_DASHES = (" - ", " – ")

_SPLIT = re.compile(rf"([{_LETTER}][{_LETTER}0-9]*+(?:['’\-][{_LETTER}0-9]++)*+)")

# Bounds on every walk away from a claim, so a huge sentence with many claims stays linear:
_WALK = 16  # candidates (names, concept hits, dates, sources) examined on each side

# Cheap pre-check: no four-digit 19xx/20xx run means no period to look for.
_YEARISH = re.compile(r"(?:19|20)\d\d")


class _Tokens:
    """A sentence cut into words: offsets, original and lower-case forms, and the gaps.

    ``gaps[i]`` is the text before word ``i``; ``gaps[-1]`` trails the last word.
    """

    __slots__ = ("ends", "gaps", "lex", "lowers", "roles", "starts", "text", "words")

    def __init__(self, text: str, lex: ContextLexicon) -> None:
        parts = _SPLIT.split(text)
        offsets = list(accumulate(map(len, parts)))
        self.text = text
        self.words: list[str] = parts[1::2]
        self.gaps: list[str] = parts[0::2]
        self.starts: list[int] = offsets[:-1:2]
        self.ends: list[int] = offsets[1::2]
        self.lowers: list[str] = list(map(str.lower, self.words))
        self.roles = lex.roles
        self.lex = lex

    def joined(self, i: int) -> bool:
        """Is word ``i`` separated from word ``i - 1`` by blanks only?"""
        gap = self.gaps[i]
        return gap == " " or (gap != "" and gap.isspace())


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """What one sentence mentions, indexed by position; computed once per sentence.

    ``period`` and ``source`` are the sentence's first date and attribution;
    :func:`claim_context` picks the ones nearest each claim.
    """

    period: str | None
    source: str | None
    tokens: _Tokens
    # Each list is sorted by start offset, so bisect finds the neighbours of a claim.
    hits: list[tuple[int, int, str, int]]  # concept hits: start, end, concept, kind
    names: list[tuple[int, int, str]]  # subject candidates: start, end, name
    periods: list[tuple[int, int, str]]  # dates: start, end, normalised value
    sources: list[tuple[int, int, str]]  # extent of cue and party, party
    soft: list[int]  # clause breaks: commas, clause words and everything in ``hard``
    hard: list[int]  # ; : brackets, dashes, ellipses and line breaks
    lines: list[int]  # line breaks: nothing is looked up across one


@dataclass(frozen=True, slots=True)
class ClaimContext:
    """What one claim is about; any field may be None when the text does not say."""

    noun: str | None
    subject: str | None
    concept: str | None
    period: str | None
    source: str | None


# --- loading ----------------------------------------------------------------------------


def _period_value(lex: ContextLexicon, m: re.Match[str]) -> tuple[int, int, str] | None:
    """Offsets and normalised value of a date match ("2022-03-25", "2014/2021", "1990s").

    None when the word read as a month is not one.
    """
    last = m.lastgroup  # the last group of each branch names the branch
    if last == "id":
        day = m["id"]
        return m.start(), m.end(), f"{m['iy']}-{m['im']}-{day}" if "01" <= day <= "31" else m["iy"]
    if last in ("dy", "my"):
        year, word, day = (
            (m["dy"], m["dm"], m["dd"]) if last == "dy" else (m["my"], m["mm"], m["md"])
        )
        month = lex.months.get(word.lower())
        if month is None:  # "Census 2001": a capitalised word, not a month
            return None
        if day is not None and 1 <= int(day) <= 31:
            return m.start(), m.end(), f"{year}-{month:02d}-{int(day):02d}"
        return m.start(), m.end(), f"{year}-{month:02d}"
    if last in ("rb", "sb"):
        first = m["ra"] or m["sa"]
        end = m[last]
        if len(end) == 2:  # "2014-21"
            end = first[:2] + end
        if end > first:
            return m.start(), m.end(), f"{first}/{end}"
        return m.start(), m.start() + 4 if m["sa"] else m.end("ra"), first
    if last == "oy":
        year = m["oy"]
        return m.start(), m.end(), f"{year}/" if m["ow"].lower() in lex.open_start else f"/{year}"
    if last == "dec":
        return m.start(), m.end(), m["dec"] + "s"
    return m.start(), m.end(), m["y"]


def _phrase_at(t: _Tokens, i: int, rest: tuple[str, ...]) -> bool:
    """Do the words after word ``i`` spell ``rest``, separated by blanks, "-" or "/"?"""
    lowers, gaps = t.lowers, t.gaps
    if i + len(rest) >= len(lowers) or lowers[i + 1] != rest[0]:
        return False
    for j, word in enumerate(rest, i + 1):
        if lowers[j] != word or not (t.joined(j) or gaps[j] in ("-", "/")):
            return False
    return True


def _concept_hits(t: _Tokens, marks: list[int]) -> list[tuple[int, int, str, int]]:
    index = t.lex.concepts
    hits: list[tuple[int, int, str, int]] = []
    free = 0
    for i in marks:
        phrases = index.get(t.lowers[i])
        if phrases is None or i < free:
            continue
        for rest, concept, kind in phrases:
            if rest and not _phrase_at(t, i, rest):
                continue
            k = i + len(rest)
            if t.gaps[k + 1].startswith("-"):
                break  # "long- and medium-range": half of a compound word
            if kind == _UNIT and i and t.roles.get(t.lowers[i - 1], 0) & _RATE and t.joined(i):
                break  # "$9.99 per month" is money, not a duration
            hits.append((t.starts[i], t.ends[k], concept, kind))
            free = k + 1
            break
    return hits


def _sources(t: _Tokens, marks: list[int]) -> list[tuple[int, int, str]]:
    index, words = t.lex.cues, t.words
    out: list[tuple[int, int, str]] = []
    for i in marks:
        # Cues are lower case in the text: "the United States said" holds no cue "states".
        phrases = index.get(words[i])
        if phrases is None:
            continue
        for rest, _key, direction in phrases:
            if rest and not _phrase_at(t, i, rest):
                continue
            k = i + len(rest)
            if direction == _EITHER:  # "..., said the ministry" vs "the ministry said"
                direction = _BEFORE if i > 0 and t.joined(i) else _AFTER
            party = _party_before(t, i) if direction == _BEFORE else _party_after(t, k + 1)
            if party is not None:
                lo, hi = party
                text = " ".join(t.text[lo:hi].split())
                out.append((min(lo, t.starts[i]), max(hi, t.ends[k]), text))
            break
    return out


def _credible(t: _Tokens, first: int, last: int) -> bool:
    """A party needs a name (a capital not explained by the sentence start) or an agent noun."""
    roles, words, lowers = t.roles, t.words, t.lowers
    head = lowers[last]
    if head.endswith(_POSSESSIVE):
        head = head[:-2]
    if roles.get(head, 0) & _AGENT:
        return True
    return any(
        words[j][0].isupper() and not (j == 0 and roles.get(lowers[j], 0) & _NOT_NAME)
        for j in range(first, last + 1)
    )


def _party_before(t: _Tokens, i: int) -> tuple[int, int] | None:
    """The party named before a cue: "the Russian defence ministry said" -> its words."""
    roles, words, lowers = t.roles, t.words, t.lowers
    j = i - 1
    while j >= i - _REACH and j >= 0 and roles.get(lowers[j], 0) & _MODIFIER and t.joined(j + 1):
        j -= 1
    if j < 0 or not t.joined(j + 1):
        return None
    last, first = j, -1
    named = False
    while j >= 0 and last - j < 8:
        if named and words[j] == lowers[j] and lowers[j] != "of":
            break  # "... to retire Anthony says": a party never has lower case before a name
        if (
            lowers[j] == "of"
            and first > j
            and j > 0
            and words[j - 1][0].isupper()
            and words[j + 1][0].isupper()
        ):
            pass  # "Ministry of Defence"
        elif roles.get(lowers[j], 0) & _STOP:
            break
        first = j
        named = named or words[j][0].isupper()
        if j == 0 or not t.joined(j):
            break
        j -= 1
    if first < 0 or lowers[first] == "of" or not _credible(t, first, last):
        return None
    return t.starts[first], t.ends[last]


def _party_after(t: _Tokens, j: int) -> tuple[int, int] | None:
    """The party named after a cue: "according to figures from the UN" -> "UN"."""
    roles, lowers = t.roles, t.lowers
    n = len(lowers)
    if j >= n or not t.joined(j):
        return None
    skip_to = j + _REACH
    while (
        j < min(n - 1, skip_to) and roles.get(lowers[j], 0) & (_DET | _FILLER) and t.joined(j + 1)
    ):
        j += 1
    first, last = j, -1
    while j < n and j - first < 8:
        if lowers[j] == "of" and last >= 0:
            # "head of the Russian delegation": "of" (and a determiner) inside a name
            m = j + 1
            if m < n and roles.get(lowers[m], 0) & _DET and t.joined(m):
                m += 1
            if m < n and t.joined(m) and not roles.get(lowers[m], 0) & _STOP:
                j = m
                continue
            break
        if roles.get(lowers[j], 0) & _STOP:
            break
        last = j
        if j + 1 >= n or not t.joined(j + 1):
            break
        j += 1
    if last < first or not _credible(t, first, last):
        return None
    return t.starts[first], t.ends[last]


def _known_subject(subjects: dict[str, str], word: str) -> str | None:
    if word.endswith(_POSSESSIVE):
        word = word[:-2]
    found = subjects.get(word)
    if found is None and word.endswith("s"):  # "Ukrainians"
        found = subjects.get(word[:-1])
    return found


def _names(t: _Tokens) -> list[tuple[int, int, str]]:
    """Subject candidates with their offsets.

    Known places and demonyms count anywhere; other capitalised names when possessive,
    after "in"/"of", or opening a clause before a lower-case verb.
    """
    subjects, words, lowers, gaps = t.lex.subjects, t.words, t.lowers, t.gaps
    out: list[tuple[int, int, str]] = []
    # ASCII capitals sort before "a"; other scripts need the slower test
    caps = [i for i, w in enumerate(words) if w < "a" or (w >= "\xc0" and w[0].isupper())]
    run: list[int] = []
    prev = -2
    for i in caps:
        if run and not (
            i == prev + 1
            and (gaps[i] == " " or t.joined(i))
            and lowers[prev][-2:] not in _POSSESSIVE
        ):
            _name_run(t, run, out)
            run = []
        prev = i
        word = words[i]
        known = subjects.get(word)
        if known is None and word[-1] == "s":
            known = _known_subject(subjects, word)
        if known is None:
            run.append(i)
            continue
        if run:
            _name_run(t, run, out)
            run = []
        out.append((t.starts[i], t.ends[i], known))
    if run:
        _name_run(t, run, out)
    return out


def _name_run(t: _Tokens, run: list[int], out: list[tuple[int, int, str]]) -> None:
    """Add the name in a run of capitalised words if its position makes it a subject."""
    roles, words, lowers = t.roles, t.words, t.lowers
    g0 = run[0]
    before = g0 - 1
    while run and roles.get(lowers[run[0]], 0) & _NOT_NAME:
        before = run.pop(0)
    # "More" alone is no name, though "New" in "New Zealand" is part of one
    if not run or (len(run) == 1 and roles.get(lowers[run[0]], 0) & _SKIP):
        return
    first, last = run[0], run[-1]
    possessive = lowers[last].endswith(_POSSESSIVE)
    prep = before - 1 if before > 0 and lowers[before] == "the" and t.joined(before + 1) else before
    place = prep >= 0 and roles.get(lowers[prep], 0) & _PLACE_PREP and t.joined(prep + 1)
    if not (possessive or place):
        # A clause subject: opens its clause and is followed by a verb, a listed one or
        # a past tense ("Russia lost", "Tesla jumped"; not "Screen sizes").
        nxt = last + 1
        if not (
            (g0 == 0 or not t.joined(g0))
            and nxt < len(words)
            and words[nxt].islower()
            and words[nxt] not in t.lex.cues
            and (roles.get(words[nxt], 0) & _VERB or words[nxt].endswith("ed"))
            and t.joined(nxt)
        ):
            return
    end = t.ends[last] - 2 if possessive else t.ends[last]
    name = " ".join(t.text[t.starts[first] : end].split())
    out.append((t.starts[first], t.ends[last], t.lex.subjects.get(name, name)))


def _outside(
    names: list[tuple[int, int, str]], sources: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The names that do not start inside any (sorted) source extent."""
    los = [src[0] for src in sources]
    reach: list[int] = []  # furthest end among the extents so far
    for src in sources:
        reach.append(max(src[1], reach[-1]) if reach else src[1])
    kept = []
    for name in names:
        k = bisect_right(los, name[0]) - 1
        if k < 0 or reach[k] <= name[0]:
            kept.append(name)
    return kept


def _periods(lex: ContextLexicon, s: str) -> list[tuple[int, int, str]]:
    """Every year or date in ``s``, with its offsets and normalised value."""
    out: list[tuple[int, int, str]] = []
    done = 0
    # The date pattern is tried only in a window around each 19xx/20xx run: scanning the
    # whole sentence with it costs more than everything else per sentence together.
    for y in _YEARISH.finditer(s):
        at = y.start()
        if at < done:
            continue
        stop = y.end() + _DATE_REACH
        m = lex.dates.search(s, max(done, at - _DATE_REACH), stop)
        while m is not None and m.end() <= at:
            m = lex.dates.search(s, m.end(), stop)
        if m is None or m.start() > at:
            continue
        found = _period_value(lex, m)
        if found is None:  # "Over 2014-21": not a month after all; read from the year on
            m = lex.dates.search(s, at, stop)
            found = _period_value(lex, m) if m is not None and m.start() == at else None
        if found is not None:
            out.append(found)
            done = found[1]
    return out


def _breaks(t: _Tokens, marks: list[int]) -> tuple[list[int], list[int]]:
    s = t.text
    soft = [m.start() for m in _BREAK.finditer(s)]
    hard = [at for at in soft if s[at] != ","] if soft else []
    grown = False
    for dash in _SPACED_DASHES:
        at = s.find(dash)
        while at >= 0:
            hard.append(at + 1)
            grown = True
            at = s.find(dash, at + 1)
    roles, lowers = t.roles, t.lowers
    extra = [t.starts[i] for i in marks if roles.get(lowers[i], 0) & _CLAUSE] if marks else []
    if grown or extra:
        hard.sort()
        soft = sorted(set(soft) | set(hard) | set(extra))
    return soft, hard


def sentence_context(sentence: str, *, lexicon: ContextLexicon | None = None) -> SentenceContext:
    """Index what ``sentence`` mentions, once, for :func:`claim_context`.

    Args:
        sentence: the sentence text.
        lexicon: word lists to use; figcheck's own by default.

    >>> sc = sentence_context("Since 2014, 14,000 people have died, according to the UN.")
    >>> sc.period, sc.source
    ('2014/', 'UN')
    """
    lex = lexicon if lexicon is not None else default_lexicon()
    t = _Tokens(sentence, lex)
    look = lex.marked
    marks = [i for i, w in enumerate(t.lowers) if w in look]

    hits = _concept_hits(t, marks) if marks else []
    sources = _sources(t, marks) if marks else []
    names = _names(t)
    if sources:  # who reports a figure is not what the figure is about
        sources.sort()
        names = _outside(names, sources)

    periods = _periods(lex, sentence)
    soft, hard = _breaks(t, marks)
    lines = [at for at in hard if sentence[at] == "\n"] if "\n" in sentence else []

    return SentenceContext(
        period=periods[0][2] if periods else None,
        source=sources[0][2] if sources else None,
        tokens=t,
        hits=hits,
        names=names,
        periods=periods,
        sources=sources,
        soft=soft,
        hard=hard,
        lines=lines,
    )


# --- per claim ------------------------------------------------------------------------


def claim_context(
    sc: SentenceContext,
    sentence: str,
    start: int,
    end: int,
    other_spans: Sequence[tuple[int, int]] = (),
) -> ClaimContext:
    """Noun, subject, concept, period and source of the claim at ``sentence[start:end]``.

    Args:
        sc: the sentence's :func:`sentence_context`.
        sentence: the same sentence text.
        start: start offset of the claim span inside ``sentence``.
        end: end offset of the claim span.
        other_spans: the other claims' ``(start, end)`` tuples in the sentence, sorted by
            start (the claim's own span may be among them); a noun phrase stops at the next.

    >>> s = "Ukraine lost 123 of its 152 fighter jets."
    >>> claim_context(sentence_context(s), s, 13, 27).noun
    'fighter jets'
    """
    t = sc.tokens
    k = bisect_left(other_spans, (end,))
    limit = other_spans[k][0] if k < len(other_spans) else len(sentence)
    k = bisect_left(other_spans, (start,)) - 1
    floor = min(other_spans[k][1], start) if k >= 0 else 0
    soft = (_before(sc.soft, start), _after(sc.soft, end, len(sentence)))
    hard = (_before(sc.hard, start), _after(sc.hard, end, len(sentence)))
    line = (_before(sc.lines, start), _after(sc.lines, end, len(sentence)))

    found = _right_noun(t, start, end, limit, other_spans)
    if found is None:
        found = _left_noun(t, start, max(floor, soft[0]))
    noun, nlo, nhi = found if found is not None else (None, start, end)
    return ClaimContext(
        noun=noun,
        subject=_subject(sc, start, end, min(nlo, start), max(nhi, end), soft, hard),
        concept=_concept(sc, start, end, nlo, nhi, soft, hard),
        # a date after the figure counts only inside its clause: in "a 10-year lease on the
        # old port, rebuilt in 1998" the year belongs to the rebuilding, not the lease
        period=_period(sc, start, end, other_spans, (line[0], min(line[1], soft[1]))),
        source=_nearest(sc.sources, start, end, line[0], line[1]),
    )


def _before(breaks: list[int], pos: int) -> int:
    i = bisect_left(breaks, pos) - 1
    return breaks[i] if i >= 0 else 0


def _after(breaks: list[int], pos: int, default: int) -> int:
    i = bisect_left(breaks, pos)
    return breaks[i] if i < len(breaks) else default


def _right_noun(
    t: _Tokens, start: int, end: int, limit: int, other_spans: Sequence[tuple[int, int]]
) -> tuple[str, int, int] | None:
    """The noun phrase after the span: "1,351 Russian soldiers were ..." -> "russian soldiers"."""
    s, starts, ends, words, lowers, roles = t.text, t.starts, t.ends, t.words, t.lowers, t.roles
    n = len(starts)
    i = bisect_left(starts, end)
    if i >= n or starts[i] >= limit:
        return None
    gap = s[end : starts[i]]
    if gap == "-":  # "a 40-strong force": the fragment after the hyphen qualifies the figure
        i += 1
        if i >= n or starts[i] >= limit or not t.joined(i):
            return None
    elif not (gap == " " or (gap and gap.isspace())):
        return None
    lo = starts[i]
    if lowers[i] == "of":  # "a third of the population", "123 of Ukraine's 152 jets"
        i += 1
        stop = i + _REACH
        while (
            i < min(n, stop)
            and t.joined(i)
            and (roles.get(lowers[i], 0) & _DET or lowers[i].endswith(_POSSESSIVE))
        ):
            i += 1
        if i >= n:
            return None
        if not t.joined(i):  # "1,351 of the 2,000 soldiers": read past the whole
            limit = _skip_span(s, ends[i - 1], starts[i], other_spans)
            if limit < 0:
                return None
    first = i
    out: list[str] = []
    while i < n and len(out) < 4 and starts[i] < limit:
        if i > first and not t.joined(i):
            break
        lw = lowers[i]
        r = roles.get(lw, 0)
        if not out and (r & _SKIP or _adverb_before_participle(t, i)):
            i += 1  # "300 more tanks", "20 newly built homes"
            continue
        if t.gaps[i + 1].startswith("- "):
            # "long- and medium-range systems": a suspended compound; the noun comes later
            i += 2 if i + 1 < n and lowers[i + 1] in _COORDINATORS else 1
            first = i
            continue
        if r & _STOP or lw.endswith(_POSSESSIVE):
            break
        if (
            out
            and lw.endswith(("ed", "ing"))
            and (not words[i - 1][0].isupper() or _phrase_ends(t, i + 1, limit))
        ):
            # "1,351 people killed", "a convoy stalled": a verb, unless it modifies what
            # follows a proper adjective ("Russian armoured vehicles")
            break
        out.append(lw)
        i += 1
    if not out or (len(out) == 1 and roles.get(out[0], 0) & _GENERIC):
        return None
    return " ".join(out), lo, ends[i - 1]


def _skip_span(s: str, a: int, b: int, other_spans: Sequence[tuple[int, int]]) -> int:
    """The new noun limit when ``s[a:b]`` is blanks around one other claim, else -1.

    The new limit is the start of the claim after that one.
    """
    k = bisect_left(other_spans, (a,))
    if k >= len(other_spans):
        return -1
    o_start, o_end = other_spans[k][0], other_spans[k][1]
    if not (
        a < o_start
        and o_end <= b
        and s[a:o_start].isspace()
        and (o_end == b or s[o_end:b].isspace())
    ):
        return -1
    return other_spans[k + 1][0] if k + 1 < len(other_spans) else len(s)


def _adverb_before_participle(t: _Tokens, i: int) -> bool:
    lowers = t.lowers
    return (
        lowers[i].endswith("ly")
        and i + 1 < len(lowers)
        and t.joined(i + 1)
        and lowers[i + 1].endswith(("ed", "ing"))
    )


def _phrase_ends(t: _Tokens, j: int, limit: int) -> bool:
    if j >= len(t.starts) or t.starts[j] >= limit or not t.joined(j):
        return True
    return bool(t.roles.get(t.lowers[j], 0) & _STOP)


def _left_noun(t: _Tokens, start: int, floor: int) -> tuple[str, int, int] | None:
    """A noun before the span joined to it by link words: "the toll rose to 1,351" -> "toll"."""
    starts, ends, lowers, roles = t.starts, t.ends, t.lowers, t.roles
    j = bisect_left(starts, start) - 1
    if j < 0 or starts[j] < floor or not t.text[ends[j] : start].isspace():
        return None
    linked = 0
    # "the toll rose to", "the pound going to": link words and participles
    while (
        j >= 0
        and linked < _REACH
        and starts[j] >= floor
        and (roles.get(lowers[j], 0) & _LINK or _participle(lowers[j]))
    ):
        linked += 1
        if not t.joined(j):
            return None
        j -= 1
    if not linked:
        return None
    taken = _collect_back(t, j, floor)
    if taken and all(_proper(t, k) for k in taken):
        # "the population of Ukraine was 48 million": the name says whose; the noun is before
        j = taken[-1] - 1
        if j < 1 or lowers[j] != "of" or not t.joined(j):
            return None
        taken = _collect_back(t, j - 1, floor)
        if any(_proper(t, k) for k in taken):
            return None
    if not taken:
        return None
    phrase = [lowers[k] for k in reversed(taken)]
    if roles.get(phrase[-1], 0) & _GENERIC:
        return None
    return " ".join(phrase), starts[taken[-1]], start


def _proper(t: _Tokens, k: int) -> bool:
    """Is word ``k`` a name? A capital says so, except on a known word opening the text."""
    return t.words[k][0].isupper() and not (k == 0 and t.roles.get(t.lowers[k], 0) & _NOT_NAME)


def _participle(word: str) -> bool:
    return len(word) > 4 and word.endswith(("ed", "ing"))


def _collect_back(t: _Tokens, j: int, floor: int) -> list[int]:
    starts, lowers, roles = t.starts, t.lowers, t.roles
    taken: list[int] = []
    while j >= 0 and len(taken) < 4 and starts[j] >= floor:
        if roles.get(lowers[j], 0) & (_STOP | _SKIP) or lowers[j].endswith(_POSSESSIVE):
            break
        taken.append(j)
        if j == 0 or not t.joined(j):
            break
        j -= 1
    return taken


def _distance(lo: int, hi: int, start: int, end: int) -> int:
    if hi <= start:
        return start - hi
    if lo >= end:
        return lo - end
    return 0


def _nearest(
    items: Sequence[tuple[Any, ...]],
    start: int,
    end: int,
    lo: int,
    hi: int,
    keep: Callable[[tuple[Any, ...]], bool] | None = None,
) -> Any:
    """Field 2 of the item nearest ``[start, end)``, or None.

    Only items starting in ``[lo, hi)`` and passing ``keep`` count; ties go to the left.
    """
    p = bisect_left(items, (start,))  # (start,) sorts before any item starting at start
    best: tuple[Any, ...] | None = None
    best_d = 0
    for q in range(p - 1, max(p - 1 - _WALK, -1), -1):
        item = items[q]
        if item[0] < lo:
            break
        if keep is None or keep(item):
            best, best_d = item, _distance(item[0], item[1], start, end)
            break
    for q in range(p, min(p + _WALK, len(items))):
        item = items[q]
        if item[0] >= hi:
            break
        if keep is None or keep(item):
            if best is None or _distance(item[0], item[1], start, end) < best_d:
                best = item
            break
    return best[2] if best is not None else None


def _concept(
    sc: SentenceContext,
    start: int,
    end: int,
    nlo: int,
    nhi: int,
    soft: tuple[int, int],
    hard: tuple[int, int],
) -> str | None:
    hits = sc.hits
    if not hits:
        return None
    # 1. a word straight after the span ("40 miles long", "2,000 injured") or a unit word
    # inside it ("40 miles", "30 degrees") says what is measured
    p = bisect_left(hits, (end,))
    if p < len(hits) and hits[p][3] != _ENTITY and sc.tokens.text[end : hits[p][0]] == " ":
        return hits[p][2]
    p -= 1
    if p >= 0 and hits[p][0] >= start and hits[p][1] <= end:
        return hits[p][2]
    # 2. what happened, said in the noun ("fatalities") or the clause ("were killed")
    lo, hi = min(nlo, start), max(nhi, end)
    q = bisect_left(hits, (hi,)) - 1
    while q >= 0 and hits[q][0] >= lo:
        if hits[q][1] <= hi and hits[q][3] == _EVENT:
            return hits[q][2]
        q -= 1
    for a, b in (soft, hard):
        found = _nearest(hits, start, end, a, b, _is_event)
        if found is not None:
            return found
    # 3. what kind of thing is counted ("troops", "fighter jets")
    q = bisect_left(hits, (hi,)) - 1
    while q >= 0 and hits[q][0] >= lo:
        if hits[q][1] <= hi and hits[q][3] != _UNIT:
            return hits[q][2]
        q -= 1
    return _nearest(hits, start, end, soft[0], soft[1], _is_entity)


def _is_event(hit: tuple[Any, ...]) -> bool:
    return hit[3] == _EVENT


def _is_entity(hit: tuple[Any, ...]) -> bool:
    return hit[3] == _ENTITY


def _subject(
    sc: SentenceContext,
    start: int,
    end: int,
    rlo: int,
    rhi: int,
    soft: tuple[int, int],
    hard: tuple[int, int],
) -> str | None:
    names = sc.names
    if not names:
        return None
    t = sc.tokens
    starts, ends, lowers = t.starts, t.ends, t.lowers
    # Attached to the claim: "Ukraine's 152", "Russian soldiers", "the population of Ukraine".
    j = bisect_left(starts, rlo) - 1
    if j >= 0 and t.text[ends[j] : rlo].isspace():
        rlo = starts[j]
    j = bisect_left(starts, rhi)
    if j < len(starts) and lowers[j] == "of" and t.text[rhi : starts[j]].isspace():
        rhi = ends[min(j + 2, len(starts) - 1)]
    found = _nearest(names, start, end, rlo, rhi, lambda c: c[1] <= rhi)
    if found is not None:
        return found
    for a, b in (soft, hard):
        found = _nearest(names, start, end, a, b)
        if found is not None:
            return found
    return None


def _period(
    sc: SentenceContext,
    start: int,
    end: int,
    spans: Sequence[tuple[int, int]],
    line: tuple[int, int],
) -> str | None:
    if not sc.periods:
        return None

    def free(p: tuple[Any, ...]) -> bool:  # a year the extractor read as a figure is no date
        if p[0] < end and start < p[1]:
            return False
        k = bisect_left(spans, (p[1],)) - 1
        return k < 0 or spans[k][1] <= p[0]

    return _nearest(sc.periods, start, end, line[0], line[1], free)
