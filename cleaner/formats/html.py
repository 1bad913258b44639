"""Raw HTML: trafilatura finds the main content; the text stages finish it.

trafilatura is imported here only, so the text path never pays for it.
"""
from __future__ import annotations

from typing import Any

from ..config import Config, HtmlFocus
from ..document import Block, Document, Format, Role
from ..rules import Rule
from ..stages import normalize
from . import text as text_format


def _metadata(result: Any) -> dict[str, Any]:
    out = {}
    for field in ("title", "date", "author", "url", "language", "sitename", "description"):
        value = getattr(result, field, None)
        if value:
            out[field] = str(value)
    return out


def parse(html: str, config: Config) -> Document:
    """The page's main content as blocks, with trafilatura's metadata."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        favor_precision=config.html_focus is HtmlFocus.PRECISION,
        favor_recall=config.html_focus is HtmlFocus.RECALL,
    )
    text = (getattr(result, "text", None) or "") if result is not None else ""
    meta = _metadata(result) if result is not None else {}
    if len(text) < config.html_min_chars:
        text = _whole_page_text(html) or text
        meta["fallback"] = "whole_page"
    blocks = text_format.blocks(text)
    for b in blocks:
        b.gap_before = True  # trafilatura puts one paragraph per line
    title = normalize.line(meta.get("title", ""))
    if title:
        head = Block(title, 0, role=Role.TITLE)
        head.keep(Rule.HTML_TITLE)
        blocks.insert(0, head)
    doc = Document(blocks, Format.HTML, {k: v for k, v in meta.items() if k != "language"})
    doc.language = meta.get("language", "")
    return doc


def _whole_page_text(html: str) -> str:
    """All visible text of the page, one block element a line."""
    import trafilatura

    return trafilatura.html2txt(html) or ""
