"""The work on each file, the same in worker processes and on a Dask cluster."""
from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from .. import __version__, storage
from ..api import clean_document
from ..config import Config
from ..decode import decode
from ..document import Document, Format
from ..errors import InputError
from ..rules import Rule
from ..stages.templates import template_id
from ..storage import write_atomic
from .files import output_name
from .learn import PageLines, TemplateCounter, input_format_of, first_pass, second_pass


#: Files per task sent to a worker: enough to amortise the round trip
#: (a page takes a few ms), few enough to spread the work evenly.
CHUNK = 16
#: Chunks queued per worker: keeps workers busy while bounding memory.
IN_FLIGHT_PER_JOB = 4


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


def error_text(exc: BaseException) -> str:
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
            write_atomic(self._path(rel), json_bytes(entry))
        except OSError:
            pass  # only an optimisation: the second pass cleans the page again


def json_bytes(data: Any, indent: int | None = None) -> bytes:
    # File names that are not UTF-8 reach Python as lone surrogates; escaped,
    # they stay valid JSON ("\\udcff") instead of failing to encode.
    return json.dumps(data, ensure_ascii=False, indent=indent).encode("utf-8", "backslashreplace")


def record_of(doc: Document, rel: str) -> dict[str, Any]:
    """The JSONL record of a page: path, title, text, metadata, dropped blocks by rule."""
    d = doc.to_dict()
    return {"path": rel, "title": d["title"], "text": d["text"], "metadata": d["metadata"], "counts": d["counts"]}


def learn_chunk(rels: list[str]) -> list[tuple[str, frozenset[int]] | None]:
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


def clean_chunk(rels: list[str]) -> list[Result]:
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
        return Result(rel, "failed", error_text(exc))
    except Exception as exc:  # noqa: BLE001 - a bug on one page must not stop a corpus
        return Result(rel, "failed", f"internal error, please report: {type(exc).__name__}: {exc}")
    if dest:
        try:
            write_atomic(dest, (doc_text + "\n" if doc_text else "").encode("utf-8", "replace"))
        except OSError as exc:
            return Result(rel, "failed", f"cannot write {dest}: {error_text(exc)}")
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
    if input_format_of(text, job.config) is Format.TEXT:  # no metadata, so no URL: the folder is the group
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


def chunked(entries: Iterable[str], size: int) -> Iterator[list[str]]:
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
        for chunk in chunked(rels, CHUNK):
            yield from fn(chunk)
        return
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(job, True)) as pool:
        yield from in_order(lambda chunk: pool.submit(fn, chunk), chunked(rels, CHUNK), IN_FLIGHT_PER_JOB * jobs)


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
