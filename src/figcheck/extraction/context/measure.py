"""What a figure measures: scale readings, the noun it counts, the measure named before it.

:func:`scale_reading` says when a figure is a reading on a scale ("a 5.7-magnitude quake");
:func:`noun_in_clause` finds the measure named before a figure across a verb group
("Imports from Chile [fell] 6%", "the trade gap [could widen to] $2.3 billion");
:func:`measure_head` (from :mod:`.heads`) turns a claim's noun phrase and concept into the
normalised head ("fatalities" -> "death") and its qualifiers ("civilian", "destroyed").

Word lists are data: ``data/measures.toml``, loaded by
:func:`figcheck.lexicon.measures.default_measures`.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from typing import Final

from collections.abc import Sequence

from ...lexicon.context import (
    DET,
    EVENT,
    GENERIC,
    NOT_NAME,
    STOP,
    VERB,
    ContextLexicon,
)
from ...lexicon.measures import MeasureLexicon, default_measures
from ...regex_cache import compile_pattern
from .heads import measure_head
from .nouns import is_name, noun_after, noun_before
from .sentence import POSSESSIVE, Tokens

__all__ = [
    "bare_count",
    "claim_noun",
    "event_concepts",
    "is_event",
    "measure_head",
    "named_by_verb",
    "noun_in_clause",
    "part_of_previous",
    "scale_reading",
]

_REACH: Final = 8  # words in a verb group, and in a noun phrase read leftwards
_PREPOSITIONS: Final = frozenset((
    "in", "to", "of", "for", "across", "from", "at", "on", "among", "within", "as", "over",
    "under", "with", "between", "throughout", "outside", "inside", "near",
))
_LINKS: Final = frozenset(("and", "or", "&"))
_YEAR_GAP: Final = compile_pattern(r" (?:19|20)\d\d(?:[-–/]\d\d(?:\d\d)?)? ")


def claim_noun(
    t: Tokens,
    start: int,
    end: int,
    limit: int,
    floor: int,
    other_spans: Sequence[tuple[int, int]],
    scale: str | None = None,
    counted: bool | None = None,
) -> tuple[str, int, int] | None:
    """The noun phrase a figure counts or measures, with its offsets, or None.

    A scale reading is its scale; then the noun after the figure ("1,351 soldiers"),
    unless it is the whole of a share ("8% of GDP") and the clause names the measure
    before it; then the noun before ("the toll rose to 211", "Exports rose 8%").
    ``limit`` is where the next figure starts, ``floor`` where the clause or the
    previous figure ends; ``counted`` is :func:`bare_count` of the figure, when known.
    """
    if scale is not None:
        return scale, start, end
    found = noun_after(t, start, end, limit, other_spans)
    lex = default_measures()
    if found is not None and (i := bisect_left(t.starts, found[1])) < len(t.words):
        full = lex.abbreviations.get(t.words[i])
        if full is not None:
            return full, found[1], t.ends[i]  # "15.3 ppg": points per game
    if found is not None and found[0] in lex.extents:
        return lex.extents[found[0]], found[1], found[2]  # "48 km deep" measures a depth
    if found is not None and " " not in found[0] and (
        found[0] in lex.verbs
        or found[0] in lex.fillers
        or found[0] in lex.not_nouns
        or _participle_alone(t, found[1])
    ):
        found = None  # "the 3.9% seen in Osk", "80 km north", "9,000 shy of": no noun
    amount = not (_counted(t.text, start, end) if counted is None else counted)
    if amount and _money(t.text, start, end):
        # "$4 billion in insured losses", then "visitors spent €2 billion"; a share or a
        # quantity keeps the thing measured ("the index gained 2%", "shipped 610 tonnes")
        named = _noun_after_in(t, end, limit, lex) or _verb_measure(t, start, floor, lex)
        if named is not None:
            return named
    if found is not None and not (
        t.text.startswith("of ", found[1]) and _share(t.text, start, end)
    ):
        return found
    if found is None:
        found = _list_item(t, start, floor, lex)  # "wind supplied 31%, solar 9%"
    before = noun_before(t, start, floor)
    if before is not None and (
        before[0] in lex.not_nouns  # "in front of 40,000"
        or before[0].rsplit(" ", 1)[-1] in lex.times
        or before[0].rsplit(" ", 1)[-1] in lex.verbs
        or (_object_of_preposition(t, before[1]) and _verb_between(t, before, start, lex))
    ):
        before = None  # "grew in the Baltic states 0.4%", "dropped 2.6% last year to 81,200"
    if before is None:
        before = noun_in_clause(t, start, floor, lex)
    return before if before is not None else found


_CURRENCY_SIGNS: Final = frozenset("$£€¥")
_SIGNS: Final = _CURRENCY_SIGNS | {"%"}  # a figure written with one of these is no bare count
_SCALE_WORDS: Final = frozenset(
    ("hundred", "thousand", "million", "billion", "trillion", "dozen", "k", "m", "bn", "mn", "tn")
)


def _counted(text: str, start: int, end: int) -> bool:
    """Is the figure a bare count, with no currency, percent or unit written with it?

    >>> _counted("x 280 million", 2, 13), _counted("410 tonnes", 0, 10), _counted("4%", 0, 2)
    (True, False, False)
    """
    span = text[start:end]
    if not span.strip() or not _SIGNS.isdisjoint(span):
        return not span.strip()
    last = span.rsplit(None, 1)[-1].lower()
    return not last.isalpha() or last in _SCALE_WORDS or len(span.split()) == 1


def named_by_verb(t: Tokens, found: tuple[str, int, int]) -> bool:
    """Was the noun ``found`` read from a verb ("spent" -> "spending")?"""
    i = bisect_left(t.starts, found[1])
    return i < len(t.lowers) and t.ends[i] == found[2] and t.lowers[i] in default_measures().verb_measures


def bare_count(t: Tokens, start: int, end: int) -> bool:
    """Is the figure at ``[start, end)`` a bare count ("17", "280 million")?"""
    return _counted(t.text, start, end)


def _money(text: str, start: int, end: int) -> bool:
    span = text[start:end]
    return not _CURRENCY_SIGNS.isdisjoint(span) or span.rstrip().lower().endswith(
        ("dollars", "euros", "pounds", "yen", "yuan", "rupees", "francs", "marks")
    )


def _list_item(
    t: Tokens, start: int, floor: int, lex: MeasureLexicon
) -> tuple[str, int, int] | None:
    """A list item's own measure: the lower-case noun alone before a figure ("..., solar 9%")."""
    j = bisect_left(t.starts, start) - 1
    if j < 1 or t.starts[j] < floor or not _blank(t.text, t.ends[j], start):
        return None
    w = t.words[j]
    if not w.islower() or t.roles.get(w, 0) or w in lex.verbs or w in lex.fillers or w in lex.times:
        return None
    before = t.gaps[j].strip()
    if not (before == "," or (t.lowers[j - 1] in _LINKS and t.joined(j))):
        return None
    return w, t.starts[j], t.ends[j]


