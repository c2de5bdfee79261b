"""Time the checking stage of two source trees side by side on one generated corpus, and say
whether they give the same records.

Usage:
    python benchmarks/compare_check.py BASE_TREE [NEW_TREE] [--claims 30k] [--rounds 3]

Each tree is a figcheck checkout (its ``src/`` is put first on ``PYTHONPATH``); NEW_TREE
defaults to this checkout. The corpus is ``scale.py``'s generator (seed 7). Each round runs one
fresh subprocess per tree, in alternating order, so load on the machine falls on both alike;
a subprocess streams the corpus through ``figcheck.check`` as ``scale.py`` does and times, in
process CPU seconds, the checking across documents that follows the reading (the stage
``scale.py`` reports as "check s"). It also prints a digest of every finding, corroboration
and claim status (as JSON): equal digests mean the two trees gave the same records.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from _table import render
from _trees import add_tree_arguments
from scale import size

# Runs in a subprocess: argv = benchmarks dir, claims; prints {"cpu", "counts", "digest"}.
_TIMER = """
import hashlib, json, sys, time
sys.path.insert(0, sys.argv[1])
import figcheck
from figcheck import pipeline
from scale import corpus
run, took = pipeline._run, {}
def timed(*args):
    t0 = time.process_time()
    report = run(*args)
    took["cpu"] = time.process_time() - t0
    return report
pipeline._run = timed
report = figcheck.check(figcheck.Document(d, t) for d, t in corpus(int(sys.argv[2]), 7))
digest = hashlib.sha256()
for records in (report.findings, report.corroborations, report.statuses):
    for r in records:
        digest.update(json.dumps(r.model_dump(mode="json"), sort_keys=True, default=str).encode())
    digest.update(b"|")
counts = [len(report.findings), len(report.corroborations), len(report.statuses)]
print(json.dumps({"cpu": took["cpu"], "counts": counts, "digest": digest.hexdigest()[:16]}))
"""


def time_tree(tree: Path, claims: int) -> dict[str, object]:
    """One subprocess checking the generated corpus with ``tree/src``."""
    src = tree / "src"
    if not (src / "figcheck" / "__init__.py").is_file():
        raise SystemExit(f"no figcheck package under {src}")
    env = dict(os.environ, PYTHONPATH=str(src))
    here = str(Path(__file__).resolve().parent)
    out = subprocess.run([sys.executable, "-c", _TIMER, here, str(claims)], env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Run the rounds and print one row per run, then the ratio of the best times."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    add_tree_arguments(ap, shared=False)
    ap.add_argument("--claims", default="30k")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    claims = size(args.claims)
    rows, best = [], {"base": float("inf"), "new": float("inf")}
    digests = set()
    for r in range(1, args.rounds + 1):
        for label, tree in (("base", args.base), ("new", args.new)):
            got = time_tree(tree, claims)
            best[label] = min(best[label], float(got["cpu"]))  # type: ignore[arg-type]
            digests.add(got["digest"])
            rows.append([str(r), label, f"{got['cpu']:.2f}",
                         " / ".join(f"{n:,}" for n in got["counts"]),  # type: ignore[attr-defined]
                         str(got["digest"])])
            print(f"  round {r} {label}: done", file=sys.stderr, flush=True)
    print(render(["round", "tree", "check CPU s", "findings / corroborations / statuses",
                  "digest"], rows, right=[2]))
    print(f"best of {args.rounds}: base {best['base']:.2f} s, new {best['new']:.2f} s, "
          f"base/new {best['base'] / best['new']:.2f}x; "
          + ("same records" if len(digests) == 1 else "THE RECORDS DIFFER"))
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
