"""Template learning across the pages of a site, as a library API and for the batch passes.

See :mod:`cleaner.batch` ("Templates") for what is learned and why.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .. import lexicons
from ..api import as_text, clean_document, parse
from ..config import DEFAULT, Config
from ..document import Document, Format
from ..formats import detect
from ..stages import repair
from ..stages.templates import template_id


@dataclass(frozen=True, slots=True)
class PageLines:
    """What the first pass learns about one page."""

    host: str  #: the host of the page's URL ("" when its metadata has none)
    ids: frozenset[int]  #: template ids of its lines, each once
    doc: Document | None = None  #: the page already cleaned (HTML), to reuse


def site_host(metadata: Mapping[str, Any]) -> str:
    """The host of the page's URL, without ``www.``; ``""`` when there is none.

    >>> site_host({"url": "https://www.Example.org/news/1"})
    'example.org'
    >>> site_host({"url": "/relative/path"})
    ''
    """
    url = metadata.get("url")
    if not isinstance(url, str):
        return ""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def line_ids(doc: Document) -> frozenset[int]:
    """Template ids of the document's lines (each once).

    Lines without a letter are left out: the matching key turns every number
    into ``0``, so "12" and "2024" would count as one repeated line.
    """
    ids = set()
    for block in doc.blocks:
        key = lexicons.key(block.text)
        if any(ch.isalpha() for ch in key):
            ids.add(template_id(key))
    return frozenset(ids)


def first_pass(text: str, config: Config = DEFAULT) -> PageLines:
    """The page's lines as the template stage will see them, and its host.

    Text and feed records are only parsed and repaired (glued lines split),
    which is cheap; HTML is cleaned completely, since its extraction is the
    cost and the result can then be reused.
    """
    if input_format_of(text, config) is Format.HTML:
        doc = clean_document(text, config=config)
        return PageLines(site_host(doc.metadata), line_ids(doc), doc)
    doc = parse(text, config)
    repair.apply(doc, config)  # the stages before the template stage that change blocks
    return PageLines(site_host(doc.metadata), line_ids(doc))


def input_format_of(text: str, config: Config) -> Format:
    return config.input_format if config.input_format is not Format.AUTO else detect.detect(text)


def second_pass(text: str, page: PageLines, learned: frozenset[int], config: Config = DEFAULT) -> Document:
    """``clean_document(text, templates=learned)``, reusing the first pass when it is the same."""
    if page.ids.isdisjoint(learned):
        # No line of the page is template: the template stage has nothing to do.
        return page.doc or clean_document(text, config=config)
    return clean_document(text, config=config, templates=learned)


class TemplateCounter:
    """Pages per group and, per group, in how many pages each line occurs."""

    def __init__(self) -> None:
        self.pages: Counter[Hashable] = Counter()
        self.lines: dict[Hashable, Counter[int]] = defaultdict(Counter)

    def add(self, group: Hashable, ids: Iterable[int]) -> None:
        """Count one page; ``ids`` are its distinct line ids."""
        self.pages[group] += 1
        self.lines[group].update(set(ids))  # a line counts once per page

    def update(self, other: TemplateCounter) -> None:
        """Add the counts of ``other``: the counts of both sets of pages (the reduce step)."""
        self.pages.update(other.pages)
        for group, lines in other.lines.items():
            self.lines[group].update(lines)

    def templates(self, min_pages: int, min_share: float) -> dict[Hashable, frozenset[int]]:
        """The template ids of each group that has any (big enough groups only)."""
        out = {}
        for group, n in self.pages.items():
            if n < min_pages:
                continue
            ids = frozenset(i for i, c in self.lines[group].items() if c > min_share * n)
            if ids:
                out[group] = ids
        return out


def merge_counters(*counters: TemplateCounter) -> TemplateCounter:
    """One counter with the counts of all; the inputs are left as they are.

    Counts add up, so any grouping and order of merges gives the same counter:
    a cluster may merge partial counters in whatever tree suits it.

    >>> a, b = TemplateCounter(), TemplateCounter()
    >>> a.add("dir:x", [1, 2]); b.add("dir:x", [2]); b.add("dir:y", [3])
    >>> m = merge_counters(a, b)
    >>> dict(m.pages), dict(m.lines["dir:x"]), dict(a.pages)
    ({'dir:x': 2, 'dir:y': 1}, {1: 1, 2: 2}, {'dir:x': 1})
    """
    out = TemplateCounter()
    for counter in counters:
        out.update(counter)
    return out


@dataclass(frozen=True)
class Learned:
    """What the first pass concludes: the template lines, and the sizes behind them for the report."""

    groups: int = 0  #: groups of pages seen
    pages: dict[str, int] = field(default_factory=dict)  #: pages of each group that has template lines
    templates: dict[str, frozenset[int]] = field(default_factory=dict)


def conclude(counter: TemplateCounter, config: Config) -> Learned:
    """The template lines of each group, from the counts of all its pages."""
    templates = counter.templates(config.template_min_pages, config.template_min_share)
    return Learned(len(counter.pages), {g: counter.pages[g] for g in templates}, templates)


def learn_templates(
    pages_by_group: Mapping[Hashable, Iterable[str | bytes]], *, config: Config | None = None
) -> dict[Hashable, frozenset[int]]:
    """Template line ids of each group of pages, for ``clean_document(templates=...)``.

    Groups with fewer than ``config.template_min_pages`` pages, or no line on
    more than ``config.template_min_share`` of them, are left out.  See
    :func:`clean_many` for an example.
    """
    config = config or DEFAULT
    counter = TemplateCounter()
    for group, texts in pages_by_group.items():
        for data in texts:
            counter.add(group, first_pass(as_text(data), config).ids)
    return counter.templates(config.template_min_pages, config.template_min_share)


def clean_many(
    texts: Sequence[str | bytes], *, groups: Sequence[Hashable] | None = None, config: Config | None = None
) -> list[Document]:
    """Clean pages together, dropping lines repeated across a group's pages.

    ``groups`` gives each page's group (its site); by default pages are
    grouped by the host of their URL, and pages without one form one group.
    Raises :class:`~cleaner.errors.InputError` for bytes that are not text.

    >>> body = ("Residents near the {0} say the plans for the {0} have divided "
    ...         "the town for months, and the council votes on them next week.")
    >>> promo = "The Valley Courier is owned by its readers and has covered the town since its first edition."
    >>> places = ("harbour orchard library railway market bridge festival museum stadium school "
    ...           "hospital garden theatre ferry airport castle canal forest bakery tram").split()
    >>> pages = [f"{body.format(w)}\\n\\n{promo}\\n\\n{body.format(w + 's')}" for w in places]
    >>> from cleaner import clean
    >>> promo in clean(pages[0])
    True
    >>> docs = clean_many(pages, config=Config(template_min_pages=20))
    >>> [promo in d.text for d in docs] == [False] * 20, docs[0].rule_counts()
    (True, {'templates.repeated_across_pages': 1})
    """
    config = config or DEFAULT
    strs = [as_text(t) for t in texts]
    firsts = [first_pass(t, config) for t in strs]
    labels = list(groups) if groups is not None else [p.host for p in firsts]
    if len(labels) != len(texts):
        raise ValueError(f"clean_many: {len(texts)} texts but {len(labels)} groups")
    counter = TemplateCounter()
    for label, page in zip(labels, firsts):
        counter.add(label, page.ids)
    learned = counter.templates(config.template_min_pages, config.template_min_share)
    return [second_pass(t, p, learned.get(g, frozenset()), config) for t, p, g in zip(strs, firsts, labels)]
