"""Claims as rows and back: every claim comes back exactly, whatever its text fields hold."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from figcheck import Claim, extract
from figcheck.dask.rows import ClaimState, claim_from_row, claim_rows, claims_of, claims_part
from figcheck.report.columns import CLAIM_COLUMNS

_EMPTY = ClaimState({}, frozenset(), None, ())


def _round_trip(claims: list[Claim]) -> list[Claim]:
    frame = claims_part(claims, [(0, i) for i in range(len(claims))], ["b"] * len(claims),
                        [_EMPTY] * len(claims))
    from figcheck.dask.rows import states_of

    return claims_of(frame, states_of(frame))


def test_extracted_claims_come_back_from_their_columns():
    claims = extract("In Corvale 214 people died and about 3,100 homes, or 40%, were lost "
                     "in 2023; repairs cost $48 million.", doc_id="x")
    assert claims
    assert [claim_from_row(r) for r in claim_rows(claims)] == claims
    assert _round_trip(claims) == claims


def test_frame_columns_are_the_claim_columns_then_the_extras():
    frame = claims_part([], [], [], [])
    assert list(frame.columns[: len(CLAIM_COLUMNS)]) == list(CLAIM_COLUMNS)
    assert list(frame.columns[len(CLAIM_COLUMNS):]) == ["doc_order", "claim_order", "block",
                                                        "state"]


_words = st.text(alphabet="ab ;", max_size=6)


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    text = draw(st.text(alphabet="0123456789,", min_size=1, max_size=5))
    start = draw(st.integers(0, 50))
    value = draw(st.floats(-1e9, 1e9, allow_nan=False))
    return Claim(
        doc_id=draw(st.sampled_from(["d", "doc 2"])), start=start, end=start + len(text),
        text=text, sentence=draw(st.text(max_size=10)) or text, sentence_start=0,
        sentence_end=10, line=1, column=start + 1, kind="count", value=value, low=value,
        high=value, unit="count", bound="=", noun=draw(st.none() | _words),
        subject=draw(st.none() | _words), period=draw(st.none() | _words), rule="test",
        qualifiers=tuple(draw(st.lists(_words, max_size=3))),
        subject_inherited=draw(st.booleans()),
    )


@given(st.lists(claims(), max_size=4))
def test_any_claim_round_trips_through_a_claims_frame(found: list[Claim]):
    assert _round_trip(found) == found
