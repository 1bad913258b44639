"""Scraped page text to blocks: one block per non-empty line."""
from __future__ import annotations

from ..document import Block, Document, Format
from ..stages import normalize


def blocks(text: str, first_line: int = 1) -> list[Block]:
    """Blocks of ``text``, numbered from ``first_line``; blank lines become ``gap_before``."""
    out: list[Block] = []
    gap = False
    for n, raw in enumerate(normalize.lines(text), start=first_line):
        clean = normalize.line(raw)
        marker, rest = normalize.split_bullet(clean)
        if not rest:
            gap = gap or not marker
            continue
        out.append(Block(rest, n, bullet=marker, indent=normalize.indent(raw), gap_before=gap))
        gap = False
    return out


def parse(text: str) -> Document:
    return Document(blocks(text), Format.TEXT)
