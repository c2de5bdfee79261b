"""Placeholder while the extractor is written (being replaced this session)."""
from __future__ import annotations
from .claims import Claim

def extract(text: str, *, doc_id: str = "doc") -> list[Claim]:
    """Every quantitative claim in ``text`` (work in progress)."""
    if not isinstance(text, str):
        raise TypeError(f"extract() needs a str, got {type(text).__name__}")
    return []
