"""What a unit's dimension says a figure measures (``data/unit_concepts.toml``).

A length in miles cannot be an age, and a temperature in °F is a temperature whatever noun stands
by it. The extractor uses :func:`unit_concepts` to correct a claim's concept; alignment uses
:func:`unit_measure` to name the measure two figures of one physical dimension share.

>>> unit_measure("[temperature]", "temperature"), unit_measure("[mass]", None)
('temperature', 'mass')
>>> unit_measure("[count]", "deaths") is None
True
>>> sorted(unit_aspects("[length]"))[:2]
['altitude', 'depth']
"""

from __future__ import annotations

import functools

from .files import data_file

__all__ = ["physical_only_concepts", "unit_aspects", "unit_concepts", "unit_measure"]


@functools.cache
def unit_concepts() -> dict[str, tuple[str, frozenset[str]]]:
    """``[dimensions]``, validated: dimension -> (default concept, allowed concepts)."""
    f = data_file("unit_concepts.toml")
    known = set(data_file("concepts.toml").data)  # one table per concept
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for dim, spec in f.table("dimensions").items():
        if not isinstance(spec, dict) or not isinstance(spec.get("default"), str):
            raise f.error(dim, 'expected { default = "...", allowed = [...] }', "dimensions")
        allowed = f.string_list(spec.get("allowed", []), dim, "dimensions")
        unknown = sorted({spec["default"], *allowed} - known)
        if unknown:
            raise f.error(
                dim, f"unknown concept(s) {unknown}; define them in concepts.toml", "dimensions"
            )
        out[dim] = (spec["default"], frozenset([spec["default"], *allowed]))
    return out


@functools.cache
def physical_only_concepts() -> frozenset[str]:
    """Concepts only a figure with a physical unit states ("length"): those of ``[dimensions]``
    but the ones ``[bare] allowed`` lets a count keep ("age")."""
    f = data_file("unit_concepts.toml")
    bare = f.string_list(f.table("bare").get("allowed", []), "allowed", "bare")
    named = {c for _, allowed in unit_concepts().values() for c in allowed}
    return frozenset(named - set(bare))


@functools.cache
def _measure_names() -> dict[str, str]:
    f = data_file("unit_concepts.toml")
    out: dict[str, str] = {}
    for dim, name in f.table("measures").items():
        if not isinstance(name, str) or not name.strip():
            raise f.error(dim, "expected the measure's name as a string", "measures")
        out[dim] = name.strip()
    return out


def unit_measure(dim: str, concept: str | None) -> str | None:
    """The measure a unit of dimension ``dim`` names for a claim of ``concept``, or None when the
    unit names none (counts, shares, money).

    A dimension of ``[dimensions]`` names its allowed concept (else its default); one of
    ``[measures]`` names its measure.
    """
    rule = unit_concepts().get(dim)
    if rule is not None:
        return concept if concept in rule[1] else rule[0]
    return _measure_names().get(dim)


@functools.cache
def unit_aspects(dim: str) -> dict[str, frozenset[str]]:
    """``[aspects]`` of ``dim``: aspect name -> the words that name it near a figure ("deep")."""
    f = data_file("unit_concepts.toml")
    spec = f.table("aspects").get(dim, {})
    if not isinstance(spec, dict):
        raise f.error(dim, 'expected { aspect = ["word", ...] }', "aspects")
    return {name: frozenset(w.casefold() for w in f.string_list(forms, name, f"aspects.{dim}"))
            for name, forms in spec.items()}
