"""The shape of a line, for rules that judge lines by their neighbours.

One letter a line (see :func:`shape`): the context stage and the list rules
compare runs of them, such as a teaser card's headline, date and summary.
"""
from __future__ import annotations

from ..config import Config
from ..document import Block
from ..rules import Rule


def long_paragraph(block: Block, config: Config) -> bool:
    """A sentence as long as good prose: article text, not a box's line."""
    return block.features.terminal and block.features.length >= config.length_high


_DATELINE = frozenset({Rule.TIMESTAMP, Rule.BYLINE})
_QUESTION = ("?", "？", "؟")


def shape(block: Block, config: Config) -> str:
    """One letter for the kind of line, for finding repeated card shapes.

    D a date or byline, H a headline-like line (not a sentence, shorter than
    good prose), P a sentence-like paragraph, S a short line, X anything a
    phrase rule dropped.
    """
    f = block.features
    if block.rule in _DATELINE:
        return "D"
    if block.decided:
        return "X"
    # A question is a headline's shape too ("Mélatonine en vente libre :
    # faut-il s'en méfier chez l'enfant ?"), when no longer than one.
    if (not f.terminal or block.text.endswith(_QUESTION)) and f.length <= config.length_high:
        return "H"
    return "P" if f.length >= config.card_paragraph_min_words else "S"
