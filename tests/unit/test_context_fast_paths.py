"""The context step's batched look-ups give what the word-by-word forms give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.extraction.context.holder_links import first_verb, is_verb
from figcheck.extraction.context.sentence import Tokens
from figcheck.lexicon.context import default_lexicon

_WORDS = st.lists(
    st.sampled_from(
        ["rose", "Rose", "said", "Said", "fell", "climbed", "Climbed", "red", "added", "ADDED",
         "the", "The", "index", "costs", "is", "Is", "up", "has", "prices", "Ford", "48", ",",
         "-", "shipped", "averaged", "Average", "average", "increase"]
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_WORDS, st.integers(0, 14), st.integers(0, 14))
def test_first_verb_is_the_first_word_is_verb_accepts(text: str, first: int, stop: int) -> None:
    t = Tokens(text, default_lexicon())
    first, stop = min(first, len(t.words)), min(stop, len(t.words))
    plain = next((k for k in range(first, stop) if is_verb(t, k)), stop)
    assert first_verb(t, first, stop) == plain


def test_first_verb_on_written_examples() -> None:
    t = Tokens("Rose said the index climbed", default_lexicon())
    assert [first_verb(t, k, 5) for k in range(5)] == [0, 1, 4, 4, 4]  # "Rose" opening the text is a verb
    assert first_verb(t, 2, 4) == 4
