"""The sentence context's shared readings give what the separate ones give: the period gate
through the words, the periods' breaks from the clause marks, the period tokens of a sentence
found plain by the caller."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.extraction.context.periods import _breaks
from figcheck.extraction.context.sentence import Tokens, break_marks
from figcheck.extraction.context.timetokens import PLAIN, TimeTokens
from figcheck.extraction.context.timewords import _YEARISH, _names_time
from figcheck.lexicon.context import default_lexicon
from figcheck.lexicon.periods import period_lexicon

_PLAIN_TOKEN = re.compile(r"[^\W\d_]++|\d++|'s\b|\S")

_PIECES = st.lists(
    st.sampled_from(
        ["Q", "q", "H", "h", "1", "3", "4", "5", "19", "20", "2024", "Q3", "h1", "FY", "x", "é",
         " ", "-", "–", " - ", "—", ",", ":", ";", "(", ")", "…", "\n", "'", "’", "'s", "_", "٣",
         "mid", "march", "March", "year", "quarter", "since", "Oslo", "ago", "\u00a0", "İ"]
    ),
    max_size=16,
).map("".join)


def _plain(text: str) -> bool:
    return text.isascii() or PLAIN.search(text) is None


@settings(max_examples=1500, deadline=None)
@given(_PIECES)
def test_period_gate_through_the_words_is_the_pattern_gate(text: str) -> None:
    lex = period_lexicon()
    general = _YEARISH.search(text) is not None or lex.keyword_re.search(text.lower()) is not None
    lowers = Tokens(text, default_lexicon()).lowers if _plain(text) else None
    assert _names_time(text, lex, lowers) == general
    assert _names_time(text, lex, None) == general


@settings(max_examples=1000, deadline=None)
@given(_PIECES)
def test_periods_breaks_from_the_clause_marks_are_the_searched_breaks(text: str) -> None:
    assert _breaks(text, break_marks(text)) == _breaks(text)


@settings(max_examples=1000, deadline=None)
@given(_PIECES)
def test_period_tokens_of_a_sentence_found_plain_are_the_plain_tokens(text: str) -> None:
    if not _plain(text):
        return
    t = TimeTokens(text, None, words=Tokens(text, default_lexicon()), plain=True)
    plain = list(_PLAIN_TOKEN.finditer(text.replace("’", "'")))
    assert t.raw == [m.group() for m in plain]
    assert t.starts == [m.start() for m in plain]
    assert t.ends == [m.end() for m in plain]
    assert t.low == [m.group().lower() for m in plain]
