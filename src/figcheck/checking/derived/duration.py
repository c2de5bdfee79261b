"""``duration_mismatch``: a stated duration against the dates it spans.

"the three-year project, which ran from 2016 to 2023": two dates in the duration's sentence
span ``[end.first − start.end, end.end − start.first]`` days (6–8 years here) at the precision
they are written (:mod:`.dates`). A duration measured to now ("since 2014", "so far", "now in
its second year", "two-week-old", "over the past decade"; ``to_now`` in ``data/derived.toml``)
with one date runs to the document date, which comes from ``Document.meta["date"]``; without a
document date such a duration is not checked. A duration and one date with no such cue (a
lease signed in 2003 for seven years) is not measured at all.

A duration of *N* units allows *N* ± 0.5 units (and the extractor's rounding); a hedged one
its hedge ("nearly eight years" is 7.2–8); "now in its second year" is 1–2 years. Units are
``units_in_days`` (month 30.44 days, year 365.25). Durations after "every" or "per" are
frequencies, not spans.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from ...claims import Bound, Claim, Kind
from ...findings import CheckId, Corroboration, Finding
from ..intervals import Interval
from .arith import Reading, corroboration, evaluate, finding
from .dates import DateRef, find_dates, resolve_year, span_days
from .figures import duration_words
from .rules import phrase_pattern, rules, within
from .view import DocView

__all__ = ["check_durations", "duration_days"]


def _unit_days(unit: str) -> float | None:
    return rules().units_in_days.get(unit.casefold().rstrip("s"))


def duration_days(claim: Claim, reading: Reading) -> Interval | None:
    """The days a duration claim allows under ``reading``; None for units shorter than an hour."""
    per = _unit_days(claim.unit)
    if per is None:
        return None
    iv = reading(claim)
    if claim.bound == Bound.EQ:
        iv = Interval(min(iv.low, claim.value - 0.5), max(iv.high, claim.value + 0.5))
    return Interval(iv.low * per, iv.high * per)


@functools.cache
def _relative_re() -> re.Pattern[str]:
    return phrase_pattern(list(rules().relative_years))


def _relative_dates(view: DocView, start: int, end: int) -> list[DateRef]:
    if view.date is None:
        return []
    pat = _relative_re()
    out = []
    for m in pat.finditer(view.text, start, end):
        y = view.date.year + rules().relative_years[re.sub(r"\s+", " ", m.group(0).casefold())]
        out.append(DateRef(m.start(), m.end(), m.group(0), dt.date(y, 1, 1), dt.date(y + 1, 1, 1)))
    return out


def _dates(view: DocView, si: int) -> list[DateRef]:
    key = ("dates", si)
    if key not in view.memo:
        view.memo[key] = _find(view, si)
    return view.memo[key]


def _find(view: DocView, si: int) -> list[DateRef]:
    s, e = view.sentences[si]
    found = find_dates(view.text[s:e], s) + _relative_dates(view, s, e)
    if view.skip is not None:
        found = [d for d in found if not (view.skip[0] <= d.start < view.skip[1])]
    return sorted(found, key=lambda d: d.start)


def _is_frequency(view: DocView, d: Claim) -> bool:
    before = view.text[max(d.sentence_start, d.start - 12):d.start]
    return bool(within(rules().frequency, after=r"\s*$").search(before))


def _date_claim(view: DocView, ref: DateRef) -> Claim:
    first, last = ref.first.toordinal(), ref.end.toordinal() - 1
    return view.make_claim(ref.start, ref.end_offset, kind=Kind.DATE, value=float(first),
                           low=float(first), high=float(last), unit="day", rule="derived_date")


# Characters before a date searched for a word that makes it a start ("since the gallery
# collapsed on 28 August").
_START_REACH = 60


def _is_start(view: DocView, ref: DateRef) -> bool:
    s = view.sentences[view.sentence_index(ref.start)][0]
    return bool(rules().start_words.search(view.text[max(s, ref.start - _START_REACH):ref.start]))


def _span(view: DocView, dates: list[DateRef], cue: bool) -> tuple[DateRef, DateRef | None] | None:
    """(start, end) with years resolved; end None means the document date."""
    if len(dates) >= 2:
        start, end = dates[0], dates[1]
        anchor = view.date
        if not start.year_given and anchor is None and end.year_given:
            anchor = end.end - dt.timedelta(days=1)
        start = resolve_year(start, on_or_before=anchor)
        if start is None:
            return None
        end = resolve_year(end, on_or_after=start.first)
        return (start, end) if end is not None else None
    if len(dates) == 1 and cue and view.date is not None and _is_start(view, dates[0]):
        start = resolve_year(dates[0], on_or_before=view.date)
        return (start, None) if start is not None else None
    return None


def check_durations(view: DocView) -> tuple[list[Finding], list[Corroboration]]:
    """``duration_mismatch`` findings, and corroborations for the durations that hold."""
    findings: list[Finding] = []
    agree: list[Corroboration] = []
    extra = duration_words(view)
    durations = [c for c in view.claims if c.kind == Kind.DURATION] + extra
    by_sentence: dict[int, list[Claim]] = {}
    for d in sorted(durations, key=lambda c: c.start):
        if _unit_days(d.unit) is not None and not _is_frequency(view, d):
            by_sentence.setdefault(view.sentence_index(d.start), []).append(d)
    for si, ds in by_sentence.items():
        dates = [r for r in _dates(view, si)
                 if not any(d.start < r.end_offset and r.start < d.end for d in ds)]
        cue = bool(rules().to_now.search(view.sentence_text(si)))
        span = _span(view, dates, cue)
        if span is None:
            if not dates and view.date is not None:
                agree.extend(_elsewhere(view, si, ds, cue))
            continue
        start, end = span
        lo, hi = span_days(start, end if end is not None else _today(view))
        elapsed = Interval(float(lo), float(hi))
        dated = [_date_claim(view, start)] + ([_date_claim(view, end)] if end else [])
        until = end.text if end is not None else f"the document date ({view.date})"
        for d in ds:
            out = evaluate(lambda reading, d=d: (duration_days(d, reading) or elapsed, elapsed))
            unit = d.unit.casefold().rstrip("s")
            per = _unit_days(unit) or 1.0
            text = (f"{start.text} to {until} is {_scale(elapsed, per).describe(unit)}s "
                    f"({elapsed.describe('day')}s); {d.text!r} states "
                    f"{_scale(out.stated, per).describe(unit)}s")
            claims = [d, *dated]
            if out.holds:
                agree.append(corroboration(CheckId.DURATION_MISMATCH, out, claims, "day", text))
            else:
                findings.append(finding(
                    CheckId.DURATION_MISMATCH, out, claims, "day",
                    f"stated duration does not fit the dates it spans: {text}",
                    "dates read at the precision written; a duration of N units allows "
                    "N ± 0.5 units or its hedge",
                ))
    return findings, agree


# Most dates of a document tried as the start of a duration whose own sentence has none.
_MAX_ELSEWHERE = 60


def _elsewhere(view: DocView, si: int, ds: list[Claim], cue: bool) -> list[Corroboration]:
    """Corroborations for durations measured to now ("for nearly eight years", "the month-long
    offensive") whose start date is in another sentence. Such a link is a guess, so a start that
    does not fit is never a finding; one that fits is recorded, with the sentence it came from."""
    ds = [d for d in ds if cue or d.rule == "derived_long"]
    if not ds:
        return []
    assert view.date is not None
    starts: list[tuple[int, DateRef]] = []
    for j in range(len(view.sentences)):
        if j == si:
            continue
        for ref in _dates(view, j):
            cued = _is_start(view, ref)
            placed = resolve_year(ref, on_or_before=view.date)
            if placed is not None and placed.first <= view.date:
                starts.append((0 if cued else 1, placed))
    starts.sort(key=lambda x: (x[0], abs(view.sentence_index(x[1].start) - si)))
    out = []
    for d in ds:
        for _, start in starts[:_MAX_ELSEWHERE]:
            lo, hi = span_days(start, _today(view))
            elapsed = Interval(float(lo), float(hi))
            res = evaluate(lambda reading, d=d, e=elapsed: (duration_days(d, reading) or e, e))
            if res.holds:
                unit = d.unit.casefold().rstrip("s")
                per = _unit_days(unit) or 1.0
                text = (f"{start.text} (another sentence) to the document date ({view.date}) is "
                        f"{_scale(elapsed, per).describe(unit)}s; {d.text!r} states "
                        f"{_scale(res.stated, per).describe(unit)}s")
                out.append(corroboration(CheckId.DURATION_MISMATCH, res,
                                         [d, _date_claim(view, start)], "day", text))
                break
    return out


def _today(view: DocView) -> DateRef:
    assert view.date is not None
    d = view.date
    return DateRef(0, 0, str(d), d, d + dt.timedelta(days=1))


def _scale(iv: Interval, per: float) -> Interval:
    return Interval(round(iv.low / per, 2), round(iv.high / per, 2))
