"""Checks inside one claim or one sentence: parts, wholes and the shares stated beside them.

- ``part_exceeds_whole``: "152 of its 140".
- ``share_out_of_range``: a share of a whole below 0 % or above 100 %.
- ``stated_share_mismatch``: "123 of 152 (91%)" — the stated percentage, with its rounding
  interval, against part / whole.
- ``granularity``: "33% of 37 respondents" — no whole count out of 37 rounds to 33 % (the GRIM
  test of Brown & Heathers, 2017, applied to percentages).

A stated share is paired with the part-of-whole figure right before it in the same sentence; an
n with the count right after a share ("of 37", "(n = 37)"). What may separate them is data
(``[adjacency]`` in ``data/checks.toml``).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterable, Sequence

from ..lexicon.files import data_file
from ..claims import Bound, Claim, Kind
from ..formatting import format_number
from ..findings import CheckId, Finding
from ..regex_cache import compile_pattern
from .intervals import Interval, rel_gap
from .options import CheckOptions, severity

__all__ = [
    "claim_level_findings",
    "granularity",
    "part_exceeds_whole",
    "share_out_of_range",
    "stated_interval",
    "stated_share_mismatch",
]

# The last number literal of a claim's text; digits and separators only, possessive.
_LITERAL = compile_pattern(r"\d[\d,]*+(?:\.(\d++))?")
_GAP_WORD = compile_pattern(r"[^\W_]++")
_EPS = 1e-9


@functools.cache
def _adjacency() -> tuple[int, frozenset[str], frozenset[str]]:
    f = data_file("checks.toml")
    t = f.table("adjacency")
    gap = t.get("max_gap_chars")
    if isinstance(gap, bool) or not isinstance(gap, int) or gap < 0:
        raise f.error("max_gap_chars", "must be a whole number >= 0", table="adjacency")

    def words_of(key: str) -> frozenset[str]:
        value = f.strings(key, "adjacency")
        return frozenset(w for v in value for w in _GAP_WORD.findall(v.casefold()))

    return gap, words_of("share_connectors"), words_of("n_connectors")


def _is_share(claim: Claim) -> bool:
    return claim.kind == Kind.PROPORTION and claim.unit == "percent" and claim.change is None


def stated_interval(claim: Claim) -> Interval:
    """The values a stated figure allows, including the rounding of its last written digit.

    >>> from figcheck.claims import Claim
    >>> c = Claim(doc_id="d", start=0, end=3, text="91%", sentence="91%", sentence_start=0,
    ...           sentence_end=3, line=1, column=1, kind="proportion", value=91, low=91, high=91,
    ...           unit="percent", bound="=", rule="t")
    >>> stated_interval(c)
    Interval(low=90.5, high=91.5)
    """
    iv = Interval(claim.low, claim.high)
    if claim.bound != Bound.EQ:
        return iv
    literals = list(_LITERAL.finditer(claim.text))
    if not literals:
        return iv
    decimals = literals[-1].group(1)
    half = 0.5 * 10.0 ** -(len(decimals) if decimals else 0)
    return Interval(min(iv.low, claim.value - half), max(iv.high, claim.value + half))


def _decimals(claim: Claim) -> int | None:
    literals = list(_LITERAL.finditer(claim.text))
    if not literals:
        return None
    d = literals[-1].group(1)
    return len(d) if d else 0


def part_exceeds_whole(claim: Claim, options: CheckOptions) -> Finding | None:
    """A finding when a part-of-whole claim's part is larger than its whole ("152 of its 140")."""
    if claim.kind != Kind.PART_OF_WHOLE or claim.whole is None or claim.low <= claim.whole:
        return None
    claimed, expected = Interval(claim.low, claim.high), Interval(0.0, claim.whole)
    return _finding(
        CheckId.PART_EXCEEDS_WHOLE, claim, claimed, expected, claim.unit,
        f"{claim.text!r} at {claim.location()} states a part of {format_number(claim.value)} "
        f"out of a whole of only {format_number(claim.whole)}.",
    )


def share_out_of_range(claim: Claim, options: CheckOptions) -> Finding | None:
    """A finding when a share of a whole (not a change) lies wholly outside 0–100 %."""
    if not _is_share(claim) or (claim.high >= 0 and claim.low <= 100):
        return None
    claimed, expected = Interval(claim.low, claim.high), Interval(0.0, 100.0)
    return _finding(
        CheckId.SHARE_OUT_OF_RANGE, claim, claimed, expected, "percent",
        f"{claim.text!r} at {claim.location()} is a share of "
        f"{claimed.describe('percent')}, outside the 0–100% a share of a whole can take.",
    )


def stated_share_mismatch(part: Claim, share: Claim, options: CheckOptions) -> Finding | None:
    """A finding when the share stated next to "part of whole" is not part / whole, rounded."""
    if part.whole is None or part.whole <= 0:
        return None
    implied = Interval(100 * part.low / part.whole, 100 * part.high / part.whole)
    stated = stated_interval(share)
    if implied.meets(stated):
        return None
    d = _decimals(share)
    rounded = round(100 * part.value / part.whole, d or 0)
    return _finding(
        CheckId.STATED_SHARE_MISMATCH, share, stated, implied, "percent",
        f"{share.text!r} at {share.location()} does not fit {part.text!r}: "
        f"{format_number(part.value)} of {format_number(part.whole)} is "
        f"{implied.describe('percent')}, and {share.text!r} allows "
        f"{stated.describe('percent')} after rounding.",
        other=part,
        hint=f"{format_number(part.value)}/{format_number(part.whole)} rounds to "
        f"{format_number(rounded)}%.",
    )


