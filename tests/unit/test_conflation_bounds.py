"""The conflation hint needs a bounded claim: an open bound fits any larger figure."""

from __future__ import annotations

import pandas as pd

import figcheck

ROWS = pd.DataFrame(
    [
        {"subject": "Russia", "measure": "military deaths", "value": 1351, "unit": "count",
         "period": "2022", "source": "ministry", "url": "https://example.org/a", "keywords": "killed;deaths"},
        {"subject": "Russia", "measure": "military injuries", "value": 3825, "unit": "count",
         "period": "2022", "source": "ministry", "url": "https://example.org/b", "keywords": "wounded;injured"},
    ]
)


def _hint(text: str) -> str | None:
    report = figcheck.check([figcheck.Document("doc", text)], reference=ROWS)
    [finding] = [f for f in report.findings if f.check == figcheck.CheckId.REFERENCE_MISMATCH]
    return finding.hint


def test_a_point_figure_that_fits_another_measure_gets_the_hint():
    hint = _hint("In 2022 Russia said 3,825 soldiers were killed.")
    assert hint is not None and "military injuries" in hint


def test_an_open_bound_gets_no_conflation_hint():
    hint = _hint("In 2022 Russia said more than 2,000 soldiers were killed.")
    assert hint is None or "conflation" not in hint
