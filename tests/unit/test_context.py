"""figcheck.extraction.context: noun, subject, concept, period and source of each claim.

Each table row is (sentence, claim span text, expected); the span is located in the
sentence by text, as the extractor would report it. The sentences were written for
these tests. Where other claims in the sentence matter (a noun stops at the next
figure), their span texts are listed too.
"""

from __future__ import annotations

import doctest
import gc
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import figcheck.extraction.context
from figcheck.lexicon.files import DataFile, data_file
from figcheck.extraction.context import ClaimContext, claim_context, load_lexicon, sentence_context
from figcheck.errors import RuleDefinitionError
from figcheck.timespans import parse_period

NUMBER = re.compile(r"\d[\d,.]*+")


def context(sentence: str, span: str, *others: str) -> ClaimContext:
    """The context of the first occurrence of ``span``; ``others`` are other claim spans."""
    start = sentence.index(span)
    spans = sorted([(start, start + len(span))] + [_find(sentence, o) for o in others])
    return claim_context(sentence_context(sentence), sentence, start, start + len(span), spans)


def _find(sentence: str, text: str) -> tuple[int, int]:
    start = sentence.index(text)
    return start, start + len(text)


def _id(row: tuple[object, ...]) -> str:
    return f"{row[1]}->{row[-1]}"


# --- noun -------------------------------------------------------------------------------

NOUNS = [
    ("Officials said 1,351 Russian soldiers were killed.", "1,351", "russian soldiers"),
    ("A 40-mile convoy stalled outside the city.", "40-mile", "convoy"),
    (
        "Moscow claims 123 of Ukraine's 152 fighter jets are gone.",
        "123 of Ukraine's 152",
        "fighter jets",
    ),
    ("Nearly a third of the population speaks Russian.", "Nearly a third", "population"),
    ("Almost 14,000 civilians have died.", "Almost 14,000", "civilians"),
    ("The army sent 300 more tanks to the front.", "300", "tanks"),
    ("About 200 other people fled the village.", "About 200", "other people"),  # the measure drops "other"
    ("By Friday the toll rose to 1,351.", "1,351", "toll"),
    ("The death toll climbed to 2,500 on Sunday.", "2,500", "death toll"),
    ("The number of refugees reached 3 million.", "3 million", "refugees"),
    ("The country has a population of 44 million.", "44 million", "population"),
    ("The population of Ukraine was 48 million in 2001.", "48 million", "population"),
    ("Some 5,000 people, mostly women, left.", "Some 5,000", "people"),
    ("Kyiv says 200 Russian armoured vehicles were hit.", "200", "russian armoured vehicles"),
    ("Some 400 people killed in the blast were buried.", "Some 400", "people"),
    ("A 12-strong crew survived.", "12", "crew"),
    ("Over 40 percent of voters backed the plan.", "Over 40 percent", "voters"),
    ("There were 1,351 fatalities in March.", "1,351", "fatalities"),
    ("Rescuers found 17 bodies under the rubble.", "17", "bodies"),
    ("A shell wounded 4 Ukrainian border guards near the town.", "4", "ukrainian border guards"),
    ("The region’s 2 million residents lost power.", "2 million", "residents"),
    ("Crews cleared 90 T-72 tanks from the road.", "90", "t-72 tanks"),
    ("The bill came to $5bn a year.", "$5bn", "bill"),
    ("Casualties rose by 12 in a week.", "12", "casualties"),
    (
        "It kept 90 of its 120 long- and short-range missiles.",
        "90 of its 120",
        "short-range missiles",
    ),
    ("Traders watched the euro sliding to $1.05 on Monday.", "$1.05", "euro"),
]

NO_NOUN = [
    ("The figure rose to 1,351.", "1,351"),
    ("It was 1,351 by the evening.", "1,351"),
    ("They counted 1,351.", "1,351"),
    ("The losses, 1,351, were heavy.", "1,351"),
    ("In total, 1,351 of them stayed.", "1,351"),
]


