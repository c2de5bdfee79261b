"""Report outputs (the discrepancy frame, CSV, JSON, the terminal table) on hand-built reports."""

from __future__ import annotations

import io
import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from figcheck import CheckId, Comparison, Finding, Report, Severity, Verdict
from figcheck.report import CLAIM_COLUMNS, CSV_COLUMNS, CSV_DTYPES, STATUS_COLUMNS, read_csv
from figcheck.report.writers import defuse, undefuse
from figcheck.reference import ReferenceRow
from figcheck.report import format_interval, format_number, severity_rank
from figcheck.testing import make_claim

INF = math.inf


def _speech_claim():
    return make_claim(
        "The minister said nearly 9,000 residents had been displaced.",
        "nearly 9,000 residents",
        9000,
        low=8100,
        bound="<~",
        doc_id="notes/speech.txt",
        line=4,
        offset=120,
        subject="Valley district",
        concept="displaced",
        noun="residents",
        period="2020",
    )


def _census_row(**overrides):
    values = {
        "subject": "Valley district",
        "measure": "displaced residents",
        "value": 2150,
        "unit": "count",
        "low": 2150,
        "high": INF,
        "source": "Regional statistics office",
        "url": "https://stats.example/valley",
        "path": "ref/valley.csv",
        "line": 3,
        "period": "2020",
    }
    values.update(overrides)
    return ReferenceRow(**values)


def _reference_finding(claim=None, row=None, **overrides):
    claim = claim or _speech_claim()
    row = row or _census_row()
    values = {
        "check": CheckId.REFERENCE_MISMATCH,
        "severity": Severity.ERROR,
        "claim": claim,
        "claimed_low": claim.low,
        "claimed_high": claim.high,
        "unit": "count",
        "reference": row,
        "expected_low": row.low,
        "expected_high": 2150,
        "rel_diff": 2.77,
        "tolerance": 0.05,
        "message": "claims 8,100 to 9,000 displaced; the statistics office counted 2,150",
        "hint": "the figure is close to 'all residents', a different measure",
    }
    values.update(overrides)
    return Finding(**values)


def _conflict_finding():
    first = make_claim(
        "About 300 wells ran dry.",
        "About 300 wells",
        300,
        low=270,
        high=330,
        bound="~",
        doc_id="a.txt",
        line=2,
        noun="wells",
    )
    second = make_claim(
        "Only 120 wells ran dry.", "120 wells", 120, doc_id="b.txt", line=7, noun="wells"
    )
    return Finding(
        check=CheckId.CONFLICT,
        severity=Severity.WARNING,
        claim=first,
        claimed_low=270,
        claimed_high=330,
        unit="count",
        other=second,
        expected_low=120,
        expected_high=120,
        rel_diff=1.25,
        message="a.txt says about 300 wells, b.txt says 120",
    )


def _claim_level_finding():
    claim = make_claim(
        "Of 40 boats, 52 sank.",
        "52",
        52,
        doc_id="a.txt",
        line=1,
        whole=40,
        kind="part_of_whole",
        noun="boats",
    )
    return Finding(
        check=CheckId.PART_EXCEEDS_WHOLE,
        severity=Severity.INFO,
        claim=claim,
        claimed_low=52,
        claimed_high=52,
        unit="count",
        message="52 of 40: the part exceeds the whole",
    )


@pytest.fixture
def report() -> Report:
    """A report with one finding of each comparison kind (reference, claim, none)."""
    ref = _reference_finding()
    findings = (ref, _conflict_finding(), _claim_level_finding())
    comparison = Comparison(
        claim=ref.claim,
        verdict=Verdict.CONTRADICTED,
        reference=ref.reference,
        message="contradicted",
    )
    return Report(
        claims=tuple(f.claim for f in findings),
        findings=findings,
        comparisons=(comparison,),
        documents=("a.txt", "b.txt", "notes/speech.txt"),
    )


# --- the frame ---------------------------------------------------------------------------------


def test_frame_columns_and_dtypes_are_the_documented_ones(report: Report) -> None:
    frame = report.to_frame()
    assert tuple(frame.columns) == CSV_COLUMNS
    assert {c: str(t) for c, t in frame.dtypes.items()} == CSV_DTYPES


