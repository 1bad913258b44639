"""Shallow features of a block: what counts as the end of a sentence, in several scripts."""
from __future__ import annotations

import pytest

from cleaner.features import compute

ENDS = [
    "The minister resigned on Tuesday.",
    "\u201cWe will not stay,\u201d she said.",
    "\u201eIch bleibe nicht in einer Regierung, die das tut.\u201c",  # German „…“
    "\u201aDas war\u2019s\u2018, sagte er: \u201aSchluss.\u2018",  # German ‚…‘
    "\u00bbDie Regierung hat ihre Mehrheit verloren.\u00ab",  # German »…«
    "\u00abLa réunion est terminée.\u00bb",  # French «…»
    "\u201eNie zostanę w tym rządzie.\u201d",  # Polish „…”
    "他说：\u201c我们不会留下。\u201d",
    # Thai ends a sentence with a space, not a mark: a long line of clauses.
    "คณะรัฐมนตรีมีมติอนุมัติงบประมาณกว่าหนึ่งแสนล้านบาทสำหรับการก่อสร้างรถไฟฟ้าสายใหม่ "
    "โดยคาดว่าจะเริ่มก่อสร้างได้ในปีหน้า",
    "相关结果预计在明年年中提交三国政府审议。（完）",  # the wire story's "the end" after its full stop
]
NOT_ENDS = [
    "More stories",
    "\u201eIch bleibe nicht\u201c",  # a quoted title, no sentence end
    "Read the full story...",
    "รัฐบาลอนุมัติงบประมาณสร้างรถไฟฟ้าสายใหม่",  # a Thai headline
    "ครม. อนุมัติงบ สร้างรถไฟฟ้าสายใหม่",  # one with a space, still short
    "Books (1,396)",  # a tag in brackets after no full stop
]


@pytest.mark.parametrize("text", ENDS)
def test_a_sentence_end_is_terminal(text):
    assert compute(text).terminal


@pytest.mark.parametrize("text", NOT_ENDS)
def test_a_line_without_a_sentence_end_is_not_terminal(text):
    assert not compute(text).terminal
