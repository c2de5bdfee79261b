"""Positions in a document: sentence boundaries and line/column lookup."""

from __future__ import annotations

import bisect
import re

__all__ = ["LineIndex", "sentence_spans"]

# Used only when sentencex cannot be imported: a sentence ends at . ! ? followed by space
# and a capital or a quote, or at a blank line.
_FALLBACK_END = re.compile(r"[.!?][\"'”’)\]]*+\s++(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n")


MAX_SENTENCE = 1000
"""Longest run treated as one sentence; longer runs (tables, unpunctuated dumps) are cut at
whitespace so that per-sentence work stays bounded and extraction stays linear."""


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


def _raw_sentence_spans(text: str) -> list[tuple[int, int]]:
    if not text:
        return []
    try:
        from sentencex import get_sentence_boundaries
    except ImportError:  # pragma: no cover - sentencex is a dependency; keep working without it
        spans, start = [], 0
        for m in _FALLBACK_END.finditer(text):
            spans.append((start, m.end()))
            start = m.end()
        if start < len(text):
            spans.append((start, len(text)))
        return spans
    spans = []
    for b in get_sentence_boundaries("en", text):
        s, e = b["start_index"], b["end_index"]
        if e > s:
            spans.append((s, e))
    return spans


class LineIndex:
    """1-based line and column of a character offset."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def locate(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1