@pytest.mark.parametrize(("sentence", "span", "noun"), NOUNS, ids=[_id(r) for r in NOUNS])
def test_noun(sentence: str, span: str, noun: str) -> None:
    assert context(sentence, span).noun == noun


@pytest.mark.parametrize(
    ("sentence", "span"), NO_NOUN, ids=[r[1] + ":" + r[0][:20] for r in NO_NOUN]
)
def test_no_noun(sentence: str, span: str) -> None:
    assert context(sentence, span).noun is None


NOUNS_WITH_OTHER_CLAIMS = [
    # (sentence, span, other spans, noun)
    ("The strike injured 12 soldiers and 3 medics.", "12", ("3",), "soldiers"),
    ("The strike injured 12 soldiers and 3 medics.", "3", ("12",), "medics"),
    ("Only 1,351 of the 2,000 soldiers came back.", "1,351", ("2,000",), "soldiers"),
    ("It held 40 2-seat planes.", "40", ("2-seat",), "planes"),  # a measured figure between
    ("Losses were 300 tanks, 700 trucks.", "300", ("700",), "tanks"),
]


@pytest.mark.parametrize(
    ("sentence", "span", "others", "noun"),
    NOUNS_WITH_OTHER_CLAIMS,
    ids=[f"{r[1]}->{r[3]}:{r[0][:18]}" for r in NOUNS_WITH_OTHER_CLAIMS],
)
def test_noun_stops_at_other_claims(
    sentence: str, span: str, others: tuple[str, ...], noun: str
) -> None:
    start = sentence.index(span)
    spans = sorted([(start, start + len(span))] + [_find_after(sentence, o, start) for o in others])
    got = claim_context(sentence_context(sentence), sentence, start, start + len(span), spans)
    assert got.noun == noun


def _find_after(sentence: str, text: str, avoid: int) -> tuple[int, int]:
    start = sentence.index(text)
    if start == avoid:
        start = sentence.index(text, avoid + 1)
    return start, start + len(text)


# --- subject ----------------------------------------------------------------------------

SUBJECTS = [
    (
        "Moscow claims 123 of Ukraine's 152 fighter jets are gone.",
        "123 of Ukraine's 152",
        "Ukraine",
    ),
    ("Russia's losses reached 1,351 by March.", "1,351", "Russia"),
    ("Russia lost 1,351 soldiers in the first month.", "1,351", "Russia"),
    ("Almost 14,000 civilians have died in Donbas since 2014.", "Almost 14,000", "Donbas"),
    ("The population of Ukraine was 48 million in 2001.", "48 million", "Ukraine"),
    ("Officials said 1,351 Russian soldiers were killed.", "1,351", "Russia"),
    ("The ministry said 800 Ukrainian troops had died.", "800", "Ukraine"),
    ("The Kremlin deployed 150,000 troops.", "150,000", "Kremlin"),
    ("In Donbas, about 3,400 civilians were killed.", "about 3,400", "Donbas"),
    ("Kharkiv had 1.4 million residents before the war.", "1.4 million", "Kharkiv"),
    ("Ukraine’s 152 jets were grounded.", "152", "Ukraine"),
    ("Last week, Poland took in 300,000 refugees.", "300,000", "Poland"),
    ("About 2,000 Ukrainians crossed into Moldova.", "About 2,000", "Ukraine"),
    ("US officials put the figure at 7,000.", "7,000", "United States"),
    ("A third of the people of Crimea voted.", "A third", "Crimea"),
]

NO_SUBJECT = [
    ("The army lost 300 tanks.", "300"),
    ("In total, 300 tanks were lost.", "300"),
    ("According to the UN, 14,000 people died.", "14,000"),
    ("Tass reported that 20 houses burned.", "20"),
    ("After the storm, 40 families moved.", "40"),
    ("March saw 1,200 arrests.", "1,200"),
    ("Quarterly sales climbed to $7.4bn.", "$7.4bn"),
    ("Below are 12 examples.", "12"),
]


