"""Shared test options and fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent
SHARED_CORPUS = REPO.parent / "shared" / "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true",
                     help="rewrite the expected graphs of tests/golden/* from the current output, for review")


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-golden"))


@pytest.fixture(autouse=True)
def _reproducible_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fix the extraction run's timestamp so graphs are comparable between runs."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
