"""Attribution: who a sentence says states its figures ("the ministry said", "according to the UN")."""

from __future__ import annotations

from typing import Final

from ...lexicon.context import (
    AFTER,
    AGENT,
    BEFORE,
    DET,
    EITHER,
    FILLER,
    MODIFIER,
    NOT_NAME,
    STOP,
    VERB,
)
from .sentence import POSSESSIVE, REACH, Tokens, phrase_at

__all__ = ["attributions", "opening_party"]

def attributions(t: Tokens, marks: list[int]) -> list[tuple[int, int, str, bool]]:
    """Every attribution in the sentence: (start, end, party, ahead).

    ``start``/``end`` cover cue and party. ``ahead`` is true when the cue introduces what
    follows ("the agency says 38,000 people ..."): it covers only the figures after it,
    while one that closes a clause ("..., the ministry said.") covers the whole sentence.

    A pronoun party ("..., it said") is resolved to the party opening the sentence
    ("Velora Motors sold ..., it said"); when that is no credible party its text is ""
    and the caller may look for one in the sentence before.
    """
    index, words, lowers = t.lex.cues, t.words, t.lowers
    out: list[tuple[int, int, str, bool]] = []
    for i in marks:
        # Cues are lower case in the text: "the United States said" holds no cue "states";
        # only a sentence may open with a capital one ("According to ...").
        phrases = index.get(words[i])
        if phrases is None and i == 0:
            phrases = index.get(lowers[i])
        if phrases is None:
            continue
        nxt = lowers[i + 1] if i + 1 < len(lowers) else None  # a phrase's second word, if any
        for rest, _key, direction in phrases:
            if rest and (rest[0] != nxt or not phrase_at(t, i, rest)):
                continue
            k = i + len(rest)
            if lowers[k] in t.lex.figure_verbs and _figure_follows(t, k):
                break  # "employers added 9,400 jobs": the actor, not a source
            if direction == EITHER:  # "..., said the ministry" vs "the ministry said"
                direction = BEFORE if i > 0 and t.joined(i) else AFTER
            if direction == BEFORE and i > 0 and lowers[i - 1] in _PRONOUNS and t.joined(i):
                party = _opening_party(t)
                lo, hi = party if party is not None else (t.starts[i - 1], t.ends[i - 1])
                text = " ".join(t.text[lo:hi].split()) if party is not None else ""
                out.append((t.starts[i - 1], t.ends[k], text, _introduces(t, k)))
                break
            party = _party_before(t, i) if direction == BEFORE else _party_after(t, k + 1)
            if party is None and direction == AFTER and i > 1 and t.gaps[i] == ", ":
                # an apposition: "its governor, Lena Korsgaard, said"; a name, not "citing police"
                party = _party_before(t, i, across_comma=True)
                if party is not None and t.text[party[0] : party[1]].islower():
                    party = None
            if party is not None:
                lo, hi = party
                text = " ".join(t.text[lo:hi].split())
                ahead = direction == BEFORE and _introduces(t, k)
                out.append((min(lo, t.starts[i]), max(hi, t.ends[k]), text, ahead))
            break
    return out


_PRONOUNS: Final = frozenset(("it", "they"))


def _introduces(t: Tokens, k: int) -> bool:
    """Does the cue ending at word ``k`` go on to what it reports ("says 38,000 people")?"""
    after = t.text[t.ends[k] : t.ends[k] + 2]
    if not after.startswith(" ") or len(after) < 2:
        return False
    if after[1].isdigit() or after[1] in "$€£¥":
        return True
    j = k + 1
    if j >= len(t.words) or not t.joined(j):
        return False
    role = t.roles.get(t.lowers[j], 0)
    return t.lowers[j] == "that" or bool(role & DET) or not role & STOP


def _figure_follows(t: Tokens, k: int) -> bool:
    rest = t.text[t.ends[k] : t.ends[k] + 4].lstrip()
    return bool(rest) and (rest[0].isdigit() or rest[0] in "$€£¥")


def _opening_party(t: Tokens) -> tuple[int, int] | None:
    """The noun phrase opening the sentence when it is a credible party ("Velora Motors")."""
    roles, lowers = t.roles, t.lowers
    n = len(lowers)
    i = 0
    while i < n and roles.get(lowers[i], 0) & DET:
        i += 1
    first = i
    while i < n and i - first < 6 and (i == first or t.joined(i)):
        r = roles.get(lowers[i], 0)
        if (r & (STOP | VERB) and not (i > 0 and t.words[i][0].isupper())) or (
            i > first and lowers[i].endswith("ed")
        ):
            break
        i += 1
    if i == first or not _credible(t, first, i - 1):
        return None
    return t.starts[first], t.ends[i - 1]


def opening_party(t: Tokens) -> str | None:
    """The text of the party opening a sentence, for a pronoun in the next one ("..., it said")."""
    party = _opening_party(t)
    return " ".join(t.text[party[0] : party[1]].split()) if party is not None else None


