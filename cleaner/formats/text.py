"""Scraped page text to blocks: one block per non-empty line, or per
paragraph when a text-mode browser or a mail program hard-wrapped its lines.
"""
from __future__ import annotations

from ..config import DEFAULT, Config
from ..document import Block, Document, Format
from ..features import ends_with_mark
from ..stages import normalize
from ..tokens import _UNSPACED


def wrap_width(lines: list[str], config: Config = DEFAULT) -> int:
    """The column at which a hard-wrapped text breaks its lines; 0 when it is not wrapped.

    Evidence: no line with spaces is wider than ``wrap_max_width``, and
    several lines that reach the margin end mid-sentence and go on in a line
    starting in lower case.

    >>> para = "the council voted on Monday to build new bike lanes across the city and"
    >>> wrap_width([para] * 4)
    71
    >>> wrap_width(["Home", "News", "A short line.", "Another one."])
    0
    """
    widths = [len(raw.rstrip()) for raw in lines if " " in raw.strip()]
    if not widths or max(widths) > config.wrap_max_width:
        return 0
    width = max(widths)
    margin = width - config.wrap_slack
    pairs = 0
    for a, b in zip(lines, lines[1:]):
        a = a.rstrip()
        if len(a) >= margin and not ends_with_mark(a) and b.strip()[:1].islower():
            pairs += 1
    return width if pairs >= config.wrap_min_pairs else 0


def _join(head: str, tail: str) -> str:
    """Two pieces of one wrapped paragraph: a space between, except inside
    a script written without spaces."""
    glue = "" if _UNSPACED.match(head[-1:]) and _UNSPACED.match(tail[:1]) else " "
    return head + glue + tail


def blocks(text: str, first_line: int = 1, config: Config = DEFAULT) -> list[Block]:
    """Blocks of ``text``, numbered from ``first_line``; blank lines become ``gap_before``.

    In a hard-wrapped text (:func:`wrap_width`) a line that reached the
    margin goes on in the next one, unless that one is a list item or less
    indented: the pieces are one block, numbered by its first line.
    """
    raw_lines = normalize.lines(text)
    width = wrap_width(raw_lines, config)
    out: list[Block] = []
    gap = False
    reached_margin = False
    for n, raw in enumerate(raw_lines, start=first_line):
        clean = normalize.line(raw)
        marker, rest = normalize.split_bullet(clean)
        if not rest:
            gap = gap or not marker
            reached_margin = False
            continue
        indent = normalize.indent(raw)
        if reached_margin and not gap and not marker and indent >= out[-1].indent:
            out[-1].text = _join(out[-1].text, rest)
        else:
            out.append(Block(rest, n, bullet=marker, indent=indent, gap_before=gap))
        reached_margin = bool(width) and len(raw.rstrip()) >= width - config.wrap_slack
        gap = False
    return out


def parse(text: str, config: Config = DEFAULT) -> Document:
    return Document(blocks(text, config=config), Format.TEXT)
