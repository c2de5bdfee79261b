"""The checking stage: claims (and reference tables) in, findings out.

- :mod:`.options`: the options of a run (:class:`~.options.CheckOptions`) and severities;
- :mod:`.intervals`: claim intervals, their distances and how they are written;
- :mod:`.keys`: which claims are about the same thing;
- :mod:`.claim_level`: checks inside one claim or one sentence;
- :mod:`.align`: which claims state the same fact (links and fact groups);
- :mod:`.between_claims`: conflicts and corroborations between claims;
- :mod:`.blocks`: checking between claims block by block (:func:`block_key`,
  :func:`check_block`), the same functions for a local run and a cluster;
- :mod:`.against_reference`: claims matched to reference rows.

Defaults of every option are in ``figcheck/data/checks.toml`` and documented there.
The names below are loaded on first use, so importing the package stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .blocks import BlockResult, WordCounts, block_key, check_between, check_block, frames_of

_EXPORTS = {
    "BlockResult": "blocks",
    "WordCounts": "blocks",
    "block_key": "blocks",
    "check_between": "blocks",
    "check_block": "blocks",
    "frames_of": "blocks",
}

__all__ = ["BlockResult", "WordCounts", "block_key", "check_between", "check_block", "frames_of"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'figcheck.checking' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)
