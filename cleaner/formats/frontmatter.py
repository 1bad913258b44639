"""News-feed records: YAML front matter between ``---`` lines, maybe a body.

The record's ``title`` is the headline and its ``excerpt`` (or
``description``/``summary``) the standfirst; other fields are metadata or
dropped (images, ``related:`` items, ``secured:`` blobs).  Text after the
closing ``---`` goes through the text pipeline like any scraped page.
A header that is not valid YAML mapping makes the input plain text.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import regex

from ..document import Block, Document, Format, Role
from ..rules import Rule
from ..stages import normalize
from . import text as text_format

_FENCE = regex.compile(r"^---[ \t]*$")
_TOP_KEY = regex.compile(r"^([A-Za-z_][\w-]*)\s*:")
TITLE_KEYS = ("title", "headline")
EXCERPT_KEYS = ("excerpt", "description", "summary", "standfirst", "dek")
#: Metadata fields and the front-matter keys they are read from, in order.
METADATA_KEYS = {
    "date": ("publishedDateTime", "published_at", "publishedAt", "pubDate", "date", "published"),
    "url": ("webUrl", "url", "originalUrl", "link", "canonicalUrl", "canonical", "ampWebUrl"),
    "author": ("author", "authors", "byline", "creator"),
    "source": ("provider", "source", "site_name", "publisher"),
    "category": ("category", "section"),
    "tags": ("topics", "tags", "keywords"),
}


def split(text: str) -> tuple[list[str], dict[str, Any], str, int] | None:
    """(header lines, parsed header, body, body's first line) or None if not front matter."""
    lines = normalize.lines(text.lstrip("\ufeff"))
    if not lines or not _FENCE.match(lines[0]):
        return None
    close = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if close is None:
        return None
    header = lines[: close + 1]
    data = _load("\n".join(lines[1:close]))
    if not isinstance(data, dict):
        return None
    return header, data, "\n".join(lines[close + 1 :]), close + 2


def _load(yaml_text: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(yaml_text, Loader=loader)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError, RecursionError):
        return None


def _scalar(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, dict):
        return _scalar(value.get("name") or value.get("title") or "") or None
    if isinstance(value, list):
        items = [_scalar(v) for v in value]
        return [v for v in items if v not in (None, "")] or None
    if isinstance(value, bool) or value is None:
        return None
    return str(value).strip() or None


def metadata(data: dict[str, Any]) -> dict[str, Any]:
    """The record's date, URL, author, source, category and tags, where present."""
    out: dict[str, Any] = {}
    for field, keys in METADATA_KEYS.items():
        for k in keys:
            value = _scalar(data.get(k))
            if value:
                out[field] = value
                break
    return out


def _text_field(data: dict[str, Any], keys: tuple[str, ...]) -> tuple[str, str]:
    for k in keys:
        v = data.get(k)
        if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip():
            return k, str(v)
    return "", ""


def _field_blocks(key: str, value: str, line: int, role: Role, rule: Rule) -> list[Block]:
    out = []
    for para in text_format.blocks(value, first_line=line):
        para.line, para.role = line, role
        para.keep(rule)
        out.append(para)
    return out


def parse(text: str) -> Document | None:
    """The record as a Document whose header is decided, or None if not front matter."""
    parts = split(text)
    if parts is None:
        return None
    header, data, body, body_line = parts
    title_key, title = _text_field(data, TITLE_KEYS)
    excerpt_key, excerpt = _text_field(data, EXCERPT_KEYS)
    blocks: list[Block] = []
    for n, raw in enumerate(header, start=1):
        m = _TOP_KEY.match(raw)
        k = m.group(1) if m else ""
        if k and k == title_key:
            blocks += _field_blocks(k, title, n, Role.TITLE, Rule.FRONTMATTER_TITLE)
        elif k and k == excerpt_key:
            blocks += _field_blocks(k, excerpt, n, Role.BODY, Rule.FRONTMATTER_EXCERPT)
        elif raw.strip():
            block = Block(normalize.line(raw), n)
            block.drop(Rule.FRONTMATTER_FIELD)
            blocks.append(block)
    meta = metadata(data)
    if title:
        meta["title"] = normalize.line(title)
    return Document(blocks + text_format.blocks(body, first_line=body_line), Format.FRONTMATTER, meta)
