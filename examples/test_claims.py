"""figcheck from a test suite: assertions about the example articles.

Run with ``pytest examples/`` (this file and ``figcheck.toml`` next to it).
A failing assertion prints where the claim is (file:line:column), what it
says, what was expected and by how much they differ.
"""

from pathlib import Path

import pytest

from figcheck import Document
from figcheck.testing import assert_claim, assert_consistent, assert_matches_reference

HERE = Path(__file__).resolve().parent
REFERENCE = sorted((HERE.parent / "reference_data").glob("*.csv"))


def article(name: str) -> Document:
    """The example article ``name``, identified by its file name in failure messages."""
    return Document(name, (HERE / name).read_text(encoding="utf-8"))


REPORTED = [article("istanbul_talks.txt"), article("kremlin_claims.txt")]


def test_shoigu_is_quoted_with_152_fighter_jets() -> None:
    # "123 of Ukraine's 152 fighter jets": 152 is the whole of a part-of-whole claim.
    assert_claim(article("kremlin_claims.txt"), about="fighter jets", equals=152)


def test_convoy_length_in_kilometres() -> None:
    # The article says 40 miles; the expectation is written in kilometres.
    assert_claim(
        article("istanbul_talks.txt"), about="convoy", equals=64, unit="kilometer", rel=0.01
    )


def test_the_two_reported_articles_agree_with_each_other() -> None:
    assert_consistent(REPORTED)


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="'almost 14,000 civilians' is OHCHR's total of all deaths in Donbas, not civilians",
)
def test_the_reported_articles_match_the_reference_tables() -> None:
    assert_matches_reference(REPORTED, [str(p) for p in REFERENCE])


def test_the_synthetic_article_is_caught() -> None:
    # inconsistent.txt is wrong on purpose: the assertion must fail, and say where.
    with pytest.raises(AssertionError, match=r"inconsistent\.txt:\d+:\d+"):
        assert_consistent(article("inconsistent.txt"))
