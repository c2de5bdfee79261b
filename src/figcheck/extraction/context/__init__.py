"""What each claim is about: its noun, subject, concept, period and source.

The extractor finds number spans; this package reads the words around them, one
module per job:

- :mod:`.sentence`: the words of a sentence and its clause breaks, read once and shared;
- :mod:`.nouns`: the noun phrase a figure counts;
- :mod:`.concepts`: the lexicon concept a claim's words name;
- :mod:`.subjects`: names, places and parties, and whose a figure is;
- :mod:`.periods`: years and dates, and when a figure applies;
- :mod:`.attribution`: who says so;
- :mod:`.document`: the document's date, title and dateline, shared by its claims;
- :mod:`.frame`: :func:`sentence_context` and :func:`claim_context`, which put them together.
"""

from __future__ import annotations

from ...lexicon.context import ContextLexicon, default_lexicon, load_lexicon
from .document import DocumentContext, document_context, parse_date
from .frame import ClaimContext, claim_context, sentence_context
from .sentence import SentenceContext

__all__ = [
    "ClaimContext",
    "ContextLexicon",
    "DocumentContext",
    "SentenceContext",
    "claim_context",
    "default_lexicon",
    "document_context",
    "load_lexicon",
    "parse_date",
    "sentence_context",
]
