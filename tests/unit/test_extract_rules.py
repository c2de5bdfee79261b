"""Table-driven tests of the extractor, one table per phenomenon (sentences written for figcheck)."""

from __future__ import annotations

import math

import pytest

from figcheck import Bound, Change, Kind, extract

INF = math.inf


def _find(sentence: str, surface: str):
    claims = extract(sentence)
    for c in claims:
        if c.text == surface:
            return c
    found = [c.text for c in claims]
    raise AssertionError(f"no claim {surface!r} in {sentence!r}; found {found}")


def _case(sentence, surface, **expected):
    return pytest.param(sentence, surface, expected, id=f"{surface}|{sentence[:40]}")


def _check(sentence: str, surface: str, expected: dict) -> None:
    c = _find(sentence, surface)
    for key, want in expected.items():
        got = getattr(c, key)
        if isinstance(want, float) and not math.isinf(want):
            assert got == pytest.approx(want, rel=1e-9), (key, got, want)
        else:
            assert got == want, (key, got, want)


DIGITS = [
    _case("The agency recorded 1,351 deaths last spring.", "1,351", value=1351.0, low=1351.0, high=1351.0, kind=Kind.COUNT, unit="count"),
    _case("Officials counted 14 000 displaced families.", "14 000", value=14000.0),
    _case("Inflation held at 0.7 in the old index.", "0.7", value=0.7),
    _case("The index moved 1.5 on the day.", "1.5", value=1.5),
    _case("Shares ended the session at -1.3% after the report.", "-1.3%", value=-1.3, unit="percent"),
    _case("Pressure dropped to −4.5 units below normal.", "−4.5", value=-4.5),
    _case("About 250,000,000 people watched.", "About 250,000,000", value=2.5e8),
    _case("The fund holds 2,481,003 shares.", "2,481,003", value=2481003.0, low=2481003.0),
]

SCALES = [
    _case("The contract was worth $4.2bn over a decade.", "$4.2bn", value=4.2e9, unit="USD", kind=Kind.MONEY),
    _case("Attendance reached 14k on Saturday.", "14k", value=14000.0),
    _case("The country has 40 million residents.", "40 million", value=4e7, low=3.95e7, high=4.05e7),
    _case("Debt climbed past 3 trillion yen.", "3 trillion yen", value=3e12, unit="JPY"),
    _case("A £2.5m grant was approved.", "£2.5m", value=2.5e6, unit="GBP"),
    _case("The firm lost €1.1bn.", "€1.1bn", value=1.1e9, unit="EUR"),
    _case("Investors poured in US$300 million.", "US$300 million", value=3e8, unit="USD"),
    _case("Farmers borrowed 2 lakh rupees.", "2 lakh rupees", value=2e5, unit="INR"),
    _case("Output rose to 1.2 billion barrels.", "1.2 billion barrels", value=1.2e9, unit="oil_barrel"),
]

WORDS = [
    _case("Four crew members survived.", "Four", value=4.0),
    _case("Nineteen passengers were rescued.", "Nineteen", value=19.0),
    _case("The bill passed with twenty-three votes to spare.", "twenty-three", value=23.0),
    _case("She bought a dozen boxes.", "a dozen", value=12.0),
    _case("It took a hundred volunteers to clear the site.", "a hundred", value=100.0),
    _case("The council had one hundred and twelve members.", "one hundred and twelve", value=112.0),
    _case("Three thousand runners took part.", "Three thousand", value=3000.0),
    _case("We counted one goat near the barn.", "one", value=1.0),
]

