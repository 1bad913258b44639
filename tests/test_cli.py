"""The command line: filter, formats, exit codes and messages."""
from __future__ import annotations

import json
import subprocess
import sys

from cleaner import __version__, clean
from conftest import FIXTURES

SEED = FIXTURES / "seeds" / "002_af3665352ec5a0d6.txt"


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleaner", *args], input=stdin, capture_output=True, timeout=60)


def test_stdin_filter_prints_the_article():
    r = run(stdin=SEED.read_bytes())
    assert r.returncode == 0
    assert r.stdout.decode("utf-8") == clean(SEED.read_bytes()) + "\n"


def test_file_argument_and_dash_for_stdin():
    assert run(str(SEED)).stdout == run("-", stdin=SEED.read_bytes()).stdout


def test_json_format_has_title_text_metadata_and_dropped_rules():
    r = run("--format", "json", str(SEED))
    record = json.loads(r.stdout)
    assert record["title"] and record["text"] and record["metadata"]["language"] == "en"
    assert any(d["rule"] == "signoff.agency" for d in record["dropped"])


def test_explain_lists_every_line_with_mark_and_rule():
    out = run("--explain", str(SEED)).stdout.decode("utf-8")
    assert "signoff.agency" in out and "\x1b[" not in out  # no colour into a pipe
    assert any(line.split()[1] == "T" for line in out.splitlines())


def test_no_title():
    out = run("--no-title", str(SEED)).stdout.decode("utf-8")
    assert not out.startswith("US Secretary of State Blinken meets")


def test_missing_file_exits_2_with_one_line():
    r = run("no/such/file.txt")
    assert r.returncode == 2
    assert r.stderr.decode().strip().count("\n") == 0 and "no/such/file.txt" in r.stderr.decode()


def test_binary_input_exits_2_without_traceback():
    r = run(stdin=b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert r.returncode == 2 and b"Traceback" not in r.stderr and b"binary" in r.stderr


def test_no_article_is_success_with_a_note():
    r = run(stdin=b"Home\nNews\nSport\n")
    assert r.returncode == 0 and r.stdout == b"" and b"no article" in r.stderr


def test_version_and_help():
    assert run("--version").stdout.decode().strip() == f"cleaner {__version__}"
    help_text = run("--help").stdout.decode()
    assert "examples:" in help_text and "--explain" in help_text and "exit status" in help_text
