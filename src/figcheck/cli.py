"""The ``figcheck`` command: ``extract`` and ``check`` over files, a thin shell over the library.

Exit codes: 0 no discrepancies (at or above ``--fail-on``), 1 discrepancies
found, 2 usage or input error. Input errors print one line to stderr,
``figcheck: error: <file>: <what to fix>``, never a traceback. A bug in figcheck
prints one line saying so and where to report it, and exits 2; the traceback is
printed only when the environment sets ``FIGCHECK_DEBUG=1``.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from .text import replace_surrogates

if TYPE_CHECKING:
    from .claims import Claim
    from .findings import Finding
    from .report import Report

__all__ = ["cli", "main"]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: Show a progress bar on a terminal from this many documents on.
PROGRESS_MIN_FILES = 20
REFERENCE_SUFFIXES = (".csv", ".tsv", ".parquet", ".pq")
#: Output file extension -> format; any other extension takes --format.
FORMAT_BY_SUFFIX = {
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "table",
    ".html": "html",
    ".htm": "html",
}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


class InputError(click.ClickException):
    """A user mistake in the input (file, table, option value): one line, exit 2."""

    exit_code = EXIT_ERROR

    def __init__(self, where: str, what: str) -> None:
        super().__init__(f"{where}: {what}" if where else what)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _die(message: str) -> NoReturn:
    click.echo(f"figcheck: error: {replace_surrogates(_one_line(message))}", err=True)
    sys.exit(EXIT_ERROR)


class _FigcheckGroup(click.Group):
    """A click group whose errors are one stderr line and exit code 2."""

    def main(
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> Any:  # type: ignore[override]
        """Run the command; turn usage and input errors into ``figcheck: error: ...``."""
        from .errors import FigcheckError

        extra.pop("standalone_mode", None)
        try:
            code = super().main(args, prog_name or "figcheck", standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help() if exc.ctx is not None else exc.format_message())
            sys.exit(EXIT_ERROR)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            _die(exc.format_message() + hint)
        except click.ClickException as exc:
            _die(exc.format_message())
        except FigcheckError as exc:
            _die(_figcheck_error(exc))
        except click.exceptions.Abort:
            click.echo("figcheck: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # the reader (e.g. `| head`) went away: not an error of ours
            _silence_stdout()
            sys.exit(EXIT_CLEAN)
        except (SystemExit, KeyboardInterrupt, GeneratorExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - a bug (a Rust panic too), not a user mistake
            _internal_error(exc)
        sys.exit(code if isinstance(code, int) else EXIT_CLEAN)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand; a closed stdout is handled here, before click turns it into 1."""
        try:
            return super().invoke(ctx)
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            _silence_stdout()
            sys.exit(EXIT_CLEAN)


def _silence_stdout() -> None:
    """Point stdout at the null device so the final flush cannot fail on a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real stdout: nothing left to flush
        pass


#: Where bugs are reported when the installed metadata names no issue tracker.
_REPORT_BUGS = "figcheck's issue tracker"


def _bug_tracker() -> str:
    """The issue-tracker URL from the installed metadata, or a description of where it is."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("figcheck").get_all("Project-URL") or []
    except PackageNotFoundError:
        return _REPORT_BUGS
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("issues", "bug tracker", "tracker", "bugs"):
            return url.strip()
    return _REPORT_BUGS


def _internal_error(exc: BaseException) -> NoReturn:
    """One line saying a bug in figcheck stopped the run, where it happened and where to report it."""
    where = ""
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        last = frames[-1]
        where = f" in {Path(last.filename).name}:{last.lineno}"
    if os.environ.get("FIGCHECK_DEBUG") == "1":
        traceback.print_exception(exc)
        hint = "please report it with the traceback above"
    else:
        hint = "run again with FIGCHECK_DEBUG=1 for the traceback"
    _die(
        f"internal error, a bug in figcheck and not in your input "
        f"({type(exc).__name__}{where}: {exc}); {hint} and report it, with the command "
        f"you ran, at {_bug_tracker()}"
    )


def _figcheck_error(exc: Exception) -> str:
    """A FigcheckError as one line naming the file and what to fix."""
    from .errors import ReferenceTableError

    if isinstance(exc, ReferenceTableError) and exc.errors:
        first = exc.errors[0]
        more = len(exc.errors) - 1
        tail = f" (and {more} more bad row{'s' if more != 1 else ''})" if more else ""
        return f"{first}; fix the row and run again{tail}"
    return str(exc)


@click.group(cls=_FigcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="figcheck", prog_name="figcheck")
def cli() -> None:
    """Find the numeric claims in documents; check them against each other and reference tables."""


def _check_paths(files: Sequence[str]) -> list[str]:
    """The input files, after checking each exists and is a file ('-' is standard input)."""
    for name in files:
        if name == "-":
            continue
        path = Path(name)
        if not path.exists():
            raise InputError(name, "no such file; check the path")
        if path.is_dir():
            raise InputError(name, "is a directory; pass the files in it (e.g. dir/*.txt)")
    if list(files).count("-") > 1:
        raise InputError("-", "standard input can be read only once")
    return list(files)


