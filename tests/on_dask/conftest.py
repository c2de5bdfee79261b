"""The Dask tests skip, with the reason, when the ``dask`` extra is not installed."""

from __future__ import annotations

import pytest

pytest.importorskip("dask.dataframe", reason="figcheck[dask] is not installed (dask[dataframe])")
pytest.importorskip("distributed", reason="figcheck[dask] is not installed (distributed)")