def _verb_measure(
    t: Tokens, start: int, floor: int, lex: MeasureLexicon
) -> tuple[str, int, int] | None:
    """The measure a verb names right before an amount: "spent €2 billion" -> "spending"."""
    j = bisect_left(t.starts, start) - 1
    if j < 0 or t.starts[j] < floor or not _blank(t.text, t.ends[j], start):
        return None
    for _ in range(_REACH):
        w = t.lowers[j]
        if w in lex.verb_measures:
            return lex.verb_measures[w], t.starts[j], t.ends[j]
        if w not in lex.fillers or j == 0 or not t.joined(j) or t.starts[j - 1] < floor:
            return None
        j -= 1
    return None


def _noun_after_in(
    t: Tokens, end: int, limit: int, lex: MeasureLexicon
) -> tuple[str, int, int] | None:
    """"$4 billion in insured losses": the lower-case noun phrase after "in" names the amount."""
    i = bisect_left(t.starts, end)
    n = len(t.lowers)
    if i + 1 >= n or t.lowers[i] != "in" or t.starts[i] != end + 1:
        return None
    first = i + 1
    k = first
    while k < n and k - first < 4 and t.starts[k] < limit and t.joined(k):
        w = t.words[k]
        if not w.islower() or t.roles.get(w, 0) & (STOP | DET) or w in lex.verbs:
            break
        k += 1
    if k == first or t.lowers[k - 1] in lex.times:
        return None
    tail = t.text[t.ends[k - 1] : t.ends[k - 1] + 2]
    if tail[1:].isdigit() or (k < n and t.joined(k) and t.words[k][0].isupper()):
        return None  # "in fiscal 2019", "in neighbouring Liberia": when or where, not what
    return " ".join(t.lowers[first:k]), t.starts[first], t.ends[k - 1]


def _verb_between(t: Tokens, phrase: tuple[str, int, int], b: int, lex: MeasureLexicon) -> bool:
    """Is there a verb between the noun ``phrase`` and the figure at ``b``?"""
    i = bisect_left(t.starts, phrase[1]) + len(phrase[0].split())
    while i < len(t.starts) and t.starts[i] < b:
        w = t.lowers[i]
        if w in lex.verbs or (len(w) > 4 and w.endswith("ed")):
            return True
        i += 1
    return False