def _documents(files: Sequence[str], stdin_filename: str) -> list[Any]:
    """Load the documents in the order given, reading '-' from standard input."""
    from .documents import Document, load_documents

    documents = []
    for name in files:
        if name != "-":
            documents.extend(load_documents([Path(name)]))
            continue
        try:
            raw = sys.stdin.buffer.read()
        except (AttributeError, OSError, ValueError):  # no stdin, or its descriptor is closed
            raise InputError(
                stdin_filename,
                "standard input is closed; pipe a document in or name a file instead of '-'",
            ) from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                stdin_filename,
                f"standard input is not UTF-8 text (byte {exc.start}); convert it to UTF-8",
            ) from None
        documents.append(Document(stdin_filename, text))
    return documents


def _claims(documents: Sequence[Any]) -> list[Claim]:
    """The claims of every document, with a progress bar on a terminal when there are many."""
    from .extraction.extractor import extract

    claims: list[Claim] = []
    with _progress(documents, "reading") as bar:
        for doc in bar:
            claims.extend(extract(doc.text, doc_id=doc.id))
    return claims


def _reference_files(specs: Sequence[str]) -> list[Path]:
    """The reference tables named by ``--reference``: files, or every table in a directory."""
    files: list[Path] = []
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in REFERENCE_SUFFIXES)
            if not found:
                raise InputError(spec, "directory has no .csv, .tsv or .parquet reference tables")
            files.extend(found)
        elif not path.exists():
            raise InputError(spec, "no such reference table; check the path")
        elif path.suffix.lower() not in REFERENCE_SUFFIXES:
            raise InputError(spec, "reference tables must be .csv, .tsv or .parquet files")
        else:
            files.append(path)
    return files


def _load_reference(files: Sequence[Path]) -> Any:
    """One ReferenceTable from all ``files`` (every bad row of every file is reported)."""
    from .reference import ReferenceTable

    if not files:
        return None
    try:
        return ReferenceTable.load([str(p) for p in files])
    except ImportError as exc:  # Parquet without pyarrow
        raise InputError(str(files[0]), f"{exc}") from None


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(findings: Sequence[Finding]) -> str:
    """Findings as GitHub Actions workflow commands (``::error file=...,line=...::message``)."""
    from .report import finding_source

    lines = []
    for f in findings:
        claim = f.claim
        props = [
            f"file={_escape_property(claim.doc_id)}",
            f"line={claim.line}",
            f"col={claim.column}",
        ]
        if "\n" not in claim.text:
            props.append(f"endColumn={claim.column + len(claim.text)}")
        props.append(f"title={_escape_property(f'figcheck {f.check}')}")
        message = f"{claim.text!r}: {_one_line(f.message)}"
        if f.other is not None or f.reference is not None:
            message += f" (compared with {finding_source(f)})"
        if f.hint:
            message += f" Hint: {_one_line(f.hint)}"
        lines.append(
            f"::{_GITHUB_LEVEL[str(f.severity)]} {','.join(props)}::{_escape_data(message)}"
        )
    return "".join(line + "\n" for line in lines)


def _render_report(report: Report, fmt: str, *, excel: bool = False) -> str:
    if fmt == "table":
        return report.to_text()
    if fmt == "csv":
        return report.to_csv(excel=excel) or ""
    if fmt == "json":
        return report.to_json() or ""
    if fmt == "jsonl":
        return report.to_jsonl() or ""
    if fmt == "html":
        return report.to_html() or ""
    if fmt == "github":
        return github_annotations(
            sorted(report.findings, key=lambda f: (f.claim.doc_id, f.claim.start))
        )
    raise InputError("--format", f"unknown format {fmt!r}")


def claims_table(claims: Sequence[Claim]) -> str:
    """Claims as an aligned table, ``doc:line:col`` first."""
    from .report import align, format_interval, format_number

    rows = [("location", "kind", "claim", "value", "interval", "bound", "about")]
    for c in claims:
        what = c.noun or c.concept
        if c.noun and c.concept and c.concept != c.noun:
            what = f"{c.noun} ({c.concept})"
        about = " / ".join(x for x in (c.subject, what, c.period) if x)
        unit = "" if c.unit == "count" else (" %" if c.unit == "percent" else f" {c.unit}")
        rows.append(
            (
                c.location(),
                str(c.kind),
                repr(" ".join(c.text.split())),
                format_number(c.value)
                + (f" of {format_number(c.whole)}" if c.whole is not None else "")
                + unit,
                format_interval(c.low, c.high, c.unit),
                str(c.bound),
                about,
            )
        )
    lines = align(rows)
    lines.append(f"{len(claims)} claim{'s' if len(claims) != 1 else ''}")
    return "\n".join(lines) + "\n"


