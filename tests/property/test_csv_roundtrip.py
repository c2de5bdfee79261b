"""Invariants of the CSV export: whatever the report holds, reading the CSV back gives the frame."""

from __future__ import annotations

import io
import math

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from figcheck import CheckId, Finding, Report, Severity
from figcheck.report import CSV_COLUMNS, CSV_DTYPES, read_csv
from figcheck.report.writers import defuse, undefuse
from figcheck.reference import ReferenceRow
from figcheck.testing import make_claim

# Cell text as documents supply it: any character a UTF-8 file can hold.
texts = st.text(min_size=1, max_size=40)
maybe_text = st.none() | texts
# Reference rows refuse a blank subject or measure.
names = texts.filter(str.strip)
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
bounds = st.sampled_from(["=", "~", "<~", ">", ">=", "<", "<=", "range"])


@st.composite
def claims(draw: st.DrawFn, doc_id: str | None = None):
    before = draw(st.text(max_size=20))
    surface = draw(texts)
    after = draw(st.text(max_size=20))
    value = draw(finite)
    # Bounds drawn inside their own range rather than filtered: a filter rejects almost every
    # draw when the value sits near the edge of the float range (a health-check failure).
    low = draw(st.sampled_from([value, -math.inf]) | st.floats(max_value=value, allow_nan=False,
                                                               allow_infinity=False))
    high = draw(st.sampled_from([value, math.inf]) | st.floats(min_value=value, allow_nan=False,
                                                               allow_infinity=False))
    return make_claim(
        before + surface + after,
        surface,
        value,
        low=low,
        high=high,
        unit="count",
        bound=draw(bounds),
        doc_id=doc_id or draw(texts),
        line=draw(st.integers(1, 10_000)),
        subject=draw(maybe_text),
        concept=draw(maybe_text),
        noun=draw(maybe_text),
        period=draw(maybe_text),
    )


@st.composite
def references(draw: st.DrawFn) -> ReferenceRow:
    value = draw(finite)
    return ReferenceRow(
        subject=draw(names),
        measure=draw(names),
        value=value,
        unit="count",
        low=value,
        high=value,
        period=draw(maybe_text),
        source=draw(maybe_text),
        url=draw(maybe_text),
        path=draw(texts),
        line=draw(st.integers(0, 10_000)),
    )


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    claim = draw(claims())
    other = draw(st.none() | claims())
    reference = None if other is not None else draw(st.none() | references())
    compared = other is not None or reference is not None
    expected = draw(finite) if compared else None
    return Finding(
        check=draw(st.sampled_from(list(CheckId))),
        severity=draw(st.sampled_from(list(Severity))),
        claim=claim,
        claimed_low=claim.low,
        claimed_high=claim.high,
        unit="count",
        other=other,
        reference=reference,
        expected_low=expected,
        expected_high=expected,
        rel_diff=draw(st.none() | st.floats(min_value=0, allow_nan=False)),
        tolerance=draw(st.none() | st.floats(min_value=0, max_value=1)),
        message=draw(texts),
        hint=draw(maybe_text),
    )


reports = st.lists(findings(), max_size=6).map(
    lambda fs: Report(claims=tuple(f.claim for f in fs), findings=tuple(fs))
)


@given(reports)
def test_read_csv_of_to_csv_gives_the_frame_back(report: Report) -> None:
    buffer = io.StringIO()
    report.to_csv(buffer)
    back = read_csv(io.StringIO(buffer.getvalue()))
    pd.testing.assert_frame_equal(back, report.to_frame())


@given(reports)
def test_plain_pandas_read_csv_sees_the_same_columns_and_numbers(report: Report) -> None:
    text = report.to_csv()
    plain = pd.read_csv(io.StringIO(text), dtype=CSV_DTYPES, keep_default_na=False, na_values=[""])
    frame = report.to_frame()
    assert tuple(plain.columns) == CSV_COLUMNS
    numeric = [c for c, t in CSV_DTYPES.items() if t != "str"]
    pd.testing.assert_frame_equal(plain[numeric], frame[numeric])
    for column in (c for c, t in CSV_DTYPES.items() if t == "str"):
        for got, want in zip(plain[column], frame[column], strict=True):
            assert (pd.isna(got) and pd.isna(want)) or got == defuse(want)


@given(reports)
def test_csv_has_one_newline_per_row_and_no_formula_cells(report: Report) -> None:
    text = report.to_csv()
    frame = report.to_frame()
    cells = [v for v in frame.select_dtypes("str").to_numpy().ravel() if isinstance(v, str)]
    assert text.count("\n") == 1 + len(frame) + sum(v.count("\n") for v in cells)
    assert text.count("\r") == sum(v.count("\r") for v in cells)
    raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    for column in (c for c, t in CSV_DTYPES.items() if t == "str"):
        for cell in raw[column]:
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")


@given(st.text())
def test_undefuse_inverts_defuse(text: str) -> None:
    assert undefuse(defuse(text)) == text
