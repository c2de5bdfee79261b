"""The scanner's grammar: regex fragments, compiled patterns and the set-up they make.

Word lists are not here: they come from the ScannerLexicon (``figcheck/data``)
and are merged into these patterns by ``grammar``. Every repetition is bounded
or possessive, so matching stays linear in the text length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from ..errors import OptionError
from ..lexicon.scanner import ScannerLexicon, alternation
from ..lexicon.literals import trie_alternation
from ..lexicon.measures import default_measures
from ..lexicon.scanner_rules import ScannerRules, scanner_rules
from ..regex_cache import compile_pattern
from .entry import EntryPoints
from .numerals import GROUP_SPACES

__all__ = [
    "ALTERNATIVE_GAP",
    "AND_GAP",
    "BETWEEN_LEFT",
    "DIGITS",
    "Grammar",
    "MOVE_TO_GAP",
    "NEXT_WORD",
    "OF",
    "OR_GAP",
    "RANGE_GAP",
    "TIMES",
    "UP_TO_GAP",
    "grammar",
    "may_end_spaced",
    "may_end_with",
]

_SP: Final = r"[ \u00a0]"
# Bounded repetitions: a digit run longer than any real figure is not a figure, and the
# bounds keep every match short, so the scan stays linear on hostile input.
DIGITS: Final = (
    r"(?:\d{1,3}(?:,\d{3}){1,7}+(?!\d|,\d)"  # 1,351  14,000
    rf"|\d{{1,3}}(?:[{GROUP_SPACES}]\d{{3}}){{1,4}}+(?![\d,.]|[{GROUP_SPACES}]\d)"  # 14 000
    r"|\d{1,15}+(?!\d))"
    r"(?:\.\d{1,12}+(?!\d))?"
)


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Grammar:
    """Everything one scan needs: the lexicon, hedge tolerances and the compiled entry patterns."""

    lex: ScannerLexicon
    tol: Mapping[str, float]
    atom: re.Pattern[str]  # any figure, ratio, fraction or vague magnitude
    figure_atom: re.Pattern[str]  # digits and number words only
    digit_atom: re.Pattern[str]  # ``atom`` where a digit stands (tried there instead)
    num_atom: re.Pattern[str]  # ``digit_atom``'s plain figure alone (see ``scanner.next_atom``)
    glued_digits: re.Pattern[str]  # a figure glued to a currency code ("USD10m")
    of_gap: re.Pattern[str]  # "of (the|its|Carolina's ...)" between a part and its whole
    rules: ScannerRules  # scales, ranks, references, age bands, lists
    entry: EntryPoints  # where ``atom`` may match: tried there only, anchored
    hedge_ends: dict[str, int]  # the last word of each hedge before a figure -> most words
    change_ends: frozenset[str]  # the last word of every change phrase before a figure
    named_gate: re.Pattern[str]  # any fixed name with a number in it, anywhere
    currency_end1: frozenset[str]  # one-character currency prefixes, lower case
    currency_end2: frozenset[str]  # the last two characters of the longer ones, lower case
    scale_before_ends: frozenset[str]  # the last letter of every scale phrase before a figure
    # every currency code ``glued_digits`` may follow ends with an ASCII letter (so only a
    # text where such a letter stands right before a digit can hold one: ``EntryPoints``)
    glued_after_ascii: bool


def grammar(lex: ScannerLexicon, tolerances: Mapping[str, float] | None = None) -> Grammar:
    """The scanner's set-up for ``lex``, with ``tolerances`` overriding the hedge families' defaults.

    Raises OptionError (a ValueError) for an unknown tolerance family or a tolerance outside [0, 1).
    """
    tol = dict(lex.tolerances)
    if tolerances:
        unknown = set(tolerances) - set(tol)
        if unknown:
            raise OptionError(
                f"unknown tolerance famil{'ies' if len(unknown) > 1 else 'y'} "
                f"{sorted(unknown)}; known: {sorted(tol)}"
            )
        for k, v in tolerances.items():
            if not 0 <= v < 1:
                raise OptionError(f"tolerance {k!r} must be in [0, 1), got {v!r}")
        tol.update(tolerances)
    atom, figure_atom, digit_atom, num_atom = _atom_patterns(lex)
    return Grammar(
        lex=lex,
        tol=tol,
        atom=atom,
        figure_atom=figure_atom,
        digit_atom=digit_atom,
        num_atom=num_atom,
        glued_digits=compile_pattern(rf"(?P<num>{DIGITS})"),
        of_gap=_of_gap(lex),
        rules=scanner_rules(),
        entry=_entry_points(lex),
        hedge_ends=_hedge_ends(lex.hedges_before),
        change_ends=frozenset(
            ("of", "by", *(v.rsplit(" ", 1)[-1] for v in lex.change_verbs), *lex.change_adverbs)
        ),
        named_gate=compile_pattern(trie_alternation(lex.named_numbers)),
        currency_end1=frozenset(p.lower() for p in lex.currency_prefixes if len(p) == 1),
        currency_end2=frozenset(p[-2:].lower() for p in lex.currency_prefixes if len(p) > 1),
        # rules.scale_before_re's phrases (scanner_rules: the measures' "before" words,
        # nearest first), in either case
        scale_before_ends=frozenset(
            c for words, _ in default_measures().before for c in (words[0][-1].lower(),
                                                                  words[0][-1].upper())
        ),
        # lexicon.scanner's currency_glued_re: the prefixes ending with a letter
        glued_after_ascii=all(
            p[-1].isascii() for p in lex.currency_prefixes if p[-1].isalpha()
        ),
    )


def _hedge_ends(hedges: Iterable[str]) -> dict[str, int]:
    """The last word of each hedge phrase, mapped to the most words a phrase ending with it has."""
    ends: dict[str, int] = {}
    for h in hedges:
        words = h.split(" ")
        ends[words[-1]] = max(ends.get(words[-1], 0), len(words))
    return ends


def _atom_patterns(
    lex: ScannerLexicon,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(any atom, figure atoms only, any atom at a digit, a plain figure at a digit): the
    scanner's entry patterns, built from the word lists."""
    fractions = alternation(list(lex.fractions))
    words = alternation(list(lex.words) + list(lex.multipliers))
    vague = alternation(list(lex.vague))
    small = lex.small_words
    vague_alt = rf"""
        (?P<vague>(?i:{vague})(?={_SP}++of(?![\w])))"""
    ratio_alt = rf"""
        (?P<ratio>(?<![\w.,$£€¥])
            (?P<rnum>\d{{1,3}}|(?i:{small}))
            {_SP}++(?P<rsep>in|out{_SP}++of){_SP}++
            (?P<rden>\d{{1,4}}(?!\d|[.,]\d)|(?i:{small}|twenty|fifty|a{_SP}hundred|hundred|a{_SP}thousand))
            (?![\w])
        )"""
    frac_alt = rf"""
        (?P<frac>(?<![\w-])
            (?P<fnum>(?i:{"|".join(_FRACTION_COUNTS)}){_SP}*+-?{_SP}*+)?
            (?P<fden>(?i:{fractions}))(?![\w])
        )"""
    fold_alt = rf"""
        (?P<fold>(?:\d{{1,4}}+(?:\.\d{{1,3}}+)?|(?i:{small}|{"|".join(_FOLD_TENS)}))-?(?i:fold)(?![\w]))"""
    num_alt = rf"""
        (?P<num>(?<![\w.,/]){DIGITS})"""
    word_alt = rf"""
        (?P<word>(?<![\w-])
            (?i:(?:a{_SP}++(?=(?:{"|".join(_AFTER_A)})\b))?
            (?:{words})
            (?:(?:{_SP}++and{_SP}++|{_SP}++|-)(?:{words})(?![\w])){{0,12}}+)
            (?![\w])
        )"""
    ratio = f"{vague_alt}|{ratio_alt}|{frac_alt}"
    figure = f"{fold_alt}|{num_alt}|{word_alt}"
    # Every atom starts at a word boundary; the leading \b lets the engine skip other
    # positions cheaply (measured: ~1.5x faster scanning).
    # Atoms that start off a word boundary, behind one cheap look at the next character:
    # ".001 per cent", and "½ cup" / "1½ miles" (a vulgar-fraction character).
    vulgar = "".join(lex.vulgar)
    decimal = (
        r"|(?=[.\d" + vulgar + r"])(?:"
        r"(?P<dec>(?<=[ \u00a0(])\.\d{1,12}+(?![\d.]))"
        r"|(?P<vul>(?<![\w.,])(?P<vwhole>\d{1,4}+)?(?P<vfrac>[" + vulgar + r"])))"
    )
    # The character after the boundary must be able to start one of the atoms (a digit or
    # the first letter of a word some atom spells): a single class test that lets the
    # engine reject most words before trying the alternatives one by one.
    spelled = [*lex.words, *lex.multipliers, *lex.fractions, *lex.vague, *_LITERAL_WORDS]
    if any(not w[:1].isalpha() for w in spelled):
        raise OptionError("an atom's word must open with a letter")
    first = "".join(sorted({re.escape(w[0]) for w in spelled if w}))
    gate = r"\b(?=\d|(?i:[" + first + r"]))"
    # At a digit only the atoms that may open with one are tried (in the same order: the
    # same match); the others' groups are there, never set.
    unset = "(?:(?!)(?P<vague>)(?P<frac>)(?P<fnum>)(?P<fden>)(?P<word>))?"
    at_digit = rf"(?:\b(?=\d)(?:{ratio_alt}|{fold_alt}|{num_alt}){decimal}){unset}"
    return (
        compile_pattern(gate + "(?:" + ratio + "|" + figure + ")" + decimal, re.VERBOSE),
        compile_pattern(gate + "(?:" + figure + ")" + decimal, re.VERBOSE),
        compile_pattern(at_digit, re.VERBOSE),
        compile_pattern(rf"\b(?=\d){num_alt}", re.VERBOSE),
    )


