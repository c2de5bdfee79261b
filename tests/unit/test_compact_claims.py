"""Compact claims: the extractor's claims share their field table and strings, yet behave as
any other Claim (equality, hashing, JSON, pickling, frozen), and survive the tuple round trip
worker processes use."""

from __future__ import annotations

import pickle
import sys

import pytest
from hypothesis import given, strategies as st
from pydantic import ValidationError

from figcheck import extract
from figcheck.claims import (
    CLAIM_FIELDS,
    Bound,
    Change,
    Claim,
    Kind,
    claim_from_record,
    claim_record,
    compact_claim,
)

TEXT = ("The dam burst killed 214 villagers in Norberg in 2021, the regional office said. "
        "Nearly 3,000 homes were flooded and about 40% of the harvest was lost.")


def _validated(c: Claim) -> Claim:
    return Claim(**{n: getattr(c, n) for n in CLAIM_FIELDS})


def test_extracted_claims_equal_their_validated_copies():
    claims = extract(TEXT, doc_id="dam.txt")
    assert len(claims) >= 3
    for c in claims:
        v = _validated(c)
        assert c == v and hash(c) == hash(v)
        assert c.model_dump() == v.model_dump()
        assert c.model_dump_json() == v.model_dump_json()
        assert Claim.model_validate_json(c.model_dump_json()) == c


def test_claims_of_one_sentence_share_its_text():
    a, b = extract("Nearly 3,000 homes and 12 schools were flooded in Norberg.")[:2]
    assert a.sentence is b.sentence


def test_compact_claims_stay_frozen_and_copyable():
    c = extract(TEXT)[0]
    with pytest.raises(ValidationError):
        c.value = 1.0  # type: ignore[misc]
    moved = c.model_copy(update={"doc_id": "other"})
    assert moved.doc_id == "other" and c.doc_id != "other"
    assert pickle.loads(pickle.dumps(c)) == c


def test_record_round_trip_of_extracted_claims():
    for c in extract(TEXT, doc_id="dam.txt"):
        record = claim_record(c)
        assert all(not isinstance(v, (Kind, Bound, Change)) for v in record)
        back = claim_from_record(pickle.loads(pickle.dumps(record)))
        assert back == c and type(back.kind) is Kind and type(back.bound) is Bound


_finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    # + 0.0 turns -0.0 into 0.0: sorted() keeps equal zeros in drawn order, and floats(0.0, -0.0)
    # is an empty range.
    lo, hi = sorted([draw(_finite) + 0.0, draw(_finite) + 0.0])
    value = draw(st.floats(min_value=lo, max_value=hi, allow_nan=False))
    text = draw(st.text(min_size=1, max_size=12))
    start = draw(st.integers(0, 10_000))
    word = st.none() | st.text(max_size=10)
    return Claim(
        doc_id=draw(st.text(max_size=8)), start=start, end=start + len(text), text=text,
        sentence=draw(st.text(max_size=30)), sentence_start=start, sentence_end=start + len(text),
        line=draw(st.integers(1, 500)), column=draw(st.integers(1, 500)),
        kind=draw(st.sampled_from(list(Kind))), value=value, low=lo, high=hi,
        unit=draw(st.sampled_from(["count", "percent", "USD", "km"])),
        bound=draw(st.sampled_from(list(Bound))),
        whole=draw(st.none() | _finite), change=draw(st.none() | st.sampled_from(list(Change))),
        noun=draw(word), subject=draw(word), concept=draw(word), period=draw(word),
        source=draw(word), hedge=draw(word), rule=draw(st.text(min_size=1, max_size=8)),
        measure=draw(word), qualifiers=tuple(draw(st.lists(st.text(max_size=6), max_size=3))),
        subject_inherited=draw(st.booleans()),
    )


@given(claims())
def test_compact_copy_of_any_claim_is_equal(c):
    compact = compact_claim(c.__dict__)
    assert compact == c and hash(compact) == hash(c)
    assert compact.model_dump_json() == c.model_dump_json()
    assert claim_from_record(claim_record(c)) == c


def test_compact_claims_share_one_key_table():
    # CPython shares a dict's keys among instances of one class only up to 30 keys: a Claim with
    # more fields would silently take ~4x the memory per claim (benchmarks/claim_memory.py)
    a, b = extract("Nearly 3,000 homes and 12 schools were flooded in Norberg.")[:2]
    assert len(CLAIM_FIELDS) <= 30
    assert sys.getsizeof(a.__dict__) < sys.getsizeof(dict(a.__dict__))
    assert a.unit is b.unit and a.rule is not None
