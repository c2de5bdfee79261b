"""Which reference row a claim is about: another figure's subject, an earlier figure, scales with
an arbitrary zero, rows per unit of time, and rows of a change. Our own sentences and rows."""

from __future__ import annotations

import pandas as pd

import figcheck
from figcheck import Document
from figcheck.findings import Verdict


def verdicts(text: str, *rows: dict, date: str = "2024-03-10") -> dict[str, tuple[str, str | None]]:
    base = {"low": None, "high": None, "period": "", "source": "", "keywords": ""}
    table = figcheck.ReferenceTable.from_frame(pd.DataFrame([{**base, **r} for r in rows]))
    report = figcheck.check([Document(id="d", text=text, meta={"date": date})], reference=table)
    return {c.claim.text: (c.verdict.value,
                           c.reference.measure if c.verdict != Verdict.UNMATCHED else c.message)
            for c in report.comparisons}


TEACHERS = {"subject": "Brackley", "measure": "teachers", "value": 2310, "unit": "count",
            "period": "2024", "keywords": "teachers"}


class TestAnotherFiguresSubject:
    def test_a_row_named_as_the_other_figures_subject_does_not_fit(self) -> None:
        got = verdicts("Brackley's schools employ 2,310 teachers, the council said on Monday, "
                       "while neighbouring Ostwick has 1,940.", TEACHERS)
        assert got["2,310"] == ("supported", "teachers")
        assert got["1,940"][0] == "unmatched"

    def test_a_place_inside_the_rows_subject_still_fits(self) -> None:
        got = verdicts("Schools in the Ferrow valley of Brackley employ 2,310 teachers.", TEACHERS)
        assert got["2,310"] == ("supported", "teachers")


class TestEarlierFigure:
    ROW = {"subject": "Dunmore", "measure": "peak river level", "value": 5.9, "unit": "meter",
           "period": "2024-03", "keywords": "river;peak;record"}

    def test_the_previous_record_is_not_judged_by_the_current_row(self) -> None:
        got = verdicts("The river at Dunmore peaked at 5.9 metres on Monday. The previous record "
                       "of 5.4 metres had stood for decades.", self.ROW)
        assert got["5.9 metres"] == ("supported", "peak river level")
        assert got["5.4 metres"][0] == "unmatched"

    def test_a_row_of_the_previous_record_fits_it(self) -> None:
        row = {**self.ROW, "measure": "previous record river level", "value": 5.1}
        got = verdicts("The previous record of 5.4 metres at Dunmore had stood for decades.", row)
        assert got["5.4 metres"] == ("contradicted", "previous record river level")


class TestTemperatures:
    ROW = {"subject": "Haldor", "measure": "minimum temperature", "unit": "degree_Fahrenheit",
           "period": "2024-03", "keywords": "temperature"}

    def test_a_figure_below_zero_is_compared_not_taken_for_a_part(self) -> None:
        text = "Overnight the temperature in Haldor dropped to minus 24C, forecasters said."
        assert verdicts(text, {**self.ROW, "value": -15})["minus 24C"] == (
            "contradicted", "minimum temperature")
        assert verdicts(text, {**self.ROW, "value": -11.2})["minus 24C"] == (
            "supported", "minimum temperature")


class TestPerUnitOfTime:
    TEXT = "Corby Athletic will pay their new goalkeeper £43,500 a week, the club said."

    def test_a_weekly_row_is_compared_with_a_figure_a_week(self) -> None:
        row = {"subject": "Corby Athletic", "measure": "weekly wage of the goalkeeper",
               "value": 45000, "unit": "GBP", "period": "2024", "keywords": "pay;wage"}
        assert verdicts(self.TEXT, row)["£43,500 a week"] == (
            "contradicted", "weekly wage of the goalkeeper")
        assert verdicts(self.TEXT, {**row, "value": 43500})["£43,500 a week"] == (
            "supported", "weekly wage of the goalkeeper")

    def test_a_row_that_names_no_time_is_another_kind_of_quantity(self) -> None:
        row = {"subject": "Corby Athletic", "measure": "goalkeeper transfer fee",
               "value": 43500, "unit": "GBP", "period": "2024", "keywords": "pay;fee"}
        assert verdicts(self.TEXT, row)["£43,500 a week"][0] == "unmatched"


def test_a_row_of_capacity_added_holds_a_change() -> None:
    row = {"subject": "Wexmoor", "measure": "wind capacity added", "value": 0.34,
           "unit": "gigawatt", "period": "2023"}
    got = verdicts("The county added 340 megawatts of wind capacity last year, the energy "
                   "office said.", row)
    assert got["340 megawatts"] == ("supported", "wind capacity added")
