"""What cleaner adds to trafilatura on HTML input, per page (issue 6: at most 15%).

    python bench/html_cost.py

For each benchmark page, in turns so that machine load hits both alike:
trafilatura's ``bare_extraction`` on the page's HTML string, called as a
user would call it with cleaner's settings (precision, tables, metadata),
then cleaner's whole ``clean()`` on the same string.  The difference is
what cleaner adds: format detection, the text stages, the standfirst and
subheadings it puts back, and the second, balanced trafilatura call on
pages where precision mode finds little.  (cleaner parses the page once
with trafilatura's own loader and hands trafilatura the tree, so the parse
is counted once, on cleaner's side.)  CPU time, so machine load matters
less.  Not part of the test run.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aeb  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=aeb.DEFAULT_DATA)
    args = ap.parse_args()
    import trafilatura

    from cleaner import HtmlFocus, clean
    from cleaner.config import DEFAULT

    htmls = [p.html() for p in aeb.load_pages(args.data)]
    focus = DEFAULT.html_focus
    options = {"include_comments": False, "include_tables": True, "with_metadata": True,
               "favor_precision": focus is HtmlFocus.PRECISION, "favor_recall": focus is HtmlFocus.RECALL}
    clean(htmls[0])  # imports, lexicons
    trafilatura.bare_extraction(htmls[0], **options)
    traf = ours = 0.0
    for html in htmls:
        start = time.process_time()
        trafilatura.bare_extraction(html, **options)
        middle = time.process_time()
        clean(html)
        traf += middle - start
        ours += time.process_time() - middle
    n = len(htmls)
    traf_ms, clean_ms = traf * 1000 / n, ours * 1000 / n
    print(f"trafilatura.bare_extraction ({focus.value}, metadata): {traf_ms:.2f} ms/page CPU")
    print(f"cleaner clean() on the same HTML: {clean_ms:.2f} ms/page CPU")
    print(f"cleaner's own work: {clean_ms - traf_ms:.2f} ms/page CPU = {100 * (clean_ms - traf_ms) / traf_ms:.1f}%")


if __name__ == "__main__":
    main()
