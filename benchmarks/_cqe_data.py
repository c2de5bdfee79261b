"""Readers for the CQE benchmark folders: gold sentences, GPT-3 outputs, README score tables.

The data live outside the repository (``../shared/benchmarks`` by default) and
are read at run time only. Each folder holds ``gold.jsonl``,
``gpt3_predictions.jsonl`` and a ``README.md`` whose "Published results" table
is the source of the published rows.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _cqe_score import METRICS, NO_UNIT, Quantity

from figcheck.errors import FigcheckError

__all__ = [
    "SETS",
    "BenchmarkDataError",
    "Row",
    "Sentence",
    "default_data_dir",
    "load_gold",
    "load_gpt3",
    "published_rows",
    "reproduction_table",
    "scored_metrics",
]

# Folder names, in the order the tables are printed.
SETS = ("newsquant", "cqe-rt-age", "cqe-rt-currency", "cqe-rt-dimension", "cqe-rt-temperature")

# README column headers -> metric names used by the scorer.
_COLUMN_METRIC = {
    "value": "value",
    "value+unit": "value+unit",
    "value+change": "value+change",
    "value+concept partial": "concept partial",
    "value+concept complete": "concept complete",
}
_NUM = r"\d+(?:\.\d+)?+"
_TRIPLE = re.compile(rf"^({_NUM}) / ({_NUM}) / ({_NUM})$")

# metric -> (P, R, F1) x100, or None where a system was not scored on it
Row = dict[str, tuple[float, float, float] | None]


class BenchmarkDataError(ValueError, FigcheckError):
    """A benchmark file is missing or malformed; names the file, the line and the field."""

    def __init__(self, path: Path | str, line: int, field: str, reason: str) -> None:
        super().__init__(str(path), line, field, reason)
        self.path, self.line, self.field, self.reason = str(path), line, field, reason

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.reason}"


@dataclass(frozen=True)
class Sentence:
    """One gold sentence: its id, its text and its gold quantities."""

    id: str
    text: str
    gold: tuple[Quantity, ...]


def default_data_dir() -> Path:
    """``<repo>/../shared/benchmarks``, located from this file."""
    return Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"


def scored_metrics(set_name: str) -> tuple[str, ...]:
    """The metrics the paper reports: all five on NewsQuant, value and value+unit elsewhere."""
    return METRICS if set_name == "newsquant" else METRICS[:2]


def _records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    if not path.is_file():
        raise BenchmarkDataError(path, 0, "<file>", "file not found")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append((lineno, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise BenchmarkDataError(path, lineno, "<json>", str(exc)) from exc
    return rows


def _value(obj: dict[str, Any], path: Path, line: int) -> float | tuple[float, float] | None:
    rng = obj.get("range")
    if rng is not None:
        if not (isinstance(rng, list) and len(rng) == 2):
            raise BenchmarkDataError(path, line, "range", f"expected two numbers, got {rng!r}")
        return (float(rng[0]), float(rng[1]))
    value = obj.get("value")
    return None if value is None else float(value)


def _tokens(tokens: list[str] | None) -> tuple[str, ...] | None:
    # null = not annotated (the rt sets); [] = annotated as none, which the
    # original scorer sees as the token list ["-"].
    if tokens is None:
        return None
    return tuple(tokens) or (NO_UNIT,)


def load_gold(folder: Path) -> list[Sentence]:
    """Every sentence of ``folder/gold.jsonl`` with its gold quantities."""
    path = folder / "gold.jsonl"
    sentences = []
    for lineno, rec in _records(path):
        try:
            quantities = tuple(
                Quantity(
                    value=_value(q, path, lineno),
                    unit=q["unit"] or NO_UNIT,
                    change=q["change"],
                    concepts=_tokens(q["concept_tokens"]),
                )
                for q in rec["quantities"]
            )
            sentences.append(Sentence(rec["id"], rec["text"], quantities))
        except KeyError as exc:
            raise BenchmarkDataError(path, lineno, str(exc.args[0]), "field missing") from exc
        except (TypeError, ValueError) as exc:
            raise BenchmarkDataError(path, lineno, "value", str(exc)) from exc
    return sentences


def load_gpt3(folder: Path) -> dict[str, list[Quantity] | None]:
    """GPT-3's post-processed tuples per sentence id (None where the sentence was replaced)."""
    path = folder / "gpt3_predictions.jsonl"
    out: dict[str, list[Quantity] | None] = {}
    for lineno, rec in _records(path):
        try:
            preds = rec["predictions"]
            out[rec["id"]] = (
                None
                if preds is None
                else [
                    Quantity(
                        value=_value(p, path, lineno),
                        unit=p["unit"] or NO_UNIT,
                        change=p["change"],
                        concepts=tuple(p["concept_tokens"]),
                        note=p.get("value_str") or "",
                    )
                    for p in preds
                ]
            )
        except KeyError as exc:
            raise BenchmarkDataError(path, lineno, str(exc.args[0]), "field missing") from exc
    return out


def _table_after(path: Path, heading: re.Pattern[str]) -> list[tuple[int, list[str]]]:
    """Cells of the first markdown table after the first line matching ``heading``."""
    if not path.is_file():
        raise BenchmarkDataError(path, 0, "<file>", "file not found")
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next((i for i, ln in enumerate(lines) if heading.search(ln)), None)
    if start is None:
        raise BenchmarkDataError(path, 0, heading.pattern, "heading not found")
    rows: list[tuple[int, list[str]]] = []
    for i in range(start + 1, len(lines)):
        line = lines[i].strip()
        if line.startswith("|"):
            rows.append((i + 1, [c.strip() for c in line.strip("|").split("|")]))
        elif rows:
            break
    if len(rows) < 3:
        raise BenchmarkDataError(path, start + 1, heading.pattern, "no table after the heading")
    return [rows[0]] + rows[2:]  # drop the |---| separator


def published_rows(folder: Path) -> dict[str, Row]:
    """The README's "Published results" table: system -> metric -> (P, R, F1), None for "—"."""
    path = folder / "README.md"
    table = _table_after(path, re.compile(r"^## Published results"))
    (_, header), body = table[0], table[1:]
    try:
        metrics = [_COLUMN_METRIC[h] for h in header[1:]]
    except KeyError as exc:
        raise BenchmarkDataError(path, table[0][0], str(exc.args[0]), "unknown column") from exc
    out: dict[str, Row] = {}
    for lineno, cells in body:
        row: Row = {}
        for metric, cell in zip(metrics, cells[1:], strict=True):
            m = _TRIPLE.match(cell)
            if m is None and cell not in ("—", "-"):
                raise BenchmarkDataError(
                    path, lineno, metric, f"expected 'P / R / F1', got {cell!r}"
                )
            row[metric] = None if m is None else (float(m[1]), float(m[2]), float(m[3]))
        out[cells[0]] = row
    return out


def reproduction_table(folder: Path) -> Row:
    """The README's "A faithful re-implementation ... gives" table: metric -> (P, R, F1)."""
    path = folder / "README.md"
    table = _table_after(path, re.compile(r"faithful re-implementation"))
    row: Row = {}
    for lineno, cells in table[1:]:
        metric = _COLUMN_METRIC.get(cells[0])
        if metric is None or len(cells) != 4:
            raise BenchmarkDataError(path, lineno, cells[0], "expected 'metric | P | R | F1'")
        row[metric] = (float(cells[1]), float(cells[2]), float(cells[3]))
    return row
