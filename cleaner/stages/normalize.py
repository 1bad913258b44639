"""Whitespace and Unicode normalisation of one line.

Only invisible differences are removed: the words and their order stay.

>>> line("Blinken\\u00a0 met  Wang\\u200b Yi ")
'Blinken met Wang Yi'
>>> split_bullet("    • Home")
('•', 'Home')
>>> split_bullet("* ")
('*', '')
>>> split_bullet("2. Skip to main menu")
('2.', 'Skip to main menu')
>>> split_bullet("*Nope")
('', '*Nope')
"""
from __future__ import annotations

import unicodedata

import regex

# Zero-width and formatting characters that scrapers leave between words,
# C0/C1 controls that do not separate anything (NUL, ESC, DEL...), and lone
# surrogates (not text: they cannot even be written as UTF-8).
_INVISIBLE = regex.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\p{Cs}\p{Cc}--[\s\x1c-\x1f]]", flags=regex.V1)
# The same among ASCII characters, to test the common all-ASCII line cheaply.
_ASCII_INVISIBLE = regex.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
# List markers a text converter puts before an item; a lone letter such as
# Portuguese "o" is a word, so only symbols count.
_BULLET = regex.compile(r"^([*+\-•·◦▪▫■□●○►▶‣⁃–—»›✓✔]+|\d{1,3}[.)](?=\s))(?:\s+|$)")
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")


def lines(text: str) -> list[str]:
    """Split on LF, CRLF and lone CR, so line numbers match what an editor shows."""
    return _LINE_BREAK.split(text)


def line(text: str) -> str:
    """One line in NFC, without invisible characters, with single spaces.

    The same whether or not the line is ASCII (a control is a control), and
    invisible characters go before NFC composes: "e", ZERO WIDTH SPACE,
    COMBINING ACUTE is "é", or a second pass would change it again.

    >>> line("a\\x0cb\\x01c\\x1fd")
    'a bc d'
    >>> line("e\\u200b\\u0301") == "\\u00e9"
    True
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    elif _ASCII_INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    # Runs of any kind of space (NBSP, thin, ideographic, tab) become one.
    # Controls that separate (vertical tab, form feed, NEL, the information
    # separators 0x1C-0x1F) are spaces too: removing them would glue the
    # words on either side into one the input never had.  Python's
    # whitespace is exactly that set (\s, \p{Zs}, 0x1C-0x1F), split in C.
    return " ".join(text.split())


_BULLET_STARTS = frozenset("*+-•·◦▪▫■□●○►▶‣⁃–—»›✓✔0123456789")


def split_bullet(text: str) -> tuple[str, str]:
    """(marker, rest) for a list item, ("", text) otherwise."""
    if text.lstrip()[:1] not in _BULLET_STARTS:
        return "", text.strip()
    m = _BULLET.match(text.lstrip())
    if not m:
        return "", text.strip()
    return m.group(1), text.lstrip()[m.end() :].strip()


def indent(raw: str) -> int:
    """Leading spaces of a raw line (a tab counts as four)."""
    stripped = raw.lstrip(" \t\u00a0")
    return len(raw[: len(raw) - len(stripped)].replace("\t", "    "))
