"""Each stage on small documents: which blocks it marks, and with which rule."""
from __future__ import annotations

import pytest

from cleaner import Config, clean, clean_document
from cleaner.document import Quality, Role
from cleaner.rules import Rule
from cleaner.stages import dedupe, region, repair

PARA = "The council voted on Monday to build new bike lanes across the city, the largest expansion of the network in a decade."
PARA2 = "Work on the first stretch along the river will begin in the spring and is expected to take about four months to finish."
PARA3 = "Shop owners on the affected streets asked for the work to be done in stages so that their deliveries could continue."


def rules_by_text(text: str, **kw) -> dict[str, str]:
    return {b.text: b.rule for b in clean_document(text, **kw).blocks}


# repair ----------------------------------------------------------------------

def test_repair_splits_sentence_glue_and_keeps_every_character():
    line = "Your support makes all the difference.Secretary of State Antony Blinken is planning to travel."
    pieces = repair.split(line)
    assert pieces == ["Your support makes all the difference.", "Secretary of State Antony Blinken is planning to travel."]
    assert "".join(pieces) == line


COLLAPSED_STORY = [
    PARA, PARA2, PARA3,
    "The plan adds forty kilometres of protected lanes to the forty that the city already has.",
    "Cyclists have asked for a safer route along the river for more than ten years.",
    "Several councillors said the money would be better spent on repairing the roads.",
    "The mayor replied that the lanes would take cars off the roads and save on repairs.",
    "A survey last spring found that most residents would cycle more if the routes were safer.",
    "The first stretch will connect the main station with the university campus.",
    "Later stages will reach the suburbs in the north and the industrial port in the east.",
    "The council will publish the timetable for each stage on its website next month.",
    "Residents can comment on the plans at three public meetings in January.",
]


def test_a_page_collapsed_onto_one_line_is_cut_into_sentences():
    # Some converters and data sets lose every line break: the page is one
    # line, which kept whole would be all menu or all article.  (The menu
    # stays glued to the first sentence: nothing marks where it ends.)
    footer = "Privacy Policy Terms of Use Cookie settings © 2026 Example News. All rights reserved."
    text = "Home News Sport Weather Bike lanes approved " + " ".join(COLLAPSED_STORY) + f" {footer}"
    doc = clean_document(text, include_title=False)
    assert len(doc.blocks) == len(COLLAPSED_STORY) + 2  # the menu stays with the first sentence
    assert doc.text.endswith(" ".join(COLLAPSED_STORY[1:]))  # kept sentences stay one paragraph
    assert "rights reserved" not in doc.text
    assert clean(doc.text, include_title=False) == doc.text


def test_on_a_collapsed_page_a_sentence_of_capitalised_words_is_a_menu():
    menu = "Home News Sport Weather Culture Travel Business Opinion Obituaries Classifieds Jobs Homes Cars Contact Us."
    doc = clean_document(f"{menu} " + " ".join(COLLAPSED_STORY), include_title=False)
    assert [b.rule for b in doc.blocks if b.text == menu] == [Rule.CAPITALISED_RUN]
    assert doc.text == " ".join(COLLAPSED_STORY)


def test_a_collapsed_chinese_page_is_cut_at_its_full_stops():
    # 700 characters of Chinese are 350 words: a collapsed page, though
    # short in characters.
    story = [f"记者从中国汽车工业协会获悉，今年{m}月我国新能源汽车产量同比增长百分之二十八，市场需求持续旺盛，企业纷纷扩大产能。" for m in range(1, 11)]
    text = "首页 | 新闻 | 财经 | 科技 | 体育 " + "".join(story) + "版权所有 © 2026 新闻网"
    doc = clean_document(text, include_title=False)
    assert "".join(story[1:]) in doc.text.replace(" ", "")
    assert "版权所有" not in doc.text


def test_on_a_collapsed_page_a_long_run_of_headlines_is_not_a_sentence():
    # Teaser headlines strung together with no full stop: 40+ words, half
    # of them capitalised (the short-run rule wants three quarters).
    teasers = ("Most Popular Thousands Of Disney Plus Accounts Were Hacked And Sold Online Man charged in "
               "Northwest Side killing Spurs Lose Again At Home As Popovich Looks For Answers City Council "
               "approves new budget for parks Watt Gives Out His Phone Number On Twitter Weather service "
               "warns of storms this weekend in Bexar County.")
    doc = clean_document(" ".join(COLLAPSED_STORY) + " " + teasers, include_title=False)
    assert [b.rule for b in doc.blocks if b.text == teasers] == [Rule.CAPITALISED_RUN]


def test_repair_leaves_abbreviations_and_names_alone():
    for line in ("The U.S.Army said so.", "He uses Node.js daily.", "McDonald's and iPhone sales rose."):
        assert repair.split(line) == [line]


def test_glued_pieces_keep_their_input_line_number():
    doc = clean_document(f"{PARA}\n\nA caption of the photo in BeijingImage: Jane Doe/REUTERS\n\n{PARA2}\n\n{PARA3}")
    pieces = [b for b in doc.blocks if b.line == 3]
    assert [b.rule for b in pieces] == [Rule.CAPTION_TEXT, Rule.CAPTION_LABEL]


# heuristics ------------------------------------------------------------------

def test_heuristic_classes():
    doc = clean_document(f"Home\n\n{PARA} {PARA2}\n\nApple Banana Cherry Dates Elderberry Figs Grapes Honeydew Kiwi Lemon Mango")
    by_text = {b.text: b for b in doc.blocks}
    assert by_text["Home"].rule == Rule.NAVIGATION
    assert by_text[f"{PARA} {PARA2}"].quality is Quality.GOOD
    assert by_text["Apple Banana Cherry Dates Elderberry Figs Grapes Honeydew Kiwi Lemon Mango"].rule == Rule.LOW_STOPWORDS


@pytest.mark.parametrize("line,rule", [
    ("----- *** -----", Rule.NO_LETTERS),
    ("https://example.com/a https://example.com/b see www.example.org/c", Rule.LINK_DENSE),
    ("buy now " * 15, Rule.REPETITIVE),
    ("Explore The Top Spots in The Rivertown NeighborhoodVisiting Rivertown, or just looking to "
     "appreciate it, there is a lot to see", Rule.GLUED_TEASER),
])
def test_heuristic_drop_rules(line, rule):
    doc = clean_document(f"{PARA} {PARA2}\n\n{line}\n\n{PARA3} {PARA2}")
    assert [b.rule for b in doc.blocks if b.text.endswith(line.strip()[-9:])] == [rule]


def test_heuristic_keep_rules_name_the_class():
    rules = rules_by_text(f"{PARA} {PARA2}\n\n{PARA3}\n\n{PARA2} {PARA}")
    assert rules[f"{PARA} {PARA2}"] == Rule.GOOD
    assert rules[PARA3] == Rule.NEAR_GOOD


ZH_LEAD = "本报北京11月17日电（记者李华）记者从中国商飞公司获悉，国产大飞机C919日前完成第一千次商业飞行，累计运送旅客超过十五万人次。"
ZH_BODY = "据介绍，目前已有三家航空公司运营C919，航线覆盖北京、上海、广州等主要城市。今年以来，C919的月均飞行小时数稳步增长，运行可靠性不断提升。"


@pytest.mark.parametrize("line,quality", [
    (ZH_LEAD, Quality.NEAR_GOOD),  # few function characters, but a sentence with clause commas
    ("北京 上海 广州 深圳 天津 重庆 成都 武汉 杭州 南京 西安 长沙 郑州 青岛 大连 厦门", Quality.BAD),  # a list
], ids=["news_lead", "list_of_cities"])
def test_chinese_sentence_is_prose_by_its_punctuation(line, quality):
    doc = clean_document(f"{ZH_BODY}\n\n{line}\n\n{ZH_BODY}")
    assert doc.language == "zh"
    assert [b.quality for b in doc.blocks if b.text == line] == [quality]


def test_traditional_chinese_prose_counts_its_function_words():
    # Taiwan and Hong Kong write 這、們、個、為、會、對 where the mainland writes 这、们、个、为、会、对.
    para = ("土木工程拓展署昨日（14日）向觀塘區議會交代海濱長廊延伸工程的最新進展，表示工程將於明年首季正式動工，"
            "把現有的觀塘海濱花園向東延伸約1.2公里，連接至茶果嶺一帶。署方預計工程分三期進行，首段最快於2026年底開放，全段則於2028年完成。")
    doc = clean_document(f"{para}\n\n{para[::-1]}")
    assert doc.language == "zh"
    assert [b.quality for b in doc.blocks if b.text == para] == [Quality.GOOD]


def test_menu_run_of_bullets_is_dropped():
    menu = "\n".join(f"  * {w}" for w in ("News", "Sport", "Culture", "Travel"))
    rules = rules_by_text(f"{menu}\n\n{PARA}\n\n{PARA2}")
    assert rules["Sport"] == Rule.MENU_RUN


