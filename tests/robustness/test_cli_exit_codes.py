"""Exit codes of the figcheck command when its surroundings misbehave, and no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from figcheck.cli import cli

LOST_TANKS = "The army lost 160 of its 140 tanks.\n"


def _python_m(*args: str, cwd: Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "figcheck", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, **kw)


def test_closed_stdin_is_an_input_error(tmp_path: Path) -> None:
    out = subprocess.run(
        f"'{sys.executable}' -m figcheck extract - <&-", shell=True, cwd=tmp_path,
        capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 2
    assert out.stderr == (
        "figcheck: error: <stdin>: standard input is closed; "
        "pipe a document in or name a file instead of '-'\n"
    )


@pytest.mark.parametrize(("command", "code"), [("extract", 0), ("check", 1)])
def test_reader_that_exits_early_keeps_the_documented_exit_code(
    tmp_path: Path, command: str, code: int
) -> None:
    (tmp_path / "big.txt").write_text(LOST_TANKS * 40, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "figcheck", command, "big.txt"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # like `| true`: the reader is gone before figcheck writes
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == code
    assert err == b""


def test_internal_error_is_one_line_naming_it_a_bug(tmp_path: Path, monkeypatch) -> None:
    import figcheck.extraction.extractor as extractor  # looks assemble up at each call

    def broken(*args: object):
        raise RuntimeError("boom")

    (tmp_path / "a.txt").write_text(LOST_TANKS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(extractor, "assemble", broken)
    monkeypatch.delenv("FIGCHECK_DEBUG", raising=False)
    result = CliRunner().invoke(cli, ["extract", "a.txt"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("figcheck: error: internal error, a bug in figcheck and not in "
                               "your input (RuntimeError in test_cli_exit_codes.py:")
    assert "boom" in lines[0] and "FIGCHECK_DEBUG=1" in lines[0] and "report it" in lines[0]
    monkeypatch.setenv("FIGCHECK_DEBUG", "1")
    debug = CliRunner().invoke(cli, ["extract", "a.txt"])
    assert debug.exit_code == 2 and "Traceback" in debug.stderr


def test_a_base_exception_from_native_code_is_an_internal_error(tmp_path: Path, monkeypatch) -> None:
    import figcheck.extraction.extractor as extractor

    class PanicException(BaseException):  # what pyo3 raises for a Rust panic
        pass

    def panics(*args: object):
        raise PanicException("index out of bounds")

    (tmp_path / "a.txt").write_text(LOST_TANKS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(extractor, "assemble", panics)
    result = CliRunner().invoke(cli, ["check", "--exit-zero", "a.txt"])
    assert result.exit_code == 2
    assert "internal error" in result.stderr and "PanicException" in result.stderr


@pytest.mark.skipif(sys.platform == "win32" or sys.getfilesystemencoding() != "utf-8",
                    reason="needs a POSIX file system that takes undecodable names")
def test_undecodable_file_name(tmp_path: Path) -> None:
    name = os.fsdecode(b"notes\x80.txt")
    try:
        (tmp_path / name).write_text(LOST_TANKS, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses undecodable names")
    out = _python_m("check", name, cwd=tmp_path)
    assert out.returncode == 1, out.stderr
    assert out.stderr == ""
    assert "notes\ufffd.txt" in out.stdout
    extracted = _python_m("extract", "--format", "jsonl", name, cwd=tmp_path)
    assert extracted.returncode == 0 and extracted.stderr == ""


def test_running_out_of_memory_is_one_line_not_a_crash(tmp_path: Path, monkeypatch) -> None:
    import figcheck.extraction.extractor as extractor

    def exhausted(*args: object):
        raise MemoryError

    (tmp_path / "a.txt").write_text(LOST_TANKS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(extractor, "assemble", exhausted)
    result = CliRunner().invoke(cli, ["check", "a.txt"])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("figcheck: error: out of memory") and "fewer or smaller" in line
