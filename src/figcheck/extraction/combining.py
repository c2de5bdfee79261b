"""Combining figures: a figure and the next one as a range or a part of a whole, or alone.

"3 to 5 million" is one range; "45 of the 140 homes" one part of a whole;
"rose from 10 to 20" two levels, and "increased by $43bn to $419bn" a change
then a level, each read on its own.
"""

from __future__ import annotations

from typing import Final

from ..claims import Claim, Kind
from ..lexicon.context import NOT_NAME, default_lexicon
from ..lexicon.names import default_names
from ..regex_cache import compile_pattern
from .bounds import change_before, claim_of, moved_before, range_claim
from .figure import Figure, scale_of
from .nonclaims import is_score
from .patterns import (
    ALTERNATIVE_GAP,
    AND_GAP,
    BETWEEN_LEFT,
    MOVE_TO_GAP,
    NEXT_WORD,
    OR_GAP,
    RANGE_GAP,
    TIMES,
    UP_TO_GAP,
    Grammar,
    may_end_with,
)
from .reading import next_figure
from .tokens import prev_word, tail

__all__ = ["combine", "movement_end"]


def combine(g: Grammar, text: str, fig: Figure) -> tuple[list[Claim], int]:
    """Pair ``fig`` with a following figure (range, part of a whole) and make its claims."""
    if fig.kind in (Kind.COUNT,) and not fig.has_unit:
        pow_ = _part_of_whole(g, text, fig)
        if pow_ is not None:
            return pow_
        if _rank_or_reference(g, text, fig):
            return [], fig.end
    if fig.kind is Kind.COUNT and not fig.has_unit:
        if _age_after_name(text, fig) or _person_age(g, text, fig):
            return [claim_of(g, text, fig, "age", unit="year", kind=Kind.DURATION)], fig.end
        _alternative_unit(g, text, fig)
    rng = _range(g, text, fig)
    if rng is not None:
        return rng
    if fig.kind is Kind.COUNT and not fig.has_unit and (tm := TIMES.match(text, fig.end)):
        # "7.5 times earnings", "more than 4,100 times": a multiple, as "sixfold" is
        return [claim_of(g, text, fig, "multiple", end=tm.end())], tm.end()
    return [claim_of(g, text, fig, "single")], fig.end


def _rank_or_reference(g: Grammar, text: str, fig: Figure) -> bool:
    """True for a rank ("the top three", "top 10") or a reference back ("the two nations")."""
    prev = prev_word(text, fig.start, tail(text, fig.start, 1))
    if prev is None:
        return False
    word = prev[1].lower()
    if word in g.rules.ranks_before:
        return True
    if not (fig.source == "words" and 2 <= fig.value <= 10 and word in g.rules.references_before):
        return False
    # "the two countries" refers back only to parties already named ("France and Belgium")
    # or named right after ("the two provinces of Kesh and Varro")
    w0 = max(0, text.rfind("\n\n", 0, fig.start) + 1, fig.start - 300)
    return bool(_NAMED_PAIR.search(text, w0, prev[0]) or _PAIR_AFTER.match(text, fig.end))


_NAME: Final = r"[A-Z][\w'’.&-]*+(?:[ \u00a0][A-Z][\w'’.&-]*+){0,3}+"
_NAMES: Final = rf"{_NAME}(?:,[ \u00a0]++{_NAME}){{0,8}}+,?[ \u00a0]++and[ \u00a0]++[A-Z]"
_NAMED_PAIR: Final = compile_pattern(_NAMES)
_PAIR_AFTER: Final = compile_pattern(rf"[ \u00a0]++[a-z][\w-]*+[ \u00a0]++of[ \u00a0]++{_NAMES}")