def test_a_subheading_with_another_bullet_does_not_join_the_menu_run_above_it():
    links = "\n".join(f"  * {w}" for w in ("Storm warning for the coast", "Ferry times change", "Bridge closes in June"))
    after = ["More than half of the island's working divers are now over seventy, and the school hopes to train thirty new ones a year.",
             "The course runs every Saturday from October to February, and it ends with a month of dives alongside experienced divers."]
    text = f"{PARA} {PARA2}\n\n{links}\n\n■ Half of the divers are over seventy\n\n{after[0]} {PARA3}\n\n{after[1]} {PARA3}"
    assert rules_by_text(text)["Half of the divers are over seventy"] == Rule.INSIDE


# region ----------------------------------------------------------------------

def test_best_span_is_the_maximum_sum_run():
    assert region.best_span([-1, 5, -2, 4, -9, 3]) == (1, 4)
    assert region.best_span([-3, -1]) == (0, 0)
    assert region.best_span([]) == (0, 0)


def test_short_line_inside_the_article_is_kept_outside_dropped():
    rules = rules_by_text(f"Latest headlines\n\n{PARA}\n\nWhat comes next?\n\n{PARA2}\n\n{PARA3}\n\nMore stories\nOther story")
    assert rules["What comes next?"] == Rule.INSIDE
    assert rules["More stories"] == Rule.RELATED_HEADER


def test_comments_after_a_short_article_are_not_chosen_over_it():
    comment = "I really enjoyed reading this and I think the council should have built even more lanes across the whole city years ago, honestly."
    text = f"{PARA}\n\n{PARA2}\n\n3 Comments\n\n" + "\n\n".join(f"User{i} on May 2, 2020 at 4:47 pm said:\n{comment}" for i in range(3))
    kept = [b.text for b in clean_document(text, include_title=False).kept]
    assert kept == [PARA, PARA2]


def test_hard_end_markers_split_but_related_headers_are_bridged():
    long_para = " ".join([PARA, PARA2, PARA3])
    text = f"{long_para}\n\nMore stories\nA teaser headline here\n\n{long_para}"
    kept = [b.text for b in clean_document(text, include_title=False).kept]
    assert kept == [long_para, long_para] or kept == [long_para]  # dedupe may fold the repeat
    assert clean_document(text).rule_counts()[Rule.RELATED_ITEM] == 1


def test_a_header_with_its_headline_on_the_line_hangs_no_box_under_it():
    # "Read more" and a headline on one line is an inline link; the
    # subheading below it is the article going on, not the box's next item.
    text = f"{PARA} {PARA2}\n\nRead more Storm closes the ports along the coast\n\nWhat happens next?\n\n{PARA3} {PARA}"
    rules = rules_by_text(text)
    assert rules["Read more Storm closes the ports along the coast"] == Rule.RELATED_HEADER
    assert rules["What happens next?"] != Rule.RELATED_ITEM


def test_a_header_with_a_topic_still_owns_the_headlines_under_it():
    text = f"{PARA} {PARA2}\n\nMore from Africa\n\nFloods close the port of Beira\n\n{PARA3} {PARA}"
    assert rules_by_text(text)["Floods close the port of Beira"] == Rule.RELATED_ITEM


BRIEF = ["A fire broke out in a warehouse on Mill Street on Saturday afternoon, the fire brigade said.",
         "Nobody was hurt, and the police are looking into the cause of the fire, a spokesman said."]


@pytest.mark.parametrize("header, blurb", [
    ("About Northwind Energy", "Northwind Energy is a leading developer of renewable energy projects in North America, with more than three gigawatts in operation."),
    ("À propos de Marc Delpech", "Journaliste à l'agence de Figeac depuis 2012, Marc Delpech couvre l'actualité du Ségala et de la vallée du Lot."),
])
def test_an_about_box_named_in_its_header_goes_when_its_paragraph_names_it_again(header, blurb):
    doc = clean_document("\n\n".join([*BRIEF, header, blurb]), include_title=False)
    assert doc.text.split("\n\n") == BRIEF
    assert [b.rule for b in doc.blocks if b.text in (header, blurb)] == [Rule.ABOUT_BOX, Rule.ABOUT_BOX]


def test_a_subheading_about_something_the_paragraph_below_does_not_name_is_the_articles():
    section = ["About Town Hall", "The council met on Monday and voted to keep the old building open for another year, the mayor said."]
    doc = clean_document("\n\n".join([*BRIEF, *section, BRIEF[0] + " " + BRIEF[1]]), include_title=False)
    assert all(b.rule is not Rule.ABOUT_BOX for b in doc.blocks)


def test_the_authors_name_under_an_about_the_author_header_goes_with_the_bio():
    bio = "Jonas schreibt seit 2019 für das Magazin über IT-Sicherheit, Datenschutz und alles, was mit Android zu tun hat."
    doc = clean_document("\n\n".join([*BRIEF, "Über den Autor", "Jonas Brettschneider", bio]), include_title=False)
    assert [b.rule for b in doc.blocks if b.text in ("Jonas Brettschneider", bio)] == [Rule.ABOUT_BOX, Rule.ABOUT_BOX]


def test_a_subheading_set_back_from_an_inline_box_is_the_articles():
    # inscriptis indents the box; the subheading stands at the paragraphs' indent.
    more = ["Farmers in the valley have been carrying water to their herds in tanks since the springs ran dry in July, the union said.",
            "The prefecture will meet the farmers' unions and the towns on August 22 to decide whether the restrictions go on."]
    text = (f"Bike lanes for the whole city\n\n  {PARA} {PARA2}\n\n    Read also\n\n    Water restrictions: the map of the towns\n\n"
            f"  Herds watered from the tank\n\n  {more[0]} {PARA3}\n\n  {more[1]} {PARA3}")
    rules = rules_by_text(text)
    assert rules["Water restrictions: the map of the towns"] == Rule.RELATED_ITEM
    assert rules["Herds watered from the tank"] == Rule.INSIDE


def test_a_subheading_under_a_box_in_flat_text_is_the_articles_when_the_paragraphs_below_take_it_up():
    # html-text has no indent: the subheading names what the next paragraphs say.
    more = ["The new drivers give a warm and full sound with plenty of bass, and the noise cancelling copes with a plane's engines.",
            "On the underground the noise cancelling turned the screech of the rails into a hum, and the sound stayed clear."]
    text = (f"Earbuds review\n\n{PARA} {PARA2}\n\nRead also\n\nThe best budget phones we have tested this year\n\n"
            f"Sound and noise cancelling\n\n{more[0]}\n\n{more[1]}")
    rules = rules_by_text(text)
    assert rules["The best budget phones we have tested this year"] == Rule.RELATED_ITEM
    assert rules["Sound and noise cancelling"] == Rule.INSIDE


def test_a_short_line_after_a_boxs_one_long_headline_is_the_articles_subheading():
    # Flat text, no words shared: a subheading is short, a teaser's headline long.
    text = (f"Bike lanes for the whole city\n\n{PARA} {PARA2}\n\nRead also\n\n"
            f"Microplastics found even in the deepest trench of the Pacific Ocean\n\nMeltwater as a route\n\n"
            f"{PARA3} {PARA}\n\nAdvertisement\n\n{PARA2} {PARA3}")
    rules = rules_by_text(text)
    assert rules["Microplastics found even in the deepest trench of the Pacific Ocean"] == Rule.RELATED_ITEM
    assert rules["Meltwater as a route"] == Rule.INSIDE


def test_a_second_headline_in_a_box_that_the_paragraphs_below_do_not_take_up_stays_in_the_box():
    text = (f"Bike lanes for the whole city\n\n{PARA} {PARA2}\n\nRead also\n\nThe best budget phones we have tested this year\n\n"
            f"Storm closes the harbour for a week\n\n{PARA3} {PARA}\n\n{PARA2} {PARA3}")
    assert rules_by_text(text)["Storm closes the harbour for a week"] == Rule.RELATED_ITEM


def test_a_question_headline_under_a_related_header_is_the_boxs():
    text = f"{PARA} {PARA2}\n\nRead also\nMelatonin over the counter: should parents worry about it?\n\n{PARA3} {PARA}"
    assert rules_by_text(text)["Melatonin over the counter: should parents worry about it?"] == Rule.RELATED_ITEM


def test_a_box_printed_as_a_tight_list_ends_at_the_first_blank_line():
    box = "Latest news\nClimate Biodiversity Energy Water\nThe Paper\nClimate and Environment"
    text = f"{box}\n\nBees\n\nBeekeepers lose a third of their hives in two years\n\n{PARA} {PARA2}\n\n{PARA3}"
    rules = rules_by_text(text)
    assert rules["Climate and Environment"] == Rule.RELATED_ITEM
    assert rules["Beekeepers lose a third of their hives in two years"] == Rule.TITLE


def test_the_headline_is_the_line_the_pages_title_opens_with():
    # html-text prints the <title> first: "<headline> | <section> | <site>".
    text = (f"Council lanes plan passes | City | The Paper\n\nBike Lanes City\n\n"
            f"Council lanes plan passes\n\n{PARA} {PARA2}\n\n{PARA3}")
    assert clean_document(text).title == "Council lanes plan passes"


