"""Hostile inputs finish in time linear in their size (no catastrophic backtracking).

Timing is relative: the 10x larger input may take at most ~25x as long as the
small one (linear with generous slack for noise), never quadratic (100x).
"""

from __future__ import annotations

import time

import pytest

from figcheck import extract

PATTERNS = {
    "commas": "1," * 2,
    "nines": "9 ",
    "nearly": "nearly ",
    "digits": "1234567890",
    "of": "12 of ",
    "dashes": "3-",
    "between": "between 1 and ",
    "words": "twenty-one and ",
    "dollars": "$1.",
    "spaces": "1 000 ",
}


def _best(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.process_time()
        extract(text)
        best = min(best, time.process_time() - t)
    return best


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_time_is_linear_in_size(name):
    unit = PATTERNS[name]
    small = unit * (10_000 // len(unit))
    large = unit * (100_000 // len(unit))
    extract(small)  # warm caches
    t_small = max(_best(small), 1e-4)
    t_large = _best(large, runs=1)
    assert t_large < 25 * t_small + 0.5, f"{name}: {t_small:.4f}s for 10 KB, {t_large:.4f}s for 100 KB"
