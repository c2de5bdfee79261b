"""Checking between claims block by block: the unit that a local run and a cluster share.

Alignment never pairs claims of different :func:`block_key` (their unit dimensions differ), so
checking between claims splits into independent blocks. A run is checked in four steps, and
checking every block of a run gives what checking the whole run gives:

1. **Frames, per document.** :func:`~figcheck.checking.frames.frames_of` reads each claim's
   frame; it needs the other claims of the claim's sentence (and the document's text, for what
   the document mentions), so it runs on whole documents, before claims are moved.
2. **Word counts, summed.** :meth:`WordCounts.of` counts the words near each figure; the counts
   of parts of a run add up (``a + b``) to the run's, which weigh shared words in every block.
3. **Blocks.** Frames are grouped by :func:`block_key`, each block kept in the run's order.
4. **Each block.** :func:`check_block` aligns the block's frames and compares its fact groups:
   conflicts, corroborations, and each claim's status from checking between claims. Fact group
   ids are numbered inside the block; :meth:`BlockResult.renumbered` shifts them, and
   :func:`check_between` numbers a run's blocks one after the other in order of their keys.

>>> from figcheck.extraction.extractor import extract
>>> claims = (extract("Floods killed 1,627 people last year.", doc_id="a")
...           + extract("Last year 1,672 people died in the floods.", doc_id="b"))
>>> [block_key(c) for c in claims]
['[count]', '[count]']
>>> frames = frames_of(claims)
>>> result = check_block(frames, WordCounts.of(frames))
>>> [(f.claim.text, f.other.text) for f in result.findings], result.groups
([('1,672', '1,627')], 1)
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..claims import Claim
from ..findings import ClaimStatus, Corroboration, Finding, compact_record
from .align import WordCounts, align_frames
from .between_claims import compare_aligned
from .frames import Frame, frames_of, unit_dimension
from .intervals import per_time
from .options import CheckOptions
from .statuses import between_statuses

__all__ = ["BlockResult", "WordCounts", "block_key", "check_between", "check_block", "frames_of"]


_MONEY = "[currency]"


def block_key(claim: Claim | Frame) -> str:
    """The alignment's blocking key of a claim (or its frame): its unit dimension
    (``'[count]'``, ``'[length]'``), ``'[currency]'`` for a sum of money in any currency,
    ``''`` for a unit that compares with nothing. Claims of different keys are never the same
    fact."""
    if isinstance(claim, Frame):
        dim = claim.dimension or ""
    else:
        dim = unit_dimension(per_time(claim.unit)[0]) or ""  # "£180 a year" is a sum of money
    # Sums in two currencies may state one fact (figcheck.checking.currencies): one block.
    return _MONEY if dim.startswith("[currency_") and " " not in dim else dim


@dataclass(frozen=True)
class BlockResult:
    """What checking between claims found in one block (or a run of blocks).

    ``findings`` are the conflicts; ``corroborations`` the agreements across documents;
    ``statuses`` one :class:`~figcheck.findings.ClaimStatus` per claim of the block, in the
    block's order (conflict, corroborated, or unchecked with the reason); ``groups`` the number
    of fact group ids used (1..groups); ``pairs_scored`` the candidate pairs scored.
    """

    findings: tuple[Finding, ...]
    corroborations: tuple[Corroboration, ...]
    statuses: tuple[ClaimStatus, ...]
    groups: int
    pairs_scored: int

    def renumbered(self, offset: int) -> BlockResult:
        """The same result with every fact group id shifted by ``offset``."""
        if offset == 0:
            return self
        return BlockResult(_shifted(self.findings, offset), _shifted(self.corroborations, offset),
                           _shifted(self.statuses, offset), self.groups, self.pairs_scored)


_Record = TypeVar("_Record", Finding, Corroboration, ClaimStatus)


def _shifted(records: Sequence[_Record], offset: int) -> tuple[_Record, ...]:
    return tuple(r if r.group is None else compact_record(type(r), {**r.__dict__,
                                                                  "group": r.group + offset})
                 for r in records)


def check_block(frames: Sequence[Frame], counts: WordCounts,
                options: CheckOptions | None = None) -> BlockResult:
    """Check between the claims of one block: align ``frames`` (built by
    :func:`~figcheck.checking.frames.frames_of` on whole documents, all of one
    :func:`block_key`) weighing words by the run's ``counts``, then compare each fact group.

    Give the frames in the run's order (documents in order, each document's claims by
    position): a conflict is reported on the later claim of its pair, and of two equally strong
    links the earlier is kept. Fact group ids run from 1 in the block."""
    options = options or CheckOptions()
    claims = [f.claim for f in frames]
    alignment = align_frames(frames, counts, strict_periods=options.strict_periods)
    between = compare_aligned(claims, alignment, options)
    statuses = between_statuses(claims, between.findings, between.corroborations, alignment,
                                between.weak)
    used = [r.group for r in (*between.findings, *between.corroborations, *statuses)
            if r.group is not None]
    return BlockResult(tuple(between.findings), tuple(between.corroborations), statuses,
                       max(used, default=0), alignment.pairs_scored)


def blocks_of(frames: Iterable[Frame]) -> dict[str, list[Frame]]:
    """Frames grouped by :func:`block_key`, in order of the keys, each block in input order."""
    out: dict[str, list[Frame]] = {}
    for f in frames:
        out.setdefault(block_key(f), []).append(f)
    return dict(sorted(out.items()))


def check_between(claims: Sequence[Claim],
                  texts: Mapping[str, str | Collection[str]] | None = None,
                  options: CheckOptions | None = None) -> BlockResult:
    """Check between all ``claims`` of a run, block by block; statuses in the order of
    ``claims``, fact groups numbered across blocks in order of their keys. ``texts`` (doc id
    -> text, or the words it mentions) as for :func:`~figcheck.checking.frames.frames_of`."""
    frames = frames_of(claims, texts, subject_mentions=True)
    counts = WordCounts.of(frames)
    blocks = blocks_of(frames)
    del frames  # each block's frames are let go once it is checked
    findings: list[Finding] = []
    corroborations: list[Corroboration] = []
    statuses: list[ClaimStatus | None] = [None] * len(claims)
    offset = scored = 0
    while blocks:
        block = blocks.pop(next(iter(blocks)))
        result = check_block(block, counts, options).renumbered(offset)
        offset += result.groups
        scored += result.pairs_scored
        findings.extend(result.findings)
        corroborations.extend(result.corroborations)
        for f, status in zip(block, result.statuses, strict=True):
            statuses[f.index] = status
    done = tuple(s for s in statuses if s is not None)
    return BlockResult(tuple(findings), tuple(corroborations), done, offset, scored)
