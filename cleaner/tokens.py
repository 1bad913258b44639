"""Words, and how long a piece of text is, for scripts with and without spaces.

Chinese, Japanese and Thai write words without spaces between them, so a
whole sentence is one ``\\w+`` run.  Counting tokens would call a Chinese
paragraph one word long; instead such runs count as ``chars / CHARS_PER_WORD``
words, the average word length of those scripts.

>>> words("Blinken meets Wang Yi.")
['blinken', 'meets', 'wang', 'yi']
>>> length("Blinken meets Wang Yi.")
4.0
>>> length("布林肯周一在北京会见了王毅")
6.5
"""
from __future__ import annotations

import regex

# Scripts written without spaces between words.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_WORD = regex.compile(r"\w+")
CHARS_PER_WORD = 2.0


def words(text: str) -> list[str]:
    """The ``\\w+`` tokens of ``text``, case-folded."""
    return _WORD.findall(text.casefold())


def unspaced_chars(text: str) -> int:
    """How many characters of ``text`` belong to scripts without word spaces.

    >>> unspaced_chars("iPhoneを販売")
    3
    """
    return len(_UNSPACED.findall(text))


def length(text: str, tokens: list[str] | None = None, cjk: int | None = None) -> float:
    """Length of ``text`` in words, counting unspaced scripts by characters.

    ``tokens`` and ``cjk`` (the count of unspaced characters) may be passed
    when the caller has them already.
    """
    tokens = words(text) if tokens is None else tokens
    if cjk is None:
        cjk = unspaced_chars(text) if not text.isascii() else 0
    if not cjk:
        return float(len(tokens))
    spaced = sum(1 for t in tokens if not _UNSPACED.search(t))
    return spaced + cjk / CHARS_PER_WORD
