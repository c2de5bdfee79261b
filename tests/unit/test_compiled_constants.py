"""Module constants of the compiled packages are ``Final``.

mypyc reads a ``Final`` module constant as a C static; any other module name is looked up in
the module's dict at each use, which cost the compiled build 3 % of its instructions on
number-dense text. A new constant without ``Final`` fails here, naming the file and line.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import figcheck

_ROOT = Path(figcheck.__file__).parent
_COMPILED = ("extraction", "lexicon")
_CONSTANT = re.compile(r"_?[A-Z][A-Z0-9_]*")


def _unannotated(path: Path, root: Path = _ROOT) -> list[str]:
    """``file:line name`` of each module constant of ``path`` assigned without ``Final``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if "Final" in ast.unparse(node.annotation):
                continue
            names = [node.target.id]
        else:
            continue
        found += [f"{path.relative_to(root)}:{node.lineno} {n}" for n in names
                  if _CONSTANT.fullmatch(n)]
    return found


def test_module_constants_of_the_compiled_packages_are_final() -> None:
    files = sorted(p for package in _COMPILED for p in (_ROOT / package).rglob("*.py"))
    assert files
    missing = [hit for path in files for hit in _unannotated(path)]
    assert not missing, "annotate with typing.Final: " + ", ".join(missing)


def test_the_check_sees_a_constant_without_final(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("from typing import Final\nA: Final = 1\n_B = 2\nc = 3\nD: int = 4\n")
    assert _unannotated(probe, tmp_path) == ["probe.py:3 _B", "probe.py:5 D"]
