"""Phrase lists as plain data files: ``lexicons/<lang>/<concept>.txt``.

One phrase a line; a line starting with ``#`` is a comment; a number in a
phrase, or the placeholder ``{n}``, matches any number, so ``page {n} of {n}``
matches ``Page 3 of 12`` and ``{n} comments`` matches ``167 comments``.  Matching ignores case and punctuation:
phrases and lines are compared as their ``\\w+`` words (see :func:`key`).

Phrases in scripts without word spaces (Chinese, Japanese, Thai) are matched as
substrings of the line's key, since a whole sentence there is one "word".
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
import os

from .. import diskcache
from .. import tokens as _tokens
from ..tokens import _UNSPACED

# os.path rather than pathlib: importing pathlib costs 20 ms of start-up.
HERE = os.path.dirname(os.path.abspath(__file__))


def key(text: str) -> str:
    """A line as matching sees it: lower-case words, each run of numbers as ``0``.

    >>> key("Page 1 of 12")
    'page 0 of 0'
    >>> key("  Share this:  ")
    'share this'
    >>> key("Books (1,396)")
    'books 0'
    """
    return _tokens.key_of(_tokens.words(text))


def phrase_key(phrase: str) -> str:
    """A lexicon phrase as matching sees it; ``{n}`` stands for any number.

    >>> phrase_key("{n} comments")
    '0 comments'
    """
    return key(phrase.replace("{n}", " 0 "))


def languages() -> tuple[str, ...]:
    """The languages that have lexicons, as ISO 639-1 codes."""
    return tuple(sorted(e.name for e in os.scandir(HERE) if e.is_dir() and not e.name.startswith("_")))


def read(lang: str, concept: str) -> list[str]:
    """The raw phrases of one language and concept (empty if there is no file)."""
    path = os.path.join(HERE, lang, f"{concept}.txt")
    if not os.path.isfile(path):
        return []
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    return [s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#")]


def read_all(concept: str, langs: tuple[str, ...] = ()) -> list[str]:
    """The raw phrases of a concept in ``langs`` (all languages when empty)."""
    return [p for lang in (langs or languages()) for p in read(lang, concept)]


@dataclass(frozen=True)
class PhraseSet:
    """Phrases of one concept: spaced ones, and unspaced (Chinese, Japanese)
    ones, which are matched inside words (see :class:`Index`)."""

    spaced: frozenset[str]
    unspaced: tuple[str, ...]

    def equals(self, line_key: str) -> bool:
        """The whole line is one of the phrases."""
        return line_key in self.spaced or line_key in self.unspaced

    def __bool__(self) -> bool:
        return bool(self.spaced or self.unspaced)


@functools.cache  # small per concept; the merged index is what is kept on disk
def phrases(concept: str, langs: tuple[str, ...] = ()) -> PhraseSet:
    """All phrases of ``concept`` in ``langs`` (all languages when empty)."""
    spaced: set[str] = set()
    unspaced: set[str] = set()
    for raw in read_all(concept, langs):
        k = phrase_key(raw)
        if k:
            (unspaced if _UNSPACED.search(k) and " " not in k else spaced).add(k)
    return PhraseSet(frozenset(spaced), tuple(sorted(unspaced, key=len, reverse=True)))


@dataclass
class Hits:
    """Where the phrases of each concept occur in one line's key.

    ``spots[concept]`` lists ``(word position, phrase)``; for an unspaced
    phrase the position is 0 when it opens the line and 1 otherwise.
    ``exact`` are the concepts one of whose phrases is the whole line.
    """

    key: str
    spots: dict[str, list[tuple[int, str]]]
    exact: tuple[str, ...] = ()

    def concepts(self) -> set[str] | dict[str, list[tuple[int, str]]]:
        """The concepts found in the line at all (a container to test ``in``)."""
        if not self.exact:
            return self.spots
        return {*self.spots, *self.exact}

    def found(self, concept: str, within: int | None = None) -> bool:
        """A phrase of ``concept`` occurs (among the first ``within`` words)."""
        spots = self.spots.get(concept)
        if not spots:
            return False
        return within is None or any(pos < within for pos, _ in spots)

    def prefix(self, concept: str, min_words: int = 2) -> str:
        """The longest phrase of at least ``min_words`` words opening the line, or ``""``.

        One word is too little to tell furniture from a sentence ("Share
        prices fell", "Comments by the minister"), so by default single words
        only ever match a whole line.  Unspaced phrases count as long enough.
        """
        best = ""
        for pos, phrase in self.spots.get(concept, ()):
            n = phrase.count(" ") + 1
            if pos == 0 and (n >= min_words or _UNSPACED.search(phrase)) and len(phrase) > len(best):
                best = phrase
        return best


class Index:
    """Every concept's phrases in one structure, so a line is scanned once.

    One-word phrases are looked up by the word; longer spaced phrases by
    their first two words (then checked whole); unspaced phrases (Chinese,
    Japanese) by their first character.  Scanning a line costs a dictionary
    lookup or two per word (per character for unspaced text) plus the few
    candidates that share them.
    """

    def __init__(self, concepts: tuple[str, ...], langs: tuple[str, ...]) -> None:
        self.exact: dict[str, tuple[str, ...]] = {}
        self.single: dict[str, tuple[str, ...]] = {}
        self.by_pair: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.by_char: dict[str, list[tuple[str, str]]] = {}
        for concept in concepts:
            ps = phrases(concept, langs)
            for p in ps.spaced:
                self.exact[p] = (*self.exact.get(p, ()), concept)
                words = p.split(" ")
                if len(words) == 1:
                    self.single[p] = (*self.single.get(p, ()), concept)
                else:
                    self.by_pair.setdefault((words[0], words[1]), []).append((p, concept))
            for p in ps.unspaced:
                self.exact[p] = (*self.exact.get(p, ()), concept)
                self.by_char.setdefault(p[0], []).append((p, concept))

    def equals(self, key: str) -> tuple[str, ...]:
        """The concepts one of whose phrases is the whole key."""
        return self.exact.get(key, ())

    def scan(self, key: str, max_words: int, unspaced: int) -> Hits:
        """Phrases starting in the first ``max_words`` words of ``key``."""
        spots: dict[str, list[tuple[int, str]]] = {}
        words = key.split(" ", max_words + 1)
        last = min(len(words), max_words)
        single, by_pair = self.single, self.by_pair
        # Most lines (prose) hold no phrase at all: two set intersections, run
        # in C, tell so before the word-by-word walk below.
        if single.keys().isdisjoint(words[:last]) and by_pair.keys().isdisjoint(zip(words[:last], words[1:])):
            last = 0
        offset = 0
        for pos in range(last):
            word = words[pos]
            for concept in single.get(word, ()):
                spots.setdefault(concept, []).append((pos, word))
            if pos + 1 < len(words):
                for phrase, concept in by_pair.get((word, words[pos + 1]), ()):
                    end = offset + len(phrase)
                    if key.startswith(phrase, offset) and (end == len(key) or key[end] == " "):
                        spots.setdefault(concept, []).append((pos, phrase))
            offset += len(word) + 1
        if unspaced and self.by_char:
            self._scan_unspaced(key[: max_words * 8], spots)
        return Hits(key, spots, self.exact.get(key, ()))

    def _scan_unspaced(self, text: str, spots: dict[str, list[tuple[int, str]]]) -> None:
        by_char = self.by_char
        for i, ch in enumerate(text):
            for phrase, concept in by_char.get(ch, ()):
                if text.startswith(phrase, i):
                    spots.setdefault(concept, []).append((0 if i == 0 else 1, phrase))


@diskcache.persistent
def index(concepts: tuple[str, ...], langs: tuple[str, ...] = ()) -> Index:
    """The merged index of ``concepts`` in ``langs`` (all languages when empty)."""
    return Index(concepts, langs)


@diskcache.persistent
def words(concept: str, langs: tuple[str, ...] = ()) -> frozenset[str]:
    """A concept's lexicon as a set of single words (e.g. social network names)."""
    ps = phrases(concept, langs)
    return frozenset(w for p in ps.spaced for w in p.split(" ")) | frozenset(ps.unspaced)
