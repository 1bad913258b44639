"""News-feed records: YAML front matter between ``---`` lines, maybe a body.

The record's ``title`` is the headline and its ``excerpt`` (or
``description``/``summary``) the standfirst; other fields are metadata or
dropped (images, ``related:`` items, ``secured:`` blobs).  Text after the
closing ``---`` goes through the text pipeline like any scraped page.
A header that is not valid YAML mapping makes the input plain text.

The header is untrusted YAML: aliases may make a small header a huge (or
cyclic) graph, so metadata is read with a bounded budget of values.
"""
from __future__ import annotations

# typing costs 4 ms of start-up; with postponed annotations only type checkers need it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

import regex

from ..config import DEFAULT, Config
from ..document import Block, Document, Format, Role
from ..rules import Rule
from ..stages import normalize
from . import text as text_format

_FENCE = regex.compile(r"^---[ \t]*$")
# A top-level key, bare or quoted ('"title": ...' is the same key to YAML).
_TOP_KEY = regex.compile(r"""^(["']?)([A-Za-z_][\w-]*)\1\s*:""")
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


#: Values read from one metadata field at most.  YAML aliases let a header
#: of a few hundred bytes stand for a list of billions of items ("billion
#: laughs"), or for a list that contains itself; real records have a few
#: dozen tags.
MAX_VALUES = 200


def _scalar(value: Any, budget: list[int] | None = None) -> Any:
    """A metadata value as a string or a list of strings; None when empty.

    ``budget`` counts the values still allowed to be visited, shared by the
    whole (possibly aliased or cyclic) structure.
    """
    budget = [MAX_VALUES] if budget is None else budget
    if budget[0] <= 0:
        return None
    budget[0] -= 1
    import datetime as dt  # only records with dates need it: kept off the start-up path

    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, dict):
        name = value.get("name") or value.get("title") or ""
        # A name that is itself a list or mapping is not a name.
        return _scalar(name, budget) if not isinstance(name, (dict, list)) else None
    if isinstance(value, list):
        items = []
        for v in value:
            if budget[0] <= 0:
                break
            item = _scalar(v, budget)
            if isinstance(item, list):
                items.extend(item)
            elif item not in (None, ""):
                items.append(item)
        return items or None
    if isinstance(value, bool) or value is None:
        return None
    return str(value).strip() or None


def metadata(data: dict[str, Any]) -> dict[str, Any]:
    """The record's date, URL, author, source, category and tags, where present.

    >>> metadata({"author": {"name": "Ada"}, "tags": ["a", ["b", None]], "published": True})
    {'author': 'Ada', 'tags': ['a', 'b']}
    """
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


def _key_line(header: list[str], key: str) -> int:
    """The (1-based) header line where ``key`` is set, or 0 if no line starts with it.

    YAML also sets keys where no line starts with them (flow mappings,
    complex keys); the field still counts.  When a key is repeated the last
    one wins, as in YAML.
    """
    found = [n for n, raw in enumerate(header, start=1) if (m := _TOP_KEY.match(raw)) and m.group(2) == key]
    return found[-1] if found else 0


def parse(text: str, config: Config = DEFAULT) -> Document | None:
    """The record as a Document whose header is decided, or None if not front matter.

    The title comes first and the excerpt second, wherever their keys stand
    in the header: the output starts with the headline.
    """
    parts = split(text)
    if parts is None:
        return None
    header, data, body, body_line = parts
    title_key, title = _text_field(data, TITLE_KEYS)
    excerpt_key, excerpt = _text_field(data, EXCERPT_KEYS)
    blocks: list[Block] = []
    used = set()
    for key, value, role, rule in ((title_key, title, Role.TITLE, Rule.FRONTMATTER_TITLE),
                                   (excerpt_key, excerpt, Role.BODY, Rule.FRONTMATTER_EXCERPT)):
        if key:
            n = _key_line(header, key)
            # A field set where no line names it is reported at the opening fence.
            blocks += _field_blocks(key, value, n or 1, role, rule)
            used.add(n)
    for n, raw in enumerate(header, start=1):
        if n not in used and raw.strip():
            block = Block(normalize.line(raw), n)
            block.drop(Rule.FRONTMATTER_FIELD)
            blocks.append(block)
    meta = metadata(data)
    if title:
        meta["title"] = normalize.line(title)
    return Document(blocks + text_format.blocks(body, first_line=body_line, config=config), Format.FRONTMATTER, meta)