PROPORTIONS = [
    _case("Turnout was 29.6% in the north.", "29.6%", value=29.6, low=29.55, high=29.65, unit="percent", kind=Kind.PROPORTION),
    _case("Turnout was 29.6 percent in the north.", "29.6 percent", value=29.6, unit="percent"),
    _case("Turnout was 29.6 per cent in the north.", "29.6 per cent", value=29.6, unit="percent"),
    _case("A third of households lack heating.", "A third", value=100 / 3, unit="percent"),
    _case("The plan won two-thirds of the vote.", "two-thirds", value=200 / 3, unit="percent"),
    _case("Half of the staff were absent.", "Half", value=50.0, unit="percent"),
    _case("Three-quarters of the land is farmed.", "Three-quarters", value=75.0, unit="percent"),
    _case("One in five adults smokes.", "One in five", value=20.0, unit="percent"),
    _case("Nine out of ten dentists agree.", "Nine out of ten", value=90.0, unit="percent"),
    _case("The survey found 9 in 10 renters worried.", "9 in 10", value=90.0, unit="percent"),
    _case("Support fell 3 percentage points in May.", "3 percentage points", value=3.0, unit="percent", change=Change.DECREASE),
    _case("Approval climbed 4 points to a new high.", "4 points", value=4.0, change=Change.INCREASE),
    _case("Unemployment was 5%, the lowest on record.", "5%", value=5.0, low=4.5, high=5.5),
]

PART_OF_WHOLE = [
    _case("The army said 123 of Ukraine's 152 fighter jets were hit.", "123 of Ukraine's 152", kind=Kind.PART_OF_WHOLE, value=123.0, whole=152.0, subject="Ukraine", noun="fighter jets"),
    _case("It lost 77 of its 149 helicopters.", "77 of its 149", kind=Kind.PART_OF_WHOLE, value=77.0, whole=149.0),
    _case("Nineteen of the 27 member states agreed.", "Nineteen of the 27", kind=Kind.PART_OF_WHOLE, value=19.0, whole=27.0),
    _case("Only 12 out of 37 candidates passed.", "12 out of 37", kind=Kind.PART_OF_WHOLE, value=12.0, whole=37.0),
    _case("Rescuers reached 40 of the 56 villages.", "40 of the 56", kind=Kind.PART_OF_WHOLE, whole=56.0),
]

HEDGES = [
    _case("Almost 14,000 people fled.", "Almost 14,000", bound=Bound.ALMOST, low=12600.0, high=14000.0),
    _case("Nearly 900 homes flooded.", "Nearly 900", bound=Bound.ALMOST, high=900.0),
    _case("The town lies just under 300 km away.", "just under 300 km", bound=Bound.ALMOST, high=300.0),
    _case("The bridge is about 40 miles long.", "about 40 miles", bound=Bound.APPROX, low=36.0, high=44.0),
    _case("Around 600 people gathered.", "Around 600", bound=Bound.APPROX),
    _case("They walked roughly 12 km.", "roughly 12 km", bound=Bound.APPROX),
    _case("The fire burned some 3,000 hectares.", "some 3,000 hectares", bound=Bound.APPROX),
    _case("It costs approximately $50.", "approximately $50", bound=Bound.APPROX),
    _case("An estimated 2,500 troops remain.", "An estimated 2,500", bound=Bound.APPROX),
    _case("The city has over 40 million visitors.", "over 40 million", bound=Bound.GT, low=4e7, high=INF),
    _case("More than 2,000 shops closed.", "More than 2,000", bound=Bound.GT, high=INF),
    _case("Prices stayed above 300 dollars.", "above 300 dollars", bound=Bound.GT, unit="USD"),
    _case("Sales were upwards of 5,000 units.", "upwards of 5,000", bound=Bound.GT),
    _case("Donations topped £1bn.", "topped £1bn", bound=Bound.GT, unit="GBP"),
    _case("At least 52 people died.", "At least 52", bound=Bound.GE, low=52.0, high=INF),
    _case("No fewer than 8 ships sank.", "No fewer than 8", bound=Bound.GE),
    _case("A minimum of 30 days applies.", "A minimum of 30 days", bound=Bound.GE, unit="day"),
    _case("Crowds of 10,000 or more are expected.", "10,000 or more", bound=Bound.GE),
    _case("Fewer than 100 tickets remain.", "Fewer than 100", bound=Bound.LT, low=0.0, high=100.0),
    _case("It sold for less than $20.", "less than $20", bound=Bound.LT, unit="USD"),
    _case("Children under 12 travel free.", "under 12", bound=Bound.LT),
    _case("Temperatures fell below 5°C overnight.", "below 5°C", bound=Bound.LT),
    _case("Up to 400 workers may lose jobs.", "Up to 400", bound=Bound.LE, high=400.0),
    _case("At most 6 guests are allowed.", "At most 6", bound=Bound.LE),
    _case("No more than 90 minutes is needed.", "No more than 90 minutes", bound=Bound.LE, unit="minute"),
    _case("As many as 3,000 may have died.", "As many as 3,000", bound=Bound.LE),
    _case("Just 5 buses were running.", "5", bound=Bound.EQ),
    _case("Inflation edged back up to 4.8 percent.", "4.8 percent", bound=Bound.EQ),
]

