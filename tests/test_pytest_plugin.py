"""The pytest plugin: figcheck*.toml spec files collected as test items (run through pytester)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from xml.etree import ElementTree

import pandas  # noqa: F401  # loaded before pytester's in-process runs snapshot sys.modules:
# a C extension (numpy) first imported inside such a run is dropped afterwards and
# cannot be imported again in this process
import pytest

import figcheck.pipeline  # noqa: F401  # likewise: figcheck's models loaded once, before any
# in-process run, so the classes the package caches (figcheck.Document) stay the ones in use
from figcheck import CheckId
from figcheck.spec import CHECK_IDS, SpecError, key_lines, load_spec

pytest_plugins = ["pytester"]

from sample_texts import FERRY, FLOOD_A, FLOOD_B, HARBOUR, SURVEY


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A pytester directory holding the documents above and a reference table."""
    pytester.makefile(".txt", harbour=HARBOUR, ferry=FERRY, flood_a=FLOOD_A, flood_b=FLOOD_B)
    (pytester.path / "ref").mkdir()
    (pytester.path / "ref" / "survey.csv").write_text(SURVEY, encoding="utf-8")
    return pytester


def spec(pytester: pytest.Pytester, body: str, name: str = "figcheck") -> Path:
    return pytester.makefile(".toml", **{name: textwrap.dedent(body)})


def test_one_item_per_document_and_check(project: pytest.Pytester) -> None:
    spec(
        project,
        'documents = ["ferry.txt", "harbour.txt"]\n'
        'checks = ["granularity", "part_exceeds_whole"]\n',
    )
    result = project.runpytest("--collect-only", "-q")
    result.stdout.fnmatch_lines(
        [
            "figcheck.toml::ferry.txt::granularity",
            "figcheck.toml::ferry.txt::part_exceeds_whole",
            "figcheck.toml::harbour.txt::granularity",
            "figcheck.toml::harbour.txt::part_exceeds_whole",
        ]
    )


def test_reference_mismatch_items_only_with_reference_tables(project: pytest.Pytester) -> None:
    spec(project, 'documents = ["ferry.txt"]\n')
    result = project.runpytest("--collect-only", "-q")
    assert "reference_mismatch" not in result.stdout.str()
    assert len([ln for ln in result.stdout.lines if ln.startswith("figcheck.toml::")]) == 9  # every check id but reference_mismatch


def test_failures_point_at_the_claim_without_a_traceback(project: pytest.Pytester) -> None:
    spec(project, 'documents = ["*.txt"]\nreference = ["ref"]\n')
    result = project.runpytest("-q")
    outcomes = result.parseoutcomes()
    # harbour: part_exceeds_whole + granularity; flood_a: conflict + reference_mismatch;
    # flood_b: conflict (across documents fails both sides)
    assert outcomes["failed"] == 5, result.stdout.str()
    out = result.stdout.str()
    result.stdout.fnmatch_lines(
        [
            "*figcheck: harbour.txt::part_exceeds_whole*",
            "figcheck check 'part_exceeds_whole' failed for 1 of 3 claims "
            "(1 finding: 1 part_exceeds_whole)",
            "worst: harbour.txt:3:48 '75 of the 50' [[]part_exceeds_whole, error[]]",
        ]
    )
    result.stdout.fnmatch_lines(["worst: flood_a.txt:1:19 '1,200' [[]reference_mismatch, error[]]"])
    result.stdout.fnmatch_lines(
        ["*Tarville / flooded homes — Tarville flood survey (ref/survey.csv:2)"]
    )
    assert "Traceback" not in out and "pytest_plugin.py" not in out and "def runtest" not in out


def test_fail_on_error_lets_warnings_pass(project: pytest.Pytester) -> None:
    spec(project, 'documents = ["harbour.txt"]\nchecks = ["granularity"]\n')
    project.runpytest().assert_outcomes(failed=1)
    project.runpytest("--figcheck-fail-on", "error").assert_outcomes(passed=1)


def test_spec_fail_on_is_read(project: pytest.Pytester) -> None:
    spec(project, 'documents = ["harbour.txt"]\nchecks = ["granularity"]\nfail_on = "error"\n')
    project.runpytest().assert_outcomes(passed=1)


