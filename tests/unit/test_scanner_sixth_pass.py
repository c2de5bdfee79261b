"""The scanner's sixth-pass fast paths give what the general forms they stand for give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.claims import CLAIM_FIELDS, Bound, Claim, Kind
from figcheck.extraction.bounds import range_claim
from figcheck.extraction.patterns import grammar
from figcheck.lexicon.scanner import lexicon

_G = grammar(lexicon(), None)


# -- a claim made from the template is the claim pydantic validates -------------------------

@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, 30),
    st.integers(0, 30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6),
    st.sampled_from(["count", "percent", "USD", "metre"]),
)
def test_a_scanned_claim_is_the_validated_claim(
    start: int, width: int, low: float, span: float, unit: str
) -> None:
    text = "rose 3 to 5 million in the year to March, officials said"
    end = start + width
    high = low + abs(span)
    try:
        fast = range_claim(_G, text, start, end, low, high, unit, "range", changes=False)
    except ValueError:
        fast = None
    try:
        plain = Claim(
            doc_id="", start=start, end=end, text=text[start:end], sentence="",
            sentence_start=start, sentence_end=end, line=0, column=0, kind=Kind.RANGE,
            value=(low + high) / 2, low=low, high=high, unit=unit, bound=Bound.RANGE,
            rule="range",
        )  # fmt: skip
    except ValueError:
        plain = None
    if plain is None or fast is None:
        assert plain is None and fast is None
        return
    assert list(fast.__dict__) == list(CLAIM_FIELDS)
    assert fast.__dict__ == plain.__dict__
    assert fast.model_dump() == plain.model_dump()


# -- the entry pass says where no currency code can be glued to a figure --------------------

_GLUED_PIECES = st.lists(
    st.sampled_from(
        ["USD", "usd", "$US", "RM", "Rs", "EUR", "A", "é", "1", "23", "٣", " ", "\u00a0", "-",
         "$", "m", "bn", "x", "_", ".", "İ", "½", "GBP", "PS", "4", "\n"]
    ),
    max_size=10,
).map("".join)


def test_the_glued_codes_end_with_an_ascii_letter() -> None:
    assert _G.glued_after_ascii


@settings(max_examples=500, deadline=None)
@given(_GLUED_PIECES)
def test_a_text_said_to_hold_no_letter_before_a_digit_has_no_glued_figure(text: str) -> None:
    _, digits, _, after_letter = _G.entry.points(text)
    if not digits or not after_letter:
        assert _G.lex.currency_glued_re.search(text) is None, text
    if not after_letter:
        assert re.search(r"[A-Za-z]\d", text) is None, text


def test_glued_figures_on_written_examples() -> None:
    assert _G.entry.points("profit of USD10m in 2020")[3]
    assert _G.entry.points("a RM23.50 meal")[3]
    assert _G.entry.points("USD\u0663")[3]  # a digit beyond ASCII: looked for
    assert not _G.entry.points("profit of USD 10m in 2020")[3]
    assert not _G.entry.points("no digit here")[3]
