"""figcheck: find the numeric claims in documents and check them.

>>> import figcheck
>>> [(c.text, c.value, c.unit) for c in figcheck.extract("The crash killed 1,351 people.")]
[('1,351', 1351.0, 'count')]
"""

from .claims import Bound, Change, Claim, Kind
from .errors import (
    ClaimCheckFailed,
    DocumentError,
    FigcheckError,
    ReferenceTableError,
    RuleDefinitionError,
    UnitMismatchError,
)
from .extract import extract
from .findings import CheckId, Comparison, Corroboration, Finding, Severity, Verdict
from .report import Report

__all__ = [
    "Bound",
    "Change",
    "CheckId",
    "Claim",
    "ClaimCheckFailed",
    "Comparison",
    "Corroboration",
    "DocumentError",
    "FigcheckError",
    "Finding",
    "Kind",
    "ReferenceTableError",
    "Report",
    "RuleDefinitionError",
    "Severity",
    "UnitMismatchError",
    "Verdict",
    "extract",
]
__version__ = "0.1.0"
