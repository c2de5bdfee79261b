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


@dataclass
class DocView:
    """A document's text, sentence spans, claims (document order), date and dateline."""

    doc_id: str
    text: str
    claims: Sequence[Claim]
    date: dt.date | None = None
    skip: tuple[int, int] | None = None  # a dateline: its date is the document's, not a figure
    sentences: list[tuple[int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)
    _lines: LineIndex | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = _by_line(self.text, sentence_spans(self.text) or [(0, len(self.text))])
        self._starts = [s for s, _ in self.sentences]
        self.claims = sorted(self.claims, key=lambda c: c.start)

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
        return [c for c in self.claims if s <= c.start < e]

    def covered(self, start: int, end: int) -> bool:
        """True when some claim overlaps ``[start, end)``."""
        return any(c.start < end and c.end > start for c in self.claims)

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
