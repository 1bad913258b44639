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
import re

import regex

from .. import lexicons
from ..config import Config
from ..document import Block, Document
from ..tokens import length

# Two lower-case letters, a sentence end (maybe a closing quote), then a
# capitalised word: "difference.Secretary".  Abbreviations ("U.S.Army") have
# capitals before the dot and are left alone.
_SENTENCE_GLUE = regex.compile(r"(?<=\p{Ll}\p{Ll}[.!?][\"”’»]?)(?=\p{Lu}\p{Ll})")
# The same on an ASCII line, where \p{Ll} and \p{Lu} are [a-z] and [A-Z]:
# the standard library's engine is several times faster.  The match ends
# where _SENTENCE_GLUE's cut is.
_SENTENCE_GLUE_ASCII = re.compile(r"[a-z]{2}[.!?]\"?(?=[A-Z][a-z])")
# A lower-case letter running into a capital: where a caption may meet its label.
_CAMEL = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")
#: The longest caption label looked for before its colon, in characters.
LABEL_MAX_CHARS = 40


def _caption_cuts(text: str, langs: tuple[str, ...]) -> list[int]:
    """Positions where a caption runs into a credit label ("BeijingImage: ...").

    At each lower-to-upper step, the text up to the next colon must be a
    caption label of the lexicon: looked up, not matched by one huge regex
    of every language's labels (which took 0.1 s to compile).
    """
    if ":" not in text and "：" not in text:
        return []
    labels = lexicons.phrases("caption_labels", langs)
    cuts = []
    for m in _CAMEL.finditer(text):
        head, colon, _ = text[m.start() : m.start() + LABEL_MAX_CHARS + 1].replace("：", ":").partition(":")
        if colon and labels.equals(lexicons.key(head)):
            cuts.append(m.start())
    return cuts


def split(text: str, langs: tuple[str, ...] = ()) -> list[str]:
    """The pieces of a glued line (the line itself when nothing is glued)."""
    if text.isascii() and not any(c.islower() for c in text):
        return [text]
    glue = {m.end() for m in _SENTENCE_GLUE_ASCII.finditer(text)} if text.isascii() else {m.start() for m in _SENTENCE_GLUE.finditer(text)}
    cuts = sorted(glue | set(_caption_cuts(text, langs)))
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


# Where one sentence ends and the next begins, in a text whose lines were
# collapsed: a sentence mark, maybe a closing quote, a space, then a capital
# (or a letter of a script without case, or a digit); or a full-width mark.
# Compiled on first use: only pages that lost their line breaks need it.
@functools.cache
def _sentence_end() -> regex.Pattern:
    return regex.compile(r"(?<=[.!?…][\"”’»)]?)\s+(?=[\"“‘«(]?[\p{Lu}\p{Lt}\p{Lo}\p{N}])|(?<=[。！？])(?=\S)")


def collapsed_lines(blocks: list[Block], config: Config) -> list[bool]:
    """For each block, whether it is a long line of a page that lost its line
    breaks (all False on other pages).

    A page lost them when its lines average more than
    ``collapsed_line_words`` words (a whole page on one line, as some
    converters and data sets give it); its lines longer than that are cut.
    Words as :func:`cleaner.tokens.length` counts them, so that Chinese and
    Japanese (two characters a word) count like other scripts; counted only
    when the lines are long in characters at all (two a word at the least),
    and once.
    """
    limit = config.collapsed_line_words
    if not blocks or sum(len(b.text) for b in blocks) < 2 * limit * len(blocks):
        return [False] * len(blocks)  # most pages: short lines
    words = [length(b.text) for b in blocks]
    if sum(words) < limit * len(blocks):
        return [False] * len(blocks)
    return [n > limit for n in words]


def sentences(text: str) -> list[str]:
    """The sentences of a collapsed line, in order, all of its words kept.

    >>> sentences("Home News Sport The council met. It voted 7-2. “We won,” she said. 总之。好的")
    ['Home News Sport The council met.', 'It voted 7-2.', '“We won,” she said.', '总之。', '好的']
    """
    bounds = [0, *(m.start() for m in _sentence_end().finditer(text)), len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


def apply(doc: Document, config: Config) -> None:
    """Replace each glued block by its pieces (same line number, same layout);
    on a collapsed page, each long line by its sentences."""
    out: list[Block] = []
    for block, run_on in zip(doc.blocks, collapsed_lines(doc.blocks, config)):
        pieces = split(block.text, config.lexicon_languages) if not block.decided else [block.text]
        if run_on:
            pieces = [s for piece in pieces for s in sentences(piece)]
        if len(pieces) == 1:
            out.append(block)
            continue
        for i, piece in enumerate(pieces):
            out.append(
                Block(piece, block.line, bullet=block.bullet if i == 0 else "", indent=block.indent,
                      gap_before=block.gap_before if i == 0 else False, glued=True, run_on=run_on)
            )
    doc.blocks = out
