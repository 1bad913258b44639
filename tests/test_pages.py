"""Hand-made HTML pages in several languages: snippets that must and must not
come out, from the raw HTML and from the page's text.

Each ``fixtures/pages/<name>.html`` is a page written for this project in the
way of a real site of its kind (a WordPress blog, a news portal, a live blog,
a page laid out with a table...), and ``<name>.snippets`` says, from
CONVENTIONS.md, what the cleaned text holds: ``+ text`` must appear in it,
``- text`` must not (whitespace compared loosely).  This is the shape of the
multilingual evaluation the project is judged by, on pages of our own.  Each
page is cleaned three ways: as HTML (trafilatura, then the text stages), and
as the text the two converters of CONVENTIONS.md section 2 make of it.
"""
from __future__ import annotations

import re

import html_text
import inscriptis
import pytest

from cleaner import clean
from conftest import FIXTURES

PAGES = sorted((FIXTURES / "pages").glob("*.html"))

CONVERTERS = {
    "html": lambda html: html,
    "inscriptis": inscriptis.get_text,
    "html-text": lambda html: html_text.extract_text(html, guess_layout=True),
}

#: trafilatura leaves a standfirst that stands beside the <h1> out of the
#: main text.  cleaner.formats.standfirst puts it back when the markup names
#: it ("teaser", "dek", "chapo"...) or the page's description repeats it;
#: on these pages it is neither (an <h2> with a bare class, a second
#: subtitle, a description worded otherwise).
_DEK = "HTML: trafilatura leaves out the standfirst beside the headline, and nothing names it"

