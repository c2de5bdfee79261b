"""Shared test configuration: hypothesis profiles chosen by FIGCHECK_HYPOTHESIS (ci | dev | thorough)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=30, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("FIGCHECK_HYPOTHESIS", "ci"))

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root (read-only use)."""
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared research folder beside the repository; tests needing it skip when it is absent."""
    path = REPO.parent / "shared"
    if not path.is_dir():
        pytest.skip("../shared is not present")
    return path
