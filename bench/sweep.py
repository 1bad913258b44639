"""Try config values on the benchmark: how the defaults in cleaner/config.py were chosen.

    python bench/sweep.py short_weight=0.5,1,2 near_good_weight=0.5,1

Every combination is scored on both text variants, and separately on the
odd and even pages: a value that only wins on one half is noise, not signal.
"""
from __future__ import annotations

import argparse
import itertools
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import fields
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aeb  # noqa: E402

from cleaner import Config, clean  # noqa: E402

_PAGES: list[aeb.Page] = []


def _init(data: Path) -> None:
    _PAGES[:] = aeb.load_pages(data)


def _score(args: tuple[dict, str]) -> tuple[float, float, float, float, float]:
    overrides, variant = args
    config = Config(**overrides)
    pairs = [(p.gold, clean(aeb.page_text(p, variant), include_title=False, config=config)) for p in _PAGES]
    whole = aeb.score(pairs)
    odd, even = aeb.score(pairs[::2]), aeb.score(pairs[1::2])
    return whole.f1, whole.precision, whole.recall, odd.f1, even.f1


def _parse(spec: str) -> tuple[str, list]:
    name, _, values = spec.partition("=")
    types = {f.name: f.type for f in fields(Config)}
    if name not in types:
        sys.exit(f"unknown config field {name!r}")
    cast = {"float": float, "int": int, "bool": lambda v: v.lower() in ("1", "true", "yes")}.get(str(types[name]), str)
    return name, [cast(v) for v in values.split(",")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("specs", nargs="*", help="field=v1,v2,...")
    ap.add_argument("--data", type=Path, default=aeb.DEFAULT_DATA)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    grid = [_parse(s) for s in args.specs]
    combos = [dict(zip([n for n, _ in grid], vals)) for vals in itertools.product(*[v for _, v in grid])] or [{}]
    tasks = [(c, v) for c in combos for v in aeb.TEXT_VARIANTS]
    with ProcessPoolExecutor(args.jobs, initializer=_init, initargs=(args.data,)) as ex:
        results = list(ex.map(_score, tasks))
    print(f"{'config':<50}{'variant':<12}{'F1':>7}{'P':>7}{'R':>7}{'odd':>7}{'even':>7}")
    for (combo, variant), (f1, p, r, o, e) in zip(tasks, results):
        label = " ".join(f"{k}={v}" for k, v in combo.items()) or "(defaults)"
        print(f"{label:<50}{variant:<12}{f1:7.3f}{p:7.3f}{r:7.3f}{o:7.3f}{e:7.3f}")


if __name__ == "__main__":
    main()
