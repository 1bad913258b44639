"""Find where the article starts and ends, and decide the blocks in between.

The article is the contiguous stretch of blocks with the most article-like
text (a BTE-style maximum-sum search): good prose counts for its length,
boilerplate against it, and a "more stories" header or a policy-links line
counts heavily against it, so the article continues past one only if much
more text follows.  Hard end markers (comments, copyright) split the page
first: see :func:`earliest_strong_span`.  Inside the region, short lines
(subheadings, datelines) are kept; outside it, everything undecided goes.
"""
from __future__ import annotations

from ..config import Config
from ..document import Block, Document, Quality, Role
from ..rules import Rule
from .bio import NAME_LINE
from .heuristics import short_sentence
from .phrases import HARD_END_MARKERS

_KEEP_RULE = {Quality.GOOD: Rule.GOOD, Quality.NEAR_GOOD: Rule.NEAR_GOOD, Quality.SHORT: Rule.INSIDE}


_HEURISTIC_BAD = frozenset({Rule.LOW_STOPWORDS, Rule.LINK_DENSE, Rule.NO_LETTERS, Rule.MENU_RUN, Rule.REPETITIVE, Rule.GLUED_TEASER})


def weight(block: Block, config: Config, prose: bool = True) -> float:
    """How much a block pulls the region towards (+) or away from (-) itself.

    ``prose``: the page has prose (GOOD or NEAR_GOOD blocks) for short
    sentences to join.  Without it, a short line's function words may be
    all the evidence for the page's language ("I:K:" reads as Czech), and
    its weight would flip when cleaning the output again.
    """
    f = block.features
    n = max(1.0, f.length)
    if block.listed and block.quality is not Quality.GOOD:
        return 0.0
    if block.quality is Quality.GOOD:
        return n if f.terminal else n * config.unterminated_weight
    if block.quality in (Quality.NEAR_GOOD, Quality.SHORT) and not f.terminal:
        return -config.heading_weight
    if block.quality is Quality.NEAR_GOOD:
        return n * config.near_good_weight
    if block.quality is Quality.SHORT:
        if prose and short_sentence(block, config):
            return n * config.near_good_weight
        return -config.short_weight
    if block.end_marker:
        return -config.end_marker_weight
    if block.rule in _HEURISTIC_BAD:
        return -n * config.bad_weight
    return -config.phrase_weight


def _has_prose(blocks: list[Block]) -> bool:
    return any(b.quality in (Quality.GOOD, Quality.NEAR_GOOD) for b in blocks)


def earliest_strong_span(blocks: list[Block], weights: list[float], config: Config) -> tuple[int, int]:
    """The best span of the first segment that is nearly as strong as the best.

    Hard end markers (a comments header, the copyright line) split the page
    into segments.  Comment threads and teaser lists come after the
    article and can hold more prose than it, so the earliest segment whose
    best span scores at least ``segment_ratio`` of the strongest one wins.
    """
    candidates: list[tuple[float, int, int]] = []
    seg_start = 0
    for i in range(len(blocks) + 1):
        if i == len(blocks) or blocks[i].rule in HARD_END_MARKERS:
            if i > seg_start:
                a, b = best_span(weights[seg_start:i])
                if b > a:
                    candidates.append((sum(weights[seg_start + a : seg_start + b]), seg_start + a, seg_start + b))
            seg_start = i + 1
    if not candidates:
        return 0, 0
    top = max(score for score, _, _ in candidates)
    return next((a, b) for score, a, b in candidates if score >= config.segment_ratio * top)


#: Heuristic drops that content trafilatura chose may take back: lists and
#: tables inside an article have few function words or many links.
_PRESELECTED_MAY_UNDO = frozenset({Rule.LOW_STOPWORDS, Rule.LINK_DENSE, Rule.MENU_RUN})


def refine(doc: Document, config: Config) -> None:
    """Search the article's span again among the blocks still kept.

    Dedupe drops repeated paragraphs after the region was chosen; a repeat
    may have been what carried the span over a short line at its edge.
    Cleaning the output again would then drop that line, so the span is
    searched once more here, over what is kept: the result of cleaning is
    its own fixed point.
    """
    if doc.preselected:
        return
    kept = [b for b in doc.blocks if b.kept and b.role is Role.BODY and b.quality is not None]
    if not kept:
        return
    prose = _has_prose(kept)
    start, end = best_span([weight(b, config, prose) for b in kept])
    end = _structured_tail(kept, end, config) if end > start else end
    for i, block in enumerate(kept):
        if not start <= i < end:
            block.drop(Rule.OUTSIDE)


def _keep_until_hard_marker(blocks: list[Block]) -> None:
    """For content already chosen (trafilatura on HTML): keep what no phrase
    rule dropped, up to the first comment thread or copyright line after it."""
    ended = started = False
    for block in blocks:
        if block.rule in HARD_END_MARKERS and started:
            ended = True
        if ended:
            if not block.decided:
                block.drop(Rule.OUTSIDE)
        elif not block.decided or block.rule in _PRESELECTED_MAY_UNDO:
            block.keep(_KEEP_RULE.get(block.quality, Rule.INSIDE))
        started = started or block.kept


