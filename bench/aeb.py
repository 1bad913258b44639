"""Article-extraction benchmark: data access, text variants and scoring.

The data lives outside the project (default ``../shared/bench/aeb``); nothing
from it is ever copied into the repository.  Scoring follows CONVENTIONS.md §3,
which is the scoring of scrapinghub/article-extraction-benchmark: 4-gram
shingles of ``\\w+`` tokens, per-page tp/fp/fn normalised by their sum, macro
precision and recall, F1 of the two means.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "bench" / "aeb"
CACHE = HERE / ".cache"

HOW_TO_GET = """\
The article-extraction benchmark data was not found at {path}.
Get it from https://github.com/scrapinghub/article-extraction-benchmark
(MIT licence): the folder needs ground-truth.json and html/<id>.html.gz, e.g.

    git clone https://github.com/scrapinghub/article-extraction-benchmark
    python bench/quality.py --data article-extraction-benchmark
"""

TEXT_VARIANTS = ("inscriptis", "html-text")


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    gold: str
    html_path: Path

    def html(self) -> str:
        """The page's HTML decoded as CONVENTIONS.md §2 prescribes."""
        from trafilatura.utils import decode_file

        return decode_file(gzip.open(self.html_path).read())


def load_pages(data: Path = DEFAULT_DATA) -> list[Page]:
    """All benchmark pages, sorted by id; exits with instructions if missing."""
    truth = data / "ground-truth.json"
    if not truth.is_file():
        sys.exit(HOW_TO_GET.format(path=data))
    gold = json.loads(truth.read_text(encoding="utf-8"))
    return [
        Page(k, v.get("url", ""), v.get("articleBody", ""), data / "html" / f"{k}.html.gz")
        for k, v in sorted(gold.items())
    ]


def make_text(html: str, variant: str) -> str:
    """Scraped-page text made from HTML the two ways CONVENTIONS.md §2 names,
    or a third, harder one: trafilatura's ``html2txt``, the whole page on one
    line, as converters and data sets that drop line breaks give it."""
    if variant == "html2txt":
        import trafilatura

        return trafilatura.html2txt(html) or ""
    if variant == "inscriptis":
        import inscriptis

        return inscriptis.get_text(html)
    if variant == "html-text":
        import html_text

        return html_text.extract_text(html, guess_layout=True)
    raise ValueError(f"unknown text variant {variant!r}")


def page_text(page: Page, variant: str) -> str:
    """The page's text in one variant, cached under bench/.cache (git-ignored)."""
    path = CACHE / variant / f"{page.id}.txt"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    text = make_text(page.html(), variant)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text


_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN_RE.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def tp_fp_fn(gold: str, pred: str) -> tuple[float, float, float]:
    """Shingle overlaps of one page, normalised so long pages weigh no more."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def precision_recall(tp: float, fp: float, fn: float) -> tuple[float, float]:
    """Per-page precision and recall with the benchmark's edge conventions."""
    if fp == fn == 0:
        return 1.0, 1.0
    precision = 0.0 if tp == fp == 0 else tp / (tp + fp)
    recall = 0.0 if tp == fn == 0 else tp / (tp + fn)
    return precision, recall


@dataclass(frozen=True)
class Score:
    f1: float
    precision: float
    recall: float


def score(pairs: list[tuple[str, str]]) -> Score:
    """Macro precision and recall over (gold, predicted) pairs, and their F1."""
    prs = [precision_recall(*tp_fp_fn(g, p)) for g, p in pairs]
    if not prs:
        return Score(0.0, 0.0, 0.0)
    p = sum(x for x, _ in prs) / len(prs)
    r = sum(y for _, y in prs) / len(prs)
    return Score(2 * p * r / (p + r) if p + r else 0.0, p, r)
