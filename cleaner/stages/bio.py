"""The author's bio after the article.

"Jane Miller is a reporter who covers energy for the paper." closes many
articles.  It reads like prose (function words, a full stop), so no other
rule sees it; what gives it away is its shape -- a name, a verb joining the
name to a job, the job -- and where it stands: at the end of the article,
with nothing but short lines or other bio lines after it.

The verbs and the jobs are lexicons per language (``bio_copulas``,
``bio_roles``), so "Thomas Müller ist Redakteur im Ressort Politik" and
"Marie Dupont est journaliste au service Politique" are found the same way.

>>> from cleaner.document import Block
>>> is_bio(Block("Jane Miller is a reporter who covers energy for the paper.", 1), frozenset({"is"}), frozenset({"reporter"}))
True
>>> is_bio(Block("The reporter is a friend of the mayor.", 1), frozenset({"is"}), frozenset({"reporter"}))
False
"""
from __future__ import annotations

import regex

from .. import lexicons
from ..config import Config
from ..document import Block, Document, Quality, Role
from ..rules import Rule

_STRIP = ".,:;!?\"'()[]“”‘’«»"


def is_bio(block: Block, copulas: frozenset[str], roles: frozenset[str], name_max: int = 4, role_window: int = 6) -> bool:
    """A name of up to ``name_max`` capitalised words, a joining verb, then a
    job within the next ``role_window`` words."""
    words = block.text.split(None, name_max + role_window + 1)
    for i, word in enumerate(words[: name_max + 1]):
        if word.strip(_STRIP).casefold() in copulas:
            if i == 0 or not all(w[:1].isupper() for w in words[:i]):
                return False
            after = words[i + 1 : i + 1 + role_window]
            return any(w.strip(_STRIP).casefold() in roles for w in after)
    return False


def apply(doc: Document, config: Config) -> None:
    """Drop bio paragraphs among the last kept ones: each must be followed
    only by short lines or other bio paragraphs."""
    langs = config.lexicon_languages
    copulas, roles = lexicons.words("bio_copulas", langs), lexicons.words("bio_roles", langs)
    kept = [b for b in doc.blocks if b.kept and b.role is Role.BODY and b.features is not None]
    tail = kept[-config.bio_tail_blocks :]
    for i in range(len(tail) - 1, -1, -1):
        block = tail[i]
        if is_bio(block, copulas, roles, config.bio_name_max_words, config.bio_role_window):
            block.drop(Rule.AUTHOR_BIO)
        elif i > 0 and named_role(block, tail[i - 1], roles):
            block.drop(Rule.AUTHOR_BIO)
            tail[i - 1].drop(Rule.AUTHOR_BIO)
        elif block.quality is not Quality.SHORT:
            return  # article text: what stands above it is not after the article


#: A name on a line of its own: two or three capitalised words.
NAME_LINE = regex.compile(r"^\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){1,2}$")


def named_role(block: Block, above: Block, roles: frozenset[str]) -> bool:
    """A bio under its author's name, opening with the job ("Francesca
    Moretti", then "Giornalista economica, segue da Roma...").

    >>> named_role(Block("Reporter, covers the city council.", 2), Block("Jane Miller", 1), frozenset({"reporter"}))
    True
    >>> named_role(Block("Reporter, covers the city council.", 2), Block("City news", 1), frozenset({"reporter"}))
    False
    """
    first = block.text.split(None, 1)[0].strip(_STRIP).casefold() if block.text else ""
    return first in roles and bool(NAME_LINE.match(above.text))
