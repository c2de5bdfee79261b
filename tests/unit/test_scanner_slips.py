"""Extraction slips seen on real pages (issue 8), each read the right way; sentences are our own."""

from __future__ import annotations

import pytest

from figcheck import extract
from figcheck.claims import Change, Kind


def only(text: str, surface: str):
    """The one claim whose text is ``surface``."""
    found = [c for c in extract(text) if c.text == surface]
    assert len(found) == 1, [c.text for c in extract(text)]
    return found[0]


def texts(text: str) -> list[str]:
    return [c.text for c in extract(text)]


# --- units and currencies ---------------------------------------------------------------


def test_a_glued_c_before_a_temperature_word_is_degrees_not_cents() -> None:
    c = only("The lake ran 2.37c warmer than in any summer on record.", "2.37c")
    assert (c.kind, c.unit, c.value) == (Kind.MEASURE, "degree_Celsius", 2.37)


def test_a_glued_c_before_a_price_word_stays_cents() -> None:
    c = only("Bread rose 45c a loaf.", "45c")
    assert c.kind == Kind.MONEY and c.unit.startswith("USD") and c.value == pytest.approx(0.45)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The board passed a $6.8bn plan late on Friday.", "$6.8bn"),
        ("Oregon's $310 million reserve was spent by June.", "$310 million"),
        ("The towns' $12 million grant arrived.", "$12 million"),
    ],
)
def test_a_word_ending_in_a_currency_letter_is_not_a_currency_prefix(text: str, surface: str) -> None:
    assert only(text, surface).unit == "USD"


def test_a_glued_letter_prefix_still_names_its_currency() -> None:
    assert only("Tickets cost A$45 each.", "A$45").unit == "AUD"


# --- magnitudes and other scales ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("A 6.1-magnitude quake rattled the coast before dawn.", "6.1"),
        ("Seismologists put it at magnitude 7.2 on Thursday.", "7.2"),
        ("The tremor measured 4.4 on the Richter scale.", "4.4"),
        ("A 3.8 aftershock followed within the hour.", "3.8"),
    ],
)
def test_a_magnitude_is_a_measure_with_its_own_unit_never_a_count(text: str, surface: str) -> None:
    c = only(text, surface)
    assert (c.kind, c.unit) == (Kind.MEASURE, "magnitude")


def test_a_count_next_to_a_magnitude_stays_a_count() -> None:
    c = only("The magnitude 5.5 quake destroyed 230 homes.", "230")
    assert (c.kind, c.unit) == (Kind.COUNT, "count")


@pytest.mark.parametrize(
    "text",
    [
        "The hurricane was upgraded to Category 5 overnight.",
        "An EF4 tornado crossed the county line.",
    ],
)
def test_storm_categories_stay_labels(text: str) -> None:
    assert texts(text) == []


# --- combining figures ---------------------------------------------------------------------


def test_a_change_before_from_a_to_b_is_a_change_and_two_levels() -> None:
    claims = extract("Sales were up 6.2% from 3.4 million to 3.6 million units.")
    assert [c.text for c in claims] == ["6.2%", "3.4 million", "3.6 million"]
    assert claims[0].change == Change.INCREASE
    assert all(c.kind != Kind.RANGE for c in claims)


def test_a_range_after_from_without_a_change_stays_a_range() -> None:
    assert only("Fares ranging from $20 to $35 were offered.", "$20 to $35").kind == Kind.RANGE


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("There were half a million fewer cars on the road.", "half a million", 500_000),
        ("Nearly half a billion dollars went unspent.", "Nearly half a billion dollars", 5e8),
        ("It drew one and a half million visitors.", "one and a half million", 1_500_000),
    ],
)
def test_half_a_scale_word_is_one_figure(text: str, surface: str, value: float) -> None:
    c = only(text, surface)
    assert c.value == value and c.unit in ("count", "USD")
    assert len(extract(text)) == 1


def test_half_a_million_fewer_is_a_decrease() -> None:
    assert only("There were half a million fewer cars.", "half a million").change == Change.DECREASE


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        ("Six of the top 20 players withdrew.", 6, 20),
        ("Flooding reached 52 of the parish's 300 farms.", 52, 300),
        ("Nine of the first 12 trains ran late.", 9, 12),
    ],
)
def test_parts_of_a_whole(text: str, part: float, whole: float) -> None:
    (c,) = extract(text)
    assert (c.kind, c.value, c.whole) == (Kind.PART_OF_WHOLE, part, whole)


