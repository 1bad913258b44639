"""Function words per language, and which language a text is in.

The stoplists are jusText's (100 languages), read straight from the files the
jusText package installs -- importing jusText itself would pull in lxml on the
text path.  Languages jusText lacks (Chinese, Japanese) have their own lists
in ``lexicons/<lang>/stopwords.txt``; there each entry is a character or a
short particle, matched inside the unspaced runs.
"""
from __future__ import annotations

import functools
from collections import Counter
import importlib.util
import os

from . import diskcache, lexicons
from .tokens import _SEA, unspaced_chars, words
from .config import DEFAULT, Config

#: How many of each language's most frequent function words identify it.
SIGNATURE_SIZE = 60


@functools.cache
def _justext_dir() -> str | None:
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = os.path.join(next(iter(spec.submodule_search_locations)), "stoplists")
    return path if os.path.isdir(path) else None


@functools.cache
def _codes() -> dict[str, str]:
    """jusText's language names mapped to ISO 639 codes (lexicons/languages.tsv)."""
    with open(os.path.join(lexicons.HERE, "languages.tsv"), encoding="utf-8") as f:
        rows = f.read().splitlines()
    return dict(r.split("\t")[:2] for r in rows if r and not r.startswith("#"))


def _clean(word: str) -> str:
    return " ".join(words(word))


def _read_justext(name: str, limit: int | None = None) -> frozenset[str]:
    folder = _justext_dir()
    if folder is None:
        return frozenset()
    out = set()
    with open(os.path.join(folder, f"{name}.txt"), encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                break
            w = _clean(line)
            if w and " " not in w:
                out.add(w)
    return frozenset(out)


@functools.cache
def signatures() -> dict[str, frozenset[str]]:
    """Each spaced language's most frequent function words, keyed by ISO code."""
    return {code: _read_justext(name, SIGNATURE_SIZE) for name, code in _codes().items()}


@functools.cache  # one file, read when a page is in that language
def stoplist(code: str) -> frozenset[str]:
    """The full stoplist of a language by ISO code (empty if unknown)."""
    own = lexicons.read(code, "stopwords")
    if own:
        return frozenset(_clean(w) or w for w in own)
    name = {c: n for n, c in _codes().items()}.get(code)
    return _read_justext(name) if name else frozenset()


@functools.cache
def unspaced_list(code: str) -> tuple[str, ...]:
    """The entries of a language's stoplist written in a script without word
    spaces (Chinese, Japanese): they are counted inside the text, not as words.
    Empty for languages written with spaces.

    >>> "的" in unspaced_list("zh"), unspaced_list("de")
    (True, ())
    """
    return tuple(sorted(w for w in stoplist(code) if unspaced_chars(w)))


def detect(tokens: list[str], unspaced: int = 0, sample: str = "", config: Config = DEFAULT) -> str:
    """ISO code of the language of ``tokens`` (case-folded words), or ``""``.

    ``unspaced`` is how many characters are in scripts without word spaces;
    when they dominate, the script decides (:func:`_unspaced_language`).
    """
    if unspaced and unspaced >= len(tokens):
        return _unspaced_language(sample)
    # A word shared by many languages' signatures says little: "the" is in
    # Igbo's and Yoruba's lists too (their stoplists came from Wikipedia
    # text full of English).  Each hit counts 1/(languages sharing the word).
    scores: dict[str, float] = {}
    hits: dict[str, int] = {}
    distinct: dict[str, int] = {}
    owners = _owners()
    for t, count in Counter(tokens).items():
        langs = owners.get(t)
        if not langs:
            continue
        share = count / len(langs)
        for code in langs:
            scores[code] = scores.get(code, 0.0) + share
            hits[code] = hits.get(code, 0) + count
            distinct[code] = distinct.get(code, 0) + 1
    if not scores:
        return ""
    # Best score wins; on a tie the language listed first (alphabetical) does,
    # so the answer never depends on dictionary order.
    best = min(scores, key=lambda code: (-scores[code], code))
    # Evidence is several different function words, not one repeated: "Palm
    # Bay d. Rockledge", line after line, is not Walloon.
    if distinct[best] < config.language_min_distinct or hits[best] < len(tokens) * config.language_min_share:
        return ""
    return best


def _unspaced_language(sample: str) -> str:
    """The language of text in scripts without word spaces, by its script.

    A tenth of kana or more means Japanese, Han otherwise Chinese, the Thai
    alphabet Thai.  Lao, Khmer and Burmese have no function-word list here:
    ``""``, and the stages judge by length and punctuation alone.

    >>> _unspaced_language("日銀は金融政策の現状維持を決定した"), _unspaced_language("国务院常务会议审议通过")
    ('ja', 'zh')
    >>> _unspaced_language("รัฐบาลอนุมัติงบประมาณ"), _unspaced_language("ລັດຖະບານ")
    ('th', '')
    >>> _unspaced_language("索尼公司周二宣布，将在今年年底前推出被称为ソニー新品的新一代游戏机，预计售价为五百美元。")
    'zh'
    """
    sea, total = len(_SEA.findall(sample)), unspaced_chars(sample)
    if sea * 2 > total:
        thai = sum("\u0e00" <= ch <= "\u0e7f" for ch in sample)
        return "th" if thai * 2 > sea else ""
    # Japanese prose is a third kana or more; a Chinese article may quote a
    # Japanese name ("ソニー") and stay Chinese.
    kana = sum("\u3040" <= ch <= "\u30ff" for ch in sample)
    return "ja" if kana * 10 >= total - sea else "zh"


@functools.cache
def signature(code: str) -> frozenset[str]:
    """One language's most frequent function words (from the kept word map:
    no stoplist file is read)."""
    return frozenset(w for w, langs in _owners().items() if code in langs)


@diskcache.persistent
def _owners() -> dict[str, tuple[str, ...]]:
    """Each signature word and the languages it is a signature word of."""
    owners: dict[str, list[str]] = {}
    for code, sig in signatures().items():
        for word in sig:
            owners.setdefault(word, []).append(code)
    return {w: tuple(sorted(c)) for w, c in owners.items()}