@pytest.mark.parametrize(("sentence", "span", "subject"), SUBJECTS, ids=[_id(r) for r in SUBJECTS])
def test_subject(sentence: str, span: str, subject: str) -> None:
    assert context(sentence, span).subject == subject


@pytest.mark.parametrize(
    ("sentence", "span"), NO_SUBJECT, ids=[r[1] + ":" + r[0][:20] for r in NO_SUBJECT]
)
def test_no_subject(sentence: str, span: str) -> None:
    assert context(sentence, span).subject is None


def test_subject_is_the_nearest_of_two() -> None:
    sentence = "Russia lost 300 tanks, while Ukraine lost 40."
    assert context(sentence, "300", "40").subject == "Russia"
    assert context(sentence, "40", "300").subject == "Ukraine"


# --- concept ----------------------------------------------------------------------------

CONCEPTS = [
    ("Officials said 1,351 Russian soldiers were killed.", "1,351", "deaths"),
    ("At least 30 people lost their lives in the fire.", "At least 30", "deaths"),
    ("The attack claimed the lives of 30 people.", "30", "deaths"),
    ("There were 1,351 fatalities in March.", "1,351", "deaths"),
    ("Almost 14,000 civilians have died.", "Almost 14,000", "deaths"),
    ("The shelling left 12 people hurt.", "12", "injuries"),
    ("Another 45 were injured.", "45", "injuries"),
    ("Doctors treated 2,000 wounded soldiers.", "2,000", "injuries"),
    (
        "Moscow claims 123 of Ukraine's 152 fighter jets were shot down.",
        "123 of Ukraine's 152",
        "destroyed",
    ),
    ("Drones destroyed 17 tanks.", "17", "destroyed"),
    ("Kharkiv had 1.4 million residents before the war.", "1.4 million", "population"),
    ("The country has a population of 44 million.", "44 million", "population"),
    ("Russia massed 150,000 troops on the border.", "150,000", "troops"),
    ("Russia lost 1,351 soldiers.", "1,351", "losses"),
    ("The bridge cost $3.6bn to build.", "$3.6bn", "cost"),
    ("The government set a defence budget of $65bn.", "$65bn", "budget"),
    ("The town lies about 40 miles from the border.", "about 40 miles", "distance"),
    ("The convoy was 40 miles long.", "40 miles", "length"),
    ("The siege lasted 80 days.", "80 days", "duration"),
    ("Winds reached 60 mph overnight.", "60 mph", "speed"),
    ("Temperatures hit 40 degrees.", "40 degrees", "temperature"),
    ("About 30% of residents speak Russian at home.", "About 30%", "speakers"),
    ("The war caused 1,351 casualties.", "1,351", "casualties"),
    ("In all, 500 were killed or wounded.", "500", "casualties"),
    ("Ukraine had 152 fighter jets before the war.", "152", "aircraft"),
    ("Some 3,000 refugees arrived.", "Some 3,000", "refugees"),
    ("The death toll climbed to 2,500 on Sunday.", "2,500", "deaths"),
    ("She is 40 years old.", "40 years", "age"),
]


@pytest.mark.parametrize(("sentence", "span", "concept"), CONCEPTS, ids=[_id(r) for r in CONCEPTS])
def test_concept(sentence: str, span: str, concept: str) -> None:
    assert context(sentence, span).concept == concept


def test_concept_stays_in_its_clause() -> None:
    sentence = "Two strikes killed 12 people, while 30 were wounded."
    assert context(sentence, "12", "30").concept == "deaths"
    assert context(sentence, "30", "12").concept == "injuries"


def test_concept_nearest_hit_wins() -> None:
    sentence = "Drones destroyed 300 tanks and killed 1,351 soldiers."
    assert context(sentence, "300", "1,351").concept == "destroyed"
    assert context(sentence, "1,351", "300").concept == "deaths"


def test_unit_words_count_only_inside_the_span() -> None:
    # "days" is a duration unit; outside the claim's span it says nothing about "12"
    assert context("It took days to count 12 victims.", "12").concept is None


