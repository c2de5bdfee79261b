"""CSV and JSON Lines are written as they are produced: by the writers row by row, and by
``figcheck extract`` document by document (the file holds the first document's claims before
the second is read); the streamed text equals the text rendered in one piece."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

import figcheck
from figcheck.cli import cli
from figcheck.report.writers import claim_csv_lines, emit_lines, jsonl_lines
from figcheck.report.columns import iter_claim_rows

TEXTS = {
    "quarry.txt": "The quarry employs 310 workers, 45 of them under 25, the owners said in 2022.",
    "mill.txt": "Nearly 2,000 tonnes of grain left the mill in March, up 12% on February.",
    "blank.txt": "Nothing to count here.",
    "pier.txt": "=SUM(A1) the pier is 1.2 miles long and cost $3.4 million, or about €3 million.",
}


def _report() -> figcheck.Report:
    docs = [figcheck.Document(k, v) for k, v in TEXTS.items()]
    claims = [c for d in docs for c in figcheck.extract(d)]
    return figcheck.Report(claims=tuple(claims), documents=tuple(TEXTS))


class Recorder(io.StringIO):
    """A text file that counts its write calls."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, s: str) -> int:
        self.writes += 1
        return super().write(s)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_streamed_claims_equal_the_rendered_text(fmt: str) -> None:
    report = _report()
    sink = Recorder()
    report.write_claims(fmt, sink)
    assert sink.getvalue() == report.render_claims(fmt)
    assert sink.writes >= len(report.claims)  # one write per row, not one for the whole text


def test_claim_csv_lines_come_one_per_claim_and_defuse_formulas() -> None:
    claims = _report().claims
    lines = list(claim_csv_lines(claims))
    assert len(lines) == len(claims) + 1 and all(ln.endswith("\n") for ln in lines)
    assert not any(",=SUM" in ln for ln in lines)
    assert lines[1:] == list(claim_csv_lines(claims, header=False))


def test_report_csv_and_jsonl_files_are_written_row_by_row(tmp_path: Path) -> None:
    report = figcheck.check([figcheck.Document(k, v) for k, v in TEXTS.items()])
    for fmt in ("csv", "jsonl"):
        sink = Recorder()
        report.write(fmt, sink)
        assert sink.getvalue() == report.render(fmt)
        rows = len(report.findings) + (len(report.claims) if fmt == "jsonl" else 1)
        assert sink.writes == rows
        path = tmp_path / f"out.{fmt}"
        report.write(fmt, path)
        assert path.read_text(encoding="utf-8") == report.render(fmt)


def test_excel_csv_starts_with_one_byte_order_mark(tmp_path: Path) -> None:
    report = _report()
    path = tmp_path / "claims.csv"
    report.write_claims("csv", path, excel=True)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
    assert data.decode("utf-8-sig") == report.render_claims("csv")


def test_emit_lines_takes_a_generator_once() -> None:
    taken = []

    def lines():
        for i in range(3):
            taken.append(i)
            yield f"{i}\n"

    assert emit_lines(lines()) == "0\n1\n2\n" and taken == [0, 1, 2]
    assert list(jsonl_lines(iter_claim_rows([]))) == []


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_extract_writes_each_documents_claims_before_reading_the_next(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / f"claims.{suffix}"
    seen: dict[str, int] = {}
    real = figcheck.extract

    def spy(doc, *args, **kwargs):
        seen[doc.id] = len(out.read_text(encoding="utf-8").splitlines()) if out.exists() else -1
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(figcheck, "extract", spy)
    result = CliRunner().invoke(cli, ["extract", *TEXTS, "-o", out.name])
    assert result.exit_code == 0, result.output
    first = len(real(TEXTS["quarry.txt"]))
    header = 1 if suffix == "csv" else 0
    assert first >= 2 and seen["mill.txt"] == first + header
    assert seen["pier.txt"] > seen["mill.txt"]
    whole = _report().render_claims(suffix)
    assert out.read_text(encoding="utf-8") == whole
