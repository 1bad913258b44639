"""Phrase rules: lines that are boilerplate by what they say, in any language.

Each rule is one entry in ``RULES``: a rule id, the lexicon concept it
needs (if any) and a predicate over the block's features.  The phrases
themselves live in ``lexicons/<lang>/``.
A rule only ever drops a line; the first rule that matches names the reason.
"""
from __future__ import annotations

import functools

import re
from collections.abc import Callable

import regex

from .. import lexicons, tokens
from ..config import Config
from ..document import Block, Document
from ..features import QUOTE_OPENERS, Features
from ..rules import Rule
from ..tokens import _UNSPACED
from .captions import NAME_WORD, caption_credit, caption_label, caption_with_credit, label_key

Langs = tuple[str, ...]

# "mk/wd (AP, AFP)", "dpa/jh", "(jv/sp)": editors' initials and agencies.
_SIGNOFF = regex.compile(r"^\(?\p{Ll}{1,4}(?:/\p{Ll}{1,4})+\)?(?:\s*\((?:\p{Lu}[\p{L}.-]*(?:,\s*|\s+|/))*\p{Lu}[\p{L}.-]*\))?$")
# "Home > News > World", "Blog » Weight Loss » Tips": short segments joined by
# arrows.  ("|" and "/" are left out: credits and dates use them.)
_BREADCRUMB = regex.compile(r"^(?:[^>›»\n]{1,40}?\s*[>›»]\s*){2,}[^>›»\n]{0,60}$")
# A line that is one URL.
_URL_LINE = regex.compile(r"^(?:https?://|www\.)\S+$")
# A price and nothing else, maybe after a short word ("from", "ab", "od"):
# "ab 59,99 €", "od 49,99 zł", "$19.99", "from £12".  A currency must show.
_PRICE_LINE = regex.compile(
    r"^(?:\p{L}{1,10}\.?\s)?(?:[€$£¥]\s?\d[\d.,\s]*|\d[\d.,\s]*\s?(?:[€$£¥]|zł|kč|chf|eur|usd|pln|gbp|元|円))\*?$",
    regex.IGNORECASE,
)
#: The longest line a price alone takes ("ab 1.299,00 €"), in words.
_PRICE_MAX_WORDS = 4
# A line that is an e-mail address and nothing else: a contact block's.
_EMAIL_LINE = re.compile(r"^(?:e-?mail:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", re.IGNORECASE)
# "Books (1,396)", "Politics (12)": a category with its post count.
_COUNT_ITEM = regex.compile(r"^[^()\d]{1,60}\s?\(\d[\d,.\s]*\)$")


# The arrows a breadcrumb needs: a search for one is cheaper than the pattern.
_ARROW = regex.compile(r"[>›»]")
# A quotation in guillemets: its closing mark is no arrow ("«Каспий» вырвал победу").
_GUILLEMETS = regex.compile(r"«[^«»]*»|‹[^‹›]*›")


def _breadcrumb(b: Block, f: Features, c: Config, l: Langs) -> bool:
    if f.length > c.breadcrumb_max_words or not _ARROW.search(b.text):
        return False
    text = _GUILLEMETS.sub("q", b.text) if "«" in b.text or "‹" in b.text else b.text
    return bool(_BREADCRUMB.match(text))


def _signoff_shape(b: Block, f: Features, c: Config) -> bool:
    """'mk/wd (AP, AFP)': initials joined by slashes (checked cheaply first)."""
    return "/" in b.text and f.length <= c.signoff_max_words and bool(_SIGNOFF.match(b.text))


def _short(f: Features, limit: float) -> bool:
    return f.length <= limit


def _all_words_in(f: Features, vocab: frozenset[str], require_number: bool = False) -> bool:
    # The first word decides most lines (prose) before the whole key is split.
    first = f.key.partition(" ")[0]
    if not first or (first not in vocab and first != "0"):
        return False
    ws = f.key.split(" ")
    if require_number and "0" not in ws:
        return False
    return all(w in vocab or w == "0" for w in ws)


Predicate = Callable[[Block, Features, Config, Langs], bool]


