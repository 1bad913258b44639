"""Classify each block from its own shallow features, jusText-style.

Classes (:class:`~cleaner.document.Quality`): BAD blocks are boilerplate on
their own; GOOD ones are prose long enough to be article text on their own;
NEAR_GOOD and SHORT are decided by the region stage from where they stand.
"""
from __future__ import annotations

from ..config import Config
from ..document import Block, Document, Quality
from ..rules import Rule


def classify(block: Block, config: Config, known_language: bool) -> tuple[Quality, Rule]:
    """The class of one block and the rule that gave it."""
    f = block.features
    if not f.has_letters:
        return Quality.BAD, Rule.NO_LETTERS
    if f.link_density > config.max_link_density:
        return Quality.BAD, Rule.LINK_DENSE
    if f.length < config.length_low:
        return Quality.SHORT, Rule.SHORT
    if not known_language:
        # Without a stoplist, prose is told by length and sentence punctuation.
        if f.length >= config.length_high and f.terminal:
            return Quality.GOOD, Rule.GOOD
        return Quality.NEAR_GOOD, Rule.NEAR_GOOD
    if f.stop_density >= config.stopwords_high:
        if f.length >= config.length_high:
            return Quality.GOOD, Rule.GOOD
        return Quality.NEAR_GOOD, Rule.NEAR_GOOD
    if f.stop_density >= config.stopwords_low:
        return Quality.NEAR_GOOD, Rule.NEAR_GOOD
    return Quality.BAD, Rule.LOW_STOPWORDS


def _menu_runs(doc: Document, config: Config) -> None:
    """Runs of short list items are menus, even inside the article's region."""
    run: list[Block] = []
    for block in [*doc.blocks, None]:
        if block is not None and block.bullet and block.quality in (Quality.SHORT, Quality.BAD):
            run.append(block)
            continue
        if len(run) >= config.menu_run_min:
            for b in run:
                b.quality = Quality.BAD
                if not b.decided:
                    b.drop(Rule.MENU_RUN)
        run = []


def apply(doc: Document, config: Config) -> None:
    known = bool(doc.language)
    for block in doc.blocks:
        if block.decided:  # by a format (front matter) or a phrase rule
            block.quality = None if block.kept else Quality.BAD
            continue
        quality, rule = classify(block, config, known)
        block.quality = quality
        if quality is Quality.BAD:
            block.drop(rule)
    _menu_runs(doc, config)
