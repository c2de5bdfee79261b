"""What every check shares: the options of a run, claim intervals, and how numbers are written.

The checks themselves live in :mod:`.claim_level` (inside one claim or one sentence),
:mod:`.between_claims` (conflicts and corroborations) and :mod:`.against_reference`. Defaults of
every option are in ``figcheck/data/checks.toml`` and documented there.

>>> Interval(12600, 14000).meets(Interval(14200, 14400))
False
>>> round(rel_gap(Interval(12600, 14000), Interval(3404, 3404)), 2)
2.7
>>> fmt_interval(Interval(30.0, 100 / 3), "percent")
'30–33.33%'
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from ..lexicon.files import data_file
from ..claims import Claim
from ..findings import CheckId, Severity
from ..units import convert, dimension

__all__ = [
    "ALL_CHECKS",
    "CheckOptions",
    "Interval",
    "claim_interval",
    "fmt_interval",
    "fmt_number",
    "fmt_unit",
    "is_physical",
    "rel_gap",
    "severity",
]

ALL_CHECKS: frozenset[CheckId] = frozenset(CheckId)


@functools.cache
def _defaults() -> dict[str, Any]:
    return dict(data_file("checks.toml").table("defaults"))


def severity(case: str) -> Severity:
    """The severity configured for ``case`` in ``[severity]`` of ``data/checks.toml``."""
    f = data_file("checks.toml")
    value = f.table("severity").get(case)
    try:
        return Severity(value)
    except ValueError:
        raise f.error(case, f"must be one of {[s.value for s in Severity]}, got {value!r}",
                      table="severity") from None


def _number(name: str, value: object, *, low: float = 0.0, below: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"option {name!r} must be a number, got {type(value).__name__}")
    if math.isnan(value) or value < low or (below is not None and value >= below):
        upper = f" and below {below}" if below is not None else ""
        raise ValueError(f"option {name!r} must be at least {low}{upper}, got {value!r}")
    return float(value)


@dataclass(frozen=True)
class CheckOptions:
    """The options of one :func:`figcheck.check` run, validated.

    Attributes:
        tolerances: hedge family -> relative tolerance, passed to the extractor
            (families "approximate", "almost", ...; None keeps ``data/hedges.toml``).
        reference_tolerance: relative widening of a reference row without its own ``tolerance``.
        conflation_tolerance: relative widening used only to suggest a conflated measure.
        measure_tolerance: relative widening of physical measures (converted figures are rounded).
        strict_periods: compare a claim of unknown period only with claims of unknown period.
        context_chars: characters of the paragraph before a sentence searched for a subject.
        jobs: processes used for extraction (0 = one per CPU).
        checks: the check ids to run (default: all).
    """

    tolerances: Mapping[str, float] | None = None
    reference_tolerance: float = field(default_factory=lambda: _defaults()["reference_tolerance"])
    conflation_tolerance: float = field(
        default_factory=lambda: _defaults()["conflation_tolerance"]
    )
    measure_tolerance: float = field(default_factory=lambda: _defaults()["measure_tolerance"])
    strict_periods: bool = field(default_factory=lambda: _defaults()["strict_periods"])
    context_chars: int = field(default_factory=lambda: _defaults()["context_chars"])
    jobs: int = field(default_factory=lambda: _defaults()["jobs"])
    checks: frozenset[CheckId] = ALL_CHECKS

    @classmethod
    def create(cls, **options: Any) -> CheckOptions:
        """Options from keyword arguments; an unknown name is a TypeError naming it."""
        known = {f.name for f in fields(cls)}
        for name in options:
            if name not in known:
                raise TypeError(
                    f"check() got an unknown option {name!r}; known options: {sorted(known)}"
                )
        values: dict[str, Any] = {}
        if (tol := options.get("tolerances")) is not None:
            if not isinstance(tol, Mapping):
                raise TypeError(f"option 'tolerances' must be a mapping, got {type(tol).__name__}")
            values["tolerances"] = {
                str(k): _number(f"tolerances[{k!r}]", v, below=1.0) for k, v in tol.items()
            }
        for name in ("reference_tolerance", "conflation_tolerance", "measure_tolerance"):
            if name in options:
                values[name] = _number(name, options[name], below=1.0)
        if "strict_periods" in options:
            if not isinstance(options["strict_periods"], bool):
                raise TypeError("option 'strict_periods' must be True or False")
            values["strict_periods"] = options["strict_periods"]
        for name in ("context_chars", "jobs"):
            if name in options:
                v = options[name]
                if isinstance(v, bool) or not isinstance(v, int):
                    raise TypeError(f"option {name!r} must be an int, got {type(v).__name__}")
                if v < 0:
                    raise ValueError(f"option {name!r} must be at least 0, got {v}")
                values[name] = v
        if "checks" in options:
            values["checks"] = _check_ids(options["checks"])
        return cls(**values)

    @property
    def workers(self) -> int:
        """Number of extraction processes (``jobs``, with 0 meaning one per CPU)."""
        return self.jobs or (os.cpu_count() or 1)

    def runs(self, check: CheckId) -> bool:
        """True when ``check`` is selected."""
        return check in self.checks


def _check_ids(value: object) -> frozenset[CheckId]:
    items: Iterable[object] = [value] if isinstance(value, str) else value  # type: ignore[assignment]
    if not isinstance(items, Iterable):
        raise TypeError("option 'checks' must be check ids, e.g. ['conflict', 'granularity']")
    out = set()
    for item in items:
        try:
            out.add(CheckId(item))
        except ValueError:
            raise ValueError(
                f"option 'checks': unknown check {item!r}; "
                f"known: {sorted(c.value for c in CheckId)}"
            ) from None
    return frozenset(out)


@dataclass(frozen=True)
class Interval:
    """A closed interval of values; infinite ends stand for "more than" / "less than"."""

    low: float
    high: float

    def meets(self, other: Interval) -> bool:
        """True when the two intervals share at least one value."""
        return self.low <= other.high and other.low <= self.high

    def widened(self, rel: float) -> Interval:
        """The interval stretched by ``rel`` of each end's magnitude."""
        if rel == 0:
            return self
        return Interval(self.low - abs(self.low) * rel, self.high + abs(self.high) * rel)

    def to(self, src: str, dst: str) -> Interval:
        """The interval in unit ``dst`` (raises UnitMismatchError across dimensions)."""
        a, b = convert(self.low, src, dst), convert(self.high, src, dst)
        return Interval(min(a, b), max(a, b))


