"""The public API: every exported name resolves, the list is sorted, imports stay light."""

from __future__ import annotations

import subprocess
import sys

import figcheck


def test_all_is_sorted_and_resolves():
    assert figcheck.__all__ == sorted(figcheck.__all__)
    for name in figcheck.__all__:
        assert getattr(figcheck, name) is not None, name


def test_unknown_attribute_is_an_attribute_error():
    try:
        figcheck.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_importing_the_package_and_plugin_loads_neither_pandas_nor_pint():
    code = (
        "import sys, figcheck, figcheck.pytest_plugin; "
        "print(sorted(m for m in ('pandas', 'pint') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_all_lists_exactly_the_lazy_exports():
    assert sorted(figcheck.__all__) == sorted(figcheck._EXPORTS)
