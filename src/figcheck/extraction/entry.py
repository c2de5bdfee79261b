"""Where an atom may start: a cheap pass over a text before the scanner's entry pattern.

The entry pattern (``Grammar.atom``) is a long alternation; searching with it tries
every alternative at every word boundary, which on ordinary prose is most of the
scan. :class:`EntryPoints` instead lists the offsets where an atom *can* start, with
a few C-level passes (digits; the words of the text that spell a number, found by a
set intersection and then located with one literal-prefixed pattern each), and the
scanner tries the entry pattern, anchored, only there.

The list is a superset of the offsets where the entry pattern matches, so an anchored
match at each candidate, in order, finds what a search would. It relies on
lower-casing keeping offsets and on ASCII letters matching case-insensitively only
ASCII letters; a text where either fails (a few characters, see ``FOLDS_TO_ASCII``)
gets ``None`` and is searched as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lexicon.literals import trie_alternation

__all__ = ["FOLDS_TO_ASCII", "EntryPoints"]

# Non-ASCII characters that a case-insensitive pattern letter a-z matches: "İ" (i),
# "ı" (dotless i), "ſ" (long s), "K" (Kelvin sign). tests/unit/test_entry_points.py
# recomputes the set from every code point.
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"

_WORD = re.compile(r"\w++")
_SP = "[ \u00a0]"


class EntryPoints:
    """Candidate offsets for atoms spelled with the given words.

    Args:
        openers: words an atom may open with (its first word, case-folded).
        glued: words that only open an atom when another word follows, spaces or one
            hyphen apart, mapped to the words that may follow ("a" -> "half", "dozen").
        marks: single characters that open an atom wherever they stand (vulgar fractions).
    """

    def __init__(
        self, openers: Iterable[str], glued: dict[str, Iterable[str]], marks: str
    ) -> None:
        self.openers = frozenset(w.lower() for w in openers)
        self.glued = {w.lower(): tuple(sorted(f, key=len, reverse=True)) for w, f in glued.items()}
        for w in (*self.openers, *self.glued, *(f for fs in self.glued.values() for f in fs)):
            if _WORD.fullmatch(w) is None:
                raise ValueError(f"an atom's opening word must be one word: {w!r}")
        # a digit with no word character before it (the pattern starts with what it finds:
        # the engine skips to it fast); a decimal point before a digit is read off the digits
        self._digits = re.compile(r"\d(?<!\w\d)")
        # in a text that is not ASCII, one pass finds both the marks and the characters
        # that make it unsafe
        self._rare = re.compile(f"[{FOLDS_TO_ASCII}{re.escape(marks)}]")
        # the openers and what may follow a glued word are found by one pass over the text;
        # a glued word that is neither ("a", "an": nearly every text has them) is looked for
        # on its own, and only when a word it glues to is there
        looked_for = self.openers.union(*self.glued.values())
        self._lone = {
            w: re.compile(rf"{re.escape(w)}(?<!\w{re.escape(w)})(?!\w)")
            for w in self.glued
            if w not in looked_for
        }
        self._words = re.compile(r"(?<!\w)" + trie_alternation(looked_for) + r"(?!\w)")
        self._finders: dict[str, re.Pattern[str]] = {}

    def offsets(self, text: str) -> list[int] | None:
        """Sorted offsets in ``text`` where an atom may start, or None when this text
        must be searched instead (its lower case moves offsets, or it holds a
        character in ``FOLDS_TO_ASCII``)."""
        low = text.lower()
        if len(low) != len(text):
            return None
        found = [m.start() for m in self._digits.finditer(text)]
        if found and "." in text:
            # a point before a digit: that digit has no word character before it, so it is
            # among ``found`` already (no second pass over the text)
            found += [d - 1 for d in found if d and text[d - 1] == "."]
        if not text.isascii():
            for m in self._rare.finditer(text):
                if m.group() in FOLDS_TO_ASCII:
                    return None
                found.append(m.start())  # a mark
        # one pass finds the words that matter, each standing as a whole word (not every
        # word of the text): an opener starts a candidate where it stands
        openers = self.openers
        words: set[str] = set()
        for m in self._words.finditer(low):
            word = m.group()
            words.add(word)
            if word in openers:
                found.append(m.start())
        for word, follows in self.glued.items():
            if word in openers or words.isdisjoint(follows):
                continue
            lone = self._lone.get(word)
            if (word in words) if lone is None else (lone.search(low) is not None):
                found += [m.start() for m in self._finder(word).finditer(low)]
        found.sort()
        return found

    def _finder(self, word: str) -> re.Pattern[str]:
        """The pattern locating ``word`` as a whole word (literal prefix: a fast search)."""
        pattern = self._finders.get(word)
        if pattern is None:
            w = re.escape(word)
            follow = self.glued.get(word)
            after = (
                rf"(?={_SP}*+-?{_SP}*+(?:{'|'.join(map(re.escape, follow))}))"
                if follow and word not in self.openers
                else r"(?!\w)"
            )
            pattern = re.compile(rf"{w}(?<!\w{w}){after}")
            self._finders[word] = pattern  # one dict store: safe across threads
        return pattern

