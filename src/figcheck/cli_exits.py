"""How the ``figcheck`` command ends when something outside the user's input goes wrong.

A bug becomes one line that says it is one, where it happened and where to report it (the
traceback only with ``FIGCHECK_DEBUG=1``); a reader that closed the pipe early is not an
error; warnings are one ``figcheck: warning: ...`` line each.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .text import replace_surrogates

__all__ = ["bug_tracker", "internal_error_message", "silence_stdout", "warning_line"]

#: Where bugs are reported when the installed metadata names no issue tracker.
REPORT_BUGS = "figcheck's issue tracker"


def warning_line(message: Warning | str, *args: object, **kwargs: object) -> None:
    """A warning as one stderr line, ``figcheck: warning: ...`` (a ``warnings.showwarning``)."""
    text = " ".join(str(message).split())
    click.echo(f"figcheck: warning: {replace_surrogates(text)}", err=True)


def silence_stdout() -> None:
    """Point stdout at the null device so the final flush cannot fail on a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real stdout: nothing left to flush
        pass


def bug_tracker() -> str:
    """The issue-tracker URL from the installed metadata, or a description of where it is."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("figcheck").get_all("Project-URL") or []
    except PackageNotFoundError:
        return REPORT_BUGS
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("issues", "bug tracker", "tracker", "bugs"):
            return url.strip()
    return REPORT_BUGS


def internal_error_message(exc: BaseException) -> str:
    """What to print for a bug: it is one, where it happened, how to get details, where to report.

    Prints the traceback to stderr first when ``FIGCHECK_DEBUG=1``.
    """
    import traceback  # only for a bug: a run that goes well never needs it

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
    return (
        f"internal error, a bug in figcheck and not in your input "
        f"({type(exc).__name__}{where}: {exc}); {hint} and report it, with the command "
        f"you ran, at {bug_tracker()}"
    )