def test_a_rate_denominator_is_no_concept_word() -> None:
    assert context("Rent is $900 a month.", "$900 a month").concept is None
    assert context("It rents at $9 per day.", "$9 per day").concept is None
    assert context("The trip took 9 days.", "9 days").concept == "duration"


def test_half_of_a_compound_is_no_concept_word() -> None:
    assert context("It kept 90 long- and short-range guns.", "90").concept is None


def test_no_concept() -> None:
    assert context("The committee has 12 members.", "12").concept is None
    # "long" measures only the figure it follows
    assert context("Room 25 emptied not long after noon.", "25").concept is None


# --- period -----------------------------------------------------------------------------

PERIODS = [
    ("In the 2001 census, 29.6% named Russian as their native language.", "29.6%", "2001"),
    ("On 25 March 2022, the ministry listed 1,351 deaths.", "1,351", "2022-03-25"),
    ("On March 25, 2022, the ministry listed 1,351 deaths.", "1,351", "2022-03-25"),
    ("By 2022-03-25 the ministry listed 1,351 deaths.", "1,351", "2022-03-25"),
    ("In March 2022 the ministry listed 1,351 deaths.", "1,351", "2022-03"),
    ("Since 2014, 14,000 people have died.", "14,000", "2014/"),
    ("Between 2014 and 2021, 14,000 people died.", "14,000", "2014/2021"),
    ("From 2014 to 2021 some 14,000 people died.", "14,000", "2014/2021"),
    ("Over 2014-21 some 14,000 people died.", "14,000", "2014/2021"),
    ("Exports grew 4% in 2021/22.", "4%", "2021/2022"),
    ("In the 1990s, 3 million people left.", "3 million", "1990s"),
    ("Until 2021 the plant employed 900 people.", "900", "/2021"),
    ("Prices rose 9% in mid-2022.", "9%", "2022"),
]


@pytest.mark.parametrize(("sentence", "span", "period"), PERIODS, ids=[_id(r) for r in PERIODS])
def test_period(sentence: str, span: str, period: str) -> None:
    assert context(sentence, span).period == period


def test_period_nearest_to_the_claim() -> None:
    sentence = "The toll was 1,200 in 2014 but 3,000 in 2021."
    assert context(sentence, "1,200", "3,000").period == "2014"
    assert context(sentence, "3,000", "1,200").period == "2021"


def test_period_none_without_a_year() -> None:
    assert context("About 300 people live there.", "About 300").period is None
    assert context("Room 1999b held 12 people.", "12").period is None
    assert context("The 2001% rise hit 12 firms.", "12").period is None


def test_a_year_read_as_a_claim_is_not_a_period() -> None:
    sentence = "In 2019 the camp held 2000 refugees."
    assert context(sentence, "2000 refugees").period == "2019"
    assert context("The camp held 2000 refugees.", "2000 refugees").period is None


def test_nothing_is_looked_up_across_a_line_break() -> None:
    # a "sentence" that runs over a line break is two sentences the splitter missed
    sentence = "Almost 300 people died there, officials said.\nIn the 1990s, Kyiv had more."
    got = context(sentence, "Almost 300")
    assert (got.period, got.source, got.concept) == (None, "officials", "deaths")
    assert context("In 2014 the mine closed.\nAbout 300 people died, Tass said.", "About 300") == (
        ClaimContext(
            noun="people",
            subject=None,
            concept="deaths",
            period=None,
            source="Tass",
            measure="death",
        )
    )


def test_an_ellipsis_ends_the_clause() -> None:
    sentence = "Almost 300 people have died … Clearly, Kyiv's allies want more."
    assert context(sentence, "Almost 300").subject is None


def test_sentence_period_and_source() -> None:
    sc = sentence_context("Since 2014, 14,000 people have died, according to the UN.")
    assert (sc.period, sc.source) == ("2014/", "UN")
    sc = sentence_context("Nothing to see here.")
    assert (sc.period, sc.source) == (None, None)


