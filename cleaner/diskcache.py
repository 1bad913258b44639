"""Compiled lexicons and stoplists, kept on disk between runs.

Building the phrase index reads some 350 small files and normalises about
7,000 phrases: a tenth of a second, which a command-line run would pay on
every start.  Functions decorated with :func:`persistent` keep their results
in one pickle in the user's cache directory (``$XDG_CACHE_HOME/cleaner`` or
``~/.cache/cleaner``), keyed by the package version and the size and
modification time of every file of the package (lexicons, and the code that
builds keys from them) and of jusText's stoplists, so that editing either
invalidates the cache.  ``CLEANER_CACHE_DIR`` chooses another directory; set
to an empty string it turns the cache off.

The cache is an optimisation only: when it cannot be read or written the
functions are simply computed, and a damaged file is ignored and replaced.
"""
from __future__ import annotations

import atexit
import functools
import os
import pickle
import zlib
from collections.abc import Callable

_HERE = os.path.dirname(os.path.abspath(__file__))
_store: dict[tuple, object] | None = None
_dirty = False


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

    parts = [__version__]
    for root, dirs, files in os.walk(_HERE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            st = os.stat(os.path.join(root, name))
            parts.append(f"{os.path.relpath(os.path.join(root, name), _HERE)}:{st.st_size}:{st.st_mtime_ns}")
    justext = _justext_dir()
    if justext is not None:
        st = os.stat(justext)
        parts.append(f"{justext}:{st.st_mtime_ns}")
    return f"{__version__}-{zlib.crc32(chr(0).join(parts).encode('utf-8')):08x}"


def _install_tag() -> str:
    """Which installation of cleaner this is: several (venvs, versions) may
    share one cache folder, and each keeps its own file."""
    return f"{zlib.crc32(_HERE.encode('utf-8', 'surrogatepass')):08x}"


def _path() -> str | None:
    folder = directory()
    return os.path.join(folder, f"lexicons-{_install_tag()}-{fingerprint()}.pickle") if folder else None


def _load() -> dict[tuple, object]:
    global _store
    if _store is None:
        _store = {}
        path = _path()
        try:
            if path and os.path.isfile(path):
                with open(path, "rb") as f:
                    data = pickle.load(f)
                if isinstance(data, dict):
                    _store = data
        except Exception:  # noqa: BLE001 - a damaged cache is only a slower start
            _store = {}
    return _store


def save() -> None:
    """Write what was computed in this process (atomically: temp file, rename)."""
    global _dirty
    path = _path() if _dirty else None
    if not path or _store is None:
        return
    import tempfile  # only when writing: it costs 7 ms of start-up

    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".lexicons-", suffix=".tmp", dir=os.path.dirname(path))
        with os.fdopen(fd, "wb") as f:
            pickle.dump(_store, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _dirty = False
        _remove_stale(path)
    except OSError:
        pass  # read-only home, full disk: the next run computes again


def _remove_stale(current: str) -> None:
    """Delete this installation's caches of older code or data (other
    installations' files are theirs: only they know when those are stale)."""
    folder = os.path.dirname(current)
    prefix = f"lexicons-{_install_tag()}-"
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if name.startswith(prefix) and name.endswith(".pickle") and path != current:
            try:
                os.remove(path)
            except OSError:
                pass


def persistent(fn: Callable) -> Callable:
    """Memoise ``fn`` in memory and in the on-disk cache (arguments must be hashable)."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.cache
    def wrapper(*args: object) -> object:
        global _dirty
        store = _load()
        key = (name, args)
        if key not in store:
            store[key] = fn(*args)
            if not _dirty:
                atexit.register(save)
            _dirty = True
        return store[key]

    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
    wrapper.__doc__ = fn.__doc__
    return wrapper
