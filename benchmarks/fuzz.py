"""Fuzz figcheck end to end: extract, check against a reference table, every exporter.

Usage:
    python benchmarks/fuzz.py [--inputs 100000] [--seed 0] [--check-every 13] [--jobs N]
                              [--max-len 400] [--show 5]

Each input is one of three shapes, drawn from a seeded generator so that a run is
reproducible input by input:

- ``unicode``: random characters, weighted towards the ones that break text code
  (exotic spaces and line breaks, lone surrogates, combining marks, bidi controls,
  case-folding letters such as ``İ``, digits of other scripts, emoji);
- ``noise``: figure-shaped tokens (grouped digits with every kind of separator,
  hedges, scale words in odd cases, units, ``×10^N`` with huge exponents, "of",
  ranges) glued with punctuation and line breaks;
- ``mutated``: sentences written for this script, mutated by inserting, deleting,
  swapping and re-casing characters.

Every input goes through :func:`figcheck.extract` twice (the results must be equal)
and its claims are checked against the invariants: ``text[start:end] == claim.text``,
sentence offsets around the claim, ``low <= value <= high``, a finite value, no NaN,
and ``line``/``column`` as ``str.splitlines()`` cuts the text. Every ``--check-every``-th
input is also run through :func:`figcheck.check` with an in-memory reference table, and
the report through every exporter (frame, CSV and its round trip through ``read_csv``,
JSON, JSON Lines, text, HTML when available, the claims frame); findings must carry no
NaN. Prints the counts; exits 1 when any exception or violation was seen.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
import sys
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import figcheck
from figcheck.report import read_csv

# --- generators -------------------------------------------------------------------------------

_SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x85\xa0\u1680\u2002\u2009\u200a\u202f\u205f\u3000\u2028\u2029"
_HARD = (
    "\ud800\udc80\udfff"  # lone surrogates
    "\u0301\u0308\u20dd"  # combining marks
    "\u202e\u202d\u200e\u200f\u2066\u2069\ufeff\u200b\u200d"  # bidi and zero-width controls
    "İıſﬀﬁẞßΣς"  # letters whose case-folding changes length or is irregular
    "٣۴७๒０１２³½¼⅓"  # digits of other scripts, superscripts, vulgar fractions
    "%‰$£€¥₹×^·.,;:!?'\"()[]-–—/"
    "\U0001f600\U0001f1fa\U0001f1e6\x00\x7f\ufffd"
)
_HEDGES = ["", "", "nearly ", "about ", "over ", "at least ", "fewer than ", "almost ", "up to ",
           "some ", "more than ", "roughly ", "just under "]
_SCALES = ["", "", " million", " bn", "bn", " billion", " BİLLİON", " bİllion", " Mİ", "k", " thousand",
           " Million", " MILLION", " trillion", " dozen", " hundred"]
_UNITS = ["", "", " people", "%", " per cent", " percent", " miles", " km", " kg", " years", " days",
          " tanks", " homes", " deaths", " metres", " m²", " mph", " °C", " hours"]
_CURRENCY = ["", "", "", "$", "£", "€", "US$", "USD "]
_GLUE = [" ", " ", " ", ", ", ". ", " of ", " out of ", " and ", " to ", "–", "-", " (", ") ", "; ",
         "\n", "\r\n", "\u2028", "\x0c", " between ", " from ", " rose by ", " fell to "]
_WORDS = ["the army", "officials said", "killed", "were lost", "of its", "in 2014", "since 1991",
          "Dr", "J.", "U.S.", "No.", "a third of", "one in five", "half", "twice", "twenty-one",
          "per", "population", "census", "Tarville", "the ministry", "injured", "at", "about"]

# Sentences of the kinds figcheck reads, written for this script.
_TEMPLATES = [
    "The storm destroyed 1,204 homes and damaged nearly 3,000 more in Tarville.",
    "Of the 250 ferries in service, 312 were inspected last year (80%).",
    "Officials said about 4.5 million people live in the region, up from 4.1 million in 2010.",
    "The bridge is 12 miles long and cost $1.3bn, roughly twice the first estimate.",
    "Between 300 and 450 workers were hired; unemployment fell by 2.5% to 7.1%.",
    "At least 1,600 civilians were injured, the ministry said on 3 March 2021.",
    "Exports rose 14 per cent to €2.3 billion, while imports were flat at £900m.",
    "One in five residents (20%) lives more than 30 km from a hospital.",
    "The survey of 1\u202f200 adults found 45% of 7 respondents agreed.",
    "Over 12\xa0000 tonnes of grain, about 3×10^4 sacks, left the port in 48 hours.",
]


def _unicode(rng: random.Random, max_len: int) -> str:
    n = rng.randint(0, max_len)
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.35:
            out.append(chr(rng.randint(0x20, 0x7E)))
        elif r < 0.5:
            out.append(rng.choice("0123456789"))
        elif r < 0.65:
            out.append(rng.choice(_SPACES))
        elif r < 0.85:
            out.append(rng.choice(_HARD))
        else:
            cp = rng.randint(0x80, 0x10FFFF)
            out.append(chr(cp))
    return "".join(out)


def _digits(rng: random.Random) -> str:
    n = rng.choice([rng.randint(0, 99), rng.randint(0, 99_999), rng.randint(0, 10**12)])
    sep = rng.choice([",", ",", " ", "\xa0", "\u202f", "\u2009", ".", "'", ""])
    body = f"{n:,}".replace(",", sep) if n >= 1000 else str(n)
    if rng.random() < 0.3:
        body += rng.choice([".", ","]) + str(rng.randint(0, 999))
    if rng.random() < 0.08:
        body += rng.choice(["×10^", "x10^", "e", "E", " × 10^", "×10"]) + str(
            rng.choice([rng.randint(-5, 12), rng.randint(300, 330), rng.randint(0, 10**6)])
        )
    return body


def _figure(rng: random.Random) -> str:
    return (rng.choice(_HEDGES) + rng.choice(_CURRENCY) + _digits(rng) + rng.choice(_SCALES)
            + rng.choice(_UNITS))


def _noise(rng: random.Random, max_len: int) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(1, 14)):
        parts.append(_figure(rng) if rng.random() < 0.55 else rng.choice(_WORDS))
        parts.append(rng.choice(_GLUE))
    return "".join(parts)[:max_len]


def _mutated(rng: random.Random, max_len: int) -> str:
    chars = list(" ".join(rng.sample(_TEMPLATES, rng.randint(1, 3))))
    for _ in range(rng.randint(1, 8)):
        if not chars:
            break
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.3:
            chars.insert(i, rng.choice(_HARD + _SPACES + "0123456789"))
        elif op < 0.5:
            del chars[i]
        elif op < 0.7:
            j = rng.randrange(len(chars))
            chars[i], chars[j] = chars[j], chars[i]
        elif op < 0.85:
            chars[i] = chars[i].upper() if rng.random() < 0.5 else chars[i].lower()
        else:
            chars[i:i] = list(rng.choice(_SPACES) * rng.randint(1, 3))
    return "".join(chars)[: max_len * 2]


SHAPES = {"unicode": _unicode, "noise": _noise, "mutated": _mutated}


def make_input(seed: int, index: int, max_len: int) -> tuple[str, str]:
    """The (shape, text) of input ``index`` of the run seeded with ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    shape = rng.choice(list(SHAPES))
    return shape, SHAPES[shape](rng, max_len)


