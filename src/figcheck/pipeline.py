"""The checker: documents (and reference tables) in, a :class:`~figcheck.report.Report` out.

>>> import figcheck.pipeline as checker
>>> checker.check("No figures here.").ok
True
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .checking.options import CheckOptions
from .checking.blocks import check_between
from .checking.per_document import LocalResults
from .checking.statuses import claim_statuses
from .checking.claim_level import claim_level_findings
from .claims import Claim
from .documents import Document
from .findings import CheckId, Finding
from .report import Report
from .checking.streaming import iter_documents, read_documents

if TYPE_CHECKING:
    from .reference import ReferenceTable

__all__ = ["as_documents", "check", "check_claims"]

_CHECK_ORDER = {c: i for i, c in enumerate(CheckId)}


def as_documents(documents: object) -> list[Document]:
    """Documents from Documents, ``pathlib.Path`` objects, str texts, or an iterable of these.

    A Path is read as UTF-8; a str is the text itself, with id ``doc<N>`` (its 1-based position).
    Ids must be unique.
    """
    return list(iter_documents(documents))


def _table(reference: object) -> ReferenceTable | None:
    """The reference tables given (None without any); the table module is imported only then."""
    if reference is None:
        return None
    from .reference.table import ReferenceTable

    return ReferenceTable.load(reference)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused, if it runs, and restarted after.

    Checking builds millions of small objects that form no reference cycles (frames, evidence,
    records): each of the collector's passes would walk every one of them still alive, a fifth
    of the checking time at 100k claims, for nothing. Plain reference counting frees them.
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


def _run(claims: list[Claim], mentions: Mapping[str, str | Collection[str]],
         doc_ids: Sequence[str], local: LocalResults, options: CheckOptions,
         texts: Mapping[str, str]) -> Report:
    """The checks across claims, merged with the one-document results ``local``.

    ``mentions`` maps a document id to its text or the words it mentions (for alignment);
    ``texts`` are kept in the Report (for its HTML page).
    """
    with _collector_paused():
        return _checked(claims, mentions, doc_ids, local, options, texts)


def _checked(claims: list[Claim], mentions: Mapping[str, str | Collection[str]],
             doc_ids: Sequence[str], local: LocalResults, options: CheckOptions,
             texts: Mapping[str, str]) -> Report:
    findings: list[Finding] = claim_level_findings(claims, options)
    between = check_between(claims, mentions, options)
    findings.extend(between.findings)
    corroborations = [*between.corroborations, *local.agreements]
    findings.extend(local.derived)
    comparisons = local.comparisons
    findings.extend(local.mismatches)
    order = {d: i for i, d in enumerate(doc_ids)}
    findings.sort(key=lambda f: (order.get(f.claim.doc_id, len(order)), f.claim.start,
                                 _CHECK_ORDER[f.check]))
    statuses = claim_statuses(claims, findings, corroborations, comparisons, between.statuses)
    return Report(
        claims=tuple(claims),
        findings=tuple(findings),
        comparisons=tuple(comparisons),
        corroborations=tuple(corroborations),
        statuses=statuses,
        documents=tuple(doc_ids),
        texts=texts,
    )


def check(documents: object, reference: object = None, **options: Any) -> Report:
    """Extract the claims of ``documents`` and check them against each other and ``reference``.

    Args:
        documents: Document objects, ``pathlib.Path`` objects (read as UTF-8 files), or str
            (always the text itself, never a file name: use :func:`figcheck.load_documents` or
            ``Path`` for files), or an iterable of these. An iterator or generator is read
            one document at a time and each text is dropped once its document is checked on its
            own (the Report then keeps no texts: pass them to ``to_html``); a list's texts are
            kept in ``Report.texts``.
        reference: a ReferenceTable, a DataFrame, a .csv/.parquet path, or a list of these.
        **options: see :class:`figcheck.CheckOptions` (``tolerances``,
            ``reference_tolerance``, ``conflation_tolerance``, ``measure_tolerance``,
            ``strict_periods``, ``context_chars``, ``jobs``, ``checks``, ``progress``);
            defaults are in ``figcheck/data/checks.toml``. An unknown option is a TypeError.
            ``jobs=N`` reads the documents in N worker processes, in batches.

    Returns:
        A Report with every claim, the findings, the reference comparisons and corroborations.
    """
    opts = CheckOptions.create(**options)
    table = _table(reference)
    keep = not isinstance(documents, Iterator)  # a generator's texts are dropped once read
    claims: list[Claim] = []
    doc_ids: list[str] = []
    mentions: dict[str, tuple[str, ...]] = {}
    texts: dict[str, str] = {}
    local = LocalResults()
    for doc, read in read_documents(iter_documents(documents), jobs=opts.workers,
                                    tolerances=opts.tolerances):
        claims.extend(read.claims)
        doc_ids.append(doc.id)
        mentions[doc.id] = read.mentions
        local.add_document(doc.id, doc.text, read.claims, read.date, table, opts)
        if keep:
            texts[doc.id] = doc.text
        if opts.progress is not None:
            opts.progress(doc.id)
    return _run(claims, mentions, doc_ids, local, opts, texts)


def check_claims(claims: Iterable[Claim], reference: object = None, *,
                 texts: Mapping[str, str] | None = None, **options: Any) -> Report:
    """Run the checks on claims already extracted (or built by hand).

    ``texts`` (document id -> text) lets reference matching read the paragraph around a claim;
    its ids, then those of the claims, are the report's documents, in that order.
    """
    opts = CheckOptions.create(**options)
    claim_list = list(claims)
    table = _table(reference)
    doc_ids = list(dict.fromkeys([*(texts or {}), *(c.doc_id for c in claim_list)]))
    texts = dict(texts or {})
    local = LocalResults.of_all(claim_list, texts, table, opts)
    return _run(claim_list, texts, doc_ids, local, opts, texts)
