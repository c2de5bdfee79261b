"""The derived checks, one rule at a time, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

import figcheck
from figcheck.checking.derived import derived_findings
from figcheck.checking.derived.dates import find_dates, resolve_year, span_days
from figcheck.checking.derived.view import document_date
from figcheck.extraction.extractor import extract
from figcheck.findings import CheckId

DERIVED = {"change_mismatch", "sum_mismatch", "share_mismatch", "duration_mismatch"}


def run(text: str, date: str | None = None):
    doc = figcheck.Document("t", text, {"date": date} if date else {})
    report = figcheck.check([doc])
    found = [f for f in report.findings if f.check.value in DERIVED]
    held = [c for c in report.corroborations if c.message.split(":")[0] in DERIVED]
    return found, held


def texts_of(finding) -> set[str]:
    claims = [finding.claim, finding.other, *finding.related]
    return {c.text for c in claims if c is not None}


# --- change_mismatch -------------------------------------------------------------------------

def test_relative_change_that_the_levels_do_not_give_is_flagged():
    found, _ = run("Ridership rose 12% to 2.8 million from 2.1 million, the operator said.")
    (f,) = found
    assert f.check == CheckId.CHANGE_MISMATCH
    assert texts_of(f) == {"12%", "2.8 million", "2.1 million"}
    assert f.expected_low > 25 and f.expected_high < 40  # 2.75/2.15-1 .. 2.85/2.05-1
    assert "2.8 million" in f.message


def test_relative_change_within_the_levels_rounding_holds_and_says_so():
    found, held = run("Ridership rose 14% to 3.31 million from 2.9 million.")
    assert found == []
    assert any("only with the rounding allowance" in c.message for c in held)


def test_absolute_change_too_small_for_the_levels():
    found, _ = run("The herd shrank by 1,500 last year to 22,400 head, from 24,700.")
    (f,) = found
    assert f.expected_high == pytest.approx(-2200)  # 22,450 - 24,650


def test_absolute_change_that_matches():
    found, held = run("The herd shrank by 2,300 last year to 22,400 head, from 24,700.")
    assert found == [] and held


def test_points_change_between_percentages():
    found, _ = run("Approval climbed 6.1 percentage points to 48.3%, from 44.9% in spring.")
    (f,) = found
    assert f.expected_low == pytest.approx(3.3, abs=0.01)


def test_change_in_the_wrong_direction_is_flagged():
    found, _ = run("Unemployment eased by 0.3 points to 5.4% in May, from 5.1% in April.")
    (f,) = found
    assert f.claimed_high < 0 < f.expected_low


def test_multiplier_words():
    assert run("Bookings more than doubled, from 3,200 to 5,900 a year later.")[0]
    assert not run("Bookings more than doubled, from 3,200 to 6,900 a year later.")[0]
    assert run("Fines have halved since then, from 810 to 560.")[0]


def test_fraction_change_words():
    (f,) = run("Fares are now a quarter higher: €3.10 a ride, against €2.90 in 2021.")[0]
    assert "a quarter higher" in texts_of(f)
    assert not run("Fares are now a quarter higher: €3.60 a ride, against €2.90 in 2021.")[0]


def test_other_level_from_the_next_sentence():
    text = ("Visits climbed 9.5% in the second half to 7.3 million. In the same half of 2022 the "
            "museum counted 5.2 million visits.")
    (f,) = run(text)[0]
    assert texts_of(f) == {"9.5%", "7.3 million", "5.2 million"}


def test_a_change_of_another_clause_is_not_linked():
    text = "Rents will rise 3.5% in June, while the vacancy rate has fallen to 2% of homes."
    assert run(text)[0] == []


def test_a_change_without_levels_in_its_sentence_is_left_alone():
    text = ("Orders rose 4% in the last quarter. Over the whole year, sales came to $9.9 billion, "
            "against $8.1 billion a year before.")
    assert run(text)[0] == []


def test_made_up_is_an_amount_not_a_change():
    text = "Tourists made up 1.4 million of the visitors and residents 2.2 million."
    assert [f for f in run(text)[0] if f.check == CheckId.CHANGE_MISMATCH] == []


# --- sum_mismatch -----------------------------------------------------------------------------

def test_parts_after_a_colon_must_add_up():
    assert run("Storms destroyed 318 homes: 205 in the valley and 98 on the coast.")[0]
    assert not run("Storms destroyed 303 homes: 205 in the valley and 98 on the coast.")[0]


def test_the_rest_makes_a_partition():
    (f,) = run("Of the 44 workers trapped, 31 were freed by noon and the other 16 by dusk.")[0]
    assert f.check == CheckId.SUM_MISMATCH
    assert texts_of(f) == {"44", "31", "16"}


def test_split_between_with_different_scale_words():
    (f,) = run("The €2.6 billion fund is split between €1,900 million for ports and €450 million "
               "for rail.")[0]
    assert f.expected_high == pytest.approx(2.4005e9)  # 1,950 + 450.5 million


def test_percent_partition_allows_rounding_of_each_part():
    found, held = run("In the ballot 52% backed the plan, 35% rejected it and the remaining 14% "
                      "abstained.")
    assert found == [] and held
    assert run("In the ballot 52% backed the plan, 35% rejected it and the remaining 17% "
               "abstained.")[0]


def test_overlapping_subtotals_are_not_a_sum():
    assert run("Of the 610 bridges surveyed, 208 had cracks and 157 had rusted bearings.")[0] == []


def test_unextracted_list_items_are_read_inside_a_list():
    text = ("Of the 120 seats on the council, the Civic List won 47, the Unionists 38, the "
            "Greens 21 and independents 6, according to final results.")
    (f,) = run(text)[0]
    assert {"38", "21"} <= texts_of(f)


def test_total_in_the_sentence_before():
    text = ("The agency received 2,514 complaints last year. Of these, 1,420 were about delays, "
            "702 about fares and the remaining 301 about staff.")
    (f,) = run(text)[0]
    assert "2,514" in texts_of(f)


# --- share_mismatch ---------------------------------------------------------------------------

def test_share_of_a_whole_in_the_sentence_before():
    text = "The orchestra has 92 players. Of them, 31 are women, or 44 percent."
    (f,) = run(text)[0]
    assert f.check == CheckId.SHARE_MISMATCH
    assert texts_of(f) == {"92", "31", "44 percent"}


def test_share_that_fits_holds():
    found, held = run("The orchestra has 92 players. Of them, 31 are women, or 34 percent.")
    assert found == [] and held


def test_fraction_word_share_after_a_part():
    assert run("The region counts 2,400 wells. Some 610 of them have run dry, nearly half.")[0]
    assert not run("The region counts 2,400 wells. Some 1,150 of them have run dry, nearly "
                   "half.")[0]


def test_share_of_another_whole_is_left_alone():
    text = "Of the 1,800 pupils at the school, 410 walk to class. Nationally, 46 percent of pupils walk."
    assert run(text)[0] == []


def test_adjacent_part_of_whole_stays_stated_share_mismatch():
    report = figcheck.check("Inspectors failed 45 of the 60 lifts (85%).")
    checks = {f.check.value for f in report.findings}
    assert "share_mismatch" not in checks and "stated_share_mismatch" in checks


# --- duration_mismatch ------------------------------------------------------------------------

def test_duration_between_two_years():
    (f,) = run("The two-year refit, which began in 2015 and ended in 2021, ran over budget.")[0]
    assert f.check == CheckId.DURATION_MISMATCH
    assert texts_of(f) == {"two-year", "2015", "2021"}
    assert f.expected_low == pytest.approx((dt.date(2021, 1, 1) - dt.date(2016, 1, 1)).days)


def test_duration_between_days_counts_either_end():
    assert not run("The nine-day fair opened on 3 June and closed on 11 June.", "2024-07-01")[0]
    assert run("The nine-day fair opened on 3 June and closed on 24 June.", "2024-07-01")[0]


def test_since_measures_to_the_document_date():
    text = "Ferries have linked the two ports for nearly twelve years, since 2011."
    assert not run(text, "2023-05-02")[0]
    assert run(text, "2019-05-02")[0]


def test_since_without_a_document_date_is_not_checked():
    assert run("Ferries have linked the two ports for nearly twelve years, since 2011.")[0] == []


def test_ordinal_and_long_durations():
    assert run("The strike, now in its second month, began on 2 January.", "2024-05-20")[0]
    assert not run("The strike, now in its second month, began on 2 January.", "2024-02-20")[0]
    assert not run("The week-long festival began on 4 May and ended on 10 May.", "2024-06-01")[0]


def test_a_duration_not_measured_to_now_is_left_alone():
    assert run("The firm took a ten-year lease on the depot in 1998.", "2024-01-01")[0] == []


def test_frequency_is_not_a_span():
    assert run("Since 3 March, buses have run every 15 minutes.", "2024-03-20")[0] == []


# --- the pieces -------------------------------------------------------------------------------

def test_dates_are_intervals_at_their_precision():
    (d,) = find_dates("opened in March 2019")
    assert (d.first, d.end) == (dt.date(2019, 3, 1), dt.date(2019, 4, 1))
    a, b = find_dates("from 4 July to 9 July 2020")
    assert not a.year_given and b.year_given
    end = resolve_year(b)
    start = resolve_year(a, on_or_before=end.first)
    assert span_days(start, end) == (4, 6)


def test_a_yearless_date_takes_the_latest_year_before_the_document():
    (d,) = find_dates("on 30 December")
    assert resolve_year(d, on_or_before=dt.date(2024, 1, 5)).first == dt.date(2023, 12, 30)


def test_document_date_accepts_dates_and_strings():
    assert document_date({"date": dt.datetime(2022, 3, 1, 9, 30)}) == dt.date(2022, 3, 1)
    assert document_date({"date": "not a date"}) is None
    assert document_date({}) is None


def test_checks_option_selects_derived_checks():
    text = "Ridership rose 12% to 2.8 million from 2.1 million."
    report = figcheck.check(text, checks=["sum_mismatch"])
    assert not [f for f in report.findings if f.check.value in DERIVED]


def test_derived_findings_without_text_do_nothing():
    claims = extract("Ridership rose 12% to 2.8 million from 2.1 million.", doc_id="x")
    assert derived_findings(claims, {}) == ([], [])


def test_a_possessive_or_an_article_before_a_dollar_sign_is_not_a_currency_code():
    units = {c.text: c.unit for c in extract("The port's $40 million crane cost a $5 levy per box.")}
    assert units == {"$40 million": "USD", "$5": "USD"}
    assert [c.unit for c in extract("Fares are S$2.10 in Singapore.")] == ["SGD"]


def test_parallel_changes_each_keep_their_own_level():
    text = "Harbour shares gained 3.1 per cent to $42 and Dockside rose 5 per cent to $7.80."
    assert run(text)[0] == []


def test_a_change_restated_in_percent_is_not_a_level():
    assert run("Futures were up 12.5 points, or 0.31%, by noon.")[0] == []


def test_two_levels_need_a_cue_for_the_old_one():
    text = "Shares sank 31.5 per cent to $3.12, wiping $210 million off the firm's value."
    assert run(text)[0] == []


def test_an_unquantified_rest_is_not_a_partition():
    text = "The fund bought 12% of the airline in March, 4.5% from a pension fund and the rest on the market."
    assert run(text)[0] == []


def test_all_inside_a_clause_does_not_make_a_partition():
    text = "Some 31 per cent of renters and 52 per cent of all homeowners said prices were too high."
    assert run(text)[0] == []


def test_a_start_date_in_another_sentence_only_corroborates():
    text = ("The blockade began on 3 February.\nResidents have now lived without fuel for "
            "nearly five weeks.")
    found, held = run(text, "2024-03-10")
    assert found == [] and any("another sentence" in c.message for c in held)
    found, held = run(text, "2024-06-10")  # eighteen weeks: no finding on a guessed link
    assert found == [] and not held


def test_unbounded_figures_never_make_a_finding():
    from figcheck.checking.derived.arith import evaluate
    from figcheck.checking.intervals import Interval

    inf = float("inf")
    out = evaluate(lambda reading: (Interval(5, 5), Interval(inf - inf, inf)))
    assert out.holds and not out.needs_rounding
    assert run("Prices rose more than 10% to over 5,000 from more than 4,000.")[0] == []


def test_levels_in_other_sentences_need_the_same_measure_and_period():
    same = ("Cocoa exports rose 12% last year, the ministry said. Cocoa exports reached $5.6 "
            "billion, against $4.1 billion in 2022.")
    (f,) = run(same)[0]
    assert texts_of(f) == {"12%", "$5.6 billion", "$4.1 billion"}
    quarter = same.replace("last year", "in the first quarter")
    assert run(quarter)[0] == []
    other = ("Tea sales grew 7% in the October quarter. Over the full year, revenue reached "
             "$9.2 billion, compared with $7.4 billion in 2022.")
    assert run(other)[0] == []


def test_every_derived_finding_exports():
    text = ("Support fell 2.5 points to 41.5% from 46%. Rents rose by EUR 30 a month to "
            "EUR 1,020 a month from EUR 950 a month. The €900 a month grant is split between "
            "€600 a month for rent and €450 a month for food. The six-month curfew declared "
            "on 10 November 2021 lapsed on 10 February 2022.")
    report = figcheck.check(figcheck.Document("x", text, {"date": "2023-01-01"}))
    checks = {f.check.value for f in report.findings}
    assert {"change_mismatch", "sum_mismatch", "duration_mismatch"} <= checks
    frame = report.to_frame()
    assert len(frame) == len(report.findings)
    assert report.to_json() and report.to_html()


def test_a_failing_share_names_the_total_not_a_sibling():
    text = ("All 120 seats have been declared. The Reds won 50, the Blues 40 and the Greens 30, "
            "giving the Reds 48% of the chamber.")
    found = [f for f in run(text)[0] if f.check == CheckId.SHARE_MISMATCH]
    (f,) = found
    assert "120" in texts_of(f) and "48%" in texts_of(f)
