"""Candidate pairs in large blocks and conflicts in large fact groups, in our own sentences."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.checking.align import align
from figcheck.checking.between_claims import compare_aligned, consensus, nearest_inside
from figcheck.checking.intervals import Interval, rel_gap
from figcheck.claims import Claim
from figcheck.extraction.extractor import extract
from figcheck.findings import CheckId

TOWNS = ["Alder", "Birchwood", "Cobble", "Dunholm", "Elmstead", "Farrow", "Glenby", "Hollin"]


def crowd(n: int) -> list[Claim]:
    """``n`` one-sentence reports of flooded homes in a few towns and years, one per document."""
    claims: list[Claim] = []
    for i in range(n):
        town, year = TOWNS[i % len(TOWNS)], 2010 + (i // len(TOWNS)) % 5
        value = 4000 + 37 * i
        claims.extend(extract(f"Floods damaged {value:,} homes in {town} in {year}.",
                              doc_id=f"report{i:04d}"))
    return claims


def test_a_large_block_scores_a_few_pairs_per_claim_whatever_its_size() -> None:
    for n in (300, 1200):
        claims = crowd(n)
        assert len(claims) == n
        assert align(claims).pairs_scored <= 6 * n


def test_a_conflict_in_a_large_block_is_still_found() -> None:
    claims = crowd(400)
    # Two more reports of one town and year, far apart from each other in value.
    claims += extract("Floods damaged 2,150 homes in Kestwick in 2031.", doc_id="late1")
    claims += extract("Floods damaged 2,610 homes in Kestwick in 2031.", doc_id="late2")
    result = compare_aligned(claims, align(claims))
    found = {(f.other.text, f.claim.text) for f in result.findings
             if f.check == CheckId.CONFLICT}
    assert ("2,150", "2,610") in found
    # Every conflict pairs claims of the same town and year, never two different towns.
    assert all(f.claim.subject == f.other.subject and f.claim.period == f.other.period
               for f in result.findings)


def brute(iv: Interval, inside: list[int], ivs: list[Interval]) -> int:
    return min(inside, key=lambda k: (abs(rel_gap(iv, ivs[k])), k))


ends = st.floats(min_value=0.5, max_value=1e6, allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(ends, ends), min_size=20, max_size=80))
def test_the_nearest_member_of_a_consensus_is_the_one_trying_each_finds(pairs: list) -> None:
    ivs = [Interval(min(a, b), max(a, b)) for a, b in pairs]
    _, inside = consensus(ivs)
    outside = [i for i in range(len(ivs)) if i not in set(inside)]
    nearest = nearest_inside(inside, dict(enumerate(ivs)))
    for i in outside:
        got, want = nearest(ivs[i]), brute(ivs[i], inside, ivs)
        # the same distance (the same member, unless two lie equally near)
        assert got in inside
        assert abs(rel_gap(ivs[i], ivs[got])) == abs(rel_gap(ivs[i], ivs[want]))


def test_the_nearest_member_of_a_small_consensus_is_found_by_trying_each() -> None:
    ivs = [Interval(10, 12), Interval(11, 13), Interval(11.5, 20), Interval(30, 31)]
    _, inside = consensus(ivs)
    assert nearest_inside(inside, dict(enumerate(ivs)))(ivs[3]) == 2
    assert list(itertools.islice(inside, 3)) == [0, 1, 2]
