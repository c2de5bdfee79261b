"""The HTML report: one self-contained page with every document, its claims and the findings.

Standard library only (``html.escape`` on every piece of document text), so
``figcheck check --format html`` needs no extra install; the page loads nothing
from the network and reads fine with JavaScript off (the script only adds filters).
"""

from __future__ import annotations

import html
import math
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources

from ..claims import Claim
from ..findings import ClaimStatus, Finding, Status
from ..formatting import format_interval, format_number, format_percent, format_unit

__all__ = ["STATUS_MARKERS", "claim_anchor", "render_html", "statuses_by_claim"]

#: The text marker shown with each status colour (colour is never the only signal).
STATUS_MARKERS: Mapping[Status, str] = {
    Status.SUPPORTED: "✓",
    Status.CONTRADICTED: "✗",
    Status.CORROBORATED: "=",
    Status.CONFLICT: "≠",
    Status.UNCHECKED: "·",
}
_STATUS_ORDER = list(Status)
_SVG_WIDTH, _SVG_ROW, _SVG_LABEL = 680, 18, 230


def claim_anchor(claim: Claim) -> str:
    """The page-wide id of a claim's highlight: document id and offsets, made id-safe."""
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "_" for ch in claim.doc_id)
    if safe != claim.doc_id:  # keep ids of documents that differ only in unsafe characters apart
        safe += f"-{zlib.crc32(claim.doc_id.encode('utf-8', 'surrogatepass')):08x}"
    return f"c-{safe}-{claim.start}-{claim.end}"


def _key(claim: Claim) -> tuple[str, int, int]:
    return (claim.doc_id, claim.start, claim.end)


def statuses_by_claim(report: object) -> dict[tuple[str, int, int], ClaimStatus]:
    """Each claim's status, keyed by (doc_id, start, end): ``report.statuses`` where given.

    A claim the report gives no status is unchecked ("not compared").
    """
    out = {_key(s.claim): s for s in getattr(report, "statuses", ())}
    for claim in getattr(report, "claims", ()):
        out.setdefault(
            _key(claim), ClaimStatus(claim=claim, status=Status.UNCHECKED, reason="not compared")
        )
    return out


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _asset(name: str) -> str:
    return resources.files("figcheck.report").joinpath("assets", name).read_text("utf-8")


def _frame(claim: Claim, status: ClaimStatus) -> str:
    """The hover/focus card: the claim's frame, its status and the evidence."""
    rows = [
        ("value", format_number(claim.value) + format_unit(claim.unit)),
        ("interval", format_interval(claim.low, claim.high, claim.unit) + f" (bound {claim.bound})"),
        ("kind", claim.kind),
        ("measure", claim.measure or claim.concept or claim.noun),
        ("qualifiers", ", ".join(claim.qualifiers)),
        ("noun", claim.noun),
        ("subject", (claim.subject or "") + (" (from the document)" if claim.subject_inherited else "")),
        ("period", claim.period),
        ("source", claim.source),
        ("change", claim.change),
        ("status", status.status.value + (f": {status.reason}" if status.reason else "")),
        ("evidence", status.evidence),
        ("where", claim.location()),
    ]
    items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows if v not in (None, ""))
    return f'<span class="frame" role="tooltip"><dl>{items}</dl></span>'


def _counterparts(report: object) -> dict[tuple[str, int, int], list[tuple[Claim, str]]]:
    """For each claim, the other claims it was paired with and how (conflict, corroboration)."""
    links: dict[tuple[str, int, int], list[tuple[Claim, str]]] = defaultdict(list)
    for f in getattr(report, "findings", ()):
        if f.other is not None:
            links[_key(f.claim)].append((f.other, str(f.check)))
            links[_key(f.other)].append((f.claim, str(f.check)))
    for c in getattr(report, "corroborations", ()):
        links[_key(c.claim)].append((c.other, "corroboration"))
        links[_key(c.other)].append((c.claim, "corroboration"))
    return links


