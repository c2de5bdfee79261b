"""A small corpus of invented wire stories for the Dask tests: conflicts, corroborations,
derived arithmetic, reference rows, figures of several units and relative dates."""

from __future__ import annotations

import pandas as pd

from figcheck import Document

STORIES = {
    "wire-1": (
        "Landslides in Corvale killed 214 people in 2023, the interior ministry said. "
        "About 3,100 homes were destroyed and 12,500 residents were evacuated. "
        "Repairs will cost $48 million, up 20% from $40 million a year earlier.",
        "2024-02-11",
    ),
    "wire-2": (
        "The 2023 landslides in Corvale left 241 people dead, according to the Red Cross. "
        "Some 3,100 homes were destroyed. Rainfall reached 1,800 millimetres in 2023.",
        "2024-02-12",
    ),
    "wire-3": (
        "Corvale said 214 people died in the 2023 landslides. Of the 90 schools in the "
        "province, 112 were damaged. Unemployment in Corvale stood at 7.5% last year.",
        "2024-03-01",
    ),
    "wire-4": (
        "In Dunmere, 58 people were killed in the 2023 floods, officials said. The floods "
        "destroyed 940 homes in Dunmere and the council spent $6 million on repairs.",
        "2024-01-20",
    ),
    "wire-5": (
        "Officials in Dunmere counted 85 deaths from the 2023 floods. Some 940 homes were "
        "destroyed in Dunmere. The clean-up took 3 weeks and 2 days.",
        "2024-01-25",
    ),
    "wire-6": (
        "Rainfall in Corvale reached 1.8 metres in 2023, the weather office said. "
        "The ministry reported 4 of 10 roads reopened, or 60%, by March.",
        "2024-03-15",
    ),
}


def documents() -> list[Document]:
    """The stories as Documents with their dates."""
    return [Document(doc_id, text, {"date": date}) for doc_id, (text, date) in STORIES.items()]


def reference() -> pd.DataFrame:
    """A reference table some claims agree with and some contradict."""
    return pd.DataFrame([
        {"subject": "Corvale", "measure": "deaths", "unit": "count", "value": 214,
         "period": "2023", "source": "National disaster agency"},
        {"subject": "Dunmere", "measure": "deaths", "unit": "count", "value": 85,
         "period": "2023", "source": "National disaster agency"},
        {"subject": "Corvale", "measure": "homes destroyed", "unit": "count", "value": 3100,
         "period": "2023", "source": "Housing office"},
    ])
