"""Compiled lexicons and stoplists, kept on disk between runs.

Building the phrase index reads some 350 small files and normalises about
7,000 phrases: a tenth of a second, which a command-line run would pay on
every start.  Functions decorated with :func:`persistent` keep each result
in a small pickle in the user's cache directory (``$XDG_CACHE_HOME/cleaner`` or
``~/.cache/cleaner``), keyed by the package version and the size and
modification time of every file of the package (lexicons, and the code that
builds keys from them) and of jusText's stoplists, so that editing either
invalidates the cache.  ``CLEANER_CACHE_DIR`` chooses another directory; set
to an empty string it turns the cache off.

The cache is an optimisation only: when it cannot be read or written the
functions are simply computed, and a damaged file is ignored and replaced.
"""
from __future__ import annotations

import functools
import os
import pickle
import zlib
from collections.abc import Callable

_HERE = os.path.dirname(os.path.abspath(__file__))


def directory() -> str | None:
    """Where the cache lives, or None when it is turned off."""
    configured = os.environ.get("CLEANER_CACHE_DIR")
    if configured is not None:
        return configured or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "cleaner")


def fingerprint() -> str:
    """Package version, every package file's name, size and mtime, and the
    jusText stoplist folder (which changes only when jusText is reinstalled)."""
    from . import __version__
    from .stoplists import _justext_dir

    parts = [__version__, *_stamps(_HERE, "")]
    justext = _justext_dir()
    if justext is not None:
        st = os.stat(justext)
        parts.append(f"{justext}:{st.st_mtime_ns}")
    return f"{__version__}-{zlib.crc32(chr(0).join(parts).encode('utf-8')):08x}"


def _stamps(folder: str, rel: str):
    """``name:size:mtime`` of every file under ``folder`` (run at every start:
    scandir, and names built rather than derived with os.path.relpath)."""
    with os.scandir(folder) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        if e.is_dir():
            if e.name != "__pycache__":
                yield from _stamps(e.path, f"{rel}{e.name}/")
        else:
            st = e.stat()
            yield f"{rel}{e.name}:{st.st_size}:{st.st_mtime_ns}"


def _install_tag() -> str:
    """Which installation of cleaner this is: several (venvs, versions) may
    share one cache folder, and each keeps its own files."""
    return f"{zlib.crc32(_HERE.encode('utf-8', 'surrogatepass')):08x}"


@functools.cache
def _prefix() -> str | None:
    """Path prefix of this installation's current cache files (None: off)."""
    folder = directory()
    return os.path.join(folder, f"lexicons-{_install_tag()}-{fingerprint()}-") if folder else None


def _file(name: str, args: tuple) -> str | None:
    """One file per cached value, so a run loads only the values it needs."""
    prefix = _prefix()
    return f"{prefix}{zlib.crc32(repr((name, args)).encode('utf-8', 'surrogatepass')):08x}.pickle" if prefix else None


def _read(path: str | None, key: tuple) -> tuple[bool, object]:
    try:
        if path and os.path.isfile(path):
            with open(path, "rb") as f:
                stored_key, value = pickle.load(f)
            if stored_key == key:
                return True, value
    except Exception:  # noqa: BLE001 - a damaged cache is only a slower start
        pass
    return False, None


def _write(path: str | None, key: tuple, value: object) -> None:
    """Store one value atomically (temp file, rename); failures are ignored."""
    if not path:
        return
    import tempfile  # only when writing: it costs 7 ms of start-up

    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".lexicons-", suffix=".tmp", dir=folder)
    except OSError:
        return  # read-only home: the next run computes again
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump((key, value), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        try:
            os.remove(tmp)  # a full disk: no half-written file is left behind
        except OSError:
            pass
        return
    _remove_stale(folder)


def _remove_stale(folder: str) -> None:
    """Delete this installation's caches of older code or data (other
    installations' files are theirs: only they know when those are stale)."""
    mine, current = f"lexicons-{_install_tag()}-", os.path.basename(_prefix() or "")
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name.startswith(mine) and not name.startswith(current) and name.endswith(".pickle"):
            try:
                os.remove(os.path.join(folder, name))
            except OSError:
                pass


def persistent(fn: Callable) -> Callable:
    """Memoise ``fn`` in memory and in the on-disk cache (arguments must be hashable)."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.cache
    def wrapper(*args: object) -> object:
        key = (name, args)
        path = _file(name, args)
        found, value = _read(path, key)
        if not found:
            value = fn(*args)
            _write(path, key, value)
        return value

    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
    wrapper.__doc__ = fn.__doc__
    return wrapper
