"""Agreeing figures as evidence for a corroboration (never for a conflict), and the earlier level
a change starts from ("up from 7%"). Our own sentences, one phenomenon per test."""

from __future__ import annotations

import figcheck
from figcheck import Document
from figcheck.checking.evidence import align_weights, score_pair
from figcheck.checking.figures import figure_agreement, figures_meet
from figcheck.checking.frames import Frame, frames_of
from figcheck.extraction.extractor import extract
from figcheck.findings import CheckId


def run(*texts: str) -> figcheck.Report:
    return figcheck.check([Document(id=f"d{i}", text=t) for i, t in enumerate(texts, 1)])


def agreements(report: figcheck.Report) -> set[frozenset[str]]:
    return {frozenset((c.claim.text, c.other.text)) for c in report.corroborations}


def conflicts(report: figcheck.Report) -> list[tuple[str, str]]:
    return [(f.other.text, f.claim.text) for f in report.findings if f.check == CheckId.CONFLICT]


def pair(text_a: str, text_b: str) -> tuple[Frame, Frame]:
    frames = frames_of(extract(text_a, doc_id="a") + extract(text_b, doc_id="b"))
    assert len(frames) == 2, [f.claim.text for f in frames]
    return frames[0], frames[1]


def agreement(text_a: str, text_b: str):
    a, b = pair(text_a, text_b)
    return figure_agreement(a, b, score_pair(a, b, lambda w: 1.0).fields)


class TestFigureAgreement:
    def test_a_hedge_that_allows_the_exact_figure_is_compatible(self) -> None:
        found = agreement("Turnout in the mayoral vote was 47.2%.",
                          "Just over 47% of the electorate voted for a mayor.")
        assert found is not None and found.weight == align_weights().figure_compatible
        assert found.text == "compatible figures (47.2% / Just over 47%)"

    def test_the_same_figure_of_several_digits_weighs_most(self) -> None:
        found = agreement("The choir sold 3,450 tickets.", "Fans bought 3,450 tickets for the choir.")
        assert found is not None and found.weight == align_weights().same_figure

    def test_a_one_digit_figure_weighs_less(self) -> None:
        found = agreement("A survey found that 6% had no working boiler.",
                          "Of the homes surveyed, 6% were without a working boiler.")
        assert found is not None and found.weight == align_weights().figure_one_digit
        assert found.text.startswith("the same figure in both")

    def test_figures_that_do_not_meet_add_nothing(self) -> None:
        assert agreement("Turnout in the mayoral vote was 47.2%.",
                         "Just over 48% of the electorate voted for a mayor.") is None

    def test_a_period_stated_in_one_only_adds_nothing(self) -> None:
        # a look-alike from another year is the commonest distractor
        assert agreement("In 2019 turnout in the mayoral vote was 47.2%.",
                         "Just over 47% of the electorate voted for a mayor.") is None

    def test_one_digit_figures_that_each_name_a_different_thing_add_nothing(self) -> None:
        assert agreement("The rowing club has 40,000 members.",
                         "The rowing club sold 40,000 tickets.") is None

    def test_never_inside_one_document(self) -> None:
        frames = frames_of(extract("Turnout was 47.2%. Just over 47% voted.", doc_id="a"))
        a, b = frames
        assert figure_agreement(a, b, ()) is None

    def test_units_that_do_not_convert_never_agree(self) -> None:
        a, b = pair("The plot cost £45.", "The plot is 45 acres.")
        assert not figures_meet(a.claim, b.claim)


