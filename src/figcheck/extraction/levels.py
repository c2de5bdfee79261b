"""Index levels: a bare figure that is the level of an index whose move is in points.

"The Varro 40 rose 64.06 points to 4,577.10": the 4,577.10 is a level in index
points, not a count of anything. A bare figure (no unit, no noun after it) takes
the unit "index_point" when another figure of its sentence is in points and a
word of ``data/measures.toml``'s ``[index_levels] before`` list ("to", "at")
introduces it.

The other way round, "the jobless rate climbed 0.7 points to 6.2%": points moved
by a rate whose level the sentence gives in percent (after "to"/"at") are
percentage points, a share like the level.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

from ..claims import Claim, Kind
from ..lexicon.files import data_file
from ..regex_cache import compile_pattern

__all__ = ["index_levels"]

_NEXT: Final = compile_pattern(r"\s*+([^\W\d_]?)")


@functools.cache
def _before() -> re.Pattern[str]:
    df = data_file("measures.toml")
    table = df.table("index_levels")
    words = df.string_list(table.get("before"), "before", "index_levels", empty=False,
                           what="word or mark", unique=True)
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:^|[\s(])(?:{alternation})\s*+$", re.IGNORECASE)


def index_levels(claims: Sequence[Claim], text: str) -> list[Claim]:
    """The claims of one sentence, bare figures after "to"/"at" read as index levels
    when another figure of the sentence is in index points.

    ``text`` is the document the claims' offsets point into.
    """
    if not any(c.unit == "index_point" for c in claims):
        return list(claims)
    if any(c.unit == "percent" and c.change is None and _after_to(c, text) for c in claims):
        # "climbed 0.7 points to 6.2%": the points are percentage points
        return [c.model_copy(update={"unit": "percent", "kind": Kind.PROPORTION})
                if c.unit == "index_point" and not _after_to(c, text) else c for c in claims]
    out = []
    for c in claims:
        if c.unit == "count" and c.kind is Kind.COUNT and c.whole is None and _level_at(c, text):
            c = c.model_copy(update={"unit": "index_point", "kind": Kind.MEASURE})
        out.append(c)
    return out


def _level_at(c: Claim, text: str) -> bool:
    after = _NEXT.match(text, c.end)
    if after is not None and after.group(1):
        return False  # "to 40 stores": a noun says what is counted
    return _after_to(c, text)


def _after_to(c: Claim, text: str) -> bool:
    """A word of ``[index_levels] before`` ("to", "at") stands right before the figure."""
    return _before().search(text, max(0, c.start - 12), c.start) is not None
