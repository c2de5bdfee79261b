"""A sentence cut into tokens for the period step, and the points written in them.

Tokens are words, runs of digits, "'s" and single punctuation marks, each with its offsets.
:meth:`TimeTokens.point` reads one point in time starting at a token ("2023", "March 2024",
"25 March 2022", "June 15", "Saturday's", "the 1990s") as an unresolved spec;
:class:`~.timeref.Calendar` resolves it.

>>> t = TimeTokens("On 25 March 2022, the toll rose.", None)
>>> t.point(1)
(4, ('ymd', 2022, 3, 25))
"""

from __future__ import annotations

import datetime as dt
from itertools import accumulate
from typing import Final, Protocol

from ...lexicon.periods import PeriodLexicon, period_lexicon
from ...regex_cache import compile_pattern
from ...timespans import TimeSpan
from .timeref import Calendar, Spec

__all__ = ["PLAIN", "TimeTokens", "WordCut"]

# a token; what is between is blanks
_TOKEN_SPLIT: Final = compile_pattern(r"([^\W\d_]++|\d++|'s\b|\S)")
_TOKEN: Final = compile_pattern(r"[^\W\d_]++|\d++|'s\b|\S")
# What a plain sentence may hold besides ASCII other than "_": blanks, dashes, quotes and
# "…", none of them a letter, a digit or a word character, none changed by lower().
PLAIN: Final = (
    compile_pattern(r"[^\x00-\x5e\x60-\x7f\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026]")
)


class WordCut(Protocol):
    """A sentence cut into words, as :class:`~.sentence.Tokens` cuts it: each word a letter
    followed by letters and digits, joined by "'", "’" or "-"; ``gaps[i]`` is the text before
    word ``i`` and ``gaps[-1]`` trails the last."""

    words: list[str]
    gaps: list[str]
    starts: list[int]
    lowers: list[str]
# Capitalised words that may stand before a bare month at the start of a sentence.
_MONTH_LEAD: Final = frozenset(
    "in on since until by from during for of last this next early late mid between through "
    "to and or the".split()
)
# "on Sunday Kyiv said" is a day, "The Sunday Times" is not
_DAY_LEAD: Final = _MONTH_LEAD - {"the"}


