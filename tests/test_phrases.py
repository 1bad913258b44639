"""Each phrase rule fires on its boilerplate, in several languages, and not on prose."""
from __future__ import annotations

import pytest

from cleaner.config import DEFAULT
from cleaner.document import Block
from cleaner.features import compute
from cleaner.rules import Rule
from cleaner.stages.phrases import match


def rule_of(text: str) -> Rule | None:
    block = Block(text, 1)
    block.features = compute(text)
    return match(block, DEFAULT)


FIRES = [
    ("Skip to content", Rule.NAVIGATION),
    ("Zum Inhalt springen", Rule.NAVIGATION),
    ("You are here: Home", Rule.NAVIGATION),
    ("Page 1 of 12", Rule.NAVIGATION),
    ("Zobacz galerię (12 zdjęć) »", Rule.GALLERY),
    ("Ir a los comentarios", Rule.NAVIGATION),
    ("View all 24 photos", Rule.NAVIGATION),
    ("Home > News > World", Rule.BREADCRUMB),
    ("Inicio » Noticias » Mundo", Rule.BREADCRUMB),
    ("Facebook Twitter Pinterest LinkedIn Tumblr Email Reddit", Rule.SHARE_BAR),
    ("Facebook X (Twitter) Instagram YouTube TikTok", Rule.SHARE_BAR),
    ("Share this article", Rule.SHARE_LABEL),
    ("Artikel teilen", Rule.SHARE_LABEL),
    ("Partager sur Facebook", Rule.SHARE_LABEL),
    ("Udostępnij to:", Rule.SHARE_LABEL),
    ("شارك على فيسبوك", Rule.SHARE_LABEL),
    ("Chia sẻ Facebook Zalo", Rule.SHARE_BAR),
    ("Épinglez cette recette sur Pinterest !", Rule.SHARE_LABEL),
    ("分享 Facebook LINE 複製連結 字級", Rule.SHARE_BAR),
    ("Partager Partager sur Facebook Envoyer par e-mail Partager sur Linkedin", Rule.SHARE_BAR),
    ("X Share via", Rule.SHARE_BAR),
    ("Type above and press Enter to search. Press Esc to cancel.", Rule.SEARCH),
    ("Advertisement", Rule.AD),
    ("Anzeige", Rule.AD),
    ("Sponsorlu İçerik", Rule.AD),  # "İ" folds to "i" and a combining dot
    ("This post may contain affiliate links, which means we may earn a commission.", Rule.DISCLOSURE),
    ("Dieser Beitrag enthält Affiliate-Links. Für dich ändert sich am Preis nichts.", Rule.DISCLOSURE),
    ("Pocket Circuit is supported by its readers. When you buy through links on our site, we may earn an affiliate commission.", Rule.DISCLOSURE),
    ("Inhaltsverzeichnis", Rule.NAVIGATION),
    ("Table of contents", Rule.NAVIGATION),
    ("| 首页 \\| 新闻中心 \\| 政务公开 \\| 便民服务 |", Rule.MENU_ROW),
    ("Dalsza część artykułu pod materiałem wideo", Rule.AD),
    ("More stories from DW", Rule.RELATED_HEADER),
    ("You might also be interested in...", Rule.RELATED_HEADER),
    ("Mehr zum Thema", Rule.RELATED_HEADER),
    ("À lire aussi", Rule.RELATED_HEADER),
    ("Noticias relacionadas", Rule.RELATED_HEADER),
    ("Czytaj także", Rule.RELATED_HEADER),
    ("اقرأ أيضا", Rule.RELATED_HEADER),
    ("Tin liên quan", Rule.RELATED_HEADER),
    ("相关阅读", Rule.RELATED_HEADER),
    ("関連記事", Rule.RELATED_HEADER),
    ("Read more: Storm closes ports along the coast", Rule.RELATED_INLINE),
    ("相关阅读：北京地铁新线路年底开通", Rule.RELATED_INLINE),
    ("延伸阅读 拆解七款旗舰机后，我们找到了内存涨价的真正原因", Rule.RELATED_INLINE),
    ("Lesen Sie auch Parken in Altenbrück Stadt prüft Aufstockung des Bahnhofsparkhauses um zwei Etagen", Rule.RELATED_HEADER),
    ("本文来自微信公众号“硅基观察”（ID：guijiguancha），作者：林舟，编辑：陈默，锐观科技经授权发布。", Rule.SYNDICATION),
    ("This article was originally published on The Conversation. Read the original article.", Rule.SYNDICATION),
    ("Dieser Artikel erschien zuerst bei der Zeit.", Rule.SYNDICATION),
    ("LIRE AUSSI. Retraites : ce que prévoit la réforme", Rule.RELATED_INLINE),
    ("Lesen Sie auch – Tarifstreit: was Pendler jetzt wissen müssen", Rule.RELATED_INLINE),
    ("Image: Leah Millis/REUTERS", Rule.CAPTION_LABEL),
    ("Foto: dpa", Rule.CAPTION_LABEL),
    ("Image copyright Getty Images", Rule.CAPTION_LABEL),
    ("The plague wiped out half of Europe (Image: GETTY)", Rule.CAPTION_WITH_CREDIT),
    ("FILE - Traffic crosses the Fifth Street Bridge in Riverton, Ohio, on Oct. 3, 2024, shortly after the state lowered the bridge's weight limit. (AP Photo/Dale Mertens, File)", Rule.CAPTION_WITH_CREDIT),
    ("Le pont de Riverton, fermé depuis mardi (Photo/AFP)", Rule.CAPTION_WITH_CREDIT),
    ("Lucas Berrocal da instrucciones desde la banda durante la segunda parte. EFE", Rule.CAPTION_WITH_CREDIT),
    ("Barqueiro empurra embarcação por um trecho raso do rio, próximo ao cais de Pirapora, na manhã desta segunda-feira Foto: Leo Drumond/Diário do Sertão", Rule.CAPTION_WITH_CREDIT),
    ("某品牌新机发布会上演示离线运行的端侧AI助手 图片来源：视觉中国", Rule.CAPTION_WITH_CREDIT),
    ("Rabata po jesiennym sprzątaniu. Fot. Anna Kowalska", Rule.CAPTION_WITH_CREDIT),
    ("Ratownicy TOPR podczas akcji w rejonie Hali Gąsienicowej (zdjęcie ilustracyjne)", Rule.CAPTION_WITH_CREDIT),
    ("Le lit du Célé, presque à sec, en aval de Marcilhac. Photo archives L’Écho du Quercy", Rule.CAPTION_WITH_CREDIT),
    ("Fot. Jan Wierzba / Agencja Podhale", Rule.CAPTION_LABEL),
    ("Tom Haverley/Harbourline", Rule.CAPTION_LABEL),  # a name, a slash, the publication
    ("晶禾科技執行長吳宜臻在發表會上手持禾芯 H1 晶片樣品。 圖／晶禾科技提供", Rule.CAPTION_WITH_CREDIT),
    # A caption of 26 words: longer than a line searched all along for phrases.
    ("A pickup truck sits abandoned in standing water near the corner of Franklin Street and East Fourth Street early Wednesday after the storm. Photo: Derrick Olson / KCVW News 8", Rule.CAPTION_WITH_CREDIT),
    ("修复后的古道石阶蜿蜒穿过茶林，部分路段仍保留着当年马蹄踩出的凹痕。（摄影：周启航）", Rule.CAPTION_WITH_CREDIT),
    ("Die Allgemeinmedizinerin in ihrer Praxis in der Verdener Innenstadt. Foto: privat", Rule.CAPTION_WITH_CREDIT),
    ("The case was heard in the town's Market Street courthouse Picture: Gazette archive", Rule.CAPTION_WITH_CREDIT),
    # A menu's "Photos" labelling a credit: the caption rules' line.
    ("Ảnh: H.Minh", Rule.CAPTION_LABEL),
    # The label after the caption's full stop, with no space: "...接受采访。摄影：陈默".
    ("周启明在上海张江办公室接受采访。摄影：陈默/新芯观察", Rule.CAPTION_WITH_CREDIT),
    ("星衡首款车规级座舱辅助芯片样片。图片来源：星衡半导体", Rule.CAPTION_WITH_CREDIT),
    ("Udostępnij Tweetnij Wyślij znajomemu", Rule.SHARE_BAR),
    # A byline without "Por", as a row: name and town, then the date and time.
    ("Lucía Fernández Madrid - 21 nov 2026 - 13:05 CET", Rule.BYLINE),
    ("Jan Kowalski | 14 listopada 2025, 13:05", Rule.BYLINE),
    ("Por Rafael Menezes, Radar Notícias — Cuiabá", Rule.BYLINE),
    ("Hazmat crews work near the Cedar Street rail yard in Millbrook on Thursday afternoon. (Jake Porter / KRBX)", Rule.CAPTION_WITH_CREDIT),
    ("L'intérieur d'une voiture-couchettes rénovée, lors d'une présentation à la presse en 2023. © Claire Dumontet / APE", Rule.CAPTION_WITH_CREDIT),
    ("共同記者会見で手を重ねる5行の頭取ら＝大阪市北区で2025年3月14日午後 （撮影・中村美咲）", Rule.CAPTION_WITH_CREDIT),
    ("Главная » Футбол » Первая лига", Rule.BREADCRUMB),
    ("Words and photographs by Hannah Ridley", Rule.BYLINE),
    ("免责声明：本文仅供健康科普参考，不能替代医生的诊断和治疗建议，如有不适请及时就医。", Rule.LEGAL),  # a legal label opens the sentence
    ("一条电子元器件产线上正在运行的AI视觉质检设备 摄影：本网记者 许曼", Rule.CAPTION_WITH_CREDIT),  # a credit of two words
    ("山小屋のヘリポートに着陸する大型ドローン ＝長野県大町市で2025年10月15日、岡田美咲撮影", Rule.CAPTION_WITH_CREDIT),
    ("Dans les allées du salon, samedi après-midi, entre portants de manteaux. Photo Julie Masson pour Belle Saison", Rule.CAPTION_WITH_CREDIT),
    ("Prototyp Solvana Home 10 podczas testów w domu pod Oleśnicą Fot. materiały prasowe Solvana", Rule.CAPTION_WITH_CREDIT),
    ("L'esultanza di Davide Morandi sotto la curva nord dopo il gol del raddoppio Foto LaPresse Nord / Chiara Valsecchi", Rule.CAPTION_WITH_CREDIT),
    ("Ein Ratgeber von Thomas Renner, Finanzredaktion", Rule.BYLINE),
    ("Hinweis: Mit einem Sternchen markierte Links sind Werbelinks. Kommt darüber ein Kauf zustande, erhalten wir eine Provision.", Rule.DISCLOSURE),
    ("Protesters march through Lyon on Saturday. Photo: Jane Doe/AP", Rule.CAPTION_WITH_CREDIT),
    ("图为某汽车企业生产车间。新华社记者 李明 摄", Rule.CAPTION_LABEL),
    ("（市教育局体卫艺处 供图）", Rule.CAPTION_LABEL),  # a credit alone in brackets: its caption is the line above
    ("写真は記者会見する首相", Rule.CAPTION_LABEL),
    ("台北捷運新路線工程進入最後階段。（記者林志明攝）", Rule.CAPTION_WITH_CREDIT),
    ("Andrew Harnik | Pool | Reuters", Rule.CAPTION_CREDIT),
    ("Photo via Getty Images", Rule.CAPTION_CREDIT),
    ("Getty Images", Rule.CAPTION_CREDIT),
    ("本报记者 李明 摄", Rule.CAPTION_LABEL),
    ("Le téléski des Essarts (Isère), fermé depuis deux saisons, le 28 février 2024. LUCAS BERTHIER POUR « LE MONDE »", Rule.CAPTION_WITH_CREDIT),
    ("Par Clémence Arnaud (Les Essarts, Isère, envoyée spéciale) Publié le 12 mars 2024 à 06h00, modifié à 09h14 Temps de lecture 4 min.", Rule.BYLINE),
    ("By Umair Irfan Updated Nov 13, 2019, 10:28am EST", Rule.BYLINE),
    ("Students wait for a bus on Dunmore Avenue before sunrise on a January school morning. Tomás Reyes / Harbor City Ledger", Rule.CAPTION_WITH_CREDIT),
    ("Have something to say? Write a letter to the editor.", Rule.APPEAL),
    ("Gift this article", Rule.SHARE_LABEL),
    ("Marek Zając / Forum24", Rule.CAPTION_LABEL),
    ("© Julien Marchetti / Hexagone Photo", Rule.CAPTION_LABEL),
    ("© 2024 Le Quotidien. Tous droits réservés.", Rule.COPYRIGHT),
    ("© Riproduzione riservata", Rule.COPYRIGHT),
    ("Wyschnięte koryto Pilicy w okolicach Sulejowa, sierpień 2024 r. Marek Zając / Forum24", Rule.CAPTION_WITH_CREDIT),
    ("Ulica Wrzesińska na wysokości skrzyżowania z ulicą Kawiary. Tak dziś wygląda nawierzchnia Fot. Paweł Nowicki / Gniezno24", Rule.CAPTION_WITH_CREDIT),
    ("Masz temat? Napisz do nas!", Rule.APPEAL),
    ("od 49,99 zł", Rule.PRICE),
    ("ab 59,99 €", Rule.PRICE),
    ("from £12", Rule.PRICE),
    ("Sprawdź cenę", Rule.AD),
    ("press@acmerobotics.example.com", Rule.SHORT_LINK),
    ("E-mail: jane.doe@example.org", Rule.SHORT_LINK),
    ("View original content to download multimedia:https://www.example.com/news-releases/acme-301.html", Rule.SIGNOFF),
    ("Le Monde avec AFP", Rule.SIGNOFF),
    ("Oprac. Tomasz Wiśniewski", Rule.SIGNOFF),
    ("Mit Material von dpa und AFP", Rule.SIGNOFF),
    ("特别声明：以上文章内容仅代表作者本人观点，不代表本站观点或立场。", Rule.COPYRIGHT),
    ("原标题：老旧小区加装电梯，“最后一公里”难在哪", Rule.SYNDICATION),
    ("点击进入专题：城市更新进行时", Rule.NAVIGATION),
    ("Watch: Pupils at Clunbury Heath react to the news their school will stay open", Rule.CAPTION_LABEL),
    ("Foto vía Getty Images", Rule.CAPTION_CREDIT),
    ("We use cookies to improve your experience on our site.", Rule.COOKIE),
    ("Szanowny Użytkowniku, zanim przejdziesz do serwisu, prosimy o zapoznanie się z informacjami dotyczącymi przetwarzania Twoich danych osobowych. Administratorem danych jest Wydawnictwo.", Rule.COOKIE),
    ("Wir und unsere Partner speichern und/oder greifen auf Informationen auf einem Gerät zu, zum Beispiel auf Cookies, und verarbeiten personenbezogene Daten.", Rule.COOKIE),
    ("Wir verwenden Cookies, um Ihnen ein optimales Webseiten-Erlebnis zu bieten.", Rule.COOKIE),
    ("Your support helps us to tell the story", Rule.APPEAL),
    ("Sign up for our newsletter", Rule.APPEAL),
    ("Cet article vous a plu ? Notez-le !", Rule.APPEAL),
    ("War dieser Artikel hilfreich?", Rule.APPEAL),
    ("Masz newsa, zdjęcie lub filmik? Prześlij nam przez formularz kontaktowy.", Rule.APPEAL),
    ("Sie möchten weiterlesen? Jetzt 4 Wochen für 0,99 € testen. Jederzeit kündbar.", Rule.APPEAL),
    ("© 2025 New York Daily News Online. All rights reserved.", Rule.COPYRIGHT),
    ("Alle Rechte vorbehalten.", Rule.COPYRIGHT),
    ("جميع الحقوق محفوظة © 2026", Rule.COPYRIGHT),
    ("Privacy Policy | Terms of Use", Rule.LEGAL),
    ("12 Comments", Rule.COMMENTS),
    ("Leave a reply", Rule.COMMENTS),
    ("Vos réactions (45)", Rule.COMMENTS),
    ("Kommentare (32)", Rule.COMMENTS),
    ("Komentarze (12)", Rule.COMMENTS),
    ("أضف تعليقاً", Rule.COMMENTS),
    ("Комментарии (7)", Rule.COMMENTS),
    ("网友评论", Rule.COMMENTS),
    ("Anna on October 3, 2023 at 9:12 am said:", Rule.COMMENT_HEADER),
    ("Anna am 3. Mai 2023 um 9:12 Uhr schrieb:", Rule.COMMENT_HEADER),
    ("Marie le 3 mai 2023 à 9 h 12 a dit :", Rule.COMMENT_HEADER),
    ("Kasia 3 maja 2023 o 9:12 napisał(a):", Rule.COMMENT_HEADER),
    ("Иван 3 мая 2023 в 9:12 написал:", Rule.COMMENT_HEADER),
    ("By Jamelle Bouie", Rule.BYLINE),
    ("di Marco Rossi", Rule.BYLINE),
    ("作者：王明", Rule.BYLINE),
    ("来源：新华社", Rule.BYLINE),
    ("文／山田太郎", Rule.BYLINE),
    ("김도현 기자 dohyun@hangyeol.co.kr", Rule.BYLINE),  # Korean: the name, then "reporter"
    ("Maëlle LE GOFF Publié le 14/03/2025 à 18h42 Modifié le 15/03/2025 à 08h10 Lecture : 3 min.", Rule.BYLINE),
    ("Pan Zdzisław ze swoim rekordowym sumem. Ryba ważyła ponad 80 kilogramów Fot. Archiwum prywatne", Rule.CAPTION_WITH_CREDIT),
    ("延伸阅读 三连胜背后：东岭雄狮的青训“家底”有多厚？", Rule.RELATED_INLINE),
    ("Czytaj także Nowa proza wiejska: chwilowa moda czy coś więcej?", Rule.RELATED_HEADER),  # a question headline glued to its label
    ("You have read 4 of your 5 free articles this month.", Rule.APPEAL),
    ("VIDEO Handyvideo zeigt: So stürmte das Borstentier den Markt 01:24 Min.", Rule.CAPTION_LABEL),  # a video's teaser
    ("Now Playing Cutler Creek bridge closure: what drivers need to know 2:14", Rule.CAPTION_LABEL),
    ("Rust streaks run beneath the span, which inspectors flagged last October. Credit: WCKR photojournalist Ray Villanueva", Rule.CAPTION_WITH_CREDIT),
    ("Author: Danielle Okafor (WCKR)", Rule.BYLINE),
    ("Harriet Lomax Economics editor", Rule.BYLINE),  # a name, then the job
    ("Lesetipp", Rule.RELATED_HEADER),
    ("Il denaro sequestrato durante le perquisizioni (foto di Luca Brambilla/Faro)", Rule.CAPTION_WITH_CREDIT),
    ("Günün öne çıkan haberleri her sabah e-posta kutunuzda! Bültenimize ücretsiz abone olun.", Rule.APPEAL),
    ("Partager sur Facebook Partager sur X Envoyer par e-mail Ajouter à mes favoris", Rule.SHARE_BAR),
    ("（责任编辑：李华）", Rule.SIGNOFF),
    ("26 minutes ago", Rule.TIMESTAMP),
    ("vor 3 Stunden", Rule.TIMESTAMP),
    ("21 novembre 2026 (modifica il 21 novembre 2026 | 10:42)", Rule.TIMESTAMP),
    ("June 14, 2023", Rule.TIMESTAMP),
    ("Publié le 18 novembre 2025 à 19h42, modifié le 18 novembre 2025 à 21h05", Rule.TIMESTAMP),  # two dates
    ("mk/wd (AP, AFP)", Rule.SIGNOFF),
    ("https://p.dw.com/p/4Sk4q", Rule.SHORT_LINK),
    ("Books (1,396)", Rule.COUNT_LIST),
]

