"""Documents streamed through figcheck.check: a generator is read once and lazily, its texts
are not kept, and the report equals the one for the same documents as a list, in this process
or in worker processes."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest

import figcheck
import figcheck.checking.streaming as streaming
from figcheck import Document
from figcheck.reference import ReferenceTable

STORIES = [
    ("ferry-a.txt", "The ferry disaster off Calder Point killed 212 passengers in 2019, the "
     "coastguard said. Of the 640 people aboard, 428 were rescued."),
    ("ferry-b.txt", "Officials in Calder Point said 250 passengers died when the ferry sank in "
     "2019. The operator's fleet grew from 12 to 15 ships that year, an increase of 40%."),
    ("budget.txt", "Calder Point spent $48 million on its harbour in 2021, up from $40 million "
     "in 2020, a rise of 20%."),
    ("census.txt", "The 2021 census counted 81,400 residents in Calder Point."),
    ("empty.txt", "No figures at all in this note."),
    ("school.txt", "About 3,100 pupils attend the 14 schools of Calder Point, the council said "
     "in 2021."),
]
TABLE = ReferenceTable.from_frame(pd.DataFrame([
    dict(subject="Calder Point", measure="population", value=84_000, unit="count",
         period="2021", source="census office"),
    dict(subject="Calder Point", measure="deaths", value=212, unit="count", period="2019",
         source="inquiry", keywords="ferry"),
]))


def _docs() -> list[Document]:
    return [Document(doc_id, text) for doc_id, text in STORIES]


class Counted:
    """A one-pass iterator of documents that records how far it has been read."""

    def __init__(self, docs: list[Document]) -> None:
        self.docs, self.taken, self.passes = docs, 0, 0

    def __iter__(self) -> Iterator[Document]:
        self.passes += 1
        for doc in self.docs:
            self.taken += 1
            yield doc


def test_a_generator_gives_the_report_of_the_list():
    listed = figcheck.check(_docs(), reference=TABLE)
    streamed = figcheck.check(iter(_docs()), reference=TABLE)
    assert listed.findings and listed.comparisons and listed.corroborations
    assert streamed == listed
    assert streamed.statuses == listed.statuses
    assert streamed.texts == {} and set(listed.texts) == {d for d, _ in STORIES}


def test_check_claims_on_the_same_claims_gives_the_same_findings():
    docs = _docs()
    claims = [c for d in docs for c in figcheck.extract(d)]
    direct = figcheck.check_claims(claims, reference=TABLE, texts={d.id: d.text for d in docs})
    assert direct.findings == figcheck.check(docs, reference=TABLE).findings


def test_a_generator_is_read_once_and_lazily(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(streaming, "BATCH_DOCUMENTS", 1)
    source = Counted(_docs())
    seen: list[tuple[str, int]] = []
    figcheck.check(iter(source), progress=lambda doc_id: seen.append((doc_id, source.taken)))
    assert source.passes == 1 and source.taken == len(STORIES)
    assert [d for d, _ in seen] == [d for d, _ in STORIES]
    # each document is checked before the generator has gone more than two batches further
    assert all(taken <= i + 3 for i, (_, taken) in enumerate(seen, 1))


def test_worker_processes_give_the_same_report(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(streaming, "BATCH_DOCUMENTS", 2)  # three batches for two workers
    one = figcheck.check(_docs(), reference=TABLE, jobs=1)
    order: list[str] = []
    two = figcheck.check(iter(_docs()), reference=TABLE, jobs=2, progress=order.append)
    assert two == one and two.statuses == one.statuses
    assert order == [d for d, _ in STORIES]


def test_a_repeated_id_in_a_stream_is_an_error():
    docs = iter([Document("a.txt", "12 people."), Document("a.txt", "13 people.")])
    with pytest.raises(figcheck.DocumentError, match="two documents have this id"):
        figcheck.check(docs)
