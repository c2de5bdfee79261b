"""What a figure's unit or counted noun is: movements "from A to B", multiples, modifiers,
rates and the units written after a figure (issue 8, NewsQuant value+unit); our own sentences."""

from __future__ import annotations

import pytest

from figcheck import Document, check, extract
from figcheck.claims import Kind
from figcheck.formatting import format_interval


def claims(text: str) -> list[tuple[str, str, str]]:
    return [(c.text, c.unit, c.rule) for c in extract(text)]


# --- the two levels of a movement ("from A to B") ---------------------------------------


def test_a_movement_gives_a_from_level_and_a_to_level() -> None:
    got = claims("Ticket sales fell from $4,150 to $3,920 over the winter.")
    assert got == [("$4,150", "USD", "digits_from"), ("$3,920", "USD", "digits_to")]


def test_the_to_level_takes_the_unit_of_the_from_level() -> None:
    (a, b) = extract("The boxer went from 190 pounds to 176 before the bout.")
    assert (a.unit, a.rule) == ("pound", "digits_from")
    assert (b.text, b.unit, b.kind, b.rule) == ("176", "pound", Kind.MEASURE, "digits_to")


def test_a_whole_percentage_taken_over_is_rounded_to_the_unit() -> None:
    (_, b) = extract("Turnout climbed from 61% to 64 in the second round.")
    assert (b.unit, b.low, b.high) == ("percent", 63.5, 64.5)


def test_a_year_may_stand_between_the_two_levels() -> None:
    got = claims("Inflation has been creeping upward, from 2.1 percent in 2021 to 3.4 percent.")
    assert [r for _, _, r in got] == ["digits_from", "digits_to"]


def test_slowing_is_a_movement_too() -> None:
    got = claims("The economy is expected to slow from 3.9 to 3.5 percent next year.")
    assert got == [("3.9", "percent", "digits_from"), ("3.5 percent", "percent", "digits_to")]


def test_a_span_from_a_to_b_stays_a_range() -> None:
    (c,) = extract("Rents ranged from $900 to $1,400 a month.")
    assert c.kind == Kind.RANGE and c.rule == "range"


def test_a_figure_after_to_without_a_from_level_is_its_own_level() -> None:
    got = claims("The index rose 12 points to 4,310.")
    assert all(not r.endswith(("_from", "_to")) for _, _, r in got)


# --- multiples ("N times") --------------------------------------------------------------


def test_times_after_a_bare_count_makes_a_multiple() -> None:
    (c,) = extract("The shares trade at 7.5 times forward earnings.")
    assert (c.text, c.unit, c.rule, c.noun) == ("7.5 times", "count", "multiple", "forward earnings")


def test_a_hedged_number_of_times_is_a_multiple_with_its_bound() -> None:
    (c,) = extract("The satellite has circled the planet more than 4100 times.")
    assert (c.text, c.rule, c.bound.value) == ("more than 4100 times", "multiple", ">")


def test_a_capitalised_times_is_a_name_not_a_multiple() -> None:
    assert all(c.rule != "multiple" for c in extract("He wrote 3 Times columns that year."))


# --- descriptive adjectives: kept in the counted noun, dropped from the measure ---------


@pytest.mark.parametrize(
    ("text", "noun", "measure"),
    [
        ("The chain opened 14 new branches in May.", "new branches", "branch"),
        ("Regulators cut prices on 40 different drugs.", "different drugs", "drug"),
        ("Nine other players were fined.", "other players", "player"),
    ],
)
def test_descriptive_adjectives_stay_in_the_noun_only(text: str, noun: str, measure: str) -> None:
    c = extract(text)[0]
    assert (c.noun, c.measure) == (noun, measure)


def test_a_descriptive_adjective_alone_is_no_noun() -> None:
    (c,) = extract("The airline grounded three new 787 Max jets.")
    assert c.text == "three" and c.noun != "new"


def test_quantity_words_are_still_skipped() -> None:
    (c,) = extract("The army sent 300 more tanks.")
    assert c.noun == "tanks"


# --- the counted noun: compounds and participles ----------------------------------------


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The council released a 40 page report on Monday.", "page"),
        ("The hatchback gets a 4 cylinder engine.", "cylinder"),
        ("About 300 police officers were deployed.", "police officers"),
        ("Crews rebuilt 45 road bridges last year.", "road bridges"),
    ],
)
def test_a_figure_counts_the_first_noun_of_a_singular_compound(text: str, noun: str) -> None:
    c = extract(text)[0]
    assert c.noun == noun


def test_a_participle_before_a_name_ends_the_noun_phrase() -> None:
    (c,) = extract("Staff read the 30 page memo titled Operation Lantern in full.")
    assert c.noun == "page"


# --- currencies and rates written after the figure --------------------------------------


def test_a_euro_sign_after_the_figure() -> None:
    (c,) = extract("She paid 850€ for the bike.")
    assert (c.unit, c.kind, c.value) == ("EUR", Kind.MONEY, 850.0)


