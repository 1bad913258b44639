"""Shared test setup: the explicit command that rewrites golden files.

    python -m pytest tests/test_golden.py --update-golden

rewrites fixtures/golden/ from the current output; the diff is then reviewed
like code (git diff fixtures/golden).  Without the flag, goldens are only read.
"""
from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite fixtures/golden from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
