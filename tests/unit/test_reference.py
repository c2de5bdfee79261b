"""ReferenceTable: loading CSV, Parquet and DataFrames; every bad row reported with its place."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from pydantic import ValidationError

from figcheck.errors import ReferenceTableError
from figcheck.reference import ReferenceRow, ReferenceTable

HEADER = ("subject,measure,value,unit,low,high,period,source,url,keywords,aliases,tolerance,"
          "claimed_by")


def _csv(tmp_path: Path, *lines: str, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class TestGoodTables:
    def test_values_bounds_and_lists_are_parsed(self, tmp_path: Path) -> None:
        path = _csv(
            tmp_path,
            HEADER,
            'Lakeside,"residents, total","12,480",count,,,2020,Town census,https://example.org/c,'
            "residents; inhabitants,Lakeside town ; Lakeside,,",
            "Lakeside,ferry route length,3.5,mile,3,4,2021,Harbour office,,,,5%,",
            "Lakeside,jobs promised,900,count,900,inf,2022,Mayor's speech,,jobs,,,"
            "Mayor of Lakeside",
        )
        rows = ReferenceTable.from_csv(path).rows
        assert [r.value for r in rows] == [12480.0, 3.5, 900.0]
        assert (rows[0].low, rows[0].high) == (12480.0, 12480.0)  # empty low/high = the value
        assert rows[0].keywords == ("residents", "inhabitants")
        assert rows[0].aliases == ("Lakeside town", "Lakeside")
        assert (rows[1].low, rows[1].high, rows[1].tolerance) == (3.0, 4.0, 0.05)
        assert math.isinf(rows[2].high) and rows[2].claimed_by == "Mayor of Lakeside"
        assert [r.line for r in rows] == [2, 3, 4]
        assert {r.path for r in rows} == {str(path)}

    def test_units_are_canonical_names(self, tmp_path: Path) -> None:
        path = _csv(tmp_path, "subject,measure,value,unit", "A,m,1,%", "A,n,2,miles", "A,o,3,GBP")
        assert [r.unit for r in ReferenceTable.from_csv(path)] == ["percent", "mile", "GBP"]

    def test_comments_blank_lines_and_multiline_cells_keep_physical_line_numbers(
        self, tmp_path: Path
    ) -> None:
        path = _csv(
            tmp_path,
            "# Harbour figures, checked 2024",
            "subject,measure,value,unit,source",
            "",
            'Port,ships,40,count,"Harbour log,',
            'second line of the source"',
            "# a note between rows",
            "Port,cranes,six,count,Log",
        )
        with pytest.raises(ReferenceTableError) as err:
            ReferenceTable.from_csv(path, comments=True)
        (only,) = err.value.errors
        assert (only.line, only.column) == (7, "value")

    def test_unknown_columns_are_kept_as_extra(self, tmp_path: Path) -> None:
        path = _csv(tmp_path, "subject,measure,value,unit,note", "A,b,1,count,checked twice")
        (row,) = ReferenceTable.from_csv(path).rows
        assert row.extra == (("note", "checked twice"),)

    def test_tsv_by_suffix(self, tmp_path: Path) -> None:
        path = _csv(tmp_path, "subject\tmeasure\tvalue\tunit", "A\tb\t1,500\tcount", name="t.tsv")
        assert ReferenceTable.from_csv(path)[0].value == 1500.0

    def test_from_frame_reads_missing_cells_as_empty(self) -> None:
        frame = pd.DataFrame(
            {
                "subject": ["Port", "Port"],
                "measure": ["ships", "cranes"],
                "value": [40, 6.0],
                "unit": ["count", "count"],
                "low": [float("nan"), 5],
                "high": [None, 7],
                "keywords": [None, ["crane", "cranes"]],
            }
        )
        rows = ReferenceTable.from_frame(frame).rows
        assert [(r.low, r.high) for r in rows] == [(40.0, 40.0), (5.0, 7.0)]
        assert rows[1].keywords == ("crane", "cranes")
        assert [r.line for r in rows] == [1, 2] and rows[0].path == "<frame>"

    def test_parquet_round_trip(self, tmp_path: Path) -> None:
        pytest.importorskip("pyarrow")
        frame = pd.DataFrame({"subject": ["Port"], "measure": ["ships"], "value": [40],
                              "unit": ["count"], "period": ["2020"]})
        path = tmp_path / "t.parquet"
        frame.to_parquet(path)
        (row,) = ReferenceTable.from_parquet(path).rows
        assert (row.value, row.period, row.path, row.line) == (40.0, "2020", str(path), 1)

    def test_concat_and_load_keep_every_row_in_order(self, tmp_path: Path) -> None:
        a = _csv(tmp_path, "subject,measure,value,unit", "A,x,1,count", name="a.csv")
        b = _csv(tmp_path, "subject,measure,value,unit", "B,y,2,count", name="b.csv")
        table = ReferenceTable.load([a, str(b), ReferenceTable.from_csv(a)])
        assert [r.subject for r in table] == ["A", "B", "A"]
        assert len(ReferenceTable.concat([table, table])) == 6

    def test_subject_index_finds_rows_by_subject_or_alias_words(self, tmp_path: Path) -> None:
        path = _csv(tmp_path, "subject,measure,value,unit,aliases",
                    "North Shire,x,1,count,Nordshire", "South Vale,y,2,count,")
        table = ReferenceTable.from_csv(path)
        assert table.rows_sharing_words(["nordshire"]) == [0]
        assert table.rows_sharing_words(["north", "shire"]) == [0]
        assert table.rows_sharing_words(["south", "vale", "nordshire"]) == [0, 1]
        assert table.rows_sharing_words(["elsewhere"]) == []
        assert table.subject_phrases(0) == (frozenset({"north", "shire"}), frozenset({"nordshire"}))


class TestBadTables:
    def test_every_bad_row_is_reported_once_with_line_and_column(self, tmp_path: Path) -> None:
        path = _csv(
            tmp_path,
            "subject,measure,value,unit,low,high",
            "A,ok,1,count,,",
            ",no subject,2,count,,",
            "A,bad number,≥3,count,,",
            "A,ok too,3,count,,",
            "A,two problems,abc,furlongz,,",
            "A,low above value,5,count,6,",
        )
        with pytest.raises(ReferenceTableError) as err:
            ReferenceTable.from_csv(path)
        got = [(e.path, e.line, e.column) for e in err.value.errors]
        assert got == [
            (str(path), 3, "subject"),
            (str(path), 4, "value"),
            (str(path), 6, "value, unit"),
            (str(path), 7, "low"),
        ]
        messages = [e.message for e in err.value.errors]
        assert "put a bound in the low/high column" in messages[1]
        assert "unknown unit 'furlongz'" in messages[2]
        assert str(err.value).startswith("4 invalid reference rows:")

    @pytest.mark.parametrize(
        ("cell", "column", "fragment"),
        [
            ("tolerance=-0.1", "tolerance", "must be a relative amount"),
            ("tolerance=150%", "tolerance", "must be a relative amount"),
            ("url=ftp://x", "url", "not an http(s) URL"),
            ("value=nan", "value", "not a"),
            ("value=inf", "value", "not a finite number"),
            ("high=0.5", "high", "is below value"),
            ("unit=", "unit", "must not be empty"),
            ("measure= ", "measure", "must not be empty"),
        ],
    )
    def test_cell_rules(self, cell: str, column: str, fragment: str) -> None:
        name, value = cell.split("=")
        row = {"subject": "A", "measure": "m", "value": "1", "unit": "count", "tolerance": None,
               "url": None, "high": None}
        row[name] = value
        with pytest.raises(ReferenceTableError) as err:
            ReferenceTable.from_frame(pd.DataFrame([row]))
        (e,) = err.value.errors
        assert e.column == column and fragment in e.message and e.line == 1

    def test_missing_required_column_is_reported_on_the_header(self, tmp_path: Path) -> None:
        path = _csv(tmp_path, "subject,measure,value", "A,b,1")
        with pytest.raises(ReferenceTableError) as err:
            ReferenceTable.from_csv(path)
        (e,) = err.value.errors
        assert (e.line, e.column) == (1, "unit") and "required column is missing" in e.message

    def test_a_typo_in_an_optional_column_is_not_silently_ignored(self, tmp_path: Path) -> None:
        path = _csv(tmp_path, "subject,measure,value,unit,tolerence", "A,b,1,count,0.1")
        with pytest.raises(ReferenceTableError, match="did you mean 'tolerance'"):
            ReferenceTable.from_csv(path)

    def test_duplicate_column(self, tmp_path: Path) -> None:
        path = _csv(tmp_path, "subject,measure,value,unit,value", "A,b,1,count,2")
        with pytest.raises(ReferenceTableError, match="column appears twice"):
            ReferenceTable.from_csv(path)

    def test_ragged_row_is_reported_with_the_other_bad_rows(self, tmp_path: Path) -> None:
        path = _csv(tmp_path, "subject,measure,value,unit", "A,b,1", "A,c,x,count")
        with pytest.raises(ReferenceTableError) as err:
            ReferenceTable.from_csv(path)
        assert [(e.line, e.column) for e in err.value.errors] == [(2, "(row)"), (3, "value")]

    def test_undecodable_and_binary_and_missing_files(self, tmp_path: Path) -> None:
        latin = tmp_path / "latin.csv"
        latin.write_bytes("subject,measure,value,unit\nCaf\xe9,x,1,count\n".encode("latin-1"))
        with pytest.raises(ReferenceTableError) as err:
            ReferenceTable.from_csv(latin)
        assert err.value.line == 2 and "not UTF-8" in str(err.value)
        binary = tmp_path / "bin.csv"
        binary.write_bytes(b"PK\x03\x04\x00\x00")
        with pytest.raises(ReferenceTableError, match="binary file"):
            ReferenceTable.from_csv(binary)
        with pytest.raises(ReferenceTableError, match="no such file"):
            ReferenceTable.from_csv(tmp_path / "absent.csv")

    def test_load_collects_errors_from_every_file(self, tmp_path: Path) -> None:
        a = _csv(tmp_path, "subject,measure,value,unit", "A,x,one,count", name="a.csv")
        b = _csv(tmp_path, "subject,measure,value,unit", "B,y,2,parsecs?", name="b.csv")
        with pytest.raises(ReferenceTableError) as err:
            ReferenceTable.load([a, b])
        assert [Path(e.path).name for e in err.value.errors] == ["a.csv", "b.csv"]

    def test_load_rejects_unknown_formats_and_types(self, tmp_path: Path) -> None:
        (tmp_path / "t.xlsx").write_bytes(b"PK")
        with pytest.raises(ReferenceTableError, match="unknown table format"):
            ReferenceTable.load(tmp_path / "t.xlsx")
        with pytest.raises(ReferenceTableError, match="no such reference table"):
            ReferenceTable.load(tmp_path / "absent")
        with pytest.raises(TypeError, match="reference must be"):
            ReferenceTable.load(42)

    def test_a_row_cannot_be_built_inconsistent(self) -> None:
        with pytest.raises(ValidationError):
            ReferenceRow(subject="A", measure="m", value=5, unit="count", low=6, high=7)


def test_bundled_example_tables_validate(repo_root: Path) -> None:
    paths = sorted((repo_root / "reference_data").glob("*.csv"))
    if not paths:
        pytest.skip("reference_data/ has no tables yet")
    table = ReferenceTable.load(paths)
    assert len(table) >= len(paths)
