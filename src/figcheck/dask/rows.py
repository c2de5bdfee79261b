"""Claims as rows of a (Dask) DataFrame and back, with what checking needs beside them.

A row holds the claim's columns (exactly :data:`~figcheck.report.columns.CLAIM_COLUMNS`, as in
:meth:`figcheck.Report.claims_frame`), then:

- ``doc_order``, ``claim_order``: where the document stands among the documents (in input
  order) and where the claim stands in its document, so results can be put in the order of the
  local run;
- ``block``: the block it is checked in (:func:`figcheck.checking.blocks.block_key`);
- ``state``: an opaque pickle of what the document stage found about the claim (its frame, the
  document words that name subjects, its reference comparison, the derived relations it agrees
  in), for the block stage.

>>> from figcheck.extraction.extractor import extract
>>> claim = extract("Floods killed 1,627 people in 2023.", doc_id="a")[0]
>>> claim_from_row(claim_rows([claim])[0]) == claim
True
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from ..checking.frames import Frame
from ..claims import Claim
from ..errors import OptionError
from ..findings import Comparison, Corroboration
from ..report.columns import CLAIM_COLUMNS, CLAIM_DTYPES, claim_rows

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "EXTRA_COLUMNS",
    "ROW_COLUMNS",
    "ClaimState",
    "claim_from_row",
    "claim_rows",
    "claims_of",
    "claims_part",
    "doc_order_key",
    "frame_state",
    "rebuild_frame",
    "states_of",
]

#: The columns a claims frame adds after the claim's own.
EXTRA_COLUMNS: tuple[str, ...] = ("doc_order", "claim_order", "block", "state")
#: Every column of a claims frame, in order.
ROW_COLUMNS: tuple[str, ...] = (*CLAIM_COLUMNS, *EXTRA_COLUMNS)
# Frame fields the row rebuilds itself rather than keeping in the state.
_REBUILT = frozenset({"index", "claim", "mentions"})


@dataclass(frozen=True)
class ClaimState:
    """What the block stage needs of a claim beyond its columns.

    ``frame`` holds the claim's :class:`~figcheck.checking.frames.Frame` fields but its index,
    claim and mentions; ``mentions`` the words of its document that are words of some claim's
    subject in the run (all alignment asks of a document's words); ``agreements`` the derived
    relations that hold with the claim in them, each with its place in the run's order;
    ``claim`` the claim itself only when its columns cannot carry it exactly.
    """

    frame: Mapping[str, Any]
    mentions: frozenset[str]
    comparison: Comparison | None
    agreements: tuple[tuple[tuple[int, int], Corroboration], ...]
    claim: Claim | None = None


def frame_state(frame: Frame) -> dict[str, Any]:
    """The fields of ``frame`` that a row keeps (all but index, claim and mentions)."""
    return {f.name: getattr(frame, f.name) for f in fields(Frame) if f.name not in _REBUILT}


def rebuild_frame(index: int, claim: Claim, state: ClaimState) -> Frame:
    """The frame of ``claim`` at position ``index`` of a block, from its state."""
    return Frame(index=index, claim=claim, mentions=state.mentions, **state.frame)


def _missing(value: object) -> bool:
    """None, NaN, NaT or ``<NA>``: a cell with no value."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(value, float) and value != value


# How a column's cell becomes the Claim field's value, by the column's dtype.
_CONVERT = {"Int64": int, "float64": float, "boolean": bool}


def claim_from_row(row: Mapping[str, Any]) -> Claim:
    """The Claim a row of :data:`CLAIM_COLUMNS` holds (enums as values, qualifiers joined by
    ``"; "``, missing values as None, NaN or ``<NA>``)."""
    data: dict[str, Any] = {}
    for name, dtype in CLAIM_DTYPES.items():
        value = row.get(name)
        if not _missing(value):
            data[name] = _CONVERT.get(dtype, str)(value)
    qualifiers = data.get("qualifiers")
    data["qualifiers"] = tuple(qualifiers.split("; ")) if qualifiers else ()
    return Claim.model_validate(data)


def states_of(frame: pd.DataFrame) -> list[ClaimState]:
    """The unpickled ``state`` column of a claims frame."""
    return [pickle.loads(s) for s in frame["state"]]


def claims_part(claims: Sequence[Claim], orders: Sequence[tuple[int, int]],
                blocks: Sequence[str], states: Sequence[ClaimState]) -> pd.DataFrame:
    """A pandas claims frame (:data:`ROW_COLUMNS`) of ``claims``, one row each.

    A claim its columns would not give back exactly (an empty text field, a qualifier with
    ``"; "``) keeps itself in its state.
    """
    import pandas as pd

    rows = claim_rows(claims)
    frame = pd.DataFrame({name: pd.Series([r[name] for r in rows], dtype=dtype)
                          for name, dtype in CLAIM_DTYPES.items()})  # as claims_frame()
    kept = []
    for claim, row, state in zip(claims, rows, states, strict=True):
        if claim_from_row(row) != claim:
            state = ClaimState(state.frame, state.mentions, state.comparison, state.agreements,
                               claim)
        kept.append(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    frame["doc_order"] = pd.array([o[0] for o in orders], dtype="int64")
    frame["claim_order"] = pd.array([o[1] for o in orders], dtype="int64")
    frame["block"] = pd.array(list(blocks), dtype="str")
    frame["state"] = pd.Series(kept, dtype=_binary(), index=frame.index)
    return frame


def _binary() -> pd.ArrowDtype:
    """Bytes as Arrow binary: Dask neither turns the column into text nor pickles it."""
    import pandas as pd
    import pyarrow as pa

    return pd.ArrowDtype(pa.binary())


def claims_of(frame: pd.DataFrame, states: Sequence[ClaimState]) -> list[Claim]:
    """The claims of a claims frame's rows (with their states, from :func:`states_of`)."""
    records = frame[list(CLAIM_COLUMNS)].to_dict("records")
    return [s.claim if s.claim is not None else claim_from_row(r)
            for r, s in zip(records, states, strict=True)]


def doc_order_key(part: int, position: int) -> int:
    """A document's place in the input: partition, then position in it, as one int."""
    if position >= 2**32:
        raise OptionError("a partition of more than 2**32 documents")
    return (part << 32) | position