def _document(text: str, placed: Sequence[tuple[Claim, int]],
              statuses: Mapping[tuple[str, int, int], ClaimStatus],
              links: Mapping[tuple[str, int, int], list[tuple[Claim, str]]]) -> str:
    """One document, escaped, with every claim wrapped in a focusable highlight.

    ``placed`` pairs each claim with its offset in ``text`` (its own start, unless the text
    is a stand-in made of sentences).
    """
    parts: list[str] = []
    pos = 0
    for claim, at in sorted(placed, key=lambda p: (p[1], -len(p[0].text))):
        start = max(at, pos)
        end = max(at + len(claim.text), start)
        parts.append(_e(text[pos:start]))
        status = statuses[_key(claim)]
        st = status.status.value
        label = f"{st}: {claim.text}"
        parts.append(
            f'<span class="claim st-{st}" id="{claim_anchor(claim)}" tabindex="0" '
            f'data-status="{st}" aria-label="{_e(label)}">{_e(text[start:end]) or "◆"}'
            f'<span class="mk" aria-hidden="true">{STATUS_MARKERS[status.status]}</span>'
            f"{_frame(claim, status)}</span>"
        )
        seen: set[tuple[str, int, int]] = set()
        for other, how in links.get(_key(claim), ()):
            if _key(other) in seen:
                continue
            seen.add(_key(other))
            parts.append(
                f'<a class="pair" href="#{claim_anchor(other)}" '
                f'title="{_e(how)} with {_e(other.location())} {_e(repr(other.text))}">'
                f"{'⇄' if how != 'corroboration' else '↔'}</a>"
            )
        pos = end
    parts.append(_e(text[pos:]))
    return "".join(parts)


def _scale(values: Iterable[float]) -> tuple[float, float]:
    finite = [v for v in values if v is not None and math.isfinite(v)]
    if not finite:
        return (0.0, 1.0)
    lo, hi = min(finite), max(finite)
    pad = (hi - lo) * 0.08 or abs(hi) * 0.1 or 1.0
    # counts, shares and most measures cannot go below zero: no negative axis for them
    return (lo - pad if lo - pad >= 0 or lo < 0 else 0.0, hi + pad)


def number_line(rows: Sequence[tuple[str, float | None, float | None]], unit: str) -> str:
    """An inline SVG: one bar per (label, low, high), on a shared axis, open ends as arrows."""
    rows = [r for r in rows if r[1] is not None or r[2] is not None]
    if not rows:
        return ""
    lo, hi = _scale(v for _, a, b in rows for v in (a, b))
    span = hi - lo
    # room for the arrows of open-ended intervals
    if any(b is None or math.isinf(b) for _, _, b in rows):
        hi += span * 0.25
    if any(a is None or math.isinf(a) for _, a, _ in rows):
        lo -= span * 0.25
    span = hi - lo
    width = _SVG_WIDTH - _SVG_LABEL - 10

    def x(v: float) -> float:
        v = min(max(v, lo), hi)
        return _SVG_LABEL + (v - lo) / span * width

    height = _SVG_ROW * len(rows) + 26
    out = [
        f'<svg class="numline" width="{_SVG_WIDTH}" height="{height}" role="img" '
        f'viewBox="0 0 {_SVG_WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{_e(' / '.join(f'{n}: {format_interval(a, b, unit)}' for n, a, b in rows))}</title>"
    ]
    colours = ["#a04a00", "#1a5fb4", "#1b7f3b", "#6b3fa0"]
    for i, (name, a, b) in enumerate(rows):
        y = 8 + i * _SVG_ROW
        a = -math.inf if a is None else a
        b = math.inf if b is None else b
        x1, x2 = x(a), x(b)
        colour = colours[i % len(colours)]
        out.append(
            f'<text x="0" y="{y + 4}" font-size="11" fill="#1d1d1f">'
            f"{_e(name)} {_e(format_interval(a, b, unit))}</text>"
        )
        if x2 - x1 < 3:
            out.append(f'<circle cx="{x1:.1f}" cy="{y}" r="3.5" fill="{colour}"/>')
        else:
            out.append(f'<rect x="{x1:.1f}" y="{y - 3}" width="{x2 - x1:.1f}" height="6" '
                       f'rx="2" fill="{colour}"/>')
        if math.isinf(b):
            out.append(f'<path d="M{x2:.1f} {y - 6} l8 6 l-8 6 z" fill="{colour}"/>')
        if math.isinf(a):
            out.append(f'<path d="M{x1:.1f} {y - 6} l-8 6 l8 6 z" fill="{colour}"/>')
    axis_y = height - 14
    out.append(f'<line x1="{_SVG_LABEL}" x2="{_SVG_LABEL + width}" y1="{axis_y}" y2="{axis_y}" '
               'stroke="#9aa0a6" stroke-width="1"/>')
    for v, anchor in ((lo, "start"), (hi, "end")):
        out.append(f'<text x="{x(v):.1f}" y="{axis_y + 11}" font-size="9" fill="#5f6368" '
                   f'text-anchor="{anchor}">{_e(format_number(v))}</text>')
    out.append("</svg>")
    return "".join(out)


