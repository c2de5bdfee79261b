"""How extraction and checking grow with the number of claims: 1k, 10k, 100k, 1M.

Usage:
    python benchmarks/scale.py [--sizes 1k,10k,100k] [--jobs 1] [--timeout 900] [--seed 7]
    python benchmarks/scale.py --sizes 1k,10k,100k,1M      # the full run (tens of minutes)

The corpus is generated (nothing is read from disk): short wire-style stories whose
figures crowd into a handful of measures (deaths, injured, homes destroyed, evacuated,
budget, rainfall ...) about a few dozen places and a few periods, so checking meets
large blocks of look-alike claims: the case where all-pairs checking is quadratic.
The documents are streamed from a generator through ``figcheck.check`` (``--jobs N``: N
worker processes read them); "extract s" ends when the last document has been read and
checked on its own, "check s" is the checking across documents that follows. Each size runs
in its own subprocess, so peak RSS is that size's alone (workers' peak apart); a size that
passes ``--timeout`` seconds is reported as stopped. The growth exponent is the
least-squares slope of log(check seconds) on log(claims) over the sizes >= 10k.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from _table import render

_MULTIPLIER = {"": 1, "k": 1_000, "m": 1_000_000}

PLACES = [
    "Riverton", "Lakeside", "the Northern Province", "Port Alma", "Eastvale", "Greyhaven",
    "the Upper Valley", "Bramford", "Kestrel Bay", "New Ashby", "Millbrook", "the Delta Region",
    "Stonebridge", "Westmarch", "Harrowgate", "Clearwater", "Fenwick", "the Coastal District",
    "Oakridge", "Saltmarsh", "Dunmore", "Highcliff", "Marrow County", "Southport",
]
YEARS = ["2019", "2020", "2021", "2022", "2023"]
SOURCES = ["officials said", "the ministry said", "according to the regional council",
           "the agency reported", "local media reported"]
# (template, low, high): {n} is the figure, {place}, {year}, {source}; few measures, many claims.
TEMPLATES = [
    ("The floods killed {n} people in {place} in {year}, {source}.", 5, 3000),
    ("In {place}, {n} people were injured during the {year} storms, {source}.", 10, 9000),
    ("The storm destroyed {n} homes in {place} in {year}.", 20, 40000),
    ("Some {n} residents of {place} were evacuated in {year}, {source}.", 100, 90000),
    ("{place} spent ${n} million on flood defences in {year}.", 1, 900),
    ("Rainfall in {place} reached {n} millimetres in {year}, {source}.", 100, 3000),
    ("Unemployment in {place} stood at {p}% in {year}.", None, None),
]


def size(text: str) -> int:
    """``10k`` -> 10000."""
    text = text.strip().lower()
    unit = text[-1] if text[-1] in "km" else ""
    return int(float(text[: len(text) - len(unit)]) * _MULTIPLIER[unit])


def corpus(claims: int, seed: int) -> Iterator[tuple[str, str]]:
    """(doc id, text) pairs with about ``claims`` figures in all, ~8 per story."""
    rng = random.Random(seed)
    made, i = 0, 0
    while made < claims:
        sentences = []
        for _ in range(min(8, claims - made)):
            template, lo, hi = rng.choice(TEMPLATES)
            n = f"{rng.randint(lo, hi):,}" if lo is not None else f"{rng.uniform(2, 15):.1f}"
            sentences.append(template.format(
                n=n, p=n, place=rng.choice(PLACES), year=rng.choice(YEARS),
                source=rng.choice(SOURCES)))
            made += 1
        i += 1
        yield f"story{i:07d}.txt", " ".join(s[0].upper() + s[1:] for s in sentences)


def run_one(claims: int, seed: int, jobs: int) -> dict[str, float]:
    """Stream one generated corpus through ``figcheck.check`` in this process; times and peak
    RSS.

    The documents come from a generator, so no text outlives its document. "extract" ends when
    the last document has been read (and checked on its own: derived arithmetic), "check" is the
    rest: alignment, conflicts, statuses.
    """
    import figcheck

    figcheck.check("Warm-up: 12 people were hurt.")
    docs = (figcheck.Document(doc_id, text) for doc_id, text in corpus(claims, seed))
    read = {"docs": 0, "at": 0.0}

    def progress(_doc_id: str) -> None:
        read["docs"] += 1
        read["at"] = time.perf_counter()

    t0 = time.perf_counter()
    report = figcheck.check(docs, jobs=jobs, progress=progress)
    t2 = time.perf_counter()
    t1 = read["at"] or t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB -> MB on Linux
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "claims": len(report.claims), "docs": read["docs"], "extract_s": t1 - t0,
        "check_s": t2 - t1, "rss_mb": rss, "worker_rss_mb": workers,
        "findings": len(report.findings), "corroborations": len(report.corroborations),
    }


def exponent(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log y on log x."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx if sxx else None


def build_line() -> str:
    """Which build of the extractor this Python runs (the sizes' subprocesses run the same)."""
    from figcheck.extraction import compiled

    return f"figcheck extractor compiled with mypyc: {'yes' if compiled() else 'no'}"


def main(argv: list[str] | None = None) -> int:
    """Run each size in a subprocess and print the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="1k,10k,100k")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds per size")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.seed, args.jobs)))
        return 0
    rows, points = [], []
    for text in args.sizes.split(","):
        n = size(text)
        cmd = [sys.executable, str(Path(__file__).resolve()), "--one", str(n),
               "--seed", str(args.seed), "--jobs", str(args.jobs)]
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            rows.append([text, "", "", f"stopped after {args.timeout:.0f} s", "", "", "", ""])
            continue
        if out.returncode != 0:
            last = (out.stderr.strip().splitlines() or ["?"])[-1]
            rows.append([text, "", "", f"failed: {last}", "", "", "", ""])
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        if r["claims"] >= 10_000:
            points.append((r["claims"], r["check_s"]))
        workers = f"{r['worker_rss_mb']:,.0f}" if args.jobs > 1 else ""
        rows.append([text, f"{r['claims']:,}", f"{r['extract_s']:.2f}", f"{r['check_s']:.2f}",
                     f"{r['rss_mb']:,.0f}", workers, f"{r['findings']:,}",
                     f"{r['corroborations']:,}"])
        print(f"  {text}: done", file=sys.stderr, flush=True)
    print(build_line())
    print(render(["size", "claims", "extract s", "check s", "peak RSS MB", "worker RSS MB",
                  "findings", "corroborations"], rows, right=[1, 2, 3, 4, 5, 6, 7]))
    k = exponent(points)
    print(f"check-time growth exponent over sizes >= 10k: {k:.2f}" if k is not None
          else "check-time growth exponent: needs two sizes >= 10k that finished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
