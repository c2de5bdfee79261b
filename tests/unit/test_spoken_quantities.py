"""Quantities spoken with their unit inside the number, and fractions that are changes.

Each phenomenon: the extractor's reading (own sentences), then two small documents that state one
fact in two ways and must pair, and a negative case that must not.
"""

from __future__ import annotations

import pytest

import figcheck
from figcheck import Bound, Change, Document, Kind, extract
from figcheck.findings import CheckId


def only(sentence: str):
    claims = extract(sentence)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def run(*texts: str) -> figcheck.Report:
    return figcheck.check([Document(id=f"d{i}", text=t) for i, t in enumerate(texts, 1)])


def linked(report: figcheck.Report) -> dict[frozenset[str], str]:
    out = {frozenset((c.claim.text, c.other.text)): "agree" for c in report.corroborations}
    out.update({frozenset((f.claim.text, f.other.text)): "conflict" for f in report.findings
                if f.check == CheckId.CONFLICT})
    return out


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "kind"), [
    ("The footpath runs three-quarters of a mile along the cliff.", "three-quarters of a mile",
     0.75, "mile", Kind.MEASURE),
    ("The ferry crossing takes half an hour in calm weather.", "half an hour", 0.5, "hour",
     Kind.DURATION),
    ("The levy has been in force for a year and a half.", "a year and a half", 1.5, "year",
     Kind.DURATION),
    ("Repairs to the pier took two and a half years.", "two and a half years", 2.5, "year",
     Kind.DURATION),
    ("The sea wall stands one and a half metres high.", "one and a half metres", 1.5, "meter",
     Kind.MEASURE),
    ("The charity collected a quarter of a million signatures.", "a quarter of a million",
     250_000, "count", Kind.COUNT),
    ("The drill went on for a half hour after the siren.", "a half hour", 0.5, "hour",
     Kind.DURATION),
    ("Volunteers cleared a half-mile stretch of the beach.", "a half-mile", 0.5, "mile",
     Kind.MEASURE),
])
def test_a_fraction_with_its_unit_is_one_figure(sentence: str, text: str, value: float, unit: str,
                                                kind: Kind) -> None:
    claim = only(sentence)
    assert (claim.text, claim.unit, claim.kind) == (text, unit, kind)
    assert claim.value == pytest.approx(value)
    assert claim.rule == "spoken_unit"


def test_a_hedged_fraction_of_an_hour_keeps_its_hedge() -> None:
    claim = only("The new timetable saves nearly a quarter of an hour.")
    assert claim.text == "nearly a quarter of an hour" and claim.bound == Bound.ALMOST
    assert claim.high == pytest.approx(0.25) and claim.low < 0.25


@pytest.mark.parametrize("sentence", [
    "A third of the votes were counted by midnight.",
    "Half of the 40 clinics closed.",
])
def test_a_fraction_of_a_thing_stays_a_share(sentence: str) -> None:
    assert extract(sentence)[0].unit == "percent"


def test_a_fraction_after_by_is_a_change() -> None:
    claim = only("Wool output fell by a fifth last season.")
    assert (claim.text, claim.unit, claim.change) == ("a fifth", "percent", Change.DECREASE)
    assert claim.value == pytest.approx(20.0)


@pytest.mark.parametrize("sentence", [
    "The station airs a half-hearted apology every morning.",
    "The club reached a quarter-final for the first time.",
])
def test_a_fraction_joined_to_a_word_is_no_share(sentence: str) -> None:
    assert [c.unit for c in extract(sentence)] == []


def test_a_third_term_is_still_an_ordinal() -> None:
    assert extract("The mayor is seeking a third term.") == []


class TestPairing:
    def test_months_and_years_agree(self) -> None:
        report = run("The Dunmere lighthouse restoration took 30 months, the trust said.",
                     "The trust said restoring the Dunmere lighthouse took two and a half years.")
        assert linked(report) == {frozenset(("30 months", "two and a half years")): "agree"}

    def test_a_year_and_a_half_against_months(self) -> None:
        report = run("Orchard rents in Pellow have not been this low for 18 months.",
                     "Pellow orchard rents are the lowest for a year and a half.")
        assert linked(report) == {frozenset(("18 months", "a year and a half")): "agree"}

    def test_years_against_months_that_differ_conflict(self) -> None:
        report = run("The Dunmere lighthouse restoration took 20 months, the trust said.",
                     "The trust said restoring the Dunmere lighthouse took two and a half years.")
        assert linked(report) == {frozenset(("20 months", "two and a half years")): "conflict"}

    def test_a_fraction_of_a_mile_against_kilometres(self) -> None:
        report = run("The Brisk glacier has retreated 1.6 km since 1980, the survey found.",
                     "Since 1980 the Brisk glacier has pulled back a mile, the survey found.")
        assert linked(report) == {}  # "a mile" is not a figure
        report = run("The Brisk glacier has retreated 1.6 km since 1980, the survey found.",
                     "Since 1980 the Brisk glacier has pulled back one and a half miles, "
                     "the survey found.")
        assert linked(report) == {frozenset(("1.6 km", "one and a half miles")): "conflict"}

    def test_a_fifth_against_a_percentage_change(self) -> None:
        report = run("Wool output in Harrow fell by a fifth this season, the growers said.",
                     "The growers said Harrow wool output was 35% lower this season.")
        assert linked(report) == {frozenset(("a fifth", "35%")): "conflict"}
