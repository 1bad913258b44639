"""Pick the headline above the article.

Scraped text has no <h1>.  The headline is a line above the article's first
paragraph that reads like one (a few words, not a sentence ending in a full
stop, not furniture a phrase rule recognised, not a date) and that shares
words with the article's opening: "Blinken meets China's top diplomat" above
"Blinken met Chinese top diplomat Wang Yi...", rather than "Why you can
trust us" or a section name.  Among such lines the best overlap wins, the
nearer one on a near tie.  When none shares enough words (a punning
headline), the nearest headline-like line that is not a bare name is taken.
Distance is counted in lines that are not furniture, so a share bar between
headline and article does not push the headline out of reach.
"""
from __future__ import annotations

import regex

from .. import lexicons, stoplists
from ..config import Config
from ..document import Block, Document, Quality, Role
from ..rules import Rule
from ..tokens import _UNSPACED
from .heuristics import short_sentence
from .lists import summary_header

#: Rules whose lines may still be the headline: they were dropped only for
#: where they stand or how short they are, not for what they say.
_MAY_BE_TITLE = frozenset({"", Rule.OUTSIDE, Rule.LOW_STOPWORDS, Rule.INSIDE, Rule.NEAR_GOOD, Rule.GOOD})
#: Rules of a menu's lines.
_MENU = frozenset({Rule.MENU_RUN, Rule.MENU_ROW, Rule.REPEATED_LIST})
_DIGITS = regex.compile(r"\d")
# A sentence ending inside a line ("... di euro. I sindaci"), not an
# abbreviation's dot ("Rep. Ilhan Omar", "Nov. 19").
_INNER_STOP = regex.compile(r"(?<!\p{L})\p{Ll}{2,}[.!?][\"”’»]? \p{Lu}")
# Parts set apart with a dot or bar, or three parts with slashes or arrows:
# a row of page furniture ("I liga, 24. kolejka · Stadion Miejski", "Video |
# 2:14", "潮汐科技 / 资本 / 正文"), not a headline.
_META_ROW = regex.compile(r"\s[·•|]\s|\s[/>»›]\s.*\s[/>»›]\s")
# A thousands separator: "£180,000" is one amount, not six digits of a date;
# so are French "84 000" (a space, often a no-break one) and Swiss "84'000".
_THOUSANDS = regex.compile(r"(?<=\d)[,.'’ \u00a0\u202f](?=\d{3}(?!\d))")


def headline_like(block: Block, config: Config) -> bool:
    f = block.features
    if f is None or not config.title_min_words <= f.length <= config.title_max_words or block.bullet:
        return False
    if block.text.endswith((".", ":", ",", ";", "。", "：", "，", "；")) and not block.text.endswith("..."):
        return False
    if block.rule not in _MAY_BE_TITLE or block.glued or _META_ROW.search(block.text):
        return False
    # Headlines rarely carry more than a number or two; dates and scores do.
    return digits(block.text) <= config.title_max_digits


def digits(text: str) -> int:
    """Digits of ``text``, less the groups of three after thousands separators.

    >>> digits("Village school saved after parents raise £180,000"), digits("14.12.2024, 18:42")
    (3, 12)
    >>> digits("condamné pour avoir détourné 84 000 euros"), digits("14 12 2024")
    (2, 8)
    """
    return len(_DIGITS.findall(text)) - 3 * len(_THOUSANDS.findall(text))


def _make_title(block: Block, blocks: list[Block]) -> None:
    """Make ``block`` the headline, and drop its copies from the body."""
    block.keep(Rule.TITLE)
    block.role = Role.TITLE
    words = block.features.words
    for other in blocks:
        if other is not block and other.kept and other.features is not None and other.features.words == words:
            other.drop(Rule.DUPLICATE)


def _above(blocks: list[Block], first: int, window: int):
    """(distance, index) of the blocks going up from the article's start,
    furniture not counted."""
    distance = 0
    for i in range(first - 1, -1, -1):
        if distance >= window:
            return
        yield distance, i
        if blocks[i].rule in _MAY_BE_TITLE:
            distance += 1


#: A byline name or a site name: a few capitalised words ("Sarah E. Needleman").
# Possessive and with one space between words: the looser "(?:\p{Lu}[...]*\s?){1,4}"
# could split a run of capitals every possible way (O(n^4) on "AAAA...").
_NAME = regex.compile(r"^\p{Lu}[\p{L}'’.-]*+(?:\s\p{Lu}[\p{L}'’.-]*+){0,3}$")