def _with_announced_list(blocks: list[Block], start: int, end: int) -> int:
    """Extend the article over a list announced right after its last paragraph.

    "The tour dates:" and the dates under it weigh nothing either way, so the
    maximum-sum span may stop just before them.
    """
    if start == end:
        return end
    while end + 1 < len(blocks) and blocks[end].text.endswith(_COLONS) and blocks[end + 1].listed:
        end += 1
        while end < len(blocks) and blocks[end].listed:
            end += 1
    return end


_COLONS = (":", "：")


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
    if doc.preselected:
        _keep_until_hard_marker(blocks)
        return
    prose = _has_prose(blocks)
    weights = [weight(b, config, prose) for b in blocks]
    if config.segment_ratio > 0:
        start, end = earliest_strong_span(blocks, weights, config)
    else:
        start, end = best_span(weights)
    end = _with_announced_list(blocks, start, end)
    tail = _structured_tail(blocks, end, config) if end > start else end
    for i, block in enumerate(blocks):
        if end <= i < tail and block.rule in _LIST_MAY_UNDO and (block.bullet or block.listed):
            block.keep(Rule.STRUCTURED_TAIL)
            continue
        if block.decided:
            continue
        if start <= i < tail:
            block.keep(_KEEP_RULE[block.quality])
        else:
            block.drop(Rule.OUTSIDE)
    announced_lists(blocks)


def _structured_tail(blocks: list[Block], end: int, config: Config) -> int:
    """Extend the article over the boxes that close a review or a recipe.

    After the last paragraph a review gives its pros and cons, a table of
    specifications and a heading "Verdict" over its last paragraph; a
    recipe, its ingredients and numbered steps.  Short lines cost the span
    like a menu, so the search stops before them.  A run of at least
    ``list_min_items`` such lines with nothing a phrase rule dropped among
    them, then prose under a heading or as a list's item, is the article
    going on: the span ends after the last such prose.  A name over a
    paragraph (the author's bio) is no heading.
    """
    new_end, items = end, 0
    for j in range(end, len(blocks)):
        block = blocks[j]
        if block.end_marker or (block.decided and not block.kept and block.rule not in _HEURISTIC_BAD):
            break
        if new_end == j and j > end and _goes_on(block, blocks[j - 1]):
            new_end = j + 1  # the rest of the steps the prose opened
            continue
        if _box_prose(block):
            if items >= config.list_min_items and _in_box(block, blocks[j - 1]):
                new_end = j + 1
                continue
            break  # prose that is no such box's: a bio, a site's blurb
        if block.quality is Quality.NEAR_GOOD and block.features.length > config.list_item_max_words and not (block.bullet or block.listed):
            break
        items += 1
    return new_end


def _box_prose(block: Block) -> bool:
    """Prose, or a numbered step ("2. Peel the apples.") however short."""
    return block.quality is Quality.GOOD or (
        block.quality is Quality.NEAR_GOOD and block.bullet[:1].isdigit() and block.features.terminal)


def _in_box(block: Block, above: Block) -> bool:
    """Prose that is a box's: a sentence under a heading ("Verdict") that is
    not a name, or a list's item."""
    if not block.features.terminal:
        return False
    if block.bullet or block.listed:
        return True
    # A name over a paragraph is its author's bio, not a box's heading.
    return above.quality is Quality.SHORT and not above.features.terminal and not above.bullet and not NAME_LINE.match(above.text)


def _goes_on(block: Block, previous: Block) -> bool:
    """``block`` is the next item of the steps ``previous`` belongs to: an
    item of the same kind, or a sentence after it.  (Whether a blank line
    stands between them does not count: the cleaned text puts one between
    all paragraphs, and cleaning it again must keep what it kept.)"""
    if block.bullet or block.listed:
        return bool(block.bullet) == bool(previous.bullet)
    return block.features.terminal and block.quality in (Quality.GOOD, Quality.NEAR_GOOD)



#: Drops a listed item may take back: those made for where a line stands or
#: how it looks, not for what it says.
_LIST_MAY_UNDO = frozenset({Rule.OUTSIDE, Rule.LOW_STOPWORDS, Rule.MENU_RUN})


def announced_lists(blocks: list[Block]) -> None:
    """Keep the items of a list that a kept paragraph announced with a colon.

    "Here are the best deals:" followed by product names, or "Ingredients:"
    followed by quantities, is article content however list-like the lines
    look.  The context stage marked such items ``listed``.
    """
    announcer = None
    for block in blocks:
        if not block.listed:
            announcer = block
            continue
        if announcer is not None and announcer.kept and not block.kept and block.rule in _LIST_MAY_UNDO:
            block.keep(Rule.ANNOUNCED_LIST)
