"""Invariants of the checker, tested with hypothesis.

- ``conflict`` is symmetric;
- two comparable claims conflict iff their intervals are disjoint after unit conversion;
- converting one document's units (miles -> km) changes no verdict;
- every bad reference row is reported exactly once, at its line;
- granularity flags a stated share iff no whole count out of n rounds to it.
"""

from __future__ import annotations

import csv
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pandas as pd
from hypothesis import assume, given
from hypothesis import strategies as st

from figcheck.pipeline import check_claims
from figcheck.checking.options import CheckOptions
from figcheck.checking.between_claims import compare_claims, conflicts
from figcheck.checking.claim_level import claim_level_findings as claim_level
from figcheck.claims import Claim
from figcheck.errors import ReferenceTableError
from figcheck.findings import CheckId
from figcheck.reference import ReferenceTable
from figcheck.units import convert, registry

SENTENCE = "The Harbor bridge spans a figure here."
LENGTH_UNITS = ["mile", "kilometer", "meter", "foot"]


def _claim(doc: str, value: float, low: float, high: float, unit: str, **about: Any) -> Claim:
    return Claim(
        doc_id=doc, start=4, end=10, text="Harbor", sentence=SENTENCE, sentence_start=0,
        sentence_end=len(SENTENCE), line=1, column=5, kind="measure", value=value, low=low,
        high=high, unit=unit, bound="range" if low < high else "=", rule="prop", **about,
    )


@st.composite
def intervals(draw: st.DrawFn, *, positive: bool = True) -> tuple[float, float, float]:
    low = draw(st.integers(0 if positive else -10_000, 10_000))
    width = draw(st.integers(0, 500))
    value = draw(st.integers(low, low + width))
    return float(value), float(low), float(low + width)


@st.composite
def keyed_claims(draw: st.DrawFn, doc: str) -> Claim:
    """A claim about one of a few things, in a count or length unit, with a random interval."""
    value, low, high = draw(intervals())
    length = draw(st.booleans())
    unit = draw(st.sampled_from(LENGTH_UNITS)) if length else "count"
    about = dict(
        subject=draw(st.sampled_from(["Harbor bridge", "Harbour bridge", "Old town"])),
        concept=draw(st.sampled_from(["length", "deaths", None])),
        noun=draw(st.sampled_from(["span", "spans", "ferries", None])),
        period=draw(st.sampled_from([None, "2020", "2019-2020", "2021"])),
    )
    return _claim(doc, value, low, high, unit, **about)


@given(keyed_claims("a"), keyed_claims("b"))
def test_conflict_is_symmetric(a: Claim, b: Claim) -> None:
    assert conflicts(a, b) == conflicts(b, a)
    pairs_ab = compare_claims([a, b])
    pairs_ba = compare_claims([b, a])
    assert (len(pairs_ab[0]), len(pairs_ab[1])) == (len(pairs_ba[0]), len(pairs_ba[1]))


def _in_meters(x: float, unit: str) -> float:
    return registry().Quantity(x, unit).to("meter").magnitude


@st.composite
def near_pairs(draw: st.DrawFn) -> tuple[tuple, str, tuple, str]:
    """Two intervals whose gap, after conversion, is within a few percent of zero either way."""
    ia = draw(intervals())
    ua, ub = (draw(st.sampled_from([*LENGTH_UNITS, "count"])) for _ in range(2))
    if (ua == "count") != (ub == "count"):
        ub = ua
    r = draw(st.integers(-300, 300)) / 10_000
    width = draw(st.floats(0, 50))
    if draw(st.booleans()):  # b starts just above or below a's top ...
        blo = (convert(ia[2], ua, ub) if ua != "count" else ia[2]) * (1 + r)
        ib = (blo, blo, blo + width)
    else:  # ... or ends just above or below a's bottom
        bhi = (convert(ia[1], ua, ub) if ua != "count" else ia[1]) * (1 + r)
        ib = (bhi, max(bhi - width, 0.0), bhi)
    return ia, ua, ib, ub


