"""Alternations of literal words that the regex engine can skip to quickly."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..kept_texts import kept_text

__all__ = ["alternation", "literal_led", "trie_alternation"]


def literal_led(literals: Iterable[str], not_behind: str) -> str:
    """``(?:A(?<!XA)|B(?<!XB)|...)``: each literal, then a check that no ``not_behind``
    character (a regex class such as ``[\\w$]``) stands before it.

    The same as ``(?<!X)(?:A|B|...)`` for a match, but the pattern opens with the
    literals, so a search skips to the places their first characters stand instead of
    trying every position. Longer literals come first.

    >>> re.findall(literal_led(["USD", "RM"], r"[\\w$]"), "USD5 xRM3 RM2")
    ['USD', 'RM']
    """
    unique = frozenset(literals)
    return kept_text(f"literal_led {not_behind}", unique, lambda: _literal_led(unique, not_behind),
                     __name__)


def _literal_led(literals: frozenset[str], not_behind: str) -> str:
    ordered = sorted(literals, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(f"{re.escape(w)}(?<!{not_behind}{re.escape(w)})" for w in ordered) + ")"


def trie_alternation(words: Iterable[str]) -> str:
    """An alternation matching exactly ``words`` (none empty), written as a trie, so that at
    each offset the engine follows one branch per character instead of trying every word.

    >>> trie_alternation(["one", "onefold", "two"])
    '(?:one(?:fold)?|two)'
    """
    unique = frozenset(words)
    return kept_text("trie_alternation", unique, lambda: _branch(_prefix_tree(unique)), __name__)


def _prefix_tree(words: Iterable[str]) -> dict[str, Any]:
    """The words as nested dicts, one level per character; a key "" marks a word's end."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def _runs(node: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Each way on from ``node``, in character order, as (escaped run, node it leads to): a run
    of nodes with one way on is written in one piece (as each would write it)."""
    found: list[tuple[str, dict[str, Any]]] = []
    for ch in sorted(node):
        if ch:
            run, child = [ch], node[ch]
            while len(child) == 1 and "" not in child:
                (c, child), = child.items()
                run.append(c)
            found.append((re.escape("".join(run)), child))
    return found


def _branch(node: dict[str, Any]) -> str:
    alts = [run + _branch(child) for run, child in _runs(node)]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def alternation(words: list[str]) -> str:
    """A regex matching any of the literal phrases, preferring the longest ("more than" over "more"):
    the scanner's form for every word list.

    The phrases are merged into a prefix tree ("t(?:en|h(?:ird|ree))"), which the
    regex engine walks in one pass instead of trying hundreds of branches at every
    position (measured: several times faster on the word lists here).
    """
    unique = frozenset(words)
    return kept_text("alternation", unique, lambda: _alternation(unique), __name__)


def _alternation(words: frozenset[str]) -> str:
    trie = _prefix_tree(words)
    # (?a:) keeps case-insensitive matching to ASCII letters: Unicode folding would let "İ"
    # match "i", and "bİllion".lower() is 8 characters that no table holds
    return "(?a:" + _trie_pattern(trie) + ")" if trie else "(?!)"


def _trie_pattern(node: dict[str, Any]) -> str:
    end = "" in node
    branches = [run + _trie_pattern(child) for run, child in _runs(node)]
    if not branches:
        return ""
    if len(branches) == 1 and not end:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if end else body
