"""Every code block in README.md and docs/*.md runs, so the docs cannot rot.

- ``python`` blocks run in order, one namespace per file (like a notebook), in a scratch
  folder that has ``examples/`` and ``reference_data/``; ``test_*`` functions a block
  defines are then called. A plain block right after a python block is its printed output.
  (Blocks written as ``>>>`` sessions are doctests: pytest's ``--doctest-glob`` runs them.)
- ``console`` blocks: each ``$ command`` runs (``figcheck`` and ``python`` from this
  environment); the lines after it are its output and must match.
- ``toml`` blocks must parse.
- ``sh`` blocks are set-up commands (venv, pip); they are checked to name only files
  that exist.

Outputs are produced by the run: ``FIGCHECK_UPDATE_DOCS=1 python -m pytest tests/test_docs.py``
rewrites them in place after a deliberate change.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
UPDATE = os.environ.get("FIGCHECK_UPDATE_DOCS") == "1"
_FENCE = re.compile(r"^```([\w-]*)[^\n]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


@dataclass
class Block:
    path: Path
    lang: str
    code: str
    line: int
    span: tuple[int, int]  # the code's offsets in the file
    output: Block | None = field(default=None, repr=False)


def blocks(path: Path) -> list[Block]:
    """The fenced blocks of a Markdown file, each python block paired with the output after it."""
    text = path.read_text(encoding="utf-8")
    found = [
        Block(path, m.group(1).lower(), m.group(2), text.count("\n", 0, m.start()) + 1, m.span(2))
        for m in _FENCE.finditer(text)
    ]
    for a, b in zip(found, found[1:], strict=False):
        between = text[a.span[1]:b.span[0]]
        if a.lang == "python" and b.lang == "" and between.strip("`\n ") == "":
            a.output = b
    return found


def _cases() -> list[tuple[Path, int]]:
    return [(p, i) for p in DOCS for i, _ in enumerate(blocks(p))]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("docs")
    for name in ("examples", "reference_data"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    return root


_NAMESPACES: dict[Path, dict[str, object]] = {}
# Packages of optional extras: a block that needs one skips when it is not installed.
_EXTRAS = {"dask": "dask", "distributed": "dask"}


def _rewrite(block: Block, new: str) -> None:
    text = block.path.read_text(encoding="utf-8")
    text = text[: block.span[0]] + new + text[block.span[1]:]
    block.path.write_text(text, encoding="utf-8")


def _compare(block: Block, expected: str, got: str, what: str) -> None:
    norm = lambda s: "\n".join(line.rstrip() for line in s.strip("\n").splitlines())  # noqa: E731
    if norm(expected) == norm(got):
        return
    if UPDATE:
        _rewrite(block, norm(got) + "\n")
        pytest.skip(f"rewrote {what} in {block.path.name}:{block.line}")
    pytest.fail(
        f"{block.path.name}:{block.line}: {what} differs from what the code prints "
        f"(FIGCHECK_UPDATE_DOCS=1 rewrites it):\n--- docs\n{norm(expected)}\n--- run\n{norm(got)}"
    )


def _run_python(block: Block, scratch: Path) -> None:
    namespace = _NAMESPACES.setdefault(block.path, {"__name__": f"docs_{block.path.stem}"})
    out = io.StringIO()
    old = Path.cwd()
    os.chdir(scratch)
    try:
        with contextlib.redirect_stdout(out):
            before = {k for k in namespace if k.startswith("test_")}
            exec(compile(block.code, f"{block.path.name}:{block.line}", "exec"), namespace)  # noqa: S102
            for name in sorted(k for k in namespace if k.startswith("test_") and k not in before):
                namespace[name]()  # type: ignore[operator]
    finally:
        os.chdir(old)
    if block.output is not None:
        _compare(block.output, block.output.code, out.getvalue(), "the output block")


def _command(line: str) -> list[str]:
    words = shlex.split(line)
    if words[0] == "figcheck":
        return [sys.executable, "-m", "figcheck", *words[1:]]
    if words[0] in ("python", "python3"):
        return [sys.executable, *words[1:]]
    return words


def _run_console(block: Block) -> None:
    parts = re.split(r"^\$ (.*)$", block.code, flags=re.MULTILINE)
    got = [parts[0]]
    for command, expected in zip(parts[1::2], parts[2::2], strict=True):
        done = subprocess.run(_command(command), cwd=ROOT, capture_output=True, text=True,
                              timeout=300, env={**os.environ, "COLUMNS": "100", "NO_COLOR": "1"})
        assert done.returncode in (0, 1), f"{block.path.name}:{block.line}: $ {command}\n{done.stderr}"
        output = done.stdout if expected.strip() or UPDATE else ""
        got.append(f"$ {command}\n{output.rstrip()}\n" if output.strip() else f"$ {command}\n")
    _compare(block, block.code, "".join(got), "the console output")


def _check_setup(block: Block) -> None:
    for word in re.findall(r"(?<![\w.-])((?:examples|reference_data|docs)/[\w./*-]*)", block.code):
        assert list(ROOT.glob(word.rstrip("/"))) or (ROOT / word).exists(), (
            f"{block.path.name}:{block.line}: {word} does not exist")


@pytest.mark.parametrize(("path", "index"), _cases(),
                         ids=[f"{p.name}:{blocks(p)[i].line}" for p, i in _cases()])
def test_doc_block_runs(path: Path, index: int, scratch: Path) -> None:
    block = blocks(path)[index]
    if block.lang == "python":
        if block.code.lstrip().startswith(">>>"):
            pytest.skip("a doctest: run by --doctest-glob")
        try:
            _run_python(block, scratch)
        except ModuleNotFoundError as exc:
            if (exc.name or "").split(".")[0] not in _EXTRAS:
                raise
            pytest.skip(f"needs the optional extra figcheck[{_EXTRAS[exc.name.split('.')[0]]}]")
    elif block.lang == "console":
        _run_console(block)
    elif block.lang == "toml":
        tomllib.loads(block.code)
    elif block.lang in ("sh", "bash"):
        _check_setup(block)
    elif block.lang in ("", "text"):
        pytest.skip("plain text (a listing, or the output of the block before it)")
    else:
        pytest.fail(f"{path.name}:{block.line}: no runner for ```{block.lang} blocks")
