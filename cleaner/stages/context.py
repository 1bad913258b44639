"""Rules that judge a line by its neighbours.

* An image credit ("Image: Leah Millis/REUTERS", "Name | Pool | Reuters")
  follows its caption with no blank line between; the caption text (and the
  image's alt text before it, when it is not a sentence) goes too.
* An appeal box is framed by appeal lines ("Your support helps us to tell the
  story" ... "Your support makes all the difference."); the paragraphs inside
  the frame are the appeal's body, however article-like their wording.
* The article's own lists are marked first (:mod:`cleaner.stages.lists`),
  so that the rules below do not take them for menus.
* An "About us" / "About me" header owns the paragraphs under it: a box
  about the site or the author, however prose-like.
* A run of short lines that all come again below it, in order, is a table
  of contents or a menu the footer repeats.
* A "more stories" header owns the headlines listed under it, up to the
  first sentence-like paragraph: the box is one piece of furniture, so the
  article may go on after it at the cost of the header alone.  A header
  with its headline on the line, or with one link and paragraphs after it,
  is a link inside the article and does not end it.
* Teaser cards repeat one shape -- headline, author, date, summary -- card
  after card.  An article does not put a date or a byline in every few
  lines, so three or more repeats of a short shape holding one and a
  headline are a list of other stories, however long their summaries.  A
  live blog repeats a time and an entry, with no headline: that is the
  article.
"""
from __future__ import annotations

import bisect

import regex

from .. import lexicons, stoplists, tokens
from ..config import Config
from ..document import Block, Document
from ..rules import Rule
from . import lists
from .captions import NAME_WORD
from .shapes import long_paragraph, shape
from .title import overlap, terms

_CREDITS = frozenset({Rule.CAPTION_LABEL, Rule.CAPTION_CREDIT, Rule.CAPTION_WITH_CREDIT})
_MENU = frozenset({Rule.NAVIGATION, Rule.MENU_ROW})


def _captions(blocks: list[Block], config: Config) -> None:
    """Drop the caption above each credit (or below it), and the alt text above that.

    The caption is the text glued to the credit or the line right above it
    (no blank line between).  Above the caption, only lines that are not
    sentences (an image's alt text) go too: a full sentence there is the
    article's paragraph.
    """
    for i, block in enumerate(blocks):
        if block.rule not in _CREDITS:
            continue
        if block.gap_before and (_figure_set_apart(blocks, i, config) or _spaced_caption_above(blocks, i, config)):
            blocks[i - 1].drop(Rule.CAPTION_TEXT)
            continue
        below = block
        for j in range(i - 1, max(-1, i - 1 - config.caption_max_lines), -1):
            above = blocks[j]
            if below.gap_before or above.decided or above.features.length > config.caption_max_words:
                break
            # A credit line is the caption's last line, unless it holds its caption.
            is_caption = (below is block and block.rule is not Rule.CAPTION_WITH_CREDIT) or (above.glued and above.line == block.line)
            if not is_caption and above.features.terminal:
                break
            above.drop(Rule.CAPTION_TEXT)
            below = above
        _caption_below(blocks, i, config)


def _figure_set_apart(blocks: list[Block], i: int, config: Config) -> bool:
    """The credit ``blocks[i]`` and the line a blank line above it share an
    indent that the text on either side of them does not have: a figure
    printed apart from the article (inscriptis indents a <figure>), so the
    line is its caption, not a paragraph."""
    if i < 2 or i + 1 >= len(blocks) or blocks[i].rule is Rule.CAPTION_WITH_CREDIT:
        return False
    caption, before, after = blocks[i - 1], blocks[i - 2], blocks[i + 1]
    if caption.decided or caption.features.length > config.caption_max_words or caption.indent != blocks[i].indent:
        return False
    return before.indent != caption.indent and after.indent != caption.indent


