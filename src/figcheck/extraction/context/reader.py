"""Frames for a whole document: each sentence read once, and what a claim takes from the document.

A claim whose sentence names no subject takes the subject of the sentences just before
("Heavy rain hit eastern Sri Lanka. Floods there killed 14"), else the one the title
names, else the lead's; its frame then says the subject was inherited. A pronoun source
("..., it said") is the party opening the sentence before, and a sentence without
figures that names who published them ("X released its monthly data on Monday.") is
the source of the next sentence's figures. A dateline is never read as a subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ...lexicon.context import default_lexicon
from .attribution import attributions, opening_party
from .document import DocumentContext
from .frame import ClaimContext, claim_context
from .sentence import SentenceContext, Tokens
from .subjects import Name, first_subject, names_outside, subject_names

__all__ = ["DocumentReader"]

_LOOK_BACK: Final = 2  # sentences before a claim's own whose subject it may take


# Not frozen: a frozen class's __init__ sets each field through object.__setattr__, several
# times slower to build, and one is built per sentence without figures. Nothing assigns to it after.
@dataclass(slots=True)
class _Names:
    """What a sentence without figures lends the next: its names and its attribution."""

    tokens: Tokens
    names: list[Name]
    source: str | None


def _read_names(text: str) -> _Names:
    """Names and sources of ``text``: only what inheritance needs, without dates or concepts."""
    t = Tokens(text, default_lexicon())
    look = t.lex.marked
    marks = [i for i, w in enumerate(t.lowers) if w in look]
    sources = sorted(attributions(t, marks)) if marks else []
    names = names_outside(subject_names(t), sources, text)
    return _Names(t, names, sources[0][2] or None if sources else None)


class DocumentReader:
    """Reads one document's sentences (each once) and frames its claims.

    Args:
        text: the document text.
        sentences: ``(start, end)`` of each sentence, in order.
        doc: the document's date, title and dateline.
        claimed: indexes of the sentences that hold claims.
    """

    def __init__(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        doc: DocumentContext,
        claimed: set[int],
    ) -> None:
        self.text = text
        self.sentences = sentences
        self.doc = doc
        self.claimed = claimed
        self._contexts: dict[int, SentenceContext | _Names] = {}
        self._inherited: dict[int, str | None] = {}
        self._sources: dict[int, str | None] = {}  # a source from the sentence before
        self._title: _Names | None = None

    def body(self, start: int, end: int) -> str:
        """The text of ``[start, end)`` to read, a dateline in it blanked (offsets kept):
        "WASHINGTON, April 5 -" dates the report and names no figure's subject."""
        body = self.text[start:end]
        dateline = self.doc.dateline
        if dateline is not None and start < dateline[1]:
            cut = min(dateline[1], end) - start
            body = " " * cut + body[cut:]
        return body

    def remember(self, i: int, sc: SentenceContext) -> None:
        """Keep the context the caller read for sentence ``i`` (with its periods)."""
        self._contexts[i] = sc

    def _sentence(self, i: int) -> SentenceContext | _Names:
        """Sentence ``i`` as the caller read it, or its names and sources, read once."""
        sc = self._contexts.get(i)
        if sc is None:
            sc = _read_names(self.body(*self.sentences[i]))
            self._contexts[i] = sc
        return sc

    def frame(
        self,
        i: int,
        sc: SentenceContext,
        start: int,
        end: int,
        neighbours: Sequence[tuple[int, int]],
        possessor: str | None = None,
        previous: ClaimContext | None = None,
        holder_before: str | None = None,
    ) -> ClaimContext:
        """The frame of the claim at ``[start, end)`` of sentence ``i``, with what the
        document adds where the sentence says nothing.

        ``possessor`` is a name the scanner read as the figure's owner; it comes before
        any subject inherited from the document. ``previous`` is the frame of the figure
        before in the sentence that names a measure, ``holder_before`` the holder of the
        figure just before (see :func:`claim_context`).
        """
        ctx = claim_context(
            sc, sc.tokens.text, start, end, neighbours, doc=self.doc, previous=previous,
            holder_before=holder_before,
        )
        subject, inherited, source = ctx.subject, False, ctx.source
        if subject is None and possessor:
            subject = possessor
        if subject is None:
            subject = self._subject_before(i)
            inherited = subject is not None
        if source is None:
            if i not in self._sources:  # the same for every figure of the sentence
                self._sources[i] = self._source_before(i, sc)
            source = self._sources[i]
        if subject is ctx.subject and source is ctx.source:
            return ctx
        return ClaimContext(  # by position, in the order of the fields: cheaper than by keyword
            ctx.noun, subject, ctx.concept, ctx.period, source, ctx.measure, ctx.qualifiers,
            ctx.named_by_verb, inherited, ctx.holder, ctx.per,
        )

    def _subject_before(self, i: int) -> str | None:
        if i in self._inherited:
            return self._inherited[i]
        found = None
        for j in range(i - 1, max(-1, i - 1 - _LOOK_BACK), -1):
            found = first_subject(self._sentence(j).names)
            if found is not None:
                break
        if found is None and self.doc.title:
            found = self._title_subject()
        if found is None and i > _LOOK_BACK:
            found = first_subject(self._sentence(0).names)  # the lead
        self._inherited[i] = found
        return found

    def _title_subject(self) -> str | None:
        """The title's subject; failing any name, its first word when the text also writes
        that word capitalised inside a sentence ("Valdoria trade figures" over "... in
        Valdoria ..."): a headline's first word is capitalised anyway."""
        if self._title is None:
            self._title = _read_names(self.doc.title or "")
        found = first_subject(self._title.names)
        t = self._title.tokens
        if found is None and t.words and t.words[0][0].isupper() and not t.roles.get(t.lowers[0]):
            inside = re.compile(r"(?<=[a-z,;] )" + re.escape(t.words[0]) + r"\b")
            if inside.search(self.text) is not None:
                found = t.words[0]
        return found

    def _source_before(self, i: int, sc: SentenceContext) -> str | None:
        if i == 0:
            return None
        if any(src[2] == "" for src in sc.sources):  # "..., it said"
            return opening_party(self._sentence(i - 1).tokens)
        if i - 1 not in self.claimed:  # "X released its figures on Monday. Exports rose ..."
            if i - 1 not in self._contexts:  # unread: read it only if it may carry a source
                body = self.body(*self.sentences[i - 1])
                if default_lexicon().carried.search(body) is None:
                    return None
            before = self._sentence(i - 1)
            if before.source and before.tokens.lex.carried.search(before.tokens.text):
                return before.source
        return None
