"""The words near a figure, read once per sentence shape, equal a plain reading of each claim;
checking a generated corpus gives the same records either way. Our own sentences throughout."""

from __future__ import annotations

import pickle
import random
import re
from collections.abc import Sequence

import pytest

import figcheck
from figcheck import Document
from figcheck.checking import frames as frames_module
from figcheck.checking.evidence import Field
from figcheck.checking.nearby import NearbyWords, masked, nearby_words, phrase_words
from figcheck.checking.wordlists import align_words, root
from figcheck.claims import Claim
from figcheck.extraction.extractor import extract
from figcheck.lexicon.context import default_lexicon
from figcheck.lexicon.matching import matching_lexicon, words

TOWNS = ["Ardmore", "Belcaster", "the Fenland District", "Quarry Hill"]
YEARS = ["2016", "2018"]
# Several figures to a sentence, numbers that are not claims, change words near and far,
# "to" between a change word and its figure, ranges, brackets and dashes.
TEMPLATES = [
    "Storms in {town} left {a} people dead and {b} hurt in {year}, up from {c} a year before.",
    "Bus fares in {town} rose {p}% to {a} cents in {year} — the first rise since 2009.",
    "Rescuers in {town} found {a} to {b} survivors; {c} remain missing, the mayor said.",
    "The {town} reservoir (built in 1987) held {a} cubic metres in {year}, about {b} gallons.",
    "Wheat exports from {town} fell {p}% in {year} to {a} tonnes, against {b} tonnes in 2014.",
    "In {year}, {a} of the {b} schools in {town} were closed for {c} days.",
    "{town} hired {a} nurses in {year}, {b} more than planned, at a cost of ${c} million.",
    "Turnout in {town} reached {p}% in {year}, compared with {q}% at the last vote.",
]


def story_corpus(docs: int, seed: int) -> list[Document]:
    """``docs`` short stories of three sentences each, from the templates, figures at random."""
    rng = random.Random(seed)
    out = []
    for i in range(docs):
        sentences = []
        for _ in range(3):
            n = [rng.randint(2, 90_000) for _ in range(3)]
            sentences.append(rng.choice(TEMPLATES).format(
                town=rng.choice(TOWNS), year=rng.choice(YEARS), a=f"{n[0]:,}", b=f"{n[1]:,}",
                c=f"{n[2]:,}", p=f"{rng.uniform(1, 40):.1f}", q=f"{rng.uniform(1, 40):.1f}"))
        text = " ".join(s[0].upper() + s[1:] for s in sentences)
        out.append(Document(f"story{i:03d}", text))
    return out


# --- a plain reading: each claim on its own, every distance counted token by token -------------

_TOKEN = re.compile(r"[^\W\d_]++(?:['’-][^\W\d_]++)*+|[,;:()\[\]—–]")
_DIGITS = re.compile(r"\d++(?:[.,]\d++)*+")
_TO = re.compile(r"\b(?:to|at|from)\b", re.IGNORECASE)
_PUNCT = frozenset(",;:()[]—–")


def plain_reading(claim: Claim, others: Sequence[Claim]) -> NearbyWords:
    """The words near ``claim``'s figure as the module documents them, computed directly."""
    aw, stop = align_words(), matching_lexicon().stopwords
    s, base = claim.sentence, claim.sentence_start
    own = (claim.start - base, claim.end - base)
    spans = [(o.start - base, o.end - base) for o in others]
    spans += [(m.start(), m.end()) for m in _DIGITS.finditer(s)
              if not any(a <= m.start() < b for a, b in [own, *spans])]
    figures = [own, *spans]
    tokens = [(m.start(), m.end(), m.group().casefold()) for m in _TOKEN.finditer(s)]
    tokens = [t for t in tokens if not any(a <= t[0] < b for a, b in figures)]
    tokens = sorted(tokens + [(a, b, "#") for a, b in figures])

    def content(t: tuple[int, int, str]) -> bool:
        return t[2] != "#" and t[2] not in _PUNCT and t[2] not in stop

    def place(i: int) -> tuple[int, float]:  # content words before token i, boundary cost to it
        before = sum(1 for t in tokens[:i] if content(t))
        cost = sum(2.0 for t in tokens[: i + 1] if t[2] in aw.boundaries or t[2] in _PUNCT)
        return before, cost

    def anchor(span: tuple[int, int]) -> tuple[float, float]:
        k = next((i for i, t in enumerate(tokens) if t[0] >= span[0]), len(tokens))
        return sum(1 for t in tokens[:k] if content(t)) - 0.5, (place(k - 1)[1] if k else 0.0)

    def distance(i: int, at: tuple[float, float]) -> float:
        rank, cost = place(i)
        return abs(rank - at[0]) + abs(cost - at[1])

    def weight(i: int) -> float:
        d = distance(i, anchor(own))
        w = 1.0 / (1.0 + max(0.0, d - 0.5) / 3.0)
        return w * 0.3 if any(distance(i, anchor(o)) < d for o in spans) else w

    local: dict[str, float] = {}
    said: dict[str, str] = {}
    cue = 0.0
    for i, (start, end, tok) in enumerate(tokens):
        if tok == "#" or tok in _PUNCT:
            continue
        if tok in aw.change_cues and claim.unit != "count":
            w = weight(i)
            lo, hi = (end, own[0]) if start < own[0] else (own[1], start)
            cue = max(cue, min(w, 0.6) if w < 1.0 else 0.0 if _TO.search(s[lo:hi]) else 1.0)
        for word in words(tok):
            if word in stop or word in aw.ignore or len(word) < 2:
                continue
            said.setdefault(root(word), word)
            local[root(word)] = max(local.get(root(word), 0.0), weight(i))
    event = None
    index = default_lexicon().concepts
    i = 0
    while i < len(tokens):
        found = next(((rest, label, kind) for rest, label, kind in index.get(tokens[i][2], ())
                      if kind != 2 and tuple(t[2] for t in tokens[i + 1: i + 1 + len(rest)])
                      == rest), None)
        if found is None:
            i += 1
            continue
        rest, label, kind = found
        last = i + len(rest)
        concept = " ".join(phrase_words(label))
        surface = " ".join(t[2] for t in tokens[i: last + 1])
        w = max(weight(k) for k in range(i, last + 1))
        if w > local.get(concept, 0.0):
            local[concept] = w
            said[concept] = surface if surface != concept else said.get(concept, concept)
        if kind == 0 and (event is None or w > event[1]):
            event = (concept, w)
        i = last + 1
    return NearbyWords(local, {k: v for k, v in said.items() if k != v}, event, cue)