def test_empty_report_gives_an_empty_frame_with_the_same_columns() -> None:
    frame = Report().to_frame()
    assert frame.empty
    assert tuple(frame.columns) == CSV_COLUMNS
    assert {c: str(t) for c, t in frame.dtypes.items()} == CSV_DTYPES


def test_rows_are_ordered_by_document_then_line_and_column(report: Report) -> None:
    frame = report.to_frame()
    keys = list(zip(frame["doc_id"], frame["line"], frame["column"], strict=True))
    assert keys == sorted(keys)


def test_reference_row_carries_what_it_was_compared_with(report: Report) -> None:
    row = report.to_frame().set_index("check").loc["reference_mismatch"]
    assert row["compared_with"] == "reference"
    assert row["verdict"] == "contradicted"
    assert (row["doc_id"], row["line"], row["column"]) == ("notes/speech.txt", 4, 19)
    assert row["start"] == 120 + 18 and row["end"] == row["start"] + len("nearly 9,000 residents")
    assert (row["claimed_value"], row["claimed_low"], row["claimed_high"]) == (9000, 8100, 9000)
    assert row["claimed_bound"] == "almost"  # "<~" in words: no cell needs defusing
    assert (row["reference_measure"], row["reference_source"], row["reference_line"]) == (
        "displaced residents",
        "Regional statistics office",
        3,
    )
    assert row["reference_url"] == "https://stats.example/valley"
    assert (row["expected_low"], row["expected_high"], row["expected_unit"]) == (
        2150,
        2150,
        "count",
    )
    assert pd.isna(row["other_doc_id"]) and pd.isna(row["other_line"])
    assert row["hint"].startswith("the figure is close")


def test_conflict_row_names_the_other_claim(report: Report) -> None:
    row = report.to_frame().set_index("check").loc["conflict"]
    assert row["compared_with"] == "claim"
    assert (row["other_doc_id"], row["other_line"], row["other_column"], row["other_text"]) == (
        "b.txt",
        7,
        6,
        "120 wells",
    )
    assert pd.isna(row["verdict"]) and pd.isna(row["reference_measure"])


def test_claim_level_row_has_no_comparison(report: Report) -> None:
    row = report.to_frame().set_index("check").loc["part_exceeds_whole"]
    assert pd.isna(row["compared_with"]) and pd.isna(row["expected_low"])


def test_verdict_falls_back_to_contradicted_without_a_comparison_record() -> None:
    frame = Report(findings=(_reference_finding(),)).to_frame()
    assert frame["verdict"].tolist() == ["contradicted"]


def test_verdict_comes_from_the_matching_comparison() -> None:
    finding = _reference_finding(severity=Severity.WARNING)
    comparison = Comparison(
        claim=finding.claim,
        verdict=Verdict.SUPPORTED,
        reference=finding.reference,
        message="within tolerance",
    )
    frame = Report(findings=(finding,), comparisons=(comparison,)).to_frame()
    assert frame["verdict"].tolist() == ["supported"]


def test_claimed_value_is_converted_to_the_finding_unit() -> None:
    claim = make_claim("The road is 10 miles long.", "10 miles", 10, unit="mile", kind="measure")
    finding = Finding(
        check=CheckId.REFERENCE_MISMATCH,
        severity=Severity.ERROR,
        claim=claim,
        claimed_low=16.09344,
        claimed_high=16.09344,
        unit="kilometer",
        reference=_census_row(unit="kilometer", value=12, low=12, high=12),
        expected_low=12,
        expected_high=12,
        rel_diff=0.34,
        message="longer than measured",
    )
    row = Report(findings=(finding,)).to_frame().iloc[0]
    assert row["claimed_unit"] == "kilometer"
    assert row["claimed_value"] == pytest.approx(16.09344)


