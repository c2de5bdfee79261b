"""Derived checks: the arithmetic a document's own figures imply.

- ``change_mismatch`` (:mod:`.change`): a stated change against the levels it connects;
- ``sum_mismatch`` (:mod:`.sums`): parts the text says make up a whole, against the whole;
- ``share_mismatch`` (:mod:`.share`): a stated percentage against a part and a whole stated in
  other clauses or sentences;
- ``duration_mismatch`` (:mod:`.duration`): a duration against the dates it spans, with the
  document date for "since" and "so far".

All arithmetic is interval arithmetic on the claims' intervals (:mod:`.arith`); a relation is
reported only when no values inside the intervals satisfy it. Relations that hold come back as
corroborations that say whether they needed the rounding allowance. Cue words are data
(``figcheck/data/derived.toml``).

>>> from figcheck.extraction.extractor import extract
>>> text = "Exports rose 18% to $6.1 billion from $5.6 billion."
>>> found, _ = derived_findings(extract(text, doc_id="d"), {"d": text})
>>> [f.check.value for f in found]
['change_mismatch']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence

from ...claims import Claim, Kind
from ...findings import CheckId, Corroboration, Finding
from ...regex_cache import compile_pattern
from ..options import CheckOptions
from .change import check_changes
from .duration import check_durations
from .share import check_shares
from .sums import check_sums
from .view import DocView, document_date

__all__ = ["DERIVED_CHECKS", "derived_findings", "document_date"]

DERIVED_CHECKS: frozenset[CheckId] = frozenset({
    CheckId.CHANGE_MISMATCH, CheckId.SUM_MISMATCH, CheckId.SHARE_MISMATCH,
    CheckId.DURATION_MISMATCH,
})

Result = tuple[list[Finding], list[Corroboration]]


DateInfo = dt.date | None | tuple[dt.date | None, tuple[int, int] | None]


# A duration written in words, which needs no claim of the extractor ("the month-long strike").
_DURATION_WORDS = compile_pattern(r"-long\b|\b(?:past|last|its|their|second|third|fourth|fifth)\s+"
                             r"(?:decade|year|month|week|day)", re.IGNORECASE)


def _worth_reading(text: str, claims: Sequence[Claim]) -> bool:
    """False for a document no derived relation can come from: fewer than two figures, no
    "from A to B" and no duration (every relation reads two figures, or a duration and a date)."""
    if len(claims) >= 2 or any(c.kind in (Kind.DURATION, Kind.RANGE) for c in claims):
        return True
    return _DURATION_WORDS.search(text) is not None


def derived_findings(claims: Sequence[Claim], texts: Mapping[str, str],
                     dates: Mapping[str, DateInfo] | None = None,
                     options: CheckOptions | None = None) -> Result:
    """Findings and corroborations of the derived checks, for every document in ``texts``.

    Args:
        claims: the claims of the documents (others are ignored).
        texts: document id -> text; a document without its text is not checked.
        dates: document id -> publication date, for durations measured to now, or
            (date, dateline span): dates inside the dateline are not read.
        options: the run's options (``checks`` selects which of the four run).
    """
    opts = options or CheckOptions()
    runs: list[tuple[CheckId, Callable[[DocView], Result]]] = [
        (CheckId.CHANGE_MISMATCH, lambda v: check_changes(v, opts.tolerances)),
        (CheckId.SUM_MISMATCH, check_sums),
        (CheckId.SHARE_MISMATCH, lambda v: check_shares(v, opts.tolerances)),
        (CheckId.DURATION_MISMATCH, check_durations),
    ]
    runs = [(c, fn) for c, fn in runs if opts.runs(c)]
    if not runs:
        return [], []
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.doc_id, []).append(c)
    findings: list[Finding] = []
    agree: list[Corroboration] = []
    for doc_id, text in texts.items():
        doc_claims = by_doc.get(doc_id, [])
        info = (dates or {}).get(doc_id)
        date, dateline = info if isinstance(info, tuple) else (info, None)
        if not _worth_reading(text, doc_claims):
            continue
        view = DocView(doc_id, text, doc_claims, date, skip=dateline)
        for _, fn in runs:
            f, a = fn(view)
            findings.extend(f)
            agree.extend(a)
    return findings, agree
