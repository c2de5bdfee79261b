"""The JSON report follows the JSON Schema figcheck ships, and carries every claim's status."""

from __future__ import annotations

import json
from importlib import resources

import pytest

import figcheck

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads(
    resources.files("figcheck.report").joinpath("assets", "report.schema.json").read_text("utf-8")
)


@pytest.fixture(scope="module")
def report():
    docs = [
        figcheck.Document("a.txt", "In 2023 floods killed 1,627 people. Of the 60 boats, 75 sank."),
        figcheck.Document("b.txt", "The 2023 floods killed 1,672 people, officials said."),
    ]
    return figcheck.check(docs)


def test_json_report_validates_against_the_shipped_schema(report):
    doc = json.loads(report.to_json())
    jsonschema.validate(doc, SCHEMA)
    assert doc["schema_version"] == SCHEMA["properties"]["schema_version"]["const"]
    assert len(doc["claims"]) == len(report.claims)
    assert {c["status"] for c in doc["claims"]} <= {
        "supported", "contradicted", "corroborated", "conflict", "unchecked"}


def test_jsonl_lines_are_findings_then_claims(report):
    lines = [json.loads(ln) for ln in report.to_jsonl().splitlines()]
    records = [ln.pop("record") for ln in lines]
    assert records == ["finding"] * len(report.findings) + ["claim"] * len(report.claims)
    for line, record in zip(lines, records, strict=True):
        jsonschema.validate(line, SCHEMA["$defs"][record] | {"$defs": SCHEMA["$defs"]})


def test_a_broken_document_fails_the_schema(report):
    doc = json.loads(report.to_json())
    doc["findings"][0]["claimed_bound"] = "="
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)
