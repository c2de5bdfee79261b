"""What the document says about all its claims: its date, its title and the dateline it opens with.

Extraction reads each sentence with this record at hand, so a rule can resolve "last
year" against the document's date or fall back on the subject its title names. The date
comes from the caller (``Document.meta["date"]``, or ``extract(text, date=...)``) or,
when there is none, from a dateline the text opens with ("LONDON, March 3, 2024 -").

>>> doc = document_context("NAIROBI, March 7 (Reuters) - Rain fell.", date="2024-03-07")
>>> doc.date, doc.dateline
(datetime.date(2024, 3, 7), (0, 29))
>>> document_context("LONDON, Jan. 4, 2024 -- Prices rose.").date
datetime.date(2024, 1, 4)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from ...errors import DocumentError
from ...lexicon.months import month_numbers
from ...regex_cache import compile_pattern

__all__ = ["DocumentContext", "document_context", "parse_date"]

# A dateline opens the text: a place in capitals (with an optional state or country,
# "SPRINGFIELD, Ill."), an optional date, an optional agency in brackets, then a dash.
# Anchored at the start and bounded, so it is tried once and cannot backtrack far.
_DATELINE: Final = compile_pattern(
    r"""
    \s{0,4}+
    (?P<place>[A-Z][A-Z.'’\-]{1,30}(?:\ [A-Z][A-Z.'’\-]{0,30}){0,3})
    (?:,\ (?P<region>[A-Z][a-z]{1,12}\.?))?
    (?:,\ (?P<month>[A-Za-z]{3,9})\.?\ (?P<day>[0-3]?\d)(?:,\ (?P<year>(?:19|20)\d\d))?)?
    \ ?(?:\((?P<agency>[A-Za-z][A-Za-z .&]{0,30})\)\ ?)?
    (?:—|–|--|-)\ 
    """,
    re.VERBOSE,
)

# Dates written out in metadata: "2024-03-07", "March 7, 2024", "7 March 2024".
_ISO: Final = compile_pattern(r"((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ].*)?")
_MONTH_FIRST: Final = (
    compile_pattern(r"([A-Za-z]{3,9})\.? ([0-3]?\d)(?:st|nd|rd|th)?,? ((?:19|20)\d\d)")
)
_DAY_FIRST: Final = compile_pattern(
    r"([0-3]?\d)(?:st|nd|rd|th)? (?:of )?([A-Za-z]{3,9})\.?,? ((?:19|20)\d\d)")


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """The document-level facts every claim of one document shares.

    Attributes:
        date: the document's date (publication or dateline), or None.
        title: the document's title or headline, or None.
        dateline: ``(start, end)`` of the dateline opening the text, or None; it dates
            the report, never a figure, and its place is not a figure's subject.
        date_source: ``"meta"`` when the caller gave the date, ``"dateline"`` when the
            text stated it, None when there is no date.
    """

    date: dt.date | None = None
    title: str | None = None
    dateline: tuple[int, int] | None = None
    date_source: str | None = None


def parse_date(value: object, doc_id: str = "document") -> dt.date | None:
    """A document date from ``date``/``datetime`` objects or text ("2024-03-07", "March 7, 2024").

    None and blank text give None.

    Raises:
        DocumentError: the value is not a date figcheck can read; the message says which
            forms are accepted.

    >>> parse_date("7 March 2024")
    datetime.date(2024, 3, 7)
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = " ".join(value.split())
        if not text:
            return None
        try:
            if m := _ISO.fullmatch(text):
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            months = month_numbers()
            if (m := _MONTH_FIRST.fullmatch(text)) and m[1].lower() in months:
                return dt.date(int(m[3]), months[m[1].lower()], int(m[2]))
            if (m := _DAY_FIRST.fullmatch(text)) and m[2].lower() in months:
                return dt.date(int(m[3]), months[m[2].lower()], int(m[1]))
        except ValueError:
            pass  # "2024-02-30": reported below like any other unreadable date
    raise DocumentError(
        doc_id,
        f"the document date {value!r} is not a date; give a datetime.date or text such as "
        "'2024-03-07', 'March 7, 2024' or '7 March 2024'",
    )


def _dateline(text: str, year: int | None) -> tuple[tuple[int, int], dt.date | None] | None:
    """The dateline opening ``text`` and the date it states (with ``year`` if it has none)."""
    m = _DATELINE.match(text)
    if m is None or not (m["month"] or m["agency"]):
        return None  # "THE END - ..." or a heading in capitals: no date, no agency
    date = None
    if m["month"]:
        month = month_numbers().get(m["month"].lower())
        if month is None:
            return None
        year = int(m["year"]) if m["year"] else year
        if year is not None:
            try:
                date = dt.date(year, month, int(m["day"]))
            except ValueError:
                return None
    return (m.start("place"), m.end()), date


def document_context(
    text: str,
    *,
    date: object = None,
    title: object = None,
    meta: Mapping[str, Any] | None = None,
    doc_id: str = "document",
) -> DocumentContext:
    """The :class:`DocumentContext` of ``text``: its date and title, and any dateline.

    Args:
        text: the document text.
        date: the document's date (a ``datetime.date`` or text, see :func:`parse_date`).
        title: the document's title (anything else is refused).
        meta: a ``Document.meta`` mapping; its ``date`` and ``title`` are used where the
            arguments are None.
        doc_id: the document's name, for error messages.

    Raises:
        DocumentError: the date cannot be read, or the title is not text.
    """
    if meta:
        date = meta.get("date") if date is None else date
        title = meta.get("title") if title is None else title
    if title is not None and not isinstance(title, str):
        raise DocumentError(doc_id, f"the document title must be text, got {type(title).__name__}")
    title = " ".join(title.split()) or None if title else None
    day = parse_date(date, doc_id)
    found = _dateline(text, day.year if day else None)
    source = "meta" if day else None
    if found is not None and day is None and found[1] is not None:
        day, source = found[1], "dateline"
    return DocumentContext(
        date=day, title=title, dateline=found[0] if found else None, date_source=source
    )
