"""Plain-text tables and number formatting for the benchmark scripts."""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["fmt_number", "render"]


def fmt_number(value: float | None) -> str:
    """A short, exact-looking rendering of a number: ``2,480``, ``0.4167``, ``6.02e-23``.

    >>> fmt_number(2480.0), fmt_number(0.41667), fmt_number(float("inf")), fmt_number(None)
    ('2,480', '0.41667', 'inf', '')
    """
    if value is None:
        return ""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:.6g}"


def _clip(cell: str, width: int | None) -> str:
    cell = " ".join(cell.split())
    if width is not None and len(cell) > width:
        return cell[: width - 1] + "…"
    return cell


def render(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    max_width: int | None = None,
    right: Sequence[int] = (),
) -> str:
    """An aligned plain-text table; cells longer than ``max_width`` are clipped with an ellipsis.

    >>> print(render(["a", "bb"], [["1", "2"], ["333", "4"]], right=[0]))
      a  bb
    ---  --
      1  2
    333  4
    """
    cells = [[_clip(c, max_width) for c in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: list[str]) -> str:
        parts = [
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])
