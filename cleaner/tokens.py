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
>>> length("คณะรัฐมนตรีมีมติอนุมัติงบประมาณ")
6.2
"""
from __future__ import annotations

import re

import regex

# Scripts written without spaces between words.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
# Among them, the alphabets of South-East Asia: a word there is several
# letters and vowel or tone marks, not one or two characters as in Chinese.
_SEA = regex.compile(r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_WORD = regex.compile(r"\w+")
# On ASCII text both engines' \w is [A-Za-z0-9_]; the standard library's is
# faster.  (On other text only regex's \w keeps combining marks in words.)
_WORD_ASCII = re.compile(r"\w+", re.ASCII)
_DIGIT_RUNS = re.compile(r"\d+|\D+")
CHARS_PER_WORD = 2.0
#: What ``"İ".casefold()`` gives: "i" and U+0307 COMBINING DOT ABOVE.
_DOTTED_I = "i\u0307"
#: Characters (code points, marks included) per word in Thai, Lao, Khmer and
#: Burmese: "คณะรัฐมนตรีมีมติอนุมัติงบประมาณ" is 31 for six words.
SEA_CHARS_PER_WORD = 5.0


def words(text: str) -> list[str]:
    """The ``\\w+`` tokens of ``text``, case-folded.

    Python folds Turkish "İ" to "i" and a combining dot above; the dot goes,
    so that "İLGİLİ HABER" and "Sponsorlu İçerik" meet the lexicons'
    "ilgili haber" and "sponsorlu içerik".

    >>> words("İLGİLİ HABER: Sponsorlu İçerik")
    ['ilgili', 'haber', 'sponsorlu', 'içerik']
    """
    folded = text.casefold()
    if folded.isascii():
        return _WORD_ASCII.findall(folded)
    return _WORD.findall(folded.replace(_DOTTED_I, "i"))


def key_of(tokens: list[str]) -> str:
    """Words as lexicon matching sees them: each run of numbers one ``0``.

    Digits inside a word are numbers too ("19th" is "0 th"), and
    underscores separate words.

    >>> key_of(words("Updated 10:07 am, November 19th, 2019"))
    'updated 0 am november 0 th 0'
    >>> key_of(words("Books (1,396)"))
    'books 0'
    """
    out: list[str] = []
    for t in tokens:
        if t.isalpha():
            out.append(t)
            continue
        for part in _DIGIT_RUNS.findall(t.replace("_", " ")) if not t.isdigit() else [t]:
            part = part.strip()
            if not part:
                continue
            if part[0].isdigit():
                if out and out[-1] == "0":
                    continue
                part = "0"
            out.extend(part.split())
    return " ".join(out)


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
    sea = len(_SEA.findall(text))
    return spaced + (cjk - sea) / CHARS_PER_WORD + sea / SEA_CHARS_PER_WORD
