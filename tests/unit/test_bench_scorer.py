"""The CQE benchmark scorer, its data readers and the Claim -> CQE tuple adapter (benchmarks/)."""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))

import _cqe_adapter
import _cqe_score
import _table
import accuracy
import speed
from _cqe_adapter import claim_to_cqe, cqe_unit, load_vocab
from _cqe_data import (
    SETS,
    BenchmarkDataError,
    default_data_dir,
    load_gold,
    load_gpt3,
    published_rows,
    reproduction_table,
    scored_metrics,
)
from _cqe_score import (
    METRICS,
    Quantity,
    Tally,
    concepts_match,
    max_matching,
    prf,
    score_mirrored,
    score_strict,
    values_match,
)
from _table import fmt_number, render

from figcheck import Claim
from figcheck.errors import RuleDefinitionError

DATA = default_data_dir()
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"benchmark data not found at {DATA}")


def q(value, unit="-", change="=", concepts=("-",)) -> Quantity:
    """A hand-made tuple; lists become range tuples."""
    if isinstance(value, list):
        value = tuple(float(v) for v in value)
    return Quantity(value=value, unit=unit, change=change, concepts=tuple(concepts))


# --- value and concept matching ------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        pytest.param(6, 6, True, id="equal"),
        pytest.param(6, 6.00005, True, id="within-rtol"),
        pytest.param(6, 6.001, False, id="outside-rtol"),
        pytest.param(0, 5e-9, True, id="within-atol-at-zero"),
        pytest.param(0, 1e-7, False, id="outside-atol-at-zero"),
        pytest.param(1e9, 1.000001e9, True, id="large-relative"),
        pytest.param(-1.3, 1.3, False, id="sign-matters"),
        pytest.param((3.0, 5.0), (3.0, 5.0), True, id="range-same-order"),
        pytest.param((12500.0, 11820.0), (11820.0, 12500.0), False, id="range-reversed"),
        pytest.param((3.0, 5.0), 4, False, id="range-vs-single"),
        pytest.param(4, (4.0, 4.0), False, id="single-vs-range"),
        pytest.param(4, None, False, id="unparsable-prediction"),
    ],
)
def test_values_match(gold, pred, expected):
    assert values_match(gold, pred) is expected


def test_values_match_is_asymmetric_like_numpy_isclose():
    # the tolerance scales with the second (predicted) value, so this pair passes one way only
    assert values_match(100.0, 100.001000015) is True
    assert values_match(100.001000015, 100.0) is False


@pytest.mark.parametrize(
    ("gold", "pred", "partial", "complete"),
    [
        pytest.param(["Harbour", "Tolls"], ["tolls"], True, False, id="one-token-case-folded"),
        pytest.param(["Harbour", "Tolls"], ["tolls", "harbour"], True, True, id="same-set"),
        pytest.param(["drop"], ["rise"], False, False, id="disjoint"),
        pytest.param(["-"], ["-"], True, True, id="none-vs-none"),
        pytest.param(
            ["oil", "oil"], ["oil", "oil"], True, False, id="repeated-token-never-complete"
        ),
        pytest.param(["oil"], ["oil", "price"], True, False, id="extra-predicted-token"),
        pytest.param(["oil"], None, False, False, id="not-annotated"),
    ],
)
def test_concepts_match(gold, pred, partial, complete):
    assert concepts_match(gold, pred) == (partial, complete)


@pytest.mark.parametrize(
    ("tp", "n_gold", "n_pred", "expected"),
    [
        pytest.param(625, 904, 865, (72.3, 69.1, 70.7), id="gpt3-value-counts"),
        pytest.param(0, 5, 0, (0.0, 0.0, 0.0), id="no-predictions"),
        pytest.param(0, 0, 0, (0.0, 0.0, 0.0), id="empty"),
        pytest.param(2, 2, 2, (100.0, 100.0, 100.0), id="perfect"),
        pytest.param(1, 3, 6, (16.7, 33.3, 22.2), id="rounding"),
    ],
)
def test_prf(tp, n_gold, n_pred, expected):
    assert prf(tp, n_gold, n_pred) == expected


