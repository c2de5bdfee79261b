"""The package's layout: stages import only earlier stages, and the shared services behave.

The import graph is read from the source (every import counted: module level, TYPE_CHECKING
blocks and function bodies alike), so a lazy import that closes a circle fails here too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import figcheck
from figcheck.errors import DocumentError, FigcheckError, RuleDefinitionError, SpecError
from figcheck.files import decode_text, read_text, table_files
from figcheck.lexicon.files import DataFile
from figcheck.tomlkeys import key_lines, parse_toml, string_list

PACKAGE = Path(figcheck.__file__).parent
# Shared records and services first, the thin shells over the public API last.
STAGES = ("shared", "lexicon", "extraction", "reference", "checking", "report", "pipeline", "shell")
SHELLS = ("cli", "testing", "pytest_plugin", "spec", "__main__", "dask")
# Findings record comparisons with reference rows: their records sit with the reference stage,
# and only the checking stage and later use them.
PLACED = {"figcheck.findings": "reference"}
MAX_LINES = 500


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        out[name.removesuffix(".__init__")] = path
    return out


MODULES = _modules()


def _imports(name: str) -> set[tuple[str, str]]:
    """(module imported, name imported or '') for every figcheck import in module ``name``."""
    path = MODULES[name]
    base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:
                target = ".".join(base[: len(base) - node.level + 1] + ([target] if target else []))
            for alias in node.names:
                full = f"{target}.{alias.name}"
                found.add((full, "") if full in MODULES else (target, alias.name))
        elif isinstance(node, ast.Import):
            found.update((alias.name, "") for alias in node.names)
    out = set()
    for target, imported in found:
        while target not in MODULES and "." in target:
            target = target.rsplit(".", 1)[0]
        if target in MODULES and target != name and target.startswith("figcheck"):
            out.add((target, imported))
    return out


GRAPH = {name: _imports(name) for name in MODULES}


def stage(name: str) -> str:
    """The stage a module belongs to."""
    parts = name.split(".")
    if len(parts) == 1 or parts[1] in SHELLS:  # the package itself is the public API's facade
        return "shell"
    if name in PLACED:
        return PLACED[name]
    return parts[1] if parts[1] in STAGES else "shared"


def _circles(modules: set[str]) -> list[list[str]]:
    """The import circles (strongly connected components) among ``modules``."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w, _ in GRAPH[v]:
            if w not in modules:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(modules):
        if v not in index:
            visit(v)
    return out


def test_each_stage_imports_only_earlier_stages() -> None:
    wrong = [
        f"{name} ({stage(name)}) imports {target} ({stage(target)})"
        for name, targets in GRAPH.items()
        for target, _ in targets
        if STAGES.index(stage(target)) > STAGES.index(stage(name))
    ]
    assert wrong == []


@pytest.mark.parametrize("name", STAGES)
def test_no_import_circle(name: str) -> None:
    assert _circles({m for m in MODULES if stage(m) == name}) == []


@pytest.mark.parametrize("name", STAGES)
def test_no_module_over_the_size_limit(name: str) -> None:
    sizes = {
        m: len(p.read_text(encoding="utf-8").splitlines())
        for m, p in MODULES.items()
        if stage(m) == name
    }
    assert {m: n for m, n in sizes.items() if n > MAX_LINES} == {}


@pytest.mark.parametrize("name", STAGES)
def test_private_names_stay_in_their_module(name: str) -> None:
    crossing = [
        f"{m} imports {target}.{imported}"
        for m in MODULES
        if stage(m) == name
        for target, imported in GRAPH[m]
        if imported.startswith("_") and not imported.startswith("__")
    ]
    assert crossing == []


def test_the_circle_finder_finds_a_circle(monkeypatch) -> None:
    monkeypatch.setitem(GRAPH, "figcheck.errors", {("figcheck.files", "")})
    assert ["figcheck.errors", "figcheck.files"] in _circles(set(MODULES))


def test_report_writers_never_import_the_report() -> None:
    for name in MODULES:
        if name.startswith("figcheck.report.") and name != "figcheck.report.model":
            assert not {t for t, _ in GRAPH[name]} & {"figcheck.report", "figcheck.report.model"}


def test_the_plugin_and_spec_loader_import_only_light_modules() -> None:
    light = {"figcheck", "figcheck.errors", "figcheck.files", "figcheck.tomlkeys", "figcheck.spec"}
    for name in ("figcheck.pytest_plugin", "figcheck.spec"):
        module_level = {t for t, _ in GRAPH[name]} - light
        # what remains is imported inside functions, when a spec file actually runs
        assert module_level <= {"figcheck.testing"}, module_level


# --- TOML keys and string lists ----------------------------------------------------------------


def test_key_lines_files_quoted_keys_and_arrays_of_tables() -> None:
    text = '[words]\n"a b" = 1\nc = 2\n[[rule]]\nx = 1\n[[rule]]\nx = 2\n'
    assert key_lines(text) == {
        "words": 1, "words.a b": 2, "words.c": 3,
        "rule[0]": 4, "rule[0].x": 5, "rule[1]": 6, "rule[1].x": 7,
    }


