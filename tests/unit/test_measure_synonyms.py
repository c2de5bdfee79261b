"""Nouns that name one measure in different words ([alignment.synonyms] in checks.toml). Our own
sentences: two reports of one event, worded differently."""

from __future__ import annotations

import figcheck
from figcheck import Document


def run(*texts: str) -> figcheck.Report:
    return figcheck.check([Document(id=f"d{i}", text=t) for i, t in enumerate(texts, 1)])


def test_jobs_and_positions_cut_are_one_fact_and_may_conflict() -> None:
    report = run("The carmaker said it would cut 2,400 jobs at its Dunmore plant.",
                 "The carmaker plans to shed 2,900 positions at the Dunmore plant.")
    (finding,) = report.findings
    assert "job" in finding.evidence


def test_a_share_of_staff_and_of_the_workforce_agree() -> None:
    report = run("The bank will let go about 6% of its staff in Halden.",
                 "Roughly 6 percent of the bank's workforce in Halden will be let go.")
    assert len(report.corroborations) == 1 and not report.findings


def test_different_things_cut_stay_apart() -> None:
    report = run("The retailer will close 140 shops this year.",
                 "The retailer will cut 380 jobs this year.")
    assert not report.findings
