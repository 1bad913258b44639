"""Tell scraped text, raw HTML and YAML front-matter records apart.

>>> detect("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
<Format.HTML: 'html'>
>>> detect("---\\ntitle: x\\n---\\n")
<Format.FRONTMATTER: 'frontmatter'>
>>> detect("Just a page of text about <div> tags.")
<Format.TEXT: 'text'>
"""
from __future__ import annotations

import functools

import regex

from ..document import Format


@functools.cache
def _markup() -> tuple[regex.Pattern, regex.Pattern]:
    """The doctype and tag patterns, compiled only for input that starts with
    "<" (3.5 ms of start-up that plain text never needs).

    A comment ends at its first "-->" and is never re-read: with a plain
    group, n comments before something that is not <html> could be grouped
    2**n ways (30 empty comments took minutes).
    """
    doctype = regex.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?><!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", regex.I | regex.S)
    tag = regex.compile(
        r"</?(?:html|head|body|div|p|span|a|script|style|meta|link|table|tr|td|ul|ol|li|br|h[1-6]|article|section|header|footer|nav|img|section|main)\b[^>]{0,500}>",
        regex.I,
    )
    return doctype, tag
# The opening fence, ended by any of the line breaks the text reader knows
# (LF, CRLF, or the lone CR of old Mac files).
_FRONTMATTER = regex.compile(r"^\ufeff?---[ \t]*(?:\r\n?|\n)")
#: Sample of the start of the input used for sniffing.
SNIFF = 20_000


def detect(text: str) -> Format:
    """The input's format, sniffed from its beginning."""
    head = text[:SNIFF]
    if _FRONTMATTER.match(head):
        return Format.FRONTMATTER
    if not head.lstrip().startswith("<"):
        return Format.TEXT  # both markup patterns need a "<" first
    doctype, tag = _markup()
    if doctype.match(head):
        return Format.HTML
    # A fragment: markup from its first character, with several tags.
    tags = tag.findall(head)
    if len(tags) >= 2 and sum(map(len, tags)) > len(head) * 0.02:
        return Format.HTML
    return Format.TEXT
