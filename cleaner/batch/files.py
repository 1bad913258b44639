"""Which files a batch run reads and what it names their outputs."""
from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from .. import storage


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
