"""The phrases next to a figure that name its holder, and the word tests the holder step shares.

A holder may be joined to its figure by a word or a mark right beside it: a name quoted
before a signed figure ("Varro 40 -1.3%"), the phrase after an amount ("8 miles of new
tunnels"), what is sold for a price ("the basic model for $760"), the phrase a relative
clause is about ("campers that can weigh 4 tons"), the figure before it in a list.
:mod:`figcheck.extraction.context.holder` tries these before the clause's subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Final

from ...lexicon.context import DET, GENERIC, NOT_NAME, STOP
from ...lexicon.holders import HolderLexicon
from ...lexicon.measures import default_measures
from ...regex_cache import compile_pattern
from .sentence import POSSESSIVE, Tokens

__all__ = [
    "LIST_GAP",
    "LONGEST",
    "MONEY",
    "VERB_GROUP",
    "blank_gap",
    "bought",
    "close_to",
    "first_verb",
    "inside",
    "is_acronym",
    "is_generic",
    "is_verb",
    "listed",
    "of_after",
    "phrase_back",
    "priced_or_timed",
    "quoted_name",
    "relative_head",
    "sold",
    "written",
]

LONGEST: Final = 6  # words in a holder
VERB_GROUP: Final = 4  # words from a relative word to the figure ("that should have cost")
LIST_GAP: Final = 24  # characters from one figure to the comma before the next, in a list
_TIGHT_GAPS: Final = frozenset(("&", "-", "/", ".", "'", "’", "."))
_SIGNS: Final = "-−"
_QUOTE_GAP: Final = compile_pattern(r" (?:\d++ )?+[+\-−]?+")  # "Dow +0.2%", "Varro 40 -1.3%"
# money written with a figure
MONEY: Final = compile_pattern(r"[$£€¥]|\b(?:dollars?|euros?|pounds?|yen|yuan)\b", re.IGNORECASE)


def priced_or_timed(t: Tokens, start: int, end: int) -> bool:
    """Is the figure an amount of money or a span of time ("$1,062", "three years")?"""
    if MONEY.search(t.text, start, end):
        return True
    k = bisect_left(t.starts, end) - 1
    return k >= 0 and t.starts[k] >= start and t.lowers[k] in default_measures().times


def sold(
    t: Tokens, j: int, spans: Sequence[tuple[int, int]], lex: HolderLexicon, money: bool
) -> str | None:
    """The noun phrase ending at word ``j``, right before "for" and an amount or a span of
    time: what is sold at that price or lasts that long ("the basic model [for] $1,062",
    "a grounding [for] three months"); None after a verb or adverb, or when the phrase runs
    into another figure ("a plan with 60GB data cap for $79"). A span of time is that of a
    phrase with a determiner ("running for three years" is how long, not what)."""
    w = t.lowers[j]
    if is_verb(t, j) or w in lex.stops or w in lex.pronouns or t.roles.get(w, 0) & (DET | STOP):
        return None
    if not t.joined(j + 1):
        return None
    found = phrase_back(t, j, lex)
    if found is None:
        return None
    first = bisect_left(t.starts, t.ends[j] - len(found))
    if any(inside(spans, t.starts[m]) or inside(spans, t.ends[m - 1]) for m in range(first, j + 1)):
        return None
    if not money and not (first > 0 and t.roles.get(t.lowers[first - 1], 0) & DET):
        return None
    return found


def relative_head(
    t: Tokens, j: int, start: int, breaks: Sequence[int], spans: Sequence[tuple[int, int]],
    lex: HolderLexicon,
) -> str | None:
    """The noun phrase before a relative word whose clause holds the figure ("campers that
    can weigh 10 tons"): the relative, a verb, and at most a few more words of its verb group
    before the figure; None otherwise."""
    if lex.relatives.isdisjoint(t.lowers[max(j - VERB_GROUP, 0) + 1 : j + 1]):
        return None  # no relative word in reach: the usual case, read in one step
    b = bisect_left(breaks, start) - 1
    floor = breaks[b] if b >= 0 else 0
    for m in range(j, max(j - VERB_GROUP, 0), -1):
        if t.starts[m] < floor or inside(spans, t.starts[m]):
            return None
        w = t.lowers[m]
        if w in lex.relatives:
            if m == j or not is_verb(t, m + 1) or is_verb(t, m - 1) or t.lowers[m - 1] in lex.pronouns:
                return None
            if inside(spans, t.starts[m - 1]):
                return None  # "to $5.5 million, which works out to": the figure before
            if not (close_to(t, m) or t.gaps[m] == ", "):
                return None
            return phrase_back(t, m - 1, lex)
        if not t.words[m].islower() or t.roles.get(w, 0) & DET or w in lex.pronouns:
            return None
    return None


def of_after(
    t: Tokens, end: int, spans: Sequence[tuple[int, int]], lex: HolderLexicon
) -> str | None:
    """The noun phrase an amount is stated of, after it ("8 miles (13 km) of new tunnels"),
    past a bracketed conversion; None when no link word follows."""
    i = bisect_left(spans, (end,))
    if i < len(spans) and t.text[end : spans[i][0]].strip() == "(":
        close = t.text.find(")", spans[i][1], spans[i][1] + 3)
        end = close + 1 if close >= 0 else end  # "8 miles (13 km) of"
    k = bisect_left(t.starts, end)
    n = len(t.starts)
    if k + 1 >= n or t.lowers[k] not in lex.after_links or not blank_gap(t.text, end, t.starts[k]):
        return None
    k += 1
    if not t.joined(k) or inside(spans, t.starts[k]):
        return None
    while k < n and t.roles.get(t.lowers[k], 0) & DET and k + 1 < n and t.joined(k + 1):
        k += 1  # "of the", "of its"
    first = last = k
    while last + 1 < n and last + 1 - first < 4:
        m = last + 1
        w = t.lowers[m]
        if not t.joined(m) or inside(spans, t.starts[m]) or is_verb(t, m) or w in lex.stops:
            break
        if w in lex.relatives or w in lex.joiners or t.roles.get(w, 0) & (DET | STOP):
            break
        last = m
    if is_verb(t, first) or t.lowers[first] in lex.pronouns or t.roles.get(t.lowers[first], 0) & STOP:
        return None
    return written(t, first, last)


def quoted_name(t: Tokens, j: int, start: int, lex: HolderLexicon) -> str | None:
    """The name a figure is quoted after, signed or with a movement word ("Varro 40 -1.3%",
    "Ostel +0.6%", "Brenk up 4%"), or None."""
    if j > 0 and t.lowers[j] in lex.moves and blank_gap(t.text, t.ends[j], start):
        j -= 1  # "Brenk up 4%"
        if not blank_gap(t.text, t.ends[j], t.starts[j + 1]):
            return None
        stop = t.ends[j]
    else:
        sign = t.text[start - 1 : start + 1]
        if not (sign[:1] == "+" or sign[-1:] in _SIGNS):
            return None
        if _QUOTE_GAP.fullmatch(t.text, t.ends[j], start) is None:
            return None
        stop = len(t.text[: start].rstrip(" +"))
    if not t.words[j][0].isupper():
        return None
    first = j
    while first > 0 and j - first < LONGEST - 1 and t.words[first - 1][0].isupper() and close_to(t, first):
        first -= 1
    if t.roles.get(t.lowers[first], 0) & NOT_NAME:
        return None  # "The index up 2%": no name
    return t.text[t.starts[first] : stop]


def listed(text: str, start: int, spans: Sequence[tuple[int, int]], lex: HolderLexicon) -> bool:
    """Is the figure at ``start`` joined to the figure before it by list words only?"""
    i = bisect_left(spans, (start,)) - 1
    if i < 0 or spans[i][1] > start or start - spans[i][1] > LIST_GAP:
        return False
    words = text[spans[i][1] : start].lstrip(")").replace(",", " ").split()
    return all(w.lower() in lex.lists for w in words)


def bought(
    t: Tokens, end: int, spans: Sequence[tuple[int, int]], lex: HolderLexicon
) -> str | None:
    """The noun phrase after "for" that an amount of money buys, or None."""
    i = bisect_left(t.starts, end)
    n = len(t.starts)
    if i + 1 >= n or t.lowers[i] not in lex.purchases:
        return None
    gap = t.text[end : t.starts[i]]
    if not (0 < len(gap) <= 3 and gap.strip() in ("", ")")):
        return None
    k = i + 1
    if t.roles.get(t.lowers[k], 0) & DET and k + 1 < n:
        k += 1
    j = bisect_left(spans, (t.starts[k] + 1,)) - 1
    if j >= 0 and spans[j][0] < t.starts[k] < spans[j][1]:
        k = bisect_left(t.starts, spans[j][1])  # "for a 6 kW pump"
    if k >= n or not blank_gap(t.text, t.ends[k - 1], t.starts[k]) or t.lowers[k] in lex.pronouns:
        return None
    first = last = k
    while last + 1 < n and last + 1 - first < 4:
        m = last + 1
        if not t.joined(m) or inside(spans, t.starts[m]) or is_verb(t, m):
            break
        if t.roles.get(t.lowers[m], 0) & STOP:
            break
        last = m
    if t.lowers[last] in default_measures().times:
        return None  # "for years": how long, not what
    return written(t, first, last)


def is_acronym(word: str) -> bool:
    """"US" is no "us"; "I" is the pronoun."""
    return len(word) > 1 and word.isupper()


def blank_gap(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` a gap of one to three blanks?"""
    return 0 < b - a <= 3 and text[a:b].isspace()


def is_generic(t: Tokens, phrase: str) -> bool:
    """Is the phrase one generic word ("total", "number")?"""
    return " " not in phrase and bool(t.roles.get(phrase.lower(), 0) & GENERIC)


def phrase_back(t: Tokens, j: int, lex: HolderLexicon) -> str | None:
    """The noun phrase ending at word ``j``: back to a determiner, verb, or clause word."""
    first = -1
    k = j
    while k >= 0 and j - k < LONGEST:
        w = t.lowers[k]
        # the word right before "of" or ":" is a noun whatever else it may be ("a decrease of")
        if t.roles.get(w, 0) & DET or (k < j and is_verb(t, k)) or w in lex.stops or w in lex.openers:
            break
        if w in lex.pronouns and not is_acronym(t.words[k]):
            break
        if w in lex.joiners and first < 0:
            break
        first = k
        if k == 0 or not close_to(t, k):
            break
        k -= 1
    while first >= 0 and first <= j and t.lowers[first] in lex.joiners:
        first += 1
    if first < 0 or first > j:
        return None
    return written(t, first, j)


def inside(spans: Sequence[tuple[int, int]], at: int) -> bool:
    """Is offset ``at`` inside one of the sorted, disjoint ``spans``?"""
    i = bisect_left(spans, (at + 1,)) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def close_to(t: Tokens, k: int) -> bool:
    """Is word ``k`` joined to the word before it by blanks or a tight mark ("S&P", "U.S.")?"""
    gap = t.gaps[k]
    if t.joined(k) or (0 < len(gap) <= 2 and all(c in _TIGHT_GAPS for c in gap)):
        return True
    return gap.strip() in ("(", ")") and len(gap) <= 3  # "Ford (F)"


def is_verb(t: Tokens, k: int, strict: bool = False) -> bool:
    """Is word ``k`` a verb? ``strict`` leaves out the movement verbs that are nouns as
    often ("average", "increase")."""
    word = t.words[k]
    if not word.islower():  # "between May and June": a capital inside a sentence is a name
        w = t.lowers[k]
        return k == 0 and (w in t.lex.verbs or (not strict and w in default_measures().verbs))
    if word in t.lex.verbs or (not strict and word in default_measures().verbs):
        return True
    return len(word) > 4 and word.endswith("ed")


def first_verb(t: Tokens, first: int, stop: int) -> int:
    """The first of words ``first`` to ``stop - 1`` that :func:`is_verb` calls a verb, else
    ``stop``."""
    words, verbs, more = t.words, t.lex.verbs, default_measures().verbs
    for k in range(first, stop):
        word = words[k]
        if word.islower():
            if word in verbs or word in more or (len(word) > 4 and word.endswith("ed")):
                return k
        elif k == 0 and (t.lowers[0] in verbs or t.lowers[0] in more):
            return k
    return stop


def written(t: Tokens, first: int, last: int) -> str:
    """The words ``first`` to ``last`` as written, without a trailing possessive."""
    text = t.text[t.starts[first] : t.ends[last]]
    for mark in POSSESSIVE:
        if text.endswith(mark):
            text = text[: -len(mark)]
    return text
