"""Text a user can hand to extract() and check() without a crash, a hang or a bad number."""

from __future__ import annotations

import math

import pytest

import figcheck
from figcheck import extract
from figcheck.text import replace_surrogates, sentence_spans


@pytest.mark.parametrize(
    "text",
    [
        "9 trucks came. B\u2028.",
        "seen by K\u2002. Jones, 14 times",
        "3 boats. C\u2029. D\x85. E\u3000. F\xa0.",
        "Dr\u2009. Ames counted 80 cranes.",
    ],
    ids=["line-sep-after-initial", "en-space-initial", "paragraph-nel-ideographic", "thin-space"],
)
def test_multibyte_spaces_near_abbreviations_do_not_panic_the_splitter(text: str) -> None:
    spans = sentence_spans(text)
    assert spans and spans[0][0] == 0 and spans[-1][1] == len(text)
    for c in extract(text):
        assert text[c.start : c.end] == c.text


def test_splitter_offsets_are_character_offsets_of_the_original() -> None:
    text = "Caf\xe9 owners paid \u20ac5.\u2028Next came 9 more. \udc80 And 3."
    for s, e in sentence_spans(text):
        assert 0 <= s < e <= len(text)
    assert "".join(text[s:e] for s, e in sentence_spans(text)) == text


@pytest.mark.parametrize("text", ["7\udc80", "\ud800 41 boats", "a\udfff. 12 of 30 vans"])
def test_lone_surrogates_in_the_text(text: str) -> None:
    claims = extract(text)
    assert claims
    for c in claims:
        assert text[c.start : c.end] == c.text


def test_lone_surrogates_in_ids_and_text_reach_every_export() -> None:
    doc = figcheck.Document("notes\udc80.txt", "The army lost 160 of its 140 tanks\udc81.")
    report = figcheck.check([doc])
    assert report.findings
    frame = report.to_frame()
    assert frame["doc_id"].tolist() == ["notes\ufffd.txt"]
    report.to_csv().encode("utf-8")
    report.to_json().encode("utf-8")
    report.to_jsonl().encode("utf-8")
    assert "notes\ufffd.txt" in report.to_html()
    report.to_html().encode("utf-8")
    assert "\ufffd" in report.claims_frame()["sentence"].iloc[0]


def test_replace_surrogates_keeps_length_and_other_text() -> None:
    text = "a\udc80b\ud83d\ude00c"
    assert replace_surrogates(text) == "a\ufffdb\ufffd\ufffdc"
    assert replace_surrogates("plain 😀") == "plain 😀"


def test_json_lines_escape_the_breaks_line_readers_split_on() -> None:
    report = figcheck.check("Of its 140 tanks\u2028the army lost 160 of its 140 tanks.\x85")
    body = report.to_jsonl()
    assert body.count("\n") == len(body.splitlines()) == len(report.findings) + len(report.claims)
