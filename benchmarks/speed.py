"""Time figcheck.extract on ~1 MB of news-style text, next to quantulum3 on the same text.

Usage:
    python benchmarks/speed.py [--shared DIR] [--size 1MB] [--peer-size 1MB] [--runs 3]
                               [--no-peer] [--peer-text mix|prose|both] [--whole] [--cpu]

The text is assembled at run time from ``<shared>/seeds/*.txt`` and the gold
sentences of ``<shared>/benchmarks/*/gold.jsonl``, repeated to the target
size; nothing is copied into the repository. quantulum3 (about 30 KB/s) is
pip-installed into a throwaway virtualenv in a temporary directory, without
its classifier extra, and timed in a subprocess on the same text (by default
all of it; ``--peer-size`` takes a prefix for a quicker run, and figcheck is
then timed on that prefix too so the two chars/s figures compare like with
like). ``--peer-text`` picks the text quantulum3 is timed on: the number-dense mix (the
default), the article prose, or both (one install, both timed; each ratio compares the two
systems on the same text). Both run pinned to one core where the OS allows it. ``--cpu`` times both
by process CPU time instead of the wall clock, which on a machine busy with other
work also counts the waiting.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import venv
from dataclasses import dataclass
from pathlib import Path

from _table import render

import figcheck
from figcheck.extraction import compiled

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?+)\s*([kKmM]?)[bB]?\s*$")
_MULTIPLIER = {"": 1, "k": 1_000, "m": 1_000_000}
_WARM_UP = "Warm-up: the bridge is 40 miles long and cost $1.2bn."
_TEXT_LABELS = {"mix": "number-dense mix", "prose": "article prose"}

# Runs inside the throwaway virtualenv: argv = JSON file of chunks, runs, warm-up sentence,
# clock name.
_PEER_SCRIPT = """
import json, os, sys, time
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
from quantulum3 import parser
path, runs, warm = sys.argv[1], int(sys.argv[2]), sys.argv[3]
clock = getattr(time, sys.argv[4])
chunks = json.load(open(path, encoding="utf-8"))
parser.parse(warm)
best, found = float("inf"), 0
for _ in range(runs):
    t0 = clock()
    found = sum(len(parser.parse(chunk)) for chunk in chunks)
    best = min(best, clock() - t0)
print(json.dumps({"seconds": best, "found": found}))
"""


class SpeedError(RuntimeError):
    """The benchmark could not run: missing data or a failed peer install."""


@dataclass(frozen=True)
class Timing:
    """One timed system: what ran, on which text and how many characters, best time, items found."""

    system: str
    chars: int
    seconds: float
    found: int
    text: str = "mix"

    @property
    def rate(self) -> float:
        """Characters per second."""
        return self.chars / self.seconds if self.seconds > 0 else float("inf")


def parse_size(text: str) -> int:
    """Characters from ``"1MB"``, ``"100KB"``, ``"250k"`` or ``"5000"`` (1 MB = 1,000,000).

    >>> parse_size("1MB"), parse_size("100 KB"), parse_size("2500")
    (1000000, 100000, 2500)
    """
    m = _SIZE.match(text)
    if m is None:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (examples: 1MB, 100KB, 5000)")
    return int(float(m[1]) * _MULTIPLIER[m[2].lower()])


def corpus(shared: Path) -> tuple[str, str]:
    """(the seed articles alone, the seed articles and the benchmark sentences) as paragraphs."""
    seeds = [
        p.read_text(encoding="utf-8").strip() for p in sorted((shared / "seeds").glob("*.txt"))
    ]
    sentences = []
    for gold in sorted((shared / "benchmarks").glob("*/gold.jsonl")):
        with gold.open(encoding="utf-8") as fh:
            sentences += [" ".join(json.loads(line)["text"].split()) for line in fh if line.strip()]
    if not seeds and not sentences:
        raise SpeedError(f"no seeds/*.txt or benchmarks/*/gold.jsonl under {shared}")
    # Five sentences per paragraph, so the text reads like articles, not a list.
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return "\n\n".join(seeds) + "\n\n", "\n\n".join(seeds + paragraphs) + "\n\n"


def build_text(base: str, size: int) -> str:
    """``base`` repeated and cut to ``size`` characters at a whitespace boundary."""
    text = base * (size // len(base) + 1)
    cut = text.rfind(" ", 0, size + 1)
    return text[: cut if cut > size // 2 else size]


def pin_one_core() -> str:
    """Pin this process to one CPU; returns a note on what was done."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this OS)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def chunks_of(text: str, whole: bool) -> list[str]:
    """The calls each system gets: one per paragraph (a document each), or the whole text."""
    return [text] if whole else [p for p in text.split("\n\n") if p.strip()]


