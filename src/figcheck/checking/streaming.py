"""Documents streamed through extraction: each document's claims, the words it mentions and its
date, in input order, read in this process or in batches by worker processes.

A document's text is needed only while it is read (and by the checks that read one document
alone); what outlives it is its compact claims and the words it mentions. Documents may come
from a generator: they are taken as needed, a bounded number of batches ahead of the results.

>>> from figcheck.documents import Document
>>> [(d.id, len(r.claims)) for d, r in read_documents([Document("a", "12 people died.")])]
[('a', 1)]
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..claims import Claim, claim_from_record, claim_record
from ..documents import Document, load_documents
from ..errors import DocumentError, OptionError
from ..extraction.context import document_context
from ..extraction.extractor import extract
from .frames import document_mentions

if TYPE_CHECKING:  # worker processes only when jobs > 1: multiprocessing stays out of a short run
    from concurrent.futures import Future

__all__ = ["BATCH_CHARS", "BATCH_DOCUMENTS", "DocumentRead", "iter_documents", "read_documents"]

#: A worker's batch closes at this many characters of text, or this many documents.
BATCH_CHARS = 200_000
BATCH_DOCUMENTS = 200
#: Batches sent ahead per worker, so a generator of documents is read only so far ahead.
_AHEAD = 2
# Longest string still tested for being a file name by mistake (see iter_documents).
_PATHLIKE_MAX = 1024


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class DocumentRead:
    """One document after extraction: what checking needs of it once its text is gone."""

    doc_id: str
    claims: list[Claim]
    #: The words the document mentions, as alignment reads them (its text stands in otherwise).
    mentions: tuple[str, ...]
    #: (date, dateline span): the date "since" and "so far" are measured to.
    date: tuple[dt.date | None, tuple[int, int] | None]


def _one(item: object, i: int) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, Path):
        return load_documents([item])[0]
    if isinstance(item, str):
        if (
            "\n" not in item
            and len(item) <= _PATHLIKE_MAX
            and item.strip()
            and os.path.isfile(item)
        ):
            warnings.warn(
                f"{item!r} names a file but strings are checked as text; pass "
                f"pathlib.Path({item!r}) or use figcheck.load_documents() to read it",
                UserWarning,
                stacklevel=6,
            )
        return Document(f"doc{i}", item)
    raise OptionError(
        f"documents must be Document, pathlib.Path or str (text), got {type(item).__name__}"
    )


def iter_documents(documents: object) -> Iterator[Document]:
    """Documents, one at a time, from Documents, ``pathlib.Path`` objects, str texts, or an
    iterable (a generator too) of these; a Path is read only when its turn comes.

    A str is the text itself, with id ``doc<N>`` (its 1-based position). Ids must be unique:
    a repeated id raises DocumentError when it is reached.
    """
    items: Iterable[object]
    if isinstance(documents, Document | Path | str):
        items = [documents]
    elif isinstance(documents, Iterable):
        items = documents
    else:
        raise OptionError(
            "documents must be a Document, a Path, a str or an iterable of them, "
            f"got {type(documents).__name__}"
        )
    seen: set[str] = set()
    for i, item in enumerate(items, 1):
        doc = _one(item, i)
        if doc.id in seen:
            raise DocumentError(doc.id, "two documents have this id; ids must be unique")
        seen.add(doc.id)
        yield doc


def read_document(doc: Document, tolerances: Mapping[str, float] | None = None) -> DocumentRead:
    """The claims of one document, the words it mentions and its date."""
    claims = extract(doc) if tolerances is None else extract(doc, tolerances=tolerances)
    ctx = document_context(doc.text, meta=doc.meta, doc_id=doc.id)
    return DocumentRead(doc.id, claims, document_mentions(doc.text), (ctx.date, ctx.dateline))


_Packed = tuple[str, list[tuple[Any, ...]], tuple[str, ...], tuple[Any, Any]]


def _read_batch(batch: list[Document], tolerances: Mapping[str, float] | None) -> list[_Packed]:
    """A worker's job: a batch of documents read, claims as plain tuples (one pickle back)."""
    out = []
    for doc in batch:
        r = read_document(doc, tolerances)
        out.append((r.doc_id, [claim_record(c) for c in r.claims], r.mentions, r.date))
    return out


def _unpacked(packed: list[_Packed]) -> list[DocumentRead]:
    # words come back as new strings: interned again, so documents share them (as in-process)
    return [DocumentRead(doc_id, [claim_from_record(t) for t in records],
                         tuple(map(sys.intern, mentions)), date)
            for doc_id, records, mentions, date in packed]


def _batches(docs: Iterator[Document]) -> Iterator[list[Document]]:
    batch: list[Document] = []
    chars = 0
    for doc in docs:
        batch.append(doc)
        chars += len(doc.text)
        if chars >= BATCH_CHARS or len(batch) >= BATCH_DOCUMENTS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def read_documents(documents: Iterable[Document], *, jobs: int = 1,
                   tolerances: Mapping[str, float] | None = None
                   ) -> Iterator[tuple[Document, DocumentRead]]:
    """Each document with what was read from it, in input order.

    With ``jobs`` > 1 the documents go in batches (:data:`BATCH_CHARS` characters or
    :data:`BATCH_DOCUMENTS` documents) to that many worker processes, which send the claims
    back as plain tuples, one pickle per batch; at most two batches per worker are read ahead
    of the results. Input that makes a single batch is read in this process.
    """
    batches = _batches(iter(documents))
    head = [b for b in (next(batches, None), next(batches, None)) if b is not None]
    if jobs <= 1 or len(head) < 2:
        for batch in _chain(head, batches):
            for doc in batch:
                yield doc, read_document(doc, tolerances)
        return
    from concurrent.futures import ProcessPoolExecutor

    extract("Warm-up: 12 people.")  # lexicons and units loaded once, before workers fork
    pool = ProcessPoolExecutor(max_workers=jobs)
    pending: deque[tuple[list[Document], Future[list[_Packed]]]] = deque()
    try:
        for batch in _chain(head, batches):
            pending.append((batch, pool.submit(_read_batch, batch, tolerances)))
            if len(pending) >= _AHEAD * jobs:
                yield from _done(pending.popleft())
        while pending:
            yield from _done(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _chain(head: list[list[Document]], rest: Iterator[list[Document]]
           ) -> Iterator[list[Document]]:
    yield from head
    yield from rest


def _done(job: tuple[list[Document], Future[list[_Packed]]]
          ) -> Iterator[tuple[Document, DocumentRead]]:
    batch, future = job
    yield from zip(batch, _unpacked(future.result()), strict=True)
