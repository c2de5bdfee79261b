"""figcheck.testing: assertion helpers and their pytest.approx-style messages."""

from __future__ import annotations

import importlib
import math
import pickle
import sys
import types

import pytest

from figcheck import CheckId, ClaimCheckFailed, Finding, Report, Severity
from figcheck.reference import ReferenceRow
from figcheck.testing import (
    assert_claim,
    assert_consistent,
    assert_matches_reference,
    failure_message,
    make_claim,
)

HARBOUR = "Port officials said 123 of the 152 cranes were idle, and almost 14,000 jobs had gone."


def _harbour_claims(text: str, *, doc_id: str = "doc"):
    """What an extractor finds in HARBOUR (built by hand, so these tests do not depend on it)."""
    assert text == HARBOUR
    cranes = make_claim(
        HARBOUR,
        "123 of the 152 cranes",
        123,
        whole=152,
        kind="part_of_whole",
        noun="cranes",
        doc_id=doc_id,
    )
    jobs = make_claim(
        HARBOUR,
        "almost 14,000 jobs",
        14000,
        low=12600,
        bound="<~",
        noun="jobs",
        concept="employment",
        doc_id=doc_id,
    )
    return [cranes, jobs]


@pytest.fixture
def fake_extract(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace the extractor with _harbour_claims for the duration of one test."""
    monkeypatch.setattr(importlib.import_module("figcheck.extraction.extractor"), "extract", _harbour_claims)


def _finding(claim, *, severity=Severity.ERROR, rel=0.5, reference=None, check=CheckId.CONFLICT):
    return Finding(
        check=check,
        severity=severity,
        claim=claim,
        claimed_low=claim.low,
        claimed_high=claim.high,
        unit=claim.unit,
        reference=reference,
        expected_low=3404,
        expected_high=3404,
        rel_diff=rel,
        tolerance=0.05,
        message=f"{claim.text} disagrees",
    )


# --- make_claim ---------------------------------------------------------------------------------


def test_make_claim_locates_the_text_in_the_sentence() -> None:
    claim = make_claim("Later, 5 ferries sailed.", "5 ferries", 5, offset=100, line=3)
    assert (claim.start, claim.end, claim.column, claim.line) == (107, 116, 8, 3)
    assert (claim.sentence_start, claim.sentence_end) == (100, 124)
    assert (claim.low, claim.high) == (5, 5)


def test_make_claim_refuses_text_that_is_not_in_the_sentence() -> None:
    with pytest.raises(ValueError, match="'7 ferries' does not occur in the sentence"):
        make_claim("Later, 5 ferries sailed.", "7 ferries", 7)


# --- failure_message ----------------------------------------------------------------------------


def test_failure_message_leads_with_counts_and_the_worst_finding() -> None:
    small = make_claim("Up to 20 cranes.", "20 cranes", 20, doc_id="a.txt", line=2)
    big = make_claim("Some 900 cranes.", "900 cranes", 900, doc_id="b.txt", line=5)
    ref = ReferenceRow(
        subject="port",
        measure="cranes",
        value=3404,
        unit="count",
        low=3404,
        high=3404,
        source="Port authority",
        path="ref.csv",
        line=9,
    )
    failures = [
        _finding(big, rel=3.5, reference=ref, check=CheckId.REFERENCE_MISMATCH),
        _finding(small, rel=0.2),
    ]
    lines = failure_message(failures, total_claims=7).splitlines()
    assert lines[0] == (
        "figcheck checks failed for 2 of 7 claims (2 findings: 1 conflict, 1 reference_mismatch)"
    )
    assert lines[1] == "worst: b.txt:5:6 '900 cranes' [reference_mismatch, error]"
    detail = {key.strip(): value.strip() for key, value in (ln.split(":", 1) for ln in lines[2:7])}
    assert detail == {
        "claimed": "900",
        "expected": "3,404",
        "difference": "350% (tolerance 5%)",
        "source": "port / cranes — Port authority (ref.csv:9)",
        "message": "900 cranes disagrees",
    }
    table = lines[lines.index("") + 1 :]
    assert table[0].split() == [
        "location",
        "check",
        "claim",
        "claimed",
        "expected",
        "diff",
        "tolerance",
        "source",
    ]
    assert [row.split()[0] for row in table[1:]] == ["b.txt:5:6", "a.txt:2:7"]


def test_failure_message_caps_the_table() -> None:
    claims = [
        make_claim(f"Row {i} had 5 cranes.", "5 cranes", 5, doc_id="a.txt", line=i + 1)
        for i in range(25)
    ]
    message = failure_message([_finding(c) for c in claims], total_claims=25)
    assert message.splitlines()[-1] == "  ... and 5 more (Report.to_csv() lists all)"


# --- assert_claim -------------------------------------------------------------------------------


def test_assert_claim_accepts_a_value_inside_a_hedged_interval(fake_extract) -> None:
    claim = assert_claim(HARBOUR, about="jobs", equals=13_000)
    assert claim.text == "almost 14,000 jobs"


def test_assert_claim_accepts_the_whole_of_a_part_of_whole(fake_extract) -> None:
    assert assert_claim(HARBOUR, about="cranes", equals=152).text == "123 of the 152 cranes"


def test_assert_claim_uses_rel_and_abs_tolerances(fake_extract) -> None:
    assert_claim(HARBOUR, about="jobs", equals=14_500, rel=0.04)
    assert_claim(HARBOUR, about="jobs", equals=14_500, abs=500)
    with pytest.raises(ClaimCheckFailed):
        assert_claim(HARBOUR, about="jobs", equals=14_500, rel=0.01)


def test_assert_claim_failure_says_where_what_and_by_how_much(fake_extract) -> None:
    with pytest.raises(ClaimCheckFailed) as info:
        assert_claim(HARBOUR, about="jobs", equals=20_000, rel=0.1, doc_id="port.txt")
    lines = str(info.value).splitlines()
    assert lines[0] == ("port.txt: no claim about 'jobs' matches 20,000 ± 2,000 (1 claim about it)")
    assert lines[1] == (
        "closest: port.txt:1:58 'almost 14,000 jobs': claimed 12,600–14,000, "
        "expected 20,000 ± 2,000, difference 20%"
    )


def test_assert_claim_reports_a_missing_subject(fake_extract) -> None:
    with pytest.raises(ClaimCheckFailed, match=r"doc: no claim about 'tugboats' \(expected 4\)"):
        assert_claim(HARBOUR, about="tugboats", equals=4)


def test_assert_claim_reads_a_path(fake_extract, tmp_path) -> None:
    path = tmp_path / "port.txt"
    path.write_text(HARBOUR, encoding="utf-8")
    with pytest.raises(ClaimCheckFailed, match=str(path).replace("\\", "\\\\") + ": no claim"):
        assert_claim(path, about="cranes", equals=99)


def test_assert_claim_hides_its_frame_from_tracebacks() -> None:
    assert assert_claim.__code__.co_consts.count("__tracebackhide__") or (
        "__tracebackhide__" in assert_claim.__code__.co_varnames
    )


# --- assert_consistent / assert_matches_reference (check() replaced by a fake) -------------------


@pytest.fixture
def fake_check(monkeypatch: pytest.MonkeyPatch):
    """Install a stand-in figcheck.pipeline whose check() returns the report given to it."""
    calls: list[tuple] = []
    module = types.ModuleType("figcheck.pipeline")

    def check(documents, reference=None, **options):
        calls.append((documents, reference, options))
        return module.report

    module.check = check
    module.report = Report()
    monkeypatch.setitem(sys.modules, "figcheck.pipeline", module)
    return module, calls


def test_assert_consistent_passes_on_a_clean_report(fake_check) -> None:
    module, calls = fake_check
    assert assert_consistent(["a.txt"], tolerances={"almost": 0.1}) is module.report
    assert calls == [(["a.txt"], None, {"tolerances": {"almost": 0.1}})]


def test_assert_consistent_ignores_findings_below_fail_on(fake_check) -> None:
    module, _ = fake_check
    claim = make_claim("5 cranes", "5 cranes", 5)
    module.report = Report(claims=(claim,), findings=(_finding(claim, severity=Severity.INFO),))
    assert_consistent(["a.txt"])
    with pytest.raises(ClaimCheckFailed):
        assert_consistent(["a.txt"], fail_on="info")


def test_assert_consistent_failure_carries_the_report(fake_check) -> None:
    module, _ = fake_check
    claim = make_claim("5 cranes", "5 cranes", 5)
    module.report = Report(claims=(claim,), findings=(_finding(claim),))
    with pytest.raises(AssertionError) as info:
        assert_consistent(["a.txt"])
    assert info.value.report is module.report
    assert str(info.value).startswith("figcheck consistency checks failed for 1 of 1 claims")
    again = pickle.loads(pickle.dumps(info.value))
    assert str(again) == str(info.value)


def test_assert_matches_reference_only_fails_on_reference_findings(fake_check) -> None:
    module, calls = fake_check
    claim = make_claim("5 cranes", "5 cranes", 5)
    ref = ReferenceRow(subject="port", measure="cranes", value=3, unit="count", low=3, high=3)
    module.report = Report(claims=(claim,), findings=(_finding(claim),))
    assert_matches_reference(["a.txt"], "ref.csv")
    assert calls[-1][1] == "ref.csv"
    module.report = Report(
        claims=(claim,),
        findings=(_finding(claim, reference=ref, check=CheckId.REFERENCE_MISMATCH),),
    )
    with pytest.raises(ClaimCheckFailed, match="reference checks failed for 1 of 1 claims"):
        assert_matches_reference(["a.txt"], "ref.csv")


def test_finding_rel_diff_none_is_not_the_worst() -> None:
    a = make_claim("5 cranes", "5 cranes", 5, doc_id="a")
    b = make_claim("6 cranes", "6 cranes", 6, doc_id="b")
    report = Report(findings=(_finding(a, rel=None), _finding(b, rel=math.inf)))
    assert report.failures()[0].claim.doc_id == "b"


def test_worst_is_the_largest_difference_either_way() -> None:
    a = make_claim("5 cranes", "5 cranes", 5, doc_id="a")
    b = make_claim("6 cranes", "6 cranes", 6, doc_id="b")
    report = Report(findings=(_finding(a, rel=0.5), _finding(b, rel=-0.9)))
    assert report.failures()[0].claim.doc_id == "b"


def test_assert_claim_converts_units_and_skips_other_dimensions(monkeypatch) -> None:
    road = make_claim(
        "The road is 40 miles long.", "40 miles", 40, unit="mile", kind="measure", noun="road"
    )
    share = make_claim("The road is 40% paved.", "40%", 40, unit="percent", noun="road")
    extraction = importlib.import_module("figcheck.extraction.extractor")
    monkeypatch.setattr(extraction, "extract", lambda text, doc_id: [share, road])
    assert assert_claim("text", about="road", equals=64.4, unit="kilometer", rel=0.01) is road
    with pytest.raises(ClaimCheckFailed) as info:
        assert_claim("text", about="road", equals=80, unit="kilometer")
    table = str(info.value).splitlines()[3:]
    assert any(row.split()[-2:] == ["different", "unit"] for row in table)


def test_assert_claim_rejects_an_unknown_unit(fake_extract) -> None:
    with pytest.raises(ValueError, match="unit='blorps'"):
        assert_claim(HARBOUR, about="jobs", equals=1, unit="blorps")