# --- the mirrored protocol and the strict variant on hand-made sentences ------------------

# (gold, predictions, mirrored TPs, strict TPs); TPs in METRICS order:
# value, value+unit, value+change, concept partial, concept complete.
CASES = [
    pytest.param([q(6, "dollar")], [q(6, "dollar")], (1, 1, 1, 1, 1), (1, 1, 1, 1, 1), id="exact"),
    pytest.param(
        [q(6, "dollar")], [q(6, "euro")], (1, 0, 1, 1, 1), (1, 0, 1, 1, 1), id="wrong-unit"
    ),
    pytest.param(
        [q(6, "dollar")], [q(7, "dollar")], (0, 0, 0, 0, 0), (0, 0, 0, 0, 0), id="wrong-value"
    ),
    pytest.param(
        [q(6, "Voters")],
        [q(6, "voters")],
        (1, 1, 1, 1, 1),
        (1, 1, 1, 1, 1),
        id="unit-case-folded",
    ),
    pytest.param(
        [q(6, "dollar", "~")],
        [q(6, "dollar", "=")],
        (1, 1, 0, 1, 1),
        (1, 1, 0, 1, 1),
        id="change-differs",
    ),
    pytest.param(
        [q(6, "dollar", concepts=["ticket", "price"])],
        [q(6, "dollar", concepts=["ticket"])],
        (1, 1, 1, 1, 0),
        (1, 1, 1, 1, 0),
        id="concept-partial-only",
    ),
    # Two golds with the same value and a prediction with another unit: the
    # prediction is never consumed, so the mirrored scorer counts it twice.
    pytest.param(
        [q(5, "a"), q(5, "b")],
        [q(5, "z")],
        (2, 0, 2, 2, 2),
        (1, 0, 1, 1, 1),
        id="unconsumed-prediction-counted-twice",
    ),
    # One gold, two same-valued predictions: value TPs are capped at the gold
    # count, change and concept TPs are not.
    pytest.param(
        [q(5, "a")],
        [q(5, "y"), q(5, "z")],
        (1, 0, 2, 2, 2),
        (1, 0, 1, 1, 1),
        id="value-capped-change-not",
    ),
    # Golds are visited in unit order: "a" consumes the only prediction first.
    pytest.param(
        [q(5, "b"), q(5, "a")], [q(5, "a")], (1, 1, 1, 1, 1), (1, 1, 1, 1, 1), id="sorted-by-unit"
    ),
    # A unit match ends the scan: the gold does not also count the later prediction.
    pytest.param(
        [q(5, "a")],
        [q(5, "a"), q(5, "b")],
        (1, 1, 1, 1, 1),
        (1, 1, 1, 1, 1),
        id="unit-match-stops-scan",
    ),
    pytest.param(
        [q([3, 5], "dollar")],
        [q([3, 5], "dollar"), q(4, "dollar")],
        (1, 1, 1, 1, 1),
        (1, 1, 1, 1, 1),
        id="range",
    ),
    pytest.param(
        [q([5.2, 4.9], "percentage")],
        [q([4.9, 5.2], "percentage")],
        (0, 0, 0, 0, 0),
        (0, 0, 0, 0, 0),
        id="range-order",
    ),
    pytest.param([], [q(2014), q(3)], (0, 0, 0, 0, 0), (0, 0, 0, 0, 0), id="no-gold"),
    pytest.param([q(1, "solution")], [], (0, 0, 0, 0, 0), (0, 0, 0, 0, 0), id="no-predictions"),
]


