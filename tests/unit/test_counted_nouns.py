"""What a figure counts: verb forms that are nouns after a figure, verbs that end the noun,
"half the X", a measured figure between a count and its noun, a part of a sum of money
(issue 8, NewsQuant value+unit); our own sentences."""

from __future__ import annotations

import pytest

from figcheck import extract
from figcheck.claims import Kind


def nouns(text: str) -> dict[str, str | None]:
    return {c.text: c.noun for c in extract(text)}


@pytest.mark.parametrize(
    ("text", "span", "noun"),
    [
        ("She admitted three counts of theft.", "three", "counts"),
        ("The mean of nine estimates gathered by the agency was lower.", "nine", "estimates"),
        ("The side has four wins this season.", "four", "wins"),
        ("The flood cost 12 lives in the valley.", "12", "lives"),
    ],
)
def test_a_verb_form_right_after_a_figure_is_what_it_counts(
    text: str, span: str, noun: str
) -> None:
    assert nouns(text)[span] == noun


@pytest.mark.parametrize(
    ("text", "span", "noun"),
    [
        ("Still, 31 shots proves how open the game was.", "31", "shots"),
        ("One letter asks the council to reconsider.", "One", "letter"),
        ("The 14 bids requires a second round.", "14", "bids"),
    ],
)
def test_a_verb_after_the_noun_ends_it(text: str, span: str, noun: str) -> None:
    assert nouns(text)[span] == noun


def test_a_verb_form_later_in_the_phrase_still_ends_it() -> None:
    # "claims" after the counted noun is the verb, not part of the noun
    assert nouns("Some 40 residents claims were ignored.")["Some 40"] == "residents"


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Half the cottages stand empty.", "cottages"),
        ("About half the staff were furloughed.", "staff"),
    ],
)
def test_a_fraction_takes_its_noun_without_of(text: str, noun: str) -> None:
    (c,) = extract(text)
    assert (c.kind, c.noun) == (Kind.PROPORTION, noun)


def test_a_percentage_before_a_determiner_takes_no_noun_after_it() -> None:
    (c,) = extract("Exports rose 4% the following year.")
    assert c.noun != "following year"


@pytest.mark.parametrize(
    ("text", "span", "noun"),
    [
        ("The brewery fills four million 500ml bottles a year.", "four million", "bottles"),
        ("The council ordered six 18-tonne gritters.", "six", "gritters"),
    ],
)
def test_a_measured_figure_between_a_count_and_its_noun(text: str, span: str, noun: str) -> None:
    assert nouns(text)[span] == noun


def test_two_bare_figures_side_by_side_share_no_noun() -> None:
    assert nouns("The vote was 52 48 in favour of the plan.")["52"] != "favour"


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("He has repaid 30 million of the 90 million euros he owes.", "30 million", "EUR"),
        ("The crew walked 8 of the 25 km in the dark.", "8", "kilometer"),
    ],
)
def test_a_part_takes_the_unit_of_its_whole(text: str, span: str, unit: str) -> None:
    got = {c.text: c.unit for c in extract(text)}
    assert got[span] == unit


def test_a_part_of_things_described_by_a_measure_counts_the_things() -> None:
    got = {c.text: (c.unit, c.noun) for c in extract("It will launch four of the two-ton probes.")}
    assert got["four"][0] == "count"


def test_a_mixed_number_passes_no_noun_back() -> None:
    got = {c.text: c.noun for c in extract("The hikers covered 7 1/2 km of trail.")}
    assert got["7"] != "trail"


def test_a_part_of_a_counted_whole_is_still_one_claim() -> None:
    (c,) = extract("Only 9 of the 60 boats returned.")
    assert (c.kind, c.whole) == (Kind.PART_OF_WHOLE, 60)


def test_m_p_h_with_stops_is_miles_per_hour() -> None:
    (c,) = extract("The old engine managed barely 60 m.p.h. downhill.")
    assert (c.unit, c.kind) == ("mile_per_hour", Kind.MEASURE)
