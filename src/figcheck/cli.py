"""The ``figcheck`` command: ``extract`` and ``check`` over files, a thin shell over the library.

Exit codes: 0 no discrepancies (at or above ``--fail-on``), 1 discrepancies
found, 2 usage or input error. Input errors print one line to stderr,
``figcheck: error: <file>: <what to fix>``, never a traceback. A bug in figcheck
prints one line saying so and where to report it, and exits 2; the traceback is
printed only when the environment sets ``FIGCHECK_DEBUG=1``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from .check_ids import CheckId
from .cli_exits import internal_error_message, silence_stdout, warning_line
from .cli_output import FORMAT_BY_SUFFIX, InputError, Stdout, open_output, targets
from .output_formats import CLAIM_FORMATS, REPORT_FORMATS
from .text import replace_surrogates

__all__ = ["FORMAT_BY_SUFFIX", "InputError", "cli", "main"]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: Show a progress bar on a terminal from this many documents on.
PROGRESS_MIN_FILES = 20
def _die(message: str) -> NoReturn:
    click.echo(f"figcheck: error: {replace_surrogates(' '.join(str(message).split()))}", err=True)
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
            with warnings.catch_warnings():
                warnings.showwarning = warning_line
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
        except MemoryError:
            _die("out of memory: the documents hold more claims than this machine can keep; "
                 "check fewer or smaller files per run")
        except BrokenPipeError:
            # the reader (e.g. `| head`) went away: not an error of ours
            silence_stdout()
            sys.exit(EXIT_CLEAN)
        except (SystemExit, KeyboardInterrupt, GeneratorExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - a bug (a Rust panic too), not a user mistake
            _die(internal_error_message(exc))
        sys.exit(code if isinstance(code, int) else EXIT_CLEAN)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand; a closed stdout is handled here, before click turns it into 1."""
        try:
            return super().invoke(ctx)
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            silence_stdout()
            sys.exit(EXIT_CLEAN)


def _figcheck_error(exc: Exception) -> str:
    """A FigcheckError as one line naming the file and what to fix."""
    from .errors import ReferenceTableError

    if isinstance(exc, ReferenceTableError) and exc.errors:
        first = exc.errors[0]
        more = len(exc.errors) - 1
        tail = f" (and {more} more bad row{'s' if more != 1 else ''})" if more else ""
        if first.column == "(file)":  # the file itself, not one of its rows
            return f"{first.path}: {first.message}{tail}"
        return f"{first}; fix the row and run again{tail}"
    return str(exc)


@click.group(cls=_FigcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="figcheck", prog_name="figcheck")
def cli() -> None:
    """Find the numeric claims in documents; check them against each other and reference tables."""


def _documents(files: Sequence[str], stdin_filename: str, encoding: str = "utf-8"
               ) -> Iterator[Any]:
    """The documents in the order given, each read when its turn comes ('-' from standard input,
    once); a missing file is reported before any is read."""
    import figcheck

    if list(files).count("-") > 1:
        raise InputError("-", "standard input can be read only once")
    for name in files:
        if name != "-" and not Path(name).is_file():
            figcheck.load_documents([Path(name)])  # raises the DocumentError that names it
    return _read_each(files, stdin_filename, encoding)


def _read_each(files: Sequence[str], stdin_filename: str, encoding: str) -> Iterator[Any]:
    import figcheck
    from figcheck.files import decode_text

    for name in files:
        if name == "-":
            try:
                raw = sys.stdin.buffer.read()
            except (AttributeError, OSError, ValueError):  # no stdin, or its descriptor is closed
                raise InputError(
                    stdin_filename,
                    "standard input is closed; pipe a document in or name a file instead of '-'",
                ) from None
            yield figcheck.Document(stdin_filename, decode_text(raw, stdin_filename, encoding))
        else:
            yield from figcheck.load_documents([Path(name)], encoding=encoding)


def _format_given() -> bool:
    """Did the user give --format (rather than take its default)?"""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return False
    source = ctx.get_parameter_source("fmt")
    return source is not None and source.name not in ("DEFAULT", "DEFAULT_MAP")


def _interactive() -> bool:
    """True when stderr is a terminal a progress bar can redraw."""
    return sys.stderr.isatty() and os.environ.get("TERM") != "dumb"


