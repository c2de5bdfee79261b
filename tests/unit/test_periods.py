"""The period of each figure: time expressions resolved against the document's date.

Every sentence here was written for these tests. Each row is (text, document date, the
claim's text, expected period); the claim is found by its text among what
``figcheck.extract`` returns.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import figcheck
from figcheck.errors import RuleDefinitionError
from figcheck.extraction.context.periods import claim_period, sentence_periods
from figcheck.extraction.context.timeref import Calendar
from figcheck.lexicon.files import DataFile, data_file
from figcheck.lexicon.periods import load_period_lexicon
from figcheck.timespans import TimeSpan, parse_period


def period(text: str, date: str | None, claim: str) -> str | None:
    claims = figcheck.extract(text, date=date)
    found = [c for c in claims if c.text == claim or claim in c.text]
    assert found, f"no claim {claim!r} in {[c.text for c in claims]}"
    return found[0].period


def _id(row: tuple[object, ...]) -> str:
    return f"{row[2]}->{row[-1]}"


# --- relative expressions -----------------------------------------------------------------

RELATIVE = [
    ("Cinema admissions in Ruritania reached 41 million last year.", "2025-02-03",
     "41 million", "2024"),
    ("The port expects to handle 9,000 containers next year.", "2025-11-20", "9,000", "2026"),
    ("So far this year the clinic has treated 730 patients.", "2025-06-30", "730", "2025"),
    ("Ferry crossings fell to 5,200 in October, the operator said.", "2025-11-04", "5,200",
     "2025-10"),
    ("Ferry crossings fell to 5,200 in November, the operator said.", "2025-02-10", "5,200",
     "2024-11"),
    ("The bakery chain sold 1.9 million loaves this month.", "2025-03-18", "1.9 million",
     "2025-03"),
    ("Snowfall closed 48 schools last month.", "2025-01-09", "48", "2024-12"),
    ("Thursday's storm cut power to 3,300 homes in Lakeview.", "2025-04-14", "3,300",
     "2025-04-10"),
    ("Storm damage on Friday night left 220 families homeless.", "2025-04-14", "220",
     "2025-04-11"),
    ("Retail sales rose 1.1% in the three months to August.", "2025-10-02", "1.1%",
     "2025-06/2025-08"),
    ("Wages grew 3.9% in the year to November, the survey found.", "2025-01-20", "3.9%",
     "2023-12/2024-11"),
    ("Grain exports were 14 million tonnes in the 12 months to December.", "2025-02-01",
     "14 million tonnes", "2024"),
    ("Tourism income was up 6% in the March quarter.", "2025-05-30", "6%", "2025-01/2025-03"),
    ("Output expanded 0.4% in the second quarter.", "2025-08-15", "0.4%", "2025-04/2025-06"),
    ("Output expanded 0.4% in the fourth quarter.", "2025-01-15", "0.4%", "2024-10/2024-12"),
    ("Profits fell 9% in the final quarter of 2022.", "2025-01-15", "9%", "2022-10/2022-12"),
    ("Revenue reached $1.2 billion in Q3 2023.", None, "$1.2 billion", "2023-07/2023-09"),
    ("Arrivals rose 15% in the first half of 2021.", None, "15%", "2021-01/2021-06"),
    ("The airline carried 8.4 million passengers over the first seven months of this year.",
     "2025-10-28", "8.4 million", "2025-01/2025-07"),
    ("Hospital visits peaked at 2,050 in the week to March 9.", "2025-04-01", "2,050",
     "2025-03-03/2025-03-09"),
    ("Car sales fell 4% between January and May.", "2025-07-01", "4%", "2025-01/2025-05"),
    ("Car sales fell 4% between November and February.", "2025-03-05", "4%",
     "2024-11/2025-02"),
    ("Prices rose 2.3% in the October-December quarter.", "2025-02-12", "2.3%",
     "2024-10/2024-12"),
    ("The charity raised £9.3 million in the year ended June 30, 2024.", None, "£9.3 million",
     "2023-07/2024-06"),
    ("Admissions fell 4% in the second half of last year.", "2025-03-01", "4%",
     "2024-07/2024-12"),
    ("Since Feb. 3 the coastguard has rescued 210 people.", "2025-05-01", "210", "2025-02-03/"),
    ("By the end of April, 64% of the crop had been sown.", "2025-06-01", "64%", "2025-04"),
]


@pytest.mark.parametrize(("text", "date", "claim", "expected"), RELATIVE, ids=map(_id, RELATIVE))
def test_relative_expressions_resolve_against_the_document_date(
    text: str, date: str | None, claim: str, expected: str
) -> None:
    assert period(text, date, claim) == expected


HOLIDAYS = [
    ("Boxing Day sales brought in £3.1 billion.", "2025-01-05", "£3.1 billion", "2024-12-26"),
    ("Good Friday traffic jams stretched 45 kilometres.", "2025-04-22", "45 kilometres",
     "2025-04-18"),
    ("Thanksgiving travel reached 5.8 million drivers.", "2025-12-01", "5.8 million",
     "2025-11-27"),
    ("Cyber Monday orders topped 12 million.", "2025-12-05", "12 million", "2025-12-01"),
    ("This year's harvest festival drew 61,000 visitors.", "2025-09-30", "61,000", "2025"),
]


@pytest.mark.parametrize(("text", "date", "claim", "expected"), HOLIDAYS, ids=map(_id, HOLIDAYS))
def test_named_days(text: str, date: str, claim: str, expected: str) -> None:
    assert period(text, date, claim) == expected


FISCAL = [
    ("The state collected $88 billion in taxes in fiscal 2021.", None, "$88 billion", "FY2021"),
    ("The council ran a deficit of £14 million in the 2020-21 financial year.", None,
     "£14 million", "FY2020-21"),
    ("Net income was $730 million in FY23.", None, "$730 million", "FY2023"),
    ("The ministry spent R$4.4 billion in the fiscal year that ended in June.", "2025-09-01",
     "R$4.4 billion", "FY2024-25"),
    ("Freight revenue fell 3% in financial year 2019/20.", None, "3%", "FY2019-20"),
    ("The port authority earned $610 million in the fiscal year ending September 30, 2023.",
     None, "$610 million", "FY2022-23"),
]


@pytest.mark.parametrize(("text", "date", "claim", "expected"), FISCAL, ids=map(_id, FISCAL))
def test_fiscal_years_are_not_calendar_years(
    text: str, date: str | None, claim: str, expected: str
) -> None:
    assert period(text, date, claim) == expected
    assert parse_period(expected) != parse_period(expected[2:6])


# --- since, until, by -----------------------------------------------------------------------

OPEN = [
    ("Since 2015 the charity has planted 2.6 million trees.", None, "2.6 million", "2015/"),
    ("The outbreak has infected 950 people since May.", "2025-08-02", "950", "2025-05/"),
    ("Floodwater has covered 1,100 hectares since the river burst its banks on Sunday.",
     "2025-03-12", "1,100", "2025-03-09/"),
    ("The mine will employ 600 people until 2027.", None, "600", "/2027"),
    ("The city aims to plant 40,000 trees by 2035.", None, "40,000", "2035"),
]


@pytest.mark.parametrize(("text", "date", "claim", "expected"), OPEN, ids=map(_id, OPEN))
def test_since_is_an_open_interval(text: str, date: str | None, claim: str, expected: str) -> None:
    assert period(text, date, claim) == expected


def test_since_and_in_are_different_periods() -> None:
    text = "The club has sold 30,000 shirts since 2019, including 7,500 in 2019 alone."
    assert period(text, None, "30,000") == "2019/"
    assert period(text, None, "7,500") == "2019"
    assert parse_period("2019/") != parse_period("2019")


def test_the_level_a_movement_starts_from_takes_only_its_own_period() -> None:
    text = "The vacancy rate edged up to 6.1% last quarter, up from 5.8%."
    assert period(text, "2025-08-01", "6.1%") == "2025-04/2025-06"
    assert period(text, "2025-08-01", "5.8%") is None
    text = "Ridership fell to 8.2 million in March from 9.1 million in February."
    assert period(text, "2025-04-15", "9.1 million") == "2025-02"
    text = "Fares fell from $4.20 to $3.90 in June."
    assert period(text, "2025-07-02", "$4.20") is None
    assert period(text, "2025-07-02", "$3.90") == "2025-06"


def test_a_level_takes_the_year_right_after_it_over_the_one_before() -> None:
    text = "Members rose from 410 in 2021 to 655 in 2024."
    assert period(text, None, "410") == "2021"
    assert period(text, None, "655") == "2024"


def test_a_record_since_is_not_the_period() -> None:
    text = "Inflation reached 9.4% in August, the highest since 1991."
    assert period(text, "2025-09-10", "9.4%") == "2025-08"
    text = "Shares fell 6% on Tuesday, the sharpest drop since March 2020."
    assert period(text, "2025-06-12", "6%") == "2025-06-10"


def test_the_level_after_since_is_today_not_the_start() -> None:
    text = "The waiting list has grown by 900 since 2018 to 14,300 names."
    assert period(text, None, "900") == "2018/"
    assert period(text, None, "14,300") is None


def test_a_total_since_with_no_movement_keeps_the_since() -> None:
    text = "The storm brought the season's total since July to 1,800 millimetres."
    assert period(text, "2025-10-01", "1,800") == "2025-07/"


def test_between_two_censuses_a_change_spans_them_and_the_level_is_the_later() -> None:
    text = "The town grew by 1,300 to 22,900 between the 2001 and 2011 censuses."
    assert period(text, None, "1,300") == "2001/2011"
    assert period(text, None, "22,900") == "2011"


# --- dates that date nothing --------------------------------------------------------------

def test_a_dateline_is_not_the_period() -> None:
    text = "OSLO, May 6 — Electricity use fell 2.4% in April, the grid operator said."
    assert period(text, "2025-05-06", "2.4%") == "2025-04"
    text = "OSLO, May 6 — Floods have closed 14 roads, officials said."
    assert period(text, "2025-05-06", "14") is None


def test_the_day_of_a_statement_is_not_the_period() -> None:
    text = "Exports of timber fell 11%, the trade office said on Thursday."
    assert period(text, "2025-05-09", "11%") is None
    text = "The minister announced a fund of $50 million for schools on Monday."
    assert period(text, "2025-05-09", "$50 million") is None


def test_a_day_after_said_with_its_own_clause_dates_the_figure() -> None:
    text = "Officials said 17 people died when the bridge collapsed on Monday."
    assert period(text, "2025-05-09", "17") == "2025-05-05"


def test_a_present_tense_stock_has_no_period() -> None:
    text = "Arrivals rose to 9,100 last year, and the agency says 6,400 people are now housed."
    assert period(text, "2025-02-01", "9,100") == "2024"
    assert period(text, "2025-02-01", "6,400") is None


def test_a_new_clause_with_its_own_verb_does_not_share_the_period() -> None:
    text = "The fire has burned 800 hectares since Tuesday, and 350 people were moved."
    assert period(text, "2025-07-20", "800") == "2025-07-15/"
    assert period(text, "2025-07-20", "350") is None
    text = "The maker sold 52,000 vans last year, and 9,000 trucks."
    assert period(text, "2025-03-01", "9,000") == "2024"


# --- periods named relative to another ------------------------------------------------------

def test_a_level_a_year_earlier_is_the_year_before() -> None:
    text = "Tolls brought in $56 million in April, against $61 million a year earlier."
    assert period(text, "2025-05-20", "$56 million") == "2025-04"
    assert period(text, "2025-05-20", "$61 million") == "2024-04"
    text = "The agency lost 3.1% in fiscal 2022, after a profit of 1.2% the year before."
    assert period(text, None, "1.2%") == "FY2021"


def test_a_change_against_a_base_keeps_its_own_period() -> None:
    text = "Bookings reached 4,700 in March, up 13% on a year earlier."
    assert period(text, "2025-04-10", "13%") == "2025-03"
    text = "The vineyard expects 310,000 bottles this year, up 5% on 2024."
    assert period(text, "2025-04-10", "5%") == "2025"


def test_the_same_period_repeats_the_one_named_before() -> None:
    text = "Rents in Brightwater rose 6% since June 2023, while in Eastholm they rose 4% over "
    text += "the same period."
    assert period(text, None, "4%") == "2023-06/"
    text = "Milk output rose 2% in May. Cheese output grew 1.5% over the same month."
    assert period(text, "2025-06-20", "1.5%") == "2025-05"


def test_that_year_and_full_year_take_the_year_named_before() -> None:
    text = "The fund lost $2 billion in fiscal 2023 and expected reserves of 40% by the end of "
    text += "that year."
    assert period(text, None, "40%") == "FY2023"
    text = "The yard built 14 ships in the first half, against a full-year goal of 30."
    assert period(text, "2025-08-01", "30") == "2025"


# --- without a date -----------------------------------------------------------------------

def test_without_a_date_relative_expressions_stay_unresolved() -> None:
    assert period("Cinema admissions reached 41 million last year.", None, "41 million") is None
    assert period("Exports fell 3% in March 2024.", None, "3%") == "2024-03"


def test_a_date_is_a_date_or_an_iso_string() -> None:
    text = "Cinema admissions reached 41 million last year."
    assert figcheck.extract(text, date=dt.date(2025, 1, 2))[0].period == "2024"
    assert figcheck.extract(text, date="2 January 2025")[0].period == "2024"
    document = figcheck.Document("d", text, {"date": "2025-01-02"})
    assert figcheck.extract(document)[0].period == "2024"
    with pytest.raises(figcheck.DocumentError, match="not a date"):
        figcheck.extract(text, date="last Tuesday")


def test_words_that_only_look_like_months_are_not_months() -> None:
    text = "Prime minister Theresa May said 1,200 jobs would go."
    assert period(text, "2025-06-01", "1,200") is None
    text = "Protesters may march for 12 kilometres across the city."
    assert period(text, "2025-06-01", "12 kilometres") is None


# --- values -------------------------------------------------------------------------------

SPANS = st.one_of(
    st.builds(lambda y: TimeSpan.point((y,)), st.integers(1900, 2099)),
    st.builds(lambda y, m: TimeSpan.point((y, m)), st.integers(1900, 2099), st.integers(1, 12)),
    st.builds(lambda d: TimeSpan.days(d, d), st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31))),
    st.builds(lambda y, n: TimeSpan.fiscal_year(y, y + n), st.integers(1900, 2098),
              st.integers(0, 1)),
    st.builds(lambda y: TimeSpan.point((y,)).since(), st.integers(1900, 2099)),
    st.builds(lambda y: TimeSpan.point((y,)).until(), st.integers(1900, 2099)),
)


@settings(max_examples=300, deadline=None)
@given(SPANS)
def test_every_period_reads_back_as_itself(span: TimeSpan) -> None:
    assert parse_period(span.text) == span


@settings(max_examples=200, deadline=None)
@given(SPANS, st.sampled_from(["year", "quarter", "month", "week", "day"]), st.integers(-3, 3))
def test_shifting_there_and_back_is_the_identity_for_months_and_years(
    span: TimeSpan, unit: str, n: int
) -> None:
    if unit in ("year", "quarter", "month") and (span.last is None or len(span.last) < 3):
        assert span.shifted(unit, n).shifted(unit, -n) == span


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)), st.integers(1, 12),
       st.integers(0, 6))
def test_a_named_month_or_weekday_is_never_after_the_document(
    date: dt.date, month: int, weekday: int
) -> None:
    cal = Calendar(date)
    m = cal.resolve(("m", month))
    d = cal.resolve(("wd", weekday, None))
    assert m is not None and m.first_day is not None and m.first_day <= date
    assert d is not None and d.first_day is not None and date - d.first_day < dt.timedelta(7)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)))
def test_any_text_gives_readable_periods(text: str, date: dt.date) -> None:
    sp = sentence_periods(text, date)
    for start in range(0, len(text), 7):
        got = claim_period(sp, start, min(start + 3, len(text)))
        assert got is None or parse_period(got) is not None


# --- data ---------------------------------------------------------------------------------

def test_periods_file_opens_with_its_grammar() -> None:
    assert "Grammar" in data_file("periods.toml").text.split("\n\n", 1)[0]


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('"last year" = ["year", -1]', '"last year" = ["years", -1]', "relative.last year"),
        ('"christmas day" = "12-25"', '"christmas day" = "25/12"', "holidays.fixed.christmas day"),
        ('"the same year" = "year"', '"the same year" = "annual"', "same.the same year"),
    ],
)
def test_a_malformed_period_entry_names_file_line_and_key(old: str, new: str, key: str) -> None:
    text = data_file("periods.toml").text
    assert old in text
    bad = DataFile("periods.toml", text.replace(old, new))
    with pytest.raises(RuleDefinitionError) as err:
        load_period_lexicon(bad, data_file("months.toml"))
    assert err.value.key == key
    assert err.value.line == next(
        i for i, ln in enumerate(bad.text.splitlines(), 1) if ln.startswith(new.split(" =")[0])
    )


# --- checking reads the same forms ------------------------------------------------------------

def test_checking_keys_tell_periods_apart() -> None:
    from figcheck.checking.keys import period_of

    march, april = period_of("2025-03"), period_of("2025-04")
    assert march is not None and april is not None
    assert not march.same(april) and not march.overlaps(april)
    year = period_of("2025")
    assert year is not None and year.same(period_of("2025-01/2025-12"))
    assert march.overlaps(year) and not march.same(year)
    since = period_of("2019/")
    assert since is not None and not since.same(period_of("2019"))
    assert since.overlaps(period_of("2023")) and not since.overlaps(period_of("2018"))
    fiscal = period_of("FY2024-25")
    assert fiscal is not None and (fiscal.first, fiscal.last) == (2024, 2025)
    assert not fiscal.same(period_of("2024/2025"))
    assert period_of("the summer") is not None and period_of("the summer").first is None


def test_names_that_contain_a_day_or_a_month_are_not_dates() -> None:
    assert period("The Sunday Courier said 35 stores would close.", "2025-06-04", "35") is None
    assert period("The March for Rivers drew 7,000 people.", "2025-06-04", "7,000") is None
    assert period("On Sunday Lisbon counted 7,000 marchers.", "2025-06-04", "7,000") == "2025-06-01"


def test_a_fiscal_quarter_has_no_calendar_period() -> None:
    text = "Orders rose 7% in the company's fiscal third quarter."
    assert period(text, "2025-06-04", "7%") is None
    text = "Margins widened to 31% in the second quarter of fiscal 2024."
    assert period(text, None, "31%") is None


def test_a_level_after_a_span_named_first_is_the_span_end() -> None:
    text = "Between 2005 and 2015 the herd grew 40% to 2,800 animals."
    assert period(text, None, "40%") == "2005/2015"
    assert period(text, None, "2,800") == "2015"


def test_the_weekend_and_last_night() -> None:
    text = "Over the weekend, gales left 18,000 homes without power."
    assert period(text, "2025-03-10", "18,000") == "2025-03-08/2025-03-09"
    assert period("Last night 26 people were detained.", "2025-03-10", "26") == "2025-03-09"
