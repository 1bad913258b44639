"""The article's own lists, told from menus by their neighbours.

A run of short lines costs the article's region like a menu.  These rules
mark the runs that are the article's (``Block.listed``), so that they weigh
nothing either way:

* a paragraph ending with a colon announces what follows ("Every guide
  agreed on the same short list:"): the short lines after it are its list;
* a run of short lines punctuated as one sentence (commas or semicolons at
  their ends, a full stop at the last), and numbered steps;
* a run of amounts or facts between paragraphs (a recipe's ingredients,
  "Strecke: 5 km", a table's rows);
* the list under a summary header ("Key points", "Das Wichtigste in Kürze").
"""
from __future__ import annotations

from .. import lexicons
from ..config import Config
from ..document import Block
from ..features import QUOTE_OPENERS
from .shapes import shape


def mark(blocks: list[Block], config: Config) -> None:
    """Mark the items (and headings) of the article's lists."""
    _announced_lists(blocks, config)
    _punctuated_lists(blocks, config)
    _quantity_lists(blocks, config)
    _summary_lists(blocks, config)


def _summary_lists(blocks: list[Block], config: Config) -> None:
    """The list under a summary header ("Key points", "Das Wichtigste in
    Kürze", "L'essentiel", "要点") is the article's: its short lines are
    marked ``listed`` with the header, so they do not cut the headline and
    standfirst off from the body."""
    for i, block in enumerate(blocks):
        if block.decided or not summary_header(block, config):
            continue
        end = _tight_run(blocks, i + 1, config.punctuated_item_max_words)
        if end - (i + 1) >= _SUMMARY_MIN_ITEMS:
            for item in blocks[i:end]:
                item.listed = True


_SUMMARY_MIN_ITEMS = 2


def summary_header(block: Block, config: Config) -> bool:
    """'Key points', 'Das Wichtigste in Kürze': a summary list's header."""
    headers = lexicons.index(("summary_headers",), config.lexicon_languages)  # kept on disk: read once
    return block.features.length <= config.list_heading_max_words + 2 and headers.equals(block.features.key)


def _announced_lists(blocks: list[Block], config: Config) -> None:
    """Mark the items of a list a line announces; the list ends at a paragraph.

    A colon before a quotation ("In a statement, the minister said:" and
    "“I cannot support...”") announces somebody's words, not a list: the
    quoted paragraphs are the article's and weigh as such.  An image
    gallery or an ad between the colon and the items does not end the list,
    or cleaning the output again would find a list that the first pass did
    not.
    """
    for i, block in enumerate(blocks):
        if block.decided or not block.text.endswith((":", "：")) or block.features.length < config.announcer_min_words:
            continue
        for item in blocks[i + 1 : i + 1 + config.list_max_items]:
            if item.end_marker or item.text.startswith(QUOTE_OPENERS):
                break
            if item.decided:
                continue  # an image gallery or an ad inside the list: the list goes on
            if shape(item, config) == "P" and item.features.length > config.length_high:
                break
            item.listed = True


def _tight_run(blocks: list[Block], start: int, max_words: float, ends: tuple[str, ...] = ()) -> int:
    """End of the run of short lines from ``start`` with no blank line between
    them, each ending in one of ``ends`` if given."""
    j = start
    while j < len(blocks):
        item = blocks[j]
        if not _short_item(item, max_words) or (j > start and item.gap_before):
            break
        if ends and not item.text.endswith(ends):
            break
        j += 1
    return j


def _quantity_lists(blocks: list[Block], config: Config) -> None:
    """Mark a list of quantities between two paragraphs, with its heading.

    "Zutaten" and "500 g Äpfel", "200 g Mehl", ... under it: lines this
    short cost the article's region like a menu, and cut a recipe in two.
    Between prose (a paragraph above; a paragraph, or a heading with the
    article under it, below), in a tight run of at least ``list_min_items``
    lines most of which hold a number (amounts, prices, dates, steps), they
    are the article's list.  Menus and tag lists rarely hold numbers; a list
    of bare names is left to the other stages.
    """
    for i, block in enumerate(blocks):
        if i == 0 or block.decided or block.features.length > max(config.list_item_max_words, config.list_heading_max_words):
            continue  # too long for a heading or an item (most lines: prose)
        if shape(blocks[i - 1], config) != "P":
            continue
        heading = not block.features.terminal and block.features.length <= config.list_heading_max_words
        # "Zutaten" over its items, or a first item as short as a heading
        # ("Dauer: 2 Stunden", "Strecke: 5 km", ...): the list is tried both ways.
        for start in (i + 1, i) if heading else (i,):
            end = _tight_run(blocks, start, config.list_item_max_words)
            if _quantity_items(blocks[start:end], config) and _prose_follows(blocks, end, config):
                for item in blocks[i:end]:
                    item.listed = True
                break