def _spaced_caption_above(blocks: list[Block], i: int, config: Config) -> bool:
    """The line a blank line above the credit ``blocks[i]`` is its caption:
    flat text sets a figure's caption and credit apart as it does paragraphs
    ("Poziom wody w Nysie Kłodzkiej w piątek rano wyraźnie się podniósł.",
    blank, "Fot. Tomasz Wróbel / Agencja Obraz").  Told by its shape: one
    sentence, short for a paragraph, long for a subheading."""
    credit = blocks[i]
    if i < 2 or i + 1 >= len(blocks) or credit.rule is Rule.CAPTION_WITH_CREDIT or credit.features.length > config.spaced_credit_max_words:
        return False  # a long "Image: ..." line is a caption itself
    if "@" in credit.text:
        return False  # "Image copyright @handle": an embedded post, not a picture under a caption
    above, before, after = blocks[i - 1], blocks[i - 2], blocks[i + 1]
    f = above.features
    if above.decided or above.bullet or not config.loose_caption_min_words <= f.length <= config.spaced_caption_max_words:
        return False
    if above.indent != credit.indent:
        return False  # inscriptis indents a figure: a line at another indent is not in it
    # Between two paragraphs: not a standfirst under its headline with the
    # lead picture's credit after it, not the article's last paragraph with
    # that credit and a "Read also" box after it, and not a credit whose
    # caption follows it ("Image copyright Reuters", then "Image caption ...").
    if (before.decided and not before.kept) or not before.features.terminal or after.decided or not after.gap_before:
        return False
    return not _INNER_SENTENCE_END.search(above.text)


# A sentence ending inside a line: a paragraph of two sentences is no caption.
_INNER_SENTENCE_END = regex.compile(r"[.!?。！？](?:\s|$)(?!$)")


def _caption_below(blocks: list[Block], i: int, config: Config) -> None:
    """Drop the caption printed under its credit ("Foto: X/dpa", then the caption).

    Only when the credit has no caption above it (a blank line there) and
    the line below is on its own with it (see :func:`_boxed_below`).  A
    paragraph never shares its block with a photo credit.  A blank line
    between them is allowed for a line that reads like a caption: a
    description without a full stop, longer than a subheading.
    """
    if not blocks[i].gap_before or blocks[i].rule is Rule.CAPTION_WITH_CREDIT:
        return  # a caption that holds its credit has no other caption under it
    above = blocks[i - 1] if i > 0 else None
    if above is not None and not above.gap_before and above.features.length <= config.list_item_max_words and "0" in above.features.key.split(" "):
        return  # "Quelle: Wahlamt" under a table's rows of figures: its source, with no picture to caption
    below = _boxed_below(blocks, i, config, loose=True)
    if below is not None:
        below.drop(Rule.CAPTION_TEXT)


def _boxed_below(blocks: list[Block], i: int, config: Config, loose: bool = False) -> Block | None:
    """The undecided line right under ``blocks[i]``, when the two make one
    box: no blank line between them (``loose``: or a caption-like line after
    one), a blank line after it, and no longer than a caption."""
    if i + 1 >= len(blocks):
        return None
    below = blocks[i + 1]
    if below.decided or below.features.length > config.caption_max_words:
        return None
    if below.gap_before and not (loose and _loose_caption(below, config)):
        return None
    if i + 2 < len(blocks) and not blocks[i + 2].gap_before:
        return None
    return below


def _loose_caption(block: Block, config: Config) -> bool:
    f = block.features
    return not f.terminal and ". " not in block.text and f.length >= config.loose_caption_min_words


def _ad_texts(blocks: list[Block], config: Config) -> None:
    """Drop an ad's text printed under its label ("Anzeige", then "Heizkosten
    halbieren? Jetzt kostenlos prüfen..."), in one box with it.  A paragraph
    after a bare label has a blank line before it."""
    for i, block in enumerate(blocks):
        below = _boxed_below(blocks, i, config) if block.rule is Rule.AD else None
        if below is not None:
            below.drop(Rule.AD_TEXT)


def _priced_products(blocks: list[Block], config: Config) -> None:
    """Drop the product named right above a price on its own line ("Maska do
    spania 3D z pianką memory" over "od 49,99 zł"): a shopping box."""
    for i, block in enumerate(blocks):
        if block.rule is Rule.PRICE and i > 0:
            above = blocks[i - 1]
            if not above.decided and shape(above, config) == "H":
                above.drop(Rule.AD_TEXT)