def test_a_spaced_two_letter_dollar_prefix() -> None:
    (c,) = extract("Plans start at AU $12.99 a month.")
    assert c.unit == "AUD / month"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Fees went up by £36 a-year for most members.", "GBP / year"),
        ("The port runs a 40,000 barrel-a-day terminal.", "oil_barrel / day"),
    ],
)
def test_a_hyphenated_rate(text: str, unit: str) -> None:
    (c,) = extract(text)
    assert c.unit == unit


# --- more units written with the figure -------------------------------------------------


def test_an_adverb_and_its_participle_are_both_skipped() -> None:
    (c,) = extract("The farm equals some 30 reasonably sized gas plants.")
    assert c.noun == "gas plants"


def test_torque_in_pound_feet_is_not_energy_in_foot_pounds() -> None:
    (torque,) = extract("The engine makes 410 lb-ft of torque.")
    (energy,) = extract("The round carries 1,200 foot-pounds of energy.")
    assert (torque.unit, energy.unit) == ("pound_force_foot", "foot_pound")


def test_a_double_prime_is_inches() -> None:
    (c,) = extract("The scale length is 24.75″ on this model.")
    assert (c.unit, c.value) == ("inch", 24.75)


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("A coffee there costs about 3 or $4.", ["USD", "USD"]),
        ("Buyers choose a 10- or 12-inch display.", ["inch", "inch"]),
    ],
)
def test_the_first_of_two_alternatives_takes_the_unit_of_the_second(text: str, units) -> None:
    assert [c.unit for c in extract(text)] == units


def test_spaced_pence_in_a_market_report() -> None:
    got = extract("Tesco was down 4 p at 251.5 p by noon.")
    assert [(c.unit, round(c.value, 4)) for c in got] == [("GBP", 0.04), ("GBP", 2.515)]


def test_p_m_after_a_spaced_figure_is_no_money() -> None:
    assert all(c.unit != "GBP" for c in extract("The doors open at 7 p.m. on Friday."))


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Police found 230 Ford and Toyota pickups abandoned.", "ford and toyota pickups"),
        ("The label sold 1.2m vinyl and cassette copies.", "vinyl and cassette copies"),
        ("The farm keeps 40 goats and sheep.", "goats"),
        ("She bought one lamp and two chairs.", "lamp"),
    ],
)
def test_two_modifiers_may_share_one_plural_head(text: str, noun: str) -> None:
    assert extract(text)[0].noun == noun


def test_a_word_or_two_may_stand_between_the_levels() -> None:
    got = claims("City fuel economy climbed from 28 mpg combined to 31 for the hybrid.")
    assert got == [("28 mpg", "mile_per_gallon", "digits_from"), ("31", "mile_per_gallon", "digits_to")]


# --- an age set off by commas after a name ----------------------------------------------


def test_a_number_between_commas_after_a_name_is_an_age() -> None:
    (c,) = extract("Okafor, 58, has run the clinic since it opened.")
    assert (c.unit, c.kind, c.rule, c.concept) == ("year", Kind.DURATION, "age", "age")


@pytest.mark.parametrize(
    "text",
    [
        "Labour, 40, the Greens, 12.",  # a list of parties
        "On Friday, 14, were rescued.",  # a weekday is no name
        "The panel, 1.5, was replaced.",  # not a whole number
    ],
)
def test_no_age_without_a_person_name_and_a_whole_number(text: str) -> None:
    assert all(c.rule != "age" for c in extract(text))


# --- money per share ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("The bank earned 84 cents per share in the quarter.", "USD / stock_share", 0.84),
        ("Holders get $2.15 a share in cash.", "USD / stock_share", 2.15),
    ],
)
def test_money_per_share_is_a_rate(text: str, unit: str, value: float) -> None:
    (c,) = extract(text)
    assert (c.unit, c.kind) == (unit, Kind.MONEY) and c.value == pytest.approx(value)


def test_shares_counted_are_still_a_count() -> None:
    (c,) = extract("The fund sold 12 million shares on Monday.")
    assert (c.unit, c.noun) == ("count", "shares")


def test_an_offer_range_per_share() -> None:
    (c,) = extract("Bidders offered between $41 and $44 per share.")
    assert (c.kind, c.unit, c.low, c.high) == (Kind.RANGE, "USD / stock_share", 41.0, 44.0)


def test_an_adjective_first_is_no_counted_noun() -> None:
    (c,) = extract("The fee is 12 electric scooter rides.")
    assert c.noun != "electric"


def test_a_hyphenated_amount_per_share() -> None:
    (c,) = extract("The board declared a 15-cent-a-share dividend.")
    assert (c.text, c.unit) == ("15-cent-a-share", "USD / stock_share") and c.value == pytest.approx(0.15)


def test_from_a_up_to_b_is_a_range() -> None:
    (c,) = extract("Flats start from 520 sq ft up to 1,100 sq ft in the new block.")
    assert (c.kind, c.unit, c.low, c.high) == (Kind.RANGE, "square_foot", 520.0, 1100.0)


def test_a_movement_up_to_a_level_is_no_range() -> None:
    assert all(c.kind != Kind.RANGE for c in extract("Fares rose from $10 up to $12 this year."))


