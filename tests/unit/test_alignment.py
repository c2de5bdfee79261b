"""Alignment: which claims state the same fact, one phenomenon per test, in our own sentences."""

from __future__ import annotations

import pandas as pd
import pytest

import figcheck
from figcheck import Document
from figcheck.checking.align import align
from figcheck.checking.between_claims import consensus
from figcheck.checking.intervals import Interval
from figcheck.extraction.extractor import extract
from figcheck.findings import CheckId, Status


def run(*texts: str, reference: object = None) -> figcheck.Report:
    docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(texts, 1)]
    return figcheck.check(docs, reference=reference)


def conflicts(report: figcheck.Report) -> list[tuple[str, str]]:
    return [(f.other.text, f.claim.text) for f in report.findings if f.check == CheckId.CONFLICT]


def agreements(report: figcheck.Report) -> set[frozenset[str]]:
    return {frozenset((c.claim.text, c.other.text)) for c in report.corroborations}


class TestSameFact:
    def test_a_conflict_without_any_subject_is_caught_with_its_evidence(self) -> None:
        report = run("Last spring 2,418 people died in the floods.",
                     "The floods last spring killed 2,481 people.")
        assert conflicts(report) == [("2,418", "2,481")]
        finding = report.findings[0]
        assert finding.evidence is not None and "same measure: death" in finding.evidence
        assert "died ~ killed" in finding.evidence
        assert finding.group is not None and finding.evidence in finding.message

    def test_synonyms_and_hedges_corroborate(self) -> None:
        report = run("The mudslide killed 57 villagers, the district office said.",
                     "Nearly 60 villagers lost their lives in the mudslide.")
        assert agreements(report) == {frozenset(("57", "Nearly 60"))}
        assert report.corroborations[0].evidence.startswith("same measure: death")

    def test_different_measures_of_one_event_are_kept_apart(self) -> None:
        report = run("The gale killed 12 people and injured 40 on the coast.",
                     "On the coast, 40 people were hurt and 12 died in the gale.")
        assert conflicts(report) == []
        assert agreements(report) == {frozenset(("12", "12")), frozenset(("40", "40"))}

    def test_a_quake_magnitude_is_never_a_count(self) -> None:
        report = run("A magnitude 6.1 earthquake shook the valley.",
                     "The earthquake in the valley destroyed 6 bridges.")
        assert conflicts(report) == [] and report.corroborations == ()

    def test_different_periods_are_different_facts(self) -> None:
        report = run("In 2021 the harbour handled 3.2 million containers.",
                     "In 2022 the harbour handled 3.5 million containers.")
        assert conflicts(report) == [] and report.corroborations == ()

    def test_a_part_is_not_its_whole(self) -> None:
        report = run("Rockets struck the market, killing 58 people, 35 of them civilians.",
                     "The strike on the market killed 35 civilians.")
        # the civilians are a part of the dead: never a conflict between 58 and 35
        assert conflicts(report) == []
        assert frozenset(("58", "35")) not in agreements(report)


class TestInsideOneDocument:
    def test_two_figures_of_one_sentence_never_conflict(self) -> None:
        report = run("In the village, 300 homes were flooded and 20 homes were destroyed.")
        assert conflicts(report) == []

    def test_a_restatement_in_brackets_is_the_same_fact(self) -> None:
        claims = extract("The audit found 1,351 (about 1,400) unpaid invoices.", doc_id="d")
        result = align(claims)
        assert [(claims[link.a].text, claims[link.b].text) for link in result.links] == [
            ("1,351", "about 1,400")]

    def test_a_repeat_inside_one_document_corroborates_nothing(self) -> None:
        report = run("The bridge carries 48,000 cars a day. Engineers say the 48,000 cars a "
                     "day are too many for it.")
        assert report.corroborations == ()


class TestOneToOne:
    def test_each_claim_keeps_its_best_counterpart(self) -> None:
        report = run("The ferry carried 212 passengers on Monday. Its crew of 14 was praised.",
                     "On Monday 212 passengers were aboard the ferry, with 14 crew.")
        pairs = agreements(report)
        assert pairs == {frozenset(("212", "212")), frozenset(("14", "14"))}


