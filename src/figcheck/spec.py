"""Spec files (``figcheck*.toml``): which documents to check, against which tables, expecting what.

Read by the pytest plugin (each spec file becomes test items) and usable on its own. Standard
library only, so loading the plugin stays cheap. A spec file::

    # figcheck.toml
    documents = ["*.txt"]                     # globs relative to this file
    reference = ["../reference_data"]         # files, globs or directories (optional)
    checks = ["conflict", "reference_mismatch"]  # optional subset of check ids
    fail_on = "warning"                       # least severity that fails (default warning)

    [tolerances]                              # optional: hedge family -> relative tolerance
    almost = 0.1

    [options]                                 # optional keyword options for figcheck.check
    reference_tolerance = 0.01

    [xfail]                                   # optional: known failures, item = "reason"
    "speech.txt::reference_mismatch" = "the speech repeats a disputed figure"

    [[expect]]                                # optional explicit expectations
    document = "shoigu.txt"                   # optional glob; default: any document
    about = "fighter jets"
    equals = 152
    rel = 0.01                                # optional, as pytest.approx
    abs = 0                                   # optional
    unit = "count"                            # optional

Documents must lie under the spec file's folder (after resolving ``..`` and symbolic links)
unless the caller names a wider ``root`` (the plugin's ``--figcheck-root``), so a spec file
cannot make a test run read ``../../etc/passwd``. Globs are expanded once per pattern, with
repeated ``**/`` collapsed, and de-duplicated in linear time.

Every mistake is a :class:`~figcheck.errors.SpecError` naming the file, line and key.
"""

from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DocumentError, SpecError
from .files import read_text, table_files
from .tomlkeys import key_lines, parse_toml, string_list

__all__ = [
    "CHECK_IDS",
    "SEVERITIES",
    "Expectation",
    "Spec",
    "SpecError",
    "key_lines",
    "load_spec",
]

#: Severities a spec's ``fail_on`` may name, worst first.
SEVERITIES = ("error", "warning", "info")
#: The check ids a spec may select. Kept in sync with figcheck.findings.CheckId (a test checks
#: it) so that reading a spec never imports figcheck's models.
CHECK_IDS = (
    "part_exceeds_whole",
    "share_out_of_range",
    "stated_share_mismatch",
    "granularity",
    "conflict",
    "reference_mismatch",
    "change_mismatch",
    "sum_mismatch",
    "share_mismatch",
    "duration_mismatch",
)
_TOP_KEYS = (
    "documents",
    "reference",
    "checks",
    "fail_on",
    "tolerances",
    "options",
    "xfail",
    "expect",
)
_EXPECT_KEYS = ("document", "about", "equals", "rel", "abs", "unit")


@dataclass(frozen=True)
class Expectation:
    """One ``[[expect]]`` entry of a spec."""

    about: str
    equals: float
    rel: float | None = None
    abs: float | None = None
    unit: str | None = None
    document: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Spec:
    """A validated spec file, with its paths resolved."""

    path: Path
    documents: tuple[Path, ...]
    reference: tuple[Path, ...] = ()
    checks: tuple[str, ...] = CHECK_IDS
    fail_on: str = "warning"
    tolerances: dict[str, float] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    xfail: dict[str, str] = field(default_factory=dict)
    expectations: tuple[Expectation, ...] = ()
    lines: dict[str, int] = field(default_factory=dict)


def _strings(value: Any, spec: str, line: int, key: str) -> list[str]:
    try:
        return string_list(value, single=True, blank_items=False)
    except ValueError as exc:
        raise SpecError(spec, line, key, str(exc)) from None


