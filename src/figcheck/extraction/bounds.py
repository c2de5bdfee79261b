"""Hedges, intervals and change words: how the words around a figure bound it.

``claim_of`` turns a Figure into the scanner's Claim: the hedge left or right
of it ("nearly", "or more") sets the bound, the figure's rounding or the hedge's
tolerance sets the interval, and a change word ("rose by", "a 5% rise") marks a
movement rather than a level.
"""

from __future__ import annotations

import math
from typing import Final

from ..claims import CLAIM_FIELDS, Bound, Change, Claim, Kind
from ..lexicon.scanner import Hedge
from .figure import Figure
from .patterns import Grammar
from .tokens import OPENERS, tail

__all__ = ["change_before", "claim_of", "hedge_before", "moved_before", "range_claim"]


def hedge_before(g: Grammar, text: str, s: int) -> tuple[Hedge, int] | None:
    """The hedge phrase ending right before ``s`` (spaces allowed) and where it starts."""
    toks = tail(text, s)
    if not toks:
        return None
    # every phrase looked up below ends with the nearest token (its first token cut at a
    # dash and stripped of an opening quote when it is the only one): most figures have
    # no hedge, and are done here
    last = toks[-1][1]
    most = g.hedge_ends.get(last.lower())
    if most is None:
        if "—" not in last and "–" not in last and last[0] not in OPENERS:
            return None  # what is cut off below is nothing: the same word
        rest = last[max(last.rfind("—"), last.rfind("–")) + 1 :].lstrip(OPENERS)
        if rest.lower() not in g.hedge_ends:
            return None
        most = 1  # a longer phrase would end with the whole token
    hedges = g.lex.hedges_before
    words = [t for _, t in toks]
    # a key of k tokens has k words: no longer than the longest phrase with this last word
    for k in range(min(len(toks), most), 0, -1):
        start, first = toks[-k]
        # "homes—nearly 4,000": a dash glued between words opens a new phrase
        cut = max(first.rfind("—"), first.rfind("–")) + 1
        rest = first[cut:]
        skip = cut + len(rest) - len(rest.lstrip(OPENERS))
        key = " ".join(words[-k:])[skip:].lower()
        hedge = hedges.get(key)
        if hedge is not None:
            if key == "up to" and len(toks) > k and _moves(g, toks[-k - 1][1]):
                return None  # "edged back up to 4.8%": a movement, not a bound
            return hedge, start + skip
    return None


def _moves(g: Grammar, word: str) -> bool:
    """True for a word that makes "up to" a movement ("back", "went", "climbed")."""
    w = word.lower()
    return w == "back" or w.endswith("ing") or w in g.lex.change_verbs


def change_before(g: Grammar, text: str, s: int, verbs_only: bool = False) -> str | None:
    """ "rose (by)", "an increase of", "up" right before ``s``: the direction, or None."""
    lex = g.lex
    toks = tail(text, s, 3)
    # every phrase looked up below ends with the nearest word: most figures have none
    if not toks or toks[-1][1].lower() not in g.change_ends or toks[-1][1][-1] in ",;:.)":
        return None
    words = [t.lower() for _, t in toks]
    last = words[-1]
    if last == "of" and len(words) >= 2:
        return None if verbs_only else lex.change_nouns.get(words[-2])
    if last == "by":
        words = words[:-1]
        if not words:
            return None
        last = words[-1]
        if last not in lex.change_verbs and last[-1:].isalpha():
            return _verb_before_object(g, text, s)
    if len(words) >= 2 and f"{words[-2]} {last}" in lex.change_verbs:
        return lex.change_verbs[f"{words[-2]} {last}"]
    if last in lex.change_adverbs and len(words) >= 2 and words[-2] in g.rules.adverb_not_after:
        return None  # "made up 18%", "broken down 40%": a phrasal verb, not a change
    return lex.change_verbs.get(last) or lex.change_adverbs.get(last)


_OBJECT_REACH: Final = 5  # words of an object between a change verb and "by": "cut its key rate by"


