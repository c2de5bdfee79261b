"""What alignment reads of a claim: its frame, normalised, and the words around its figure.

A :class:`Frame` holds the slots two claims are compared on (DESIGN.md, "What a claim is about"):
the unit dimension, the role (a level or a change), the measure (``Claim.measure``, else its
concept, else the head of its noun), the qualifiers, the subject, the period, the source, and the
*local words*: the content words of the claim's sentence weighted by how close they stand to the
figure, where a word nearer another figure of the same sentence counts less. Words the concept
lexicon (``data/concepts.toml``) knows are also filed under their concept, so "killed" and "died"
share the word ``deaths`` (:mod:`.nearby` reads them). Frames are built once per run by
:func:`frames_of`.

>>> from figcheck.extraction.extractor import extract
>>> f = frames_of(extract("In the town, 312 people were killed and 1,045 injured."))
>>> f[0].measure, f[1].measure
('death', 'injury')
>>> f[0].local["death"] > f[1].local.get("death", 0)
True
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..claims import Claim, Kind
from ..regex_cache import compile_pattern
from ..units import dimension
from ..lexicon.matching import matching_lexicon, words
from ..lexicon.unit_concepts import unit_aspects, unit_measure
from .intervals import Interval, per_time
from .keys import Period, period_of
from .precision import written_interval
from .wordlists import AlignWords, align_words, root
from .nearby import nearby_words, phrase_words
from .rates import as_rate_level

__all__ = [
    "AlignWords", "Frame", "align_words", "document_mentions", "frames_of", "measure_of", "root",
    "unit_dimension",
]

# A document's mentions are read from its first this many characters.
_MENTIONS_CHARS = 200_000
_WORD = compile_pattern(r"[^\W\d_]++")
# A qualifying concept or word this close to the figure qualifies its measure.
_QUALIFIER_NEAR = 0.8
# A concept this close to the figure says what it counts, whatever the extractor chose.
_CONTEXT_MEASURE = 0.6
# A word of an aspect this close to the figure names the aspect ("deep": depth).
_ASPECT_NEAR = 0.5


# Not frozen: a frozen class's __init__ sets each field through object.__setattr__, several
# times slower to build, and one is built per claim. Nothing assigns to one after.
@dataclass(slots=True)
class Frame:
    """One claim's frame, normalised for comparison.

    ``local`` maps a normalised word (or a concept name) to its weight near the figure, 0..1;
    ``said`` maps a word of ``local`` to the words of the sentence that named it ("death":
    "killed") where they differ from it (:meth:`said_as`); both may be shared by the frames of
    claims read alike (:func:`~figcheck.checking.nearby.nearby_words`), so never change them.
    ``mentions`` holds every normalised word of the claim's document (or its sentences).
    ``worded`` is the measure the words gave when the unit names the measure instead.
    ``aspects`` are the aspects of its dimension a word right by the figure names ("deep":
    depth); ``written`` is the claim's interval with its written precision, in its own unit
    (:func:`~figcheck.checking.precision.written_interval`), computed once.
    """

    index: int
    claim: Claim
    dimension: str | None
    role: str
    measure: str | None
    measure_from: str
    measure_words: frozenset[str]
    change_cue: float
    qualifiers: frozenset[str]
    subject: frozenset[str]
    subject_inherited: bool
    period: Period | None
    source: frozenset[str]
    local: Mapping[str, float]
    said: Mapping[str, str] = field(default_factory=dict)
    mentions: frozenset[str] = frozenset()
    base: bool = False  # the earlier level a change starts from ("up from 7%")
    per: str | None = None  # the time a sum of money is per ("£180 a year": year)
    worded: str | None = None
    aspects: frozenset[str] = frozenset()
    written: Interval | None = None

    def said_as(self, word: str) -> str | None:
        """The words of the sentence that named ``word`` of ``local`` ("killed" for
        ``death``), the word itself when written as it is, None for a word not near."""
        found = self.said.get(word)
        if found is None and word in self.local:
            return word
        return found

    @property
    def sentence_key(self) -> tuple[str, int, str]:
        """Which sentence of which document the claim is in."""
        return _sentence_key(self.claim)


def _sentence_key(claim: Claim) -> tuple[str, int, str]:
    return (claim.doc_id, claim.sentence_start, claim.sentence)


@functools.lru_cache(maxsize=4096)
def unit_dimension(unit: str) -> str | None:
    """The dimension of ``unit`` (``'[length]'``), or None for a unit that compares with nothing."""
    try:
        return dimension(unit)
    except Exception:  # an unknown unit compares with nothing
        return None


_NOTHING_SAID: dict[str, str] = {}  # shared by every frame whose words are all said as they are


class _Shared:
    """One object for every equal word set among the frames of one run (the words near a
    figure come shared already: :mod:`.nearby`)."""

    def __init__(self) -> None:
        self.sets: dict[frozenset[str], frozenset[str]] = {}

    def set(self, items: Iterable[str]) -> frozenset[str]:
        found = frozenset(items)
        return self.sets.setdefault(found, found)


@functools.lru_cache(maxsize=4096)
def _period(text: str | None) -> Period | None:
    return period_of(text)


def _aspects(dim: str | None, local: Mapping[str, float]) -> frozenset[str]:
    """The aspects of ``dim`` a word right by the figure names (``local``: the words near it)."""
    if dim is None:
        return frozenset()
    return frozenset(name for name, forms in unit_aspects(dim).items()
                     if any(max(local.get(w, 0.0), local.get(root(w), 0.0)) >= _ASPECT_NEAR
                            for w in forms))


def _measure_and_source(claim: Claim) -> tuple[str | None, str]:
    """The claim's measure and how far to trust it.

    ``concept``: backed by the concept lexicon (killed ~ died ~ lost their lives), so two measures
    that differ really differ; ``object``: the thing a concept like "destroyed" acted on;
    ``noun``: only the head of a noun phrase (synonyms may differ in words).
    """
    vocab = matching_lexicon()
    concept = (" ".join(phrase_words(claim.concept)) if claim.concept and claim.concept.strip()
               else None)
    needs_object = concept is not None and concept in _noun_concepts()
    if claim.measure and claim.measure.strip():
        measure = " ".join(phrase_words(claim.measure))
        if concept and not needs_object:
            return measure, "concept"
        return measure, "object" if needs_object and measure != concept else "noun"
    head = [w for w in phrase_words(claim.noun) if w not in vocab.stopwords]
    noun = head[-1] if head and head[-1] not in align_words().generic_measures else None
    if concept is not None:
        # "destroyed 152 trucks": what was destroyed is the measure, not the destroying.
        if needs_object:  # "destroyed 90 of them": what was destroyed is not said
            return (noun, "object") if noun else (None, "none")
        return concept, "concept"
    if noun is None and claim.kind == Kind.MONEY:
        noun = _holder_head(claim.holder)  # "Cheese exports from the valley were worth £4.2m"
    return noun, "noun"


def _holder_head(holder: str | None) -> str | None:
    """The head of the noun phrase a figure is stated of: its last word before the first
    function word that follows a content word ("cheese exports from the valley": export)."""
    stop = matching_lexicon().stopwords
    head = None
    for w in phrase_words(holder):
        if w in stop:
            if head is not None:
                break
            continue
        head = w
    return head if head not in align_words().generic_measures else None


def _concept(claim: Claim) -> str | None:
    return claim.concept.strip().casefold() if claim.concept and claim.concept.strip() else None


def measure_of(claim: Claim) -> str | None:
    """The claim's measure: ``measure``, else its concept, else the head of its noun."""
    return _measure_and_source(claim)[0]


