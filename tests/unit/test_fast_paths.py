"""Faster forms of the extractor's look-ups give what the plain forms give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.extraction.context.timetokens import TimeTokens
from figcheck.extraction.context.timewords import _YEARISH, find_time_refs
from figcheck.extraction.context.measure import scale_reading
from figcheck.extraction.context.sentence import Tokens
from figcheck.lexicon.context import default_lexicon
from figcheck.lexicon.literals import alternation, trie_alternation
from figcheck.lexicon.measures import default_measures
from figcheck.lexicon.periods import period_lexicon

# The plain forms: a year (not inside a longer run of digits), "Q3" or "H1" as a word; and
# the period step's tokens (letters, digits, "'s", any other single mark).
_PLAIN_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\b[QqHh][1-4]\b")
_PLAIN_TOKEN = re.compile(r"[^\W\d_]++|\d++|'s\b|\S")
_PLAIN_LETTERS = re.compile(r"[^\W\d_]++")

_PIECES = st.lists(
    st.sampled_from(
        ["19", "20", "1", "2", "0", "9", "7", "Q", "q", "H", "h", "3", "4", " ", "x", "é",
         "٣", "_", "-", ".", ",", "'s", "’", "s", "\n", "\u00a0", "in", "March"]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_PIECES)
def test_year_test_finds_what_the_plain_pattern_finds(text: str) -> None:
    plain = _PLAIN_YEARISH.search(text)
    fast = _YEARISH.search(text)
    assert (plain is None) == (fast is None)
    assert plain is None or fast is None or plain.span() == fast.span()


def test_year_test_on_written_examples() -> None:
    found = [bool(_YEARISH.search(s)) for s in ("in 2019,", "12019", "20199", "Q3 sales", "AQ3", "H1-2024", "by 1850")]
    assert found == [True, False, False, True, False, True, False]


@settings(max_examples=400, deadline=None)
@given(_PIECES)
def test_period_tokens_are_the_plain_tokens(text: str) -> None:
    t = TimeTokens(text, None)
    plain = list(_PLAIN_TOKEN.finditer(text.replace("’", "'")))
    assert t.raw == [m.group() for m in plain]
    assert t.starts == [m.start() for m in plain]
    assert t.ends == [m.end() for m in plain]
    assert t.low == [m.group().lower() for m in plain]
    assert t.n == len(plain)


_KEYWORD_PIECES = st.lists(
    st.sampled_from(
        ["may", "May", "mayor", "year", "years", "yearly", "mid", "-", "march", "é", "_", "7",
         "sept", "x", " ", ".", "’s", "ago", "wago", "ŉ", "İ", "q"]
    ),
    max_size=10,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_KEYWORD_PIECES)
def test_period_keyword_test_finds_what_the_plain_word_set_finds(text: str) -> None:
    lex = period_lexicon()
    low = text.lower()
    plain = not lex.keywords.isdisjoint(_PLAIN_LETTERS.findall(low))
    assert (lex.keyword_re.search(low) is not None) == plain


def test_period_keyword_test_on_written_examples() -> None:
    lex = period_lexicon()
    found = [bool(lex.keyword_re.search(s)) for s in
             ("the mayor spoke", "in may", "yearly", "mid-march", "a year_end", "ago2", "sayago")]
    assert found == [False, True, False, True, True, True, False]


def test_a_sentence_without_a_year_or_time_word_has_no_time_refs() -> None:
    assert find_time_refs("The bridge is 40 miles long and cost a great deal.") == []
    assert [r.span.text for r in find_time_refs("Sales rose 4% in 2021.") if r.span] == ["2021"]


def test_scale_phrases_are_found_through_the_word_next_to_the_figure() -> None:
    lex = default_measures()
    for words, scale in lex.before:
        assert (words, scale) in lex.before_by_word[words[0]]
    for words, scale in lex.after:
        assert (words, scale) in lex.after_by_word[words[0]]
    assert sum(map(len, lex.before_by_word.values())) == len(lex.before)
    assert sum(map(len, lex.after_by_word.values())) == len(lex.after)
    s = "A magnitude 6.1 quake and a 5.2-magnitude aftershock hit."
    t = Tokens(s, default_lexicon())
    assert scale_reading(t, s.index("6.1"), s.index("6.1") + 3) == "magnitude"
    assert scale_reading(t, s.index("5.2"), s.index("5.2") + 3) == "magnitude"


def _scanned(**over: object) -> object:
    from figcheck.claims import Bound, Kind
    from figcheck.extraction.bounds import _claim

    fields: dict[str, object] = dict(
        kind=Kind.COUNT, value=40.0, low=39.5, high=40.5, unit="count", bound=Bound.EQ,
        rule="digits_single",
    )
    fields.update(over)
    return _claim("They built 40 homes.", 11, 13, **fields)  # type: ignore[arg-type]


def test_a_scanned_claim_is_the_claim_pydantic_would_build() -> None:
    from figcheck.claims import Claim

    fast = _scanned()
    slow = Claim(**{k: v for k, v in fast.__dict__.items()})  # type: ignore[attr-defined]
    assert fast == slow
    assert list(fast.__dict__) == list(Claim.model_fields)  # type: ignore[attr-defined]
    assert fast.model_copy(update={"unit": "percent"}).unit == "percent"  # type: ignore[attr-defined]


def test_a_scanned_claim_pydantic_must_convert_or_reject_goes_through_pydantic() -> None:
    import pytest
    from pydantic import ValidationError

    assert _scanned(value=40, low=39.5, high=40.5).value == 40.0  # type: ignore[attr-defined]
    assert type(_scanned(value=40).value) is float  # type: ignore[attr-defined]
    for bad in (dict(value=float("nan")), dict(low=41.0), dict(value=float("inf"), high=float("inf"))):
        with pytest.raises(ValidationError):
            _scanned(**bad)


_PLAIN_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["\r", "\n", "\r\n", "\x0b", "\x1c", "\x85", "\u2028", "a", " "]), max_size=12).map("".join))
def test_line_breaks_are_the_plain_pattern_s(text: str) -> None:
    from figcheck.text import LINE_BREAK

    assert [m.span() for m in LINE_BREAK.finditer(text)] == [m.span() for m in _PLAIN_LINE_BREAK.finditer(text)]


def _plain_trie_pattern(node: dict) -> str:
    """The prefix tree written one node at a time (the form :func:`alternation` must equal)."""
    end = "" in node
    branches = [re.escape(ch) + _plain_trie_pattern(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and not end:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if end else body


def _plain_alternation(words: list[str]) -> str:
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?a:" + _plain_trie_pattern(trie) + ")" if trie else "(?!)"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="abc .$-é?", max_size=7), max_size=14))
def test_word_alternation_is_the_plain_prefix_tree(words: list[str]) -> None:
    assert alternation(words) == _plain_alternation(words)


def test_word_alternation_of_the_scanner_lists() -> None:
    lists = [["more", "more than", "more or less"], ["US$", "$", "HK$", "US dollars"],
             ["three", "thirteen", "thirty", "third", "thirds", "t"]]
    for words in lists:
        assert alternation(words) == _plain_alternation(words)


def _plain_branch(node: dict) -> str:
    alts = [re.escape(ch) + _plain_branch(node[ch]) for ch in sorted(node) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="abc .$-é?", min_size=1, max_size=7), max_size=14))
def test_trie_alternation_is_the_plain_prefix_tree(words: list[str]) -> None:
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    assert trie_alternation(words) == _plain_branch(root)
