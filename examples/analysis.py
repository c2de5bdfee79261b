"""figcheck from an analysis script: check the example articles, end with a DataFrame and a CSV.

Run from anywhere::

    python examples/analysis.py                      # writes discrepancies.csv here
    python examples/analysis.py -o out/findings.csv  # or somewhere else

The script loads the articles next to it and the reference tables in
``../reference_data``, runs every check, prints the findings, and then works
with them as pandas DataFrames, the way an analysis notebook would.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

import figcheck

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    """Check the example articles and write the discrepancies to a CSV; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=Path("discrepancies.csv"))
    args = parser.parse_args(argv)

    # Name each document by its file name, so the report says "kremlin_claims.txt:9:184".
    documents = [
        replace(doc, id=Path(doc.id).name)
        for doc in figcheck.load_documents(sorted(HERE.glob("*.txt")))
    ]
    reference = figcheck.ReferenceTable.load(
        sorted(str(p) for p in (HERE.parent / "reference_data").glob("*.csv"))
    )
    report = figcheck.check(documents, reference=reference)

    # 1. The findings, as a person reads them.
    print(report.to_text())

    # 2. The same findings as a DataFrame: one row per discrepancy,
    #    columns in the documented order figcheck.report.CSV_COLUMNS.
    frame = report.to_frame()
    contradicted = frame[frame["verdict"] == "contradicted"]
    print("Claims the reference tables contradict:")
    print(
        contradicted[
            ["doc_id", "line", "text", "reference_measure", "expected_low", "expected_high"]
        ].to_string(index=False)
    )
    print()

    # 3. Every claim found, for your own analysis: how many of each kind per document.
    claims = report.claims_frame()
    print("Claims per document and kind:")
    print(claims.groupby(["doc_id", "kind"]).size().unstack(fill_value=0).to_string())
    print()

    # 4. A CSV for a spreadsheet (excel=True adds the byte-order mark Excel needs for UTF-8).
    args.output.parent.mkdir(parents=True, exist_ok=True)
    report.to_csv(args.output)
    print(f"wrote {len(frame)} discrepancies to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