def _is_base(claim: Claim) -> bool:
    """The figure is the earlier level of a change: "rose to 9% from 7%", "compared with 7%".

    A marker of ``base_markers`` stands right before the figure; "from" counts only in a sentence
    with a change word ("imports from 30 countries" is no base).
    """
    aw = align_words()
    before = [w.casefold() for w in _WORD.findall(claim.sentence[: claim.start - claim.sentence_start])]
    for marker in aw.base_markers:
        if tuple(before[-len(marker):]) != marker:
            continue
        if marker != ("from",):
            return True
        return any(w.casefold() in aw.change_cues for w in _WORD.findall(claim.sentence))
    return False


_YEAR = compile_pattern(r"\d{4}")


def _base_period(claim: Claim, cue: float) -> bool:
    """The claim's period is the one its change is measured against ("8.1% more than in 2022",
    "rose 4% on 2021"), not the period it is about."""
    if not claim.period or not _YEAR.fullmatch(claim.period):
        return False
    if claim.change is None and cue < 1.0:
        return False
    before = [w.casefold() for w in _WORD.findall(claim.sentence.split(claim.period, 1)[0])]
    return any(tuple(before[-len(m):]) == m for m in align_words().base_period_markers)


def _synonym(measure: str) -> str:
    """The group name of a measure ([alignment.synonyms]); its head decides for a phrase."""
    syn = align_words().synonyms
    if measure in syn:
        return syn[measure]
    head = measure.rsplit(" ", 1)[-1]
    return measure[: -len(head)] + syn[head] if head in syn else measure


@functools.cache
def _noun_concepts() -> frozenset[str]:
    """Concepts that say what happened, not to what ("destroyed"): the noun is the measure."""
    return frozenset(" ".join(words(c)) for c in matching_lexicon().noun_concepts)


