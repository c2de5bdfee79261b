"""The examples and the README's quick-start command run, so they cannot rot.

Each test runs the real thing in a subprocess from the repository root: the
analysis script, ``pytest examples/`` (the spec file and the assertion
helpers) and the ``figcheck check`` command line.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from figcheck.report import CSV_COLUMNS, read_csv

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
# The contradiction the example articles are built around, and how figcheck explains it.
CONTRADICTION = re.compile(
    r"kremlin_claims\.txt:\d+:\d+ +error +reference_mismatch +'almost 14,000"
)
CONFLATION = re.compile(r"^ +hint: possible conflation with deaths", re.MULTILINE)


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False, timeout=300
    )


def test_analysis_script_ends_in_a_frame_and_a_csv(tmp_path: Path) -> None:
    out = tmp_path / "nested" / "discrepancies.csv"
    done = _run(str(EXAMPLES / "analysis.py"), "--output", str(out))
    assert done.returncode == 0, done.stderr
    assert CONTRADICTION.search(done.stdout), done.stdout
    assert CONFLATION.search(done.stdout)
    assert "Claims the reference tables contradict:" in done.stdout
    frame = read_csv(out)
    assert tuple(frame.columns) == CSV_COLUMNS
    assert f"wrote {len(frame)} discrepancies to {out}" in done.stdout
    assert "almost 14,000" in set(frame.loc[frame["verdict"] == "contradicted", "text"])


def test_readme_check_command_prints_findings_and_writes_the_csv(tmp_path: Path) -> None:
    out = tmp_path / "discrepancies.csv"
    articles = sorted(str(p.relative_to(ROOT)) for p in EXAMPLES.glob("*.txt"))
    done = _run(
        "-m", "figcheck", "check", *articles, "--reference", "reference_data/", "-o", str(out)
    )
    assert done.returncode == 1, done.stderr  # the examples contain discrepancies
    assert done.stderr == ""
    assert CONTRADICTION.search(done.stdout), done.stdout
    assert CONFLATION.search(done.stdout)
    frame = read_csv(out)
    assert tuple(frame.columns) == CSV_COLUMNS
    summary = done.stdout.splitlines()[-1]
    assert (
        summary.startswith(f"{len(frame)} findings") and f"in {len(articles)} documents" in summary
    )


def test_pytest_examples_is_green_with_the_known_discrepancies_as_xfail() -> None:
    done = _run("-m", "pytest", "examples", "-p", "no:cacheprovider", "-q", "-rxX")
    assert done.returncode == 0, done.stdout
    assert re.search(
        r"XFAIL examples/figcheck\.toml::kremlin_claims\.txt::reference_mismatch", done.stdout
    )
    assert re.search(
        r"XFAIL examples/test_claims\.py::test_the_reported_articles_match", done.stdout
    )
    assert "XPASS" not in done.stdout


def test_pytest_examples_failure_text_points_at_the_claim() -> None:
    done = _run(
        "-m",
        "pytest",
        "examples/figcheck.toml",
        "-p",
        "no:cacheprovider",
        "-q",
        "--runxfail",
        "-k",
        "kremlin_claims.txt and reference_mismatch",
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout
    assert re.search(
        r"^  examples/kremlin_claims\.txt:\d+:\d+ +reference_mismatch +'almost 14,000'",
        done.stdout,
        re.MULTILINE,
    ), done.stdout
    assert "Donbas / civilian deaths" in done.stdout
