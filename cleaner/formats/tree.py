"""The parsed page, for what the HTML path looks up after trafilatura
(:mod:`.standfirst`, :mod:`.subheadings`, captions in :mod:`.html`): the
neighbours of an element, elements named by class words, and lines compared
as the text prints them."""
from __future__ import annotations

import functools
import os
import re

from ..stages import normalize

#: How many levels of ancestors' siblings are looked through.
LEVELS = 4


def near(el, tags: tuple[str, ...], preceding: bool = False):
    """The ``tags`` elements with text after ``el`` in document order (or
    before it, nearest first): in its siblings, then in its ancestors'
    siblings, a few levels up.  What stands next to an element in the page
    is its neighbour in the markup, so the page is not walked whole."""
    node = el
    for _ in range(LEVELS):
        for sibling in node.itersiblings(preceding=preceding):
            if not isinstance(sibling.tag, str):
                continue  # a comment
            found = (e for e in sibling.iter(*tags) if _has_text(e))
            yield from reversed(list(found)) if preceding else found
        node = node.getparent()
        if node is None:
            return


def _has_text(el) -> bool:
    """Some text in ``el`` (stops at the first: a container's whole text is not built)."""
    return any(not t.isspace() for t in el.itertext())


def as_line(text: str) -> str:
    """``text`` as a line of the extracted text compares: spaces collapsed,
    normalised, case folded (a string operation, not a tokenisation, as every
    paragraph of a page may be looked up)."""
    return normalize.line(" ".join(text.split())).casefold()


@functools.cache
def class_words(name: str) -> frozenset[str]:
    """Words that name an element in class and id attributes (data file
    ``name`` beside this module, one a line)."""
    path = os.path.join(os.path.dirname(__file__), name)
    with open(path, encoding="utf-8") as f:
        return frozenset(w.strip() for w in f if w.strip() and not w.startswith("#"))


def called(el, words: frozenset[str]) -> bool:
    """The element's class or id holds one of ``words`` ("article__teaser",
    "leadText"; two adjacent words may spell one: "sub-title")."""
    parts = [w.lower() for w in _CLASS_WORDS.findall(f"{el.get('class', '')} {el.get('id', '')}")]
    return not words.isdisjoint(parts) or not words.isdisjoint(a + b for a, b in zip(parts, parts[1:]))


def named_elements(root, name: str) -> list:
    """The elements whose class the words of data file ``name`` name: the
    page's class attributes (one XPath query) searched for the words as
    substrings, then the few that hold one checked word by word."""
    words = class_words(name)
    hint = _substrings(name)
    return [e for e in (a.getparent() for a in root.xpath("//@class") if hint.search(a)) if called(e, words)]


# Words of a class name, camelCase split too: "id-StoryElement-leadText" is id, story, element, lead, text.
_CLASS_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


@functools.cache
def _substrings(name: str) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(class_words(name)))))
