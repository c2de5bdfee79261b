"""Reference tables: every row loads or is reported with file and line; nothing is silent."""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

from figcheck import ReferenceTable, ReferenceTableError

HEADER = "subject,measure,value,unit"


def _csv(tmp_path: Path, *lines: str, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _errors(path: Path, **kw) -> list[tuple[int, str, str]]:
    with pytest.raises(ReferenceTableError) as err:
        ReferenceTable.from_csv(path, **kw)
    return [(e.line, e.column, e.message) for e in err.value.errors]


def test_a_hash_subject_is_a_row_unless_comments_are_asked_for(tmp_path: Path) -> None:
    path = _csv(tmp_path, HEADER, "#StopTheCuts,marchers,12000,count", "Lowtown,marchers,800,count")
    assert [r.subject for r in ReferenceTable.from_csv(path)] == ["#StopTheCuts", "Lowtown"]
    assert [r.subject for r in ReferenceTable.from_csv(path, comments=True)] == ["Lowtown"]
    assert len(ReferenceTable.load(path, comments=True)) == 1


def test_a_comment_line_above_the_header_says_how_to_allow_comments(tmp_path: Path) -> None:
    path = _csv(tmp_path, "# checked by the desk", HEADER, "Lowtown,marchers,800,count")
    line, _, message = _errors(path)[0]
    assert line == 1 and "comments=True" in message and "--reference-comments" in message
    assert len(ReferenceTable.from_csv(path, comments=True)) == 1


def test_an_unterminated_quote_names_the_line_it_opens_on(tmp_path: Path) -> None:
    path = _csv(tmp_path, HEADER, "Lowtown,marchers,800,count", 'Hightown,"marchers,900,count',
                "Midtown,marchers,x,count", "Easttown,marchers,5,count")
    ((line, column, message),) = _errors(path)
    assert (line, column) == (3, "(file)")
    assert "never closed" in message


def test_a_header_without_rows_is_reported(tmp_path: Path) -> None:
    ((line, _, message),) = _errors(_csv(tmp_path, HEADER, ""))
    assert line == 1 and "no rows" in message


@pytest.mark.parametrize("delimiter", [";", "\t", "|"], ids=["semicolon", "tab", "pipe"])
def test_the_delimiter_is_recognised_from_the_header(tmp_path: Path, delimiter: str) -> None:
    path = _csv(tmp_path, HEADER.replace(",", delimiter),
                delimiter.join(["Lowtown", "marchers", "1,200", "count"]))
    (row,) = ReferenceTable.from_csv(path).rows
    assert (row.subject, row.value) == ("Lowtown", 1200.0)


def test_a_header_that_fits_no_delimiter_gets_a_hint(tmp_path: Path) -> None:
    path = _csv(tmp_path, "subject;measure;valeu;unit", "Lowtown;marchers;1;count")
    message = _errors(path)[0][2]
    assert "is the file separated by ';'?" in message


@pytest.mark.parametrize("column", ["value", "low", "high"])
def test_a_number_too_large_for_a_float_is_refused(tmp_path: Path, column: str) -> None:
    cells = {"value": "5", "low": "", "high": ""} | {column: "1e309"}
    path = _csv(tmp_path, HEADER + ",low,high",
                f"Lowtown,marchers,{cells['value']},count,{cells['low']},{cells['high']}")
    ((line, col, message),) = _errors(path)
    assert (line, col) == (2, column) and "too large" in message and "inf" in message


def test_inf_is_still_an_open_bound(tmp_path: Path) -> None:
    path = _csv(tmp_path, HEADER + ",high", "Lowtown,marchers,5,count,inf")
    assert ReferenceTable.from_csv(path)[0].high == float("inf")


@pytest.mark.parametrize("unit", ["count", "kilometer", "kilometer ** 2", "year", "kilogram"])
def test_negative_counts_lengths_areas_durations_masses_are_refused(tmp_path: Path, unit: str) -> None:
    ((line, column, message),) = _errors(_csv(tmp_path, HEADER, f"Lowtown,stock,-40,{unit}"))
    assert (line, column) == (2, "value") and "cannot be negative" in message


@pytest.mark.parametrize("unit", ["percent", "USD", "degree_Celsius"])
def test_shares_money_and_temperatures_may_be_negative(tmp_path: Path, unit: str) -> None:
    assert ReferenceTable.from_csv(_csv(tmp_path, HEADER, f"Lowtown,balance,-4,{unit}"))[0].value == -4


@pytest.mark.parametrize(
    ("unit", "words"),
    [("10 ** 10 ** 10", "is not a unit name"), ("meter ** 10000", "powers up to 4"),
     ("mile + 3", "is not a unit name"), ("2 * mile", "is not a unit name")],
)
def test_units_are_parsed_not_evaluated(tmp_path: Path, unit: str, words: str) -> None:
    t = time.process_time()
    ((_, column, message),) = _errors(_csv(tmp_path, HEADER, f"Lowtown,road,4,{unit}"))
    assert time.process_time() - t < 5
    assert column == "unit" and words in message


@pytest.mark.parametrize(("unit", "canonical"), [("km/h", "kilometer / hour"),
                                                 ("kilometer ** 2", "kilometer ** 2"),
                                                 ("meter^3", "meter ** 3"), ("°C", "degree_Celsius")])
def test_unit_grammar_accepts_compound_units(tmp_path: Path, unit: str, canonical: str) -> None:
    assert ReferenceTable.from_csv(_csv(tmp_path, HEADER, f"Lowtown,x,4,{unit}"))[0].unit == canonical


def test_duplicate_and_conflicting_rows_from_one_source(tmp_path: Path) -> None:
    path = _csv(tmp_path, HEADER + ",period", "Lowtown,marchers,800,count,2023",
                "Lowtown,Marchers,800,count,2023", "Lowtown,marchers,950,count,2023",
                "Lowtown,marchers,950,count,2024")
    errors = _errors(path)
    assert [(line, col) for line, col, _ in errors] == [(3, "(row)"), (4, "value")]
    assert "duplicate of line 2" in errors[0][2]
    assert "conflicts with line 2" in errors[1][2] and "950 against 800" in errors[1][2]


def test_sources_that_disagree_are_kept_with_a_warning(tmp_path: Path) -> None:
    path = _csv(tmp_path, HEADER + ",source", "Lowtown,marchers,800,count,Police",
                "Lowtown,marchers,3000,count,Organisers")
    with pytest.warns(UserWarning, match="left unmatched as ambiguous"):
        assert len(ReferenceTable.from_csv(path)) == 2


def test_rows_repeated_across_files_are_reported(tmp_path: Path) -> None:
    a = _csv(tmp_path, HEADER, "Lowtown,marchers,800,count", name="a.csv")
    b = _csv(tmp_path, HEADER, "Lowtown,marchers,900,count", name="b.csv")
    with pytest.raises(ReferenceTableError) as err:
        ReferenceTable.load([a, b])
    (only,) = err.value.errors
    assert only.path == str(b) and only.line == 2 and f"conflicts with {a}:2" in only.message


def test_frames_are_checked_for_repeats_too() -> None:
    frame = pd.DataFrame([{"subject": "A", "measure": "m", "value": 1, "unit": "count"}] * 2)
    with pytest.raises(ReferenceTableError, match="duplicate of line 1"):
        ReferenceTable.from_frame(frame)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ReferenceTable.from_frame(frame.iloc[:1])


def test_cli_prints_reference_warnings_as_one_line_and_takes_comments(tmp_path: Path,
                                                                      monkeypatch) -> None:
    from click.testing import CliRunner

    from figcheck.cli import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.txt").write_text("About 800 marchers came to Lowtown.\n", encoding="utf-8")
    _csv(tmp_path, "# desk notes", HEADER + ",source", "Lowtown,marchers,800,count,Police",
         "Lowtown,marchers,3000,count,Organisers", name="ref.csv")
    plain = CliRunner().invoke(cli, ["check", "doc.txt", "-r", "ref.csv"])
    assert plain.exit_code == 2 and "--reference-comments" in plain.stderr
    result = CliRunner().invoke(cli, ["check", "doc.txt", "-r", "ref.csv", "--reference-comments"])
    assert result.exit_code in (0, 1)
    (line,) = result.stderr.splitlines()
    assert line.startswith("figcheck: warning: ref.csv:4: Lowtown / marchers")