# Words the atom patterns spell literally, not from the word lists: what may count a
# fraction ("one third", "a-half"), what "a" opens ("a dozen"), what may precede "fold".
_FRACTION_COUNTS: Final = (
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
)
_AFTER_A: Final = ("dozen", "hundred", "thousand", "million", "billion", "trillion")
_FOLD_TENS: Final = ("twenty", "fifty", "hundred", "thousand")
_LITERAL_WORDS: Final = (*_FRACTION_COUNTS, *_AFTER_A, *_FOLD_TENS, "fold")


def _entry_points(lex: ScannerLexicon) -> EntryPoints:
    """The cheap pass listing where ``atom`` may match: the words an atom can open with
    (whole, or glued to the next: "onethird", "tenfold"), "a"/"an" only before the
    words they count, digits and vulgar fractions; it mirrors ``_atom_patterns``."""

    def first(phrase: str) -> str:
        m = re.match(r"\w++", phrase.lower())
        if m is None:
            raise OptionError(f"an atom word must open with a letter or digit: {phrase!r}")
        return m.group()

    fractions = [first(f) for f in lex.fractions]
    small = [w for w, v in lex.words.items() if 1 <= v <= 10]  # lexicon's small_words
    openers = {first(w) for w in (*lex.words, *lex.multipliers, *lex.vague, *fractions)}
    openers |= {w for w in _FRACTION_COUNTS + _FOLD_TENS if w not in ("a", "an")}
    openers |= {c + f for c in _FRACTION_COUNTS for f in fractions}  # "onethird", "ahalf"
    openers |= {w.lower() + "fold" for w in (*small, *_FOLD_TENS)}  # "tenfold"
    follows = (*fractions, *_AFTER_A)
    # the fixed names nonclaims.named_at looks for (lexicon.scanner: those opening with \w)
    names = [n for n in lex.named_numbers if re.match(r"\w", n)]
    return EntryPoints(openers, {"a": follows, "an": follows}, "".join(lex.vulgar), names)