def test_parse_toml_names_the_line_of_a_syntax_error() -> None:
    with pytest.raises(SpecError) as err:
        parse_toml("a = 1\nb = [\n", "spec.toml", SpecError)
    assert err.value.path == "spec.toml" and err.value.line >= 2 and err.value.key == "<syntax>"


@pytest.mark.parametrize(
    ("value", "rules", "reason"),
    [
        (3, {}, "must be a list of strings, got 3"),
        (["a", 1], {}, "must be a list of strings"),
        (["a", " "], {"blank_items": False}, "must be a list of non-empty strings"),
        ([], {"empty": False}, "must be a non-empty list of strings"),
        (None, {"single": True}, "must be a string or a list of strings"),
    ],
)
def test_string_list_refusals(value, rules, reason) -> None:
    with pytest.raises(ValueError, match=reason):
        string_list(value, **rules)


def test_string_list_accepts_a_lone_string_only_when_asked() -> None:
    assert string_list("a", single=True) == ["a"]
    assert string_list([], single=True) == []
    with pytest.raises(ValueError):
        string_list("a")


def test_a_data_file_list_error_names_its_line() -> None:
    data = DataFile("words.toml", "# grammar\n[adjacency]\nshare_connectors = [\"of\", 3]\n")
    with pytest.raises(RuleDefinitionError) as err:
        data.strings("share_connectors", "adjacency")
    assert err.value.line == 3 and err.value.key == "adjacency.share_connectors"
    assert data.line_of("missing", "adjacency") == 2  # a missing key points at its table


# --- the file reader ---------------------------------------------------------------------------


def test_one_reader_for_text_files(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf5 ferries")
    assert read_text(tmp_path / "bom.txt") == "5 ferries"
    with pytest.raises(DocumentError, match="no such file"):
        read_text(tmp_path / "absent.txt")
    with pytest.raises(DocumentError, match="is a directory"):
        read_text(tmp_path)
    with pytest.raises(DocumentError, match="binary file") as err:
        decode_text(b"GIF89a\x00\x01", "pic.txt")
    assert err.value.path == "pic.txt"
    with pytest.raises(DocumentError) as err:
        decode_text(b"line one\nline \xff two", "x.txt")
    assert err.value.line == 2 and "offset 14" in err.value.reason


def test_table_files_lists_only_tables(tmp_path: Path) -> None:
    for name in ("b.csv", "a.TSV", "c.parquet", "notes.md", "d.pq"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.csv").mkdir()
    assert [p.name for p in table_files(tmp_path)] == ["a.TSV", "b.csv", "c.parquet", "d.pq"]


# --- errors are FigcheckErrors -----------------------------------------------------------------


def test_every_error_class_is_a_figcheck_error() -> None:
    import figcheck.errors as errors

    classes = [
        obj for obj in vars(errors).values()
        if isinstance(obj, type) and issubclass(obj, BaseException)
    ]
    assert len(classes) >= 8 and all(issubclass(c, FigcheckError) for c in classes)


def test_read_csv_of_another_csv_is_a_document_error(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="header is not figcheck's CSV_COLUMNS"):
        figcheck.read_csv(path)


def test_bad_defaults_in_checks_toml_name_file_line_and_key(monkeypatch) -> None:
    from figcheck.checking import options

    text = "# grammar\n[defaults]\nreference_tolerance = 0.0\nconflation_tolerance = 2\n"
    monkeypatch.setattr(options, "data_file", lambda name: DataFile(name, text))
    options._defaults.cache_clear()
    try:
        with pytest.raises(RuleDefinitionError) as err:
            figcheck.CheckOptions()
    finally:
        options._defaults.cache_clear()
    assert err.value.line == 4 and err.value.key == "defaults.conflation_tolerance"
    assert "below 1.0" in err.value.reason


# --- check(progress=...) -----------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_is_called_once_per_document_in_order(jobs: int) -> None:
    seen: list[str] = []
    docs = [figcheck.Document(f"d{i}", f"The port moved {i + 2} ships.") for i in range(3)]
    report = figcheck.check(docs, jobs=jobs, progress=seen.append)
    assert seen == ["d0", "d1", "d2"] and len(report.claims) == 3


def test_progress_must_be_callable() -> None:
    with pytest.raises(TypeError, match="'progress' must be a function"):
        figcheck.check("5 ships.", progress="yes")


def test_a_bad_argument_is_an_option_error_of_both_builtin_kinds() -> None:
    with pytest.raises(figcheck.OptionError, match="'jobs' must be an int") as err:
        figcheck.check("5 ships.", jobs="two")
    assert isinstance(err.value, TypeError) and isinstance(err.value, ValueError)
    with pytest.raises(figcheck.OptionError, match="unknown format 'xml'"):
        figcheck.Report().render("xml")
    with pytest.raises(ValueError, match="unknown tolerance family"):
        figcheck.extract("about 5 ships", tolerances={"roughly": 0.1})
