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

Modules.  :mod:`~cleaner.batch.learn` (template learning, also the library
API), :mod:`~cleaner.batch.files` (which files, which output names),
:mod:`~cleaner.batch.work` (the work on each file, in any process) and
:mod:`~cleaner.batch.command` (the command around it).
"""
from __future__ import annotations

from ..stages.templates import template_id
from ..storage import TMP_SUFFIX
from .command import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, JSONL_NAME, WORK_DIR, Engine, EngineError, LocalEngine, Plan, UsageError, main
from .files import glob_regex, output_name, walk
from .learn import Learned, PageLines, TemplateCounter, clean_many, conclude, first_pass, learn_templates, line_ids, merge_counters, second_pass, site_host
from .work import CHUNK, IN_FLIGHT_PER_JOB, Job, Result, clean_files, count_files, in_order, parallel

__all__ = [
    "CHUNK", "EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "IN_FLIGHT_PER_JOB", "JSONL_NAME",
    "TMP_SUFFIX", "WORK_DIR", "Engine", "EngineError", "Job", "Learned", "LocalEngine", "PageLines", "Plan",
    "Result", "TemplateCounter", "UsageError", "clean_files", "clean_many", "conclude", "count_files",
    "first_pass", "glob_regex", "in_order", "learn_templates", "line_ids", "main", "merge_counters",
    "output_name", "parallel", "second_pass", "site_host", "template_id", "walk",
]
