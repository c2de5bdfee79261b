"""The documents of a Dask run: a ``dask.bag`` of documents, a Dask DataFrame of them, or any
iterable :func:`figcheck.check` takes, as partitions of :class:`~figcheck.Document`.

A bag item is a :class:`~figcheck.Document` or a mapping with ``id`` and ``text`` (and any of
``date``, ``title``: the document's meta); a DataFrame has the columns ``id``, ``text``, and
optionally ``date`` and ``title`` (other columns go to the meta too). Ids must be unique.

>>> [d.id for d in documents_of([{"id": "a", "text": "1 dog.", "date": "2024-03-07"}])]
['a']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..documents import Document
from ..errors import OptionError
from ..pipeline import as_documents
from .imports import dask_bag, dask_dataframe

__all__ = ["documents_of", "partitions"]


def _missing(value: object) -> bool:
    import pandas as pd

    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _from_mapping(item: Mapping[str, Any]) -> Document:
    if "id" not in item or "text" not in item:
        raise OptionError(f"a document mapping needs 'id' and 'text', got keys {sorted(item)}")
    meta = {str(k): v for k, v in item.items() if k not in ("id", "text") and not _missing(v)}
    if isinstance(item["id"], float) or _missing(item["id"]):
        raise OptionError(f"a document id must be text or a whole number, got {item['id']!r}")
    return Document(str(item["id"]), item["text"], meta)


def documents_of(items: Iterable[object]) -> list[Document]:
    """The Documents of one partition: Documents, mappings, or a pandas DataFrame's rows."""
    import pandas as pd

    if isinstance(items, pd.DataFrame):
        missing = {"id", "text"} - set(items.columns)
        if missing:
            raise OptionError(f"a documents frame needs the columns id and text; missing "
                              f"{sorted(missing)}")
        return [_from_mapping(row) for row in items.to_dict("records")]
    out = []
    for item in items:
        if isinstance(item, Document):
            out.append(item)
        elif isinstance(item, Mapping):
            out.append(_from_mapping(item))
        else:
            raise OptionError("a bag of documents holds Documents or mappings with 'id' and "
                              f"'text', got {type(item).__name__}")
    return out


def partitions(documents: object, npartitions: int | None = None) -> list[Any]:
    """The partitions of ``documents`` as a list of Dask delayed objects, in input order.

    Anything that is not a bag or a Dask DataFrame goes through :func:`figcheck.pipeline.
    as_documents` (so str texts get the ids ``doc1``, ``doc2``, ...) into a bag of
    ``npartitions`` partitions (default: about 100 documents each).
    """
    db = dask_bag()
    dd = dask_dataframe()
    if isinstance(documents, db.Bag):
        return list(documents.to_delayed())
    if isinstance(documents, dd.DataFrame):
        missing = {"id", "text"} - set(documents.columns)
        if missing:
            raise OptionError(f"a documents frame needs the columns id and text; missing "
                              f"{sorted(missing)}")
        return list(documents.to_delayed())
    docs = as_documents(documents)
    n = npartitions or max(1, min(len(docs) // 100 + 1, 1000))
    return list(db.from_sequence(docs, npartitions=n).to_delayed()) if docs else []
