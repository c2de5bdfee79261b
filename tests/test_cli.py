"""The figcheck command: formats, output files, exit codes and one-line errors."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from figcheck import cli as cli_module
from figcheck.cli import cli
from figcheck.report import CLAIM_COLUMNS, CSV_COLUMNS, read_csv

from sample_texts import FERRY, HARBOUR, SURVEY
from sample_texts import FLOOD_A as FLOOD


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with harbour.txt, ferry.txt, flood.txt and ref/survey.csv."""
    (tmp_path / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (tmp_path / "flood.txt").write_text(FLOOD, encoding="utf-8")
    (tmp_path / "ref").mkdir()
    (tmp_path / "ref" / "survey.csv").write_text(SURVEY, encoding="utf-8")
    (tmp_path / "ref" / "README.md").write_text("not a table\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def one_error_line(result) -> str:
    """The single stderr line of a failed run (asserting there is exactly one)."""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("figcheck: error: ")
    return lines[0][len("figcheck: error: ") :]


# --- check: findings and exit codes ----------------------------------------------------------


def test_check_prints_findings_that_fit_the_terminal_and_exits_1(files: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "harbour.txt", "ferry.txt"], env={"COLUMNS": "80"})
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    heads = [ln for ln in lines[:-1] if not ln.startswith(" ")]
    assert [r.split()[:3] for r in heads] == [
        ["harbour.txt:3:48", "error", "part_exceeds_whole"],
        ["harbour.txt:5:21", "warning", "granularity"],
    ]
    assert all(len(ln) <= 80 for ln in lines[:-1])
    # the claim is written once per finding, on its head line
    for head in heads:
        claim = head.split("  ")[-1]
        block = lines[lines.index(head) + 1 : lines.index(head) + 4]
        assert not any(claim in ln for ln in block if not ln.startswith("  hint"))
    assert lines[-1].startswith("2 findings (1 error, 1 warning) in 2 documents, 4 claims checked")


def test_show_all_and_statistics_count_every_status(files: Path) -> None:
    result = run("check", "harbour.txt", "ferry.txt", "--show", "all", "--statistics")
    out = result.stdout
    listed = [ln for ln in out.splitlines()
              if re.match(r"\S+:\d+:\d+  (supported|contradicted|corroborated|conflict|unchecked) ", ln)]
    assert len(listed) == 4  # every claim, with its status
    stats = dict(re.findall(r"^ +(\d+)  (\w+)$", out, flags=re.MULTILINE)[i][::-1]
                 for i in range(5))
    assert sum(int(n) for n in stats.values()) == 4


def test_quiet_prints_only_the_summary(files: Path) -> None:
    result = run("check", "harbour.txt", "--quiet")
    assert result.exit_code == 1
    assert result.stdout.count("\n") == 1 and "finding" in result.stdout


def test_select_and_ignore_choose_checks(files: Path) -> None:
    only = run("check", "harbour.txt", "ferry.txt", "--select", "granularity")
    assert "granularity" in only.stdout and "part_exceeds_whole" not in only.stdout
    skip = run("check", "harbour.txt", "ferry.txt", "--ignore", "granularity,part_exceeds_whole")
    assert skip.exit_code == 0 and skip.stdout.startswith("0 findings")
    bad = run("check", "harbour.txt", "--select", "typo")
    assert bad.exit_code == 2 and "unknown check 'typo'" in one_error_line(bad)
    assert "granularity" in one_error_line(bad)  # the message lists the check ids


def test_fail_on_info_is_accepted(files: Path) -> None:
    assert run("check", "ferry.txt", "--fail-on", "info").exit_code == 0


def test_unknown_output_suffix_is_a_usage_error(files: Path) -> None:
    result = run("check", "harbour.txt", "-o", "out.xlsx")
    assert result.exit_code == 2
    assert ".xlsx" in one_error_line(result) and ".csv" in one_error_line(result)
    assert not (files / "out.xlsx").exists()


def test_latin1_file_names_the_encoding_option(files: Path) -> None:
    (files / "old.txt").write_bytes("Caf\xe9 owners said 40 people came.".encode("latin-1"))
    bad = run("check", "old.txt")
    assert bad.exit_code == 2 and "--encoding" in one_error_line(bad)
    good = run("check", "old.txt", "--encoding", "latin-1", "--show", "all")
    assert good.exit_code == 0 and "'40'" in good.stdout


def test_no_colour_unless_a_terminal(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("check", "harbour.txt")
    assert "\x1b[" not in result.stdout
    monkeypatch.setattr(cli_module, "_colour", lambda: True)
    coloured = CliRunner().invoke(cli, ["check", "harbour.txt"], color=True)
    assert "\x1b[" in coloured.stdout


def test_no_color_env_turns_colour_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert cli_module._colour() is False


def test_help_lists_examples_and_check_ids() -> None:
    out = run("check", "--help").stdout
    assert "Examples:" in out and "figcheck check examples/*.txt" in out
    from figcheck.findings import CheckId

    assert all(c.value in out for c in CheckId)


def test_reference_tolerance_option_widens_rows(files: Path) -> None:
    (files / "tarville.txt").write_text("In Tarville, 325 homes were flooded.\n", encoding="utf-8")
    strict = run("check", "tarville.txt", "-r", "ref")
    loose = run("check", "tarville.txt", "-r", "ref", "--reference-tolerance", "0.1")
    assert strict.exit_code == 1 and "reference_mismatch" in strict.stdout, strict.output
    assert loose.exit_code == 0, loose.output
    bad = run("check", "tarville.txt", "-r", "ref", "--reference-tolerance", "-1")
    assert bad.exit_code == 2


def test_check_clean_document_exits_0(files: Path) -> None:
    result = run("check", "ferry.txt")
    assert result.exit_code == 0
    assert result.stdout == "0 findings in 1 document, 1 claim checked: 1 unchecked\n"


def test_fail_on_error_ignores_warnings(files: Path) -> None:
    (files / "market.txt").write_text(HARBOUR.split("\n\n")[2], encoding="utf-8")
    assert run("check", "market.txt").exit_code == 1
    assert run("check", "market.txt", "--fail-on", "error").exit_code == 0


def test_exit_zero(files: Path) -> None:
    result = run("check", "harbour.txt", "--exit-zero")
    assert result.exit_code == 0 and "part_exceeds_whole" in result.stdout


def test_reference_directory_takes_every_table_in_it(files: Path) -> None:
    by_dir = run("check", "flood.txt", "--reference", "ref", "--format", "csv")
    by_file = run("check", "flood.txt", "-r", "ref/survey.csv", "--format", "csv")
    assert by_dir.exit_code == by_file.exit_code == 1
    assert by_dir.stdout == by_file.stdout
    row = pd.read_csv(io.StringIO(by_dir.stdout)).iloc[0]
    assert (row["check"], row["reference_file"], row["reference_line"]) == (
        "reference_mismatch",
        str(Path("ref") / "survey.csv"),
        2,
    )


def test_jobs_gives_the_same_findings_as_one_process(files: Path) -> None:
    args = ("check", "harbour.txt", "ferry.txt", "flood.txt", "-r", "ref", "--format", "json")
    one = json.loads(run(*args, "--jobs", "1").stdout)
    two = run(*args, "--jobs", "2")
    assert two.exit_code == 1
    assert json.loads(two.stdout)["findings"] == one["findings"] != []
    assert one_error_line(run(*args, "--jobs", "-1")).startswith("Invalid value for '-j' / '--jobs'")


def test_check_counts_documents_without_claims(files: Path) -> None:
    (files / "quiet.txt").write_text("Nothing to count here.\n", encoding="utf-8")
    summary = json.loads(run("check", "ferry.txt", "quiet.txt", "--format", "json").stdout)
    assert summary["summary"]["documents"] == 2


# --- formats and the -o file -------------------------------------------------------------------


def test_output_file_format_follows_its_extension(files: Path) -> None:
    result = run("check", "harbour.txt", "ferry.txt", "-o", "out.csv")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("harbour.txt:3:48")  # the table still prints
    frame = read_csv(files / "out.csv")
    assert tuple(frame.columns) == CSV_COLUMNS
    assert frame["check"].tolist() == ["part_exceeds_whole", "granularity"]


def test_output_in_the_printed_format_is_not_printed_twice(files: Path) -> None:
    result = run("check", "harbour.txt", "--format", "json", "-o", "out.json")
    assert result.stdout == ""
    doc = json.loads((files / "out.json").read_text(encoding="utf-8"))
    assert doc["summary"]["findings"] == 2


def test_unknown_extension_takes_the_format_option(files: Path) -> None:
    result = run("check", "harbour.txt", "--format", "jsonl", "-o", "out.log")
    assert result.stdout == ""
    lines = (files / "out.log").read_text(encoding="utf-8").splitlines()
    findings = [json.loads(ln) for ln in lines if json.loads(ln)["record"] == "finding"]
    assert [f["check"] for f in findings] == ["part_exceeds_whole", "granularity"]


def test_excel_csv_has_a_bom(files: Path) -> None:
    run("check", "harbour.txt", "-o", "out.csv", "--excel")
    data = (files / "out.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and not data[3:].startswith(b"\xef\xbb\xbf")
    assert tuple(read_csv(files / "out.csv").columns) == CSV_COLUMNS


def test_github_format_is_workflow_commands_with_escaping(files: Path) -> None:
    result = run("check", "harbour.txt", "--format", "github")
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "::error file=harbour.txt,line=3,col=48,endColumn=60,title=figcheck part_exceeds_whole::"
    )
    assert lines[1].startswith("::warning file=harbour.txt,line=5,col=21,endColumn=24,")
    message = lines[1].split("::", 2)[2]
    assert "45%25" in message and "%" not in message.replace("%25", "").replace("%0A", "")


def test_json_format_is_strict_json_with_the_csv_keys(files: Path) -> None:
    result = run("check", "harbour.txt", "--format", "json")
    doc = json.loads(result.stdout, parse_constant=lambda c: pytest.fail(f"bad constant {c}"))
    assert [tuple(f) for f in doc["findings"]] == [CSV_COLUMNS] * 2


def test_unwritable_output_is_an_input_error(files: Path) -> None:
    result = run("check", "harbour.txt", "-o", "missing-dir/out.csv")
    assert result.exit_code == 2
    assert one_error_line(result).startswith("missing-dir/out.csv: cannot write the output file")


# --- extract -----------------------------------------------------------------------------------


def test_extract_table(files: Path) -> None:
    result = run("extract", "ferry.txt")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].split()[:3] == ["ferry.txt:1:19", "count", "'212'"]
    assert lines[-1] == "1 claim"


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_extract_machine_formats_have_the_claim_fields(files: Path, fmt: str) -> None:
    result = run("extract", "harbour.txt", "ferry.txt", "--format", fmt)
    assert result.exit_code == 0
    if fmt == "csv":
        frame = pd.read_csv(io.StringIO(result.stdout))
        assert tuple(frame.columns) == CLAIM_COLUMNS
        records = frame.to_dict("records")
    elif fmt == "json":
        records = json.loads(result.stdout)
    else:
        records = [json.loads(ln) for ln in result.stdout.splitlines()]
    assert [r["doc_id"] for r in records] == ["harbour.txt"] * 3 + ["ferry.txt"]
    assert all(tuple(r) == CLAIM_COLUMNS for r in records)


def test_extract_reads_standard_input(files: Path) -> None:
    result = run("extract", "-", "--stdin-filename", "pasted.txt", "--format", "jsonl", input=FERRY)
    assert json.loads(result.stdout.splitlines()[0])["doc_id"] == "pasted.txt"


def test_check_reads_standard_input_next_to_files(files: Path) -> None:
    result = run("check", "ferry.txt", "-", input=HARBOUR)
    assert result.exit_code == 1
    assert "<stdin>:3:48" in result.stdout


# --- input errors: exit 2, one line, no traceback -----------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "nope.txt"], "nope.txt: no such file; check the path"),
        (["check", "ref"], "ref: is a directory; pass the files in it (e.g. dir/*.txt)"),
        (
            ["check", "ferry.txt", "-r", "nope.csv"],
            "nope.csv: no such reference table; check the path",
        ),
        (
            ["check", "ferry.txt", "-r", "ferry.txt"],
            "ferry.txt: unknown table format; reference tables are .csv, .tsv, .parquet or .pq files",
        ),
        (["check", "ferry.txt", "--format", "xml"], "Invalid value for '--format': *"),
        (["check", "ferry.txt", "--colour"], "No such option '--colour'. (see '* check --help')"),
        (["check"], "Missing argument 'FILE...'.*"),
        (["extract", "-", "-"], "-: standard input can be read only once"),
    ],
    ids=[
        "missing-file",
        "directory",
        "missing-table",
        "not-a-table",
        "bad-format",
        "bad-option",
        "no-files",
        "stdin-twice",
    ],
)
def test_usage_and_input_errors(files: Path, args: list[str], message: str) -> None:
    import fnmatch

    result = run(*args)
    assert result.exit_code == 2
    line = one_error_line(result)
    assert fnmatch.fnmatchcase(line, message), line


