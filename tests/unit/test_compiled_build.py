"""The mypyc-compiled build (FIGCHECK_COMPILE=1) reads texts exactly as the pure-Python sources.

On a compiled build the claims of a few texts are compared, field by field, with those of the
same sources run interpreted in a subprocess (an import hook that loads figcheck's ``.py`` files
and never its extension modules). FIGCHECK_EXPECT_COMPILED=1 (or 0) makes the suite check which
build it runs, so a CI step meant for the compiled build cannot pass on the pure one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import figcheck
from figcheck.extraction import compiled

TEXTS = [
    "The ferry carried 1,204 passengers and 86 cars on its first crossing in March 2019.",
    "Rents rose 7.5% last year to an average of $1,830 a month, up from $1,700 in 2022.",
    "About two thirds of the 4.2 million voters turned out, against 58 percent in 2016.",
    "The dam holds between 3 and 3.5 billion cubic metres; the reservoir is 40 miles long.",
    "Exports fell by a quarter to €12bn in the second quarter, the ministry said on Tuesday.",
    "A three-fold rise: 45 cases per 100,000 people, compared with 15 a decade earlier.",
    "Nearly half of the 320 staff, aged 18 to 24, earn less than £11.44 an hour.",
]

# Runs the same extraction with figcheck's sources only; prints one JSON list of claims per text.
_PURE = """
import importlib.machinery as m, json, os, sys
root = os.path.dirname(sys.argv[1])
sources = m.FileFinder.path_hook((m.SourceFileLoader, m.SOURCE_SUFFIXES))

def hook(path):
    if os.path.abspath(path).startswith(root):
        return sources(path)
    raise ImportError(path)

sys.path_hooks.insert(0, hook)
sys.path_importer_cache.clear()
import figcheck
from figcheck.extraction import compiled
texts = json.loads(sys.stdin.read())
print(json.dumps({"compiled": compiled(),
                  "claims": [[c.model_dump_json() for c in figcheck.extract(t)] for t in texts]}))
"""


def test_the_build_is_the_one_expected() -> None:
    expected = os.environ.get("FIGCHECK_EXPECT_COMPILED")
    if expected not in ("0", "1"):
        pytest.skip("FIGCHECK_EXPECT_COMPILED is not set")
    assert compiled() is (expected == "1")


def test_compiled_claims_equal_the_pure_sources() -> None:
    if not compiled():
        pytest.skip("the pure-Python build: nothing compiled to compare")
    package = Path(figcheck.__file__).resolve().parent
    out = subprocess.run(
        [sys.executable, "-c", _PURE, str(package)],
        input=json.dumps(TEXTS), capture_output=True, text=True, check=True, timeout=300,
    )
    pure = json.loads(out.stdout)
    assert pure["compiled"] is False
    here = [[c.model_dump_json() for c in figcheck.extract(t)] for t in TEXTS]
    assert sum(map(len, here)) >= 2 * len(TEXTS)
    assert here == pure["claims"]
