"""What happened to people: the dead, the injured and the rescued are different facts, whatever
their figures; drowning is a death. Our own sentences."""

from __future__ import annotations

import pytest

import figcheck
from figcheck import Document
from figcheck.extraction.extractor import extract


def run(*texts: str) -> figcheck.Report:
    return figcheck.check([Document(id=f"d{i}", text=t) for i, t in enumerate(texts, 1)])


def linked(report: figcheck.Report) -> set[frozenset[str]]:
    pairs = {frozenset((c.claim.text, c.other.text)) for c in report.corroborations}
    return pairs | {frozenset((f.claim.text, f.other.text)) for f in report.findings
                    if f.other is not None}


@pytest.mark.parametrize(("first", "second"), [
    ("Lifeboat crews rescued 27 people from the capsized ferry on Friday, the harbour office said.",
     "At least 27 people drowned when the ferry capsized on Friday, the harbour office said."),
    ("The landslide killed 12 villagers near the pass, rescuers said.",
     "The landslide injured 12 villagers near the pass, rescuers said."),
    ("Police arrested 33 fans outside the stadium after the final.",
     "Some 33 fans were injured outside the stadium after the final."),
    ("Troops evacuated 410 residents from the valley on Sunday.",
     "The flood killed 410 residents of the valley on Sunday."),
])
def test_same_figure_of_different_harms_is_not_one_fact(first: str, second: str) -> None:
    report = run(first, second)
    assert linked(report) == set()
    assert not report.findings


def test_drowned_counts_among_the_dead() -> None:
    (claim,) = extract("Nine fishermen drowned off the headland last week.")
    assert claim.concept == "deaths"


def test_rescued_is_its_own_measure() -> None:
    (claim,) = extract("Divers rescued 14 miners from the flooded shaft.")
    assert claim.concept == "rescued"


def test_drowned_and_killed_corroborate() -> None:
    report = run("Floodwater drowned 18 people in the lower town overnight, the mayor said.",
                 "Eighteen people were killed by floodwater in the lower town, the mayor said.")
    assert len(report.corroborations) == 1
    assert not report.findings


def test_damaged_and_wrecked_buildings_may_be_one_fact() -> None:
    # damage to things nests ("wrecked" buildings are damaged too), so it is no veto
    report = run("The council will rebuild 215 clinics damaged by the cyclone, its health office said.",
                 "All 215 clinics wrecked by the cyclone are to be rebuilt, the health office said.")
    assert len(report.corroborations) == 1
    assert not report.findings


def test_the_same_concept_in_other_words_pairs_the_figures() -> None:
    # "marchers arrested" and "activists detained": one concept (arrests), two nouns
    report = run("Police arrested 52 marchers in the old town on Friday, the prefect said.",
                 "Fifty-two activists were detained in the old town on Friday, the prefect said.")
    assert len(report.corroborations) == 1
    assert "same concept: arrests" in report.corroborations[0].evidence


def test_the_same_concept_lets_two_counts_conflict() -> None:
    report = run("The town's population rose to 84,000 in 2022, the census office said.",
                 "The town had 91,000 residents in 2022, according to the census office.")
    assert [f.check.value for f in report.findings] == ["conflict"]


def test_sums_of_money_of_one_concept_in_other_words_do_not_conflict() -> None:
    report = run("The new stand cost £18m, the club said.",
                 "The club's training ground was built for £25m, the club said.")
    assert not report.findings
