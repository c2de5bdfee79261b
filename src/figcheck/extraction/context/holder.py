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
from typing import Final

from ...lexicon.context import DET, NOT_NAME, STOP, VERB
from ...lexicon.holders import HolderLexicon, default_holders
from .holder_links import (
    LIST_GAP,
    LONGEST,
    MONEY,
    VERB_GROUP,
    bought,
    close_to,
    first_verb,
    inside,
    is_acronym,
    is_generic,
    is_verb,
    listed,
    of_after,
    phrase_back,
    priced_or_timed,
    quoted_name,
    relative_head,
    sold,
    written,
)
from .nouns import is_plural, lemma
from .sentence import Tokens

__all__ = ["figure_holder"]

_APPOSITION: Final = ",—–-"


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
            found = phrase_back(t, j, lex)
            if found is not None:
                return found
    elif (
        gap.isspace() and t.lowers[j] in lex.links and j > 0 and t.joined(j)
        # "is worth $2m": the clause's subject; "a gain of 2%" is a noun whatever its role
        and (t.lowers[j] == "of" or not t.roles.get(t.lowers[j - 1], 0) & VERB)
    ):
        found = phrase_back(t, j - 1, lex)
        if found is not None and not is_generic(t, found):
            return found  # "a net worth of $1.3bn"; not "a total of 200"
    # what a quote needs before it calls for one: a movement word or a sign at the figure
    sign = t.text[start - 1 : start + 1]
    if (j > 0 and t.lowers[j] in lex.moves) or sign[:1] == "+" or sign[-1:] in "-−":
        quoted = quoted_name(t, j, start, lex)
        if quoted is not None:
            return quoted  # "Varro 40 -1.3% Ostel +0.6%": a list of quotes
    if amount:
        after = of_after(t, end, spans, lex)
        if after is not None:
            return after  # "8 miles (13 km) of new tunnels", "40% of its revenue"
    if j > 0 and t.lowers[j] in lex.purchases and priced_or_timed(t, start, end):
        found = sold(t, j - 1, spans, lex, money=MONEY.search(t.text, start, end) is not None)
        if found is not None:
            return found  # "selling the basic model for $1,062", "a ban for three years"
    if not lex.relatives.isdisjoint(t.lowers[max(j - VERB_GROUP, 0) + 1 : j + 1]):
        found = relative_head(t, j, start, breaks, spans, lex)
        if found is not None:
            return found  # "campers that can weigh 10 tons", "a squad that contained 17 players"
    found = _clause_subject(t, start, breaks, spans, lex, previous)
    if found is None and previous is not None and listed(t.text, start, spans, lex):
        return previous  # "measure 15 cm and 23 cm", "24 hours, 39 minutes and 35 seconds"
    if found is None and MONEY.search(t.text, start, end):
        return bought(t, end, spans, lex)  # "I paid $900 for a new roof"
    return found


