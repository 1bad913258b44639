"""What cleaner adds to trafilatura on HTML input, per page (issue 6: at most 15%).

    python bench/html_cost.py

trafilatura's call is timed as cleaner makes it (precision setting, tables,
metadata); then ``clean()`` runs on the same pages with that call replayed
from the results, so the second figure is cleaner's own work (format
detection, the text stages, and the second, balanced trafilatura call it
makes on pages where precision mode finds little: that one runs for real and
counts as cleaner's cost).  CPU time, so machine load matters less.  Not
part of the test run.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from unittest import mock

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
    clean("A line of text to load the lexicons before timing.")
    results = []
    start = time.process_time()
    for html in htmls:
        results.append(trafilatura.bare_extraction(
            html, include_comments=False, include_tables=True, with_metadata=True,
            favor_precision=focus is HtmlFocus.PRECISION, favor_recall=focus is HtmlFocus.RECALL))
    traf = (time.process_time() - start) * 1000 / len(htmls)
    current = iter(results)
    real = trafilatura.bare_extraction
    retries = 0

    def replay(html: str, **kw):
        nonlocal retries
        if kw.get("favor_precision") == (focus is HtmlFocus.PRECISION) and kw.get("favor_recall") == (focus is HtmlFocus.RECALL):
            return next(current)
        retries += 1
        return real(html, **kw)

    with mock.patch.object(trafilatura, "bare_extraction", replay):
        start = time.process_time()
        for html in htmls:
            clean(html)
        ours = (time.process_time() - start) * 1000 / len(htmls)
    print(f"trafilatura.bare_extraction ({focus.value}, metadata): {traf:.2f} ms/page CPU")
    print(f"cleaner's own work around it (detect, text stages, {retries} retries): "
          f"{ours:.2f} ms/page CPU = {100 * ours / traf:.1f}%")


if __name__ == "__main__":
    main()
