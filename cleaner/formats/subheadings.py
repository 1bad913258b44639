"""Subheadings that trafilatura leaves out of an HTML page's main text.

trafilatura's precision setting (the default here: it keeps menus and
teasers out best) drops some of the article's ``<h2>``-``<h4>`` headings,
and with them the article's structure ("Questions fréquentes", "Víc peněz i
víc času").  A heading is put back where the page has it: right before the
paragraph that follows it in the markup, when trafilatura kept that
paragraph.  A box's heading ("Read also", "Most read") is followed by its
links, not by a paragraph of the article, so it stays out.

>>> from cleaner.document import Block
>>> page = ('<article><p>The storm reached the coast at dawn on Monday.</p><h2>Ports closed</h2>'
...         '<p>All ferries stayed in port until the wind dropped.</p>'
...         '<aside><h3>Read also</h3><a>Storm season starts early</a></aside></article>')
>>> blocks = [Block("The storm reached the coast at dawn on Monday.", 1), Block("All ferries stayed in port until the wind dropped.", 2)]
>>> from trafilatura.utils import load_html as parse
>>> [text for _, text in missing(parse(page), blocks)]
['Ports closed']
"""
from __future__ import annotations

import re

from ..config import DEFAULT, Config
from ..document import Block
from ..stages import normalize
from . import tree

_HEADINGS = ("h2", "h3", "h4")
#: Elements whose text starts a line: a heading's next one is what it heads.
_TEXT_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dt", "dd", "figcaption")
_NOT_WORD = re.compile(r"\W+")
#: Characters of a line's start looked at, and kept, to find its paragraph.
_MATCH_SPAN = 120
_MATCH_CHARS = 40
#: Where a heading is never the article's.
_OUTSIDE = frozenset({"aside", "nav", "footer", "header", "figure", "form", "button", "script", "style", "noscript", "template"})


def _match(text: str) -> str:
    """What a paragraph is found by: its first and last letters and digits,
    case-folded (regexes over its ends only, as every paragraph of the page
    is looked up; paragraphs may open alike)."""
    head = _NOT_WORD.sub("", text[:_MATCH_SPAN])[:_MATCH_CHARS]
    tail = _NOT_WORD.sub("", text[-_MATCH_SPAN:])[-_MATCH_CHARS:]
    return f"{head}|{tail}".casefold()


def missing(root, blocks: list[Block], config: Config = DEFAULT) -> list[tuple[int, str]]:
    """(index of the block it heads, text) of each heading of the page parsed
    as ``root`` that ``blocks`` lack, and that stands between two of them
    that follow each other: the kept paragraph before it (a caption or an
    inline link may come between) and the one right after it."""
    # Lines as the text has them, spaces collapsed and case folded: a string
    # operation per block (tokenising every paragraph would cost more).
    have = {tree.as_line(b.text) for b in blocks if len(b.text) <= _HEADING_MAX_CHARS}
    wanted = {}
    for h in root.iter(*_HEADINGS):
        text = normalize.line(" ".join(h.text_content().split()))
        if text and len(text) <= _HEADING_MAX_CHARS and tree.as_line(text) not in have and len(text.split()) <= config.title_max_words and not _outside(h):
            wanted[h] = text
    if not wanted:
        return []  # most pages: every heading is in the text, or none is the article's
    at: dict[str, int] = {}
    for i, b in enumerate(blocks):
        at.setdefault(_match(b.text), i)
    out = []
    for h, text in wanted.items():
        after = next(tree.near(h, _TEXT_TAGS), None)
        if after is None or after.tag in _HEADINGS or _outside(after):
            continue
        j = at.get(_match(" ".join(after.text_content().split())))
        if j is not None and j > 0 and _kept_before(h, at, config) == j - 1:
            out.append((j, text))
    return sorted(out)


def _kept_before(h, at: dict[str, int], config: Config) -> int | None:
    """The index of the last kept paragraph before heading ``h``: a caption,
    an inline link or a table of contents may stand between them."""
    for n, el in enumerate(tree.near(h, _TEXT_TAGS, preceding=True)):
        if n >= config.html_heading_lookback:
            break
        if not _outside(el):
            j = at.get(_match(" ".join(el.text_content().split())))
            if j is not None:
                return j
    return None


#: No heading is longer (its words are counted against title_max_words too).
_HEADING_MAX_CHARS = 300


def _outside(el) -> bool:
    return any(a.tag in _OUTSIDE for a in el.iterancestors())
