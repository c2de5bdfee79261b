"""Noun phrases: the thing a figure counts, read after it ("1,351 soldiers") or before it."""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Sequence
from typing import Final

from ...lexicon.context import COUNTED, DET, GENERIC, LINK, NOT_NAME, SKIP, STOP
from ...lexicon.measures import default_measures
from ...lexicon.names import default_names
from ...lexicon.scanner import lexicon as scanner_lexicon
from .lemmas import is_known, lemmatize
from .sentence import POSSESSIVE, REACH, Tokens

__all__ = ["is_name", "is_plural", "lemma", "noun_after", "noun_before"]

_COORDINATORS: Final = frozenset(("and", "or"))
_LINK_PREPS: Final = frozenset(("to", "at", "by", "from", "of"))


def noun_after(
    t: Tokens, start: int, end: int, limit: int, other_spans: Sequence[tuple[int, int]]
) -> tuple[str, int, int] | None:
    """The noun phrase after the span: "1,351 Russian soldiers were ..." -> "russian soldiers"."""
    s, starts, ends, words, lowers, roles = t.text, t.starts, t.ends, t.words, t.lowers, t.roles
    n = len(starts)
    if limit == end + 1 and s[end] == " ":
        # "six million 330ml cans": a measured figure between a count and its noun
        k = bisect_left(other_spans, (limit,))  # the spans are in text order
        if k < len(other_spans) and other_spans[k][0] == limit:
            nxt = s[other_spans[k][0] : other_spans[k][1]]
            if nxt[-1].isalpha() and "/" not in nxt:  # "10 1/2 miles" is one figure misread
                end, limit = other_spans[k][1], len(s)
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
    # "a third of the population", "123 of Ukraine's 152 jets"; "half the flats" needs no "of"
    if lowers[i] == "of" or (roles.get(lowers[i], 0) & DET and _ends_in_fraction(s[start:end])):
        i += lowers[i] == "of"
        stop = i + REACH
        while (
            i < min(n, stop)
            and t.joined(i)
            and (roles.get(lowers[i], 0) & DET or lowers[i].endswith(POSSESSIVE))
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
    gaps = t.gaps
    while i < n and len(out) < 6 and starts[i] < limit:
        if i > first:
            gap = gaps[i]
            if not (gap == " " or (gap != "" and gap.isspace())):  # not ``t.joined(i)``
                break
        lw = lowers[i]
        r = roles.get(lw, 0)
        if not out and lw.endswith("ly") and _adverb_before_participle(t, i):
            i += 2  # "20 newly built homes", "30 reasonably sized plants": what, not how
            continue
        if not out and r & SKIP:
            i += 1  # "300 more tanks"
            continue
        after = gaps[i + 1]
        if after.startswith("- "):
            # "long- and medium-range systems": a suspended compound; the noun comes later
            i += 2 if i + 1 < n and lowers[i + 1] in _COORDINATORS else 1
            first = i
            continue
        if out and lw in _COORDINATORS and _shared_head(t, i + 1, limit, out[-1]):
            out.append(lw)  # "230 Ford and Toyota pickups": one head for both
            i += 1
            continue
        if (r & STOP and not (i == first and r & COUNTED)) or lw.endswith(POSSESSIVE):
            break  # a verb ends the phrase, but "two counts of fraud" counts counts
        if after == "' " and lw.endswith("s"):
            i += 1  # "3,600 homeowners' insurance claims": whose, then what
            out.clear()
            first = i
            continue
        if out and is_plural(out[-1]) and not is_plural(lw):
            break  # "11 members bound by", "59 users mostly from": the plural head ends it
        if out and lw.endswith(("ed", "ing")) and (
            _phrase_ends(t, i + 1, limit) or (lw.endswith("ed") and _name_next(t, i + 1, limit))
        ):
            # "1,351 people killed", "a convoy stalled", "a memo titled Operation X": a verb,
            # unless it modifies what follows ("Russian armoured vehicles", "bus charging bays")
            break
        out.append(lw)
        i += 1
    if not out or (len(out) == 1 and roles.get(out[0], 0) & GENERIC):
        return None
    if out[-1] in default_measures().descriptive:
        return None  # "two new 737 jets": the noun is past the model number, not "new"
    k = i - len(out)  # the phrase's first word
    if len(out) > 1 and _counts_modifier(s[start:end], out):
        return out[0], starts[k], ends[k]  # "a 40 page report", "a 4 cylinder engine"
    return " ".join(out[-4:]), lo, ends[i - 1]  # "public electric vehicle charging points"


def _ends_in_fraction(span: str) -> bool:
    """Does the span end in a fraction word ("half", "two-thirds", "a quarter")?"""
    words = span.rsplit(None, 1)
    last = words[-1].rsplit("-", 1)[-1].lower() if words else ""
    return last in scanner_lexicon().fractions


def _counts_modifier(span: str, out: list[str]) -> bool:
    """Does a figure of two or more count the first word of a phrase with a singular head?

    "a 40 page report" is a report of 40 pages; "200 police officers" counts officers.
    """
    last = span.rsplit(None, 1)[-1].replace(",", "") if span.strip() else ""
    if not last.isdigit() or int(last) < 2:
        return False
    first, head = out[0], out[-1]
    lex = default_measures()
    return (
        first.isalpha()
        and first not in lex.descriptive
        and not first.endswith(lex.adjective_endings)
        and head not in lex.people  # "200 other people": plural without an -s
        and head not in lex.groups
        and not first.endswith(("s", "ed", "ing"))
        and lemma(first) == first
        and lemma(head) == head
        and not head.endswith("s")
    )


def _shared_head(t: Tokens, j: int, limit: int, before: str) -> bool:
    """Do the words from ``j`` end, within two more, on a plural head that the modifier
    ``before`` shares ("digital [and] physical sales"), with no figure or stop word between?"""
    if is_plural(before):
        return False  # "40 apples and pears": two heads
    for k in range(j, min(j + 3, len(t.starts))):
        if t.starts[k] >= limit or not t.joined(k) or t.roles.get(t.lowers[k], 0) & STOP:
            return False
        w = t.lowers[k]
        if is_plural(w) or (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))):
            return True
    return False


