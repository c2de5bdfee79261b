"""Subjects: the names, places and parties in a sentence, and the one a claim belongs to."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ...lexicon.context import NOT_NAME, PLACE_PREP, SKIP, VERB
from .sentence import POSSESSIVE, SentenceContext, Tokens, nearest

__all__ = ["claim_subject", "names_outside", "subject_names"]

def _known_subject(subjects: dict[str, str], word: str) -> str | None:
    if word.endswith(POSSESSIVE):
        word = word[:-2]
    found = subjects.get(word)
    if found is None and word.endswith("s"):  # "Ukrainians"
        found = subjects.get(word[:-1])
    return found


def subject_names(t: Tokens) -> list[tuple[int, int, str]]:
    """Subject candidates with their offsets.

    Known places and demonyms count anywhere; other capitalised names when possessive,
    after "in"/"of", or opening a clause before a lower-case verb.
    """
    subjects, words, lowers, gaps = t.lex.subjects, t.words, t.lowers, t.gaps
    out: list[tuple[int, int, str]] = []
    # ASCII capitals sort before "a"; other scripts need the slower test
    caps = [i for i, w in enumerate(words) if w < "a" or (w >= "\xc0" and w[0].isupper())]
    run: list[int] = []
    prev = -2
    for i in caps:
        if run and not (
            i == prev + 1
            and (gaps[i] == " " or t.joined(i))
            and lowers[prev][-2:] not in POSSESSIVE
        ):
            _name_run(t, run, out)
            run = []
        prev = i
        word = words[i]
        known = subjects.get(word)
        if known is None and word[-1] == "s":
            known = _known_subject(subjects, word)
        if known is None:
            run.append(i)
            continue
        if run:
            _name_run(t, run, out)
            run = []
        out.append((t.starts[i], t.ends[i], known))
    if run:
        _name_run(t, run, out)
    return out


def _name_run(t: Tokens, run: list[int], out: list[tuple[int, int, str]]) -> None:
    """Add the name in a run of capitalised words if its position makes it a subject."""
    roles, words, lowers = t.roles, t.words, t.lowers
    g0 = run[0]
    before = g0 - 1
    while run and roles.get(lowers[run[0]], 0) & NOT_NAME:
        before = run.pop(0)
    # "More" alone is no name, though "New" in "New Zealand" is part of one
    if not run or (len(run) == 1 and roles.get(lowers[run[0]], 0) & SKIP):
        return
    first, last = run[0], run[-1]
    possessive = lowers[last].endswith(POSSESSIVE)
    prep = before - 1 if before > 0 and lowers[before] == "the" and t.joined(before + 1) else before
    place = prep >= 0 and roles.get(lowers[prep], 0) & PLACE_PREP and t.joined(prep + 1)
    if not (possessive or place):
        # A clause subject: opens its clause and is followed by a verb, a listed one or
        # a past tense ("Russia lost", "Tesla jumped"; not "Screen sizes").
        nxt = last + 1
        if not (
            (g0 == 0 or not t.joined(g0))
            and nxt < len(words)
            and words[nxt].islower()
            and words[nxt] not in t.lex.cues
            and (roles.get(words[nxt], 0) & VERB or words[nxt].endswith("ed"))
            and t.joined(nxt)
        ):
            return
    end = t.ends[last] - 2 if possessive else t.ends[last]
    name = " ".join(t.text[t.starts[first] : end].split())
    out.append((t.starts[first], t.ends[last], t.lex.subjects.get(name, name)))


def names_outside(
    names: list[tuple[int, int, str]], sources: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The names that do not start inside any (sorted) source extent."""
    los = [src[0] for src in sources]
    reach: list[int] = []  # furthest end among the extents so far
    for src in sources:
        reach.append(max(src[1], reach[-1]) if reach else src[1])
    kept = []
    for name in names:
        k = bisect_right(los, name[0]) - 1
        if k < 0 or reach[k] <= name[0]:
            kept.append(name)
    return kept


def claim_subject(
    sc: SentenceContext,
    start: int,
    end: int,
    rlo: int,
    rhi: int,
    soft: tuple[int, int],
    hard: tuple[int, int],
) -> str | None:
    """The subject nearest the claim at ``[start, end)``: attached to it first, then in its clause."""
    names = sc.names
    if not names:
        return None
    t = sc.tokens
    starts, ends, lowers = t.starts, t.ends, t.lowers
    # Attached to the claim: "Ukraine's 152", "Russian soldiers", "the population of Ukraine".
    j = bisect_left(starts, rlo) - 1
    if j >= 0 and t.text[ends[j] : rlo].isspace():
        rlo = starts[j]
    j = bisect_left(starts, rhi)
    if j < len(starts) and lowers[j] == "of" and t.text[rhi : starts[j]].isspace():
        rhi = ends[min(j + 2, len(starts) - 1)]
    found = nearest(names, start, end, rlo, rhi, lambda c: c[1] <= rhi)
    if found is not None:
        return found
    for a, b in (soft, hard):
        found = nearest(names, start, end, a, b)
        if found is not None:
            return found
    return None
