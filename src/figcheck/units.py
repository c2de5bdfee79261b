"""figcheck's single pint registry and cached conversions.

Only canonical unit names (from the alias table in ``data/unit_aliases.toml``)
ever reach pint; raw text never does. Conversion factors are cached so hot
loops work on plain floats.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import threading
from typing import TYPE_CHECKING, Any

from .errors import RuleDefinitionError, UnitMismatchError
from .package_data import data_text
from .unit_table import known_dimensions, rate_dimension
from .user_cache import cache_folder, write_entry

if TYPE_CHECKING:
    import pint

__all__ = ["comparable", "convert", "dimension", "registry"]

_LOCK = threading.Lock()
_REGISTRY: pint.UnitRegistry | None = None


def registry() -> pint.UnitRegistry:
    """The one pint UnitRegistry figcheck uses, built on first call (thread-safe)."""
    global _REGISTRY
    if _REGISTRY is None:
        with _LOCK:
            if _REGISTRY is None:
                _REGISTRY = _build()
    return _REGISTRY


def _build() -> pint.UnitRegistry:
    import pint

    pint_dir = os.path.dirname(pint.__file__)
    with open(os.path.join(pint_dir, "default_en.txt"), encoding="utf-8") as fh:
        base = fh.read()
    additions: list[tuple[int, str]] = []
    for lineno, raw in enumerate(data_text("units.txt").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name = line.split("=", 1)[0].strip()
        # A figcheck definition of a name pint already defines replaces pint's line in place,
        # so everything pint derives from it (Bq from counts_per_second) still resolves.
        own = re.compile(r"(?m)^" + re.escape(name) + r"\s*=.*$")
        if own.search(base):
            base = own.sub(lambda _m, line=line: line, base, count=1)
        else:
            additions.append((lineno, line))
    # pint resolves "@import constants_en.txt" next to the file it loads.
    with open(os.path.join(pint_dir, "constants_en.txt"), encoding="utf-8") as fh:
        constants = fh.read()
    ureg = _cached_registry(pint, base, constants)
    if ureg is None:
        ureg = _fresh_registry(pint, base, constants)
    for lineno, line in additions:
        try:
            ureg.define(line)
        except Exception as exc:  # pint raises several unrelated types here
            raise RuleDefinitionError("figcheck/data/units.txt", lineno, line, str(exc)) from exc
    return ureg


def _fresh_registry(pint_module: Any, base: str, constants: str) -> pint.UnitRegistry:
    """A registry of ``base`` and its constants, written to a temporary folder (no cache)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="figcheck-units-") as tmp:
        for name, text in (("constants_en.txt", constants), ("default_en.txt", base)):
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as fh:
                fh.write(text)
        return pint_module.UnitRegistry(
            os.path.join(tmp, "default_en.txt"),
            cache_folder=None,
            autoconvert_offset_to_baseunit=True,
        )


def _cached_registry(pint_module: Any, base: str, constants: str) -> pint.UnitRegistry | None:
    """The registry built through pint's own cache of parsed definitions (0.2 s a run less),
    in a user-cache folder named by a digest of the definitions; None without a cache folder
    or when that cache cannot be used (the caller builds without it)."""
    version = pint_module.__version__
    digest = hashlib.sha256(f"{version}\0{base}\0{constants}".encode()).hexdigest()
    folder = cache_folder(f"pint-{digest[:20]}")
    if folder is None:
        return None
    for name, text in (("constants_en.txt", constants), ("default_en.txt", base)):
        if not (folder / name).is_file() and not write_entry(folder, name, text.encode()):
            return None
    try:
        return pint_module.UnitRegistry(
            str(folder / "default_en.txt"),
            cache_folder=str(folder / "parsed"),
            autoconvert_offset_to_baseunit=True,
        )
    except Exception:  # a cache entry another process is still writing, an unreadable folder
        return None


@functools.lru_cache(maxsize=4096)
def dimension(unit: str) -> str:
    """The dimensionality of ``unit`` as a string, e.g. ``'[length]'`` or ``'[count]'``.

    Units of figcheck's word lists, and rates of two of them ("USD / month"), are answered
    from ``data/unit_dimensions.toml`` (made from pint) without building the registry; any
    other unit asks pint.
    """
    known = known_dimensions().get(unit) or rate_dimension(unit)
    return known if known is not None else str(registry().parse_units(unit).dimensionality)


def comparable(a: str, b: str) -> bool:
    """True when quantities in units ``a`` and ``b`` can be compared."""
    return a == b or dimension(a) == dimension(b)


@functools.lru_cache(maxsize=4096)
def _linear(src: str, dst: str) -> tuple[float, float]:
    """(factor, offset) with ``dst_value = src_value * factor + offset``."""
    if not comparable(src, dst):
        raise UnitMismatchError(src, dst)
    q = registry().Quantity
    zero = q(0.0, src).to(dst).magnitude
    one = q(1.0, src).to(dst).magnitude
    return one - zero, zero


def convert(value: float, src: str, dst: str) -> float:
    """``value`` in unit ``src`` expressed in unit ``dst``; infinities stay infinite."""
    if src == dst:
        return value
    factor, offset = _linear(src, dst)
    if value in (float("inf"), float("-inf")):
        return value if factor > 0 else -value
    return value * factor + offset
