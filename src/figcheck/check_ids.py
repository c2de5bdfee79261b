"""The stable ids of figcheck's checks (DESIGN.md), in a module of their own so the command
line can list them in ``--help`` and validate ``--select`` without importing the records."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["CheckId"]


class CheckId(StrEnum):
    """Stable identifiers of figcheck's checks."""

    PART_EXCEEDS_WHOLE = "part_exceeds_whole"
    SHARE_OUT_OF_RANGE = "share_out_of_range"
    STATED_SHARE_MISMATCH = "stated_share_mismatch"
    GRANULARITY = "granularity"
    CONFLICT = "conflict"
    REFERENCE_MISMATCH = "reference_mismatch"
    CHANGE_MISMATCH = "change_mismatch"
    SUM_MISMATCH = "sum_mismatch"
    SHARE_MISMATCH = "share_mismatch"
    DURATION_MISMATCH = "duration_mismatch"
