"""The data model: a Document is a list of Blocks, each with a Verdict and a rule id.

Every stage of the pipeline reads and marks these blocks; nothing is deleted,
so ``--explain`` can show every input line with the rule that decided it.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
# typing costs 4 ms of start-up; with postponed annotations only type checkers need it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

from .rules import Rule


class Verdict(enum.Enum):
    """Whether a block is part of the article."""

    KEEP = "keep"
    DROP = "drop"


class Format(enum.Enum):
    """The kinds of input the cleaner understands."""

    AUTO = "auto"
    TEXT = "text"
    HTML = "html"
    FRONTMATTER = "frontmatter"


class Quality(enum.Enum):
    """jusText-style class of a block, from its own text and then its context."""

    BAD = "bad"
    SHORT = "short"
    NEAR_GOOD = "near_good"
    GOOD = "good"


class Role(enum.Enum):
    """What a kept block is in the article."""

    TITLE = "title"
    BODY = "body"


@dataclass(slots=True)
class Block:
    """One line (or one piece of a glued line) of the input.

    ``line`` is the 1-based line number in the input text.  ``bullet`` is the
    list marker the line started with (``*``, ``•``, ...) or ``""``; ``indent``
    its leading spaces; ``gap_before`` whether a blank line precedes it.
    """

    text: str
    line: int
    verdict: Verdict = Verdict.KEEP
    #: The :class:`~cleaner.rules.Rule` that decided (a ``StrEnum``, so it compares and
    #: prints as its dotted id); ``""`` while undecided.
    rule: Rule | str = ""
    role: Role = Role.BODY
    bullet: str = ""
    indent: int = 0
    gap_before: bool = False
    #: Class given by the heuristics stage (None before it runs).
    quality: Quality | None = None
    #: Shallow features (:class:`cleaner.features.Features`), computed once.
    features: Any = None
    #: A boilerplate header after which the article cannot continue.
    end_marker: bool = False
    #: This block is a piece of an input line that the scraper had glued.
    glued: bool = False
    #: A line the article's structure vouches for: an item of one of its
    #: lists (announced with a colon, under a heading, punctuated as one
    #: sentence...), or a subheading its table of contents names.
    listed: bool = False
    #: A sentence of a line that had lost its line breaks: printed after the
    #: previous block of that line (if kept) with a space, as it was written.
    run_on: bool = False

    def keep(self, rule: Rule) -> None:
        self.verdict, self.rule = Verdict.KEEP, rule

    def drop(self, rule: Rule) -> None:
        self.verdict, self.rule = Verdict.DROP, rule

    @property
    def kept(self) -> bool:
        return self.verdict is Verdict.KEEP

    @property
    def decided(self) -> bool:
        """True once a stage has given this block a verdict with a reason."""
        return bool(self.rule)

    @property
    def marker(self) -> str:
        """The kind of the block's list bullet ("" for none; "1." for any
        number): the items of one list share it.

        >>> Block("Sport", 1, bullet="12.").marker, Block("Sport", 1, bullet="■").marker
        ('1.', '■')
        """
        return "1." if self.bullet[:1].isdigit() else self.bullet

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text, "verdict": self.verdict.value, "rule": str(self.rule)}


@dataclass(slots=True)
class Document:
    """A cleaned (or being-cleaned) input: its blocks and what was learned on the way."""

    blocks: list[Block] = field(default_factory=list)
    source_format: Format = Format.TEXT
    metadata: dict[str, Any] = field(default_factory=dict)
    language: str = ""
    #: Matching keys (or ids) of lines learned to be the site's template (batch mode).
    templates: frozenset[str | int] = frozenset()
    #: The format already chose the main content (trafilatura on HTML), so the
    #: region stage only cuts at hard end markers instead of searching.
    preselected: bool = False

    @property
    def kept(self) -> list[Block]:
        return [b for b in self.blocks if b.kept]

    @property
    def title(self) -> str:
        """The headline, whether or not it is part of ``text`` (``include_title``)."""
        return next((b.text for b in self.blocks if b.role is Role.TITLE), "")

    @property
    def body(self) -> str:
        """The article's paragraphs without the headline (see :attr:`text`)."""
        return join([b for b in self.blocks if b.kept and b.role is Role.BODY])

    @property
    def text(self) -> str:
        """Headline (when kept) then the paragraphs, one blank line apart;
        the lines of a list one under the other."""
        return join([b for b in self.blocks if b.kept])

    def rule_counts(self) -> dict[str, int]:
        """How many blocks each rule dropped."""
        counts: dict[str, int] = {}
        for b in self.blocks:
            if not b.kept:
                counts[str(b.rule)] = counts.get(str(b.rule), 0) + 1
        return dict(sorted(counts.items()))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: title, text, metadata, and every dropped block with its rule."""
        return {
            "title": self.title,
            "text": self.text,
            "metadata": {"source_format": self.source_format.value, "language": self.language, **self.metadata},
            "dropped": [b.to_dict() for b in self.blocks if not b.kept],
            "counts": self.rule_counts(),
        }


#: A list printed line under line has at least this many lines (the
#: context stage's ``list_min_items``): fewer would not be read back as a list.
LIST_MIN_LINES = 3


def join(blocks: list[Block]) -> str:
    """Blocks as output text: a blank line between paragraphs, a line break
    between the lines of a list, so that a list cleaned again is still one
    list and not a run of one-line paragraphs.

    >>> blocks = [Block(t, n) for n, t in enumerate(["Zutaten", "500 g Mehl", "2 Eier", "Den Teig kneten."])]
    >>> for b in blocks[:3]: b.listed = True
    >>> join(blocks)
    'Zutaten\\n500 g Mehl\\n2 Eier\\n\\nDen Teig kneten.'
    """
    in_list = [_list_line(b) for b in blocks]
    # Lines of lists long enough to print as lists: runs of LIST_MIN_LINES.
    tight = [False] * len(blocks)
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and in_list[j]:
            j += 1
        if j - i >= LIST_MIN_LINES:
            tight[i + 1 : j] = [True] * (j - i - 1)
        i = j + 1 if j == i else j
    out = []
    for i, block in enumerate(blocks):
        if i:
            same_line = block.run_on and blocks[i - 1].line == block.line
            out.append(" " if same_line else "\n" if tight[i] else "\n\n")
        out.append(render(block))
    return "".join(out)


def _list_line(block: Block) -> bool:
    """A line of the article's list (not the headline or the standfirst)."""
    return block.listed and block.role is Role.BODY and block.rule != Rule.STANDFIRST


def render(block: Block) -> str:
    """A kept block as it appears in the output: list items keep their marker."""
    return f"{block.bullet} {block.text}" if block.bullet else block.text
