"""The words a check's result is given in (severity, verdict, claim status), in a module of their
own so the reports of claims alone import no finding records."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Severity", "Status", "Verdict"]


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


class Status(StrEnum):
    """Where a claim ended after checking: every claim has exactly one."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    CORROBORATED = "corroborated"
    CONFLICT = "conflict"
    UNCHECKED = "unchecked"