@functools.lru_cache(maxsize=1024)
def is_physical(unit: str) -> bool:
    """True for physical measures (length, time...), False for counts, shares and money."""
    dim = dimension(unit)
    return dim not in ("[count]", "[share]") and not dim.startswith("[currency_")


def claim_interval(claim: Claim, unit: str, options: CheckOptions) -> Interval:
    """The claim's interval in ``unit``, widened by ``measure_tolerance`` for physical measures."""
    iv = Interval(claim.low, claim.high).to(claim.unit, unit)
    return iv.widened(options.measure_tolerance) if is_physical(claim.unit) else iv


def rel_gap(claimed: Interval, expected: Interval) -> float:
    """Signed distance between the intervals relative to the expected end nearest the claim.

    0 when they meet; positive when the claim lies above what was expected.
    """
    if claimed.meets(expected):
        return 0.0
    if claimed.low > expected.high:
        ref, diff = expected.high, claimed.low - expected.high
    else:
        ref, diff = expected.low, claimed.high - expected.low
    return diff / abs(ref) if ref != 0 else math.copysign(math.inf, diff)


def fmt_number(x: float) -> str:
    """``x`` the way a reader writes it: thousands separators, at most 4 significant digits."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    if abs(x) >= 1000:
        return f"{x:,.1f}"
    return f"{x:.4g}"


def fmt_unit(unit: str) -> str:
    """The unit as a suffix: '' for counts, '%' for percent, ' mile' otherwise."""
    if unit == "count":
        return ""
    if unit == "percent":
        return "%"
    return f" {unit}"


def fmt_interval(iv: Interval, unit: str) -> str:
    """``'12,600–14,000'``, ``'29.6%'`` or ``'40 mile'``; infinite ends as "≥"/"≤"."""
    if iv.low == iv.high:
        body = fmt_number(iv.low)
    elif math.isinf(iv.high) and not math.isinf(iv.low):
        body = "≥ " + fmt_number(iv.low)
    elif math.isinf(iv.low) and not math.isinf(iv.high):
        body = "≤ " + fmt_number(iv.high)
    else:
        body = f"{fmt_number(iv.low)}–{fmt_number(iv.high)}"
    return body + fmt_unit(unit)
