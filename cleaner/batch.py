"""``cleaner batch IN_DIR OUT_DIR``: clean every page under a folder, at corpus scale.

Layout.  ``IN_DIR/a/b.html`` (or ``b.txt``, or ``b``) becomes ``OUT_DIR/a/b.txt``:
the article as :func:`cleaner.api.clean_document` gives it, plus a final
newline as the filter writes it (an empty file when no article was found, so
that a rerun knows the page is done).  Two inputs that would give the same
output (``b.txt`` and ``b.html``) are both reported as a clash and neither is
written.  With ``--format jsonl`` there is a single output file, one JSON
record per page in path order: ``OUT_DIR/documents.jsonl``, or OUT itself when
it ends in ``.jsonl``.

Safety.  OUT and IN may not contain each other, so nothing is ever written
into IN.  Every output is written to a temporary file in its own folder
(``.NAME.<random>.cleaner-tmp``) and renamed into place, so after Ctrl-C,
``kill`` or a crash every output file is complete; a rerun deletes leftover
temporary files, skips outputs that exist (unless ``--force``) and does the
rest.  The JSONL file is written the same way, as a whole.  (Outputs are not
fsync'ed: a crash of the *machine* may need ``--force``.)

Templates.  Pages of one site share lines that single-page rules can take for
article text (an inline membership promo, a site blurb).  A first pass counts,
per group of pages -- the URL's host when the page's metadata gives one
(feed records, HTML), else its folder -- in how many pages each line occurs;
the second pass drops, with rule ``templates.repeated_across_pages``, the
undecided lines that more than ``template_min_share`` of a group's pages have,
in groups of at least ``template_min_pages`` pages.  Smaller groups are left
alone: their outputs equal ``clean()``'s.  Counting is commutative, so the
result does not depend on file order or on the number of workers.

Memory.  Folders are listed one at a time and sorted (for a stable order), at
most a few chunks of paths are in flight, results are written as they come:
memory does not grow with the number of files, only with the largest single
folder (its names) and with the template counters: per group, one entry per
distinct line, keyed by a 64-bit id rather than the line
(:func:`cleaner.stages.templates.template_id`; ~100 bytes an entry in Python).

Engines.  Both passes go through an :class:`Engine`: processes on this machine
(:class:`LocalEngine`, the default) or a Dask cluster (``--engine dask``,
:mod:`cleaner.dask_engine`).  The work on each file -- :func:`count_files` in
the first pass, :func:`clean_files` in the second -- is the same for both, and
so is everything around it (listing, summary, report); they differ only in
where that work runs and how the first pass's counts are summed.  Files are
read and written through :mod:`cleaner.storage`, where a local path and, for
Dask, an fsspec URL (``s3://bucket/pages``) take the same code.

HTML.  For HTML pages the first pass must run trafilatura anyway (to read the
lines and the URL), so it cleans the page completely and keeps the result in a
work folder (``OUT_DIR/.cleaner-work``, removed at the end); the second pass
reuses it unless the page has a learned template line, so most HTML pages are
extracted once.  The work folder takes about as much disk as the outputs.
"""
from __future__ import annotations

import argparse
import json
import os
import io
import re
import signal
import sys
import threading
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from . import __version__, lexicons, storage
from .api import as_text, clean_document, parse
from .config import DEFAULT, Config
from .decode import decode
from .document import Document, Format
from .errors import InputError
from .formats import detect
from .rules import Rule
from .stages import repair
from .stages.templates import template_id
from .storage import TMP_SUFFIX, remove_temps, write_atomic  # noqa: F401 - part of this module's API

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

WORK_DIR = ".cleaner-work"
JSONL_NAME = "documents.jsonl"
#: Files per task sent to a worker: enough to amortise the round trip
#: (a page takes a few ms), few enough to spread the work evenly.
CHUNK = 16
#: Chunks queued per worker: keeps workers busy while bounding memory.
IN_FLIGHT_PER_JOB = 4
#: Failures listed in the --report file (all are counted and printed).
MAX_REPORTED_FAILURES = 1000