@given(st.one_of(near_pairs(), st.tuples(intervals(), st.sampled_from([*LENGTH_UNITS, "count"]),
                                         intervals(), st.sampled_from([*LENGTH_UNITS, "count"]))))
def test_conflict_iff_disjoint_after_conversion(case: tuple) -> None:
    ia, ua, ib, ub = case
    about = dict(subject="Harbor bridge", concept="length")
    a, b = _claim("a", *ia, ua, **about), _claim("b", *ib, ub, **about)
    if (ua == "count") != (ub == "count"):
        assert not conflicts(a, b)  # different dimensions are never compared
        return
    t = CheckOptions().measure_tolerance
    if ua == "count":
        (alo, ahi), (blo, bhi) = ia[1:], ib[1:]
    else:  # an independent route: pint straight to metres, then the documented widening
        alo, ahi = (_in_meters(x, ua) for x in ia[1:])
        blo, bhi = (_in_meters(x, ub) for x in ib[1:])
        alo, ahi, blo, bhi = alo * (1 - t), ahi * (1 + t), blo * (1 - t), bhi * (1 + t)
    gap = max(blo - ahi, alo - bhi)
    assume(abs(gap) > 1e-9 * max(abs(ahi), abs(bhi), 1.0))  # no float ties on the boundary
    assert conflicts(a, b) == (gap > 0)


TABLE = ReferenceTable.from_frame(pd.DataFrame([
    dict(subject="Harbor bridge", measure="span length", value=1.2, unit="mile", tolerance=0.02),
]))


def _to_km(c: Claim) -> Claim:
    return c.model_copy(update={
        "value": convert(c.value, "mile", "kilometer"),
        "low": convert(c.low, "mile", "kilometer"),
        "high": convert(c.high, "mile", "kilometer"),
        "unit": "kilometer",
    })


@st.composite
def documents_in_miles(draw: st.DrawFn) -> tuple[list[tuple], list[tuple]]:
    """Intervals (miles) for two documents, near each other and near the 1.2-mile reference row."""
    anchors = [1.2 * 0.98, 1.2 * 1.02]

    def one() -> tuple:
        if draw(st.booleans()):
            v = draw(st.sampled_from(anchors)) * (1 + draw(st.floats(-0.03, 0.03)))
            return v, v, v
        value, low, high = draw(intervals())
        return value / 4000, low / 4000, high / 4000

    da = draw(st.lists(st.builds(one), min_size=1, max_size=3))
    db = draw(st.lists(st.one_of(st.builds(one), st.sampled_from(da).map(
        lambda iv: tuple(x * (1 + draw(st.floats(-0.02, 0.02))) for x in iv))),
        min_size=1, max_size=3))
    return da, db


@given(documents_in_miles())
def test_converting_a_documents_units_changes_no_verdict(docs: tuple) -> None:
    da, db = docs
    about = dict(subject="Harbor bridge", concept="length", noun="span")
    docs_a = [_claim("a", v, lo, hi, "mile", **about) for v, lo, hi in da]
    docs_b = [_claim("b", v, min(lo, v), max(hi, v), "mile", **about) for v, lo, hi in db]
    before = check_claims(docs_a + docs_b, reference=TABLE)
    after = check_claims(docs_a + [_to_km(c) for c in docs_b], reference=TABLE)

    def verdicts(report: Any) -> tuple:
        pairs = [(f.claim.doc_id, f.other.doc_id, "conflict")
                 for f in report.findings if f.check == CheckId.CONFLICT]
        pairs += [(c.claim.doc_id, c.other.doc_id, "agree") for c in report.corroborations]
        return tuple(sorted(pairs)), tuple(c.verdict for c in report.comparisons)

    assert verdicts(before) == verdicts(after)