# --- source -----------------------------------------------------------------------------

SOURCES = [
    (
        "1,351 soldiers were killed, said the Russian defence ministry.",
        "1,351",
        "Russian defence ministry",
    ),
    ("The ministry said 1,351 soldiers were killed.", "1,351", "ministry"),
    ("Almost 14,000 people died, according to the UN.", "Almost 14,000", "UN"),
    ("Tass reported 2 men were hurt.", "2", "Tass"),
    ("Ukrainian negotiators told reporters that 40 tanks were hit.", "40", "Ukrainian negotiators"),
    ("Losses reached 1,351, as admitted by the Kremlin.", "1,351", "Kremlin"),
    (
        "Russia lost 1,351 men, as candidly admitted by its defence ministry.",
        "1,351",
        "defence ministry",
    ),
    ("Moscow claimed 300 drones were downed.", "300", "Moscow"),
    ("Some 7,000 died, according to figures from the UN.", "Some 7,000", "UN"),
    ("The United States said 40 aircraft were sent.", "40", "United States"),
    (
        "Deputy Defence Minister Alexander Fomin said 12 units would leave.",
        "12",
        "Deputy Defence Minister Alexander Fomin",
    ),
    (
        "About 90 people died, said the head of the Russian delegation.",
        "About 90",
        "head of the Russian delegation",
    ),
    ("The Ministry of Defence said 40 jets were lost.", "40", "Ministry of Defence"),
    ("Local officials have also said 60 homes burned.", "60", "Local officials"),
    ("The police later said 60 homes burned.", "60", "police"),
    ("Reuters, citing police, said 5 people were arrested.", "5", "police"),
]

NO_SOURCE = [
    ("He said 40 tanks were destroyed.", "40"),
    ("The attack claimed the lives of 30 people.", "30"),
    ("About 7,000 died, according to estimates.", "About 7,000"),
    ("The reported 1,351 deaths shocked the country.", "1,351"),
    ("They said that 12 were missing.", "12"),
]


@pytest.mark.parametrize(("sentence", "span", "source"), SOURCES, ids=[_id(r) for r in SOURCES])
def test_source(sentence: str, span: str, source: str) -> None:
    assert context(sentence, span).source == source


@pytest.mark.parametrize(
    ("sentence", "span"), NO_SOURCE, ids=[r[1] + ":" + r[0][:20] for r in NO_SOURCE]
)
def test_no_source(sentence: str, span: str) -> None:
    assert context(sentence, span).source is None


def test_source_nearest_to_the_claim() -> None:
    sentence = "Kyiv said 300 tanks were destroyed; Moscow claimed 50."
    assert context(sentence, "300", "50").source == "Kyiv"
    assert context(sentence, "50", "300").source == "Moscow"


# --- the lexicon as data ------------------------------------------------------------------


def _lexicon(concepts: str, context_text: str | None = None) -> None:
    base = data_file("context.toml").text if context_text is None else context_text
    load_lexicon(DataFile("concepts.toml", concepts), DataFile("context.toml", base))


def test_default_lexicon_loads_and_expands_braces() -> None:
    lex = figcheck.extraction.context.default_lexicon()
    assert lex.concepts["fatalities"][0][1] == "deaths"
    assert lex.concepts["fatality"][0][1] == "deaths"
    assert any(rest == ("down",) for rest, _, _ in lex.concepts["shot"])


