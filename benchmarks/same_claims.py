"""Check that two figcheck trees extract exactly the same claims (every field) from the same texts.

Usage:
    python benchmarks/same_claims.py BASE_TREE [NEW_TREE] [--shared DIR] [--fuzz 3000] [--show 5]

For a change meant to make extraction faster without changing what it finds. The texts:
the repository's examples, the article prose and the number-dense mix of ``speed.py`` (one
call per paragraph, and the prose once as one dated document), every sentence of the
benchmark sets under ``<shared>/benchmarks`` (gold sentences, context-dev sentences with
their dates and titles, the documents of checking-dev and derived-dev), and ``--fuzz``
inputs of ``fuzz.py``'s seeded generator. Each tree runs in its own subprocess (its
``src/`` first on ``PYTHONPATH``) and returns every claim as a :func:`figcheck.claim_record`
tuple; floats are compared by their repr. Prints the counts and the first differences;
exits 0 when the claims are identical, 1 when they differ, 2 when a tree cannot run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from fuzz import make_input
from _trees import add_tree_arguments
from speed import SpeedError, build_text, chunks_of, corpus

# Runs in a subprocess: argv = JSON file of [label, text, date, title] rows, output file.
_EXTRACTOR = """
import json, sys
import figcheck
from figcheck.claims import claim_record
rows = json.load(open(sys.argv[1], encoding="utf-8"))
out = []
for label, text, date, title in rows:
    try:
        claims = figcheck.extract(text, doc_id="same", date=date, title=title)
        out.append([repr(v) for c in claims for v in claim_record(c)])
    except Exception as exc:
        out.append(["error", type(exc).__name__, str(exc)])
json.dump(out, open(sys.argv[2], "w", encoding="utf-8"))
"""

Row = tuple[str, str, "str | None", "str | None"]


def texts(repo: Path, shared: Path, fuzz: int) -> list[Row]:
    """Every (label, text, date, title) the two trees are run on."""
    rows: list[Row] = []
    for path in sorted((repo / "examples").rglob("*.txt")):
        rows.append((f"example {path.name}", path.read_text(encoding="utf-8"), None, None))
    prose, mixed = corpus(shared)
    for name, base in (("prose", prose), ("mixed", mixed)):
        for k, chunk in enumerate(chunks_of(build_text(base, len(base)), False)):
            rows.append((f"{name} paragraph {k}", chunk, None, None))
    rows.append(("prose as one document", prose, "2024-03-07", "A report"))
    bench = shared / "benchmarks"
    for gold in sorted(bench.glob("*/gold.jsonl")):
        for k, line in enumerate(gold.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                rows.append((f"{gold.parent.name} {k}", json.loads(line)["text"], None, None))
    for k, item in enumerate(_jsonl(bench / "context-dev" / "sentences.jsonl")):
        rows.append((f"context-dev {k}", item["text"], item.get("doc_date"), item.get("title")))
    for k, item in enumerate(_jsonl(bench / "checking-dev" / "crossdoc.jsonl")):
        for doc in item["docs"]:
            rows.append((f"crossdoc {k} {doc['id']}", doc["text"], doc.get("date"), None))
    for name in ("checking-dev/reference_cases.jsonl", "derived-dev/cases.jsonl"):
        for k, item in enumerate(_jsonl(bench / name)):
            doc = item["doc"]
            rows.append((f"{name} {k}", doc["text"], doc.get("date"), doc.get("title")))
    for k in range(fuzz):
        shape, text = make_input(0, k, 400)
        rows.append((f"fuzz {shape} {k}", text, None, None))
    return rows


def _jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def records(tree: Path, rows_file: Path, out_file: Path) -> list[list[str]]:
    """Every claim of every row as extracted by ``tree``, flattened to field reprs per row."""
    src = tree / "src"
    if not (src / "figcheck" / "__init__.py").is_file():
        raise SpeedError(f"no figcheck package under {src}")
    env = dict(os.environ, PYTHONPATH=str(src))
    done = subprocess.run(
        [sys.executable, "-c", _EXTRACTOR, str(rows_file), str(out_file)],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SpeedError(f"extracting with {tree} failed: {done.stderr.strip()[-400:]}")
    return json.loads(out_file.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    """Print the counts and the first differences; 0 when identical."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_tree_arguments(parser)
    parser.add_argument("--fuzz", type=int, default=3000, help="fuzz inputs (default: 3000)")
    parser.add_argument("--show", type=int, default=5, help="differences printed (default: 5)")
    args = parser.parse_args(argv)
    try:
        rows = texts(args.new.resolve(), args.shared, args.fuzz)
        with tempfile.TemporaryDirectory(prefix="figcheck-same-") as tmp:
            path = Path(tmp) / "rows.json"
            path.write_text(json.dumps(rows), encoding="utf-8")
            base = records(args.base.resolve(), path, Path(tmp) / "base.json")
            new = records(args.new.resolve(), path, Path(tmp) / "new.json")
    except SpeedError as exc:
        print(f"same_claims.py: {exc}", file=sys.stderr)
        return 2
    fields = len(__import__("figcheck").claims.CLAIM_FIELDS)
    differ = [k for k in range(len(rows)) if base[k] != new[k]]
    claims = sum(len(r) for r in new if r[:1] != ["error"]) // fields
    print(f"{len(rows):,} texts, {claims:,} claims (new tree); {len(differ)} texts differ.")
    for k in differ[: args.show]:
        print(f"- {rows[k][0]}: {rows[k][1][:200]!r}")
        print(f"  base: {base[k][:60]}")
        print(f"  new:  {new[k][:60]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
