"""Every rule the pipeline knows, by id.

A rule id is both the reason a block was kept or dropped (``--explain``, the
JSON ``dropped`` list) and the name of its counter (``counts``).  Stages refer
to rules only through this enum, so the list below is complete by construction.
"""
from __future__ import annotations

import enum


class Rule(enum.StrEnum):
    """Rule ids; the value is the dotted id users see."""

    doc: str

    def __new__(cls, value: str, doc: str) -> "Rule":
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.doc = doc
        return obj

    # format stages
    FRONTMATTER_FIELD = "frontmatter.field", "a YAML front-matter line (metadata, images, related items)"
    FRONTMATTER_TITLE = "frontmatter.title", "the record's title field"
    FRONTMATTER_EXCERPT = "frontmatter.excerpt", "the record's excerpt field"
    HTML_TITLE = "html.title", "the page's title from its HTML metadata"
    HTML_STANDFIRST = "html.standfirst", "the standfirst under the <h1> that trafilatura left out, put back"
    HTML_SUBHEADING = "html.subheading", "a subheading that trafilatura left out, put back before the paragraph it heads"
    HTML_FIGCAPTION = "html.figcaption", "the text of an image's <figcaption> (caption or credit) that trafilatura kept"
    ABOVE_TITLE = "html.above_title", "a line above the page's headline in the extracted content (a section label or kicker)"
    LAYOUT_TABLE = "html.layout_table", "a row of a page-layout table that repeats the article's paragraphs"

    # lexicon rules (rules stage)
    NAVIGATION = "navigation.line", "a menu item, skip link or section label"
    REPEATED_LIST = "navigation.repeated_list", "a run of short lines that all come again below it, in order: a table of contents, or a menu the footer repeats"
    MENU_ROW = "navigation.menu_row", "a row of menu items between pipes ('Home | News | Sport')"
    BREADCRUMB = "navigation.breadcrumb", "a breadcrumb trail ('Home > News > World')"
    SHARE_BAR = "share_bar.icon_row", "a row of social-network names (share or follow bar)"
    SHARE_LABEL = "share_bar.label", "a share prompt ('Share', 'Tweet', 'Share this article')"
    APPEAL = "appeal.phrase", "a donation, subscription, newsletter or paywall appeal"
    RELATED_HEADER = "related.header", "a 'more stories' / 'related' header"
    RELATED_INLINE = "related.inline", "a 'Read more: <headline>' link inside the article"
    RELATED_ITEM = "related.box_item", "a headline listed under a 'more stories' header"
    CAPTION_LABEL = "caption.label", "an image caption or credit ('Image: ...', 'Photo: ...')"
    CAPTION_CREDIT = "caption.credit", "a photo or agency credit ('Name | Pool | Reuters')"
    CAPTION_WITH_CREDIT = "caption.with_credit", "a caption that ends in its credit ('... (AP Photo/Jane Doe)', '... Fot. Anna Kowalska')"
    CAPTION_TEXT = "caption.text", "the caption or alt text right above an image credit"
    GALLERY = "caption.gallery", "a photo gallery's label or link ('Galeria zdjęć: ... (14 zdjęć)', 'View all photos')"
    GALLERY_CAPTION = "caption.gallery_caption", "a caption between two lines of a photo gallery"
    APPEAL_BOX = "appeal.box", "a paragraph inside an appeal box (between two appeal lines)"
    TEASER_CARDS = "teasers.repeated_cards", "a run of teaser cards of one shape (headline, byline or date, summary)"
    COPYRIGHT = "legal.copyright", "a copyright line ('© 2025 ... All rights reserved'): the page footer"
    LEGAL = "legal.phrase", "a legal or footer link line ('Privacy Policy', 'Terms of Service')"
    COOKIE = "cookie.phrase", "a cookie or consent notice"
    BYLINE = "byline.line", "a byline ('By Jane Doe')"
    ABOUT_BOX = "byline.about_box", "an 'About us' / 'About the author' box: its header and the text under it"
    AUTHOR_BIO = "byline.author_bio", "an author's bio after the article ('Jane Doe is a reporter who covers ...')"
    TIMESTAMP = "timestamp.line", "a date or relative time on its own ('26 minutes ago')"
    SEARCH = "search.prompt", "a search box prompt"
    AD = "ad.label", "an advertisement label"
    AD_TEXT = "ad.text", "the text of an advertisement right under its label, in one box with it"
    PRICE = "ad.price", "a price on a line of its own ('ab 59,99 €', 'od 49,99 zł'): a shopping box's, with the product named above it"
    DISCLOSURE = "ad.disclosure", "an affiliate or sponsorship disclosure ('This post contains affiliate links')"
    SYNDICATION = "credit.syndication", "a note on where the article comes from ('This article was originally published by ...', 'Tekst powstał na podstawie ...', '本文来自微信公众号')"
    COMMENTS = "comments.widget", "a comment widget line ('12 comments', 'Leave a reply')"
    COMMENT_HEADER = "comments.author_line", "a comment's author line ('Jane on May 2, 2019 at 4:47 pm said:')"
    SIGNOFF = "signoff.agency", "an agency or contributor sign-off ('mk/wd (AP, AFP)', 'Reporting by ...')"
    SHORT_LINK = "link.url", "a bare URL, short link or e-mail address"
    COUNT_LIST = "list.category_count", "a list item with a count ('Books (1,396)')"

    # heuristics stage
    GOOD = "heuristics.good_paragraph", "long text with the stopword density of running prose"
    NEAR_GOOD = "heuristics.near_good", "medium-length prose, kept when its neighbours are article"
    LOW_STOPWORDS = "heuristics.low_stopword_density", "few function words: a list of names or keywords"
    LINK_DENSE = "heuristics.link_dense", "mostly URLs or e-mail addresses"
    MENU_RUN = "heuristics.menu_run", "part of a run of short list items (a menu)"
    NO_LETTERS = "heuristics.no_letters", "no letters at all (symbols, numbers, separators)"
    REPETITIVE = "heuristics.repetitive", "a few words repeated over and over: filler, not prose"
    CAPITALISED_RUN = "heuristics.capitalised_run", "a long line of capitalised words: menu items or headlines strung together"
    GLUED_TEASER = "heuristics.glued_teaser", "a Title-Case headline run into its summary ('...WR Options The 49ers...')"

    # region stage
    OUTSIDE = "region.outside_article", "before the article's start or after its end"
    INSIDE = "region.inside_article", "a short line inside the article (subheading, dateline)"
    ANNOUNCED_LIST = "region.announced_list", "a list item after an article paragraph that ends with a colon"
    STRUCTURED_TAIL = "region.structured_tail", "a list item of the boxes that close a review or recipe (pros and cons, ingredients, steps)"

    # dedupe stage
    DUPLICATE = "dedupe.repeated_line", "the same line appeared earlier"
    TEASER = "dedupe.truncated_teaser", "a teaser that repeats the start of a later paragraph"
    ECHOED_TEASER = "dedupe.echoed_teaser", "a headline inside the article that a teaser list after it repeats (an embedded link card)"

    # title
    TITLE = "title.headline", "the headline"
    STANDFIRST = "title.standfirst", "the standfirst: a sentence between the headline and the article, past its byline or share bar"
    SUMMARY_LIST = "title.summary_list", "a summary list under the headline ('Key points' and its items)"

    # batch
    TEMPLATE = "templates.repeated_across_pages", "a line found on many pages of the same site"