#: Concepts whose phrases are looked for in every line, in one scan.
SCANNED = ("navigation", "share", "related", "comments", "search", "ads", "disclosure", "syndication", "cookie", "appeal",
           "copyright", "legal", "caption_labels", "caption_openers", "photo_agencies", "byline", "byline_suffixes", "dateline_labels", "gallery", "signoff")


def _index(langs: Langs) -> lexicons.Index:
    return lexicons.index(SCANNED, langs)


def _is(concept: str, key: str, langs: Langs) -> bool:
    """The whole ``key`` (a label, say) is a phrase of ``concept``."""
    return concept in _index(langs).equals(key)


def _equals(concept: str) -> Predicate:
    return lambda b, f, c, l: concept in f.hits.exact


def _equals_or_prefix(concept: str) -> Predicate:
    def match(b: Block, f: Features, c: Config, l: Langs) -> bool:
        return concept in f.hits.exact or (_short(f, c.prefix_max_words) and bool(f.hits.prefix(concept)))

    return match


def _contains_in_short(concept: str) -> Predicate:
    """The phrase anywhere in a short line, or opening a line of any length."""

    def match(b: Block, f: Features, c: Config, l: Langs) -> bool:
        if concept in f.hits.exact:
            return True
        return f.hits.found(concept, None if _short(f, c.contains_max_words) else c.opening_words)

    return match


def _legal(b: Block, f: Features, c: Config, l: Langs) -> bool:
    """Policy links ('Privacy Policy | Terms of Use'): never a sentence.

    "Facebook changed its privacy policy on Monday." is news, so a line that
    ends like a sentence is left to the other stages.
    """
    if not f.terminal:
        return _contains_in_short("legal")(b, f, c, l)
    # ... unless a legal label opens it: "免责声明：本文仅供健康科普参考...", "Disclaimer: ...".
    return "legal" in f.hits.spots and _is("legal", label_key(b.text, c.label_max_chars), l)


def _navigation(b: Block, f: Features, c: Config, l: Langs) -> bool:
    """A menu label on its own, or as the label of a line ('You are here: Home...',
    'Tags: ...', as long as a 'Read more: <headline>' line)."""
    if "navigation" in f.hits.exact:
        return True
    if f.length > c.related_inline_max_words:
        return False
    # "Ảnh: H.Minh": a menu's "Photos" that labels a credit is the caption rules'.
    label = label_key(b.text, c.label_max_chars)
    return _is("navigation", label, l) and not _is("caption_labels", label, l)


def _menu_row(b: Block, f: Features, c: Config, l: Langs) -> bool:
    """At least three items between pipes, the first a menu label.

    Table rows from HTML escape the pipes inside a cell: "| 首页 \\| 新闻中心 \\| 政务公开 |".
    """
    if "|" not in b.text or f.length > c.prefix_max_words:
        return False
    items = [item.strip(" \\") for item in b.text.strip("| ").split("|")]
    items = [item for item in items if item]
    return len(items) >= 3 and _is("navigation", lexicons.key(items[0]), l)


def _share_bar(b: Block, f: Features, c: Config, l: Langs) -> bool:
    """A line made of network names ('Facebook Twitter Email'), or of those
    and share prompts ('Partager Partager sur Facebook Envoyer par e-mail')."""
    vocab = lexicons.words("share_networks", l)
    return _all_words_in(f, vocab) or ("share" in f.hits.spots and _covered_by_share_prompts(f, vocab, c))


def _covered_by_share_prompts(f: Features, vocab: frozenset[str], c: Config) -> bool:
    """Every word of a short, unended line is a network name or inside a share
    prompt, and the line is not one prompt alone (that is a share label).

    A prompt's own words ("sur", "par") are not share words by themselves,
    so a bar that strings prompts together fails the network-name test.
    """
    spots = f.hits.spots["share"]
    if "share" in f.hits.exact or f.terminal or f.unspaced or f.length > c.contains_max_words:
        return False
    words = f.key.split(" ")
    covered = [w in vocab or w == "0" for w in words]
    for pos, phrase in spots:
        covered[pos : pos + phrase.count(" ") + 1] = [True] * (phrase.count(" ") + 1)
    return all(covered)


