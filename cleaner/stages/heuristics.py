"""Classify each block from its own shallow features, jusText-style.

Classes (:class:`~cleaner.document.Quality`): BAD blocks are boilerplate on
their own; GOOD ones are prose long enough to be article text on their own;
NEAR_GOOD and SHORT are decided by the region stage from where they stand.
"""
from __future__ import annotations

import regex

from .. import stoplists
from ..config import DEFAULT, Config
from ..document import Block, Document, Quality
from ..rules import Rule


# A headline glued to its summary with no space: "...Metro-Detroit FavoritesFall
# has officially arrived".  (Brand names such as "PlayStation" glue too, which
# is why this only counts after a Title-Case run, see glued_teaser.)
_CAMEL_GLUE = regex.compile(r"\p{Ll}{3}[\p{Ll}'’]*\p{Lu}\p{Ll}")
# A headline run into the dateline of its summary: "...deemed stateless
# WASHINGTON: Expressing concern...".  The summary opens with a capital;
# an acronym before a list is prose ("... de PVC: pedriscos, areia...").
_MID_DATELINE = regex.compile(r"(?<=[^.!?:;\s]\s)\p{Lu}{3,}(?:\s\p{Lu}{2,}){0,2}:\s(?=\p{Lu})")


# Clause commas of Chinese (，) and Japanese (、): see classify.
_CLAUSE_COMMAS = "，、"

#: Where a headline ends, at the latest, in characters: glue is looked for there.
HEADLINE_MAX_CHARS = 200


def _capitalised_share(words: list[str]) -> float:
    return sum(1 for w in words if w[:1].isupper() or w[:1].isdigit()) / len(words) if words else 0.0


def glued_teaser(text: str, length: float, stoplist: frozenset[str], config: Config = DEFAULT) -> bool:
    """A Title-Case headline with its summary glued on, as teaser lists give them.

    Three shapes: the headline in title case then the summary in sentence
    case; a Title-Case headline glued to its summary with no space
    ("...Metro-Detroit FavoritesFall has officially arrived"); a headline
    run into its summary's all-caps dateline ("...deemed stateless
    WASHINGTON: Expressing concern").

    >>> glued_teaser("Explore The Top Spots in The Rivertown NeighborhoodVisiting Rivertown, or just looking to appreciate it", 18, frozenset())
    True
    >>> glued_teaser("Indian-origin man pleads guilty to fraud scheme in US NEW YORK: An Indian-origin man has pleaded guilty", 18, frozenset())
    True
    >>> glued_teaser("Analysts said MasterCard and Visa would raise fees again next year, which angered many shop owners.", 16, frozenset())
    False
    >>> glued_teaser("O equipamento tem quatro camadas dentro de um cano de PVC: pedriscos, areia grossa e carvão ativado", 18, frozenset())
    False

    Prose does not open with seven capitalised words out of eight, two of them
    function words ("Is Violence In Sports On The Rise?": English title
    case, which capitalises "In" and "On"); a run of names
    ("CBS Sports NFL Insider Jason La Canfora has reported") has no function
    words.  Here the line must then run on in sentence case.

    >>> stop = frozenset({"is", "in", "on", "the", "of", "a"})
    >>> glued_teaser("Is Violence In Sports On The Rise? Violence is part of the game in many sports but he crossed a line", 20, stop)
    True
    >>> glued_teaser("CBS Sports NFL Insider Jason La Canfora has reported that the NFL will fine him for his role", 17, stop)
    False
    """
    words = text.split()
    if length < config.glued_min_words or len(words) < config.glued_min_words:
        return False
    glue = _CAMEL_GLUE.search(text, 0, HEADLINE_MAX_CHARS)
    if glue:
        before = text[: glue.start()].split()
        if len(before) >= config.glued_headline_min_words and _capitalised_share(before) >= config.glued_capitals_share:
            return True
    dateline = _MID_DATELINE.search(text, 0, HEADLINE_MAX_CHARS + 100)
    if dateline and len(text[: dateline.start()].split()) >= config.glued_headline_min_words + 1:
        return True
    head = words[: config.title_case_window]
    function_caps = sum(1 for w in head if w[:1].isupper() and w.casefold().strip(",:;?!.") in stoplist)
    if function_caps < config.title_case_function_words:
        return False
    capitals = sum(1 for w in head if w[:1].isupper() or w[:1].isdigit())
    rest = [w for w in words[config.title_case_window :] if w[:1].isalpha()]
    lower_rest = sum(1 for w in rest if w[:1].islower())
    return capitals >= config.title_case_min and lower_rest * 2 > len(rest)


