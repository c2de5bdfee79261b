"""Reference tables: the figures claims are compared against."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["ReferenceRow"]


class ReferenceRow(BaseModel):
    """One reference figure, validated on load.

    ``path`` and ``line`` say where the row came from (line 0 for a DataFrame
    row with no file), so every message can point back at it.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_inf_nan="strings")

    subject: str
    measure: str
    value: float
    unit: str
    low: float
    high: float
    period: str | None = None
    source: str | None = None
    url: str | None = None
    keywords: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    tolerance: float | None = None
    claimed_by: str | None = None
    path: str = "<frame>"
    line: int = 0