MALFORMED_CONCEPTS = [
    ('[deaths]\nterms = ["Killed"]\n', 2, "deaths.terms", "'Killed'"),
    (
        '[deaths]\nterms = ["killed"]\n\n[toll]\nterms = ["killed"]\n',
        5,
        "toll.terms",
        "already a term",
    ),
    ('[deaths]\nterms = ["kill{ed,s"]\n', 2, "deaths.terms", "unbalanced"),
    ("[deaths]\nterms = []\n", 2, "deaths.terms", "non-empty list"),
    ('[deaths]\nterms = ["dead", ["died"]]\n', 2, "deaths.terms", "['died']"),
    ('[deaths]\nterms = ["killed"]\nentity = "yes"\n', 3, "deaths.entity", "true or false"),
    ('[deaths]\nterms = ["killed"]\nwords = ["x"]\n', 3, "deaths.words", "unknown key"),
    ('[Deaths]\nterms = ["killed"]\n', 1, "Deaths", "lower case"),
    ('[deaths]\nunits = ["km"]\n', 1, "deaths", "missing key 'terms'"),
    ('[deaths\nterms = ["killed"]\n', 1, "<syntax>", ""),
]


@pytest.mark.parametrize(
    ("text", "line", "key", "reason"),
    MALFORMED_CONCEPTS,
    ids=[r[2] + ":" + r[3] for r in MALFORMED_CONCEPTS],
)
def test_malformed_concepts_name_file_line_and_key(
    text: str, line: int, key: str, reason: str
) -> None:
    with pytest.raises(RuleDefinitionError) as info:
        _lexicon(text)
    err = info.value
    assert (err.path, err.line, err.key) == ("figcheck/data/concepts.toml", line, key)
    assert reason in err.reason
    assert str(err).startswith(f"figcheck/data/concepts.toml:{line}: {key}: ")


def _context_with(old: str, new: str) -> str:
    """The bundled context.toml with the first non-comment ``old`` replaced by ``new``."""
    lines = data_file("context.toml").text.splitlines(keepends=True)
    at = next(
        i for i, line in enumerate(lines) if old in line and not line.lstrip().startswith("#")
    )
    lines[at] = lines[at].replace(old, new, 1)
    return "".join(lines)


def _line_of(text: str, needle: str) -> int:
    return next(
        i
        for i, line in enumerate(text.splitlines(), 1)
        if needle in line and not line.lstrip().startswith("#")
    )


MALFORMED_CONTEXT = [
    ('Ukrainian = "Ukraine"', 'Ukrainian = ""', "subjects.Ukrainian", "non-empty string"),
    ('Ukrainian = "Ukraine"', 'ukrainian = "Ukraine"', "subjects.ukrainian", "capitalised"),
    ("either = [", "neither = [", "attribution.neither", "unknown key"),
    ("determiners = [", "determiner = [", "words.determiner", "unknown word list"),
    ('"the", "a", "an",', '"the", "a", "the",', "words.determiners", "'the' is listed twice"),
]


@pytest.mark.parametrize(
    ("old", "new", "key", "reason"), MALFORMED_CONTEXT, ids=[r[2] for r in MALFORMED_CONTEXT]
)
def test_malformed_context_names_file_line_and_key(
    old: str, new: str, key: str, reason: str
) -> None:
    text = _context_with(old, new)
    with pytest.raises(RuleDefinitionError) as info:
        _lexicon(data_file("concepts.toml").text, text)
    err = info.value
    assert (err.path, err.key) == ("figcheck/data/context.toml", key)
    assert err.line == _line_of(text, key.split(".")[-1] + " =")
    assert reason in err.reason


def test_missing_word_list_is_reported() -> None:
    text = _context_with(
        'place_prepositions = ["in", "of", "across", "throughout", "inside", "within"]\n', ""
    )
    with pytest.raises(RuleDefinitionError, match="words.place_prepositions: missing list"):
        _lexicon(data_file("concepts.toml").text, text)


def test_a_user_lexicon_extends_the_concepts() -> None:
    concepts = (
        data_file("concepts.toml").text + '\n[evictions]\nterms = ["evict{ed,s}", "evictions"]\n'
    )
    lex = load_lexicon(DataFile("concepts.toml", concepts), data_file("context.toml"))
    sentence = "Bailiffs evicted 1,200 tenants."
    got = claim_context(sentence_context(sentence, lexicon=lex), sentence, 17, 22)
    assert got.concept == "evictions"
    assert context(sentence, "1,200").concept is None