def _others(claim: Claim, claims: Sequence[Claim]) -> list[Claim]:
    return [o for o in claims if o is not claim and o.doc_id == claim.doc_id
            and o.sentence_start == claim.sentence_start
            and not (o.start < claim.end and claim.start < o.end)]


@pytest.fixture(scope="module")
def corpus_claims() -> list[Claim]:
    return [c for doc in story_corpus(40, seed=3) for c in extract(doc)]


def test_the_reading_of_every_claim_equals_the_plain_reading(corpus_claims: list[Claim]) -> None:
    assert len(corpus_claims) > 200
    for c in corpus_claims:
        others = _others(c, corpus_claims)
        assert nearby_words(c, others) == plain_reading(c, others), c.sentence


def test_a_sentence_read_again_with_other_figures_reads_the_same() -> None:
    one = extract("Floods in Ardmore killed 12 people and injured 340 in 2016, up from 9.")
    two = extract("Floods in Ardmore killed 1,274 people and injured 5 in 2016, up from 80.5.")
    assert [c.unit for c in one] == [c.unit for c in two]
    for a, b in zip(one, two, strict=True):
        got = nearby_words(b, _others(b, two))
        assert got == nearby_words(a, _others(a, one))
        assert got == plain_reading(b, _others(b, two))


def test_masking_moves_the_spans_with_the_digits() -> None:
    s = "Fares rose 12.5% to 1,040 cents in 2016."
    text, own, others = masked(s, (11, 16), [(20, 31)])
    assert text == "Fares rose 0% to 0 cents in 0."
    assert text[own[0]: own[1]] == "0%" and text[others[0][0]: others[0][1]] == "0 cents"


def test_a_span_edge_inside_a_run_of_digits_leaves_the_sentence_as_it_is() -> None:
    s = "Code 4417 was used by 35 people."
    assert masked(s, (7, 9), []) == (s, (7, 9), ())  # "17", the end of a longer number
    assert masked(s, (22, 31), [])[0] == "Code 0 was used by 0 people."


def test_checking_a_generated_corpus_gives_the_same_records_with_the_plain_reading(
        monkeypatch: pytest.MonkeyPatch) -> None:
    docs = story_corpus(60, seed=11)

    def records(report: figcheck.Report) -> list[list[dict[str, object]]]:
        return [[r.model_dump(mode="json") for r in rs]
                for rs in (report.findings, report.corroborations, report.statuses)]

    shaped = records(figcheck.check(docs))
    monkeypatch.setattr(frames_module, "nearby_words", plain_reading)
    plain = records(figcheck.check(docs))
    assert len(shaped[0]) > 10 and len(shaped[1]) > 0  # conflicts and corroborations to compare
    assert shaped == plain


def test_a_field_s_words_may_be_built_when_first_read() -> None:
    made = []

    def text() -> str:
        made.append(1)
        return "same period: 2016"

    lazy = Field("period", 1.5, text)
    assert made == []
    assert lazy.text == "same period: 2016" and lazy.text == "same period: 2016"
    assert made == [1]
    assert lazy == Field("period", 1.5, "same period: 2016")
    assert lazy != Field("period", 1.0, "same period: 2016")
    assert pickle.loads(pickle.dumps(Field("words", 0.5, lambda: "shared words: dam"))) == \
        Field("words", 0.5, "shared words: dam")
    renamed = Field("unit measure", 2.0, lambda: "same measure: depth").renamed(
        "unit", "same measure", "same kind of measure")
    assert renamed == Field("unit", 2.0, "same kind of measure: depth")