def time_figcheck(
    chunks: list[str], runs: int, label: str, clock: str = "perf_counter", text: str = "mix"
) -> Timing:
    """Best-of-``runs`` time of ``figcheck.extract`` over ``chunks`` (after a warm-up call)."""
    figcheck.extract(_WARM_UP)
    best, found = float("inf"), 0
    for _ in range(runs):
        t0 = getattr(time, clock)()
        found = sum(len(figcheck.extract(chunk, doc_id="speed")) for chunk in chunks)
        best = min(best, getattr(time, clock)() - t0)
    return Timing(label, sum(map(len, chunks)), best, found, text)


def time_quantulum3(
    texts: dict[str, list[str]], runs: int, timeout: float, clock: str = "perf_counter"
) -> list[Timing]:
    """Install quantulum3 in a throwaway virtualenv and time ``parser.parse`` over each text's
    chunks (``texts`` maps a text's name to its chunks)."""
    with tempfile.TemporaryDirectory(prefix="figcheck-speed-") as tmp:
        env_dir = Path(tmp) / "venv"
        venv.create(env_dir, with_pip=True)
        python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
        install = subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "quantulum3",
            ],
            check=False,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if install.returncode != 0:
            tail = (install.stderr or install.stdout).strip().splitlines()[-1:]
            raise SpeedError(
                f"pip install quantulum3 failed: {' '.join(tail) or install.returncode}"
            )
        version = subprocess.run(
            [str(python), "-c", "import importlib.metadata as m; print(m.version('quantulum3'))"],
            check=False,
            capture_output=True,
            text=True,
        ).stdout.strip()
        timings = []
        for name, chunks in texts.items():
            path = Path(tmp) / "chunks.json"
            path.write_text(json.dumps(chunks), encoding="utf-8")
            try:
                run = subprocess.run(
                    [str(python), "-c", _PEER_SCRIPT, str(path), str(runs), _WARM_UP, clock],
                    check=False,
                    capture_output=True,
                    text=True,
                    timeout=timeout,
                )
            except subprocess.TimeoutExpired as exc:
                raise SpeedError(
                    f"quantulum3 took longer than {timeout:g} s; lower --peer-size"
                ) from exc
            if run.returncode != 0:
                tail = run.stderr.strip().splitlines()[-1:]
                raise SpeedError(f"quantulum3 failed: {' '.join(tail) or run.returncode}")
            result = json.loads(run.stdout.strip().splitlines()[-1])
            label = f"quantulum3 {version}" + ("" if name == "mix" else f" ({_TEXT_LABELS[name]})")
            timings.append(
                Timing(label, sum(map(len, chunks)), result["seconds"], result["found"], name)
            )
    return timings