@pytest.mark.parametrize(("gold", "pred", "mirrored", "strict"), CASES)
def test_score_sentence(gold, pred, mirrored, strict):
    got_mirrored = score_mirrored(gold, pred)
    got_strict = score_strict(gold, pred)
    assert (got_mirrored.gold, got_mirrored.pred) == (len(gold), len(pred))
    assert tuple(got_mirrored.tp[m] for m in METRICS) == mirrored
    assert tuple(got_strict.tp[m] for m in METRICS) == strict


def test_max_matching_finds_an_augmenting_path():
    # gold "a" could take either prediction; a greedy pass gives it "x" and leaves gold "b" out
    gold, pred = [q(5, "a"), q(5, "b")], [q(5, "x"), q(5, "y")]
    edges = {("a", "x"), ("a", "y"), ("b", "x")}
    got = max_matching(gold, pred, lambda g, p: (g.unit, p.unit) in edges)
    assert got == {0: 1, 1: 0}


def test_tally_adds_and_applies_extra_predictions():
    total = Tally()
    total += score_mirrored([q(6, "dollar")], [q(6, "dollar")])
    total += score_mirrored([q(1, "solution")], [q(9)])
    assert (total.gold, total.pred, total.tp["value"]) == (2, 2, 1)
    assert total.scores("value") == (50.0, 50.0, 50.0)
    assert total.scores("value", extra_pred=2) == (25.0, 50.0, 33.3)


quantities = st.builds(
    Quantity,
    value=st.one_of(
        st.sampled_from([1.0, 2.0, 3.0]),
        st.tuples(st.sampled_from([1.0, 2.0]), st.sampled_from([1.0, 2.0])),
    ),
    unit=st.sampled_from(["a", "A", "b", "-"]),
    change=st.sampled_from(["=", "~", "up"]),
    concepts=st.lists(st.sampled_from(["x", "y", "-"]), min_size=1, max_size=2).map(tuple),
)


@given(gold=st.lists(quantities, max_size=5), pred=st.lists(quantities, max_size=5), data=st.data())
def test_scoring_invariants(gold, pred, data):
    mirrored, strict = score_mirrored(gold, pred), score_strict(gold, pred)
    for metric in METRICS:
        assert strict.tp[metric] <= min(len(gold), len(pred))
    assert mirrored.tp["value"] <= len(gold)
    # the mirrored value+unit count is itself a one-to-one matching, so a maximum one is no smaller
    assert mirrored.tp["value+unit"] <= strict.tp["value+unit"]
    assert strict.tp["value+unit"] <= strict.tp["value"]
    assert strict.tp["concept complete"] <= strict.tp["concept partial"]
    shuffled = score_strict(data.draw(st.permutations(gold)), data.draw(st.permutations(pred)))
    assert shuffled.tp == strict.tp


@given(gold=st.lists(quantities, max_size=6))
def test_gold_scored_against_itself_is_perfect_on_value_and_unit(gold):
    for tally in (score_mirrored(gold, gold), score_strict(gold, gold)):
        assert tally.tp["value"] == tally.tp["value+unit"] == len(gold)


# --- the published GPT-3 rows, reproduced from the shipped predictions ----------------------


def _gpt3_tally(set_name: str) -> Tally:
    folder = DATA / set_name
    preds = load_gpt3(folder)
    total = Tally()
    for sentence in load_gold(folder):
        total += score_mirrored(sentence.gold, preds[sentence.id] or [])
    return total


@needs_data
def test_newsquant_gpt3_reproduces_the_readme_reimplementation_table():
    tally = _gpt3_tally("newsquant")
    expected = reproduction_table(DATA / "newsquant")
    assert set(expected) == set(METRICS)
    assert (tally.gold, tally.pred) == (904, 865)
    assert {m: tally.scores(m) for m in METRICS} == expected