RANGES = [
    _case("Between 3,400 and 3,600 soldiers were deployed.", "Between 3,400 and 3,600", kind=Kind.RANGE, low=3400.0, high=3600.0, value=3500.0, bound=Bound.RANGE),
    _case("Estimates run from analysts at 3,400 to 3,600.", "3,400 to 3,600", kind=Kind.RANGE, low=3400.0, high=3600.0),
    _case("The toll was 3,400–3,600 people.", "3,400–3,600", kind=Kind.RANGE, low=3400.0, high=3600.0),
    _case("Growth of 3 to 5 million jobs is forecast.", "3 to 5 million", kind=Kind.RANGE, low=3e6, high=5e6),
    _case("The charger delivers 5-10 kW.", "5-10 kW", kind=Kind.RANGE, low=5.0, high=10.0, unit="kilowatt"),
    _case("Profit will land between $US160 million and $US171 million.", "between $US160 million and $US171 million", kind=Kind.RANGE, low=1.6e8, high=1.71e8, unit="USD"),
]

UNITS = [
    _case("A 15-year consultation period was offered.", "15-year", kind=Kind.DURATION, unit="year", value=15.0),
    _case("The talks lasted three weeks.", "three weeks", kind=Kind.DURATION, unit="week"),
    _case("Shelling went on for nearly eight years.", "nearly eight years", kind=Kind.DURATION, unit="year", bound=Bound.ALMOST),
    _case("A 40-mile convoy formed.", "40-mile", kind=Kind.MEASURE, unit="mile", value=40.0),
    _case("The lake covers 12 square miles.", "12 square miles", unit="square_mile"),
    _case("The parcel weighs 3.5 kg.", "3.5 kg", unit="kilogram"),
    _case("The fence is 1.8m tall.", "1.8m", unit="meter", value=1.8),
    _case("The firm sold 4.3m phones.", "4.3m", unit="count", value=4.3e6),
    _case("Winds reached 120 km/h.", "120 km/h", unit="kilometer_per_hour"),
    _case("The forecast is 31°C.", "31°C", unit="degree_Celsius"),
    _case("CO2 passed 420 ppm.", "420 ppm", unit="ppm"),
    _case("The tank holds 150 litres.", "150 litres", unit="liter"),
    _case("The van burns 150 litres a week.", "150 litres a week", unit="liter / week"),
    _case("Crude settled at $58.24 per barrel.", "$58.24 per barrel", unit="USD / oil_barrel", kind=Kind.MONEY),
    _case("Profits hit $2.1 billion a year before the merger.", "$2.1 billion", unit="USD"),
    _case("The Dow lost 190 points.", "190 points", unit="index_point", change=Change.DECREASE),
    _case("Approval of the mayor fell 4 points to 38%.", "4 points", unit="percent",
          kind=Kind.PROPORTION, change=Change.DECREASE),
    _case("The Varro 40 rose 64 points, or 1.4%, to 4,577.", "64 points", unit="index_point"),
    _case("A stamp costs 85p.", "85p", unit="GBP", value=0.85, kind=Kind.MONEY),
    _case("The fine was 200 euros.", "200 euros", unit="EUR"),
    _case("He paid ¥5,000 for it.", "¥5,000", unit="JPY"),
    _case("Salaries start at ₹40,000.", "₹40,000", unit="INR"),
    _case("A$12 million was raised.", "A$12 million", unit="AUD", value=1.2e7),
    _case("The sun's mass is about 1.99×10^30 kilograms.", "about 1.99×10^30 kilograms", value=1.99e30, unit="kilogram"),
    _case("A bacterium is 2 x 10−6 metres long.", "2 x 10−6 metres", value=2e-6, unit="meter"),
    _case("The recipe needs 1/2 pound of butter.", "1/2 pound", value=0.5, unit="pound"),
    _case("Only 3/4 of the seats were filled.", "3/4", value=75.0, unit="percent", kind=Kind.PROPORTION),
    _case("Add ½ teaspoon of salt.", "½ teaspoon", value=0.5, unit="teaspoon"),
    _case("They walked 2¼ miles.", "2¼ miles", value=2.25, unit="mile"),
    _case("Only ¾ of the seats were filled.", "¾", value=75.0, unit="percent", kind=Kind.PROPORTION),
]

