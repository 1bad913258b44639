"""Shallow text features of a block, computed once and shared by the stages."""
from __future__ import annotations

import re
from dataclasses import dataclass
# typing costs 4 ms of start-up; with postponed annotations only type checkers need it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

import regex

from . import tokens

# URLs, e-mail addresses and bare domains or file names ("example.com/x",
# "page.html").  Linear in the line: a match may only start where a run of
# name characters starts (after any leading dots or dashes, which \K leaves
# out of the match), and names are taken possessively.  Letting every word
# boundary start a match, as a plain "\b[\w-]+(?:\.[\w-]+)*\.com" does, made
# a 20 KB line "a.a.a..." take minutes (each of its 10,000 starts scanned
# the rest of the line); on real pages the matches are the same.
_URL = regex.compile(
    r"(?:https?://|www\.)\S+"
    r"|(?<![\w.+-])[.+-]*+\K\b[\w.+-]++@[\w-]++\.[\w.]+\b"
    r"|(?<![\w.-])[.-]*+\K\b(?:[\w-]++\.)+?(?:com|org|net|html?|php|aspx?)\b\S*"
)
# Sentence-final punctuation of many scripts, possibly followed by a closing
# quote or bracket: prose ends with it, menus and headlines mostly do not.
# A colon ends a sentence that announces a list or a quote.  An ellipsis is
# not an end: "...as Hurri..." is a teaser cut short.  Besides Latin, CJK,
# Arabic and Devanagari marks: Urdu ۔, Armenian ։, Ethiopic ።, Khmer ។,
# Myanmar ။, Devanagari double danda ॥, and closing quotes of many kinds:
# German and Czech close „…“ and ‚…‘ with what English opens with, and
# German and Swiss text also quote »…« and «…».
# A short tag in brackets after the full stop ends it too: the agency's
# "（完）" ("the end") closing a Chinese wire story, "(AFP)".
_TERMINAL = regex.compile(r"(?<!\.\.)(?<!…)[.!?:。！？؟।॥：۔։።។။]['\"”’»“‘«›‹」』)\]]*(?:\s?[（(][^（）()]{1,6}[）)])?$")
#: Only a line's last characters can end a sentence: the anchored pattern is
#: run on them, not scanned along the whole line.
_TAIL = 12
# Thai and Lao end a sentence with a space, not a mark: a line of several
# clauses (a space between them), long for a headline, ending in a letter of
# those scripts, reads as ended.
_NO_MARK_SCRIPT_END = regex.compile(r"[\p{Thai}\p{Lao}]$")
#: Characters of scripts without word spaces a line needs for that: about
#: 15 Thai words.
NO_MARK_SENTENCE_CHARS = 75
#: Marks that open a quoted paragraph, in many languages' typography: a line
#: that starts with one is somebody's words, which an article quotes.
QUOTE_OPENERS = ('"', "“", "”", "„", "‘", "’", "‚", "'", "«", "»", "‹", "›", "「", "『")
_LETTER = regex.compile(r"\p{L}")
_LETTER_ASCII = re.compile(r"[A-Za-z]")
# Substrings without which _URL cannot match: a cheap test before the regex
# (one search of the standard engine, not a loop over the substrings).
_URL_HINT = re.compile(r"://|www\.|@|\.(?:com|org|net|htm|php|asp)")


@dataclass(slots=True)
class Features:
    key: str
    words: list[str]
    length: float
    link_density: float
    terminal: bool
    has_letters: bool
    #: How many characters are in scripts without word spaces (0: none).
    unspaced: int = 0
    stop_density: float = 0.0
    #: Where lexicon phrases occur (:class:`cleaner.lexicons.Hits`), set by the phrase stage.
    hits: Any = None


def compute(text: str) -> Features:
    """Language-independent features of one block's text."""
    w = tokens.words(text)
    link_chars = sum(len(m) for m in _URL.findall(text)) if _URL_HINT.search(text) else 0
    ascii_ = text.isascii()
    cjk = tokens.unspaced_chars(text) if not ascii_ else 0
    return Features(
        key=tokens.key_of(w),
        words=w,
        length=tokens.length(text, w, cjk),
        link_density=link_chars / max(1, len(text)),
        terminal=ends_with_mark(text) or (cjk >= NO_MARK_SENTENCE_CHARS and _ends_without_mark(text)),
        has_letters=bool((_LETTER_ASCII if ascii_ else _LETTER).search(text)),
        unspaced=cjk,
    )


def ends_with_mark(text: str) -> bool:
    """The line ends with a sentence mark of some script (maybe inside closing quotes).

    >>> ends_with_mark('He left.”'), ends_with_mark("More stories"), ends_with_mark("as Hurri...")
    (True, False, False)
    """
    return bool(_TERMINAL.search(text[-_TAIL:]))


def _ends_without_mark(text: str) -> bool:
    """A long Thai or Lao line of several clauses, ending in a letter."""
    return " " in text.strip() and bool(_NO_MARK_SCRIPT_END.search(text))


def add_stopwords(f: Features, stoplist: frozenset[str], unspaced_list: tuple[str, ...] = ()) -> None:
    """Fill in the stopword count and density for the document's language.

    For scripts without word spaces the list holds function characters and
    particles, counted inside the text, per word of ``length`` (two
    characters).  That puts running Chinese prose at about 0.35-0.6 and
    Japanese higher (its particles are frequent), and headline lists below
    0.2 -- the same scale as jusText's per-word densities.
    """
    if unspaced_list:
        n = sum(f.key.count(ch) for ch in unspaced_list)
    else:
        n = sum(map(stoplist.__contains__, f.words))
    f.stop_density = n / f.length if f.length else 0.0
