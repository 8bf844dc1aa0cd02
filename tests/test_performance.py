"""Issue 7: parallel ingest gives the serial store, derived facts stay right when maintained
incrementally, the synthetic corpus is deterministic, and the benchmark runs (timings are
printed by ``python -m diplograph.bench``, never asserted here)."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.bench import synth
from diplograph.doctor import check_store
from diplograph.ingest import Summary, ingest_releases, remove
from diplograph.store import EmbeddedStore

DEV = Path(__file__).parent / "fixtures" / "corpus" / "dev"


def _quads(path: Path) -> set[str]:
    with EmbeddedStore.open(path) as store:
        return {str(q) for q in store.ox}


def _ingest(store_path: Path, inputs: list[Path], **options) -> Summary:
    summary = Summary()
    with EmbeddedStore.open(store_path, write=True) as store:
        for event in ingest_releases(store, inputs, **options):
            summary.add(event)
    return summary


def test_synthetic_releases_are_deterministic_and_distinct() -> None:
    first = list(synth.releases(60, seed=3))
    again = list(synth.releases(60, seed=3))
    assert first == again
    assert list(synth.releases(20, seed=3)) == first[:20]  # a smaller corpus is a prefix of a larger one
    assert len({r.text for r in first}) == 60
    assert first != list(synth.releases(60, seed=4))
    assert {r.html for r in first} == {False, True}  # text files and web pages, as in the dev corpus


def test_synthetic_releases_read_like_the_dev_corpus(tmp_path: Path) -> None:
    """Recombined releases still give the facts the dev releases give (events, agreements, no violations)."""
    synth.write_files(tmp_path / "corpus", 40, seed=5)
    summary = _ingest(tmp_path / "store", [tmp_path / "corpus"], jobs=1)
    assert summary["stored"] == 40 and not summary["held"] and not summary["failed"]
    with EmbeddedStore.open(tmp_path / "store") as store:
        events = store.query("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e "
                             "<https://w3id.org/diplograph/ontology#involvesCountry> ?c }").rows[0][0]
        assert int(events.value) >= 40


@pytest.mark.slow
def test_parallel_ingest_gives_the_serial_store(tmp_path: Path) -> None:
    """--jobs 2 (worker processes) and --jobs 1 give the same quads, events and counts."""
    synth.write_files(tmp_path / "corpus", 110, seed=2)
    inputs = [tmp_path / "corpus", DEV, tmp_path / "nowhere.txt"]
    (tmp_path / "corpus" / "0000" / "broken.txt").write_bytes(b"")  # an input that fails
    serial = _ingest(tmp_path / "serial", inputs, jobs=1)
    parallel = _ingest(tmp_path / "parallel", inputs, jobs=2)
    assert serial.counts == parallel.counts
    assert serial["stored"] == 134 and serial["failed"] == 2
    assert _quads(tmp_path / "serial") == _quads(tmp_path / "parallel")


def test_parallel_ingest_events_come_in_input_order(tmp_path: Path) -> None:
    synth.write_files(tmp_path / "corpus", 70, seed=6)
    with EmbeddedStore.open(tmp_path / "a", write=True) as store:
        serial = [(e.kind, e.release, e.message) for e in ingest_releases(store, [tmp_path / "corpus"], jobs=1)]
    with EmbeddedStore.open(tmp_path / "b", write=True) as store:
        parallel = [(e.kind, e.release, e.message) for e in ingest_releases(store, [tmp_path / "corpus"], jobs=2)]
    assert serial == parallel


@pytest.mark.slow
def test_derived_facts_stay_right_through_ingests_and_removals(tmp_path: Path) -> None:
    """Batches of new releases (derived statuses maintained incrementally), releases removed and
    replaced (recomputed): after each step the derived graph equals a recomputation from all
    releases (``diplograph doctor``), and the end state equals a store built in one go."""
    releases = list(synth.releases(120, seed=9))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paths = []
    for r in releases:
        path = corpus / f"{r.release_id}.{'html' if r.html else 'txt'}"
        path.write_text(r.text, encoding="utf-8")
        paths.append(path)
    rng = random.Random(7)
    order = paths[:]
    rng.shuffle(order)
    store_path = tmp_path / "store"
    for start in range(0, len(order), 40):
        _ingest(store_path, order[start:start + 40], jobs=1, batch_size=rng.choice([3, 10, 25]))
        with EmbeddedStore.open(store_path) as store:
            assert check_store(store).problems == []
    gone = rng.sample(paths, 25)
    with EmbeddedStore.open(store_path, write=True) as store:
        list(remove(store, [p.stem for p in gone]))
        assert check_store(store).problems == []
    _ingest(store_path, gone[:12], jobs=1, batch_size=5)
    _ingest(tmp_path / "whole", [p for p in paths if p not in gone[12:]], jobs=1)
    with EmbeddedStore.open(store_path) as store:
        assert check_store(store).problems == []
    assert _quads(store_path) == _quads(tmp_path / "whole")


@pytest.mark.slow
def test_the_benchmark_runs_in_smoke_mode(tmp_path: Path) -> None:
    """The CI version of ``make bench``: a small corpus, every section, a table; no timing is checked."""
    done = subprocess.run([sys.executable, "-m", "diplograph.bench", "--smoke", "--work", str(tmp_path)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    for heading in ("extraction cost ratio", "ingest", "query latency", "validation", "scaling", "long sentences"):
        assert heading in out.lower(), out
    assert "| " in out  # the table
