"""Rules that judge a line by its neighbours: captions and appeal boxes.

* An image credit ("Image: Leah Millis/REUTERS", "Name | Pool | Reuters")
  follows its caption with no blank line between; the caption text (and the
  image's alt text before it, when it is not a sentence) goes too.
* An appeal box is framed by appeal lines ("Your support helps us to tell the
  story" ... "Your support makes all the difference."); the paragraphs inside
  the frame are the appeal's body, however article-like their wording.
"""
from __future__ import annotations

from ..config import Config
from ..document import Block, Document
from ..rules import Rule

_CREDITS = frozenset({Rule.CAPTION_LABEL, Rule.CAPTION_CREDIT})
#: The most paragraphs an appeal box holds between its two framing lines.
APPEAL_BOX_MAX = 6


def _captions(blocks: list[Block]) -> None:
    for i, block in enumerate(blocks):
        if block.rule not in _CREDITS:
            continue
        j, below = i - 1, block
        while j >= 0 and not below.gap_before:
            above = blocks[j]
            if above.decided or above.features.length > 60:
                break
            above.drop(Rule.CAPTION_TEXT)
            if above.features.terminal and not above.glued:
                break
            j, below = j - 1, above


def _appeal_boxes(blocks: list[Block]) -> None:
    frames = [i for i, b in enumerate(blocks) if b.rule == Rule.APPEAL]
    for a, b in zip(frames, frames[1:]):
        if 1 < b - a <= APPEAL_BOX_MAX + 1:
            for block in blocks[a + 1 : b]:
                if not block.decided:
                    block.drop(Rule.APPEAL_BOX)


def apply(doc: Document, config: Config) -> None:
    _captions(doc.blocks)
    _appeal_boxes(doc.blocks)
