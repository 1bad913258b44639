"""Input formats: detection, front matter, HTML, and bytes decoding."""
from __future__ import annotations

import pytest

from cleaner import Config, Format, InputError, clean, clean_document
from cleaner.decode import decode
from cleaner.formats import text as text_format
from cleaner.formats.detect import detect
from cleaner.rules import Rule
from conftest import FIXTURES

PARA = "The council voted on Monday to build new bike lanes across the city, the largest expansion of the network in a decade."


@pytest.mark.parametrize(
    "text,fmt",
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", Format.HTML),
        ("  <html lang='en'><head></head><body></body></html>", Format.HTML),
        ("<div><p>A fragment</p><p>of markup</p></div>", Format.HTML),
        ("---\ntitle: x\n---\n", Format.FRONTMATTER),
        ("A page of text that mentions <div> and </p> tags in passing.", Format.TEXT),
        ("---- not front matter", Format.TEXT),
    ],
)
def test_detect(text, fmt):
    assert detect(text) is fmt


def test_front_matter_metadata_and_dropped_fields():
    doc = clean_document((FIXTURES / "seeds" / "000_72875b2c7839dc4a.txt").read_text(encoding="utf-8"))
    assert doc.source_format is Format.FRONTMATTER
    assert doc.metadata["date"] == "2021-03-10T18:07:19Z"
    assert doc.metadata["url"].startswith("http://rss.cnn.com/")
    assert doc.metadata["source"] == "CNN"
    dropped = {b.text.split(":")[0] for b in doc.blocks if b.rule == Rule.FRONTMATTER_FIELD}
    assert {"secured", "related", "images"} <= dropped
    assert "isCached" not in doc.text and "secured" not in doc.text


def test_front_matter_title_and_excerpt_are_kept_by_their_own_rules():
    doc = clean_document(f"---\ntitle: Bike lanes approved\nexcerpt: {PARA}\nurl: https://example.com/x\n---\n")
    rules = {b.text: b.rule for b in doc.blocks if b.kept}
    assert rules == {"Bike lanes approved": Rule.FRONTMATTER_TITLE, PARA: Rule.FRONTMATTER_EXCERPT}


def test_broken_front_matter_falls_back_to_text():
    text = f"---\ntitle: [unclosed\n---\n\n{PARA}\n\n{PARA}"
    doc = clean_document(text)
    assert doc.source_format is Format.TEXT
    assert PARA in doc.text


def test_front_matter_is_not_parsed_when_text_is_asked_for():
    text = f"---\ntitle: A title\n---\n\n{PARA}"
    assert clean_document(text, config=Config(input_format=Format.TEXT)).source_format is Format.TEXT


def test_html_goes_through_trafilatura_then_the_text_stages():
    paras = "".join(f"<p>{PARA} Paragraph {i} adds a little more to say about it.</p>" for i in range(4))
    html = f"<html><head><title>Bike lanes approved</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Bike lanes approved</h1>{paras}<p>Share this article</p></article></body></html>"
    doc = clean_document(html)
    assert doc.source_format is Format.HTML
    assert doc.title == "Bike lanes approved"
    assert "Paragraph 3" in doc.text and "Share this article" not in doc.text
    assert [b.rule for b in doc.blocks if b.text == "Bike lanes approved"] == [Rule.HTML_TITLE]


def test_a_kicker_above_the_html_headline_goes_and_the_headline_is_not_doubled():
    paras = "".join(f"<p>{PARA} Paragraph {i} adds a little more to say about it.</p>" for i in range(4))
    html = (f"<html><head><title>Bike lanes approved</title></head><body><article><p>City hall</p>"
            f"<h1>Bike lanes approved</h1>{paras}</article></body></html>")
    doc = clean_document(html)
    assert doc.text.split("\n\n")[:2] == ["Bike lanes approved", f"{PARA} Paragraph 0 adds a little more to say about it."]
    assert [b.rule for b in doc.blocks if b.text == "City hall"] == [Rule.ABOVE_TITLE]


DEK = "Cyclists will get forty kilometres of protected lanes by 2027, and drivers lose a third of the parking downtown."


