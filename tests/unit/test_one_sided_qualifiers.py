"""A qualifier of [alignment.qualifiers] on one side only (youth, core, civilians): the qualified
figure may be a part or a variant of the other's measure, so the pair is never a conflict. Our own
sentences."""

from __future__ import annotations

import pytest

import figcheck
from figcheck import Document


def run(a: str, b: str) -> figcheck.Report:
    meta = {"date": "2025-05-20"}
    return figcheck.check([Document(id="a", text=a, meta=meta), Document(id="b", text=b, meta=meta)])


@pytest.mark.parametrize(("a", "b"), [
    ("Unemployment in Tessaly rose to 6.3% in April.",
     "Youth unemployment in Tessaly rose to 17.8% in April."),
    ("Inflation in Tessaly was 3.2% in April.",
     "Core inflation in Tessaly was 4.1% in April."),
    ("The shelling killed 48 people in Orlavo on Sunday, officials said.",
     "The shelling killed 19 civilians in Orlavo on Sunday, officials said."),
])
def test_a_qualified_and_an_unqualified_figure_never_conflict(a: str, b: str) -> None:
    report = run(a, b)
    assert not report.findings
    reasons = [s.reason for s in report.statuses if "one may be a part of the other" in s.reason]
    assert reasons, [s.reason for s in report.statuses]


def test_the_same_qualifier_on_both_sides_still_conflicts() -> None:
    report = run("Youth unemployment in Tessaly rose to 17.8% in April.",
                 "Youth unemployment in Tessaly climbed to 19.5% in April.")
    assert [f.check.value for f in report.findings] == ["conflict"]
