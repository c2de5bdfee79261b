"""The options of one check run, validated, with their defaults from ``data/checks.toml``.

>>> CheckOptions.create(jobs=2).workers
2
>>> severity("part_exceeds_whole").value
'error'
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from ..errors import OptionError
from ..findings import CheckId, Severity
from ..lexicon.files import data_file

__all__ = ["ALL_CHECKS", "CheckOptions", "severity"]

ALL_CHECKS: frozenset[CheckId] = frozenset(CheckId)


#: The options whose defaults ``[defaults]`` of ``data/checks.toml`` must give.
DEFAULTED = (
    "reference_tolerance",
    "conflation_tolerance",
    "measure_tolerance",
    "strict_periods",
    "context_chars",
    "jobs",
)


@functools.cache
def _defaults() -> dict[str, Any]:
    """``[defaults]`` of ``data/checks.toml``, each value validated as the option it sets."""
    f = data_file("checks.toml")
    table = f.table("defaults")
    for name in table:
        if name not in DEFAULTED:
            raise f.error(name, f"unknown option; the defaults are {', '.join(DEFAULTED)}",
                          "defaults")
    out = {}
    for name in DEFAULTED:
        if name not in table:
            raise f.error(name, "missing: every option needs its default here", "defaults")
        try:
            out[name] = _validated(name, table[name])
        except (TypeError, ValueError) as exc:
            raise f.error(name, str(exc), "defaults") from None
    return out


@functools.cache
def _severities() -> dict[str, Severity]:
    f = data_file("checks.toml")
    out = {}
    for case, value in f.table("severity").items():
        try:
            out[case] = Severity(value)
        except ValueError:
            names = [s.value for s in Severity]
            raise f.error(case, f"must be one of {names}, got {value!r}", "severity") from None
    return out


def severity(case: str) -> Severity:
    """The severity configured for ``case`` in ``[severity]`` of ``data/checks.toml``.

    Raises:
        RuleDefinitionError: the table gives no severity for ``case``, or a bad one.
    """
    found = _severities().get(case)
    if found is None:
        f = data_file("checks.toml")
        raise f.error(case, 'missing: add  case = "error" | "warning" | "info"', "severity")
    return found


def _number(name: str, value: object, *, low: float = 0.0, below: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise OptionError(f"option {name!r} must be a number, got {type(value).__name__}")
    if math.isnan(value) or value < low or (below is not None and value >= below):
        upper = f" and below {below}" if below is not None else ""
        raise OptionError(f"option {name!r} must be at least {low}{upper}, got {value!r}")
    return float(value)


def _validated(name: str, value: object) -> Any:
    """``value`` checked as option ``name`` (TypeError or ValueError naming it)."""
    if name == "tolerances":
        if not isinstance(value, Mapping):
            raise OptionError(f"option 'tolerances' must be a mapping, got {type(value).__name__}")
        return {str(k): _number(f"tolerances[{k!r}]", v, below=1.0) for k, v in value.items()}
    if name in ("reference_tolerance", "conflation_tolerance", "measure_tolerance"):
        return _number(name, value, below=1.0)
    if name == "strict_periods":
        if not isinstance(value, bool):
            raise OptionError("option 'strict_periods' must be True or False")
        return value
    if name in ("context_chars", "jobs"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise OptionError(f"option {name!r} must be an int, got {type(value).__name__}")
        if value < 0:
            raise OptionError(f"option {name!r} must be at least 0, got {value}")
        return value
    if name == "checks":
        return _check_ids(value)
    if name == "progress":
        if not callable(value):
            raise OptionError("option 'progress' must be a function taking a document id")
        return value
    raise OptionError(f"unknown option {name!r}")  # pragma: no cover - create() names them first


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
        progress: called with each document's id once its claims are extracted, in input
            order (a progress bar's hook); None calls nothing.
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
    progress: Callable[[str], object] | None = field(default=None, compare=False)

    @classmethod
    def create(cls, **options: Any) -> CheckOptions:
        """Options from keyword arguments; an unknown name is a TypeError naming it."""
        known = {f.name for f in fields(cls)}
        for name in options:
            if name not in known:
                raise OptionError(
                    f"check() got an unknown option {name!r}; known options: {sorted(known)}"
                )
        values = {  # None keeps the default only where it is the documented default
            name: _validated(name, value)
            for name, value in options.items()
            if value is not None or name not in ("tolerances", "progress")
        }
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
        raise OptionError("option 'checks' must be check ids, e.g. ['conflict', 'granularity']")
    out = set()
    for item in items:
        try:
            out.add(CheckId(item))
        except ValueError:
            raise OptionError(
                f"option 'checks': unknown check {item!r}; "
                f"known: {sorted(c.value for c in CheckId)}"
            ) from None
    return frozenset(out)
