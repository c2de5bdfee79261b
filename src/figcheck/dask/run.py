"""A figcheck run on Dask: documents in, claims, findings and coverage out as Dask DataFrames.

The graph has two stages joined by one shuffle:

1. **documents** (one task per input partition, :mod:`.document_stage`): extraction, frames,
   claim-level and derived checks, and the reference comparison (the table is one object every
   task reads); the run's sums (word counts, subject words) are reduced from small per-partition
   counts;
2. **blocks** (one task per partition after ``shuffle(on="block")``, :mod:`.block_stage`):
   alignment, conflicts and corroborations, and each claim's status; fact group ids are then
   numbered as the local run numbers them (:mod:`.groups`, from one count per block).

Nothing is computed until the caller computes a frame; compute ``findings`` and ``coverage``
together (:meth:`DaskCheck.compute`) so the stages run once.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..checking.blocks import WordCounts
from ..checking.options import CheckOptions
from ..errors import DocumentError, OptionError
from ..reference import ReferenceTable
from ..report.columns import findings_frame
from .block_stage import check_partition, coverage_meta
from .document_stage import claim_rows_of, findings_of, read_partition, run_counts
from .groups import number_groups, renumbered
from .imports import dask_dataframe, dask_delayed
from .inputs import partitions
from .rows import claims_part

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

__all__ = ["DaskCheck", "check", "claims"]


@dataclass(frozen=True)
class DaskCheck:
    """The Dask DataFrames of a run.

    Attributes:
        claims: one row per claim: the claim columns, then ``doc_order``, ``claim_order``,
            ``block`` and ``state`` (:mod:`figcheck.dask.rows`).
        findings: one row per finding, the columns of :meth:`figcheck.Report.to_frame`.
        coverage: one row per claim, the columns of :meth:`figcheck.Report.claims_frame`
            (the claim, its status, why, the evidence, its fact group), then ``doc_order`` and
            ``claim_order`` (sorting by both gives the local run's order of claims).
    """

    claims: dd.DataFrame
    findings: dd.DataFrame
    coverage: dd.DataFrame

    def compute(self, **kwargs: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
        """``(findings, coverage)`` as pandas frames, in the order of :meth:`figcheck.Report.
        to_frame` and of the claims; ``kwargs`` go to ``dask.compute`` (e.g. ``scheduler=``)."""
        import dask

        findings, coverage = dask.compute(self.findings, self.coverage, **kwargs)
        findings = findings.sort_values(["doc_id", "line", "column", "end", "check"],
                                        kind="stable", ignore_index=True)
        coverage = coverage.sort_values(["doc_order", "claim_order"], ignore_index=True)
        return findings, coverage.drop(columns=["doc_order", "claim_order"])


def _options(options: dict[str, Any]) -> CheckOptions:
    if options.get("progress") is not None:
        raise OptionError("option 'progress' is not available on Dask: use Dask's own "
                          "progress bar or dashboard")
    return CheckOptions.create(**options)


def _totals(parts: Sequence[tuple[WordCounts, set[str], list[str]]]
            ) -> tuple[WordCounts, frozenset[str]]:
    """The run's word counts and subject words; ids must be unique across the run."""
    words: Counter[str] = Counter()
    n = 0
    subjects: set[str] = set()
    seen: set[str] = set()
    for counts, subject_words, doc_ids in parts:
        words.update(counts.df)
        n += counts.n
        subjects |= subject_words
        for doc_id in doc_ids:
            if doc_id in seen:
                raise DocumentError(doc_id, "two documents have this id; ids must be unique")
            seen.add(doc_id)
    return WordCounts(n, dict(words)), frozenset(subjects)


def _stages(documents: object, reference: object, npartitions: int | None,
            options: dict[str, Any]) -> tuple[dd.DataFrame, list[Any], Any, Any]:
    dd = dask_dataframe()
    delayed = dask_delayed().delayed
    opts = _options(options)
    table = ReferenceTable.load(reference) if reference is not None else None
    run = uuid.uuid4().hex
    table_d = delayed(table, name=f"figcheck-table-{run}", traverse=False)
    opts_d = delayed(opts, name=f"figcheck-options-{run}", traverse=False)
    read = [delayed(read_partition)(p, i, table_d, opts_d)
            for i, p in enumerate(partitions(documents, npartitions))]
    totals = delayed(_totals)([delayed(run_counts)(r) for r in read])
    counts, subjects = totals[0], totals[1]
    meta = claims_part([], [], [], [])
    if not read:
        return dd.from_pandas(meta, npartitions=1), [], counts, opts_d
    claims = dd.from_delayed([delayed(claim_rows_of)(r, subjects) for r in read], meta=meta,
                             verify_meta=False)
    return claims, read, counts, opts_d


def claims(documents: object, *, npartitions: int | None = None, **options: Any
           ) -> dd.DataFrame:
    """The claims of ``documents`` as a Dask DataFrame, one row per claim (columns as
    :attr:`DaskCheck.claims`).

    ``documents`` is a ``dask.bag`` of Documents (or of mappings with ``id``, ``text`` and
    optionally ``date`` and ``title``), a Dask DataFrame with those columns, or anything
    :func:`figcheck.check` takes (split into ``npartitions``). ``options`` are those of
    :func:`figcheck.check` (``jobs`` is left to Dask; ``progress`` is not available).
    """
    found, _, _, _ = _stages(documents, None, npartitions, options)
    return found


def check(documents: object, reference: object = None, *, npartitions: int | None = None,
          **options: Any) -> DaskCheck:
    """Check ``documents`` on Dask: the same findings and statuses as :func:`figcheck.check`.

    Args:
        documents: see :func:`claims`.
        reference: a ReferenceTable, a DataFrame, a .csv/.parquet path, or a list of these;
            loaded here and shared by every task.
        npartitions: partitions for input that is not already a bag or a Dask DataFrame.
        **options: the options of :func:`figcheck.check`.

    Returns:
        A :class:`DaskCheck` of lazy frames; nothing runs until they are computed.
    """
    dd = dask_dataframe()
    delayed = dask_delayed().delayed
    found, read, counts, opts_d = _stages(documents, reference, npartitions, options)
    if not read:
        empty = dd.from_pandas(findings_frame([]), npartitions=1)
        return DaskCheck(found, empty, dd.from_pandas(coverage_meta(), npartitions=1))
    doc_findings = dd.from_delayed([delayed(findings_of)(r) for r in read],
                                   meta=findings_frame([]), verify_meta=False)
    shuffled = found.shuffle(on="block", npartitions=len(read))
    blocks = [delayed(check_partition)(p, counts, opts_d) for p in shuffled.to_delayed()]
    numbers = delayed(number_groups)([b.groups for b in blocks])
    coverage = dd.from_delayed([delayed(renumbered)(b.coverage, numbers) for b in blocks],
                               meta=coverage_meta(),
                               verify_meta=False)
    conflicts = dd.from_delayed([b.findings for b in blocks], meta=findings_frame([]),
                                verify_meta=False)
    return DaskCheck(found, dd.concat([doc_findings, conflicts]), coverage)
