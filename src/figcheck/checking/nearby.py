"""The words near a claim's figure: the content words of its sentence weighted by how close they
stand to the figure, where a word nearer another figure of the same sentence counts less.

Words the concept lexicon (``data/concepts.toml``) knows are also filed under their concept, so
"killed" and "died" share the word ``deaths``. Reading the words depends on where the figures
stand, never on their digits, so a reading is kept for the sentence with each run of digits
written ``0`` (:func:`masked`): the claims of one sentence, and sentences that repeat with other
figures, are read once.

>>> from figcheck.extraction.extractor import extract
>>> killed, injured = extract("In the town, 312 people were killed and 1,045 injured.")
>>> near = nearby_words(killed, [injured])
>>> near.local["death"] > nearby_words(injured, [killed]).local.get("death", 0)
True
>>> near.said["death"], near.event
('killed', ('death', 0.75))
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from ..claims import Claim
from ..lexicon.context import default_lexicon
from ..lexicon.matching import matching_lexicon, words
from ..regex_cache import compile_pattern
from .wordlists import align_words, root

__all__ = ["NearbyWords", "masked", "nearby_words", "phrase_words"]

# Words are letters (and inner apostrophes or hyphens); possessive repeats keep it linear.
_TOKEN = compile_pattern(r"[^\W\d_]++(?:['’-][^\W\d_]++)*+|[,;:()\[\]—–]")
_PUNCT = frozenset(",;:()[]—–")
_BOUNDARY_COST = 2.0
_SHARED = 0.3
# Kinds of concept terms in the lexicon index: an event, an entity counted, a unit word.
_EVENT_TERM, _ENTITY_TERM, _UNIT_TERM = 0, 1, 2
_FIGURE = "#"  # stands for a figure among the words of a sentence
_TO = compile_pattern(r"\b(?:to|at|from)\b", re.IGNORECASE)
_CUE_HINT = 0.6  # the most a change word not right by the figure counts
_DIGITS = compile_pattern(r"\d++(?:[.,]\d++)*+")
# Sentence readings kept (each a few small dicts): enough for the sentence shapes of a corpus
# that repeats them, bounded for one that never does.
_READINGS = 16_384

_Span = tuple[int, int]
# One float object for each weight the readings give (a few hundred values: few distances).
_WEIGHTS: dict[float, float] = {}


class NearbyWords(NamedTuple):
    """What :func:`nearby_words` reads. Shared between claims (and their frames): never change
    its maps.

    ``local`` maps a normalised word (or a concept name) to its weight near the figure, 0..1;
    ``said`` maps a word of ``local`` to the words of the sentence that named it ("death":
    "killed") where they differ from it; ``event`` is the event concept nearest the figure and
    its weight; ``cue`` how strongly a change word makes the figure a change (0..1).
    """

    local: Mapping[str, float]
    said: Mapping[str, str]
    event: tuple[str, float] | None
    cue: float


@functools.lru_cache(maxsize=65536)
def phrase_words(phrase: str | None) -> tuple[str, ...]:
    """The normalised words of a short phrase of a claim (its subject, measure, source ...),
    cached: a corpus repeats them."""
    return words(phrase)


@functools.lru_cache(maxsize=65536)
def _token_words(token: str) -> tuple[str, ...]:
    """The normalised words of one token (cached: a corpus repeats its words)."""
    return words(token)


def masked(sentence: str, own: _Span, others: Sequence[_Span]
           ) -> tuple[str, _Span, tuple[_Span, ...]]:
    """``sentence`` with each run of digits written ``0``, and the figures' spans (offsets in
    the sentence) moved to match; unchanged when a span starts or ends inside a run of digits.

    >>> masked("Rain reached 1,204 mm, up from 87.5 mm.", (13, 21), [(31, 38)])
    ('Rain reached 0 mm, up from 0 mm.', (13, 17), ((27, 31),))
    """
    runs = [(m.start(), m.end()) for m in _DIGITS.finditer(sentence)]
    if not runs:
        return sentence, own, tuple(others)
    starts = [s for s, _ in runs]
    shift = [0]  # characters dropped before the end of each run
    for s, e in runs:
        shift.append(shift[-1] + e - s - 1)

    def moved(p: int) -> int | None:
        k = bisect.bisect_right(starts, p) - 1  # the last run starting at or before p
        if k >= 0 and p < runs[k][1]:
            return p - shift[k] if p == runs[k][0] else None
        return p - shift[k + 1]

    spans = [own, *others]
    points = [moved(p) for span in spans for p in span]
    if any(p is None for p in points):
        return sentence, own, tuple(others)
    text = _DIGITS.sub("0", sentence)
    pairs = [(points[i], points[i + 1]) for i in range(0, len(points), 2)]
    return text, pairs[0], tuple(pairs[1:])  # type: ignore[return-value]


def nearby_words(claim: Claim, others: Sequence[Claim]) -> NearbyWords:
    """The words of ``claim``'s sentence weighted by closeness to its figure (and the concepts
    they name); ``others`` are the other figures of the sentence (claims not overlapping it).

    Distance is counted in words, and each clause word or punctuation mark on the way adds
    ``_BOUNDARY_COST``; a word nearer another figure of the sentence keeps ``_SHARED`` of its
    weight. The result may be shared with other claims.
    """
    base = claim.sentence_start
    key = masked(claim.sentence, (claim.start - base, claim.end - base),
                 [(o.start - base, o.end - base) for o in others])
    return _read(*key, claim.unit == "count")


def _tokens(sentence: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().casefold()) for m in _TOKEN.finditer(sentence)]


def _concepts(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str, str, int]]:
    """(first token, last token, concept, surface, kind) for each concept term, longest first."""
    index = default_lexicon().concepts
    out = []
    i = 0
    while i < len(tokens):
        found = None
        for rest, label, kind in index.get(tokens[i][2], ()):
            n = len(rest)
            if kind == _UNIT_TERM:
                continue
            if tuple(t[2] for t in tokens[i + 1 : i + 1 + n]) == rest:
                found = (i, i + n, label, " ".join(t[2] for t in tokens[i : i + 1 + n]), kind)
                break
        if found:
            out.append(found)
            i = found[1] + 1
        else:
            i += 1
    return out


def _cue_weight(sentence: str, token: tuple[int, int, str], own: _Span, w: float) -> float:
    """How strongly a change word makes the figure a change: "fell 9%", "12% more", "a rise of
    12%" are changes; "fell to 2,381" is a level, and a word farther off only hints."""
    if w < 1.0:
        return min(w, _CUE_HINT)
    lo, hi = (token[1], own[0]) if token[0] < own[0] else (own[1], token[0])
    if _TO.search(sentence[lo:hi]):
        return 0.0
    return 1.0