CHANGES = [
    _case("Revenue rose by 2% last year.", "2%", change=Change.INCREASE),
    _case("Exports fell 3 points in June.", "3 points", change=Change.DECREASE),
    _case("The budget was cut by £1bn.", "£1bn", change=Change.DECREASE),
    _case("There was an increase of 40 cases.", "40", change=Change.INCREASE),
    _case("Shares were up 5% at noon.", "5%", change=Change.INCREASE),
    _case("The firm reported a 7% drop in sales.", "7%", change=Change.DECREASE),
    _case("Output stood at 7% in March.", "7%", change=None),
    _case("Prices rose to 40 dollars.", "40 dollars", change=None),
    # a change verb, its object, then "by": the figure is the change
    _case("The bank cut its main lending rate by 50 basis points.", "50 basis points",
          change=Change.DECREASE),
    _case("The mill raised the price of flour by 8%.", "8%", change=Change.INCREASE),
    # ... but not past a clause word or a participle the "by" belongs to
    _case("The levy grew, then was followed by 40 appeals.", "40", change=None),
    _case("Output rose after the plant was hit by 3 strikes.", "3", change=None),
]


@pytest.mark.parametrize("sentence,surface,expected", DIGITS)
def test_digits(sentence, surface, expected):
    _check(sentence, surface, expected)


@pytest.mark.parametrize("sentence,surface,expected", SCALES)
def test_scales(sentence, surface, expected):
    _check(sentence, surface, expected)


@pytest.mark.parametrize("sentence,surface,expected", WORDS)
def test_number_words(sentence, surface, expected):
    _check(sentence, surface, expected)


@pytest.mark.parametrize("sentence,surface,expected", PROPORTIONS)
def test_proportions(sentence, surface, expected):
    _check(sentence, surface, expected)


@pytest.mark.parametrize("sentence,surface,expected", PART_OF_WHOLE)
def test_part_of_whole(sentence, surface, expected):
    _check(sentence, surface, expected)


@pytest.mark.parametrize("sentence,surface,expected", HEDGES)
def test_hedges(sentence, surface, expected):
    _check(sentence, surface, expected)


@pytest.mark.parametrize("sentence,surface,expected", RANGES)
def test_ranges(sentence, surface, expected):
    _check(sentence, surface, expected)


@pytest.mark.parametrize("sentence,surface,expected", UNITS)
def test_units(sentence, surface, expected):
    _check(sentence, surface, expected)


@pytest.mark.parametrize("sentence,surface,expected", CHANGES)
def test_change_vs_level(sentence, surface, expected):
    _check(sentence, surface, expected)


