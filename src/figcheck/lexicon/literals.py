"""Alternations of literal words that the regex engine can skip to quickly."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["literal_led", "trie_alternation"]


def literal_led(literals: Iterable[str], not_behind: str) -> str:
    """``(?:A(?<!XA)|B(?<!XB)|...)``: each literal, then a check that no ``not_behind``
    character (a regex class such as ``[\\w$]``) stands before it.

    The same as ``(?<!X)(?:A|B|...)`` for a match, but the pattern opens with the
    literals, so a search skips to the places their first characters stand instead of
    trying every position. Longer literals come first.

    >>> re.findall(literal_led(["USD", "RM"], r"[\\w$]"), "USD5 xRM3 RM2")
    ['USD', 'RM']
    """
    ordered = sorted(set(literals), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(f"{re.escape(w)}(?<!{not_behind}{re.escape(w)})" for w in ordered) + ")"


def trie_alternation(words: Iterable[str]) -> str:
    """An alternation matching exactly ``words`` (none empty), written as a trie, so that at
    each offset the engine follows one branch per character instead of trying every word.

    >>> trie_alternation(["one", "onefold", "two"])
    '(?:one(?:fold)?|two)'
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _branch(root)


def _branch(node: dict[str, Any]) -> str:
    alts = [re.escape(ch) + _branch(node[ch]) for ch in sorted(node) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body
