"""The public extractor: text in, Claim records out."""

from __future__ import annotations

import bisect
from collections.abc import Mapping

from .claims import Claim
from .spans import Span, scan
from .text import LineIndex, sentence_spans

__all__ = ["extract"]


def extract(
    text: str, *, doc_id: str = "doc", tolerances: Mapping[str, float] | None = None
) -> list[Claim]:
    """Every quantitative claim in ``text``, in document order.

    Args:
        text: the document text.
        doc_id: the document's name, copied into every claim.
        tolerances: relative tolerance per hedge family, overriding the defaults in
            ``figcheck/data/hedges.toml`` (``approximate``, ``almost``, ``just``,
            ``verbal_fraction``).

    Raises:
        TypeError: ``text`` is not a str.
        ValueError: an unknown tolerance family or a tolerance outside [0, 1).

    >>> [(c.text, c.bound.value, c.low, c.high) for c in extract("almost 14,000 civilians")]
    [('almost 14,000', '<~', 12600.0, 14000.0)]
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() needs the document text as str, got {type(text).__name__}")
    if not isinstance(doc_id, str):
        raise TypeError(f"doc_id must be a str, got {type(doc_id).__name__}")
    spans = scan(text, dict(tolerances) if tolerances else None)
    if not spans:
        return []
    from .context import claim_context, sentence_context

    sentences = sentence_spans(text)
    starts = [s for s, _ in sentences]
    lines = LineIndex(text)
    claims: list[Claim] = []
    by_sentence: dict[int, list[Span]] = {}
    for span in spans:
        i = max(0, bisect.bisect_right(starts, span.start) - 1)
        by_sentence.setdefault(i, []).append(span)
    for i, group in by_sentence.items():
        s_start, s_end = sentences[i] if sentences else (0, len(text))
        # a span that runs past a sentence break belongs to the sentence it starts in
        s_end = max(s_end, max(sp.end for sp in group))
        sentence = text[s_start:s_end]
        sc = sentence_context(sentence)
        local = [(sp.start - s_start, sp.end - s_start) for sp in group]
        for k, sp in enumerate(group):
            ls, le = local[k]
            # the neighbouring claims are what bounds a claim's noun phrase
            ctx = claim_context(sc, sentence, ls, le, local[max(0, k - 1) : k] + local[k + 1 : k + 2])
            line, column = lines.locate(sp.start)
            subject = ctx.subject
            if sp.possessor and subject is None:
                subject = sp.possessor
            claims.append(
                Claim(
                    doc_id=doc_id,
                    start=sp.start,
                    end=sp.end,
                    text=text[sp.start : sp.end],
                    sentence=sentence.strip(),
                    sentence_start=s_start,
                    sentence_end=s_end,
                    line=line,
                    column=column,
                    kind=sp.kind,
                    value=sp.value,
                    low=sp.low,
                    high=sp.high,
                    unit=sp.unit,
                    bound=sp.bound,
                    whole=sp.whole,
                    change=sp.change,
                    noun=ctx.noun,
                    subject=subject,
                    concept=ctx.concept,
                    period=ctx.period,
                    source=ctx.source,
                    hedge=sp.hedge,
                    rule=sp.rule,
                )
            )
    return claims