# --- invariants ---------------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        *("the", "a", "of", "in", "said", "according", "to", "told", "reporters", "since"),
        *("Russia's", "Ukraine", "Ukrainian", "UN", "Kremlin", "March", "between", "and"),
        *("killed", "wounded", "troops", "toll", "rose", "population", "more", "other"),
        *("1,351", "2014", "25", "40-mile", "fighter", "jets", "shot", "down", "'s"),
        *(",", ".", ";", "—", "(", ")", "-", "/", "“", "”", "é", "Ωmega"),
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=40), st.data())
def test_any_span_gives_well_formed_context(words: list[str], data: st.DataObject) -> None:
    sentence = " ".join(words)
    sc = sentence_context(sentence)
    start = data.draw(st.integers(0, len(sentence)))
    end = data.draw(st.integers(start, len(sentence)))
    got = claim_context(sc, sentence, start, end, [(start, end)])
    if got.noun is not None:
        assert got.noun == got.noun.lower()
        assert 1 <= len(got.noun.split()) <= 4
    if got.period is not None:
        assert parse_period(got.period) is not None, got.period
    for value in (got.subject, got.source):
        assert value is None or (value.strip() == value and value)
    lex = sc.tokens.lex
    if got.concept is not None:
        assert got.concept in {
            label for phrases in lex.concepts.values() for _, label, _ in phrases
        }
    if got.subject is not None:
        assert got.subject in sentence or got.subject in lex.subjects.values()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_any_number_span(text: str) -> None:
    sc = sentence_context(text)
    spans = [m.span() for m in NUMBER.finditer(text)]
    for start, end in spans:
        claim_context(sc, text, start, end, spans)


# --- cost ---------------------------------------------------------------------------------

ADVERSARIAL = {
    "one-letter words": "a ",
    "possessives": "Ukraine's ",
    "cues": "said ",
    "of-the": "of the 12 ",
    "claims": "1,351 soldiers were killed, ",
    "years": "2014-2015 ",
    "caps": "Kharkiv Donbas ",
    "ranges": "between 2014 and ",
    "months": "March March 2022 ",
    "hyphens": "a-",
    "apostrophes": "x'",
    "no-spaces": "a",
    "link words": "the toll was was was 12 ",
    "modifiers": "Kyiv has has has said 3 ",
    "fillers": "4 according to the the the figures ",
    "dates": "on 25 March 2022 and ",
    "names": "In Kharkiv's Donbas, Russia lost 5 ",
}


def _cost(unit: str, size: int, with_spans: bool) -> float:
    sentence = (unit * (size // len(unit) + 1))[:size]
    spans = [m.span() for m in NUMBER.finditer(sentence)] or [(0, 1)]
    others = spans if with_spans else []
    began = time.process_time()
    sc = sentence_context(sentence)
    for start, end in spans:
        claim_context(sc, sentence, start, end, others)
    return time.process_time() - began


@pytest.mark.parametrize("with_spans", [True, False], ids=["other-spans", "no-other-spans"])
@pytest.mark.parametrize("unit", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_time_is_linear_in_sentence_length(unit: str, with_spans: bool) -> None:
    _cost(unit, 1_000, with_spans)  # warm up
    # this process's CPU time, best of several runs: other jobs on a busy machine do not count;
    # the collector's passes over the whole test session's heap are not this code's cost
    gc.collect()
    gc.disable()
    try:
        small = min(_cost(unit, 10_000, with_spans) for _ in range(3))
        large = min(_cost(unit, 100_000, with_spans) for _ in range(3))
    finally:
        gc.enable()
    # 10x the text may cost 10x the time; quadratic work would cost 100x
    assert large < 30 * small + 0.02


def test_doctests() -> None:
    from figcheck.extraction.context import frame

    if not str(frame.__file__).endswith(".py"):
        pytest.skip("a mypyc-compiled module keeps no docstrings; the pure-Python build runs these")
    result = doctest.testmod(frame)
    assert result.attempted >= 3 and result.failed == 0