def _object_of_preposition(t: Tokens, at: int) -> bool:
    """Does the phrase starting at offset ``at`` follow a preposition ("in the euro area")?"""
    i = bisect_left(t.starts, at) - 1
    while i >= 0 and t.roles.get(t.lowers[i], 0) & DET and t.joined(i + 1):
        i -= 1
    return i >= 0 and t.lowers[i] in _PREPOSITIONS and t.lowers[i] != "of" and t.joined(i + 1)


def _participle_alone(t: Tokens, at: int) -> bool:
    i = bisect_left(t.starts, at)
    return i < len(t.lowers) and t.lowers[i].endswith(("ed", "ing")) and len(t.lowers[i]) > 4


def _share(text: str, start: int, end: int) -> bool:
    span = text[start:end].rstrip().lower()
    return span.endswith(("%", "percent", "per cent", "pc"))


@functools.cache
def event_concepts(lex: ContextLexicon) -> frozenset[str]:
    """Concepts that name what happened: not kinds of things, not measured dimensions."""
    kinds: dict[str, set[int]] = {}
    for phrases in lex.concepts.values():
        for _rest, label, kind in phrases:
            kinds.setdefault(label, set()).add(kind)
    return frozenset(label for label, seen in kinds.items() if seen == {EVENT})


def part_of_previous(t: Tokens, start: int) -> bool:
    """Is the figure at ``start`` a part of the one before ("..., including 310 civilians")?"""
    i = bisect_left(t.starts, start) - 1
    return i >= 0 and t.lowers[i] in default_measures().subsets and t.ends[i] + 1 == start


def is_event(lex: ContextLexicon, concept: str | None) -> bool:
    """Does ``concept`` name what happened ("deaths") rather than a kind of thing ("troops")?"""
    return concept is not None and concept in event_concepts(lex)


def scale_reading(
    t: Tokens, start: int, end: int, lex: MeasureLexicon | None = None
) -> str | None:
    """The scale the figure at ``[start, end)`` is a reading of, or None.

    >>> from figcheck.lexicon.context import default_lexicon
    >>> s = "A 5.9-magnitude quake shook the coast."
    >>> scale_reading(Tokens(s, default_lexicon()), 2, 5)
    'magnitude'
    """
    lex = lex or default_measures()
    starts, ends, lowers, text = t.starts, t.ends, t.lowers, t.text
    n = len(starts)
    j = bisect_left(ends, start + 1) - 1  # the last word ending at or before the span
    if j >= 0:
        before = lex.before_by_word.get(lowers[j])
        if before is not None and _blank(text, ends[j], start):
            for words, scale in before:
                if _spells_back(t, j, words):
                    return scale
    i = bisect_left(starts, end)
    if i < n and starts[i] == end + 1 and text[end] in " -":
        low = lowers[i]
        after = lex.after_by_word.get(low)
        if after is not None:
            for words, scale in after:
                if _spells(t, i, words):
                    return scale
        event_scale = lex.events.get(low)
        if event_scale is not None:
            span = text[start:end]
            if "." in span and span.replace(".", "", 1).isdigit():
                return event_scale  # "a 5.2 aftershock": a decimal reading, not a count of shocks
    return None