def _dek_page(dek_attrs: str, description: str = "", dek: str = DEK) -> str:
    """A page whose dek sits in the header beside the <h1>, which trafilatura leaves out."""
    paras = "".join(f"<p>{PARA} Paragraph {i} adds a little more to say about it.</p>" for i in range(4))
    meta = f'<meta name="description" content="{description}">' if description else ""
    return (f"<html><head><title>Bike lanes approved</title>{meta}</head><body>"
            f"<header class='article-header'><h1>Bike lanes approved</h1><p {dek_attrs}>{dek}</p>"
            f"<div class='byline'>By Ann Lee</div></header><main><article>{paras}</article></main></body></html>")


@pytest.mark.parametrize("attrs, description", [
    ('class="article__teaser"', ""),  # the template names it
    ('class="intro-text"', ""),
    ('class="td-post-sub-title"', ""),  # two words of the class spell "subtitle"
    ("", DEK),  # the page's description repeats it
    ("", DEK.split(", and")[0] + "."),  # ... or a shortened copy of it
])
def test_a_dek_that_trafilatura_leaves_out_is_put_back_under_the_headline(attrs, description):
    doc = clean_document(_dek_page(attrs, description))
    assert doc.text.split("\n\n")[:3] == ["Bike lanes approved", DEK, f"{PARA} Paragraph 0 adds a little more to say about it."]
    assert [b.rule for b in doc.blocks if b.text == DEK] == [Rule.HTML_STANDFIRST]


@pytest.mark.parametrize("attrs, description, dek", [
    ('class="meta"', "", DEK),  # nothing says it is the dek
    ("", "A different summary of the council's vote on the city's bike lanes.", DEK),
    ('class="summary"', "", "Home > City > Transport > Bike lanes > Council votes on the plan"),  # a breadcrumb
])
def test_what_is_not_named_or_described_as_the_dek_is_not_put_back(attrs, description, dek):
    doc = clean_document(_dek_page(attrs, description, dek))
    assert dek not in doc.text
    assert Rule.HTML_STANDFIRST not in [b.rule for b in doc.blocks]


def test_a_dek_after_a_long_row_of_share_buttons_is_put_back():
    buttons = "".join(f"<div class='share-btn'>{n}</div>" for n in ("Share", "LINE", "Threads", "Copy link", "Print", "Font", "A-", "A+", "Mail", "X", "Facebook", "WhatsApp"))
    html = _dek_page('class="summary"').replace("<p class=\"summary\">", f"<div class='share-tools'>{buttons}</div><p class=\"summary\">")
    assert buttons[:20] in html
    assert [b.rule for b in clean_document(html).blocks if b.text == DEK] == [Rule.HTML_STANDFIRST]


def test_a_date_between_the_headline_and_the_dek_is_not_taken_for_it_by_the_numbers_it_shares():
    # The description holds a number; the date's words are all numbers.
    html = _dek_page('class="summary"', "Forty-two new lanes by 2027, the council says.").replace(
        "<p class=\"summary\">", "<span class='time'>2025-05-18 09:32:15</span><p class=\"summary\">")
    assert "2025-05-18 09:32:15" in html
    assert [b.rule for b in clean_document(html).blocks if b.text == DEK] == [Rule.HTML_STANDFIRST]


def test_a_dek_that_the_article_repeats_is_not_put_back():
    html = _dek_page('class="standfirst"').replace("<article>", f"<article><p>{DEK}</p>")
    doc = clean_document(html)
    assert doc.text.count(DEK) == 1
    assert Rule.HTML_STANDFIRST not in [b.rule for b in doc.blocks]


MORE = [
    "Drivers will lose a third of the parking spaces in the centre, and delivery vans get loading bays at each corner.",
    "The council will add two new car parks at the edge of the centre before the first stretch of lanes opens next year.",
]
READ_ALSO = '<p class="related-inline"><strong>Read also:</strong> <a href="/x">Parking fees rise in the centre</a></p>'


def _sectioned_page(between: str) -> str:
    paras = "".join(f"<p>{PARA} The {n} paragraph adds a little more to say about it.</p>" for n in ("first", "second", "third"))
    return (f"<html><head><title>Bike lanes approved</title></head><body><article><h1>Bike lanes approved</h1>"
            f"{paras}{between}{''.join(f'<p>{p}</p>' for p in MORE)}</article></body></html>")