def test_of_two_lines_the_pages_title_opens_with_the_headline_is_the_one_that_spells_more_of_it():
    # A breadcrumb's last item repeats the headline's first words.
    text = (f"City bike lanes: the rights cyclists gain - The Paper\n\nNews\n\nCity bike lanes\n\n"
            f"City bike lanes: the rights cyclists gain\n\n{PARA} {PARA2}\n\n{PARA3}")
    assert clean_document(text).title == "City bike lanes: the rights cyclists gain"


def test_a_kicker_in_capitals_over_the_headline_is_not_the_headline():
    text = f"News\n\nCITY NETWORK PLAN\n\nCouncil backs lanes despite protest\n\n{PARA} {PARA2}\n\n{PARA3}"
    assert clean_document(text).title == "Council backs lanes despite protest"


_MENU = "\n".join(["News", "Sport", "Business", "Weather", "Property", "Jobs"])
_CRIME_MENU = "\n".join(["Home", "Crime and courts", "Local sport", "Arts and culture", "Business", "Jobs"])
_DASHED = "Night lanes – the real bill for cutting them lands on the riders and the shops"
_LONG_HEAD = "Council backs new bike lanes despite the angry protests of local shop owners"
_BODY = f"{PARA} {PARA2}\n\n{PARA3}"

#: (page, headline): which line above the article is its headline.
HEADLINES = {
    # The kicker names the topic in the article's words; the headline puns.
    "short kicker over a longer headline": (
        f"News\n\nCity bike lanes\n\nA network that rides on paint\n\n{_BODY}", "A network that rides on paint"),
    "a headline that is not short keeps it from a longer line under it": (
        f"News\n\nCouncil backs city bike lanes\n\nA network that rides on paint for now\n\n{_BODY}",
        "Council backs city bike lanes"),
    "not the tagline above the site's menu": (
        f"Serving the city and its bike lanes since 1884\n\n{_MENU}\n\n"
        f"Council votes for network of bike lanes along the river\n\n{_BODY}",
        "Council votes for network of bike lanes along the river"),
    # Two shared words count for less than five of a long headline's eight.
    "not a section path sharing two words": (
        f"Opinion / On the bike lanes\n\n{_LONG_HEAD}\n\n{PARA}\n\n{PARA2}\n\n{PARA3}", _LONG_HEAD),
    "not a standfirst of two sentences under it": (
        "News\n\nCutting the lanes saves money only on paper\n\nThe council says few cyclists ride at night. "
        f"That figure tells you who it stopped counting\n\nBy Ann Lee\n\n{PARA} Night cyclists count.\n\n{PARA2}\n\n{PARA3}",
        "Cutting the lanes saves money only on paper"),
    # The <title>'s longest part is not the headline's start, and a short
    # line under the headline shares more words with the article.
    "in a page title whose headline has a dash of its own": (
        f"{_DASHED} - The Paper\n\nNews\n\n{_DASHED}\n\nCity council bike lanes\n\n{_BODY}", _DASHED),
    # Its words recur in the article; a menu given without bullets is no menu_run.
    "not an item of a menu printed one per line": (
        f"{_CRIME_MENU}\n\nTwo fake officers took savings of pensioners in the city\n\n{PARA} Crime and courts reporters say."
        f"\n\n{PARA2}", "Two fake officers took savings of pensioners in the city"),
}


@pytest.mark.parametrize("page, headline", HEADLINES.values(), ids=HEADLINES.keys())
def test_the_headline_is_the_right_line_above_the_article(page, headline):
    assert clean_document(page).title == headline


@pytest.mark.parametrize("text, expected", [
    ("晶禾科技發表低功耗晶片 瞄準智慧農業", True),
    ("執行長在發表會上手持晶片樣品。", False),  # a sentence, by its Chinese full stop
    ("Council backs bike lanes", True),
    ("The council backs bike lanes.", False),
])
def test_headline_like_knows_the_full_stops_of_cjk_text(text, expected):
    from cleaner.config import DEFAULT
    from cleaner.document import Block
    from cleaner.features import compute
    from cleaner.stages.title import headline_like

    block = Block(text, 1)
    block.features = compute(text)
    assert headline_like(block, DEFAULT) is expected


def test_a_row_of_furniture_set_apart_with_dots_is_not_the_headline():
    # A sports page's scorebox line shares the stadium's name with the report.
    text = f"Sport\n\nCity council · Network stadium\n\nLanes win the vote\n\n{PARA} {PARA2}\n\n{PARA3}"
    assert clean_document(text).title == "Lanes win the vote"


def test_a_breadcrumb_of_three_parts_with_slashes_is_not_the_headline():
    text = f"News\n\nCity council / Network / Article\n\nLanes win the vote\n\n{PARA} {PARA2}\n\n{PARA3}"
    assert clean_document(text).title == "Lanes win the vote"


def test_an_article_that_opens_with_the_pages_title_headline_has_it_as_headline_full_stop_and_all():
    head = "Lanes are coming. Drivers will lose parking."
    text = f"Opinion | {head} - The Paper\n\nOpinion | Guest column\n\n{head}\n\n{PARA} {PARA2}\n\n{PARA3}"
    assert clean_document(text).title == head


def test_a_key_points_list_between_the_headline_and_a_caption_is_the_articles():
    text = (f"Bike lanes for the whole city\n\nBy Ann Lee\n\nKey points\nForty kilometres of new lanes by 2027\n"
            f"A third of the parking goes\nWork starts in spring\n\nThe mayor on the new lane. Photo: Jane Doe/Reuters\n\n"
            f"{PARA} {PARA2}\n\n{PARA3}")
    rules = rules_by_text(text)
    assert rules["Forty kilometres of new lanes by 2027"] == Rule.SUMMARY_LIST
    assert rules["Key points"] == Rule.SUMMARY_LIST


def test_a_one_clause_standfirst_without_a_full_stop_right_above_the_byline_is_kept():
    dek = "Drivers lose a third of the parking in the centre while cyclists gain forty kilometres of lanes"
    text = f"Menu\n\nBike lanes for the whole city\n\n{dek}\n\nBy Ann Lee\n\n{PARA} {PARA2}\n\n{PARA3}"
    assert rules_by_text(text)[dek] == Rule.STANDFIRST


def test_a_headline_edited_apart_from_the_pages_title_is_still_found_by_its_opening():
    car = ("The Cresta Hybrid is the first car of its maker with a hybrid engine, and it costs less than the rivals "
           "that it has to beat in a crowded market.")
    text = (f"Valmora Cresta Hybrid on test: thrifty, but with flaws - Motor Magazine\n\nTests\n\nCresta 1.5 Hybrid\n\n"
            f"Valmora Cresta Hybrid on test: thrifty, but not without flaws\n\n{car} {PARA2}\n\n{PARA3}")
    assert clean_document(text).title == "Valmora Cresta Hybrid on test: thrifty, but not without flaws"


def test_the_line_the_pages_title_opens_with_is_found_above_a_review_box():
    verdict = "\n\n".join(["Our verdict 4/5", "Pros", "Warm, detailed sound", "Effective noise cancelling", "Long battery life",
                            "Cons", "Bulky, wobbly case", "App demands an account", "No wireless charging",
                            "Sold at Voltmart", "View deal", "Prices checked daily", "Compare prices"])
    text = f"Lumora Aria 2 review | Gadgets | The Site\n\nReviews\n\nLumora Aria 2 review\n\n{verdict}\n\n{PARA} {PARA2}\n\n{PARA3}"
    assert clean_document(text).title == "Lumora Aria 2 review"


def test_a_box_of_one_headline_right_under_its_header_ends_at_the_blank_line():
    # html-text prints "<h3>Read also</h3><a>...</a>" as two lines; the subheading after is the article's.
    text = (f"{PARA} {PARA2}\n\nRead also\nLogistics centre brings 300 new jobs\n\nA shock, says the union\n\n"
            f"{PARA3} {PARA}\n\n{PARA2} {PARA3}")
    rules = rules_by_text(text)
    assert rules["Logistics centre brings 300 new jobs"] == Rule.RELATED_ITEM
    assert rules["A shock, says the union"] == Rule.INSIDE


LAST = f"{PARA3} The council said so on Monday."


def test_a_box_of_one_link_before_a_subheading_and_a_paragraph_announcing_a_list_is_inside_the_article():
    tips = ["Drink water often, before you are thirsty.", "Stay out of the sun between ten and two.",
            "Wear light, loose clothes and a hat outdoors."]
    text = (f"{PARA} {PARA2}\n\n{PARA3} {PARA}\n\nRead also\nSummer stomach bugs peak as nights stay warm\n\n"
            f"Seven rules for the hot days ahead\n\nThe doctor lists the ways to avoid heat illness in the summer months:\n\n"
            + "\n".join(f"  * {t}" for t in tips) + f"\n\n{LAST}")
    kept = [b.text for b in clean_document(text, include_title=False).kept]
    assert "Summer stomach bugs peak as nights stay warm" not in kept
    assert kept[-4:] == [*tips, LAST]