PROSE = [
    "Environment / Oceans",  # a section path, not "Name / Publication"
    "Facebook changed its privacy policy on Monday.",
    "«Каспий» вырвал победу у «Балтийца» в концовке и вернулся в зону плей-офф",  # guillemets, not arrows
    "Madrid - the city council voted on 21 November to close the street",  # a dateline, then prose
    "Secretary of State Antony Blinken will travel to Beijing this week to meet with senior Chinese officials.",
    "By the time the ferry arrived, most of the passengers had already left the harbour.",
    "Share prices fell sharply on Monday after the bank warned about its profits.",
    "The retailer said it would stop paying bloggers who use affiliate links without saying so.",
    "Editors say that readers who subscribe to a newsletter are far more likely to make a donation later.",
    "Die Bundesregierung will die Steuer im kommenden Jahr senken, wie der Minister am Mittwoch sagte.",
    "Le gouvernement a annoncé mardi une nouvelle aide pour les agriculteurs touchés par la sécheresse.",
    "Related research has shown that the effect is much smaller in older patients.",
    "Keep reading. I am about to show you how to become a leader with less effort than you think.",
    "More than 100 protesters were killed in the unrest, the organisation said.",
    "Home prices rose for the third month in a row, according to the survey.",
    "The speed limit on the bridge drops to 25 miles an hour (40 km/h) from Monday.",
    "The mayor gave one reason for the delay in her statement: money/time.",
    "市长在发布会上表示：今年的供暖将提前五天开始。",
    "The study was originally published in Nature in 2019 and has been cited widely since.",
    "The council met on Monday. Photo Booth owners were not invited to the meeting.",
    "延伸阅读的习惯 让孩子们受益匪浅。",
    "这张照片由他的父亲提供，记录了当年的场景，他说这是全家最珍贵的回忆之一。",
    "VOLKSWAGEN ID. SPACE VIZZION CONCEPT",
    "Opracowanie nowej ustawy trwało dwa lata.",
    "Tickets cost 12 euros.",
    "The route runs Warsaw / Berlin / Paris and back.",
    "By Monday the council had voted on the plan, and work began on 12 May 2024.",
    "北京市交通委员会周二表示，连接城市东部和北部的地铁新线路将在今年年底前开通运营。",
    "In a statement released on Tuesday evening, the minister said:",
    "Am Dienstag, nach der Sitzung, sagte sie:",
    "di sicuro il governo non cambierà idea",
    "He thanked the crowd. Photo opportunities followed for an hour.",
    "The mayor spoke first. Source: a long list of complaints from residents",
    "台北市政府宣布，新路線將於明年通車（詳見附表）",
    "图书馆周二宣布，将延长周末的开放时间。",
    "وقال محافظ البنك في مؤتمر صحفي إن القرار جاء بعد ارتفاع الأسعار خلال الأشهر الماضية.",
    "Theo Chủ nhiệm Ủy ban Kinh tế, luật mới sẽ góp phần minh bạch hóa thị trường bất động sản.",
    "Theo Walcott scored twice in the second half.",
    "La selección ganó el partido por dos goles a cero en el último minuto. Efe",
    "作者认为，各地区各部门认真落实粮食安全责任，持续加大政策支持力度。",
    "기자 회견에서 대표가 말했다",
    "Meteor Storm Possible Thursday Night November 21-22",  # a headline in Title Case, with a date
    "Video shows the storm hitting the coast at 10:30",
    "Prices rose 3/4 of a point",
    "The photo shows the team in Milan / Rome",
    "政府は新たな支援策を提供",  # "provides": a verb, not a credit, outside brackets
    "Prices rose sharply in March (see chart on page 3/4)",
    "Harriet Lomax is an editor",
    "该公司表示将继续为客户提供",
    "Emmanuel Macron a publié le 14 mars un décret sur les retraites.",
]


