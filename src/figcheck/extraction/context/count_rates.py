"""Counts per span of time: "3,000 tests a day", "an average of 20 per week"."""

from __future__ import annotations

from ...lexicon.scanner import lexicon as scanner_lexicon

__all__ = ["count_rate"]


def count_rate(sentence: str, at: int) -> str | None:
    """The time unit a count is per when a rate phrase ("a day", "per week") starts at ``at``.

    ``at`` is the end of the counted noun, or of the figure when it names none. A span of
    time followed by "ago", "earlier", "later" or the like is a time, not a rate ("20 jobs
    a year ago"); other denominators ("a mile") are left alone.

    >>> count_rate("ran 3,000 tests a day", 15), count_rate("hired 20 staff a year ago", 14)
    ('day', None)
    """
    lex = scanner_lexicon()
    m = lex.per_re.match(sentence, at)
    if m is None:
        return None
    form = lex.unit_forms[m.group("u").casefold()]
    return form.unit if form.kind == "duration" else None
