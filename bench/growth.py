"""How clean()'s time grows with the input: 1 KB ... 10 MB, for many shapes.

The cleaner runs unattended over pages from the open web, where anything
comes: one 10 MB line, 200,000 short lines, a page of dots.  Each stage
must be linear (or nearly) in the input, so doubling an input should about
double the time, and ten times the input about ten times.  This script
times ``clean()`` on inputs of growing size for shapes that would expose
catastrophic regex backtracking or a quadratic step, prints the table and
the growth per decade, and flags shapes that grow clearly faster than
linearly.

    .venv/bin/python bench/growth.py                 # 1 KB .. 10 MB, every shape
    .venv/bin/python bench/growth.py --max 1000000   # up to 1 MB (quicker)
    .venv/bin/python bench/growth.py --shape dots --shape spaces

A benchmark, not a test: timings depend on the machine and on what else it
runs.  Growth = t(10n) / t(n): about 10 is linear, 100 quadratic; the
exponent log10(growth) is printed beside it (1.0 linear, 2.0 quadratic).
A shape is flagged when the exponent of its last decade exceeds 1.3 while
the times are large enough to mean something.  Each measurement runs in a
child process that is stopped after ``--limit`` seconds, so a shape that
hangs is reported as such (and its larger sizes skipped) instead of
stalling the whole run.
"""
from __future__ import annotations

import argparse
import gc
import math
import multiprocessing
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from cleaner import clean  # noqa: E402

SEEDS = sorted((HERE.parent / "fixtures" / "seeds").glob("*.txt"))
SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000)
#: Below this time (seconds) a ratio is mostly noise and is not flagged.
MIN_MEANINGFUL = 0.05
#: Exponent of the last decade above which a shape is called super-linear.
FLAG_EXPONENT = 1.3
#: A shape stops growing once one run takes longer than this (seconds):
#: the next size would take ten times as long.
STOP_AFTER = 120.0
#: A run still going after this many seconds is stopped and reported.
LIMIT = 300.0

SENTENCE = ("The council voted on Monday to build new bike lanes across the city, "
            "the largest expansion of the network in a decade. ")


def _fill(unit: Callable[[int], str], n: int, sep: str = "") -> str:
    """Units (numbered, so they differ where that matters) until ``n`` characters."""
    parts, size, i = [], 0, 0
    while size < n:
        part = unit(i)
        parts.append(part)
        size += len(part) + len(sep)
        i += 1
    return sep.join(parts)[:n]


