"""The ``cleaner batch`` command: options, plan, engines, progress, summary and report."""
from __future__ import annotations

import argparse
import os
import io
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from .. import storage
from ..config import DEFAULT
from ..rules import Rule
from ..storage import remove_temps, write_atomic
from .files import glob_regex, output_name, walk
from .learn import Learned, TemplateCounter, conclude
from .work import Job, Result, clean_chunk, error_text, json_bytes, learn_chunk, parallel


EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

WORK_DIR = ".cleaner-work"
JSONL_NAME = "documents.jsonl"
#: Failures listed in the --report file (all are counted and printed).
MAX_REPORTED_FAILURES = 1000


EXAMPLES = """\
examples:
  cleaner batch pages/ clean/                    pages/a/b.html -> clean/a/b.txt
  cleaner batch pages/ clean/ --glob '*.html'    only HTML files
  cleaner batch pages/ corpus.jsonl --format jsonl --report report.json
  cleaner batch /shared/pages /shared/clean --engine dask --scheduler tcp://10.0.0.5:8786

Rerun the same command after an interruption: finished files are skipped.
Hidden files and folders are skipped.  Exit status: 0 all files cleaned,
1 some could not be (each is named on stderr), 2 bad usage, 130 interrupted.
"""


def _parser() -> argparse.ArgumentParser:
    from ..cli import add_cleaning_options

    p = argparse.ArgumentParser(
        prog="cleaner batch",
        description="Clean every page under IN_DIR into OUT_DIR (same tree, .txt files), in parallel; "
        "lines repeated across many pages of a site are learned and dropped.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("in_dir", metavar="IN_DIR", help="folder of pages (text, HTML or feed records)")
    p.add_argument("out", metavar="OUT_DIR",
                   help="output folder; with --format jsonl, a .jsonl file or a folder for documents.jsonl")
    add_cleaning_options(p)
    p.add_argument("--jobs", "-j", type=int, default=_cores(), metavar="N",
                   help=f"worker processes (default: all cores, here {_cores()}); with --scheduler, "
                   "the cluster's workers are used instead")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: processes on this machine (default); dask: a Dask cluster, "
                   "needs cleaner[dask] (IN_DIR and OUT_DIR may then be fsspec URLs, e.g. s3://...)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler to use (tcp://host:8786); "
                   "default: a cluster of --jobs processes on this machine")
    p.add_argument("--glob", metavar="PATTERN",
                   help="only files matching PATTERN (e.g. '*.html', 'news/**/*.txt'; default: all files)")
    p.add_argument("--format", choices=("text", "jsonl"), default="text",
                   help="text: one .txt per page (default); jsonl: one JSON record per page in one file")
    p.add_argument("--force", action="store_true", help="redo outputs that already exist")
    p.add_argument("--report", metavar="FILE", help="write a JSON summary of the run to FILE")
    t = p.add_argument_group("templates (lines repeated across a site's pages)")
    t.add_argument("--no-templates", action="store_true", help="do not learn and drop them")
    t.add_argument("--template-min-pages", type=int, default=DEFAULT.template_min_pages, metavar="N",
                   help="learn only in groups of at least N pages (default: %(default)s)")
    t.add_argument("--template-min-share", type=float, default=DEFAULT.template_min_share, metavar="S",
                   help="drop lines found in more than this share of a group's pages (default: %(default)s)")
    return p


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use
    except AttributeError:
        return os.cpu_count() or 1


class UsageError(Exception):
    """A problem with the command line or the folders: one line, exit 2."""


@dataclass
class Plan:
    job: Job
    jobs: int
    templates: bool
    report: str
    match: re.Pattern[str] | None
    work: str  #: the work folder (also when templates are off: to remove an old one)
    engine: str = "local"
    scheduler: str = ""


def _location(path: str, engine: str) -> str:
    """A path or URL as the run uses it.

    Local paths are normalised as ``pathlib`` does (``pages/`` is ``pages``);
    for Dask they are made absolute, since its workers need not share this
    process's working folder.  URLs need Dask: the local engine's forked
    workers would each see their own ``memory://``, and it has never taken URLs.
    """
    if storage.is_url(path):
        if engine != "dask":
            raise UsageError(f"{path}: URLs need --engine dask")
        return path.rstrip("/") if not path.endswith("://") else path
    return os.path.abspath(path) if engine == "dask" else str(Path(path))


