"""pytest plugin: ``figcheck*.toml`` spec files become test items.

Registered through the ``pytest11`` entry point, so it loads in every pytest
run of an environment that has figcheck installed: this module imports only
the standard library, pytest and figcheck's spec loader (:mod:`figcheck.spec`,
standard library only); figcheck's models, pandas and pint are imported when a
spec file is actually run, through the public API (``figcheck.check``).

The spec files' format and loader are :mod:`figcheck.spec`.

Each document gets one item per check (``figcheck.toml::speech.txt::conflict``)
and each ``[[expect]]`` one item (``figcheck.toml::expect[fighter jets]``).
Failures print ``doc:line:col`` and the claim, without a Python traceback
(``--figcheck-traceback`` shows it).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .errors import FigcheckError, FigcheckFailure, SpecError
from .spec import SEVERITIES, Expectation, Spec, load_spec

__all__ = ["Expectation", "Spec", "SpecError", "load_spec"]


def pytest_addoption(parser: pytest.Parser) -> None:
    """The ``--figcheck-*`` options and the ``figcheck_spec_glob`` ini setting."""
    group = parser.getgroup("figcheck", "figcheck spec files")
    group.addoption(
        "--figcheck-fail-on",
        choices=SEVERITIES,
        default=None,
        help="least severity that fails a figcheck item (overrides the spec's fail_on)",
    )
    group.addoption(
        "--figcheck-traceback",
        action="store_true",
        default=False,
        help="show Python tracebacks for failing figcheck items",
    )
    group.addoption(
        "--figcheck-root",
        default=None,
        metavar="DIR",
        help="folder spec files may read documents from (default: each spec file's folder)",
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
        allowed = self.config.getoption("figcheck_root")
        self.spec = load_spec(
            self.path, display, root=Path(allowed).resolve() if allowed else None
        )
        _check_options(self.spec, display)
        self._result: Any = None
        self.doc_ids = {doc: _display(doc, root) for doc in self.spec.documents}
        checks_line = self.spec.lines.get("checks", self.spec.lines.get("documents", 1))
        items: list[_FigcheckItem] = []
        for doc in self.spec.documents:
            label = _display(doc, self.path.parent)
            for check in self.spec.checks:
                name = f"{label}::{check}"
                items.append(
                    CheckItem.from_parent(
                        self, name=name, nodeid=self._child_id(name), document=doc, check=check,
                        line=checks_line,
                    )
                )
        for number, expectation in enumerate(self.spec.expectations):
            name = f"expect[{number}: {expectation.about}]"
            items.append(
                ExpectItem.from_parent(
                    self, name=name, nodeid=self._child_id(name), expectation=expectation
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

    def _child_id(self, name: str) -> str:
        # Item names hold "::" and "[...]"; giving the node id as a string makes pytest read it
        # the same way it reads the ids it stored, so --lf and --sw find the items again.
        return f"{self.nodeid}::{name}"

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


def _check_options(spec: Spec, display: str) -> None:
    """Each ``[options]`` entry as ``figcheck.check`` would take it, or a SpecError at its line."""
    import figcheck

    for key, value in spec.options.items():
        try:
            figcheck.CheckOptions.create(**{key: value})
        except (TypeError, ValueError, FigcheckError) as exc:
            line = spec.lines.get(f"options.{key}", spec.lines.get("options", 0))
            raise SpecError(display, line, f"options.{key}", str(exc)) from None


def _run(spec: Spec, doc_ids: dict[Path, str], display: str) -> Any:
    """``figcheck.check`` over the spec's documents and tables, or the error it raised."""
    import dataclasses

    import figcheck

    options = dict(spec.options)
    if spec.tolerances:
        options["tolerances"] = dict(spec.tolerances)
    options.setdefault("checks", list(spec.checks))
    try:
        documents = [
            dataclasses.replace(doc, id=doc_ids[path])
            for path in spec.documents
            for doc in figcheck.load_documents([path])
        ]
        # Relative to the working directory, so messages name "reference_data/x.csv:5".
        reference = [os.path.relpath(p) for p in spec.reference] or None
        return figcheck.check(documents, reference=reference, **options)
    except (FigcheckError, OSError, TypeError, ValueError, ImportError) as exc:
        return FigcheckFailure(f"{display}: figcheck could not run: {exc}")


class _FigcheckItem(pytest.Item):
    """Shared failure display for figcheck items."""

    line: int = 0

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        """A figcheck failure as its message; anything else as pytest's usual traceback."""
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
