"""The optional packages of ``figcheck[dask]``, imported when a function needs them.

``import figcheck.dask`` works without them; calling into it raises
:class:`~figcheck.errors.MissingExtraError`, which names the extra to install.
"""

from __future__ import annotations

from types import ModuleType

from ..errors import MissingExtraError

__all__ = ["dask_bag", "dask_dataframe", "dask_delayed"]


def _module(name: str) -> ModuleType:
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise MissingExtraError("dask", exc.name or name) from exc


def dask_bag() -> ModuleType:
    """``dask.bag``."""
    return _module("dask.bag")


def dask_dataframe() -> ModuleType:
    """``dask.dataframe`` (needs pandas and pyarrow besides dask)."""
    return _module("dask.dataframe")


def dask_delayed() -> ModuleType:
    """``dask.delayed``."""
    return _module("dask.delayed")
