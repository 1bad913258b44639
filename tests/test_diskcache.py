"""The on-disk cache of compiled lexicons: a value is computed once, and the
cache never breaks a run (turned off, damaged, unwritable, disk full)."""
from __future__ import annotations

import os
import pickle

import pytest

from cleaner import diskcache


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(folder))
    diskcache._prefix.cache_clear()
    yield folder
    diskcache._prefix.cache_clear()


def counting():
    """A persistent function that records each real computation."""
    calls = []

    def square(n):
        calls.append(n)
        return n * n

    square.__module__ = "tests.diskcache"
    square.__qualname__ = f"square{id(calls)}"
    return diskcache.persistent(square), calls


def pickles(folder):
    return sorted(p.name for p in folder.iterdir() if p.suffix == ".pickle") if folder.exists() else []


def test_a_value_is_computed_once_and_read_back_by_a_new_process(cache_dir):
    square, calls = counting()
    assert square(7) == 49 and calls == [7]
    assert len(pickles(cache_dir)) == 1
    square.cache_clear()  # what a new process starts with: an empty memory cache
    assert square(7) == 49 and calls == [7]


def test_an_empty_cache_dir_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", "")
    diskcache._prefix.cache_clear()
    square, calls = counting()
    assert square(3) == 9 and calls == [3]
    assert diskcache.directory() is None
    diskcache._prefix.cache_clear()


def test_a_damaged_file_is_ignored_and_replaced(cache_dir):
    square, calls = counting()
    square(4)
    (name,) = pickles(cache_dir)
    (cache_dir / name).write_bytes(b"not a pickle")
    square.cache_clear()
    assert square(4) == 16 and calls == [4, 4]
    with open(cache_dir / name, "rb") as f:
        assert pickle.load(f)[1] == 16


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    diskcache._prefix.cache_clear()
    square, calls = counting()
    assert square(5) == 25 and calls == [5]
    diskcache._prefix.cache_clear()


def test_a_failed_write_leaves_no_temporary_file(cache_dir, monkeypatch):
    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(diskcache.pickle, "dump", disk_full)
    square, calls = counting()
    assert square(6) == 36
    assert os.listdir(cache_dir) == []


def test_an_edited_lexicon_changes_the_fingerprint(tmp_path, monkeypatch):
    """The cache key covers every package file's name, size and mtime, so an
    edited lexicon is compiled again; compiled Python files do not count."""
    package = tmp_path / "pkg"
    (package / "lexicons" / "de").mkdir(parents=True)
    lexicon = package / "lexicons" / "de" / "related.txt"
    lexicon.write_text("Mehr zum Thema\n", encoding="utf-8")
    monkeypatch.setattr(diskcache, "_HERE", str(package))
    before = diskcache.fingerprint()
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert diskcache.fingerprint() == before
    lexicon.write_text("Mehr zum Thema\nWeitere Artikel\n", encoding="utf-8")
    assert diskcache.fingerprint() != before
