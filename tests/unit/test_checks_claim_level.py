"""Checks inside one claim or one sentence: part > whole, share range, stated share, granularity."""

from __future__ import annotations

from typing import Any

import pytest

from figcheck.checking.options import CheckOptions
from figcheck.checking.claim_level import claim_level_findings, stated_interval
from figcheck.claims import Claim
from figcheck.findings import CheckId, Severity


def claim(sentence: str, span: str, *, nth: int = 0, doc: str = "d", offset: int = 0,
          **fields: Any) -> Claim:
    """A claim for ``span`` (its ``nth`` occurrence) in ``sentence``, built by hand."""
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(span, start + 1)
    values: dict[str, Any] = dict(
        doc_id=doc, start=offset + start, end=offset + start + len(span), text=span,
        sentence=sentence, sentence_start=offset, sentence_end=offset + len(sentence), line=1,
        column=start + 1, kind="count", unit="count", bound="=", rule="test",
    )
    values.update(fields)
    values.setdefault("low", values["value"])
    values.setdefault("high", values["value"])
    return Claim(**values)


def part(sentence: str, span: str, part_value: float, whole: float, **kw: Any) -> Claim:
    return claim(sentence, span, kind="part_of_whole", value=part_value, whole=whole, **kw)


def share(sentence: str, span: str, value: float, **kw: Any) -> Claim:
    return claim(sentence, span, kind="proportion", unit="percent", value=value, **kw)


def checks(claims: list[Claim], **options: Any) -> list[tuple[CheckId, str]]:
    found = claim_level_findings(claims, CheckOptions.create(**options))
    return [(f.check, f.claim.text) for f in found]


class TestPartExceedsWhole:
    def test_part_larger_than_whole(self) -> None:
        s = "The council said 152 of its 140 buses were new."
        (f,) = claim_level_findings([part(s, "152 of its 140", 152, 140)], CheckOptions())
        assert f.check == CheckId.PART_EXCEEDS_WHOLE and f.severity == Severity.ERROR
        assert (f.claimed_low, f.claimed_high) == (152, 152)
        assert (f.expected_low, f.expected_high) == (0, 140)
        assert f.rel_diff == pytest.approx(12 / 140)
        assert "'152 of its 140' at d:1:18" in f.message

    @pytest.mark.parametrize(("p", "w"), [(123, 152), (77, 149), (152, 180), (40, 40)])
    def test_parts_within_their_whole_pass(self, p: int, w: int) -> None:
        s = f"Inspectors passed {p} of {w} lifts."
        assert checks([part(s, f"{p} of {w}", p, w)]) == []

    def test_hedged_part_is_judged_by_its_lowest_value(self) -> None:
        s = "Nearly 100 of 95 seats were filled."
        c = part(s, "Nearly 100 of 95", 100, 95, low=90, bound="<~")
        assert checks([c]) == []


class TestShareOutOfRange:
    def test_share_above_100_percent(self) -> None:
        s = "Some 130% of the voters backed the plan."
        found = claim_level_findings([share(s, "130%", 130)], CheckOptions())
        assert [(f.check, f.expected_low, f.expected_high) for f in found] == [
            (CheckId.SHARE_OUT_OF_RANGE, 0.0, 100.0)
        ]

    def test_negative_share(self) -> None:
        s = "A share of -4% of households."
        assert checks([share(s, "-4%", -4)]) == [(CheckId.SHARE_OUT_OF_RANGE, "-4%")]

    def test_a_change_may_exceed_100_percent(self) -> None:
        s = "Rents rose by 130% in a decade."
        assert checks([share(s, "130%", 130, change="increase")]) == []

    def test_hedged_share_touching_the_range_passes(self) -> None:
        s = "Over 95% of the pupils passed."
        assert checks([share(s, "Over 95%", 95, high=float("inf"), bound=">")]) == []


