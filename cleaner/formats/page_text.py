"""A whole HTML page as text, one block element a line.

The fallback of the HTML path when trafilatura's main content is no use
(see :mod:`cleaner.formats.html`): the text stages then judge the page as
they judge a browser's "copy all".  Like a text-mode browser it puts each
block element (paragraph, heading, list item, table cell...) on a line of its
own, marks list items with ``*`` (menus are runs of such items), and leaves
out what a reader never sees (scripts, styles, the <head>).

>>> print(page_text("<html><head><title>T</title></head><body><ul><li>Home</li><li>News</li></ul>"
...                 "<h1>Storm <b>hits</b> coast</h1><p>Ports closed.<br>Ferries stopped.</p></body></html>"))
* Home
* News
Storm hits coast
Ports closed.
Ferries stopped.
"""
from __future__ import annotations

import re

#: Elements that start a line of their own.
_BLOCKS = frozenset(
    "address article aside blockquote body dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
#: Elements whose text a reader never sees.
_HIDDEN = frozenset("head script style noscript template svg iframe object button select option".split())
_SPACES = re.compile(r"[ \t\r\f\v]+")


def page_text(html: str) -> str:
    """The visible text of ``html``, one block element a line ("" when it cannot be parsed)."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    parts: list[str] = []
    # Iterative, not recursive: a page may nest elements thousands deep.
    walker = lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is None:  # a comment or processing instruction: only its tail shows
            parts.append(element.tail or "")
        elif event == "start":
            if tag in _HIDDEN:
                walker.skip_subtree()  # its "end" event still comes, with the tail
                parts.append("\n")
                continue
            if tag in _BLOCKS or tag == "br":
                parts.append("\n* " if tag == "li" else "\n")
            parts.append(element.text or "")
        else:
            if tag in _BLOCKS or tag in _HIDDEN:
                parts.append("\n")
            parts.append(element.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
