"""The same fact in two currencies: compared only on the exchange rate the pair implies.

Own sentences, two small documents per case. figcheck converts no money; a pair is a conflict
only when its implied rate lies outside the range ``data/currencies.toml`` gives for the pair.
"""

from __future__ import annotations

import pytest

import figcheck
from figcheck import Document
from figcheck.checking.currencies import rate_range
from figcheck.errors import RuleDefinitionError
from figcheck.findings import CheckId
from figcheck.lexicon.files import DataFile, data_file


def run(*texts: str) -> figcheck.Report:
    return figcheck.check([Document(id=f"d{i}", text=t) for i, t in enumerate(texts, 1)])


def conflicts(report: figcheck.Report) -> list[figcheck.Finding]:
    return [f for f in report.findings if f.check == CheckId.CONFLICT]


EXPORTS_GBP = "Cheese exports from the Brindle valley were worth £4.2m last year, the dairy board said."


class TestSameFigureTwoCurrencies:
    def test_pounds_and_euros_with_the_same_digits_conflict(self) -> None:
        report = run(EXPORTS_GBP,
                     "The dairy board said Brindle valley cheese exports reached €4.2m last year.")
        (finding,) = conflicts(report)
        assert {finding.claim.text, finding.other.text} == {"£4.2m", "€4.2m"}
        assert finding.expected_low is None and finding.rel_diff is None  # nothing converted
        assert "1 GBP traded at" in (finding.evidence or "")
        assert "currencies" not in finding.message or "rate" in finding.message

    def test_a_plausible_rate_is_left_unchecked(self) -> None:
        # 4.9 / 4.2 = 1.17 euros to the pound: a rate the pair has traded at, so no verdict.
        report = run(EXPORTS_GBP,
                     "The dairy board said Brindle valley cheese exports reached €4.9m last year.")
        assert conflicts(report) == [] and report.corroborations == ()

    def test_different_facts_in_two_currencies_are_not_paired(self) -> None:
        report = run(EXPORTS_GBP,
                     "The dairy board said Brindle valley wine imports cost €4.2m last year.")
        assert conflicts(report) == []

    def test_a_pair_with_no_known_rate_is_never_compared(self) -> None:
        assert rate_range("GBP", "BTC") is None
        report = run(EXPORTS_GBP,
                     "The dairy board said Brindle valley cheese exports reached 4.2m BTC last year.")
        assert conflicts(report) == []


class TestRateTable:
    def test_the_reverse_pair_is_derived(self) -> None:
        forward, back = rate_range("GBP", "EUR"), rate_range("EUR", "GBP")
        assert forward is not None and back is not None
        assert back.low == pytest.approx(1 / forward.high)
        assert back.high == pytest.approx(1 / forward.low)
        assert forward.source == back.source and forward.years

    def test_a_bad_row_is_reported_with_its_line(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from figcheck.checking import currencies

        text = data_file("currencies.toml").text.replace("low = 1.05", "low = 2.05")
        monkeypatch.setattr(currencies, "data_file",
                            lambda name: DataFile(name, text) if name == "currencies.toml"
                            else data_file(name))
        currencies._rates.cache_clear()
        try:
            with pytest.raises(RuleDefinitionError, match=r"currencies.toml:\d+: rates.GBP/EUR"):
                rate_range("GBP", "EUR")
        finally:
            currencies._rates.cache_clear()
