"""The block stage of a Dask run: the claims of whole blocks in, conflicts, corroborations and
every claim's status out.

Claims arrive shuffled by block (:func:`figcheck.checking.block_key`); each block is put back in
the run's order and checked with the functions of the local run:
:func:`figcheck.checking.check_block` (with the run's word counts), then
:func:`~figcheck.checking.statuses.claim_statuses` with what the document stage found about the
block's claims (reference comparisons, derived agreements). Fact group ids are the block's own
here; :mod:`figcheck.dask.groups` numbers them as the local run does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..checking.blocks import WordCounts, check_block
from ..checking.options import CheckOptions
from ..checking.statuses import claim_statuses
from ..report.columns import claims_frame, findings_frame, status_columns
from .rows import ClaimState, claims_of, rebuild_frame, states_of

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BlockPart", "check_partition", "coverage_meta"]


@dataclass
class BlockPart:
    """What the blocks of one partition gave: the conflict rows, the coverage rows (as
    :func:`coverage_meta`, then ``block``; fact groups still numbered inside each block), and
    how many fact group ids each block used."""

    findings: pd.DataFrame
    coverage: pd.DataFrame
    groups: dict[str, int]


def coverage_meta() -> pd.DataFrame:
    """An empty coverage frame: the claim columns, the status columns, then ``doc_order`` and
    ``claim_order``."""
    import pandas as pd

    out = status_columns(claims_frame([]), [], [])
    out["doc_order"] = pd.Series([], dtype="int64")
    out["claim_order"] = pd.Series([], dtype="int64")
    return out


def _check_block(block: str, rows: pd.DataFrame, counts: WordCounts, options: CheckOptions
                 ) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    rows = rows.sort_values(["doc_order", "claim_order"], kind="stable")
    states: list[ClaimState] = states_of(rows)
    claims = claims_of(rows, states)
    frames = [rebuild_frame(i, c, s) for i, (c, s) in enumerate(zip(claims, states,
                                                                       strict=True))]
    between = check_block(frames, counts, options)
    doc_of = dict(zip((c.doc_id for c in claims), rows["doc_order"].tolist(), strict=True))
    # The local run offers conflicts in its findings' order: document, then position.
    conflicts = sorted(between.findings, key=lambda f: (doc_of[f.claim.doc_id], f.claim.start))
    agreed = {key: corr for s in states for key, corr in s.agreements}
    corroborations = [*between.corroborations, *(agreed[k] for k in sorted(agreed))]
    comparisons = [s.comparison for s in states if s.comparison is not None]
    statuses = claim_statuses(claims, conflicts, corroborations, comparisons, between.statuses)
    coverage = status_columns(claims_frame(claims), claims, statuses)
    coverage["doc_order"] = rows["doc_order"].to_numpy()
    coverage["claim_order"] = rows["claim_order"].to_numpy()
    coverage["block"] = block
    return findings_frame(conflicts), coverage, between.groups


def check_partition(rows: pd.DataFrame, counts: WordCounts, options: CheckOptions
                    ) -> BlockPart:
    """Check every block of a partition of the shuffled claims frame (each block whole)."""
    import pandas as pd

    found = {str(key): _check_block(str(key), block, counts, options)
             for key, block in rows.groupby("block", sort=True)}
    if not found:
        empty = coverage_meta()
        empty["block"] = pd.Series([], dtype="str")
        return BlockPart(findings_frame([]), empty, {})
    return BlockPart(
        pd.concat([f for f, _, _ in found.values()], ignore_index=True),
        pd.concat([c for _, c, _ in found.values()], ignore_index=True),
        {key: n for key, (_, _, n) in found.items()},
    )
