"""Memory per claim: the extractor's compact claims next to fully validated pydantic copies.

Usage:
    python benchmarks/claim_memory.py [--claims 100k] [--seed 7]

Claims come from ``scale.py``'s generated corpus. Each row is measured with tracemalloc
while the claims are built and kept (caches warmed first, document texts made beforehand
and not counted), so it is the memory a run holds per claim before checking starts:
the claim record, its own strings and numbers, and its share of sentences and of the
strings claims have in common. "validated Claim" rebuilds every claim with ``Claim(**fields)``
(a hash table and a fields-set per claim: the layout before compact claims; its strings
are the compact claims', so they are not counted again).
"""

from __future__ import annotations

import argparse
import gc
import sys
import tracemalloc
from collections.abc import Callable

from _table import render
from scale import corpus, size


def _measure(build: Callable[[], list]) -> tuple[int, float]:
    """(claims, bytes per claim) that ``build``'s result holds."""
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    kept = build()
    gc.collect()
    used = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    return len(kept), used / max(1, len(kept))


def main(argv: list[str] | None = None) -> int:
    """Print bytes per claim for compact and validated claims."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--claims", default="100k")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    import figcheck
    from figcheck.claims import CLAIM_FIELDS, Claim

    for doc_id, text in corpus(2_000, args.seed + 1):  # warm every cache and lexicon
        figcheck.extract(text, doc_id=doc_id)
    docs = list(corpus(size(args.claims), args.seed))

    def compact() -> list:
        out = []
        for doc_id, text in docs:
            out.extend(figcheck.extract(text, doc_id=doc_id))
        return out

    n, per_compact = _measure(compact)
    claims = compact()

    def validated() -> list:
        return [Claim(**{f: getattr(c, f) for f in CLAIM_FIELDS}) for c in claims]

    _, per_validated = _measure(validated)
    print(render(["claims", "layout", "bytes per claim", "MB per 1M claims"], [
        [f"{n:,}", "compact (extract)", f"{per_compact:,.0f}", f"{per_compact:,.0f}"],
        [f"{n:,}", "validated Claim", f"{per_validated:,.0f}", f"{per_validated:,.0f}"],
    ], right=[0, 2, 3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