def _clause_subject(
    t: Tokens, start: int, breaks: Sequence[int], spans: Sequence[tuple[int, int]],
    lex: HolderLexicon, previous: str | None = None,
) -> str | None:
    """The subject of the clause the figure stands in, or None."""
    starts, lowers, words, roles, text = t.starts, t.lowers, t.words, t.roles, t.text
    n = len(starts)
    stops, intros = lex.stops, lex.intros
    b = bisect_left(breaks, start) - 1
    for _ in range(4):
        at = breaks[b] if b >= 0 else 0
        k = opened = bisect_left(starts, at)
        if k + 1 < n and starts[k + 1] >= start:
            w = lowers[k]
            if w in stops and w not in intros:
                k += 1  # ", just 47 feet deep": an adverb before the figure opens no clause
        if k >= n or starts[k] >= start:
            if b < 0 or text[at] not in _APPOSITION:
                return None
            i = bisect_left(spans, (start,)) - 1
            if previous is not None and i >= 0 and 0 <= at - spans[i][1] <= LIST_GAP:
                return previous  # a list of figures: "(15.3 ppg, 7.4 rpg, 6.9 apg)"
            if text[at] == "," and opened > 0 and words[opened - 1][0].isupper():
                if inside(spans, starts[opened - 1]):
                    return None  # "minus 387 Fahrenheit, minus 233 Celsius": a unit, no name
                return phrase_back(t, opened - 1, lex)  # "Maddon, 66, ...": an apposition
            b -= 1  # "the temperature was, on average, 2.1F higher"; "longer — 24 hours"
            continue
        w = lowers[k]
        if w in lex.relatives and k > 0:  # "Ford (F) which has 13000 workers"
            if inside(spans, starts[k - 1]):
                return None  # "to $5.5 million, which works out to": the figure before
            return phrase_back(t, k - 1, lex)
        gerund = w.endswith("ing") and len(w) > 4
        if b >= 0 and words[k].islower() and (gerund or is_verb(t, k)):
            # "..., wiping $340 million", "debt, excluding banks, was $113 trillion": a
            # clause with no subject of its own has the one before
            before = _clause_at(t, breaks, b - 1)
            if gerund and lowers[before[0]] in intros and not _any_verb(t, *before):
                break  # "In Varda, sampling came back at 4 ppb": a gerund as the subject
            b -= 1
            if not gerund and b >= 0 and not _any_verb(t, *before):
                b -= 1  # "Norvik, the largest mill, employs 300": past the apposition
            continue
        if b >= 0 and w in intros and not any(
            is_verb(t, m, strict=True) for m in range(k, min(bisect_left(starts, start), k + 4 * LONGEST))
        ):
            b -= 1  # "the reading was, on balance, 3.4 degrees higher"
            continue
        break
    else:
        return None
    k = _last_coordinate(t, k, start, lex)
    stop = min(n, k + 2)
    openers = lex.openers
    while k < stop and lowers[k] in openers:  # "But meanwhile the ..."
        k += 1
    if k + 2 < n and lowers[k] in lex.when and lowers[k + 1] in lex.when_nouns:
        k += 2  # "Last spring I paid ...", "This year the index rose ..."
    if k < n and lowers[k] in intros:
        k = _past_intro(t, k, start)
    stop = min(n, k + 2)
    while k < stop and roles.get(lowers[k], 0) & DET:
        k += 1
    if k >= n or starts[k] >= start:
        return None
    w = lowers[k]
    if w in lex.pronouns and not is_acronym(words[k]):
        if w in lex.anaphors and breaks and breaks[0] < starts[k]:
            # "The debris field stretched 7 miles, but most landed 47 feet deep": the
            # subject the sentence opens with
            opening = _clause_subject(t, breaks[0], breaks, spans, lex)
            if opening is not None and text.find(opening) < breaks[0] and (
                " " in opening or lemma(opening.lower()) == opening.lower()
            ):
                return opening  # not a participle ("Drawn up in 2015, it has ...")
        return None  # "It rose 4%", "There are four": the holder is named elsewhere
    if w in stops:
        return None  # "This also lifted ...": a pronoun before an adverb
    first = last = k
    p = bisect_left(spans, (start,))
    prior_end = spans[p - 1][1] if p else -1  # where the figures before this one end
    reach = min(n, first + LONGEST)
    gaps, relatives, joiners = t.gaps, lex.relatives, lex.joiners
    while last + 1 < reach:
        m = last + 1
        w = lowers[m]
        at = starts[m]
        own = at >= start
        # another figure stands in the subject
        other = not own and at < prior_end and inside(spans, at)
        if other:
            past = _noun_past_figure(t, m, start, first, spans, lex)
            if past is not None:
                last = past  # "the key 30 year rate climbed": another figure inside the subject
                continue
        if own or other:
            # a verb no list names ("the robots measure 12 cm", "the angle sat at 4.5") or
            # none at all ("panel strength lower than 9 ksi"): the phrase ends before it
            cut = next(
                (
                    c
                    for c in range(first + 1, last + 1)
                    if _verb_form(t, c, first)
                    or (own and (lowers[c] in intros or lowers[c] in stops))
                ),
                0,
            )
            if cut:
                last = cut - 1
            if last > first or is_plural(lowers[first]):
                break
            return None  # the figure is in the subject ("a further 40 people were hurt")
        if not (gaps[m] == " " or close_to(t, m)) or is_verb(t, m):
            break
        if w in stops or w in relatives:
            break
        if w.endswith("s") and _third_person(t, m, first, start):
            break  # "the law threatens to", "the material shoots out at"
        if roles.get(w, 0) & DET and lowers[last] not in joiners:
            break
        last = m
    if is_verb(t, first, strict=True):
        return None
    while last > first and (lowers[last] in joiners or roles.get(lowers[last], 0) & DET):
        last -= 1
    if inside(spans, starts[first]):
        # another figure opens the subject: "A 60 year-old might withdraw 2.7%"
        i = bisect_left(spans, (starts[first] + 1,)) - 1
        after, f = bisect_left(starts, spans[i][1]), bisect_left(starts, start)
        if spans[i][1] >= start or not _any_verb(t, after, f):
            return None  # "6.1 inches and 6.7 inches": a list, not a subject
        return text[spans[i][0] : t.ends[last]]
    return written(t, first, last)