def _verb_before_object(g: Grammar, text: str, s: int) -> str | None:
    """ "cut its key rate by 0.5 points": the direction of a change verb a few plain words
    before the "by" that ends right before ``s``, or None."""
    words = text[max(0, s - 80) : s].lower().split()[:-1]  # without "by"
    for k in range(1, min(_OBJECT_REACH, len(words)) + 1):
        word = words[-k]
        direction = g.lex.change_verbs.get(word)
        if direction is not None:
            return direction if k > 1 else None
        if (not word.replace("'", "").replace("’", "").isalpha() or word in g.rules.object_stops
                or word.endswith("ed")):
            return None  # punctuation, a clause word or a participle: "by" is not the verb's
    return None


def moved_before(g: Grammar, text: str, s: int) -> bool:
    """True when a verb of movement leads up to "from" at ``s`` ("prices went up from")."""
    if change_before(g, text, s):
        return True
    lex = g.lex
    # "rose 3%", "up 4.1%" (an adverb of change) before "from 2.2 million to 2.3 million"
    return any(
        w in lex.change_verbs or w in lex.movement_verbs or w in lex.change_adverbs
        for w in (t.lower() for _, t in tail(text, s, 4))
    )


def _change(g: Grammar, text: str, start: int, end: int) -> Change | None:
    """A change ("rose by 2%", "a 5% rise") around text[start:end], or None for a level."""
    direction = change_before(g, text, start)
    if direction is None:
        rm = g.lex.change_right_re.match(text, end)
        if rm is not None:
            direction = g.lex.change_nouns[rm.group("n").lower()]
    return None if direction is None else Change(direction)


def _interval(
    g: Grammar, v: float, rounding: float, unit: str, hedge: Hedge | None
) -> tuple[float, float]:
    """The (low, high) a figure ``v`` allows, from its rounding or its hedge's tolerance."""
    r = abs(rounding)
    if hedge is None:
        return v - r, v + r
    t = g.tol[hedge.family] if hedge.family else None
    floor = 0.0 if v >= 0 and unit not in ("degree_Celsius", "degree_Fahrenheit") else -math.inf
    b = hedge.bound
    low, high = v - r, v + r
    # A hedge states the figure's looseness itself, so its tolerance replaces rounding.
    if b == Bound.APPROX:
        t = t or 0.0
        a, c = v * (1 - t), v * (1 + t)
        low, high = min(a, c), max(a, c)
    elif b == Bound.ALMOST:
        t = t or 0.0
        low, high = min(v * (1 - t), v * (1 + t)), v
    elif b in (Bound.GT, Bound.GE):
        low = v
        high = max(v * (1 + t), v) if t is not None else math.inf
    elif b in (Bound.LT, Bound.LE):
        low = min(floor, v)
        high = v
    return min(low, v), max(high, v)


# Rules named after how the figure is written ("digits_single", "words_from").
_SOURCE_RULES: Final = frozenset(("single", "from"))


def claim_of(
    g: Grammar,
    text: str,
    fig: Figure,
    rule: str,
    end: int | None = None,
    *,
    kind: Kind | None = None,
    unit: str | None = None,
    whole: float | None = None,
    subject: str | None = None,
) -> Claim:
    """The Claim for ``fig`` (to ``end`` if given), with its hedge, interval and change.

    ``kind``, ``unit``, ``whole`` and ``subject`` override what the figure says
    (a part of a whole takes its whole's unit and the whole's possessor). The
    claim's document, sentence, location and context fields are left for
    ``extract`` to fill.
    """
    start, stop = fig.start, fig.end if end is None else end
    found = hedge_before(g, text, start)
    hedge: Hedge | None = None
    if found is not None:
        hedge, at = found
        if hedge.phrase == "some" and fig.kind == Kind.PROPORTION:
            hedge = None
        else:
            start = at
    am = g.lex.hedge_after_re.match(text, stop)
    if am is not None and hedge is None:
        hedge = g.lex.hedges_after[am.group("h").lower()]
        stop = am.end("h")
    low, high = _interval(g, fig.value, fig.rounding, fig.unit, hedge)
    return _claim(
        text,
        start,
        stop,
        kind=fig.kind if kind is None else kind,
        value=fig.value,
        low=low,
        high=high,
        unit=fig.unit if unit is None else unit,
        bound=Bound.EQ if hedge is None else hedge.bound,
        rule=f"{fig.source}_{rule}" if rule in _SOURCE_RULES else rule,
        whole=whole,
        change=_change(g, text, start, stop),
        hedge=None if hedge is None else hedge.phrase,
        subject=subject,
    )


