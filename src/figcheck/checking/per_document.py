"""The checks that read one document alone: the derived arithmetic of its own figures and the
comparison of its claims with reference rows (which reads the paragraph around each claim).

They run as each document is read, so its text can be dropped before the next one; their
results are collected in input order, as one run over every document would give them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..claims import Claim
from ..findings import Comparison, Corroboration, Finding
from .derived import derived_findings
from .options import CheckOptions

if TYPE_CHECKING:
    from ..reference import ReferenceTable

__all__ = ["LocalResults"]


@dataclass(eq=False, repr=False)
class LocalResults:
    """Findings, agreements and reference comparisons of the one-document checks, in input
    order."""

    derived: list[Finding] = field(default_factory=list)
    agreements: list[Corroboration] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    mismatches: list[Finding] = field(default_factory=list)

    def add_document(self, doc_id: str, text: str, claims: Sequence[Claim], date: Any,
                     table: ReferenceTable | None, options: CheckOptions) -> None:
        """Run the one-document checks on ``doc_id`` (its text and claims) and keep the results.

        ``date`` is the document's date, or (date, dateline span).
        """
        texts = {doc_id: text}
        found, agree = derived_findings(claims, texts, {doc_id: date}, options)
        self.derived.extend(found)
        self.agreements.extend(agree)
        if table is not None:
            from .against_reference import compare_with_reference  # only with a reference table

            comparisons, mismatches = compare_with_reference(claims, table, texts=texts,
                                                             options=options)
            self.comparisons.extend(comparisons)
            self.mismatches.extend(mismatches)

    @classmethod
    def of_all(cls, claims: Sequence[Claim], texts: Mapping[str, str],
               table: ReferenceTable | None, options: CheckOptions) -> LocalResults:
        """The one-document checks over claims already collected (any order, any documents):
        derived checks for the documents in ``texts``, a reference comparison per claim."""
        out = cls()
        out.derived, out.agreements = derived_findings(claims, texts, None, options)
        if table is not None:
            from .against_reference import compare_with_reference

            out.comparisons, out.mismatches = compare_with_reference(claims, table, texts=texts,
                                                                     options=options)
        return out
