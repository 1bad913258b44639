"""``--explain``: every input block with its verdict and the rule that decided it."""
from __future__ import annotations

from .document import Document, Role
from .rules import Rule

_GREEN, _RED, _DIM, _RESET = "\x1b[32m", "\x1b[31m", "\x1b[2m", "\x1b[0m"


def lines(doc: Document, colour: bool = False, width: int = 0) -> list[str]:
    """One line per block: line number, keep/drop mark, rule id, text.

    >>> from cleaner import clean_document
    >>> print("\\n".join(lines(clean_document("Advertisement\\n\\n" + "A sentence of the article that is long enough to keep. " * 3))))
        1 - ad.label                            Advertisement
        3 + heuristics.good_paragraph           A sentence of the article that is long enough to keep. A sentence of the article that is long enough to keep. A sentence of the article that is long enough to keep.
    """
    out = []
    for b in doc.blocks:
        mark = "T" if b.role is Role.TITLE and b.kept else ("+" if b.kept else "-")
        text = b.text if not width or len(b.text) <= width else b.text[: width - 1] + "…"
        row = f"{b.line:5d} {mark} {b.rule:<35} {text}"
        if colour:
            row = f"{_GREEN if b.kept else _RED}{row[:44]}{_RESET}{'' if b.kept else _DIM}{row[44:]}{_RESET}"
        out.append(row)
    return out


def legend() -> str:
    """The rule ids and what each means."""
    return "\n".join(f"{r.value:<35} {r.doc}" for r in Rule)
