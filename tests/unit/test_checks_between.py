"""Claims against each other: keys, conflicts, corroborations, units, hedges and periods."""

from __future__ import annotations

from typing import Any

import pytest

from figcheck.pipeline import check_claims
from figcheck.checking.options import CheckOptions
from figcheck.checking.between_claims import compare_claims, conflicts
from figcheck.claims import Claim
from figcheck.findings import CheckId, Severity
from figcheck.checking.keys import group_claims, key_of, period_of


def claim(doc: str, sentence: str, span: str, value: float, **fields: Any) -> Claim:
    """A claim for ``span`` in a one-sentence document ``doc``."""
    start = sentence.index(span)
    values: dict[str, Any] = dict(
        doc_id=doc, start=start, end=start + len(span), text=span, sentence=sentence,
        sentence_start=0, sentence_end=len(sentence), line=1, column=start + 1, kind="count",
        unit="count", bound="=", rule="test", value=value,
    )
    values.update(fields)
    values.setdefault("low", values["value"])
    values.setdefault("high", values["value"])
    return Claim(**values)


DEATHS = dict(subject="Eastland", concept="deaths")


def pair(a: Claim, b: Claim, **options: Any) -> tuple[list[Any], list[Any]]:
    return compare_claims([a, b], CheckOptions.create(**options))


class TestHedgesAndUnits:
    @pytest.mark.parametrize(
        ("text_a", "a", "text_b", "b", "conflict"),
        [
            ("nearly 1,400", dict(value=1400, low=1260, bound="<~"), "1,351", dict(value=1351),
             False),
            ("more than 2,000", dict(value=2000, high=float("inf"), bound=">"), "1,800",
             dict(value=1800), True),
            ("about 900", dict(value=900, low=810, high=990, bound="~"), "1,000",
             dict(value=1000), True),
            ("between 3,400 and 3,600", dict(value=3500, low=3400, high=3600, bound="range"),
             "3,550", dict(value=3550), False),
            ("1,351", dict(value=1351), "1,352", dict(value=1352), True),
        ],
    )
    def test_hedged_intervals(self, text_a: str, a: dict, text_b: str, b: dict,
                              conflict: bool) -> None:
        ca = claim("first", f"The flood killed {text_a} people.", text_a, **DEATHS, **a)
        cb = claim("second", f"Officials put deaths at {text_b}.", text_b, **DEATHS, **b)
        found, agreed = pair(ca, cb)
        assert (len(found), len(agreed)) == ((1, 0) if conflict else (0, 1))

    @pytest.mark.parametrize(
        ("unit_b", "value_b", "conflict"),
        [("kilometer", 64, False), ("kilometer", 40, True), ("meter", 64_374, False),
         ("foot", 211_200, False), ("mile", 41, False), ("mile", 42, True)],
    )
    def test_units_convert_before_comparing(self, unit_b: str, value_b: float,
                                            conflict: bool) -> None:
        about = dict(subject="Ring road", concept="length", kind="measure")
        a = claim("a", "The ring road is 40 miles long.", "40 miles", 40, unit="mile", **about)
        b = claim("b", f"The ring road is {value_b} units long.", f"{value_b} units", value_b,
                  unit=unit_b, **about)
        assert conflicts(a, b) is conflict
        found, agreed = pair(a, b)
        assert (len(found), len(agreed)) == ((1, 0) if conflict else (0, 1))

    def test_counts_and_percentages_are_never_compared(self) -> None:
        a = claim("a", "Turnout was 45 voters.", "45", 45, subject="Ward 3", concept="turnout")
        b = claim("b", "Turnout was 45%.", "45%", 45, unit="percent", kind="proportion",
                  subject="Ward 3", concept="turnout")
        assert pair(a, b) == ([], [])


