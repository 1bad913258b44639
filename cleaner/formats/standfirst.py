"""The standfirst that trafilatura leaves out of an HTML page's main text.

CONVENTIONS.md keeps the dek (the sentence or two under the headline), but
trafilatura often takes the paragraph beside the ``<h1>`` for header
furniture, with the byline and the date, and starts the main text at the
first body paragraph.  Text input keeps it (see :mod:`cleaner.stages.title`),
so HTML input should too.

The dek is looked for in the page's markup, after the ``<h1>`` and before
the main text's first paragraph: a paragraph that the page's template names
as one by its class ("dek", "standfirst", "teaser", "lead", "chapo"... the
vocabulary of CMS templates, in ``standfirst_classes.txt``), or that the
page's description metadata repeats.  Bylines, dates and captions there are
neither, so they are passed over.

>>> page = ('<h1>Storm hits coast</h1><p class="byline">By Ann Lee, May 2</p>'
...         '<p class="article__teaser">Ports closed and ferries stopped as the storm made landfall on Monday.</p>'
...         '<p>The storm reached the coast at dawn.</p>')
>>> from trafilatura.utils import load_html as parse
>>> find(parse(page), "The storm reached the coast at dawn.", "")
'Ports closed and ferries stopped as the storm made landfall on Monday.'
>>> find(parse(page.replace("article__teaser", "meta")), "The storm reached the coast at dawn.", "")
''
"""
from __future__ import annotations

from .. import lexicons, tokens
from ..config import DEFAULT, Config
from ..stages import normalize
from . import tree

#: Elements that may hold the dek.
_CANDIDATES = ("p", "div", "h2", "span", "strong")
#: A div or span holding one of these is a container, not the dek itself.
_BLOCK_CHILDREN = ".//p|.//div|.//h2|.//h3|.//ul|.//ol|.//table"
#: What sits between headline and body but is never the dek.
_NOT_DEK = frozenset("figure figcaption nav aside footer button form time script style noscript template".split())
_CODE = ".//script|.//style|.//noscript|.//template"


def _named(el) -> bool:
    """The element or its parent is called a dek by the page's template
    ("article__teaser", "perex"; "sub-title" spells "subtitle")."""
    words = tree.class_words("standfirst_classes.txt")
    return any(e is not None and tree.called(e, words) for e in (el, el.getparent()))


def _hidden(el, seen: dict) -> bool:
    """Inside an element that is never the dek, or holding a script (whose
    code text_content() would include).  ``seen`` remembers each ancestor's
    answer, so neighbours do not climb the same path again."""
    return _inside_furniture(el, seen) or bool(el.xpath(_CODE))


def _inside_furniture(el, seen: dict) -> bool:
    if el is None:
        return False
    known = seen.get(el)
    if known is None:
        known = seen[el] = el.tag in _NOT_DEK or _inside_furniture(el.getparent(), seen)
    return known


def _text(el) -> str:
    if el.tag in ("div", "span", "strong") and el.xpath(_BLOCK_CHILDREN):
        return ""  # a container: its paragraphs come next
    return normalize.line(" ".join(el.text_content().split()))


def _described(key: str, description: str, config: Config) -> bool:
    """The page's description metadata says much the same, or is a
    shortened copy of it."""
    if not description:
        return False
    return _share(key.split(), description, config) or (
        tokens.length(description) >= config.standfirst_min_words and _share(description.split(), key, config)
    )


def _share(words: list[str], other: str, config: Config = DEFAULT) -> bool:
    """At least ``html_dek_description_share`` of ``words`` occur in ``other``
    -- numbers left out: a date ("0 0 0 0 0", keyed) shares them with any
    description that holds a number."""
    words = [w for w in words if w != "0"]
    have = set(other.split())
    return bool(words) and sum(w in have for w in words) >= config.html_dek_description_share * len(words)


def find(root, first_line: str, description: str, config: Config = DEFAULT) -> str:
    """The dek after the ``<h1>`` of the page parsed as ``root`` (an lxml
    tree), before ``first_line`` (the main text's first paragraph), or ``""``."""
    h1 = root.find(".//h1")
    if h1 is None:
        return ""
    first = lexicons.key(first_line)[: config.html_dek_first_chars]
    description = lexicons.key(description)
    seen: dict = {}
    tried = 0
    for n, el in enumerate(tree.near(h1, _CANDIDATES)):
        if n >= config.html_dek_max_visited:
            break  # a page whose text never begins where the main text does: not walked whole
        text = "" if _hidden(el, seen) else _text(el)
        if not text:
            continue
        key = lexicons.key(text)
        if first and key.startswith(first):
            break  # the article has begun
        if tokens.length(text) < config.standfirst_min_words:
            continue  # a share button, a date: not counted, so a long row of them does not end the search
        if _named(el) or _described(key, description, config):
            return text
        tried += 1
        if tried >= config.html_dek_max_elements:
            break
    return ""