#: Lines of an article's head that an appeal box never holds: two paywall
#: labels ("Article réservé aux abonnés" over the headline, "Cet article
#: vous est offert" under the byline) frame the headline, not a box.
_ARTICLE_HEAD = frozenset({Rule.BYLINE, Rule.TIMESTAMP})


def _appeal_boxes(blocks: list[Block], config: Config) -> None:
    frames = [i for i, b in enumerate(blocks) if b.rule == Rule.APPEAL]
    for a, b in zip(frames, frames[1:]):
        if 1 < b - a <= config.appeal_box_max + 1 and not any(x.rule in _ARTICLE_HEAD for x in blocks[a + 1 : b]):
            for block in blocks[a + 1 : b]:
                if not block.decided:
                    block.drop(Rule.APPEAL_BOX)


def _split_bylines(blocks: list[Block], config: Config) -> None:
    """'Autor:' on a line, the name on the next: a byline split by the
    markup (a label and a link in two elements)."""
    for i, block in enumerate(blocks[:-1]):
        name = blocks[i + 1]
        if block.decided or name.decided or name.gap_before or not block.text.endswith((":", "：")):
            continue
        words = name.text.split()
        if len(words) <= _BYLINE_NAME_MAX_WORDS and all(NAME_WORD.match(w) for w in words) and _is_byline_label(block):
            block.drop(Rule.BYLINE)
            name.drop(Rule.BYLINE)


#: A name under a byline label: a first name and up to three more words.
_BYLINE_NAME_MAX_WORDS = 4


def _is_byline_label(block: Block) -> bool:
    """The whole line is a byline word ('Autor:'), as the phrase stage found."""
    return block.features.hits is not None and "byline" in block.features.hits.exact


def _gallery_boxes(blocks: list[Block], config: Config) -> None:
    """The short lines between a gallery's label and its link ("Galeria
    zdjęć: ... (14 zdjęć)", four captions, "Zobacz całą galerię") are its
    captions: an article does not go on inside a gallery."""
    frames = [i for i, b in enumerate(blocks) if b.rule == Rule.GALLERY]
    for a, b in zip(frames, frames[1:]):
        inside = blocks[a + 1 : b]
        if 0 < len(inside) <= config.gallery_max_captions and all(x.features.length <= config.caption_line_max_words for x in inside):
            for block in inside:
                if not block.decided:
                    block.drop(Rule.GALLERY_CAPTION)


def _teaser_cards(blocks: list[Block], config: Config) -> None:
    shapes = "".join(shape(b, config) for b in blocks)
    i = 0
    while i < len(shapes):
        end = _card_run(shapes, i, config)
        if end > i:
            for block in blocks[i:end]:
                if not block.decided:
                    block.drop(Rule.TEASER_CARDS)
            i = end
        else:
            i += 1


def _card_run(shapes: str, i: int, config: Config) -> int:
    """End of a run of repeated card shapes starting at ``i`` (``i`` if none).

    A card holds a date or byline (D) and a headline (H).
    """
    for k in range(2, config.card_max_lines + 1):
        unit = shapes[i : i + k]
        if len(unit) < k or "D" not in unit or "H" not in unit:
            continue
        j = i + k
        while shapes[j : j + k] == unit:
            j += k
        if (j - i) // k >= config.card_min_repeats:
            return j
    return i


def _related_boxes(blocks: list[Block], config: Config, stop: frozenset[str]) -> None:
    for i, block in enumerate(blocks):
        if block.rule != Rule.RELATED_HEADER and not _link_list_header(blocks, i, config):
            continue
        if _carries_its_link(block, config):
            block.end_marker = False  # an inline link, like "Read more: ..."
            continue
        end, resumed = i + 1, False
        article = _ArticleTerms(blocks, config, stop)
        for item in blocks[i + 1 : i + 1 + config.related_box_max_items]:
            kind = shape(item, config)
            if kind == "P" or item.end_marker or _leaves_list(blocks[i + 1], item):
                break
            if item.gap_before and _tight_box(blocks, i, end):
                break  # a box printed as a tight list ends at the first blank line
            resumed = end > i + 1 and _subheading_out_of_box(blocks, i + 1, end, config, stop, article)
            if resumed:
                break
            if not item.decided:
                item.drop(Rule.RELATED_ITEM)
            end += 1
        if end - i - 1 <= 1 and (resumed or _article_resumes(blocks, end, config)):
            block.end_marker = False  # a box of one link inside the article