def _finding_rows(f: Finding) -> list[tuple[str, float | None, float | None]]:
    rows: list[tuple[str, float | None, float | None]] = [("claim", f.claimed_low, f.claimed_high)]
    if f.expected_low is not None or f.expected_high is not None:
        label = "other claim" if f.other is not None else ("reference" if f.reference else "expected")
        rows.append((label, f.expected_low, f.expected_high))
    return rows


def _finding(f: Finding, n: int) -> str:
    claim = f.claim
    status = "contradicted" if f.reference is not None else (
        "conflict" if f.other is not None else "contradicted")
    head = (
        f'<div class="head"><span class="badge st-{status}">{_e(f.check)}</span>'
        f'<span class="badge st-unchecked">{_e(f.severity)}</span>'
        f'<a href="#{claim_anchor(claim)}">{_e(claim.location())} {_e(repr(claim.text))}</a>'
    )
    if f.other is not None:
        head += (f' <span class="muted">vs</span> <a href="#{claim_anchor(f.other)}">'
                 f"{_e(f.other.location())} {_e(repr(f.other.text))}</a>")
    for other in f.related:
        head += f' <a class="muted" href="#{claim_anchor(other)}">{_e(repr(other.text))}</a>'
    if f.rel_diff is not None and math.isfinite(f.rel_diff):
        head += f' <span class="muted">off by {_e(format_percent(f.rel_diff))}</span>'
    head += "</div>"
    body = [f'<p class="msg">{_e(f.message)}</p>']
    if f.evidence and " ".join(f.evidence.split()) not in " ".join(f.message.split()):
        body.append(f'<p class="evidence">why these were compared: {_e(f.evidence)}</p>')
    if f.reference is not None:
        ref = f.reference
        source = _e(ref.source or "source not given")
        if ref.url and ref.url.lower().startswith(("http://", "https://")):
            source = f'<a href="{_e(ref.url)}" rel="noopener noreferrer">{source}</a>'
        where = f"{ref.path}:{ref.line}" if getattr(ref, "line", None) else (ref.path or "")
        body.append(
            f'<p class="row">reference row: {_e(ref.subject)} / {_e(ref.measure)}'
            f"{' / ' + _e(ref.period) if ref.period else ''}: "
            f"{_e(format_interval(ref.low, ref.high, ref.unit))} — {source}"
            f"{' (' + _e(where) + ')' if where else ''}</p>"
        )
    if f.hint:
        body.append(f'<p class="hint">hint: {_e(f.hint)}</p>')
    body.append(number_line(_finding_rows(f), f.unit))
    return (f'<div class="finding st-{status}" id="f-{n}" data-check="{_e(f.check)}">'
            f"{head}{''.join(body)}</div>")


def _summary(statuses: Sequence[ClaimStatus], findings: Sequence[Finding]) -> str:
    by_status = Counter(s.status for s in statuses)
    rows = "".join(
        f'<tr><td><span class="badge st-{s.value}">{STATUS_MARKERS[s]} {s.value}</span></td>'
        f'<td class="n">{by_status.get(s, 0)}</td></tr>'
        for s in _STATUS_ORDER
    )
    status_table = (f'<table class="counts" id="by-status"><tr><th>status</th><th>claims</th></tr>'
                    f"{rows}</table>")
    first: dict[str, int] = {}
    by_check: Counter[str] = Counter()
    for i, f in enumerate(findings):
        by_check[str(f.check)] += 1
        first.setdefault(str(f.check), i)
    check_rows = "".join(
        f'<tr><td><a href="#f-{first[c]}">{_e(c)}</a></td><td class="n">{n}</td></tr>'
        for c, n in sorted(by_check.items())
    ) or '<tr><td colspan="2" class="muted">no findings</td></tr>'
    check_table = (f'<table class="counts" id="by-check"><tr><th>check</th><th>findings</th></tr>'
                   f"{check_rows}</table>")
    return status_table + check_table


