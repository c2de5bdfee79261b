"""Fact group ids across blocks: the numbers the local run gives, from each block's own.

The local run checks its blocks in order of their keys and numbers each block's fact groups
after those of the blocks before it (:func:`figcheck.checking.blocks.check_between`). Each
block of a Dask run reports how many ids it used; their running sum, in order of the keys, is
each block's offset.

>>> number_groups([{"[length]": 2}, {"[count]": 3, "[share]": 1}])
{'[count]': 0, '[length]': 3, '[share]': 5}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["number_groups", "renumbered"]


def number_groups(parts: Sequence[Mapping[str, int]]) -> dict[str, int]:
    """Each block's offset: the fact group ids used by the blocks whose keys sort before it."""
    used = {key: n for part in parts for key, n in part.items()}
    offsets, total = {}, 0
    for key in sorted(used):
        offsets[key] = total
        total += used[key]
    return offsets


def renumbered(coverage: pd.DataFrame, offsets: Mapping[str, int]) -> pd.DataFrame:
    """``coverage`` with its ``fact_group`` numbered as in the run, without the ``block``
    column."""
    import pandas as pd

    groups = [None if pd.isna(g) else int(g) + offsets[b]
              for b, g in zip(coverage["block"], coverage["fact_group"], strict=True)]
    out = coverage.drop(columns=["block"])
    out["fact_group"] = pd.array(groups, dtype="Int64")
    return out
