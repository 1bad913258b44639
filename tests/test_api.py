"""The library API: clean(), clean_document(), Document.to_dict(), Config."""
from __future__ import annotations

import dataclasses
import json

import pytest

from cleaner import Config, Document, Verdict, clean, clean_document
from conftest import FIXTURES

SEED = FIXTURES / "seeds" / "002_af3665352ec5a0d6.txt"


def test_clean_returns_title_then_paragraphs_one_blank_line_apart():
    text = clean(SEED.read_text(encoding="utf-8"))
    parts = text.split("\n\n")
    assert parts[0] == "US Secretary of State Blinken meets China's top diplomat"
    assert all(p and "\n" not in p for p in parts)


def test_clean_accepts_bytes_and_str_alike():
    assert clean(SEED.read_bytes()) == clean(SEED.read_text(encoding="utf-8"))


def test_clean_rejects_other_types():
    with pytest.raises(TypeError):
        clean(42)  # type: ignore[arg-type]


def test_every_input_line_is_a_block_with_verdict_and_rule():
    raw = SEED.read_text(encoding="utf-8")
    doc = clean_document(raw)
    nonblank = {n for n, line in enumerate(raw.splitlines(), 1) if line.strip()}
    assert {b.line for b in doc.blocks} == nonblank
    assert all(isinstance(b.verdict, Verdict) and b.rule for b in doc.blocks)


def test_to_dict_is_json_with_title_text_metadata_and_dropped_rules():
    d = clean_document(SEED.read_text(encoding="utf-8")).to_dict()
    again = json.loads(json.dumps(d))
    assert again["title"] and again["text"].startswith(again["title"])
    assert again["metadata"]["source_format"] == "text" and again["metadata"]["language"] == "en"
    rules = {x["rule"] for x in again["dropped"]}
    assert {"caption.label", "signoff.agency", "related.header"} <= rules
    assert again["counts"]["signoff.agency"] == 1


def test_config_is_frozen_and_passed_whole():
    config = Config()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.length_low = 3  # type: ignore[misc]
    assert config.with_(include_title=False).include_title is False
    text = SEED.read_text(encoding="utf-8")
    assert clean(text, config=Config(include_title=False)) == clean(text, include_title=False)


def test_templates_drop_the_lines_given():
    text = SEED.read_text(encoding="utf-8")
    line = "Blinken may also meet with Chinese President Xi Jinping before he departs later on Monday. While there has been no confirmation of such a meeting, diplomats said it was likely to take place."
    from cleaner.lexicons import key

    doc = clean_document(text, templates={key(line)})
    assert line not in doc.text
    assert "templates.repeated_across_pages" in doc.rule_counts()


def test_empty_input_has_no_article():
    for text in ("", "   \n\n  ", "\x00"):
        doc = clean_document(text)
        assert isinstance(doc, Document) and doc.text == ""


BODY = ("The council voted on Monday to build new bike lanes across the city, the largest expansion of the "
        "network in a decade, and work on the first stretch will begin in the spring.")


def test_the_byline_and_date_line_above_the_article_go_to_metadata():
    doc = clean_document(f"Council backs new bike lanes\n\nBy Jane Doe\nPublished 12 March 2024, 10:15\n\n{BODY}\n\n{BODY}")
    assert doc.metadata["byline"] == "By Jane Doe"
    assert doc.metadata["dateline"] == "Published 12 March 2024, 10:15"
    assert "Jane Doe" not in doc.text


def test_a_byline_below_the_article_is_not_the_pages():
    doc = clean_document(f"Council backs new bike lanes\n\n{BODY}\n\n{BODY}\n\nMore stories\n\nBy John Roe")
    assert "byline" not in doc.metadata


def test_a_feed_records_own_date_is_kept():
    record = f"---\ntitle: Council backs new bike lanes\ndate: 2024-03-12\n---\nPublished 12 March 2024\n\n{BODY}\n\n{BODY}\n"
    doc = clean_document(record)
    assert "dateline" not in doc.metadata and doc.metadata["date"]