@contextlib.contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[str], None] | None]:
    """A callback that advances a progress bar on stderr, for a terminal and many documents.

    None (no bar) otherwise.
    """
    if total < PROGRESS_MIN_FILES or not _interactive():
        yield None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield lambda _doc_id: bar.update(1)


def _check_epilog() -> str:
    import textwrap

    ids = "\n  ".join(textwrap.wrap(", ".join(c.value for c in CheckId), 74))
    return (
        "\b\nExamples:\n"
        "  figcheck check examples/*.txt --reference reference_data/\n"
        "  figcheck check a.txt b.txt -o report.html          # annotated HTML page\n"
        "  figcheck check *.txt -r tables/ -o findings.csv    # discrepancies for a spreadsheet\n"
        "  figcheck check *.txt --show all --statistics       # every claim and its status\n"
        "  figcheck check *.txt --select conflict --fail-on error\n"
        f"\n\b\nCheck ids:\n  {ids}\n"
        "\n\b\nExit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error."
    )


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
    "(.csv, .json, .jsonl/.ndjson, .txt, .html; no extension: --format).",
)
EXCEL = click.option("--excel", is_flag=True, help="CSV with a byte-order mark, for Excel.")
ENCODING = click.option(
    "--encoding", default="utf-8", show_default=True, metavar="NAME",
    help="Text encoding of the documents (e.g. latin-1, cp1252).",
)


def _format_option(formats: Sequence[str]) -> Callable[[Any], Any]:
    """The ``--format`` option over ``formats`` (the first is the default)."""
    return click.option(
        "--format", "fmt", type=click.Choice(formats), default=formats[0], show_default=True,
        help="What to print on stdout.",
    )


@cli.command()
@FILES
@_format_option(CLAIM_FORMATS)
@OUTPUT
@EXCEL
@ENCODING
@STDIN_NAME
def extract(
    files: tuple[str, ...], fmt: str, output: str | None, excel: bool, encoding: str,
    stdin_filename: str,
) -> None:
    """Print the claims found in FILE... ('-' reads standard input).

    \b
    Examples:
      figcheck extract examples/kremlin_claims.txt
      figcheck extract report.txt --format csv -o claims.csv
      cat story.txt | figcheck extract - --stdin-filename story.txt
    """
    import figcheck
    from figcheck.report.writers import claim_csv_lines, jsonl_lines
    from figcheck.report.columns import iter_claim_rows

    where = targets(output, fmt, CLAIM_FORMATS, _format_given())
    documents = _documents(files, stdin_filename, encoding)
    stdout = Stdout()
    # CSV and JSON Lines are written as each document's claims come; a table or a JSON array
    # needs every claim first.
    streamed = {"csv": lambda claims, first: claim_csv_lines(claims, header=first),
                "jsonl": lambda claims, _: jsonl_lines(iter_claim_rows(claims))}
    kept: list[Any] = []
    doc_ids: list[str] = []
    with open_output(where.path) as fh, _progress(len(files), "reading") as advance:
        sinks = [(f, s) for f, s in ((where.stdout, stdout), (where.file_format, fh))
                 if f is not None and s is not None]
        if excel and fh is not None and where.file_format == "csv":
            fh.write("\ufeff")
        if excel and where.stdout == "csv":
            stdout.write("\ufeff")
        for doc in documents:
            claims = figcheck.extract(doc)
            doc_ids.append(doc.id)
            for f, sink in sinks:
                if f in streamed:
                    for line in streamed[f](claims, len(doc_ids) == 1):
                        sink.write(line)
            if fh is not None:
                fh.flush()  # a reader of the file sees each document's claims as they come
            if any(f not in streamed for f, _ in sinks):
                kept.extend(claims)
            if advance is not None:
                advance(doc.id)
        report = figcheck.Report(claims=tuple(kept), documents=tuple(doc_ids))
        for f, sink in sinks:
            if f in streamed and not doc_ids:  # no document: the CSV still gets its header
                for line in streamed[f]([], True):
                    sink.write(line)
            elif f not in streamed:
                report.write_claims(f, sink, excel=excel)
    stdout.flush()


