"""A figure's holder: the noun phrase the figure is stated of, as written.

"The aircraft is 72.7 metres long" is about the aircraft, "a net worth of $1.3bn" about
a net worth, "Total cost: $72,370" about the total cost, "Ford, which has 13,000
workers" about Ford. The holder is what the sentence says *has* the value; it may be a
name (then it often repeats the subject) or a common noun phrase, which the subject
never is.

Word lists are data: ``data/holders.toml``, loaded by
:func:`figcheck.lexicon.holders.default_holders`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ...lexicon.context import DET, GENERIC, VERB
from ...lexicon.holders import HolderLexicon, default_holders
from ...lexicon.measures import default_measures
from .nouns import is_plural, lemma
from .sentence import POSSESSIVE, Tokens

__all__ = ["figure_holder"]

_LONGEST = 6  # words in a holder
_TIGHT_GAPS = frozenset(("&", "-", "/", ".", "'", "’", "."))


def figure_holder(
    t: Tokens,
    start: int,
    end: int,
    breaks: Sequence[int],
    spans: Sequence[tuple[int, int]] = (),
    previous: str | None = None,
    lex: HolderLexicon | None = None,
) -> str | None:
    """The holder of the figure at ``[start, end)``, or None when the sentence names none.

    First a phrase joined to the figure by a link ("a fine of $2m", "cost: $5",
    "Nasdaq (13,400"); a figure in brackets right after another figure is a conversion
    and has that one's holder (``previous``). Then the subject of the figure's clause
    (``breaks`` are the sentence's clause breaks); none when the figure stands in that
    subject itself ("40 people were hurt") or the subject is a pronoun. ``spans`` are the
    neighbouring figures.

    >>> from figcheck.lexicon.context import default_lexicon
    >>> s = "The aircraft is 72.7 metres long."
    >>> figure_holder(Tokens(s, default_lexicon()), 16, 27, [])
    'aircraft'
    """
    lex = lex or default_holders()
    j = bisect_left(t.starts, start) - 1
    if j < 0:
        return None
    gap = t.text[t.ends[j] : start]
    mark = gap.strip()
    if mark in lex.marks and len(gap) <= 3:
        i = bisect_left(spans, (start,)) - 1  # the figure just before, if any
        if i >= 0 and t.ends[j] <= spans[i][1] <= start:
            return previous  # "1.3 billion yuan ($190 million)": the same amount converted
        if mark == "(" or mark == ":":
            found = _phrase_back(t, j, lex)
            if found is not None:
                return found
    elif gap.isspace() and t.lowers[j] in lex.links and j > 0 and t.joined(j):
        found = _phrase_back(t, j - 1, lex)
        if found is not None and not _generic(t, found):
            return found  # "a net worth of $1.3bn"; not "a total of 200"
    return _clause_subject(t, start, breaks, spans, lex)


def _generic(t: Tokens, phrase: str) -> bool:
    return " " not in phrase and bool(t.roles.get(phrase.lower(), 0) & GENERIC)


def _phrase_back(t: Tokens, j: int, lex: HolderLexicon) -> str | None:
    """The noun phrase ending at word ``j``: back to a determiner, verb, or clause word."""
    first = -1
    k = j
    while k >= 0 and j - k < _LONGEST:
        w = t.lowers[k]
        # the word right before "of" or ":" is a noun whatever else it may be ("a decrease of")
        if t.roles.get(w, 0) & DET or (k < j and _verb(t, k)) or w in lex.stops or w in lex.openers:
            break
        if w in lex.pronouns and not t.words[k].isupper():
            break
        if w in lex.joiners and first < 0:
            break
        first = k
        if k == 0 or not _close(t, k):
            break
        k -= 1
    while first >= 0 and first <= j and t.lowers[first] in lex.joiners:
        first += 1
    if first < 0 or first > j:
        return None
    return _written(t, first, j)


def _clause_subject(
    t: Tokens, start: int, breaks: Sequence[int], spans: Sequence[tuple[int, int]],
    lex: HolderLexicon,
) -> str | None:
    """The subject of the clause the figure stands in, or None."""
    b = bisect_left(breaks, start) - 1
    for _ in range(3):  # "..., wiping $340 million": a participle clause has the main subject
        at = breaks[b] if b >= 0 else 0
        k = bisect_left(t.starts, at)
        if k >= len(t.starts) or t.starts[k] >= start:
            if b >= 0 and t.text[at] == ",":  # "Maddon, 66, ...": an apposition
                return _phrase_back(t, k - 1, lex) if k > 0 else None
            return None
        w = t.lowers[k]
        if w in lex.relatives and k > 0:  # "Ford (F) which has 13000 workers"
            return _phrase_back(t, k - 1, lex)
        if b >= 0 and w.endswith("ing") and t.words[k].islower() and len(w) > 4:
            b -= 1
            continue
        break
    else:
        return None
    n = len(t.starts)
    stop = k + 2
    while k < min(n, stop) and t.lowers[k] in lex.openers:  # "But meanwhile the ..."
        k += 1
    if k < n and t.lowers[k] in lex.intros:
        k = _past_intro(t, k, start)
    stop = k + 2
    while k < min(n, stop) and t.roles.get(t.lowers[k], 0) & DET:
        k += 1
    if k >= len(t.starts) or t.starts[k] >= start:
        return None
    if t.lowers[k] in lex.pronouns and not t.words[k].isupper():
        return None  # "It rose 4%", "There are four": the holder is named elsewhere
    first = last = k
    while last + 1 < len(t.starts) and last + 1 - first < _LONGEST:
        n = last + 1
        w = t.lowers[n]
        if t.starts[n] >= start or _inside(spans, t.starts[n]):
            if t.lowers[last] in lex.intros or _verb_form(t, last, first):
                # a verb no list names: "the robots measure 12 cm", "the angle sat at 4.5"
                cut = next((m for m in range(first + 1, last + 1) if _verb_form(t, m, first)), 0)
                if cut:
                    last = cut - 1
                    break
            return None  # the figure is in the subject ("40 people were hurt")
        if not _close(t, n) or _verb(t, n) or w in lex.stops or w in lex.relatives:
            break
        if t.roles.get(w, 0) & DET and t.lowers[last] not in lex.joiners:
            break
        last = n
    if _verb(t, first) or _inside(spans, t.starts[first]):
        return None
    while last > first and (t.lowers[last] in lex.joiners or t.roles.get(t.lowers[last], 0) & DET):
        last -= 1
    return _written(t, first, last)


def _past_intro(t: Tokens, k: int, start: int) -> int:
    """The first word after an introductory phrase ("In the last three months the OCS ...")."""
    n = k + 1
    if n < len(t.starts) and t.starts[n] < start and t.roles.get(t.lowers[n], 0) & DET:
        n += 1  # the intro's own determiner
    n += 1
    end = min(len(t.starts), n + _LONGEST)
    while n < end and t.starts[n] < start:
        if t.roles.get(t.lowers[n], 0) & DET:
            return n  # the subject's determiner
        if _verb(t, n):
            break
        n += 1
    return k + 2  # "in europe germanys dax fell": the intro is one word long


def _verb_form(t: Tokens, m: int, first: int) -> bool:
    """Is word ``m`` of a phrase opened at ``first`` a verb by its form: after a plural
    noun ("robots [measure]") or an irregular past ("[sat]", "[flew]")?"""
    w = t.lowers[m]
    if m <= first or not t.words[m].islower() or w in default_holders().joiners:
        return False
    before = t.lowers[m - 1]
    if is_plural(before) and not is_plural(w) and not t.roles.get(w, 0):
        return True
    return not w.endswith("s") and len(w) > 2 and lemma(w) != w


def _inside(spans: Sequence[tuple[int, int]], at: int) -> bool:
    """Is offset ``at`` inside one of the sorted, disjoint ``spans``?"""
    i = bisect_left(spans, (at + 1,)) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def _close(t: Tokens, k: int) -> bool:
    """Is word ``k`` joined to the word before it by blanks or a tight mark ("S&P", "U.S.")?"""
    gap = t.gaps[k]
    if t.joined(k) or (0 < len(gap) <= 2 and all(c in _TIGHT_GAPS for c in gap)):
        return True
    return gap.strip() in ("(", ")") and len(gap) <= 3  # "Ford (F)"


def _verb(t: Tokens, k: int) -> bool:
    w = t.lowers[k]
    if t.roles.get(w, 0) & VERB or w in default_measures().verbs:
        return True
    word = t.words[k]
    return word.islower() and len(w) > 4 and w.endswith("ed")


def _written(t: Tokens, first: int, last: int) -> str:
    text = t.text[t.starts[first] : t.ends[last]]
    for mark in POSSESSIVE:
        if text.endswith(mark):
            text = text[: -len(mark)]
    return text
