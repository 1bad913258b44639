"""Drop repeated lines and teasers that repeat the start of a later paragraph.

Lines are compared by their words *with* their numbers ("Paragraph 3",
"Bruins 5, Devils 1"): the matching key of the phrase rules turns every
number into 0, which would make different score lines look repeated.
"""
from __future__ import annotations

from ..config import Config
from ..document import Block, Document, Quality
from ..rules import Rule


def apply(doc: Document, config: Config) -> None:
    # In scraped text a repeated paragraph is a teaser or a sticky box printed
    # twice.  In the content trafilatura chose from HTML it is the article's
    # own (a meal plan per day, a refrain), and dropping it loses recall.
    if not doc.preselected:
        _repeats(doc, config)
        _echoed_teasers(doc, config)
    _teasers(doc, config)


def _substantial(doc: Document, config: Config):
    """Kept blocks long enough to be a repeat worth dropping."""
    return (b for b in doc.blocks if b.kept and b.features is not None and b.features.length >= config.repeat_min_words)


def _words(block: Block) -> str:
    return " ".join(block.features.words)


def _repeats(doc: Document, config: Config) -> None:
    """Of kept lines with the same words, keep one: the first that ends like a sentence.

    A teaser above the article repeats its first paragraph without the full
    stop ("...ties with the Chinese" / "...ties with the Chinese."); the
    punctuated copy is the article's own.
    """
    first: dict[str, Block] = {}
    for block in _substantial(doc, config):
        k = _words(block)
        earlier = first.get(k)
        if earlier is None:
            first[k] = block
        elif block.features.terminal and not earlier.features.terminal:
            earlier.drop(Rule.DUPLICATE)
            first[k] = block
        else:
            block.drop(Rule.DUPLICATE)


_DASHES = ("—", "–")


def _echoed_teasers(doc: Document, config: Config) -> None:
    """A headline-like line inside the article that comes back among the
    dropped lines after it: a link card embedded in the story ("The painted
    lane is a lie we tell ourselves" / its subtitle), whose post the "more
    from this site" list below lists again.

    Only between the article's first and last paragraphs: its own headline
    above it comes back in "most read" lists, and it is the headline.
    """
    blocks = doc.blocks
    body = [i for i, b in enumerate(blocks) if b.kept and b.quality is Quality.GOOD]
    if len(body) < 2:
        return
    first, last = body[0], body[-1]
    after = {_words(b) for b in blocks[last + 1 :] if not b.kept and b.features is not None and b.features.length >= config.echo_min_words}
    if not after:
        return
    for block in blocks[first + 1 : last]:
        f = block.features
        headline = block.text[:1].isalnum() and block.bullet not in _DASHES  # not a quote's "— Name (@handle) date"
        if block.kept and f is not None and headline and not f.terminal and f.length >= config.echo_min_words and _words(block) in after:
            block.drop(Rule.ECHOED_TEASER)


def _teasers(doc: Document, config: Config) -> None:
    """A kept line whose words are the first words of a later, longer kept line.

    Indexed by the first ``teaser_min_words`` words, and at most
    ``_PER_HEAD`` lines are remembered per head, so the work stays linear.
    """
    n = config.teaser_min_words
    kept = list(_substantial(doc, config))
    later: dict[str, list[str]] = {}
    for block in reversed(kept):
        k = _words(block)
        words = k.split(" ")
        if len(words) < n:
            continue
        head = " ".join(words[:n])
        if any(other.startswith(k) and len(other) > len(k) for other in later.get(head, ())):
            block.drop(Rule.TEASER)
            continue
        bucket = later.setdefault(head, [])
        if len(bucket) < _PER_HEAD:
            bucket.append(k)


#: Lines remembered per first-words head: real pages repeat a head a few times
#: (teaser and paragraph); thousands of repeats are a degenerate input.
_PER_HEAD = 8