def range_claim(
    g: Grammar,
    text: str,
    start: int,
    end: int,
    low: float,
    high: float,
    unit: str,
    rule: str,
    *,
    changes: bool = True,
) -> Claim:
    """A range claim over text[start:end] ("3 to 5 million").

    With ``changes``, a change word around it ("rose 3-5%") marks it as a change.
    """
    return _claim(
        text,
        start,
        end,
        kind=Kind.RANGE,
        value=(low + high) / 2,
        low=low,
        high=high,
        unit=unit,
        bound=Bound.RANGE,
        rule=rule,
        change=_change(g, text, start, end) if changes else None,
    )


def _claim(
    text: str,
    start: int,
    end: int,
    *,
    kind: Kind,
    value: float,
    low: float,
    high: float,
    unit: str,
    bound: Bound,
    rule: str,
    whole: float | None = None,
    change: Change | None = None,
    hedge: str | None = None,
    subject: str | None = None,
) -> Claim:
    """A Claim with the scanner's fields; document, sentence and location are placeholders.

    The scanner's values nearly always have their fields' types and pass Claim's checks;
    such a claim is made without pydantic's validation (it lives only until ``extract``
    completes it). Anything else goes through ``Claim(...)``, which converts or raises.
    """
    span = text[start:end]
    if (
        type(value) is float
        and type(low) is float
        and type(high) is float
        and (whole is None or type(whole) is float)
        and type(kind) is Kind
        and type(bound) is Bound
        and (change is None or type(change) is Change)
        and type(unit) is str
        and type(rule) is str
        and (hedge is None or type(hedge) is str)
        and (subject is None or type(subject) is str)
        and type(start) is int
        and type(end) is int
        and start >= 0
        and end - start == len(span)
        and low <= value <= high  # False for a NaN
        and math.isfinite(value)
        and (whole is None or math.isfinite(whole))
    ):
        # a copy of a template and the fields that differ: about half the instructions of a
        # 28-key dict display (measured)
        fields = _TEMPLATE.copy()
        fields["start"] = fields["sentence_start"] = start
        fields["end"] = fields["sentence_end"] = end
        fields["text"] = span
        fields["kind"] = kind
        fields["value"] = value
        fields["low"] = low
        fields["high"] = high
        fields["unit"] = unit
        fields["bound"] = bound
        fields["whole"] = whole
        fields["change"] = change
        fields["subject"] = subject
        fields["hedge"] = hedge
        fields["rule"] = rule
        claim = _NEW(Claim)
        _SET(claim, "__dict__", fields)
        _SET(claim, "__pydantic_fields_set__", _SCANNED)
        _SET(claim, "__pydantic_extra__", None)
        _SET(claim, "__pydantic_private__", None)
        return claim
    return Claim(
        doc_id="",
        start=start,
        end=end,
        text=span,
        sentence="",
        sentence_start=start,
        sentence_end=end,
        line=0,
        column=0,
        kind=kind,
        value=value,
        low=low,
        high=high,
        unit=unit,
        bound=bound,
        rule=rule,
        whole=whole,
        change=change,
        hedge=hedge,
        subject=subject,
    )


_NEW: Final = Claim.__new__
_SET: Final = object.__setattr__
# every field of a scanned claim, in the model's order; _claim copies it and sets what differs
_TEMPLATE: Final[dict[str, object]] = {
    "doc_id": "", "start": 0, "end": 0, "text": "", "sentence": "", "sentence_start": 0,
    "sentence_end": 0, "line": 0, "column": 0, "kind": Kind.COUNT, "value": 0.0, "low": 0.0,
    "high": 0.0, "unit": "", "bound": Bound.EQ, "whole": None, "change": None, "noun": None,
    "subject": None, "concept": None, "period": None, "source": None, "hedge": None, "rule": "",
    "measure": None, "qualifiers": (), "subject_inherited": False, "holder": None,
}  # fmt: skip
# the fields the scanner sets (one shared set: pydantic copies it before changing it)
_SCANNED: Final = set(CLAIM_FIELDS) - {
    "noun", "concept", "period", "source", "measure", "qualifiers", "subject_inherited", "holder"
}
