"""Hand-written cases (fixtures/cases): each boilerplate kind, several languages, negatives."""
from __future__ import annotations

import pytest

import casefile
from cleaner import clean_document
from conftest import FIXTURES

CASES = [casefile.read(p) for p in sorted((FIXTURES / "cases").glob("*.case"))]


def _param(case):
    marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
    return pytest.param(case, id=case.name, marks=marks)


def test_there_are_cases_of_every_kind():
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case_output(case):
    doc = clean_document(case.input)
    assert doc.text.splitlines() == case.expected.splitlines(), case.description


@pytest.mark.parametrize("case", [_param(c) for c in CASES if c.rules])
def test_case_rules_fired(case):
    fired = set(clean_document(case.input).rule_counts())
    assert set(case.rules) <= fired, f"{case.description}: fired {sorted(fired)}"
