"""The Report: everything one ``figcheck.check`` run found."""

from __future__ import annotations

from dataclasses import dataclass, field

from .claims import Claim
from .findings import Comparison, Corroboration, Finding

__all__ = ["Report"]


@dataclass(frozen=True)
class Report:
    """Claims, problems (findings), reference comparisons and corroborations of one run."""

    claims: tuple[Claim, ...] = ()
    findings: tuple[Finding, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    corroborations: tuple[Corroboration, ...] = ()
    documents: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when no check found a discrepancy."""
        return not self.findings