def _name_like(block: Block) -> bool:
    return bool(_NAME.match(block.text))


def terms(words: list[str]) -> set[str]:
    """Words to compare a headline and the opening by.

    A run of Chinese or Japanese is a whole clause, never repeated verbatim
    between headline and article; its pairs of characters are (most words
    there are two characters long).

    Other words count by their first ``STEM`` letters, so that inflected
    forms meet ("Wrzesińskiej" in the headline, "Wrzesińska" in the text).

    >>> sorted(terms(["捷运新路线", "tram", "councils"]))
    ['counc', 'tram', '捷运', '新路', '路线', '运新']
    """
    out: set[str] = set()
    for w in words:
        if len(w) > 1 and not w.isascii() and _UNSPACED.search(w):
            out.update(w[i : i + 2] for i in range(len(w) - 1))
        else:
            out.add(w[:STEM])
    return out


#: Letters of a word that stand for it when headline and opening are compared.
STEM = 5


def overlap(candidate: Block, opening: set[str], stop: frozenset[str]) -> float:
    """Share of the candidate's content terms (see :func:`terms`) that occur in the opening."""
    words = terms([w for w in candidate.features.words if w not in stop and not w.isdigit()])
    return len(words & opening) / len(words) if words else 0.0


def _evidence(block: Block, opening: set[str], stop: frozenset[str], config: Config) -> float:
    """The share of the candidate's terms found in the opening, scaled down
    when fewer than ``title_min_shared`` are: two section words that recur in
    the article ("Opinion / Transport policy") are weaker evidence than
    seven of a long headline's thirteen."""
    words = terms([w for w in block.features.words if w not in stop and not w.isdigit()])
    if not words:
        return 0.0
    shared = len(words & opening)
    return shared / len(words) * min(1.0, shared / config.title_min_shared)


def _page_title(blocks: list[Block]) -> str:
    """The key of the headline in the page's <title> when the text starts
    with it, else "".

    Some converters print the <title> first ("Seca histórica no São
    Francisco ... | Cidades | Diário"); the headline is its longest part
    ("Opinion | <headline> - <site>" has a section before it).  Told by a
    site-name separator in the first line.

    >>> from cleaner import clean_document
    >>> _page_title(clean_document("Opinion | Our teenagers are not lazy - The Ledger").blocks)
    'our teenagers are not lazy'
    """
    parts = _title_parts(blocks)
    return max((lexicons.key(part) for part in parts), key=len) if parts else ""


def _title_parts(blocks: list[Block]) -> list[str]:
    first = blocks[0] if blocks else None
    if first is None or first.features is None or not _TITLE_SEPARATOR.search(first.text):
        return []
    return _TITLE_SEPARATOR.split(first.text)


def _page_titles(blocks: list[Block]) -> tuple[str, ...]:
    """The keys the headline may have in the page's <title>: its longest part
    (:func:`_page_title`), and all of it but the site's name at its end, for
    a headline with a dash of its own ("Cutting night buses saves money only
    on paper – the real bill lands on ... - The National Ledger").

    >>> from cleaner import clean_document
    >>> _page_titles(clean_document("Cutting night buses – the real bill - The Ledger").blocks)
    ('cutting night buses', 'cutting night buses the real bill')
    """
    parts = _title_parts(blocks)
    if not parts:
        return ()
    longest = max((lexicons.key(part) for part in parts), key=len)
    whole = lexicons.key(" ".join(parts[:-1]))
    return (longest, whole) if len(parts) > 2 and whole != longest else (longest,)


