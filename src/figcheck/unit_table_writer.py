"""Regenerate ``data/unit_dimensions.toml`` from pint: ``python -m figcheck.unit_table_writer``."""

from __future__ import annotations

import sys
from importlib import resources

from .unit_table import TABLE, render
from .units import registry

__all__ = ["main"]


def main() -> int:
    """Write the table next to the other data files; 0 when written."""
    text = render(lambda name: str(registry().parse_units(name).dimensionality))
    path = resources.files("figcheck.data").joinpath(TABLE)
    with open(str(path), "w", encoding="utf-8") as fh:
        fh.write(text)
    print(f"wrote figcheck/data/{TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
