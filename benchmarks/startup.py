"""Time the figcheck command on a tiny file, Python start-up included, for one or two trees.

Usage:
    python benchmarks/startup.py [BASE_TREE] [--tree NEW_TREE] [--runs 15]

Each run is a fresh ``python -m figcheck ...`` process with ``<tree>/src`` first on
``PYTHONPATH``: ``--help``, ``extract`` and ``check`` on a three-sentence file written to
a temporary folder. With BASE_TREE the two trees run alternately, so load on the machine
falls on both alike. The table shows the best and the median wall time, and the best
CPU time (user + system of the child): on a busy machine wall time also counts the
waiting, CPU time does not. One warm-up run per command and tree comes first (it may
write the user cache figcheck keeps, e.g. the lemmatiser's trie with the ``fast`` extra).

As an installed package has its modules' bytecode compiled, the runs keep theirs in a
temporary folder (``PYTHONPYCACHEPREFIX``, written by the warm-up; nothing is written
into the trees), even where ``PYTHONDONTWRITEBYTECODE`` is set; ``--no-bytecode`` times
compiling every module on every run instead.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _table import render

_TINY = (
    "The Harbour Bridge is 40 miles long and cost $1.2bn, officials said on Monday.\n"
    "About 3% of its 2,000 workers were hurt in 2020.\n"
    "Traffic rose by 12% last year.\n"
)
_COMMANDS = {"--help": ["--help"], "extract": ["extract", "{file}"], "check": ["check", "{file}"]}


def run_once(tree: Path, args: list[str], pycache: Path | None) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one ``python -m figcheck`` process from ``tree``,
    its bytecode kept under ``pycache`` (None: not kept)."""
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    before = os.times()
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "figcheck", *args], env=env, capture_output=True, check=False
    )
    wall = time.perf_counter() - t0
    after = os.times()
    if done.returncode not in (0, 1):  # 1: findings reported
        tail = done.stderr.decode(errors="replace").strip()[-300:]
        raise SystemExit(f"startup.py: {tree}: figcheck {' '.join(args)} failed: {tail}")
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


def measure(
    trees: dict[str, Path], runs: int, file: Path, pycache: Path | None
) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """Every (wall, CPU) per (tree label, command), trees alternating run by run."""
    out: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for command, template in _COMMANDS.items():
        args = [a.format(file=file) for a in template]
        for tree in trees.values():
            run_once(tree, args, pycache)  # warm-up: page cache, bytecode, user caches
        for r in range(runs):
            order = list(trees.items())
            for label, tree in order if r % 2 == 0 else order[::-1]:
                out.setdefault((label, command), []).append(run_once(tree, args, pycache))
    return out


def report(results: dict[tuple[str, str], list[tuple[float, float]]]) -> str:
    """One row per tree and command."""
    rows = []
    for (label, command), times in results.items():
        walls = [w for w, _ in times]
        rows.append([
            label, f"figcheck {command}", f"{min(walls):.3f}", f"{statistics.median(walls):.3f}",
            f"{min(c for _, c in times):.3f}", str(len(times)),
        ])  # fmt: skip
    header = ["tree", "command", "best wall s", "median wall s", "best CPU s", "runs"]
    return render(header, rows, right=(2, 3, 4, 5))


def main(argv: list[str] | None = None) -> int:
    """Print the table."""
    here = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", type=Path, nargs="?", help="a tree to compare against")
    parser.add_argument("--tree", type=Path, default=here, help="default: this tree")
    parser.add_argument("--runs", type=int, default=15, help="runs per command (default: 15)")
    parser.add_argument(
        "--no-bytecode", action="store_true", help="compile every module on every run"
    )
    args = parser.parse_args(argv)
    trees = {"new" if args.base else "this": args.tree.resolve()}
    if args.base:
        trees = {"base": args.base.resolve(), **trees}
    for tree in trees.values():
        if not (tree / "src" / "figcheck" / "__init__.py").is_file():
            parser.error(f"no figcheck package under {tree}/src")
    with tempfile.TemporaryDirectory(prefix="figcheck-startup-") as tmp:
        file = Path(tmp) / "tiny.txt"
        file.write_text(_TINY, encoding="utf-8")
        pycache = None if args.no_bytecode else Path(tmp) / "pycache"
        results = measure(trees, args.runs, file, pycache)
    kept = "compiled on every run" if args.no_bytecode else "kept between runs"
    print(
        f"python -m figcheck on a {len(_TINY)}-char file; {args.runs} runs per command and "
        f"tree; bytecode {kept}."
    )
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