# --- template learning (also the library API) --------------------------------


@dataclass(frozen=True, slots=True)
class PageLines:
    """What the first pass learns about one page."""

    host: str  #: the host of the page's URL ("" when its metadata has none)
    ids: frozenset[int]  #: template ids of its lines, each once
    doc: Document | None = None  #: the page already cleaned (HTML), to reuse


def site_host(metadata: Mapping[str, Any]) -> str:
    """The host of the page's URL, without ``www.``; ``""`` when there is none.

    >>> site_host({"url": "https://www.Example.org/news/1"})
    'example.org'
    >>> site_host({"url": "/relative/path"})
    ''
    """
    url = metadata.get("url")
    if not isinstance(url, str):
        return ""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def line_ids(doc: Document) -> frozenset[int]:
    """Template ids of the document's lines (each once).

    Lines without a letter are left out: the matching key turns every number
    into ``0``, so "12" and "2024" would count as one repeated line.
    """
    ids = set()
    for block in doc.blocks:
        key = lexicons.key(block.text)
        if any(ch.isalpha() for ch in key):
            ids.add(template_id(key))
    return frozenset(ids)


def first_pass(text: str, config: Config = DEFAULT) -> PageLines:
    """The page's lines as the template stage will see them, and its host.

    Text and feed records are only parsed and repaired (glued lines split),
    which is cheap; HTML is cleaned completely, since its extraction is the
    cost and the result can then be reused.
    """
    if _format(text, config) is Format.HTML:
        doc = clean_document(text, config=config)
        return PageLines(site_host(doc.metadata), line_ids(doc), doc)
    doc = parse(text, config)
    repair.apply(doc, config)  # the stages before the template stage that change blocks
    return PageLines(site_host(doc.metadata), line_ids(doc))


def _format(text: str, config: Config) -> Format:
    return config.input_format if config.input_format is not Format.AUTO else detect.detect(text)


def second_pass(text: str, page: PageLines, learned: frozenset[int], config: Config = DEFAULT) -> Document:
    """``clean_document(text, templates=learned)``, reusing the first pass when it is the same."""
    if page.ids.isdisjoint(learned):
        # No line of the page is template: the template stage has nothing to do.
        return page.doc or clean_document(text, config=config)
    return clean_document(text, config=config, templates=learned)


class TemplateCounter:
    """Pages per group and, per group, in how many pages each line occurs."""

    def __init__(self) -> None:
        self.pages: Counter[Hashable] = Counter()
        self.lines: dict[Hashable, Counter[int]] = defaultdict(Counter)

    def add(self, group: Hashable, ids: Iterable[int]) -> None:
        """Count one page; ``ids`` are its distinct line ids."""
        self.pages[group] += 1
        self.lines[group].update(set(ids))  # a line counts once per page

    def update(self, other: TemplateCounter) -> None:
        """Add the counts of ``other``: the counts of both sets of pages (the reduce step)."""
        self.pages.update(other.pages)
        for group, lines in other.lines.items():
            self.lines[group].update(lines)

    def templates(self, min_pages: int, min_share: float) -> dict[Hashable, frozenset[int]]:
        """The template ids of each group that has any (big enough groups only)."""
        out = {}
        for group, n in self.pages.items():
            if n < min_pages:
                continue
            ids = frozenset(i for i, c in self.lines[group].items() if c > min_share * n)
            if ids:
                out[group] = ids
        return out


