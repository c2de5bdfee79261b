"""Findings: the results of checks, as records before they are text.

Checks return these and never print. ``CheckId`` values are the stable ids of
DESIGN.md and appear in every report.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

from .check_ids import CheckId
from .claims import Claim
from .outcomes import Severity, Status, Verdict
from .reference.rows import ReferenceRow

__all__ = [
    "CheckId",
    "ClaimStatus",
    "Comparison",
    "Corroboration",
    "Finding",
    "Severity",
    "Status",
    "Verdict",
    "compact_record",
]


_RECORD = ConfigDict(frozen=True, extra="forbid", ser_json_inf_nan="strings", defer_build=True)


class Finding(BaseModel):
    """One discrepancy: which check, which claim, what it was compared with, by how much.

    ``claimed_low``/``claimed_high`` are the claim's interval in ``unit``;
    ``expected_low``/``expected_high`` are what the other claim or reference
    row allows, converted to the same ``unit``. ``rel_diff`` is the relative
    distance between the two intervals (0 when they meet).
    """

    model_config = _RECORD

    check: CheckId
    severity: Severity
    claim: Claim
    claimed_low: float
    claimed_high: float
    unit: str
    other: Claim | None = None
    reference: ReferenceRow | None = None
    expected_low: float | None = None
    expected_high: float | None = None
    rel_diff: float | None = None
    tolerance: float | None = None
    message: str
    hint: str | None = None
    # Every further claim the check read (derived arithmetic), the evidence of the
    # pairing in words, and the fact group the claims were aligned into.
    related: tuple[Claim, ...] = ()
    evidence: str | None = None
    group: int | None = None

    @property
    def compared_with(self) -> str | None:
        """``"claim"``, ``"reference"``, or None for a check inside one claim."""
        if self.other is not None:
            return "claim"
        if self.reference is not None:
            return "reference"
        return None


class Comparison(BaseModel):
    """A claim matched (or not) to a reference row, with the verdict."""

    model_config = _RECORD

    claim: Claim
    verdict: Verdict
    reference: ReferenceRow | None = None
    expected_low: float | None = None
    expected_high: float | None = None
    unit: str | None = None
    rel_diff: float | None = None
    tolerance: float | None = None
    message: str
    hint: str | None = None
    evidence: str | None = None


class Corroboration(BaseModel):
    """Two claims with the same key whose intervals agree."""

    model_config = _RECORD

    claim: Claim
    other: Claim
    message: str
    evidence: str | None = None
    group: int | None = None


class ClaimStatus(BaseModel):
    """One claim's status, why (for unchecked: no measure, no counterpart, no row fits,
    ambiguous) and the evidence it rests on."""

    model_config = _RECORD

    claim: Claim
    status: Status
    reason: str | None = None
    evidence: str | None = None
    group: int | None = None


_R = TypeVar("_R", Finding, Comparison, Corroboration, ClaimStatus)


class _Layout:
    """How compact records of one class are laid out: field names, defaults, one shared field
    set, and a holder class whose instances share one key table (see :func:`compact_record`)."""

    def __init__(self, cls: type[BaseModel]) -> None:
        self.names = tuple(cls.model_fields)
        self.known = frozenset(self.names)
        self.defaults = {n: f.get_default(call_default_factory=True)
                         for n, f in cls.model_fields.items() if not f.is_required()}
        self.all_set = set(self.names)
        self.holder: type = type(f"_{cls.__name__}Values", (), {})


_LAYOUTS: dict[type, _Layout] = {}
_new_record = BaseModel.__new__
_set_attr = object.__setattr__


def compact_record(cls: type[_R], values: Mapping[str, Any]) -> _R:
    """A record of ``cls`` (Finding, Comparison, Corroboration, ClaimStatus) from trusted
    values, stored compactly; a field left out takes its default.

    The values must already be of their fields' types (floats as float, enums as members): they
    are not validated. Every compact record of a class shares one field-name table and one field
    set, so a run with a million findings does not hold a million hash tables. Records built from
    user input go through the class itself.
    """
    layout = _LAYOUTS.get(cls)
    if layout is None:
        layout = _LAYOUTS[cls] = _Layout(cls)
    unknown = values.keys() - layout.known
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {sorted(unknown)[0]!r}")
    d = layout.holder().__dict__
    defaults = layout.defaults
    for name in layout.names:  # in field order: the dict keeps the shared key table
        d[name] = values[name] if name in values else defaults[name]
    record = _new_record(cls)
    _set_attr(record, "__dict__", d)
    _set_attr(record, "__pydantic_fields_set__", layout.all_set)
    _set_attr(record, "__pydantic_extra__", None)
    _set_attr(record, "__pydantic_private__", None)
    return record