@needs_data
@pytest.mark.parametrize("set_name", SETS)
def test_gpt3_reproduces_the_published_row(set_name):
    # newsquant: +2 predictions for the replaced newsquant-475 (README, "Checking a scorer")
    extra = 2 if set_name == "newsquant" else 0
    metrics = scored_metrics(set_name)
    published = published_rows(DATA / set_name)["GPT-3"]
    assert all(published[m] is not None for m in metrics)
    tally = _gpt3_tally(set_name)
    assert {m: tally.scores(m, extra) for m in metrics} == {m: published[m] for m in metrics}


@needs_data
def test_published_rows_name_every_system():
    rows = published_rows(DATA / "newsquant")
    assert list(rows) == ["CQE", "quantulum3", "Recognizers-Text", "CogComp quantifier", "GPT-3"]
    assert rows["quantulum3"]["value"] == (65.0, 83.3, 73.0)
    assert rows["quantulum3"]["value+change"] is None


# --- readers: errors name the file, the line and the field ---------------------------------


def test_published_rows_rejects_a_bad_cell(tmp_path):
    (tmp_path / "README.md").write_text(
        "# x\n\n## Published results\n\n| system | value | value+unit |\n|---|---|---|\n"
        "| A | 1.0 / 2.0 / 3.0 | — |\n| B | 1.0 / 2.0 | — |\n",
        encoding="utf-8",
    )
    with pytest.raises(BenchmarkDataError) as err:
        published_rows(tmp_path)
    assert (err.value.line, err.value.field) == (8, "value")
    assert str(err.value).endswith("README.md:8: value: expected 'P / R / F1', got '1.0 / 2.0'")


def test_published_rows_parses_a_table(tmp_path):
    (tmp_path / "README.md").write_text(
        "## Published results\n\n| system | value | value+unit |\n|---|---|---|\n"
        "| A | 1.0 / 2.0 / 3.0 | — |\n",
        encoding="utf-8",
    )
    assert published_rows(tmp_path) == {"A": {"value": (1.0, 2.0, 3.0), "value+unit": None}}


def test_load_gold_reports_the_bad_line(tmp_path):
    good = '{"id": "s-0", "text": "t", "quantities": []}'
    (tmp_path / "gold.jsonl").write_text(good + "\n{not json\n", encoding="utf-8")
    with pytest.raises(BenchmarkDataError) as err:
        load_gold(tmp_path)
    assert (err.value.line, err.value.field) == (2, "<json>")


def test_load_gold_reads_ranges_and_empty_concepts(tmp_path):
    record = (
        '{"id": "s-0", "text": "t", "quantities": [{"value": null, "range": [5.2, 4.9],'
        ' "unit": null,'
        ' "change": "down", "concept_tokens": []}]}'
    )
    (tmp_path / "gold.jsonl").write_text(record + "\n", encoding="utf-8")
    [sentence] = load_gold(tmp_path)
    assert sentence.gold == (Quantity((5.2, 4.9), "-", "down", ("-",)),)