def _name_next(t: Tokens, j: int, limit: int) -> bool:
    """Is word ``j`` a capitalised word inside the phrase's reach ("titled Operation X")?"""
    return j < len(t.starts) and t.starts[j] < limit and t.joined(j) and t.words[j][0].isupper()


def is_plural(word: str) -> bool:
    """Is ``word`` a plural noun in -s ("members", "cities"), whose phrase ends with it?"""
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and lemma(word) != word


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


def _adverb_before_participle(t: Tokens, i: int) -> bool:
    lowers = t.lowers
    return (
        lowers[i].endswith("ly")
        and i + 1 < len(lowers)
        and t.joined(i + 1)
        and lowers[i + 1].endswith(("ed", "ing"))
    )


def _phrase_ends(t: Tokens, j: int, limit: int) -> bool:
    if j >= len(t.starts) or t.starts[j] >= limit or not t.joined(j):
        return True
    return bool(t.roles.get(t.lowers[j], 0) & STOP)


def noun_before(t: Tokens, start: int, floor: int) -> tuple[str, int, int] | None:
    """A noun before the span joined to it by link words: "the toll rose to 1,351" -> "toll"."""
    starts, ends, lowers, roles = t.starts, t.ends, t.lowers, t.roles
    j = bisect_left(starts, start) - 1
    if j < 0 or starts[j] < floor or not t.text[ends[j] : start].isspace():
        return None
    linked = 0
    # "the toll rose to", "the pound going to": link words and participles
    while (
        j >= 0
        and linked < REACH
        and starts[j] >= floor
        and (roles.get(lowers[j], 0) & LINK or _participle(t, j))
    ):
        linked += 1
        if not t.joined(j):
            return None
        j -= 1
    if not linked:
        return None
    taken = _collect_back(t, j, floor)
    if taken and all(is_name(t, k) for k in taken):
        # "the population of Ukraine was 48 million": the name says whose; the noun is before
        j = taken[-1] - 1
        if j < 1 or lowers[j] not in ("of", "for") or not t.joined(j):
            return None  # "the alert level for Mount Osk was raised to 3" reads past the name
        taken = _collect_back(t, j - 1, floor)
        if any(is_name(t, k) for k in taken):
            return None
    if not taken:
        return None
    phrase = [lowers[k] for k in reversed(taken)]
    if len(phrase) == 1 and roles.get(phrase[-1], 0) & GENERIC:
        return None  # "the figure rose to 40"; "the unemployment rate" is a measure
    return " ".join(phrase), starts[taken[-1]], start


def is_name(t: Tokens, k: int) -> bool:
    """Is word ``k`` a name? A capital says so, except on a word opening the text that is
    a known common word or an inflected one ("Shipments fell", "Receipts rose")."""
    word = t.words[k]
    if not word[0].isupper():
        return False
    if k > 0 or word in t.lex.subjects or word in default_names().known:
        return True
    low = t.lowers[k]
    return not (t.roles.get(low, 0) & NOT_NAME or lemma(low) != low or _known(low))


@functools.lru_cache(maxsize=8192)
def _known(word: str) -> bool:
    """Is ``word`` in the English dictionary (so "Wind supplied ..." opens with a noun)?"""
    return is_known(word)


@functools.lru_cache(maxsize=8192)
def lemma(word: str) -> str:
    """The dictionary form of an English word ("fatalities" -> "fatality", "crises" -> "crisis")."""
    return lemmatize(word).lower()


def _participle(t: Tokens, j: int) -> bool:
    """A participle linking a noun to a figure: "the pound going to", "the toll reported at".

    An -ing word before an auxiliary is a noun ("net borrowing was").
    """
    word = t.lowers[j]
    if len(word) <= 4:
        return False
    if word.endswith("ed"):
        return True
    return word.endswith("ing") and j + 1 < len(t.lowers) and t.lowers[j + 1] in _LINK_PREPS


def _collect_back(t: Tokens, j: int, floor: int) -> list[int]:
    starts, lowers, roles = t.starts, t.lowers, t.roles
    taken: list[int] = []
    while j >= 0 and len(taken) < 4 and starts[j] >= floor:
        if roles.get(lowers[j], 0) & (STOP | SKIP) or lowers[j].endswith(POSSESSIVE):
            break
        taken.append(j)
        if j == 0 or not t.joined(j):
            break
        j -= 1
    return taken
