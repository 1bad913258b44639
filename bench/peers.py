"""The systems `cleaner` is compared with, on the same inputs.

Each peer is a function text -> article text (or html -> text for the HTML
peers).  They are bench-only: nothing here is imported by the package.
"""
from __future__ import annotations

import functools
import re

# As in TensorFlow Datasets' c4_utils (the reference implementation of C4),
# with the typographic closing quote also counted as the paper's "end
# quotation mark" (TFDS only knows the ASCII one; this makes the peer stronger).
_END_MARKS = (".", "?", "!", '"', "”")
_ELLIPSIS = "..."
_POLICY_SUBSTRINGS = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")


def whole_text(text: str) -> str:
    """The page text unchanged."""
    return text


def c4_lines(text: str) -> str:
    """C4's published line rules (Raffel et al. 2020, §2.2).

    The line rules of TFDS's ``c4_utils.clean_page``: keep lines that end in
    a terminal mark (not an ellipsis) and have at least 3 words; drop lines
    mentioning javascript, lorem ipsum, or a cookie/terms/privacy policy.
    C4's page-level rules (drop pages with fewer than 5 sentences, bad words
    or curly braces) are not applied: here every page is an article.
    """
    keep = []
    for line in text.splitlines():
        s = line.strip()
        if not s.endswith(_END_MARKS) or s.endswith(_ELLIPSIS) or len(s.split()) < 3:
            continue
        low = s.lower()
        if "javascript" in low or "lorem ipsum" in low or any(p in low for p in _POLICY_SUBSTRINGS):
            continue
        keep.append(s)
    return "\n".join(keep)


def justext_lines(text: str) -> str:
    """jusText's classifier with each text line as a paragraph.

    The lines are wrapped in <p> elements so jusText sees one paragraph per
    line; its default parameters and context revision are used, with the
    stoplist that best fits the page (jusText needs to be told the language).
    """
    import html

    import justext

    body = "".join(f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip())
    if not body:
        return ""
    doc = f"<html><body>{body}</body></html>".encode("utf-8")
    paragraphs = justext.justext(doc, _stoplists()[guess_justext_language(text)], encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def trafilatura_html(html: str, **options) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True, **options) or ""


def trafilatura_precision(html: str) -> str:
    return trafilatura_html(html, favor_precision=True)


@functools.cache
def _stoplists() -> dict[str, frozenset[str]]:
    import justext

    return {lang: justext.get_stoplist(lang) for lang in sorted(justext.get_stoplists())}


def guess_justext_language(text: str) -> str:
    """The jusText stoplist with the most hits among the text's first words."""
    words = re.findall(r"\w+", text.lower())[:3000]
    return max(_stoplists().items(), key=lambda kv: sum(w in kv[1] for w in words))[0]