def test_accuracy_exits_2_when_the_data_are_missing(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        accuracy.main(["--data", str(tmp_path / "absent")])
    assert exit_.value.code == 2
    assert "benchmark data not found" in capsys.readouterr().err


# --- the adapter: Claim -> CQE tuple ------------------------------------------------------


def claim(text: str, value: float, unit: str, **fields) -> Claim:
    low, high = fields.pop("low", value), fields.pop("high", value)
    offsets = {"start": 0, "end": len(text), "sentence_start": 0, "sentence_end": len(text)}
    where = {"doc_id": "t", "text": text, "sentence": text, "line": 1, "column": 1, **offsets}
    what = {"kind": "count", "value": value, "low": low, "high": high, "unit": unit, "bound": "="}
    return Claim(**{**where, **what, "rule": "test.rule", **fields})


ADAPTER_CASES = [
    pytest.param(claim("$6", 6, "USD", kind="money"), 6, "dollar", "=", id="dollar"),
    pytest.param(claim("£4m", 4e6, "GBP", kind="money"), 4e6, "pound sterling", "=", id="sterling"),
    pytest.param(claim("12 yards", 12, "yard", kind="measure"), 12, "yard", "=", id="yard"),
    pytest.param(claim("62.5 cents", 0.625, "USD", kind="money"), 62.5, "cent", "=", id="cents"),
    pytest.param(claim("88p", 0.88, "GBP", kind="money"), 88, "point", "=", id="pence-as-p"),
    pytest.param(claim("245 pence", 2.45, "GBP", kind="money"), 245, "penny", "=", id="pence"),
    pytest.param(
        claim("11.5 ppg", 11.5, "count", noun="points per game"),
        11.5,
        "point per game",
        "=",
        id="count-rate",
    ),
    pytest.param(
        claim("two smaller tenancies", 2, "count", noun="smaller tenancies"),
        2,
        "small tenancy",
        "=",
        id="count-noun-lemmatised",
    ),
    pytest.param(
        claim("90 km/h", 90, "kilometer / hour", kind="measure"),
        90,
        "kilometre per hour",
        "=",
        id="compound-unit",
    ),
    pytest.param(
        claim("-8 degrees Celsius", -8, "degree_Celsius", kind="measure"),
        -8,
        "celsius",
        "=",
        id="celsius",
    ),
    pytest.param(
        claim("23 per cent", 23, "percent", kind="proportion"), 23, "percentage", "=", id="percent"
    ),
    pytest.param(
        claim("a third of the voters", 100 / 3, "percent", kind="proportion", noun="voters"),
        1 / 3,
        "% voter",
        "=",
        id="verbal-fraction",
    ),
    pytest.param(
        claim("almost half", 50, "percent", kind="proportion", bound="<~", low=45),
        0.5,
        "% -",
        "~",
        id="verbal-fraction-no-noun",
    ),
    pytest.param(
        claim("87 cargo ships", 87, "count", noun="cargo ships"),
        87,
        "cargo ship",
        "=",
        id="count-noun-singular",
    ),
    pytest.param(
        claim("40 companies", 40, "count", noun="companies"), 40, "company", "=", id="count-ies"
    ),
    pytest.param(
        claim("14 people", 14, "count", noun="people"), 14, "people", "=", id="count-irregular"
    ),
    pytest.param(claim("3 times", 3, "count", noun="times"), 3, "count", "=", id="multiple"),
    pytest.param(claim("to 9120", 9120, "count"), 9120, "-", "=", id="bare-number"),
    pytest.param(
        claim("over 35 million", 35e6, "count", bound=">", high=float("inf")),
        35e6,
        "-",
        ">",
        id="bound-gt",
    ),
    pytest.param(
        claim("at least 55 mph", 55, "mph", kind="measure", bound=">=", high=float("inf")),
        55,
        "mile per hour",
        ">",
        id="bound-ge",
    ),
    pytest.param(
        claim("up to 250 people", 250, "count", noun="people", bound="<=", low=0),
        250,
        "people",
        "<",
        id="bound-le",
    ),
    pytest.param(
        claim("about 25 miles", 25, "mile", kind="measure", bound="~", low=22.5, high=27.5),
        25,
        "mile",
        "~",
        id="bound-approx",
    ),
    pytest.param(
        claim("rose 1.4 percent", 1.4, "percent", kind="proportion", change="increase"),
        1.4,
        "percentage",
        "up",
        id="change-up",
    ),
    pytest.param(
        claim("fell $2", 2, "USD", kind="money", change="decrease"),
        2,
        "dollar",
        "down",
        id="change-down",
    ),
    pytest.param(
        claim("between $41 and $47", 44, "USD", kind="range", bound="range", low=41, high=47),
        (41.0, 47.0),
        "dollar",
        "=",
        id="range-ascending",
    ),
    pytest.param(
        claim("31 years old", 31, "year", kind="duration"),
        31,
        "year of age",
        "=",
        id="age-by-surface",
    ),
    pytest.param(claim("for 4 years", 4, "year", kind="duration"), 4, "year", "=", id="duration"),
]


@pytest.mark.parametrize(("source", "value", "unit", "change"), ADAPTER_CASES)
def test_claim_to_cqe(source, value, unit, change):
    got = claim_to_cqe(source, load_vocab())
    assert values_match(value, got.value) and values_match(got.value, value), got.value
    assert (got.unit, got.change) == (unit, change)
    assert "test.rule" in got.note


def test_age_set_maps_durations_to_ages():
    vocab = load_vocab()
    c = claim("seven months", 7, "month", kind="duration")
    assert claim_to_cqe(c, vocab).unit == "month"
    assert claim_to_cqe(c, vocab, age_set=True).unit == "month of age"
    assert claim_to_cqe(claim("ten", 10, "count", concept="age"), vocab).unit == "-"


@pytest.mark.parametrize(
    ("fields", "concepts"),
    [
        pytest.param({}, ("-",), id="none"),
        pytest.param(
            {"subject": "Norway", "noun": "cargo ships"}, ("Norway",), id="count-noun-is-unit"
        ),
        pytest.param(
            {"kind": "measure", "unit": "meter", "noun": "the altitude"},
            ("altitude",),
            id="measure-noun-stopword",
        ),
        pytest.param(
            {"subject": "Copper", "kind": "money", "unit": "USD", "noun": "copper price"},
            ("Copper", "price"),
            id="dedup-case-insensitive",
        ),
        pytest.param({"concept": "duration"}, ("-",), id="lexicon-label-is-not-a-concept"),
        pytest.param(
            {"kind": "measure", "unit": "meter", "holder": "The aircraft", "concept": "length"},
            ("aircraft",),
            id="holder",
        ),
        pytest.param(
            {"subject": "Norway", "holder": "Norway's fleet", "noun": "ships"},
            ("Norway", "Norway's", "fleet"),
            id="subject-and-holder",
        ),
    ],
)
def test_concept_tokens(fields, concepts):
    base = {"text": "5", "value": 5, "unit": "count", **fields}
    c = claim(base.pop("text"), base.pop("value"), base.pop("unit"), **base)
    assert claim_to_cqe(c, load_vocab()).concepts == concepts


@pytest.mark.parametrize(
    ("text", "subject", "concepts"),
    [
        # figcheck names the subject canonically; the concept uses the sentence's words
        ("the US deficit of 5", "United States", ("US", "deficit")),
        ("a British fleet of 5", "United Kingdom", ("British", "fleet")),
        # the canonical name when the sentence spells it, or when no written form is found
        ("the United States deficit of 5", "United States", ("United", "States", "deficit")),
        ("Norway's deficit of 5", "Norway", ("Norway", "deficit")),
    ],
)
def test_concept_subject_as_written(text, subject, concepts):
    holder = text.split(" of ")[0].split()[-1]
    c = claim(text, 5, "USD", kind="money", subject=subject, holder=holder)
    assert claim_to_cqe(c, load_vocab()).concepts == concepts


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("meter ** 2", "square metre"),
        ("USD / share", "dollar per share"),
        ("kilometer_per_hour", "kilometre per hour"),
        ("foot ** 3", "cubic foot"),
        ("pound", "pound-mass"),
        ("furlong", "furlong"),
        ("USD / oil_barrel", "dollar per barrel"),
        ("oil_barrel / day", "barrel per day"),
        ("USD / square_foot", "dollar per square foot"),
        ("kip_per_square_inch", "kilopound per square inch"),
    ],
)
def test_cqe_unit(unit, expected):
    assert cqe_unit(unit, load_vocab()) == expected


