"""Compact records: the findings, corroborations and statuses checking builds without validation
behave as validated ones (equality, JSON, pickling, frozen, copies) and share one field table."""

from __future__ import annotations

import pickle

import pytest
from pydantic import ValidationError

import figcheck
from figcheck import extract
from figcheck.findings import (
    CheckId, ClaimStatus, Corroboration, Finding, Severity, Status, compact_record,
)

A = ("Storms left 1,204 households without power in Wexmoor on Sunday, the utility said. "
     "Repairs will cost about £3.5m.")
B = "In Wexmoor 1,840 households lost power on Sunday after the storms, the utility said."


def _validated(record):
    return type(record)(**{n: getattr(record, n) for n in type(record).model_fields})


def test_compact_records_equal_their_validated_copies():
    a, b = extract(A, doc_id="a")[0], extract(B, doc_id="b")[0]
    records = [
        compact_record(Finding, {"check": CheckId.CONFLICT, "severity": Severity.WARNING,
                                 "claim": b, "claimed_low": 1840.0, "claimed_high": 1840.0,
                                 "unit": "count", "other": a, "message": "differs",
                                 "group": 3}),
        compact_record(Corroboration, {"claim": b, "other": a, "message": "agrees"}),
        compact_record(ClaimStatus, {"claim": a, "status": Status.UNCHECKED,
                                     "reason": "no counterpart"}),
    ]
    for r in records:
        v = _validated(r)
        assert r == v
        assert r.model_dump() == v.model_dump()
        assert r.model_dump_json() == v.model_dump_json()
        assert pickle.loads(pickle.dumps(r)) == r
        with pytest.raises(ValidationError):
            r.message = "changed"  # type: ignore[misc, union-attr]
    assert records[1].evidence is None and records[1].group is None  # defaults filled in
    moved = records[2].model_copy(update={"group": 7})
    assert moved.group == 7 and records[2].group is None


def test_unknown_field_is_refused():
    a = extract(A)[0]
    with pytest.raises(TypeError, match="colour"):
        compact_record(ClaimStatus, {"claim": a, "status": Status.UNCHECKED, "colour": "red"})


def test_records_of_a_check_equal_validated_ones():
    report = figcheck.check([figcheck.Document("a", A), figcheck.Document("b", B)])
    assert report.findings and report.statuses
    for r in (*report.findings, *report.corroborations, *report.statuses):
        assert r.model_dump_json() == _validated(r).model_dump_json()
