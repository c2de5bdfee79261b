"""Optional compiled build: ``FIGCHECK_COMPILE=1 pip install .`` compiles the extractor with mypyc.

Why: extraction spends its time in many small pure-Python functions (the scanner, the figure
readers, the context readers and the word lists they consult); mypyc turns the type-annotated
modules of ``figcheck.extraction`` and ``figcheck.lexicon`` into C extensions, which run them
faster with the same results (``benchmarks/README.md`` has the measured ratios). Without the
variable this file adds nothing and figcheck installs as pure Python, as configured in
``pyproject.toml``. mypy (which ships mypyc) is then a build requirement only: it is asked for
through ``setup_requires``, which pip installs into the isolated build environment.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

_COMPILE = os.environ.get("FIGCHECK_COMPILE", "").strip() not in ("", "0")
_MYPY = "mypy>=1.10"
# The hot pure-Python packages; pydantic models, the CLI, checking and reports stay interpreted.
_PACKAGES = ("src/figcheck/extraction", "src/figcheck/lexicon")
# extract() checks its arguments itself and raises figcheck's own errors for a wrong type;
# compiled, its annotations would be enforced first with a bare TypeError. It stays interpreted.
_INTERPRETED = ("src/figcheck/extraction/extractor.py",)


def _sources() -> list[str]:
    """The modules mypyc compiles, in a stable order."""
    here = Path(__file__).parent
    found: list[str] = []
    for package in _PACKAGES:
        found += sorted(p.relative_to(here).as_posix() for p in (here / package).rglob("*.py"))
    return [path for path in found if path not in _INTERPRETED]


def _ext_modules() -> list[object]:
    """mypyc's extension modules, or none when compiling is off or mypyc not yet installed."""
    if not _COMPILE:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # the build-requirements pass: setup_requires asks pip for mypy first
        return []
    # Third-party imports without stubs (dateutil, marisa-trie) are typed Any; the interpreted
    # modules these import are read for their types only (their own findings are not ours here).
    return mypycify(
        ["--ignore-missing-imports", "--follow-imports=silent", *_sources()], opt_level="3"
    )


setup(
    setup_requires=[_MYPY] if _COMPILE else [],
    ext_modules=_ext_modules(),
)
