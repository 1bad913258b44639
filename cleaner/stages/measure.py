"""Compute each block's features and the document's language, once."""
from __future__ import annotations

from .. import features, stoplists
from ..config import Config
from ..document import Document


def _distinctish(words: list[str], limit: int) -> list[str]:
    """``words`` with each one kept at most ``limit`` times."""
    if len(words) <= limit:  # most blocks: short lines
        return words
    seen: dict[str, int] = {}
    out = []
    for w in words:
        n = seen.get(w, 0)
        if n < limit:
            seen[w] = n + 1
            out.append(w)
    return out


def detect_language(doc: Document, config: Config) -> str:
    """The language of the document's longest blocks, where most prose is."""
    sample, text, unspaced = [], [], 0
    for block in sorted(doc.blocks, key=lambda b: -b.features.length):
        sample.extend(_distinctish(block.features.words, config.language_word_repeats))
        text.append(block.text)
        unspaced += block.features.unspaced
        if len(sample) >= config.language_sample_words:
            break
    return stoplists.detect(sample, unspaced, " ".join(text), config)


def apply(doc: Document, config: Config) -> None:
    for block in doc.blocks:
        if block.features is None:
            block.features = features.compute(block.text)
    doc.language = doc.language or detect_language(doc, config)
    stop = stoplists.stoplist(doc.language) if doc.language else frozenset()
    unspaced = stoplists.unspaced_list(doc.language) if doc.language else ()
    for block in doc.blocks:
        features.add_stopwords(block.features, stop, unspaced)