def test_bad_reference_row_names_file_line_and_column(files: Path) -> None:
    (files / "ref" / "survey.csv").write_text(
        "subject,measure,value,unit\nTarville,flooded homes,lots,count\nTarville,roads,x,count\n",
        encoding="utf-8",
    )
    result = run("check", "ferry.txt", "-r", "ref")
    assert result.exit_code == 2
    line = one_error_line(result)
    assert line.startswith(f"{Path('ref') / 'survey.csv'}:2: column 'value': ")
    assert line.endswith("(and 1 more bad row)")


def test_directory_without_tables(files: Path) -> None:
    (files / "empty").mkdir()
    result = run("check", "ferry.txt", "-r", "empty")
    assert (
        one_error_line(result)
        == "empty: folder holds no reference tables (.csv, .tsv, .parquet or .pq files)"
    )


def test_undecodable_and_binary_documents(files: Path) -> None:
    (files / "latin1.txt").write_bytes("Caf\xe9 prices rose 5%.\n".encode("latin-1"))
    (files / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert one_error_line(run("check", "latin1.txt")).startswith("latin1.txt: not UTF-8 text")
    assert one_error_line(run("check", "image.txt")).startswith("image.txt: binary file")
    stdin = run("check", "-", input="Caf\xe9".encode("latin-1"))
    assert one_error_line(stdin).startswith("<stdin>: not UTF-8 text")


def test_no_arguments_prints_help_and_exits_2() -> None:
    result = run()
    assert result.exit_code == 2
    assert "Commands:" in result.stdout


# --- progress bar ------------------------------------------------------------------------------


def _many(files: Path, n: int) -> list[str]:
    names = []
    for i in range(n):
        path = files / f"note{i:02}.txt"
        path.write_text(FERRY, encoding="utf-8")
        names.append(path.name)
    return names


def test_progress_bar_only_on_a_terminal_with_many_files(files: Path, monkeypatch) -> None:
    names = _many(files, cli_module.PROGRESS_MIN_FILES)
    assert run("check", "--format", "json", *names).stderr == ""
    monkeypatch.setattr(cli_module, "_interactive", lambda: True)
    assert "reading" in run("check", "--format", "json", *names).stderr
    assert run("check", "--format", "json", *names[:3]).stderr == ""


# --- the real process --------------------------------------------------------------------------


def _python_m(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "figcheck", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_python_m_figcheck_exit_codes_and_no_traceback(files: Path) -> None:
    assert _python_m("check", "ferry.txt", cwd=files).returncode == 0
    found = _python_m("check", "harbour.txt", cwd=files)
    assert found.returncode == 1 and "harbour.txt:3:48" in found.stdout
    missing = _python_m("check", "nope.txt", cwd=files)
    assert missing.returncode == 2
    assert missing.stderr == "figcheck: error: nope.txt: no such file; check the path\n"


def test_console_script_matches_python_m(files: Path) -> None:
    script = shutil.which("figcheck", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the figcheck console script is not installed next to this Python")
    out = subprocess.run(
        [script, "check", "harbour.txt", "--format", "jsonl"],
        cwd=files,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert out.returncode == 1
    assert out.stdout == _python_m("check", "harbour.txt", "--format", "jsonl", cwd=files).stdout


def test_parquet_reference_tables_are_read(files: Path) -> None:
    pytest.importorskip("pyarrow")
    frame = pd.read_csv(files / "ref" / "survey.csv")
    (files / "pq").mkdir()
    frame.to_parquet(files / "pq" / "survey.parquet")
    from_csv = json.loads(run("check", "flood.txt", "-r", "ref", "--format", "json").stdout)
    from_parquet = json.loads(run("check", "flood.txt", "-r", "pq", "--format", "json").stdout)
    assert [f["expected_low"] for f in from_parquet["findings"]] == [
        f["expected_low"] for f in from_csv["findings"]
    ]
    assert from_parquet["findings"][0]["reference_file"] == str(Path("pq") / "survey.parquet")


def test_check_writes_an_html_report(files: Path) -> None:
    result = run("check", "harbour.txt", "ferry.txt", "-o", "report.html")
    assert result.exit_code == 1, result.output
    page = (files / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "harbour.txt" in page and "part_exceeds_whole" in page
    # the documents are shown in full, not only the sentences with claims
    assert HARBOUR.splitlines()[0][:20] in page
