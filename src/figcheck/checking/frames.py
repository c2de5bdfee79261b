"""What alignment reads of a claim: its frame, normalised, and the words around its figure.

A :class:`Frame` holds the slots two claims are compared on (DESIGN.md, "What a claim is about"):
the unit dimension, the role (a level or a change), the measure (``Claim.measure``, else its
concept, else the head of its noun), the qualifiers, the subject, the period, the source, and the
*local words*: the content words of the claim's sentence weighted by how close they stand to the
figure, where a word nearer another figure of the same sentence counts less. Words the concept
lexicon (``data/concepts.toml``) knows are also filed under their concept, so "killed" and "died"
share the word ``deaths``. Frames are built once per run by :func:`frames_of`.

>>> from figcheck.extraction.extractor import extract
>>> f = frames_of(extract("In the town, 312 people were killed and 1,045 injured."))
>>> f[0].measure, f[1].measure
('death', 'injury')
>>> f[0].local["death"] > f[1].local.get("death", 0)
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..claims import Claim
from ..lexicon.context import default_lexicon
from ..lexicon.files import data_file
from ..units import dimension
from ..lexicon.matching import matching_lexicon, words
from .keys import Period, period_of

__all__ = ["AlignWords", "Frame", "align_words", "frames_of", "measure_of"]

# Words are letters (and inner apostrophes or hyphens); possessive repeats keep it linear.
_TOKEN = re.compile(r"[^\W\d_]++(?:['’-][^\W\d_]++)*+")
# Kinds of concept terms in the lexicon index: an event, an entity counted, a unit word.
_UNIT_TERM = 2


@dataclass(frozen=True)
class AlignWords:
    """Word lists of ``[alignment.words]`` in ``data/checks.toml``."""

    ignore: frozenset[str]
    boundaries: frozenset[str]
    generic_measures: frozenset[str]
    self_only: frozenset[str]
    exclusive: tuple[frozenset[str], ...]


@functools.cache
def align_words() -> AlignWords:
    """The alignment word lists, loaded once."""
    f = data_file("checks.toml")
    table = f.table("alignment").get("words", {})

    def word_list(key: str) -> frozenset[str]:
        value = table.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise f.error(key, "must be a list of strings", table="alignment.words")
        return frozenset(w for v in value for w in words(v))

    groups = f.table("alignment").get("exclusive", {})
    exclusive = []
    for name, members in groups.items():
        if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
            raise f.error(name, "must be a list of measure names", table="alignment.exclusive")
        exclusive.append(frozenset(" ".join(words(m)) for m in members))
    return AlignWords(word_list("ignore"), word_list("boundaries"), word_list("generic_measures"),
                      word_list("self_only"), tuple(exclusive))


@dataclass(frozen=True)
class Frame:
    """One claim's frame, normalised for comparison.

    ``local`` maps a normalised word (or a concept name) to its weight near the figure, 0..1;
    ``said`` maps a concept name to the words of the sentence that named it ("killed").
    ``mentions`` holds every normalised word of the claim's document (or its sentences).
    """

    index: int
    claim: Claim
    dimension: str | None
    role: str
    measure: str | None
    measure_words: frozenset[str]
    qualifiers: frozenset[str]
    subject: frozenset[str]
    subject_inherited: bool
    period: Period | None
    source: frozenset[str]
    local: Mapping[str, float]
    said: Mapping[str, str] = field(default_factory=dict)
    mentions: frozenset[str] = frozenset()

    @property
    def sentence_key(self) -> tuple[str, int]:
        """Which sentence of which document the claim is in."""
        return (self.claim.doc_id, self.claim.sentence_start)


def _dimension(unit: str) -> str | None:
    try:
        return dimension(unit)
    except Exception:  # an unknown unit compares with nothing
        return None


def measure_of(claim: Claim) -> str | None:
    """The claim's measure: ``measure``, else its concept, else the head of its noun."""
    if claim.measure and claim.measure.strip():
        return " ".join(words(claim.measure))
    if claim.concept and claim.concept.strip():
        return " ".join(words(claim.concept))
    vocab = matching_lexicon()
    head = [w for w in words(claim.noun) if w not in vocab.stopwords]
    if head and head[-1] not in align_words().generic_measures:
        return head[-1]
    return None


def _tokens(sentence: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().casefold()) for m in _TOKEN.finditer(sentence)]