#: Known failures by page and input, each with what goes wrong (strict:
#: fixing one fails the run until it is taken off this list).
KNOWN_FAILURES = {
    ("en_press", "html"): "a press release's 'SOURCE <company>' line is kept",
    ("fr_blog", "html"): "a recipe's rating line '★★★★★ 4.8/5 (212 votes)' is kept",
    ("fr_blog", "inscriptis"): "the author's bio ('Julie est passionnée de cuisine...') names no job",
    ("fr_blog", "html-text"): "the author's bio ('Julie est passionnée de cuisine...') names no job",
    ("pl_portal", "html"): "the title of a video embedded in the article ('Zima zaskoczyła drogowców. Zobacz nagranie') is kept",
    ("pl_portal", "inscriptis"): "the title of a video embedded in the article is kept",
    ("pl_portal", "html-text"): "the title of a video embedded in the article is kept",
    ("de_blog", "inscriptis"): "a closing sentence after a shopping box falls outside the article",
    ("de_blog", "html-text"): "a closing sentence after a shopping box falls outside the article",
    ("zh_br", "inscriptis"): "a layout table puts a sidebar headline on the article's first line",
    ("ko_news", "inscriptis"): "the second of two subtitles under the headline is dropped",
    ("ko_news", "html-text"): "the subtitles, and a '■' subheading under an inline box, are dropped",
    ("de_agentur", "html"): "a caption inside a layout table's cell, read whole, stays with the article",
    ("en_recipe_blog", "html"): "trafilatura leaves out the recipe card and a subheading",
    ("en_recipe_blog", "inscriptis"): "the recipe card (ingredients, steps) after the post falls outside the article",
    ("en_recipe_blog", "html-text"): "the recipe card (ingredients, steps) after the post falls outside the article",
    ("en_wire", "inscriptis"): "the agency's standards line is kept",
    ("en_wire", "html-text"): "a sidebar headline and the agency's standards line are kept",
    ("es_elpais", "inscriptis"): "a subheading under an inline 'Más información' box is taken for its item",
    ("es_elpais", "html-text"): "a subheading under an inline box is taken for its item; a caption and a menu item are kept",
    ("it_corriere", "inscriptis"): "a subscription offer between the article's last paragraphs is kept",
    ("it_corriere", "html-text"): "a subscription offer between the article's last paragraphs is kept",
    ("zh_hk", "inscriptis"): "a layout table: inscriptis puts sidebar items on the article's lines",
    ("zh_hk", "html-text"): "a caption and the page's header lines are kept",
    ("de_agentur", "inscriptis"): "a layout table: inscriptis puts the menu column and the headline on the same lines",
    ("de_lokal_blaulicht", "html"): "trafilatura leaves out the 'Zeugen gesucht' box that ends the report",
    ("de_ratgeber", "html"): "an affiliate product's headline ('Mietrechtsschutz schon ab 9,80 € im Monat') is kept",
    ("de_ratgeber", "inscriptis"): "an affiliate product's headline ('Mietrechtsschutz schon ab 9,80 € im Monat') is kept",
    ("de_ratgeber", "html-text"): "an affiliate product's headline, the table of contents' header and a newsletter pitch are kept",
    ("de_sport", "inscriptis"): "the headline loses to an embedded video's title; the line-up box after the report is dropped",
    ("de_sport", "html-text"): "the line-up box after the report is dropped; a share counter is kept",
    ("en_opinion", "inscriptis"): "the guest author's bio is followed by the page's disclaimer, so it is not at the end",
    ("en_opinion", "html-text"): "the guest author's bio is followed by the page's disclaimer, so it is not at the end",
    ("en_press_release", "html"): "the standfirst is left out; the newswire's 'SOURCE <company>' and 'View original content' lines are kept",
    ("en_press_release", "inscriptis"): "the standfirst is dropped; a newswire photo credit '(PRNewsfoto/...)' and its caption are kept",
    ("en_press_release", "html-text"): "the standfirst is dropped; a newswire photo credit '(PRNewsfoto/...)' and its caption are kept",
    ("en_science", "html"): "trafilatura leaves out the standfirst, the 'Key takeaways' box and the subheadings",
    ("zh_tech_blog", "html"): "trafilatura's precision setting leaves out subheadings and a code block",
    ("zh_tech_blog", "inscriptis"): "'asyncio.Semaphore' is cut like two sentences glued together; code lines are judged as prose",
    ("zh_tech_blog", "html-text"): "'asyncio.Semaphore' is cut like two sentences glued together; code lines are judged as prose",
    # The *_held pages were written after this session's rules and kept out of
    # their making, to measure how the rules carry over; their failures stand.
    ("es_held", "html"): "trafilatura leaves out a subheading; a reader's comment is kept",
    ("zh_held", "html"): "a caption whose credit ('摄影：黄立川') stands apart, and a QR-code appeal, are kept",
    ("zh_held", "html-text"): "a caption whose credit ('摄影：黄立川') stands apart is kept",
    ("ko_news", "html"): _DEK,
    # Pages written in later rounds of the same session (held-out batches
    # 2-4 in the closing note): each was measured before the rules that
    # came from it, and these failures stand.
    ("cs_zpravy", "html"): "trafilatura keeps a comment table ('| name | date |' rows, then the comment) after the article",
    ("en_national", "html"): "trafilatura leaves out the last item of the 'Key points' list above the article",
    ("en_technews", "inscriptis"): "a newsletter box's one-sentence pitch, between its name and its form, is kept",
    ("en_technews", "html-text"): "a newsletter box's one-sentence pitch, between its name and its form, is kept",
    ("es_deportes", "inscriptis"): "a byline that is a name and a town, with no 'Por', is kept",
    ("es_deportes", "html-text"): "a byline that is a name and a town, with no 'Por', is kept",
    ("fr_sante", "html"): "trafilatura leaves out the FAQ at the end of the article (headings and answers)",
    ("ko_econ", "inscriptis"): "a caption a blank line above its credit ('사진 제공=동해정밀') is kept",
    # Held-out batch 5: measured on the code before any rule came from it.
    ("es_economia", "html"): "a newsletter box's pitch ('Recibe cada mañana en tu correo ...') is kept",
    ("zh_local", "html"): "a caption a blank line above its credit ('青溪日报记者 陈默 摄') is kept",
    # Held-out batch 7: measured on 4babc18, before any rule came from it.
    ("de_feuilleton", "inscriptis"): "a punning headline shares no word with the article, and the kicker above it, longer than it, does",
    # Held-out batch 10: measured on 1cd6a61, before any rule came from it.
    ("de_liveticker", "html-text"): "a live blog's first section heading, above its first timestamped entry, falls before the article's start",
    ("de_wahl", "html"): "trafilatura leaves out the results table's title",
    ("pl_mecz", "inscriptis"): "the line-up box that closes the match report, with no paragraph after it, falls outside the article",
    ("pl_mecz", "html-text"): "the line-up box that closes the match report, with no paragraph after it, falls outside the article",
    # Held-out batch 12: measured on 2e2d081, before any rule came from it.
    ("en_transfer", "html"): "trafilatura leaves out the text of the embedded social post the article quotes",
    ("en_travel", "html-text"): "the last section's heading and its one short paragraph cost the article's span more than they add",
    ("pl_rada", "html"): "trafilatura leaves out an item of the article's list",
    ("zh_rengong", "html"): "trafilatura leaves out an item of the key-points box",
    ("zh_shehui", "html"): "a caption in a <p> beside its picture, on a page that marks other captions as <figcaption>, is kept",
    # Held-out batch 13: measured on e442c86, before any rule came from it.
    ("de_promi", "inscriptis"): "an embedded post's consent placeholder ('An dieser Stelle finden Sie einen externen Inhalt...') is kept",
    ("de_promi", "html-text"): "an embedded post's consent placeholder ('An dieser Stelle finden Sie einen externen Inhalt...') is kept",
    ("en_climate", "inscriptis"): "a donation box's sentence with no appeal phrase in it ('Independent climate reporting takes time...') is kept",
    ("en_climate", "html-text"): "a donation box's sentence with no appeal phrase in it ('Independent climate reporting takes time...') is kept",
    ("en_schools", "inscriptis"): "'Top Story' over the headline is taken for a box, and the headline for its item; a caption under a share bar is kept",
    ("en_schools", "html-text"): "'Top Story' over the headline is taken for a box, and the headline for its item; a caption under a share bar is kept",
    ("pl_kraj", "html"): "trafilatura leaves out an item of the article's list",
    ("zh_jiankang", "html"): "a caption in a <p> of its own, with the credit in the next <p>, is kept",
    ("zh_tw_caijing", "html"): "a newsletter pitch with no appeal phrase in the lexicon is kept",
    ("zh_tw_caijing", "inscriptis"): "the byline '〔記者陳怡君／台北報導〕' opening the first paragraph is not cut off",
    ("zh_tw_caijing", "html-text"): "the byline '〔記者陳怡君／台北報導〕' opening the first paragraph is not cut off",
}


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _snippets(page) -> tuple[list[str], list[str]]:
    lines = page.with_suffix(".snippets").read_text(encoding="utf-8").splitlines()
    must = [_flat(line[2:]) for line in lines if line.startswith("+ ")]
    must_not = [_flat(line[2:]) for line in lines if line.startswith("- ")]
    return must, must_not


def _param(page, variant):
    reason = KNOWN_FAILURES.get((page.stem, variant))
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(page, variant, id=f"{page.stem}-{variant}", marks=marks)


@pytest.mark.parametrize("page, variant", [_param(p, v) for p in PAGES for v in CONVERTERS])
def test_page_snippets(page, variant):
    out = _flat(clean(CONVERTERS[variant](page.read_text(encoding="utf-8"))))
    must, must_not = _snippets(page)
    assert must and must_not
    assert [s for s in must if s not in out] == []
    assert [s for s in must_not if s in out] == []


def test_every_page_has_its_snippets():
    assert len(PAGES) >= 60
    assert all(p.with_suffix(".snippets").is_file() for p in PAGES)


def test_every_known_failure_names_a_page():
    names = {p.stem for p in PAGES}
    assert {name for name, _ in KNOWN_FAILURES} <= names
