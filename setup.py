"""Optional compiled build: ``FIGCHECK_COMPILE=1 pip install .`` compiles the extractor with mypyc.

Why: extraction spends its time in many small pure-Python functions (the scanner, the figure
readers, the context readers and the word lists they consult); mypyc turns the type-annotated
modules of ``figcheck.extraction`` and ``figcheck.lexicon`` into C extensions, which run them
faster with the same results (``benchmarks/README.md`` has the measured ratios). Without the
variable this file adds nothing and figcheck installs as pure Python, as configured in
``pyproject.toml``. mypy (which ships mypyc) is then a build requirement only: the in-tree
backend (``_build/backend.py``) asks pip for it.

An editable compiled install (``FIGCHECK_COMPILE=1 pip install -e .``) puts the extension
modules next to their sources, where Python prefers them to the ``.py`` files; a later pure
build of the same tree removes them, so it runs the sources again.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

_HERE = Path(__file__).parent
_COMPILE = os.environ.get("FIGCHECK_COMPILE", "").strip() not in ("", "0")
# The hot pure-Python packages; pydantic models, the CLI, checking and reports stay interpreted.
_PACKAGES = ("src/figcheck/extraction", "src/figcheck/lexicon")
# extract() checks its arguments itself and raises figcheck's own errors for a wrong type;
# compiled, its annotations would be enforced first with a bare TypeError. It stays interpreted;
# what it does after the checks is in assemble.py, which is compiled.
_INTERPRETED = ("src/figcheck/extraction/extractor.py",)


def _sources() -> list[str]:
    """The modules mypyc compiles, in a stable order."""
    found: list[str] = []
    for package in _PACKAGES:
        found += sorted(p.relative_to(_HERE).as_posix() for p in (_HERE / package).rglob("*.py"))
    return [path for path in found if path not in _INTERPRETED]


def _built_extensions() -> list[Path]:
    """Extension modules an editable compiled build left in the source tree."""
    found = [p for package in _PACKAGES for p in (_HERE / package).rglob("*.so")]
    # mypyc's shared runtime library for the group sits at the top of the source folder
    return found + sorted((_HERE / "src").glob("*__mypyc*.so"))


def _ext_modules() -> list[object]:
    """mypyc's extension modules, or none when compiling is off."""
    if not _COMPILE:
        for stale in _built_extensions():  # a pure build must not run an older compiled one
            stale.unlink()
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        if os.environ.get("FIGCHECK_REQUIRES_PASS"):  # the backend asks pip for mypy first
            return []
        raise SystemExit(
            "FIGCHECK_COMPILE=1 needs mypy (which ships mypyc) in the build environment: "
            "pip installs it itself unless --no-build-isolation is given"
        ) from None
    # Third-party imports without stubs (dateutil, marisa-trie) are typed Any; the interpreted
    # modules these import are read for their types only (their own findings are not ours here).
    return mypycify(
        ["--ignore-missing-imports", "--follow-imports=silent", *_sources()], opt_level="3"
    )


setup(ext_modules=_ext_modules())