def test_a_subheading_that_trafilatura_leaves_out_is_put_back_before_its_paragraph():
    # Precision mode drops a heading that follows an inline "Read also" link.
    doc = clean_document(_sectioned_page(f'{READ_ALSO}<h2 class="wp-block-heading"><span id="x"></span>What changes for drivers?</h2>'))
    body = doc.text.split("\n\n")
    assert body[body.index("What changes for drivers?") + 1] == MORE[0]
    assert [b.rule for b in doc.blocks if b.text == "What changes for drivers?"] == [Rule.HTML_SUBHEADING]


def test_a_boxs_heading_is_not_put_back():
    box = '<div class="box"><h3>Most read</h3><ul><li><a href="/a">Storm closes the harbour</a></li><li><a href="/b">Bridge reopens</a></li></ul></div>'
    doc = clean_document(_sectioned_page(box))
    assert "Most read" not in doc.text
    assert Rule.HTML_SUBHEADING not in [b.rule for b in doc.blocks]


def test_the_headline_is_the_whole_h1_when_the_metadata_title_is_its_first_part():
    # The page's schema.org headline, which trafilatura takes, is a shortened one.
    head = "新竹新創晶禾科技發表低功耗邊緣 AI 晶片，瞄準智慧農業感測市場"
    para = "成立於二〇一九年的新竹新創晶禾科技今日舉行發表會，推出專為農業感測設計的低功耗晶片，預計明年開始量產出貨，並與多家農業合作社進行田間測試。"
    schema = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"新竹新創晶禾科技發表低功耗邊緣 AI 晶片"}</script>'
    html = (f"<html><head><title>{head} - 數位潮</title>{schema}</head><body><header class='entry-header'><h1>{head}</h1></header><article>"
            + "".join(f"<p>{para}第{n}段。</p>" for n in "一二三四") + "</article></body></html>")
    assert clean_document(html).title == head


@pytest.mark.parametrize("cls, expected", [
    ("id-StoryElement-leadText", True),  # camelCase: "lead"
    ("article__teaser", True),
    ("sub-title", True),  # two words that spell one
    ("leaderboard", False),  # not a word of the list, though it starts like one
])
def test_an_element_is_called_by_the_words_of_its_class(cls, expected):
    from lxml import html as lxml_html

    from cleaner.formats.tree import called

    el = lxml_html.fromstring(f"<p class='{cls}'>x</p>")
    assert called(el, frozenset({"lead", "teaser", "subtitle"})) is expected


def test_a_caption_under_the_standfirst_a_template_put_back_goes_with_its_credit():
    # The standfirst is decided (kept) before the caption rules run: it still
    # counts as the paragraph above the figure.
    dek = "The council backs forty kilometres of new lanes, and work starts in spring."
    caption = "Residents walk across the repaired bridge on Saturday."
    body = ["Work on the first stretch along the river will begin in the spring and is expected to take four months.",
            "Shop owners on the affected streets asked for the work to be done in stages so that deliveries go on.", PARA]
    html = (f"<html><head><title>Bike lanes for the whole city</title></head><body><header><h1>Bike lanes for the whole city</h1>"
            f"<p class='lead'>{dek}</p></header><article><p class='pic'>{caption}</p><p class='pic'>Photo: Jane Doe/Reuters</p>"
            + "".join(f"<p>{p}</p>" for p in body) + "</article></body></html>")
    rules = {b.text: b.rule for b in clean_document(html).blocks}
    assert rules[dek] == Rule.HTML_STANDFIRST
    assert rules[caption] == Rule.CAPTION_TEXT


def test_the_headline_is_the_whole_h1_when_the_metadata_title_is_its_first_part_and_an_author():
    head = "Cutting night buses saves money only on paper – the real bill lands on the riders"
    html = (f"<html><head><title>{head} - The Paper</title><meta property='og:title' content='Cutting night buses saves "
            f"money only on paper | Ann Lee'></head><body><article><h1>{head}</h1>"
            + "".join(f"<p>{PARA} {n}</p>" for n in ("One.", "Two.", "Three.")) + "</article></body></html>")
    assert clean_document(html).title == head


def test_lines_that_are_a_figcaptions_text_are_dropped():
    from trafilatura.utils import load_html

    from cleaner.document import Block
    from cleaner.formats.html import _figure_captions

    tree = load_html("<html><body><article><p>" + PARA + "</p><figure><img src='x.jpg'><figcaption>Inspectors at the "
                     "school canteen.<br><span>(City education office)</span></figcaption></figure></article></body></html>")
    blocks = [Block(PARA, 0), Block("Inspectors at the school canteen.", 1), Block("(City education office)", 2)]
    _figure_captions(blocks, tree)
    assert [b.rule for b in blocks] == ["", Rule.HTML_FIGCAPTION, Rule.HTML_FIGCAPTION]


