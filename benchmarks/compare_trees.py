"""Time figcheck.extract from two source trees side by side, in one run, on the same text.

Usage:
    python benchmarks/compare_trees.py BASE_TREE [NEW_TREE] [--shared DIR] [--size 300KB]
                                       [--rounds 5] [--cpu]

Each tree is a figcheck checkout (its ``src/`` is put first on ``PYTHONPATH``);
NEW_TREE defaults to this checkout. The texts are the two of ``speed.py``
(article prose, and the prose mixed with number-dense benchmark sentences),
written once to a temporary file; each round runs one fresh subprocess per
tree, in alternating order, pinned to the same core, so load on the machine
falls on both alike. Each subprocess reports its best of three passes; the
table shows the best over rounds, chars/s, and NEW/BASE speed (1.00 = equal,
0.80 = the new tree is 20 % slower). The item counts must match when the two
trees read the text alike; a difference is printed, not hidden.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _table import render
from _trees import add_tree_arguments
from speed import SpeedError, build_text, chunks_of, corpus, parse_size

# Runs in a subprocess: argv = JSON file of {label: chunks}, clock name; prints
# {label: [seconds, found]}.
_TIMER = """
import json, os, sys, time
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
import figcheck
texts = json.load(open(sys.argv[1], encoding="utf-8"))
clock = getattr(time, sys.argv[2])
figcheck.extract("Warm-up: the bridge is 40 miles long and cost $1.2bn.")
out = {}
for label, chunks in texts.items():
    best, found = float("inf"), 0
    for _ in range(3):
        t0 = clock()
        found = sum(len(figcheck.extract(c, doc_id="cmp")) for c in chunks)
        best = min(best, clock() - t0)
    out[label] = [best, found]
print(json.dumps(out))
"""


def time_tree(
    tree: Path, texts_file: Path, clock: str = "perf_counter"
) -> dict[str, tuple[float, int]]:
    """One subprocess timing ``figcheck.extract`` from ``tree/src`` on every text."""
    src = tree / "src"
    if not (src / "figcheck" / "__init__.py").is_file():
        raise SpeedError(f"no figcheck package under {src}")
    env = dict(os.environ, PYTHONPATH=str(src))
    done = subprocess.run(
        [sys.executable, "-c", _TIMER, str(texts_file), clock],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SpeedError(f"timing {tree} failed: {done.stderr.strip()[-400:]}")
    return {k: (v[0], v[1]) for k, v in json.loads(done.stdout.splitlines()[-1]).items()}


def compare(
    base: Path, new: Path, texts: dict[str, list[str]], rounds: int, clock: str = "perf_counter"
) -> dict[str, dict[str, tuple[float, int]]]:
    """Best seconds and items per (tree, text) over ``rounds`` alternating rounds."""
    best: dict[str, dict[str, tuple[float, int]]] = {"base": {}, "new": {}}
    with tempfile.TemporaryDirectory(prefix="figcheck-cmp-") as tmp:
        path = Path(tmp) / "texts.json"
        path.write_text(json.dumps(texts), encoding="utf-8")
        for r in range(rounds):
            order = [("base", base), ("new", new)]
            for name, tree in order if r % 2 == 0 else order[::-1]:
                for label, (sec, found) in time_tree(tree, path, clock).items():
                    old = best[name].get(label)
                    if old is None or sec < old[0]:
                        best[name][label] = (sec, found)
    return best


def report(best: dict[str, dict[str, tuple[float, int]]], texts: dict[str, list[str]]) -> str:
    """The side-by-side table."""
    rows = []
    for label, chunks in texts.items():
        chars = sum(map(len, chunks))
        (bs, bf), (ns, nf) = best["base"][label], best["new"][label]
        rows.append(
            [
                label,
                f"{chars:,}",
                f"{chars / bs / 1e6:.3f}",
                f"{chars / ns / 1e6:.3f}",
                f"{bs / ns:.2f}",
                f"{bf:,}" + ("" if bf == nf else f" (new {nf:,})"),
            ]
        )
    header = ["text", "chars", "base MB/s", "new MB/s", "new/base", "found"]
    return render(header, rows, right=(1, 2, 3, 4))


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_tree_arguments(parser)
    parser.add_argument("--size", type=parse_size, default=300_000, help="default: 300KB")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds (default: 5)")
    parser.add_argument(
        "--cpu", action="store_true", help="time by process CPU time, not wall time"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Print the table; 2 on missing data or a tree that cannot be timed."""
    args = _parse_args(argv)
    try:
        prose, mixed = corpus(args.shared)
        texts = {
            "article prose": chunks_of(build_text(prose, args.size), False),
            "prose + dense sentences": chunks_of(build_text(mixed, args.size), False),
        }
        clock = "process_time" if args.cpu else "perf_counter"
        best = compare(args.base.resolve(), args.new.resolve(), texts, args.rounds, clock)
    except SpeedError as exc:
        print(f"compare_trees.py: {exc}", file=sys.stderr)
        return 2
    print(
        f"best of {args.rounds} alternating rounds x 3 passes; one core; one call per paragraph; "
        + ("CPU time." if args.cpu else "wall time.")
    )
    print(report(best, texts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