def merge_counters(*counters: TemplateCounter) -> TemplateCounter:
    """One counter with the counts of all; the inputs are left as they are.

    Counts add up, so any grouping and order of merges gives the same counter:
    a cluster may merge partial counters in whatever tree suits it.

    >>> a, b = TemplateCounter(), TemplateCounter()
    >>> a.add("dir:x", [1, 2]); b.add("dir:x", [2]); b.add("dir:y", [3])
    >>> m = merge_counters(a, b)
    >>> dict(m.pages), dict(m.lines["dir:x"]), dict(a.pages)
    ({'dir:x': 2, 'dir:y': 1}, {1: 1, 2: 2}, {'dir:x': 1})
    """
    out = TemplateCounter()
    for counter in counters:
        out.update(counter)
    return out


@dataclass(frozen=True)
class Learned:
    """What the first pass concludes: the template lines, and the sizes behind them for the report."""

    groups: int = 0  #: groups of pages seen
    pages: dict[str, int] = field(default_factory=dict)  #: pages of each group that has template lines
    templates: dict[str, frozenset[int]] = field(default_factory=dict)


def conclude(counter: TemplateCounter, config: Config) -> Learned:
    """The template lines of each group, from the counts of all its pages."""
    templates = counter.templates(config.template_min_pages, config.template_min_share)
    return Learned(len(counter.pages), {g: counter.pages[g] for g in templates}, templates)


def learn_templates(
    pages_by_group: Mapping[Hashable, Iterable[str | bytes]], *, config: Config | None = None
) -> dict[Hashable, frozenset[int]]:
    """Template line ids of each group of pages, for ``clean_document(templates=...)``.

    Groups with fewer than ``config.template_min_pages`` pages, or no line on
    more than ``config.template_min_share`` of them, are left out.  See
    :func:`clean_many` for an example.
    """
    config = config or DEFAULT
    counter = TemplateCounter()
    for group, texts in pages_by_group.items():
        for data in texts:
            counter.add(group, first_pass(as_text(data), config).ids)
    return counter.templates(config.template_min_pages, config.template_min_share)


def clean_many(
    texts: Sequence[str | bytes], *, groups: Sequence[Hashable] | None = None, config: Config | None = None
) -> list[Document]:
    """Clean pages together, dropping lines repeated across a group's pages.

    ``groups`` gives each page's group (its site); by default pages are
    grouped by the host of their URL, and pages without one form one group.
    Raises :class:`~cleaner.errors.InputError` for bytes that are not text.

    >>> body = ("Residents near the {0} say the plans for the {0} have divided "
    ...         "the town for months, and the council votes on them next week.")
    >>> promo = "The Valley Courier is owned by its readers and has covered the town since its first edition."
    >>> places = ("harbour orchard library railway market bridge festival museum stadium school "
    ...           "hospital garden theatre ferry airport castle canal forest bakery tram").split()
    >>> pages = [f"{body.format(w)}\\n\\n{promo}\\n\\n{body.format(w + 's')}" for w in places]
    >>> from cleaner import clean
    >>> promo in clean(pages[0])
    True
    >>> docs = clean_many(pages, config=Config(template_min_pages=20))
    >>> [promo in d.text for d in docs] == [False] * 20, docs[0].rule_counts()
    (True, {'templates.repeated_across_pages': 1})
    """
    config = config or DEFAULT
    texts = [as_text(t) for t in texts]
    firsts = [first_pass(t, config) for t in texts]
    labels = list(groups) if groups is not None else [p.host for p in firsts]
    if len(labels) != len(texts):
        raise ValueError(f"clean_many: {len(texts)} texts but {len(labels)} groups")
    counter = TemplateCounter()
    for label, page in zip(labels, firsts):
        counter.add(label, page.ids)
    learned = counter.templates(config.template_min_pages, config.template_min_share)
    return [second_pass(t, p, learned.get(g, frozenset()), config) for t, p, g in zip(texts, firsts, labels)]


