"""``cleaner batch --engine dask``: the two passes of :mod:`cleaner.batch` on a Dask cluster.

A module of its own so that the local engine never imports Dask, and Dask is
needed only by those who ask for it (``pip install 'cleaner[dask]'``).
Everything a page goes through -- reading, first-pass keying, grouping,
template ids, cleaning, the output path and the atomic write -- is
:mod:`cleaner.batch`'s, run on the workers; this module only decides what
runs where.

What runs where.  This process (the client) lists IN_DIR and hands out
batches of paths, never texts; workers read their files from the shared file
system (or an fsspec URL), write each output themselves and send back small
per-file results (status, sizes, rule counts), which the client sums into the
summary and the report.  With ``--format jsonl`` the one output file is
written by the client, so there the texts do travel back, a bounded number
of batches at a time.

Pass 1 is a map-reduce.  Each batch of files becomes a
:class:`~cleaner.batch.TemplateCounter` on the worker that read them (pages
per group, and per group in how many pages each line id occurs).  As
counters finish, every ``FAN_IN`` counters of one level are merged by a task
into one counter of the next level -- a tree, so merges run on many workers
at once and each merges counters of similar size.  The last task merges what
is left and turns the counts into template lines (:func:`cleaner.batch.conclude`);
only those line ids come back.  Counts add up, so the counter at the root is
the one the local engine builds page by page, whatever the batches, the
workers or the order: the learned lines, and so every output byte, are the
same.

Memory.  At most ``IN_FLIGHT_PER_JOB`` batches per worker thread are
submitted at a time, in both passes; the client holds paths of those batches
only.  A worker holds its batch's pages one at a time and the counters it is
merging: the root counter is as large as the local engine's (one entry per
distinct line per group, ~100 bytes), on one worker.
"""
from __future__ import annotations

import logging
import signal
from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError  # what Dask raises for a cancelled future, old versions and new
from contextlib import contextmanager
from typing import Any

from . import __version__, storage
from .batch.command import EngineError, Plan, Progress, UsageError
from .batch.learn import Learned, conclude, merge_counters
from .batch.work import IN_FLIGHT_PER_JOB, Job, Result, chunked, clean_files, count_files, in_order
from .config import Config

#: Files per task: a page takes milliseconds and a task costs the scheduler
#: about one, so a few dozen pages amortise it and still spread a small
#: folder over the workers.
BATCH = 32
#: Counters merged by one task of the reduction tree.
FAN_IN = 4
#: How long to wait for the scheduler, and for its first worker.
CONNECT_TIMEOUT = 10.0

INSTALL = "pip install 'cleaner[dask]'"
#: A cluster started here has no dashboard, and its scheduler's web server takes
#: any free port: the default 8787 may be another cluster's on a shared machine,
#: which would only earn a warning.
QUIET = {"dashboard_address": None, "scheduler_kwargs": {"dashboard": False, "dashboard_address": ":0"}}


