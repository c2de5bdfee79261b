"""figcheck's build backend: setuptools', plus mypy when the compiled build is asked for.

``FIGCHECK_COMPILE=1 pip install .`` compiles the extractor with mypyc (see ``setup.py``); mypyc
ships with mypy, so only that build needs it. A PEP 517 backend may add build requirements of
its own, and pip installs them into the isolated build environment before the build runs, so
the pure-Python build (the default) never downloads mypy. Everything else is setuptools'.
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (the backend's other hooks, unchanged)

# setup.py reads this to tell the requirements pass (mypy not installed yet) from the build.
REQUIRES_PASS = "FIGCHECK_REQUIRES_PASS"
# The mypy the compiled build was tested with (2.4.1): a newer mypyc may reject or compile the
# sources differently, so the bound moves only together with a CI run of the compiled build.
MYPY = "mypy>=2.4.1,<2.5"


def compiling() -> bool:
    """True when the environment asks for the mypyc-compiled build."""
    return os.environ.get("FIGCHECK_COMPILE", "").strip() not in ("", "0")


def _with_mypy(requires: list[str]) -> list[str]:
    """``requires`` plus mypy when compiling."""
    return [*requires, MYPY] if compiling() else requires


def _requirements_pass(hook: Any, config_settings: dict[str, Any] | None) -> list[str]:
    """setuptools' requirements from ``hook``, with setup.py told that mypy may be missing."""
    os.environ[REQUIRES_PASS] = "1"
    try:
        return list(hook(config_settings))
    finally:
        del os.environ[REQUIRES_PASS]


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    """Requirements to build a wheel: setuptools', and mypy for the compiled build."""
    return _with_mypy(_requirements_pass(_setuptools.get_requires_for_build_wheel, config_settings))


def get_requires_for_build_editable(config_settings: dict[str, Any] | None = None) -> list[str]:
    """Requirements for an editable install: setuptools', and mypy for the compiled build."""
    return _with_mypy(
        _requirements_pass(_setuptools.get_requires_for_build_editable, config_settings)
    )