class TestStatedShareMismatch:
    @pytest.mark.parametrize(
        ("sentence", "part_span", "p", "w", "share_span", "stated", "mismatch"),
        [
            ("Of the fleet, 123 of 152 (91%) were grounded.", "123 of 152", 123, 152, "91%", 91,
             True),
            ("Only 12 of 37, or 33%, replied.", "12 of 37", 12, 37, "33%", 33, True),
            ("Only 12 of 37, or 32%, replied.", "12 of 37", 12, 37, "32%", 32, False),
            ("Only 12 of 37 (32.4%) replied.", "12 of 37", 12, 37, "32.4%", 32.4, False),
            ("Only 12 of 37 (32.5%) replied.", "12 of 37", 12, 37, "32.5%", 32.5, True),
            ("We kept 1 of 3 (33.3%) samples.", "1 of 3", 1, 3, "33.3%", 33.3, False),
            ("We kept 2 of 3, i.e. 67%, of samples.", "2 of 3", 2, 3, "67%", 67, False),
            ("Just 45 of 90 (50%) finished.", "45 of 90", 45, 90, "50%", 50, False),
        ],
    )
    def test_stated_share_against_part_over_whole(
        self, sentence: str, part_span: str, p: int, w: int, share_span: str, stated: float,
        mismatch: bool,
    ) -> None:
        claims = [part(sentence, part_span, p, w), share(sentence, share_span, stated)]
        expected = [(CheckId.STATED_SHARE_MISMATCH, share_span)] if mismatch else []
        assert checks(claims) == expected

    def test_finding_names_both_claims_and_the_intervals(self) -> None:
        s = "Of the fleet, 123 of 152 (91%) were grounded."
        p, q = part(s, "123 of 152", 123, 152), share(s, "91%", 91)
        (f,) = claim_level_findings([p, q], CheckOptions())
        assert f.claim == q and f.other == p and f.unit == "percent"
        assert (f.claimed_low, f.claimed_high) == (90.5, 91.5)
        assert f.expected_low == pytest.approx(100 * 123 / 152)
        assert f.rel_diff == pytest.approx((90.5 - 100 * 123 / 152) / (100 * 123 / 152))
        assert "123/152 rounds to 81%" in (f.hint or "")

    def test_the_noun_of_the_part_may_sit_between(self) -> None:
        s = "Only 12 of 37 respondents, or 33%, replied."
        claims = [part(s, "12 of 37", 12, 37, noun="respondents"), share(s, "33%", 33)]
        assert checks(claims) == [(CheckId.STATED_SHARE_MISMATCH, "33%")]

    @pytest.mark.parametrize(
        "sentence",
        [
            "Only 12 of 37 replied, while turnout elsewhere was 33%.",  # too far, other words
            "Only 12 of 37 replied. Turnout was 33%.",  # another sentence
        ],
    )
    def test_a_share_that_is_not_beside_the_part_is_not_paired(self, sentence: str) -> None:
        first = sentence.split(". ")[0] + ("." if ". " in sentence else "")
        p = part(first if ". " in sentence else sentence, "12 of 37", 12, 37)
        if ". " in sentence:
            second = sentence.split(". ")[1]
            q = share(second, "33%", 33, offset=len(first) + 1)
        else:
            q = share(sentence, "33%", 33)
        assert checks([p, q]) == []

    def test_a_change_is_not_a_stated_share(self) -> None:
        s = "Only 12 of 37, up 33%, replied."
        assert checks([part(s, "12 of 37", 12, 37), share(s, "33%", 33, change="increase")]) == []


class TestGranularity:
    @pytest.mark.parametrize(
        ("sentence", "share_span", "stated", "n_span", "n", "impossible"),
        [
            ("We found that 33% of 37 teachers agreed.", "33%", 33, "37", 37, True),
            ("We found that 35% of 37 teachers agreed.", "35%", 35, "37", 37, False),
            ("Half the panel, 50% (n = 7), said yes.", "50%", 50, "7", 7, True),
            ("A total of 42.9% (n = 7) said yes.", "42.9%", 42.9, "7", 7, False),
            ("A total of 42.8% (n = 7) said yes.", "42.8%", 42.8, "7", 7, True),
            ("Roughly 33% of 3,700 firms agreed.", "33%", 33, "3,700", 3700, False),
        ],
    )
    def test_share_of_a_stated_n(self, sentence: str, share_span: str, stated: float,
                                 n_span: str, n: int, impossible: bool) -> None:
        claims = [share(sentence, share_span, stated), claim(sentence, n_span, value=n)]
        expected = [(CheckId.GRANULARITY, share_span)] if impossible else []
        assert checks(claims) == expected

    def test_whole_on_the_share_claim_is_the_n(self) -> None:
        s = "Of 37 teachers, 33% agreed."
        (f,) = claim_level_findings([share(s, "33%", 33, whole=37)], CheckOptions())
        assert f.check == CheckId.GRANULARITY and f.severity == Severity.WARNING
        assert (round(f.expected_low, 2), round(f.expected_high, 2)) == (32.43, 35.14)
        assert "12/37" in f.message and "13/37" in f.message

    def test_share_already_paired_with_its_part_is_not_tested_twice(self) -> None:
        s = "Only 12 of 37, or 33%, replied."
        found = checks([part(s, "12 of 37", 12, 37), share(s, "33%", 33, whole=37)])
        assert found == [(CheckId.STATED_SHARE_MISMATCH, "33%")]

    def test_hedged_shares_are_not_tested(self) -> None:
        s = "About 33% of 37 teachers agreed."
        c = share(s, "About 33%", 33, low=29.7, high=36.3, bound="~")
        assert checks([c, claim(s, "37", value=37)]) == []


def test_checks_option_selects_what_runs() -> None:
    s = "The council said 152 of its 140 buses, or 95%, were new."
    claims = [part(s, "152 of its 140", 152, 140, noun="buses"), share(s, "95%", 95)]
    assert {c for c, _ in checks(claims)} == {CheckId.PART_EXCEEDS_WHOLE,
                                              CheckId.STATED_SHARE_MISMATCH}
    assert checks(claims, checks=["stated_share_mismatch"]) == [
        (CheckId.STATED_SHARE_MISMATCH, "95%")
    ]


def test_stated_interval_adds_the_rounding_of_the_last_digit() -> None:
    s = "It was 29.6% and 30% and nearly a third."
    assert stated_interval(share(s, "29.6%", 29.6)).low == pytest.approx(29.55)
    assert stated_interval(share(s, "30%", 30)).high == pytest.approx(30.5)
    third = share(s, "nearly a third", 100 / 3, low=30.0, bound="<~")
    assert (stated_interval(third).low, stated_interval(third).high) == (30.0, 100 / 3)