def _qualifiers(claim: Claim, local: Mapping[str, float], measure: str | None,
                stop: frozenset[str]) -> frozenset[str]:
    """``Claim.qualifiers``, else the qualifying words right by the figure ("civilians")."""
    if claim.qualifiers:
        return frozenset(w for q in claim.qualifiers for w in phrase_words(q) if w not in stop)
    aw = align_words()
    return frozenset(aw.qualifiers.get(w, w) for w, x in local.items()
                     if x >= _QUALIFIER_NEAR and w in aw.qualifiers and w != measure)


def document_mentions(text: str) -> tuple[str, ...]:
    """The words a document mentions, as :func:`frames_of` reads them from its text (sorted,
    interned: kept in place of the text when the text is dropped)."""
    return tuple(sorted({sys.intern(w) for w in words(text[:_MENTIONS_CHARS])}))


def frames_of(claims: Sequence[Claim],
              texts: Mapping[str, str | Collection[str]] | None = None, *,
              subject_mentions: bool = False) -> list[Frame]:
    """The frame of every claim, in order; ``texts`` (doc id -> text, or the words of
    :func:`document_mentions`) tells what each document mentions (without it, the sentences of
    its claims).

    With ``subject_mentions`` a frame's ``mentions`` keep only the words of some claim's subject
    among ``claims`` (all that alignment asks of a document's words, when ``claims`` are the
    whole run): the same results in less memory.
    """
    vocab = matching_lexicon()
    stop = vocab.stopwords
    by_sentence: dict[tuple[str, int], list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault(_sentence_key(c), []).append(c)
    shared = _Shared()
    subjects = [shared.set(w for w in phrase_words(c.subject) if w not in stop) for c in claims]
    keep = frozenset().union(*subjects) if subject_mentions else None
    mentions: dict[str, set[str]] = {}
    for doc_id in {c.doc_id for c in claims}:
        if texts and doc_id in texts:
            known = texts[doc_id]
            found = (set(words(known[:_MENTIONS_CHARS])) if isinstance(known, str)
                     else set(known))
            mentions[doc_id] = found if keep is None else found & keep
    for (doc_id, _, _), members in by_sentence.items():
        if not (texts and doc_id in texts):
            found = set(words(members[0].sentence))
            mentions.setdefault(doc_id, set()).update(found if keep is None else found & keep)
    frozen = {d: shared.set(m) if keep is not None else frozenset(m)
              for d, m in mentions.items()}
    del mentions
    out = []
    for i, c in enumerate(claims):
        others = [o for o in by_sentence[_sentence_key(c)] if o is not c
                  and not (o.start < c.end and c.start < o.end)]
        local, said, event, cue = nearby_words(c, others)
        measure, measure_from = _measure_and_source(c)
        if (event is not None and event[1] >= _CONTEXT_MEASURE
                and event[1] > max(local.get(measure or "", 0.0), local.get(root(measure or ""), 0.0))
                and event[0] not in _noun_concepts()):
            measure, measure_from = event[0], "context"
        if measure is not None and measure in align_words().role_nouns:
            measure, measure_from = None, "none"  # "an increase of £180": a role, not a measure
        if measure is not None:
            measure = _synonym(measure)
        dim = unit_dimension(per_time(c.unit)[0])
        named = unit_measure(dim, _concept(c)) if dim is not None else None
        worded = None
        if named is not None:
            # "43.2C" and "109.8F" state a temperature, whatever noun the extractor saw nearby
            worded, measure_from = measure, "unit"
            measure = _synonym(" ".join(phrase_words(named)))
        if measure in align_words().generic_measures and measure_from != "unit":
            measure_from = "generic"
        generic = align_words().generic_measures
        mwords = shared.set(root(w) for w in phrase_words(measure)
                            if w not in stop and w not in generic) if measure else shared.set(())
        out.append(Frame(
            index=i,
            claim=c,
            dimension=dim,
            role="change" if c.change is not None else "level",
            measure=None if measure is None else sys.intern(measure),
            measure_from=measure_from,
            measure_words=mwords,
            change_cue=cue,
            qualifiers=shared.set(_qualifiers(c, local, measure, stop)),
            subject=subjects[i],
            subject_inherited=c.subject_inherited,
            period=None if _base_period(c, cue) else _period(c.period),
            source=shared.set(w for w in phrase_words(c.source) if w not in stop),
            local=local,  # shared with every claim of the same reading
            said=said or _NOTHING_SAID,
            mentions=frozen.get(c.doc_id, shared.set(())),
            base=c.change is None and _is_base(c),
            per=per_time(c.unit)[1],
            worded=None if worded is None else sys.intern(worded),
            aspects=shared.set(_aspects(dim, local)),
            written=written_interval(c),
        ))
        out[-1] = as_rate_level(out[-1])
    return out