def _concepts(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str, str]]:
    """(first token, last token, concept, surface) for each concept term, longest first."""
    index = default_lexicon().concepts
    out = []
    i = 0
    while i < len(tokens):
        found = None
        for rest, label, kind in index.get(tokens[i][2], ()):
            n = len(rest)
            if kind == _UNIT_TERM:
                continue
            if tuple(t[2] for t in tokens[i + 1 : i + 1 + n]) == rest:
                found = (i, i + n, label, " ".join(t[2] for t in tokens[i : i + 1 + n]))
                break
        if found:
            out.append(found)
            i = found[1] + 1
        else:
            i += 1
    return out


def _local_words(claim: Claim, others: Sequence[Claim], vocab_stop: frozenset[str]
                 ) -> tuple[dict[str, float], dict[str, str]]:
    """Words of the sentence weighted by closeness to ``claim`` (and concepts they name)."""
    aw = align_words()
    sentence = claim.sentence
    base = claim.sentence_start
    start, end = claim.start - base, claim.end - base
    spans = [(o.start - base, o.end - base) for o in others]
    tokens = [t for t in _tokens(sentence)
              if not any(s <= t[0] < e for s, e in [(start, end), *spans])]
    # Position of each token relative to the figure, counted in tokens.
    before = [i for i, t in enumerate(tokens) if t[1] <= start]
    pivot = (before[-1] + 0.5) if before else -0.5
    # Boundaries: a clause word between the figure and a token halves the token's weight.
    gaps = [i for i, t in enumerate(tokens) if t[2] in aw.boundaries]
    local: dict[str, float] = {}
    said: dict[str, str] = {}

    def weight(i: int, pos: int) -> float:
        d = abs(i - pivot)
        w = 1.0 / (1.0 + max(0.0, d - 0.5) / 3.0)
        lo, hi = (pos, start) if pos < start else (end, pos)
        if any(lo <= tokens[g][0] < hi for g in gaps if g != i):
            w *= 0.5
        # Another figure of the sentence nearer to the word claims most of it.
        mine = start - pos if pos < start else pos - end
        if any((s - pos if pos < s else pos - e) < mine for s, e in spans):
            w *= 0.3
        return w

    for i, (pos, _end, tok) in enumerate(tokens):
        for w in words(tok):
            if w in vocab_stop or w in aw.ignore or len(w) < 2:
                continue
            local[w] = max(local.get(w, 0.0), weight(i, pos))
    for first, last, label, surface in _concepts(tokens):
        concept = " ".join(words(label))
        w = max(weight(i, tokens[i][0]) for i in range(first, last + 1))
        if w > local.get(concept, 0.0):
            local[concept] = w
            said[concept] = surface
    return local, said


def frames_of(claims: Sequence[Claim], texts: Mapping[str, str] | None = None) -> list[Frame]:
    """The frame of every claim, in order; ``texts`` (doc id -> text) tells what each document
    mentions (without it, the sentences of its claims)."""
    vocab = matching_lexicon()
    stop = vocab.stopwords
    by_sentence: dict[tuple[str, int], list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault((c.doc_id, c.sentence_start), []).append(c)
    mentions: dict[str, set[str]] = {}
    for doc_id in {c.doc_id for c in claims}:
        if texts and doc_id in texts:
            mentions[doc_id] = set(words(texts[doc_id][:200_000]))
    for (doc_id, _), members in by_sentence.items():
        if not (texts and doc_id in texts):
            mentions.setdefault(doc_id, set()).update(words(members[0].sentence))
    frozen = {d: frozenset(m) for d, m in mentions.items()}
    out = []
    for i, c in enumerate(claims):
        others = [o for o in by_sentence[(c.doc_id, c.sentence_start)] if o is not c
                  and not (o.start < c.end and c.start < o.end)]
        local, said = _local_words(c, others, stop)
        measure = measure_of(c)
        mwords = frozenset(w for w in words(measure) if w not in stop) if measure else frozenset()
        out.append(Frame(
            index=i,
            claim=c,
            dimension=_dimension(c.unit),
            role="change" if c.change is not None else "level",
            measure=measure,
            measure_words=mwords,
            qualifiers=frozenset(w for q in c.qualifiers for w in words(q) if w not in stop),
            subject=frozenset(w for w in words(c.subject) if w not in stop),
            subject_inherited=c.subject_inherited,
            period=period_of(c.period),
            source=frozenset(w for w in words(c.source) if w not in stop),
            local=local,
            said=said,
            mentions=frozen.get(c.doc_id, frozenset()),
        ))
    return out
