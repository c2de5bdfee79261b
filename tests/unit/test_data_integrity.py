"""Every data file loads and validates; a malformed entry names its file, line and key."""

from __future__ import annotations

from importlib import resources

import pytest

from figcheck import RuleDefinitionError
from figcheck.lexicon import scanner as lexicon_module
from figcheck.lexicon.files import DataFile, data_file
from figcheck.lexicon.scanner import alternation, lexicon
from figcheck.units import dimension

# Every file in figcheck/data, found on disk, so a new file is covered without editing this list.
DATA_FILES = sorted(
    p.name for p in resources.files("figcheck.data").iterdir() if p.name.endswith((".toml", ".txt"))
)


def test_the_data_folder_is_found():
    assert {"checks.toml", "hedges.toml", "numbers.toml", "units.txt"} <= set(DATA_FILES)


@pytest.mark.parametrize("name", DATA_FILES)
def test_each_data_file_opens_with_its_grammar(name):
    text = resources.files("figcheck.data").joinpath(name).read_text(encoding="utf-8")
    assert text.startswith("#"), f"{name} must open with a comment block giving its grammar"
    assert "grammar" in text.split("\n\n", 1)[0].lower(), f"{name}: say its grammar first"
    if name.endswith(".toml"):
        assert data_file(name).data, f"{name} holds no tables"


def test_the_default_lexicon_loads():
    lex = lexicon()
    assert lex.words["twenty"] == 20
    assert lex.hedges_before["nearly"].bound.value == "<~"
    assert lex.unit_forms["miles"].unit == "mile"
    assert lex.currency_prefixes["£"] == "GBP"


def test_every_unit_name_parses_in_the_registry():
    lex = lexicon()
    for form in list(lex.unit_forms.values()) + list(lex.unit_exact.values()):
        assert dimension(form.unit)


def test_named_numbers_fit_the_scanner_window():
    from figcheck.extraction.patterns import NAMED_REACH

    assert max(len(p) for p in lexicon().named_numbers) < NAMED_REACH


@pytest.fixture
def fresh_lexicon():
    """Build the scanner lexicon anew in the test, and forget that build afterwards."""
    lexicon.cache_clear()
    yield lexicon
    lexicon.cache_clear()


def _patched(monkeypatch, name: str, text: str) -> None:
    real = lexicon_module.data_file

    def fake(requested: str) -> DataFile:
        return DataFile(requested, text) if requested == name else real(requested)

    monkeypatch.setattr(lexicon_module, "data_file", fake)
    lexicon.cache_clear()


def test_a_bad_hedge_bound_names_file_line_and_key(monkeypatch, fresh_lexicon):
    text = data_file("hedges.toml").text.replace('"nearly" = ["<~", "almost"]', '"nearly" = ["<<", "almost"]')
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith('"nearly"'))
    _patched(monkeypatch, "hedges.toml", text)
    with pytest.raises(RuleDefinitionError) as err:
        fresh_lexicon()
    assert err.value.path == "figcheck/data/hedges.toml"
    assert err.value.line == line
    assert err.value.key == "before.nearly"
    assert "unknown bound '<<'" in str(err.value)


def test_an_unknown_unit_names_its_table(monkeypatch, fresh_lexicon):
    text = data_file("unit_aliases.toml").text.replace("[units.acre]", "[units.acreage_of_doom]")
    _patched(monkeypatch, "unit_aliases.toml", text)
    with pytest.raises(RuleDefinitionError, match=r"unit_aliases.toml:\d+: units.acreage_of_doom.forms"):
        fresh_lexicon()


def test_a_syntax_error_names_the_line():
    with pytest.raises(RuleDefinitionError) as err:
        DataFile("broken.toml", "[words]\none = 1\ntwo 2\n")
    assert err.value.line == 3
    assert str(err.value).startswith("figcheck/data/broken.toml:3:")


def test_a_number_word_must_be_an_integer(monkeypatch, fresh_lexicon):
    text = data_file("numbers.toml").text.replace("twenty = 20", 'twenty = "20"')
    _patched(monkeypatch, "numbers.toml", text)
    with pytest.raises(RuleDefinitionError, match=r"numbers.toml:\d+: words.twenty: expected a non-negative integer"):
        fresh_lexicon()


@pytest.mark.parametrize("bound", [">~", "=", "range", "~~"])
def test_a_hedge_bound_outside_the_grammar_names_file_line_and_key(monkeypatch, fresh_lexicon, bound):
    text = data_file("hedges.toml").text.replace('"about" = ["~", "approximate"]', f'"about" = ["{bound}", "approximate"]')
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith('"about"'))
    _patched(monkeypatch, "hedges.toml", text)
    with pytest.raises(RuleDefinitionError) as err:
        fresh_lexicon()
    assert (err.value.path, err.value.line, err.value.key) == ("figcheck/data/hedges.toml", line, "before.about")
    assert f"unknown bound {bound!r}" in str(err.value)


