"""The scanner's fast paths give what the general forms they stand for give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.extraction.bounds import change_before, hedge_before
from figcheck.extraction.nonclaims import is_address
from figcheck.extraction.patterns import NEXT_WORD, grammar, may_end_spaced
from figcheck.extraction.scanner import next_atom
from figcheck.extraction.tokens import OPENERS, WORDLIKE, forget_tails, prev_word, tail
from figcheck.lexicon.scanner import lexicon

_LEX = lexicon()
_G = grammar(_LEX, None)


def _pieces(words: list[str], size: int = 14) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words), max_size=size).map("".join)


# -- the atom at a digit: the plain figure's pattern, digit_atom where it may differ --------

_ATOM_PIECES = _pieces(
    ["1", "12", "123", "1234", "0", ",", ".", " ", "  ", "\u00a0", "in", "out", " of", "of",
     "fold", "-fold", "Fold", "-", "–", "½", "/", "three", "a", "half", " in ", " out of ",
     "x", "$", "٣", "_", "%", "\n", "F"],
    16,
)


@settings(max_examples=500, deadline=None)
@given(_ATOM_PIECES)
def test_next_atom_finds_what_the_entry_pattern_finds(text: str) -> None:
    entries = _G.entry.points(text)[0]
    if entries is None:
        return
    for pos in range(len(text) + 1):
        plain = _G.atom.search(text, pos)
        fast = next_atom(_G, text, pos, entries)
        assert (plain is None) == (fast is None), (text, pos)
        if plain is not None and fast is not None:
            assert (plain.span(), plain.lastgroup) == (fast.span(), fast.lastgroup), (text, pos)


def test_next_atom_on_written_examples() -> None:
    for text in ["3 in 10 voters", "12 out of 37", "4-fold", "10fold", "1½ miles", "5 inches",
                 "14,000 people", "123 in", "1234 in 5", "2.5 out of 3", "9 on"]:
        entries = _G.entry.points(text)[0]
        assert entries is not None
        plain, fast = _G.atom.search(text, 0), next_atom(_G, text, 0, entries)
        assert plain is not None and fast is not None
        assert (plain.span(), plain.lastgroup) == (fast.span(), fast.lastgroup), text


# -- the word before a figure: ASCII letters need no pattern --------------------------------

def _plain_prev_word(text: str, s: int, toks: list[tuple[int, str]]) -> tuple[int, str] | None:
    if not toks:
        return None
    start, tok = toks[-1]
    if start + len(tok) == s:
        return None
    word = tok.lstrip(OPENERS)
    if not WORDLIKE.fullmatch(word):
        return None
    return start + len(tok) - len(word), word


_WORD_PIECES = _pieces(
    ["ab", "Ab", " ", "(", '"', "“", "'", "é", "1", "-", ".", "&", "_", "’", "İ", "ſ", "K"],
    10,
)


@settings(max_examples=500, deadline=None)
@given(_WORD_PIECES)
def test_prev_word_is_the_plain_one(text: str) -> None:
    forget_tails()
    for s in range(len(text) + 1):
        toks = tail(text, s, 1)
        assert prev_word(text, s, toks) == _plain_prev_word(text, s, toks), (text, s)


# -- hedges and change words: looked up only when the nearest word may end one -------------

def _plain_hedge(text: str, s: int) -> tuple[object, int] | None:
    toks = tail(text, s)
    if not toks:
        return None
    ends = _G.hedge_ends
    last = toks[-1][1]
    if last.lower() not in ends:
        rest = last[max(last.rfind("—"), last.rfind("–")) + 1 :].lstrip(OPENERS)
        if rest.lower() not in ends:
            return None
    for k in range(len(toks), 0, -1):
        start, first = toks[-k]
        cut = max(first.rfind("—"), first.rfind("–")) + 1
        rest = first[cut:]
        skip = cut + len(rest) - len(rest.lstrip(OPENERS))
        key = " ".join(t for _, t in toks[-k:])[skip:].lower()
        hedge = _LEX.hedges_before.get(key)
        if hedge is not None:
            if key == "up to" and len(toks) > k and _moves(toks[-k - 1][1]):
                return None
            return hedge, start + skip
    return None


def _moves(word: str) -> bool:
    w = word.lower()
    return w == "back" or w.endswith("ing") or w in _LEX.change_verbs


def _plain_change(text: str, s: int, verbs_only: bool) -> str | None:
    words = [t.lower() for _, t in tail(text, s, 3)]
    if not words or words[-1][-1:] in ",;:.)":
        return None
    last = words[-1]
    if last == "of" and len(words) >= 2:
        return None if verbs_only else _LEX.change_nouns.get(words[-2])
    if last == "by":
        words = words[:-1]
        if not words:
            return None
        last = words[-1]
        if last not in _LEX.change_verbs and last[-1:].isalpha():
            return change_before(_G, text, s, verbs_only)  # (a look further left: not gated)
    if len(words) >= 2 and f"{words[-2]} {last}" in _LEX.change_verbs:
        return _LEX.change_verbs[f"{words[-2]} {last}"]
    if last in _LEX.change_adverbs and len(words) >= 2 and words[-2] in _G.rules.adverb_not_after:
        return None
    return _LEX.change_verbs.get(last) or _LEX.change_adverbs.get(last)


_PHRASE_WORDS = sorted(
    {w for h in _LEX.hedges_before for w in h.split(" ")}
    | {w for v in _LEX.change_verbs for w in v.split(" ")}
    | set(_LEX.change_nouns) | set(_LEX.change_adverbs)
)
_PHRASES = st.lists(
    st.one_of(
        st.sampled_from(_PHRASE_WORDS),
        st.sampled_from(["of", "by", "up", "to", "back", "going", "homes—nearly", "(about",
                         "“over", "—", "Nearly", "UP", "rose,", "fell.", "x", "40"]),
    ),
    max_size=6,
).map(lambda ws: " ".join(ws) + " 40")


@settings(max_examples=600, deadline=None)
@given(_PHRASES)
def test_hedge_and_change_words_are_what_the_plain_look_ups_find(text: str) -> None:
    forget_tails()
    s = len(text) - 2
    assert hedge_before(_G, text, s) == _plain_hedge(text, s), text
    for verbs_only in (False, True):
        assert change_before(_G, text, s, verbs_only) == _plain_change(text, s, verbs_only), text


def test_hedges_and_changes_on_written_examples() -> None:
    forget_tails()
    text = "sales rose by nearly 40 and fell in the region of 12 or edged back up to 5"
    found = hedge_before(_G, text, text.index("40"))
    assert found is not None and found[0].phrase == "nearly"
    found = hedge_before(_G, text, text.index("12"))
    assert found is not None and found[0].phrase == "in the region of"
    assert hedge_before(_G, text, text.index("5")) is None
    assert change_before(_G, "prices rose by 4", 15) == "increase"


# -- fixed names: a text the entry pass says holds none has none ---------------------------

_NAMES = [n for n in _LEX.named_numbers if n[:1].isalnum()]
_NAME_PIECES = st.lists(
    st.one_of(
        st.sampled_from(_NAMES),
        st.sampled_from([" ", "x", "é", "_", "-", "1", ".", ",", "$", "/", "S", "&", "P", "G",
                         "year", "days", "a", "Big", "Ten"]),
    ),
    max_size=8,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_NAME_PIECES)
def test_a_text_said_to_hold_no_name_has_none(text: str) -> None:
    entries, _, named, _ = _G.entry.points(text)
    if not named:
        assert _LEX.named_re.search(text) is None, text
    if entries is None:
        assert named


def test_names_on_written_examples() -> None:
    assert _G.entry.points("The S&P 500 rose 2%")[2]
    assert _G.entry.points("It was open 24/7 for 3 weeks")[2]
    assert not _G.entry.points("Sales rose 4% in the year to March")[2]


# -- cheap tests in front of patterns: a street address, a scale phrase before a figure ----

_AFTER_PIECES = _pieces(
    [" ", "  ", "\u00a0", "a", "b", "Downing", "Street", "St", "E", "N.", "71st", "9", ",", ".",
     "-", "main", "road", "Road", "\n", "é"],
    8,
)


@settings(max_examples=500, deadline=None)
@given(_AFTER_PIECES)
def test_no_address_follows_a_lower_case_word(text: str) -> None:
    nxt = NEXT_WORD.match(text, 0)
    if nxt is not None and nxt.group("w")[0].islower():
        assert not is_address(_G, text, 0), text


_SCALE_PIECES = _pieces(["magnitude", "Magnitude", "of", "a", "richter", "moment", " ", "  ",
                         "\u00a0", "-", "\n", "x", "f", "E", "é"], 10)


@settings(max_examples=800, deadline=None)
@given(_SCALE_PIECES, st.integers(min_value=0, max_value=40))
def test_the_scale_phrase_test_lets_every_phrase_through(text: str, cut: int) -> None:
    hi = len(text)
    lo = max(0, hi - cut)
    found = _G.rules.scale_before_re.search(text, lo, hi)
    if found is not None:
        assert may_end_spaced(text, lo, hi, _G.scale_before_ends), (text, lo)
    # and for any last letters, as the pattern it stands for says
    plain = re.compile(r"[ef](?:[ \u00a0]++|-|[ \u00a0]*+-[ \u00a0]*+)$").search(text, lo, hi)
    if plain is not None:
        assert may_end_spaced(text, lo, hi, frozenset("ef")), (text, lo)


def test_scale_phrases_end_with_a_letter() -> None:
    # may_end_spaced skips spaces and a hyphen: no phrase may end with one
    assert _G.scale_before_ends and all(c.isalpha() for c in _G.scale_before_ends)


def test_the_scale_phrase_test_on_written_examples() -> None:
    ends = _G.scale_before_ends
    for text in ["a magnitude ", "Magnitude-", "magnitude - ", "magnitude \n",
                 "magnitude of \u00a0-\u00a0"]:
        assert _G.rules.scale_before_re.search(text) is not None, text
        assert may_end_spaced(text, 0, len(text), ends), text
    for text in ["a magnitude", "magnitude--", "this ", "x-", "\u00a0", ""]:
        assert _G.rules.scale_before_re.search(text) is None, text
        assert not may_end_spaced(text, 0, len(text), ends), text
