"""The HTML report as text: escaping, one highlight per claim, anchors, number lines, statuses."""

from __future__ import annotations

import math
import re

import figcheck
from figcheck import Document, Status
from figcheck.report.html import claim_anchor, number_line, render_html, statuses_by_claim


def _report(*texts: str, **kw):
    docs = [Document(f"d{i}.txt", t) for i, t in enumerate(texts, 1)]
    return figcheck.check(docs, **kw)


def test_every_claim_is_highlighted_once_with_a_unique_anchor():
    report = _report("Floods killed 1,627 people and destroyed 300 homes in 2023.",
                     "The floods killed 1,672 people in 2023, officials said.")
    page = report.to_html()
    ids = re.findall(r'class="claim [^"]*" id="([^"]+)"', page)
    assert len(ids) == len(report.claims) == len(set(ids))
    assert {claim_anchor(c) for c in report.claims} == set(ids)


def test_document_text_is_escaped():
    page = render_html(_report('About 40 people <script>alert("x")</script> were hurt.'))
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_page_is_self_contained():
    page = _report("A storm cut power to 12,000 homes.").to_html()
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "<style>" in page and "<script>" in page


def test_anchors_of_look_alike_document_ids_differ():
    a = figcheck.extract("It cost $5 million.", doc_id="a.txt")[0]
    b = figcheck.extract("It cost $5 million.", doc_id="a_txt")[0]
    assert claim_anchor(a) != claim_anchor(b)
    assert re.fullmatch(r"[A-Za-z0-9_-]+", claim_anchor(a))


def test_number_line_draws_open_ends_as_arrows():
    svg = number_line([("claim", 2000.0, math.inf), ("other claim", 1351.0, 1351.0)], "count")
    assert svg.startswith("<svg") and svg.count("<path") == 1 and "<circle" in svg
    assert "≥ 2,000" in svg and "1,351" in svg


def test_number_line_with_nothing_to_draw_is_empty():
    assert number_line([("claim", None, None)], "count") == ""


def test_every_claim_has_one_status():
    report = _report("The quake killed 1,351 people.", "The quake killed 1,351 people.")
    statuses = statuses_by_claim(report)
    assert len(statuses) == len(report.claims)
    assert all(isinstance(s.status, Status) for s in statuses.values())


def test_without_texts_the_claims_sentences_are_shown():
    claims = figcheck.extract("Intro line.\nThe dam held back 4 million cubic metres.", doc_id="x")
    report = figcheck.check_claims(claims)
    page = render_html(report, texts={})
    assert page.count('class="claim ') == len(claims)
    assert "The dam held back" in page and "Intro line" not in page


def test_to_html_writes_a_file(tmp_path):
    out = tmp_path / "r.html"
    assert _report("Some 300 people fled.").to_html(out) is None
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_number_line_of_non_negative_values_starts_at_zero_or_above():
    svg = number_line([("claim", 160.0, 160.0), ("expected", 0.0, 140.0)], "count")
    ticks = re.findall(r'text-anchor="(?:start|end)">([^<]+)<', svg)
    assert ticks and not ticks[0].startswith("-")
