"""What a figure's unit or counted noun is: movements "from A to B", multiples, modifiers,
rates and the units written after a figure (issue 8, NewsQuant value+unit); our own sentences."""

from __future__ import annotations

import pytest

from figcheck import extract
from figcheck.claims import Kind


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