class TestKeys:
    def test_same_number_about_different_things_is_not_paired(self) -> None:
        s = "Raiders destroyed 152 of its 180 radar sites and 152 trucks."
        a = claim("a", s, "152 of its 180", 152, kind="part_of_whole", whole=180,
                  subject="Westmark", concept="destroyed", noun="radar sites")
        b = claim("b", "They also destroyed 152 trucks.", "152", 152, subject="Westmark",
                  concept="destroyed", noun="trucks")
        c = claim("c", "They destroyed 123 jets.", "123", 123, subject="Westmark",
                  concept="destroyed", noun="jets")
        found, agreed = compare_claims([a, b, c], CheckOptions())
        assert found == [] and agreed == []

    def test_a_people_concept_pairs_a_specific_noun_with_a_generic_one(self) -> None:
        a = claim("a", "Northland lost 1,351 soldiers.", "1,351", 1351, subject="Northland",
                  concept="deaths", noun="soldiers")
        b = claim("b", "Northland suffered 1,351 fatalities.", "1,351", 1351, subject="Northland",
                  concept="deaths", noun="fatalities")
        c = claim("c", "Northland lost 2,000 civilians.", "2,000", 2000, subject="Northland",
                  concept="deaths", noun="civilians")
        found, agreed = compare_claims([a, b, c], CheckOptions())
        assert [(x.claim.doc_id, x.other.doc_id) for x in agreed] == [("b", "a")]
        # soldiers vs civilians: different things; fatalities vs civilians: one of them is
        # qualified, so it may be a part of the other: never a conflict
        assert found == []

    def test_a_concept_that_needs_an_object_never_pairs_without_a_noun(self) -> None:
        a = claim("a", "Raiders destroyed 40 jets.", "40", 40, subject="Westmark",
                  concept="destroyed", noun="jets")
        b = claim("b", "Raiders destroyed 90 of them.", "90", 90, subject="Westmark",
                  concept="destroyed")
        assert key_of(b) is None and pair(a, b) == ([], [])

    def test_claims_saying_nothing_about_what_they_count_have_no_key(self) -> None:
        a = claim("a", "It was 40.", "40", 40, subject="Westmark")
        b = claim("b", "It was 90.", "90", 90, subject="Westmark")
        assert key_of(a) is None and group_claims([a, b]) == []
        odd = claim("c", "It was 90 flurbs.", "90", 90, unit="flurb", **DEATHS)
        assert key_of(odd) is None

    def test_noun_only_key_pairs_the_same_noun(self) -> None:
        a = claim("a", "The 15-year lease ends soon.", "15-year", 15, unit="year",
                  kind="duration", noun="lease")
        b = claim("b", "A 20-year lease was signed.", "20-year", 20, unit="year",
                  kind="duration", noun="leases")
        # the only figure of its kind in each document, and the same measure: one fact
        (f,), _ = pair(a, b)
        assert "same measure: lease" in f.evidence
        c = claim("c", "A 15-year lease was signed.", "15-year", 15, unit="year",
                  kind="duration", noun="leases")
        assert len(pair(a, c)[1]) == 1

    def test_subject_spelling_variants_and_possessives_meet(self) -> None:
        a = claim("a", "Kiev's 300 buses.", "300", 300, subject="Kiev's", noun="buses")
        b = claim("b", "Kyiv has 300 buses.", "300", 300, subject="Kyiv", noun="bus")
        assert pair(a, b)[1] != []

    def test_a_change_is_not_compared_with_a_level(self) -> None:
        a = claim("a", "Deaths rose by 300.", "300", 300, change="increase", **DEATHS)
        b = claim("b", "There were 1,000 deaths.", "1,000", 1000, **DEATHS)
        assert pair(a, b) == ([], [])


class TestPeriods:
    def test_different_periods_are_not_a_conflict(self) -> None:
        a = claim("a", "The 2001 census counted 48 million.", "48 million", 48e6,
                  subject="Southland", concept="population", period="2001")
        b = claim("b", "The 2021 estimate is 41 million.", "41 million", 41e6,
                  subject="Southland", concept="population", period="2021")
        assert pair(a, b) == ([], [])

    def test_same_period_written_differently_is_compared(self) -> None:
        a = claim("a", "In 2014-2021 there were 900.", "900", 900, period="2014–2021", **DEATHS)
        b = claim("b", "From 2014 to 2021, 1,200.", "1,200", 1200, period="2014/2021", **DEATHS)
        assert len(pair(a, b)[0]) == 1

    def test_unknown_period_is_compared_unless_strict(self) -> None:
        a = claim("a", "In 2020 there were 900.", "900", 900, period="2020", **DEATHS)
        b = claim("b", "There were 1,200.", "1,200", 1200, **DEATHS)
        assert len(pair(a, b)[0]) == 1
        assert pair(a, b, strict_periods=True) == ([], [])

    def test_period_parsing(self) -> None:
        assert (period_of("2022-02-24/2022-03-25").first, period_of("1990s").last) == (2022, 1999)
        assert period_of("last winter").first is None and period_of(" ") is None