class TestCoverage:
    def test_every_claim_has_one_status_and_unchecked_says_why(self) -> None:
        report = run("Floods killed 2,418 people in the north. Officials opened 31 shelters.",
                     "The northern floods killed 2,481 people.")
        assert [s.claim for s in report.statuses] == list(report.claims)
        by_text = {s.claim.text: s for s in report.statuses}
        assert by_text["2,418"].status == Status.CONFLICT
        assert by_text["31"].status == Status.UNCHECKED and by_text["31"].reason
        assert report.summary_line().endswith("2 conflict, 1 unchecked")
        frame = report.claims_frame()
        assert frame["status"].tolist() == [s.status.value for s in report.statuses]
        assert frame.loc[frame["text"] == "31", "status_reason"].iloc[0] == by_text["31"].reason


class TestReferenceRows:
    TABLE = pd.DataFrame([
        dict(subject="Lorvale", measure="ring road length", value=64, unit="kilometer"),
        dict(subject="Lorvale", measure="residents", value=None, low=81_000, high=83_000,
             unit="count"),
    ])

    def test_written_precision_of_a_row(self) -> None:
        report = run("Lorvale's ring road is 40 miles long.", reference=self.TABLE)
        (comparison,) = [c for c in report.comparisons if c.verdict != "unmatched"]
        assert comparison.verdict == "supported"  # 40 mi = 64.37 km; "64" allows 63.5-64.5
        assert comparison.evidence and "ring road length" in comparison.evidence

    def test_a_tolerance_replaces_the_written_precision(self) -> None:
        table = pd.DataFrame([dict(subject="Lorvale", measure="households", value=82_000,
                                   unit="count")])
        text = "Lorvale has 82,400 households."
        assert [c.verdict for c in run(text, reference=table).comparisons] == ["supported"]
        strict = table.assign(tolerance=0.001)  # 81,918-82,082: the rounding no longer counts
        assert [c.verdict for c in run(text, reference=strict).comparisons] == ["contradicted"]

    def test_a_range_row_needs_no_value(self) -> None:
        report = run("Lorvale has about 82,000 residents.", reference=self.TABLE)
        assert [c.verdict for c in report.comparisons] == ["supported"]
        assert report.statuses[0].status == Status.SUPPORTED

    def test_a_claim_far_below_every_row_is_unmatched_with_the_reason(self) -> None:
        report = run("Lorvale has 12 residents on its council.", reference=self.TABLE)
        (comparison,) = report.comparisons
        assert comparison.verdict == "unmatched" and "far below" in comparison.message


def test_the_consensus_sweep_keeps_the_range_most_members_allow() -> None:
    ivs = [Interval(10, 12), Interval(11, 13), Interval(11.5, 20), Interval(30, 31)]
    span, members = consensus(ivs)
    assert (span.low, span.high) == (11.5, 12) and members == [0, 1, 2]


@pytest.mark.parametrize("n", [400, 1600])
def test_a_large_block_is_never_scored_pair_by_pair(n: int) -> None:
    from figcheck.claims import Claim

    claims = []
    for i in range(n):
        s = f"Town{i % (n // 4)} counted {1000 + i} voters."
        start = s.index(str(1000 + i))
        claims.append(Claim(doc_id=f"doc{i % 2}", start=start, end=start + 4, text=str(1000 + i),
                            sentence=s, sentence_start=0, sentence_end=len(s), line=1,
                            column=start + 1, kind="count", value=1000 + i, low=1000 + i,
                            high=1000 + i, unit="count", bound="=", rule="t",
                            subject=f"Town{i % (n // 4)}", measure="voter"))
    result = align(claims)
    # every claim meets only the claims sharing a rare key with it: about 3 per claim
    assert result.pairs_scored <= 4 * n


def test_the_flood_reports_example_gives_its_subjectless_conflict_with_evidence() -> None:
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "examples" / "flood_reports"
    report = figcheck.check(sorted(folder.glob("*.txt")))
    (finding,) = [f for f in report.findings if f.check == CheckId.CONFLICT]
    assert {finding.claim.text, finding.other.text} == {"2,418", "2,481"}
    assert finding.claim.subject is None and finding.other.subject is None
    assert "same measure: home" in finding.evidence
    assert "subject not stated in either" in finding.evidence
    assert {frozenset((c.claim.text, c.other.text)) for c in report.corroborations} == {
        frozenset(("19", "19"))}
