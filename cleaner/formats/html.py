"""Raw HTML: trafilatura finds the main content; the text stages finish it.

trafilatura is imported here only, so the text path never pays for it.
"""
from __future__ import annotations

# typing costs 4 ms of start-up; with postponed annotations only type checkers need it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

from .. import features, lexicons
from ..config import Config, HtmlFocus
from ..document import Block, Document, Format, Role, render
from ..rules import Rule
from ..stages import normalize, phrases
from . import text as text_format
from . import standfirst, subheadings
from . import tree as markup
from .page_text import page_text


def _metadata(result: Any) -> dict[str, Any]:
    out = {}
    for field in ("title", "date", "author", "url", "language", "sitename", "description"):
        value = getattr(result, field, None)
        if value:
            out[field] = str(value)
    return out


def _extract(tree: Any, focus: HtmlFocus) -> tuple[str, Any]:
    """trafilatura's main text of the parsed page and its whole result (None when it found nothing)."""
    import trafilatura

    result = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        favor_precision=focus is HtmlFocus.PRECISION,
        favor_recall=focus is HtmlFocus.RECALL,
    )
    return ((getattr(result, "text", None) or "") if result is not None else ""), result


def parse(html: str, config: Config) -> Document:
    """The page's main content as blocks, with trafilatura's metadata."""
    from trafilatura.utils import load_html

    # Parsed once, by trafilatura's own loader: trafilatura works on a copy of
    # the tree, and the standfirst and subheadings it leaves out are looked
    # up in it afterwards.
    tree = load_html(html)
    text, result = _extract(tree, config.html_focus) if tree is not None else ("", None)
    if tree is not None and config.html_focus is HtmlFocus.PRECISION and len(text) < config.html_retry_chars:
        more, balanced = _extract(tree, HtmlFocus.BALANCED)
        if len(more) >= config.html_retry_ratio * max(len(text), 1):
            text, result = more, balanced
    meta = _metadata(result) if result is not None else {}
    if len(text) < config.html_min_chars or _layout_table(text, config):
        # Too little text, or a page laid out with a <table> that trafilatura
        # gives as rows of cells ("| menu | article | sidebar |"): the text
        # stages judge the whole page, as they judge a browser's "copy all".
        text = page_text(html) or text
        meta["fallback"] = "whole_page"
    blocks = text_format.blocks(text)
    for b in blocks:
        b.gap_before = True  # trafilatura puts one paragraph per line
    _layout_rows(blocks, config)
    title = _whole_headline(tree, normalize.line(meta.get("title", "")))
    if title:
        meta["title"] = title
    if len(title.split()) > config.title_max_words:
        # A page whose whole text sits in an <h1> has no headline, only text.
        title = ""
        meta.pop("title", None)
    _add_title(blocks, title, config)
    if tree is not None:
        _figure_captions(blocks, tree)
    if meta.get("fallback") is None:
        _add_subheadings(blocks, tree, config)
        _add_standfirst(blocks, tree, meta.get("description", ""), config)
    doc = Document(blocks, Format.HTML, {k: v for k, v in meta.items() if k != "language"})
    doc.language = meta.get("language", "")
    doc.preselected = meta.get("fallback") is None
    return doc


def _whole_headline(tree: Any, title: str) -> str:
    """The page's <h1> when trafilatura's title is its first part (the
    page's schema.org headline, which trafilatura prefers, may be a
    shortened one)."""
    h1 = tree.find(".//h1") if tree is not None and title else None
    if h1 is None:
        return title
    text = normalize.line(" ".join(h1.text_content().split()))
    # The metadata title may carry the author or section after a bar ("...
    # on paper | Harriet Osei"): its first part is what the <h1> opens with.
    head = title.split(" | ")[0]
    return text if len(text) > len(head) and text.startswith(head) else title


def _layout_rows(blocks: list[Block], config: Config) -> None:
    """Drop table rows that repeat the article's paragraphs.

    A page laid out with a <table> (older portals and government sites) has
    the article inside a cell: trafilatura gives its paragraphs, then the
    layout table as rows ("| headline paragraph paragraph ... |"), the
    article a second time.
    """
    rows = [b for b in blocks if b.text.startswith("|") and b.text.endswith("|")]
    if not rows:
        return
    paragraphs = [b.text for b in blocks if len(b.text) >= config.layout_paragraph_min_chars and not b.text.startswith("|")]
    for row in rows:
        if any(p in row.text for p in paragraphs):
            row.drop(Rule.LAYOUT_TABLE)


