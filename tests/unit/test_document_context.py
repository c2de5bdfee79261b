"""The document reaches extraction: its date, title and dateline (figcheck.extraction.context.document)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import figcheck
from figcheck import Document, DocumentError
from figcheck.extraction.context import DocumentContext, document_context, parse_date

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-11-02", D(2023, 11, 2)),
        ("2023-11-02T08:30:00Z", D(2023, 11, 2)),
        ("November 2, 2023", D(2023, 11, 2)),
        ("Nov. 2, 2023", D(2023, 11, 2)),
        ("2 November 2023", D(2023, 11, 2)),
        ("2nd of November 2023", D(2023, 11, 2)),
        (D(2023, 11, 2), D(2023, 11, 2)),
        (dt.datetime(2023, 11, 2, 8, 30), D(2023, 11, 2)),
        (None, None),
        ("  ", None),
    ],
)
def test_a_document_date_is_read_from_common_forms(value: object, expected: D | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2023-02-30", "Smarch 2, 2023", 20231102, "11/02/2023"])
def test_an_unreadable_date_is_a_document_error_naming_the_forms(value: object) -> None:
    with pytest.raises(DocumentError) as info:
        parse_date(value, "memo.txt")
    assert info.value.path == "memo.txt"
    assert "2024-03-07" in info.value.reason


@pytest.mark.parametrize(
    ("text", "date", "span_end", "expected"),
    [
        ("OSLO, May 14, 2022 - The fund lost 3%.", None, 21, D(2022, 5, 14)),
        ("LIMA, Sept. 9 (AP) — Exports rose 4%.", "2021-09-09", 21, D(2021, 9, 9)),
        ("CAIRO (Reuters) - Prices rose 4%.", None, 18, None),
        ("SPRINGFIELD, Ill., Feb 3, 2020 -- Rain fell on 12 towns.", None, 34, D(2020, 2, 3)),
        ("PORT LOUIS, June 2 — Rain fell on 12 towns.", None, 21, None),
    ],
)
def test_a_dateline_is_found_and_dates_the_document_when_meta_has_no_date(
    text: str, date: str | None, span_end: int, expected: D | None
) -> None:
    doc = document_context(text, date=date)
    assert doc.dateline == (0, span_end)
    assert doc.date == expected
    assert doc.date_source == (None if expected is None else "meta" if date else "dateline")


def test_a_dateline_year_comes_from_the_meta_date_but_never_replaces_it() -> None:
    doc = document_context("ROME, Dec 30 — Sales fell 2%.", date="2021-01-02")
    assert doc.date == D(2021, 1, 2) and doc.date_source == "meta"


@pytest.mark.parametrize(
    "text",
    [
        "The fund lost 3% - a record.",
        "NATO - the alliance - grew to 32 members.",
        "UK GDP rose 0.2%, March 3 - figures show.",
        "",
    ],
)
def test_text_without_a_dateline_has_none(text: str) -> None:
    doc = document_context(text)
    assert doc.dateline is None and doc.date is None


def test_meta_supplies_date_and_title_unless_given_explicitly() -> None:
    meta = {"date": "2022-06-01", "title": "  Harbour   traffic "}
    doc = document_context("Ships: 40.", meta=meta)
    assert doc == DocumentContext(D(2022, 6, 1), "Harbour traffic", None, "meta")
    assert document_context("x", date="2020-01-01", meta=meta).date == D(2020, 1, 1)


def test_a_title_that_is_not_text_is_refused() -> None:
    with pytest.raises(DocumentError, match="title must be text"):
        document_context("x", title=42)  # type: ignore[arg-type]


def test_extract_takes_a_document_with_its_id_and_meta() -> None:
    doc = Document("harbour", "Ships: 40 arrived.", {"date": "2022-06-01"})
    claims = figcheck.extract(doc)
    assert [(c.doc_id, c.text) for c in claims] == [("harbour", "40")]
    assert figcheck.extract(doc, doc_id="other")[0].doc_id == "other"


def test_extract_refuses_a_bad_date_from_meta_or_keyword() -> None:
    with pytest.raises(DocumentError):
        figcheck.extract(Document("memo", "40 ships.", {"date": "soon"}))
    with pytest.raises(DocumentError):
        figcheck.extract("40 ships.", date="soon")


def test_extract_refuses_what_is_neither_text_nor_document() -> None:
    with pytest.raises(TypeError, match="str or a Document"):
        figcheck.extract(40)  # type: ignore[arg-type]


@given(st.text(max_size=80))
def test_document_context_never_fails_on_text_and_the_dateline_is_a_prefix(text: str) -> None:
    doc = document_context(text)
    if doc.dateline is not None:
        start, end = doc.dateline
        assert 0 <= start < end <= len(text)
        assert text[end - 1] == " "


def test_check_hands_each_document_with_its_meta_to_extraction() -> None:
    with pytest.raises(DocumentError, match="memo"):
        figcheck.check([Document("memo", "40 ships.", {"date": "soon"})])
    report = figcheck.check([Document("memo", "40 ships.", {"date": "2022-06-01"})])
    assert [c.doc_id for c in report.claims] == ["memo"]
