"""The public extractor: text in, Claim records out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..claims import Claim
from ..documents import Document
from ..errors import OptionError
from .assemble import assemble
from .context import DocumentContext, document_context
from .scanner import scan

__all__ = ["extract"]


def extract(
    text: str | Document,
    *,
    doc_id: str | None = None,
    date: object = None,
    title: str | None = None,
    tolerances: Mapping[str, float] | None = None,
) -> list[Claim]:
    """Every quantitative claim in a document, in document order.

    Args:
        text: the document text, or a :class:`~figcheck.Document` whose ``meta`` may
            carry its ``date`` and ``title``.
        doc_id: the document's name, copied into every claim (default: the Document's
            id, or ``"doc"`` for a text).
        date: the document's date (``datetime.date`` or text such as ``"2024-03-07"``),
            against which relative periods are read; default ``meta["date"]``, else a
            dateline the text opens with.
        title: the document's title, which may name the subject of its figures;
            default ``meta["title"]``.
        tolerances: relative tolerance per hedge family, overriding the defaults in
            ``figcheck/data/hedges.toml`` (``approximate``, ``almost``, ``just``,
            ``verbal_fraction``).

    Raises:
        TypeError: ``text`` is neither a str nor a Document.
        ValueError: an unknown tolerance family or a tolerance outside [0, 1).
        DocumentError: the date cannot be read as a date.

    >>> [(c.text, c.bound.value, c.low, c.high) for c in extract("almost 14,000 civilians")]
    [('almost 14,000', '<~', 12600.0, 14000.0)]
    """
    meta: Mapping[str, Any] | None = None
    if isinstance(text, Document):
        doc_id = text.id if doc_id is None else doc_id
        meta = text.meta
        text = text.text
    elif not isinstance(text, str):
        raise OptionError(
            f"extract() needs the document text as str or a Document, got {type(text).__name__}"
        )
    doc_id = "doc" if doc_id is None else doc_id
    if not isinstance(doc_id, str):
        raise OptionError(f"doc_id must be a str, got {type(doc_id).__name__}")
    # the caller's date and title are checked first; a text with no figure needs no context
    doc: DocumentContext | None = None
    if date is not None or title is not None or meta:
        doc = document_context(text, date=date, title=title, meta=meta, doc_id=doc_id)
    found = scan(text, tolerances)
    if not found:
        return []
    if doc is None:
        doc = document_context(text, doc_id=doc_id)
    return assemble(text, found, doc, doc_id)