def _copyright(b: Block, f: Features, c: Config, l: Langs) -> bool:
    """A copyright notice anywhere in the line: "All rights reserved" never
    occurs in article prose, and footer paragraphs often end with it."""
    if "©" in b.text and _short(f, c.contains_max_words):
        return True
    return "copyright" in f.hits.exact or f.hits.found("copyright")


# What follows a label in Chinese and Japanese: a colon, a slash or a space.
_UNSPACED_LABEL = regex.compile(r"\s*[：:／/|｜】\]）)]|\s+")


def _byline(b: Block, f: Features, c: Config, l: Langs) -> bool:
    """'By Jamelle Bouie': a byline word, then only name-like words; or a
    byline word, a name, and the date ('Par Clémence Arnaud (Les Essarts,
    envoyée spéciale) Publié le 12 mars 2024 à 06h00...')."""
    if f.length > c.dated_byline_max_words:
        return False
    # One word ("By") is enough here: the rest of the line must be a name.
    prefix = f.hits.prefix("byline", min_words=1)
    if not prefix:
        return False
    if f.length > c.byline_max_words or f.terminal:
        return _dated_byline(b, f, prefix, l)
    if f.unspaced and _UNSPACED.match(prefix):
        # "作者：王明", "来源：新华网": the label, then a separator.  Names are
        # not capitalised in these scripts; the separator tells the label
        # from a sentence that starts with the word ("作者认为...").
        text = b.text.lstrip("（(【[ ")
        return text.startswith(prefix) and bool(_UNSPACED_LABEL.match(text, len(prefix)))
    rest = b.text.split()[prefix.count(" ") + 1 :]
    # "Por Rafael Menezes, Radar Notícias — Cuiabá": names, a publication and a town, set apart.
    return bool(rest) and all(w in _NAME_SEPARATORS or NAME_WORD.match(w.strip(",:()")) for w in rest)


_NAME_SEPARATORS = frozenset("— – - | / ·".split())


def _capitalised_name(words: list[str]) -> bool:
    """Words of a name, each capitalised ("Maëlle LE GOFF", "Harriet Lomax")."""
    return all(w[:1].isupper() and NAME_WORD.match(w) for w in words)


def _name_then_date(b: Block, f: Features, c: Config, l: Langs) -> bool:
    """'Maëlle LE GOFF Publié le 14/03/2025 à 18h42 Modifié le ...': a byline
    without its 'By' word -- a name of two or three capitalised words, then
    a capitalised label of the date ('Publié', 'Updated': the dateline_labels
    lexicon) and a number.  In prose a verb after a name is not capitalised."""
    if f.length > c.dated_byline_max_words or "0" not in f.key.split(" "):
        return False  # no number (the key writes each as 0)
    words = b.text.split()
    labels = lexicons.phrases("dateline_labels", l)
    for n in (2, 3):
        if len(words) > n and _capitalised_name(words[:n]) and words[n][:1].isupper():
            after = lexicons.key(" ".join(words[n : n + 3]))
            if any(labels.equals(" ".join(after.split()[:k])) for k in (1, 2, 3)):
                return True
    return False


# Parts of a dateline row: "Lucía Fernández Madrid - 21 nov 2026 - 13:05 CET".
_ROW_PARTS = regex.compile(r"\s[-–—|·•]\s")


def _name_dash_date(b: Block, f: Features, c: Config, l: Langs) -> bool:
    """'Lucía Fernández Madrid - 21 nov 2026 - 13:05 CET': a byline without its
    'By' word, as a row -- a name (and town) of capitalised words, then parts
    that are all dates and times."""
    if f.length > c.dated_byline_max_words or "0" not in f.key.split(" ") or not _ROW_PARTS.search(b.text):
        return False
    name, *dates = _ROW_PARTS.split(b.text)
    words = name.split()
    if not _NAME_ROW_WORDS[0] <= len(words) <= _NAME_ROW_WORDS[1] or not _capitalised_name(words):
        return False
    vocab = lexicons.words("timestamp", l)
    keys = [tokens.key_of(tokens.words(d)).split(" ") for d in dates]
    return all("0" in k and all(w in vocab or w == "0" for w in k) for k in keys)


