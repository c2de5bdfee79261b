"""The command-line arguments of the benchmarks that compare two figcheck checkouts."""

from __future__ import annotations

import argparse
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]  # this checkout


def add_tree_arguments(parser: argparse.ArgumentParser, shared: bool = True) -> None:
    """BASE, an optional NEW (default: this checkout) and, with ``shared``, ``--shared``."""
    parser.add_argument("base", type=Path, help="the figcheck tree to compare against")
    parser.add_argument("new", type=Path, nargs="?", default=HERE, help="default: this tree")
    if shared:
        parser.add_argument("--shared", type=Path, default=HERE.parent / "shared")
