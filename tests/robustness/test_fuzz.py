"""Hypothesis fuzzing of extract(), check() and the exporters (benchmarks/fuzz.py runs it longer).

Invariants, on any text: no exception; ``text[start:end] == claim.text``; the claim inside its
sentence; ``low <= value <= high`` with a finite value and no NaN; line and column as
``str.splitlines()`` cuts the text; the same claims on a second run; a CSV that reads back to
the report's frame; findings without NaN.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
import json
import math

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

import figcheck
from figcheck.report import read_csv

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from fuzz import claim_violations  # noqa: E402

SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x85\xa0\u1680\u2002\u2009\u202f\u3000\u2028\u2029"
HARD = "\udc80\ud800\u0301\u202e\u200f\ufeffİıßẞﬁΣ٣０³½"
SEPARATORS = [",", " ", "\xa0", "\u202f", "\u2009", ".", "'", ""]
WORDS = ["nearly", "over", "about", "of", "out of", "between", "and", "to", "million", "bİllion",
         "Mİ", "bn", "%", "per cent", "km", "miles", "tanks", "people", "$", "€", "×10^", "Dr.",
         "J.", "fell by", "rose to", "a third", "one in five", "twenty-one", "2019", "(", ")"]


@st.composite
def grouped_numbers(draw: st.DrawFn) -> str:
    n = draw(st.integers(0, 10**13))
    body = f"{n:,}".replace(",", draw(st.sampled_from(SEPARATORS)))
    if draw(st.booleans()):
        body += "." + str(draw(st.integers(0, 999)))
    if draw(st.integers(0, 9)) == 0:
        body += draw(st.sampled_from(["×10^", "e", "x10^"])) + str(draw(st.integers(-9, 400)))
    return body


noise = st.lists(
    st.one_of(grouped_numbers(), st.sampled_from(WORDS), st.sampled_from(list(SPACES)),
              st.sampled_from(list(HARD)), st.sampled_from([". ", ", ", "; ", " "])),
    max_size=25,
).map(" ".join)
hostile = st.text(alphabet=st.characters(codec=None), max_size=200) | st.text(
    alphabet=st.sampled_from(list(SPACES + HARD + "0123456789.,%$ aAzZ")), max_size=200
)


def assert_claims_hold(text: str, claims: list[figcheck.Claim]) -> None:
    # the same invariants benchmarks/fuzz.py counts over its long runs
    assert claim_violations(text, claims) == []


@given(hostile)
def test_any_text(text: str) -> None:
    claims = figcheck.extract(text)
    assert_claims_hold(text, claims)
    assert figcheck.extract(text) == claims


@given(noise)
def test_figure_shaped_noise(text: str) -> None:
    claims = figcheck.extract(text)
    assert_claims_hold(text, claims)
    assert figcheck.extract(text) == claims


REFERENCE = pd.DataFrame(
    [
        {"subject": "Tarville", "measure": "tanks", "value": 140, "unit": "count"},
        {"subject": "Tarville", "measure": "people", "value": 2.5e6, "unit": "count"},
        {"subject": "Tarville", "measure": "road length", "value": 31, "unit": "mile"},
    ]
)


@given(noise.map(lambda t: "Tarville. " + t))
def test_check_and_every_export(text: str) -> None:
    report = figcheck.check([figcheck.Document("doc\udc80", text)], REFERENCE)
    for f in report.findings:
        assert f.rel_diff is None or not math.isnan(f.rel_diff)
    frame = report.to_frame()
    pd.testing.assert_frame_equal(read_csv(io.StringIO(report.to_csv())), frame)
    document = json.loads(report.to_json(), parse_constant=lambda c: pytest_fail(c))
    assert len(document["findings"]) == len(report.findings)
    assert len((report.to_jsonl() or "").splitlines()) == len(report.findings) + len(report.claims)
    report.to_text()
    report.claims_frame()


def pytest_fail(constant: str) -> None:
    raise AssertionError(f"{constant} in JSON output")
