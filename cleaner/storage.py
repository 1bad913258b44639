"""File access of ``cleaner batch``: local paths, or fsspec URLs (``s3://``, ``file://``, ``memory://``).

Both engines read and write through these functions, so a local path and a
URL take the same code in :mod:`cleaner.batch`; only the few primitives of
the two backends below differ.  Local paths use ``os`` directly (fsspec is an
optional dependency, and ``os.replace`` is the atomic rename the local engine
has always used); a URL needs fsspec and whatever package fsspec names for
its protocol (``s3fs`` for ``s3://``).

Atomic writes.  An output is written to a temporary file beside it,
``.NAME.<16 hex digits>.cleaner-tmp``, and then renamed into place, so a
reader never sees half a file.  Locally that rename is ``os.replace``; through
fsspec it is ``fs.mv``: a rename on ``file://``, a copy that appears whole on
object stores (an object is only visible once written), so it is atomic for
readers there too, though not a cheap rename.
"""
from __future__ import annotations

import os
import posixpath
import re
import shutil
from typing import IO, Any

TMP_SUFFIX = ".cleaner-tmp"
_TMP_NAME = re.compile(r"^\..+\.[0-9a-f]{16}" + re.escape(TMP_SUFFIX) + r"\Z", re.S)
#: ``scheme://``: what fsspec takes as a URL (a Windows drive ``C:\\`` is not one).
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


class StorageError(Exception):
    """A URL that cannot be used here (fsspec or its protocol package missing): one line for the user."""


def is_url(path: str) -> bool:
    """
    >>> is_url("s3://bucket/pages"), is_url("memory://in"), is_url("pages/a.txt"), is_url("/tmp/x")
    (True, True, False, False)
    """
    return bool(_URL.match(path))


# --- the two backends: the primitives that differ --------------------------------


class _Local:
    """Plain paths, through ``os``."""

    join = staticmethod(os.path.join)
    dirname = staticmethod(os.path.dirname)
    exists = staticmethod(os.path.exists)
    isdir = staticmethod(os.path.isdir)

    @staticmethod
    def read(path: str) -> bytes:
        with open(path, "rb") as f:
            return f.read()

    @staticmethod
    def stamp(path: str) -> list[Any]:
        st = os.stat(path)
        return [st.st_size, st.st_mtime_ns]

    @staticmethod
    def makedirs(path: str) -> None:
        os.makedirs(path or ".", exist_ok=True)

    @staticmethod
    def scan(folder: str) -> list[tuple[str, str]]:
        out = []
        with os.scandir(folder) as it:
            for entry in it:
                # Folder symlinks are not followed (no loops); file symlinks are files.
                kind = "dir" if entry.is_dir(follow_symlinks=False) else "file" if entry.is_file() else ""
                out.append((entry.name, kind))
        return out

    @staticmethod
    def create(path: str) -> IO[bytes]:
        # O_EXCL: a name another writer took is never shared.  0o666 and the
        # umask, as for any file the user creates (mkstemp would give 0600).
        return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), "wb")

    replace = staticmethod(os.replace)
    remove = staticmethod(os.unlink)

    @staticmethod
    def rmtree(path: str) -> None:
        shutil.rmtree(path, ignore_errors=True)


class _Fsspec:
    """A URL, through the fsspec file system of its protocol."""

    def __init__(self, url: str) -> None:
        try:
            from fsspec.core import url_to_fs

            self.fs = url_to_fs(url)[0]
        except ImportError as exc:  # fsspec itself, or the protocol's package (s3fs, gcsfs, ...)
            name = getattr(exc, "name", None) or ""
            hint = "pip install 'cleaner[dask]'" if name.startswith("fsspec") else str(exc)
            raise StorageError(f"{url}: URLs need fsspec and the package of their protocol ({hint})") from None
        except ValueError as exc:  # an unknown protocol
            raise StorageError(f"{url}: {exc}") from None

    @staticmethod
    def join(base: str, rel: str) -> str:
        return f"{base.rstrip('/')}/{rel}" if rel else base

    dirname = staticmethod(posixpath.dirname)

    def exists(self, path: str) -> bool:
        return self.fs.exists(path)

    def isdir(self, path: str) -> bool:
        return self.fs.isdir(path)

    def read(self, path: str) -> bytes:
        return self.fs.cat_file(path)

    def stamp(self, path: str) -> list[Any]:
        info = self.fs.info(path)
        # What each file system calls the time a file was last written.
        when = info.get("mtime") or info.get("LastModified") or info.get("last_modified") or info.get("created")
        return [info.get("size") or 0, str(when)]  # size: the report's byte count

    def makedirs(self, path: str) -> None:
        self.fs.makedirs(path, exist_ok=True)

    def scan(self, folder: str) -> list[tuple[str, str]]:
        out = []
        for info in self.fs.ls(folder, detail=True):
            kind = {"directory": "dir", "file": "file"}.get(info.get("type"), "")
            if info.get("islink") and kind == "dir":
                kind = ""  # as locally: folder symlinks are not followed
            out.append((posixpath.basename(info["name"].rstrip("/")), kind))
        return out

    def create(self, path: str) -> IO[bytes]:
        return self.fs.open(path, "wb")

    def replace(self, tmp: str, final: str) -> None:
        self.fs.mv(tmp, final)

    def remove(self, path: str) -> None:
        self.fs.rm_file(path)

    def rmtree(self, path: str) -> None:
        try:
            self.fs.rm(path, recursive=True)
        except (OSError, ValueError):  # absent already, or a file system that says so otherwise
            pass


