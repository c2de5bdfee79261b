"""What is not a claim: dates, years, times, identifiers, names, addresses, scores, "no one".

Plain functions of the scanner's Grammar and the text: each reads the words and
characters around a candidate figure. Their word lists (months, identifier
words, street words, score words...) are in ``figcheck/data/exclusions.toml``
and ``numbers.toml``.
"""

from __future__ import annotations

import re
from typing import Final

from ..regex_cache import compile_pattern
from .bounds import hedge_before
from .figure import Figure
from .patterns import (
    ADDRESS_WORD,
    CLOCK,
    LOWER_WORD,
    NAMED_REACH,
    NEXT_WORD,
    SCORE_WINDOW,
    Grammar,
)
from .tokens import WORDLIKE, prev_word, tail

__all__ = [
    "after_name",
    "digits_ok",
    "is_identifier",
    "is_month",
    "is_score",
    "is_year",
    "named_at",
    "pronoun_one",
]


def named_at(g: Grammar, text: str, s: int) -> int | None:
    """The end of a fixed name with a number in it ("S&P 500") covering offset ``s``, or None."""
    w0 = max(0, s - NAMED_REACH)
    for m in g.lex.named_re.finditer(text, w0, min(len(text), s + NAMED_REACH)):
        if m.start() <= s < m.end():
            return m.end()
    return None


def digits_ok(g: Grammar, text: str, s: int, e: int, literal: str) -> bool:
    """False for digit runs that are dates, times, identifiers, versions, phone numbers."""
    lex = g.lex
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    if (
        before in "-–"
        and s >= 2
        and text[s - 2].isalpha()
        and text[max(0, s - 4) : s].lower() != "sub-"
        and text[max(0, s - 6) : s].lower() != "minus-"
    ):
        return False  # F-16, Su-25, Covid-19 (but "sub-300 sq m" is a bound)
    if before in "-–" and s >= 2 and text[s - 2].isdigit():
        k = s - 1
        while k > 0 and text[k - 1].isdigit():
            k -= 1
        if s - 1 - k <= 2 and len(literal) <= 2 and score_context(g, text, k, e):
            return False  # the second goal count of "beat Charlton 2-1"
        prev = prev_word(text, k, tail(text, k, 1))
        if prev is not None and is_month(g, prev[1]):
            return False  # Sept. 20-24
    if after in "-–" and e + 1 < len(text) and text[e + 1].isdigit() and len(literal) <= 2:
        k = e + 1
        while k < len(text) and text[k].isdigit():
            k += 1
        if k - e - 1 <= 2 and score_context(g, text, s, k):
            return False  # the first goal count of "won 3-1"
    if before == "(" and after == ")" and literal.isdigit():
        prev = prev_word(text, s - 1, tail(text, s - 1, 1))
        if prev is not None and prev[1][0].isupper():
            return False  # a player's shirt number: "Dak Prescott (4)"
    if after == "/" or before == "/":
        return False  # 24/7, 9/11, 3/4/2022
    if after == "." and e + 1 < len(text) and text[e + 1].isdigit():
        return False  # 1.2.3
    if after == ":" and e + 1 < len(text) and text[e + 1].isdigit():
        return False  # 07:42
    if before == ":" and s >= 2 and text[s - 2].isdigit():
        return False
    if after in ".)" and literal.isdigit() and _section_number(text, s, e):
        return False  # "1. Background", "2) Findings": a numbered heading or list item
    if after.isalpha():
        # glued suffix: only a scale, a unit or percent sign may follow directly
        if not (
            lex.scale_re.match(text, e)
            or lex.unit_re.match(text, e)
            or lex.unit_exact_re.match(text, e)
            or lex.percent_re.match(text, e)
        ):
            return False  # 10th, 1990s, 5G, 3D
    if lex.time_re.match(text, e):
        return False  # 3 a.m., 10 GMT
    if after in ":." and (clock := CLOCK.match(text, e)) and lex.time_re.match(text, clock.end()):
        return False  # 10.45 pm
    toks = tail(text, s)
    prev = prev_word(text, s, toks)
    if prev is not None:
        word = prev[1]
        if is_month(g, word):
            return False  # March 16, Feb. 24
        if word in lex.identifier_words:
            return False  # Article 5, Resolution 2334
    nxt = NEXT_WORD.match(text, e) if after in " \u00a0" else None  # (it opens with a space)
    lower_next = False  # a word in lower case next: no street address (see is_address)
    if nxt is not None:
        word = nxt.group("w")
        if is_month(g, word):
            return False  # 9 August 2019
        if word.rstrip(".,;:") in lex.identifier_after and literal.isdigit():
            return False  # 737 Max
        lower_next = word[0].islower()
    if (
        len(toks) >= 3
        and toks[-1][1] in ("and", "or", "&")
        and toks[-2][1].isdigit()
        and len(toks[-2][1]) <= 4
    ):
        word = toks[-3][1]
        if word in lex.identifier_words or (
            WORDLIKE.fullmatch(word) and word[0].isupper() and word not in lex.not_identifier
        ):
            return False  # Dnipro 1 and 2
    if literal.isdigit() and not lower_next and is_address(g, text, e):
        return False  # 10 Downing Street, 9 E 71st St
    # phone numbers: groups joined by - or . with 7+ digits in all
    if after in "-." and re.match(r"[-.]\d{3,4}[-.]\d{3,4}(?!\d)", text[e : e + 11]):
        return False
    if before == ")" or (
        before in "-." and s >= 4 and re.search(r"\d{3}[-.]$", text[s - 4 : s])
    ):
        return False
    return True


