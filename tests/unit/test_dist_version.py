"""Installed versions read beside the package: what importlib.metadata says, without importing it."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata

import pytest

from figcheck.dist_version import installed_version


@pytest.mark.parametrize("package", ["pint", "simplemma", "pydantic", "click", "figcheck"])
def test_the_same_version_importlib_metadata_gives(package: str) -> None:
    assert installed_version(package) == metadata.version(package)


def test_a_package_that_is_not_installed_has_no_version() -> None:
    assert installed_version("no_such_package_xq") == ""


def test_read_without_importing_importlib_metadata() -> None:
    code = (
        "import sys\n"
        "from figcheck.dist_version import installed_version\n"
        "print(installed_version('pint'), 'importlib.metadata' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.split() == [metadata.version("pint"), "False"]
