"""Rules that judge a line by its neighbours: captions and appeal boxes.

* An image credit ("Image: Leah Millis/REUTERS", "Name | Pool | Reuters")
  follows its caption with no blank line between; the caption text (and the
  image's alt text before it, when it is not a sentence) goes too.
* An appeal box is framed by appeal lines ("Your support helps us to tell the
  story" ... "Your support makes all the difference."); the paragraphs inside
  the frame are the appeal's body, however article-like their wording.
* A paragraph ending with a colon announces what follows ("Every guide
  agreed on the same short list:"); the short lines after it are its list,
  not a menu, and weigh nothing either way in the search for the article.
* A "more stories" header owns the headlines listed under it, up to the
  first sentence-like paragraph: the box is one piece of furniture, so the
  article may go on after it at the cost of the header alone.
* Teaser cards repeat one shape -- headline, author, date, summary -- card
  after card.  An article does not put a date or a byline in every few
  lines, so three or more repeats of a short shape holding one are a list of
  other stories, however long their summaries.
"""
from __future__ import annotations

from ..config import Config
from ..document import Block, Document
from ..rules import Rule

_CREDITS = frozenset({Rule.CAPTION_LABEL, Rule.CAPTION_CREDIT})
#: The most paragraphs an appeal box holds between its two framing lines.
APPEAL_BOX_MAX = 6


#: The longest caption (in words) taken from the line above a credit.
CAPTION_MAX_WORDS = 40


def _captions(blocks: list[Block]) -> None:
    """Drop the caption above each credit, and the alt text above that.

    The caption is the text glued to the credit or the line right above it
    (no blank line between).  Above the caption, only lines that are not
    sentences (an image's alt text) go too: a full sentence there is the
    article's paragraph.
    """
    for i, block in enumerate(blocks):
        if block.rule not in _CREDITS:
            continue
        below = block
        for j in range(i - 1, -1, -1):
            above = blocks[j]
            if below.gap_before or above.decided or above.features.length > CAPTION_MAX_WORDS:
                break
            is_caption = below is block or above.glued and above.line == block.line
            if not is_caption and above.features.terminal:
                break
            above.drop(Rule.CAPTION_TEXT)
            below = above


def _appeal_boxes(blocks: list[Block]) -> None:
    frames = [i for i, b in enumerate(blocks) if b.rule == Rule.APPEAL]
    for a, b in zip(frames, frames[1:]):
        if 1 < b - a <= APPEAL_BOX_MAX + 1:
            for block in blocks[a + 1 : b]:
                if not block.decided:
                    block.drop(Rule.APPEAL_BOX)


_DATELINE = frozenset({Rule.TIMESTAMP, Rule.BYLINE})
#: Card shapes are at most this many lines long...
CARD_MAX_LINES = 5
#: ... and repeat at least this many times in a row.
CARD_MIN_REPEATS = 3


def shape(block: Block) -> str:
    """One letter for the kind of line, for finding repeated card shapes.

    D a date or byline, H a headline-like line, P a sentence-like paragraph,
    S a short line, X anything a phrase rule dropped.
    """
    f = block.features
    if block.rule in _DATELINE:
        return "D"
    if block.decided:
        return "X"
    if not f.terminal and f.length <= 25:
        return "H"
    return "P" if f.length >= 8 else "S"


def _teaser_cards(blocks: list[Block]) -> None:
    shapes = "".join(shape(b) for b in blocks)
    i = 0
    while i < len(shapes):
        end = _card_run(shapes, i)
        if end > i:
            for block in blocks[i:end]:
                if not block.decided:
                    block.drop(Rule.TEASER_CARDS)
            i = end
        else:
            i += 1


def _card_run(shapes: str, i: int) -> int:
    """End of a run of repeated card shapes starting at ``i`` (``i`` if none)."""
    for k in range(2, CARD_MAX_LINES + 1):
        unit = shapes[i : i + k]
        if len(unit) < k or "D" not in unit or not ({"H", "P"} & set(unit)):
            continue
        j = i + k
        while shapes[j : j + k] == unit:
            j += k
        if (j - i) // k >= CARD_MIN_REPEATS:
            return j
    return i


#: The most headlines a "more stories" box lists.
BOX_MAX_ITEMS = 20


def _related_boxes(blocks: list[Block]) -> None:
    for i, block in enumerate(blocks):
        if block.rule != Rule.RELATED_HEADER:
            continue
        for item in blocks[i + 1 : i + 1 + BOX_MAX_ITEMS]:
            kind = shape(item)
            if kind == "P" or item.end_marker:
                break
            if not item.decided:
                item.drop(Rule.RELATED_ITEM)


#: Lines given to an announced list at most; a list ends at its first paragraph.
LIST_MAX_ITEMS = 60
#: Words an announcing line needs: "Tags:" alone announces nothing.
ANNOUNCER_MIN_WORDS = 4


def _announced_lists(blocks: list[Block]) -> None:
    for i, block in enumerate(blocks):
        if block.decided or not block.text.endswith((":", "：")) or block.features.length < ANNOUNCER_MIN_WORDS:
            continue
        for item in blocks[i + 1 : i + 1 + LIST_MAX_ITEMS]:
            if item.decided or shape(item) == "P" and item.features.length > 25:
                break
            item.listed = True


def apply(doc: Document, config: Config) -> None:
    _announced_lists(doc.blocks)
    _captions(doc.blocks)
    _appeal_boxes(doc.blocks)
    _teaser_cards(doc.blocks)
    _related_boxes(doc.blocks)