class TestFindings:
    def test_conflict_finding_fields(self) -> None:
        a = claim("first", "Officials counted 1,800 deaths.", "1,800", 1800, **DEATHS)
        b = claim("second", "More than 2,000 people died.", "More than 2,000", 2000,
                  high=float("inf"), bound=">", **DEATHS)
        (f,), _ = pair(a, b)
        assert f.claim == b and f.other == a and f.check == CheckId.CONFLICT
        # "1,800" is rounded to the hundred: it allows 1,750-1,850
        assert (f.claimed_low, f.expected_low, f.expected_high) == (2000, 1750, 1850)
        assert f.rel_diff == pytest.approx(150 / 1850)
        assert f.severity == Severity.WARNING  # across documents
        assert "second:1:1" in f.message and "first:1:19" in f.message

    def test_conflict_inside_one_document_is_an_error(self) -> None:
        s = "In 2020 the Eastland floods killed 1,800 people. In 2020 the Eastland floods killed 2,500 people."
        a = claim("d", s, "1,800", 1800, period="2020", **DEATHS)
        b = claim("d", s, "2,500", 2500, period="2020", **DEATHS)
        second = s.index("In 2020", 5)
        b = Claim(**{**b.model_dump(), "sentence": s[second:], "sentence_start": second})
        a = Claim(**{**a.model_dump(), "sentence": s[:second - 1], "sentence_end": second - 1})
        (f,), agreed = pair(a, b)
        assert f.severity == Severity.ERROR and agreed == []

    def test_two_figures_of_one_sentence_are_different_facts(self) -> None:
        s = "In the town, 300 homes were flooded and 20 homes were destroyed."
        a = claim("d", s, "300", 300, subject="town", noun="homes")
        b = claim("d", s, "20", 20, subject="town", noun="homes")
        assert pair(a, b) == ([], [])

    def test_repeats_inside_one_document_are_not_corroboration(self) -> None:
        s = "Officials counted 1,800 deaths; 1,800 in all."
        a = claim("d", s, "1,800", 1800, **DEATHS)
        b = Claim(**{**a.model_dump(), "start": 32, "end": 37, "column": 33})
        assert pair(a, b) == ([], [])

    def test_unit_of_finding_is_the_later_claims_unit(self) -> None:
        about = dict(subject="Ring road", concept="length", kind="measure")
        a = claim("a", "It is 40 miles.", "40 miles", 40, unit="mile", **about)
        b = claim("b", "It is 40 km.", "40 km", 40, unit="kilometer", **about)
        (f,), _ = pair(a, b)
        # "40 miles" allows 39.5-40.5 miles, widened by the measure tolerance
        assert f.unit == "kilometer" and f.expected_low == pytest.approx(39.5 * 1.609344 * 0.995)
        assert f.tolerance == CheckOptions().measure_tolerance

    def test_check_claims_puts_conflicts_and_corroborations_in_the_report(self) -> None:
        a = claim("a", "Officials counted 1,800 deaths.", "1,800", 1800, **DEATHS)
        b = claim("b", "About 1,800 died.", "About 1,800", 1800, low=1620, high=1980,
                  bound="~", **DEATHS)
        c = claim("c", "Only 900 died.", "900", 900, **DEATHS)
        report = check_claims([a, b, c])
        # one fact group: 900 is outside the values the others allow, and conflicts with the
        # nearest of them
        assert [(f.claim.doc_id, f.other.doc_id) for f in report.findings] == [("c", "b")]
        assert report.findings[0].group == report.corroborations[0].group
        assert "same measure: death" in report.findings[0].evidence
        assert [(x.claim.doc_id, x.other.doc_id) for x in report.corroborations] == [("b", "a")]
        assert not report.ok
        assert check_claims([a, b, c], checks=["granularity"]).findings == ()
