"""The document's language, told from its prose by function words or script."""
from __future__ import annotations

import pytest

from cleaner import clean_document

SAMPLES = {
    "en": "A short time later, officers stopped a vehicle driven by Jonathan P. Blair, 29, of 1909 Jolinda Drive. "
          "While speaking to Blair and his passengers, officers found methamphetamine in the car, police said.",
    "de": "Die Bundesregierung will die Steuer im kommenden Jahr senken, wie der Minister am Mittwoch in Berlin "
          "sagte, und die Opposition kritisierte den Plan als zu spät und zu klein für die Familien.",
    "fr": "Le gouvernement a annoncé mardi une nouvelle aide pour les agriculteurs touchés par la sécheresse, "
          "mais les syndicats estiment que les montants ne suffiront pas à sauver les exploitations.",
    "pl": "Miasto podpisało w poniedziałek umowę na budowę nowej linii tramwajowej, która połączy dworzec "
          "główny z lotniskiem i ma być gotowa przed końcem przyszłego roku, jak poinformowali urzędnicy.",
    "ru": "Правительство в среду одобрило новый план строительства дорог, который, по словам министра, "
          "позволит сократить время в пути между крупными городами страны почти вдвое.",
    "zh": "北京市交通委员会周二表示，连接城市东部和北部的地铁新线路将在今年年底前开通运营，全长约三十公里。",
    "ja": "市は十日、駅前に建設していた新しい図書館を来月一日にオープンすると発表した。蔵書はおよそ三十万冊である。",
    "th": "คณะรัฐมนตรีมีมติอนุมัติงบประมาณสำหรับการก่อสร้างรถไฟฟ้าสายใหม่ โดยคาดว่าจะเริ่มก่อสร้างได้ในปีหน้า",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_language_is_detected(code):
    assert clean_document(SAMPLES[code]).language == code


def test_no_language_for_text_without_function_words():
    assert clean_document("Apple Banana Cherry 2019 Kiwi Mango").language == ""


def test_lao_is_no_other_scripts_language():
    # Lao is written without spaces like Chinese, but it is not Chinese: with
    # no function-word list for it, the language stays unknown.
    text = "ລັດຖະບານໄດ້ອະນຸມັດງົບປະມານສໍາລັບການກໍ່ສ້າງທາງລົດໄຟສາຍໃໝ່ ເຊິ່ງຄາດວ່າຈະເລີ່ມກໍ່ສ້າງໃນປີໜ້າ"
    assert clean_document(text).language == ""


def test_chinese_that_quotes_a_japanese_name_stays_chinese():
    text = ("索尼公司周二宣布，将在今年年底前推出新一代游戏机，这款被称为ソニー新品的产品预计售价为五百美元。"
            "分析人士认为，新产品将帮助公司在竞争激烈的市场中保持领先地位。")
    assert clean_document(text).language == "zh"
