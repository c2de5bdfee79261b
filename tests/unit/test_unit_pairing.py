"""Pairing figures written in different units of one dimension, in our own sentences.

Two small documents per phenomenon: the same fact in two units agrees when the conversion meets
each side's rounding, conflicts when it cannot, and figures of different facts stay apart.
"""

from __future__ import annotations

import figcheck
from figcheck import Document
from figcheck.findings import CheckId
from figcheck.lexicon.unit_concepts import unit_aspects, unit_measure


def run(*texts: str) -> figcheck.Report:
    return figcheck.check([Document(id=f"d{i}", text=t) for i, t in enumerate(texts, 1)])


def conflicts(report: figcheck.Report) -> set[frozenset[str]]:
    return {frozenset((f.other.text, f.claim.text)) for f in report.findings
            if f.check == CheckId.CONFLICT}


def agreements(report: figcheck.Report) -> set[frozenset[str]]:
    return {frozenset((c.claim.text, c.other.text)) for c in report.corroborations}


class TestSameFactInTwoUnits:
    def test_celsius_and_fahrenheit_agree_within_their_rounding(self) -> None:
        # 38.6C is 101.48F: "101.5F" holds once each side's last digit is allowed for.
        report = run("The thermometer at Brindlecombe airport read 38.6C on Tuesday.",
                     "Brindlecombe airport recorded 101.5F on Tuesday, the forecasters said.")
        assert agreements(report) == {frozenset(("38.6C", "101.5F"))}
        assert "same measure: temperature" in report.corroborations[0].evidence
        assert conflicts(report) == set()

    def test_hectares_and_acres_agree(self) -> None:
        report = run("The Oxley moor fire burned 12,000 hectares, the rangers said.",
                     "About 29,600 acres of Oxley moor burned in the fire, rangers said.")
        assert agreements(report) == {frozenset(("12,000 hectares", "About 29,600 acres"))}

    def test_miles_and_kilometres_with_the_same_digits_conflict(self) -> None:
        report = run("The new Hollin canal towpath will run 22 miles, the trust said.",
                     "The trust's 22km Hollin canal towpath opens next year.")
        assert conflicts(report) == {frozenset(("22 miles", "22km"))}
        finding = report.findings[0]
        assert "same measure: length (in mile and kilometer)" in (finding.evidence or "")

    def test_tonnes_and_kilograms_ten_times_apart_conflict(self) -> None:
        report = run("Officers at Redwater docks seized 2.3 tonnes of cannabis on Friday.",
                     "A 230kg haul of cannabis was found at Redwater docks on Friday.")
        assert conflicts(report) == {frozenset(("2.3 tonnes", "230kg"))}

    def test_tonnes_and_kilograms_that_match_agree(self) -> None:
        report = run("Officers at Redwater docks seized 2.3 tonnes of cannabis on Friday.",
                     "A 2,300kg haul of cannabis was found at Redwater docks on Friday.")
        assert agreements(report) == {frozenset(("2.3 tonnes", "2,300kg"))}
        assert conflicts(report) == set()


class TestDifferentFactsOfOneDimension:
    def test_depth_and_width_are_never_paired(self) -> None:
        report = run("The Brackwater reservoir is 40 metres deep, the water board said.",
                     "The water board said the Brackwater reservoir is 40 feet wide.")
        assert conflicts(report) == set() and agreements(report) == set()

    def test_the_same_aspect_in_two_units_is_one_fact(self) -> None:
        report = run("The Brackwater reservoir is 40 metres deep, the water board said.",
                     "The water board said the Brackwater reservoir is 40 feet deep.")
        assert conflicts(report) == {frozenset(("40 metres", "40 feet"))}
        assert "length, depth" in (report.findings[0].evidence or "")

    def test_with_several_lengths_the_unit_alone_makes_no_conflict(self) -> None:
        # Two lengths in each document: the unit cannot tell which is which, so a pair whose
        # only shared measure is the unit may corroborate but never conflict.
        report = run("The Marrow bridge will cross 1.4 km of the estuary. "
                     "Its twin towers are 120 metres tall, engineers said.",
                     "Engineers said the twin towers of the Marrow bridge will stand 150 feet. "
                     "The crossing will be 0.9 miles long.")
        assert conflicts(report) == set()
        assert agreements(report) == {frozenset(("1.4 km", "0.9 miles"))}

    def test_a_temperature_maximum_and_minimum_are_different_facts(self) -> None:
        report = run("The maximum temperature in Tolvey on Monday was 31C.",
                     "In Tolvey the minimum temperature on Monday was 31F.")
        assert conflicts(report) == set() and agreements(report) == set()


class TestUnitMeasures:
    def test_a_physical_dimension_names_its_measure(self) -> None:
        assert unit_measure("[length]", "distance") == "distance"
        assert unit_measure("[length]", "deaths") == "length"
        assert unit_measure("[mass]", None) == "mass"

    def test_counts_shares_and_money_name_none(self) -> None:
        for dim in ("[count]", "[share]", "[currency_GBP]"):
            assert unit_measure(dim, None) is None

    def test_aspects_are_read_from_the_data_file(self) -> None:
        aspects = unit_aspects("[length]")
        assert "deep" in aspects["depth"] and "wide" in aspects["width"]
        assert unit_aspects("[count]") == {}


class TestScaleSlips:
    def test_billions_against_millions_of_one_budget_conflict(self) -> None:
        # Not a ratio gate: the pair is aligned on its evidence (a pledge is what is spent),
        # and a thousandfold difference of one budget is a conflict like any other.
        report = run("The Ostrava council has pledged $3.1bn to rebuild 120 bridges lost in the "
                     "floods, the transport office said.",
                     "The council in Ostrava will spend $3.1m rebuilding the 120 bridges washed "
                     "away by the floods, according to the transport office.")
        assert conflicts(report) == {frozenset(("$3.1bn", "$3.1m"))}
        assert "same measure: cost" in (report.findings[0].evidence or "")

    def test_a_budget_and_a_salary_are_not_paired(self) -> None:
        report = run("The Ostrava council has pledged $3.1bn to rebuild its bridges.",
                     "The Ostrava council's chief engineer earns a salary of $310,000.")
        assert conflicts(report) == set()


class TestDurations:
    def test_the_same_duration_corroborates_whatever_noun_stands_near(self) -> None:
        report = run("The Harlow rowing club, which has 900 members, expects the new boathouse "
                     "to take four years to build.",
                     "Harlow's new boathouse will take four years to build, and the club hopes "
                     "to sell 1,200 memberships.")
        assert agreements(report) >= {frozenset(("four years", "four years"))}