#: Words of the name (and town) that opens a dateline row.
_NAME_ROW_WORDS = (2, 5)


def _name_then_role(b: Block, f: Features, c: Config, l: Langs) -> bool:
    """'Harriet Lomax Economics editor': a name of two or three capitalised
    words, then the writer's job (the bio_roles lexicon) closing the line."""
    if f.terminal or not 3 <= f.length <= _NAME_ROLE_MAX_WORDS or not b.text[:1].isupper():
        return False
    words = [w.strip(",") for w in b.text.split()]
    if f.words[-1] not in lexicons.words("bio_roles", l):
        return False
    return _capitalised_name(words[:-1])


#: "Jane Q. Doe, Senior Political Correspondent": a name and a job title.
_NAME_ROLE_MAX_WORDS = 7


def _name_then_title(b: Block, f: Features, c: Config, l: Langs) -> bool:
    """'김도현 기자 dohyun@hangyeol.co.kr': a name, then the word for reporter
    (Korean puts it after the name), and at most an e-mail address or the
    name again in brackets."""
    words = b.text.strip("[]()【】 ").split()
    if not 2 <= len(words) <= _NAME_TITLE_MAX_WORDS or f.length > c.byline_max_words:
        return False
    titles = lexicons.words("byline_suffixes", l)
    at = next((i for i, w in enumerate(words) if w.strip("[]()【】") in titles), None)
    return at in (1, 2) and all("@" in w or not any(ch.isdigit() for ch in w) for w in words[at + 1 :])


#: A name of up to two words, the title, and an address: "[서울=한결경제] 김도현 기자 dohyun@..." has more.
_NAME_TITLE_MAX_WORDS = 4


def _dated_byline(b: Block, f: Features, prefix: str, l: Langs) -> bool:
    """A byline word, two capitalised words (the name), and a date: a word of
    the timestamp lexicon ('Publié', 'Updated', 'mars') and a number."""
    words = b.text.split()[prefix.count(" ") + 1 :]
    if len(words) < 2 or not _capitalised_name([w.strip(",:") for w in words[:2]]):
        return False
    return any(ch.isdigit() for ch in b.text) and not lexicons.words("timestamp", l).isdisjoint(f.words)


_signoff_phrase = _contains_in_short("signoff")


def _timestamp(b: Block, f: Features, c: Config, l: Langs) -> bool:
    return f.length <= c.timestamp_max_words and _all_words_in(f, lexicons.words("timestamp", l), require_number=True)


# What separates a label from the link text after it: "Read more: ...",
# "Lesen Sie auch – ...", "Related | ...", "相关阅读：...", and a full stop
# after a label in capitals ("LIRE AUSSI. ..."); after "Keep reading." in
# sentence case the article goes on.
_LABEL_SEP = regex.compile(r"[:：.|–—»]")
_WORD = regex.compile(r"\w")


def _related_label(b: Block, f: Features, c: Config, l: Langs) -> bool:
    """'Read more: <headline>': a related label, a separator, then a link's text."""
    if f.length > c.related_inline_max_words:
        return False
    sep = _LABEL_SEP.search(b.text, 0, c.label_max_chars + 1)
    if f.unspaced:
        # "延伸阅读 拆解七款旗舰机后...": Chinese and Japanese put no space
        # inside a sentence, so a space after the label separates it (even
        # when the headline has a colon of its own: "延伸阅读 三连胜背后：...").
        head, space, rest = b.text.partition(" ")
        if space and rest and _is("related", lexicons.key(head), l):
            return True
        if sep is None:
            return False
    if sep is None or not _WORD.search(b.text, sep.end()):
        return False
    head = b.text[: sep.start()]
    if sep.group() == "." and not head.isupper():
        return False
    return _is("related", lexicons.key(head), l)


