"""What ``jobs=N`` costs next to ``jobs=1``, side by side in one run.

Usage:
    python benchmarks/jobs.py [--claims 20k] [--jobs 1,2] [--repeat 3] [--seed 7]

The documents are ``scale.py``'s generated stories, passed to ``figcheck.check`` as a
generator. Each setting runs ``--repeat`` times, the settings interleaved, and the table shows
the fastest run of each: the reading stage alone (``read_documents``: extraction,
workers, batches and the claims sent back), its CPU seconds in this process and the workers
together, and the whole ``figcheck.check``. On a machine with fewer free cores than workers
no speed-up can show; the ratios then are the overhead of batching, pickling and rebuilding
claims (CPU seconds tell it even when other programs share the cores). The reports of every setting are compared and must
be equal.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time

from _table import render
from scale import corpus, size


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the workers, once joined)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main(argv: list[str] | None = None) -> int:
    """Print wall seconds per jobs setting and the ratio to the first setting."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--claims", default="20k")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    import figcheck
    from figcheck.checking.streaming import read_documents

    n = size(args.claims)
    settings = [int(j) for j in args.jobs.split(",")]

    def docs():
        return (figcheck.Document(d, t) for d, t in corpus(n, args.seed))

    figcheck.check(docs())  # warm-up: lexicons, units, caches
    read = {j: float("inf") for j in settings}
    cpu = {j: float("inf") for j in settings}
    whole = {j: float("inf") for j in settings}
    reports = {}
    claims = 0
    for _ in range(args.repeat):
        for j in settings:
            t0, c0 = time.perf_counter(), _cpu()
            claims = sum(len(r.claims) for _, r in read_documents(docs(), jobs=j))
            read[j] = min(read[j], time.perf_counter() - t0)
            cpu[j] = min(cpu[j], _cpu() - c0)
            t0 = time.perf_counter()
            reports[j] = figcheck.check(docs(), jobs=j)
            whole[j] = min(whole[j], time.perf_counter() - t0)
    base = settings[0]
    same = all(reports[j] == reports[base] for j in settings)
    rows = [[str(j), f"{claims:,}", f"{read[j]:.2f}", f"{read[j] / read[base]:.3f}",
             f"{cpu[j]:.2f}", f"{cpu[j] / cpu[base]:.3f}",
             f"{whole[j]:.2f}", f"{whole[j] / whole[base]:.3f}"] for j in settings]
    print(render(["jobs", "claims", "read s", "read ratio", "read CPU s", "CPU ratio", "check s",
                  "check ratio"], rows, right=[0, 1, 2, 3, 4, 5, 6, 7]))
    print(f"{os.cpu_count()} CPUs; fastest of {args.repeat}; reports equal across settings: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
