"""Positions in a document: sentence boundaries and line/column lookup."""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Callable
from typing import Any

__all__ = ["LINE_BREAK", "NON_ASCII_SPACES", "LineIndex", "replace_surrogates", "sentence_spans"]


@functools.cache  # compiled when first needed: most runs never need it
def _fallback_end() -> re.Pattern[str]:
    """Used only when sentencex cannot be used: a sentence ends at . ! ? followed by space
    and a capital or a quote, or at a blank line."""
    return re.compile(r"[.!?][\"'”’)\]]*+\s++(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n")


#: Every line break ``str.splitlines()`` knows, "\r\n" as one break (the pattern opens with
#: its character class, so a search skips fast to the next break).
LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029](?:(?<=\r)\n)?")

_SURROGATE = re.compile("[\ud800-\udfff]")

#: Every character beyond ASCII that ``str.isspace()`` accepts (a unit test recomputes the list
#: from every code point, so a Unicode update that adds a space fails it).
NON_ASCII_SPACES = (
    "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)

# sentencex (Rust) panics when a multi-byte space follows an abbreviation or an initial
# ("A\u2028.", "J\u2002. Smith"), and cannot take lone surrogates at all. It is given a
# copy of the text of the same length in characters in which every non-ASCII space is an
# ASCII one (line and paragraph separators a newline) and every surrogate U+FFFD, so its
# offsets still point into the original. The spaces as sentencex is given them, each replaced by str.replace when the text holds it
# (a test by ``in`` skips through the text far faster than the pattern's search).
_UNSAFE_SPACES = tuple((c, "\n" if c in "\x85\u2028\u2029" else " ") for c in NON_ASCII_SPACES)
_SPLITTER_SAFE = dict(_UNSAFE_SPACES)


@functools.cache  # compiled when first needed: only a text with a lone surrogate needs it
def _splitter_unsafe() -> re.Pattern[str]:
    """What the mapping changes, and the lone surrogates (U+FFFD): replaced where found."""
    return re.compile("[" + NON_ASCII_SPACES + "\ud800-\udfff]")


def _splitter_safe(m: re.Match[str]) -> str:
    return _SPLITTER_SAFE.get(m.group(), "\ufffd")


def _splitter_text(text: str) -> str:
    """``text`` with the characters sentencex cannot take mapped as ``_SPLITTER_SAFE`` says."""
    if text.isascii():
        return text  # every character the mapping changes is non-ASCII
    try:
        text.encode()  # fails on a lone surrogate
    except UnicodeEncodeError:
        return _splitter_unsafe().sub(_splitter_safe, text)
    for space, repl in _UNSAFE_SPACES:  # each becomes ASCII: the order does not matter
        if space in text:
            text = text.replace(space, repl)
    return text


MAX_SENTENCE = 1000
"""Longest run treated as one sentence; longer runs (tables, unpunctuated dumps) are cut at
whitespace so that per-sentence work stays bounded and extraction stays linear."""


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate (undecodable bytes from ``surrogateescape``) as U+FFFD.

    Such a str cannot be written as UTF-8; this is the form used for output.

    >>> replace_surrogates("report\\udc80.txt")
    'report\\ufffd.txt'
    """
    return _SURROGATE.sub("\ufffd", text)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences of ``text``, in order.

    A sentence longer than ``MAX_SENTENCE`` characters is cut into pieces at whitespace.
    """
    out: list[tuple[int, int]] = []
    for s, e in _raw_sentence_spans(text):
        while e - s > MAX_SENTENCE:
            cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
            cut = cut + 1 if cut > s else s + MAX_SENTENCE
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


def _fallback_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _fallback_end().finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _raw_sentence_spans(text: str) -> list[tuple[int, int]]:
    if not text:
        return []
    splitter = _splitter()
    if splitter is None:  # pragma: no cover - sentencex is a dependency; keep working without it
        return _fallback_spans(text)
    segment, boundaries = splitter
    safe = _splitter_text(text)
    try:
        # the sentences alone cost a third of their boundaries (no dict per sentence); when
        # they put the text back together, their lengths are the boundaries' offsets
        pieces = segment("en", safe)
        if "".join(pieces) == safe:
            return _spans_of(pieces)
        found = boundaries("en", safe)
    except Exception:  # noqa: BLE001 - a splitter bug must not lose the document
        return _fallback_spans(text)
    except BaseException as exc:  # a Rust panic is a BaseException (pyo3 PanicException)
        if type(exc).__name__ != "PanicException":
            raise
        return _fallback_spans(text)
    return [se for se in map(_BOUNDS, found) if se[1] > se[0]]


def _spans_of(pieces: list[str]) -> list[tuple[int, int]]:
    """(start, end) of consecutive ``pieces`` of a text, empty ones left out."""
    out: list[tuple[int, int]] = []
    start = 0
    for piece in pieces:
        if piece:
            end = start + len(piece)
            out.append((start, end))
            start = end
    return out


_Segment = Callable[[str, str], list[str]]
_Boundaries = Callable[[str, str], list[dict[str, Any]]]


@functools.cache
def _splitter() -> tuple[_Segment, _Boundaries] | None:
    """sentencex's ``segment`` and ``get_sentence_boundaries``, imported once (None without it)."""
    try:
        from sentencex import get_sentence_boundaries, segment
    except ImportError:  # pragma: no cover
        return None
    return segment, get_sentence_boundaries


_BOUNDS = operator.itemgetter("start_index", "end_index")


class LineIndex:
    """1-based line and column of a character offset, lines as ``str.splitlines()`` cuts them.

    >>> LineIndex("a\\r\\nb\\u2028c").locate(5)
    (3, 1)
    """

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]

    def locate(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1