def _quantity_items(items: list[Block], config: Config) -> bool:
    """Enough items, most of them holding a number."""
    return len(items) >= config.list_min_items and sum(any(ch.isdigit() for ch in b.text) for b in items) * 2 >= len(items)


# Clause punctuation, and what may end the last item of a punctuated list.
_CLAUSE_ENDS = (",", ";", "，", "；", "、")
_ITEM_ENDS = (*_CLAUSE_ENDS, ".", "。", "!", "?", "！", "？")


def _step(block: Block, config: Config) -> bool:
    """A list item that is a sentence, with the function words of prose."""
    f = block.features
    return f.terminal and not block.text.endswith((":", "：")) and f.stop_density >= config.stopwords_low


def _heading_above(blocks: list[Block], first_item: int, config: Config) -> bool:
    """A short line that is not a sentence right above the run ("Préparation")."""
    if first_item == 0:
        return False
    above = blocks[first_item - 1]
    return not above.decided and not above.features.terminal and above.features.length <= config.list_heading_max_words


def _punctuated_lists(blocks: list[Block], config: Config) -> None:
    """Mark a list whose items are punctuated as one sentence.

    "opróżnij i schowaj węże ogrodowe," / "wykop bulwy dalii," / ...
    "podlej krzewy przed zamarznięciem gleby.": at least ``list_min_items``
    short lines ending in a comma or semicolon, and the one with a full
    stop that closes them, are prose cut into items (blank lines between
    them or not: the output prints them either way).  So is a tight run of
    sentences marked as list items ("1. Préchauffez le four à 200 °C.", "2.
    Épluchez les pommes.") or under a heading ("Préparation"): the steps
    of a recipe or a how-to.  Short paragraphs one a line with nothing
    over them are prose, not a list.  Menus and teaser lists end their
    items in no punctuation at all.
    """
    i = 0
    while i < len(blocks):
        first = blocks[i]
        if first.features.length > config.punctuated_item_max_words or not first.text.endswith(_ITEM_ENDS):
            i += 1  # no list starts here (most lines of a menu, of prose alike)
            continue
        # Items ending in commas are a list with or without blank lines
        # between them; sentences only when tight.
        end = _clause_run(blocks, i, config.punctuated_item_max_words)
        items = blocks[i:end]
        if len(items) < config.list_min_items:
            end = _tight_run(blocks, i, config.punctuated_item_max_words, _ITEM_ENDS)
            items = blocks[i:end]
            marked = all(b.bullet for b in items) or (_heading_above(blocks, i, config) and not any(b.glued for b in items))
            if not (len(items) >= config.list_min_items and marked and all(_step(b, config) for b in items)):
                i = max(end, i + 1)
                continue
        for item in items:
            item.listed = True
        _mark_heading(blocks, i, config)
        i = end


def _clause_run(blocks: list[Block], start: int, max_words: float) -> int:
    """End of the run of short lines from ``start`` ending in commas or
    semicolons, and the line ending in a full stop that closes it."""
    j = start
    while j < len(blocks) and _short_item(blocks[j], max_words) and blocks[j].text.endswith(_CLAUSE_ENDS):
        j += 1
    if j > start and j < len(blocks) and _short_item(blocks[j], max_words) and blocks[j].text.endswith(_ITEM_ENDS):
        j += 1
    return j


def _short_item(block: Block, max_words: float) -> bool:
    return not block.decided and block.features.length <= max_words


def _mark_heading(blocks: list[Block], first_item: int, config: Config) -> None:
    """The list's heading ("Préparation") goes with it, when it has one."""
    if _heading_above(blocks, first_item, config):
        blocks[first_item - 1].listed = True


_FURNITURE_SKIPPED = 2


def _prose_follows(blocks: list[Block], i: int, config: Config) -> bool:
    """A paragraph at ``i``, or a heading there and a paragraph or a list of
    the article's under it ("Préparation" and its steps); a line or two that
    a phrase rule dropped (an ad label, an inline "Read also" link) may
    stand between."""
    for _ in range(_FURNITURE_SKIPPED):
        if i < len(blocks) and blocks[i].decided and not blocks[i].kept and not blocks[i].end_marker:
            i += 1
    if i >= len(blocks):
        return False
    kind = shape(blocks[i], config)
    if kind == "H" and i + 1 < len(blocks):
        return blocks[i + 1].listed or shape(blocks[i + 1], config) == "P"
    return kind == "P"
