"""The same fact written in two currencies: compared on the exchange rate it implies.

figcheck converts no money (DESIGN.md: currencies compare only with themselves unless the user
supplies rates). Yet "£3.5m" in one report and "€3.5m" in another, for one fact, cannot both be
right: together they say 1 GBP = 0.97–1.03 EUR, a rate the pound has not traded at for years.
``data/currencies.toml`` holds, per pair of currencies, the range the rate has kept within over
stated years, with its source. A pair of claims aligned as one fact (the same evidence and
thresholds as any conflict) whose implied rate lies wholly outside that range is a conflict; one
inside it is left unchecked, because a rate within the range says nothing of which day was meant.
A pair of currencies not in the file is never compared.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

from ..claims import Claim, Kind
from ..findings import CheckId, Finding
from ..formatting import format_number
from ..frozen_record import FrozenRecord
from ..lexicon.files import data_file
from .align import Alignment
from .evidence import align_weights
from .intervals import Interval
from .options import CheckOptions, severity
from .precision import written_interval

__all__ = ["RateRange", "currency_conflicts", "rate_range"]


class RateRange(FrozenRecord):
    """How many ``quote`` one ``base`` bought over ``years``: ``low``..``high``, per ``source``."""

    base: str
    quote: str
    low: float
    high: float
    years: str
    source: str

    def describe(self) -> str:
        """The range in words: "1 GBP traded at 1.05–1.45 EUR in 2010-2026"."""
        return (f"1 {self.base} traded at {self.low:g}–{self.high:g} {self.quote} in {self.years} "
                f"({self.source})")


@functools.cache
def _rates() -> dict[tuple[str, str], RateRange]:
    f = data_file("currencies.toml")
    out: dict[tuple[str, str], RateRange] = {}
    for pair, spec in f.table("rates").items():
        base, _, quote = pair.partition("/")
        if not base or not quote or not isinstance(spec, dict):
            raise f.error(pair, 'expected "BASE/QUOTE" = { low, high, years, source }', "rates")
        low, high = spec.get("low"), spec.get("high")
        if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (low, high)) \
                or not 0 < low < high:
            raise f.error(pair, "low and high must be numbers with 0 < low < high", "rates")
        years, source = spec.get("years"), spec.get("source")
        if not isinstance(years, str) or not isinstance(source, str) or not source.strip():
            raise f.error(pair, "years and source must be given as text", "rates")
        out[(base, quote)] = RateRange(base, quote, float(low), float(high), years, source)
    return out


def rate_range(base: str, quote: str) -> RateRange | None:
    """The known range of the ``base``/``quote`` rate (either way round), or None.

    >>> rate_range("EUR", "GBP").low < 1 < rate_range("GBP", "EUR").low
    True
    """
    found = _rates().get((base, quote))
    if found is not None:
        return found
    back = _rates().get((quote, base))
    if back is None:
        return None
    return RateRange(base, quote, 1.0 / back.high, 1.0 / back.low, back.years, back.source)


def _implied(a: Interval, b: Interval) -> Interval | None:
    """The rates (b per a) under which both intervals hold, or None when either spans zero or
    is unbounded on the side that matters."""
    if a.low <= 0 or b.low <= 0:
        return None
    low = b.low / a.high if math.isfinite(a.high) else 0.0
    high = b.high / a.low
    return Interval(low, high)


def _amount(claim: Claim, iv: Interval) -> str:
    if iv.low == iv.high:
        return f"{format_number(iv.low)} {claim.unit}"
    return f"{format_number(iv.low)}–{format_number(iv.high)} {claim.unit}"


def currency_conflicts(claims: Sequence[Claim], alignment: Alignment,
                       options: CheckOptions | None = None) -> list[Finding]:
    """Conflicts between claims of one fact written in two currencies whose implied rate the
    pair of currencies has not traded at (``data/currencies.toml``)."""
    options = options or CheckOptions()
    w = align_weights()
    # Blocks: a currency and a word of the measure ("*" when no measure is known); two claims
    # meet when they share a word, or when either names no measure. Blocks are capped.
    blocks: dict[tuple[str, str], list[int]] = {}
    for k, f in enumerate(alignment.frames):  # positions in ``claims``
        c = f.claim
        if c.kind == Kind.MONEY and c.change is None and "/" not in c.unit:
            for word in f.measure_words or ("*",):
                blocks.setdefault((c.unit, word), []).append(k)
    currencies = sorted({unit for unit, _ in blocks})
    seen: set[tuple[int, int]] = set()
    scored = []
    for x, unit_a in enumerate(currencies):
        for unit_b in currencies[x + 1 :]:
            if rate_range(unit_a, unit_b) is None:
                continue
            words_a = {word for unit, word in blocks if unit == unit_a}
            words_b = {word for unit, word in blocks if unit == unit_b}
            meets = [(p, q) for p in words_a for q in words_b if p == q or "*" in (p, q)]
            for p, q in meets:
                left, right = blocks[(unit_a, p)], blocks[(unit_b, q)]
                if len(left) > w.max_block or len(right) > w.max_block:
                    continue  # a key this common says nothing about which figures are one fact
                for i in left:
                    for j in right:
                        pair = (min(i, j), max(i, j))
                        if pair in seen or claims[i].doc_id == claims[j].doc_id:
                            continue
                        seen.add(pair)
                        ev = alignment.score(i, j)
                        measured = any(f.name == "measure" and f.weight > 0 for f in ev.fields)
                        if not ev.vetoed and ev.weight >= w.conflict and measured:
                            scored.append((ev.weight, pair[0], pair[1], ev))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used: set[int] = set()
    findings: list[Finding] = []
    group_of = alignment.group_of() if scored else {}
    for _weight, i, j, ev in scored:
        if i in used or j in used:
            continue
        a, b = claims[i], claims[j]
        ia, ib = written_interval(a), written_interval(b)
        implied = _implied(ia, ib)
        rates = rate_range(a.unit, b.unit)
        if implied is None or rates is None or (implied.low <= rates.high
                                                and rates.low <= implied.high):
            continue
        used.update((i, j))
        why = (f"{ev.describe()}; {b.text} and {a.text} imply 1 {a.unit} = "
               f"{implied.low:.3g}–{implied.high:.3g} {b.unit}, but {rates.describe()}")
        findings.append(Finding(
            check=CheckId.CONFLICT,
            severity=severity("conflict_across_documents"),
            claim=b,
            claimed_low=ib.low,
            claimed_high=ib.high,
            unit=b.unit,
            other=a,
            message=(f"{b.text!r} at {b.location()} ({_amount(b, ib)}) conflicts with {a.text!r} "
                     f"at {a.location()} ({_amount(a, ia)}): the same fact in {a.unit} and "
                     f"{b.unit} at a rate the two have not traded at; same fact because: {why}."),
            evidence=why,
            group=group_of.get(j, group_of.get(i)),
        ))
    return findings
