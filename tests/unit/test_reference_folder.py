"""ReferenceTable.load reads every table in a folder, and says so when there is none."""

from __future__ import annotations

import pytest

from figcheck import ReferenceTable, ReferenceTableError

HEADER = "subject,measure,value,unit,source,url\n"


def test_a_folder_loads_all_its_tables(tmp_path):
    (tmp_path / "a.csv").write_text(HEADER + "Ukraine,population,48457100,count,census,https://example.org/a\n")
    (tmp_path / "b.csv").write_text(HEADER + "Donbas,deaths,14300,count,OHCHR,https://example.org/b\n")
    (tmp_path / "notes.md").write_text("not a table\n")
    table = ReferenceTable.load(tmp_path)
    assert sorted(r.subject for r in table.rows) == ["Donbas", "Ukraine"]


def test_an_empty_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ReferenceTableError, match=r"folder holds no reference tables \(.csv, .tsv, .parquet or .pq files\)"):
        ReferenceTable.load(tmp_path)


def test_the_bundled_reference_data_loads(repo_root):
    table = ReferenceTable.load(repo_root / "reference_data")
    assert len(table.rows) > 20
    assert all(r.source and r.url for r in table.rows)