def _credible(t: Tokens, first: int, last: int) -> bool:
    """A party needs a name (a capital not explained by the sentence start) or an agent noun."""
    roles, words, lowers = t.roles, t.words, t.lowers
    while last > first and roles.get(lowers[last], 0) & FILLER and not _agent(roles, lowers[last]):
        last -= 1  # "customs data showed": the party is the customs
    head = lowers[last]
    if head.endswith(POSSESSIVE):
        head = head[:-2]
    if _agent(roles, head):
        return True
    return any(
        words[j][0].isupper() and not (j == 0 and roles.get(lowers[j], 0) & NOT_NAME)
        for j in range(first, last + 1)
    )


def _party_before(t: Tokens, i: int, across_comma: bool = False) -> tuple[int, int] | None:
    """The party named before a cue: "the Russian defence ministry said" -> its words."""
    roles, words, lowers = t.roles, t.words, t.lowers
    j = i - 1
    while j >= i - REACH and j >= 0 and roles.get(lowers[j], 0) & MODIFIER and t.joined(j + 1):
        j -= 1
    if j < 0 or not (t.joined(j + 1) or (across_comma and t.gaps[j + 1] == ", ")):
        return None
    last, first = j, -1
    named = False
    while j >= 0 and last - j < 8:
        if named and words[j] == lowers[j] and lowers[j] not in ("of", "for"):
            break  # "... to retire Anthony says": a party never has lower case before a name
        if (
            lowers[j] in ("of", "for")
            and first > j
            and j > 0
            and words[j - 1][0].isupper()
            and words[j + 1][0].isupper()
        ):
            pass  # "Ministry of Defence", "Office for National Statistics"
        elif (
            lowers[j] == "of"
            and first > j
            and j > 0
            and words[j + 1][0].isupper()
            and _agent(roles, lowers[j - 1])
        ):
            named = False  # "the border agency of Mirovia": the agency's words come next
        elif roles.get(lowers[j], 0) & STOP and not (j > 0 and words[j][0].isupper()):
            break  # a capital inside the sentence is part of a name: "US", "Red Cross"
        first = j
        named = named or words[j][0].isupper()
        if j == 0 or not t.joined(j):
            break
        j -= 1
    if first < 0 or lowers[first] == "of":
        return None
    if not _credible(t, first, last):
        return _party_before_place(t, first, last)
    return t.starts[first], t.ends[last]


def _party_before_place(t: Tokens, first: int, end: int) -> tuple[int, int] | None:
    """ "Officials in the province said": a party before a place ending at word ``end``."""
    roles, lowers = t.roles, t.lowers
    j = first - 1
    while j > 0 and roles.get(lowers[j], 0) & DET and t.joined(j + 1):
        j -= 1
    if j < 1 or lowers[j] != "in" or not t.joined(j + 1) or not t.joined(j):
        return None
    last = j - 1
    k = last
    while k >= 0 and last - k < 4 and not roles.get(lowers[k], 0) & STOP:
        if k == 0 or not t.joined(k):
            break
        k -= 1
    if roles.get(lowers[k], 0) & STOP:
        k += 1
    if k > last or not _credible(t, k, last):
        return None
    return t.starts[k], t.ends[end]


def _agent(roles: dict[str, int], word: str) -> bool:
    """Is ``word`` (or its singular) an agent noun ("ministry", "agencies")?"""
    if roles.get(word, 0) & AGENT:
        return True
    return word.endswith("s") and bool(roles.get(word[:-1], 0) & AGENT)


def _party_after(t: Tokens, j: int) -> tuple[int, int] | None:
    """The party named after a cue: "according to figures from the UN" -> "UN"."""
    roles, lowers = t.roles, t.lowers
    n = len(lowers)
    if j >= n or not t.joined(j):
        return None
    skip_to = j + REACH
    while (
        j < min(n - 1, skip_to) and roles.get(lowers[j], 0) & (DET | FILLER) and t.joined(j + 1)
    ):
        j += 1
    first, last = j, -1
    while j < n and j - first < 8:
        if lowers[j] == "of" and last >= 0:
            # "head of the Russian delegation": "of" (and a determiner) inside a name
            m = j + 1
            if m < n and roles.get(lowers[m], 0) & DET and t.joined(m):
                m += 1
            if m < n and t.joined(m) and not roles.get(lowers[m], 0) & STOP:
                j = m
                continue
            break
        if roles.get(lowers[j], 0) & STOP and not t.words[j][0].isupper():
            break  # a capital is part of the name: "the Nationwide building society"
        if last >= 0 and lowers[j].endswith("ed") and not t.words[j][0].isupper():
            break  # "a Gallup poll published on Tuesday": the party ends before the verb
        last = j
        if j + 1 >= n or not t.joined(j + 1):
            break
        j += 1
    if last < first or not _credible(t, first, last):
        return None
    return t.starts[first], t.ends[last]