def test_claims_frame_has_one_row_per_claim(report: Report) -> None:
    frame = report.claims_frame()
    assert tuple(frame.columns) == CLAIM_COLUMNS + STATUS_COLUMNS
    assert len(frame) == len(report.claims)
    assert frame["kind"].tolist() == [str(c.kind) for c in report.claims]
    assert str(frame["line"].dtype) == "Int64"


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_header_is_csv_columns_and_lines_end_with_newline(report: Report) -> None:
    text = report.to_csv()
    assert text.splitlines()[0].split(",") == list(CSV_COLUMNS)
    assert "\r" not in text and text.endswith("\n")
    assert text.count("\n") == len(report.findings) + 1


def test_csv_file_is_utf8_without_bom_and_excel_adds_one(report: Report, tmp_path) -> None:
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    report.to_csv(plain)
    report.to_csv(excel, excel=True)
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    assert excel.read_bytes().startswith(b"\xef\xbb\xbf")
    assert excel.read_bytes()[3:] == plain.read_bytes()
    pd.testing.assert_frame_equal(read_csv(excel), read_csv(plain))


def test_csv_to_text_and_binary_buffers(report: Report) -> None:
    text, binary = io.StringIO(), io.BytesIO()
    report.to_csv(text)
    report.to_csv(binary)
    assert binary.getvalue().decode("utf-8") == text.getvalue() == report.to_csv()


def test_csv_round_trips_non_ascii_text() -> None:
    claim = make_claim("Київ: 1 351 загиблих — «майже»", "1 351", 1351, doc_id="укр.txt")
    finding = Finding(
        check=CheckId.CONFLICT,
        severity=Severity.ERROR,
        claim=claim,
        claimed_low=1351,
        claimed_high=1351,
        unit="count",
        message="«конфлікт» €",
    )
    report = Report(findings=(finding,))
    pd.testing.assert_frame_equal(read_csv(io.StringIO(report.to_csv())), report.to_frame())


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2% on the year", "'-2% on the year"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindented", "'\tindented"),
        ("'quoted already", "''quoted already"),
        ("1,351 deaths", "1,351 deaths"),
        ("", ""),
    ],
    ids=["equals", "plus", "minus", "at", "tab", "apostrophe", "plain", "empty"],
)
def test_defuse(text: str, safe: str) -> None:
    assert defuse(text) == safe
    assert undefuse(safe) == text


def test_csv_defuses_text_cells_but_not_negative_numbers() -> None:
    claim = make_claim("=cmd|' /C calc'!A0 fell by 5", "5", -5.0, doc_id="@evil.txt", low=-5.0)
    finding = Finding(
        check=CheckId.CONFLICT,
        severity=Severity.ERROR,
        claim=claim,
        claimed_low=-5,
        claimed_high=-5,
        unit="count",
        expected_low=-7.5,
        expected_high=-7.5,
        message="-5 against -7.5",
    )
    raw = pd.read_csv(
        io.StringIO(Report(findings=(finding,)).to_csv()), dtype=str, keep_default_na=False
    ).iloc[0]
    assert raw["sentence"].startswith("'=cmd")
    assert raw["doc_id"] == "'@evil.txt"
    assert raw["message"] == "'-5 against -7.5"
    assert (raw["claimed_value"], raw["expected_low"]) == ("-5.0", "-7.5")


def test_read_csv_rejects_a_foreign_header(tmp_path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"other\.csv: header is not figcheck's CSV_COLUMNS"):
        read_csv(path)


# --- JSON --------------------------------------------------------------------------------------


def _strict_json(text: str):
    def refuse(name: str):
        raise AssertionError(f"non-standard JSON constant {name}")

    return json.loads(text, parse_constant=refuse)


def test_json_document_has_summary_and_findings_with_csv_keys(report: Report) -> None:
    doc = _strict_json(report.to_json())
    assert doc["schema_version"] == 2
    assert len(doc["claims"]) == len(report.claims)
    assert doc["summary"]["findings"] == 3
    assert doc["summary"]["by_severity"] == {"error": 1, "info": 1, "warning": 1}
    assert [list(f) for f in doc["findings"]] == [list(CSV_COLUMNS)] * 3
    ref = next(f for f in doc["findings"] if f["check"] == "reference_mismatch")
    assert ref["message"].startswith("claims 8,100")  # JSON is not defused
    assert ref["other_line"] is None