class TimeTokens:
    """The tokens of one sentence (lower-case, original and offsets) with the look-ups the
    period readers share."""

    def __init__(
        self,
        sentence: str,
        date: dt.date | None,
        lex: PeriodLexicon | None = None,
        words: WordCut | None = None,
        *,
        plain: bool = False,
    ) -> None:
        lex = lex if lex is not None else period_lexicon()
        self.text = sentence.replace("’", "'")
        self.date = date
        self.lex = lex
        self.w = lex.words
        self.raw: list[str] = []
        self.low: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        # a plain sentence's digit runs are ASCII: a year among its tokens is one of a set
        self.plain = words is not None and _from_words(self, words, plain)
        if not self.plain:
            # [blanks, token, blanks, token, ..., blanks]: the offsets are running lengths
            parts = _TOKEN_SPLIT.split(self.text)
            offsets = list(accumulate(map(len, parts)))
            self.raw = parts[1::2]
            self.low = list(map(str.lower, self.raw))
            self.starts = offsets[:-1:2]
            self.ends = offsets[1::2]
        self.n = len(self.raw)

        self.cal = Calendar(date, lex)

    def tok(self, i: int) -> str:
        """Token ``i`` in lower case, or "" outside the sentence."""
        return self.low[i] if 0 <= i < self.n else ""

    def glued(self, i: int) -> bool:
        """Is token ``i`` written right after token ``i - 1``?"""
        return 0 < i < self.n and self.starts[i] == self.ends[i - 1]

    def num(self, i: int) -> int | None:
        """Token ``i`` as a number of at most four digits, else None."""
        t = self.low[i] if 0 <= i < self.n else ""
        return int(t) if t.isdigit() and len(t) <= 4 else None

    def year(self, i: int) -> int | None:
        """Token ``i`` as a year 1900-2099 standing on its own ("2019", not "2019%"), else None."""
        low, n = self.low, self.n
        t = low[i] if 0 <= i < n else ""
        if len(t) != 4 or not t.isdigit() or not ("1900" <= t <= "2099"):
            return None
        # ``i`` is a token here: the next one is glued when it starts where this one ends
        glued = i + 1 < n and self.starts[i + 1] == self.ends[i]
        nxt = low[i + 1] if i + 1 < n else ""
        if glued and (nxt.isalpha() and nxt != "s" or nxt in ("%", ",", ".") and
                      self.tok(i + 2).isdigit() and self.glued(i + 2)):
            return None  # "1999b", "2,024", "2019.5"
        if self.glued(i) and self.tok(i - 1) in ("$", "£", "€", ",", "."):
            return None
        if glued and nxt == "%":
            return None
        return int(t)

    def month(self, i: int) -> int | None:
        """Token ``i`` as a capitalised month name (an abbreviation needs "." or a day)."""
        t = self.low[i] if 0 <= i < self.n else ""
        m = self.lex.months.get(t)
        if m is None or not self.raw[i][0].isupper():
            return None
        if len(t) <= 4 and t not in ("may", "june", "july"):  # "Jan", "Sept": need "." or a day
            if not (self.tok(i + 1) == "." or self.num(i + 1) is not None):
                return None
        return m

    def skip(self, i: int, *words: str) -> int:
        """The first token at or after ``i`` that is not one of ``words``."""
        low, n = self.low, self.n
        while 0 <= i < n and low[i] in words:  # past the ends, the token "" is none of them
            i += 1
        return i

    # --- points -------------------------------------------------------------------------

    def point(self, i: int) -> tuple[int, Spec] | None:
        """A single point starting at token ``i``: its end token and unresolved spec."""
        y = self.year(i)
        if y is not None:
            nxt = self.low[i + 1] if i + 1 < self.n else ""  # ``i`` is a token here
            if nxt == "-" and self.glued(i + 1) and self.glued(i + 2):
                mo, d = self.num(i + 2), self.num(i + 4)
                if (mo and 1 <= mo <= 12 and len(self.tok(i + 2)) == 2 and self.tok(i + 3) == "-"
                        and d and 1 <= d <= 31 and len(self.tok(i + 4)) == 2):
                    return i + 5, ("ymd", y, mo, d)
            if nxt == "s" and self.glued(i + 1) and y % 10 == 0:
                return i + 2, ("dec", y)
            return i + 1, ("y", y)
        m = self.month(i)
        if m is not None:
            t = self.tok(i)
            abbreviated = len(t) <= 4 and t not in ("may", "june", "july")
            j = i + 1 + (abbreviated and self.tok(i + 1) == ".")
            d = self.num(j)
            if d is not None and 1 <= d <= 31 and self.year(j) is None:
                j = self.skip(j + 1, "st", "nd", "rd", "th")
                k = j + (self.tok(j) == ",")
                y = self.year(k)
                return (k + 1, ("ymd", y, m, d)) if y is not None else (j, ("md", m, d))
            k = j + (self.tok(j) == ",")
            y = self.year(k)
            if y is not None:
                return k + 1, ("ym", y, m)
            if i > 0 and self.raw[i - 1][:1].isupper() and self.low[i - 1] not in _MONTH_LEAD:
                return None  # "Theresa May", "Chief Executive June Smith"
            return j + (self.tok(j) == "'s"), ("m", m)
        d = self.num(i)
        if d is not None and 1 <= d <= 31 and len(self.tok(i)) <= 2:
            j = self.skip(i + 1, "st", "nd", "rd", "th")
            j = self.skip(j, "of")
            m = self.month(j)
            if m is not None:
                j += 1 + (len(self.tok(j)) <= 4 and self.tok(j + 1) == ".")
                y = self.year(j)
                return (j + 1, ("ymd", y, m, d)) if y is not None else (j, ("md", m, d))
            return None
        t = self.tok(i)
        wd = self.lex.weekdays.get(t)
        which = None
        if wd is None and t in ("last", "next", "this"):
            wd, which = self.lex.weekdays.get(self.tok(i + 1)), t
            i += wd is not None
        if wd is not None and len(self.tok(i)) > 4 and self.raw[i][0].isupper():
            if which is None and self.tok(i - 1) not in _DAY_LEAD and self.name_follows(i + 1):
                return None  # "The Sunday Times", "Monday Night Football"
            j = self.skip(i + 1, "'s")
            j = self.skip(j, *self.w["parts_of_day"])
            return j, ("wd", wd, which)
        return None

    def name_follows(self, j: int) -> bool:
        """Does a capitalised word (not a month or a weekday) follow at token ``j``?"""
        t = self.tok(j)
        return (t.isalpha() and self.raw[j][0].isupper() and t not in self.lex.months
                and t not in self.lex.weekdays)

    def phrase(self, i: int) -> tuple[int, tuple[str, ...]] | None:
        """The longest phrase of the phrase tables starting at token ``i``."""
        low = self.low
        for p in self.lex.phrases.get(self.tok(i), ()):
            if len(p) == 1 or (i + 1 < self.n and low[i + 1] == p[1]):
                if tuple(low[i : i + len(p)]) == p:
                    return i + len(p), p
        return None

    def count(self, i: int) -> int | None:
        """Token ``i`` as a count in digits or words ("12", "three"), else None."""
        n = self.num(i)
        return n if n is not None else self.lex.counts.get(self.tok(i))

    def year_pair(self, j: int, y: int) -> tuple[int, int]:
        """After the year at ``j``: ("-23" | "/2023")? -> (end token, end year)."""
        if self.tok(j + 1) in ("-", "–", "/") and self.tok(j + 2).isdigit():
            t = self.tok(j + 2)
            end = int(t) if len(t) == 4 else (y // 100) * 100 + int(t) if len(t) == 2 else -1
            if end == y + 1:
                return j + 3, end
        return j + 1, y

    def resolve(self, spec: Spec) -> TimeSpan | None:
        """The span ``spec`` names (see :class:`~.timeref.Calendar`)."""
        return self.cal.resolve(spec)


def _from_words(t: TimeTokens, cut: WordCut, plain: bool = False) -> bool:
    """Fill ``t``'s tokens from the words of a plain sentence (False, and nothing filled, when
    the sentence is not plain or a "'s" spans a gap and a word). ``plain``: the caller found
    the sentence plain (which reading "’" as "'" keeps)."""
    text = t.text
    if "_" in text or not (plain or text.isascii() or PLAIN.search(text) is None):
        return False
    words, gaps, starts, lowers = cut.words, cut.gaps, cut.starts, cut.lowers
    raw: list[str] = []
    low: list[str] = []
    begins: list[int] = []
    ends: list[int] = []
    at = 0  # where the current gap starts
    for word, gap, start, lower in zip(words, gaps, starts, lowers):
        if gap != " " and gap:
            if gap[-1] in "'’" and word[0] == "s" and (len(word) == 1 or not word[1].isalnum()):
                return False  # "the 1990's": the token "'s" starts in the gap
            mark = gap.strip()
            if len(mark) == 1:  # ", ", " (": one mark, a token of its own ("’" read as "'")
                at += gap.index(mark)
                raw.append(text[at])
                low.append(text[at])
                begins.append(at)
                ends.append(at + 1)
            elif mark.isdigit():  # " 2022 ": one run of (ASCII) digits, one token
                at += gap.index(mark)
                raw.append(mark)
                low.append(mark)
                begins.append(at)
                ends.append(at + len(mark))
            else:
                _cut(text[at : at + len(gap)], at, raw, low, begins, ends)  # "’" read as "'"
        at = start + len(word)
        if word.isalpha():  # a run of ASCII letters: one token
            raw.append(word)
            low.append(lower)
            begins.append(start)
            ends.append(at)
        else:
            _cut(text[start:at], start, raw, low, begins, ends)
    if gaps[-1] != " " and gaps[-1]:
        _cut(text[at:], at, raw, low, begins, ends)
    t.raw, t.low, t.starts, t.ends = raw, low, begins, ends
    return True


def _cut(
    piece: str, at: int, raw: list[str], low: list[str], starts: list[int], ends: list[int]
) -> None:
    """Append the tokens of ``piece``, which starts at offset ``at``."""
    for m in _TOKEN.finditer(piece):
        raw.append(m[0])
        low.append(m[0].lower())
        starts.append(at + m.start())
        ends.append(at + m.end())
