"""The words just left of an offset, for dictionary look-ups of hedges and cues."""

from __future__ import annotations

import threading

from ..regex_cache import compile_pattern

__all__ = ["OPENERS", "PREV_CHARS", "WORDLIKE", "forget_tails", "prev_word", "tail"]

WORDLIKE = compile_pattern(r"[A-Za-z][\w'’.&-]*+")
OPENERS = "(\"“‘'["
PREV_CHARS = 48  # how far left the hedge, currency and change windows look


_LOCAL = threading.local()  # per-thread memo of tail() for the text being scanned


def tail(text: str, s: int, n: int = 4) -> list[tuple[int, str]]:
    """The last ``n`` (at most 4) whitespace-separated tokens before offset ``s``, nearest last.

    Each token is (start, token). Looking words up in dictionaries is much
    cheaper than searching the window with end-anchored alternations of a few
    hundred phrases (measured: ~5x). The scanner asks for the same offset several
    times, so results are kept for the text being scanned.
    """
    memo = getattr(_LOCAL, "memo", None)
    if memo is None or memo[0] is not text:
        memo = _LOCAL.memo = (text, {})
    tails: dict[int, list[tuple[int, str]]] = memo[1]
    toks = tails.get(s)
    if toks is None:
        w0 = max(0, s - PREV_CHARS)
        window = text[w0:s]
        # str.split cuts at the characters \s matches; each of the last five tokens (one
        # may be cut by the window's edge) is found right-to-left before the one after it
        toks = []
        end = len(window)
        for tok in reversed(window.split()[-5:]):
            end = window.rfind(tok, 0, end)
            toks.append((w0 + end, tok))
        toks.reverse()
        if toks and toks[0][0] == w0 and w0 > 0 and not text[w0 - 1].isspace():
            toks = toks[1:]  # cut by the window's edge
        toks = toks[-4:]
        if len(tails) > 4096:
            tails.clear()
        tails[s] = toks
    return toks[-n:]


def prev_word(text: str, s: int, toks: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The word before ``s`` separated from it by spaces only (``toks`` = its tail), or None."""
    if not toks:
        return None
    start, tok = toks[-1]
    if start + len(tok) == s:
        return None
    word = tok.lstrip(OPENERS)
    if not WORDLIKE.fullmatch(word):
        return None
    return start + len(tok) - len(word), word


def forget_tails() -> None:
    """Drop this thread's memo of the last scanned text (so it is not kept alive)."""
    _LOCAL.memo = None
