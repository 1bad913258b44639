"""Find where the article starts and ends, and decide the blocks in between.

The article is the contiguous stretch of blocks with the most article-like
text (a BTE-style maximum-sum search): good prose counts for its length,
boilerplate against it, and an end-of-article marker ("Related", "More
stories", "Comments") counts heavily against it, so the article continues
past one only if much more text follows.  Inside the region, short lines
(subheadings, datelines) are kept; outside it, everything undecided goes.
"""
from __future__ import annotations

from ..config import Config
from ..document import Block, Document, Quality
from ..rules import Rule

_KEEP_RULE = {Quality.GOOD: Rule.GOOD, Quality.NEAR_GOOD: Rule.NEAR_GOOD, Quality.SHORT: Rule.INSIDE}


_HEURISTIC_BAD = frozenset({Rule.LOW_STOPWORDS, Rule.LINK_DENSE, Rule.NO_LETTERS, Rule.MENU_RUN})


def weight(block: Block, config: Config) -> float:
    """How much a block pulls the region towards (+) or away from (-) itself."""
    f = block.features
    n = max(1.0, f.length)
    if block.quality is Quality.GOOD:
        return n if f.terminal else n * config.unterminated_weight
    if block.quality in (Quality.NEAR_GOOD, Quality.SHORT) and not f.terminal:
        return -config.heading_weight
    if block.quality is Quality.NEAR_GOOD:
        return n * config.near_good_weight
    if block.quality is Quality.SHORT:
        return -config.short_weight
    if block.end_marker:
        return -config.end_marker_weight
    if block.rule in _HEURISTIC_BAD:
        return -n * config.bad_weight
    return -config.phrase_weight


def best_span(weights: list[float]) -> tuple[int, int]:
    """[start, end) of the maximum-sum run (Kadane); (0, 0) when all are <= 0.

    >>> best_span([-1, 5, -2, 4, -9, 3])
    (1, 4)
    >>> best_span([-1, -2])
    (0, 0)
    """
    best, best_span_ = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best:
            best, best_span_ = total, (start, i + 1)
    return best_span_


def apply(doc: Document, config: Config) -> None:
    blocks = [b for b in doc.blocks if b.quality is not None]
    start, end = best_span([weight(b, config) for b in blocks])
    for i, block in enumerate(blocks):
        if block.decided:
            continue
        if start <= i < end:
            block.keep(_KEEP_RULE[block.quality])
        else:
            block.drop(Rule.OUTSIDE)
