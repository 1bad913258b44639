"""What "every word of the output comes from the input, in order" means.

Shared by the property tests (tests/test_properties.py) and the benchmark
check (bench/invariants.py).

The cleaner may change a page in ways that change its ``\\w+`` tokens
without inventing anything, so the input is normalised the same way before
its words are compared with the output's:

* each line in Unicode NFC, without invisible characters (zero-width
  spaces, soft hyphens, controls, lone surrogates), with separating controls
  (form feed, NEL) as spaces: "Bei\\u200bjing" is one word on screen and in
  the output, two ``\\w+`` tokens before (:func:`cleaner.stages.normalize.line`);
* glued lines split where the scraper ran two lines together
  ("BeijingImage: ..." is "Beijing" and "Image": :func:`cleaner.stages.repair.split`);
* a feed record's article is its title, then its excerpt, as YAML reads
  them (escapes such as ``\\u2019`` decoded, the last of repeated keys),
  then its body: the headline comes first wherever its key stands;
* HTML is text with character references ("caf&eacute;" is "café") in
  which inline tags join what they separate ("<b>Bei</b>jing" is one
  word), so for HTML only the output's word *characters* must be a
  subsequence of the page's (see :func:`comes_from`).

The two helpers are checked on their own in the property tests: the
normalisation against a character-by-character definition, the glue repair
for only ever cutting.  Tokens are compared exactly (no case folding): the
cleaner never changes a letter.
"""
from __future__ import annotations

import html

import regex

from cleaner import Format, clean_document
from cleaner.formats import frontmatter
from cleaner.stages import normalize, repair

WORD = regex.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def comes_from(output: str, text: str) -> str:
    """Why ``output`` does not come from input ``text`` in order, or ``""`` when it does."""
    fmt = clean_document(text).source_format
    if fmt is Format.HTML:
        out_chars = "".join(words(output))
        page_chars = "".join(_text_words(html.unescape(text)))
        return "" if is_subsequence(list(out_chars), list(page_chars)) else f"characters of {output[:200]!r}"
    out, src = words(output), input_words(text)
    return "" if is_subsequence(out, src) else first_stray_word(out, src) or "?"


def input_words(text: str) -> list[str]:
    """The input's words as the cleaner may output them, in order (text and feed records)."""
    if clean_document(text).source_format is Format.FRONTMATTER:
        parts = frontmatter.split(text)
        assert parts is not None
        _, data, body, _ = parts
        title = frontmatter._text_field(data, frontmatter.TITLE_KEYS)[1]
        excerpt = frontmatter._text_field(data, frontmatter.EXCERPT_KEYS)[1]
        return _text_words(title) + _text_words(excerpt) + _text_words(body)
    return _text_words(text)


def _text_words(text: str) -> list[str]:
    out = []
    for raw in normalize.lines(text):
        for piece in repair.split(normalize.line(raw)):
            out += WORD.findall(piece)
    return out


def is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(w == b for b in it) for w in small)


def first_stray_word(out: list[str], src: list[str]) -> str:
    """The first output word that cannot be matched in order, with context ('' if none)."""
    it = iter(src)
    for n, w in enumerate(out):
        if not any(w == b for b in it):
            return f"output word {n} {w!r} in {' '.join(out[max(0, n - 6):n + 6])!r}"
    return ""


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p]
