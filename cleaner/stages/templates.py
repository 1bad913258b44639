"""Drop lines learned to be a site's template (batch mode's second pass).

The lines themselves are learned across many pages of one site by
:mod:`cleaner.batch`; here a page only drops the blocks whose matching key is
in ``doc.templates``.  A phrase rule that already named a line keeps its more
specific reason.
"""
from __future__ import annotations

from ..config import Config
from ..document import Document
from ..rules import Rule


def apply(doc: Document, config: Config) -> None:
    if not doc.templates:
        return
    for block in doc.blocks:
        if not block.decided and block.features.key in doc.templates:
            block.drop(Rule.TEMPLATE)
