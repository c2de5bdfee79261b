"""Scanner input that once crashed or slowed extraction: spaces in digit groups, case folding
that changes length, numbers beyond float range, long runs of bidi controls."""

from __future__ import annotations

import math
import time
import warnings

import pytest

from figcheck import extract


@pytest.mark.parametrize("space", ["\xa0", "\u202f", "\u2009", " "],
                         ids=["no-break", "narrow-no-break", "thin", "plain"])
def test_spaces_in_digit_groups(space: str) -> None:
    text = f"The port handled 1{space}234 ships and 12{space}500{space}000 tonnes."
    claims = extract(text)
    assert [c.value for c in claims] == [1234.0, 12_500_000.0]
    assert claims[0].text == f"1{space}234"
    assert claims[1].text.startswith(f"12{space}500{space}000")
    for c in claims:
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize(
    "text",
    ["5 bİllion", "5 Mİ", "7 MİLLİON people", "3 thouſand", "4 KM roads", "twenty-fİve boats",
     "ﬁve ferries and 6 İNCHES", "9 ẞ 10 ß", "half of İts 12 ships"],
)
def test_case_folding_never_breaks_offsets(text: str) -> None:
    for c in extract(text):
        assert text[c.start : c.end] == c.text
        assert c.low <= c.value <= c.high


def test_a_dotted_capital_i_is_not_read_as_a_scale_word() -> None:
    (claim,) = extract("5 bİllion")
    assert claim.value == 5.0


@pytest.mark.parametrize("text", ["1×10^309 stars", "2×10^308 grains", "85 × 10^306 million tonnes",
                                  "9e400 atoms", "1.5×10^-400 metres"])
def test_numbers_beyond_float_range_are_not_claims(text: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        claims = extract(text)
    for c in claims:
        assert math.isfinite(c.value)
        assert not math.isnan(c.low) and not math.isnan(c.high)


def test_a_number_beyond_float_range_is_reported_with_its_position() -> None:
    with pytest.warns(UserWarning, match=r"'1×10\^309' at character 4 is beyond the range"):
        claims = extract("and 1×10^309 stars")
    assert claims == []


def test_long_runs_of_bidi_controls_stay_linear() -> None:
    extract("\u202e1" * 200)  # warm caches
    t0 = time.process_time()
    small = extract("\u202e1" * 1000)
    t_small = time.process_time() - t0
    t0 = time.process_time()
    large = extract("\u202e1" * 10000)
    t_large = time.process_time() - t0
    assert len(large) == 10 * len(small)
    assert t_large < 25 * t_small + 0.5, (t_small, t_large)
