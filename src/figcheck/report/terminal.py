"""The terminal view: findings (and, on request, every claim with its status) wrapped to the
terminal's width, the claim written once, colour only when asked for."""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from ..formatting import format_interval, format_percent
from ..outcomes import Status
from .formats import finding_source, one_line

if TYPE_CHECKING:
    from ..claims import Claim
    from ..findings import ClaimStatus, Finding

__all__ = ["STATUS_COLOURS", "format_findings", "format_statistics", "format_statuses"]

_SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}
#: The colour of each status on a terminal (always with its name: colour is never the only signal).
STATUS_COLOURS = {
    Status.SUPPORTED: "green", Status.CONTRADICTED: "red", Status.CORROBORATED: "blue",
    Status.CONFLICT: "yellow", Status.UNCHECKED: "white",
}
_CLAIM_CUT = 40


def _style(text: str, colour: bool, **style: object) -> str:
    if not colour:
        return text
    import click

    return click.style(text, **style)  # type: ignore[arg-type]


def _quoted(claim: Claim, cut: int = _CLAIM_CUT) -> str:
    text = one_line(claim.text)
    cut = max(cut, 8)
    return repr(text if len(text) <= cut else text[: cut - 1] + "…")


def _without_claim(message: str, claim: Claim) -> str:
    """A message without its opening "'text' at doc:line:col (interval)": the row says those."""
    head = re.escape(repr(claim.text)) + r" at " + re.escape(claim.location()) + r"(?: \([^)]*\))?,? "
    message = one_line(message)
    rest = re.sub("^" + head, "", message, count=1)
    return rest if rest == message else rest[:1].upper() + rest[1:]


def _wrap(text: str, width: int, indent: str = "  ") -> list[str]:
    return textwrap.wrap(text, width=max(width, 40), initial_indent=indent,
                         subsequent_indent=indent + "  ", break_on_hyphens=False) or [indent]


def format_findings(findings: Sequence[Finding], *, width: int = 100, colour: bool = False) -> str:
    """Each finding as a head line (where, severity, check, claim) and wrapped detail lines."""
    out: list[str] = []
    for f in findings:
        sev = str(f.severity)
        room = width - len(f"{f.claim.location()}  {sev}  {f.check}  ''")
        head = (f"{_style(f.claim.location(), colour, bold=True)}  "
                f"{_style(sev, colour, fg=_SEVERITY_COLOURS.get(sev), bold=True)}  "
                f"{f.check}  {_quoted(f.claim, min(room, _CLAIM_CUT))}")
        out.append(head)
        compared = f"claimed {format_interval(f.claimed_low, f.claimed_high, f.unit)}"
        if f.expected_low is not None or f.expected_high is not None:
            compared += f", expected {format_interval(f.expected_low, f.expected_high, f.unit)}"
        if f.rel_diff is not None and f.rel_diff == f.rel_diff:
            compared += f" ({format_percent(abs(f.rel_diff))} off)"
        if f.other is not None or f.reference is not None:
            compared += f"; compared with {finding_source(f, width=50)}"
        out.extend(_wrap(compared, width))
        message = _without_claim(f.message, f.claim)
        out.extend(_wrap(message, width))
        if f.evidence and one_line(f.evidence) not in message:
            out.extend(_wrap(f"why compared: {one_line(f.evidence)}", width))
        if f.hint:
            out.extend(_wrap(f"hint: {one_line(f.hint)}", width))
    return "\n".join(out)


def format_statuses(statuses: Sequence[ClaimStatus], show: Collection[Status], *,
                    width: int = 100, colour: bool = False) -> str:
    """The claims whose status is in ``show``: where, status, claim and what it is about."""
    out: list[str] = []
    for s in statuses:
        if s.status not in show:
            continue
        c = s.claim
        about = " / ".join(x for x in (c.measure or c.concept or c.noun, c.subject, c.period) if x)
        status = _style(s.status.value, colour, fg=STATUS_COLOURS[s.status])
        out.append(f"{_style(c.location(), colour, bold=True)}  {status}  {_quoted(c)}"
                   + (f"  {about}" if about else ""))
        why = s.reason if s.status is Status.UNCHECKED else s.evidence
        if why:
            out.extend(_wrap(one_line(why), width))
    return "\n".join(out)


def format_statistics(statuses: Sequence[ClaimStatus], findings: Sequence[Finding]) -> str:
    """Counts of claims by status and of findings by check, one per line (like ``--statistics``
    in linters)."""
    by_status = Counter(s.status for s in statuses)
    by_check = Counter(str(f.check) for f in findings)
    lines = [f"{by_status.get(s, 0):>7}  {s.value}" for s in Status]
    lines += [f"{n:>7}  {check}" for check, n in sorted(by_check.items(), key=lambda kv: -kv[1])]
    return "claims by status, then findings by check:\n" + "\n".join(lines)