# --- files ----------------------------------------------------------------------


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A ``--glob`` pattern as a regex on paths relative to IN_DIR (``/``-separated).

    ``*`` and ``?`` stay within a name, ``**`` crosses folders, ``[..]`` is a
    class; a pattern without ``/`` matches names at any depth.

    >>> bool(glob_regex("*.html").match("a/b/page.html")), bool(glob_regex("news/*.txt").match("news/a/b.txt"))
    (True, False)
    >>> bool(glob_regex("news/**/*.txt").match("news/b.txt")), bool(glob_regex("[!x]*").match("y"))
    (True, True)
    """
    if "/" not in pattern:
        pattern = "**/" + pattern
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] in "*?":
            out.append("[^/]*" if pattern[i] == "*" else "[^/]")
            i += 1
        elif pattern[i] == "[" and (end := pattern.find("]", i + 2)) != -1:
            inner = pattern[i + 1 : end].replace("\\", "\\\\")
            out.append("[" + ("^" + inner[1:] if inner.startswith("!") else inner) + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z", re.S)


def output_name(rel: str) -> str:
    """The output path of an input path: the suffix becomes ``.txt``."""
    stem, _ = os.path.splitext(rel)
    return stem + ".txt"


@dataclass(frozen=True, slots=True)
class Entry:
    """A file to clean (``error`` empty) or one that cannot be (a clash, an unreadable folder)."""

    rel: str
    error: str = ""


def walk(root: str, match: re.Pattern[str] | None = None, clashes: bool = True) -> Iterator[Entry]:
    """Regular files under ``root`` in path order, lazily; hidden files and folders are skipped.

    One folder is listed at a time, sorted, so the order is stable and
    memory follows the largest folder, not the whole tree.  Folder symlinks
    are not followed (no loops).  With ``clashes``, files of a folder that
    would have the same output name are returned as errors.
    """
    stack = [""]
    while stack:
        folder = stack.pop()
        try:
            files, dirs = storage.listdir(storage.join(root, folder))
        except OSError as exc:
            yield Entry(folder or ".", f"cannot read folder: {exc.strerror or exc}")
            continue
        rels = [posix_join(folder, name) for name in files]
        rels = [r for r in rels if match is None or match.match(r)]
        names = Counter(output_name(r) for r in rels) if clashes else Counter()
        for rel in rels:
            if names[output_name(rel)] > 1:
                others = [r for r in rels if r != rel and output_name(r) == output_name(rel)]
                yield Entry(rel, f"same output {output_name(rel)} as {', '.join(others)}; rename one")
            else:
                yield Entry(rel)
        stack.extend(posix_join(folder, d) for d in reversed(dirs))


def posix_join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


# --- work shared with the worker processes ----------------------------------------


@dataclass(frozen=True)
class Job:
    """Everything a worker needs; sent once to each worker process."""

    in_dir: str
    out: str  #: OUT_DIR, or the JSONL file
    jsonl: bool
    config: Config
    force: bool = False
    work: str = ""  #: folder for first-pass results of HTML pages ("" = none)
    learned: Mapping[str, frozenset[int]] = field(default_factory=dict)

    @property
    def out_dir(self) -> str:
        """The folder outputs go to: OUT_DIR, or the JSONL file's folder."""
        return (storage.dirname(self.out) or ".") if self.jsonl else self.out

    @property
    def fingerprint(self) -> str:
        """What a cached first pass depends on besides its input file."""
        return f"{__version__} {self.config!r}"


@dataclass(slots=True)
class Result:
    """One cleaned (or skipped, or failed) file, as a worker reports it."""

    rel: str
    status: str  #: "cleaned", "skipped" or "failed"
    reason: str = ""
    nbytes: int = 0
    chars_in: int = 0
    chars_out: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    record: str = ""  #: the JSONL line (jsonl format)
    group: str = ""
    template_lines: list[tuple[int, str]] = field(default_factory=list)


_JOB: Job | None = None


