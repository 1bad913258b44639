"""Read hand-written cleaning cases: ``fixtures/cases/*.case``.

A case file is a few ``key: value`` header lines, then ``--- input`` and
``--- expected`` sections, read verbatim::

    description: an English share bar above and below a short article
    rules: share_bar.icon_row share_bar.label
    status: pass
    --- input
    ...
    --- expected
    ...

``rules`` lists rule ids that must have dropped at least one block;
``status: xfail <reason>`` marks a known failure (run as a strict xfail, so
fixing it is noticed).  ``expected`` is empty for a page with no article.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    name: str
    description: str
    rules: tuple[str, ...]
    xfail: str
    input: str
    expected: str


def read(path: Path) -> Case:
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("\n--- input\n")
    if not sep:
        raise ValueError(f"{path.name}: no '--- input' section")
    source, sep, expected = rest.partition("\n--- expected\n")
    if not sep:
        raise ValueError(f"{path.name}: no '--- expected' section")
    fields = dict(line.split(":", 1) for line in head.splitlines() if ":" in line)
    fields = {k.strip(): v.strip() for k, v in fields.items()}
    status = fields.get("status", "pass")
    return Case(
        name=path.stem,
        description=fields.get("description", ""),
        rules=tuple(fields.get("rules", "").split()),
        xfail=status.partition(" ")[2] or "known failure" if status.startswith("xfail") else "",
        input=source,
        expected=expected.strip("\n"),
    )