def _filters(findings: Sequence[Finding]) -> str:
    boxes = [
        f'<label><input type="checkbox" checked value="status:{s.value}"> '
        f'<span class="badge st-{s.value}">{STATUS_MARKERS[s]} {s.value}</span></label>'
        for s in _STATUS_ORDER
    ]
    boxes += [
        f'<label><input type="checkbox" checked value="check:{_e(c)}"> {_e(c)}</label>'
        for c in sorted({str(f.check) for f in findings})
    ]
    return f'<div id="filters" class="js-only">show: {"".join(boxes)}</div>'


def render_html(report: object, texts: Mapping[str, str] | None = None, *,
                title: str = "figcheck report") -> str:
    """The whole report as one HTML page (a str); ``texts`` maps document id -> text.

    Documents without a text are shown as their claims' sentences.
    """
    claims: Sequence[Claim] = getattr(report, "claims", ())
    findings: Sequence[Finding] = getattr(report, "findings", ())
    statuses = statuses_by_claim(report)
    links = _counterparts(report)
    texts = dict(texts or getattr(report, "texts", None) or {})
    per_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        per_doc[c.doc_id].append(c)
    doc_ids = list(dict.fromkeys([*getattr(report, "documents", ()), *per_doc, *texts]))
    docs_html = []
    for i, doc_id in enumerate(doc_ids):
        text = texts.get(doc_id)
        doc_claims = per_doc.get(doc_id, [])
        if text is None:  # no text given: show the sentences the claims came from
            text, placed = _sentences_only(doc_claims)
        else:
            placed = [(c, c.start) for c in doc_claims]
        docs_html.append(
            f'<section class="document" id="doc-{i}"><h3>{_e(doc_id)} '
            f'<span class="muted">({len(doc_claims)} claims)</span></h3>'
            f'<div class="doc">{_document(text, placed, statuses, links)}</div></section>'
        )
    findings_html = "".join(_finding(f, i) for i, f in enumerate(findings)) or (
        '<p class="muted">No findings: nothing disagreed.</p>')
    n_docs = len(doc_ids)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        f"<title>{_e(title)}</title><style>{_asset('report.css')}</style></head><body>"
        f"<header><h1>{_e(title)}</h1><p class=\"muted\">{len(claims)} claims in {n_docs} "
        f"document{'s' if n_docs != 1 else ''}; {len(findings)} finding"
        f"{'s' if len(findings) != 1 else ''}. Hover over or tab to a highlighted figure to see "
        "what figcheck read and why it was (or was not) compared.</p>"
        f'<nav id="summary">{_summary(list(statuses.values()), findings)}</nav>'
        f"{_filters(findings)}</header>"
        f'<main><h2 id="findings">Findings</h2>{findings_html}'
        f'<h2 id="documents">Documents</h2>{"".join(docs_html)}</main>'
        f"<script>{_asset('report.js')}</script></body></html>\n"
    )


def _sentences_only(claims: Sequence[Claim]) -> tuple[str, list[tuple[Claim, int]]]:
    """A stand-in text made of the claims' sentences, each claim placed in it."""
    text_parts: list[str] = []
    placed: list[tuple[Claim, int]] = []
    offset = 0
    sentence_at: dict[int, int] = {}
    for c in sorted(claims, key=lambda c: c.start):
        if c.sentence_start not in sentence_at:
            sentence_at[c.sentence_start] = offset
            text_parts.append(c.sentence + "\n")
            offset += len(c.sentence) + 1
        placed.append((c, sentence_at[c.sentence_start] + c.start - c.sentence_start))
    return "".join(text_parts), placed
