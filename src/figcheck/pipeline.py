"""The checker: documents (and reference tables) in, a :class:`~figcheck.report.Report` out.

>>> import figcheck.pipeline as checker
>>> checker.check("No figures here.").ok
True
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .checking.options import CheckOptions
from .checking.against_reference import compare_with_reference
from .checking.align import align
from .checking.between_claims import compare_aligned
from .checking.statuses import claim_statuses
from .checking.claim_level import claim_level_findings
from .checking.derived import derived_findings
from .claims import Claim
from .documents import Document, load_documents
from .errors import DocumentError, OptionError
from .extraction.context import document_context
from .extraction.extractor import extract
from .findings import CheckId, Finding
from .reference import ReferenceTable
from .report import Report

__all__ = ["as_documents", "check", "check_claims"]

_CHECK_ORDER = {c: i for i, c in enumerate(CheckId)}
# Longest string still tested for being a file name by mistake (see as_documents).
_PATHLIKE_MAX = 1024


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
                stacklevel=4,
            )
        return Document(f"doc{i}", item)
    raise OptionError(
        f"documents must be Document, pathlib.Path or str (text), got {type(item).__name__}"
    )


def as_documents(documents: object) -> list[Document]:
    """Documents from Documents, ``pathlib.Path`` objects, str texts, or an iterable of these.

    A Path is read as UTF-8; a str is the text itself, with id ``doc<N>`` (its 1-based position).
    Ids must be unique.
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
    docs = [_one(item, i) for i, item in enumerate(items, 1)]
    seen: set[str] = set()
    for doc in docs:
        if doc.id in seen:
            raise DocumentError(doc.id, "two documents have this id; ids must be unique")
        seen.add(doc.id)
    return docs


def _extract_one(args: tuple[Document, Mapping[str, float] | None]) -> list[Claim]:
    doc, tolerances = args  # the Document carries its date and title to extraction
    if tolerances is None:
        return extract(doc)
    return extract(doc, tolerances=tolerances)


def _extract_all(docs: Sequence[Document], options: CheckOptions) -> list[list[Claim]]:
    jobs = [(d, options.tolerances) for d in docs]
    workers = min(options.workers, len(docs))
    if workers <= 1:
        return _reported((_extract_one(j) for j in jobs), docs, options)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        chunk = max(1, len(jobs) // (4 * workers))
        return _reported(pool.map(_extract_one, jobs, chunksize=chunk), docs, options)


def _reported(results: Iterable[list[Claim]], docs: Sequence[Document], options: CheckOptions
              ) -> list[list[Claim]]:
    """The results, in order, calling ``options.progress`` with each document's id as it comes."""
    out = []
    for doc, claims in zip(docs, results, strict=False):
        out.append(claims)
        if options.progress is not None:
            options.progress(doc.id)
    return out


def _run(claims: list[Claim], texts: Mapping[str, str], doc_ids: Sequence[str],
         table: ReferenceTable | None, options: CheckOptions,
         dates: Mapping[str, Any] | None = None) -> Report:
    findings: list[Finding] = claim_level_findings(claims, options)
    alignment = align(claims, texts, strict_periods=options.strict_periods)
    between = compare_aligned(claims, alignment, options)
    findings.extend(between.findings)
    corroborations = between.corroborations
    derived, agreements = derived_findings(claims, texts, dates, options)
    findings.extend(derived)
    corroborations = [*corroborations, *agreements]
    comparisons = []
    if table is not None:
        comparisons, mismatches = compare_with_reference(claims, table, texts=texts,
                                                         options=options)
        findings.extend(mismatches)
    order = {d: i for i, d in enumerate(doc_ids)}
    findings.sort(key=lambda f: (order.get(f.claim.doc_id, len(order)), f.claim.start,
                                 _CHECK_ORDER[f.check]))
    statuses = claim_statuses(claims, findings, corroborations, comparisons, alignment,
                              between.weak)
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
            ``Path`` for files), or an iterable of these.
        reference: a ReferenceTable, a DataFrame, a .csv/.parquet path, or a list of these.
        **options: see :class:`figcheck.CheckOptions` (``tolerances``,
            ``reference_tolerance``, ``conflation_tolerance``, ``measure_tolerance``,
            ``strict_periods``, ``context_chars``, ``jobs``, ``checks``, ``progress``);
            defaults are in ``figcheck/data/checks.toml``. An unknown option is a TypeError.

    Returns:
        A Report with every claim, the findings, the reference comparisons and corroborations.
    """
    opts = CheckOptions.create(**options)
    docs = as_documents(documents)
    table = ReferenceTable.load(reference) if reference is not None else None
    per_doc = _extract_all(docs, opts)
    claims = [c for doc_claims in per_doc for c in doc_claims]
    # The date "since" and "so far" are measured to: meta["date"], else the text's dateline
    # (which dates the report and is never a date of its arithmetic).
    contexts = {d.id: document_context(d.text, meta=d.meta, doc_id=d.id) for d in docs}
    dates = {k: (c.date, c.dateline) for k, c in contexts.items()}
    return _run(claims, {d.id: d.text for d in docs}, [d.id for d in docs], table, opts, dates)


def check_claims(claims: Iterable[Claim], reference: object = None, *,
                 texts: Mapping[str, str] | None = None, **options: Any) -> Report:
    """Run the checks on claims already extracted (or built by hand).

    ``texts`` (document id -> text) lets reference matching read the paragraph around a claim;
    its ids, then those of the claims, are the report's documents, in that order.
    """
    opts = CheckOptions.create(**options)
    claim_list = list(claims)
    table = ReferenceTable.load(reference) if reference is not None else None
    doc_ids = list(dict.fromkeys([*(texts or {}), *(c.doc_id for c in claim_list)]))
    return _run(claim_list, dict(texts or {}), doc_ids, table, opts)