def _add_title(blocks: list[Block], title: str, config: Config) -> None:
    """Mark the headline: the extracted text's first line when it is the title
    (trafilatura often keeps the <h1>), else the metadata title, put first.
    A section label or kicker that trafilatura kept above the <h1> goes:
    the headline is the article's first line.

    An <h1> broken with <br> is one line in the metadata title and several
    in the text; those lines become the one title block, or the headline
    would be output twice.
    """
    if not title:
        return
    want, n = lexicons.key(title), 0
    for start in range(min(config.html_title_search_lines, len(blocks))):
        n = _title_lines(blocks, start, want)
        if n:
            break
        if blocks[start].text.endswith((".", "!", "?")) or len(blocks[start].text.split()) > config.title_max_words:
            break  # the article has begun: no headline below this
    if n:
        head = blocks[start]
        if n > 1:
            head.text, head.bullet = title, ""
            del blocks[start + 1 : start + n]
        for above in blocks[:start]:
            above.drop(Rule.ABOVE_TITLE)  # a section label or kicker over the headline
    else:
        head = Block(title, 0)
        blocks.insert(0, head)
    head.role = Role.TITLE
    head.keep(Rule.HTML_TITLE)


def _figure_captions(blocks: list[Block], tree: Any) -> None:
    """Drop the lines that are a <figcaption>'s text, or a part of it (the
    caption and its credit, each in its own element), or an element's that
    the template calls a caption ('legenda', 'bildunterschrift': class words
    in ``caption_classes.txt``): in HTML the markup says what a text-mode
    rule can only guess from neighbours."""
    captions = set()
    # A template that marks its captions up as <figcaption> is not looked
    # through for class names as well (the search is most of the cost).
    elements = list(tree.iter("figcaption")) or markup.named_elements(tree, "caption_classes.txt")
    for figcaption in elements:
        # The whole, each element in it, and the loose text around them
        # ("caption<br><span>credit</span>"), as the text has them: spaces
        # collapsed, case folded (a string operation, not a tokenisation).
        parts = [figcaption.text_content(), figcaption.text or ""]
        for el in figcaption:
            parts.append(el.tail or "")
            if isinstance(el.tag, str):
                parts.append(el.text_content())
        captions.update(markup.as_line(part) for part in parts if part.strip())
    if not captions:
        return
    longest = max(map(len, captions))
    for block in blocks:
        if len(block.text) <= longest and block.role is not Role.TITLE and not block.decided and markup.as_line(block.text) in captions:
            block.drop(Rule.HTML_FIGCAPTION)


def _add_subheadings(blocks: list[Block], root: Any, config: Config) -> None:
    """Put back the subheadings that trafilatura left out, each before the
    paragraph it heads (:mod:`cleaner.formats.subheadings`)."""
    for j, text in reversed(subheadings.missing(root, blocks, config)):
        block = _put_back(text, blocks[j].line, Rule.HTML_SUBHEADING, config)
        if block is not None:
            blocks.insert(j, block)


def _add_standfirst(blocks: list[Block], root: Any, description: str, config: Config) -> None:
    """Put back, under the headline, the dek that trafilatura left out
    (:mod:`cleaner.formats.standfirst`) -- unless the text has it already."""
    at = next((i + 1 for i, b in enumerate(blocks) if b.role is Role.TITLE), 0)
    body = blocks[at:]
    dek = standfirst.find(root, body[0].text if body else "", description, config)
    if not dek:
        return
    key = lexicons.key(dek)
    if any(key in lexicons.key(b.text) for b in body):
        return  # the article repeats it (or trafilatura kept it after all)
    block = _put_back(dek, blocks[at - 1].line if at else 0, Rule.HTML_STANDFIRST, config)
    if block is not None:
        blocks.insert(at, block)


def _put_back(text: str, line: int, rule: Rule, config: Config) -> Block | None:
    """A line the markup gives and trafilatura left out, kept under ``rule``
    -- unless a phrase rule knows it for furniture (a dateline, a breadcrumb,
    a caption in a box the template calls a summary)."""
    block = Block(text, line, gap_before=True)
    block.features = features.compute(text)
    if phrases.match(block, config) is not None:
        return None
    block.keep(rule)
    return block


def _title_lines(blocks: list[Block], start: int, want: str) -> int:
    """How many lines from ``start`` spell the title (0: they do not)."""
    have = ""
    for n, block in enumerate(blocks[start:], start=1):  # stops at the first line that is not the title's
        key = lexicons.key(render(block))
        have = f"{have} {key}" if have and key else have or key
        if have == want:
            return n
        if not want.startswith(have):
            return 0
    return 0


def _layout_table(text: str, config: Config) -> bool:
    """All trafilatura found is table rows, and a cell holds a paragraph or
    more: the page's layout table, with menus, article and sidebar in cells
    (a data table's cells are short; when the article's paragraphs come
    before the table, :func:`_layout_rows` drops the table's copy)."""
    lines = text.splitlines()
    rows = [line for line in lines if line.startswith("|") and line.rstrip().endswith("|")]
    if sum(map(len, lines)) - sum(map(len, rows)) >= config.html_min_chars:
        return False
    return any(len(cell) >= config.html_layout_cell_chars for row in rows for cell in row.split("|"))