# --- currency signs as ASCII transliteration writes them ("PS" for £, "Y=" for ¥) ---------


@pytest.mark.parametrize(
    ("text", "span", "unit", "value"),
    [
        ("The club paid a PS4.5m fee for the striker.", "PS4.5m", "GBP", 4_500_000),
        ("Its bid of PS12bn was turned down.", "PS12bn", "GBP", 12_000_000_000),
        ("Tickets now cost PS85 each.", "PS85", "GBP", 85),
        ("Toyota closed at Y=7,410 in Tokyo.", "Y=7,410", "JPY", 7_410),
        ("The group forecast a net loss of Y=35 billion.", "Y=35 billion", "JPY", 35_000_000_000),
    ],
)
def test_a_transliterated_currency_sign_is_read_as_its_currency(
    text: str, span: str, unit: str, value: float
) -> None:
    (c,) = extract(text)
    assert (c.text, c.unit, c.kind) == (span, unit, Kind.MONEY)
    assert c.low <= value <= c.high


def test_a_console_name_is_no_sum_in_pounds() -> None:
    got = claims("Retailers sold 3 million PS5 units and a PS4 bundle cost PS249.")
    assert [(t, u) for t, u, _ in got] == [("3 million", "count"), ("PS249", "GBP")]


def test_ps_inside_a_word_is_no_currency() -> None:
    assert [u for _, u, _ in claims("The gym logged 40 reps 12 times.")] != ["GBP"] * 2
    assert all(u != "GBP" for _, u, _ in claims("She counted her steps 400 in all."))


# --- a bare whole number a person is or turned: an age ---------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Her son, who was 7, stayed with an aunt.", "7"),
        ("She will be 41 by the time the trial opens.", "41"),
        ("I was twelve when the mill closed.", "twelve"),
        ("He turned 60 and handed over the business.", "60"),
        ("He’s only 19.", "19"),
        ("I’m 40 and still playing.", "40"),
    ],
)
def test_a_number_a_person_is_is_an_age(text: str, span: str) -> None:
    (c,) = extract(text)
    assert (c.text, c.unit, c.kind, c.concept) == (span, "year", Kind.DURATION, "age")


@pytest.mark.parametrize(
    "text",
    [
        "She was 10 points clear of the field.",  # a unit follows
        "He was 3 under par after the round.",  # no age word may follow
        "The rate was 5 when he left office.",  # no person is the subject
        "He was 2.5 when the family moved.",  # not a whole number
        "She was 400 when the count closed.",  # no person is that old
    ],
)
def test_other_numbers_after_a_be_verb_are_no_age(text: str) -> None:
    assert all(c.concept != "age" for c in extract(text))


# --- counts per span of time ("3,000 tests a day") ----------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("The clinic now runs 1,200 scans a day.", "1,200", "count / day"),
        ("Police logged 15 thefts per week over the summer.", "15", "count / week"),
        ("Last month saw 30 fires, against an average of 12 per month.", "12", "count / month"),
        ("A hummingbird's heart beats about 1,200 times a minute.", "about 1,200 times",
         "count / minute"),
    ],
)
def test_a_count_per_span_of_time_is_a_rate(text: str, span: str, unit: str) -> None:
    got = {c.text: (c.unit, c.kind) for c in extract(text)}
    assert got[span] == (unit, Kind.COUNT)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The firm took on 25 apprentices a year ago.", "25"),  # a time, not a rate
        ("Some 300 homes a mile from the river flooded.", "Some 300"),  # not a span of time
        ("The shares trade at 9 times earnings a year out.", "9 times"),  # the noun's, not its
        ("Last month saw 30 fires, against an average of 12 per month.", "30"),
    ],
)
def test_other_counts_stay_counts(text: str, span: str) -> None:
    got = {c.text: c.unit for c in extract(text)}
    assert got[span] == "count"


def test_a_count_rate_is_written_per_its_span_of_time() -> None:
    (c,) = extract("The plant makes 40 engines a week.")
    assert format_interval(c.low, c.high, c.unit) == "40 per week"


# --- a unit the measure implies ("a pension age of 67" is 67 years) ---------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Life expectancy for women is 84.", "84"),
        ("The state pension age rises to 68 next decade.", "68"),
        ("He left the army at the age of 52.", "52"),
    ],
)
def test_a_bare_age_is_in_years(text: str, span: str) -> None:
    got = {c.text: (c.unit, c.kind, c.concept) for c in extract(text)}
    assert got[span] == ("year", Kind.DURATION, "age")


def test_a_count_of_people_of_an_age_stays_a_count() -> None:
    got = {c.text: c.unit for c in extract("Some 3,000 people aged over 80 live in the town.")}
    assert got["Some 3,000"] == "count"


def test_an_age_with_and_without_its_unit_can_disagree() -> None:
    report = check(
        [
            Document("a", "In Varnia, life expectancy for men is 71 years, the statistics office said."),
            Document("b", "In Varnia, life expectancy for men is 78, the statistics office said."),
        ]
    )
    assert len(report.findings) == 1
