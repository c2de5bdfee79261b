"""What each figure measures: its noun, measure head, qualifiers and concept, per figure.

Every sentence here is written for these tests; the figures are invented.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import figcheck
from figcheck import RuleDefinitionError
from figcheck.extraction.context.measure import measure_head
from figcheck.lexicon.files import DataFile, data_file
from figcheck.lexicon.measures import default_measures, load_measures


def claim(text: str, surface: str) -> figcheck.Claim:
    found = [c for c in figcheck.extract(text) if c.text == surface]
    assert found, [c.text for c in figcheck.extract(text)]
    return found[0]


# --- scales ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("A magnitude 6.3 quake shook the valley on Sunday, injuring 42 people.", "6.3"),
        ("The 5.7-magnitude tremor toppled 19 chimneys in Vessby.", "5.7"),
        ("The shock, which measured 3.9 on the Richter scale, woke the town.", "3.9"),
        ("Tuesday's 4.1 aftershock sent people into the streets.", "4.1"),
    ],
)
def test_a_scale_reading_is_a_magnitude_not_a_count(text: str, surface: str) -> None:
    c = claim(text, surface)
    assert (c.noun, c.concept, c.measure) == ("magnitude", "magnitude", "magnitude")


def test_a_casualty_sentence_does_not_make_the_magnitude_deaths() -> None:
    text = "The magnitude 6.8 earthquake killed 212 people and injured 1,040 in Tarvo."
    assert claim(text, "6.8").concept == "magnitude"
    assert claim(text, "212").concept == "deaths"
    assert claim(text, "1,040").concept == "injuries"


def test_a_decimal_before_a_quake_word_needs_the_quake_word_right_after() -> None:
    c = claim("Rescuers counted 7 quakes overnight.", "7")
    assert c.measure != "magnitude"


# --- the measure named before the figure ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "noun"),
    [
        ("Imports from Chile fell 6% in May.", "6%", "imports"),
        ("The trade gap could widen to $2.3 billion next year.", "$2.3 billion", "trade gap"),
        ("Average hourly pay in the Lorrin Islands grew by 3.1% in 2023.", "3.1%", "average hourly pay"),
        ("Estonia's jobless rate rose to 7.4% in June.", "7.4%", "jobless rate"),
        ("Receipts at the toll bridge climbed to €2.1 million.", "€2.1 million", "receipts"),
        ("Insured damage from the hailstorm is likely to reach $640 million.", "$640 million", "insured damage"),
        ("Public borrowing was £8.2 billion in May.", "£8.2 billion", "public borrowing"),
        ("Rents across the region as a whole rose 2.2%.", "2.2%", "rents"),
    ],
)
def test_the_measure_before_the_figure(text: str, surface: str, noun: str) -> None:
    assert claim(text, surface).noun == noun


def test_a_name_before_the_verb_is_whose_not_what() -> None:
    c = claim("Vessby recorded 14.2% in the first round.", "14.2%")
    assert c.noun is None


def test_a_place_after_a_preposition_is_not_the_measure() -> None:
    c = claim("Output in the Baltic states grew 0.4% last quarter.", "0.4%")
    assert c.noun == "output"


def test_a_time_noun_is_not_the_measure() -> None:
    c = claim("Orders dropped 2.6% last year to 81,200.", "81,200")
    assert c.measure == "order"


def test_a_share_of_a_whole_takes_the_clause_measure() -> None:
    c = claim("Solar power supplied 14% of the island's electricity in 2022.", "14%")
    assert c.noun == "solar power"
    # with no measure before it, the whole after "of" is what is shared
    assert claim("Ana Brel won 52.4% of the vote.", "52.4%").noun == "vote"


# --- a figure that names no measure takes the one before it -----------------------------


def test_list_items_share_the_measure_of_the_list() -> None:
    text = "Ana Brel won 41.2% of the vote, Ivo Tamm 33.9% and Lea Kask 12.5%."
    assert [claim(text, s).measure for s in ("41.2%", "33.9%", "12.5%")] == ["vote"] * 3


def test_a_possessive_without_a_noun_takes_the_earlier_measure() -> None:
    text = "Estonia's economy grew 1.1% in 2023, while Latvia's shrank 0.4%."
    assert claim(text, "0.4%").noun == "economy"


def test_a_pronoun_takes_the_earlier_measure() -> None:
    text = "Bicycle sales fell 9% in May, but they have doubled since 2019 to 88,000."
    assert claim(text, "88,000").noun == "bicycle sales"


def test_a_span_of_time_is_never_the_measure_handed_on() -> None:
    text = "Wages rose 4.4% in the six months to May, above the 3.9% seen in Vessby."
    assert claim(text, "3.9%").noun == "wages"


# --- concepts per figure, from its own clause -------------------------------------------


def test_each_figure_of_a_casualty_sentence_has_its_own_concept() -> None:
    text = (
        "The storm cut power to 9,000 homes, destroyed 450 houses, damaged 1,300 more "
        "and killed three people, officials said."
    )
    assert claim(text, "9,000").concept is None
    assert claim(text, "450").concept == "destroyed"
    assert claim(text, "1,300").concept == "damaged"
    assert claim(text, "three").concept == "deaths"


def test_a_word_elsewhere_in_the_sentence_does_not_name_the_concept() -> None:
    text = "Few voters chose to flee the heat, and the Centre won 44 seats."
    assert claim(text, "44").concept is None


def test_an_event_after_the_noun_phrase_counts_across_auxiliaries() -> None:
    c = claim("Some 320 soldiers have reportedly been killed near the pass.", "Some 320")
    assert (c.concept, c.measure, c.qualifiers) == ("deaths", "death", ("soldier",))


def test_people_told_to_leave_were_evacuated() -> None:
    c = claim("About 1,800 residents were told to leave on Friday.", "About 1,800")
    assert c.concept == "evacuated"


# --- measure heads and qualifiers -------------------------------------------------------


def test_fatalities_and_died_meet_on_one_measure() -> None:
    a = claim("The crash caused 19 fatalities.", "19")
    b = claim("In all, 19 people died in the crash.", "19")
    assert a.measure == b.measure == "death"


def test_a_qualifier_makes_a_different_fact() -> None:
    text = "The shelling has killed 5,200 people, including 1,900 civilians."
    total, civilians = claim(text, "5,200"), claim(text, "1,900")
    assert total.measure == "death" and total.qualifiers == ()
    assert civilians.qualifiers == ("civilian",)


def test_the_event_verb_qualifies_a_counted_thing() -> None:
    c = claim("The fire destroyed 2,300 homes.", "2,300")
    assert (c.measure, c.qualifiers) == ("home", ("destroyed",))


@pytest.mark.parametrize(
    ("noun", "concept", "event", "expected"),
    [
        ("crises", None, False, ("crisis", ())),
        ("net migrants", None, False, ("migrant", ("net",))),
        ("insured losses", "losses", True, ("loss", ("insured",))),
        (None, "injuries", True, ("injury", ())),
        ("residents", "evacuated", True, ("evacuation", ())),
        (None, None, False, (None, ())),
    ],
)
def test_measure_head(noun, concept, event, expected) -> None:
    assert measure_head(noun, concept, event) == expected


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            "the a rose fell to by of in 12 4.5% $3 million people killed homes magnitude "
            "Vessby's economy while and , . was were insured net civilians they it".split()
        ),
        max_size=24,
    )
)
def test_measure_fields_are_always_well_formed(words: list[str]) -> None:
    for c in figcheck.extract(" ".join(words)):
        assert c.measure is None or (c.measure.strip() and c.measure == c.measure.lower())
        assert all(q and q == q.lower() for q in c.qualifiers)
        assert len(set(c.qualifiers)) == len(c.qualifiers)


# --- the data file ----------------------------------------------------------------------


def test_the_measures_file_opens_with_its_grammar() -> None:
    head = data_file("measures.toml").text.split("\n\n", 1)[0]
    assert head.startswith("#") and "Grammar" in head


def test_the_default_measures_load() -> None:
    lex = default_measures()
    assert lex.events["tremor"] == "magnitude"
    assert "people" in lex.people and "insured" in lex.qualifiers
    assert lex.event_heads["deaths"] == "death"


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (("people = [", 'people = ["Folk", '), "words.people"),
        (("[words]\n", "[words]\nextra = [\"x\"]\n"), "words.extra"),
        (('before = ["magnitude", ', 'afterwards = ["x"]\nbefore = ["magnitude", '), "scales.magnitude.afterwards"),
        (('deaths = "death"', "deaths = 3"), "event_heads.deaths"),
    ],
)
def test_a_bad_entry_names_file_and_key(change: tuple[str, str], where: str) -> None:
    text = data_file("measures.toml").text.replace(*change, 1)
    with pytest.raises(RuleDefinitionError) as err:
        load_measures(DataFile("measures.toml", text))
    assert where in str(err.value) and "measures.toml" in str(err.value)


# --- amounts named by their verb, their "in" phrase, or a long noun -----------------------


def test_a_verb_names_the_amount_it_governs() -> None:
    c = claim("Cruise passengers spent €380 million in the port towns last summer.", "€380 million")
    assert (c.noun, c.measure) == ("spending", "spending")
    # a share keeps the thing that moved: an index that gained is still the index
    assert claim("The Varro composite index gained 1.4% on Monday.", "1.4%").noun == "varro composite index"


def test_a_level_after_a_gain_is_not_a_gain() -> None:
    text = "Shares in Kesh Mining gained $1.20 to close at 14.85."
    assert claim(text, "$1.20").noun == "gain"
    assert claim(text, "14.85").noun != "gain"


def test_an_amount_in_a_noun_phrase() -> None:
    c = claim("The hailstorm caused $640 million in insured damage, the insurer said.", "$640 million")
    assert (c.measure, c.qualifiers) == ("damage", ("insured",))
    assert claim("Exports reached $3 billion in the first quarter.", "$3 billion").noun == "exports"


def test_a_plural_possessive_before_the_noun_is_whose() -> None:
    assert claim("Insurers sold 2,700 farmers' crop policies.", "2,700").noun == "crop policies"


def test_a_long_noun_phrase_keeps_its_head() -> None:
    c = claim("The city will add 12,000 new public electric bus charging bays by 2030.", "12,000")
    assert c.noun == "electric bus charging bays" and c.measure == "electric bus charging bay"


def test_a_year_between_the_noun_and_the_verb() -> None:
    c = claim("Mirovia's trade surplus for fiscal 2022-23 was $4.1 billion.", "$4.1 billion")
    assert c.noun == "trade surplus"


def test_an_amount_of_money_prefers_its_in_phrase_to_its_verb() -> None:
    c = claim("Hauliers paid £2.2 billion in bridge charges last year.", "£2.2 billion")
    assert c.noun == "bridge charges"
    # "in" before a year or a place names when or where, not what
    assert claim("Federal receipts reached $5.1 trillion in fiscal 2023.", "$5.1 trillion").noun == "federal receipts"
    assert claim("Only 41% of adults in Vessby can swim, against 57% in nearby Osk.", "57%").noun != "nearby"


def test_a_quantity_keeps_its_own_measure_not_its_verb() -> None:
    text = "Varro exported 3,200 tonnes of cloves, while Kesh shipped 870 tonnes."
    assert claim(text, "870 tonnes").noun == "cloves"


def test_a_list_item_names_its_own_measure() -> None:
    text = "Hydropower supplied 44% of the grid's power last year, wind 21% and gas 9%."
    assert [claim(text, s).noun for s in ("21%", "9%")] == ["wind", "gas"]


def test_an_acronym_is_not_a_pronoun() -> None:
    c = claim("Holiday toy sales in the US reached $7.3 billion.", "$7.3 billion")
    assert c.noun == "holiday toy sales"


def test_a_name_after_for_is_read_past() -> None:
    c = claim("Officials raised the alert level for Mount Osk to 4 on Friday.", "4")
    assert c.noun == "alert level"


@pytest.mark.parametrize(
    ("text", "surface", "concept"),
    [
        ("About 2,100 people marched through Vessby on Saturday.", "About 2,100", "protesters"),
        ("Some 640 people remain in shelters after the flood.", "Some 640", "in_shelter"),
        ("Roughly 900 people are sleeping rough in the capital.", "Roughly 900", "homeless"),
        ("The virus has infected 3,300 people this winter.", "3,300", "infected"),
    ],
)
def test_event_concepts(text: str, surface: str, concept: str) -> None:
    assert claim(text, surface).concept == concept


@pytest.mark.parametrize(
    ("text", "surface", "wrong"),
    [
        ("The blast was heard 35km south of the border.", "35km", "south"),
        ("The appeal closed some 8,000 shy of its target.", "some 8,000", "shy"),
        ("United lost in front of 38,410 at home.", "38,410", "front"),
    ],
)
def test_a_word_after_or_before_a_figure_that_does_not_name_it(text: str, surface: str, wrong: str) -> None:
    assert claim(text, surface).noun != wrong


def test_an_extent_names_its_dimension() -> None:
    c = claim("The shaft is 620 metres deep.", "620 metres")
    assert (c.noun, c.measure, c.qualifiers) == ("depth", "depth", ())


def test_a_named_index_is_what_its_move_measures() -> None:
    c = claim("The Lorrin All-Share fell 1.4% on Friday, dealers said.", "1.4%")
    assert c.noun == "lorrin all-share" or c.subject == "Lorrin All-Share"
    text = "The Varro Composite fell 2.1% to 3,880.4 on Monday."
    move = claim(text, "2.1%")
    assert "varro composite" in (move.noun, (move.subject or "").lower())
    # the level after it is not handed the name as what it counts
    assert claim(text, "3,880.4").noun is None


def test_a_place_or_party_opening_the_clause_is_whose_not_what() -> None:
    assert claim("Malta recorded 71.2% on Sunday.", "71.2%").noun is None
    assert claim("Kesh Mining rose 8.2% after the ruling.", "8.2%").noun is None


# --- the counted noun: abbreviations and where a plural head ends ---------------------


@pytest.mark.parametrize(
    ("text", "surface", "noun"),
    [
        ("Okafor averaged 19.4 ppg and 8.2 rpg last season.", "19.4", "points per game"),
        ("Okafor averaged 19.4 ppg and 8.2 rpg last season.", "8.2", "rebounds per game"),
        ("The shortstop was worth 2.3 WAR over the year.", "2.3", "wins above replacement"),
        ("Lindqvist ran for 3 TDs in the opener.", "3", "touchdowns"),
    ],
)
def test_an_abbreviated_counted_noun_is_read_in_full(text: str, surface: str, noun: str) -> None:
    assert claim(text, surface).noun == noun


def test_an_abbreviation_is_matched_as_written() -> None:
    # "war" in lower case is the word, not the statistic
    assert claim("The region saw 2 war memorials restored.", "2").noun != "wins above replacement"


@pytest.mark.parametrize(
    ("text", "surface", "noun"),
    [
        ("The 14 delegates bound by the accord met in Orsk.", "14", "delegates"),
        ("The firm has 73 clients mostly from Norway.", "73", "clients"),
        ("The villa has 6.5 bathrooms finish in marble.", "6.5", "bathrooms"),
        ("Officers seized 40 stolen cars overnight.", "40", "stolen cars"),
        ("The fleet added 12 sports cars this year.", "12", "sports cars"),
    ],
)
def test_a_plural_head_ends_the_counted_noun(text: str, surface: str, noun: str) -> None:
    assert claim(text, surface).noun == noun


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The pack stores 5200 mAh.", "milliampere_hour"),
        ("The beam failed at 48.5 MPa.", "megapascal"),
        ("The alloy tested at 11 ksi.", "kip_per_square_inch"),
        ("Tap water held 9 ppb of lead.", "ppb"),
        ("The ice sheet shed 140 gigatonnes.", "gigatonne"),
        ("The new plant stores 12 GWh.", "gigawatt_hour"),
        ("The line carries 400 kV.", "kilovolt"),
        ("The engine makes 310 PS.", "metric_horsepower"),
        ("Savers held 2.5 million Danish crowns.", "DKK"),
    ],
)
def test_more_units_are_read_as_units_not_counted_nouns(text: str, unit: str) -> None:
    (c,) = figcheck.extract(text)
    assert c.unit == unit


# --- index levels ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The Varro 40 rose 64.06 points to 4,577.10.", "4,577.10"),
        ("The Ostel index shed 1.1% to end at 1,334.20, after losing 15 points.", "1,334.20"),
    ],
)
def test_a_bare_level_beside_a_move_in_points_is_in_points(text: str, surface: str) -> None:
    c = claim(text, surface)
    assert (c.unit, c.kind) == ("index_point", figcheck.Kind.MEASURE)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The Varro 40 rose to 4,577.10 on Friday.", "4,577.10"),  # no move in points
        ("The chain gained 12 points in a survey and grew to 40 stores.", "40"),  # a noun
        ("The index rose 12 points as 3,000 traders watched.", "3,000"),  # no "to"/"at"
    ],
)
def test_other_bare_figures_stay_counts(text: str, surface: str) -> None:
    assert claim(text, surface).unit == "count"
