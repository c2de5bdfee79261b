"""Print what figcheck.check finds in the seed articles, checked against reference_data/.

Run from the repository root:

    python benchmarks/check_seeds.py             # ../shared/seeds/*.txt, reference_data/*.csv
    python benchmarks/check_seeds.py --seeds DIR --reference DIR
    python benchmarks/check_seeds.py --scale     # time grouping and matching as corpora grow

Prints the claims, the findings, every reference comparison with its verdict, and the
corroborations, as plain-text tables. Exit code 0, or 2 when an input is missing or invalid.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from _table import fmt_number, render

from figcheck.pipeline import check
from figcheck.checking.options import CheckOptions
from figcheck.checking.against_reference import compare_with_reference, context_of
from figcheck.checking.align import align
from figcheck.checking.between_claims import compare_claims
from figcheck.claims import Claim
from figcheck.documents import load_documents
from figcheck.errors import FigcheckError
from figcheck.formatting import format_interval
from figcheck.reference import ReferenceRow, ReferenceTable
from figcheck.report import Report

ROOT = Path(__file__).resolve().parents[1]
WIDTH = 70


def _where(claim: Claim) -> str:
    return f"{Path(claim.doc_id).name[:12]}:{claim.line}:{claim.column}"


def _interval(low: float | None, high: float | None, unit: str | None) -> str:
    if low is None or high is None or unit is None:
        return ""
    return format_interval(low, high, unit)


def _row(row: ReferenceRow | None) -> str:
    if row is None:
        return ""
    who = f" [{row.claimed_by}]" if row.claimed_by else ""
    return f"{row.subject} / {row.measure} ({row.period or 'no period'}){who}"


def _pct(x: float | None) -> str:
    return "" if x is None else f"{x:+.1%}"


def print_report(report: Report) -> None:
    """The report as five tables."""
    docs = [[Path(d).name, str(sum(c.doc_id == d for c in report.claims))]
            for d in report.documents]
    print(f"{len(report.claims)} claims in {len(report.documents)} documents\n")
    print(render(["document", "claims"], docs, right=[1]), "\n")
    claims = [[_where(c), c.text, c.kind.value, _interval(c.low, c.high, c.unit),
               c.subject or "", c.concept or "", c.noun or "", c.period or "", c.source or ""]
              for c in report.claims]
    print(render(["where", "claim", "kind", "interval", "subject", "concept", "noun", "period",
                  "source"], claims, max_width=40), "\n")
    findings = [[f.check.value, f.severity.value, _where(f.claim), f.claim.text,
                 _interval(f.claimed_low, f.claimed_high, f.unit),
                 _interval(f.expected_low, f.expected_high, f.unit), _pct(f.rel_diff),
                 f.hint or f.message] for f in report.findings]
    print(f"{len(report.findings)} findings")
    print(render(["check", "severity", "where", "claim", "claimed", "expected", "diff", "why"],
                 findings, max_width=WIDTH), "\n")
    rows = [[_where(c.claim), c.claim.text, c.verdict.value, _row(c.reference),
             _interval(c.expected_low, c.expected_high, c.unit), _pct(c.rel_diff),
             "" if c.tolerance is None else f"{c.tolerance:.1%}", c.hint or ""]
            for c in report.comparisons]
    counts = {v: sum(c.verdict == v for c in report.comparisons) for v in
              dict.fromkeys(c.verdict for c in report.comparisons)}
    print(f"{len(report.comparisons)} comparisons: "
          + ", ".join(f"{n} {v.value}" for v, n in counts.items()))
    print(render(["where", "claim", "verdict", "reference row", "expected", "diff", "tol", "hint"],
                 rows, max_width=WIDTH), "\n")
    corr = [[_where(c.claim), c.claim.text, _where(c.other), c.other.text]
            for c in report.corroborations]
    print(f"{len(report.corroborations)} corroborations")
    print(render(["where", "claim", "agrees with", "claim"], corr, max_width=WIDTH))


def _synthetic(n_claims: int, seed: int = 7) -> tuple[list[Claim], ReferenceTable, dict]:
    """Claims about n/4 towns (four per town, two documents) and two rows per town."""
    rng = random.Random(seed)
    towns = max(1, n_claims // 4)
    claims, texts = [], {}
    for i in range(n_claims):
        town = rng.randrange(towns)
        value = 1000 + town + rng.choice([0, 0, 0, 50])
        sentence = f"Town{town} has a population of {value}."
        start = sentence.index(str(value))
        doc = f"doc{i % 2}"
        claims.append(Claim(
            doc_id=doc, start=start, end=start + len(str(value)), text=str(value),
            sentence=sentence, sentence_start=0, sentence_end=len(sentence), line=1,
            column=start + 1, kind="count", value=value, low=value, high=value, unit="count",
            bound="=", subject=f"Town{town}", concept="population", rule="synthetic"))
        texts[doc] = sentence
    rows = [dict(subject=f"Town{t}", measure=m, value=1000 + t, unit="count")
            for t in range(towns) for m in ("population", "voters")]
    import pandas as pd

    return claims, ReferenceTable.from_frame(pd.DataFrame(rows)), texts


def scale() -> None:
    """Time between-claims and reference matching on growing synthetic corpora."""
    options = CheckOptions()
    warm_claims, warm_table, _ = _synthetic(200)  # load data files and unit caches first
    compare_claims(warm_claims, options)
    compare_with_reference(warm_claims, warm_table, options=options)
    out = []
    for n in (1_000, 4_000, 16_000):
        claims, table, _ = _synthetic(n)
        t0 = time.perf_counter()
        conflicts, corroborations = compare_claims(claims, options)
        t1 = time.perf_counter()
        scored = align(claims).pairs_scored
        compare_with_reference(claims, table, options=options)
        t2 = time.perf_counter()
        candidates = sum(len(table.rows_sharing_words(context_of(c).sentence)) for c in claims)
        out.append([fmt_number(n), fmt_number(len(table)), f"{(t1 - t0) / n * 1e6:.0f}",
                    f"{(t2 - t1) / n * 1e6:.0f}", f"{candidates / n:.1f}",
                    f"{scored / n:.1f}", fmt_number(len(conflicts) + len(corroborations))])
    print(render(["claims", "rows", "between µs/claim", "reference µs/claim",
                  "candidate rows/claim", "pairs scored/claim", "pairs"], out,
                 right=[0, 1, 2, 3, 4, 5, 6]))


def main(argv: list[str] | None = None) -> int:
    """Entry point; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--reference", type=Path, default=ROOT / "reference_data",
                        help="a folder of *.csv tables or one table file")
    parser.add_argument("--scale", action="store_true", help="time matching on synthetic corpora")
    args = parser.parse_args(argv)
    if args.scale:
        scale()
        return 0
    try:
        docs = load_documents(str(args.seeds / "*.txt"))
        tables = (sorted(args.reference.glob("*.csv")) if args.reference.is_dir()
                  else [args.reference])
        table = ReferenceTable.load(tables)
    except (FigcheckError, OSError, ValueError) as exc:
        print(f"check_seeds: {exc}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    report = check(docs, table)
    elapsed = time.perf_counter() - start
    print_report(report)
    print(f"\nchecked in {elapsed:.2f} s against {len(table)} reference rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