def test_vocab_error_names_file_and_line(tmp_path):
    path = tmp_path / "vocab.toml"
    path.write_text("[units]\nUSD = 'dollar'\nEUR = \n", encoding="utf-8")
    with pytest.raises(RuleDefinitionError) as err:
        load_vocab(path)
    assert (err.value.path, err.value.line) == (str(path), 3)


def test_vocab_rejects_a_non_string_target(tmp_path):
    path = tmp_path / "vocab.toml"
    source = (
        (BENCH / "cqe_vocab.toml").read_text(encoding="utf-8").replace('USD = "dollar"', "USD = 3")
    )
    path.write_text(source, encoding="utf-8")
    with pytest.raises(RuleDefinitionError) as err:
        load_vocab(path)
    assert err.value.key == "units.USD"
    assert err.value.line == source.splitlines().index("USD = 3") + 1


@needs_data
def test_vocab_targets_are_gold_unit_names():
    gold_units = {
        quantity.unit.lower()
        for name in SETS
        for s in load_gold(DATA / name)
        for quantity in s.gold
    }
    vocab = load_vocab()
    targets = {*vocab.units.values(), *vocab.age_units.values(), *vocab.noun_units.values()}
    assert sorted(t for t in targets if t.lower() not in gold_units) == []


# --- small helpers of the scripts ----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [(2480.0, "2,480"), (0.4167, "0.4167"), (6.02e-23, "6.02e-23"), (-2.6, "-2.6"), (None, "")],
)
def test_fmt_number(value, text):
    assert fmt_number(value) == text


