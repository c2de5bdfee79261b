"""The derived checks on the two seed articles (../shared/seeds), with the dates of their texts.

Article 000 is of 31 March 2022: its "month-long offensive" (since 24 February) and "nearly
eight years" (since 2014) are both consistent, and nothing is flagged that a careful reader
would not flag.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from figcheck.documents import Document
from figcheck.pipeline import check

DERIVED = {"change_mismatch", "sum_mismatch", "share_mismatch", "duration_mismatch"}


@pytest.fixture(scope="module")
def seeds(shared_dir: Path) -> list[Path]:
    paths = sorted((shared_dir / "seeds").glob("*.txt"))
    if len(paths) < 2:
        pytest.skip("needs the two seed articles")
    return paths


def test_both_seed_durations_are_consistent(seeds: list[Path]) -> None:
    doc = Document("seed0", seeds[0].read_text(encoding="utf-8"), {"date": "2022-03-31"})
    report = check([doc])
    assert [f for f in report.findings if f.check.value in DERIVED] == []
    held = {c.claim.text for c in report.corroborations if c.message.startswith("duration_")}
    assert {"month-long", "nearly eight years"} <= held


def test_nothing_derived_is_flagged_in_the_seeds(seeds: list[Path]) -> None:
    docs = [Document(p.name, p.read_text(encoding="utf-8"), {"date": d})
            for p, d in zip(seeds, ["2022-03-31", "2023-06-24"])]
    assert [f.message for f in check(docs).findings if f.check.value in DERIVED] == []