class TestCorroborationAndConflict:
    def test_weak_frames_with_the_same_figure_corroborate_with_the_reason(self) -> None:
        report = run("A council survey of 2,500 households found that 6% had no working boiler.",
                     "Of the households the council surveyed, 6% were living without a working "
                     "boiler.")
        assert frozenset(("6%", "6%")) in agreements(report)
        found = next(c for c in report.corroborations if c.claim.text == "6%")
        assert "the same figure in both (6% / 6%)" in found.evidence

    def test_agreeing_figures_never_make_a_conflict(self) -> None:
        # the same frames as above with different figures: too weak for a conflict
        report = run("A council survey of 2,500 households found that 6% had no working boiler.",
                     "Of the households the council surveyed, 8% were living without a working "
                     "boiler.")
        assert conflicts(report) == []
        assert frozenset(("6%", "8%")) not in agreements(report)

    def test_an_agreeing_look_alike_wins_over_a_weak_disagreeing_one(self) -> None:
        report = run("The fund paid out £412,000 in grants, the trust said, from a pot of "
                     "£2.2m.",
                     "Grants worth £412,000 were paid, the trust said.")
        assert frozenset(("£412,000", "£412,000")) in agreements(report)
        assert conflicts(report) == []


class TestEarlierLevel:
    def test_from_after_a_change_word_marks_the_earlier_level(self) -> None:
        frames = frames_of(extract("Unemployment rose to 5.6% from 5.1% in the province.",
                                   doc_id="a"))
        assert [(f.claim.text, f.base) for f in frames] == [("5.6%", False), ("5.1%", True)]

    def test_from_without_a_change_word_is_no_earlier_level(self) -> None:
        frames = frames_of(extract("The port takes 30% of its imports from 12 countries.",
                                   doc_id="a"))
        assert not any(f.base for f in frames)

    def test_an_earlier_level_is_not_the_current_level(self) -> None:
        report = run("Unemployment in the province rose to 5.6% from 5.1%, the agency said.",
                     "The province's jobless rate was 5.1%, the agency said.")
        base = next(c for c in report.claims if c.doc_id == "d1" and c.text == "5.1%")
        linked = [(f.claim, f.other) for f in report.findings if f.check == CheckId.CONFLICT]
        linked += [(c.claim, c.other) for c in report.corroborations]
        assert not any(base in pair for pair in linked)

    def test_two_earlier_levels_agree(self) -> None:
        report = run("Unemployment in the province rose to 5.6% from 5.1%, the agency said.",
                     "The province's jobless rate was 5.6%, the agency said, compared with 5.1% "
                     "a year earlier.")
        assert agreements(report) == {frozenset(("5.6%", "5.6%")), frozenset(("5.1%", "5.1%"))}
        assert conflicts(report) == []


class TestGenericMeasures:
    def test_a_generic_word_by_both_figures_weighs_as_little_as_a_generic_measure(self) -> None:
        a, b = pair("Rescuers pulled 64 people from the sea.", "In the storm 64 people died.")
        assert (a.measure_from, b.measure) == ("generic", "death")
        field = next(f for f in score_pair(a, b, lambda w: 1.0).fields if f.name == "measure")
        assert field.weight == align_weights().measure_generic
        assert field.text == "measure people named by both figures"

    def test_a_generic_measure_against_a_specific_one_is_one_sided_not_different(self) -> None:
        a, b = pair("More than 6,000 people have waited over a year.",
                    "Some 6,200 patients have waited over a year.")
        field = next(f for f in score_pair(a, b, lambda w: 1.0).fields if f.name == "measure")
        assert (field.weight, field.text) == (0.0, "measure stated in one only (patient)")

    def test_an_open_ended_figure_agrees_more_weakly(self) -> None:
        found = agreement("More than 6,000 people have waited over a year.",
                          "Some 6,200 patients have waited over a year.")
        assert found is not None and found.weight == align_weights().figure_open
        assert found.weight < align_weights().figure_compatible


def test_arrested_and_detained_state_one_fact() -> None:
    report = run("Seven people were arrested after clashes outside the Kelburn ground on Saturday.",
                 "Kelburn police detained 11 people following fighting between fans on Saturday "
                 "night.")
    assert conflicts(report) == [("Seven", "11")]
    assert "arrest" in report.findings[0].evidence


