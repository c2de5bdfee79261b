"""The word-list check answers as the item-by-item check does: the same list, or the same error."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.tomlkeys import string_list

_WORD = re.compile(r"[a-z][a-z'\-]*")


def _plain(value: object, *, single: bool, blank_items: bool, empty: bool,
           pattern: re.Pattern[str] | None, unique: bool) -> list[str]:
    """Each item looked at in turn, the first fault raised."""
    if single and isinstance(value, str):
        value = [value]
    if not (isinstance(value, list)
            and all(isinstance(v, str) and (blank_items or v.strip()) for v in value)
            and (empty or value)):
        raise ValueError("shape")
    seen: set[str] = set()
    for v in value:
        if pattern is not None and not pattern.fullmatch(v):
            raise ValueError(f"{v!r} is not a word")
        if unique and v in seen:
            raise ValueError(f"{v!r} is listed twice")
        seen.add(v)
    return list(value)


class _Str(str):
    pass


_ITEMS = st.one_of(st.sampled_from(["a", "ab", "b-c", "", " ", "A", "x y", "d'e", "a"]),
                   st.builds(_Str, st.sampled_from(["a", " ", "Q"])), st.integers(0, 3),
                   st.none())
_VALUES = st.one_of(st.lists(_ITEMS, max_size=6), st.sampled_from(["a", "", 5, None, ("a",)]))


def _outcome(fn, value: object, **kw: object) -> tuple[str, object]:
    try:
        return "ok", fn(value, **kw)
    except ValueError as exc:
        return "error", str(exc)


@settings(max_examples=600, deadline=None)
@given(_VALUES, st.booleans(), st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_string_list_agrees_with_the_item_by_item_check(value, single, blank_items, empty,
                                                        with_pattern, unique):
    kw = dict(single=single, blank_items=blank_items, empty=empty,
              pattern=_WORD if with_pattern else None, unique=unique)
    fast = _outcome(string_list, value, what="word", **kw)
    plain = _outcome(_plain, value, **kw)
    assert fast[0] == plain[0]
    if fast[0] == "ok":
        assert fast[1] == plain[1] and type(fast[1]) is list
    elif plain[1] != "shape":
        assert fast[1] == plain[1]