#: Items in a row with no blank line between them that make a box a tight list.
_TIGHT_BOX_ITEMS = 2


def _tight_box(blocks: list[Block], i: int, end: int) -> bool:
    """The box under the header ``blocks[i]`` has been printed as a tight
    list up to ``end``: items in a row without blank lines between them, or
    one item right under its header ("Lesen Sie auch" over one headline)."""
    if any(b.gap_before for b in blocks[i + 2 : end]):
        return False
    return end - i > _TIGHT_BOX_ITEMS or (end - i > 1 and not blocks[i + 1].gap_before)


def _leaves_list(first: Block, item: Block) -> bool:
    """A box whose items are bulleted ends where the bullets, or their
    indent, stop: the breadcrumb and the headline under a sidebar list of
    "Trending" links are not in the list."""
    return bool(first.bullet) and (not item.bullet or item.indent != first.indent)


def _link_list_header(blocks: list[Block], i: int, config: Config) -> bool:
    """A link's label that is also a related header ("Read more") over a
    bulleted list, or over one headline right under it ("READ MORE" and
    "Springfield water rates to rise 4% in July"): the header of a box."""
    block = blocks[i]
    if block.rule is not Rule.NAVIGATION or "related" not in block.features.hits.exact:
        return False
    if all(j < len(blocks) and blocks[j].bullet and not blocks[j].gap_before for j in (i + 1, i + 2)):
        return True
    if i + 1 < len(blocks) and not blocks[i + 1].gap_before and shape(blocks[i + 1], config) == "H":
        return True
    # Two headlines in a row, printed tight, after it ("READ MORE", a blank
    # line, then the box's links one under the other).
    if i + 2 < len(blocks) and not blocks[i + 2].gap_before and all(shape(blocks[j], config) == "H" for j in (i + 1, i + 2)):
        return True
    # One headline, as long as a story's, set apart between it and the article
    # going on ("Read more", "Campaign to save Mill Lane band rooms hits its
    # target in just nine days", a paragraph): a subheading is shorter.
    return (i + 2 < len(blocks) and shape(blocks[i + 1], config) == "H"
            and blocks[i + 1].features.length >= config.link_headline_min_words and shape(blocks[i + 2], config) == "P")


class _ArticleTerms:
    """The terms (:func:`terms`) of the page's long lines (its paragraphs and
    standfirst), computed when first asked for: most pages have no box that
    needs them."""

    def __init__(self, blocks: list[Block], config: Config, stop: frozenset[str]) -> None:
        self.blocks, self.config, self.stop = blocks, config, stop
        self._terms: set[str] | None = None

    def overlap(self, block: Block) -> float:
        if self._terms is None:
            long = self.config.length_high
            self._terms = terms([w for b in self.blocks if b.features.length >= long for w in b.features.words])
        return overlap(block, self._terms, self.stop)


