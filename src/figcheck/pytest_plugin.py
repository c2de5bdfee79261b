"""pytest plugin: ``figcheck*.toml`` spec files become test items.

Registered through the ``pytest11`` entry point, so it loads in every pytest
run of an environment that has figcheck installed: this module imports only
the standard library and pytest; figcheck, pandas and pint are imported when
a spec file is actually run.

A spec file names documents, reference tables and expectations::

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

Each document gets one item per check (``figcheck.toml::speech.txt::conflict``)
and each ``[[expect]]`` one item (``figcheck.toml::expect[fighter jets]``).
Failures print ``doc:line:col`` and the claim, without a Python traceback
(``--figcheck-traceback`` shows it).
"""

from __future__ import annotations

import fnmatch
import glob
import os
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

__all__ = ["Expectation", "Spec", "SpecError", "load_spec"]

_SEVERITIES = ("error", "warning", "info")
# Kept in sync with figcheck.findings.CheckId (tests check it) so that importing
# the plugin never imports figcheck's models.
_CHECK_IDS = (
    "part_exceeds_whole",
    "share_out_of_range",
    "stated_share_mismatch",
    "granularity",
    "conflict",
    "reference_mismatch",
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
_REFERENCE_SUFFIXES = (".csv", ".tsv", ".parquet", ".pq")


class SpecError(ValueError):
    """A figcheck spec file is malformed: ``path:line: key: reason``."""

    def __init__(self, path: str, line: int, key: str, reason: str) -> None:
        super().__init__(path, line, key, reason)
        self.path, self.line, self.key, self.reason = path, line, key, reason

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.key}: {self.reason}"


class FigcheckFailure(AssertionError):
    """A spec item failed; the message is the whole report."""


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
    checks: tuple[str, ...] = _CHECK_IDS
    fail_on: str = "warning"
    tolerances: dict[str, float] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    xfail: dict[str, str] = field(default_factory=dict)
    expectations: tuple[Expectation, ...] = ()
    lines: dict[str, int] = field(default_factory=dict)


# A table header ("[options]", "[[expect]]") or a "key =" line; no nesting, so no backtracking.
_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.-]++)\s*\]\]?")
_KEY = re.compile(r"""^\s*(?:"([^"]*+)"|'([^']*+)'|([A-Za-z0-9_-]++))\s*=""")


def key_lines(text: str) -> dict[str, int]:
    """1-based line of every key: ``documents``, ``options.x``, ``expect[0]``, ``expect[0].about``.

    >>> key_lines('documents = ["a.txt"]\\n[[expect]]\\nabout = "x"\\n')
    {'documents': 1, 'expect[0]': 2, 'expect[0].about': 3}
    """
    where: dict[str, int] = {}
    counts: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), 1):
        if header := _HEADER.match(line):
            name = header.group(2)
            if header.group(1) == "[[":
                index = counts.get(name, 0)
                counts[name] = index + 1
                table = f"{name}[{index}]"
            else:
                table = name
            where.setdefault(table, number)
        elif key := _KEY.match(line):
            name = next(g for g in key.groups() if g is not None)
            where.setdefault(f"{table}.{name}" if table else name, number)
    return where


def _strings(value: Any, spec: str, line: int, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise SpecError(spec, line, key, f"must be a string or a list of strings, got {value!r}")
    return value


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
) -> list[Path]:
    """The files the globs of spec key ``key`` match, in order, each once; SpecError if one matches none."""
    files: list[Path] = []
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
        files.extend(p for p in found if p not in files)
    return files


def _expand(base: Path, pattern: str) -> list[Path]:
    """Files matching ``pattern`` (a path, glob or directory) relative to ``base``."""
    target = Path(os.path.normpath(base / pattern))
    if target.is_dir():
        return sorted(p for p in target.iterdir() if p.suffix.lower() in _REFERENCE_SUFFIXES)
    if glob.has_magic(pattern):
        return sorted(Path(p) for p in glob.glob(str(target), recursive=True) if Path(p).is_file())
    return [target] if target.is_file() else []


