"""Checking between claims block by block: the blocks of a run give what the whole run gives."""

from __future__ import annotations

import figcheck
from figcheck.checking import BlockResult, WordCounts, block_key, check_between, check_block
from figcheck.checking.align import align
from figcheck.checking.between_claims import compare_aligned
from figcheck.checking.frames import frames_of
from figcheck.extraction.extractor import extract
from figcheck.findings import Status

# Two reports of one storm, in our own words, with figures of several kinds.
STORY_A = (
    "The storm killed 214 people along the coast, officials said. "
    "Winds reached 190 km/h near the harbour. Repairs will cost $3.2 billion. "
    "About 12,400 homes lost power."
)
STORY_B = (
    "Officials put the coastal death toll at 241. Gusts of 190 km/h were measured at the "
    "harbour. The repair bill is estimated at $3.2 billion, and 12,400 homes were left "
    "without power."
)
STORY_C = "In the coastal towns 214 people died. The storm's winds peaked at 210 km/h."


def claims_of(*texts: str) -> list[figcheck.Claim]:
    out: list[figcheck.Claim] = []
    for i, text in enumerate(texts):
        out.extend(extract(text, doc_id=f"r{i}"))
    return out


def pairs(result: BlockResult) -> tuple[set[tuple[str, str]], set[frozenset[str]]]:
    conflicts = {(f.other.text, f.claim.text) for f in result.findings}
    agreements = {frozenset((c.claim.text, c.other.text)) for c in result.corroborations}
    return conflicts, agreements


def test_the_block_key_is_the_unit_dimension() -> None:
    keys = {c.text: block_key(c) for c in claims_of(STORY_A)}
    assert keys["214"] == "[count]"
    assert keys["190 km/h"] != keys["214"] and keys["$3.2 billion"] != keys["214"]
    frames = frames_of(claims_of(STORY_A))
    assert [block_key(f) for f in frames] == [block_key(f.claim) for f in frames]


def test_checking_block_by_block_equals_checking_the_whole_run() -> None:
    claims = claims_of(STORY_A, STORY_B, STORY_C)
    whole = compare_aligned(claims, align(claims))
    blocks = check_between(claims)
    assert pairs(blocks) == (
        {(f.other.text, f.claim.text) for f in whole.findings},
        {frozenset((c.claim.text, c.other.text)) for c in whole.corroborations},
    )
    assert len(blocks.statuses) == len(claims)
    assert [s.claim for s in blocks.statuses] == claims


def test_blocks_checked_apart_with_summed_counts_give_the_run_result() -> None:
    # As a cluster would: frames per document, counts summed, blocks moved and checked apart.
    claims = claims_of(STORY_A, STORY_B, STORY_C)
    per_doc = [frames_of([c for c in claims if c.doc_id == d]) for d in ("r0", "r1", "r2")]
    counts = sum((WordCounts.of(f) for f in per_doc), WordCounts())
    assert counts == WordCounts.of(frames_of(claims))
    by_key: dict[str, list] = {}
    for frames in reversed(per_doc):  # blocks arrive in any order, and are put back in order
        for f in frames:
            by_key.setdefault(block_key(f), []).append(f)
    conflicts: set[tuple[str, str]] = set()
    agreements: set[frozenset[str]] = set()
    for block in by_key.values():
        block.sort(key=lambda f: (f.claim.doc_id, f.claim.start))
        c, a = pairs(check_block(block, counts))
        conflicts |= c
        agreements |= a
    assert (conflicts, agreements) == pairs(check_between(claims))
    assert ("214", "241") in conflicts or ("241", "214") in conflicts


def test_fact_group_ids_are_numbered_across_blocks_without_clashing() -> None:
    result = check_between(claims_of(STORY_A, STORY_B, STORY_C))
    by_group: dict[int, set[str]] = {}
    for s in result.statuses:
        if s.group is not None:
            by_group.setdefault(s.group, set()).add(block_key(s.claim))
    assert by_group and all(len(keys) == 1 for keys in by_group.values())
    assert max(by_group) <= result.groups


def test_each_claim_gets_one_status_from_its_block() -> None:
    result = check_between(claims_of(STORY_A, STORY_B))
    status = {s.claim.text: s.status for s in result.statuses}
    assert status["241"] == Status.CONFLICT
    assert status["$3.2 billion"] == Status.CORROBORATED
    report = figcheck.check([figcheck.Document("a", STORY_A), figcheck.Document("b", STORY_B)])
    assert [s.status for s in report.statuses] == [s.status for s in result.statuses]


def test_a_sum_per_unit_of_time_is_in_the_block_of_the_sum() -> None:
    (yearly,) = extract("The permit costs £240 a year.", doc_id="p1")
    (once,) = extract("The permit costs £240.", doc_id="p2")
    assert block_key(yearly) == block_key(once)
    assert [block_key(f) for f in frames_of([yearly, once])] == [block_key(yearly)] * 2


def test_sums_in_two_currencies_share_a_block() -> None:
    (pounds,) = extract("Exports reached £4.2m.", doc_id="g")
    (euros,) = extract("Exports reached €4.2m.", doc_id="e")
    assert block_key(pounds) == block_key(euros) == "[currency]"