@pytest.mark.parametrize(
    "name,old,new,where",
    [
        ("numbers.toml", 'index_point = ["point"', 'index_point = [3, "point"', "percent.index_point"),
        ("numbers.toml", "out_of = [2,", "out_of = [1,", "ratio.out_of"),
        ("numbers.toml", 'determiners = ["the"', 'determiners = ["", "the"', "whole.determiners"),
        ("numbers.toml", 'followed_by = ["of"', 'followed_by = "of', "half.followed_by"),
        ("unit_aliases.toml", 'not_before = ["earlier"', 'not_before = [1, "earlier"', "rates.not_before"),
        ("context.toml", 'rate_words = ["per"', 'rate_words = [7, "per"', "words.rate_words"),
    ],
)
def test_a_malformed_scanner_word_list_names_its_key(monkeypatch, fresh_lexicon, name, old, new, where):
    text = data_file(name).text
    assert old in text, f"the probe {old!r} is no longer in {name}"
    if new.endswith('"of'):  # a string, not a list
        text = text.replace('followed_by = ["of", "the", "a", "an", "its", "their", "his", "her", "our"]', 'followed_by = "of"')
    else:
        text = text.replace(old, new)
    _patched(monkeypatch, name, text)
    with pytest.raises(RuleDefinitionError, match=rf"{name}:[1-9]\d*: {where.replace('.', '[.]')}"):
        fresh_lexicon()


def test_the_rate_words_come_from_the_context_word_list(monkeypatch, fresh_lexicon):
    text = data_file("context.toml").text.replace('rate_words = ["per", "a", "an", "each", "every"]', 'rate_words = ["per"]')
    assert text != data_file("context.toml").text
    _patched(monkeypatch, "context.toml", text)
    lex = fresh_lexicon()
    assert lex.per_re.match(" per month") is not None
    assert lex.per_re.match(" a month") is None


@pytest.mark.parametrize(
    "words,probe,expected",
    [
        (["more", "more than"], "more than 5", "more than"),
        (["more", "more than"], "more 5", "more"),
        (["three", "thirteen", "thirty"], "thirteen", "thirteen"),
        (["US$", "$"], "US$5", "US$"),
    ],
)
def test_alternation_prefers_the_longest_phrase(words, probe, expected):
    import re

    m = re.match("(?:" + alternation(words) + ")", probe)
    assert m is not None and m.group() == expected


def test_unit_concepts_name_known_concepts():
    from figcheck.lexicon.unit_concepts import unit_concepts

    table = unit_concepts()
    assert table["[length]"][0] == "length"


def test_a_unit_concept_must_exist(monkeypatch):
    from figcheck.lexicon import unit_concepts as lexicon_module

    text = data_file("unit_concepts.toml").text.replace('default = "speed"', 'default = "velocityness"')
    monkeypatch.setattr(
        lexicon_module, "data_file", lambda name: DataFile(name, text) if name == "unit_concepts.toml" else data_file(name)
    )
    lexicon_module.unit_concepts.cache_clear()
    try:
        with pytest.raises(RuleDefinitionError, match=r"unit_concepts.toml:\d+: dimensions.\[length\] / \[time\]: unknown concept"):
            lexicon_module.unit_concepts()
    finally:
        lexicon_module.unit_concepts.cache_clear()


def test_month_names_are_one_list_for_scanner_and_context():
    from figcheck.lexicon.context import default_lexicon
    from figcheck.lexicon.months import month_numbers

    months = month_numbers()
    assert months["sept"] == 9 and months["december"] == 12
    assert set(months.values()) == set(range(1, 13))
    assert lexicon().months == frozenset(months)
    assert default_lexicon().months == months


@pytest.mark.parametrize(
    ("old", "new", "key", "reason"),
    [
        ("sept = 9", "sept = 13", "months.sept", "1-12"),
        ("sept = 9", 'sept = "9"', "months.sept", "1-12"),
        ("sept = 9", "Sept = 9", "months.Sept", "lower-case"),
    ],
)
def test_a_bad_month_names_file_line_and_key(old, new, key, reason):
    from figcheck.lexicon.months import load_months

    text = data_file("months.toml").text.replace(old, new)
    with pytest.raises(RuleDefinitionError) as err:
        load_months(DataFile("months.toml", text))
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith(new))
    assert (err.value.key, err.value.line) == (key, line)
    assert reason in err.value.reason


def test_a_month_without_a_name_is_refused():
    from figcheck.lexicon.months import load_months

    text = "\n".join(
        ln for ln in data_file("months.toml").text.splitlines() if not ln.endswith("= 9")
    )
    with pytest.raises(RuleDefinitionError, match=r"no name for month\(s\) \[9\]"):
        load_months(DataFile("months.toml", text))


@pytest.mark.parametrize(
    "name,old,new,where",
    [
        ("exclusions.toml", 'before = ["top", "bottom"]', 'before = "top"', "ranks.before"),
        ("exclusions.toml", 'before = ["aged", "ages", "age"]', 'before = ["aged", 3]', "age_bands.before"),
        ("exclusions.toml", 'before = ["and", "the", "with", "while"]', 'before = [""]', "lists.before"),
        ("unit_aliases.toml", 'after = ["hotter"', 'after = [1, "hotter"', "celsius.after"),
        ("changes.toml", 'not_after = ["made"', 'not_after = [["made"]', "adverbs.not_after"),
    ],
)
def test_a_malformed_scanner_rule_names_its_key(monkeypatch, name, old, new, where):
    from figcheck.lexicon import scanner_rules as rules_module

    text = data_file(name).text
    assert old in text, f"the probe {old!r} is no longer in {name}"
    fake = {name: DataFile(name, text.replace(old, new))}
    monkeypatch.setattr(rules_module, "data_file", lambda n: fake.get(n) or data_file(n))
    rules_module.scanner_rules.cache_clear()
    try:
        with pytest.raises(RuleDefinitionError, match=rf"{name}:[1-9]\d*: {where.replace('.', '[.]')}"):
            rules_module.scanner_rules()
    finally:
        rules_module.scanner_rules.cache_clear()


def test_every_scale_has_a_unit():
    from figcheck.lexicon.scanner_rules import scanner_rules

    for unit in set(scanner_rules().scales.values()):
        assert dimension(unit) != dimension("count")
