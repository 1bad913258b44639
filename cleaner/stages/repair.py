"""Split text that the scraper glued together, so each half can be judged.

Two kinds of glue are repaired, both where a lower-case letter runs straight
into a capital with no space:

* a sentence end glued to the next sentence ("...the difference.Secretary of
  State..."), typically the end of a box glued to the article's first line;
* a caption glued to its credit label ("...and BeijingImage: Leah
  Millis/REUTERS"); the labels come from the ``caption_labels`` lexicon.

Nothing is added or removed: the pieces, joined, are the original line.

>>> split("Your support makes all the difference.Secretary of State Antony Blinken")
['Your support makes all the difference.', 'Secretary of State Antony Blinken']
>>> split("relations between Washington and BeijingImage: Leah Millis/REUTERS")
['relations between Washington and Beijing', 'Image: Leah Millis/REUTERS']
>>> split("Node.js and U.S.Army stay whole")
['Node.js and U.S.Army stay whole']
"""
from __future__ import annotations

import functools

import regex

from .. import lexicons
from ..config import Config
from ..document import Block, Document

# Two lower-case letters, a sentence end (maybe a closing quote), then a
# capitalised word: "difference.Secretary".  Abbreviations ("U.S.Army") have
# capitals before the dot and are left alone.
_SENTENCE_GLUE = r"(?<=\p{Ll}\p{Ll}[.!?][\"”’»]?)(?=\p{Lu}\p{Ll})"


@functools.cache
def _pattern(langs: tuple[str, ...]) -> regex.Pattern:
    labels = sorted(lexicons.read_all("caption_labels", langs), key=len, reverse=True)
    alternatives = "|".join(
        regex.escape(p[:1].upper() + p[1:]).replace(r"\ ", r"\s") for p in labels if p[:1].isalpha()
    )
    caption_glue = rf"(?<=\p{{Ll}})(?=(?:{alternatives})\s?:)" if alternatives else r"(?!)"
    return regex.compile(f"{_SENTENCE_GLUE}|{caption_glue}")


def split(text: str, langs: tuple[str, ...] = ()) -> list[str]:
    """The pieces of a glued line (the line itself when nothing is glued)."""
    if text.isascii() and not any(c.islower() for c in text):
        return [text]
    cuts = [m.start() for m in _pattern(langs).finditer(text)]
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


def apply(doc: Document, config: Config) -> None:
    """Replace each glued block by its pieces (same line number, same layout)."""
    out: list[Block] = []
    for block in doc.blocks:
        pieces = split(block.text, config.lexicon_languages) if not block.decided else [block.text]
        if len(pieces) == 1:
            out.append(block)
            continue
        for i, piece in enumerate(pieces):
            out.append(
                Block(piece, block.line, bullet=block.bullet if i == 0 else "", indent=block.indent,
                      gap_before=block.gap_before if i == 0 else False, glued=True)
            )
    doc.blocks = out
