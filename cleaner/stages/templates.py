"""Drop lines learned to be a site's template (batch mode's second pass).

The lines themselves are learned across many pages of one site by
:mod:`cleaner.batch`; here a page only drops the blocks whose matching key is
in ``doc.templates``.  A phrase rule that already named a line keeps its more
specific reason.

Only lines of at least ``Config.template_min_words`` words are dropped: a
promo or disclaimer is a sentence, while a one-word subheading that most of
a site's pages share ("Ingredients", "Method") is part of each article.

``doc.templates`` may hold matching keys (:func:`cleaner.lexicons.key`) or
their :func:`template_id`: batch mode counts every line of every page of a
corpus, and 8-byte ids keep those counters at a fraction of the memory of the
lines themselves, so it learns and passes ids.

>>> template_id("become a member") == template_id("become a member")
True
"""
from __future__ import annotations

from ..config import Config
from ..document import Document
from ..rules import Rule


def template_id(key: str) -> int:
    """A matching key as a 64-bit id.

    Two of a million distinct lines share an id with odds of about 3 in 10^8.
    """
    import hashlib  # batch mode only: kept off the start-up path

    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def apply(doc: Document, config: Config) -> None:
    if not doc.templates:
        return
    # Keys and ids may be mixed: compare everything as ids (an int is never a key).
    wanted = {t if isinstance(t, int) else template_id(t) for t in doc.templates}
    for block in doc.blocks:
        if block.decided or block.features.length < config.template_min_words:
            continue
        if template_id(block.features.key) in wanted:
            block.drop(Rule.TEMPLATE)
