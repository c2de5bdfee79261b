"""Subjects: the names, places and parties in a sentence, and the one a claim belongs to.

A name is a run of capitalised words, written in full: words joined by "of" ("the East
of England"), by "and" or a list ("England and Wales", "Ohio, Michigan and
Pennsylvania": a total over several places names them all), by a possessive inside a
name ("People's Party", "Farmers' League"), or completed by a place noun ("Kesh
province"). Weekdays, months, holidays, storms and attributions are never subjects; a
single unknown word opening a sentence is read as a common word ("Shipments fell ...").

For one claim the subject is, in order: a name that owns the figure ("China 36",
"Kenya's 47 counties"); a name the figure's own phrase places it in ("47C in Phoenix");
the nearest name in its clause, then in its sentence. Names written as adjectives
("Chinese travellers") give way to names proper.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import compress, count
from operator import itemgetter
from typing import Final

from ...lexicon.context import CLAUSE, NOT_NAME, STOP, VERB
from ...regex_cache import compile_pattern
from .sentence import POSSESSIVE, SentenceContext, Tokens, nearest

__all__ = [
    "GUESS",
    "POSSESSIVE_NAME",
    "QUALIFIER",
    "WEAK",
    "claim_subject",
    "first_subject",
    "names_outside",
    "subject_names",
]

# Flags of a name (field 3 of its tuple).
WEAK: Final = 1  # written as an adjective ("Chinese travellers"): used only when nothing better
POSSESSIVE_NAME: Final = 2  # "Kenya's"
QUALIFIER: Final = 4  # a possessive right before another name ("Yemen's Hodeidah province")
# one unknown word opening a sentence before a verb: never handed to other sentences
GUESS: Final = 8

Name = tuple[int, int, str, int]  # start, end, canonical name, flags

# What may stand between a name and the figure it owns: "China 36", "Malaysia with 4.6m".
_OWNS: Final = compile_pattern(r"(?:\s++with)?\s++(?:the\s++)?(?=[\d$€£¥]|[A-Z]{1,3}\$)")
_PLURAL_POSSESSIVE: Final = ("' ", "’ ")
_OPENERS: Final = frozenset(".…!?:;\"“‘'(—")  # what may stand before a word opening a sentence
_CONNECTOR_REACH: Final = 3  # words after "and", "of": "and the", "of the"
_LONGEST: Final = 8  # words in a name; a longer run of capitals is cut into names this long
_WINDOW: Final = 12  # names examined on each side of a claim
_AFTER_REACH: Final = 8  # words from a figure to the place its phrase names ("... in Warsaw")
_FIRST: Final = itemgetter(0)
_PLACE_BEFORE: Final = (
    frozenset(("in", "across", "at", "near", "from", "to", "throughout", "inside"))
)


def _skip_holiday_or_storm(t: Tokens, i: int) -> int:
    """The index after a holiday or storm name starting at word ``i``, or ``i``."""
    names, words = t.lex.names, t.words
    word = words[i]
    if (
        word in names.storm_words
        and i + 1 < len(words)
        and words[i + 1][0].isupper()
        and t.joined(i + 1)
    ):
        j = i + 1
        while j + 1 < len(words) and words[j + 1][0].isupper() and t.joined(j + 1):
            j += 1  # "Tropical Storm Ana"
        return j + 1
    for rest in names.holidays.get(word[:-2] if word.endswith(POSSESSIVE) else word, ()):
        if _spells(t, i, rest):
            return i + 1 + len(rest)
    return i


def _spells(t: Tokens, i: int, rest: tuple[str, ...]) -> bool:
    words = t.words
    if i + len(rest) >= len(words):
        return not rest
    for k, word in enumerate(rest, i + 1):
        w = words[k]
        if not t.joined(k) or (w != word and w[:-2] != word):
            return False
    return True


def _excluded(t: Tokens, i: int, inside: bool = False) -> bool:
    """Is capitalised word ``i`` never part of a name (a weekday, "F-16", "US-made", "GDP")?

    Inside a name, words that only open sentences ("General", "People's") are allowed;
    months never are.
    """
    word, lower = t.words[i], t.lowers[i]
    base = lower[:-2] if lower.endswith(POSSESSIVE) else lower
    if (
        t.roles.get(base, 0) & NOT_NAME
        and not _known(t, word)
        and (not inside or base in t.lex.months)
        and not (lower != base and i + 1 < len(t.words) and t.words[i + 1][0].isupper())
    ):
        return True
    # a word of letters only (most) holds no digit: the character walk is skipped
    if word in t.lex.names.not_names or (
        not word.isalpha() and any(ch.isdigit() for ch in word)
    ):
        return True
    if "-" in word:
        parts = word.split("-")
        if any(p and p[0].islower() for p in parts[1:]):  # "US-made", "Norwegian-built"
            return True
        if all(p.lower() in t.lex.months for p in parts):  # "July-September"
            return True
    return False


def _known(t: Tokens, word: str) -> bool:
    base = word[:-2] if word.endswith(POSSESSIVE) else word
    return base in t.lex.subjects or base in t.lex.names.known


def _connector_end(t: Tokens, j: int) -> int:
    """After name word ``j``, the index of the next name word across "of", "and", a list or a
    possessive inside a name ("People's Party"), or -1 when the name ends at ``j``."""
    words, lowers, gaps = t.words, t.lowers, t.gaps
    n = len(words)
    k = j + 1
    if k >= n:
        return -1
    gap = gaps[k]
    if gap in _PLURAL_POSSESSIVE and lowers[j].endswith("s") and words[k][0].isupper():
        return k  # "Farmers' League"
    if not t.joined(k):
        if gap == ", " and not lowers[j].endswith(POSSESSIVE):
            return _list_end(t, k)
        return -1
    if words[k][0].isupper():
        if lowers[j].endswith(POSSESSIVE) and not t.roles.get(lowers[j][:-2], 0):
            return -1  # "Yemen's Hodeidah": two names; "People's Party" is one
        return k if not _excluded(t, k, inside=True) else -1
    word = lowers[k]
    if word not in ("of", "and", "for") or lowers[j].endswith(POSSESSIVE):
        return -1
    if word == "for" and not (k + 1 < n and t.joined(k + 1) and words[k + 1][0].isupper()):
        return -1
    m = k + 1
    while m < min(n, k + _CONNECTOR_REACH) and t.joined(m) and (
        lowers[m] == "the" or (word == "and" and lowers[m] in t.lex.names.directions)
    ):
        m += 1
    if m < n and t.joined(m) and words[m][0].isupper() and not _excluded(t, m):
        if word == "and" and _attributive(t, m):
            return -1  # "Putin and the Russian military": no joint name
        return m
    return -1


def _attributive(t: Tokens, m: int) -> bool:
    """Is capitalised word ``m`` a demonym before a lower-case noun ("Russian military")?"""
    if t.lex.subjects.get(t.words[m]) in (None, t.words[m]):
        return False
    k = m + 1
    if k >= len(t.words) or not t.joined(k) or not t.words[k].islower():
        return False
    follows = t.lowers[k]
    return not (t.roles.get(follows, 0) & (STOP | VERB) or follows.endswith("ed"))


def _list_end(t: Tokens, k: int) -> int:
    """``k`` if a list of names "A, B and C" goes on at word ``k``, else -1."""
    words, lowers, gaps = t.words, t.lowers, t.gaps
    n = len(words)
    m = k
    for _ in range(8):  # items of a list, each one or two capitalised words
        if m >= n or not words[m][0].isupper() or _excluded(t, m):
            return -1
        if m + 1 < n and t.joined(m + 1) and words[m + 1][0].isupper():
            m += 1
        if m + 1 >= n:
            return -1
        if gaps[m + 1] == ", ":
            m += 1
            continue
        return k if lowers[m + 1] == "and" and t.joined(m + 1) else -1
    return -1


def subject_names(t: Tokens) -> list[Name]:
    """Subject candidates in a sentence: ``(start, end, name, flags)``, sorted by start."""
    words, lowers = t.words, t.lowers
    lex = t.lex
    out: list[Name] = []
    place = lex.names.place_phrases
    storms, holidays = lex.names.storm_words, lex.names.holidays
    # the words where something may start: a capital, or the first word of a place phrase
    # (every other word is stepped over one at a time below, so it is skipped at once)
    opens = list(compress(count(), map(str.isupper, map(_FIRST, words))))
    if not place.keys().isdisjoint(lowers):
        opens = sorted(set(opens).union(k for k, w in enumerate(lowers) if w in place))
    resume = 0  # the first word not read yet
    for i in opens:
        if i < resume:
            continue  # inside the name or phrase read last
        word = words[i]
        if not word[0].isupper():
            resume = i + 1
            phrases = place.get(lowers[i])
            if phrases is not None:
                for rest, canonical in phrases:
                    if _spells_lower(t, i, rest):
                        # "the euro zone" names a place; "sold 40 cars worldwide" is vaguer
                        weak = 0 if i > 0 and lowers[i - 1] == "the" else WEAK
                        out.append((t.starts[i], t.ends[i + len(rest)], canonical, weak))
                        resume = i + len(rest) + 1
                        break
            continue
        if word in storms or (word[:-2] if word.endswith(POSSESSIVE) else word) in holidays:
            skip = _skip_holiday_or_storm(t, i)
            if skip > i:
                resume = skip
                continue
        if _excluded(t, i):
            continue
        parts = [i]
        while len(parts) < _LONGEST:
            nxt = _connector_end(t, parts[-1])
            if nxt < 0:
                break
            parts.append(nxt)
        resume = parts[-1] + 1
        name = _name(t, i, parts)
        if name is not None:
            out.append(name)
    for k in range(len(out) - 1):  # "Yemen's Hodeidah province": Yemen only qualifies
        a, b = out[k], out[k + 1]
        if a[3] & POSSESSIVE_NAME and t.text[a[1] : b[0]] == " " and not b[3] & WEAK:
            out[k] = (a[0], a[1], a[2], a[3] | QUALIFIER)
    return out


def _spells_lower(t: Tokens, i: int, rest: tuple[str, ...]) -> bool:
    lowers = t.lowers
    if i + len(rest) >= len(lowers):
        return not rest
    return all(lowers[k] == w and t.joined(k) for k, w in enumerate(rest, i + 1))


def _name(t: Tokens, first: int, parts: list[int]) -> Name | None:
    """The name spelled by words ``first``..``parts[-1]``, or None when it is no subject."""
    words, lowers, roles = t.words, t.lowers, t.roles
    lex = t.lex
    last = parts[-1]
    gap = t.gaps[first].strip()
    opens = first == 0 or (gap != "" and gap[-1] in _OPENERS)
    guess = 0
    if opens and len(parts) == 1 and not _known(t, words[first]):
        # One word opening a sentence is capitalised anyway: a name when possessive, before
        # a place noun, or (a guess) a singular before a verb ("Kharkiv had", though "Rain
        # fell" reads the same; not "Shipments fell").
        nxt = first + 1
        follows = lowers[nxt] if nxt < len(words) and t.joined(nxt) else ""
        if not (lowers[first].endswith(POSSESSIVE) or follows in lex.names.place_nouns):
            if not (
                follows
                and not lowers[first].endswith("s")
                and (roles.get(follows, 0) & VERB or follows.endswith("ed"))
            ):
                return None
            guess = GUESS
    if len(parts) == 1 and len(words[first]) <= 3 and words[first].isupper():
        if not _known(t, words[first]):
            return None  # "GDP", "TT$": an abbreviation figcheck does not know
    possessive = lowers[last].endswith(POSSESSIVE)
    end = t.ends[last]
    flags = (POSSESSIVE_NAME if possessive else 0) | guess
    if len(parts) == 1:
        text = _known_form(lex.subjects, words[first]) or words[first]
        if possessive and text == words[first]:
            text = text[:-2]
    else:
        text = _spell(t, parts)
    nxt = last + 1
    if not possessive and nxt < len(words) and t.joined(nxt) and words[nxt].islower():
        place_noun = lowers[nxt] in lex.names.place_nouns
        after = lowers[nxt + 1] if nxt + 1 < len(words) and t.joined(nxt + 1) else ""
        # "Kesh province declared", not "the Czech town of ..." or "Eastmoor county council"
        of_after = after == "of" or (
            after != "" and not (roles.get(after, 0) & (STOP | VERB) or after.endswith("ed"))
        )
        if place_noun and not of_after and words[first] not in lex.subjects:
            end = t.ends[nxt]
            text = f"{text} {lowers[nxt]}"  # "Kesh province"
        elif not (roles.get(lowers[nxt], 0) & (VERB | STOP) or lowers[nxt].endswith("ed")):
            flags |= WEAK  # "Chinese travellers", "House seats": a name as an adjective
    return t.starts[first], end, text, flags


def _spell(t: Tokens, parts: list[int]) -> str:
    """The words of a multi-word name with their connectors, directions dropped."""
    out: list[str] = []
    prev = parts[0]
    out.append(t.words[prev])
    for k in parts[1:]:
        if k > prev + 1:
            between = [w for w in t.lowers[prev + 1 : k] if w not in t.lex.names.directions]
            if t.gaps[prev + 1] == ", ":
                out[-1] += ","
            out.extend(between)
        elif t.gaps[k] == ", ":
            out[-1] += ","
        elif t.gaps[k] in _PLURAL_POSSESSIVE:
            out[-1] += t.gaps[k].strip()
        out.append(t.words[k])
        prev = k
    text = " ".join(out)
    return text[:-2] if text.endswith(POSSESSIVE) else text


def _known_form(subjects: dict[str, str], word: str) -> str | None:
    if word.endswith(POSSESSIVE):
        word = word[:-2]
    found = subjects.get(word)
    if found is None and word.endswith("s"):  # "Ukrainians"
        found = subjects.get(word[:-1])
    return found


def names_outside(
    names: list[Name], sources: list[tuple[int, int, str, bool]], text: str
) -> list[Name]:
    """The names not inside any (sorted) source extent, then qualifiers of surviving names dropped.

    A name inside a source still counts when it qualifies the party: "Japan's Ministry of
    Finance said", "the border agency of Mirovia said".
    """
    if not names or (not sources and not any(name[3] & QUALIFIER for name in names)):
        return names
    los = [src[0] for src in sources]
    reach: list[int] = []  # furthest end among the extents so far
    for src in sources:
        reach.append(max(src[1], reach[-1]) if reach else src[1])
    kept: list[Name] = []
    for name in names:
        k = bisect_right(los, name[0]) - 1
        if k < 0 or reach[k] <= name[0]:
            kept.append(name)
        elif name[3] & POSSESSIVE_NAME or _of_lower(text, name[0]):
            kept.append((name[0], name[1], name[2], name[3] & ~QUALIFIER))
    out: list[Name] = []
    for k, name in enumerate(kept):
        if name[3] & QUALIFIER and k + 1 < len(kept) and text[name[1] : kept[k + 1][0]] == " ":
            continue
        out.append(name)
    return out


_OF_LOWER: Final = compile_pattern(r"(?<![A-Za-z])[a-z]+ of (?:the )?$")


def _of_lower(text: str, at: int) -> bool:
    return _OF_LOWER.search(text, max(0, at - 30), at) is not None


def first_subject(names: Sequence[Name]) -> str | None:
    """The main subject a sentence hands on to others: its first name proper, else its first
    name at all; never a guess ("Rain fell."), which holds only in its own sentence."""
    sure = [name for name in names if not name[3] & GUESS]
    for name in sure:
        if not name[3] & WEAK:
            return name[2]
    return sure[0][2] if sure else None


def claim_subject(
    sc: SentenceContext,
    start: int,
    end: int,
    rlo: int,
    rhi: int,
    soft: tuple[int, int],
    hard: tuple[int, int],
    limit: int | None = None,
) -> str | None:
    """The subject of the claim at ``[start, end)`` whose noun phrase spans ``[rlo, rhi)``.

    ``limit`` is where the next claim starts: a name after it belongs to that claim.
    """
    names = sc.names
    if not names:
        return None
    text = sc.tokens.text
    limit = len(text) if limit is None else limit
    p = bisect_left(names, (start,))
    mine: list[Name] = []  # the names near the claim, so a long sentence stays linear
    for name in names[max(0, p - _WINDOW) : p + _WINDOW]:
        m = _OWNS.match(text, name[1])
        if m is not None:
            if start <= m.end() < end:
                return name[2]  # "China 36", "Kenya's 47 counties", "123 of Ukraine's 152"
            continue  # "... and Croatia 21.6%": Croatia owns another figure
        mine.append(name)
    if not mine:
        return None
    found = _attached(sc, mine, start, end, rlo, rhi)
    if found is None:
        found = _placed_after(sc, mine, rhi, min(limit, soft[1]))
    if found is not None:
        return found
    strong = [c for c in mine if not c[3] & WEAK]
    # with no weak name the two pools are one: it is read once
    pools = (strong, mine) if len(strong) < len(mine) else (mine,)
    for pool in pools:
        found = nearest(pool, start, end, soft[0], soft[1])
        if found is not None:
            return found
    # beyond the clause, the sentence's subject comes before the figure: "X rose ..., up 9%"
    for pool in pools:
        found = nearest(pool, start, end, hard[0], start)
        if found is not None:
            return found
    for pool in pools:
        found = nearest(pool, start, end, hard[0], hard[1])
        if found is not None:
            return found
    return None


def _attached(
    sc: SentenceContext, names: Sequence[Name], start: int, end: int, rlo: int, rhi: int
) -> str | None:
    """A name inside the claim's phrase: "Ukraine's 152 jets", "the population of Ukraine"."""
    t = sc.tokens
    starts, ends, lowers = t.starts, t.ends, t.lowers
    j = bisect_left(starts, rlo) - 1
    if j >= 0 and t.text[ends[j] : rlo].isspace():
        rlo = starts[j]
    j = bisect_left(starts, rhi)
    if j < len(starts) and lowers[j] == "of" and t.text[rhi : starts[j]].isspace():
        rhi = ends[min(j + 2, len(starts) - 1)]
    return nearest(
        names,
        start,
        end,
        rlo,
        rhi,
        # a possessive, or a known name written otherwise: "Russian soldiers" -> Russia
        lambda c: c[1] <= rhi
        and (c[3] & POSSESSIVE_NAME or (c[2] != t.text[c[0] : c[1]] and t.text[c[0]].isupper())),
    )


def _placed_after(sc: SentenceContext, names: Sequence[Name], hi: int, stop: int) -> str | None:
    """The place the figure's own phrase names: "47C in Phoenix", "780 came from Syria"."""
    t = sc.tokens
    k = bisect_left(names, (hi,))
    if k >= len(names) or names[k][0] >= stop:
        return None
    name = names[k]
    i = bisect_left(t.starts, name[0]) - 1
    lowers, words, roles = t.lowers, t.words, t.roles
    while i >= 0 and (
        lowers[i] == "the"
        or lowers[i] in t.lex.names.directions
        or (lowers[i].endswith(POSSESSIVE) and words[i][0].isupper())  # "in Yemen's Hodeidah"
    ):
        i -= 1
    if i < 0 or t.starts[i] < hi or lowers[i] not in _PLACE_BEFORE:
        return None
    j = bisect_left(t.starts, hi)
    if i - j > _AFTER_REACH:
        return None
    for m in range(j, i):  # "0.3% last year and output in ...": another clause's place
        if roles.get(lowers[m], 0) & (CLAUSE | VERB) or lowers[m] in ("and", "or"):
            return None
    return name[2]
