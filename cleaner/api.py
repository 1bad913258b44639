"""The library's entry points: :func:`clean` and :func:`clean_document`."""
from __future__ import annotations

from collections.abc import Collection

from .config import DEFAULT, Config
from .decode import decode
from .document import Document, Format, Role, Verdict
from .formats import detect, frontmatter, text as text_format
from .stages import run


def as_text(data: str | bytes) -> str:
    """The input as a string: bytes are decoded (:func:`cleaner.decode.decode`), str passes."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        return decode(bytes(data))
    if not isinstance(data, str):
        raise TypeError(f"clean() takes str or bytes, not {type(data).__name__}")
    return data


def parse(text: str, config: Config) -> Document:
    """Blocks of the input in its (detected or given) format, before any stage."""
    fmt = config.input_format
    if fmt is Format.AUTO:
        fmt = detect.detect(text)
    if fmt is Format.FRONTMATTER:
        doc = frontmatter.parse(text, config)
        if doc is not None:
            return doc
        fmt = Format.TEXT  # not a valid header after all: read it as text
    if fmt is Format.HTML:
        from .formats import html

        return html.parse(text, config)
    return text_format.parse(text, config)


def clean_document(
    text: str | bytes,
    *,
    config: Config | None = None,
    include_title: bool | None = None,
    templates: Collection[str | int] = frozenset(),
) -> Document:
    """Clean ``text`` and return the whole :class:`Document`.

    ``doc.text`` is the article, ``doc.blocks`` every input block with its
    verdict and the rule that decided it, ``doc.to_dict()`` the JSON form.
    ``templates`` are matching keys (:func:`cleaner.lexicons.key`) of lines
    to drop as the site's template, or their ids
    (:func:`cleaner.stages.templates.template_id`); :mod:`cleaner.batch`
    learns ids.
    Raises :class:`~cleaner.errors.InputError` for bytes that are not text.
    """
    config = config or DEFAULT
    if include_title is not None and include_title != config.include_title:
        config = config.with_(include_title=include_title)
    doc = parse(as_text(text), config)
    doc.templates = frozenset(templates)
    doc = run(doc, config)
    if not config.include_title:
        for block in doc.blocks:
            if block.role is Role.TITLE:
                block.verdict = Verdict.DROP
    return doc


def clean(text: str | bytes, *, include_title: bool | None = None, config: Config | None = None) -> str:
    """The article text of a scraped page, HTML page or feed record.

    Headline first (unless ``include_title=False``, or a ``config`` that says
    so), then the paragraphs, separated by one blank line; ``""`` when no
    article is found.

    >>> print(clean("Menu\\nHome\\n\\nA headline for the story\\n\\n" + "This is the article, which runs on for a good many words about its subject. " * 3))
    A headline for the story
    <BLANKLINE>
    This is the article, which runs on for a good many words about its subject. This is the article, which runs on for a good many words about its subject. This is the article, which runs on for a good many words about its subject.
    """
    return clean_document(text, config=config, include_title=include_title).text
