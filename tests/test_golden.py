"""The seed pages come out exactly as their hand-written golden files say."""
from __future__ import annotations

import pytest

from cleaner import clean
from conftest import FIXTURES

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


def test_every_seed_has_a_golden_file():
    assert SEEDS, "fixtures/seeds is empty"
    missing = [s.name for s in SEEDS if not (FIXTURES / "golden" / s.name).is_file()]
    assert not missing


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_matches_golden(seed, update_golden):
    got = clean(seed.read_bytes()) + "\n"
    golden = FIXTURES / "golden" / seed.name
    if update_golden:
        golden.write_text(got, encoding="utf-8")
    want = golden.read_text(encoding="utf-8")
    assert got.splitlines() == want.splitlines()