def _subheading_out_of_box(blocks: list[Block], first: int, j: int, config: Config, stop: frozenset[str],
                           article: _ArticleTerms) -> bool:
    """``blocks[j]`` is a subheading that the article goes on under: set back
    from the box's indent to that of the two paragraphs that follow it, or,
    in text without indents, announcing what they say ("Sound and noise
    cancelling" over "...the new drivers produce a warm, full sound...";
    the box's headlines are about other stories), or in the words of the
    article as a whole, more than the box's headlines above it are ("La
    réinitialisation, puis la mise en valeur" in a guide to reselling a
    phone, under "Batterie qui gonfle : les signes qui doivent vous
    alerter")."""
    item = blocks[j]
    if item.bullet or shape(item, config) != "H" or j + 1 >= len(blocks) or shape(blocks[j + 1], config) != "P":
        return False
    # After a box's one headline, a line much shorter than it, with a
    # paragraph below: "Schmelzwasser als Transportweg" after "Mikroplastik
    # selbst im tiefsten Graben des Pazifiks entdeckt".
    if j == first + 1 and item.features.length <= config.box_subheading_length_share * blocks[first].features.length:
        return True
    if not _paragraphs_follow(blocks, j + 1, config):
        return False
    if item.indent != blocks[first].indent:
        return blocks[j + 1].indent == item.indent
    if overlap(item, terms([w for b in blocks[j + 1 : j + 3] for w in b.features.words]), stop) >= config.box_subheading_overlap:
        return True
    # Shorter than the box's headlines, too: a teaser on the same subject
    # ("Golden Globes 2020 Predictions: Best Actor...") shares the article's words.
    headlines = [b for b in blocks[first:j] if not b.decided or b.rule is Rule.RELATED_ITEM]
    if any(b.features.length <= item.features.length for b in headlines):
        return False
    # Ending as they do ("... [INSIGHT]", "... [VIDEO]", "... [REACTION]"): one of them.
    end = item.text[-1:]
    if not end.isalnum() and any(b.text.endswith(end) for b in headlines):
        return False
    share = article.overlap(item)
    return share >= config.box_subheading_overlap and all(article.overlap(b) < share for b in headlines)


def _article_resumes(blocks: list[Block], i: int, config: Config) -> bool:
    """The article goes on at ``i``: two paragraphs, or a subheading over
    two, or over a paragraph that announces a list ("林承恩整理出以下七項
    ...重點：" and the tips)."""
    if _paragraphs_follow(blocks, i, config):
        return True
    if i + 1 >= len(blocks) or shape(blocks[i], config) != "H":
        return False
    announces = shape(blocks[i + 1], config) == "P" and blocks[i + 1].text.endswith((":", "："))
    return announces or _paragraphs_follow(blocks, i + 1, config)


def _paragraphs_follow(blocks: list[Block], i: int, config: Config) -> bool:
    """Two sentence-like paragraphs in a row at ``i``: the article going on.

    After an article a teaser list alternates headline and summary.  An ad's
    label between the two ("Publicité") does not stop the article.
    """
    found = 0
    for block in blocks[i : i + 3]:
        if block.rule is Rule.AD:
            continue
        if shape(block, config) != "P":
            return False
        found += 1
        if found == 2:
            return True
    return False


def _about_boxes(blocks: list[Block], config: Config) -> None:
    """'About us', 'O mnie', '关于我们' and the paragraphs under it.

    A sidebar or footer box about the site or the blog's author reads like
    prose ("Our portal brings you the news of the region every day..."), and
    on a short article it weighs more than the story.  Its header tells it;
    the box ends at the first line that is not a sentence.
    """
    headers = lexicons.index(("about_headers",), config.lexicon_languages)  # kept on disk: read once
    for i, block in enumerate(blocks):
        if block.features.length > config.prefix_max_words:
            continue
        if headers.equals(block.features.key):
            if i > 0 and (blocks[i - 1].rule in _MENU or shape(blocks[i - 1], config) == "H"):
                continue  # the last item of a menu ("News", "Contact", "About us")
        elif not _about_named(blocks, i, config):
            continue
        if not block.decided:
            block.drop(Rule.ABOUT_BOX)
        items = blocks[i + 1 : i + 1 + config.about_box_max_blocks + 1]
        if items and _name_line(items[0], config):
            items[0].drop(Rule.ABOUT_BOX)  # "About the author", then the author's name
            items = items[1:]
        for item in items[: config.about_box_max_blocks]:
            if item.decided or shape(item, config) not in ("P", "S"):
                break
            item.drop(Rule.ABOUT_BOX)


def _name_line(block: Block, config: Config) -> bool:
    """A line of a few capitalised words and nothing else: a name."""
    return not block.decided and _name_words(block.text.split(), config)


def _name_words(words: list[str], config: Config) -> bool:
    return len(words) <= config.about_name_max_words and all(w[:1].isupper() for w in words)


