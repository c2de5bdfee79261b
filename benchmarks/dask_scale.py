"""Local vs Dask on the same generated corpus: times, and whether the results are equal.

Usage:
    python benchmarks/dask_scale.py [--claims 2k] [--partitions 4] [--workers 2]
                                    [--schedulers sync,threads,cluster] [--seed 7]

The corpus is ``benchmarks/scale.py``'s generator (wire stories whose figures crowd into a few
measures, places and years). The local run is ``figcheck.check``; each Dask run is
``figcheck.dask.check`` on a bag of the same documents, computed with the ``sync`` or
``threads`` scheduler, or on a ``distributed.LocalCluster`` of ``--workers`` processes
(``cluster``; its start-up, with a warm-up run that loads figcheck in each worker, is timed
apart). "equal" compares the findings frame and the
coverage frame (every claim's status, reason, evidence and fact group) with the local run's.
This machine's 2 cores are shared, so time the two side by side in one run, as here.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _table import render  # noqa: E402
from scale import corpus, size  # noqa: E402


def _equal(got: tuple, report: object) -> str:
    findings, coverage = got
    same_f = findings.equals(report.to_frame())  # type: ignore[attr-defined]
    same_c = coverage.equals(report.claims_frame())  # type: ignore[attr-defined]
    if same_f and same_c:
        return "yes"
    return "NO: " + ", ".join(w for w, ok in (("findings", same_f), ("coverage", same_c))
                              if not ok) + " differ"


def main(argv: list[str] | None = None) -> int:
    """Run the local check and each Dask scheduler on one corpus; print the table."""
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--claims", default="2k")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--schedulers", default="sync,threads,cluster")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    import dask.bag as db

    import figcheck
    import figcheck.dask

    docs = [figcheck.Document(i, t) for i, t in corpus(size(args.claims), args.seed)]
    # Warm-up (imports, unit registry, word lists) out of the timings, for both paths.
    figcheck.check(docs[:3])
    figcheck.dask.check(db.from_sequence(docs[:3], npartitions=1)).compute(scheduler="sync")
    t0 = time.perf_counter()
    report = figcheck.check(docs)
    local_s = time.perf_counter() - t0
    rows = [["local (figcheck.check)", f"{local_s:.2f}", "", f"{len(report.claims):,}",
             f"{len(report.findings):,}", ""]]

    def bag() -> object:
        return db.from_sequence(docs, npartitions=args.partitions)

    for name in args.schedulers.split(","):
        if name == "cluster":
            from distributed import Client, LocalCluster

            t0 = time.perf_counter()
            with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster):
                # each worker process loads figcheck's tables once: warm them up first
                figcheck.dask.check(db.from_sequence(docs[:8], npartitions=args.workers)
                                    ).compute()
                start_s = time.perf_counter() - t0
                t0 = time.perf_counter()
                got = figcheck.dask.check(bag()).compute()
                took = time.perf_counter() - t0
            label = f"dask LocalCluster ({args.workers} processes)"
            note = f"{start_s:.2f}"
        else:
            t0 = time.perf_counter()
            got = figcheck.dask.check(bag()).compute(scheduler=name)
            took = time.perf_counter() - t0
            label, note = f"dask {name}", ""
        rows.append([label, f"{took:.2f}", note, f"{len(got[1]):,}", f"{len(got[0]):,}",
                     _equal(got, report)])
    print(f"{len(docs):,} documents, {args.partitions} partitions")
    print(render(["run", "seconds", "cluster start s", "claims", "findings",
                  "equal to local"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