def _of_gap(lex: ScannerLexicon) -> re.Pattern[str]:
    """ "of", "out of", then a determiner or a possessor, before the whole of a part."""
    return compile_pattern(
        rf"""{_SP}++(?:of|out{_SP}++of){_SP}++
        (?:(?i:{lex.whole_determiners}){_SP}++)?
        (?:(?:(?P<poss>[A-Z][\w.&-]*+(?:{_SP}[A-Z][\w.&-]*+){{0,2}})|[a-z][a-z-]*+)
          (?:'s|’s|'|’){_SP}++
        )?
        (?:(?i:{lex.whole_modifiers}){_SP}++)?
        (?:(?i:a{_SP}++)?(?i:total){_SP}++of{_SP}++)?""",
        re.VERBOSE,
    )


# Gaps between two figures that make them one claim.
RANGE_GAP: Final = (
    compile_pattern(rf"{_SP}*+[–—]{_SP}*+|-(?=\d)|{_SP}++-{_SP}++(?=\d)|{_SP}++to{_SP}++")
)
AND_GAP: Final = compile_pattern(rf"{_SP}++and{_SP}++")
UP_TO_GAP: Final = compile_pattern(rf"{_SP}++up{_SP}++to{_SP}++")  # "from 300 sq m up to 700 sq m"
# A multiple written with "times" after a bare count ("3.5 times earnings", "orbited 200 times").
TIMES: Final = compile_pattern(rf"{_SP}++times(?![\w-])")
# Between the two levels of a movement: "from 4.8% [in 2019 to] 5.1%", "from 190 pounds [to] 176",
# "from 28 mpg [combined to] 31", "from 3% [last year to] 4%".
MOVE_TO_GAP: Final = compile_pattern(
    rf"{_SP}++(?:(?:in{_SP}++(?:19|20)\d\d|(?!to{_SP})[a-z]++(?:{_SP}++(?!to{_SP})[a-z]++)?+){_SP}++)?+"
    rf"to{_SP}++"
)
OR_GAP: Final = compile_pattern(rf"{_SP}++or{_SP}++")
# Two alternatives, the unit written with the second only: "about 3 or $4", "a 10- or 12-inch display".
ALTERNATIVE_GAP: Final = compile_pattern(rf"-?+{_SP}++or{_SP}++")
BETWEEN_LEFT: Final = compile_pattern(r"(?i)(?<![\w])(?:between|from)[ \u00a0]++$")
NEXT_WORD: Final = compile_pattern(rf"{_SP}++(?P<w>[A-Za-z][\w'’.&-]*+)")
NAMED_REACH: Final = 24  # longer than any name in exclusions.toml [named]
ADDRESS_WORD: Final = compile_pattern(
    rf"{_SP}++(?P<w>[A-Z][\w'’.-]*+|\d{{1,4}}(?:st|nd|rd|th)|[NSEW]\.?)(?=[\s,;]|$)"
)
SLASH_FRACTION: Final = compile_pattern(r"(?P<n>\d{1,3})[/⁄](?P<d>\d{1,4})(?![\d/⁄.,]\d|[\d/⁄])")
OF: Final = compile_pattern(r"[ \u00a0]++of(?![\w])")
# "1.99×10^30", "2.998 x 10−8", "6.02×10²³"
SCIENTIFIC: Final = compile_pattern(
    r"[ \u00a0]?+[×xX*][ \u00a0]?+10(?:\^|\*\*)?(?P<exp>[−-]?\d{1,3}+|⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}+)(?![\d.,])"
)
SUPERSCRIPT: Final = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")
LOWER_WORD: Final = compile_pattern(r"[a-z]++")
MINUS: Final = compile_pattern(r"(?i)(?<![\w])minus(?:-|[ \u00a0]++)$")
CLOCK: Final = compile_pattern(r"[:.][0-5]\d(?!\d)")
SCORE_WINDOW: Final = 40