def test_lines_of_an_element_the_template_calls_a_caption_are_dropped():
    from trafilatura.utils import load_html

    from cleaner.document import Block
    from cleaner.formats.html import _figure_captions

    tree = load_html("<html><body><article><p>" + PARA + "</p><div class='foto-materia__legenda'><p class='legenda'>"
                     "Students show the prototype in the school lab</p><p class='credito'>Foto: Ana Lima/Diário</p></div>"
                     "<p class='captionless'>" + PARA + " Again.</p></article></body></html>")
    blocks = [Block(PARA, 0), Block("Students show the prototype in the school lab", 1), Block(PARA + " Again.", 2)]
    _figure_captions(blocks, tree)
    assert [b.rule for b in blocks] == ["", Rule.HTML_FIGCAPTION, ""]


NOTICE = "This copy is for your personal, non-commercial use only. To order copies for distribution to your colleagues, visit our reprints desk."


def _fake_extract(texts):
    """trafilatura as seen by cleaner.formats.html: a text per focus, and no metadata."""
    calls = []

    def extract(html, focus):
        calls.append(focus)
        return texts[focus], None

    return extract, calls


@pytest.mark.parametrize("balanced, expect_article", [
    ("\n".join([NOTICE] + [f"{PARA} Paragraph {i} of the story." for i in range(6)]), True),
    (NOTICE + "\nPrint article\nOrder reprints", False),  # not enough more to be worth it
])
def test_precision_mode_finding_little_is_retried_balanced(monkeypatch, balanced, expect_article):
    from cleaner.config import HtmlFocus
    from cleaner.formats import html

    extract, calls = _fake_extract({HtmlFocus.PRECISION: NOTICE, HtmlFocus.BALANCED: balanced})
    monkeypatch.setattr(html, "_extract", extract)
    text = clean("<html><body><p>whatever</p></body></html>", include_title=False)
    assert calls == [HtmlFocus.PRECISION, HtmlFocus.BALANCED]
    assert ("Paragraph 5 of the story." in text) is expect_article


def test_precision_mode_finding_enough_is_not_retried(monkeypatch):
    from cleaner.config import HtmlFocus
    from cleaner.formats import html

    article = "\n".join(f"{PARA} Paragraph {i} of the story." for i in range(6))
    extract, calls = _fake_extract({HtmlFocus.PRECISION: article, HtmlFocus.BALANCED: article + "\nMore"})
    monkeypatch.setattr(html, "_extract", extract)
    assert "Paragraph 5 of the story." in clean("<html><body><p>whatever</p></body></html>")
    assert calls == [HtmlFocus.PRECISION]


def test_a_layout_table_repeating_the_article_is_dropped(monkeypatch):
    # trafilatura gives a table-laid-out page's paragraphs, then its layout
    # table as rows: the menu, and the article a second time in one cell.
    from cleaner.config import HtmlFocus
    from cleaner.formats import html

    paras = [f"{PARA} Paragraph {i} of the story." for i in range(4)]
    rows = ["| Home \\| News \\| Sport \\| Weather |", "| Bike lanes approved  " + " ".join(paras) + "  |  | "]
    extract, _ = _fake_extract({HtmlFocus.PRECISION: "\n".join(paras + rows)})
    monkeypatch.setattr(html, "_extract", extract)
    doc = clean_document("<html><body><p>whatever</p></body></html>")
    assert doc.text.split("\n\n") == paras
    assert doc.rule_counts()[Rule.LAYOUT_TABLE] == 1 and doc.rule_counts()[Rule.MENU_ROW] == 1


LAYOUT_PAGE = (
    "<html><body><table><tr><td><ul><li>Home</li><li>News</li><li>Sport</li><li>Weather</li></ul></td>"
    "<td><h1>Bike lanes approved</h1>" + "".join(f"<p>{PARA} Paragraph {i} of the story.</p>" for i in range(4))
    + "</td><td><ul><li>Most read</li><li>Storm closes the ports</li><li>Ferry times change</li></ul></td></tr>"
    "</table><p>© 2026 The Paper. All rights reserved.</p></body></html>"
)


