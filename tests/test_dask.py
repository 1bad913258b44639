"""`cleaner batch --engine dask`: byte for byte the local engine's outputs, on a 2-worker LocalCluster.

The cluster runs its workers as threads of this process (``processes=False``):
it starts in a fraction of a second on a 2-core machine, and ``memory://``
URLs are then one file system for the test and the workers.  One test starts
the command's own cluster of worker processes, as a user without --scheduler
gets it.
"""
from __future__ import annotations

import json
import logging
import shutil
import sys
from pathlib import Path

import pytest

from cleaner import batch, dask_engine, lexicons
from cleaner.config import Config
from cleaner.rules import Rule

from test_batch import PROMO, SEEDS, article, html_page, run, site, text_page, write

NO_DASK = "Dask is not installed (pip install 'cleaner[dask]')"
INSTALL_HINT = "cleaner batch: --engine dask needs Dask, which is not installed: pip install 'cleaner[dask]'\n"


@pytest.fixture(scope="module")
def scheduler():
    distributed = pytest.importorskip("distributed", reason=NO_DASK)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  silence_logs=logging.ERROR, **dask_engine.QUIET) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A folder with a site template, HTML, feed records, a binary file and a clash."""
    src = tmp_path_factory.mktemp("corpus") / "in"
    site(src / "courier", 24)  # one promo line on all 24 pages: learned and dropped
    for n in range(3):
        write(src / "news" / f"h{n}.html", html_page(n))
    for n in range(2):
        body = text_page(n).split("\n\n", 1)[1]
        write(src / "feeds" / f"r{n}.md", f"---\ntitle: Record {n}\nurl: https://feeds.example/{n}\n---\n{body}")
    write(src / "seeds" / "a.txt", next(SEEDS.glob("002_*")).read_bytes())
    write(src / "logo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    write(src / "clash" / "b.txt", text_page(30))
    write(src / "clash" / "b.html", html_page(31))
    return src


@pytest.fixture(scope="module")
def local_run(corpus, tmp_path_factory):
    """The local engine's outputs and report: what every Dask run must give."""
    out = tmp_path_factory.mktemp("local") / "out"
    report = out.parent / "report.json"
    status = batch.main([str(corpus), str(out), "--jobs", "1", "--report", str(report)])
    assert status == 1  # the binary file and the clash
    return bytes_tree(out), json.loads(report.read_text(encoding="utf-8"))


def bytes_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def what_was_done(report: dict) -> dict:
    """The report without where, by what and how fast: what both engines must agree on."""
    ignored = {"in_dir", "out", "engine", "jobs", "seconds", "docs_per_second"}
    return {k: v for k, v in report.items() if k not in ignored}


# --- without Dask -------------------------------------------------------------------------


def test_without_dask_the_engine_is_a_one_line_usage_error_and_creates_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises ImportError
    site(tmp_path / "in", 2)
    status, err = run(capsys, tmp_path / "in", tmp_path / "out", "--engine", "dask")
    assert (status, err) == (2, INSTALL_HINT)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("argv, message", [
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler goes with --engine dask"),
    (["--engine", "local"], "URLs need --engine dask"),
])
def test_scheduler_and_urls_need_the_dask_engine(tmp_path, capsys, argv, message):
    site(tmp_path / "in", 2)
    out = "memory://cleaner-test/never" if "local" in argv else str(tmp_path / "out")
    status, err = run(capsys, tmp_path / "in", out, *argv)
    assert status == 2 and message in err and err.count("\n") == 1


# --- the same outputs ---------------------------------------------------------------------


def test_outputs_and_report_are_the_local_engines_byte_for_byte(scheduler, corpus, local_run, tmp_path, capsys,
                                                                 monkeypatch):
    monkeypatch.setattr(dask_engine, "BATCH", 3)  # 13 count tasks: the reduction is a tree of merges
    expected, expected_report = local_run
    status, err = run(capsys, corpus, tmp_path / "out", "--engine", "dask", "--scheduler", scheduler,
                      "--report", tmp_path / "report.json")
    assert status == 1 and "Traceback" not in err
    assert "cleaner batch: logo.txt: binary data (a PNG image), not text\n" in err
    assert "cleaner batch: clash/b.html: same output clash/b.txt as clash/b.txt; rename one\n" in err
    assert bytes_tree(tmp_path / "out") == expected
    for n in range(24):  # the template line went, the article stayed
        assert expected[f"courier/p{n:02d}.txt"].decode() == "\n\n".join(article(n, promo=False)) + "\n"
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert what_was_done(report) == what_was_done(expected_report)
    assert (report["engine"], expected_report["engine"]) == ("dask", "local")
    assert report["templates"]["learned"] == {"dir:courier": {"pages": 24, "lines": 1, "dropped_lines": [PROMO]}}
    assert report["dropped_by_rule"][Rule.TEMPLATE.value] == 24 and report["jobs"] == 2


def test_a_rerun_skips_finished_outputs_and_completes_the_rest(scheduler, corpus, local_run, tmp_path, capsys):
    expected, _ = local_run
    out = tmp_path / "out"
    shutil.copytree(corpus, tmp_path / "in")
    dask = ("--engine", "dask", "--scheduler", scheduler)
    assert run(capsys, tmp_path / "in", out, *dask)[0] == 1
    # What a killed run leaves: a missing output, a half-written temporary file.
    (out / "courier" / "p03.txt").unlink()
    leftover = write(out / "courier" / f".p03.txt.{'0' * 16}{batch.TMP_SUFFIX}", "half of an arti")
    write(out / "courier" / "p01.txt", "finished by an earlier run\n")
    status, err = run(capsys, tmp_path / "in", out, *dask)
    assert status == 1 and "1 cleaned, 29 skipped (done before), 3 failed" in err
    assert not leftover.exists()
    assert (out / "courier" / "p03.txt").read_bytes() == expected["courier/p03.txt"]
    assert (out / "courier" / "p01.txt").read_text(encoding="utf-8") == "finished by an earlier run\n"
    assert run(capsys, tmp_path / "in", out, *dask, "--force")[0] == 1
    assert bytes_tree(out) == expected


