"""What a short ``figcheck`` run imports: the help and the option tables need no models."""

from __future__ import annotations

import subprocess
import sys

_HEAVY = ("pydantic", "pandas", "pint", "simplemma", "dask")


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=120)
    return set(out.stdout.split())  # the module names, and whatever else the code printed


def test_the_command_line_and_its_help_import_no_models() -> None:
    code = (
        "import contextlib, io\n"
        "from figcheck.cli import cli\n"
        "for args in ([], ['extract'], ['check']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "        try:\n"
        "            cli.main(args=[*args, '--help'])\n"
        "        except SystemExit as done:\n"
        "            assert done.code == 0, done.code\n"
        "    assert 'Usage: figcheck' in out.getvalue(), out.getvalue()\n"
        "    print('helped', len(out.getvalue()))\n"
    )
    loaded = _modules_after(code)
    assert "helped" in loaded
    assert not {m.split(".")[0] for m in loaded} & set(_HEAVY)
    assert not {m for m in loaded if m.startswith(("figcheck.report", "figcheck.findings"))}


def test_the_option_tables_are_the_reports_and_the_checks() -> None:
    from figcheck import CheckId, findings, report
    from figcheck.check_ids import CheckId as Light
    from figcheck.output_formats import CLAIM_FORMATS, REPORT_FORMATS

    assert report.CLAIM_FORMATS is CLAIM_FORMATS and report.REPORT_FORMATS is REPORT_FORMATS
    assert CheckId is Light is findings.CheckId