def test_a_page_that_trafilatura_gives_as_layout_table_rows_is_read_whole(monkeypatch):
    # Menu, article and sidebar in the cells of one row: the text stages judge
    # the whole page instead, one block element a line.
    from cleaner.config import HtmlFocus
    from cleaner.formats import html

    row = "| Home News Sport Weather | Bike lanes approved " + " ".join(f"{PARA} Paragraph {i} of the story." for i in range(4)) + " | Most read |"
    extract, _ = _fake_extract({HtmlFocus.PRECISION: row, HtmlFocus.BALANCED: row})
    monkeypatch.setattr(html, "_extract", extract)
    doc = clean_document(LAYOUT_PAGE)
    assert doc.metadata["fallback"] == "whole_page"
    assert doc.text.split("\n\n") == ["Bike lanes approved", *(f"{PARA} Paragraph {i} of the story." for i in range(4))]


def test_a_data_table_is_not_a_layout_table():
    from cleaner.config import DEFAULT
    from cleaner.formats.html import _layout_table

    rows = "\n".join(f"| {i} | Driver {i} | {5000 - i} | {i % 3} |" for i in range(30))
    assert not _layout_table("Standings after 36 races:\n" + rows, DEFAULT)


def test_bytes_are_decoded_with_bom_utf8_or_detection():
    assert decode("Grüße".encode("utf-16")) == "Grüße"
    assert decode(b"\xef\xbb\xbfplain") == "plain"
    assert decode("naïve café".encode("utf-8")) == "naïve café"
    assert "caf" in decode(("Le café est très bon et la crème aussi. " * 5).encode("latin-1"))


@pytest.mark.parametrize("data", [b"%PDF-1.7\n\x00\x01binary", b"\x89PNG\r\n\x1a\n\x00\x00", bytes(range(256)) * 4])
def test_binary_data_is_refused_with_a_clear_error(data):
    with pytest.raises(InputError, match="binary"):
        clean(data)


# hard-wrapped text ------------------------------------------------------------

WRAPPED = """Council approves budget for new library

   The city council on Tuesday approved a budget of 12 million dollars for
   a new central library, ending a debate that had lasted more than three
   years.

   The library will be built on the site of the old bus station and is
   expected to open in 2029, the mayor said after the vote, and the old
   branch libraries will stay open until then.
"""


def test_hard_wrapped_paragraphs_are_joined_into_one_block_each():
    blocks = text_format.blocks(WRAPPED)
    assert [b.line for b in blocks] == [1, 3, 7]
    assert blocks[1].text == ("The city council on Tuesday approved a budget of 12 million dollars for a new central "
                              "library, ending a debate that had lasted more than three years.")


def test_cleaning_a_hard_wrapped_page_twice_changes_nothing():
    once = clean(WRAPPED)
    assert once.count("\n\n") == 2 and clean(once) == once


def test_short_lines_of_an_unwrapped_page_stay_apart():
    # Lines that do not go on in lower case: menus, headlines, one-line
    # paragraphs.  Nothing here is a wrapped paragraph.
    text = "Home\nNews\nSport\nCouncil approves budget for new library\nThe vote was close.\nMore stories\nA teaser headline"
    assert len(text_format.blocks(text)) == 7


def test_a_list_item_after_a_full_line_is_not_joined():
    lines = ["   the council voted on Monday to build new bike lanes across the city and"] * 4
    text = "\n".join(lines + ["   * Rose Street", "   * Mill Lane"])
    blocks = text_format.blocks(text)
    assert [b.text for b in blocks[-2:]] == ["Rose Street", "Mill Lane"]


def test_wrapped_chinese_is_joined_without_a_space():
    head = "北京市交通委员会周二表示连接城市东部和北部的地铁新线路将在今年年底前开通运营 the line"
    text = "\n".join([head, "runs to the airport"] * 3 + ["北京市交通委员会周二表示连接城市东部和北部的地铁新线路将在", "今年年底前开通运营"])
    assert text_format.blocks(text)[-1].text.endswith("新线路将在今年年底前开通运营")


def test_a_feed_records_wrapped_body_is_joined_too():
    record = "---\ntitle: Council approves budget for new library\n---\n" + WRAPPED.split("\n", 2)[2]
    doc = clean_document(record)
    assert "dollars for a new central library" in doc.text
