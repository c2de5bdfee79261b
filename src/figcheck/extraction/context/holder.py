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

import re
from bisect import bisect_left
from collections.abc import Sequence

from ...lexicon.context import DET, GENERIC, STOP, VERB
from ...lexicon.holders import HolderLexicon, default_holders
from ...lexicon.measures import default_measures
from .nouns import is_plural, lemma
from .sentence import POSSESSIVE, Tokens

__all__ = ["figure_holder"]

_LONGEST = 6  # words in a holder
_LIST_GAP = 24  # characters from one figure to the comma before the next, in a list
_TIGHT_GAPS = frozenset(("&", "-", "/", ".", "'", "’", "."))
_APPOSITION = ",—–-"
_SIGNS = "-−"
_QUOTE_GAP = re.compile(r" (?:\d++ )?+[+\-−]?+")  # "Dow +0.2%", "Varro 40 -1.3%"
_MONEY = re.compile(r"[$£€¥]|\b(?:dollars?|euros?|pounds?|yen|yuan)\b", re.IGNORECASE)  # breaks after which a figure may stand alone ("Maddon, 66,")


def figure_holder(
    t: Tokens,
    start: int,
    end: int,
    breaks: Sequence[int],
    spans: Sequence[tuple[int, int]] = (),
    previous: str | None = None,
    lex: HolderLexicon | None = None,
    amount: bool = False,
) -> str | None:
    """The holder of the figure at ``[start, end)``, or None when the sentence names none.

    First a phrase joined to the figure by a link ("a fine of $2m", "cost: $5",
    "Nasdaq (13,400"); a figure in brackets right after another figure is a conversion
    and has that one's holder (``previous``). Then the subject of the figure's clause
    (``breaks`` are the sentence's clause breaks); none when the figure stands in that
    subject itself ("40 people were hurt") or the subject is a pronoun. ``spans`` are the
    neighbouring figures. An ``amount`` (a figure with its unit, not a bare count) stated
    of a phrase after it has that phrase ("8 miles of new tunnels").

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
    elif (
        gap.isspace() and t.lowers[j] in lex.links and j > 0 and t.joined(j)
        # "is worth $2m": the clause's subject; "a gain of 2%" is a noun whatever its role
        and (t.lowers[j] == "of" or not t.roles.get(t.lowers[j - 1], 0) & VERB)
    ):
        found = _phrase_back(t, j - 1, lex)
        if found is not None and not _generic(t, found):
            return found  # "a net worth of $1.3bn"; not "a total of 200"
    quoted = _quoted(t, j, start)
    if quoted is not None:
        return quoted  # "Varro 40 -1.3% Ostel +0.6%": a list of quotes
    if amount:
        after = _of_after(t, end, spans, lex)
        if after is not None:
            return after  # "8 miles (13 km) of new tunnels", "40% of its revenue"
    found = _clause_subject(t, start, breaks, spans, lex, previous)
    if found is None and previous is not None and _listed(t.text, start, spans, lex):
        return previous  # "measure 15 cm and 23 cm", "24 hours, 39 minutes and 35 seconds"
    if found is None and _MONEY.search(t.text, start, end):
        return _bought(t, end, spans, lex)  # "I paid $900 for a new roof"
    return found


def _of_after(
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
    if k + 1 >= n or t.lowers[k] not in lex.after_links or not _spaces(t.text, end, t.starts[k]):
        return None
    k += 1
    if not t.joined(k) or _inside(spans, t.starts[k]):
        return None
    while k < n and t.roles.get(t.lowers[k], 0) & DET and k + 1 < n and t.joined(k + 1):
        k += 1  # "of the", "of its"
    first = last = k
    while last + 1 < n and last + 1 - first < 4:
        m = last + 1
        w = t.lowers[m]
        if not t.joined(m) or _inside(spans, t.starts[m]) or _verb(t, m) or w in lex.stops:
            break
        if w in lex.relatives or w in lex.joiners or t.roles.get(w, 0) & (DET | STOP):
            break
        last = m
    if _verb(t, first) or t.lowers[first] in lex.pronouns or t.roles.get(t.lowers[first], 0) & STOP:
        return None
    return _written(t, first, last)


def _quoted(t: Tokens, j: int, start: int) -> str | None:
    """The name a signed figure is quoted after ("Varro 40 -1.3%", "Ostel +0.6%"), or None."""
    sign = t.text[start - 1 : start + 1]
    if not (sign[:1] == "+" or sign[-1:] in _SIGNS) or not t.words[j][0].isupper():
        return None
    if _QUOTE_GAP.fullmatch(t.text, t.ends[j], start) is None:
        return None
    first = j
    while first > 0 and j - first < _LONGEST - 1 and t.words[first - 1][0].isupper() and _close(t, first):
        first -= 1
    return t.text[t.starts[first] : start].rstrip(" +")


def _listed(text: str, start: int, spans: Sequence[tuple[int, int]], lex: HolderLexicon) -> bool:
    """Is the figure at ``start`` joined to the figure before it by list words only?"""
    i = bisect_left(spans, (start,)) - 1
    if i < 0 or spans[i][1] > start or start - spans[i][1] > _LIST_GAP:
        return False
    words = text[spans[i][1] : start].lstrip(")").replace(",", " ").split()
    return all(w.lower() in lex.lists for w in words)


def _bought(
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
    if k >= n or not _spaces(t.text, t.ends[k - 1], t.starts[k]) or t.lowers[k] in lex.pronouns:
        return None
    first = last = k
    while last + 1 < n and last + 1 - first < 4:
        m = last + 1
        if not t.joined(m) or _inside(spans, t.starts[m]) or _verb(t, m):
            break
        if t.roles.get(t.lowers[m], 0) & STOP:
            break
        last = m
    if t.lowers[last] in default_measures().times:
        return None  # "for years": how long, not what
    return _written(t, first, last)


def _acronym(word: str) -> bool:
    """"US" is no "us"; "I" is the pronoun."""
    return len(word) > 1 and word.isupper()


def _spaces(text: str, a: int, b: int) -> bool:
    return 0 < b - a <= 3 and text[a:b].isspace()


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
        if w in lex.pronouns and not _acronym(t.words[k]):
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
    lex: HolderLexicon, previous: str | None = None,
) -> str | None:
    """The subject of the clause the figure stands in, or None."""
    b = bisect_left(breaks, start) - 1
    for _ in range(4):
        at = breaks[b] if b >= 0 else 0
        k = bisect_left(t.starts, at)
        if k >= len(t.starts) or t.starts[k] >= start:
            if b < 0 or t.text[at] not in _APPOSITION:
                return None
            i = bisect_left(spans, (start,)) - 1
            if previous is not None and i >= 0 and 0 <= at - spans[i][1] <= _LIST_GAP:
                return previous  # a list of figures: "(15.3 ppg, 7.4 rpg, 6.9 apg)"
            if t.text[at] == "," and k > 0 and t.words[k - 1][0].isupper():
                return _phrase_back(t, k - 1, lex)  # "Maddon, 66, ...": an apposition
            b -= 1  # "the temperature was, on average, 2.1F higher"; "longer — 24 hours"
            continue
        w = t.lowers[k]
        if w in lex.relatives and k > 0:  # "Ford (F) which has 13000 workers"
            return _phrase_back(t, k - 1, lex)
        gerund = w.endswith("ing") and len(w) > 4
        if b >= 0 and t.words[k].islower() and (gerund or _verb(t, k)):
            # "..., wiping $340 million", "debt, excluding banks, was $113 trillion": a
            # clause with no subject of its own has the one before
            before = _clause_at(t, breaks, b - 1)
            if gerund and t.lowers[before[0]] in lex.intros and not _any_verb(t, *before):
                break  # "In Varda, sampling came back at 4 ppb": a gerund as the subject
            b -= 1
            if not gerund and b >= 0 and not _any_verb(t, *before):
                b -= 1  # "Norvik, the largest mill, employs 300": past the apposition
            continue
        if b >= 0 and w in lex.intros and not any(
            _verb(t, m, strict=True) for m in range(k, min(bisect_left(t.starts, start), k + 4 * _LONGEST))
        ):
            b -= 1  # "the reading was, on balance, 3.4 degrees higher"
            continue
        break
    else:
        return None
    k = _last_coordinate(t, k, start, lex)
    n = len(t.starts)
    stop = k + 2
    while k < min(n, stop) and t.lowers[k] in lex.openers:  # "But meanwhile the ..."
        k += 1
    if k + 2 < n and t.lowers[k] in lex.when and t.lowers[k + 1] in lex.when_nouns:
        k += 2  # "Last spring I paid ...", "This year the index rose ..."
    if k < n and t.lowers[k] in lex.intros:
        k = _past_intro(t, k, start)
    stop = k + 2
    while k < min(n, stop) and t.roles.get(t.lowers[k], 0) & DET:
        k += 1
    if k >= len(t.starts) or t.starts[k] >= start:
        return None
    if t.lowers[k] in lex.pronouns and not _acronym(t.words[k]):
        return None  # "It rose 4%", "There are four": the holder is named elsewhere
    first = last = k
    while last + 1 < len(t.starts) and last + 1 - first < _LONGEST:
        n = last + 1
        w = t.lowers[n]
        if t.starts[n] >= start or _inside(spans, t.starts[n]):
            # a verb no list names ("the robots measure 12 cm", "the angle sat at 4.5") or
            # none at all ("panel strength lower than 9 ksi"): the phrase ends before it
            cut = next(
                (
                    m
                    for m in range(first + 1, last + 1)
                    if _verb_form(t, m, first) or t.lowers[m] in lex.intros or t.lowers[m] in lex.stops
                ),
                0,
            )
            if cut:
                last = cut - 1
            if last > first or is_plural(t.lowers[first]):
                break
            return None  # the figure is in the subject ("a further 40 people were hurt")
        if not _close(t, n) or _verb(t, n) or w in lex.stops or w in lex.relatives:
            break
        if _third_person(t, n, first, start):
            break  # "the law threatens to", "the material shoots out at"
        if t.roles.get(w, 0) & DET and t.lowers[last] not in lex.joiners:
            break
        last = n
    if _verb(t, first, strict=True) or _inside(spans, t.starts[first]):
        return None
    while last > first and (t.lowers[last] in lex.joiners or t.roles.get(t.lowers[last], 0) & DET):
        last -= 1
    return _written(t, first, last)


def _clause_at(t: Tokens, breaks: Sequence[int], b: int) -> tuple[int, int]:
    """First and past-last word of the clause that starts at break ``b`` (-1: the sentence's)."""
    a = breaks[b] if b >= 0 else 0
    e = breaks[b + 1] if b + 1 < len(breaks) else len(t.text)
    first = bisect_left(t.starts, a)
    return min(first, len(t.starts) - 1) if t.starts else 0, bisect_left(t.starts, e)


def _any_verb(t: Tokens, first: int, stop: int) -> bool:
    return any(_verb(t, m) for m in range(first, min(stop, first + 4 * _LONGEST)))


def _last_coordinate(t: Tokens, k: int, start: int, lex: HolderLexicon) -> int:
    """Where the last of two clauses joined by "and"/"but" begins, if the figure is in it
    ("the Nasdaq rose 0.2% and the Varro 40 fell 0.4%"); else ``k``."""
    f = bisect_left(t.starts, start)
    found = k
    seen_verb = False
    for m in range(k, min(f, k + 4 * _LONGEST)):
        w = t.lowers[m]
        if _verb(t, m):
            seen_verb = True
        elif (
            seen_verb
            and w in lex.coordinators
            and m + 1 < f
            and (t.roles.get(t.lowers[m + 1], 0) & DET or t.words[m + 1][0].isupper())
        ):
            found, seen_verb = m + 1, False
    return found if found == k or any(_verb(t, m) for m in range(found, min(f, found + 4 * _LONGEST))) else k


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


def _third_person(t: Tokens, n: int, first: int, start: int) -> bool:
    """Is word ``n`` a verb in -s after a singular noun, opening a verb phrase ("the
    policy predicts that", "the law threatens to")?"""
    w = t.lowers[n]
    if n <= first or not t.words[n].islower() or not is_plural(w) or is_plural(t.lowers[n - 1]):
        return False
    if t.roles.get(t.lowers[n - 1], 0) & DET:
        return False
    after = n + 1
    if after >= len(t.starts) or t.starts[after] >= start:
        return True
    return t.lowers[after] in default_holders().verb_objects or bool(
        t.roles.get(t.lowers[after], 0) & DET
    )


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


def _verb(t: Tokens, k: int, strict: bool = False) -> bool:
    """Is word ``k`` a verb? ``strict`` leaves out the movement verbs that are nouns as
    often ("average", "increase")."""
    w = t.lowers[k]
    if k > 0 and not t.words[k].islower():
        return False  # "between May and June": a capital inside a sentence is a name
    if t.roles.get(w, 0) & VERB or (not strict and w in default_measures().verbs):
        return True
    word = t.words[k]
    return word.islower() and len(w) > 4 and w.endswith("ed")


def _written(t: Tokens, first: int, last: int) -> str:
    text = t.text[t.starts[first] : t.ends[last]]
    for mark in POSSESSIVE:
        if text.endswith(mark):
            text = text[: -len(mark)]
    return text
