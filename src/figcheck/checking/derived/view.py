"""One document as the derived checks read it: its sentences, its claims and its date.

The derived checks also read figures the extractor leaves as context (dates, "tripled", "a third
higher", the bare items of a list of seats). :meth:`DocView.make_claim` turns such a span into a
Claim record, so a finding can carry every figure its arithmetic used.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...claims import Bound, Change, Claim, Kind
from ...text import LineIndex, sentence_spans

__all__ = ["DocView", "document_date"]


def document_date(meta: Mapping[str, Any] | None) -> dt.date | None:
    """The date in ``meta["date"]`` (a ``date``, ``datetime`` or ISO ``YYYY-MM-DD`` string), or None.

    >>> document_date({"date": "2024-02-05"})
    datetime.date(2024, 2, 5)
    >>> document_date({"date": "spring"}) is None
    True
    """
    if not meta:
        return None
    value = meta.get("date")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _by_line(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans cut again at line breaks: a new line (a paragraph, a quote) never
    continues a sentence's arithmetic."""
    out = []
    for s, e in spans:
        cut = text.find("\n", s, e)
        while cut != -1 and cut < e - 1:
            if text[s:cut].strip():
                out.append((s, cut + 1))
            s = cut + 1
            cut = text.find("\n", s, e)
        out.append((s, e))
    return out


@dataclass(eq=False, repr=False)
class DocView:
    """A document's text, sentence spans, claims (document order), date and dateline."""

    doc_id: str
    text: str
    claims: Sequence[Claim]
    date: dt.date | None = None
    skip: tuple[int, int] | None = None  # a dateline: its date is the document's, not a figure
    sentences: list[tuple[int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)
    _claim_starts: list[int] = field(default_factory=list, repr=False)
    _longest: int = field(default=0, repr=False)
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)  # per-document caches
    _lines: LineIndex | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = _by_line(self.text, sentence_spans(self.text) or [(0, len(self.text))])
        self._starts = [s for s, _ in self.sentences]
        self.claims = sorted(self.claims, key=lambda c: c.start)
        self._claim_starts = [c.start for c in self.claims]
        # Claims never overlap by more than their own length: the longest bounds a look-back.
        self._longest = max((c.end - c.start for c in self.claims), default=0)

    @property
    def folded(self) -> str:
        """The text in lower case (cached), for quick "does it mention ..." tests."""
        if "folded" not in self.memo:
            self.memo["folded"] = self.text.casefold()
        return self.memo["folded"]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding character ``offset``."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def sentence_text(self, index: int) -> str:
        """The text of sentence ``index``."""
        s, e = self.sentences[index]
        return self.text[s:e]

    def claims_in(self, index: int) -> list[Claim]:
        """The claims whose start lies in sentence ``index``."""
        s, e = self.sentences[index]
        return self.claims_between(s, e)

    def claims_between(self, start: int, end: int) -> list[Claim]:
        """The claims whose start lies in ``[start, end)``, in document order."""
        i = bisect.bisect_left(self._claim_starts, start)
        j = bisect.bisect_left(self._claim_starts, end)
        return list(self.claims[i:j])

    def previous_end(self, offset: int) -> int:
        """The end of the last claim that ends at or before ``offset`` (0 if none)."""
        i = bisect.bisect_left(self._claim_starts, offset)
        ends = [c.end for c in self.claims[max(0, i - 8):i] if c.end <= offset]
        return max(ends, default=0)

    def covered(self, start: int, end: int) -> bool:
        """True when some claim overlaps ``[start, end)``."""
        return any(c.end > start for c in self.claims_between(start - self._longest, end))

    def make_claim(self, start: int, end: int, *, kind: Kind, value: float, low: float,
                   high: float, unit: str, rule: str, bound: Bound = Bound.EQ,
                   change: Change | None = None) -> Claim:
        """A Claim record for ``text[start:end]``, placed in its sentence."""
        if self._lines is None:
            self._lines = LineIndex(self.text)
        line, column = self._lines.locate(start)
        s, e = self.sentences[self.sentence_index(start)]
        return Claim(
            doc_id=self.doc_id, start=start, end=end, text=self.text[start:end],
            sentence=self.text[s:e], sentence_start=s, sentence_end=e, line=line, column=column,
            kind=kind, value=value, low=min(low, value), high=max(high, value), unit=unit,
            bound=bound, change=change, rule=rule,
        )