def is_address(g: Grammar, text: str, e: int) -> bool:
    """True when names, a direction or an ordinal, then a street word follow offset ``e``
    (so never when a word in lower case follows it)."""
    pos = e
    for i in range(5):
        m = ADDRESS_WORD.match(text, pos)
        if m is None:
            return False
        word = m.group("w")
        if i > 0 and (
            word in g.lex.street_words or word.rstrip(".,") in g.lex.street_words
        ):
            return True
        pos = m.end()
    return False


def is_month(g: Grammar, word: str) -> bool:
    """A month name in any case ("Sept.", "nov."), except the verb "may"."""
    w = word.rstrip(".,;:")
    return w != "may" and w.lower() in g.lex.months


def is_year(g: Grammar, text: str, fig: Figure) -> bool:
    """A bare four-digit figure that reads as a year ("in 2014", "the 1054 schism")."""
    n = fig.raw_int
    if n is None or not 1000 <= n <= 2200 or fig.end - fig.start != 4:
        return False
    if hedge_before(g, text, fig.start) is not None:
        return False  # "more than 1000 customers"
    words = [t.lower() for _, t in tail(text, fig.start, 2)]
    cues = g.lex.quantity_cues
    if words and (words[-1] in cues or " ".join(words[-2:]) in cues):
        return False  # "an average of 1500"
    if 1900 <= n <= 2100:
        return True
    return bool(words) and words[-1].rstrip(",") in g.lex.year_cues


def _section_number(text: str, s: int, e: int) -> bool:
    """True for "1." or "2)" opening a line, after a blank line, a heading or punctuation."""
    if e + 1 < len(text) and not text[e + 1].isspace():
        return False
    line_start = text.rfind("\n", 0, s) + 1
    if text[line_start:s].strip():
        return False
    prev_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    prev_line = text[prev_start:line_start].strip()
    # "rose to\n45. Officials said": a hard-wrapped sentence, not a heading
    return (
        not prev_line
        or _NUMBERED.match(prev_line) is not None
        or not (prev_line[-1].isalpha() or prev_line[-1] in ",;")
    )


_NUMBERED: Final = compile_pattern(r"\d{1,3}[.)][ \t]")


def is_identifier(g: Grammar, text: str, fig: Figure) -> bool:
    """A bare number right after a capitalised name is a label ("Dnipro 1", "Boeing 737").

    Not in a list of names and figures ("Labour 188, the Greens 14, Reform 9"): there
    each figure is the named party's count.
    """
    if fig.raw_int is None:
        return False
    return after_name(g, text, fig.start) and not _list_item(g, text, fig)


