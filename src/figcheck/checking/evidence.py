"""The evidence that two claims state the same fact: field by field, with weights, in words.

Each field of two :class:`~figcheck.checking.frames.Frame` objects (measure, qualifiers, subject,
period, role, whole, source, shared words, where they stand) gets an agreement level and the
weight of that level from ``[alignment]`` in ``data/checks.toml``; the match weight is their sum
plus a prior (Fellegi–Sunter). A field one side leaves empty adds nothing. Some levels are vetoes
and end the pair. The figures themselves never enter the weight.

>>> from figcheck.extraction.extractor import extract
>>> from figcheck.checking.frames import frames_of
>>> a, b = frames_of(extract("Floods killed 1,627 people.", doc_id="a")
...                  + extract("In the floods 1,672 people died.", doc_id="b"))
>>> ev = score_pair(a, b, lambda w: 1.0)
>>> ev.vetoed, ev.describe().split(";")[0]
(False, 'same measure: death (killed ~ died)')
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, fields

from ..frozen_record import FrozenRecord
from ..lexicon.files import data_file
from ..lexicon.matching import words
from ..regex_cache import compile_pattern
from .frames import Frame
from .wordlists import align_words, root

__all__ = [
    "AlignWeights", "Evidence", "Field", "align_weights", "block_prior", "restates", "score_pair",
]

# Between a figure and its restatement: an opening bracket or a comma, then at most a hedge or
# "or"/"i.e." ("1,351 (about 1,400)", "40 miles (64 km)", "a third, or 33%").
_RESTATE = compile_pattern(
    r"\s{0,3}+(?:[(\[]|,|—|–)\s{0,3}+(?:(?:or|i\.e\.|ie|about|around|roughly|some|nearly|almost|"
    r"approximately|just\s(?:over|under))\s{1,3}+)?+"
)
_ONLY_OF_KIND = "the only figure of its kind in each document"
_NEAR = 0.5  # a word this close to a figure is "near" it (local weights run 0..1)
_CUE_STRONG = 1.0  # a change word right by a level makes it a change ("12% more than")


class AlignWeights(FrozenRecord):
    """Weights and thresholds of ``[alignment]`` in ``data/checks.toml`` (documented there)."""

    prior: float
    restate_rate: float
    prior_min: float
    prior_max: float
    measure_agree: float
    measure_near: float
    measure_disagree: float
    measure_generic: float
    measure_unit: float
    measure_unsure: float
    measure_concept: float
    qualifiers_agree: float
    qualifiers_one_sided: float
    qualifiers_unsure: float
    subject_agree: float
    subject_mentioned: float
    subject_disagree: float
    period_agree: float
    period_overlap: float
    source_agree: float
    role_agree: float
    role_unsure: float
    role_base: float
    whole_agree: float
    same_document: float
    restated: float
    words_scale: float
    words_cap: float
    corroborate: float
    same_figure: float
    figure_one_digit: float
    figure_compatible: float
    figure_open: float
    conflict: float
    conflict_within_document: float
    join_groups: float
    max_block: float
    neighbours: float


@functools.cache
def align_weights() -> AlignWeights:
    """The alignment weights, loaded once."""
    f = data_file("checks.toml")
    values = f.numbers("alignment", (spec.name for spec in fields(AlignWeights)))
    if not values["corroborate"] <= values["conflict"] <= values["conflict_within_document"]:
        raise f.error("conflict", "thresholds must hold corroborate <= conflict <= "
                      "conflict_within_document", table="alignment")
    return AlignWeights(**values)


class Field:
    """One field's contribution: its name, signed weight and what it found, in words.

    ``text`` may be given as a function of no arguments that returns the words: they are then
    built when first read, since most candidate pairs are weighed and never described.

    >>> Field("period", 1.5, lambda: "same period: 2021")
    Field(name='period', weight=1.5, text='same period: 2021')
    """

    __slots__ = ("_text", "name", "weight")

    def __init__(self, name: str, weight: float, text: str | Callable[[], str]) -> None:
        self.name = name
        self.weight = weight
        self._text = text

    @property
    def text(self) -> str:
        """What the field found, in words."""
        text = self._text
        if not isinstance(text, str):
            text = self._text = text()
        return text

    def renamed(self, name: str, old: str = "", new: str = "") -> Field:
        """The same field under ``name``, with ``old`` in its words written ``new``."""
        text = self._text if not old else (lambda: self.text.replace(old, new))
        return Field(name, self.weight, text)

    def _key(self) -> tuple[str, float, str]:
        return (self.name, self.weight, self.text)

    def __eq__(self, other: object) -> bool:
        return self._key() == other._key() if isinstance(other, Field) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Field(name={self.name!r}, weight={self.weight!r}, text={self.text!r})"

    def __reduce__(self) -> tuple[type[Field], tuple[str, float, str]]:
        return (Field, self._key())


# Not frozen: a frozen class's __init__ sets each field through object.__setattr__, several
# times slower to build, and several are built per claim. Nothing assigns to one after.
@dataclass(slots=True, unsafe_hash=True)
class Evidence:
    """The fields of one candidate pair and their total match weight (-inf when vetoed)."""

    weight: float
    fields: tuple[Field, ...]
    veto: str | None = None

    @property
    def vetoed(self) -> bool:
        """True when a field ruled the pair out."""
        return self.veto is not None

    def describe(self) -> str:
        """The fields in words, strongest first, then the match weight."""
        if self.veto is not None:
            return f"not the same fact: {self.veto}"
        shown = sorted(self.fields, key=lambda f: -abs(f.weight))
        body = "; ".join(f.text for f in shown if f.text)
        return f"{body} (match weight {self.weight:.1f})"


def restates(a: Frame, b: Frame) -> bool:
    """True when one figure restates the other right beside it in one sentence."""
    first, second = (a.claim, b.claim) if a.claim.start <= b.claim.start else (b.claim, a.claim)
    if a.sentence_key != b.sentence_key:
        return False
    gap = first.sentence[first.end - first.sentence_start : second.start - first.sentence_start]
    return len(gap) <= 24 and _RESTATE.fullmatch(gap) is not None


def _near(f: Frame, word: str) -> float:
    """How close ``word`` (a measure or qualifier, or its root) stands to the figure of ``f``."""
    return max(f.local.get(word, 0.0), f.local.get(root(word), 0.0))


def _exclusive(ma: str, mb: str) -> bool:
    aw = align_words()
    if ma in aw.self_only or mb in aw.self_only:
        return True
    return any(ma in g and mb in g for g in aw.exclusive)


def _same_concept(a: Frame, b: Frame) -> str | None:
    """The concept both figures name in different words ("31 protesters arrested", "31
    demonstrators detained": arrests), when it says what is counted; None otherwise. Sums of
    money are left out: their concepts (cost, revenue) cover many different sums."""
    ca = a.claim.concept
    if not ca or ca != b.claim.concept or _money(a) or ca in align_words().generic_measures:
        return None
    return None if ca in align_words().self_only else ca


def _events_differ(a: Frame, b: Frame) -> str | None:
    """The two figures' events when no one fact can be both ("arrested" and "injured" fans)."""
    ca, cb = a.claim.concept, b.claim.concept
    if not (ca and cb) or ca == cb:
        return None
    events = align_words().person_events
    na, nb = " ".join(words(ca)), " ".join(words(cb))
    if na != nb and na in events and nb in events:
        return f"different events: {ca} vs {cb}"
    return None


def _money(f: Frame) -> bool:
    """A sum in one currency (not a rate such as GBP per month)."""
    return f.dimension is not None and f.dimension.startswith("[currency_") and " " not in f.dimension


def _units(a: Frame, b: Frame) -> str:
    ua, ub = a.claim.unit, b.claim.unit
    return f"both in {ua}" if ua == ub else f"in {ua} and {ub}"


def _said(a: Frame, b: Frame, measure: str) -> str:
    sa, sb = a.said_as(measure), b.said_as(measure)
    if sa and sb and sa != sb:
        return f" ({sa} ~ {sb})"
    return f" ({sa or sb})" if (sa or sb) and (sa or sb) != measure else ""


def _measure(a: Frame, b: Frame, w: AlignWeights) -> Field | str:
    ma, mb = a.measure, b.measure
    kinds = {a.measure_from, b.measure_from}
    strong = kinds <= {"concept", "context", "unit"}
    if kinds == {"unit"} and ma == mb:
        aa, ab = a.aspects, b.aspects
        if aa and ab and not aa & ab:
            return f"different measures: {' '.join(sorted(aa))} vs {' '.join(sorted(ab))}"
        aspect = "".join(f", {x}" for x in sorted(aa & ab))
        if a.worded and a.worded == b.worded and a.worded not in align_words().generic_measures:
            return Field("measure", w.measure_agree,
                         lambda: f"same measure: {a.worded}, {ma}{aspect} ({_units(a, b)})")
        if ma in align_words().generic_measures:  # a duration: says little, as without units
            return Field("measure", w.measure_generic,
                         lambda: f"same measure: {ma} ({_units(a, b)})")
        return Field("unit measure", w.measure_unit,
                     lambda: f"same measure: {ma}{aspect} ({_units(a, b)})")
    if ma and mb:
        if ma == mb or (a.measure_words and a.measure_words == b.measure_words):
            if differ := _events_differ(a, b):
                return differ
            agree = w.measure_generic if "generic" in kinds else w.measure_agree
            return Field("measure", agree, lambda: f"same measure: {ma}{_said(a, b, ma)}")
        if a.measure_words & b.measure_words:
            return Field("measure", w.measure_near, lambda: f"measures overlap: {ma} / {mb}")
        if _exclusive(ma, mb) and strong:
            return f"different measures: {ma} vs {mb}"
        if kinds == {"object"} and max(_near(a, mb), _near(b, ma)) < _NEAR:
            return f"different things: {ma} vs {mb}"  # 152 radar sites vs 152 trucks destroyed
        if not strong and (_near(a, mb) >= _NEAR or _near(b, ma) >= _NEAR):
            near, by = (mb, b) if _near(a, mb) >= _NEAR else (ma, a)
            # a generic word ("people") by both figures says little about what they count
            weight = w.measure_generic if by.measure_from == "generic" else w.measure_near
            return Field("measure", weight, lambda: f"measure {near} named by both figures")
        if "generic" in kinds and len(kinds) == 2:
            known = a if b.measure_from == "generic" else b
            return Field("measure", 0.0, lambda: f"measure stated in one only ({known.measure})")
        if (concept := _same_concept(a, b)) is not None:
            return Field("measure", w.measure_concept,
                         lambda: f"same concept: {concept} ({ma} / {mb})")
        return Field("measure", w.measure_disagree if strong else w.measure_unsure,
                     lambda: f"different measures: {ma} vs {mb}")
    known, other = (a, b) if ma else (b, a)
    m = known.measure
    if m is None:
        return Field("measure", 0.0, "measure not stated in either")
    if _near(other, m) >= _NEAR:
        return Field("measure", w.measure_near,
                     lambda: f"measure {m}{_said(a, b, m)} named by both figures")
    if m in align_words().self_only and other.dimension == "[count]":
        return f"a {m} is not a count"
    return Field("measure", 0.0, lambda: f"measure stated in one only ({m})")


# The field of a qualifier of [alignment.qualifiers] on one side only: such a pair may
# corroborate, but never conflicts (the qualified figure may be a part of the other).
ONE_SIDED = "qualifier on one side"


def _qualifiers(a: Frame, b: Frame, w: AlignWeights) -> Field | str | None:
    qa, qb = a.qualifiers, b.qualifiers
    known = align_words().qualifiers
    ka, kb = {known[q] for q in qa if q in known}, {known[q] for q in qb if q in known}
    if qa and qb:
        if qa == qb:
            return Field("qualifiers", w.qualifiers_agree,
                         lambda: f"same qualifiers: {' '.join(sorted(qa))}")
        if ka and kb and not ka & kb:
            return f"different qualifiers: {' '.join(sorted(ka))} vs {' '.join(sorted(kb))}"
        if not qa & qb:
            return Field("qualifiers", w.qualifiers_unsure,
                         lambda: f"different qualifiers: {' '.join(sorted(qa))} vs "
                                 f"{' '.join(sorted(qb))}")
        return Field("qualifiers", 0.0, "qualifiers overlap")
    if not qa and not qb:
        return None
    q, other = (qa, b) if qa else (qb, a)
    if all(_near(other, x) >= _NEAR for x in q):
        return Field("qualifiers", 0.0,
                     lambda: f"qualifier {' '.join(sorted(q))} near both figures")
    if ka | kb:  # a part or a variant of the other's measure (civilians of the dead, youth)
        return Field(ONE_SIDED, w.qualifiers_one_sided,
                     lambda: f"only one is qualified: {' '.join(sorted(q))}")
    return Field("qualifiers", w.qualifiers_unsure,
                 lambda: f"only one is qualified: {' '.join(sorted(q))}")


def _names_meet(x: frozenset[str], y: frozenset[str]) -> bool:
    if x & y:
        return True
    # "Sorvenia" and "Sorvenian", "Carvonia's" and "Carvonian": the same name with an ending.
    return any(len(p) >= 5 and len(q) >= 5 and p[:5] == q[:5] for p in x for q in y)


def _named_inside(f: Frame) -> bool:
    """The subject is the claim's own and written inside its sentence, not as its first word
    (where any capitalised word may pass for a name)."""
    c = f.claim
    if f.subject_inherited or not c.subject:
        return False
    at = c.sentence.find(c.subject)
    return at > 0


def _subject(a: Frame, b: Frame, w: AlignWeights) -> Field | str:
    sa, sb = a.subject, b.subject
    same_doc = a.claim.doc_id == b.claim.doc_id
    if sa and sb:
        if _names_meet(sa, sb):
            return Field("subject", w.subject_agree, lambda: f"same subject: {a.claim.subject}")
        if not same_doc and (sa <= b.mentions or sb <= a.mentions):
            return Field("subject", w.subject_mentioned,
                         lambda: f"subjects {a.claim.subject} / {b.claim.subject} both mentioned")
        if _named_inside(a) and _named_inside(b):
            return f"different subjects: {a.claim.subject} vs {b.claim.subject}"
        return Field("subject", w.subject_disagree,
                     lambda: f"different subjects: {a.claim.subject} vs {b.claim.subject}")
    if not sa and not sb:
        return Field("subject", 0.0, "subject not stated in either")
    s, known, other = (sa, a, b) if sa else (sb, b, a)
    if not same_doc and s <= other.mentions:
        return Field("subject", w.subject_mentioned,
                     lambda: f"subject {known.claim.subject} mentioned in both documents")
    return Field("subject", 0.0, lambda: f"subject stated in one only ({known.claim.subject})")


def _period(a: Frame, b: Frame, w: AlignWeights, strict: bool = False) -> Field | str | None:
    pa, pb = a.period, b.period
    if pa is None or pb is None:
        if strict and (pa is not None or pb is not None):
            return "a period stated in one only (strict periods)"
        return None
    if pa.same(pb):
        return Field("period", w.period_agree, lambda: f"same period: {pa.text}")
    if pa.overlaps(pb):
        return Field("period", w.period_overlap,
                     lambda: f"overlapping periods: {pa.text} / {pb.text}")
    return f"different periods: {pa.text} vs {pb.text}"


def _read_as_change(f: Frame) -> bool:
    return f.role == "change" or f.change_cue >= _CUE_STRONG


def _role(a: Frame, b: Frame, w: AlignWeights) -> Field | str | None:
    ca, cb = _read_as_change(a), _read_as_change(b)
    if ca != cb:
        level = b if ca else a
        if level.change_cue >= _NEAR:
            return Field("role", w.role_unsure, "a change vs a level with a change word")
        return "a change vs a level"
    if a.role != b.role:
        return Field("role", 0.0, "both changes (one read from a word like 'more than')")
    if a.base != b.base and not ca:
        return Field("role", w.role_base, "an earlier level (a change's starting point) vs a level")
    if a.base and b.base:
        return Field("role", w.role_agree, "both the earlier level a change starts from")
    if a.role == "change":
        if a.claim.change != b.claim.change:
            return f"changes in opposite directions ({a.claim.change} vs {b.claim.change})"
        return Field("role", w.role_agree, lambda: f"both a {a.claim.change}")
    return None


def _whole(a: Frame, b: Frame, w: AlignWeights) -> Field | None:
    wa, wb = a.claim.whole, b.claim.whole
    if wa is not None and wb is not None and wa == wb:
        return Field("whole", w.whole_agree, lambda: f"parts of the same whole ({wa:g})")
    return None


def _source(a: Frame, b: Frame, w: AlignWeights) -> Field | None:
    if a.source and b.source and _names_meet(a.source, b.source):
        return Field("source", w.source_agree, lambda: f"same source: {a.claim.source}")
    return None


def _words(a: Frame, b: Frame, idf: Callable[[str], float], w: AlignWeights,
           skip: frozenset[str]) -> Field | None:
    la, lb = a.local, b.local
    # in order of weight, then word: the words' order in either frame does not matter
    shared = [(idf(word) * min(la[word], lb[word]) * w.words_scale, word)
              for word in la.keys() & lb.keys() if word not in skip]
    if not shared:
        return None
    shared.sort(reverse=True)
    total = min(w.words_cap, sum(s for s, _ in shared))

    def text() -> str:
        top = ", ".join(dict.fromkeys(a.said.get(word, word) for s, word in shared[:4] if s >= 0.3))
        return f"shared words: {top}" if top else ""

    return Field("words", total, text)


def block_prior(n_a: int, n_b: int) -> Field:
    """The prior of a pair across two documents holding ``n_a`` and ``n_b`` figures of its kind.

    At most min(n_a, n_b) of the n_a·n_b pairs state one fact, and about ``restate_rate`` of a
    document's facts are restated by a report of the same events: log2 of those odds, clipped.
    """
    w = align_weights()
    p = min(w.restate_rate * min(n_a, n_b) / (n_a * n_b), 0.999)
    weight = max(w.prior_min, min(w.prior_max, math.log2(p / (1.0 - p))))
    text = _ONLY_OF_KIND if n_a == n_b == 1 else ""
    return Field("prior", weight, text)


def score_pair(a: Frame, b: Frame, idf: Callable[[str], float], *,
               strict_periods: bool = False, prior: Field | None = None) -> Evidence:
    """The evidence that frames ``a`` and ``b`` state the same fact.

    ``idf`` gives a word's rarity weight in the run (see :mod:`figcheck.checking.align`);
    ``strict_periods`` vetoes a pair where only one claim states its period; ``prior`` replaces
    the fixed ``prior`` weight (see :func:`block_prior`).
    """
    w = align_weights()
    out: list[Field] = [prior] if prior is not None else []

    def vetoed(reason: str) -> Evidence:
        return Evidence(-math.inf, tuple(out), reason)

    if a.dimension is None or a.dimension != b.dimension:
        if not (_money(a) and _money(b)):
            return vetoed("different kinds of quantity")
        # one fact may be stated in two currencies; checking.currencies compares their rate
        out.append(Field("unit", 0.0, lambda: f"amounts in {a.claim.unit} and {b.claim.unit}"))
    if a.per is not None and b.per is not None and a.per != b.per:
        return vetoed(f"a sum per {a.per} vs a sum per {b.per}")
    if a.claim.doc_id == b.claim.doc_id:
        if a.sentence_key == b.sentence_key:
            if not restates(a, b):
                return vetoed("two figures of one sentence")
            out.append(Field("position", w.restated, "restated in the same sentence"))
        elif (a.period is None) != (b.period is None):
            # inside one report, a figure given a year of its own ("in 2019 a quake killed 6")
            # is about another time than the figures of the event it reports
            return vetoed("a period stated for one figure only, in one document")
        else:
            out.append(Field("position", w.same_document, "in the same document"))
    period = _period(a, b, w, strict_periods)
    if isinstance(period, str):
        return vetoed(period)
    if period is not None:
        out.append(period)
    for check in (_role, _measure, _qualifiers, _subject, _whole, _source):
        result = check(a, b, w)
        if isinstance(result, str):
            return vetoed(result)
        if result is not None:
            out.append(result)
    # The unit names the measure a conflict may rest on only when each document states one figure
    # of its kind and the measure says something (a temperature; not a duration, which any text
    # mentions in passing). Otherwise it still weighs for the pair, as a kind of measure.
    if any(f.name == "unit measure" for f in out):
        names = (prior is not None and prior.text == _ONLY_OF_KIND
                 and a.measure not in align_words().generic_measures)
        out = [(f.renamed("measure") if names else
                f.renamed("unit", "same measure", "same kind of measure"))
               if f.name == "unit measure" else f for f in out]
    agreed = {f.name for f in out if f.weight > 0}
    skip = frozenset()
    if "measure" in agreed:
        skip |= {x for m in (a.measure, b.measure) if m for x in (m, root(m))}
    if "subject" in agreed:
        skip |= a.subject | b.subject
    if (words_field := _words(a, b, idf, w, skip)) is not None:
        out.append(words_field)
    total = (0.0 if prior is not None else w.prior) + sum(f.weight for f in out)
    return Evidence(total, tuple(out))
