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


# --------------------------------------------------------------------------- stores

DEV_CORPUS = TESTS / "fixtures" / "corpus" / "dev"


@pytest.fixture(scope="session")
def dev_releases():
    """The dev corpus read and mapped once, as ``diplograph ingest`` reads it: (outcomes, activity triples)."""
    from diplograph.ingest import iter_releases
    from diplograph.pipeline import ReleaseOutcome
    from diplograph.rdf import mapping

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
        activity, triples = mapping.activity_iri()
        outcomes = [i for i in iter_releases([DEV_CORPUS], activity) if isinstance(i, ReleaseOutcome)]
    assert len(outcomes) == 24
    return outcomes, triples


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory):
    """A Virtuoso server of our own for the session (see tests/virtuoso_server.py).

    Skipped when Virtuoso is not installed — a failure instead with DIPLOGRAPH_REQUIRE_SERVER=1
    (as .ci/run sets), so CI never passes without the server tests (tests/system_packages.py).
    """
    import system_packages
    import virtuoso_server

    system_packages.require("virtuoso-opensource-7-bin")
    server = virtuoso_server.Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        server.start()
    except RuntimeError as exc:
        pytest.fail(f"Virtuoso did not start: {exc}")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def dev_store(tmp_path_factory: pytest.TempPathFactory, dev_releases) -> Path:
    """The dev corpus and the seed release ingested once into an embedded store: its directory
    (open it read-only; ``diplograph … --store`` does)."""
    from diplograph.ingest import ingest, iter_releases
    from diplograph.pipeline import ReleaseOutcome
    from diplograph.store import EmbeddedStore

    outcomes, activity = dev_releases
    seed = [i for i in iter_releases([TESTS / "fixtures" / "corpus" / "seed"], next(iter(activity))[0])
            if isinstance(i, ReleaseOutcome)]
    assert len(seed) == 1
    path = tmp_path_factory.mktemp("dev-store") / "store"
    with EmbeddedStore.open(path, write=True) as writer:
        for _ in ingest(writer, [*outcomes, *seed], activity=activity, validate=False):
            pass
    return path
