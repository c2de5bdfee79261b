"""Spec files read documents only under their folder, and globs expand in linear time."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pandas  # noqa: F401  # loaded before pytester's in-process run (see test_pytest_plugin)
import pytest

from figcheck.spec import SpecError, load_spec

pytest_plugins = ["pytester"]

NOTE = "The depot held 40 buses.\n"


def _tree(tmp_path: Path) -> Path:
    """tmp/secret/notes.txt outside tmp/project/, where the spec file lives."""
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "notes.txt").write_text(NOTE, encoding="utf-8")
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "a.txt").write_text(NOTE, encoding="utf-8")
    return project


@pytest.mark.parametrize("pattern", ["../secret/notes.txt", "../secret/*.txt", "../*/*.txt",
                                     "docs/../../secret/notes.txt"])
def test_documents_outside_the_spec_folder_are_refused(tmp_path: Path, pattern: str) -> None:
    project = _tree(tmp_path)
    path = project / "figcheck.toml"
    path.write_text(f'documents = ["{pattern}"]\n', encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load_spec(path)
    assert err.value.key == "documents" and err.value.line == 1
    assert "outside" in str(err.value) and "--figcheck-root" in str(err.value)


def test_an_absolute_path_outside_is_refused(tmp_path: Path) -> None:
    project = _tree(tmp_path)
    path = project / "figcheck.toml"
    path.write_text(f'documents = ["{(tmp_path / "secret" / "notes.txt").as_posix()}"]\n',
                    encoding="utf-8")
    with pytest.raises(SpecError, match="outside"):
        load_spec(path)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symbolic_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    project = _tree(tmp_path)
    try:
        (project / "docs" / "link.txt").symlink_to(tmp_path / "secret" / "notes.txt")
    except OSError:
        pytest.skip("symbolic links are not permitted here")
    path = project / "figcheck.toml"
    path.write_text('documents = ["docs/*.txt"]\n', encoding="utf-8")
    with pytest.raises(SpecError, match="link.txt"):
        load_spec(path)


def test_a_wider_root_allows_more(tmp_path: Path) -> None:
    project = _tree(tmp_path)
    path = project / "figcheck.toml"
    path.write_text('documents = ["docs/*.txt", "../secret/notes.txt"]\n', encoding="utf-8")
    spec = load_spec(path, root=tmp_path.resolve())
    assert [p.name for p in spec.documents] == ["a.txt", "notes.txt"]


def test_plugin_option_widens_the_root(pytester: pytest.Pytester) -> None:
    pytester.makefile(".txt", **{"secret/notes": NOTE})
    (pytester.path / "project").mkdir()
    (pytester.path / "project" / "figcheck.toml").write_text(
        'documents = ["../secret/notes.txt"]\nchecks = ["conflict"]\n', encoding="utf-8")
    refused = pytester.runpytest("project")
    assert "outside" in refused.stdout.str()
    assert refused.ret != 0
    allowed = pytester.runpytest("project", f"--figcheck-root={pytester.path}")
    allowed.assert_outcomes(passed=1)


def test_repeated_double_stars_collect_each_file_once_in_linear_time(tmp_path: Path) -> None:
    def build(n: int) -> Path:
        root = tmp_path / f"t{n}"
        for i in range(n):
            folder = root / f"a{i % 10}" / f"b{i}"
            folder.mkdir(parents=True)
            (folder / "x.txt").write_text(NOTE, encoding="utf-8")
        (root / "figcheck.toml").write_text(
            'documents = ["**/**/**/*.txt", "**/*.txt"]\n', encoding="utf-8")
        return root / "figcheck.toml"

    small, large = build(200), build(2000)
    t0 = time.process_time()
    assert len(load_spec(small).documents) == 200
    t_small = time.process_time() - t0
    t0 = time.process_time()
    assert len(load_spec(large).documents) == 2000
    t_large = time.process_time() - t0
    assert t_large < 25 * t_small + 0.5, (t_small, t_large)