def test_a_read_more_link_over_a_list_of_headlines_heads_a_box():
    links = "\n".join(f"  * {h}" for h in ("China tightens graphite export curbs, citing national security",
                                          "Lithium prices slump for third year as new mines come online",
                                          "Pentagon signs rare earth magnet deal with Texas startup"))
    rules = rules_by_text(f"{PARA} {PARA2}\n\nRead more\n{links}\n\n{PARA3} {PARA}")
    assert rules["Lithium prices slump for third year as new mines come online"] == Rule.RELATED_ITEM


def test_a_read_more_link_over_one_headline_heads_a_box():
    rules = rules_by_text(f"{PARA} {PARA2}\n\nREAD MORE\nWater rates to rise 4% in July, council decides\n\n{PARA3} {PARA}")
    assert rules["Water rates to rise 4% in July, council decides"] == Rule.RELATED_ITEM


def test_a_read_more_link_over_two_tight_headlines_after_a_blank_line_heads_a_box():
    text = (f"{PARA} {PARA2}\n\nREAD MORE\n\nSoap star's tearful farewell as co-stars line up\n"
            f"Show bosses plot shake-up after ratings fall\n\n{PARA3} {PARA}")
    assert rules_by_text(text)["Soap star's tearful farewell as co-stars line up"] == Rule.RELATED_ITEM


@pytest.mark.parametrize("line, rule", [
    ("Campaign to save the riverside band rooms hits its target in nine days", Rule.RELATED_ITEM),
    ("What the lanes change", Rule.INSIDE),  # a subheading: shorter than a story's headline
])
def test_a_read_more_link_set_apart_over_one_long_headline_heads_a_box(line, rule):
    text = f"{PARA} {PARA2}\n\nRead more\n\n{line}\n\n{PARA3} {PARA}\n\n{PARA2}"
    assert rules_by_text(text)[line] == rule


def test_a_bulleted_box_ends_where_its_bullets_stop():
    # A sidebar "Trending" list, then a breadcrumb and the headline: the
    # headline is not the box's next item.
    text = (f"Trending\n  * School board votes on closures\n  * Flood watch for the river\n"
            f"Local News\n\nFifth Street Bridge to close for 18 months as work begins\n\n{PARA}\n\n{PARA2}")
    rules = rules_by_text(text)
    assert rules["Flood watch for the river"] == Rule.RELATED_ITEM
    assert rules["Fifth Street Bridge to close for 18 months as work begins"] != Rule.RELATED_ITEM
    assert clean_document(text).title == "Fifth Street Bridge to close for 18 months as work begins"


SHORT_PARAS = [
    "Shop owners asked for the work to be done in stages.",
    "The mayor said the first lanes would open by the summer.",
]


@pytest.mark.parametrize("box", ["Related\n\nBike lanes: what other cities did", "Read more Cat rescued from tree after three days"])
def test_a_one_link_box_inside_the_article_does_not_end_it(box):
    text = f"{PARA} {PARA2}\n\n{PARA3} {PARA}\n\n{box}\n\n" + "\n\n".join(SHORT_PARAS) + "\n\nNews\nSport\nWeather"
    kept = [b.text for b in clean_document(text, include_title=False).kept]
    assert kept[-2:] == SHORT_PARAS


def test_a_japanese_related_link_with_its_headline_does_not_end_the_article():
    paras = ["気象庁は22日、東京都心で初雪を観測したと発表した。平年より12日、昨年より20日早い観測となった。",
             "強い寒気の影響で、関東地方の平野部でも朝から雪が降った。都内では一部の鉄道で遅れが出たほか、首都高速道路の一部区間が通行止めとなった。"]
    last = "一方、東北地方の日本海側では大雪となり、山形県では24時間の降雪量が50センチを超えた地点もあった。"
    text = "\n\n".join([*paras, "【関連記事】今冬は寒さ厳しく　気象庁が3か月予報", last, "利用規約 | プライバシーポリシー"])
    assert clean_document(text, include_title=False).text.endswith(last)


@pytest.mark.parametrize("header", ["About us", "O nas", "Über mich", "关于我们", "Forward-Looking Statements"])
def test_an_about_box_after_a_short_article_is_dropped_with_its_header(header):
    brief = ["A fire broke out in a warehouse on Mill Street on Saturday afternoon, the fire brigade said.",
             "Nobody was hurt, and the police are looking into the cause of the fire, a spokesman said."]
    blurb = ("Our portal brings you the most important news from the city and the region every day, and our "
             "reporters are always there where something is happening.")
    doc = clean_document("\n\n".join([*brief, header, blurb, "Contact | Advertise | Terms"]), include_title=False)
    assert doc.text.split("\n\n") == brief
    assert [b.rule for b in doc.blocks if b.text == blurb] == [Rule.ABOUT_BOX]


def test_a_table_of_contents_goes_and_the_introduction_stays_with_the_sections():
    sections = ["Getting there", "Where to stay", "What to eat"]
    intro = f"{PARA} {PARA2}"
    body = "\n\n".join(f"{s}\n\n{PARA3} {PARA} This is about {s.lower()}." for s in sections)
    text = f"{intro}\n\nContents\n" + "\n".join(sections) + f"\n\n{body}\n\nNews\nSport\nWeather"
    doc = clean_document(text, include_title=False)
    assert [b.rule for b in doc.blocks[2:5]] == [Rule.REPEATED_LIST] * 3
    assert doc.text.split("\n\n")[:3] == [intro, sections[0], f"{PARA3} {PARA} This is about getting there."]


def test_a_teaser_list_after_the_article_still_ends_it():
    teasers = "\n\n".join(("Floods close the port of Beira", "Rescue teams reached the city on Sunday after two days of rain.",
                           "Rail strike called off", "The union and the operator agreed on a new contract late on Friday."))
    text = f"{PARA} {PARA2}\n\n{PARA3} {PARA}\n\nMore stories\n\n{teasers}"
    assert [b.text for b in clean_document(text, include_title=False).kept] == [f"{PARA} {PARA2}", f"{PARA3} {PARA}"]


def test_prose_away_from_the_article_is_outside_it():
    menu = "\n\n".join(("News", "Sport", "Weather", "Culture", "Travel", "Contact", "About us"))
    rules = rules_by_text(f"{PARA} {PARA2}\n\n{PARA3} {PARA}\n\n{menu}\n\n{PARA3}")
    assert rules[f"{PARA} {PARA2}"] == Rule.GOOD
    assert rules[PARA3] == Rule.OUTSIDE


def test_a_list_announced_by_a_kept_paragraph_is_kept_as_its_list():
    items = "\n".join(f"  * {s}" for s in ("Rose Street", "Mill Lane", "Harbour Road", "King Street"))
    text = f"{PARA} {PARA2}\n\nThe council listed the streets that will get new lanes first:\n\n{items}\n\n{PARA3} {PARA2}"
    rules = rules_by_text(text)
    assert [rules[s] for s in ("Rose Street", "Mill Lane", "Harbour Road", "King Street")] == [Rule.ANNOUNCED_LIST] * 4


def test_a_name_and_said_before_a_quotation_is_the_article_quoting():
    quote = "“We will open the first lanes before the summer and the rest by the end of the year,” she told reporters."
    doc = clean_document(f"{PARA}\n\nCouncil leader Jane Doe said:\n\n{quote}\n\n{PARA2}\n\n{PARA3}", include_title=False)
    assert doc.rule_counts() == {}
    assert [b.text for b in doc.kept] == [PARA, "Council leader Jane Doe said:", quote, PARA2, PARA3]


