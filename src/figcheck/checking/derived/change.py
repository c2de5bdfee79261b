"""``change_mismatch``: a stated change against the two levels it connects.

"rose 14% to 3.42 million from 3.01 million": relative, ``new / old − 1`` over
``[new.lo / old.hi − 1, new.hi / old.lo − 1]``. "fell by 36,000 to 1.48 million from 1.53
million": absolute, ``new − old``. A change in (percentage) points between two percentages is
absolute; "doubled", "halved" and "a third higher" are ratios. The verb signs the change, so a
change of the right size in the wrong direction is a mismatch.

Which levels: the same-unit figures of the change's clause (no clause break such as "while",
and no other change verb, between them). Cue words before a level ("to", "at" / "from",
"against", "compared with"; ``data/derived.toml``) say which is new and which old; without them
both orderings are tried. A change with one level in its sentence takes the other from the
sentence before or after; when several figures there could be it, the relation is a mismatch
only if none of them fits. A change with no level in its sentence is read against two levels
elsewhere only when their frames name the same measure.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...claims import Change, Claim, Kind
from ...findings import CheckId, Corroboration, Finding
from ...lexicon.scanner import lexicon
from ...formatting import format_number
from ..intervals import Interval
from .arith import Outcome, Reading, corroboration, evaluate, finding, ratio, sub, words
from .figures import fraction_changes, from_to_levels, multiplier_changes
from .rules import phrase_pattern, rules, within
from .view import DocView

__all__ = ["check_changes", "is_stated_change"]

_CUE_WINDOW = 40


@functools.cache
def _change_verbs() -> re.Pattern[str]:
    lex = lexicon()
    return phrase_pattern([*lex.change_verbs, *lex.change_nouns])


def is_stated_change(view: DocView, claim: Claim) -> bool:
    """True for a figure stated as a change ("rose 14%"), not a level or an amount ("made up 9")."""
    if claim.change is None:
        return False
    if claim.rule.startswith("derived_"):
        return True
    before = view.text[max(claim.sentence_start, claim.start - 20):claim.start]
    return not within(rules().not_change, after=r"\s*$").search(before)


def _base_unit(unit: str) -> str:
    return unit.split("/")[0].strip()


@dataclass(frozen=True, eq=False, repr=False)
class _Mode:
    kind: str  # "relative" or "absolute"
    unit: str  # the unit the stated change and the computed one are compared in


def _modes(change: Claim, level: Claim) -> list[_Mode]:
    """How ``change`` can relate two levels like ``level`` (empty: it cannot)."""
    lu = _base_unit(level.unit)
    if change.rule.startswith("derived_"):
        return [_Mode("relative", "percent")]
    points = bool(rules().point_words.search(change.text)) or change.unit == "index_point"
    if lu == "percent":
        if points:
            return [_Mode("absolute", "percent")]
        if change.unit == "percent":
            return [_Mode("relative", "percent"), _Mode("absolute", "percent")]
        return []
    if change.unit == "percent" and not points:
        return [_Mode("relative", "percent")]
    if _base_unit(change.unit) == lu:
        return [_Mode("absolute", lu)]
    return []


def _is_level(view: DocView, change: Claim, c: Claim) -> bool:
    return (c is not change and c.kind not in (Kind.DURATION, Kind.RANGE)
            and not is_stated_change(view, c) and bool(_modes(change, c))
            and not (change.start < c.end and c.start < change.end))


def _restates_a_change(view: DocView, level: Claim) -> bool:
    """"up 17.5 points, or 0.22%": a figure in apposition to a change restates it."""
    before = [c for c in view.claims_between(level.sentence_start, level.start)
              if c.end <= level.start]
    return bool(before) and is_stated_change(view, before[-1]) and bool(
        re.fullmatch(r"\s*,?\s*(?:or|i\.e\.?|that is)\s*", view.text[before[-1].end:level.start]))


def _same_clause(view: DocView, change: Claim, level: Claim) -> bool:
    lo, hi = (change, level) if change.start < level.start else (level, change)
    if any(c is not change and is_stated_change(view, c)
           for c in view.claims_between(lo.end, hi.start)):
        return False  # "A up 9.4% to $84 and B up 4% to $13.60": $84 is A's, not B's
    between = view.text[lo.end:hi.start]
    if hi is change:  # "flew 7.2 million, a rise of 9 percent": the change's own words
        between = within(_change_verbs(), after=r"\W*(?:of|by)?\s*$").sub("", between)
    return not (rules().clause_breaks.search(between) or _change_verbs().search(between)
                or ";" in between)


def _tag(view: DocView, level: Claim, previous_end: int) -> str | None:
    start = max(previous_end, level.sentence_start, level.start - _CUE_WINDOW)
    window = view.text[start:level.start]
    # An old-level cue right before the figure ("up from", "compared with", "when"), at most
    # two words away, so that "rose 6% from a year before in Leeds, 4.1% in York" is no level pair.
    if within(rules().old_cues, after=r"(?:\W+\w+){0,2}\W*$").search(window):
        return "old"
    if within(rules().new_cues, after=r"\W*$").search(window):
        return "new"
    return None


def _tags(view: DocView, levels: Sequence[Claim]) -> dict[int, str | None]:
    out = {}
    for c in levels:
        out[c.start] = _tag(view, c, view.previous_end(c.start))
    return out


def _stated(change: Claim, reading: Reading) -> Interval:
    iv = reading(change)
    if change.rule.startswith("derived_") or change.change != Change.DECREASE:
        return iv
    return Interval(-iv.high, -iv.low)


def _relation(change: Claim, new: Claim, old: Claim, mode: _Mode):
    def rel(reading: Reading) -> tuple[Interval, Interval]:
        if mode.kind == "absolute":
            computed = sub(reading(new), reading(old))
        else:
            r = ratio(reading(new), reading(old))
            computed = Interval(100 * (r.low - 1), 100 * (r.high - 1))
        return _stated(change, reading), computed
    return rel


def _try(change: Claim, orderings: Sequence[tuple[Claim, Claim]]
         ) -> tuple[Outcome, Claim, Claim, _Mode] | None:
    """The first (outcome, new, old, mode) that holds, else the first that fails; None if none."""
    first = None
    for new, old in orderings:
        if _base_unit(new.unit) != _base_unit(old.unit):
            continue
        for mode in _modes(change, new):
            out = evaluate(_relation(change, new, old, mode))
            if out.holds:
                return out, new, old, mode
            first = first or (out, new, old, mode)
    return first


def _orderings(a: Claim, b: Claim, tags: Mapping[int, str | None]) -> list[tuple[Claim, Claim]]:
    ta, tb = tags.get(a.start), tags.get(b.start)
    if ta == "new" and tb != "new" or tb == "old" and ta != "old":
        return [(a, b)]
    if tb == "new" and ta != "new" or ta == "old" and tb != "old":
        return [(b, a)]
    return [(a, b), (b, a)] if a.start > b.start else [(b, a), (a, b)]


def _pick_pair(view: DocView, change: Claim, levels: list[Claim]) -> tuple[Claim, Claim]:
    tags = _tags(view, levels)
    near = sorted(levels, key=lambda c: (c.start < change.start, abs(c.start - change.start)))
    new = next((c for c in near if tags[c.start] == "new"), None)
    old = next((c for c in near if tags[c.start] == "old"), None)
    rest = [c for c in near if c is not new and c is not old]
    new = new or rest.pop(0)
    old = old or rest.pop(0)
    return new, old


def _candidates(view: DocView, change: Claim, level: Claim | None) -> list[Claim]:
    si = view.sentence_index(change.start)
    out = []
    for j in (si - 1, si + 1):
        if 0 <= j < len(view.sentences):
            for c in view.claims_in(j):
                if not _is_level(view, change, c):
                    continue
                if level is not None and (_base_unit(c.unit) != _base_unit(level.unit)
                                          or _frames_differ(c, level)):
                    continue
                if level is None and (change.measure is None or c.measure != change.measure
                                      or _periods(view, c) != _periods(view, change)):
                    continue
                out.append(c)
    return out


def _periods(view: DocView, c: Claim) -> frozenset[str]:
    """The parts of a year a claim's sentence names ("quarter", "march"), besides its own text."""
    text = view.text[c.sentence_start:c.start] + " " + view.text[c.end:c.sentence_end]
    return frozenset(m.group(0).casefold().rstrip("s")
                     for m in rules().period_words.finditer(text))