def test_from_to_is_two_levels_not_a_range():
    claims = extract("The price went from 120 dollars to 150 dollars.")
    assert [c.text for c in claims] == ["120 dollars", "150 dollars"]
    assert all(c.kind == Kind.MONEY for c in claims)


def test_model_number_is_not_a_whole():
    claims = extract("The airline grounded 396 of its 737 Max jets.")
    assert [c.text for c in claims] == ["396"]
    assert claims[0].kind == Kind.COUNT


def test_rounded_and_exact_figures():
    exact = _find("Police confirmed 1,351 arrests.", "1,351")
    assert exact.low == exact.high == 1351.0
    rounded = _find("Police confirmed 14,000 arrests.", "14,000")
    assert (rounded.low, rounded.high) == (13500.0, 14500.0)
    decimal = _find("The population is 48.2 million.", "48.2 million")
    assert decimal.low == pytest.approx(48.15e6) and decimal.high == pytest.approx(48.25e6)


NOT_CLAIMS = [
    ("The summit opened on March 16.", "16"),
    ("Troops crossed on Feb. 24 at dawn.", "24"),
    ("The deal was signed on 9 August 2019.", "9"),
    ("The deal was signed on 9 August 2019.", "2019"),
    ("The war began in 2014.", "2014"),
    ("Music of the 1990s returned.", "1990"),
    ("The blast came at 3 a.m. local time.", "3"),
    ("The train left at 07:42.", "07"),
    ("The train left at 07:42.", "42"),
    ("She finished second in the race.", "second"),
    ("A 10th century church stood there.", "10"),
    ("He lives on the 4th floor.", "4"),
    ("Under Article 5 allies must respond.", "5"),
    ("Covid-19 cases fell.", "19"),
    ("Pilots flew the F-16 jets.", "16"),
    ("An Su-25 crashed.", "25"),
    ("The Boeing 737 was grounded.", "737"),
    ("The S&P 500 closed higher.", "500"),
    ("Leaders met at the G7 summit.", "7"),
    ("The Dnipro 1 and 2 units shut down.", "1"),
    ("The Dnipro 1 and 2 units shut down.", "2"),
    ("The vote on Resolution 2334 passed.", "2334"),
    ("The firm filed for Chapter 11 protection.", "11"),
    ("Traffic on the M25 was slow.", "25"),
    ("Call 555-201-7788 for tickets.", "555"),
    ("Call 555-201-7788 for tickets.", "201"),
    ("Protesters gathered at 10 Downing Street.", "10"),
    ("City won 3-1 at home.", "3"),
    ("City won 3-1 at home.", "1"),
    ("The 9/11 attacks changed policy.", "9"),
    ("The shop is open 24/7.", "24"),
    ("It was one of the worst storms.", "one"),
    ("No one was hurt.", "one"),
    ("Quarterback Dak Lewis (4) threw twice.", "4"),
    ("Fans still talk about the Kick Six play.", "Six"),
    ("A baker's dozen is thirteen.", "dozen"),
    ("Homes in the 90210 ZIP code sold fast.", "90210"),
    ("The bill was paid on 3/4/2022 in full.", "3"),
]


@pytest.mark.parametrize("sentence,token", NOT_CLAIMS, ids=[f"{t}|{s[:30]}" for s, t in NOT_CLAIMS])
def test_not_claims(sentence, token):
    start = sentence.index(token)
    end = start + len(token)
    for c in extract(sentence):
        assert c.end <= start or c.start >= end, f"{c.text!r} ({c.rule}) should not be a claim"


def test_years_become_period_context():
    c = _find("In the 2001 census, 48.2 million people were counted.", "48.2 million")
    assert c.period == "2001"


def test_context_fields():
    c = _find("Putin said almost 14,000 civilians were killed in Donbas.", "almost 14,000")
    assert c.noun == "civilians"
    assert c.concept == "deaths"
    c = _find("In all, 1,351 soldiers had lost their lives, according to the defence ministry.", "1,351")
    assert c.concept == "deaths"
    assert c.source is not None and "defence ministry" in c.source