def classify(block: Block, config: Config, known_language: bool, stoplist: frozenset[str] = frozenset()) -> tuple[Quality, Rule]:
    """The class of one block, and the rule it is dropped by (BAD) or kept by inside the article."""
    f = block.features
    if not f.has_letters:
        return Quality.BAD, Rule.NO_LETTERS
    if f.length >= config.repetitive_min_words and len(set(f.words)) < config.repetitive_distinct_share * len(f.words):
        return Quality.BAD, Rule.REPETITIVE
    if f.link_density > config.max_link_density:
        return Quality.BAD, Rule.LINK_DENSE
    if stoplist and glued_teaser(block.text, f.length, stoplist, config):
        return Quality.BAD, Rule.GLUED_TEASER
    # On a page that lost its line breaks, menus run into one another and
    # into the headline: a long "sentence" of capitalised words.  (On other
    # pages such a line is a subheading in title case or a list of names.)
    if block.run_on and f.length >= config.capitalised_run_min_words:
        share = _capitalised_share(block.text.split())
        if share >= config.capitalised_run_share or (f.length >= config.long_run_min_words and share >= config.long_run_share):
            return Quality.BAD, Rule.CAPITALISED_RUN
    if f.length < config.length_low:
        return Quality.SHORT, Rule.INSIDE
    if not known_language:
        # Without a stoplist, prose is told by length and sentence punctuation.
        if f.length >= config.length_high and f.terminal:
            return Quality.GOOD, Rule.GOOD
        return Quality.NEAR_GOOD, Rule.NEAR_GOOD
    if f.stop_density >= config.stopwords_high:
        if f.length >= config.length_high:
            return Quality.GOOD, Rule.GOOD
        return Quality.NEAR_GOOD, Rule.NEAR_GOOD
    if f.stop_density >= config.stopwords_low:
        return Quality.NEAR_GOOD, Rule.NEAR_GOOD
    if f.terminal and f.stop_density >= config.stopwords_sentence_floor:
        return Quality.NEAR_GOOD, Rule.NEAR_GOOD
    # A Chinese news lead is dense with names and nouns ("本报北京11月17日电
    # （记者李华）记者从中国商飞公司获悉，国产大飞机C919日前完成..."): few function
    # characters, but a clause comma and a full stop, which menus and
    # headline lists do not have.
    if f.unspaced and f.terminal and any(ch in block.text for ch in _CLAUSE_COMMAS):
        return Quality.NEAR_GOOD, Rule.NEAR_GOOD
    return Quality.BAD, Rule.LOW_STOPWORDS


def short_sentence(block: Block, config: Config) -> bool:
    """A SHORT line with the function words of prose ("Er wurde leicht
    verletzt."): a sentence, too short to be article text on its own."""
    return block.quality is Quality.SHORT and block.features.stop_density >= config.stopwords_low


def _menu_runs(doc: Document, config: Config) -> None:
    """Runs of short list items are menus, even inside the article's region."""
    run: list[Block] = []
    for block in [*doc.blocks, None]:
        item = block is not None and bool(block.bullet) and block.quality in (Quality.SHORT, Quality.BAD)
        # A run shares one bullet: "■ Subheading" after a "* link" list is not its next item.
        if item and (not run or block.marker == run[-1].marker):
            run.append(block)
            continue
        if len(run) >= config.menu_run_min:
            for b in run:
                b.quality = Quality.BAD
                if not b.decided:
                    b.drop(Rule.MENU_RUN)
        run = [block] if item else []


def apply(doc: Document, config: Config) -> None:
    known = bool(doc.language)
    # Only the most frequent function words: full stoplists hold "united", "high".
    stoplist = stoplists.signature(doc.language) if doc.language else frozenset()
    for block in doc.blocks:
        if block.decided:  # by a format (front matter) or a phrase rule
            block.quality = None if block.kept else Quality.BAD
            continue
        quality, rule = classify(block, config, known, stoplist)
        block.quality = quality
        if quality is Quality.BAD:
            block.drop(rule)
    _menu_runs(doc, config)