def test_a_name_and_said_before_a_comment_is_a_comment_header():
    comment = "I really enjoyed reading this and I think the council should have built even more lanes years ago."
    rules = rules_by_text(f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\nJane Doe said:\n\n{comment}")
    assert rules["Jane Doe said:"] == Rule.COMMENT_HEADER


def test_a_guest_authors_bio_after_the_article_goes():
    bio = "Margaret Ellison is a professor of pediatrics and sleep medicine at Harbor State University."
    doc = clean_document(f"{PARA} {PARA2}\n\n{PARA3} {PARA}\n\n{bio}", include_title=False)
    assert [b.rule for b in doc.blocks if b.text == bio] == [Rule.AUTHOR_BIO]


def test_a_bio_under_its_authors_name_that_opens_with_the_job_goes_with_the_name():
    # "Francesca Moretti", then "Giornalista economica, segue da Roma...",
    # after a list of topics that carried the article's span over them.
    from cleaner.api import parse
    from cleaner.config import DEFAULT
    from cleaner.stages import bio as bio_stage, measure

    bio = "Reporter on the city desk, she has covered the council and its plans for the streets since the year 2015."
    doc = parse(f"{PARA} {PARA2}\n\n{PARA3} {PARA}\n\nJane Miller\n\n{bio}", DEFAULT)
    measure.apply(doc, DEFAULT)
    for block, quality in zip(doc.blocks, (Quality.GOOD, Quality.GOOD, Quality.SHORT, Quality.NEAR_GOOD)):
        block.quality = quality
        block.keep(Rule.INSIDE)
    bio_stage.apply(doc, DEFAULT)
    assert [b.rule for b in doc.blocks] == [Rule.INSIDE, Rule.INSIDE, Rule.AUTHOR_BIO, Rule.AUTHOR_BIO]


# context ---------------------------------------------------------------------

def test_a_caption_alone_under_its_credit_is_dropped():
    caption = "The mayor opened the first stretch on Monday."
    rules = rules_by_text(f"{PARA}\n\nPhoto: Jane Doe/Reuters\n{caption}\n\n{PARA2}\n\n{PARA3}")
    assert rules[caption] == Rule.CAPTION_TEXT


def test_the_paragraph_above_a_caption_that_holds_its_own_credit_is_kept():
    # The credit line carries its caption ("... (Photo: X)"): the line above
    # it, with no blank line between, is the article's lead, not a caption.
    lead = "Four hikers spent several hours on an icy trail near the pass before the rescuers reached them."
    caption = "Rescuers at work near the mountain hut (Photo: Jan Wierzba)"
    rules = rules_by_text(f"{lead}\n{caption}\n\n{PARA}\n\n{PARA2}")
    assert rules[caption] == Rule.CAPTION_WITH_CREDIT
    assert rules[lead] != Rule.CAPTION_TEXT


def test_a_sentence_over_a_credit_alone_in_brackets_is_its_caption():
    # "（X 供图）" on the next line is the credit of the sentence above it, full stop and all.
    para = "市教育局近日印发通知，决定在全市中小学校和幼儿园开展食品安全专项检查，重点检查食堂管理、食材采购和餐具消毒等情况，检查工作将持续到本学期末。"
    caption = "检查组在第三中学食堂查看食品留样记录。"
    rules = rules_by_text(f"{para}\n\n{caption}\n（市教育局体卫艺处 供图）\n\n{para}")
    assert rules[caption] == Rule.CAPTION_TEXT


def test_a_subheading_under_a_caption_that_holds_its_credit_is_kept():
    caption = "A worker checks the bottling line of a cooperative in Ubeda, Jaen. Photo: Jane Doe/Reuters"
    subheading = "The profits of the small olive growers still hang in the air"
    rules = rules_by_text(f"{PARA} {PARA2}\n\n{caption}\n\n{subheading}\n\n{PARA3} {PARA}\n\n{PARA2}")
    assert rules[caption] == Rule.CAPTION_WITH_CREDIT
    assert rules[subheading] != Rule.CAPTION_TEXT


def test_a_caption_a_blank_line_above_its_credit_is_dropped_when_the_figure_is_indented_apart():
    # inscriptis indents a <figure>: caption and credit share an indent the paragraphs do not have.
    caption = "Residents walk across the repaired bridge on Saturday."
    text = f"  {PARA} {PARA2}\n\n    {caption}\n\n    Photo: Jane Doe/Reuters\n\n  {PARA3} {PARA}\n\n  {PARA2}"
    assert rules_by_text(text)[caption] == Rule.CAPTION_TEXT


def test_a_short_sentence_a_blank_line_above_its_credit_between_paragraphs_is_its_caption():
    # Flat text (no indent to tell a figure by): caption, blank line, credit.
    caption = "Residents walk across the repaired bridge on Saturday."
    text = f"{PARA} {PARA2}\n\n{caption}\n\nFot. Tomasz Wróbel / Agencja Obraz\n\n{PARA3} {PARA}\n\n{PARA2}"
    assert rules_by_text(text)[caption] == Rule.CAPTION_TEXT


@pytest.mark.parametrize("above, credit, below", [
    ("Residents walked across the repaired bridge. They had waited for months.", "Photo: Jane Doe/Reuters", PARA3),  # two sentences
    ("Residents walked across the repaired bridge on Saturday.", "Image copyright Reuters", "Image caption The bridge on Saturday"),
    ("Residents walked across the repaired bridge on Saturday.", "Image copyright @cityhall", PARA3),  # an embedded post
    ("The bill now goes to parliament, which has until the end of the year.", "Photo: Jane Doe/Reuters", "Read also:"),
])
def test_a_paragraph_a_blank_line_above_a_credit_is_kept_when_it_is_no_lone_caption(above, credit, below):
    text = f"{PARA} {PARA2}\n\n{above}\n\n{credit}\n\n{below}\n\n{PARA3} {PARA}\n\n{PARA2}"
    assert rules_by_text(text)[above] != Rule.CAPTION_TEXT


def test_a_caption_between_the_standfirst_and_the_article_goes_with_its_credit():
    dek = "The council backs forty kilometres of new lanes, and work starts in spring."
    caption = "Residents walk across the repaired bridge on Saturday."
    text = f"Bike lanes for the whole city\n\n{dek}\n\n{caption}\n\nPhoto: Jane Doe/Reuters\n\n{PARA} {PARA2}\n\n{PARA3}"
    rules = rules_by_text(text)
    assert rules[dek] in (Rule.STANDFIRST, Rule.NEAR_GOOD)
    assert rules[caption] == Rule.CAPTION_TEXT


def test_a_standfirst_over_the_lead_pictures_credit_is_not_its_caption():
    dek = "Our present bike lanes are being turned into a business model."
    text = f"The future of the bike lane\n\n{dek}\n\nPhotograph: Jane Doe/Getty Images\n\n{PARA} {PARA2}\n\n{PARA3}"
    assert rules_by_text(text)[dek] != Rule.CAPTION_TEXT


def test_a_paragraph_a_blank_line_above_a_credit_at_its_own_indent_is_kept():
    sentence = "Residents walked across the repaired bridge on Saturday."
    text = f"  {PARA} {PARA2}\n\n  {sentence}\n\n    Photo: Jane Doe/Reuters\n\n  {PARA3} {PARA}\n\n  {PARA2}"
    assert rules_by_text(text)[sentence] != Rule.CAPTION_TEXT


def test_a_caption_set_off_by_blank_lines_under_its_credit_is_dropped():
    caption = "Parents gathered at the school gates on Friday morning to celebrate the news"
    rules = rules_by_text(f"Bike lanes for the whole city\n\nGetty Images\n\n{caption}\n\n{PARA} {PARA2}\n\n{PARA3}")
    assert rules["Getty Images"] == Rule.CAPTION_CREDIT
    assert rules[caption] == Rule.CAPTION_TEXT


def test_a_subheading_under_a_credit_is_not_its_caption():
    rules = rules_by_text(f"{PARA} {PARA2}\n\nGetty Images\n\nWhat happens next for the lanes\n\n{PARA3} {PARA}")
    assert rules["What happens next for the lanes"] == Rule.INSIDE


def test_a_subheading_in_the_articles_words_under_an_inline_box_is_not_its_second_item():
    # The box's headline is about another story; the subheading, shorter,
    # says what the article says, though not in the two paragraphs under it.
    body = (f"{PARA} Cyclists say the new lanes along the river will be safer. {PARA2}\n\n"
            f"{PARA3} The river lanes open first, and the safer crossings come later.")
    rules = rules_by_text(f"{body}\n\nRead also\n\nMayor opens the new harbour footbridge after two years of works\n\n"
                          f"Football club names a new coach for the coming season\n\n"
                          f"Safer crossings for cyclists\n\n{PARA3} {PARA}\n\n{PARA} {PARA3}")
    assert rules["Mayor opens the new harbour footbridge after two years of works"] == Rule.RELATED_ITEM
    assert rules["Safer crossings for cyclists"] != Rule.RELATED_ITEM


@pytest.mark.parametrize("second", [
    "City lanes: what the network means for cyclists along the river and their safer crossings",  # not shorter
    "Cyclists on the river lanes [VIDEO]",  # ends as the box's headlines do
])
def test_a_line_after_an_inline_boxs_headline_stays_in_the_box_when_it_is_one_of_them(second):
    body = (f"{PARA} Cyclists say the new lanes along the river will be safer. {PARA2}\n\n"
            f"{PARA3} The river lanes open first, and the safer crossings come later.")
    rules = rules_by_text(f"{body}\n\nRead also\n\nMayor opens the new harbour footbridge [PICTURES]\n\n"
                          f"{second}\n\n{PARA2} {PARA}\n\n{PARA3} {PARA}")
    assert rules[second] == Rule.RELATED_ITEM


def test_a_subheading_under_a_tables_source_line_is_not_a_caption():
    rows = "Party Share Seats\nGreens 27.4% 8\nConservatives 24.8% 7\nSocial Democrats 14.2% 4"
    subheading = "Turnout at its highest since the year 1994"
    text = f"{PARA} {PARA2}\n\n{rows}\n\nSource: City of Weilbach, elections office\n\n{subheading}\n\n{PARA3} {PARA}\n\n{PARA2}"
    assert rules_by_text(text)[subheading] != Rule.CAPTION_TEXT


def test_an_ads_text_in_one_box_with_its_label_goes():
    ad = "Heating bills halved? Check for free whether your house suits a heat pump, in two minutes."
    rules = rules_by_text(f"{PARA} {PARA2}\n\nAdvertisement\n{ad}\n\n{PARA3} {PARA}")
    assert rules[ad] == Rule.AD_TEXT


def test_a_paragraph_after_a_bare_ad_label_is_kept():
    rules = rules_by_text(f"{PARA} {PARA2}\n\nAdvertisement\n\n{PARA3}\n\n{PARA} {PARA2}")
    assert rules[PARA3] != Rule.AD_TEXT


def test_the_product_named_above_a_price_goes():
    rules = rules_by_text(f"{PARA} {PARA2}\n\nSleep mask with memory foam\n\nfrom £12\n\nCheck price\n\n{PARA3} {PARA}")
    assert [rules[t] for t in ("Sleep mask with memory foam", "from £12", "Check price")] == [Rule.AD_TEXT, Rule.PRICE, Rule.AD]


def test_a_paragraph_that_goes_on_under_a_credit_is_kept():
    # No blank line after the line below the credit: a page that does not
    # separate its paragraphs, where the line is the article going on.
    text = f"{PARA}\n\nPhoto: Jane Doe/Reuters\n{PARA2}\n{PARA3}"
    rules = rules_by_text(text)
    assert rules[PARA2] != Rule.CAPTION_TEXT and rules[PARA3] != Rule.CAPTION_TEXT


def test_a_list_of_amounts_between_paragraphs_is_the_articles_list():
    items = ["500 g flour", "200 g butter", "3 eggs", "1 lemon"]
    text = f"{PARA} {PARA2}\n\nWhat you need\n\n" + "\n".join(items) + f"\n\n{PARA3} {PARA2}\n\n{PARA}"
    doc = clean_document(text, include_title=False)
    assert [b.text for b in doc.kept] == [f"{PARA} {PARA2}", "What you need", *items, f"{PARA3} {PARA2}", PARA]


def test_a_tables_rows_of_up_to_twelve_words_between_paragraphs_are_the_articles():
    # A results table in text: a row holds a label and several figures.
    rows = ["Indicator 2025 2024 change", "Revenue (billion yuan) 286 239 +20%", "Net profit (billion yuan) 21 15 +42%",
            "Share of the revenue that was earned abroad 37% 29% 8%"]  # 11 words
    # The last row is the longest, and a subheading follows the table.
    text = (f"Battery maker's profit rises by two fifths\n\n{PARA} {PARA2}\n\n" + "\n".join(rows)
            + f"\n\nOrders from abroad\n\n{PARA3} {PARA2}\n\n{PARA}")
    kept = [b.text for b in clean_document(text, include_title=False).kept]
    assert kept == [f"{PARA} {PARA2}", *rows, "Orders from abroad", f"{PARA3} {PARA2}", PARA]


VERDICT = ("If you mostly read books you already own, this is the most comfortable reader we have tested, "
           "and the lanes of the city will not change that.")


def test_a_reviews_closing_boxes_and_verdict_after_its_last_paragraph_are_the_articles():
    pros = ["  * Even front light with an amber setting", "  * Page-turn buttons", "  * Fully waterproof"]
    specs = ["Screen 7-inch, 300 ppi", "Storage 32 GB", "Weight 192 g", "Charging USB-C"]
    text = (f"{PARA} {PARA2}\n\n{PARA3} {PARA}\n\nPros\n\n" + "\n".join(pros) + "\n\nSpecifications\n\n"
            + "\n".join(specs) + f"\n\nVerdict\n\n{VERDICT}\n\nMore from us\n\nBest phones of the year")
    kept = [b.text for b in clean_document(text, include_title=False).kept]
    assert "Even front light with an amber setting" in kept and "Storage 32 GB" in kept and kept[-1] == VERDICT


def test_a_recipes_numbered_steps_after_its_ingredients_are_the_articles():
    steps = ["Heat the oven to 200 degrees and butter a tart tin of about twenty-four centimetres across.",
             "Peel the apples, cut them into quarters and lay them in the tin in tight circles.",
             "Bake for thirty minutes, until the pastry is golden and the apples are soft."]
    text = (f"{PARA} {PARA2}\n\n{PARA3} {PARA}\n\nApple tart\n\nIngredients\n\n  * 1 kg apples\n  * 150 g sugar\n"
            f"  * 1 sheet of pastry\n\nMethod\n\n" + "\n".join(f"   {n}. {step}" for n, step in enumerate(steps, 1)))
    kept = [b.text for b in clean_document(text, include_title=False).kept]
    assert kept[-3:] == steps and "150 g sugar" in kept


def test_a_recipes_steps_printed_flat_are_kept_and_kept_again_when_cleaned_twice():
    steps = ["Heat the oven to 200 degrees, butter a tart tin of about twenty-four centimetres across and put it in the "
             "fridge while you get the apples and the pastry ready for it.",
             "Peel the apples, cut them into quarters and lay them in the tin in tight circles, so that they hold each "
             "other up while they bake and none of the fruit is left over at the end.",
             "Bake for thirty minutes, until the pastry is golden and the apples are soft, then let the tart stand for "
             "ten minutes before you turn it out onto a plate and serve it."]
    text = (f"{PARA} {PARA2}\n\n{PARA3} {PARA}\n\nIngredients\n\n1 kg apples\n150 g sugar\n1 sheet of pastry\n\n"
            f"Method\n\n" + "\n".join(steps))
    once = clean(text, include_title=False)
    assert once.endswith("\n\n".join(steps))
    assert clean(once, include_title=False) == once


def test_a_teaser_list_then_a_named_blurb_after_the_article_is_not_a_closing_box():
    # A name over a paragraph is the site's or the author's, not a box's heading.
    teasers = "\n".join(f"  * {t}" for t in ("Council to vote on parking", "River path reopens", "New bridge opens"))
    blurb = ("The paper has served the town and the villages around it since 1884. It is printed every Thursday "
             "and published online every day by a newsroom of twelve reporters and editors.")
    text = f"{PARA} {PARA2}\n\n{PARA3} {PARA}\n\nMore great stories\n\n{teasers}\n\nKingsmere Gazette\n\n{blurb}"
    kept = [b.text for b in clean_document(text, include_title=False).kept]
    assert blurb not in kept and "River path reopens" not in kept


def test_a_list_punctuated_as_one_sentence_is_the_articles_list():
    items = ["drain and store the garden hoses,", "dig up the dahlia tubers,", "clean and oil the tools,",
             "water the evergreens before the ground freezes."]
    bulleted = "\n".join(f"  * {item}" for item in items)
    text = f"{PARA} {PARA2}\n\nWhat else to do?\n\n{bulleted}\n\n{PARA3} {PARA2}\n\nNews\nSport\nWeather"
    kept = [b.text for b in clean_document(text, include_title=False).kept]
    assert kept == [f"{PARA} {PARA2}", "What else to do?", *items, f"{PARA3} {PARA2}"]


def test_a_recipe_keeps_its_ingredients_and_steps_under_their_headings():
    ingredients = ["1 kg of apples (Golden Delicious or Cox)", "150 g sugar", "80 g salted butter", "1 sheet of pastry"]
    steps = ["Heat the oven to 200 °C.", "Peel the apples and cut them into quarters.",
             "Melt the butter and the sugar in the pan until they turn to a light caramel.",
             "Cover with the pastry and bake for 30 minutes."]
    text = (f"{PARA} {PARA2}\n\nIngredients\n\n" + "\n".join(f"  * {i}" for i in ingredients)
            + "\n\nMethod\n\n" + "\n".join(f"  {n}. {s}" for n, s in enumerate(steps, 1))
            + f"\n\n{PARA3}\n\nNews\nSport\nWeather")
    kept = [b.text for b in clean_document(text, include_title=False).kept]
    assert kept == [f"{PARA} {PARA2}", "Ingredients", *ingredients, "Method", *steps, PARA3]


def test_a_box_of_facts_between_paragraphs_is_the_articles_list():
    facts = ["Distance: 5 km", "Ascent: 300 m", "Difficulty: easy"]
    text = f"{PARA} {PARA2}\n\n" + "\n".join(facts) + f"\n\n{PARA3} {PARA2}\n\n{PARA}"
    doc = clean_document(text, include_title=False)
    assert all(b.listed for b in doc.blocks if b.text in facts)
    assert [b.text for b in doc.kept] == [f"{PARA} {PARA2}", *facts, f"{PARA3} {PARA2}", PARA]


def test_a_list_announced_above_an_image_gallery_reaches_its_items():
    items = ["Blue Origin, Kent, Washington", "Ceres Robotics, Palo Alto, California", "SpaceX, Hawthorne, California"]
    gallery = "Image 1 of 2\n\nA concept of the lander.\n(Image credit: Blue Origin)\n\nImage 2 of 2"
    text = f"{PARA} {PARA2}\n\nThe newly selected three companies are:\n\n{gallery}\n\n" + "\n".join(items) + f"\n\n{PARA3} {PARA2}"
    doc = clean_document(text, include_title=False)
    assert all(b.listed and b.kept for b in doc.blocks if b.text in items)


def test_a_kept_list_prints_line_under_line_and_cleans_to_itself():
    items = ["500 g flour", "200 g butter", "3 eggs", "1 lemon"]
    text = f"{PARA} {PARA2}\n\nWhat you need\n\n" + "\n".join(items) + f"\n\n{PARA3} {PARA2}\n\n{PARA}"
    out = clean(text, include_title=False)
    assert "What you need\n500 g flour\n200 g butter\n3 eggs\n1 lemon\n\n" in out
    assert clean(out, include_title=False) == out


def test_a_last_section_under_a_subheading_the_table_of_contents_names_is_kept():
    toc = "Contents\nThe river path\nThe lake loop\nThe summit"
    last = "The summit is called the guardian of the valley. The climb is harder, but the view pays for it."
    text = (f"Five walks for families\n\n{PARA} {PARA2}\n\n{toc}\n\nThe river path\n\n{PARA3} {PARA}\n\n"
            f"The lake loop\n\n{PARA2} {PARA3}\n\nThe summit\n\n{last}\n\nShare on Facebook\n\n3 Comments\n\nJane says:\nGreat tips!")
    doc = clean_document(text)
    assert doc.text.split("\n\n")[-2:] == ["The summit", last]


def test_a_summary_list_keeps_the_headline_and_standfirst_with_the_article():
    # A live blog: headline, standfirst, byline, "Key points" and its items,
    # then the entries.  The list's short lines must not cut the top off.
    dek = ("Forecasters issued an orange warning for four coastal provinces because of very strong gusts, "
           "and the railway cancelled trains in the north. This live blog keeps you up to date.")
    points = "Key points\n  * Orange warning on the coast\n  * Gusts up to 120 km/h\n  * No trains in the north after 5 pm"
    text = (f"Storm sweeps the country: orange warning on the coast\n\n{dek}\n\nBy Jane Doe\n\n{points}\n\n"
            f"16:45\n\nRoof torn off a sports hall\n\n{PARA} {PARA2}\n\n{PARA3} {PARA}")
    doc = clean_document(text)
    assert doc.title == "Storm sweeps the country: orange warning on the coast"
    assert doc.text.split("\n\n")[1] == dek


def test_a_table_between_paragraphs_is_the_articles_even_with_a_link_after_it():
    rows = ["Region Rate Change", "Greater Poland 2.9 -0.1", "Silesia 3.6 0.0", "Masovia 4.1 -0.2", "Lesser Poland 4.2 -0.1"]
    text = (f"{PARA} {PARA2}\n\nUnemployment by region\n" + "\n".join(rows)
            + f"\n\nREAD ALSO: Minimum wage for next year decided\n\n{PARA3} {PARA}")
    doc = clean_document(text, include_title=False)
    assert [b.text for b in doc.kept][1:-1] == ["Unemployment by region", *rows]


def test_a_menu_between_paragraphs_is_no_list_of_amounts():
    menu = ["News", "Sport", "Weather", "Culture"]
    text = f"{PARA} {PARA2}\n\nSections\n\n" + "\n".join(menu) + f"\n\n{PARA3} {PARA2}\n\n{PARA}"
    doc = clean_document(text, include_title=False)
    assert not any(b.listed for b in doc.blocks)


def test_a_colon_before_a_quotation_announces_no_list():
    quote = "“We cannot support a plan that breaks the promises we made,” the statement read."
    doc = clean_document(f"{PARA}\n\nIn a statement on Tuesday evening, the opposition said:\n\n{quote}\n\n{PARA2}")
    assert not any(b.listed for b in doc.blocks)
    assert [b.text for b in doc.kept][-2:] == [quote, PARA2]


def test_teaser_cards_with_dates_are_dropped():
    card = "Some teaser headline about {n}\nJune {n}, 2023\nA summary sentence of the teased story that runs on for a while to look like prose."
    cards = "\n".join(card.format(n=i) for i in range(1, 5))
    doc = clean_document(f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{cards}")
    assert doc.rule_counts().get(Rule.TEASER_CARDS, 0) >= 6


def test_the_captions_between_a_gallerys_label_and_its_link_go_and_the_article_goes_on_after_it():
    gallery = ("Photo gallery: the new trams on line 20 (14 photos)\n\nTest run on the main street\n\n"
               "Inside the new car, with room for bikes\n\nView all photos")
    last = "The timetable of the new line will be on the operator's website and in its app from Monday onwards."
    rules = rules_by_text(f"{PARA} {PARA2}\n\n{PARA3} {PARA}\n\n{gallery}\n\n{last}\n\nTags\nTrams\nCity")
    assert rules["Inside the new car, with room for bikes"] == Rule.GALLERY_CAPTION
    assert rules["View all photos"] == Rule.GALLERY
    assert rules[last] in (Rule.GOOD, Rule.NEAR_GOOD)


def test_a_byline_label_and_the_name_on_the_next_line_go_together():
    rules = rules_by_text(f"Bike lanes for the whole city\n\nAuthor:\nTomasz Kaczmarek\n\n{PARA} {PARA2}\n\n{PARA3}")
    assert rules["Author:"] == Rule.BYLINE
    assert rules["Tomasz Kaczmarek"] == Rule.BYLINE


def test_appeal_box_between_two_appeal_lines():
    box = "Your support helps us to tell the story\nWe are a small team and every reader counts for the work that we do here every single day.\nYour support makes all the difference."
    rules = rules_by_text(f"{box}\n\n{PARA}\n\n{PARA2}\n\n{PARA3}")
    assert rules["We are a small team and every reader counts for the work that we do here every single day."] == Rule.APPEAL_BOX


def test_two_paywall_labels_around_the_headline_and_byline_frame_no_appeal_box():
    head = "Subscribers only\n\nBike lanes for the whole city\n\nBy Ann Lee\n\nSubscribe to continue reading"
    doc = clean_document(f"{head}\n\n{PARA} {PARA2}\n\n{PARA3}", config=Config(lexicon_languages=("en",)))
    assert doc.title == "Bike lanes for the whole city"
    assert Rule.APPEAL_BOX not in [b.rule for b in doc.blocks]


# dedupe ----------------------------------------------------------------------

LONG = " ".join([PARA2, PARA3])


def test_repeated_line_keeps_the_sentence_ending_copy():
    teaser = PARA.rstrip(".")
    doc = clean_document(f"{LONG}\n\n{teaser}\n\n{PARA}\n\n{LONG}.", include_title=False)
    assert any(b.rule == Rule.DUPLICATE and b.text == teaser for b in doc.blocks)
    assert PARA in [b.text for b in doc.kept]


def test_html_content_keeps_a_repeated_paragraph():
    body = "".join(f"<p>{p}</p>" for p in (PARA, PARA2, PARA, PARA3))
    doc = clean_document(f"<html><body><article>{body}</article></body></html>", include_title=False)
    assert [b.text for b in doc.kept] == [PARA, PARA2, PARA, PARA3]
    text = clean_document("\n\n".join((PARA, PARA2, PARA, PARA3)), include_title=False)
    assert Rule.DUPLICATE in [b.rule for b in text.blocks]


def test_truncated_teaser_of_a_later_paragraph():
    teaser = " ".join(PARA.split()[:12]) + "."
    doc = clean_document(f"{LONG}\n\n{teaser}\n\n{PARA}\n\n{PARA3}", include_title=False)
    assert any(b.rule == Rule.TEASER and b.text == teaser for b in doc.blocks)


ECHO_BODY = [
    "The street was rebuilt in four months, but the arguing about it took eleven years, and most of it happened over coffee. " + PARA,
    "The version that was finally built came out of something much slower: years of meetings with the people who were angriest. " + PARA2,
    "A temporary trial, with planters and paint, is something the city could do next spring for almost nothing at all. " + PARA3,
]


def test_a_link_card_inside_the_article_that_the_list_below_repeats_goes():
    card = "The painted lane is a lie we tell ourselves"
    text = "\n\n".join([ECHO_BODY[0], ECHO_BODY[1], card, ECHO_BODY[2], "Comments", "Top posts", card, "Who plows the bike lane?"])
    assert [b.rule for b in clean_document(text).blocks if b.text == card] == [Rule.ECHOED_TEASER, Rule.OUTSIDE]


def test_the_headline_that_a_most_read_list_repeats_stays():
    headline = "Bike lanes for the whole city by next spring"
    text = "\n\n".join([headline, *ECHO_BODY, "Most read", headline, "Ferry times change on Monday"])
    doc = clean_document(text)
    assert doc.title == headline
    assert all(b.rule is not Rule.ECHOED_TEASER for b in doc.blocks)


def test_a_teaser_above_the_article_is_not_taken_for_its_headline():
    teaser = PARA.rstrip(".")
    doc = clean_document(f"{teaser}\n\n{PARA}\n\n{PARA2}\n\n{PARA3}")
    assert doc.title == ""


def test_teaser_index_is_bounded_on_many_lines_with_one_head():
    doc = clean_document("\n".join(f"same six words in every line {i} and more text follows here." for i in range(3000)))
    dedupe.apply(doc, Config())  # must not be quadratic: runs in well under a second
    assert doc.blocks


# bio -------------------------------------------------------------------------

BODIES = {
    "en": [PARA, PARA2, PARA3],
    "de": ["Der Bundestag hat am Donnerstag eine umfassende Reform des Mietrechts beschlossen. Mit den Stimmen der Koalition wurde die Verlängerung der Mietpreisbremse verabschiedet.",
           "Zudem sollen Indexmieten künftig nur noch um höchstens drei Prozent pro Jahr steigen dürfen. Vermieterverbände kritisierten die Pläne als Eingriff in die Vertragsfreiheit."],
    "fr": ["La Commission européenne a présenté mercredi un projet de règlement qui obligerait les grandes plateformes en ligne à rendre compte chaque année de la manière dont elles modèrent les contenus.",
           "Plusieurs États membres ont salué la proposition, tandis que les représentants du secteur estiment que ces obligations risquent de freiner l'innovation."],
    "pl": ["Rada Ministrów przyjęła we wtorek projekt ustawy budżetowej. Jak poinformował minister finansów, dochody państwa mają wynieść ponad 600 mld zł, a wydatki przekroczą 700 mld zł.",
           "Ekonomiści zwracają uwagę, że prognozy wzrostu gospodarczego przyjęte w projekcie są optymistyczne. Jeśli gospodarka będzie rosła wolniej, luka w finansach publicznych może się powiększyć."],
}


@pytest.mark.parametrize("lang, bio", [
    ("en", "Jane Miller is a reporter who covers energy and the environment for the paper."),
    ("en", "Julius is an LA Entertainment Reporter for Fox News."),
    ("de", "Thomas Müller ist Redakteur im Ressort Politik und schreibt seit vielen Jahren über die Verkehrspolitik des Bundes."),
    ("fr", "Marie Dupont est journaliste au service Politique, où elle suit les questions européennes depuis 2015."),
    ("pl", "Jan Kowalski jest dziennikarzem działu gospodarczego, od lat zajmuje się finansami publicznymi i podatkami."),
])
def test_author_bio_after_the_article_is_dropped(lang, bio):
    body = BODIES[lang]
    doc = clean_document("\n\n".join([*body, bio]), include_title=False)
    assert [b.rule for b in doc.blocks if b.text == bio] == [Rule.AUTHOR_BIO]
    assert doc.text.split("\n\n") == body


def test_bio_shaped_sentence_inside_the_article_is_kept():
    line = "Jane Miller is a reporter who was at the meeting when the council voted on the plan."
    doc = clean_document(f"{PARA}\n\n{line}\n\n{PARA2}\n\n{PARA3}", include_title=False)
    assert line in doc.text.split("\n\n")


# title -----------------------------------------------------------------------

def test_title_is_the_headline_sharing_words_with_the_opening():
    text = f"Why you can trust us\n\nCity council approves new bike lanes\n\nBy Jane Doe\n\n{PARA}\n\n{PARA2}\n\n{PARA3}"
    doc = clean_document(text)
    assert doc.title == "City council approves new bike lanes"
    assert doc.text.startswith("City council approves new bike lanes\n\n")
    assert [b.rule for b in doc.blocks if b.text == doc.title] == [Rule.TITLE]


def test_a_headline_with_an_amount_in_thousands_is_still_a_headline():
    headline = "City council finds £180,000 for new bike lanes"
    text = f"Search Sign in\n\n{headline}\n\nBy Jane Doe\n\n{PARA}\n\n{PARA2}\n\n{PARA3}"
    assert clean_document(text).title == headline


def test_a_few_capitalised_words_opening_the_text_above_the_article_are_its_headline():
    # What cleaning gives back: the headline, then the article.  Cleaning it
    # again must keep the headline, though it looks like a name.
    text = f"Royal Self-Indicting Arrogance\n\n{PARA} {PARA2}\n\n{PARA3}"
    assert clean_document(text).title == "Royal Self-Indicting Arrogance"


def test_without_a_strong_match_the_near_line_sharing_most_with_the_opening_is_the_headline():
    # Neither line shares enough words for a sure match; the page's read
    # count, nearer the article, shares none.
    headline = "Quiet streets, loud council: a city divided over wheels"
    text = f"{headline}\n\nRead 2.3k times Saved 56\n\n{PARA} {PARA2}\n\n{PARA3}"
    assert clean_document(text).title == headline


def test_headline_and_opening_meet_across_inflections():
    # Polish inflects: "Remont ulicy Wrzesińskiej ruszy w poniedziałek" in the
    # headline, "remontu", "ulica Wrzesińska", "poniedziałku" in the text.
    headline = "Remont ulicy Wrzesińskiej ruszy w poniedziałek"
    body = ("Od poniedziałku ulica Wrzesińska zostanie częściowo zamknięta dla ruchu z powodu remontu, a kierowcy pojadą objazdami. "
            "Drogowcy wymienią nawierzchnię i chodniki na odcinku o długości blisko kilometra.\n\n"
            "Prace potrwają do końca października, a wykonawca zapłaci kary za każdy dzień opóźnienia. "
            "Miasto zapowiada, że autobusy pojadą w tym czasie zmienionymi trasami.")
    text = f"Utrudnienia od poniedziałku na Winiarach\n\n{headline}\n\nAutor: Paweł Nowicki\n\n{body}"
    assert clean_document(text).title == headline


ZH_OPENING = (
    "记者从中国汽车工业协会获悉，今年1月至10月，我国新能源汽车产量达到1520万辆，同比增长28.6%，全年产量首次突破1500万辆大关。\n\n"
    "业内专家表示，充电基础设施的持续完善和电池成本的下降，是推动新能源汽车消费快速增长的主要因素。\n\n"
    "出口方面，今年前10个月新能源汽车出口量同比增长35%，欧洲和东南亚市场需求旺盛。"
)


def test_chinese_title_is_the_line_sharing_character_pairs_with_the_opening():
    # A clause of Chinese is one \w+ run; the headline and the article share
    # its words ("新能源汽车", "产量"), never the whole run.
    text = f"我国新能源汽车年产量首次突破1500万辆\n\n滚动新闻：多地迎来今冬首场降雪\n\n{ZH_OPENING}"
    assert clean_document(text).title == "我国新能源汽车年产量首次突破1500万辆"


FURNITURE = "By Jane Doe\n\nPublished 12 November 2026\n\nShare\nFacebook\nTwitter\nEmail\nLinkedIn\nWhatsApp\nReddit\n\n5 min read"
DEK = "Cyclists welcomed the plan, while shop owners worry about their deliveries."


def test_standfirst_under_the_headline_is_kept_past_byline_and_share_bar():
    doc = clean_document(f"City council approves new bike lanes\n\n{DEK}\n\n{FURNITURE}\n\n{PARA}\n\n{PARA2}\n\n{PARA3}")
    assert [b.rule for b in doc.blocks if b.text == DEK] == [Rule.STANDFIRST]
    assert doc.text.split("\n\n")[:3] == ["City council approves new bike lanes", DEK, PARA]


def test_a_standfirst_without_a_full_stop_right_under_the_headline_is_kept():
    dek = ("The council's plan doubles the network in four years, and the first stretch along the river "
           "opens in spring after a long fight over parking and deliveries")
    caption = "Cyclists on the river path on a Saturday morning in October, looking north Jane Doe"
    doc = clean_document(f"City council approves new bike lanes\n\n{dek}\n\n{caption}\n\nJane Doe London\n\n{FURNITURE}\n\n{PARA}\n\n{PARA2}\n\n{PARA3}")
    assert doc.text.split("\n\n")[:3] == ["City council approves new bike lanes", dek, PARA]


@pytest.mark.parametrize("dek, kept", [
    ("Council finds 48 million for lanes. Shop owners ask for a timetable", True),
    ("New York man pleads guilty to threatening to kill Rep. Ilhan Omar", False),  # an abbreviation's dot
])
def test_a_short_standfirst_of_sentences_whose_last_lacks_its_full_stop(dek, kept):
    caption = "Cyclists on the river path on a Saturday morning in October, looking north Jane Doe"
    doc = clean_document(f"City council approves new bike lanes\n\n{dek}\n\n{caption}\n\nJane Doe London\n\n{FURNITURE}\n\n{PARA}\n\n{PARA2}\n\n{PARA3}")
    assert (dek in doc.text.split("\n\n")) is kept


def test_standfirst_that_the_article_repeats_is_not_kept_twice():
    doc = clean_document(f"City council approves new bike lanes\n\n{PARA2}\n\n{FURNITURE}\n\n{PARA}\n\n{PARA2}\n\n{PARA3}")
    assert doc.text.split("\n\n")[1:] == [PARA, PARA2, PARA3]


@pytest.mark.parametrize("line", [
    "Cyclists welcomed the plan",  # not a sentence
    "By Jane Doe and John Roe on Monday, November 18th, 2019 at 11:08 a.m.",  # a byline with its date
])
def test_standfirst_is_a_sentence_of_prose_not_furniture(line):
    doc = clean_document(f"City council approves new bike lanes\n\n{line}\n\n{FURNITURE}\n\n{PARA}\n\n{PARA2}\n\n{PARA3}")
    assert line not in doc.text.split("\n\n")


def test_no_title_leaves_it_out_of_the_text_but_not_the_result():
    text = f"City council approves new bike lanes\n\n{PARA}\n\n{PARA2}"
    doc = clean_document(text, include_title=False)
    assert doc.title == "City council approves new bike lanes"
    assert not doc.text.startswith("City")
    assert [b.role for b in doc.blocks if b.text.startswith("City council")] == [Role.TITLE]
