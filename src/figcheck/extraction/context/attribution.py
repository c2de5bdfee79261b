"""Attribution: who a sentence says states its figures ("the ministry said", "according to the UN")."""

from __future__ import annotations

from ...lexicon.context import AFTER, AGENT, BEFORE, DET, EITHER, FILLER, MODIFIER, NOT_NAME, STOP
from .sentence import POSSESSIVE, REACH, Tokens, phrase_at

__all__ = ["attributions"]

def attributions(t: Tokens, marks: list[int]) -> list[tuple[int, int, str]]:
    """Every attribution in the sentence: (start, end, party), the extent covering cue and party."""
    index, words = t.lex.cues, t.words
    out: list[tuple[int, int, str]] = []
    for i in marks:
        # Cues are lower case in the text: "the United States said" holds no cue "states".
        phrases = index.get(words[i])
        if phrases is None:
            continue
        for rest, _key, direction in phrases:
            if rest and not phrase_at(t, i, rest):
                continue
            k = i + len(rest)
            if direction == EITHER:  # "..., said the ministry" vs "the ministry said"
                direction = BEFORE if i > 0 and t.joined(i) else AFTER
            party = _party_before(t, i) if direction == BEFORE else _party_after(t, k + 1)
            if party is not None:
                lo, hi = party
                text = " ".join(t.text[lo:hi].split())
                out.append((min(lo, t.starts[i]), max(hi, t.ends[k]), text))
            break
    return out


def _credible(t: Tokens, first: int, last: int) -> bool:
    """A party needs a name (a capital not explained by the sentence start) or an agent noun."""
    roles, words, lowers = t.roles, t.words, t.lowers
    head = lowers[last]
    if head.endswith(POSSESSIVE):
        head = head[:-2]
    if roles.get(head, 0) & AGENT:
        return True
    return any(
        words[j][0].isupper() and not (j == 0 and roles.get(lowers[j], 0) & NOT_NAME)
        for j in range(first, last + 1)
    )


def _party_before(t: Tokens, i: int) -> tuple[int, int] | None:
    """The party named before a cue: "the Russian defence ministry said" -> its words."""
    roles, words, lowers = t.roles, t.words, t.lowers
    j = i - 1
    while j >= i - REACH and j >= 0 and roles.get(lowers[j], 0) & MODIFIER and t.joined(j + 1):
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
        elif roles.get(lowers[j], 0) & STOP:
            break
        first = j
        named = named or words[j][0].isupper()
        if j == 0 or not t.joined(j):
            break
        j -= 1
    if first < 0 or lowers[first] == "of" or not _credible(t, first, last):
        return None
    return t.starts[first], t.ends[last]


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
        if roles.get(lowers[j], 0) & STOP:
            break
        last = j
        if j + 1 >= n or not t.joined(j + 1):
            break
        j += 1
    if last < first or not _credible(t, first, last):
        return None
    return t.starts[first], t.ends[last]
