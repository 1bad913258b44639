"""Walking a parsed page around one element (for :mod:`.standfirst` and
:mod:`.subheadings`, which look next to trafilatura's text for what it left out)."""
from __future__ import annotations

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