def test_offsets_lines_and_columns():
    text = "First line.\nSecond line has 42 apples and 7 pears.\n"
    claims = extract(text, doc_id="fruit")
    assert [(c.text, c.line, c.column) for c in claims] == [("42", 2, 17), ("7", 2, 31)]
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert c.doc_id == "fruit"
        assert c.sentence.startswith("Second line")


def test_bad_input_types():
    with pytest.raises(TypeError, match="got bytes"):
        extract(b"12 apples")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got NoneType"):
        extract(None)  # type: ignore[arg-type]
    assert extract("") == []
    assert extract("no figures here at all") == []


def test_tolerance_override():
    default = _find("About 100 people came.", "About 100")
    wide = [c for c in extract("About 100 people came.", tolerances={"approximate": 0.5})][0]
    assert wide.low < default.low and wide.high > default.high
    with pytest.raises(ValueError, match="unknown tolerance family"):
        extract("About 100 people came.", tolerances={"vague": 0.2})


def test_quantity_uses_the_registry():
    q = _find("The convoy was 40 miles long.", "40 miles").quantity()
    assert q.to("kilometer").magnitude == pytest.approx(64.37376)


KNOWN_MISSES = [
    # (sentence, surface, value): limits of the rules today, kept visible as strict xfails
    ("Astronaut Nick Hague 44 has spent 200 days in orbit.", "44", 44.0),
]  # "a 12-cent-a-share dividend" is read now: tests/unit/test_unit_reading.py


@pytest.mark.xfail(strict=True, reason="known limitation of the rules")
@pytest.mark.parametrize("sentence,surface,value", KNOWN_MISSES, ids=[k[1] for k in KNOWN_MISSES])
def test_known_misses(sentence, surface, value):
    c = _find(sentence, surface)
    assert c.value == pytest.approx(value)


@pytest.mark.parametrize(
    "sentence,surface,concept",
    [
        ("A boy aged 15 watched a 40-mile-long convoy pass.", "40-mile-long", "length"),
        ("The talks lasted three weeks.", "three weeks", "duration"),
        ("Temperatures hit 40C in the shade.", "40C", "temperature"),
        ("The hospital is 12 miles away.", "12 miles", "distance"),
    ],
)
def test_unit_dimension_bounds_the_concept(sentence, surface, concept):
    assert _find(sentence, surface).concept == concept


@pytest.mark.parametrize(
    "sentence,surface",
    [
        ("The £40m pier stretches half a mile into the bay.", "£40m"),
        ("Some 300 volunteers walked the length of the canal.", "Some 300"),
        ("Nearly 20% of the route runs at a speed limit.", "Nearly 20%"),
    ],
)
def test_a_figure_without_a_physical_unit_takes_no_physical_concept(sentence, surface):
    assert _find(sentence, surface).concept is None


@pytest.mark.parametrize(
    "sentence,surface,unit",
    [
        ("A boy aged 14 won the national spelling bee.", "14", "year"),  # his age, not KRW
        ("The firm paid 900 billion won for the plant.", "900 billion won", "KRW"),
    ],
)
def test_won_after_a_figure_is_the_verb_before_its_object(sentence, surface, unit):
    assert _find(sentence, surface).unit == unit


def test_a_bare_count_may_still_be_an_age():
    assert _find("A girl aged 12 won the regional final.", "12").concept == "age"


def test_a_date_in_a_later_clause_is_not_the_period():
    c = _find("They offered a 15-year consultation period on Crimea, annexed by Russia in 2014.", "15-year")
    assert c.period is None
    c = _find("In the 2001 census, 48.2 million people were counted.", "48.2 million")
    assert c.period == "2001"


def test_a_trailing_hedge_is_not_read_twice():
    # "and over" closes a figure; the scan resumes after it, so claims never overlap
    for text in ("0 0 and over 0", "Fares rose 5 and over 3 years the line grew."):
        spans = [(c.start, c.end) for c in extract(text)]
        assert spans and all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), spans