def test_json_writes_infinity_as_a_string() -> None:
    claim = make_claim("more than 40 lakes", "more than 40 lakes", 40, high=INF, bound=">")
    finding = Finding(
        check=CheckId.CONFLICT,
        severity=Severity.ERROR,
        claim=claim,
        claimed_low=40,
        claimed_high=INF,
        unit="count",
        expected_low=10,
        expected_high=12,
        message="x",
    )
    row = _strict_json(Report(findings=(finding,)).to_json())["findings"][0]
    assert row["claimed_high"] == "Infinity"


def test_jsonl_has_one_object_per_finding(report: Report, tmp_path) -> None:
    path = tmp_path / "out.jsonl"
    report.to_jsonl(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    findings = [ln for ln in lines if _strict_json(ln)["record"] == "finding"]
    assert len(findings) == 3 and len(lines) == 3 + len(report.claims)
    assert [tuple(_strict_json(line))[1:] for line in findings] == [CSV_COLUMNS] * 3


# --- failures, text ----------------------------------------------------------------------------


def test_failures_filters_by_severity_and_puts_the_worst_first(report: Report) -> None:
    assert [f.check for f in report.failures("warning")] == [
        CheckId.REFERENCE_MISMATCH,
        CheckId.CONFLICT,
    ]
    assert len(report.failures()) == 3
    assert report.failures("error")[0].severity == Severity.ERROR


def test_unknown_severity_is_a_clear_error() -> None:
    with pytest.raises(
        ValueError, match="unknown severity 'fatal'; use one of: error, warning, info"
    ):
        severity_rank("fatal")


def test_text_starts_each_finding_with_its_location(report: Report) -> None:
    lines = report.to_text(width=70).splitlines()
    rows = [ln for ln in lines if not ln.startswith(" ")][:-1]
    assert len(rows) == 3
    assert [r.split()[0] for r in rows] == ["a.txt:1:14", "a.txt:2:1", "notes/speech.txt:4:19"]
    assert all(r.split()[1] in {"error", "warning", "info"} for r in rows)
    assert all(len(ln) <= 70 for ln in lines[:-1])
    assert "  a.txt says about 300 wells, b.txt says 120" in lines
    assert "  hint: the figure is close to 'all residents', a different measure" in lines
    assert lines[-1] == "3 findings (1 error, 1 warning, 1 info) in 3 documents, 3 claims checked"


def test_text_of_a_clean_report_is_only_the_summary() -> None:
    assert Report(documents=("a.txt",)).to_text() == "0 findings in 1 document, 0 claims checked\n"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1351.0, "1,351"),
        (48457100.0, "48,457,100"),
        (29.6, "29.6"),
        (100 / 3, "33.33"),
        (0.5, "0.5"),
        (0.0123456, "0.01235"),
        (-7.5, "-7.5"),
        (INF, "inf"),
        (-INF, "-inf"),
        (0.0, "0"),
        (2.5e16, "2.5e+16"),
    ],
)
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("low", "high", "unit", "text"),
    [
        (14000, 14000, "count", "14,000"),
        (12600, 14000, "count", "12,600–14,000"),
        (4e7, INF, "count", "≥ 40,000,000"),
        (-INF, 5, "count", "≤ 5"),
        (30, 100 / 3, "percent", "30–33.33%"),
        (3404, None, "count", "≥ 3,404"),
        (-INF, INF, "count", "-inf–inf"),
        (40, 40, "mile", "40 mile"),
        (None, None, None, ""),
    ],
)
def test_format_interval(low, high, unit, text) -> None:
    assert format_interval(low, high, unit) == text


# --- documentation stays in sync ---------------------------------------------------------------

USAGE = Path(__file__).resolve().parents[2] / "docs" / "usage.md"


def _table_ids(section: str) -> list[str]:
    text = USAGE.read_text(encoding="utf-8").split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", text, re.MULTILINE)


def test_usage_documents_every_csv_column_in_order() -> None:
    assert tuple(_table_ids("CSV columns")) == CSV_COLUMNS


def test_usage_documents_every_check_id() -> None:
    assert _table_ids("Check ids") == [c.value for c in CheckId]
