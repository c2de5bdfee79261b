"""The Claim record: one quantitative assertion found in a document.

A claim is an interval, not a number: ``low <= value <= high`` always holds, and
``bound`` says how the text hedged it. Field names are public API (DESIGN.md).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, model_validator

if TYPE_CHECKING:  # pint stays out of import time
    import pint

__all__ = ["CLAIM_FIELDS", "Bound", "Change", "Claim", "Kind", "claim_from_record", "claim_record",
           "compact_claim"]


class Kind(StrEnum):
    """What sort of quantity a claim states."""

    COUNT = "count"
    PART_OF_WHOLE = "part_of_whole"
    PROPORTION = "proportion"
    MEASURE = "measure"
    MONEY = "money"
    DURATION = "duration"
    RANGE = "range"
    # A date or year; made only by the derived checks, for the dates a duration spans
    # (unit "day", value the first day as a proleptic Gregorian ordinal, high its last day).
    DATE = "date"


class Bound(StrEnum):
    """How the text bounds the true value relative to the stated figure."""

    EQ = "="
    APPROX = "~"
    ALMOST = "<~"
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    RANGE = "range"


class Change(StrEnum):
    """A claim about a movement ("rose by 2%") rather than a level."""

    INCREASE = "increase"
    DECREASE = "decrease"


class Claim(BaseModel):
    """One quantitative assertion, with where it is, what it allows and what it is about.

    Offsets are character offsets into the document text, so
    ``document_text[claim.start:claim.end] == claim.text``; ``line`` and
    ``column`` are 1-based. ``value``/``low``/``high`` are in ``unit``
    (``count``, ``percent``, an ISO currency code, or a unit name figcheck's
    registry parses).
    """

    # The validator and serializer are built when first needed: claims the scanner completes
    # itself and a printed table of them need neither.
    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_inf_nan="strings",
                              defer_build=True)

    doc_id: str
    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int
    sentence_end: int
    line: int
    column: int
    kind: Kind
    value: float
    low: float
    high: float
    unit: str
    bound: Bound
    whole: float | None = None
    change: Change | None = None
    noun: str | None = None
    subject: str | None = None
    concept: str | None = None
    period: str | None = None
    source: str | None = None
    hedge: str | None = None
    rule: str
    # The frame beyond the fields above: the normalised head of what is counted or
    # measured ("death", "home"), the qualifiers that make it a different fact
    # ("civilian", "destroyed"), and whether the subject came from the document
    # (its title or lead) rather than the claim's own sentence.
    measure: str | None = None
    qualifiers: tuple[str, ...] = ()
    subject_inherited: bool = False
    # The noun phrase the figure is stated of, as written: "aircraft" in "The aircraft is
    # 72.7 metres long", "net worth" in "a net worth of $1.3bn"; a name or a common noun.
    holder: str | None = None

    @model_validator(mode="after")
    def _check_interval(self) -> Claim:
        if self.end - self.start != len(self.text) or self.start < 0:
            raise ValueError(f"offsets {self.start}:{self.end} do not fit text {self.text!r}")
        if math.isnan(self.value) or math.isnan(self.low) or math.isnan(self.high):
            raise ValueError("value, low and high must be numbers, not NaN")
        if not math.isfinite(self.value) or (self.whole is not None
                                             and not math.isfinite(self.whole)):
            raise ValueError(f"value and whole must be finite, got {self.value}, {self.whole}")
        if not (self.low <= self.value <= self.high):
            raise ValueError(
                f"interval must hold low <= value <= high, got {self.low} <= {self.value} <= {self.high}"
            )
        return self

    def quantity(self) -> pint.Quantity:
        """The claimed value as a pint Quantity from figcheck's single registry."""
        from .units import registry

        return registry().Quantity(self.value, self.unit)

    def location(self) -> str:
        """``doc:line:column``, the way compilers and linters point at text."""
        return f"{self.doc_id}:{self.line}:{self.column}"

    def __repr_args__(self) -> Any:  # keep reprs short in test output
        for key in ("doc_id", "text", "kind", "value", "low", "high", "unit", "bound"):
            yield key, getattr(self, key)


#: The Claim fields in declaration order: the layout of :func:`claim_record` tuples.
CLAIM_FIELDS: tuple[str, ...] = tuple(Claim.model_fields)
# Every compact claim says all its fields were set; one shared set (pydantic copies it before
# changing it, in model_copy, and a frozen Claim is never assigned to).
_ALL_SET = set(CLAIM_FIELDS)
_ENUMS = {"kind": Kind, "bound": Bound, "change": Change}
_INTERNED = ("doc_id", "unit", "noun", "subject", "concept", "period", "source", "hedge", "rule",
             "measure", "holder")
_INTERNED_NAMES = tuple(n for n in CLAIM_FIELDS if n in _INTERNED)
_TUPLES: dict[tuple[str, ...], tuple[str, ...]] = {}
_TUPLES_MAX = 50_000  # qualifier tuples shared; past this many distinct ones, kept as they are
_new = Claim.__new__
_set = object.__setattr__


class _Values:
    """Holder whose instances share one key table: its ``__dict__`` becomes a claim's, so a claim
    stores 8 bytes per field instead of a hash table of its own (CPython key-sharing dicts)."""


# Every field, in field order, in the shared key table: a copy shares the table too, and
# assigning a field of the copy keeps it shared.
_BLANK = _Values().__dict__
_BLANK.update(zip(CLAIM_FIELDS, [None] * len(CLAIM_FIELDS)))


def compact_claim(values: Mapping[str, Any], updates: Mapping[str, Any] | None = None) -> Claim:
    """A Claim from trusted values (every field, already validated; ``updates`` take precedence),
    stored compactly.

    Strings that repeat across claims (units, rules, subjects, periods ...) are interned and
    the claim shares its field-name table with every other compact claim: about a quarter of
    the memory of a validated Claim. For a claim built from user input use ``Claim(...)``.
    """
    d = _BLANK.copy()
    d.update(values)
    if updates:
        d.update(updates)
    for name in _INTERNED_NAMES:
        s = d[name]
        if type(s) is str:
            d[name] = sys.intern(s)
    value = d["value"]
    if d["low"] == value:
        d["low"] = value  # one float object for a point interval
    if d["high"] == value:
        d["high"] = value
    q = d["qualifiers"]
    if q:
        full = len(_TUPLES) >= _TUPLES_MAX
        d["qualifiers"] = _TUPLES.get(q, q) if full else _TUPLES.setdefault(q, q)
    claim = _new(Claim)
    _set(claim, "__dict__", d)
    _set(claim, "__pydantic_fields_set__", _ALL_SET)
    _set(claim, "__pydantic_extra__", None)
    _set(claim, "__pydantic_private__", None)
    return claim


def claim_record(claim: Claim) -> tuple[Any, ...]:
    """The claim as a plain tuple in :data:`CLAIM_FIELDS` order (enums as their values): what
    worker processes send back, one pickle per batch."""
    d = claim.__dict__
    return tuple(d[n].value if n in _ENUMS and d[n] is not None else d[n] for n in CLAIM_FIELDS)


def claim_from_record(record: Iterable[Any]) -> Claim:
    """The compact Claim a :func:`claim_record` tuple describes."""
    values = dict(zip(CLAIM_FIELDS, record, strict=True))
    for name, enum in _ENUMS.items():
        if values[name] is not None:
            values[name] = enum(values[name])
    return compact_claim(values)