def test_expectations_pass_and_fail_with_a_clear_message(project: pytest.Pytester) -> None:
    spec(
        project,
        """\
        documents = ["ferry.txt"]
        checks = []

        [[expect]]
        about = "passengers"
        equals = 212

        [[expect]]
        about = "passengers"
        equals = 250
        rel = 0.05
        """,
    )
    result = project.runpytest("-q")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*figcheck: expect[[]1: passengers[]]*",
            "ferry.txt: no claim about 'passengers' matches 250 ± 12.5 (1 claim about it)",
            "closest: ferry.txt:1:19 '212*': claimed 212, expected 250 ± 12.5, difference 10.2%",
        ]
    )


def test_strict_xfail_marks_known_discrepancies(project: pytest.Pytester) -> None:
    spec(
        project,
        """\
        documents = ["harbour.txt", "ferry.txt"]
        checks = ["part_exceeds_whole"]

        [xfail]
        "harbour.txt::part_exceeds_whole" = "75 of 50 cranes is the planted error"
        "ferry.txt::part_exceeds_whole" = "nothing wrong here, so this must XPASS"
        """,
    )
    result = project.runpytest("-rxX")
    result.assert_outcomes(xfailed=1, failed=1)
    result.stdout.fnmatch_lines(["*XPASS(strict)*nothing wrong here*"])


def test_junitxml_carries_the_failure_text(project: pytest.Pytester) -> None:
    spec(project, 'documents = ["harbour.txt"]\nchecks = ["part_exceeds_whole"]\n')
    project.runpytest("--junitxml=out.xml").assert_outcomes(failed=1)
    tree = ElementTree.parse(project.path / "out.xml")
    case = tree.find(".//testcase")
    assert (case.get("classname"), case.get("name")) == (
        "figcheck.toml.harbour.txt",
        "part_exceeds_whole",
    )
    message = case.find("failure").get("message")
    assert (
        message.splitlines()[1]
        == "worst: harbour.txt:3:48 '75 of the 50' [part_exceeds_whole, error]"
    )


def test_k_selects_by_check(project: pytest.Pytester) -> None:
    spec(project, 'documents = ["harbour.txt", "ferry.txt"]\n')
    project.runpytest("-k", "granularity").assert_outcomes(passed=1, failed=1)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('documents = ["ferry.txt"]\ncolour = "red"\n', "figcheck.toml:2: colour: unknown key"),
        ('checks = ["conflict"]\n', "figcheck.toml:1: documents: is required"),
        ('documents = ["*.pdf"]\n', "figcheck.toml:1: documents: '*.pdf' matches no file"),
        ('documents = ["ref"]\n', "figcheck.toml:1: documents: 'ref' is a folder; use a glob*"),
        (
            'documents = ["ferry.txt"]\nreference = ["nope"]\n',
            "figcheck.toml:2: reference: 'nope' matches no CSV or Parquet file",
        ),
        (
            'documents = ["ferry.txt"]\nchecks = ["spelling"]\n',
            "figcheck.toml:2: checks: unknown check 'spelling'",
        ),
        ('documents = ["ferry.txt"]\nfail_on = "fatal"\n', "figcheck.toml:2: fail_on: got 'fatal'"),
        (
            'documents = ["ferry.txt"]\n\n[[expect]]\nabout = "x"\nequals = "many"\n',
            "figcheck.toml:5: expect[[]0[]].equals: must be a number, got 'many'",
        ),
        (
            'documents = ["ferry.txt"]\n[[expect]]\nequals = 3\n',
            "figcheck.toml:2: expect[[]0[]].about: is required",
        ),
        (
            'documents = ["ferry.txt"]\n[[expect]]\nabout = "x"\nequals = 3\nrel = -1\n',
            "figcheck.toml:5: expect[[]0[]].rel: must be >= 0, got -1",
        ),
        (
            'documents = ["ferry.txt"]\n[tolerances]\nalmost = 2\n',
            "figcheck.toml:3: tolerances.almost: must be below 1*",
        ),
        (
            'documents = ["ferry.txt"]\n[xfail]\n"ferry.txt::typo" = "x"\n',
            "figcheck.toml:3: xfail.ferry.txt::typo: names no item*",
        ),
        ("documents = [\n", "figcheck.toml:*: <syntax>: *"),
    ],
    ids=[
        "unknown-key",
        "no-documents",
        "no-match",
        "folder",
        "no-reference",
        "bad-check",
        "bad-fail-on",
        "bad-equals",
        "no-about",
        "negative-rel",
        "big-tolerance",
        "xfail-typo",
        "syntax",
    ],
)
def test_spec_errors_name_file_line_and_key(
    project: pytest.Pytester, body: str, message: str
) -> None:
    spec(project, body)
    result = project.runpytest()
    assert result.ret == pytest.ExitCode.INTERRUPTED  # collection error
    result.stdout.fnmatch_lines([message + "*"])
    assert "Traceback" not in result.stdout.str()


