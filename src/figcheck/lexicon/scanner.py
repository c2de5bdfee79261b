"""The scanner's word lists, validated and compiled once into a ScannerLexicon.

Every file in ``figcheck/data`` opens with its grammar; a malformed entry raises
RuleDefinitionError naming the file, line and key.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Final

from .. import units as _units
from .literals import alternation, literal_led
from .files import DataFile, data_file
from .months import month_numbers
from ..claims import Bound
from ..regex_cache import compile_pattern

__all__ = ["Hedge", "ScannerLexicon", "UnitForm", "alternation", "lexicon", "phrase_pattern"]

# The bounds a hedge may set: every Bound but the default "=" and a range.
_BOUNDS: Final = frozenset(b.value for b in Bound) - {Bound.EQ.value, Bound.RANGE.value}
_KINDS: Final = {"measure", "duration", "per"}  # "per": read only as a rate's denominator
_ISO_CODE: Final = compile_pattern(r"[A-Z]{3}")



def phrase_pattern(phrases: list[str]) -> str:
    """An alternation of phrases in which each space matches one or more spaces."""
    return alternation(phrases).replace("\\ ", "[ \u00a0]++")


@dataclass(frozen=True, slots=True)
class Hedge:
    """A hedge phrase: the bound it sets and the tolerance family that widens it."""

    phrase: str
    bound: Bound
    family: str | None


@dataclass(frozen=True, slots=True)
class UnitForm:
    """What a unit word after a figure means: canonical unit, claim kind, value factor."""

    unit: str
    kind: str  # "measure" | "duration" | "money"
    factor: float = 1.0


def _str_list(f: DataFile, table: str, key: str, value: Any) -> list[str]:
    return f.string_list(value, key, table, blank_items=False)


@dataclass(frozen=True, eq=False, repr=False)
class ScannerLexicon:
    """Compiled word lists and patterns the scanner uses to read figures."""

    words: dict[str, int]
    multipliers: dict[str, int]
    scale_suffixes: dict[str, int]
    fractions: dict[str, Fraction]
    one_before: frozenset[str]
    one_after: frozenset[str]
    vague: dict[str, tuple[float, float]]
    vulgar: dict[str, Fraction]
    metre_after: frozenset[str]
    half_not_after: frozenset[str]
    half_share_re: re.Pattern[str]  # what may follow "half" for it to be a share
    half_also_after: frozenset[str]
    fraction_share_after: frozenset[str]  # "by a fifth": a share without "of"
    percent_forms: dict[str, str]  # normalised form -> percent | per_mille | index_point
    out_of_denominators: frozenset[int]
    whole_determiners: str  # regex alternation, spaces matching spaces
    whole_modifiers: str  # regex alternation
    tolerances: dict[str, float]
    hedges_before: dict[str, Hedge]
    hedges_after: dict[str, Hedge]
    unit_forms: dict[str, UnitForm]  # case-folded surface -> meaning
    unit_exact: dict[str, UnitForm]  # case-sensitive surface -> meaning
    currency_prefixes: dict[str, str]
    change_verbs: dict[str, str]
    change_nouns: dict[str, str]
    change_adverbs: dict[str, str]
    movement_verbs: frozenset[str]
    months: frozenset[str]  # lower-cased, no trailing dot
    identifier_words: frozenset[str]
    identifier_after: frozenset[str]
    named_numbers: tuple[str, ...]
    score_words: frozenset[str]
    street_words: frozenset[str]
    not_identifier: frozenset[str]
    year_cues: frozenset[str]
    quantity_cues: frozenset[str]
    # compiled patterns
    hedge_after_re: re.Pattern[str]
    unit_re: re.Pattern[str]
    unit_exact_re: re.Pattern[str]
    scale_re: re.Pattern[str]
    currency_re: re.Pattern[str]
    currency_fwd_re: re.Pattern[str]
    currency_glued_re: re.Pattern[str]
    per_re: re.Pattern[str]
    dimension_suffix_re: re.Pattern[str]
    money_of_re: re.Pattern[str]
    small_words: str  # regex alternation of the number words one to ten
    change_right_re: re.Pattern[str]
    named_re: re.Pattern[str]
    time_re: re.Pattern[str]
    percent_re: re.Pattern[str]

    def currency_prefix(self, surface: str) -> str:
        """The ISO code of a currency prefix as written ("US$", "hk $"), matched in any case."""
        code = self.currency_prefixes.get(surface)
        if code is None:
            code = self._prefixes_folded()[surface.casefold()]
        return code

    def _prefixes_folded(self) -> dict[str, str]:
        return {k.casefold(): v for k, v in self.currency_prefixes.items()}


def _load_numbers() -> dict[str, Any]:
    f = data_file("numbers.toml")
    out: dict[str, Any] = {}
    for table in ("words", "multipliers", "scale_suffixes"):
        entries = f.table(table)
        for key, value in entries.items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise f.error(key, "expected a non-negative integer", table)
        out[table] = {k.lower(): v for k, v in entries.items()}
    fractions: dict[str, Fraction] = {}
    for key, value in f.table("fractions").items():
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int) and v > 0 for v in value)
        ):
            raise f.error(
                key, "expected [numerator, denominator] of positive integers", "fractions"
            )
        fractions[key.lower()] = Fraction(value[0], value[1])
    out["fractions"] = fractions
    vulgar: dict[str, Fraction] = {}
    for key, value in f.table("vulgar").items():
        if (
            len(key) != 1
            or not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int) and v > 0 for v in value)
        ):
            raise f.error(key, "expected one character = [numerator, denominator]", "vulgar")
        vulgar[key] = Fraction(value[0], value[1])
    out["vulgar"] = vulgar
    one = f.table("one")
    out["one_before"] = frozenset(
        w.lower() for w in _str_list(f, "one", "before", one.get("before"))
    )
    out["one_after"] = frozenset(w.lower() for w in _str_list(f, "one", "after", one.get("after")))
    vague: dict[str, tuple[float, float]] = {}
    for key, value in f.table("vague").items():
        if not (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, (int, float)) for v in value)
            and 0 < value[0] < value[1]
        ):
            raise f.error(key, "expected [low, high] with 0 < low < high", "vague")
        vague[key.lower()] = (float(value[0]), float(value[1]))
    out["vague"] = vague
    metre = f.table("metre_suffix")
    out["metre_after"] = frozenset(
        w.lower() for w in _str_list(f, "metre_suffix", "after", metre.get("after"))
    )
    half = f.table("half")
    out["half_not_after"] = frozenset(
        w.lower() for w in _str_list(f, "half", "not_after", half.get("not_after"))
    )
    out["half_followed_by"] = [
        w.lower() for w in _str_list(f, "half", "followed_by", half.get("followed_by"))
    ]
    out["half_also_after"] = frozenset(
        w.lower() for w in _str_list(f, "half", "also_after", half.get("also_after"))
    )
    out["fraction_share_after"] = frozenset(w.lower() for w in _str_list(
        f, "fraction", "share_after", f.table("fraction").get("share_after")))
    percent: dict[str, str] = {}
    for meaning in ("percent", "per_mille", "index_point"):
        for form in _str_list(f, "percent", meaning, f.table("percent").get(meaning)):
            percent[" ".join(form.lower().split())] = meaning
    out["percent"] = percent
    out_of = f.table("ratio").get("out_of")
    if not isinstance(out_of, list) or not all(
        isinstance(d, int) and not isinstance(d, bool) and d > 1 for d in out_of
    ):
        raise f.error("out_of", "expected a list of integers above 1", "ratio")
    out["out_of"] = frozenset(out_of)
    whole = f.table("whole")
    out["whole_determiners"] = [
        w.lower() for w in _str_list(f, "whole", "determiners", whole.get("determiners"))
    ]
    out["whole_modifiers"] = [
        w.lower() for w in _str_list(f, "whole", "modifiers", whole.get("modifiers"))
    ]
    return out


def _load_hedges() -> dict[str, Any]:
    f = data_file("hedges.toml")
    tolerances: dict[str, float] = {}
    for key, value in f.table("tolerances").items():
        if not isinstance(value, (int, float)) or not 0 <= value < 1:
            raise f.error(key, "expected a relative tolerance in [0, 1)", "tolerances")
        tolerances[key] = float(value)
    out: dict[str, Any] = {"tolerances": tolerances}
    for table in ("before", "after"):
        hedges: dict[str, Hedge] = {}
        for phrase, value in f.table(table).items():
            if not (
                isinstance(value, list)
                and len(value) == 2
                and all(isinstance(v, str) for v in value)
            ):
                raise f.error(phrase, 'expected ["bound", "family"]', table)
            bound, family = value
            if bound not in _BOUNDS:
                raise f.error(
                    phrase, f"unknown bound {bound!r}; use one of {sorted(_BOUNDS)}", table
                )
            if family != "none" and family not in tolerances:
                raise f.error(phrase, f"unknown tolerance family {family!r}", table)
            hedges[phrase.lower()] = Hedge(
                phrase, Bound(bound), None if family == "none" else family
            )
        out[table] = hedges
    return out


def _load_units() -> dict[str, Any]:
    f = data_file("unit_aliases.toml")
    forms: dict[str, UnitForm] = {}
    exact: dict[str, UnitForm] = {}
    for name, spec in f.table("units").items():
        if not isinstance(spec, dict) or spec.get("kind") not in _KINDS:
            raise f.error(
                "kind", f"unit {name!r} needs kind = one of {sorted(_KINDS)}", f"units.{name}"
            )
        try:
            _units.dimension(name)
        except Exception as exc:  # pint's errors vary by version
            raise f.error(
                "forms", f"{name!r} is not a unit pint knows: {exc}", f"units.{name}"
            ) from exc
        meaning = UnitForm(name, spec["kind"])
        for form in _str_list(f, f"units.{name}", "forms", spec.get("forms")):
            forms[form.casefold()] = meaning
        for form in _str_list(f, f"units.{name}", "exact", spec.get("exact", [])):
            exact[form] = meaning
    prefixes: dict[str, str] = {}
    for code, spec in f.table("currencies").items():
        if not _ISO_CODE.fullmatch(code):
            raise f.error(code, "currency tables are named by ISO 4217 code", "currencies")
        try:
            _units.dimension(code)
        except Exception as exc:
            raise f.error(
                "prefixes", f"{code} is not defined in data/units.txt", f"currencies.{code}"
            ) from exc
        for p in _str_list(f, f"currencies.{code}", "prefixes", spec.get("prefixes")):
            prefixes[p] = code
        for w in _str_list(f, f"currencies.{code}", "words", spec.get("words")):
            forms[w.casefold()] = UnitForm(code, "money")
    for form, value in f.table("subunits").items():
        if not (
            isinstance(value, list)
            and len(value) == 2
            and isinstance(value[0], str)
            and isinstance(value[1], (int, float))
        ):
            raise f.error(form, '["ISO code", factor] expected', "subunits")
        exact[form] = UnitForm(value[0], "money", float(value[1]))
    suffixes = _str_list(
        f, "dimension_suffixes", "words", f.table("dimension_suffixes").get("words")
    )
    not_before = _str_list(f, "rates", "not_before", f.table("rates").get("not_before"))
    # The words that open a rate's denominator are the context step's rate_words: one list.
    ctx = data_file("context.toml")
    rate_words = _str_list(ctx, "words", "rate_words", ctx.table("words").get("rate_words"))
    return {
        "forms": forms,
        "exact": exact,
        "prefixes": prefixes,
        "dimension_suffixes": suffixes,
        "rate_words": rate_words,
        "rate_not_before": not_before,
    }


def _load_changes() -> dict[str, dict[str, str]]:
    f = data_file("changes.toml")
    out: dict[str, dict[str, str]] = {}
    for table in ("verbs", "nouns", "adverbs"):
        entries = f.table(table)
        mapping: dict[str, str] = {}
        for direction in ("increase", "decrease"):
            for w in _str_list(f, table, direction, entries.get(direction)):
                mapping[w.lower()] = direction
        out[table] = mapping
    movement = f.table("movement")
    out["movement"] = {
        w.lower(): "" for w in _str_list(f, "movement", "verbs", movement.get("verbs"))
    }
    return out


def _load_exclusions() -> dict[str, Any]:
    f = data_file("exclusions.toml")

    def get(table: str, key: str) -> list[str]:
        return _str_list(f, table, key, f.table(table).get(key))

    return {
        # month names match in any case ("Sept. 30", "sept. 30"), with or without the dot
        "months": frozenset(month_numbers()),
        "identifier_words": frozenset(get("identifiers", "before")),
        "identifier_after": frozenset(get("identifiers", "after")),
        "named": tuple(get("named", "phrases")),
        "times": tuple(get("times", "after")),
        "scores": frozenset(w.lower() for w in get("scores", "words")),
        "streets": frozenset(get("addresses", "streets")),
        "not_identifier": frozenset(get("not_identifier", "words")),
        "year_cues": frozenset(w.lower() for w in get("years", "cues")),
        "quantity_cues": frozenset(w.lower() for w in get("years", "quantity_cues")),
    }


@functools.cache
def lexicon() -> ScannerLexicon:
    """The scanner's lexicon built from figcheck's data files (cached)."""
    num = _load_numbers()
    hed = _load_hedges()
    uni = _load_units()
    chg = _load_changes()
    exc = _load_exclusions()
    before = hed["before"]
    after = hed["after"]
    # Patterns anchored at a known offset right of a figure (words left of it are looked up
    # token by token in the dictionaries above).
    hedge_after_re = compile_pattern(
        r"(?i)(?:[ \u00a0]++|(?=-))(?P<h>" + alternation(list(after)) + r")(?![\w])"
    )
    # units read after a figure; a "per" unit only ever follows a rate word
    words = alternation([f for f, form in uni["forms"].items() if form.kind != "per"])
    unit_re = compile_pattern(r"(?i)(?:[ \u00a0]?+-?|-)(?P<u>" + words + r")(?![\w²³])")
    unit_exact_re = compile_pattern(
        r"[ \u00a0]?+-?(?P<u>" + alternation(list(uni["exact"])) + r")(?![\w²³])"
    )
    scale_re = compile_pattern(
        r"(?i)(?:[ \u00a0]?+-?)(?P<s>" + alternation(list(num["scale_suffixes"])) + r")(?![\w])"
    )
    currency_re = compile_pattern(
        r"(?i)(?<![\w$])(?P<c>" + alternation(list(uni["prefixes"])) + r")[ \u00a0]?+-?$"
    )
    currency_fwd_re = compile_pattern(
        r"(?P<c>" + alternation(list(uni["prefixes"])) + r")[ \u00a0]?+(?=\d)"
    )
    # "$58 per barrel", "120 km/h", "£36 a-year": a unit of its own, a rate's denominator.
    denominators = [f for f, form in uni["forms"].items() if form.kind != "money"]
    per_re = compile_pattern(
        r"(?i)(?:[ \u00a0]?+/[ \u00a0]?+|(?:[ \u00a0]++|-)(?:"
        + alternation(uni["rate_words"])
        + r")(?:[ \u00a0]++|-))(?P<u>"
        + alternation(denominators)
        + r")(?![\w])(?![ \u00a0]++(?:"
        + alternation(uni["rate_not_before"])
        + r")\b)"
    )
    dimension_suffix_re = compile_pattern(
        r"-(?:" + alternation(uni["dimension_suffixes"]) + r")(?![\w-])"
    )
    money_words = [w for w, form in uni["forms"].items() if form.kind == "money" and w.isalpha()]
    money_of_re = compile_pattern(
        r"(?i)[ \u00a0]++of[ \u00a0]++(?P<u>" + alternation(money_words) + r")(?![\w])"
    )
    small_words = alternation([w for w, v in num["words"].items() if 1 <= v <= 10])
    # Letter codes written straight against the figure: "USD10m", "RM23.50".
    letter_prefixes = [p for p in uni["prefixes"] if p[-1].isalpha()]
    # prefix-led, so a search skips fast to where a prefix's first character stands
    currency_glued_re = compile_pattern(literal_led(letter_prefixes, r"[\w$]") + r"(?=\d)")
    verbs = chg["verbs"]
    nouns = chg["nouns"]
    change_right_re = compile_pattern(
        r"(?i)[ \u00a0-]++(?P<n>" + alternation(list(nouns)) + r")(?![\w])"
    )
    # name-led like currency_glued_re; a name opening with no word character never matched
    named = [n for n in exc["named"] if re.match(r"\w", n)]
    # "PS4" names a console, but "PS4.5m" is a sum: a decimal ends no name
    named_re = compile_pattern(literal_led(named, r"\w") + r"(?![\w]|[.,]\d)")
    time_re = compile_pattern(r"[ \u00a0]?+(?:" + alternation(list(exc["times"])) + r")(?![\w])")
    # "%", "‰" end anywhere; word forms ("per cent", "pts") end at a word boundary.
    signs = [p for p in num["percent"] if not p[-1].isalnum()]
    percent_words = [p for p in num["percent"] if p[-1].isalnum()]
    percent_re = compile_pattern(
        r"(?i)[ \u00a0]?+(?P<p>(?:"
        + alternation(signs)
        + ")|(?:"
        + phrase_pattern(percent_words)
        + r")(?![\w]))"
    )
    return ScannerLexicon(
        words=num["words"],
        multipliers=num["multipliers"],
        scale_suffixes=num["scale_suffixes"],
        fractions=num["fractions"],
        one_before=num["one_before"],
        one_after=num["one_after"],
        vague=num["vague"],
        vulgar=num["vulgar"],
        metre_after=num["metre_after"],
        half_not_after=num["half_not_after"],
        # no word boundary: "half a", "half an" and "half another" alike (as before the move)
        half_share_re=compile_pattern(
            r"\s*(?:" + alternation(num["half_followed_by"]) + r"|[,.;])"),
        half_also_after=num["half_also_after"],
        fraction_share_after=num["fraction_share_after"],
        percent_forms=num["percent"],
        out_of_denominators=num["out_of"],
        whole_determiners=phrase_pattern(num["whole_determiners"]),
        whole_modifiers=alternation(num["whole_modifiers"]),
        tolerances=hed["tolerances"],
        hedges_before=before,
        hedges_after=after,
        unit_forms=uni["forms"],
        unit_exact=uni["exact"],
        currency_prefixes=uni["prefixes"],
        change_verbs=verbs,
        change_nouns=nouns,
        change_adverbs=chg["adverbs"],
        movement_verbs=frozenset(chg["movement"]),
        months=exc["months"],
        identifier_words=exc["identifier_words"],
        identifier_after=exc["identifier_after"],
        named_numbers=exc["named"],
        score_words=exc["scores"],
        street_words=exc["streets"],
        not_identifier=exc["not_identifier"],
        year_cues=exc["year_cues"],
        quantity_cues=exc["quantity_cues"],
        hedge_after_re=hedge_after_re,
        unit_re=unit_re,
        unit_exact_re=unit_exact_re,
        scale_re=scale_re,
        currency_re=currency_re,
        currency_fwd_re=currency_fwd_re,
        currency_glued_re=currency_glued_re,
        per_re=per_re,
        dimension_suffix_re=dimension_suffix_re,
        money_of_re=money_of_re,
        small_words=small_words,
        change_right_re=change_right_re,
        named_re=named_re,
        time_re=time_re,
        percent_re=percent_re,
    )