def _check_options(args: argparse.Namespace) -> None:
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.template_min_pages < 2:
        raise UsageError("--template-min-pages must be at least 2 (one page repeats all its lines)")
    if not 0 < args.template_min_share < 1:
        raise UsageError("--template-min-share must be between 0 and 1")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler goes with --engine dask")
    if args.engine == "dask":
        from ..dask_engine import require

        require()  # before anything is created: without Dask, nothing happens


def _plan(args: argparse.Namespace) -> Plan:
    from ..cli import config_from

    _check_options(args)
    in_dir = _location(args.in_dir, args.engine)
    if not storage.isdir(in_dir):
        raise UsageError(f"{in_dir}: {'not a folder' if storage.exists(in_dir) else 'no such folder'}")
    jsonl = args.format == "jsonl"
    out = _location(args.out, args.engine)
    if jsonl and not out.endswith(".jsonl"):
        out = storage.join(out, JSONL_NAME)
    in_r, out_r = storage.canonical(in_dir), storage.canonical(out)
    if storage.inside(out_r, in_r):
        raise UsageError(f"{args.out} is inside {args.in_dir}: choose an output outside the input folder")
    if not jsonl and storage.inside(in_r, out_r):
        raise UsageError(f"{args.in_dir} is inside {args.out}: choose an output folder that does not contain it")
    if args.report and storage.inside(storage.canonical(args.report), in_r):
        raise UsageError(f"--report {args.report} is inside {args.in_dir}: nothing is written there")
    config = config_from(args).with_(
        template_min_pages=args.template_min_pages, template_min_share=args.template_min_share
    )
    job = Job(in_dir, out, jsonl, config, args.force)
    if storage.exists(job.out_dir) and not storage.isdir(job.out_dir):
        raise UsageError(f"{job.out_dir}: not a folder")
    if jsonl and storage.isdir(out):
        raise UsageError(f"{out}: is a folder, not a .jsonl file")
    work = storage.join(job.out_dir, WORK_DIR if not jsonl else f".{out.rsplit('/', 1)[-1]}{WORK_DIR}")
    job = replace(job, work="" if args.no_templates else work)
    match = glob_regex(args.glob) if args.glob else None
    return Plan(job, args.jobs, not args.no_templates, args.report or "", match, work, args.engine,
                args.scheduler or "")


@dataclass
class Stats:
    """Totals of a run, for the summary and the report."""

    files: int = 0
    cleaned: int = 0
    skipped: int = 0
    failed: int = 0
    empty: int = 0
    nbytes: int = 0
    chars_in: int = 0
    chars_out: int = 0
    rules: Counter[str] = field(default_factory=Counter)
    failures: list[dict[str, str]] = field(default_factory=list)
    groups: int = 0
    template_pages: dict[str, int] = field(default_factory=dict)
    learned: dict[str, frozenset[int]] = field(default_factory=dict)
    template_lines: dict[str, dict[int, str]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, r: Result) -> None:
        self.files += 1
        if r.status == "skipped":
            self.skipped += 1
            return
        if r.status == "failed":
            self.failed += 1
            if len(self.failures) < MAX_REPORTED_FAILURES:
                self.failures.append({"path": r.rel, "reason": r.reason})
            return
        self.cleaned += 1
        self.empty += not r.chars_out
        self.nbytes += r.nbytes
        self.chars_in += r.chars_in
        self.chars_out += r.chars_out
        self.rules.update(r.counts)
        for i, text in r.template_lines:
            # The smallest text of a line id, so the report does not depend on order.
            lines = self.template_lines[r.group]
            lines[i] = min(lines.get(i, text), text)