def load_spec(path: Path, display: str | None = None) -> Spec:
    """Read and validate a spec file; ``display`` is the name errors use (default: ``path``).

    Raises:
        SpecError: the file is not valid TOML, or a key is missing, unknown or of the wrong type.
    """
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SpecError(name, 0, "<file>", f"not UTF-8 text (byte {exc.start})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        if m := re.search(r"line (\d+)", str(exc)):
            line = int(m.group(1))
        else:  # "at end of document"
            line = max(len(text.splitlines()), 1)
        raise SpecError(name, line, "<syntax>", str(exc)) from None
    lines = key_lines(text)
    for key in data:
        if key not in _TOP_KEYS:
            allowed = ", ".join(_TOP_KEYS)
            raise SpecError(name, lines.get(key, 0), key, f"unknown key; use one of: {allowed}")
    if "documents" not in data:
        raise SpecError(name, 1, "documents", 'is required, e.g. documents = ["*.txt"]')
    base = path.parent
    documents = _matched_files(
        data["documents"], name, lines, "documents", base, "file", folders_ok=False
    )
    reference = _matched_files(
        data.get("reference", []), name, lines, "reference", base, "CSV or Parquet file"
    )
    checks = _strings(data.get("checks", list(_CHECK_IDS)), name, lines.get("checks", 0), "checks")
    for check in checks:
        if check not in _CHECK_IDS:
            raise SpecError(
                name,
                lines.get("checks", 0),
                "checks",
                f"unknown check {check!r}; use: {', '.join(_CHECK_IDS)}",
            )
    if not reference:
        checks = [c for c in checks if c != "reference_mismatch"]
    fail_on = data.get("fail_on", "warning")
    if fail_on not in _SEVERITIES:
        raise SpecError(
            name,
            lines.get("fail_on", 0),
            "fail_on",
            f"got {fail_on!r}; use one of: {', '.join(_SEVERITIES)}",
        )
    options = data.get("options", {})
    if not isinstance(options, dict):
        raise SpecError(name, lines.get("options", 0), "options", "must be a table: [options]")
    tolerances = data.get("tolerances", {})
    if not isinstance(tolerances, dict):
        raise SpecError(
            name, lines.get("tolerances", 0), "tolerances", "must be a table: [tolerances]"
        )
    for family, value in tolerances.items():
        key = f"tolerances.{family}"
        where = lines.get(key, lines.get("tolerances", 0))
        if _number(value, name, where, key, minimum=0) >= 1:
            raise SpecError(
                name, where, key, f"must be below 1 (a relative tolerance), got {value!r}"
            )
    xfail = data.get("xfail", {})
    if not isinstance(xfail, dict) or not all(isinstance(v, str) for v in xfail.values()):
        raise SpecError(
            name, lines.get("xfail", 0), "xfail", 'must be a table of item = "reason" strings'
        )
    expect = data.get("expect", [])
    if not isinstance(expect, list):
        raise SpecError(
            name, lines.get("expect", 0), "expect", "must be an array of tables: [[expect]]"
        )
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


def pytest_addoption(parser: pytest.Parser) -> None:
    """The ``--figcheck-*`` options and the ``figcheck_spec_glob`` ini setting."""
    group = parser.getgroup("figcheck", "figcheck spec files")
    group.addoption(
        "--figcheck-fail-on",
        choices=_SEVERITIES,
        default=None,
        help="least severity that fails a figcheck item (overrides the spec's fail_on)",
    )
    group.addoption(
        "--figcheck-traceback",
        action="store_true",
        default=False,
        help="show Python tracebacks for failing figcheck items",
    )
    parser.addini(
        "figcheck_spec_glob", "file name glob of figcheck spec files", default="figcheck*.toml"
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collect spec files whose name matches ``figcheck_spec_glob``."""
    pattern = parent.config.getini("figcheck_spec_glob") or "figcheck*.toml"
    if file_path.suffix == ".toml" and fnmatch.fnmatch(file_path.name, pattern):
        return SpecFile.from_parent(parent, path=file_path)
    return None


def _display(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when it is inside it, for clickable doc:line:col."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


class SpecFile(pytest.File):
    """A figcheck spec file; runs figcheck once and shares the report among its items."""

    def collect(self) -> Iterator[pytest.Item]:
        """One item per document and check, and one per expectation."""
        root = self.config.rootpath
        display = _display(self.path, root)
        self.spec = load_spec(self.path, display)
        self._result: Any = None
        self.doc_ids = {doc: _display(doc, root) for doc in self.spec.documents}
        checks_line = self.spec.lines.get("checks", self.spec.lines.get("documents", 1))
        items: list[_FigcheckItem] = []
        for doc in self.spec.documents:
            label = _display(doc, self.path.parent)
            for check in self.spec.checks:
                items.append(
                    CheckItem.from_parent(
                        self, name=f"{label}::{check}", document=doc, check=check, line=checks_line
                    )
                )
        for number, expectation in enumerate(self.spec.expectations):
            items.append(
                ExpectItem.from_parent(
                    self, name=f"expect[{number}: {expectation.about}]", expectation=expectation
                )
            )
        names = {item.name for item in items}
        for name in self.spec.xfail:
            if name not in names:
                line = self.spec.lines.get(f"xfail.{name}", self.spec.lines.get("xfail", 0))
                known = ", ".join(sorted(names)[:6])
                raise SpecError(
                    display, line, f"xfail.{name}", f"names no item; items are: {known} ..."
                )
        for item in items:
            if item.name in self.spec.xfail:
                item.add_marker(pytest.mark.xfail(reason=self.spec.xfail[item.name], strict=True))
        yield from items

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        """A spec error as its one-line message, not a traceback."""
        if isinstance(excinfo.value, SpecError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def report(self) -> Any:
        """The figcheck Report for this spec, computed on first use."""
        if self._result is None:
            self._result = _run(self.spec, self.doc_ids, _display(self.path, self.config.rootpath))
        if isinstance(self._result, BaseException):
            raise self._result
        return self._result


def _run(spec: Spec, doc_ids: dict[Path, str], display: str) -> Any:
    """``figcheck.check`` over the spec's documents and tables, or the error it raised."""
    import dataclasses

    from figcheck.pipeline import check
    from figcheck.documents import load_documents
    from figcheck.errors import FigcheckError

    options = dict(spec.options)
    if spec.tolerances:
        options["tolerances"] = dict(spec.tolerances)
    options.setdefault("checks", list(spec.checks))
    try:
        documents = [
            dataclasses.replace(doc, id=doc_ids[path])
            for path in spec.documents
            for doc in load_documents([path])
        ]
        # Relative to the working directory, so messages name "reference_data/x.csv:5".
        reference = [os.path.relpath(p) for p in spec.reference] or None
        return check(documents, reference=reference, **options)
    except (FigcheckError, OSError, TypeError, ValueError, ImportError) as exc:
        return FigcheckFailure(f"{display}: figcheck could not run: {exc}")


class _FigcheckItem(pytest.Item):
    """Shared failure display for figcheck items."""

    line: int = 0

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        """A figcheck failure as its message; anything else as pytest's usual traceback."""
        from figcheck.errors import FigcheckError

        domain = (FigcheckFailure, SpecError, FigcheckError)
        if isinstance(excinfo.value, domain) and not self.config.getoption("figcheck_traceback"):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        """Point at the spec line that declared the item."""
        return self.path, max(self.line - 1, 0), f"figcheck: {self.name}"

    def fail_on(self) -> str:
        """The least severity that fails this item."""
        return self.config.getoption("figcheck_fail_on") or self.parent.spec.fail_on


class CheckItem(_FigcheckItem):
    """One check over one document: fails on findings of that check that involve a claim of it."""

    def __init__(self, *, document: Path, check: str, line: int = 0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.document, self.check, self.line = document, check, line

    def runtest(self) -> None:
        """Fail with the findings of this check whose claim is in this document."""
        from figcheck.testing import failure_message

        parent: SpecFile = self.parent  # type: ignore[assignment]
        report = parent.report()
        doc_id = parent.doc_ids[self.document]
        # A conflict between two documents fails the items of both.
        failures = [
            f
            for f in report.failures(self.fail_on())
            if str(f.check) == self.check
            and (f.claim.doc_id == doc_id or (f.other is not None and f.other.doc_id == doc_id))
        ]
        if failures:
            total = sum(1 for c in report.claims if c.doc_id == doc_id)
            raise FigcheckFailure(failure_message(failures, total, what=f"check {self.check!r}"))


class ExpectItem(_FigcheckItem):
    """One ``[[expect]]``: some document states a figure about ``about`` equal to ``equals``."""

    def __init__(self, *, expectation: Expectation, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.expectation = expectation
        self.line = expectation.line

    def runtest(self) -> None:
        """Pass when one of the documents it names agrees with the expectation."""
        from figcheck.testing import assert_claim

        parent: SpecFile = self.parent  # type: ignore[assignment]
        exp = self.expectation
        docs = [
            d
            for d in parent.spec.documents
            if exp.document is None
            or fnmatch.fnmatch(_display(d, parent.path.parent), exp.document)
        ]
        if not docs:
            raise SpecError(
                _display(parent.path, self.config.rootpath),
                exp.line,
                "document",
                f"{exp.document!r} names no listed document",
            )
        errors = []
        for doc in docs:
            try:
                assert_claim(
                    doc,
                    exp.about,
                    exp.equals,
                    rel=exp.rel,
                    abs=exp.abs,
                    unit=exp.unit,
                    doc_id=parent.doc_ids[doc],
                )
                return
            except AssertionError as exc:
                errors.append(str(exc))
        raise FigcheckFailure("\n\n".join(errors))
