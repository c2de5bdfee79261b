"""The document stage of a Dask run: one partition of documents in, its claims and the checks
that read one document out.

Everything here is what :func:`figcheck.check` does for each document, with the same
functions: reading (extraction, the words it mentions, its date), frames, the claim-level and
derived checks, and the reference comparison (the table is broadcast to every worker). What needs the whole run (the words' rarity, which
words name subjects) is counted here and summed afterwards; alignment waits for the block stage.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..checking.blocks import WordCounts, block_key
from ..checking.claim_level import claim_level_findings
from ..checking.frames import Frame, frames_of
from ..checking.options import CheckOptions
from ..checking.per_document import LocalResults
from ..checking.streaming import read_document
from ..claims import Claim
from ..findings import Comparison, Corroboration, Finding
from ..reference import ReferenceTable
from ..report.columns import findings_frame
from .inputs import documents_of
from .rows import ClaimState, claims_part, doc_order_key, frame_state

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DocumentPart", "block_of", "claim_rows_of", "findings_of", "read_partition", "run_counts",
]

# The block of a claim whose unit compares with nothing (block key ""): one per document, as
# such a claim pairs with none, so no worker has to hold all of them.
_ALONE = "(alone) "


@dataclass
class DocumentPart:
    """What one partition of documents gave: claims (in input order), their frames, orders and
    comparisons, the derived agreements, the findings of the per-document checks, the words
    of its subjects and its document ids."""

    claims: list[Claim] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    orders: list[tuple[int, int]] = field(default_factory=list)
    comparisons: list[Comparison | None] = field(default_factory=list)
    agreements: list[list[tuple[tuple[int, int], Corroboration]]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    all_comparisons: list[Comparison] = field(default_factory=list)
    subject_words: set[str] = field(default_factory=set)
    doc_ids: list[str] = field(default_factory=list)


def block_of(frame: Frame) -> str:
    """The block key of a claim as text (a claim that pairs with nothing is alone in its
    document's own block)."""
    return block_key(frame) or _ALONE + frame.claim.doc_id


def read_partition(items: Iterable[object], part: int, table: ReferenceTable | None,
                   options: CheckOptions) -> DocumentPart:
    """Read and check, document by document, partition number ``part`` of the input, as
    :func:`figcheck.check` reads each document (:func:`~figcheck.checking.streaming.
    read_document`, then :meth:`~figcheck.checking.per_document.LocalResults.add_document`)."""
    out = DocumentPart()
    for position, doc in enumerate(documents_of(items)):
        order = doc_order_key(part, position)
        read = read_document(doc, options.tolerances)
        claims = read.claims
        local = LocalResults()
        local.add_document(doc.id, doc.text, claims, read.date, table, options)
        out.findings.extend(claim_level_findings(claims, options))
        out.findings.extend(local.derived)
        out.findings.extend(local.mismatches)
        out.all_comparisons.extend(local.comparisons)
        comparisons: list[Comparison | None] = [None] * len(claims)
        index = {(c.start, c.end): i for i, c in enumerate(claims)}
        for comparison in local.comparisons:
            i = index.get((comparison.claim.start, comparison.claim.end))
            if i is not None:
                comparisons[i] = comparison
        agreed: list[list[tuple[tuple[int, int], Corroboration]]] = [[] for _ in claims]
        for k, agreement in enumerate(local.agreements):
            for c in (agreement.claim, agreement.other):
                i = index.get((c.start, c.end))
                if i is not None and c.doc_id == doc.id:
                    agreed[i].append(((order, k), agreement))
        frames = frames_of(claims, {doc.id: read.mentions})
        for f in frames:
            out.subject_words.update(f.subject)
        out.doc_ids.append(doc.id)
        out.claims.extend(claims)
        out.frames.extend(frames)
        out.orders.extend((order, i) for i in range(len(claims)))
        out.comparisons.extend(comparisons)
        out.agreements.extend(agreed)
    return out


def run_counts(part: DocumentPart) -> tuple[WordCounts, set[str], list[str]]:
    """What the run sums of a partition: its word counts, its subject words, its document ids."""
    return WordCounts.of(part.frames), part.subject_words, part.doc_ids


def claim_rows_of(part: DocumentPart, subject_words: frozenset[str]) -> pd.DataFrame:
    """The claims frame of a partition (:data:`~figcheck.dask.rows.ROW_COLUMNS`); each claim's
    state keeps of its document's words only those that name a subject somewhere in the run."""
    states = []
    kept: dict[int, frozenset[str]] = {}  # one reduced set per document, shared by its claims
    for frame, comparison, agreed in zip(part.frames, part.comparisons, part.agreements,
                                         strict=True):
        mentions = kept.get(id(frame.mentions))
        if mentions is None:
            mentions = kept[id(frame.mentions)] = frame.mentions & subject_words
        states.append(ClaimState(frame_state(frame), mentions, comparison, tuple(agreed)))
    blocks = [block_of(f) for f in part.frames]
    return claims_part(part.claims, part.orders, blocks, states)


def findings_of(part: DocumentPart) -> pd.DataFrame:
    """The findings of the per-document checks of a partition, as discrepancy rows."""
    return findings_frame(part.findings, part.all_comparisons)