def may_end_with(text: str, lo: int, hi: int, last: str, hyphen: bool) -> bool:
    """False when ``text[lo:hi]`` cannot end as ``<word>(?:-|[ \u00a0]++)$`` does with the
    word's last character in ``last`` (the "-" only with ``hyphen``): a cheap test before
    searching the window with such a pattern (True says nothing)."""
    if hi <= lo:
        return False
    c = text[hi - 1]
    if c == "\n":
        return True  # "$" also matches before a final newline
    if hyphen and c == "-":
        j = hi - 1
    elif c in " \u00a0":
        j = hi - 1
        while j > lo and text[j - 1] in " \u00a0":
            j -= 1
    else:
        return False
    return j > lo and text[j - 1] in last


def may_end_spaced(text: str, lo: int, hi: int, last: frozenset[str]) -> bool:
    """False when ``text[lo:hi]`` cannot end as ``<word>(?:[ \u00a0]++|-|[ \u00a0]*+-[ \u00a0]*+)$``
    does with the word's last character in ``last``: a cheap test before searching the window
    with such a pattern (True says nothing)."""
    if hi > lo and text[hi - 1] == "\n":
        return True  # "$" also matches before a final newline
    j = hi
    while j > lo and text[j - 1] in " \u00a0":
        j -= 1
    if j > lo and text[j - 1] == "-":
        j -= 1
        while j > lo and text[j - 1] in " \u00a0":
            j -= 1
    return lo < j < hi and text[j - 1] in last