def _blank(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` a short run of blanks (a long gap is never read)?"""
    return 0 < b - a <= 8 and text[a:b].isspace()


def _spells(t: Tokens, i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(t.lowers):
        return False
    return all(
        t.lowers[i + k] == w and (k == 0 or t.joined(i + k)) for k, w in enumerate(words)
    )


def _spells_back(t: Tokens, j: int, words: tuple[str, ...]) -> bool:
    if j - len(words) + 1 < 0:
        return False
    return all(
        t.lowers[j - k] == w and (k == 0 or t.joined(j - k + 1)) for k, w in enumerate(words)
    )


def noun_in_clause(
    t: Tokens, start: int, floor: int, lex: MeasureLexicon | None = None, names: bool = False
) -> tuple[str, int, int] | None:
    """The measure named before a figure and joined to it by a verb group, or None.

    ``floor`` is where the figure's clause (or the previous figure) ends; nothing before
    it is read. A name alone ("Malta recorded 73%") or a pronoun names no measure.

    >>> from figcheck.lexicon.context import default_lexicon
    >>> s = "Imports from Chile fell 6% in May."
    >>> noun_in_clause(Tokens(s, default_lexicon()), 24, 0)
    ('imports', 0, 7)
    """
    lex = lex or default_measures()
    starts, lowers, roles = t.starts, t.lowers, t.roles
    j = bisect_left(starts, start) - 1
    if j < 0 or starts[j] < floor or not _blank(t.text, t.ends[j], start):
        return None
    verbs = 0
    steps = 0
    while j >= 0 and steps < _REACH and starts[j] >= floor:
        w = lowers[j]
        if w in lex.verbs or (
            len(w) > 4
            and w.endswith(("ed", "ing"))
            and t.words[j].islower()  # "Kesh Mining" is a name
            and not roles.get(w, 0) & STOP
        ):
            verbs += 1
        elif not (w in lex.fillers or roles.get(w, 0) & VERB):
            break
        steps += 1
        if not _joined(t, j):
            return None
        j -= 1
    if not verbs or j < 0 or starts[j] < floor:
        return None
    taken = _phrase_back(t, j, floor, lex)
    if not taken:
        return None
    first, last = taken
    words = lowers[first : last + 1]
    # "Prices in the United States", "Sales of electric cars in Germany": the head comes
    # before the first preposition, unless it is a vague word ("the number of ...")
    cut = next(
        (k for k, w in enumerate(words) if w in _PREPOSITIONS or (k and _verb(t, first + k, lex))),
        len(words),
    )
    head = (first, first + cut - 1)
    if cut and roles.get(words[cut - 1], 0) & GENERIC and cut < len(words) and words[cut] == "of":
        rest = words[cut + 1 :]
        stop = next((k for k, w in enumerate(rest) if w in _PREPOSITIONS), len(rest))
        head = (first + cut + 1, first + cut + stop)
    a, b = head
    while a <= b and roles.get(lowers[a], 0) & DET:
        a += 1
    if a > b:
        return None
    if all(is_name(t, k) for k in range(a, b + 1)):
        # "Malta recorded 73%": whose, not what; unless asked for a name that is no place
        # ("the Varro 50 index fell 2%" measures the index)
        name = " ".join(t.words[a : b + 1])
        if not names or name in t.lex.subjects or t.words[b] in t.lex.subjects:
            return None
    if lowers[b] in lex.pronouns or (a == b and roles.get(lowers[b], 0) & GENERIC):
        return None
    a = max(a, b - 3)  # a noun phrase has at most four words
    return " ".join(lowers[a : b + 1]), starts[a], t.ends[b]


def _phrase_back(
    t: Tokens, j: int, floor: int, lex: MeasureLexicon
) -> tuple[int, int] | None:
    """First and last word of the noun phrase ending at word ``j``, prepositions included."""
    starts, lowers, roles = t.starts, t.lowers, t.roles
    last = j
    first = -1
    while j >= 0 and last - j < _REACH and starts[j] >= floor:
        w = lowers[j]
        acronym = j > 0 and t.words[j].isupper()  # "US" is no "us"
        r = 0 if acronym else roles.get(w, 0)
        if w.endswith(POSSESSIVE) or (w in lex.pronouns and not acronym):
            break  # "Canada's unemployment rate": whose, not what
        if r & DET:
            # "in the United States" keeps its article; "the deficit" starts at it
            if not (j > 0 and lowers[j - 1] in _PREPOSITIONS and t.joined(j)):
                break
        elif w in _PREPOSITIONS:
            if first < 0:
                break
        elif r & STOP and not r & VERB or w in _LINKS or (w in lex.verbs and t.words[j].islower()):
            break
        elif _verb(t, j, lex) and not (first == j + 1 and lowers[first] == "by"):
            if not _adjective(t, j, first):
                break  # "debt held by the public" keeps its participle, "insured losses" too
        first = j
        if j == 0 or not _joined(t, j):
            break
        j -= 1
    if first < 0:
        return None
    while first <= last and lowers[first] in _PREPOSITIONS:
        first += 1
    return (first, last) if first <= last else None


def _joined(t: Tokens, j: int) -> bool:
    """Is word ``j`` joined to the word before it, across blanks or a year ("fiscal 2022-23 was")?"""
    return t.joined(j) or _YEAR_GAP.fullmatch(t.gaps[j]) is not None


def _verb(t: Tokens, j: int, lex: MeasureLexicon) -> bool:
    """A clear verb ends a noun phrase read leftwards; "pay" or "return" may be nouns,
    "United" is part of a name."""
    w = t.lowers[j]
    if t.roles.get(w, 0) & VERB and w in lex.auxiliaries:
        return True
    return len(w) > 4 and w.endswith("ed") and t.words[j].islower()


def _adjective(t: Tokens, j: int, first: int) -> bool:
    """Is the participle at ``j`` an adjective before the noun at ``first``?

    "Insured losses", "the registered voters": it opens the phrase.
    """
    if first != j + 1 or t.lowers[first] in _PREPOSITIONS:
        return False
    return j == 0 or not t.joined(j) or bool(t.roles.get(t.lowers[j - 1], 0) & DET)