def _about_named(blocks: list[Block], i: int, config: Config) -> bool:
    """'About Northwind Energy', 'À propos de Marc Delpech': an about prefix
    and a name, which the paragraph below names again (a subheading "About
    the costs" names nothing, and the section below it is the article's)."""
    block = blocks[i]
    if block.features.terminal or i + 1 >= len(blocks) or not block.text[:1].isupper():
        return False
    if block.features.key.partition(" ")[0] not in lexicons.words("about_prefixes", config.lexicon_languages):
        return False  # most lines: one set lookup
    keys = block.features.key.split(" ")
    words = block.text.split()
    prefixes = lexicons.index(("about_prefixes",), config.lexicon_languages)
    for n in range(1, min(len(words), len(keys), _ABOUT_PREFIX_MAX_WORDS + 1)):
        name = words[n:]
        if prefixes.equals(" ".join(keys[:n])) and _name_words(name, config):
            return " ".join(name) in blocks[i + 1].text
    return False


_ABOUT_PREFIX_MAX_WORDS = 3


def _repeated_lists(blocks: list[Block], config: Config) -> None:
    """A tight run of short lines that come back below it, in the same order,
    each on its own line: a table of contents (the article's subheadings
    listed above them), or a menu that the footer repeats.

    On its own every entry of a table of contents is a short line that
    costs the article's region like a menu item and cuts the introduction
    off from the sections.
    """
    occurs: dict[str, list[int]] = {}
    for i, block in enumerate(blocks):
        if block.features.length <= config.list_item_max_words:
            occurs.setdefault(block.text, []).append(i)
    repeats = {text for text, places in occurs.items() if len(places) > 1}
    if not repeats:
        return  # no short line occurs twice
    i = 0
    while i < len(blocks):
        if blocks[i].text not in repeats:
            i += 1
            continue
        end, copies = _repeated_run(blocks, i, occurs)
        if end - i >= config.repeated_list_min_items:
            for block in blocks[i:end]:
                if not block.decided:
                    block.drop(Rule.REPEATED_LIST)
            if all(any(long_paragraph(b, config) for b in blocks[a + 1 : z]) for a, z in zip(copies, copies[1:])):
                # Prose between the copies: they are the article's
                # subheadings, which its table of contents vouches for.
                for j in copies:
                    blocks[j].listed = True
        i = max(end, i + 1)


def _repeated_run(blocks: list[Block], start: int, occurs: dict[str, list[int]]) -> tuple[int, list[int]]:
    """End of the run of entries from ``start`` (``start`` if none), and
    where their copies are: each entry's copy comes after the previous
    entry's, and all after the run.

    The run stops as soon as it reaches the first entry's copy, and copies
    are found by bisection: a line repeated thousands of times costs a few
    steps per line, not a scan of every repeat.
    """
    copies: list[int] = []
    end = start
    while end < len(blocks) and (end == start or not blocks[end].gap_before):
        places = occurs.get(blocks[end].text, ())
        k = bisect.bisect_right(places, max(end, copies[-1]) if copies else end)
        if k == len(places) or (copies and end >= copies[0]):
            break
        copies.append(places[k])
        end += 1
    return (end, copies) if copies and copies[0] >= end else (start, [])


def _carries_its_link(header: Block, config: Config) -> bool:
    """'Lesen Sie auch Tarifstreit: ...': the header and a headline on one line.

    The lines after it are the article again (a subheading, say), not the
    items of a box.
    """
    f = header.features
    if "related" in f.hits.exact:
        return False
    opening = f.hits.prefix("related")
    # Words for spaced scripts, characters / 2 for Chinese and Japanese
    # ("【関連記事】今冬は寒さ厳しく...").
    return bool(opening) and tokens.length(f.key[len(opening) :]) > config.related_header_max_topic_words


def apply(doc: Document, config: Config) -> None:
    # Captions first: a gallery between a list's announcement and its items
    # is furniture the list reaches across.
    _captions(doc.blocks, config)
    lists.mark(doc.blocks, config)
    _ad_texts(doc.blocks, config)
    _priced_products(doc.blocks, config)
    _appeal_boxes(doc.blocks, config)
    _gallery_boxes(doc.blocks, config)
    _split_bylines(doc.blocks, config)
    _about_boxes(doc.blocks, config)
    _repeated_lists(doc.blocks, config)
    _teaser_cards(doc.blocks, config)
    _related_boxes(doc.blocks, config, stoplists.stoplist(doc.language) if doc.language else frozenset())