def test_render_aligns_and_clips():
    table = render(["name", "n"], [["a very long cell", "1"], ["b", "22"]], max_width=6, right=[1])
    assert table.splitlines() == ["name     n", "------  --", "a ver…   1", "b       22"]


@pytest.mark.parametrize(
    ("text", "chars"),
    [
        ("1MB", 1_000_000),
        ("100KB", 100_000),
        ("250k", 250_000),
        ("5000", 5000),
        ("0.5 MB", 500_000),
    ],
)
def test_parse_size(text, chars):
    assert speed.parse_size(text) == chars


def test_parse_size_rejects_garbage():
    with pytest.raises(Exception, match="not a size: '1 GBx'"):
        speed.parse_size("1 GBx")


def test_build_text_repeats_to_size_and_cuts_at_a_space():
    text = speed.build_text("one two three.\n\n", 100)
    assert 84 < len(text) <= 100
    assert text.startswith("one two three.\n\none two")
    assert set(text.split()) == {"one", "two", "three."}
    assert speed.chunks_of(text, whole=False)[0] == "one two three."
    assert speed.chunks_of(text, whole=True) == [text]


@given(
    gold=st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
    rel=st.floats(min_value=-3e-5, max_value=3e-5),
)
def test_values_match_agrees_with_numpy_isclose(gold, rel):
    np = pytest.importorskip("numpy")
    pred = gold * (1 + rel)
    assert values_match(gold, pred) == bool(np.isclose(gold, pred, rtol=1e-5, atol=1e-8))


def _tiny_set(folder: Path, published_value: str) -> None:
    folder.mkdir()
    gold = '{"id": "x-0", "text": "It costs $6.", "quantities": [%s]}\n'
    item = '{"value": 6, "range": null, "unit": "dollar", "change": null, "concept_tokens": null}'
    (folder / "gold.jsonl").write_text(gold % item, encoding="utf-8")
    pred = (
        '{"id": "x-0", "text": "It costs $6.", "predictions": [{"value": 6, "range": null,'
        ' "unit": "euro", "change": "=", "concept_tokens": ["cost"]}]}\n'
    )
    (folder / "gpt3_predictions.jsonl").write_text(pred, encoding="utf-8")
    (folder / "README.md").write_text(
        "## Published results\n\n| system | value | value+unit |\n|---|---|---|\n"
        f"| GPT-3 | {published_value} | 0.0 / 0.0 / 0.0 |\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    ("published", "mismatches"),
    [
        pytest.param("100.0 / 100.0 / 100.0", [], id="matches"),
        pytest.param(
            "90.0 / 100.0 / 94.7",
            ["GPT-3 reproduced, value: expected 90.0 / 100.0 / 94.7, got 100.0 / 100.0 / 100.0"],
            id="flags-a-difference",
        ),
    ],
)
def test_score_set_checks_the_reproduced_gpt3_row(tmp_path, monkeypatch, published, mismatches):
    _tiny_set(tmp_path / "tiny", published)
    monkeypatch.setattr(accuracy.figcheck, "extract", lambda text, doc_id="doc": [])
    table, got = accuracy.score_set(tmp_path / "tiny", "tiny")
    assert got == mismatches
    assert ("100.0 / 100.0 / 100.0 *" in table) is bool(mismatches)
    assert "figcheck (strict one-to-one)  0.0 / 0.0 / 0.0" in table