def granularity(share: Claim, n: int, options: CheckOptions, n_claim: Claim | None = None
                ) -> Finding | None:
    """A finding when no whole count k out of ``n`` gives a share that rounds to ``share``.

    Only testable when the written precision is finer than one step of 100/n.
    """
    d = _decimals(share)
    if d is None or share.bound != Bound.EQ or n <= 0 or n >= 100 * 10**d:
        return None
    stated = stated_interval(share)
    k_low = math.ceil(n * stated.low / 100 - _EPS)
    k_high = math.floor(n * stated.high / 100 + _EPS)
    if max(k_low, 0) <= min(k_high, n):
        return None
    below, above = max(k_high, 0), min(k_low, n)
    expected = Interval(100 * below / n, 100 * above / n)
    # The possible shares bracket the stated one; the difference is to the nearer of them.
    nearest = min(expected.low, expected.high, key=lambda x: abs(x - share.value))
    return _finding(
        CheckId.GRANULARITY, share, stated, expected, "percent",
        f"{share.text!r} at {share.location()} cannot be a share of {n}: the nearest possible "
        f"are {format_number(expected.low)}% ({below}/{n}) and {format_number(expected.high)}% "
        f"({above}/{n}).",
        other=n_claim,
        rel_diff=rel_gap(Interval(share.value, share.value), Interval(nearest, nearest)),
    )


def _finding(check: CheckId, claim: Claim, claimed: Interval, expected: Interval, unit: str,
             message: str, *, other: Claim | None = None, hint: str | None = None,
             rel_diff: float | None = None) -> Finding:
    """A finding of ``check`` (its severity from ``data/checks.toml``) about ``claim``."""
    return Finding(
        check=check,
        severity=severity(check.value),
        claim=claim,
        claimed_low=claimed.low,
        claimed_high=claimed.high,
        unit=unit,
        other=other,
        expected_low=expected.low,
        expected_high=expected.high,
        rel_diff=rel_gap(claimed, expected) if rel_diff is None else rel_diff,
        message=message,
        hint=hint,
    )


def _gap_ok(first: Claim, second: Claim, allowed: frozenset[str], noun: str | None = None
            ) -> bool:
    """True when only connectors (and ``noun``, "12 of 37 people, or 33%") separate the two."""
    max_gap = _adjacency()[0] + len(noun or "")
    if noun:
        allowed = allowed | frozenset(_GAP_WORD.findall(noun.casefold()))
    if second.sentence_start != first.sentence_start or second.start < first.start:
        return False
    if second.start < first.end:  # the share is written inside the part's own span
        return True
    gap = first.sentence[first.end - first.sentence_start : second.start - second.sentence_start]
    if len(gap) > max_gap:
        return False
    return all(w in allowed for w in _GAP_WORD.findall(gap.casefold()))


def _next_in_sentence(claims: Sequence[Claim]) -> Iterable[tuple[Claim, Claim]]:
    ordered = sorted(claims, key=lambda c: (c.doc_id, c.start, c.end))
    for a, b in itertools.pairwise(ordered):
        if a.doc_id == b.doc_id and a.sentence_start == b.sentence_start:
            yield a, b


def _whole_count(claim: Claim) -> int | None:
    if claim.whole is not None and claim.whole == int(claim.whole) and claim.whole > 0:
        return int(claim.whole)
    return None


def claim_level_findings(claims: Sequence[Claim], options: CheckOptions) -> list[Finding]:
    """Every claim-level finding for ``claims`` (the claims of one or more documents)."""
    out: list[Finding] = []
    for claim in claims:
        if options.runs(CheckId.PART_EXCEEDS_WHOLE) and (f := part_exceeds_whole(claim, options)):
            out.append(f)
        if options.runs(CheckId.SHARE_OUT_OF_RANGE) and (f := share_out_of_range(claim, options)):
            out.append(f)
    _, share_words, n_words = _adjacency()
    paired: set[int] = set()
    for a, b in _next_in_sentence(claims):
        if a.kind == Kind.PART_OF_WHOLE and _is_share(b) and _gap_ok(a, b, share_words, a.noun):
            paired.add(id(b))
            if options.runs(CheckId.STATED_SHARE_MISMATCH) and (
                f := stated_share_mismatch(a, b, options)
            ):
                out.append(f)
    if not options.runs(CheckId.GRANULARITY):
        return out
    n_after: dict[int, Claim] = {}
    for a, b in _next_in_sentence(claims):
        if (
            _is_share(a)
            and b.kind == Kind.COUNT
            and b.bound == Bound.EQ
            and b.value == int(b.value)
            and _gap_ok(a, b, n_words)
        ):
            n_after[id(a)] = b
    for claim in claims:
        if not _is_share(claim) or id(claim) in paired:
            continue
        n_claim = n_after.get(id(claim))
        n = _whole_count(claim) or (int(n_claim.value) if n_claim else None)
        if n and (f := granularity(claim, n, options, n_claim)):
            out.append(f)
    return out