def _related_header(b: Block, f: Features, c: Config, l: Langs) -> bool:
    """'More stories', or a short line opening with such a header ('More from
    Africa').  A line that ends like a sentence ('Next up is the drum dance!')
    is the article talking, not a header."""
    if "related" in f.hits.exact:
        return True
    # A header glued to its link ("Lesen Sie auch Parken in Altenbrück Stadt
    # prüft ...") is as long as an inline "Read more: <headline>"; the
    # headline may be a question ("Czytaj także Nowa proza wiejska: chwilowa
    # moda czy coś więcej?").
    ended = f.terminal and not b.text.endswith(("?", "？"))
    return not ended and _short(f, c.related_inline_max_words) and bool(f.hits.prefix("related"))


def _comment_header(b: Block, f: Features, c: Config, l: Langs) -> bool:
    """'Jane on May 2, 2019 at 4:47 pm said:': a short line ending in a verb of saying and a colon.

    A comma outside a date is the article introducing a quote ("In a
    statement, the minister said:"): a commenter's name has none.  (The
    other such line, "Health Secretary Jane Doe said:", is told by what
    follows it: see :func:`apply`.)
    """
    text = b.text.rstrip()
    if f.length > c.comment_header_max_words or not text.endswith(":"):
        return False
    if "," in text and "0" not in f.key:
        return False
    words = f.key.split(" ")
    verbs = lexicons.phrases("comment_verbs", l)
    return any(verbs.equals(" ".join(words[-n:])) for n in (1, 2, 3) if n <= len(words))


#: (rule, concept, predicate), tried in order; the first match drops the block.
#: A rule that names a concept can only match a line where a phrase of that
#: concept was found, so other lines skip its predicate: most lines are prose
#: with no phrase at all, and this check is a set lookup.
RULES: tuple[tuple[Rule, str | None, Predicate], ...] = (
    (Rule.SHORT_LINK, None, lambda b, f, c, l: bool(_URL_LINE.match(b.text)) if b.text.startswith(("http", "www.")) else "@" in b.text and bool(_EMAIL_LINE.match(b.text))),
    (Rule.COMMENTS, "comments", _equals_or_prefix("comments")),
    (Rule.COMMENT_HEADER, None, _comment_header),
    (Rule.SHARE_BAR, None, _share_bar),
    (Rule.SHARE_LABEL, "share", _equals_or_prefix("share")),
    (Rule.RELATED_INLINE, "related", _related_label),
    (Rule.GALLERY, "gallery", lambda b, f, c, l: f.length <= c.related_inline_max_words and bool(f.hits.prefix("gallery", min_words=1))),
    (Rule.NAVIGATION, None, _navigation),
    (Rule.BREADCRUMB, None, _breadcrumb),
    (Rule.SEARCH, "search", _contains_in_short("search")),
    (Rule.AD, "ads", _equals("ads")),
    (Rule.DISCLOSURE, "disclosure", _contains_in_short("disclosure")),
    (Rule.SYNDICATION, "syndication", _contains_in_short("syndication")),
    (Rule.RELATED_HEADER, "related", _related_header),
    (Rule.SIGNOFF, None, lambda b, f, c, l: _signoff_shape(b, f, c) or _signoff_phrase(b, f, c, l)),
    (Rule.CAPTION_LABEL, None, caption_label),
    (Rule.CAPTION_WITH_CREDIT, None, caption_with_credit),
    (Rule.CAPTION_CREDIT, "photo_agencies", caption_credit),
    (Rule.COOKIE, "cookie", _contains_in_short("cookie")),
    (Rule.APPEAL, "appeal", _contains_in_short("appeal")),
    (Rule.COPYRIGHT, None, _copyright),
    (Rule.LEGAL, "legal", _legal),
    (Rule.MENU_ROW, "navigation", _menu_row),
    (Rule.BYLINE, "byline", _byline),
    (Rule.BYLINE, "byline_suffixes", _name_then_title),
    (Rule.BYLINE, "dateline_labels", _name_then_date),
    (Rule.BYLINE, None, _name_then_role),
    (Rule.BYLINE, None, _name_dash_date),
    (Rule.TIMESTAMP, None, _timestamp),
    (Rule.PRICE, None, lambda b, f, c, l: f.length <= _PRICE_MAX_WORDS and any(ch.isdigit() for ch in b.text) and bool(_PRICE_LINE.match(b.text))),
    (Rule.COUNT_LIST, None, lambda b, f, c, l: b.text.endswith(")") and bool(_COUNT_ITEM.match(b.text))),
)