def test_a_rise_in_points_to_a_rate_in_percent_is_compared_with_percentage_points() -> None:
    report = run("Unemployment in Dorvia rose by 0.3 percentage points to 5.9% in the spring, "
                 "the statistics office said.",
                 "Dorvia's jobless rate climbed 0.5 points to 5.9% in the spring, the statistics "
                 "office said.")
    assert conflicts(report) == [("0.3 percentage points", "0.5 points")]
    assert frozenset(("5.9%", "5.9%")) in agreements(report)


class TestSumsPerTime:
    def test_a_sum_a_year_states_the_same_figure_as_the_sum(self) -> None:
        report = run("Water bills in Fendale will rise by about £95 a year from April, the "
                     "regulator said.",
                     "The regulator said water bills in Fendale would go up by £95 from April.")
        assert agreements(report) == {frozenset(("about £95 a year", "£95"))}

    def test_sums_per_different_times_are_different_facts(self) -> None:
        a, b = pair("Residents of Fendale pay £12 a week for a parking permit.",
                    "A parking permit in Fendale costs £12 a year.")
        assert (a.per, b.per) == ("week", "year")
        assert score_pair(a, b, lambda w: 1.0).veto == "a sum per week vs a sum per year"


class TestBasePeriod:
    def test_the_year_a_change_is_measured_against_is_not_its_period(self) -> None:
        frames = frames_of(extract("Cruise passengers at Kessport were 6.4% higher than in "
                                   "2022.", doc_id="a"))
        assert [(f.claim.period, f.period) for f in frames] == [("2022", None)]

    def test_the_year_a_change_happened_in_stays(self) -> None:
        frames = frames_of(extract("Cruise passengers at Kessport rose 6.4% in 2023.",
                                   doc_id="a"))
        assert [f.period.text if f.period else None for f in frames] == ["2023"]

    def test_a_change_on_the_year_before_pairs_with_the_change_in_the_year(self) -> None:
        report = run("Kessport handled 3.1 million cruise passengers in 2023, the port authority "
                     "said, 6.4% more than in 2022.",
                     "Cruise passengers at Kessport rose about 6% in 2023 to just over 3 million, "
                     "according to the port authority.")
        assert frozenset(("6.4%", "about 6%")) in agreements(report)
        assert conflicts(report) == []


def test_a_phrasal_verb_with_down_is_no_change() -> None:
    claims = extract("The probe touched down 3 miles from the crater rim.", doc_id="a")
    assert [(c.text, c.change) for c in claims] == [("3 miles", None)]


def test_words_that_undo_an_adverb_are_no_change_words() -> None:
    # "set" is listed so that "set up 12 camps" is no rise; it is itself no change word
    frames = frames_of(extract("The old mark of 41.3C was set in Orlund in 2011.", doc_id="a"))
    assert frames[0].change_cue == 0.0


class TestPeriodInsideOneDocument:
    TEXT = ("A strong earthquake struck the hill town of Varsk on Tuesday, killing 38 people, "
            "the ministry said. In 2019 a smaller quake killed 6 people in the same province.")

    def test_a_figure_with_a_year_of_its_own_is_another_fact_of_the_report(self) -> None:
        assert conflicts(run(self.TEXT)) == []


def test_paying_names_a_cost_and_pay_the_noun_does_not() -> None:
    paid = extract("Tenants in the new flats will pay £940 in rent.", doc_id="a")
    wages = extract("Average pay rose 4.2% last year.", doc_id="a")
    assert [c.concept for c in paid] == ["cost"]
    assert [c.concept for c in wages] == [None]


def test_a_noun_of_direction_is_no_measure() -> None:
    a, b = pair("Council tax in Brindle will rise by about £64 a year from April.",
                "Brindle's council tax bill is due for an increase of £64 from April.")
    assert b.measure != "increase"
    field = next(f for f in score_pair(a, b, lambda w: 1.0).fields if f.name == "measure")
    assert field.weight >= 0.0
