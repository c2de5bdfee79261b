"""A run on Dask gives the local run's findings and statuses: on the synchronous and threads
schedulers, and on a LocalCluster of two worker processes."""

from __future__ import annotations

import subprocess
import sys

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pandas.testing as pdt
import pytest
from dask_corpus import documents, reference

import figcheck
import figcheck.dask as fdask
from figcheck import OptionError
from figcheck.errors import MissingExtraError


@pytest.fixture(scope="module")
def local() -> figcheck.Report:
    return figcheck.check(documents(), reference())


def _same(result: fdask.DaskCheck, report: figcheck.Report, **kwargs: object) -> None:
    findings, coverage = result.compute(**kwargs)
    pdt.assert_frame_equal(findings, report.to_frame())
    pdt.assert_frame_equal(coverage, report.claims_frame())


def _bag(npartitions: int) -> db.Bag:
    return db.from_sequence(documents(), npartitions=npartitions)


def test_the_corpus_has_every_status_and_groups_in_several_blocks(local):
    statuses = set(local.claims_frame()["status"])
    assert statuses == {"conflict", "corroborated", "supported", "contradicted", "unchecked"}
    units = set(local.claims_frame().dropna(subset=["fact_group"])["unit"])
    assert {"count", "percent"} <= units


@pytest.mark.parametrize("npartitions", [1, 4])
def test_synchronous_scheduler_gives_the_local_result(local, npartitions):
    _same(fdask.check(_bag(npartitions), reference()), local, scheduler="sync")


def test_threads_scheduler_gives_the_local_result(local):
    _same(fdask.check(_bag(3), reference()), local, scheduler="threads")


def test_a_dask_dataframe_of_id_text_date_gives_the_local_result(local):
    frame = pd.DataFrame([{"id": d.id, "text": d.text, "date": d.meta["date"]}
                          for d in documents()])
    _same(fdask.check(dd.from_pandas(frame, npartitions=2), reference()), local,
          scheduler="sync")


def test_titles_and_missing_dates_reach_extraction_as_in_a_local_run():
    docs = [figcheck.Document("t1", "Officials said 58 people died there last year.",
                              {"title": "Floods in Dunmere", "date": "2024-01-20"}),
            figcheck.Document("t2", "The floods killed 85 people last year.",
                              {"title": "Dunmere counts its dead"})]
    frame = pd.DataFrame({"id": ["t1", "t2"], "text": [d.text for d in docs],
                          "date": pd.to_datetime(["2024-01-20", None]),
                          "title": [d.meta["title"] for d in docs]})
    report = figcheck.check(docs)
    assert report.claims[0].subject == "Dunmere" and report.claims[0].period == "2023"
    _same(fdask.check(dd.from_pandas(frame, npartitions=2)), report, scheduler="sync")


def test_a_plain_list_of_documents_is_split_into_partitions(local):
    _same(fdask.check(documents(), reference(), npartitions=2), local, scheduler="sync")


def test_without_reference_and_with_options():
    docs = documents()
    report = figcheck.check(docs, strict_periods=True, checks=["conflict"])
    _same(fdask.check(_bag(2), strict_periods=True, checks=["conflict"]), report,
          scheduler="sync")


def test_claims_frame_has_one_row_per_claim_in_its_block(local):
    frame = fdask.claims(_bag(2)).compute(scheduler="sync")
    assert len(frame) == len(local.claims)
    assert "[count]" in set(frame["block"])
    assert all(b.startswith(("[", "(alone) ")) for b in frame["block"])
    back = [fdask.claim_from_row(r) for r in frame.to_dict("records")]
    assert sorted(back, key=lambda c: (c.doc_id, c.start)) == sorted(
        local.claims, key=lambda c: (c.doc_id, c.start))


def test_no_documents_gives_empty_frames():
    findings, coverage = fdask.check([]).compute(scheduler="sync")
    assert findings.empty and coverage.empty
    assert list(findings.columns) == list(figcheck.CSV_COLUMNS)


def test_a_repeated_id_across_partitions_is_a_document_error():
    docs = [figcheck.Document("same", "It cost $5 million."),
            figcheck.Document("other", "It cost $6 million."),
            figcheck.Document("same", "It cost $7 million.")]
    with pytest.raises(figcheck.DocumentError, match="same"):
        fdask.check(db.from_sequence(docs, npartitions=2)).compute(scheduler="sync")


def test_progress_is_refused_with_the_reason():
    with pytest.raises(OptionError, match="progress"):
        fdask.check(_bag(1), progress=print)


def test_a_bag_item_without_an_id_is_an_option_error():
    with pytest.raises(OptionError, match="id"):
        fdask.check(db.from_sequence(["no id here, 5 dogs"])).compute(scheduler="sync")


def test_missing_dask_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(MissingExtraError, match=r"figcheck\[dask\]"):
        fdask.check(documents())


def test_importing_figcheck_and_checking_does_not_import_dask():
    # (pint imports dask.base by itself whenever dask is installed; figcheck adds nothing)
    code = ("import sys, figcheck, figcheck.dask; figcheck.check('It cost $5 million.'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'distributed'"
            " or m.startswith(('dask.bag', 'dask.dataframe'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    with dask.config.set({"distributed.logging.distributed": "error"}):
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
        with cluster, distributed.Client(cluster) as c:
            yield c


def test_local_cluster_of_two_processes_gives_the_local_result(local, client):
    assert len(client.scheduler_info()["workers"]) == 2
    _same(fdask.check(_bag(4), reference()), local)