@pytest.mark.parametrize(
    "module", [_cqe_score, _cqe_adapter, _table, speed], ids=lambda m: m.__name__
)
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0


def test_a_movement_is_one_range_in_written_order():
    from _cqe_adapter import claims_to_cqe

    first = claim("$2,400", 2400, "USD", kind="money", rule="digits_from")
    second = claim("$2,300", 2300, "USD", kind="money", rule="digits_to")
    alone = claim("$9", 9, "USD", kind="money", rule="digits_single")
    got = claims_to_cqe([first, second, alone], load_vocab())
    assert [(g.value, g.unit) for g in got] == [((2400, 2300), "dollar"), (9, "dollar")]


def test_written_percentages_are_never_verbal_fractions():
    c = claim("4.8", 4.8, "percent", kind="proportion", rule="digits_from")
    assert (claim_to_cqe(c, load_vocab()).value, claim_to_cqe(c, load_vocab()).unit) == (
        4.8,
        "percentage",
    )


def test_a_multiple_is_a_count_whatever_its_noun():
    c = claim("4.5 times", 4.5, "count", noun="earnings", rule="multiple")
    got = claim_to_cqe(c, load_vocab())
    assert (got.unit, got.concepts) == ("count", ("earnings",))


@pytest.mark.parametrize(
    ("noun", "unit"),
    [
        ("shipping containers", "shipping container"),
        ("coal-fired power plants", "coal-fired power plant"),
        ("richest clubs", "rich club"),
        ("viruses", "virus"),
        ("crises", "crisis"),
        ("houses", "house"),
    ],
)
def test_counted_noun_as_cqe_unit(noun, unit):
    c = claim("9", 9, "count", noun=noun)
    assert claim_to_cqe(c, load_vocab()).unit == unit


def test_a_shared_head_is_written_without_and():
    c = claim("12", 12, "count", noun="ford and toyota pickups")
    assert claim_to_cqe(c, load_vocab()).unit == "ford toyota pickup"


@pytest.mark.parametrize(
    ("text", "value", "unit", "expected"),
    [
        ("63 cents per share", 0.63, "USD / stock_share", (63, "cent per share")),
        ("$1.20 a share", 1.2, "USD / stock_share", (1.2, "dollar per share")),
        ("one penny", 0.01, "GBP", (1, "penny")),
    ],
)
def test_money_rates_and_minor_units(text, value, unit, expected):
    got = claim_to_cqe(claim(text, value, unit, kind="money"), load_vocab())
    assert values_match(expected[0], got.value) and got.unit == expected[1]


def test_speed_ratio_is_taken_against_the_peer_on_the_same_text() -> None:
    mix = speed.Timing("figcheck", 1_000, 0.01, 10, "mix")
    prose = speed.Timing("figcheck (article prose)", 1_000, 0.001, 1, "prose")
    peers = [speed.Timing("quantulum3", 1_000, 1.0, 5, "mix")]
    table = speed.report([mix, prose], peers)
    rows = {line.split("  ")[0].strip(): line for line in table.splitlines()[2:]}
    assert rows["figcheck"].rstrip().endswith("100.0x")
    # same length, other text: no ratio against the mix's peer
    assert not rows["figcheck (article prose)"].rstrip().endswith("x")