def _number(value: Any, spec: str, line: int, key: str, *, minimum: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SpecError(spec, line, key, f"must be a number, got {value!r}")
    if minimum is not None and value < minimum:
        raise SpecError(spec, line, key, f"must be >= {minimum:g}, got {value!r}")
    return float(value)


def _matched_files(
    value: object,
    name: str,
    lines: dict[str, int],
    key: str,
    base: Path,
    what: str,
    *,
    folders_ok: bool = True,
    root: Path | None = None,
) -> list[Path]:
    """The files the globs of spec key ``key`` match, in order, each once.

    Raises:
        SpecError: a glob matches nothing, names a folder where files are wanted, or (with
            ``root``) a file outside ``root``.
    """
    files: dict[Path, None] = {}
    line = lines.get(key, 0)
    for pattern in _strings(value, name, line, key):
        if not folders_ok and (base / pattern).is_dir():
            raise SpecError(
                name,
                line,
                key,
                f"{pattern!r} is a folder; use a glob such as '{pattern.rstrip('/')}/*.txt'",
            )
        found = _expand(base, pattern)
        if not found:
            raise SpecError(name, line, key, f"{pattern!r} matches no {what} in {base}")
        if root is not None:
            outside = next((p for p in found if not p.resolve().is_relative_to(root)), None)
            if outside is not None:
                raise SpecError(
                    name, line, key,
                    f"{pattern!r} reaches {str(outside)!r}, outside {str(root)!r}; keep the "
                    "documents under the spec file's folder, or allow a wider folder with "
                    "--figcheck-root",
                )
        files.update(dict.fromkeys(found))
    return list(files)


# "**/**/" matches what one "**/" matches, but glob walks the tree once per "**".
_REPEATED_STARS = re.compile(r"(?:\*\*[/\\])(?:\*\*[/\\])++")


def _expand(base: Path, pattern: str) -> list[Path]:
    """Files matching ``pattern`` (a path, glob or directory) relative to ``base``."""
    target = Path(os.path.normpath(base / pattern))
    if target.is_dir():
        return table_files(target)
    if glob.has_magic(pattern):
        target = Path(os.path.normpath(base / _REPEATED_STARS.sub("**/", pattern)))
        found = {p for p in glob.iglob(str(target), recursive=True) if os.path.isfile(p)}
        return [Path(p) for p in sorted(found)]
    return [target] if target.is_file() else []


def load_spec(path: Path, display: str | None = None, *, root: Path | None = None) -> Spec:
    """Read and validate a spec file; ``display`` is the name errors use (default: ``path``).

    Documents must lie under ``root`` (default: the spec file's folder).

    Raises:
        SpecError: the file is not valid TOML, a key is missing, unknown or of the wrong type,
            or a document lies outside ``root``.
    """
    name = display or str(path)
    try:
        text = read_text(path, name)
    except DocumentError as exc:
        raise SpecError(name, exc.line, "<file>", exc.reason) from None
    data, lines = parse_toml(text, name, SpecError)
    for key in data:
        if key not in _TOP_KEYS:
            allowed = ", ".join(_TOP_KEYS)
            raise SpecError(name, lines.get(key, 0), key, f"unknown key; use one of: {allowed}")
    if "documents" not in data:
        raise SpecError(name, 1, "documents", 'is required, e.g. documents = ["*.txt"]')
    base = path.parent
    documents = _matched_files(
        data["documents"], name, lines, "documents", base, "file", folders_ok=False,
        root=(root or base).resolve(),
    )
    reference = _matched_files(
        data.get("reference", []), name, lines, "reference", base, "CSV or Parquet file"
    )

    def fail(key: str, reason: str) -> SpecError:
        return SpecError(name, lines.get(key, 0), key, reason)

    checks = _strings(data.get("checks", list(CHECK_IDS)), name, lines.get("checks", 0), "checks")
    for check in checks:
        if check not in CHECK_IDS:
            raise fail("checks", f"unknown check {check!r}; use: {', '.join(CHECK_IDS)}")
    if not reference:
        checks = [c for c in checks if c != "reference_mismatch"]
    fail_on = data.get("fail_on", "warning")
    if fail_on not in SEVERITIES:
        raise fail("fail_on", f"got {fail_on!r}; use one of: {', '.join(SEVERITIES)}")
    options = data.get("options", {})
    if not isinstance(options, dict):
        raise fail("options", "must be a table: [options]")
    tolerances = data.get("tolerances", {})
    if not isinstance(tolerances, dict):
        raise fail("tolerances", "must be a table: [tolerances]")
    for family, value in tolerances.items():
        key = f"tolerances.{family}"
        where = lines.get(key, lines.get("tolerances", 0))
        if _number(value, name, where, key, minimum=0) >= 1:
            raise SpecError(
                name, where, key, f"must be below 1 (a relative tolerance), got {value!r}"
            )
    xfail = data.get("xfail", {})
    if not isinstance(xfail, dict) or not all(isinstance(v, str) for v in xfail.values()):
        raise fail("xfail", 'must be a table of item = "reason" strings')
    expect = data.get("expect", [])
    if not isinstance(expect, list):
        raise fail("expect", "must be an array of tables: [[expect]]")
    return Spec(
        path=path,
        documents=tuple(documents),
        reference=tuple(reference),
        checks=tuple(checks),
        fail_on=fail_on,
        tolerances={k: float(v) for k, v in tolerances.items()},
        options=dict(options),
        xfail=dict(xfail),
        expectations=tuple(_expectation(e, i, name, lines) for i, e in enumerate(expect)),
        lines=lines,
    )


def _expectation(entry: Any, index: int, spec: str, lines: dict[str, int]) -> Expectation:
    at = f"expect[{index}]"
    line = lines.get(at, 0)
    if not isinstance(entry, dict):
        raise SpecError(spec, line, at, "must be a table with about = ... and equals = ...")
    for key in entry:
        if key not in _EXPECT_KEYS:
            allowed = ", ".join(_EXPECT_KEYS)
            raise SpecError(
                spec,
                lines.get(f"{at}.{key}", line),
                f"{at}.{key}",
                f"unknown key; use one of: {allowed}",
            )
    for key in ("about", "equals"):
        if key not in entry:
            raise SpecError(spec, line, f"{at}.{key}", "is required")

    def where(key: str) -> tuple[str, int, str]:
        return spec, lines.get(f"{at}.{key}", line), f"{at}.{key}"

    about = entry["about"]
    if not isinstance(about, str) or not about.strip():
        raise SpecError(*where("about"), f"must be a non-empty string, got {about!r}")
    for key in ("unit", "document"):
        if key in entry and (not isinstance(entry[key], str) or not entry[key]):
            raise SpecError(*where(key), f"must be a non-empty string, got {entry[key]!r}")
    return Expectation(
        about=about,
        equals=_number(entry["equals"], *where("equals")),
        rel=_number(entry["rel"], *where("rel"), minimum=0) if "rel" in entry else None,
        abs=_number(entry["abs"], *where("abs"), minimum=0) if "abs" in entry else None,
        unit=entry.get("unit"),
        document=entry.get("document"),
        line=line,
    )