def require() -> None:
    """Raise a one-line :class:`~cleaner.batch.UsageError` when Dask is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError(f"--engine dask needs Dask, which is not installed: {INSTALL}") from None


class DaskEngine:
    """The :class:`cleaner.batch.Engine` of a Dask cluster."""

    name = "dask"

    def __init__(self, client: Any, cluster: Any = None) -> None:
        self.client = client
        self.cluster = cluster  #: the cluster this engine started (None: someone else's scheduler)
        self.jobs = max(1, sum(client.nthreads().values()))

    @classmethod
    def start(cls, plan: Plan) -> DaskEngine:
        """Connect to ``plan.scheduler``, or start a cluster of ``plan.jobs`` processes here."""
        client, cluster = _connect(plan)
        engine = cls(client, cluster)
        try:
            engine._wait_for_workers(plan.scheduler)
        except BaseException:
            engine.close()
            raise
        return engine

    def learn(self, job: Job, rels: Iterable[str], progress: Progress) -> Learned:
        with _cluster_errors():
            job_f = self.client.scatter(job, broadcast=True, hash=False)
            partials = self._count(job_f, chunked(rels, BATCH), progress)
            if not partials:
                return Learned()
            return self.client.submit(merge_and_conclude, job.config, *partials, pure=False).result()

    def clean(self, job: Job, rels: Iterable[str]) -> Iterator[Result]:
        with _cluster_errors():
            job_f = self.client.scatter(job, broadcast=True, hash=False)

            def submit(chunk: list[str]) -> Any:
                return self.client.submit(clean_files, job_f, chunk, pure=False)

            yield from in_order(submit, chunked(rels, BATCH), IN_FLIGHT_PER_JOB * self.jobs)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def _count(self, job_f: Any, chunks: Iterator[list[str]], progress: Progress) -> list[Any]:
        """Count the chunks on the workers, merging counters in a tree as they finish.

        Returns the futures of the counters left unmerged (fewer than
        ``FAN_IN`` of each level); their counts together are all the pages'.
        """
        from distributed import as_completed

        done = as_completed()
        kinds: dict[str, tuple[int, int]] = {}  # future key -> (level in the tree, files counted)
        waiting: defaultdict[int, list[Any]] = defaultdict(list)  # finished counters of a level

        def count_next() -> None:
            chunk = next(chunks, None)
            if chunk is not None:
                future = self.client.submit(count_files, job_f, chunk, pure=False)
                kinds[future.key] = (0, len(chunk))
                done.add(future)

        for _ in range(IN_FLIGHT_PER_JOB * self.jobs):
            count_next()
        for future in done:
            if future.status == "error":
                future.result()  # raises the task's error here, not at the end
            level, files = kinds.pop(future.key)
            if files:
                progress.step(files)
                count_next()
            waiting[level].append(future)
            if len(waiting[level]) == FAN_IN:
                merged = self.client.submit(merge_counters, *waiting.pop(level), pure=False)
                kinds[merged.key] = (level + 1, 0)
                done.add(merged)
        return [f for level in sorted(waiting) for f in waiting[level]]

    def _wait_for_workers(self, scheduler: str) -> None:
        try:
            self.client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except Exception:  # noqa: BLE001 - a timeout, whatever class this Dask version gives it
            raise UsageError(f"the Dask scheduler {scheduler} has no workers: start some with "
                             f"`dask worker {scheduler}`") from None
        self.jobs = max(1, sum(self.client.nthreads().values()))

    def check(self, plan: Plan) -> None:
        """Refuse workers that would give other outputs, or fail every file.

        Every worker must run this version of cleaner (another version cleans
        differently) and see IN_DIR and the output folder (a worker on
        another machine without the shared file system would fail every file).
        """
        job = plan.job
        folders = [job.in_dir, job.out_dir]
        try:
            seen = self.client.run(probe, folders)
        except Exception as exc:  # noqa: BLE001 - e.g. cleaner not installed on a worker
            raise UsageError(f"the Dask workers cannot run cleaner ({type(exc).__name__}: {_line(exc)}): "
                             f"install cleaner {__version__} on every worker") from None
        for worker, (version, visible) in sorted(seen.items()):
            if version != __version__:
                raise UsageError(f"Dask worker {worker} has cleaner {version}, this is {__version__}: "
                                 "install the same version on every worker")
            for folder, ok in zip(folders, visible):
                if not ok:
                    raise UsageError(f"Dask worker {worker} cannot see {folder}: inputs and outputs must be "
                                     "on a file system every worker reaches (a shared folder, or a URL)")


def _connect(plan: Plan) -> tuple[Any, Any]:
    """(client, the cluster started here or None)."""
    from distributed import Client, LocalCluster

    # Dask logs what goes wrong in this process ("Failed to reconnect to
    # scheduler ...") beside the one line the command says about it.
    logging.getLogger("distributed").setLevel(logging.CRITICAL)

    if not plan.scheduler:
        try:
            # Processes, one thread each: cleaning is pure Python, threads would share one core.
            cluster = LocalCluster(n_workers=plan.jobs, threads_per_worker=1, processes=True,
                                   silence_logs=logging.CRITICAL, **QUIET)
        except Exception as exc:  # noqa: BLE001 - no free port, processes not allowed: one line
            raise UsageError(f"cannot start a Dask cluster on this machine: {_line(exc)}") from None
        client = Client(cluster)
        client.run(ignore_interrupts)
        return client, cluster
    try:
        return Client(plan.scheduler, timeout=CONNECT_TIMEOUT), None
    except Exception as exc:  # noqa: BLE001 - refused, timed out, a malformed address: one line
        raise UsageError(f"cannot connect to the Dask scheduler {plan.scheduler}: {_line(exc)}") from None


def ignore_interrupts() -> None:
    """On a worker process of the cluster started here: Ctrl-C is for this process alone.

    Ctrl-C reaches the whole process group; this process then closes the
    cluster, which ends its workers in order.  A worker hit by it directly
    would only print Dask's tracebacks.  (Runs in the worker's main thread,
    where its event loop is, the only thread that may set a signal handler.)
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def probe(folders: list[str]) -> tuple[str, list[bool]]:
    """On a worker: its cleaner version, and which of ``folders`` it sees."""
    return __version__, [storage.isdir(f) for f in folders]


def merge_and_conclude(config: Config, *counters: Any) -> Learned:
    """The root of the reduction tree, on a worker: only the template lines go back."""
    return conclude(merge_counters(*counters), config)


@contextmanager
def _cluster_errors() -> Iterator[None]:
    """The cluster's failures as one line for the user (:class:`~cleaner.batch.EngineError`).

    The tasks catch every failure of a single file, so what arrives here is
    the cluster's own: a worker that died (Dask retries a task on another
    worker a few times first), a lost connection to the scheduler, a worker
    that cannot unpickle the job.
    """
    from distributed import KilledWorker

    try:
        yield
    except KilledWorker as exc:
        raise EngineError(f"Dask workers died running a task (killed, or out of memory): {_line(exc)}") from None
    except CancelledError:
        raise EngineError("the Dask cluster cancelled the work (lost connection to the scheduler?)") from None
    except Exception as exc:  # noqa: BLE001 - anything else a task raised, with its name
        raise EngineError(f"a task failed on the Dask cluster: {type(exc).__name__}: {_line(exc)}") from None


def _line(exc: BaseException) -> str:
    """The first line of an error's message: Dask's come with advice over several lines."""
    return (str(exc).strip().splitlines() or [""])[0]
