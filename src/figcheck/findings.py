"""Findings: the results of checks, as records before they are text.

Checks return these and never print. ``CheckId`` values are the stable ids of
DESIGN.md and appear in every report.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from .check_ids import CheckId
from .claims import Claim
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
]


class Severity(StrEnum):
    """How bad a finding is; ``--fail-on`` compares against this order."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Verdict(StrEnum):
    """The outcome of comparing one claim with the reference tables."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNMATCHED = "unmatched"


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


class Status(StrEnum):
    """Where a claim ended after checking: every claim has exactly one."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    CORROBORATED = "corroborated"
    CONFLICT = "conflict"
    UNCHECKED = "unchecked"


class ClaimStatus(BaseModel):
    """One claim's status, why (for unchecked: no measure, no counterpart, no row fits,
    ambiguous) and the evidence it rests on."""

    model_config = _RECORD

    claim: Claim
    status: Status
    reason: str | None = None
    evidence: str | None = None
    group: int | None = None