@functools.lru_cache(maxsize=_READINGS)
def _read(sentence: str, own: _Span, spans: tuple[_Span, ...], counted: bool) -> NearbyWords:
    """The words of ``sentence`` near the figure at ``own``; ``spans`` are the other figures
    (claims), ``counted`` a figure in the unit ``count`` (a change word makes it no change:
    "lost 1,351 soldiers" is a level)."""
    aw = align_words()
    stop = matching_lexicon().stopwords
    # Numbers the extractor did not take as claims still own the words around them.
    taken = sorted([own, *spans])
    spans = (*spans, *((m.start(), m.end()) for m in _DIGITS.finditer(sentence)
                       if not any(s <= m.start() < e for s, e in taken)))
    figures = sorted([own, *spans])
    starts = [s for s, _ in figures]
    reach = list(_running_max(e for _, e in figures))

    def inside(p: int) -> bool:  # p stands in some figure's span
        k = bisect.bisect_right(starts, p) - 1
        return k >= 0 and p < reach[k]

    tokens = [t for t in _tokens(sentence) if not inside(t[0])]
    # A figure stands between words: no concept phrase may run across it.
    tokens = sorted(tokens + [(s, e, _FIGURE) for s, e in figures])
    rank: list[int] = []
    cost: list[float] = []  # boundary cost accumulated up to each token
    counts: list[bool] = []  # the token is a content word (counts for distance)
    n, c = 0, 0.0
    for t in tokens:
        rank.append(n)
        if t[2] in aw.boundaries or t[2] in _PUNCT:
            c += _BOUNDARY_COST
        cost.append(c)
        word = t[2] != _FIGURE and t[2] not in _PUNCT and t[2] not in stop
        counts.append(word)
        n += word

    def anchor(span: _Span) -> tuple[float, float]:
        k = bisect.bisect_left(tokens, (span[0],))  # the first token at or after the span
        before = rank[k] if k < len(tokens) else n
        return before - 0.5, (cost[k - 1] if k else 0.0)

    mine = anchor(own)
    theirs = [anchor(s) for s in spans]
    weights = []
    for i in range(len(tokens)):
        # a boundary token itself costs on the side it stands
        d = abs(rank[i] - mine[0]) + abs(cost[i] - mine[1])
        w = 1.0 / (1.0 + max(0.0, d - 0.5) / 3.0)
        if any(abs(rank[i] - t[0]) + abs(cost[i] - t[1]) < d for t in theirs):
            w *= _SHARED  # another figure of the sentence claims most of the word
        weights.append(w)

    local: dict[str, float] = {}
    said: dict[str, str] = {}
    cue = 0.0
    for i, (_pos, _end, tok) in enumerate(tokens):
        if tok == _FIGURE or tok in _PUNCT:
            continue
        if tok in aw.change_cues and not counted:
            cue = max(cue, _cue_weight(sentence, tokens[i], own, weights[i]))
        for w in _token_words(tok):
            if w in stop or w in aw.ignore or len(w) < 2:
                continue
            r = root(w)
            said.setdefault(r, w)
            local[r] = max(local.get(r, 0.0), weights[i])
    event: tuple[str, float] | None = None
    for first, last, label, surface, kind in _concepts(tokens):
        concept = " ".join(phrase_words(label))
        w = max(weights[first : last + 1])
        if w > local.get(concept, 0.0):
            local[concept] = w
            said[concept] = surface if surface != concept else said.get(concept, concept)
        if kind == _EVENT_TERM and (event is None or w > event[1]):
            event = (concept, w)
    # Words interned and equal weights one object: frames share a reading as it is. A word said
    # as it is needs no entry (Frame.said_as).
    weight = _WEIGHTS.setdefault
    return NearbyWords({sys.intern(w): weight(x, x) for w, x in local.items()},
                       {sys.intern(w): sys.intern(x) for w, x in said.items() if x != w},
                       event, cue)


def _running_max(values: object) -> list[int]:
    out: list[int] = []
    for v in values:  # type: ignore[attr-defined]
        out.append(v if not out or v > out[-1] else out[-1])
    return out