def _at(path: str) -> _Local | _Fsspec:
    return _Fsspec(path) if is_url(path) else _LOCAL


_LOCAL = _Local()


# --- one function per operation, for paths and URLs alike ------------------------------


def join(base: str, rel: str) -> str:
    """``rel`` (``/``-separated) under ``base``."""
    return _at(base).join(base, rel)


def dirname(path: str) -> str:
    return _at(path).dirname(path)


def exists(path: str) -> bool:
    return _at(path).exists(path)


def isdir(path: str) -> bool:
    return _at(path).isdir(path)


def read(path: str) -> bytes:
    return _at(path).read(path)


def stamp(path: str) -> list[Any]:
    """``[size, time of last write]``: what a result computed from the file is valid for."""
    return _at(path).stamp(path)


def makedirs(path: str) -> None:
    _at(path).makedirs(path)


def rmtree(path: str) -> None:
    """Remove a folder and everything in it; nothing happens when it is absent."""
    _at(path).rmtree(path)


def canonical(path: str) -> str:
    """An absolute form of ``path`` for comparing folders (symlinks resolved locally).

    >>> canonical("memory://out/a/../b/")
    'memory://out/b'
    """
    if not is_url(path):
        return os.path.realpath(path)
    scheme, rest = path.split("://", 1)
    # memory://out and memory:///out are one folder: compare without the leading slashes.
    return f"{scheme}://{posixpath.normpath('/' + rest).lstrip('/')}"


def inside(path: str, folder: str) -> bool:
    """``path`` is ``folder`` or below it (both :func:`canonical`)."""
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def listdir(folder: str) -> tuple[list[str], list[str]]:
    """(files, folders) of one folder, sorted, without hidden ones."""
    files, dirs = [], []
    for name, kind in _at(folder).scan(folder):
        if name.startswith("."):
            continue
        if kind == "dir":
            dirs.append(name)
        elif kind == "file":
            files.append(name)
    return sorted(files), sorted(dirs)


def open_temp(final: str) -> tuple[IO[bytes], str]:
    """A new temporary file beside ``final`` (same file system, so the rename is atomic)."""
    backend = _at(final)
    folder, name = posixpath.split(final) if is_url(final) else os.path.split(final)
    while True:
        tmp = backend.join(folder, f".{name}.{os.urandom(8).hex()}{TMP_SUFFIX}")
        try:
            return backend.create(tmp), tmp
        except FileExistsError:
            continue


def commit(tmp: str, final: str) -> None:
    """Rename a finished temporary file into place."""
    _at(final).replace(tmp, final)


def write_atomic(final: str, data: bytes) -> None:
    """Write ``data`` to ``final`` so that ``final`` is either absent or complete."""
    makedirs(dirname(final))
    f, tmp = open_temp(final)
    try:
        with f:
            f.write(data)
        commit(tmp, final)
    except BaseException:
        unlink(tmp)
        raise


def unlink(path: str) -> None:
    """Remove a file if it can be removed (a temporary file being cleaned up)."""
    try:
        _at(path).remove(path)
    except OSError:
        pass


def remove_temps(folder: str, recursive: bool = True) -> int:
    """Delete temporary files a killed run left (only names this module makes)."""
    removed = 0
    try:
        entries = _at(folder).scan(folder)
    except OSError:
        return 0
    for name, kind in entries:
        path = join(folder, name)
        if kind == "dir":
            removed += remove_temps(path) if recursive else 0
        elif _TMP_NAME.match(name):
            unlink(path)
            removed += 1
    return removed