def _noun_past_figure(
    t: Tokens, n: int, start: int, first: int, spans: Sequence[tuple[int, int]],
    lex: HolderLexicon,
) -> int | None:
    """The noun right after the figure that word ``n`` stands in, when the noun phrase goes
    on past it ("the key [30 year] rate"); None when a verb or the figure follows."""
    m = n
    while m < len(t.starts) and t.starts[m] < start and inside(spans, t.starts[m]):
        m += 1
    if m >= len(t.starts) or t.starts[m] >= start or not close_to(t, m) or not t.words[m].islower():
        return None
    w = t.lowers[m]
    if is_verb(t, m) or _verb_form(t, m, first) or w in lex.stops or t.roles.get(w, 0) & (DET | STOP):
        return None
    return m


def _clause_at(t: Tokens, breaks: Sequence[int], b: int) -> tuple[int, int]:
    """First and past-last word of the clause that starts at break ``b`` (-1: the sentence's)."""
    a = breaks[b] if b >= 0 else 0
    e = breaks[b + 1] if b + 1 < len(breaks) else len(t.text)
    first = bisect_left(t.starts, a)
    return min(first, len(t.starts) - 1) if t.starts else 0, bisect_left(t.starts, e)


def _any_verb(t: Tokens, first: int, stop: int) -> bool:
    stop = min(stop, first + 4 * LONGEST)
    return first_verb(t, first, stop) < stop


def _last_coordinate(t: Tokens, k: int, start: int, lex: HolderLexicon) -> int:
    """Where the last of two clauses joined by "and"/"but" begins, or the clause a reporting
    verb introduces, if the figure is in it ("the Nasdaq rose 0.2% and the Varro 40 fell
    0.4%", "he said Orsk has 59 mills"); else ``k``."""
    f = bisect_left(t.starts, start)
    stop = min(f, k + 4 * LONGEST)
    lowers = t.lowers
    reports, coordinators, splits = lex.reports, lex.coordinators, lex.splits
    if splits.isdisjoint(lowers[k:stop]):
        return k  # no word that could open a new clause: the usual case, read in one step
    found = k
    seen = k  # the words from ``found`` up to ``seen`` hold no verb
    for m in [c for c in range(k, stop) if lowers[c] in splits]:
        w = lowers[m]
        if w in reports and m + 1 < f and t.joined(m + 1):
            nxt = lowers[m + 1]
            role = t.roles.get(nxt, 0)
            # "said Orsk has", "said the toll rose"; not "said Tuesday that", "said it"
            if not (is_verb(t, m + 1) or nxt in lex.pronouns or nxt in coordinators) and (
                role & DET or not role & (NOT_NAME | STOP)
            ):
                found = seen = m + 1  # "he said Orsk has 59 mills"
                continue
        if (
            w in coordinators
            and m + 1 < f
            and (t.roles.get(lowers[m + 1], 0) & DET or t.words[m + 1][0].isupper())
            and first_verb(t, seen, m) < m
        ):
            found = seen = m + 1
    stop = min(f, found + 4 * LONGEST)
    return found if found == k or first_verb(t, found, stop) < stop else k


def _past_intro(t: Tokens, k: int, start: int) -> int:
    """The first word after an introductory phrase ("In the last three months the OCS ...")."""
    n = k + 1
    if n < len(t.starts) and t.starts[n] < start and t.roles.get(t.lowers[n], 0) & DET:
        n += 1  # the intro's own determiner
    n += 1
    end = min(len(t.starts), n + LONGEST)
    while n < end and t.starts[n] < start:
        if t.roles.get(t.lowers[n], 0) & DET:
            return n  # the subject's determiner
        if is_verb(t, n):
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


