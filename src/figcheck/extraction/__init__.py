"""Reading numeric claims out of text (``extract`` lives in ``figcheck.extraction.extractor``)."""

from __future__ import annotations


def compiled() -> bool:
    """True when the extractor runs as mypyc-compiled C extensions (``FIGCHECK_COMPILE=1``).

    The compiled build reads every text the same way as the pure-Python one, only faster;
    benchmarks print this so a timing says which build it measured.
    """
    from . import scanner

    return not str(scanner.__file__).endswith(".py")