# The next item: ", the Greens 17" or " and Japan 21" right after the figure.
_ITEM_AFTER: Final = compile_pattern(
    r"(?:[ \u00a0]*+[,;][ \u00a0]++|[ \u00a0]++(?=and\b))(?:[a-z]++[ \u00a0]++){0,2}+"
    r"(?P<name>[A-Z][\w'’.&-]*+(?:[ \u00a0][A-Z][\w'’.&-]*+){0,3}+)[ \u00a0]++\d"
)
# The item before: a figure, perhaps with its noun ("41 seats", "206 House seats"), then
# a comma ("41 seats, the Greens 17") or, when "and" was skipped, nothing ("36 and Japan 21").
_ITEM_BEFORE: Final = (
    compile_pattern(r"\d(?:[ \u00a0]++[A-Za-z]++){0,3}+[ \u00a0]*+[,;][ \u00a0]++$")
)
_ITEM_BEFORE_AND: Final = compile_pattern(r"\d(?:[ \u00a0]++[A-Za-z]++){0,3}+,?[ \u00a0]++$")


def _list_item(g: Grammar, text: str, fig: Figure) -> bool:
    """True when the name and figure are one item of a list of names with figures."""
    prev = prev_word(text, fig.start, tail(text, fig.start, 1))
    if prev is None:
        return False
    # the name may run over a few capitalised words and follow "the" or "and"
    toks = tail(text, prev[0], 4)
    k = len(toks)
    while k > 0 and toks[k - 1][1][:1].isupper() and len(toks) - k < 3:
        k -= 1
    joined = False  # "and" between this item and the one before
    while k > 0 and toks[k - 1][1].lower() in g.rules.list_before:
        joined = joined or toks[k - 1][1].lower() == "and"
        k -= 1
    start = toks[k][0] if k < len(toks) else prev[0]
    before = _ITEM_BEFORE_AND if joined else _ITEM_BEFORE
    if before.search(text, max(0, start - 40), start):
        return True
    m = _ITEM_AFTER.match(text, fig.end)
    if m is None:
        return False
    return all(w in g.rules.list_before for w in LOWER_WORD.findall(text, fig.end, m.start("name")))


def after_name(g: Grammar, text: str, s: int) -> bool:
    """True when a capitalised word, not starting the sentence, stands right before ``s``."""
    prev = prev_word(text, s, tail(text, s, 1))
    if prev is None:
        return False
    word = prev[1]
    if not word[0].isupper() or word in g.lex.not_identifier or word.endswith(("'s", "’s")):
        return False
    if word[-1] in ".!?" and "." not in word[:-1] and word not in g.lex.identifier_words:
        return False  # "..., said Smith. 28 people": the name ends a sentence
    before = text[max(0, prev[0] - 3) : prev[0]].strip()
    return bool(before) and before[-1] not in '.!?"“”:;\n'


def pronoun_one(g: Grammar, text: str, s: int, e: int) -> bool:
    """True when "one" is a pronoun ("no one", "one of the worst"), not a count."""
    prev = prev_word(text, s, tail(text, s, 1))
    if prev is not None and prev[1].lower() in g.lex.one_before:
        return True
    nxt = NEXT_WORD.match(text, e)
    if nxt is None:
        return True  # "the only one."
    return nxt.group("w").lower() in g.lex.one_after


def is_score(g: Grammar, text: str, a: Figure, b: Figure) -> bool:
    """True when two small bare figures joined by a dash are a sports score ("won 3-1")."""
    if a.has_unit or b.has_unit or a.value > 30 or b.value > 30:
        return False
    return score_context(g, text, a.start, b.end)


def score_context(g: Grammar, text: str, s: int, e: int) -> bool:
    """True when a sports word ("won", "beat", "lead") stands near text[s:e]."""
    window = text[max(0, s - SCORE_WINDOW) : e + SCORE_WINDOW].lower()
    return any(w in g.lex.score_words for w in LOWER_WORD.findall(window))
