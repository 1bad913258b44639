"""Compute each block's features and the document's language, once."""
from __future__ import annotations

from .. import features, stoplists, tokens
from ..config import Config
from ..document import Document

#: Words sampled (from the longest blocks) to tell the language: a few
#: paragraphs of prose are plenty, and the sample bounds the cost.
LANGUAGE_SAMPLE_WORDS = 1000


#: How often one word may count per block: "e e e e ..." is one junk line,
#: not evidence of Walloon.
WORD_REPEATS_PER_BLOCK = 3


def _distinctish(words: list[str]) -> list[str]:
    """``words`` with each one kept at most WORD_REPEATS_PER_BLOCK times."""
    seen: dict[str, int] = {}
    out = []
    for w in words:
        n = seen.get(w, 0)
        if n < WORD_REPEATS_PER_BLOCK:
            seen[w] = n + 1
            out.append(w)
    return out


def detect_language(doc: Document) -> str:
    """The language of the document's longest blocks, where most prose is."""
    sample, chars, text = [], 0, []
    for block in sorted(doc.blocks, key=lambda b: -b.features.length):
        sample.extend(_distinctish(block.features.words))
        text.append(block.text)
        if len(sample) >= LANGUAGE_SAMPLE_WORDS:
            break
    joined = " ".join(text)
    chars = tokens.unspaced_chars(joined)
    return stoplists.detect(sample, chars, joined)


def apply(doc: Document, config: Config) -> None:
    for block in doc.blocks:
        if block.features is None:
            block.features = features.compute(block.text)
    doc.language = doc.language or detect_language(doc)
    stop = stoplists.stoplist(doc.language) if doc.language else frozenset()
    unspaced = tuple(w for w in stop if tokens.unspaced_chars(w)) if doc.language in ("zh", "ja") else ()
    for block in doc.blocks:
        features.add_stopwords(block.features, stop, unspaced)