def _page(n: int) -> str:
    pages = "\n\n".join(p.read_text(encoding="utf-8") for p in SEEDS if not p.read_text(encoding="utf-8").startswith("---"))
    return (pages + "\n\n") * (n // (len(pages) + 2) + 1)


#: name -> (what it is, text of about n characters)
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "page": ("the text seed pages, repeated", lambda n: _page(n)[:n]),
    "long_line": ("prose on one line, no line break", lambda n: (SENTENCE * (n // len(SENTENCE) + 1))[:n]),
    "short_lines": ("'Item 123' lines", lambda n: _fill(lambda i: f"Item {i}", n, "\n")),
    "dots": ("'.' only", lambda n: "." * n),
    "spaces": ("' ' only", lambda n: " " * n),
    "huge_word": ("one word, no space", lambda n: "a" * n),
    "urls": ("lines of ten URLs", lambda n: _fill(
        lambda i: " ".join(f"https://www.example.org/news/{i}/{j}/story-of-the-day.html?id={i * 10 + j}" for j in range(10)),
        n, "\n")),
    "same_line": ("one line repeated", lambda n: _fill(lambda i: SENTENCE.strip(), n, "\n")),
    "same_start": ("lines opening with the same six words", lambda n: _fill(
        lambda i: f"The council voted on Monday to approve plan number {i} of the city budget.", n, "\n")),
    "paragraphs": ("distinct prose paragraphs, blank lines between", lambda n: _fill(
        lambda i: f"In part {i} of the report, " + SENTENCE.strip(), n, "\n\n")),
    "cjk": ("Chinese prose on one line", lambda n: ("市议会周一投票决定在全市修建新的自行车道，这是十年来网络最大规模的扩建。" * (n // 36 + 1))[:n]),
    "punctuation": ("glued sentences, 'ab.Cd' repeated on one line", lambda n: ("ab.Cd" * (n // 5 + 1))[:n]),
    "dotted": ("one token 'a.a.a...' (a URL-like run without a domain)", lambda n: ("a." * (n // 2 + 1))[:n]),
    "capitals": ("a 3-word line of capitals 'AAA...A is here' above an article", lambda n: _capitals(n)),
}


def _capitals(n: int) -> str:
    """A line of capitals and two words (a headline candidate) above a short article; ``n`` characters in all."""
    article = "\n\n" + "\n\n".join(f"In part {i} of the report, " + SENTENCE.strip() for i in range(3))
    tail = " is here"
    return "A" * max(20, n - len(article) - len(tail)) + tail + article


def timed(text: str, repeat: int) -> float:
    """The best of ``repeat`` runs (the least disturbed by other processes)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        clean(text)
        times.append(time.perf_counter() - start)
    return min(times)


def _child(shape: str, size: int, repeat: int, conn) -> None:
    conn.send(timed(SHAPES[shape][1](size), repeat))


def timed_with_limit(shape: str, size: int, repeat: int, limit: float) -> float:
    """:func:`timed` in a child process; ``math.inf`` when it runs past ``limit`` seconds."""
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.Process(target=_child, args=(shape, size, repeat, send))
    child.start()
    if receive.poll(limit):
        result = receive.recv()
        child.join()
        return result
    child.terminate()  # our own child, by its handle
    child.join()
    return math.inf


def fmt_time(t: float | None) -> str:
    if t is None:
        return "-"
    if math.isinf(t):
        return "TIMEOUT"
    return f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--max", type=int, default=SIZES[-1], help="largest input in characters (default 10,000,000)")
    p.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes (repeatable)")
    p.add_argument("--limit", type=float, default=LIMIT, help=f"seconds after which one run is stopped (default {LIMIT:.0f})")
    args = p.parse_args(argv)
    sizes = [s for s in SIZES if s <= args.max]
    names = args.shape or list(SHAPES)
    multiprocessing.set_start_method("fork")  # children start with the lexicons already loaded
    clean(SENTENCE * 3)  # load lexicons and stoplists before timing anything

    rows, flagged = [], []
    print("clean() time by input size (characters); best of 3 runs up to 100 KB, one run above;")
    print(f"TIMEOUT: stopped after {args.limit:.0f} s, larger sizes not run\n")
    header = f"{'shape':<12} " + " ".join(f"{s:>10,}" for s in sizes) + "   growth per decade (exponent)"
    print(header)
    print("-" * len(header))
    for name in names:
        times: list[float | None] = []
        for size in sizes:
            if times and (times[-1] is None or times[-1] > STOP_AFTER):
                times.append(None)
                continue
            times.append(timed_with_limit(name, size, 3 if size <= 100_000 else 1, args.limit))
        growth = []
        for a, b in zip(times, times[1:]):
            if a is None or b is None or a <= 0 or math.isinf(a) or math.isinf(b):
                growth.append("")
                continue
            exponent = math.log10(b / a)
            growth.append(f"{b / a:.1f} ({exponent:.2f})")
        last = [(a, b) for a, b in zip(times, times[1:]) if a and b and MIN_MEANINGFUL <= b < math.inf]
        exponents = [math.log10(b / a) for a, b in last]
        verdict = ""
        if last and exponents[-1] > FLAG_EXPONENT:
            verdict = "  <- SUPER-LINEAR"
            flagged.append(name)
        if any(t is None or math.isinf(t) for t in times):
            verdict += "  <- stopped: too slow"
            if name not in flagged:
                flagged.append(name)
        rows.append((name, times, growth, exponents))
        print(f"{name:<12} " + " ".join(f"{fmt_time(t):>10}" for t in times) + "   " + ", ".join(g for g in growth if g) + verdict,
              flush=True)

    print()
    for name in names:
        print(f"  {name:<12} {SHAPES[name][0]}")
    meaningful = [e for _, _, _, es in rows for e in es]
    if meaningful:
        print(f"\nmedian exponent over all meaningful decades: {statistics.median(meaningful):.2f} (1.0 is linear)")
    print("super-linear shapes: " + (", ".join(flagged) if flagged else "none"))
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