def test_jsonl_is_the_local_engines_file(scheduler, corpus, tmp_path, capsys):
    assert run(capsys, corpus, tmp_path / "local.jsonl", "--format", "jsonl", "--jobs", "1")[0] == 1
    status, err = run(capsys, corpus, tmp_path / "dask.jsonl", "--format", "jsonl", "--engine", "dask",
                      "--scheduler", scheduler)
    assert status == 1, err
    local = (tmp_path / "local.jsonl").read_bytes()
    assert (tmp_path / "dask.jsonl").read_bytes() == local and local.count(b"\n") == 32
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dask.jsonl", "local.jsonl"]  # no work or temp files


def test_the_map_reduce_learns_what_one_counter_of_every_page_learns(scheduler, corpus, monkeypatch):
    from distributed import Client

    monkeypatch.setattr(dask_engine, "BATCH", 1)  # 32 leaves, merges on three levels
    job = batch.Job(str(corpus), "", False, Config())
    rels = [e.rel for e in batch.walk(str(corpus)) if not e.error]
    whole = batch.conclude(batch.count_files(job, rels), job.config)
    with Client(scheduler) as client:
        learned = dask_engine.DaskEngine(client).learn(job, iter(rels), batch.command.Progress("test"))
    assert learned == whole
    assert whole.templates == {"dir:courier": frozenset({batch.template_id(lexicons.key(PROMO))})}


# --- fsspec URLs ------------------------------------------------------------------------------


def test_memory_urls_give_the_same_outputs(scheduler, corpus, local_run, capsys):
    fsspec = pytest.importorskip("fsspec", reason=NO_DASK)
    fs = fsspec.filesystem("memory")
    for rel, data in bytes_tree(corpus).items():
        fs.pipe(f"/cleaner-test/in/{rel}", data)
    try:
        status, err = run(capsys, "memory://cleaner-test/in", "memory://cleaner-test/out", "--engine", "dask",
                          "--scheduler", scheduler)
        assert status == 1 and "logo.txt: binary data" in err
        outputs = {p.removeprefix("/cleaner-test/out/"): fs.cat_file(p) for p in fs.find("/cleaner-test/out")}
        assert outputs == local_run[0]
    finally:
        fs.rm("/cleaner-test", recursive=True)


def test_file_urls_give_the_same_outputs(scheduler, corpus, local_run, tmp_path, capsys):
    pytest.importorskip("fsspec", reason=NO_DASK)
    status, _ = run(capsys, corpus.as_uri(), (tmp_path / "out").as_uri(), "--engine", "dask",
                    "--scheduler", scheduler)
    assert status == 1
    assert bytes_tree(tmp_path / "out") == local_run[0]


# --- the cluster ------------------------------------------------------------------------------


def test_without_a_scheduler_it_starts_worker_processes_here(corpus, local_run, tmp_path, capsys):
    pytest.importorskip("distributed", reason=NO_DASK)
    status, err = run(capsys, corpus, tmp_path / "out", "--engine", "dask", "--jobs", "2",
                      "--report", tmp_path / "report.json")
    assert status == 1, err
    assert bytes_tree(tmp_path / "out") == local_run[0]
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["jobs"] == 2


def test_a_scheduler_that_is_not_there_is_one_line_and_creates_nothing(tmp_path, capsys, monkeypatch):
    pytest.importorskip("distributed", reason=NO_DASK)
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 0.5)
    site(tmp_path / "in", 2)
    status, err = run(capsys, tmp_path / "in", tmp_path / "out", "--engine", "dask",
                      "--scheduler", "tcp://127.0.0.1:9")
    assert status == 2 and err.startswith("cleaner batch: cannot connect to the Dask scheduler tcp://127.0.0.1:9")
    assert err.count("\n") == 1 and not (tmp_path / "out").exists()


@pytest.mark.parametrize("probe, message", [
    (lambda folders: ("0.0.1", [True] * len(folders)), "has cleaner 0.0.1, this is"),
    (lambda folders: (dask_engine.__version__, [True, False]), "cannot see"),
])
def test_workers_that_would_clean_otherwise_or_not_see_the_files_are_refused(
        scheduler, tmp_path, capsys, monkeypatch, probe, message):
    monkeypatch.setattr(dask_engine, "probe", probe)
    site(tmp_path / "in", 2)
    status, err = run(capsys, tmp_path / "in", tmp_path / "out", "--engine", "dask", "--scheduler", scheduler)
    assert status == 2 and message in err and err.count("\n") == 1
    assert list((tmp_path / "out").iterdir()) == []


def test_a_task_that_fails_on_the_cluster_is_one_line_and_exit_1(scheduler, tmp_path, capsys, monkeypatch):
    def broken(job, rels):
        raise RuntimeError("worker out of sorts\nsecond line")

    monkeypatch.setattr(dask_engine, "clean_files", broken)
    site(tmp_path / "in", 2)
    status, err = run(capsys, tmp_path / "in", tmp_path / "out", "--engine", "dask", "--scheduler", scheduler,
                      "--no-templates")
    assert status == 1 and "Traceback" not in err
    assert err == ("cleaner batch: a task failed on the Dask cluster: RuntimeError: worker out of sorts; "
                   "finished outputs are complete, the same command does the rest\n")