def report(timings: list[Timing], peers: list[Timing]) -> str:
    """The printed table; a ratio only against the peer timed on the same text and characters."""
    rows = []
    for t in timings + peers:
        peer = next((p for p in peers if p.text == t.text and p.chars == t.chars), None)
        ratio = f"{t.rate / peer.rate:,.1f}x" if peer is not None else ""
        rows.append([
            t.system, f"{t.chars:,}", f"{t.seconds:.3f}", f"{t.rate:,.0f}",
            f"{t.rate / 1e6:.3f}", f"{t.found:,}", ratio,
        ])  # fmt: skip
    header = ["system", "chars", "seconds", "chars/s", "MB/s", "found", "vs quantulum3"]
    return render(header, rows, right=range(1, 7))


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    default_shared = Path(__file__).resolve().parent.parent.parent / "shared"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=default_shared,
        help="folder with seeds/ and benchmarks/ (default: %(default)s)",
    )
    parser.add_argument(
        "--size",
        type=parse_size,
        default=parse_size("1MB"),
        help="characters for figcheck (default: 1MB)",
    )
    parser.add_argument(
        "--peer-size",
        type=parse_size,
        default=parse_size("1MB"),
        help="text timed on both systems (default: 1MB, the whole text; less for a quick run)",
    )
    parser.add_argument("--runs", type=int, default=3, help="best of N for figcheck (default: 3)")
    parser.add_argument(
        "--peer-runs", type=int, default=1, help="best of N for quantulum3 (default: 1; ~30 s per MB)"
    )
    parser.add_argument(
        "--peer-timeout",
        type=float,
        default=1800,
        help="seconds allowed for the peer install and run",
    )
    parser.add_argument("--no-peer", action="store_true", help="skip quantulum3")
    parser.add_argument(
        "--peer-text",
        choices=("mix", "prose", "both"),
        default="mix",
        help="the text quantulum3 is timed on: the number-dense mix (default), the article "
        "prose, or both",
    )
    parser.add_argument(
        "--cpu", action="store_true", help="time by process CPU time, not wall time"
    )
    parser.add_argument(
        "--whole",
        action="store_true",
        help="one call on the whole text instead of one per paragraph",
    )
    args = parser.parse_args(argv)
    if not args.shared.is_dir():
        parser.exit(2, f"speed.py: shared data not found at {args.shared} (pass --shared DIR)\n")
    if args.runs < 1 or args.peer_runs < 1 or args.size < 1 or args.peer_size < 1:
        parser.error("--size, --peer-size, --runs and --peer-runs must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the timings and print the table; 2 on missing data."""
    args = _parse_args(argv)
    try:
        prose_base, base = corpus(args.shared)
    except SpeedError as exc:
        print(f"speed.py: {exc}", file=sys.stderr)
        return 2
    pinned = pin_one_core()
    clock = "process_time" if args.cpu else "perf_counter"
    # The mixed text is mostly benchmark sentences chosen for their figures (a claim every
    # ~100 chars); the seed articles alone show the rate on ordinary news prose.
    texts = {"mix": build_text(base, args.size)}
    if prose_base.strip():
        texts["prose"] = build_text(prose_base, args.size)
    timings = [
        time_figcheck(
            chunks_of(full, args.whole), args.runs,
            "figcheck" if name == "mix" else f"figcheck ({_TEXT_LABELS[name]})", clock, name,
        )
        for name, full in texts.items()
    ]  # fmt: skip
    wanted = ("mix", "prose") if args.peer_text == "both" else (args.peer_text,)
    peer_texts = {}
    for name in wanted:
        if name not in texts:
            continue
        prefix = texts[name][: min(args.peer_size, len(texts[name]))]
        peer_texts[name] = chunks_of(prefix, args.whole)
        if len(prefix) != len(texts[name]):  # figcheck on the same prefix, for a like ratio
            label = "figcheck (peer prefix)" if name == "mix" else f"figcheck ({name} prefix)"
            timings.append(time_figcheck(peer_texts[name], args.runs, label, clock, name))
    peers: list[Timing] = []
    note = ""
    if not args.no_peer and peer_texts:
        sizes = ", ".join(f"{sum(map(len, c)):,} chars of {n}" for n, c in peer_texts.items())
        print(f"installing quantulum3 in a temporary virtualenv, timing it on {sizes}",
              file=sys.stderr)  # fmt: skip
        try:
            peers = time_quantulum3(peer_texts, args.peer_runs, args.peer_timeout, clock)
        except (SpeedError, subprocess.TimeoutExpired, OSError) as exc:
            note = f"quantulum3 not timed: {exc}"
    print(
        f"figcheck best of {args.runs}, quantulum3 best of {args.peer_runs}; one core ({pinned}); "
        + ("CPU time." if args.cpu else "wall time.")
    )
    print(f"figcheck extractor compiled with mypyc: {'yes' if compiled() else 'no'}")
    calls = "one call on the whole text" if args.whole else "one call per paragraph"
    print(f"text: {len(base):,} distinct chars from {args.shared} repeated to size; {calls}.")
    print("figcheck: the number-dense mix (seeds and benchmark sentences); (article prose): "
          "the seed articles alone.")
    print("chars = characters passed in (paragraph breaks excluded); found = items returned.")
    print(report(timings, peers))
    if peers:
        print("'vs quantulum3' compares chars/s with quantulum3 on the same text and characters only.")
    if note:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