def _frames_differ(a: Claim, b: Claim) -> bool:
    return bool(a.measure and b.measure and a.measure != b.measure)


def _describe(change: Claim, new: Claim, old: Claim, mode: _Mode, out: Outcome) -> str:
    if change.rule == "derived_multiplier":
        lo, hi = 1 + out.computed.low / 100, 1 + out.computed.high / 100
        slo, shi = 1 + out.stated.low / 100, 1 + out.stated.high / 100
        return (f"{new.text} / {old.text} = {Interval(lo, hi).describe('count')} times; "
                f"{change.text!r} means {Interval(slo, shi).describe('count')} times")
    what = "change in points" if mode.kind == "absolute" and mode.unit == "percent" else (
        "change" if mode.kind == "absolute" else "relative change")
    op = "−" if mode.kind == "absolute" else "/"
    tail = "" if mode.kind == "absolute" else " − 1"
    return (f"{what} from {old.text} to {new.text}: {new.text} {op} {old.text}{tail} = "
            f"{words(out.computed, mode.unit)}; {change.text!r} states "
            f"{words(out.stated, mode.unit)}")


def _orderings_for(view: DocView, change: Claim, inside: list[Claim],
                   outside: list[Claim]) -> list[list[tuple[Claim, Claim]]]:
    """Candidate (new, old) orderings, one list per alternative pair of levels."""
    if len(inside) >= 2:
        new, old = _pick_pair(view, change, inside)
        return [_orderings(new, old, _tags(view, [new, old]))]
    if len(inside) == 1:
        return [_orderings(inside[0], c, _tags(view, [inside[0], c])) for c in outside]
    if len(outside) == 2:
        return [_orderings(outside[0], outside[1], _tags(view, outside))]
    return []


