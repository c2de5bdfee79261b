"""A figure's holder: the noun phrase the figure is stated of.

Every sentence here is written for these tests; the names and figures are invented.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import figcheck
from figcheck import RuleDefinitionError
from figcheck.lexicon.files import DataFile, data_file
from figcheck.lexicon.holders import load_holders


def holder(text: str, surface: str) -> str | None:
    found = [c for c in figcheck.extract(text) if c.text == surface]
    assert found, [c.text for c in figcheck.extract(text)]
    return found[0].holder


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # the subject of the figure's clause
        ("The ferry is 96.5 metres long.", "96.5 metres", "ferry"),
        ("The glider robots measure 12.5 cm across.", "12.5 cm", "glider robots"),
        ("Regional debt was about $48 billion last year.", "about $48 billion", "Regional debt"),
        ("Output across the Nordics has slowed to 1.2 percent.", "1.2 percent", "Output across the Nordics"),
        # a clause word starts a new clause with its own subject
        ("The Varro index rose 1.2% while the Ostel 40 gained 0.8%.", "0.8%", "Ostel"),
        ("Climb rate was steady at 12 degrees, while glide angle sat at 4.5 degrees.", "4.5 degrees", "glide angle"),
        # sentence adverbs and an introductory phrase are not the subject
        ("However the range drops to 310 miles in winter.", "310 miles", "range"),
        ("In the last two weeks the council has approved 14 new permits.", "14", "council"),
        # a relative clause is about the phrase before it
        ("Norvik, which has 2,300 staff, opened a plant.", "2,300", "Norvik"),
        # an apposition
        ("Halvorsen, 58, has retired.", "58", "Halvorsen"),
        # a participle clause keeps the main clause's subject
        ("Telmar shares sank 12 per cent, wiping $90 million off its value.", "$90 million", "Telmar shares"),
        # a phrase joined to the figure by "of", ":" or "("
        ("The estate has a net value of $3.2 million.", "$3.2 million", "net value"),
        ("Asking price: $410,000.", "$410,000", "Asking price"),
        ("Brantford Exchange (11,204.5 up 31.2 points).", "11,204.5", "Brantford Exchange"),
        # a clause with no subject of its own has the one before
        ("Farm debt, excluding leases, was about $6.1 billion.", "about $6.1 billion", "Farm debt"),
        ("The reading was, on balance, 3.4 degrees higher.", "3.4 degrees", "reading"),
        ("A lunar month, called a lunation, is longer — 29.5 days.", "29.5 days", "lunar month"),
        # the last of two clauses joined by "and" has its own subject
        ("The Varro 40 rose 1.1% and the Ostel index fell 0.7%.", "0.7%", "Ostel index"),
        # a reported clause has its own subject
        ("Orsk Bank said on Monday that the average loan rate rose to 5.1%.", "5.1%", "average loan rate"),
        # an apposition between the subject and its verb is passed over
        ("Norvik, the largest mill in Orsk, employs 2,300 people.", "2,300", "Norvik"),
        # a gerund after an introductory phrase is the subject
        ("In Varda, testing between May and June came back at 6 ppb.", "6 ppb", "testing between May and June"),
        # a verb no list names, found by its form
        ("The survey drones measure 14.5 cm across.", "14.5 cm", "survey drones"),
        ("The new levy threatens to cost $12 million.", "$12 million", "new levy"),
        # a fragment with no verb at all
        ("hull strength lower than 7.5 ksi.", "lower than 7.5 ksi", "hull strength"),
        # a list of figures shares the holder of the first
        ("Starters: F Dario Lenk (14.1 ppg, 6.3 rpg).", "6.3", "F Dario Lenk"),
        # an amount of money with no holder of its own: what it buys
        ("Last spring I paid $18,400 for a 6 kW heat pump.", "$18,400", "heat pump"),
        ("We spent $3,000 for the new fence.", "$3,000", "new fence"),
        # a conversion in brackets has the holder of the amount it converts
        ("The club reported a net loss of 4.1 million euros ($4.6 million).", "$4.6 million", "net loss"),
        # "on average" is an aside, not a verb, even after an opening time phrase
        ("Last week, the water was, on average, 1.8 degrees warmer.", "1.8 degrees", "water"),
        # the next item of a list joined by "and"/"or" has the holder of the one before
        ("The survey drones measure 9 cm (3.5 inches) and 14 cm (5.5 inches) across.", "14 cm", "survey drones"),
        ("The tide gauges read 2.1 m (6.9 ft) or 2.4 m (7.9 ft).", "2.4 m", "tide gauges"),
        ("A Varda year, called a turn, is longer — 14 months, 3 days, and 9 hours.", "9 hours", "Varda year"),
        # a signed figure in a list of quotes belongs to the name right before it
        ("Markets at noon: Varro +0.4% Ostel 40 -1.2% Brenk +0.9%.", "0.4%", "Varro"),
        ("Markets at noon: Varro +0.4% Ostel 40 -1.2% Brenk +0.9%.", "-1.2%", "Ostel 40"),
        # an amount stated of the phrase after it, past a conversion
        ("The port will anchor 6 miles (9.7 km) of new rail lines.", "6 miles", "new rail lines"),
        ("The port will anchor 6 miles (9.7 km) of new rail lines.", "9.7 km", "new rail lines"),
        ("The mill exports 35 per cent of its timber to Orsk.", "35 per cent", "timber"),
        # "worth" links a holder to its figure, unless a verb stands before it
        ("Analysts said the Varda seed market worth about $90 million is growing.", "about $90 million", "Varda seed market"),
        ("The old mill is worth $4 million.", "$4 million", "old mill"),
        # a relative clause that holds the figure is about the phrase before it
        ("Most farms keep trailers with heavy gear and hay balers that can weigh 4 tons.", "4 tons", "hay balers"),
        ("The tenants paid for repairs that should have cost $9,000.", "$9,000", "repairs"),
        ("Orsk is a small town that is about 12 miles wide.", "about 12 miles", "small town"),
        # a reporting verb opens a clause with its own subject, without "that"
        ("In a filing, he said Norvik has 61 depots.", "61", "Norvik"),
        ("The agency said rail freight could fall 8 per cent.", "8 per cent", "rail freight"),
        ("Orsk Bank said Tuesday the index rose 2%.", "2%", "Orsk Bank"),  # a weekday opens none
        # another figure inside the subject does not end it
        ("Orsk Bank said that the average on the key 15 year loan rose to 5.2%.", "5.2%", "average on the key 15 year loan"),
        # ... nor when it opens the subject
        ("A 70 year-old might draw 3.4%, a 75 year-old 3.9%.", "3.4%", "70 year-old"),
        ("The three ferries will carry 410 cars.", "410", "three ferries"),
        ("The grid frequency fell to 49.6 Hz on 9 May and 49.5 Hz on 2 June.", "49.5 Hz", "grid frequency"),
        # a movement word between a name and its figure; "to" joins the level to the move
        ("Gains came from Varro Foods up 6.1 per cent to $42 and Ostel up 2 per cent.", "6.1 per cent", "Varro Foods"),
        ("Gains came from Varro Foods up 6.1 per cent to $42 and Ostel up 2 per cent.", "$42", "Varro Foods"),
        # what is sold at a price, or lasts a span of time, stands before "for"
        ("The shop is selling the basic model of the Varda X2 for 5,400 yuan ($760).", "5,400 yuan", "Varda X2"),
        ("The shop is selling the basic model of the Varda X2 for 5,400 yuan ($760).", "$760", "Varda X2"),
        ("The launch was marred by a recall for more than two months.", "more than two months", "recall"),
        # ... unless the phrase runs into another figure, or a verb stands there
        ("Norvik offered a 50Mbps plan with 80GB data cap for RM89 a month.", "RM89 a month", "Norvik"),
        ("In the film, Orla keeps running for 4 years, 3 months and 2 days.", "4 years", "Orla"),
        # a movement word joins a level and its move; a subordinate clause has its own subject
        ("Brenk Exchange (4,512.8 up 31.2 points).", "31.2 points", "Brenk Exchange"),
        ("There was some doubt about how the economy did during those four months.", "four months", "economy"),
        # a pronoun in a later clause stands for the subject the sentence opens with
        ("The oil slick drifted for 9 miles (14 km), but most settled in a bay, just 6 feet (1.8 m) deep.", "6 feet", "oil slick"),
        ("The ferry sailed at noon, and it carried 40 cars.", "40", "ferry"),
        # an adverb before a figure opens no clause of its own
        ("The biggest risers were Varro Foods, up 41 p at 812 p.", "41 p", "Varro Foods"),
        # "so far" and a time phrase open the clause before its subject
        ("So far this year Orsk shares have been on a run, up nearly 38%.", "nearly 38%", "Orsk shares"),
        # ... but not after a common word: then the clause's subject
        ("Prices fell to 40 cents -5% below May.", "-5%", "Prices"),
    ],
)
def test_holder(text: str, surface: str, expected: str) -> None:
    assert holder(text, surface) == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Dozens of hikers were stranded near Varda.", "Dozens"),  # the figure is the subject
        ("Forty volunteers cleared the beach.", "Forty"),
        ("It rose 4.5% in May.", "4.5%"),  # a pronoun names no holder
        ("There are 12 bridges in the town.", "12"),
        ("He waited another three hours.", "three hours"),
        ("A further 30 families were moved.", "30"),
        ("That's 12 more than last year.", "12"),
        ("He rented it out for $900 for years.", "$900"),  # "for years" says how long
        ("Dozens of sheep were lost.", "Dozens"),  # a bare count's "of" phrase is its noun
        ("This also lifted Orsk shares 4%.", "4%"),  # a pronoun before an adverb
        ("Signed in 2019, it costs $20,000 a year.", "$20,000 a year"),  # a participle is no antecedent
        ("Yesterday I swam 2 km, tomorrow I will swim 3 km.", "3 km"),  # a pronoun after "tomorrow"
        ("It is about minus 390 Fahrenheit, minus 234 Celsius.", "minus 234 Celsius"),  # a unit, no name
        ("Homes sell for $0.4 million to $2.5 million, which works out to $900 a month.", "$900 a month"),
    ],
)
def test_no_holder(text: str, surface: str) -> None:
    assert holder(text, surface) is None


def test_a_vague_word_before_of_is_no_holder_and_the_subject_is_taken() -> None:
    assert holder("The Orsk mill is spending a total of $40 million.", "$40 million") == "Orsk mill"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab ,.:(1$%", max_size=60))
def test_a_holder_is_text_of_its_sentence(text: str) -> None:
    for c in figcheck.extract(text):
        assert c.holder is None or c.holder in c.sentence


def test_holders_file_errors_name_the_list() -> None:
    text = data_file("holders.toml").text.replace('links = ["of"]', 'links = ["Of"]')
    with pytest.raises(RuleDefinitionError, match="links"):
        load_holders(DataFile("holders.toml", text))
    with pytest.raises(RuleDefinitionError, match="missing list"):
        load_holders(DataFile("holders.toml", "[words]\nlinks = [\"of\"]\n"))