def _part_of_whole(g: Grammar, text: str, fig: Figure) -> tuple[list[Claim], int] | None:
    """ "45 of the 140 homes", "12 out of 37": a part, then its whole."""
    gap = g.of_gap.match(text, fig.end)
    if gap is None:
        return None
    whole = next_figure(g, text, gap.end())
    # "raised 40 million of the 2 billion rupees": a part in the whole's unit (but "five of the
    # three-ton satellites" counts satellites)
    if whole is not None and whole.has_unit and (
        whole.kind is Kind.MONEY
        or (whole.kind is Kind.MEASURE and "-" not in text[whole.start : whole.end])
    ):
        fig.unit, fig.kind, fig.has_unit = whole.unit, whole.kind, True
        return None
    if (
        whole is None
        or whole.kind not in (Kind.COUNT,)
        or whole.source == "words"
        and whole.value < 2
    ):
        return None
    nxt = NEXT_WORD.match(text, whole.end)
    if nxt is not None and nxt.group("w")[0].isupper() and whole.raw_int is not None:
        return None  # "396 of its 737 Max jets": a model number, not a whole
    if fig.source == "words" and fig.value == 1 and whole.value <= 1:
        return None
    claim = claim_of(
        g,
        text,
        fig,
        "part_of_whole",
        end=whole.end,
        kind=Kind.PART_OF_WHOLE,
        unit=whole.unit if whole.unit != "count" else None,
        whole=whole.value,
        subject=gap.group("poss"),  # "8 of Carolina's 10": the whole's possessor
    )
    return [claim], whole.end


def _range(g: Grammar, text: str, fig: Figure) -> tuple[list[Claim], int] | None:
    """ "3 to 5 million", "between 10 and 20": a range; None when the two figures are not one."""
    left = text[max(0, fig.start - 12) : fig.start]
    between = BETWEEN_LEFT.search(left) if may_end_with(left, 0, len(left), "nNmM", False) else None
    if between is not None and between.group().lower().startswith("from"):
        if moved_before(g, text, fig.start - (len(left) - between.start())):
            _borrow_unit(g, text, fig)
            # "rose from 10 to 20": two levels, read separately; the first is where it moved from
            return [claim_of(g, text, fig, "from")], fig.end
        between = None  # "ranging from $200 to $400": a range
        if (up := UP_TO_GAP.match(text, fig.end)) is not None:
            # "starting from 300 sq m up to 700 sq m": a range, not a level and a bound
            second = next_figure(g, text, up.end())
            if second is not None and second.unit == fig.unit and fig.value < second.value:
                claim = range_claim(g, text, fig.start, second.end, fig.value, second.value,
                                    fig.unit, "range")
                return [claim], second.end
    if between is not None:
        gap = AND_GAP.match(text, fig.end) or RANGE_GAP.match(text, fig.end)
    else:
        gap = RANGE_GAP.match(text, fig.end)
        if (
            gap is not None
            and "to" in gap.group()
            and change_before(g, text, fig.start, True)
        ):
            second = next_figure(g, text, gap.end())
            if second is None or abs(second.value) > 2 * abs(
                fig.value * _pending_scale(second, fig)
            ):
                return None  # "increased by $43.6bn to $419.2bn": a change, then a level
        if gap is None and fig.source == "words":
            gap = OR_GAP.match(text, fig.end)  # "three or four years"
    if gap is None:
        return None
    second = next_figure(g, text, gap.end())
    if second is None:
        return None
    if "-" in gap.group() and is_score(g, text, fig, second):
        return [], second.end
    if (
        gap.group() == "-"
        and fig.value >= second.value
        and fig.raw_int is not None
        and second.raw_int is not None
        and not fig.has_unit
        and not second.has_unit
    ):
        return [], second.end  # "89-89", "4-3": a score or a label, not a range
    if fig.has_unit and not second.has_unit:
        return None  # "rose 35.2 points to 7,120.5": a change and a level
    if " or " in gap.group() and second.source != "words":
        return None
    # "3 to 5 million", "5-10km": the second figure's scale and unit apply to both
    if not fig.has_unit and second.has_unit or second.unit.startswith(fig.unit + " / "):
        fig.unit, fig.kind = second.unit, second.kind
    elif fig.has_unit and fig.unit != second.unit:
        if second.has_unit or fig.kind in (Kind.PROPORTION, Kind.MONEY):
            return None  # "0.4 per cent to 13176": a change and a level
    if second.scaled and not fig.scaled and fig.value < second.value:
        scale = scale_of(second)
        if scale and fig.value * scale <= second.value:
            fig.value *= scale
            fig.rounding *= scale
    if fig.value >= second.value:
        return None
    rule = "range_between" if between is not None else "range"
    start = fig.start
    if between is not None:
        start = fig.start - (len(left) - between.start())
    claim = range_claim(g, text, start, second.end, fig.value, second.value, second.unit, rule)
    return [claim], second.end


