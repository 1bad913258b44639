"""Pick the headline: the nearest headline-like line above the article.

Scraped text has no <h1>; the headline is the last line before the article's
first paragraph that reads like one: a few words, not a sentence ending in a
full stop, not page furniture a phrase rule recognised, not a date.
"""
from __future__ import annotations

import regex

from ..config import Config
from ..document import Block, Document, Role
from ..rules import Rule

#: How many blocks above the article's start are searched.
WINDOW = 12
#: Rules whose lines may still be the headline: they were dropped only for
#: where they stand or how short they are, not for what they say.
_MAY_BE_TITLE = frozenset({"", Rule.OUTSIDE, Rule.SHORT, Rule.LOW_STOPWORDS, Rule.INSIDE, Rule.NEAR_GOOD, Rule.GOOD})
_DIGITS = regex.compile(r"\d")


def headline_like(block: Block) -> bool:
    f = block.features
    if f is None or not 3 <= f.length <= 30 or block.bullet:
        return False
    if block.text.endswith((".", ":", ",", ";")) and not block.text.endswith("..."):
        return False
    if block.rule not in _MAY_BE_TITLE or block.glued:
        return False
    # Headlines rarely carry more than a number or two; dates and scores do.
    return len(_DIGITS.findall(block.text)) <= 4


def apply(doc: Document, config: Config) -> None:
    blocks = doc.blocks
    first = next((i for i, b in enumerate(blocks) if b.kept and b.role is Role.BODY), None)
    if first is None or any(b.role is Role.TITLE for b in blocks):
        return
    for i in range(first - 1, max(-1, first - 1 - WINDOW), -1):
        if headline_like(blocks[i]):
            blocks[i].keep(Rule.TITLE)
            blocks[i].role = Role.TITLE
            return
    # The first kept line itself may be the headline when nothing precedes it.
    b = blocks[first]
    if headline_like(b) and not b.features.terminal and any(x.kept for x in blocks[first + 1 :]):
        b.keep(Rule.TITLE)
        b.role = Role.TITLE
