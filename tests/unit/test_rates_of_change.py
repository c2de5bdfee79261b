"""A twelve-month rise in prices is the inflation rate (figcheck.checking.rates). Our own
sentences: two reports of one month's figures, one giving the rate, one the rise."""

from __future__ import annotations

import pytest

import figcheck
from figcheck import Document
from figcheck.checking.rates import rate_words


def run(a: str, b: str, date: str | None = "2025-03-14") -> figcheck.Report:
    meta = {"date": date} if date else {}
    return figcheck.check([Document(id="a", text=a, meta=meta), Document(id="b", text=b, meta=meta)])


def test_a_twelve_month_rise_in_prices_agrees_with_the_inflation_rate() -> None:
    report = run("Inflation in Marravel eased to 4.6% in February, the statistics office said.",
                 "Consumer prices in Marravel rose 4.6% in the year to February.")
    (c,) = report.corroborations
    assert "same measure: inflation (inflation ~ consumer price change over twelve months)" in c.evidence


def test_a_different_twelve_month_rise_conflicts_with_the_rate() -> None:
    report = run("Inflation in Marravel eased to 4.6% in February.",
                 "Consumer prices in Marravel rose 5.2% in the 12 months to February.")
    assert [f.check.value for f in report.findings] == ["conflict"]


@pytest.mark.parametrize("date", ["2025-03-14", None])
def test_a_rise_year_on_year_is_the_rate_with_or_without_a_date(date: str | None) -> None:
    report = run("The inflation rate in Marravel was 4.6% in February.",
                 "Prices in Marravel rose 4.6% year on year in February.", date)
    assert len(report.corroborations) == 1


@pytest.mark.parametrize("rise", [
    "Consumer prices in Marravel rose 0.4% in February.",        # a month's change
    "Consumer prices in Marravel fell 4.6% in the year to February.",  # a fall is no rate level
])
def test_a_monthly_rise_or_a_fall_is_not_the_rate(rise: str) -> None:
    report = run("Inflation in Marravel eased to 4.6% in February.", rise)
    assert not report.findings and not report.corroborations


def test_the_rate_words_are_data() -> None:
    rw = rate_words()
    assert rw.bases["consumer price"] == "inflation"
    assert ("year", "on", "year") in rw.annual_cues
