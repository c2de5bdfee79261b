"""figcheck: find the numeric claims in documents and check them.

>>> import figcheck
>>> [(c.text, c.value, c.unit) for c in figcheck.extract("The crash killed 1,351 people.")]
[('1,351', 1351.0, 'count')]

Public names are loaded on first use, so ``import figcheck`` (and the pytest
plugin, which lives in this package) stays cheap: pandas and pint are imported
only when a function that needs them runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .checking.options import CheckOptions
    from .pipeline import check, check_claims
    from .claims import Bound, Change, Claim, Kind
    from .documents import Document, load_documents
    from .errors import (
        ClaimCheckFailed,
        DocumentError,
        FigcheckError,
        OptionError,
        ReferenceTableError,
        RowError,
        RuleDefinitionError,
        SpecError,
        UnitMismatchError,
    )
    from .extraction.extractor import extract
    from .check_ids import CheckId
    from .findings import (
        ClaimStatus,
        Comparison,
        Corroboration,
        Finding,
        Severity,
        Status,
        Verdict,
    )
    from .reference import ReferenceRow, ReferenceTable
    from .report import CSV_COLUMNS, Report, read_csv

_EXPORTS = {
    "Bound": "claims",
    "CSV_COLUMNS": "report",
    "Change": "claims",
    "CheckId": "check_ids",
    "CheckOptions": "checking.options",
    "Claim": "claims",
    "ClaimCheckFailed": "errors",
    "ClaimStatus": "findings",
    "Comparison": "findings",
    "Corroboration": "findings",
    "Document": "documents",
    "DocumentError": "errors",
    "FigcheckError": "errors",
    "Finding": "findings",
    "Kind": "claims",
    "OptionError": "errors",
    "ReferenceRow": "reference",
    "ReferenceTable": "reference",
    "ReferenceTableError": "errors",
    "Report": "report",
    "RowError": "errors",
    "RuleDefinitionError": "errors",
    "Severity": "findings",
    "SpecError": "errors",
    "Status": "findings",
    "UnitMismatchError": "errors",
    "Verdict": "findings",
    "check": "pipeline",
    "check_claims": "pipeline",
    "extract": "extraction.extractor",
    "load_documents": "documents",
    "read_csv": "report",
}

__all__ = [
    "Bound",
    "CSV_COLUMNS",
    "Change",
    "CheckId",
    "CheckOptions",
    "Claim",
    "ClaimCheckFailed",
    "ClaimStatus",
    "Comparison",
    "Corroboration",
    "Document",
    "DocumentError",
    "FigcheckError",
    "Finding",
    "Kind",
    "OptionError",
    "ReferenceRow",
    "ReferenceTable",
    "ReferenceTableError",
    "Report",
    "RowError",
    "RuleDefinitionError",
    "Severity",
    "SpecError",
    "Status",
    "UnitMismatchError",
    "Verdict",
    "check",
    "check_claims",
    "extract",
    "load_documents",
    "read_csv",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'figcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
