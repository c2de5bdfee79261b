"""The text of figcheck's own data files (``figcheck/data``).

Read straight from the package's folder; ``importlib.resources`` (which imports zipfile,
tempfile and shutil, a good part of a short run's imports) is asked only when the package is
not a plain folder, as in a zip.
"""

from __future__ import annotations

import os

__all__ = ["data_text"]

_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def data_text(name: str) -> str:
    """The UTF-8 text of ``figcheck/data/<name>``."""
    try:
        with open(os.path.join(_FOLDER, name), encoding="utf-8") as fh:
            return fh.read()
    except (FileNotFoundError, NotADirectoryError):
        from importlib import resources

        return resources.files("figcheck.data").joinpath(name).read_text(encoding="utf-8")