# --- the reference table used by check() -----------------------------------------------------

REFERENCE_ROWS = [
    # subject, measure, value, unit, low, high
    ("Tarville", "homes destroyed", 1204, "count", None, None),
    ("Tarville", "population", 4_500_000, "count", 4_400_000, 4_600_000),
    ("Tarville", "unemployment", 7.1, "percent", None, None),
    ("Tarville", "bridge length", 12, "mile", None, None),
    ("Tarville", "civilians injured", 1600, "count", 1600, math.inf),
    ("Tarville", "exports", 2.3e9, "EUR", None, None),
    ("Tarville", "port grain", 12_000, "tonne", None, None),
]


def reference_frame():  # -> pandas.DataFrame
    """The in-memory reference table every check() run uses."""
    import pandas as pd

    rows = [dict(zip(("subject", "measure", "value", "unit", "low", "high"), r)) for r in REFERENCE_ROWS]
    return pd.DataFrame(rows)


# --- invariants -------------------------------------------------------------------------------


def _line_starts(text: str) -> list[int]:
    starts, pos = [], 0
    for line in text.splitlines(keepends=True):
        starts.append(pos)
        pos += len(line)
    return starts or [0]


def claim_violations(text: str, claims: list[figcheck.Claim]) -> list[str]:
    """What is wrong with ``claims`` as the extraction of ``text`` (empty when all holds)."""
    import bisect

    bad = []
    starts = _line_starts(text)
    for c in claims:
        if text[c.start : c.end] != c.text:
            bad.append("offsets: text[start:end] != claim.text")
        if not (0 <= c.sentence_start <= c.start <= c.end <= c.sentence_end <= len(text)):
            bad.append("offsets: claim outside its sentence")
        numbers = [c.value, c.low, c.high] + ([c.whole] if c.whole is not None else [])
        if any(math.isnan(x) for x in numbers):
            bad.append("number: NaN")
        if not math.isfinite(c.value) or (c.whole is not None and not math.isfinite(c.whole)):
            bad.append("number: infinite value")
        if not c.low <= c.value <= c.high:
            bad.append("number: low <= value <= high fails")
        i = bisect.bisect_right(starts, c.start) - 1
        if (c.line, c.column) != (i + 1, c.start - starts[i] + 1):
            bad.append("position: line/column disagree with str.splitlines()")
    return bad


