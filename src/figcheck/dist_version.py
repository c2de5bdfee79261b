"""The version of an installed package, read from the ``<name>-<version>.dist-info`` folder an
installer puts beside it, for the stamps that key figcheck's data and caches.

``importlib.metadata`` answers the same question but imports a good deal (email, zipfile, csv)
that a short run otherwise never needs; it is asked only when no such folder stands beside the
package (an editable install, an egg, another layout).
"""

from __future__ import annotations

import functools
import os
from importlib.util import find_spec

__all__ = ["installed_version"]


@functools.cache
def installed_version(package: str) -> str:
    """The version of the installed distribution that provides the importable package
    ``package`` (named alike, as pint and simplemma are); "" when it is not installed."""
    found = _beside(package)
    if found is not None:
        return found
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def _beside(package: str) -> str | None:
    """The ``Version:`` of the one ``<package>-*.dist-info`` folder next to the package's own
    folder; None when there is not exactly one, or it cannot be read."""
    try:
        spec = find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    where = os.path.dirname(os.path.abspath(next(iter(spec.submodule_search_locations))))
    prefix = package.lower().replace("-", "_") + "-"
    try:
        folders = [n for n in os.listdir(where)
                   if n.endswith(".dist-info") and n.lower().startswith(prefix)]
        if len(folders) != 1:
            return None
        with open(os.path.join(where, folders[0], "METADATA"), encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip() or None
                if not line.strip():  # the headers end at the first blank line
                    break
    except OSError:
        return None
    return None