class Progress:
    """A tqdm bar on a terminal; messages go above it.  Nothing in a pipe."""

    def __init__(self, desc: str) -> None:
        self.bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
            self.bar = tqdm(desc=desc, unit=" files", file=sys.stderr, dynamic_ncols=True)

    def step(self, files: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(files)

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _todo(plan: Plan) -> Iterator[str]:
    """Paths to clean (clashes and unreadable folders are reported by the second pass)."""
    return (e.rel for e in walk(plan.job.in_dir, plan.match, not plan.job.jsonl) if not e.error)


def _all_done(plan: Plan) -> bool:
    """Every output exists already: a rerun of a finished run need not learn again."""
    job = plan.job
    if job.force or job.jsonl:
        return False
    return all(storage.exists(storage.join(job.out, output_name(rel))) for rel in _todo(plan))


class EngineError(Exception):
    """The engine lost its workers or its cluster: one line for the user, exit 1."""


class Engine(Protocol):
    """Where the two passes run: this machine's processes, or a Dask cluster (:mod:`cleaner.dask_engine`)."""

    name: str
    jobs: int  #: workers, for the report

    def learn(self, job: Job, rels: Iterable[str], progress: Progress) -> Learned: ...

    def clean(self, job: Job, rels: Iterable[str]) -> Iterator[Result]: ...

    def check(self, plan: Plan) -> None:
        """Raise :class:`UsageError` when the workers cannot do this job (the output folder exists by now)."""

    def close(self) -> None: ...


class LocalEngine:
    """``--engine local``: worker processes on this machine (see :func:`parallel`)."""

    name = "local"

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs

    def learn(self, job: Job, rels: Iterable[str], progress: Progress) -> Learned:
        """The first pass: every page counted here, as the workers report it."""
        counter = TemplateCounter()
        for learned in parallel(job, self.jobs, learn_chunk, rels):
            progress.step()
            if learned is not None:
                counter.add(*learned)
        return conclude(counter, job.config)

    def clean(self, job: Job, rels: Iterable[str]) -> Iterator[Result]:
        """The second pass: one result per file, in input order."""
        return parallel(job, self.jobs, clean_chunk, rels)

    def check(self, plan: Plan) -> None:
        pass  # the processes are this one's children: same code, same files

    def close(self) -> None:
        pass


def _engine(plan: Plan) -> Engine:
    if plan.engine == "dask":
        from ..dask_engine import DaskEngine

        return DaskEngine.start(plan)
    return LocalEngine(plan.jobs)


def _learn(plan: Plan, stats: Stats, engine: Engine) -> dict[str, frozenset[int]]:
    progress = Progress("learning templates")
    try:
        learned = engine.learn(plan.job, _todo(plan), progress)
    finally:
        progress.close()
    stats.groups = learned.groups
    stats.template_pages = learned.pages
    return learned.templates


def _clean(plan: Plan, stats: Stats, engine: Engine) -> None:
    job = plan.job
    progress = Progress("cleaning")
    sink = _JsonlSink(job.out) if job.jsonl else None

    def rels() -> Iterator[str]:
        for entry in walk(job.in_dir, plan.match, clashes=not job.jsonl):
            if entry.error:
                _report_failure(stats, progress, Result(entry.rel, "failed", entry.error))
            else:
                yield entry.rel

    try:
        for result in engine.clean(job, rels()):
            progress.step()
            if result.status == "failed":
                _report_failure(stats, progress, result)
                continue
            stats.add(result)
            if sink is not None:
                sink.write(result.record)
        if sink is not None:
            sink.commit()
    finally:
        progress.close()
        if sink is not None:
            sink.discard()


def _report_failure(stats: Stats, progress: Progress, result: Result) -> None:
    stats.add(result)
    progress.say(f"cleaner batch: {result.rel}: {result.reason}")


class _JsonlSink:
    """The JSONL output, written to a temporary file and renamed into place at the end."""

    def __init__(self, final: str) -> None:
        storage.makedirs(storage.dirname(final))
        self.final = final
        f, self.tmp = storage.open_temp(final)
        self.f = io.TextIOWrapper(f, encoding="utf-8", errors="backslashreplace")  # see json_bytes

    def write(self, line: str) -> None:
        self.f.write(line + "\n")

    def commit(self) -> None:
        self.f.close()
        storage.commit(self.tmp, self.final)
        self.tmp = ""

    def discard(self) -> None:
        if self.tmp:
            self.f.close()
            storage.unlink(self.tmp)


def _summary(stats: Stats, seconds: float) -> str:
    rate = stats.cleaned / seconds if seconds else 0.0
    parts = [f"cleaner batch: {_n(stats.files, 'file')}: {stats.cleaned} cleaned, "
             f"{stats.skipped} skipped (done before), {stats.failed} failed",
             f"{_size(stats.nbytes)} in {seconds:.1f} s ({rate:.0f} docs/s)"]
    if stats.chars_in:
        parts.append(f"{stats.chars_out / stats.chars_in:.1%} of the text kept")
    if stats.empty:
        parts.append(f"{_n(stats.empty, 'page')} without an article (empty output)")
    if stats.learned:
        n = sum(len(v) for v in stats.learned.values())
        parts.append(f"templates: {_n(n, 'line')} learned in {len(stats.learned)} of {_n(stats.groups, 'group')}, "
                     f"dropped {_n(stats.rules.get(Rule.TEMPLATE.value, 0), 'time')}")
    return "; ".join(parts)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _size(nbytes: int) -> str:
    return f"{nbytes / 1e6:.1f} MB" if nbytes >= 100_000 else f"{nbytes / 1e3:.1f} kB"


def _report(plan: Plan, stats: Stats, seconds: float, engine: Engine) -> dict[str, Any]:
    return {
        "in_dir": plan.job.in_dir,
        "out": plan.job.out,
        "format": "jsonl" if plan.job.jsonl else "text",
        "engine": engine.name,
        "jobs": engine.jobs,
        "files": stats.files,
        "cleaned": stats.cleaned,
        "skipped": stats.skipped,
        "failed": stats.failed,
        "empty": stats.empty,
        "bytes": stats.nbytes,
        "chars_in": stats.chars_in,
        "chars_out": stats.chars_out,
        "kept_share": round(stats.chars_out / stats.chars_in, 4) if stats.chars_in else 0.0,
        "seconds": round(seconds, 3),
        "docs_per_second": round(stats.cleaned / seconds, 1) if seconds else 0.0,
        "dropped_by_rule": dict(sorted(stats.rules.items())),
        "templates": {
            "enabled": plan.templates,
            "min_pages": plan.job.config.template_min_pages,
            "min_share": plan.job.config.template_min_share,
            "groups": stats.groups,
            "learned": {
                g: {"pages": stats.template_pages.get(g, 0), "lines": len(ids),
                    "dropped_lines": sorted(stats.template_lines.get(g, {}).values())}
                for g, ids in sorted(stats.learned.items())
            },
        },
        "failures": stats.failures,
    }


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    start = time.monotonic()  # docs/s counts everything, a cluster's start too
    try:
        plan = _plan(args)
        if plan.job.jsonl and storage.exists(plan.job.out) and not plan.job.force:
            print(f"cleaner batch: {plan.job.out} exists: nothing to do (--force redoes it)", file=sys.stderr)
            return EXIT_OK
        engine = _engine(plan)  # before anything is created: a cluster that is not there changes nothing
    except (UsageError, storage.StorageError) as exc:
        print(f"cleaner batch: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        _prepare(plan)
        engine.check(plan)
        return _run(plan, engine, start)
    except UsageError as exc:
        print(f"cleaner batch: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("cleaner batch: interrupted; finished outputs are complete, "
              "the same command does the rest", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenProcessPool:
        print("cleaner batch: a worker process died (killed, or out of memory); finished outputs are "
              "complete, the same command does the rest", file=sys.stderr)
        return EXIT_FAILED
    except EngineError as exc:
        print(f"cleaner batch: {exc}; finished outputs are complete, the same command does the rest",
              file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:  # the JSONL output or the output folder itself (disk full, ...)
        print(f"cleaner batch: {exc.filename or plan.job.out}: {error_text(exc)}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        engine.close()


def _prepare(plan: Plan) -> None:
    """Create the output folder; clear what an interrupted run left behind."""
    job = plan.job
    try:
        storage.makedirs(job.out_dir)
    except OSError as exc:
        raise UsageError(f"cannot create {job.out_dir}: {error_text(exc)}") from None
    remove_temps(job.out_dir, recursive=not job.jsonl)
    work = plan.work
    if storage.isdir(work):
        if job.force or not plan.templates:
            storage.rmtree(work)  # results of another run's settings
        else:
            remove_temps(work)


def _run(plan: Plan, engine: Engine, start: float) -> int:
    stats = Stats()
    job = plan.job
    if plan.templates and not _all_done(plan):
        stats.learned = _learn(plan, stats, engine)
    plan.job = replace(job, learned=stats.learned)
    _clean(plan, stats, engine)
    storage.rmtree(plan.work)
    seconds = time.monotonic() - start
    print(_summary(stats, seconds), file=sys.stderr)
    if plan.report:
        try:
            write_atomic(plan.report, json_bytes(_report(plan, stats, seconds, engine), indent=2) + b"\n")
        except OSError as exc:
            print(f"cleaner batch: cannot write {plan.report}: {error_text(exc)}", file=sys.stderr)
            return EXIT_FAILED
    return EXIT_FAILED if stats.failed else EXIT_OK
