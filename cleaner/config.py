"""All thresholds in one place: a frozen dataclass that callers may pass.

Every number here has a reason written beside it.  Stages read the config they
are given; nothing is threaded through argument lists.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from .document import Format


class HtmlFocus(enum.Enum):
    """trafilatura's precision/recall trade-off for HTML input."""

    BALANCED = "balanced"
    PRECISION = "precision"
    RECALL = "recall"


@dataclass(frozen=True)
class Config:
    """How the cleaner decides.  ``Config()`` gives the defaults."""

    # --- output -----------------------------------------------------------
    include_title: bool = True
    input_format: Format = Format.AUTO
    #: Languages whose phrase lexicons are used; empty means all shipped ones.
    #: Boilerplate is often in another language than the article (an English
    #: share bar on a German page), so all lexicons are on by default.
    lexicon_languages: tuple[str, ...] = ()

    # --- input: hard-wrapped text -------------------------------------------
    #: A text-mode browser's dump (lynx, w3m) or a wrapped e-mail cuts each
    #: paragraph into lines of at most some width, usually 72-80 columns.
    #: Such a text has no line with spaces wider than ``wrap_max_width``; a
    #: line within ``wrap_slack`` columns of its widest line reached the
    #: margin (the next word did not fit), and at least ``wrap_min_pairs``
    #: such lines without a sentence end go on in a line starting in lower
    #: case.  Then a line that reached the margin is joined with the next.
    wrap_max_width: int = 100
    wrap_slack: int = 20
    wrap_min_pairs: int = 3
    #: A text whose lines average this many words lost its line breaks (a
    #: whole page on one line): its long lines are cut into sentences.
    #: About 1,000 characters of English.
    collapsed_line_words: float = 170

    # --- heuristics (jusText-style classes) ---------------------------------
    #: Below this many words a line is "short": it cannot carry an article on
    #: its own, only be kept inside one (subheadings, datelines).
    length_low: float = 10
    #: From this many words, prose-like text is "good" on its own.
    length_high: float = 25
    #: Share of function words in running prose; menus and keyword lists have
    #: far fewer.  Used when the language's stoplist is known.
    stopwords_low: float = 0.20
    stopwords_high: float = 0.28
    #: A line that ends like a sentence is prose down to this density:
    #: police reports and market summaries are full of names and numbers.
    stopwords_sentence_floor: float = 0.12
    #: Share of a line's characters that are URLs/e-mails above which it is a link.
    max_link_density: float = 0.5
    #: Lines a run of short list items must have to count as a menu.
    menu_run_min: int = 3
    #: A line of at least this many words using under this share of distinct
    #: words is filler ("a a a ...", "buy now buy now ..."), not prose.
    repetitive_min_words: float = 20
    repetitive_distinct_share: float = 0.2
    #: A headline glued to its summary opens with this many capitalised words
    #: among its first ``title_case_window``, ``title_case_function_words`` of
    #: them function words ("Is Violence In Sports On The Rise? Violence is...").
    title_case_window: int = 8
    title_case_min: int = 7
    title_case_function_words: int = 2
    #: Glued teasers are lines of at least ``glued_min_words``; glued with no
    #: space ("...FavoritesFall has") or into a dateline ("...stateless
    #: WASHINGTON: Expressing"), the headline before the glue has at least
    #: ``glued_headline_min_words`` words (one more before a dateline), and
    #: before a no-space glue ``glued_capitals_share`` of them capitalised.
    glued_min_words: float = 12
    #: On a page that lost its line breaks, a sentence of at least
    #: ``capitalised_run_min_words`` words of which this share or more start
    #: with a capital is menu items or headlines strung together ("Business
    #: Features Finance Features Business Careers Tech Features Press
    #: Releases...").  German prose capitalises its nouns: about 0.3-0.45.
    capitalised_run_share: float = 0.75
    capitalised_run_min_words: float = 12
    #: There, a "sentence" of ``long_run_min_words`` or more words is rarely
    #: one: headlines and menu items glued without a full stop.  Half of its
    #: words capitalised is enough to tell it (German prose stays below).
    long_run_min_words: float = 40
    long_run_share: float = 0.5
    glued_headline_min_words: int = 4
    glued_capitals_share: float = 0.75

    # --- language -----------------------------------------------------------
    #: Words sampled, from the longest blocks, to tell the language: a few
    #: paragraphs of prose are plenty, and the sample bounds the cost.
    language_sample_words: int = 1000
    #: How often one word may count per block: "e e e ..." is one junk line,
    #: not evidence of Walloon.
    language_word_repeats: int = 3
    #: The winning language needs this many different function words in the
    #: sample ("Palm Bay d. Rockledge", line after line, is not Walloon) ...
    language_min_distinct: int = 3
    #: ... making up this share of it.  A language's 60 most frequent words
    #: are 15-30% of its prose (8-11% in Korean, whose particles attach to
    #: words); a scores table of names read as Walloon reached 5%.
    language_min_share: float = 0.06

    # --- phrase rules -----------------------------------------------------
    #: Phrases that appear *inside* a line (appeals, legal lines) only decide
    #: lines up to this many words: a long paragraph that mentions a
    #: newsletter is an article about it, not an appeal.
    contains_max_words: int = 25
    #: ... unless it opens the line: a paragraph whose first words are "This
    #: website uses cookies" is a cookie notice, however long.
    opening_words: int = 8
    #: A line that starts with a short prefix phrase ("More from", "By") is
    #: only that furniture when it is at most this many words long.
    prefix_max_words: int = 12
    #: The longest line (in words) each shape of furniture takes: a byline
    #: ("By Jane Doe"), a date line, a comment's author line, a breadcrumb
    #: trail, an agency sign-off ("mk/wd (AP, AFP)"), a photo credit
    #: ("Name | Pool | Reuters"), a caption opening with a label ("Image
    #: copyright Getty Images"), a "Read more: <headline>" link.  Longer, it
    #: is a sentence that happens to look like one.
    byline_max_words: float = 8
    #: ... or, with the date after the name ("Par Clémence Arnaud (Les
    #: Essarts, envoyée spéciale) Publié le 12 mars 2024 à 06h00..."), this many.
    dated_byline_max_words: float = 30
    #: A date line made of date words and numbers only may hold two dates
    #: ("Publié le 18 novembre 2025 à 19h42, modifié le 18 novembre 2025 à 21h05").
    timestamp_max_words: float = 20
    comment_header_max_words: float = 15
    breadcrumb_max_words: float = 20
    signoff_max_words: float = 10
    credit_max_words: float = 12
    caption_line_max_words: float = 22
    #: A caption closed by its credit ("... on Oct. 3. (AP Photo/Jane Doe,
    #: File)", "... segunda-feira Foto: Leo Drumond/Diário") may run longer:
    #: news agencies' captions describe the picture in a sentence or two.
    credited_caption_max_words: float = 45
    related_inline_max_words: float = 30
    #: A line's label ("Image:", "You are here:") is at most this many characters.
    label_max_chars: int = 40

    # --- region -----------------------------------------------------------
    #: In the search for the article's region, each block pulls towards
    #: itself (+) or away (-).  GOOD prose counts its words, NEAR_GOOD
    #: ``near_good_weight`` times its words; a SHORT line costs
    #: ``short_weight``, unless it is a sentence with the function words of
    #: prose ("Er wurde leicht verletzt."): then it counts like NEAR_GOOD, or
    #: a news brief written in one-line paragraphs would be cut down to its
    #: first one; a line the heuristics found bad costs its words times
    #: ``bad_weight``; a line a phrase rule dropped costs ``phrase_weight``
    #: (captions and share bars sit inside articles, so they cost little),
    #: except end-of-article markers ("Related", "Comments"), which cost
    #: ``end_marker_weight``: text after one must outweigh that to continue.
    near_good_weight: float = 0.3
    short_weight: float = 1.0
    #: Lines that do not end like a sentence (headlines, labels, teaser
    #: titles) and are not long enough to be GOOD cost this much: after an
    #: article, "headline, one-line summary" teasers then add up to a loss.
    heading_weight: float = 10.0
    #: GOOD-length text that does not end like a sentence (alt text, glued
    #: teasers) counts this share of its words.
    unterminated_weight: float = 0.7
    bad_weight: float = 1.0
    phrase_weight: float = 1.0
    end_marker_weight: float = 30.0
    #: When end markers split the page, the first segment whose article-like
    #: span scores at least this share of the best segment's is the article
    #: (0 turns segments off: one span over the whole page).
    segment_ratio: float = 0.25

    # --- context: lines judged by their neighbours ------------------------------
    #: The longest caption (in words) taken from the line above a credit.
    caption_max_words: float = 40
    #: ... and, with the image's alt text above it, takes at most this many
    #: lines above its credit (a table-laid-out page has no blank lines to stop at).
    caption_max_lines: int = 3
    #: A line set off by blank lines under a photo credit is its caption when
    #: it has no full stop and at least this many words (BBC-style captions;
    #: a subheading under a picture is shorter).
    loose_caption_min_words: float = 8
    #: A sentence a blank line above a photo credit is its caption when it
    #: has at most this many words (and at least ``loose_caption_min_words``).
    spaced_caption_max_words: float = 20
    #: ... above a credit of at most this many words (a name and an agency).
    spaced_credit_max_words: float = 8
    #: The most paragraphs an appeal box holds between its two framing lines.
    appeal_box_max: int = 6
    #: The most captions between a photo gallery's label and its link.
    gallery_max_captions: int = 12
    #: Teaser cards: a shape of at most this many lines, holding a date or a
    #: byline, repeated at least ``card_min_repeats`` times in a row.
    card_max_lines: int = 5
    card_min_repeats: int = 3
    #: In a card's shape, a sentence of fewer words is a short line (S), not a
    #: paragraph (P): "Read more." is part of the card, not article text.
    card_paragraph_min_words: float = 8
    #: The most headlines a "more stories" box lists under its header.
    related_box_max_items: int = 20
    #: In text without indents, a line after a box's first headline is a
    #: subheading the article goes on under when at least this share of its
    #: content words recurs in the two paragraphs below it.
    box_subheading_overlap: float = 0.5
    #: ... or when, right after the box's first headline, it is at most this
    #: share of that headline's length (subheadings are short, teasers long).
    box_subheading_length_share: float = 0.75
    #: A "Read more" link's label over one line of at least this many words,
    #: with the article going on under it, heads a box of that one headline.
    link_headline_min_words: float = 8
    #: An "About us" / "About the author" header owns at most this many
    #: paragraphs under it (a site blurb, an author's bio).
    about_box_max_blocks: int = 2
    #: The longest name (in words) that an about box names: its header
    #: ("About Northwind Energy") or its first line (the author's name).
    about_name_max_words: int = 4
    #: A table of contents (or a menu the footer repeats) lists at least this
    #: many short lines that all come again below it, in order.
    repeated_list_min_items: int = 3
    #: A header that opens a line with more than this many words after it
    #: ("Lesen Sie auch Tarifstreit: Das fordert die Gewerkschaft") carries
    #: its own link: no box of headlines hangs under it.  "More from Africa"
    #: (a header and its topic) still does.
    related_header_max_topic_words: int = 3
    #: A line that announces a list ("...the short list:") has at least this
    #: many words ("Tags:" alone announces nothing), and its list at most
    #: ``list_max_items`` lines.
    announcer_min_words: float = 4
    list_max_items: int = 60
    #: A list of quantities between two paragraphs ("500 g Äpfel"): at least
    #: ``list_min_items`` lines of at most ``list_item_max_words`` words, under
    #: a heading of at most ``list_heading_max_words`` (or none).
    list_min_items: int = 3
    #: Items of a list punctuated as a sentence ("wykop bulwy dalii,",
    #: "oczyść narzędzia,", ... "podlej krzewy."): at most this many words.
    punctuated_item_max_words: float = 25
    list_item_max_words: float = 12
    list_heading_max_words: float = 3

    # --- title ------------------------------------------------------------------
    #: A headline has this many words (at most ``title_max_words`` also for an
    #: HTML page's title: a page's whole text in an <h1> is no headline), and
    #: at most ``title_max_digits`` digits: dates and scores carry more.
    title_min_words: float = 3
    title_max_words: float = 30
    title_max_digits: int = 4
    #: Blocks above the article's start searched for the headline (furniture
    #: not counted), and how near a candidate sharing no words may be.
    title_window: int = 12
    title_fallback_window: int = 6
    #: How far up the line the page's <title> opens with is looked for, when
    #: the text starts with the <title> (html-text prints it first).
    title_page_title_window: int = 30
    #: A line whose first words are the <title>'s (at least this many, and
    #: half of the line) counts as one the <title> opens with.
    title_shared_words: int = 5
    #: Share of a candidate's content words that must recur in the article's
    #: first ``title_opening_blocks`` kept blocks; ``title_distance_cost`` is
    #: given up per block of distance, so the nearer wins a near tie.
    title_min_overlap: float = 0.3
    #: ... counting in full only when at least this many terms are shared.
    title_min_shared: float = 3
    title_opening_blocks: int = 3
    title_distance_cost: float = 0.01
    #: ... and a candidate all in capitals (a kicker) gives up this much, as
    #: does one above a menu (the site's tagline in its header): a run of at
    #: least ``title_menu_min_items`` menu lines.
    title_capitals_cost: float = 0.3
    title_menu_cost: float = 0.5
    title_menu_min_items: int = 5
    #: A headline-like line of at most this many words right above a longer
    #: one is its kicker ("Wandern in Südtirol" over "Wo das Wasser den Weg weist").
    title_kicker_max_words: float = 4
    #: A standfirst (the sentence under the headline) has at least this many
    #: words; it is looked for only between the headline and the article.
    standfirst_min_words: float = 6

    # --- dedupe -----------------------------------------------------------
    #: A teaser repeats at least this many leading words of a later paragraph.
    teaser_min_words: int = 6
    #: Only lines of at least this many words are dropped as repeats or
    #: teasers: short lines recur legitimately inside an article ("Meal 2",
    #: "Eat every 2-3 hours" under each heading of a meal plan).
    repeat_min_words: float = 10
    #: A headline inside the article that a list after it repeats is a link
    #: card from this many words: shorter lines ("Watch", "Photos") repeat
    #: by chance.
    echo_min_words: float = 4

    # --- author bio -------------------------------------------------------
    #: A bio ("Jane Doe is a reporter who covers ...") is looked for among
    #: the last ``bio_tail_blocks`` kept paragraphs; its name has at most
    #: ``bio_name_max_words`` words before the joining verb, and the job
    #: comes within ``bio_role_window`` words after it ("is an LA
    #: Entertainment Reporter").
    bio_tail_blocks: int = 3
    bio_name_max_words: int = 4
    bio_role_window: int = 6

    # --- HTML -------------------------------------------------------------
    #: trafilatura's trade-off.  Precision by default: the text stages then
    #: remove what still slips through, and for corpora a missed menu costs
    #: more than a missed caption (AEB F1 with the text stages: 0.966
    #: precision, 0.965 balanced).
    html_focus: HtmlFocus = HtmlFocus.PRECISION
    #: When trafilatura returns fewer characters than this, fall back to
    #: converting the whole page to text.
    html_min_chars: int = 200
    #: ... or when what it returns is a layout table: no more than that
    #: outside table rows, and a cell of at least this many characters (a
    #: paragraph, or a whole column; a data table's cells are short).
    html_layout_cell_chars: int = 100
    #: Precision mode sometimes keeps only a notice ("This copy is for your
    #: personal use...") and throws the article away.  When its text is
    #: shorter than this, trafilatura runs again balanced, and that text is
    #: taken if it is at least ``html_retry_ratio`` times as long.  Short
    #: pages only: the second call costs nothing on the others.
    html_retry_chars: int = 500
    html_retry_ratio: float = 3.0
    #: A table row holding a paragraph of at least this many characters that
    #: the extracted text has on its own is a layout table repeating it.
    layout_paragraph_min_chars: int = 40
    #: The headline is looked for among this many first lines of the
    #: extracted content: a section label or a kicker may stand above it.
    html_title_search_lines: int = 3
    #: The standfirst trafilatura leaves out (:mod:`cleaner.formats.standfirst`)
    #: is looked for after the ``<h1>`` among at most this many paragraph-like
    #: elements long enough to be one (share buttons and dates are passed
    #: over uncounted), up to the one that opens with the main text's first
    #: characters (this many of its key).
    html_dek_max_elements: int = 12
    #: ... and among at most this many elements of any length.
    html_dek_max_visited: int = 40
    html_dek_first_chars: int = 40
    #: Without a class that names it, the dek is a paragraph at least this
    #: share of whose words the page's description metadata has.
    html_dek_description_share: float = 0.8
    #: A subheading trafilatura left out (:mod:`cleaner.formats.subheadings`)
    #: goes back when the last kept paragraph among this many text elements
    #: before it is the one before the paragraph it heads.
    html_heading_lookback: int = 20

    # --- batch: lines learned across a site's pages --------------------------
    #: A group of pages (a folder, or a site when pages give their URL) needs
    #: this many pages before a line repeated across them is taken for the
    #: site's template: among a handful of pages, a series' standing intro or
    #: a quote several articles share looks just as repeated.
    template_min_pages: int = 20
    #: A line is template when more than this share of the group's pages have
    #: it: a promo or disclaimer is on (nearly) every page, while a phrase a
    #: few articles have in common is on a few.  A half leaves room for pages
    #: that lack the promo (galleries, short notes) without catching topics.
    template_min_share: float = 0.5
    #: Shorter lines are never dropped as template: a subheading most of a
    #: site's recipes share ("Ingredients") belongs to each recipe.
    template_min_words: float = 3

    def with_(self, **changes) -> "Config":
        """A copy with some fields changed (the config itself is frozen)."""
        return replace(self, **changes)


DEFAULT = Config()
