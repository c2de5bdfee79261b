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
from typing import Final

from ..regex_cache import compile_pattern


__all__ = ["FOLDS_TO_ASCII", "EntryPoints"]

# Non-ASCII characters that a case-insensitive pattern letter a-z matches: "İ" (i),
# "ı" (dotless i), "ſ" (long s), "K" (Kelvin sign). tests/unit/test_entry_points.py
# recomputes the set from every code point.
FOLDS_TO_ASCII: Final = "\u0130\u0131\u017f\u212a"

_WORD: Final = compile_pattern(r"\w++")
_DIGIT: Final = compile_pattern(r"\d")
_AFTER_GAP: Final = re.compile(rb" 0")  # in the tokens: a digit after a character that is no word's
_ASCII: Final = bytes(range(128))
# ASCII letters to lower case, digits to "0", "_" kept (a word character), all else a space
_TOKEN_BYTES: Final = bytes(
    c + 32 if 65 <= c <= 90 else 48 if 48 <= c <= 57 else c if c == 95 or 97 <= c <= 122 else 32
    for c in range(256)
)
# the tokens' letters to "a", their digits kept, all else a space: "a0" is a letter before a digit
_LETTER_DIGIT: Final = bytes(97 if 97 <= c <= 122 else 48 if c == 48 else 32 for c in range(256))
_SP: Final = "[ \u00a0]"