def check_changes(view: DocView, tolerances: Mapping[str, float] | None = None
                  ) -> tuple[list[Finding], list[Corroboration]]:
    """``change_mismatch`` findings, and corroborations for the changes that hold."""
    findings: list[Finding] = []
    agree: list[Corroboration] = []
    changes = [c for c in view.claims if is_stated_change(view, c)]
    changes += multiplier_changes(view, tolerances) + fraction_changes(view, tolerances)
    for change in sorted(changes, key=lambda c: c.start):
        si = view.sentence_index(change.start)
        here = [x for c in view.claims_in(si) for x in (from_to_levels(view, c) or [c])]
        inside = [c for c in here if _is_level(view, change, c)
                  and _same_clause(view, change, c) and not _restates_a_change(view, c)]
        if len(inside) >= 2 and "old" not in _tags(view, inside).values():
            # Two levels in one sentence need a cue for the old one ("from", "against"):
            # "plummeted 40.8% to $2.06, wiping $340 million" is one level and an amount.
            tags = _tags(view, inside)
            inside = sorted(inside, key=lambda c: (tags[c.start] != "new",
                                                   abs(c.start - change.start)))[:1]
        outside = _candidates(view, change, inside[0] if len(inside) == 1 else None) \
            if len(inside) < 2 else []
        best = None
        for orderings in _orderings_for(view, change, inside, outside):
            got = _try(change, orderings)
            if got is None:
                continue
            if got[0].holds:
                best = got
                break
            best = best or got
        if best is None:
            continue
        out, new, old, mode = best
        claims = [change, new, old]
        text = _describe(change, new, old, mode, out)
        # The finding's unit is the stated change's own ("index_point" for "6 points", "EUR /
        # month"), so that reports can read the claim in it; the numbers are on its scale.
        unit = change.unit if mode.kind == "absolute" else "percent"
        if out.holds:
            agree.append(corroboration(CheckId.CHANGE_MISMATCH, out, claims, unit, text))
        else:
            findings.append(finding(
                CheckId.CHANGE_MISMATCH, out, claims, unit,
                f"stated change {change.text!r} does not fit the levels it connects: {text}",
                f"levels {old.text!r} (old) and {new.text!r} (new) read with their rounding "
                f"and hedges; no values inside them give {format_number(change.value)}"
                f"{'%' if mode.unit == 'percent' else ''}",
            ))
    return findings, agree
