"""figcheck on Dask (``pip install 'figcheck[dask]'``): a corpus beyond one machine.

:func:`check` turns a ``dask.bag`` of documents (or a Dask DataFrame with columns ``id``,
``text``, ``date`` and optionally ``title``) into Dask DataFrames of claims, findings and
per-claim coverage. The claims are shuffled by the alignment's blocking key and each block is
checked with the same functions as :func:`figcheck.check`, so the findings and statuses are the
ones the local run gives. See ``docs/scale.md``.

``import figcheck.dask`` needs no Dask; its functions raise
:class:`~figcheck.errors.MissingExtraError` when the extra is not installed.
"""

from __future__ import annotations

from .rows import claim_from_row
from .run import DaskCheck, check, claims

__all__ = ["DaskCheck", "check", "claim_from_row", "claims"]
