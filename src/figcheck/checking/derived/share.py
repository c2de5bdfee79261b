"""``share_mismatch``: a stated percentage against the count and the whole it summarises, when
they are spread over clauses or sentences.

"The district has 1,200 schools. Of these, 340 were damaged — almost 30 percent.":
``100 × part / whole`` over ``[100 × part.lo / whole.hi, 100 × part.hi / whole.lo]`` must meet
the stated share (its rounding, or its hedge: "almost 30 percent" is 27–30 %).

The part is a figure next to the share in its sentence (at most ``_NEAR`` characters apart). The
whole is a figure the text points back at: an anaphor ("of them", "Of these", "of the total";
``data/derived.toml``), a noun repeated from the whole ("of last year's passengers"), or an
apposition right after the part ("12,300 residents, or 24 percent"). A share with a whole of
its own ("21 percent of hospital workers", "nationally") is not a share of these figures. When
several earlier figures could be the whole, the share is a mismatch only if none fits.

The adjacent case "123 of 152 (91%)" stays ``stated_share_mismatch`` (claim level): a share
right after a part-of-whole figure is left to it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ...claims import Claim, Kind
from ...findings import CheckId, Corroboration, Finding
from ...regex_cache import compile_pattern
from ..intervals import Interval
from .arith import Reading, corroboration, evaluate, finding, ratio
from .change import is_stated_change
from .figures import fraction_shares
from .rules import rules
from .view import DocView

__all__ = ["check_shares"]

# Most characters between a share and the figure it summarises ("9,650 of those sales, almost").
_NEAR = 45
_OF_PHRASE = compile_pattern(r"\s*of\s+((?:[\w'’-]+\s*){1,4})", re.IGNORECASE)
_WORD = compile_pattern(r"[a-z]+")


def _is_share(view: DocView, c: Claim) -> bool:
    return (c.unit == "percent" and c.kind == Kind.PROPORTION and not is_stated_change(view, c)
            and not rules().point_words.search(c.text))


def _nouns(view: DocView, before: int) -> set[str]:
    """The nouns of the figures in the two sentences before offset ``before``."""
    out: set[str] = set()
    si = view.sentence_index(before)
    for c in view.claims_between(view.sentences[max(0, si - 2)][0], before):
        if c.noun:
            out.update(w.rstrip("s") for w in _WORD.findall(c.noun.casefold()))
    return out


def _whole_reference(view: DocView, share: Claim, parts: list[Claim]) -> str | None:
    """How the text points back at an earlier whole ("anaphor", "noun", "apposition"), or None
    when the share names a whole of its own or none."""
    r = rules()
    s, e = share.sentence_start, share.sentence_end
    sentence = view.text[s:e]
    if r.scope_breaks.search(view.text[s:share.start]):
        return None
    after = _OF_PHRASE.match(view.text, share.end, e)
    spots = [after] + [_OF_PHRASE.match(view.text, p.end, e) for p in parts]
    nouns = _nouns(view, s)
    for m in spots:
        if m is None:
            continue
        phrase = "of " + m.group(1)
        if r.share_anaphors.match(phrase) or r.sum_anaphors.match(phrase):
            return "anaphor"
        words = {w.rstrip("s") for w in _WORD.findall(m.group(1).casefold())}
        if words & (nouns | {w.rstrip("s") for w in r.generic_wholes}):
            return "noun"
        if m is after:
            return None  # "21 percent of hospital workers": a whole of its own
    if re.match(r"\W*(?:of\s+(?:these|those|them|this|that|which|whom))\b", sentence,
                re.IGNORECASE) or r.sum_anaphors.search(sentence):
        return "anaphor"
    for p in parts:
        gap = view.text[p.end:share.start] if p.end <= share.start else ""
        if gap and len(gap) <= 30 and re.fullmatch(r"[\w\s]*?,\s*(?:or|a|an|some)?[\w\s]*", gap):
            return "apposition"
    return None


def _parts(view: DocView, share: Claim) -> list[Claim]:
    si = view.sentence_index(share.start)
    out = []
    for c in view.claims_in(si):
        if c is share or c.unit == "percent" or c.kind in (Kind.DURATION, Kind.RANGE):
            continue
        if is_stated_change(view, c):
            continue
        gap = share.start - c.end if c.end <= share.start else c.start - share.end
        if 0 <= gap <= _NEAR:
            out.append(c)
    return out


def _wholes(view: DocView, share: Claim, parts: list[Claim]) -> list[Claim]:
    si = view.sentence_index(share.start)
    first = min(p.start for p in parts)
    units = {p.unit.split("/")[0].strip() for p in parts}
    pool = view.claims_in(si - 1) if si > 0 else []
    pool = pool + [c for c in view.claims_in(si) if c.end <= first]
    return [c for c in pool if c.unit.split("/")[0].strip() in units and c not in parts
            and c.unit != "percent" and not is_stated_change(view, c)
            and c.kind not in (Kind.DURATION, Kind.RANGE)]


def _relation(share: Claim, part: Claim, whole: Claim):
    def rel(reading: Reading) -> tuple[Interval, Interval]:
        q = ratio(reading(part), reading(whole))
        return reading(share), Interval(100 * q.low, 100 * q.high)
    return rel


def check_shares(view: DocView, tolerances: Mapping[str, float] | None = None
                 ) -> tuple[list[Finding], list[Corroboration]]:
    """``share_mismatch`` findings, and corroborations for the shares that hold."""
    findings: list[Finding] = []
    agree: list[Corroboration] = []
    shares = sorted([*view.claims, *fraction_shares(view, tolerances)], key=lambda c: c.start)
    for share in shares:
        if not _is_share(view, share):
            continue
        prev = [c for c in view.claims_between(share.sentence_start, share.start)
                if c.end <= share.start]
        if prev and prev[-1].kind == Kind.PART_OF_WHOLE:
            continue  # "123 of 152 (91%)": stated_share_mismatch
        parts = _parts(view, share)
        if not parts:
            continue
        how = _whole_reference(view, share, parts)
        if how is None:
            continue
        pairs = [(p, w) for p in parts for w in _wholes(view, share, parts)
                 if w.high >= p.low and w.unit.split("/")[0] == p.unit.split("/")[0]]
        if not pairs:
            continue
        results = [(evaluate(_relation(share, p, w)), p, w) for p, w in pairs]
        held = [x for x in results if x[0].holds]
        # A failing share is reported against the largest whole (a list's siblings are
        # smaller than its total), and the part nearest to the share.
        out, part, whole = held[0] if held else max(
            results, key=lambda x: (x[2].value, -abs(x[1].start - share.start)))
        text = (f"{part.text} / {whole.text} = {out.computed.describe('percent')}; "
                f"{share.text!r} states {out.stated.describe('percent')} (whole found by "
                f"{how})")
        claims = [share, part, whole]
        if held:
            agree.append(corroboration(CheckId.SHARE_MISMATCH, out, claims, "percent", text))
        else:
            alt = "" if len(results) == 1 else f"; none of {len(results)} readings of part and whole fits"
            findings.append(finding(
                CheckId.SHARE_MISMATCH, out, claims, "percent",
                f"stated share does not fit the counts it summarises: {text}{alt}",
                f"part {part.text!r}, whole {whole.text!r} read with their rounding and hedges",
            ))
    return findings, agree