class EntryPoints:
    """Candidate offsets for atoms spelled with the given words.

    Args:
        openers: words an atom may open with (its first word, case-folded).
        glued: words that only open an atom when another word follows, spaces or one
            hyphen apart, mapped to the words that may follow ("a" -> "half", "dozen").
        marks: single characters that open an atom wherever they stand (vulgar fractions).
        names: fixed names (each opening with a word character) that :meth:`points` says
            a text may hold when it stands there with no word character on either side.
    """

    def __init__(
        self,
        openers: Iterable[str],
        glued: dict[str, Iterable[str]],
        marks: str,
        names: Iterable[str] = (),
    ) -> None:
        self.openers = frozenset(w.lower() for w in openers)
        self.glued = {w.lower(): tuple(sorted(f, key=len, reverse=True)) for w, f in glued.items()}
        for w in (*self.openers, *self.glued, *(f for fs in self.glued.values() for f in fs)):
            if _WORD.fullmatch(w) is None:
                raise ValueError(f"an atom's opening word must be one word: {w!r}")
        # a digit with no word character before it (the pattern starts with what it finds:
        # the engine skips to it fast); a decimal point before a digit is read off the digits
        self._digits = re.compile(r"\d(?<!\w\d)\w*+")
        # in a text that is not ASCII, one pass finds both the marks and the characters
        # that make it unsafe
        if not all(ord(c) > 127 for c in marks):
            raise ValueError(f"a mark must be a character beyond ASCII: {marks!r}")
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
        if not all(w.isascii() and w.isalpha() for w in looked_for):
            raise ValueError("an atom's opening words must be ASCII letters")
        self._looked = frozenset(w.encode() for w in looked_for)
        self._finders: dict[str, re.Pattern[str]] = {}
        # A name standing in a text with no word character on either side leaves each of
        # its tokens (coded as the text's are) among the text's tokens: a name with a letter
        # is looked up by its longest word, then by all its tokens; one with no letter is
        # looked for whole, after a character of it that is no digit (a quick test)
        by_key: dict[bytes, list[frozenset[bytes]]] = {}
        whole: list[tuple[str, str]] = []
        for name in names:
            if _WORD.match(name) is None:
                raise ValueError(f"a name must open with a word character: {name!r}")
            coded = name.encode().translate(_TOKEN_BYTES).split()
            lettered = [t for t in coded if t.strip(b"0")]
            if lettered:
                by_key.setdefault(max(reversed(lettered), key=len), []).append(frozenset(coded))
            else:
                whole.append((next((c for c in name if not c.isdigit()), name[0]), name))
        self._names_by_key = by_key
        self._name_keys = frozenset(by_key)
        self._name_tokens = frozenset(t for sets in by_key.values() for ts in sets for t in ts)
        self._whole_names = tuple(whole)
        self._wanted = self._looked | self._name_tokens

    def offsets(self, text: str) -> list[int] | None:
        """Sorted offsets in ``text`` where an atom may start, or None when this text
        must be searched instead (its lower case moves offsets, or it holds a
        character in ``FOLDS_TO_ASCII``)."""
        return self.points(text)[0]

    def points(self, text: str) -> tuple[list[int] | None, bool, bool, bool]:
        """:meth:`offsets`, whether ``text`` may hold a digit (False: it holds none), whether
        it may hold one of the ``names`` (False: it holds none), and whether a digit may
        stand right after an ASCII letter (False: none does, and no digit is beyond ASCII)."""
        # One C-level pass makes the text's ASCII words lower-case tokens (every other
        # character a space, every digit "0"); the words that matter are found by a set
        # intersection with them, then located one by one. A token is a superset: a
        # number word standing as a whole word in the text is always one of them.
        marks: list[int] = []
        if text.isascii():
            coded = text.encode()
            rest = ""
        else:
            coded = text.encode("utf-8", "surrogatepass")
            # the characters beyond ASCII, in order (a multi-byte character has no ASCII byte)
            rest = coded.translate(None, _ASCII).decode("utf-8", "surrogatepass")
            # "İ" is also the one character whose lower case is longer (a unit test says so)
            if self._rare.search(rest) is not None:
                for m in self._rare.finditer(text):
                    if m.group() in FOLDS_TO_ASCII:
                        return None, True, True, True
                    marks.append(m.start())
        tokens = coded.translate(_TOKEN_BYTES)
        wide = rest != "" and _DIGIT.search(rest) is not None  # a digit beyond ASCII
        digits = wide or b"0" in tokens
        glued = wide
        if wide:
            found = [m.start() for m in self._digits.finditer(text)]
        elif digits:
            found = _digit_starts(coded, tokens, rest != "")
            glued = b"a0" in tokens.translate(_LETTER_DIGIT)
        else:
            found = []
        if found and "." in text:
            # a point before a digit: that digit has no word character before it, so it is
            # among ``found`` already (no second pass over the text)
            found += [d - 1 for d in found if d and text[d - 1] == "."]
        found += marks
        # one pass over the tokens finds both the number words and the names' tokens
        hits = self._wanted.intersection(tokens.split())
        named = self._named(text, hits)
        words = self._looked.intersection(hits)
        if not words:
            found.sort()
            return found, digits, named, glued
        low = text.lower()
        present: set[str] = set()
        for coded_word in words:
            word = coded_word.decode()
            present.add(word)
            if word in self.openers:
                found += [m.start() for m in self._finder(word).finditer(low)]
        for word, follows in self.glued.items():
            if word in self.openers or present.isdisjoint(follows):
                continue
            lone = self._lone.get(word)
            if (word in present) if lone is None else (lone.search(low) is not None):
                found += [m.start() for m in self._finder(word).finditer(low)]
        found.sort()
        return found, digits, named, glued

    def _named(self, text: str, hits: frozenset[bytes]) -> bool:
        """False when ``text`` holds none of the names (``hits``: its tokens among those
        looked for)."""
        for probe, name in self._whole_names:
            if probe in text and name in text:
                return True
        found = self._name_tokens.intersection(hits)
        keys = self._name_keys.intersection(found)
        return any(ts <= found for k in keys for ts in self._names_by_key[k])

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


def _digit_starts(coded: bytes, tokens: bytes, wide: bool) -> list[int]:
    """The offsets of the ASCII digits with no ASCII word character before them (a
    superset of those with no word character before them), from the text's UTF-8
    ``coded`` and its ``tokens``; ``wide``: the text has characters beyond ASCII."""
    starts = [m.start() + 1 for m in _AFTER_GAP.finditer(tokens)]
    if tokens[:1] == b"0":
        starts.insert(0, 0)
    if not wide:
        return starts
    # byte offsets to character offsets: each stretch between two digits decoded once
    found: list[int] = []
    b0 = c0 = 0
    for b in starts:
        c0 += len(coded[b0:b].decode("utf-8", "surrogatepass"))
        b0 = b
        found.append(c0)
    return found
