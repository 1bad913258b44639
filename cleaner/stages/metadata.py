"""What a scraped page says about itself, kept aside: its byline and date line.

CONVENTIONS.md: metadata found on the way (title, date, author or byline,
...) is not article text; it goes into the structured result.  The phrase
rules drop a page's byline ("By Jane Doe", "Von Thomas Müller", "作者：王明")
and its date line ("Published 12 March 2024, 10:15"); this stage keeps the
first of each, as written, in ``doc.metadata["byline"]`` and
``doc.metadata["dateline"]``.  Only lines above the article's first paragraph
count (the standfirst may come before them): further down, a byline
belongs to a teaser or a comment.  Inputs that
bring their own ``author`` or ``date`` (feed records, HTML) keep those.

It decides no block: it only reads what the other stages decided.
"""
from __future__ import annotations

from ..config import Config
from ..document import Document, Role
from ..rules import Rule

#: (metadata key, the rule that drops such a line, the key an input may already give)
_FOUND = (("byline", Rule.BYLINE, "author"), ("dateline", Rule.TIMESTAMP, "date"))


def apply(doc: Document, config: Config) -> None:
    # The standfirst may sit above the byline: the article starts after it.
    head = next((i for i, b in enumerate(doc.blocks) if b.kept and b.role is Role.BODY and b.rule is not Rule.STANDFIRST), None)
    if head is None:
        return
    for key, rule, given in _FOUND:
        if key in doc.metadata or given in doc.metadata:
            continue
        line = next((b.text for b in doc.blocks[:head] if b.rule is rule), None)
        if line is not None:
            doc.metadata[key] = line