def _title_prefix(page_title: str, key: str, config: Config) -> int:
    """How many characters of the page's <title> the line spells from its
    start: all of the line, or a long shared opening when the two were
    edited apart ("... Sparsam, aber mit Schwächen" in the <title>, "...
    Sparsam, aber nicht ohne Schwächen" in the <h1>).  0: it does not."""
    if page_title.startswith(key):
        return len(key)
    shared = 0
    for a, b in zip(page_title.split(" "), key.split(" ")):
        if a != b:
            break
        shared += 1
    if shared >= max(config.title_shared_words, len(key.split(" ")) // 2):
        return len(" ".join(key.split(" ")[:shared]))
    return 0


_TITLE_SEPARATOR = regex.compile(r"\s[|–—-]\s|\s[|]|[|]\s")


def _candidate(doc: Document, first: int, page_titles: tuple[str, ...], config: Config) -> Block | None:
    """The best headline above the article's start ``first``, or None."""
    blocks = doc.blocks
    stop = stoplists.stoplist(doc.language) if doc.language else frozenset()
    kept = [b for b in blocks[first:] if b.kept][: config.title_opening_blocks]
    opening = terms([w for b in kept for w in b.features.words])
    openings = tuple(b.features.key for b in kept)
    best, best_score = None, config.title_min_overlap
    fallback, fallback_score = None, -1.0
    # The line the page's <title> opens with is sought further up: a review's
    # verdict box or a gallery may stand between the headline and the text.
    window = config.title_page_title_window if page_titles else config.title_window
    menu_run, past_menu = 0, False
    for distance, i in _above(blocks, first, window):
        block = blocks[i]
        # The headline stands under the site's menu: a line above one (a
        # tagline, "Serving Kingsmere since 1884") is the header's.  A menu is
        # a run of items: a short list (pros and cons) or a name taken for an
        # item is not one.
        menu_run = menu_run + 1 if block.rule in _MENU else 0
        past_menu = past_menu or menu_run >= config.title_menu_min_items
        # A teaser that repeats the start of a paragraph is not its headline.
        if not headline_like(block, config) or block.features.key and any(o.startswith(block.features.key) for o in openings):
            continue
        if _in_tight_list(blocks, i, config):
            continue  # an item of a menu printed one per line ("Kryminalne i wypadki")
        spelt = max((_title_prefix(t, block.features.key, config) / len(t) for t in page_titles if t), default=0.0) if block is not blocks[0] else 0.0
        if distance >= config.title_window and not spelt:
            continue
        if spelt:
            # The page's <title> opens with it: above any overlap (at most 1),
            # and the more of the <title> it spells, the surer (the headline,
            # not its breadcrumb's last item, which repeats its first words).
            score = 2.0 + spelt - config.title_distance_cost * distance
        else:
            score = _evidence(block, opening, stop, config) - config.title_distance_cost * distance
            if block.text.isupper():
                # A kicker in capitals over the headline ("TIER-CHAOS IN
                # LAUTERBRÜCK"): headlines are rarely set in capitals in the text.
                score -= config.title_capitals_cost
        if past_menu:
            score -= config.title_menu_cost
        if score > best_score:
            best, best_score = block, score
        # A few capitalised words may be a byline or the site's name, unless
        # they open the text right above the article (a cleaned page's headline).
        # Among the near lines, the one sharing most with the opening (the
        # nearest on a tie): "阅读量2.3k 收藏 56" shares nothing.
        opens_text = block is blocks[0] and distance == 0
        if distance < config.title_fallback_window and (opens_text or not _name_like(block)) and score > fallback_score:
            fallback, fallback_score = block, score
    chosen = best or fallback
    return _under_kicker(blocks, _over_dek(blocks, chosen, config), first, config) if chosen is not None else None


def _over_dek(blocks: list[Block], chosen: Block, config: Config) -> Block:
    """The headline right above ``chosen`` when ``chosen`` is the standfirst.

    A standfirst of two sentences, the last without its full stop ("The
    board says fewer than 4% of journeys happen after midnight. That figure
    tells you who it stopped counting"), reads like a headline and shares
    more of the article's words than the headline above it."""
    i = blocks.index(chosen)
    if i == 0 or not _INNER_STOP.search(chosen.text):
        return chosen
    above = blocks[i - 1]
    if not headline_like(above, config) or _INNER_STOP.search(above.text) or _name_like(above):
        return chosen
    return above


def _in_tight_list(blocks: list[Block], i: int, config: Config) -> bool:
    """``blocks[i]`` is one of at least ``title_menu_min_items`` short lines
    printed one under the other with no blank line between: a menu's items,
    which a converter may give without bullets."""
    def short(b: Block) -> bool:
        return b.features is not None and b.features.length <= config.title_kicker_max_words

    if not short(blocks[i]):
        return False
    start = i
    while start > 0 and not blocks[start].gap_before and short(blocks[start - 1]):
        start -= 1
    end = i + 1
    while end < len(blocks) and not blocks[end].gap_before and short(blocks[end]):
        end += 1
    return end - start >= config.title_menu_min_items


def _under_kicker(blocks: list[Block], chosen: Block, first: int, config: Config) -> Block:
    """The headline right under ``chosen`` when ``chosen`` is its kicker.

    A kicker names the topic in a few words ("Wandern in Südtirol"); it
    shares the article's words more often than the punning headline under
    it ("Wo das Wasser den Weg weist"), so overlap alone picks it.  A short
    headline-like line right above a longer one is the kicker."""
    i = blocks.index(chosen)
    below = blocks[i + 1] if i + 1 < first else None
    if (
        below is None
        or chosen.features.length > config.title_kicker_max_words
        or below.features.length <= chosen.features.length
        or not headline_like(below, config)
    ):
        return chosen
    return below


def apply(doc: Document, config: Config) -> None:
    blocks = doc.blocks
    first = next((i for i, b in enumerate(blocks) if b.kept and b.role is Role.BODY), None)
    if first is None or any(b.role is Role.TITLE for b in blocks):
        return
    b = blocks[first]
    page_title = _page_title(blocks)
    if b.features.key and b.features.key == page_title:
        # The article opens with the <title>'s headline, full stop and all
        # ("Our teenagers aren't lazy. Their school day starts too early.").
        _make_title(b, blocks)
        return
    best = _candidate(doc, first, _page_titles(blocks), config)
    if best is not None:
        _make_title(best, blocks)
        _standfirst(blocks, blocks.index(best), first, config)
        return
    # The first kept line itself may be the headline when nothing precedes it.
    if headline_like(b, config) and not b.features.terminal and any(x.kept for x in blocks[first + 1 :]):
        _make_title(b, blocks)


def _standfirst(blocks: list[Block], title: int, first: int, config: Config) -> None:
    """Keep the standfirst between the headline and the article's start.

    The region search leaves it out when a byline, a date and a share bar
    stand between it and the first paragraph: they weigh more against it than
    one sentence weighs for it.  Under a headline, above the article, a
    sentence of prose that no rule dropped for what it says is the dek --
    unless the article repeats it (CONVENTIONS.md keeps a standfirst only
    when it is not a duplicate of body text).
    """
    body = [" ".join(b.features.words) for b in blocks[first:] if b.kept and b.features is not None]
    summary = False
    for i in range(title + 1, first):
        block, f = blocks[i], blocks[i].features
        # The summary under the headline ("Key points" and its items, see
        # lists.summary_header): the article's, like its standfirst.
        summary = block.listed and (summary or summary_header(block, config))
        if summary and block.rule is Rule.OUTSIDE:
            block.keep(Rule.SUMMARY_LIST)
            continue
        # Right under the headline, a dek may end without a full stop ("El
        # sector atribuye la caída a la combinación de sequía, la avispa...").
        # Or be sentences of which only the last lacks it ("Stanziati 48
        # milioni di euro. I sindaci chiedono tempi certi").
        # Or be one clause right above the byline or date ("유럽 선주사와
        # 계약, 국산화율 80%로 해외 업체 독점 구도 깬다" over "김도현 기자").
        unstopped = i == title + 1 and (
            block.quality is Quality.GOOD
            or (block.quality is Quality.NEAR_GOOD and (bool(_INNER_STOP.search(block.text)) or _over_byline(blocks, i, first, config)))
        )
        if block.rule is not Rule.OUTSIDE or not (f.terminal or unstopped) or f.length < config.standfirst_min_words:
            continue
        # "By Jane Doe and John Roe on Monday, November 18th, 2019 at 11:08 a.m."
        # ends like a sentence, so the byline rule let it through.
        if not _prose(block, config) or (f.hits and f.hits.prefix("byline", min_words=1)):
            continue
        words = " ".join(f.words)
        if not any(line.startswith(words) for line in body):
            block.keep(Rule.STANDFIRST)


def _over_byline(blocks: list[Block], i: int, first: int, config: Config) -> bool:
    """Right above the byline or date -- or above the article itself, as in
    cleaned text, which has them no more (cleaning is idempotent)."""
    if digits(blocks[i].text) > config.title_max_digits:
        return False  # "发布时间：2024-11-08 10:32 来源：本网": the dateline row itself
    return i + 1 == first or (i + 1 < len(blocks) and blocks[i + 1].rule in (Rule.BYLINE, Rule.TIMESTAMP))


def _prose(block: Block, config: Config) -> bool:
    """Prose by the heuristics' classes, or a short sentence (a German dek of
    seven words)."""
    return block.quality in (Quality.GOOD, Quality.NEAR_GOOD) or short_sentence(block, config)