@pytest.mark.parametrize("text,rule", FIRES, ids=[t for t, _ in FIRES])
def test_rule_fires(text, rule):
    assert rule_of(text) == rule


@pytest.mark.parametrize("text", PROSE)
def test_prose_is_left_alone(text):
    assert rule_of(text) is None


def _lines_of_fixtures() -> list[str]:
    from conftest import FIXTURES

    paths = sorted((FIXTURES / "seeds").iterdir()) + sorted((FIXTURES / "cases").iterdir())
    lines = {line.strip() for p in paths for line in p.read_text(encoding="utf-8").splitlines()}
    return sorted(line for line in lines if line) + [text for text, _ in FIRES]


def test_a_rule_that_names_a_concept_never_matches_without_it():
    """The skip in ``match`` loses nothing: on every fixture line and every
    example above, no gated predicate would have matched a line whose scan
    found none of its concept's phrases."""
    from cleaner.stages.phrases import RULES, _scan

    checked = 0
    for text in _lines_of_fixtures():
        block = Block(text, 1)
        f = block.features = compute(text)
        f.hits = _scan(f, DEFAULT, DEFAULT.lexicon_languages)
        found = f.hits.concepts()
        for rule, concept, predicate in RULES:
            if concept is not None and concept not in found:
                checked += 1
                assert not predicate(block, f, DEFAULT, DEFAULT.lexicon_languages), (rule, text)
    assert checked > 1000