def test_a_bad_reference_row_fails_the_items_with_its_location(project: pytest.Pytester) -> None:
    (project.path / "ref" / "survey.csv").write_text(
        "subject,measure,value,unit\nTarville,flooded homes,lots,count\n", encoding="utf-8"
    )
    spec(
        project,
        'documents = ["ferry.txt"]\nreference = ["ref/survey.csv"]\nchecks = ["conflict"]\n',
    )
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*figcheck could not run*", "*ref/survey.csv:2: column 'value'*"])


def test_other_toml_files_are_not_collected(project: pytest.Pytester) -> None:
    spec(project, 'documents = ["ferry.txt"]\n', name="settings")
    assert project.runpytest("--collect-only").ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_spec_glob_can_be_changed(project: pytest.Pytester) -> None:
    project.makeini("[pytest]\nfigcheck_spec_glob = checks_*.toml\n")
    spec(project, 'documents = ["ferry.txt"]\nchecks = ["conflict"]\n', name="checks_ferry")
    project.runpytest().assert_outcomes(passed=1)


def test_importing_the_plugin_does_not_import_pandas_or_pint() -> None:
    code = (
        "import sys, figcheck.pytest_plugin; print(sorted({'pandas', 'pint'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_check_ids_match_figcheck() -> None:
    assert CHECK_IDS == tuple(c.value for c in CheckId)


def test_key_lines_finds_nested_keys() -> None:
    text = (
        'documents = ["a"]\n[tolerances]\n"almost" = 0.1\n\n'
        '[[expect]]\nabout = "x"\n[[expect]]\n  equals = 2\n'
    )
    assert key_lines(text) == {
        "documents": 1,
        "tolerances": 2,
        "tolerances.almost": 3,
        "expect[0]": 5,
        "expect[0].about": 6,
        "expect[1]": 7,
        "expect[1].equals": 8,
    }


def test_load_spec_resolves_paths_relative_to_the_spec(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "t.csv").write_text(SURVEY, encoding="utf-8")
    (tmp_path / "tables" / "notes.md").write_text("not a table", encoding="utf-8")
    path = tmp_path / "docs" / "figcheck.toml"
    path.write_text('documents = ["*.txt"]\nreference = ["../tables"]\n', encoding="utf-8")
    loaded = load_spec(path)
    assert loaded.documents == (tmp_path / "docs" / "a.txt",)
    assert loaded.reference == (tmp_path / "tables" / "t.csv",)
    assert "reference_mismatch" in loaded.checks


def test_spec_error_pickles_and_formats() -> None:
    import pickle

    error = pickle.loads(pickle.dumps(SpecError("f.toml", 3, "checks", "bad")))
    assert str(error) == "f.toml:3: checks: bad"


def test_last_failed_reruns_only_the_failed_spec_items(project: pytest.Pytester) -> None:
    spec(project, 'documents = ["harbour.txt", "ferry.txt"]\n'
                  'checks = ["granularity", "part_exceeds_whole"]\n')
    project.runpytest("-p", "cacheprovider").assert_outcomes(passed=2, failed=2)
    again = project.runpytest("-p", "cacheprovider", "--lf")
    again.assert_outcomes(failed=2)  # the two passing items are not run again
    again.stdout.fnmatch_lines(["*rerun previous 2 failures*"])
    stepwise = project.runpytest("-p", "cacheprovider", "--sw")
    stepwise.assert_outcomes(failed=1)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("refrence_tolerance = 0.01", "figcheck.toml:4: options.refrence_tolerance: *unknown option*"),
        ('reference_tolerance = "x"', "figcheck.toml:4: options.reference_tolerance: *number*"),
    ],
)
def test_spec_options_are_checked_at_collection(project: pytest.Pytester, options: str,
                                                message: str) -> None:
    spec(project, f'documents = ["ferry.txt"]\n\n[options]\n{options}\n')
    result = project.runpytest("--collect-only")
    result.stdout.fnmatch_lines([f"*{message}*"])
    assert result.ret != 0