#: Rules whose line, after the article has begun, means the article is over.
#: Comment threads, copyright footers and cookie notices never sit inside an
#: article: they are hard boundaries.  "More stories" boxes and policy links
#: sometimes do (an inline "Related articles" box, a newsletter box with its
#: "Privacy Policy" line), so those only weigh against going on.
HARD_END_MARKERS = frozenset({Rule.COMMENTS, Rule.COMMENT_HEADER, Rule.COPYRIGHT, Rule.COOKIE})
END_MARKERS = HARD_END_MARKERS | {Rule.RELATED_HEADER, Rule.LEGAL}


def _scan(f: Features, config: Config, langs: Langs) -> lexicons.Hits:
    """Where phrases occur: anywhere in a short line, in the opening words of a
    long one -- except copyright notices, looked for all along (see
    _copyright), and caption labels in a line no longer than a credited
    caption ("... early Wednesday. Photo: Derrick Olson / KCVW News 8")."""
    if f.length <= config.contains_max_words:
        return _index(langs).scan(f.key, len(f.key), f.unspaced)
    hits = _index(langs).scan(f.key, config.opening_words, f.unspaced)
    rest = lexicons.index(("copyright",), langs).scan(f.key, len(f.key), f.unspaced)
    hits.spots.update(rest.spots)
    if f.length <= config.credited_caption_max_words:
        hits.spots.update(_tail_spots(f, langs))
    return hits


#: The words at a caption's end where its credit's label may stand.
_CREDIT_TAIL_WORDS = 12


def _tail_spots(f: Features, langs: Langs) -> dict[str, list[tuple[int, str]]]:
    """Caption labels in the last words of a line, at their positions in the line."""
    words = f.key.split(" ")
    start = max(1, len(words) - _CREDIT_TAIL_WORDS)
    tail = lexicons.index(("caption_labels",), langs).scan(" ".join(words[start:]), _CREDIT_TAIL_WORDS, f.unspaced)
    return {concept: [(pos + start, phrase) for pos, phrase in spots] for concept, spots in tail.spots.items()}


def match(block: Block, config: Config, skip: Rule | None = None) -> Rule | None:
    """The first phrase rule that matches ``block`` (other than ``skip``), or None."""
    langs = config.lexicon_languages
    f = block.features
    if f.hits is None:
        f.hits = _scan(f, config, langs)
    for rule, predicate in _candidates(frozenset(f.hits.concepts())):
        if rule is not skip and predicate(block, f, config, langs):
            return rule
    return None


@functools.lru_cache(maxsize=1024)
def _candidates(found: frozenset[str]) -> tuple[tuple[Rule, Predicate], ...]:
    """The rules that may match a line where the concepts ``found`` occur, in
    order: most lines find none, and a handful of such sets cover the rest."""
    return tuple((rule, predicate) for rule, concept, predicate in RULES if concept is None or concept in found)


def _opens_quote(blocks: list[Block], i: int) -> bool:
    """The block after ``blocks[i]`` is a quotation."""
    return i + 1 < len(blocks) and blocks[i + 1].text.startswith(QUOTE_OPENERS)


def apply(doc: Document, config: Config) -> None:
    """Drop every undecided block that a phrase rule matches."""
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.decided:
            continue
        rule = match(block, config)
        if rule is Rule.COMMENT_HEADER and _opens_quote(blocks, i):
            # "Health Secretary Jane Doe said:" and a quotation: the article
            # quoting someone, not a comment thread (a hard end marker).
            rule = match(block, config, skip=Rule.COMMENT_HEADER)
        if rule is not None:
            block.drop(rule)
            block.end_marker = rule in END_MARKERS