def _init_worker(job: Job, child: bool) -> None:
    global _JOB
    _JOB = job
    if child:
        # Ctrl-C goes to the whole process group: the parent stops handing
        # out work and waits; workers finish their file instead of dying
        # with a traceback each.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """End this worker when the parent is killed (``kill -9``): its pool would wait forever.

    A file being written then stays a temporary file, which the next run removes.
    """
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def group_of(rel: str, host: str) -> str:
    """A page's group: its site when known, else its folder."""
    return f"host:{host}" if host else f"dir:{os.path.dirname(rel) or '.'}"


def _read(path: str) -> bytes:
    return storage.read(path)


def _error(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


class _Cache:
    """First-pass results of HTML pages, one JSON file each, valid for one input and config."""

    def __init__(self, job: Job) -> None:
        self.job = job

    def _path(self, rel: str) -> str:
        name = template_id(rel).to_bytes(8, "big").hex()
        return storage.join(self.job.work, f"{name[:2]}/{name}.json")

    def load(self, rel: str, stamp: list[Any]) -> dict[str, Any] | None:
        if not self.job.work:
            return None
        try:
            entry = json.loads(storage.read(self._path(rel)))
        except (OSError, ValueError):
            return None
        valid = (
            isinstance(entry, dict)
            and entry.get("rel") == rel
            and entry.get("stat") == stamp
            and entry.get("config") == self.job.fingerprint
        )
        return entry if valid else None

    def store(self, rel: str, stamp: list[Any], page: PageLines, text: str) -> None:
        if not self.job.work or page.doc is None:
            return
        entry = {
            "rel": rel,
            "stat": stamp,
            "config": self.job.fingerprint,
            "host": page.host,
            "ids": sorted(page.ids),
            "chars": len(text),
            "record": record_of(page.doc, rel),
        }
        try:
            write_atomic(self._path(rel), _json_bytes(entry))
        except OSError:
            pass  # only an optimisation: the second pass cleans the page again


def _json_bytes(data: Any, indent: int | None = None) -> bytes:
    # File names that are not UTF-8 reach Python as lone surrogates; escaped,
    # they stay valid JSON ("\\udcff") instead of failing to encode.
    return json.dumps(data, ensure_ascii=False, indent=indent).encode("utf-8", "backslashreplace")


def record_of(doc: Document, rel: str) -> dict[str, Any]:
    """The JSONL record of a page: path, title, text, metadata, dropped blocks by rule."""
    d = doc.to_dict()
    return {"path": rel, "title": d["title"], "text": d["text"], "metadata": d["metadata"], "counts": d["counts"]}


def _learn_chunk(rels: list[str]) -> list[tuple[str, frozenset[int]] | None]:
    """First pass over some files: (group, line ids) each, None when unreadable."""
    assert _JOB is not None
    return [_learn_one(_JOB, rel) for rel in rels]


def _learn_one(job: Job, rel: str) -> tuple[str, frozenset[int]] | None:
    path = storage.join(job.in_dir, rel)
    cache = _Cache(job)
    try:
        stamp = storage.stamp(path)
        entry = cache.load(rel, stamp)
        if entry is not None:
            return group_of(rel, entry["host"]), frozenset(entry["ids"])
        text = decode(_read(path))
        page = first_pass(text, job.config)
    except Exception:  # noqa: BLE001 - unreadable, not text, or a bug: the second pass reports it
        return None
    cache.store(rel, stamp, page, text)
    return group_of(rel, page.host), page.ids


def _clean_chunk(rels: list[str]) -> list[Result]:
    """Second pass over some files in a local worker process (the job was sent once, at its start)."""
    assert _JOB is not None
    return clean_files(_JOB, rels)


def _clean_one(job: Job, rel: str) -> Result:
    dest = "" if job.jsonl else storage.join(job.out, output_name(rel))
    if dest and not job.force and storage.exists(dest):
        return Result(rel, "skipped")  # written completely by an earlier run
    try:
        result, doc_text = _clean_file(job, rel)
    except (InputError, OSError) as exc:
        return Result(rel, "failed", _error(exc))
    except Exception as exc:  # noqa: BLE001 - a bug on one page must not stop a corpus
        return Result(rel, "failed", f"internal error, please report: {type(exc).__name__}: {exc}")
    if dest:
        try:
            write_atomic(dest, (doc_text + "\n" if doc_text else "").encode("utf-8", "replace"))
        except OSError as exc:
            return Result(rel, "failed", f"cannot write {dest}: {_error(exc)}")
    return result


def _clean_file(job: Job, rel: str) -> tuple[Result, str]:
    """Clean one file; the result (with its JSONL record if wanted) and the article text."""
    path = storage.join(job.in_dir, rel)
    stamp = storage.stamp(path)
    entry = _Cache(job).load(rel, stamp)  # an HTML page the first pass cleaned already
    if entry is None:
        text = decode(_read(path))
        group, doc = _clean_text(job, rel, text)
    else:
        group = group_of(rel, entry["host"])
        learned = job.learned.get(group, frozenset())
        if learned.isdisjoint(entry["ids"]):  # nothing to drop: the first pass is final
            return _result(job, rel, stamp, entry["record"], entry["chars"], group, []), entry["record"]["text"]
        text = decode(_read(path))
        doc = clean_document(text, config=job.config, templates=learned)
    dropped = [(template_id(b.features.key), b.text) for b in doc.blocks if b.rule == Rule.TEMPLATE]
    record = record_of(doc, rel)
    return _result(job, rel, stamp, record, len(text), group, dropped), record["text"]


def _clean_text(job: Job, rel: str, text: str) -> tuple[str, Document]:
    """(group, cleaned document) of one page, with its group's template lines."""
    if not job.learned:
        return "", clean_document(text, config=job.config)
    if _format(text, job.config) is Format.TEXT:  # no metadata, so no URL: the folder is the group
        group = group_of(rel, "")
        return group, clean_document(text, config=job.config, templates=job.learned.get(group, frozenset()))
    page = first_pass(text, job.config)
    group = group_of(rel, page.host)
    return group, second_pass(text, page, job.learned.get(group, frozenset()), job.config)


def _result(job: Job, rel: str, stamp: list[Any], record: dict[str, Any], chars_in: int, group: str,
            dropped: list[tuple[int, str]]) -> Result:
    line = json.dumps(record, ensure_ascii=False) if job.jsonl else ""
    return Result(rel, "cleaned", "", stamp[0], chars_in, len(record["text"]), record["counts"], line,
                  group, dropped)


def _chunks(entries: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for rel in entries:
        chunk.append(rel)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def parallel(job: Job, jobs: int, fn: Callable[[list[str]], list], rels: Iterable[str]) -> Iterator[Any]:
    """``fn`` over chunks of ``rels`` in ``jobs`` processes; results in input order.

    At most ``IN_FLIGHT_PER_JOB * jobs`` chunks are queued at a time (an
    executor's ``map`` would read the whole input first), so memory stays
    bounded.  With one job everything runs in this process.
    """
    if jobs == 1:
        _init_worker(job, child=False)
        for chunk in _chunks(rels, CHUNK):
            yield from fn(chunk)
        return
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(job, True)) as pool:
        yield from in_order(lambda chunk: pool.submit(fn, chunk), _chunks(rels, CHUNK), IN_FLIGHT_PER_JOB * jobs)


def in_order(submit: Callable[[list[str]], Any], chunks: Iterable[list[str]], window: int) -> Iterator[Any]:
    """The items of each chunk's result, in input order, with at most ``window`` chunks submitted.

    ``submit`` returns a future (``concurrent.futures`` or ``dask.distributed``:
    both have ``result()`` and ``cancel()``).  Chunks are read from the input
    only as earlier ones finish, so memory does not grow with the input.
    """
    pending: deque = deque()
    try:
        for chunk in chunks:
            pending.append(submit(chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def clean_files(job: Job, rels: list[str]) -> list[Result]:
    """Second pass over some files, in a worker of any engine: each output written (text), or its record."""
    return [_clean_one(job, rel) for rel in rels]


def count_files(job: Job, rels: list[str]) -> TemplateCounter:
    """First pass over some files, in a worker: their pages counted per group (unreadable ones left out)."""
    counter = TemplateCounter()
    for rel in rels:
        learned = _learn_one(job, rel)
        if learned is not None:
            counter.add(*learned)
    return counter


# --- the command -------------------------------------------------------------------

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
    from .cli import add_cleaning_options

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
        from .dask_engine import require

        require()  # before anything is created: without Dask, nothing happens


def _plan(args: argparse.Namespace) -> Plan:
    from .cli import config_from

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


class _Progress:
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

    def learn(self, job: Job, rels: Iterable[str], progress: _Progress) -> Learned: ...

    def clean(self, job: Job, rels: Iterable[str]) -> Iterator[Result]: ...

    def check(self, plan: Plan) -> None:
        """Raise :class:`UsageError` when the workers cannot do this job (the output folder exists by now)."""

    def close(self) -> None: ...


class LocalEngine:
    """``--engine local``: worker processes on this machine (see :func:`parallel`)."""

    name = "local"

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs

    def learn(self, job: Job, rels: Iterable[str], progress: _Progress) -> Learned:
        """The first pass: every page counted here, as the workers report it."""
        counter = TemplateCounter()
        for learned in parallel(job, self.jobs, _learn_chunk, rels):
            progress.step()
            if learned is not None:
                counter.add(*learned)
        return conclude(counter, job.config)

    def clean(self, job: Job, rels: Iterable[str]) -> Iterator[Result]:
        """The second pass: one result per file, in input order."""
        return parallel(job, self.jobs, _clean_chunk, rels)

    def check(self, plan: Plan) -> None:
        pass  # the processes are this one's children: same code, same files

    def close(self) -> None:
        pass


def _engine(plan: Plan) -> Engine:
    if plan.engine == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine.start(plan)
    return LocalEngine(plan.jobs)


def _learn(plan: Plan, stats: Stats, engine: Engine) -> dict[str, frozenset[int]]:
    progress = _Progress("learning templates")
    try:
        learned = engine.learn(plan.job, _todo(plan), progress)
    finally:
        progress.close()
    stats.groups = learned.groups
    stats.template_pages = learned.pages
    return learned.templates


def _clean(plan: Plan, stats: Stats, engine: Engine) -> None:
    job = plan.job
    progress = _Progress("cleaning")
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


def _report_failure(stats: Stats, progress: _Progress, result: Result) -> None:
    stats.add(result)
    progress.say(f"cleaner batch: {result.rel}: {result.reason}")


class _JsonlSink:
    """The JSONL output, written to a temporary file and renamed into place at the end."""

    def __init__(self, final: str) -> None:
        storage.makedirs(storage.dirname(final))
        self.final = final
        f, self.tmp = storage.open_temp(final)
        self.f = io.TextIOWrapper(f, encoding="utf-8", errors="backslashreplace")  # see _json_bytes

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
        print(f"cleaner batch: {exc.filename or plan.job.out}: {_error(exc)}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        engine.close()


def _prepare(plan: Plan) -> None:
    """Create the output folder; clear what an interrupted run left behind."""
    job = plan.job
    try:
        storage.makedirs(job.out_dir)
    except OSError as exc:
        raise UsageError(f"cannot create {job.out_dir}: {_error(exc)}") from None
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
            write_atomic(plan.report, _json_bytes(_report(plan, stats, seconds, engine), indent=2) + b"\n")
        except OSError as exc:
            print(f"cleaner batch: cannot write {plan.report}: {_error(exc)}", file=sys.stderr)
            return EXIT_FAILED
    return EXIT_FAILED if stats.failed else EXIT_OK