def _render_claims(claims: Sequence[Claim], fmt: str, *, excel: bool = False) -> str:
    from .report import export

    if fmt == "table":
        return claims_table(claims)
    if fmt == "csv":
        return export.write_csv(export.claims_frame(claims), excel=excel) or ""
    if fmt == "json":
        import json

        return json.dumps(export.claims_json(claims), indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        return export.write_jsonl(export.claim_rows(claims)) or ""
    raise InputError("--format", f"unknown format {fmt!r}")


def _write(text: str, output: str | None, fmt: str, render: Callable[[str], str]) -> None:
    """Print ``text`` (the --format output) and write the ``-o`` file.

    The file gets the format its extension names; stdout is skipped when that is
    the format it would have printed.
    """
    # A lone surrogate (an undecodable byte in a file name) cannot be written as UTF-8.
    text = replace_surrogates(text)
    if output is not None:
        file_fmt = FORMAT_BY_SUFFIX.get(Path(output).suffix.lower(), fmt)
        body = text if file_fmt == fmt else replace_surrogates(render(file_fmt))
        try:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                fh.write(body)
        except OSError as exc:
            raise InputError(
                output, f"cannot write the output file ({exc.strerror}); check the folder exists"
            ) from None
        if file_fmt == fmt:
            return
    try:
        click.echo(text, nl=False)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head`, `| true`); the exit code still reports the result.
        _silence_stdout()


def _interactive() -> bool:
    """True when stderr is a terminal a progress bar can redraw."""
    return sys.stderr.isatty() and os.environ.get("TERM") != "dumb"


def _progress(items: Sequence[Any], label: str) -> Any:
    """A click progress bar on stderr for a terminal and many items; a no-op otherwise."""
    if len(items) >= PROGRESS_MIN_FILES and _interactive():
        return click.progressbar(items, label=label, file=sys.stderr)
    return _NoProgress(items)


class _NoProgress:
    def __init__(self, items: Sequence[Any]) -> None:
        self.items = items

    def __enter__(self) -> Sequence[Any]:
        return self.items

    def __exit__(self, *exc: object) -> None:
        return None


FILES = click.argument("files", nargs=-1, required=True, metavar="FILE...")
STDIN_NAME = click.option(
    "--stdin-filename",
    default="<stdin>",
    show_default=True,
    help="Document name for text read from '-'.",
)
OUTPUT = click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Also write the result to FILE, in the format its extension names "
    "(.csv, .json, .jsonl, .txt, .html; otherwise --format).",
)
EXCEL = click.option("--excel", is_flag=True, help="CSV with a byte-order mark, for Excel.")


@cli.command()
@FILES
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json", "jsonl"]),
    default="table",
    show_default=True,
    help="What to print on stdout.",
)
@OUTPUT
@EXCEL
@STDIN_NAME
def extract(
    files: tuple[str, ...], fmt: str, output: str | None, excel: bool, stdin_filename: str
) -> None:
    """Print the claims found in FILE... ('-' reads standard input)."""
    claims = _claims(_documents(_check_paths(files), stdin_filename))
    text = _render_claims(claims, fmt, excel=excel)
    _write(text, output, fmt, lambda f: _render_claims(claims, f, excel=excel))


@cli.command()
@FILES
@click.option(
    "-r",
    "--reference",
    "references",
    multiple=True,
    metavar="TABLE",
    help="Reference table (.csv, .tsv or .parquet), or a folder of them; repeatable.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json", "jsonl", "github", "html"]),
    default="table",
    show_default=True,
    help="What to print on stdout.",
)
@OUTPUT
@EXCEL
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    default="warning",
    show_default=True,
    help="Least severity that makes the exit code 1.",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even when discrepancies are found (still 2 on errors).",
)
@STDIN_NAME
@click.pass_context
def check(
    ctx: click.Context,
    files: tuple[str, ...],
    references: tuple[str, ...],
    fmt: str,
    output: str | None,
    excel: bool,
    fail_on: str,
    exit_zero: bool,
    stdin_filename: str,
) -> None:
    """Check the claims in FILE... against each other and the reference tables.

    Prints the findings (--format, default an aligned table) and exits 1 when
    any is at least as severe as --fail-on.
    """
    paths = _check_paths(files)
    reference = _load_reference(_reference_files(references))
    documents = _documents(paths, stdin_filename)
    from .pipeline import check_claims

    texts = {d.id: d.text for d in documents}
    report = check_claims(_claims(documents), reference, texts=texts)
    # check_claims only knows documents that have claims; the summary counts all of them.
    report = dataclasses.replace(report, documents=tuple(d.id for d in documents))
    text = _render_report(report, fmt, excel=excel)
    _write(text, output, fmt, lambda f: _render_report(report, f, excel=excel))
    failed = bool(report.failures(fail_on))
    ctx.exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_CLEAN)


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Entry point of the ``figcheck`` script and ``python -m figcheck``."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="figcheck")
    raise AssertionError("unreachable: cli.main always exits")  # pragma: no cover
