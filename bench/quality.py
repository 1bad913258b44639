"""Quality benchmark: cleaner vs peers on the article-extraction benchmark.

Inputs are made from each page's HTML exactly as CONVENTIONS.md §2 says
(inscriptis layout text, html-text flat text), plus trafilatura's html2txt
(the whole page on one line: line breaks lost); scores are CONVENTIONS.md §3
(4-gram shingle F1 of macro precision and recall).  All systems run in the
same process on the same inputs, so their numbers and times are comparable.

    python bench/quality.py                      # the full table
    python bench/quality.py --systems cleaner --variants inscriptis
    python bench/quality.py --worst 10           # error analysis
    python bench/quality.py --json out.json

Not part of the test run: it needs the benchmark data (``--data``) and the
bench extras (``pip install -e '.[bench]'``).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aeb  # noqa: E402
import peers  # noqa: E402

VARIANTS = ("inscriptis", "html-text", "html2txt", "html")
#: The text inputs (made from the HTML before any timing).
TEXTS = ("inscriptis", "html-text", "html2txt")


def _cleaner_text(text: str) -> str:
    from cleaner import clean

    return clean(text, include_title=False)


#: name -> (function, variants it runs on)
SYSTEMS = {
    "cleaner": (_cleaner_text, VARIANTS),
    "whole text": (peers.whole_text, TEXTS),
    "c4 line rules": (peers.c4_lines, TEXTS),
    "justext lines": (peers.justext_lines, TEXTS),
    "trafilatura": (peers.trafilatura_html, ("html",)),
    "trafilatura precision": (peers.trafilatura_precision, ("html",)),
}


def _input(page: aeb.Page, variant: str) -> str:
    return page.html() if variant == "html" else aeb.page_text(page, variant)


def _run_page(args: tuple[aeb.Page, list[tuple[str, str]]]) -> list[tuple[str, str, str, str, float]]:
    """(system, variant, page id, prediction, seconds) for one page."""
    page, jobs = args
    out = []
    for system, variant in jobs:
        text = _input(page, variant)
        fn = SYSTEMS[system][0]
        t0 = time.perf_counter()
        pred = fn(text)
        out.append((system, variant, page.id, pred, time.perf_counter() - t0))
    return out


def run(pages: list[aeb.Page], systems: list[str], variants: list[str], jobs: int) -> dict:
    """Predictions and timings of every (system, variant) over all pages."""
    work = [(s, v) for s in systems for v in variants if v in SYSTEMS[s][1]]
    for v in variants:  # make the cached text inputs once, outside the timings
        if v != "html":
            for p in pages:
                aeb.page_text(p, v)
    preds: dict[tuple[str, str], dict[str, str]] = {w: {} for w in work}
    secs: dict[tuple[str, str], float] = {w: 0.0 for w in work}
    tasks = [(p, work) for p in pages]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as ex:
            results = list(ex.map(_run_page, tasks, chunksize=4))
    else:
        results = [_run_page(t) for t in tasks]
    for rows in results:
        for system, variant, pid, pred, sec in rows:
            preds[(system, variant)][pid] = pred
            secs[(system, variant)] += sec
    return {"preds": preds, "secs": secs}


def table(pages: list[aeb.Page], result: dict) -> list[dict]:
    gold = {p.id: p.gold for p in pages}
    rows = []
    for (system, variant), preds in result["preds"].items():
        s = aeb.score([(gold[k], preds[k]) for k in gold])
        ms = 1000 * result["secs"][(system, variant)] / len(gold)
        rows.append({"system": system, "input": variant, "f1": s.f1, "precision": s.precision,
                     "recall": s.recall, "ms_per_doc": ms})
    return rows


def print_table(rows: list[dict]) -> None:
    print(f"{'system':<24}{'input':<12}{'F1':>7}{'prec':>7}{'recall':>7}{'ms/doc':>9}")
    for r in sorted(rows, key=lambda r: (VARIANTS.index(r["input"]), -r["f1"])):
        print(f"{r['system']:<24}{r['input']:<12}{r['f1']:7.3f}{r['precision']:7.3f}{r['recall']:7.3f}{r['ms_per_doc']:9.2f}")


def worst(pages: list[aeb.Page], preds: dict[str, str], variant: str, n: int) -> None:
    """The n lowest-scoring pages, with the lines wrongly kept and dropped."""
    from cleaner import clean_document

    scored = []
    for p in pages:
        pr = aeb.precision_recall(*aeb.tp_fp_fn(p.gold, preds[p.id]))
        f = 2 * pr[0] * pr[1] / (pr[0] + pr[1]) if sum(pr) else 0.0
        scored.append((f, pr, p))
    for f, (prec, rec), p in sorted(scored, key=lambda x: x[0])[:n]:
        print(f"\n### {variant} F1={f:.3f} P={prec:.3f} R={rec:.3f} {p.id[:12]} {p.url}")
        gold = aeb.shingles(p.gold)
        doc = clean_document(_input(p, variant), include_title=False)
        for b in doc.blocks:
            sh = aeb.shingles(b.text)
            total = sum(sh.values())
            hit = sum(min(c, gold.get(k, 0)) for k, c in sh.items()) / total if total else 0.0
            if b.kept and hit < 0.5 and total > 2:
                print(f"  KEPT    {b.rule:<32} {b.text[:110]}")
            elif not b.kept and hit > 0.5 and total > 2:
                print(f"  DROPPED {b.rule:<32} {b.text[:110]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=aeb.DEFAULT_DATA, help="benchmark folder (default: %(default)s)")
    ap.add_argument("--systems", nargs="+", default=list(SYSTEMS), choices=list(SYSTEMS), metavar="SYSTEM")
    ap.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=VARIANTS)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages")
    ap.add_argument("--worst", type=int, default=0, help="show the N worst pages of cleaner per input")
    ap.add_argument("--json", type=Path, help="also write the table as JSON here")
    ap.add_argument("--check-floors", type=Path, metavar="FILE",
                    help="exit 1 if cleaner scores below the floors in FILE (bench/floors.json)")
    args = ap.parse_args(argv)
    pages = aeb.load_pages(args.data)
    if args.limit:
        pages = pages[: args.limit]
    result = run(pages, args.systems, args.variants, args.jobs)
    rows = table(pages, result)
    print(f"{len(pages)} pages; scores as CONVENTIONS.md §3")
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    if args.worst and "cleaner" in args.systems:
        for v in args.variants:
            worst(pages, result["preds"][("cleaner", v)], v, args.worst)
    return check_floors(rows, args.check_floors) if args.check_floors else 0


def check_floors(rows: list[dict], path: Path) -> int:
    """1 (and a line per miss) when cleaner is below a pinned floor, else 0."""
    floors = {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    misses = [
        f"{r['input']}: {metric} {r[metric]:.3f} < floor {floor:.3f}"
        for r in rows if r["system"] == "cleaner" and r["input"] in floors
        for metric, floor in floors[r["input"]].items() if r[metric] < floor
    ]
    for m in misses:
        print(f"quality floor missed: {m}", file=sys.stderr)
    print("quality floors: " + ("MISSED" if misses else "ok"))
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