BAD_CELLS = {
    "value": "twelve",
    "unit": "furlongz",
    "low": "99999",  # above the value
    "subject": "",
    "tolerance": "-3",
}


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[dict[str, str]], list[int]]:
    """Rows as text cells, and the indices of the rows that were made invalid."""
    rows, bad = [], []
    for i in range(draw(st.integers(1, 12))):
        row = {"subject": draw(st.sampled_from(["Old town", "Port, east", 'The "Quay"'])),
               "measure": f"ships at berth {i}", "value": str(draw(st.integers(0, 9999))), "unit": "count",
               "low": "", "tolerance": "",
               "source": draw(st.sampled_from(["log", "log,\nsecond line", ""]))}
        broken = draw(st.sets(st.sampled_from(sorted(BAD_CELLS)), max_size=3))
        for column in broken:
            row[column] = BAD_CELLS[column]
        if broken:
            bad.append(i)
        rows.append(row)
    return rows, bad


@given(tables())
def test_every_bad_reference_row_is_reported_exactly_once(table: tuple) -> None:
    rows, bad = table
    columns = ["subject", "measure", "value", "unit", "low", "tolerance", "source"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        starts, line = [], 2  # physical line on which each record starts
        for row in rows:
            starts.append(line)
            line += 1 + sum(cell.count("\n") for cell in row.values())
        try:
            ReferenceTable.from_csv(path)
            reported: list[int] = []
        except ReferenceTableError as exc:
            reported = [e.line for e in exc.errors]
    assert reported == [starts[i] for i in bad]
    try:
        ReferenceTable.from_frame(pd.DataFrame(rows, columns=columns))
        reported = []
    except ReferenceTableError as exc:
        reported = [e.line for e in exc.errors]
    assert reported == [i + 1 for i in bad]


def _round_half_up(x: float, decimals: int) -> float:
    return float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def _share(value: float, decimals: int, n: int) -> Claim:
    text = f"{value:.{decimals}f}%"
    sentence = f"Of {n} members, {text} agreed."
    start = sentence.index(text)
    return Claim(
        doc_id="d", start=start, end=start + len(text), text=text, sentence=sentence,
        sentence_start=0, sentence_end=len(sentence), line=1, column=start + 1,
        kind="proportion", value=value, low=value, high=value, unit="percent", bound="=",
        whole=n, rule="prop",
    )


@given(st.integers(1, 150), st.integers(0, 1), st.data())
def test_granularity_flags_exactly_the_unreachable_shares(n: int, decimals: int,
                                                          data: st.DataObject) -> None:
    step = 10.0**-decimals
    stated = round(data.draw(st.integers(0, int(100 / step))) * step, decimals)
    reachable = any(
        abs(100 * k / n - stated) <= step / 2 + 1e-9 for k in range(n + 1)
    )
    flagged = [f for f in claim_level([_share(stated, decimals, n)], CheckOptions())
               if f.check == CheckId.GRANULARITY]
    testable = n < 100 * 10**decimals
    assert bool(flagged) == (testable and not reachable)


@given(st.integers(1, 400), st.data(), st.integers(0, 2))
def test_a_correctly_rounded_stated_share_never_mismatches(n: int, data: st.DataObject,
                                                           decimals: int) -> None:
    k = data.draw(st.integers(0, n))
    stated = _round_half_up(100 * k / n, decimals)
    text = f"{stated:.{decimals}f}%"
    sentence = f"Exactly {k} of {n} ({text}) agreed."
    p_text = f"{k} of {n}"
    ps, qs = sentence.index(p_text), sentence.index(text)
    base: dict[str, Any] = dict(doc_id="d", sentence=sentence, sentence_start=0,
                                sentence_end=len(sentence), line=1, bound="=", rule="prop")
    part = Claim(start=ps, end=ps + len(p_text), text=p_text, column=ps + 1,
                 kind="part_of_whole", value=k, low=k, high=k, whole=n, unit="count", **base)
    share = Claim(start=qs, end=qs + len(text), text=text, column=qs + 1, kind="proportion",
                  value=stated, low=stated, high=stated, unit="percent", **base)
    assert claim_level([part, share], CheckOptions()) == []
