"""A claim's measure head: its noun phrase and concept turned into a normalised head and qualifiers.

"fatalities" under "deaths" is a death, "homes" with "destroyed" a home qualified as
destroyed, "3,100 civilians" under "deaths" a death of civilians.

Word lists are data: ``data/measures.toml``, loaded by
:func:`figcheck.lexicon.measures.default_measures`.
"""

from __future__ import annotations

from ...lexicon.context import default_lexicon
from ...lexicon.measures import MeasureLexicon, default_measures
from .nouns import lemma

__all__ = ["measure_head"]


def measure_head(
    noun: str | None,
    concept: str | None,
    event: bool,
    scale: str | None = None,
    lex: MeasureLexicon | None = None,
) -> tuple[str | None, tuple[str, ...]]:
    """The normalised measure and its qualifiers from a claim's noun phrase and concept.

    The head word is lemmatised; a person noun under an event concept gives the event
    ("40 people killed" -> "death"); modifiers listed as qualifiers and an event verb
    applied to a thing ("destroyed 300 homes") become qualifiers.

    >>> measure_head("civilians", "deaths", True)
    ('death', ('civilian',))
    >>> measure_head("homes", "destroyed", True)
    ('home', ('destroyed',))
    >>> measure_head("fatalities", "deaths", True)
    ('death', ())
    """
    lex = lex or default_measures()
    if scale is not None:
        return scale, ()
    event_word = concept if event else None
    words = noun.split() if noun else []
    if not words:  # the concept alone: "[deaths] rose to 40"
        return (lex.event_heads.get(event_word) or event_word if event_word else concept), ()
    if event_word is None and len(words) == 1:
        return _head_form(words[0]), ()  # one word and no event: no qualifier to find
    quals = [lemma(w) if w.endswith("s") else w for w in words[:-1] if w in lex.qualifiers]
    rest = [w for w in words[:-1] if w not in lex.qualifiers and w not in lex.descriptive]
    head_word = words[-1] if words else None
    event_head = lex.event_heads.get(event_word) if event_word else None
    if event_head is not None and head_word in lex.groups:
        quals.append(lemma(head_word))  # "3,100 civilians" under "deaths"
        return event_head, tuple(dict.fromkeys(quals))
    if event_head is not None and (head_word is None or head_word in lex.people):
        return event_head, tuple(dict.fromkeys(quals))
    if event_word is not None and head_word is not None and _names_event(head_word, event_word):
        # "fatalities" under "deaths"; "prices" under "cost" is no qualifier of itself
        return event_head or " ".join([*rest, _head_form(head_word)]), tuple(dict.fromkeys(quals))
    if head_word is None:
        if event_word is not None:
            return event_head or event_word, tuple(dict.fromkeys(quals))
        return concept, tuple(dict.fromkeys(quals))
    head = " ".join([*rest, _head_form(head_word)])
    if event_word is not None and event_head is None and lemma(event_word) != lemma(head_word):
        quals.append(event_word)  # "homes destroyed", "vehicles captured"
    return head, tuple(dict.fromkeys(quals))


def _head_form(word: str) -> str:
    """The dictionary form of a head noun; a noun in -ing stays ("spending", "borrowing")."""
    return word if word.endswith("ing") else lemma(word)


def _names_event(word: str, event: str) -> bool:
    """Is ``word`` itself a term of the concept ``event`` ("fatalities" of "deaths")?"""
    phrases = default_lexicon().concepts.get(word, ())
    return any(not rest and label == event for rest, label, _kind in phrases)