def test_a_capitalised_possessor_of_the_whole_is_still_the_subject() -> None:
    (c,) = extract("Rain closed 14 of Fenwick's 90 schools.")
    assert c.subject == "Fenwick"


# --- hedges and changes --------------------------------------------------------------------


def test_a_hedge_after_an_em_dash_is_kept() -> None:
    c = only("Fire swept the hills—almost 3,000 homes—in two days.", "almost 3,000")
    assert c.hedge == "almost" and c.high == 3000


def test_a_share_restating_a_change_carries_the_change() -> None:
    claims = extract("Revenue showed a decrease of $48 million, or 9%, from last year.")
    assert [(c.text, c.change) for c in claims] == [
        ("$48 million", Change.DECREASE),
        ("9%", Change.DECREASE),
    ]


def test_a_share_after_a_level_gets_no_change() -> None:
    claims = extract("The fund held $48 million, or 9% of the total.")
    assert [c.change for c in claims] == [None, None]


# --- sentence starts, lists and what is not a claim ----------------------------------------


def test_digits_opening_a_sentence_after_a_name_are_read() -> None:
    text = "The mayor spoke to Dawson. 41 families were moved overnight."
    assert "41" in texts(text)


def test_a_name_before_a_figure_is_still_a_label_mid_sentence() -> None:
    assert texts("The Tupolev 154 was retired.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Final tally: Centre 212, the Pirates 31, Liberal Union 8.", ["212", "31", "8"]),
        ("The Reds won 33 seats, the Blues 12 and the Farm Party 4, officials said.", ["33", "12", "4"]),
        ("Sweden took 16 golds, Austria 11 and Canada 7.", ["16", "11", "7"]),
        ("Team A had scored 120 points and Team B 98 by half time.", ["120 points", "98"]),
    ],
)
def test_a_bare_figure_after_a_name_in_a_list_is_read(text: str, expected: list[str]) -> None:
    assert [t for t in texts(text) if t != "two"] == expected


@pytest.mark.parametrize(
    "text", ["The Boeing 737 and the Airbus 320 were grounded.", "Flights on the Tupolev 154 resumed."]
)
def test_a_model_number_is_no_list_item(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "1. Scope\n2. Method\n3. Results\nThe panel met 14 times.",
        "Summary:\n1) Costs\n2) Staff\nThe panel met 14 times.",
    ],
)
def test_section_numbers_are_not_claims(text: str) -> None:
    assert texts(text) == ["14 times"]  # a multiple: "times" is part of it


def test_a_figure_wrapped_to_a_new_line_is_still_read() -> None:
    assert "45" in texts("The death toll rose to\n45. Rescuers kept digging.")


@pytest.mark.parametrize(
    "text",
    [
        "Voters 75 years and over backed the plan.",
        "Residents aged 80 and older were moved first.",
        "The data are split by ten-year age group.",
    ],
)
def test_age_bands_are_not_claims(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [("A man aged 67 was hurt.", "67"), ("The bridge is 40 years old.", "40 years")],
)
def test_an_age_is_still_a_figure(text: str, surface: str) -> None:
    assert surface in texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "She stayed in the top four all season.",
        "The club sank into the bottom three.",
    ],
)
def test_ranks_are_not_claims(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Talks between Peru and Chile stalled, and the two nations recalled envoys.",
        "The three districts of Alden, Brae and Colm voted no.",
    ],
)
def test_a_reference_back_to_named_parties_is_not_a_claim(text: str) -> None:
    assert texts(text) == []


def test_a_small_count_of_unnamed_things_is_still_a_claim() -> None:
    assert texts("The two sides met on Monday.") == ["two"]


def test_a_hedge_between_two_figures_is_not_read_twice() -> None:
    claims = extract("Those 18 and over 300 times a year")
    assert all(a.end <= b.start for a, b in zip(claims, claims[1:]))


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("Pensioners made up 22% of the crowd.", None),
        ("Costs were broken down 60% to staff.", None),
        ("Shares were up 3% at noon.", Change.INCREASE),
        ("Rents went down 2%.", Change.DECREASE),
    ],
)
def test_up_after_a_phrasal_verb_is_no_change(text: str, change: Change | None) -> None:
    (c,) = extract(text)
    assert c.change == change
