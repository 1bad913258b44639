"""Command line: ``cleaner [FILE ...]`` filters pages; ``cleaner batch`` cleans folders.

Exit status: 0 success (also when a page has no article: the output is empty
and a note goes to stderr); 1 when ``cleaner batch`` could not clean some
files, or when the output cannot be written (a full disk: one line on
stderr); 2 for unusable input or a usage error (one line on stderr, no
traceback); 130 on Ctrl-C; 141 when the reader of stdout goes away
(``cleaner big.txt | head -1``), as for other Unix tools.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
# typing costs 4 ms of start-up; with postponed annotations only type checkers need it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO

from . import __version__
from .api import clean_document
from .config import Config
from .document import Format
from .errors import InputError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_PIPE = 0, 1, 2, 130, 141

EXAMPLES = """\
examples:
  cleaner page.txt                       print the article of a scraped page
  curl -s https://example.org/ | cleaner print the article of a live page (HTML)
  cleaner --explain page.txt | less -R   every line, kept (+) or dropped (-), and why
  cleaner --format json page.txt         title, text, metadata, dropped lines (JSON)
  cleaner --no-title a.txt b.html        several pages, articles one after another
  cleaner batch pages/ clean/            clean a whole folder (see: cleaner batch --help)

exit status: 0 ok (no article: empty output and a note on stderr),
2 unusable input (missing, unreadable, binary) or bad usage, 141 broken pipe.
"""


def _filter_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleaner",
        description="Strip boilerplate (menus, share bars, appeals, captions, teasers, footers) "
        "from scraped web pages -- text, HTML or feed records -- and print the article.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="pages to clean; none or '-' reads stdin")
    add_cleaning_options(p)
    out = p.add_mutually_exclusive_group()
    out.add_argument("--format", choices=("text", "json"), default="text",
                     help="text: the article; json: one JSON object per page with title, text, "
                     "metadata and the dropped blocks with their rule ids (default: text)")
    out.add_argument("--explain", action="store_true",
                     help="print every input line with + (kept) or - (dropped) and the rule that decided")
    p.add_argument("--rules", action="store_true", help="list every rule id with what it means, then exit")
    p.add_argument("--version", action="version", version=f"cleaner {__version__}")
    return p


def add_cleaning_options(p: argparse.ArgumentParser) -> None:
    """The options that change how a page is cleaned (shared with ``batch``)."""
    p.add_argument("--no-title", action="store_true", help="leave the headline out of the text")
    p.add_argument("--input-format", choices=[f.value for f in Format], default="auto",
                   help="how to read the input (default: auto, detected from its start)")


def config_from(args: argparse.Namespace) -> Config:
    return Config(include_title=not args.no_title, input_format=Format(args.input_format))


def _inputs(files: list[str]) -> Iterator[tuple[str, BinaryIO | None, str]]:
    """(name, stream or None, error) for each input, opened lazily in order."""
    for name in files or ["-"]:
        if name == "-":
            if sys.stdin is None:  # started with stdin closed (`cleaner <&-`)
                yield "<stdin>", None, "standard input is closed"
            else:
                yield "<stdin>", sys.stdin.buffer, ""
            continue
        try:
            if os.path.isdir(name):
                yield name, None, "is a directory (use: cleaner batch DIR OUT_DIR)"
                continue
            yield name, open(name, "rb"), ""
        except OSError as exc:
            yield name, None, exc.strerror or str(exc)


def _write(out: BinaryIO, text: str) -> None:
    """Write all of ``text`` as UTF-8.

    A buffered write into a pipe whose reader has gone can return a short
    count instead of raising (the rest is silently dropped), so write until
    everything is out: the next write raises the BrokenPipeError that ends
    the run with status 141, rather than exiting 0 with a truncated output.
    """
    data = memoryview(text.encode("utf-8", "replace"))
    try:
        while data:
            data = data[out.write(data) or 0 :]
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _OutputError(exc.strerror or str(exc)) from None


class _OutputError(Exception):
    """The output cannot be written (a full disk, a device error)."""


def _clean_stream(name: str, stream: BinaryIO, args: argparse.Namespace, config: Config, out: BinaryIO,
                  colour: bool) -> str:
    """Clean one input and write its result; returns an error message or ''."""
    try:
        data = stream.read()
    except OSError as exc:
        return exc.strerror or str(exc)
    finally:
        if sys.stdin is None or stream is not sys.stdin.buffer:
            stream.close()
    try:
        doc = clean_document(data, config=config)
    except InputError as exc:
        return str(exc)
    if args.explain:
        from .explain import lines

        _write(out, "\n".join(lines(doc, colour=colour)) + "\n")
    elif args.format == "json":
        import json

        record = doc.to_dict()
        if name != "<stdin>":
            record["path"] = name
        _write(out, json.dumps(record, ensure_ascii=False) + "\n")
    elif doc.text:
        _write(out, doc.text + "\n")
    if not doc.text:
        print(f"cleaner: {name}: no article found", file=sys.stderr)
    return ""


def _filter(argv: list[str]) -> int:
    args = _filter_parser().parse_args(argv)
    if args.rules:
        from .explain import legend

        print(legend())
        return EXIT_OK
    config = config_from(args)
    if sys.stdout is None:  # started with stdout closed (`cleaner page.txt >&-`)
        raise _OutputError("standard output is closed")
    out = sys.stdout.buffer
    colour = args.explain and out.isatty() and not os.environ.get("NO_COLOR")
    status, first = EXIT_OK, True
    for name, stream, error in _inputs(args.files):
        if stream is not None:
            if not first and args.format == "text" and not args.explain:
                _write(out, "\n")
            error = _clean_stream(name, stream, args, config, out, colour)
            first = False
        if error:
            print(f"cleaner: {name}: {error}", file=sys.stderr)
            status = EXIT_USAGE
        _flush(out)
    return status


def _flush(out: BinaryIO) -> None:
    try:
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _OutputError(exc.strerror or str(exc)) from None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["batch"]:
            from .batch import main as batch_main

            return batch_main(argv[1:])
        return _filter(argv)
    except KeyboardInterrupt:
        print("cleaner: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except _OutputError as exc:
        if sys.stdout is not None:
            _discard_stdout()
        print(f"cleaner: cannot write the output: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly.
        _discard_stdout()
        return EXIT_PIPE


def _discard_stdout() -> None:
    """Keep Python from failing again when it flushes stdout at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
