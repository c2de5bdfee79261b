"""Claims against a reference table: matching, verdicts, tolerances, parties, conflation."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import figcheck.checking.against_reference as against
from figcheck.pipeline import check_claims
from figcheck.checking.options import CheckOptions
from figcheck.checking.against_reference import compare_with_reference
from figcheck.claims import Claim
from figcheck.findings import CheckId, Severity, Verdict
from figcheck.reference import ReferenceTable

INF = float("inf")

TABLE = ReferenceTable.from_frame(pd.DataFrame([
    dict(subject="Eastland", measure="deaths", value=9100, low=9000, high=9200, unit="count",
         period="2010/2019", source="Monitoring Mission report", aliases="East Land"),
    dict(subject="Eastland", measure="civilian deaths", value=2400, low=2400, high=2900,
         unit="count", period="2010/2019", source="Monitoring Mission report",
         keywords="civilian; civilians", aliases="East Land"),
    dict(subject="Eastland", measure="civilian deaths", value=9000, unit="count",
         period="2010/2020", source="Governor's speech", keywords="civilian;civilians",
         claimed_by="Governor Mills"),
    dict(subject="Eastland", measure="population", value=5_200_000, unit="count", period="2011",
         source="2011 census"),
    dict(subject="Eastland", measure="native language Eastish share", value=41.2,
         unit="percent", period="2011", source="2011 census", keywords="Eastish"),
    dict(subject="Eastland", measure="native language Eastish share", value=45.0,
         unit="percent", period="1999", source="1999 census", keywords="Eastish"),
    dict(subject="Harbor bridge", measure="span length", value=1.2, unit="mile", tolerance=0.05,
         source="Port authority"),
    dict(subject="Northland", measure="military deaths", value=800, unit="count",
         period="2022-01-01/2022-03-20", source="Ministry briefing, 20 Mar",
         claimed_by="Northland defence ministry"),
    dict(subject="Northland", measure="military deaths", value=350, unit="count",
         period="2022-01-01/2022-02-10", source="Ministry briefing, 10 Feb",
         claimed_by="Northland defence ministry"),
    dict(subject="Northland", measure="military deaths", value=5000, low=3000, high=7000,
         unit="count", period="2022-01-01/2022-03-20", source="Alliance estimate",
         claimed_by="Alliance official"),
    dict(subject="Eastland", measure="hospital beds", value=400, unit="count", period="2015",
         source="Health office"),
    dict(subject="Eastland", measure="hospital beds", value=600, unit="count", period="2015",
         source="Doctors' union"),
]))


def claim(sentence: str, span: str, value: float, *, doc: str = "d", offset: int = 0,
          **fields: Any) -> Claim:
    start = sentence.index(span)
    values: dict[str, Any] = dict(
        doc_id=doc, start=offset + start, end=offset + start + len(span), text=span,
        sentence=sentence, sentence_start=offset, sentence_end=offset + len(sentence), line=1,
        column=start + 1, kind="count", unit="count", bound="=", rule="test", value=value,
    )
    values.update(fields)
    values.setdefault("low", values["value"])
    values.setdefault("high", values["value"])
    return Claim(**values)


def compare(c: Claim, table: ReferenceTable = TABLE, texts: dict | None = None, **options: Any):
    (comparison,), findings = compare_with_reference([c], table, texts=texts,
                                                      options=CheckOptions.create(**options))
    return comparison, findings


ALMOST_9000 = claim("Almost 9,000 civilians died in Eastland over the decade.", "Almost 9,000",
                    9000, low=8100, bound="<~", subject="Eastland", concept="deaths",
                    noun="civilians", hedge="almost")


class TestVerdicts:
    def test_contradicted_with_conflation_hint_and_party_hint(self) -> None:
        comparison, (finding,) = compare(ALMOST_9000)
        assert comparison.verdict == Verdict.CONTRADICTED
        assert comparison.reference.measure == "civilian deaths"
        assert comparison.reference.claimed_by is None
        assert (comparison.expected_low, comparison.expected_high) == (2400, 2900)
        assert comparison.rel_diff == pytest.approx((8100 - 2900) / 2900)
        assert comparison.tolerance == 0.0
        hint = comparison.hint or ""
        assert hint.startswith("possible conflation with deaths (9,000–9,200")
        assert "matches Governor Mills's claim" in hint
        assert finding.check == CheckId.REFERENCE_MISMATCH
        assert finding.severity == Severity.ERROR and finding.reference == comparison.reference
        assert finding.message == comparison.message
        assert "is contradicted by Eastland / civilian deaths" in finding.message

    def test_supported_by_the_row_of_the_claims_period(self) -> None:
        s = "Eastland's 2011 census counted over 5 million residents."
        c = claim(s, "over 5 million", 5e6, high=INF, bound=">", subject="Eastland",
                  concept="population", noun="residents", period="2011")
        comparison, findings = compare(c)
        assert comparison.verdict == Verdict.SUPPORTED and findings == []
        assert comparison.reference.measure == "population"
        assert "is supported by Eastland / population" in comparison.message

    def test_share_with_relative_difference_and_tolerance(self) -> None:
        s = "In the 2011 census nearly half of Eastland named Eastish as native language."
        c = claim(s, "nearly half", 50, low=45, kind="proportion", unit="percent", bound="<~",
                  subject="Eastland", period="2011")
        comparison, _ = compare(c)
        assert comparison.verdict == Verdict.CONTRADICTED
        assert comparison.reference.value == 41.2
        # "41.2" is written to a tenth: the row allows 41.15-41.25
        assert comparison.rel_diff == pytest.approx((45 - 41.25) / 41.25)
        assert "(tolerance 0.0%)" in comparison.message
        wider, findings = compare(c, reference_tolerance=0.1)
        assert wider.verdict == Verdict.SUPPORTED and wider.tolerance == 0.1 and findings == []

    def test_the_period_chooses_between_rows_of_one_measure(self) -> None:
        s = "In 1999 nearly half of Eastland named Eastish as native language."
        c = claim(s, "nearly half", 50, low=45, kind="proportion", unit="percent", bound="<~",
                  subject="Eastland", period="1999")
        comparison, _ = compare(c)
        assert (comparison.reference.value, comparison.verdict) == (45.0, Verdict.SUPPORTED)

    @pytest.mark.parametrize(("km", "verdict"), [(1.9, Verdict.SUPPORTED),
                                                 (3.0, Verdict.CONTRADICTED)])
    def test_units_convert_and_row_tolerance_applies(self, km: float, verdict: Verdict) -> None:
        s = f"The Harbor bridge has a span length of {km} km."
        c = claim(s, f"{km} km", km, kind="measure", unit="kilometer", subject="Harbor bridge",
                  concept="length")
        comparison, _ = compare(c)
        assert comparison.verdict == verdict and comparison.tolerance == 0.05
        assert comparison.unit == "kilometer"
        assert comparison.expected_low == pytest.approx(1.2 * 0.95 * 1.609344)


class TestParties:
    def test_matching_a_party_row_is_not_support_as_fact(self) -> None:
        s = "Northland lost 800 soldiers, according to the Northland defence ministry."
        c = claim(s, "800", 800, subject="Northland", concept="deaths", noun="soldiers",
                  source="Northland defence ministry")
        comparison, findings = compare(c)
        assert comparison.verdict == Verdict.SUPPORTED and findings == []
        assert comparison.reference.value == 800
        assert "matches Northland defence ministry's claim" in comparison.message
        assert "not an independent measurement" in comparison.message
        assert "differs from Alliance official's claim" in (comparison.hint or "")

    def test_a_party_contradiction_is_a_warning(self) -> None:
        s = "Northland lost 20,000 soldiers, the Northland defence ministry admitted."
        c = claim(s, "20,000", 20000, subject="Northland", concept="deaths", noun="soldiers")
        comparison, (finding,) = compare(c)
        assert comparison.verdict == Verdict.CONTRADICTED
        assert comparison.reference.claimed_by == "Northland defence ministry"
        assert finding.severity == Severity.WARNING


class TestNeverGuess:
    @pytest.mark.parametrize(
        ("sentence", "span", "fields"),
        [
            ("Southland lost 800 soldiers.", "800",
             dict(subject="Southland", concept="deaths", noun="soldiers")),
            ("Eastland has 9,000 km of roads.", "9,000",
             dict(subject="Eastland", noun="roads", unit="kilometer", kind="measure")),
            ("Deaths in Eastland rose by 9,000.", "9,000",
             dict(subject="Eastland", concept="deaths", change="increase")),
            ("Two soldiers died in Northland on Tuesday.", "Two",
             dict(subject="Northland", concept="deaths", noun="soldiers")),
            ("Eastland shipped 9,000 crates of apples.", "9,000",
             dict(subject="Eastland", noun="crates")),
            ("Eastland's population is 9,000 flurbs.", "9,000",
             dict(subject="Eastland", concept="population", unit="flurb")),
        ],
        ids=["unknown-subject", "other-dimension", "a-change", "an-incident", "no-measure",
             "unknown-unit"],
    )
    def test_unmatched(self, sentence: str, span: str, fields: dict) -> None:
        c = claim(sentence, span, 2 if span == "Two" else 9000, **fields)
        comparison, findings = compare(c)
        assert comparison.verdict == Verdict.UNMATCHED and comparison.reference is None
        assert findings == []

    def test_equal_rows_that_disagree_leave_the_claim_unmatched(self) -> None:
        s = "In 2015 Eastland had 400 hospital beds."
        c = claim(s, "400", 400, subject="Eastland", noun="hospital beds", period="2015")
        comparison, _ = compare(c)
        assert comparison.verdict == Verdict.UNMATCHED and "ambiguous" in comparison.message

    def test_keywords_gate_the_specific_row(self) -> None:
        s = "Almost 9,000 people died in Eastland over the decade."
        c = claim(s, "Almost 9,000", 9000, low=8100, bound="<~", subject="Eastland",
                  concept="deaths", noun="people")
        comparison, _ = compare(c)
        assert comparison.reference.measure == "deaths"
        assert comparison.verdict == Verdict.SUPPORTED

    def test_subject_in_the_paragraph_before_the_sentence(self) -> None:
        text = "The war in East Land went on. Almost 9,000 civilians died over the decade."
        sentence = text[text.index("Almost"):]
        c = claim(sentence, "Almost 9,000", 9000, offset=text.index("Almost"), low=8100,
                  bound="<~", concept="deaths", noun="civilians")
        assert compare(c)[0].verdict == Verdict.UNMATCHED
        comparison, _ = compare(c, texts={"d": text})
        assert comparison.verdict == Verdict.CONTRADICTED
        # beyond the paragraph, the document still names the subject, with less weight
        far, _ = compare(c, texts={"d": text}, context_chars=10)
        assert far.verdict == Verdict.CONTRADICTED and "named in the document" in far.evidence


def test_only_rows_sharing_a_subject_word_are_scored(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [dict(subject=f"Town {i}", measure="population", value=1000 + i, unit="count")
            for i in range(400)]
    table = ReferenceTable.from_frame(pd.DataFrame(rows))
    calls: list[int] = []
    original = against.row_evidence

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(against, "row_evidence", counting)
    s = "Town 17 has a population of 1017."
    c = claim(s, "1017", 1017, subject="Town 17", concept="population")
    comparison, _ = compare(c, table=table)
    assert comparison.verdict == Verdict.SUPPORTED and comparison.reference.value == 1017
    # Every row shares "town"; the index files each subject under its rarest word ("17"), so
    # one row is scored, not the 400 a scan would score.
    assert len(calls) == 1
    calls.clear()
    s2 = "Ville 17 has a population of 1017."
    comparison, _ = compare(claim(s2, "1017", 1017, subject="Ville 17", concept="population"),
                            table=table)
    assert len(calls) == 1 and comparison.verdict == Verdict.UNMATCHED  # "town" is missing


def test_check_claims_reports_every_claim_once() -> None:
    other = claim("Eastland shipped 9,000 crates.", "9,000", 9000, doc="e", subject="Eastland",
                  noun="crates")
    report = check_claims([ALMOST_9000, other], reference=TABLE)
    assert [c.verdict for c in report.comparisons] == [Verdict.CONTRADICTED, Verdict.UNMATCHED]
    assert [f.check for f in report.findings] == [CheckId.REFERENCE_MISMATCH]
    assert check_claims([ALMOST_9000], reference=TABLE,
                        checks=["conflict"]).findings == ()
