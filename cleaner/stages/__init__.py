"""The text pipeline: an ordered list of small stages over a Document.

Each stage is ``apply(doc, config)``; it gives undecided blocks a verdict and
a rule id (:mod:`cleaner.rules`), or computes what later stages read.
"""
from __future__ import annotations

from collections.abc import Callable

from ..config import Config
from ..document import Document
from . import bio, context, dedupe, heuristics, measure, metadata, phrases, region, repair, templates, title

Stage = Callable[[Document, Config], None]

PIPELINE: tuple[Stage, ...] = (
    repair.apply,  # split glued lines before anything judges them
    measure.apply,  # features and language, computed once
    phrases.apply,  # boilerplate by what it says
    templates.apply,  # lines learned to repeat across a site's pages (batch)
    context.apply,  # boilerplate by its neighbours (captions, appeal boxes)
    heuristics.apply,  # classes from shallow features
    region.apply,  # where the article is; decides what is left
    dedupe.apply,  # repeated lines and teasers
    bio.apply,  # the author's bio after the article
    region.refine,  # the span again without the repeats, so cleaning is idempotent
    title.apply,  # the headline above the article
    metadata.apply,  # the byline and date line the phrase rules dropped, kept aside
)


def run(doc: Document, config: Config) -> Document:
    for stage in PIPELINE:
        stage(doc, config)
    return doc
