"""The checker on the two seed articles (../shared/seeds) with the example reference_data/.

These run the real extractor, so a failure here may be an extraction error rather than a
checker error; the assertion message says which claim was looked for.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from figcheck.pipeline import check
from figcheck.claims import Claim, Kind
from figcheck.documents import load_documents
from figcheck.findings import CheckId, Comparison, Verdict
from figcheck.reference import ReferenceTable
from figcheck.report import Report


@pytest.fixture(scope="module")
def report(shared_dir: Path, repo_root: Path) -> Report:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    tables = sorted((repo_root / "reference_data").glob("*.csv"))
    if len(seeds) < 2 or not tables:
        pytest.skip("needs the two seed articles and reference_data/*.csv")
    return check(load_documents(seeds), ReferenceTable.load(tables))


def _comparison(report: Report, pattern: str) -> Comparison:
    found = [c for c in report.comparisons if re.fullmatch(pattern, c.claim.text, re.I)]
    assert found, f"no claim with text matching {pattern!r} was extracted"
    return found[0]


def test_1351_is_corroborated_between_the_two_articles(report: Report) -> None:
    pairs = [c for c in report.corroborations
             if "1,351" in c.claim.text and "1,351" in c.other.text]
    assert pairs, "the two articles' 1,351 deaths were not paired"
    assert all(c.claim.doc_id != c.other.doc_id for c in pairs)


@pytest.mark.parametrize(("part", "whole"), [(123, 152), (77, 149), (152, 180)])
def test_parts_within_their_wholes_pass(report: Report, part: int, whole: int) -> None:
    claims: list[Claim] = [c for c in report.claims if c.kind == Kind.PART_OF_WHOLE
                           and (c.value, c.whole) == (part, whole)]
    assert len({c.doc_id for c in claims}) == 2, f"'{part} of {whole}' not extracted in both"
    flagged = [f for f in report.findings if f.claim in claims or f.other in claims]
    assert not [f for f in flagged if f.check in (CheckId.PART_EXCEEDS_WHOLE,
                                                  CheckId.STATED_SHARE_MISMATCH)]


def test_almost_14000_civilians_is_contradicted_with_a_conflation_hint(report: Report) -> None:
    c = _comparison(report, r"almost 14,000")
    assert c.verdict == Verdict.CONTRADICTED, c.message
    assert c.reference is not None and c.reference.measure == "civilian deaths"
    assert "OHCHR" in (c.reference.source or "")
    assert c.hint is not None
    assert c.hint.startswith("possible conflation with deaths (14,200–14,400")
    findings = [f for f in report.findings if f.claim == c.claim]
    assert [f.check for f in findings] == [CheckId.REFERENCE_MISMATCH]


def test_nearly_a_third_is_compared_with_29_6_percent(report: Report) -> None:
    c = _comparison(report, r"nearly a third")
    assert c.reference is not None and c.reference.value == 29.6, c.message
    assert c.rel_diff is not None and c.tolerance is not None
    assert f"tolerance {c.tolerance:.1%}" in c.message


def test_over_40_million_is_supported_by_the_census_total(report: Report) -> None:
    c = _comparison(report, r"over 40 million")
    assert c.verdict == Verdict.SUPPORTED, c.message
    assert c.reference is not None and (c.reference.measure, c.reference.period) == (
        "population", "2001")


def test_no_conflict_between_the_two_articles(report: Report) -> None:
    across = [f.message for f in report.findings
              if f.check == CheckId.CONFLICT and f.other is not None
              and f.other.doc_id != f.claim.doc_id]
    assert across == []
