"""Idempotence and "every word comes from the input" over the whole benchmark.

The property tests (tests/test_properties.py) check these on generated
inputs; this checks them on every page of the article-extraction benchmark,
in both text variants (inscriptis and html-text, CONVENTIONS.md §2):

* idempotence: ``clean(clean(x)) == clean(x)``;
* subsequence: the ``\\w+`` words of ``clean(x)`` (with and without the
  headline) are a subsequence of the input's words, the input normalised as
  tests/wordorder.py explains.

    .venv/bin/python bench/invariants.py              # counts and violations
    .venv/bin/python bench/invariants.py --limit 20   # the first 20 pages only
    .venv/bin/python bench/invariants.py --diff-lines 40

Not part of the test run: it needs the benchmark data (``--data``) and the
bench extras.  Exit status 1 when any page violates a property.
"""
from __future__ import annotations

import argparse
import difflib
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))

import aeb  # noqa: E402
from wordorder import first_stray_word, input_words, is_subsequence, paragraphs, words  # noqa: E402

from cleaner import clean  # noqa: E402

CHECKS = ("idempotence", "subsequence", "subsequence_no_title")


def short_diff(a: str, b: str, limit: int) -> str:
    """The paragraphs that differ between two outputs, as a unified diff (clipped)."""
    diff = list(difflib.unified_diff(paragraphs(a), paragraphs(b), "clean(x)", "clean(clean(x))", n=0, lineterm=""))
    clipped = [line if len(line) <= 160 else line[:157] + "..." for line in diff[:limit]]
    if len(diff) > limit:
        clipped.append(f"... ({len(diff) - limit} more diff lines)")
    return "\n".join(clipped)


def check(text: str, diff_lines: int) -> dict[str, str]:
    """Each violated property of one input, with what shows it."""
    problems = {}
    once = clean(text)
    twice = clean(once)
    if twice != once:
        problems["idempotence"] = short_diff(once, twice, diff_lines)
    src = input_words(text)
    for name, out in (("subsequence", once), ("subsequence_no_title", clean(text, include_title=False))):
        out_words = words(out)
        if not is_subsequence(out_words, src):
            problems[name] = first_stray_word(out_words, src)
    return problems


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=aeb.DEFAULT_DATA, help="benchmark folder (default ../shared/bench/aeb)")
    p.add_argument("--variants", nargs="+", default=list(aeb.TEXT_VARIANTS), choices=(*aeb.TEXT_VARIANTS, "html2txt"),
                   help="text inputs to check (html2txt, the page on one line, on request)")
    p.add_argument("--limit", type=int, default=0, help="check only the first N pages")
    p.add_argument("--diff-lines", type=int, default=12, help="diff lines shown per idempotence violation")
    args = p.parse_args(argv)

    pages = aeb.load_pages(args.data)
    if args.limit:
        pages = pages[: args.limit]
    counts = {(v, c): 0 for v in args.variants for c in CHECKS}
    violations: list[tuple[str, str, str, str]] = []
    start = time.perf_counter()
    checked = 0
    for variant in args.variants:
        for page in pages:
            for name, detail in check(aeb.page_text(page, variant), args.diff_lines).items():
                counts[variant, name] += 1
                violations.append((variant, page.id, name, detail))
            checked += 1

    for variant, page_id, name, detail in violations:
        print(f"--- {variant} {page_id}: {name}")
        print(detail)
        print()
    print(f"pages checked: {len(pages)} per variant, {checked} inputs, {time.perf_counter() - start:.0f} s")
    print(f"{'variant':<12} " + " ".join(f"{c:>22}" for c in CHECKS))
    for variant in args.variants:
        print(f"{variant:<12} " + " ".join(f"{counts[variant, c]:>22}" for c in CHECKS))
    total = sum(counts.values())
    print(f"violations: {total}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