@cli.command(epilog=_check_epilog())
@FILES
@click.option(
    "-r",
    "--reference",
    "references",
    multiple=True,
    metavar="TABLE",
    help="Reference table (.csv, .tsv or .parquet), or a folder of them; repeatable.",
)
@_format_option(REPORT_FORMATS)
@OUTPUT
@EXCEL
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default="warning",
    show_default=True,
    help="Least severity that makes the exit code 1.",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even when discrepancies are found (still 2 on errors).",
)
@click.option(
    "--select", "select", multiple=True, metavar="CHECK[,CHECK]",
    help="Run only these checks (ids below); repeatable.",
)
@click.option(
    "--ignore", "ignore", multiple=True, metavar="CHECK[,CHECK]",
    help="Skip these checks (ids below); repeatable.",
)
@click.option(
    "--show", "show", multiple=True, default=("problems",), show_default=True,
    metavar="STATUS[,STATUS]",
    help="Also list the claims with these statuses (supported, contradicted, corroborated, "
    "conflict, unchecked), or 'all'; table format only.",
)
@click.option("--statistics", is_flag=True,
              help="Count claims by status and findings by check (table format).")
@click.option("-q", "--quiet", is_flag=True,
              help="Print only the summary line (table format); the exit code still tells.")
@click.option(
    "--reference-tolerance", type=click.FloatRange(min=0.0), default=None, metavar="REL",
    help="Relative widening of reference rows that give no tolerance of their own "
    "(default from checks.toml).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="Processes that read the documents (0: one per CPU; default from checks.toml, 1).",
)
@click.option(
    "--reference-comments",
    is_flag=True,
    help="Read reference-table lines starting with '#' as comments (by default they are rows).",
)
@ENCODING
@STDIN_NAME
@click.pass_context
def check(
    ctx: click.Context,
    files: tuple[str, ...],
    references: tuple[str, ...],
    reference_comments: bool,
    fmt: str,
    output: str | None,
    excel: bool,
    fail_on: str,
    exit_zero: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    show: tuple[str, ...],
    statistics: bool,
    quiet: bool,
    reference_tolerance: float | None,
    jobs: int | None,
    encoding: str,
    stdin_filename: str,
) -> None:
    """Check the claims in FILE... against each other and the reference tables.

    Prints the findings (--format, default a table that fits the terminal) and exits 1 when
    any is at least as severe as --fail-on.
    """
    import figcheck
    from figcheck.report import parse_show

    try:
        wanted = parse_show(show)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--show") from None
    where = targets(output, fmt, REPORT_FORMATS, _format_given())
    documents: Any = _documents(files, stdin_filename, encoding)
    if "html" in where.formats:
        documents = list(documents)  # the page shows every document's text
    reference: Any = list(references) or None
    if reference is not None and reference_comments:
        reference = figcheck.ReferenceTable.load(reference, comments=True)
    options: dict[str, Any] = {} if jobs is None else {"jobs": jobs}
    checks = _checks(select, ignore)
    if checks is not None:
        options["checks"] = checks
    if reference_tolerance is not None:
        options["reference_tolerance"] = reference_tolerance
    with _progress(len(files), "reading") as advance:
        report = figcheck.check(documents, reference=reference, progress=advance, **options)
    with open_output(where.path) as fh:
        if fh is not None and where.file_format is not None:
            report.write(where.file_format, fh, excel=excel)
    stdout = Stdout()
    if where.stdout == "table":
        stdout.write(report.to_text(width=_width(), colour=_colour(), show=wanted,
                                    statistics=statistics, quiet=quiet))
    elif where.stdout is not None:
        report.write(where.stdout, stdout, excel=excel)
    stdout.flush()
    failed = bool(report.failures(fail_on))
    ctx.exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_CLEAN)


def _checks(select: Sequence[str], ignore: Sequence[str]) -> list[str] | None:
    """The check ids to run from --select and --ignore (None: all of them)."""
    known = [c.value for c in CheckId]

    def names(values: Sequence[str], option: str) -> list[str]:
        out = [n.strip() for v in values for n in v.split(",") if n.strip()]
        for n in out:
            if n not in known:
                raise click.BadParameter(
                    f"unknown check {n!r}; the checks are: {', '.join(known)}", param_hint=option)
        return out

    chosen = names(select, "--select") or known
    skipped = set(names(ignore, "--ignore"))
    if not select and not skipped:
        return None
    return [c for c in chosen if c not in skipped]


def _width() -> int:
    """Columns to wrap the table to: the terminal's (or $COLUMNS), at least 60."""
    import shutil

    return max(60, shutil.get_terminal_size((100, 24)).columns)


def _colour() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Entry point of the ``figcheck`` script and ``python -m figcheck``."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="figcheck")
    raise AssertionError("unreachable: cli.main always exits")  # pragma: no cover