def report_violations(report: figcheck.Report) -> list[str]:
    """Exports every form of ``report`` and returns what is wrong with them."""
    import pandas as pd

    bad = []
    for f in report.findings:
        for x in (f.rel_diff, f.expected_low, f.expected_high, f.claimed_low, f.claimed_high):
            if x is not None and math.isnan(x):
                bad.append(f"finding: NaN in {f.check}")
    frame = report.to_frame()
    text = report.to_csv()
    back = read_csv(io.StringIO(text))
    try:
        pd.testing.assert_frame_equal(back, frame)
    except AssertionError:
        bad.append("export: CSV round trip changes the frame")
    buffer = io.BytesIO()
    report.to_csv(buffer)
    buffer.getvalue().decode("utf-8")
    doc = json.loads(report.to_json(), parse_constant=lambda c: bad.append(f"export: {c} in JSON"))
    if len(doc["findings"]) != len(report.findings) or len(doc["claims"]) != len(report.claims):
        bad.append("export: JSON lost findings or claims")
    lines = (report.to_jsonl() or "").splitlines()
    if len(lines) != len(report.findings) + len(report.claims):
        bad.append("export: JSON Lines lost findings or claims")
    for line in lines:
        json.loads(line, parse_constant=lambda c: bad.append(f"export: {c} in JSON Lines"))
    report.to_text()
    if hasattr(report, "to_html"):
        report.to_html().encode("utf-8")
    report.claims_frame()
    return bad


# --- the run ----------------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts of one worker's share of the run (merged at the end)."""

    inputs: Counter = field(default_factory=Counter)
    claims: int = 0
    checks: int = 0
    findings: int = 0
    exceptions: Counter = field(default_factory=Counter)
    violations: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)
    slowest: tuple[float, int] = (0.0, -1)

    def merge(self, other: Tally) -> None:
        self.inputs.update(other.inputs)
        self.claims += other.claims
        self.checks += other.checks
        self.findings += other.findings
        self.exceptions.update(other.exceptions)
        self.violations.update(other.violations)
        for k, v in other.examples.items():
            self.examples.setdefault(k, v)
        self.slowest = max(self.slowest, other.slowest)


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    last = frames[-1] if frames else None
    at = f" at {Path(last.filename).name}:{last.lineno}" if last else ""
    return f"{type(exc).__name__}{at}"


def run_chunk(args: tuple[int, int, int, int, int]) -> Tally:
    """Run inputs ``[first, last)`` of the run seeded ``seed``; return their tally."""
    seed, first, last, check_every, max_len = args
    import warnings

    warnings.simplefilter("ignore")  # a warning is an answer, not a failure
    reference = figcheck.ReferenceTable.load(reference_frame())
    figcheck.check(["Warm-up: 40 of the 52 buses, about 12% of them, cost $1.2 million."], reference)
    tally = Tally()
    for index in range(first, last):
        shape, text = make_input(seed, index, max_len)
        tally.inputs[shape] += 1
        stage = "extract"
        try:
            t0 = time.perf_counter()
            claims = figcheck.extract(text)
            tally.slowest = max(tally.slowest, (time.perf_counter() - t0, index))
            tally.claims += len(claims)
            problems = claim_violations(text, claims)
            if figcheck.extract(text) != claims:
                problems.append("determinism: a second extract() differs")
            if index % check_every == 0:
                stage = "check"
                report = figcheck.check([figcheck.Document(f"d{index}\udc80", text)], reference)
                tally.checks += 1
                tally.findings += len(report.findings)
                stage = "export"
                problems += report_violations(report)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - a Rust panic is a BaseException
            key = f"{stage}: {_where(exc)}"
            tally.exceptions[key] += 1
            tally.examples.setdefault(key, (index, text, f"{exc}"[:200]))
            continue
        for p in problems:
            tally.violations[p] += 1
            tally.examples.setdefault(p, (index, text, ""))
    return tally


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer and print its counts; 1 when anything failed."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--check-every", type=int, default=13,
                    help="run check() and the exporters on every N-th input")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--max-len", type=int, default=400)
    ap.add_argument("--show", type=int, default=5, help="examples printed per failure kind")
    args = ap.parse_args(argv)
    step = 500
    chunks = [(args.seed, i, min(i + step, args.inputs), args.check_every, args.max_len)
              for i in range(0, args.inputs, step)]
    total = Tally()
    t0 = time.perf_counter()
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            for t in pool.map(run_chunk, chunks):
                total.merge(t)
    else:
        for c in chunks:
            total.merge(run_chunk(c))
    elapsed = time.perf_counter() - t0
    n = sum(total.inputs.values())
    print(f"inputs: {n} ({', '.join(f'{k} {v}' for k, v in sorted(total.inputs.items()))}); "
          f"seed {args.seed}; {elapsed:.0f} s")
    print(f"claims: {total.claims}; check() runs: {total.checks}, findings: {total.findings}")
    print(f"slowest extract: {total.slowest[0]:.3f} s (input {total.slowest[1]})")
    print(f"exceptions: {sum(total.exceptions.values())}")
    for key, count in total.exceptions.most_common():
        index, text, message = total.examples[key]
        print(f"  {count:6}  {key}: {message}\n          input {index}: {text[:120]!r}")
    print(f"invariant violations: {sum(total.violations.values())}")
    for key, count in total.violations.most_common():
        index, text, _ = total.examples[key]
        print(f"  {count:6}  {key}\n          input {index}: {text[:120]!r}")
    return 1 if total.exceptions or total.violations else 0


if __name__ == "__main__":
    sys.exit(main())
