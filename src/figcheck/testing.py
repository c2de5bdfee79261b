"""Assertions for test suites: figcheck findings as pytest-style failures.

Each helper raises :class:`figcheck.ClaimCheckFailed` (an ``AssertionError``)
with a message it builds itself, so it reads the same under pytest, unittest,
a notebook or ``python -O``. The message follows ``pytest.approx``: first how
many claims failed and the worst one, then an aligned table. The failed
:class:`figcheck.Report` is attached as ``error.report``.

>>> from figcheck.testing import make_claim
>>> make_claim("The crash killed 1,351 people.", "1,351", 1351).location()
'doc:1:18'
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from .claims import Bound, Claim, Kind
from .errors import ClaimCheckFailed, OptionError
from .findings import Finding, Severity
from .formatting import format_interval, format_number, format_percent, format_unit
from .report import Report, align, finding_source

__all__ = [
    "assert_claim",
    "assert_consistent",
    "assert_matches_reference",
    "failure_message",
    "make_claim",
]

#: Table rows shown in a failure message; the rest are counted ("... and 12 more").
MAX_ROWS = 20


class _HasText(Protocol):
    """A figcheck Document, or anything with ``id`` (or ``doc_id``) and ``text``."""

    text: str


def failure_message(failures: Sequence[Finding], total_claims: int, *, what: str = "checks") -> str:
    """The text of a failed figcheck assertion: counts, the worst failure, then a table."""
    failed_claims = len({(f.claim.doc_id, f.claim.start, f.claim.end) for f in failures})
    by_check: dict[str, int] = {}
    for finding in failures:
        by_check[str(finding.check)] = by_check.get(str(finding.check), 0) + 1
    checks = ", ".join(f"{n} {name}" for name, n in sorted(by_check.items()))
    total = max(total_claims, failed_claims)
    worst = failures[0]
    plural = "s" if len(failures) != 1 else ""
    lines = [
        (
            f"figcheck {what} failed for {failed_claims} of {total} claims "
            f"({len(failures)} finding{plural}: {checks})"
        ),
        f"worst: {worst.claim.location()} {worst.claim.text!r} [{worst.check}, {worst.severity}]",
        *_detail(worst),
        "",
    ]
    header = ("location", "check", "claim", "claimed", "expected", "diff", "tolerance", "source")
    rows = [header]
    for finding in failures[:MAX_ROWS]:
        rows.append(
            (
                finding.claim.location(),
                str(finding.check),
                repr(finding.claim.text),
                format_interval(finding.claimed_low, finding.claimed_high, finding.unit),
                format_interval(finding.expected_low, finding.expected_high, finding.unit),
                format_percent(finding.rel_diff),
                format_percent(finding.tolerance),
                finding_source(finding),
            )
        )
    lines.extend(align(rows, indent="  "))
    if len(failures) > MAX_ROWS:
        lines.append(f"  ... and {len(failures) - MAX_ROWS} more (Report.to_csv() lists all)")
    return "\n".join(lines)


def _detail(finding: Finding) -> list[str]:
    """The aligned claimed/expected/difference lines for one finding."""
    claimed = format_interval(finding.claimed_low, finding.claimed_high, finding.unit)
    pairs = [("claimed", claimed)]
    if finding.expected_low is not None or finding.expected_high is not None:
        pairs.append(
            ("expected", format_interval(finding.expected_low, finding.expected_high, finding.unit))
        )
    if finding.rel_diff is not None:
        diff = format_percent(finding.rel_diff)
        if finding.tolerance is not None:
            diff += f" (tolerance {format_percent(finding.tolerance)})"
        pairs.append(("difference", diff))
    if finding.other is not None or finding.reference is not None:
        pairs.append(("source", finding_source(finding)))
    pairs.append(("message", " ".join(finding.message.split())))
    if finding.hint:
        pairs.append(("hint", " ".join(finding.hint.split())))
    width = max(len(k) for k, _ in pairs)
    return [f"  {key.ljust(width)}: {value}" for key, value in pairs]


def _fail(report: Report, failures: Sequence[Finding], what: str) -> None:
    __tracebackhide__ = True
    error = ClaimCheckFailed(failure_message(failures, len(report.claims), what=what))
    error.report = report  # type: ignore[attr-defined]
    error.findings = tuple(failures)  # type: ignore[attr-defined]
    raise error


def assert_consistent(
    documents: Any, *, fail_on: Severity | str = Severity.WARNING, **options: Any
) -> Report:
    """Fail unless the documents' claims agree with each other and within themselves.

    Args:
        documents: what :func:`figcheck.check` accepts (paths, texts, Documents).
        fail_on: the least severity that fails the assertion (``info`` fails on anything).
        **options: passed to :func:`figcheck.check` (tolerances and so on).

    Returns:
        The report, for further assertions.

    Raises:
        ClaimCheckFailed: some finding is at least as severe as ``fail_on``.
    """
    __tracebackhide__ = True
    from .pipeline import check

    report = check(documents, **options)
    failures = report.failures(fail_on)
    if failures:
        _fail(report, failures, "consistency checks")
    return report


def assert_matches_reference(
    documents: Any, reference: Any, *, fail_on: Severity | str = Severity.WARNING, **options: Any
) -> Report:
    """Fail if any claim in the documents disagrees with a reference table row.

    Args:
        documents: what :func:`figcheck.check` accepts.
        reference: a ReferenceTable, DataFrame or path to a CSV/Parquet table.
        fail_on: the least severity that fails the assertion.
        **options: passed to :func:`figcheck.check`.

    Returns:
        The report, for further assertions.

    Raises:
        ClaimCheckFailed: a reference finding is at least as severe as ``fail_on``.
    """
    __tracebackhide__ = True
    from .pipeline import check

    report = check(documents, reference=reference, **options)
    failures = [f for f in report.failures(fail_on) if f.reference is not None]
    if failures:
        _fail(report, failures, "reference checks")
    return report


def _read(document: str | os.PathLike[str] | _HasText, doc_id: str | None) -> tuple[str, str]:
    """(doc_id, text) of a text, a path or a Document-like object."""
    if isinstance(document, os.PathLike):
        path = Path(document)
        return doc_id or str(path), path.read_text(encoding="utf-8")
    if isinstance(document, str):
        return doc_id or "doc", document
    name = getattr(document, "id", None) or getattr(document, "doc_id", None) or "doc"
    return doc_id or name, document.text


def _normal(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _about(claims: Sequence[Claim], about: str) -> list[Claim]:
    """Claims whose noun, concept or subject names ``about``; else those whose sentence does."""
    want = _normal(about)
    named = [
        c
        for c in claims
        if any(
            key and (want in key or key in want)
            for key in (_normal(c.noun), _normal(c.concept), _normal(c.subject))
        )
    ]
    return named or [c for c in claims if want in _normal(c.sentence)]


def _gap(low: float, high: float, exp_low: float, exp_high: float) -> float:
    """Distance between two intervals (0 when they meet)."""
    if high < exp_low:
        return exp_low - high
    if low > exp_high:
        return low - exp_high
    return 0.0


def assert_claim(
    document: str | os.PathLike[str] | _HasText,
    about: str,
    equals: float,
    *,
    rel: float | None = None,
    abs: float | None = None,  # mirrors pytest.approx(rel=, abs=)
    unit: str | None = None,
    doc_id: str | None = None,
) -> Claim:
    """Fail unless the document states a figure about ``about`` compatible with ``equals``.

    The claim passes when its interval (a hedged "almost 14,000" allows a
    range), or the whole of a "123 of 152", meets ``equals`` widened by the
    tolerance ``max(abs, rel * |equals|)`` (0 when neither is given).

    Args:
        document: the text, a path to a UTF-8 file, or a Document.
        about: words naming what is counted ("fighter jets", "deaths").
        equals: the expected figure, in ``unit``.
        rel: relative tolerance, as in ``pytest.approx``.
        abs: absolute tolerance, in ``unit``.
        unit: unit of ``equals``; defaults to the claim's own unit.
        doc_id: name used in messages (default: the path, or "doc").

    Returns:
        The first claim that matched.

    Raises:
        ClaimCheckFailed: no claim is about ``about``, or none agrees with ``equals``.
    """
    __tracebackhide__ = True
    from .extraction.extractor import extract

    name, text = _read(document, doc_id)
    claims = extract(text, doc_id=name)
    candidates = _about(claims, about)
    tol = max(abs or 0.0, (rel or 0.0) * math.fabs(equals))
    expected = format_number(equals) + format_unit(unit)
    expected += f" ± {format_number(tol)}" if tol else ""
    if not candidates:
        seen = sorted({c.noun or c.concept or c.text for c in claims})
        listed = ", ".join(repr(s) for s in seen[:10]) or "none"
        raise ClaimCheckFailed(
            f"{name}: no claim about {about!r} (expected {expected})\n"
            f"  claims found: {len(claims)}; about: {listed}"
        )
    rows: list[tuple[str, ...]] = []
    best: tuple[float, Claim, str] | None = None
    for claim in candidates:
        exp_low, exp_high, target = equals - tol, equals + tol, equals
        if unit is not None and unit != claim.unit:
            from .units import comparable, convert

            try:
                same_dimension = comparable(unit, claim.unit)
            except AttributeError:  # pint's UndefinedUnitError
                raise OptionError(
                    f"assert_claim(unit={unit!r}): not a unit figcheck knows; use a canonical "
                    "name such as 'count', 'percent', 'USD', 'kilometer' or 'year'"
                ) from None
            if not same_dimension:
                rows.append((claim.location(), repr(claim.text), claim.unit, "", "different unit"))
                continue
            exp_low, exp_high, target = (
                convert(x, unit, claim.unit) for x in (exp_low, exp_high, equals)
            )
        options = [("", claim.low, claim.high)]
        if claim.whole is not None:
            options.append((" (whole)", claim.whole, claim.whole))
        for label, low, high in options:
            gap = _gap(low, high, exp_low, exp_high)
            if gap == 0.0:
                return claim
            rel_gap = gap / math.fabs(target) if target else math.inf
            shown = format_interval(low, high, claim.unit) + label
            rows.append((claim.location(), repr(claim.text), shown, format_percent(rel_gap), ""))
            if best is None or rel_gap < best[0]:
                best = (rel_gap, claim, shown)
    plural = "s" if len(candidates) != 1 else ""
    header = [
        f"{name}: no claim about {about!r} matches {expected} "
        f"({len(candidates)} claim{plural} about it)"
    ]
    if best is not None:
        header.append(
            f"closest: {best[1].location()} {best[1].text!r}: claimed {best[2]}, "
            f"expected {expected}, difference {format_percent(best[0])}"
        )
    table = align([("location", "claim", "claimed", "diff", "note"), *rows], indent="  ")
    raise ClaimCheckFailed("\n".join([*header, "", *table]))


def make_claim(
    sentence: str,
    text: str,
    value: float,
    *,
    low: float | None = None,
    high: float | None = None,
    unit: str = "count",
    kind: Kind | str | None = None,
    bound: Bound | str = Bound.EQ,
    doc_id: str = "doc",
    line: int = 1,
    offset: int = 0,
    rule: str = "test",
    **fields: Any,
) -> Claim:
    """A Claim for tests: ``text`` located in ``sentence``, which starts at ``offset`` on ``line``.

    Offsets, column and sentence bounds are worked out from where ``text``
    first occurs in ``sentence``; ``low``/``high`` default to ``value``.

    Raises:
        ValueError: ``text`` does not occur in ``sentence``.
    """
    at = sentence.find(text)
    if at < 0:
        raise OptionError(f"{text!r} does not occur in the sentence {sentence!r}")
    if kind is None:
        kind = Kind.PROPORTION if unit == "percent" else Kind.COUNT
    return Claim(
        doc_id=doc_id,
        start=offset + at,
        end=offset + at + len(text),
        text=text,
        sentence=sentence,
        sentence_start=offset,
        sentence_end=offset + len(sentence),
        line=line,
        column=at + 1,
        kind=Kind(kind),
        value=value,
        low=value if low is None else low,
        high=value if high is None else high,
        unit=unit,
        bound=Bound(bound),
        rule=rule,
        **fields,
    )
