"""Subjects and sources end to end: whose a figure is, and who says so (issue 8).

Every sentence here is written for these tests; places, firms and people are invented
where the rule does not need a real one.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import figcheck
from figcheck import Document, RuleDefinitionError
from figcheck.extraction.context import sentence_context
from figcheck.lexicon.files import DataFile, data_file
from figcheck.lexicon.names import load_names


def claim(text: str, figure: str, **meta: str) -> figcheck.Claim:
    """The claim whose text is ``figure`` in ``text`` read as a document with ``meta``."""
    claims = figcheck.extract(Document("t", text, meta))
    found = [c for c in claims if c.text == figure or figure in c.text]
    assert found, f"no claim {figure!r} in {[c.text for c in claims]}"
    return found[0]


# --- subjects: names in full ---------------------------------------------------------------

SUBJECTS = [
    # joined by "and": one place or a total over several
    ("Floods in Serbia and Montenegro cut power to 9,000 homes.", "9,000", "Serbia and Montenegro"),
    ("Storms hit northern Idaho and western Montana, flattening 310 barns.", "310", "Idaho and Montana"),
    ("Haiti and the Bahamas together took in 4,100 migrants.", "4,100", "Haiti and the Bahamas"),
    # a list of places
    ("Idaho, Utah and Nevada together issued 12,000 permits.", "12,000", "Idaho, Utah and Nevada"),
    # "of" and "for" inside a name
    ("Wages in the West of Scotland rose 3.1% this year.", "3.1%", "West of Scotland"),
    ("Visitors to the Isle of Arran spent £40 million.", "£40 million", "Isle of Arran"),
    # a possessive or a place noun completes the name
    ("The Workers' Party won 14 seats in the vote.", "14", "Workers' Party"),
    ("The People's Alliance took 52 seats.", "52", "People's Alliance"),
    ("Tarsa province recorded 51 new cases.", "51", "Tarsa province"),
    # a known place may open a sentence; a plural common noun may not
    ("Portugal exported 300 tonnes of cork.", "300 tonnes", "Portugal"),
    ("Belmora's budget rose to $2 billion.", "$2 billion", "Belmora"),
    # the most specific place
    ("Cases rose to 870 in Yemen's Marib province.", "870", "Marib province"),
    ("Rescuers reached 64 families on the Greek island of Kos.", "64", "Kos"),
]


@pytest.mark.parametrize(("text", "figure", "subject"), SUBJECTS, ids=[r[2] for r in SUBJECTS])
def test_a_subject_is_written_in_full(text: str, figure: str, subject: str) -> None:
    c = claim(text, figure)
    assert (c.subject, c.subject_inherited) == (subject, False)


NOT_SUBJECTS = [
    ("Thursday's gale tore the roofs off 40 barns in Moravia.", "40", "Moravia"),
    ("Hurricane Kelda left 20,000 homes in Belmora without power.", "20,000", "Belmora"),
    ("Christmas Eve traffic reached 8,000 cars an hour near Dunmore.", "8,000", "Dunmore"),
    ("In March, Carradine sold 12 frigates abroad.", "12", "Carradine"),
    ("Morning temperatures hit 41C in Adelaide, the Bureau of Meteorology said.", "41C", "Adelaide"),
    ("The 4.9-magnitude tremor was felt across Umbria, the Geological Service said.", "4.9", "Umbria"),
    ("Vessels carrying US-made rifles landed 300 crates in Tarsa.", "300", "Tarsa"),
]


@pytest.mark.parametrize(("text", "figure", "subject"), NOT_SUBJECTS, ids=[r[2] for r in NOT_SUBJECTS])
def test_weekdays_months_holidays_storms_and_sources_are_never_subjects(
    text: str, figure: str, subject: str
) -> None:
    assert claim(text, figure).subject == subject


@pytest.mark.parametrize(
    "text",
    [
        "Shipments rose 9% in May, the port said.",
        "Lenders approved 4,100 loans last month.",
        "The Bureau of Mines said output fell 4%.",
        "Output fell 2% as GDP shrank, the agency said.",
    ],
)
def test_a_figure_with_no_place_has_no_subject(text: str) -> None:
    assert {c.subject for c in figcheck.extract(text)} == {None}


def test_a_demonym_before_a_noun_joins_no_list() -> None:
    c = claim("Putin and the Russian navy lost 40 ships, officials said.", "40")
    assert c.subject == "Russia"


def test_a_place_qualifying_the_source_is_the_subject() -> None:
    assert claim("Belmora's Ministry of Trade said exports rose 6%.", "6%").subject == "Belmora"
    text = "Exports rose 6% in June, the trade ministry of Carradine said."
    assert claim(text, "6%").subject == "Carradine"
    assert claim("Jobs rose 2%, Statistics Belmora said.", "2%").subject is None


# --- subjects: lists and their own figures ---------------------------------------------------


def test_each_list_item_owns_its_own_figure() -> None:
    text = "The Liberals took 41.5% of the vote, the Pirates 12.2% and the Unity Bloc 4.9%."
    got = [c.subject for c in figcheck.extract(text)]
    assert got == ["Liberals", "Pirates", "Unity Bloc"]


def test_a_name_before_another_figure_is_not_taken() -> None:
    text = "Turnout was 61% nationally, with Kerry recording 70% and Mayo 58%."
    got = {c.text: c.subject for c in figcheck.extract(text)}
    assert (got["70%"], got["58%"]) == ("Kerry", "Mayo")


def test_the_place_a_figure_phrase_names_wins_over_a_nearer_name() -> None:
    text = "Rents rose 5% in Lyon and 3% in Nantes."
    assert [c.subject for c in figcheck.extract(text)] == ["Lyon", "Nantes"]
    text = "Of 900 arrivals, 500 came from Eritrea and 120 from Somalia."
    assert claim(text, "120").subject == "Somalia"


def test_a_place_in_another_clause_is_not_the_figure_s_place() -> None:
    text = "Belmora's output fell 0.5% and exports from Tarsa province rose 2%."
    assert claim(text, "0.5%").subject == "Belmora"


def test_beyond_its_clause_a_figure_takes_the_subject_before_it() -> None:
    text = "The Lake District drew 9 million visitors, up 4%, the board said, with Keswick taking 700,000."
    assert claim(text, "4%").subject == "Lake District"


# --- subjects from the document ----------------------------------------------------------------


def test_a_claim_without_a_subject_inherits_the_previous_sentence_s() -> None:
    text = "Heavy snow hit Varnia on Monday. Roads were closed and 2,000 homes lost power."
    c = claim(text, "2,000")
    assert (c.subject, c.subject_inherited) == ("Varnia", True)


def test_a_claim_without_a_subject_inherits_the_title_s() -> None:
    c = claim("Exports fell to 300 tonnes.", "300 tonnes", title="Cork trade slumps in Portugal")
    assert (c.subject, c.subject_inherited) == ("Portugal", True)
    text = "Exports fell to 300 tonnes. Ports in Belmora stayed shut."
    c = claim(text, "300 tonnes", title="Belmora trade figures")
    assert (c.subject, c.subject_inherited) == ("Belmora", True)


@pytest.mark.parametrize("title", ["Economy shrinks again", "Record heat grips the south"])
def test_a_common_word_opening_a_title_is_no_subject(title: str) -> None:
    c = claim("Output fell 2%.", "2%", title=title)
    assert (c.subject, c.subject_inherited) == (None, False)


def test_a_subject_of_its_own_is_not_replaced_by_the_document_s() -> None:
    c = claim("Exports from Tarsa fell to 300 tonnes.", "300 tonnes", title="Belmora trade")
    assert (c.subject, c.subject_inherited) == ("Tarsa", False)


def test_a_dateline_is_not_a_subject() -> None:
    c = claim("DUNMORE, May 2 (Reuters) - Exports fell 4% in April.", "4%")
    assert c.subject is None


def test_a_guessed_name_opening_a_sentence_is_not_handed_on() -> None:
    assert claim("Kharkiv had 1.4 million residents.", "1.4 million").subject == "Kharkiv"
    c = claim("Rain fell all night. By dawn 300 homes were flooded.", "300")
    assert (c.subject, c.subject_inherited) == (None, False)


def test_nothing_is_inherited_with_nothing_to_inherit() -> None:
    c = claim("Nothing moved. Exports fell 4%.", "4%")
    assert (c.subject, c.subject_inherited) == (None, False)


# --- sources -------------------------------------------------------------------------------------

SOURCES = [
    ("According to the Carradine Statistics Office, output fell 2%.", "2%", "Carradine Statistics Office"),
    ("The CBO estimated the gap at $900 billion.", "$900 billion", "CBO"),
    ("Claims rose to 4,000, State Farm said.", "4,000", "State Farm"),
    ("Officials in the province said 12 bridges had collapsed.", "12", "Officials in the province"),
    ("Water levels fell 3 metres, the Red Cross said.", "3 metres", "Red Cross"),
    ("Winds reached 90 km/h, the US Weather Service said.", "90 km/h", "US Weather Service"),
    ("Imports fell 7% in May, customs data showed.", "7%", "customs data"),
    ("Profit rose 9%, its chairman, Ines Calder, said.", "9%", "Ines Calder"),
    ("Arrests rose to 310, police in both cities said.", "310", "police in both cities"),
    ("Sales reached 1,200 units, figures compiled by the Tarrow Institute show.", "1,200", "Tarrow Institute"),
    ("Exports rose 6%, the trade ministry of Carradine said.", "6%", "trade ministry of Carradine"),
    ("Its deficit will reach $3 billion, the Treasury projected.", "$3 billion", "Treasury"),
    ("About 45% backed it, according to a Tarrow poll published on Friday.", "About 45%", "Tarrow poll"),
    ("The scheme cost $2.2 billion, the audit office found.", "$2.2 billion", "audit office"),
    ("Nearly 30% of pupils skip breakfast, a study by the Tarrow Institute found.", "Nearly 30%",
     "Tarrow Institute"),
]


@pytest.mark.parametrize(("text", "figure", "source"), SOURCES, ids=[r[2] for r in SOURCES])
def test_a_source_is_the_full_attribution_phrase(text: str, figure: str, source: str) -> None:
    assert claim(text, figure).source == source


@pytest.mark.parametrize(
    "text",
    [
        "Employers added 9,400 jobs in May.",
        "Organisers put 40 people on the bus.",
        "Police seized 2 tonnes of cannabis.",
        "Divers found 14 wrecks off the cape.",
    ],
)
def test_an_actor_is_not_a_source(text: str) -> None:
    assert {c.source for c in figcheck.extract(text)} == {None}


def test_a_cue_that_introduces_a_clause_covers_only_what_follows() -> None:
    text = "Sales rose to 400 last year, and the agency says 300 buyers are waiting."
    got = {c.text: c.source for c in figcheck.extract(text)}
    assert got == {"400": None, "300": "agency"}


def test_a_closing_cue_covers_the_whole_sentence() -> None:
    text = "Sales rose to 400 and 300 buyers are waiting, the agency says."
    assert {c.source for c in figcheck.extract(text)} == {"agency"}


def test_two_statements_each_take_their_own_source() -> None:
    text = "Roughly 2,000 people rallied, the police said, but the march's organisers put attendance at 9,000."
    got = {c.text: c.source for c in figcheck.extract(text)}
    assert got == {"Roughly 2,000": "police", "9,000": "march's organisers"}


def test_a_pronoun_source_is_the_party_opening_the_sentence_or_the_one_before() -> None:
    assert claim("Tarrow Mining produced 12 tonnes of gold, it said.", "12 tonnes").source == (
        "Tarrow Mining"
    )
    text = "Belmora's central bank held rates on Monday. Inflation eased to 3.1%, it said."
    assert claim(text, "3.1%").source == "Belmora's central bank"


def test_a_sentence_saying_who_released_the_figures_is_the_next_one_s_source() -> None:
    text = "The harbour board released its annual figures on Friday. Cargo rose 6% to 2.1 million tonnes."
    assert {c.source for c in figcheck.extract(text)} == {"harbour board"}
    text = "The mayor said the plan would work. Cargo rose 6%."
    assert claim(text, "6%").source is None


# --- the name lists are data ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "key", "reason"),
    [
        ('"Kazakhstan", "Kenya"', '"Kazakhstan", "kenya"', "names.known", "'kenya'"),
        ('"province", ', '"Province", ', "names.place_nouns", "'Province'"),
        ('"Storm", ', '"Storm", "Storm", ', "names.storm_words", "listed twice"),
        ('\n"euro area" = ', '\n"Euro area" = ', "place_phrases.Euro area", "lower-case"),
    ],
)
def test_a_malformed_name_list_names_file_line_and_key(old: str, new: str, key: str, reason: str) -> None:
    text = data_file("names.toml").text
    assert old in text
    with pytest.raises(RuleDefinitionError) as info:
        load_names(DataFile("names.toml", text.replace(old, new, 1)))
    assert info.value.key == key and reason in info.value.reason
    assert info.value.line > 0


# --- invariants -----------------------------------------------------------------------------

WORDS = st.sampled_from(
    ["Belmora", "Tarsa", "and", "of", "the", "said", "in", "Monday's", "Storm", "Kelda", "rose",
     "12", "4%", ",", "The", "People's", "Party", "province", "Isle", "its", "it", "according",
     "to", "Hurricane", "May", "Day", "GDP", "US-made", "Farmers'", "League", "—", "..."]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=30))
def test_names_are_sorted_inside_the_sentence_and_subjects_come_from_them(words: list[str]) -> None:
    text = " ".join(words) + "."
    sc = sentence_context(text)
    starts = [n[0] for n in sc.names]
    assert starts == sorted(starts)
    assert all(0 <= n[0] < n[1] <= len(text) for n in sc.names)
    known = {n[2] for n in sc.names}
    for c in figcheck.extract(text):
        assert c.subject is None or c.subject in known or c.subject_inherited
