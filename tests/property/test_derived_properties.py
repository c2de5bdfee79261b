"""Invariants of the derived checks, tested with hypothesis.

- a change computed from two exact levels and stated to one decimal is never flagged, and a
  stated change further off than any rounding allows always is;
- parts written out exactly and a total equal to their sum never make a sum_mismatch, and a
  total off by more than the parts' rounding always does;
- a duration between two years is flagged exactly when N ± 0.5 years misses the 'from A to B'
  span (B − A − 1 to B − A + 1 years);
- interval arithmetic contains the point arithmetic.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import figcheck
from figcheck.checking.derived.arith import add, ratio, sub
from figcheck.checking.intervals import Interval

WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
         9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}


def derived(text: str, check: str, date: str | None = None) -> list:
    doc = figcheck.Document("p", text, {"date": date} if date else {})
    return [f for f in figcheck.check([doc], checks=[check]).findings if f.check.value == check]


@settings(max_examples=40, deadline=None)
@given(old=st.integers(101, 9_999), new=st.integers(101, 9_999))
def test_change_stated_to_one_decimal_is_never_flagged(old, new):
    pct = 100 * (new / old - 1)
    assume(abs(pct) >= 0.1 and new % 10 and old % 10)  # exact counts: no trailing zeros
    verb = "rose" if pct > 0 else "fell"
    text = f"Permits {verb} {abs(pct):.1f}% to {new:,} from {old:,}."
    assert derived(text, "change_mismatch") == []


@settings(max_examples=40, deadline=None)
@given(old=st.integers(101, 9_999), new=st.integers(101, 9_999), off=st.floats(1.0, 50.0))
def test_change_far_from_the_levels_is_flagged(old, new, off):
    pct = 100 * (new / old - 1)
    assume(new % 10 and old % 10 and pct > 0)
    text = f"Permits rose {pct + off:.1f}% to {new:,} from {old:,}."
    assert len(derived(text, "change_mismatch")) == 1


@settings(max_examples=40, deadline=None)
@given(parts=st.lists(st.integers(11, 999).filter(lambda n: n % 10), min_size=2, max_size=4),
       delta=st.integers(-3, 3))
def test_sum_flagged_exactly_when_the_exact_parts_miss_the_total(parts, delta):
    total = sum(parts) + delta
    assume(total % 10)
    listed = ", ".join(f"{p:,}" for p in parts[:-1]) + f" and the remaining {parts[-1]:,}"
    text = f"Of the {total:,} applicants, {listed} were from abroad."
    assert bool(derived(text, "sum_mismatch")) == (delta != 0)


@settings(max_examples=40, deadline=None)
@given(start=st.integers(1990, 2015), years=st.integers(2, 12), stated=st.integers(2, 12))
def test_duration_between_two_years(start, years, stated):
    end = start + years
    text = f"The {WORDS[stated]}-year scheme, which ran from {start} to {end}, closed."
    flagged = bool(derived(text, "duration_mismatch", "2030-01-01"))
    fits = (stated - 0.5) * 365.25 <= (dt.date(end + 1, 1, 1) - dt.date(start, 1, 1)).days and (
        (stated + 0.5) * 365.25 >= (dt.date(end, 1, 1) - dt.date(start + 1, 1, 1)).days)
    assert flagged == (not fits)


intervals = st.tuples(st.floats(0.1, 1e6), st.floats(0.0, 1e3)).map(
    lambda t: Interval(t[0], t[0] + t[1]))


@given(a=intervals, b=intervals, x=st.floats(0, 1), y=st.floats(0, 1))
def test_interval_arithmetic_contains_the_points(a, b, x, y):
    p = a.low + x * (a.high - a.low)
    q = b.low + y * (b.high - b.low)
    tol = 1e-9
    s, d, r = add([a, b]), sub(a, b), ratio(a, b)
    assert s.low - tol * abs(s.low) <= p + q <= s.high + tol * abs(s.high)
    assert d.low - tol * abs(d.low) - tol <= p - q <= d.high + tol * abs(d.high) + tol
    assert r.low * (1 - tol) <= p / q <= r.high * (1 + tol)
