"""The scanner's grammar: regex fragments and compiled patterns.

Word lists are not here: they come from the Lexicon (``figcheck/data``) and are
merged into these patterns by ``_atom_patterns``. Every repetition is bounded or
possessive, so matching stays linear in the text length.
"""

from __future__ import annotations

import re

from ..lexicon.scanner import Lexicon, alternation

_SP = r"[ \u00a0]"
# Bounded repetitions: a digit run longer than any real figure is not a figure, and the
# bounds keep every match short, so the scan stays linear on hostile input.
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3}){1,7}+(?!\d|,\d)"  # 1,351  14,000
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}){1,4}+(?![\d,.]|[ \u00a0\u202f\u2009]\d)"  # 14 000
    r"|\d{1,15}+(?!\d))"
    r"(?:\.\d{1,12}+(?!\d))?"
)


def _atom_patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(any atom, figure atoms only): the scanner's entry patterns, built from the word lists."""
    fractions = alternation(list(lex.fractions))
    words = alternation(list(lex.words) + list(lex.multipliers))
    vague = alternation(list(lex.vague))
    small = lex.small_words
    ratio = rf"""
        (?P<vague>(?i:{vague})(?={_SP}++of(?![\w])))
        |(?P<ratio>(?<![\w.,$£€¥])
            (?P<rnum>\d{{1,3}}|(?i:{small}))
            {_SP}++(?P<rsep>in|out{_SP}++of){_SP}++
            (?P<rden>\d{{1,4}}(?!\d|[.,]\d)|(?i:{small}|twenty|fifty|a{_SP}hundred|hundred|a{_SP}thousand))
            (?![\w])
        )
        |(?P<frac>(?<![\w-])
            (?P<fnum>(?i:a|an|one|two|three|four|five|six|seven|eight|nine){_SP}*+-?{_SP}*+)?
            (?P<fden>(?i:{fractions}))(?![\w])
        )"""
    figure = rf"""
        (?P<fold>(?:\d{{1,4}}+(?:\.\d{{1,3}}+)?|(?i:{small}|twenty|fifty|hundred|thousand))-?(?i:fold)(?![\w]))
        |(?P<num>(?<![\w.,/]){_DIGITS})
        |(?P<word>(?<![\w-])
            (?i:(?:a{_SP}++(?=(?:dozen|hundred|thousand|million|billion|trillion)\b))?
            (?:{words})
            (?:(?:{_SP}++and{_SP}++|{_SP}++|-)(?:{words})(?![\w])){{0,12}}+)
            (?![\w])
        )"""
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
    return (
        re.compile(r"\b(?:" + ratio + "|" + figure + ")" + decimal, re.VERBOSE),
        re.compile(r"\b(?:" + figure + ")" + decimal, re.VERBOSE),
    )


# Gaps between two figures that make them one claim.
_RANGE_GAP = re.compile(rf"{_SP}*+[–—]{_SP}*+|-(?=\d)|{_SP}++-{_SP}++(?=\d)|{_SP}++to{_SP}++")
_AND_GAP = re.compile(rf"{_SP}++and{_SP}++")
_OR_GAP = re.compile(rf"{_SP}++or{_SP}++")
_BETWEEN_LEFT = re.compile(r"(?i)(?<![\w])(?:between|from)[ \u00a0]++$")
_OF_GAP = re.compile(
    rf"""{_SP}++(?:of|out{_SP}++of){_SP}++
    (?:(?i:the|its|their|his|her|our|these|those|this|that|all|all{_SP}++the){_SP}++
      |(?P<poss>[A-Z][\w.&-]*+(?:{_SP}[A-Z][\w.&-]*+){{0,2}})(?:'s|’s|'|’){_SP}++
    )?
    (?:(?i:total|estimated|reported|registered|remaining|original|combined|entire|overall){_SP}++)?
    (?:(?i:a{_SP}++)?(?i:total){_SP}++of{_SP}++)?""",
    re.VERBOSE,
)
_PERCENT = re.compile(
    rf"(?i){_SP}?+(?P<p>%|per{_SP}?+cent(?:age{_SP}++points?)?|percent(?:age{_SP}++points?)?|pc(?![\w])"
    rf"|pp(?![\w])|percentage{_SP}++points?|points?(?![\w])|pts(?![\w])|‰)"
)
_NEXT_WORD = re.compile(rf"{_SP}++(?P<w>[A-Za-z][\w'’.&-]*+)")
_NAMED_REACH = 24  # longer than any name in exclusions.toml [named]
_PREV_CHARS = 48  # how far left the hedge, currency and change windows look
_ADDRESS_WORD = re.compile(
    rf"{_SP}++(?P<w>[A-Z][\w'’.-]*+|\d{{1,4}}(?:st|nd|rd|th)|[NSEW]\.?)(?=[\s,;]|$)"
)
_SLASH_FRACTION = re.compile(r"(?P<n>\d{1,3})[/⁄](?P<d>\d{1,4})(?![\d/⁄.,]\d|[\d/⁄])")
_OF = re.compile(r"[ \u00a0]++of(?![\w])")
# "1.99×10^30", "2.998 x 10−8", "6.02×10²³"
_SCIENTIFIC = re.compile(
    r"[ \u00a0]?+[×xX*][ \u00a0]?+10(?:\^|\*\*)?(?P<exp>[−-]?\d{1,3}+|⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}+)(?![\d.,])"
)
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")
_LOWER_WORD = re.compile(r"[a-z]++")
_MINUS = re.compile(r"(?i)(?<![\w])minus(?:-|[ \u00a0]++)$")
_CLOCK = re.compile(r"[:.][0-5]\d(?!\d)")
_SCORE_WINDOW = 40