def _pending_scale(second: Figure, fig: Figure) -> float:
    """The scale "3 to 5 million" would lend the first figure (1 when none applies)."""
    if second.scaled and not fig.scaled:
        scale = scale_of(second)
        if scale and fig.value * scale <= second.value:
            return scale
    return 1.0


_OLDEST: Final = 120  # no one is this old: a larger number is no person's age
_NAME_COMMA: Final = compile_pattern(r"(?<![\w,’'.-])(?P<name>[A-Z][a-z’'-]++),[ \u00a0]$")
_COMMA_AFTER: Final = compile_pattern(r",[ \u00a0]")


def _age_after_name(text: str, fig: Figure) -> bool:
    """ "Okafor, 58, has run the clinic": a whole number set off by commas after a name is an age."""
    if fig.source != "digits" or fig.raw_int is None or not 0 < fig.value < _OLDEST or fig.scaled:
        return False
    if not _COMMA_AFTER.match(text, fig.end):
        return False
    m = _NAME_COMMA.search(text, max(0, fig.start - 30), fig.start)
    if m is None or m["name"] in default_names().known:  # "Labour, 40, the SNP, 12": a list
        return False
    return not default_lexicon().roles.get(m["name"].lower(), 0) & NOT_NAME


def _person_age(g: Grammar, text: str, fig: Figure) -> bool:
    """ "he was 10 when", "who is 35,": a whole number a person is or turned is an age."""
    if fig.scaled or not 0 < fig.value < _OLDEST or fig.value != int(fig.value):
        return False
    if g.rules.person_age_after_re.match(text, fig.end) is None:
        return False
    return g.rules.person_age_before_re.search(text, max(0, fig.start - 40), fig.start) is not None


def _alternative_unit(g: Grammar, text: str, fig: Figure) -> None:
    """ "about 3 or $4", "a 10- or 12-inch display": the first alternative has the second's unit."""
    gap = ALTERNATIVE_GAP.match(text, fig.end)
    second = next_figure(g, text, gap.end()) if gap is not None else None
    if second is not None and second.has_unit and not second.scaled:
        fig.unit, fig.kind, fig.has_unit = second.unit, second.kind, True


def _borrow_unit(g: Grammar, text: str, fig: Figure) -> None:
    """ "slowed from 3.1 to 2.9 percent": the first of two levels takes the second's unit."""
    if fig.has_unit:
        return
    gap = RANGE_GAP.match(text, fig.end)
    second = next_figure(g, text, gap.end()) if gap is not None else None
    if second is not None and second.has_unit:
        fig.unit, fig.kind, fig.has_unit = second.unit, second.kind, True
        if fig.kind == Kind.PROPORTION and fig.integer_literal and fig.rounding == 0:
            fig.rounding = 0.5



def movement_end(text: str, before: Claim, claim: Claim) -> Claim:
    """ "went from 190 pounds to 176": the level a movement went to, after the one it left.

    The claim after a ``*_from`` level, joined to it by "to", is the movement's end (rule
    ``*_to``); a bare count there takes the first level's unit ("176" is in pounds).
    """
    if not (before.rule.endswith("_from") and claim.rule.endswith("_single")):
        return claim
    gap = MOVE_TO_GAP.match(text, before.end)
    if gap is None or gap.end() != claim.start:
        return claim
    update: dict[str, object] = {"rule": claim.rule[: -len("single")] + "to"}
    if claim.kind is Kind.COUNT and claim.unit == "count" and before.unit != "count":
        update |= {"unit": before.unit, "kind": before.kind}
        if before.kind is Kind.PROPORTION and claim.low == claim.high and "." not in claim.text:
            # a whole-number percentage is rounded to the unit, as when read with its sign
            update |= {"low": claim.value - 0.5, "high": claim.value + 0.5}
    return claim.model_copy(update=update)
