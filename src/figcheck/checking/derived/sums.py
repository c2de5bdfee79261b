"""``sum_mismatch``: parts that the text says make up a whole, against the whole.

The parts must be said to be the whole: an exhaustive cue ("the rest", "the remaining", "the
other", "all", "split between", "breaks down into", "final results", ...; ``data/derived.toml``)
or a list after a colon or a dash that follows a total ("killed 214 people: 131 in ... and 83 in
..."). Then ``Σ parts`` over ``[Σ lo, Σ hi]`` must meet the total; shares of such a partition are
held against 100 %, so *n* parts rounded to whole percents may miss it by *n* × 0.5 points.
Overlapping sub-totals with no such cue ("312 had damp and 207 faulty wiring") are not a sum.

The total: the figure before a split phrase or a colon, the figure an opener introduces ("Of
the 36 crew", "All 130 seats", "A total of 3,216"), or, when the parts point back at it ("of
them", "Of these"), the last figure of the same unit in the sentence before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...claims import Claim, Kind
from ...findings import CheckId, Corroboration, Finding
from ...regex_cache import compile_pattern
from ..intervals import Interval
from .arith import Reading, add, corroboration, evaluate, finding
from .change import is_stated_change
from .figures import list_items
from .rules import rules, within
from .view import DocView

__all__ = ["check_sums"]

_LIST_MARK = compile_pattern(r":|—|–")
# Cues that name a remainder ("the rest", "the other seven") must be followed by its figure
# within this many characters; "and the rest on the exchange" states no remainder.
_REMAINDER_REACH = 14
_REMAINDER = compile_pattern(r"the\s+(?:rest|remaining|remainder|others?)\b", re.IGNORECASE)
_HUNDRED = Interval(100.0, 100.0)


def _unit(c: Claim) -> str:
    return c.unit.split("/")[0].strip()


def _usable(view: DocView, c: Claim) -> bool:
    return c.kind not in (Kind.DURATION, Kind.RANGE) and not is_stated_change(view, c)


def _opener_total(view: DocView, si: int) -> Claim | None:
    """The figure an opener ("Of the 36", "All 130", "A total of 3,216") introduces in sentence si."""
    s, _ = view.sentences[si]
    for c in view.claims_in(si):
        lead = view.text[s:c.start]
        if len(lead) > 40:
            break
        if within(rules().total_openers, r"\W*", r"\s+(?:the\s+)?").fullmatch(lead):
            return c
    return None


def _parts_in(view: DocView, start: int, end: int, unit: str, exclude: Claim | None) -> list[Claim]:
    claims = [c for c in view.claims_between(start, end) if c is not exclude
              and _usable(view, c) and _unit(c) == unit]
    if unit == "count":
        claims += list_items(view, start, end)
    return sorted(claims, key=lambda c: c.start)


def _groups(view: DocView, si: int) -> list[tuple[Claim | None, list[Claim], str]]:
    """(total or None for a partition of 100 %, parts, the cue) found in sentence si."""
    s, e = view.sentences[si]
    sentence = view.text[s:e]
    r = rules()
    out: list[tuple[Claim | None, list[Claim], str]] = []
    claims = [c for c in view.claims_in(si) if _usable(view, c)]
    if not claims or (len(claims) < 2 and not r.sum_anaphors.search(sentence)):
        return out
    # A total, then a colon or a dash, then the parts.
    for m in _LIST_MARK.finditer(sentence):
        cut = s + m.start()
        before = [c for c in claims if c.end <= cut]
        if not before:
            continue
        total = before[-1]
        if total.value <= 0:
            continue
        close = _LIST_MARK.search(sentence, m.end())
        stop = s + close.start() if close else e
        parts = _parts_in(view, s + m.end(), stop, _unit(total), total)
        if len(parts) >= 2 and not view.text[total.end:cut].count(","):
            out.append((total, parts, "a list after a total"))
            return out
    # A split phrase between a total and its parts.
    m = r.splits.search(sentence)
    if m:
        before = [c for c in claims if c.end <= s + m.start()]
        if before:
            total = before[-1]
            parts = _parts_in(view, s + m.end(), e, _unit(total), total)
            if len(parts) >= 2:
                return [(total, parts, m.group(0))]
    m = r.exhaustive.search(sentence)
    if not m:
        return out
    cue = re.sub(r"\s+", " ", m.group(0).casefold())
    if cue == "all" and sentence[:m.start()].strip(" \t\"'“‘("):
        m = next((x for x in r.exhaustive.finditer(sentence) if x.group(0).casefold() != "all"),
                 None)
        if m is None:
            return out  # "46 per cent of all adults": "all" makes a whole only opening a sentence
        cue = re.sub(r"\s+", " ", m.group(0).casefold())
    if _REMAINDER.fullmatch(cue) and not any(
            0 <= c.start - (s + m.end()) <= _REMAINDER_REACH for c in claims):
        return out
    total = _opener_total(view, si)
    shares = [c for c in claims if c.unit == "percent" and c is not total]
    if len(shares) >= 2 and (total is None or total.unit != "percent"):
        return [(None, shares, cue)]
    if cue == "all" and total is not None and total.end > s + m.end() + 12:
        return out  # "all" must introduce the total itself ("All 130 seats")
    if total is None and si > 0 and r.sum_anaphors.search(sentence):
        prev = view.claims_in(si - 1)
        units = {_unit(c) for c in claims}
        same = [c for c in prev if _usable(view, c) and _unit(c) in units]
        total = same[-1] if same else None
    if total is None:
        return out
    parts = _parts_in(view, s, e, _unit(total), total)
    parts = [p for p in parts if p.start > total.start or total.start < s]
    if len(parts) >= 2:
        out.append((total, parts, cue))
    return out


def _all_opener(view: DocView, si: int) -> tuple[Claim, list[Claim]] | None:
    """"All 130 seats have been declared." followed by a sentence listing the parts."""
    total = _opener_total(view, si)
    if total is None or si + 1 >= len(view.sentences):
        return None
    s, _ = view.sentences[si]
    if not re.match(r"\W*all\b", view.text[s:total.start], re.IGNORECASE):
        return None
    if len(view.claims_in(si)) != 1:
        return None
    ns, ne = view.sentences[si + 1]
    parts = _parts_in(view, ns, ne, _unit(total), None)
    return (total, parts) if len(parts) >= 2 else None


def _relation(total: Claim | None, parts: Sequence[Claim]):
    def rel(reading: Reading) -> tuple[Interval, Interval]:
        return (reading(total) if total is not None else _HUNDRED), add([reading(p) for p in parts])
    return rel


def check_sums(view: DocView) -> tuple[list[Finding], list[Corroboration]]:
    """``sum_mismatch`` findings, and corroborations for the sums that hold."""
    findings: list[Finding] = []
    agree: list[Corroboration] = []
    seen: set[int] = set()
    for si in range(len(view.sentences)):
        groups = _groups(view, si)
        if not groups and (got := _all_opener(view, si)) is not None:
            groups = [(got[0], got[1], "all")]
        for total, parts, cue in groups:
            key = total.start if total is not None else -parts[0].start - 1
            if key in seen:
                continue
            seen.add(key)
            out = evaluate(_relation(total, parts))
            unit = total.unit if total is not None else "percent"
            what = " + ".join(p.text for p in parts)
            whole = total.text if total is not None else "100% (shares of one whole)"
            stated = out.stated.describe(unit)
            whole_iv = "" if total is None or stated == total.text.lstrip("$€£") else f" ({stated})"
            text = (f"{what} = {out.computed.describe(unit)} against {whole}{whole_iv}"
                    f"; the text says they make up the whole "
                    f"({cue!r})")
            claims = [total, *parts] if total is not None else list(parts)
            if out.holds:
                agree.append(corroboration(CheckId.SUM_MISMATCH, out, claims, unit, text))
            else:
                verb = "exceed" if out.computed.low > out.stated.high else "fall short of"
                findings.append(finding(
                    CheckId.SUM_MISMATCH, out, claims, unit,
                    f"the parts {verb} the whole they make up: {text}",
                    f"parts read with their rounding and hedges; cue {cue!r}",
                ))
    return findings, agree
