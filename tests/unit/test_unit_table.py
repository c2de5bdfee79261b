"""data/unit_dimensions.toml: pint's answers, shipped, so reading a text needs no registry."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest

from figcheck import units
from figcheck.unit_table import TABLE, known_dimensions, rate_dimension, render, table_names


def _pint_dimension(name: str) -> str:
    return str(units.registry().parse_units(name).dimensionality)


def test_the_shipped_table_is_what_pint_says_now() -> None:
    shipped = resources.files("figcheck.data").joinpath(TABLE).read_text(encoding="utf-8")
    assert render(_pint_dimension) == shipped, (
        "data/units.txt, unit_aliases.toml, measures.toml or pint changed: regenerate the "
        "table with  python -m figcheck.unit_table_writer"
    )


def test_the_table_is_in_force_and_agrees_with_pint_unit_by_unit() -> None:
    known = known_dimensions()
    assert "mile" in known and "USD" in known and "percent" in known
    for name, dim in known.items():
        assert dim == _pint_dimension(name), name


def test_every_unit_the_word_lists_name_is_covered_or_unknown_to_pint() -> None:
    known = known_dimensions()
    for name in table_names():
        if name not in known:
            try:
                _pint_dimension(name)
            except Exception:
                continue
            raise AssertionError(f"{name} is a pint unit missing from {TABLE}")


def test_units_outside_the_table_still_go_to_pint() -> None:
    assert "USD / year" not in known_dimensions()
    assert units.dimension("USD / year") == "[currency_USD] / [time]"
    assert units.comparable("mile", "kilometer") and not units.comparable("mile", "USD")


@pytest.mark.parametrize(
    ("text", "units_read"),
    [
        ("The 40-mile bridge cost $1.2bn, 3% of it in 2020, at 12 km.", {"mile", "USD", "kilometer"}),
        # rates of two table units: their dimension is composed from the table
        ("Rent rose to $900 a month; the pump moves 40 barrels a day.",
         {"USD / month", "oil_barrel / day"}),
    ],
)
def test_reading_a_text_builds_no_pint_registry(text: str, units_read: set[str]) -> None:
    code = (
        "import sys, figcheck\n"
        f"cs = figcheck.extract({text!r})\n"
        f"assert {units_read!r} <= {{c.unit for c in cs}}, cs\n"
        "print('pint' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_rates_of_table_units_are_written_as_pint_writes_them() -> None:
    table = sorted(known_dimensions())
    told = 0
    for a in table:
        for b in table:
            rate = f"{a} / {b}"
            mine = rate_dimension(rate)
            if mine is None:
                continue
            told += 1
            assert mine == str(units.registry().parse_units(rate).dimensionality), rate
    assert told > len(table) ** 2 // 2
    assert rate_dimension("mile") is None and rate_dimension("decibel / second") is None


def test_the_registry_built_through_the_cache_converts_as_one_built_afresh(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(units, "cache_folder", lambda *parts: tmp_path.joinpath(*parts))
    units._build()  # writes the definitions and pint's parsed cache
    assert list(tmp_path.glob("pint-*/parsed/*.pickle"))
    kept = units._build()  # reads them back
    monkeypatch.setattr(units, "cache_folder", lambda *parts: None)
    fresh = units._build()
    for a, b in [("mile", "kilometer"), ("oil_barrel", "liter"), ("ppm", "percent"),
                 ("degF", "degC"), ("furlong / fortnight", "meter / second")]:
        assert kept.Quantity(3, a).to(b).magnitude == fresh.Quantity(3, a).to(b).magnitude, (a, b)
