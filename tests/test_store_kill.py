"""An ingest killed at random moments (SIGKILL) leaves whole releases only, and running it again completes it."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from diplograph.doctor import check_store
from diplograph.sources import decode_bytes
from diplograph.store import EmbeddedStore

DEV = Path(__file__).parent / "fixtures" / "corpus" / "dev"
DIPLOGRAPH = str(Path(sys.executable).parent / "diplograph")
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
COPIES = 2


def corpus(tmp: Path) -> Path:
    """A JSONL batch of the dev texts, several times over under other ids (and so other texts)."""
    out = tmp / "batch.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for n in range(COPIES):
            for path in sorted(DEV.glob("*.txt")):
                text = decode_bytes(path.read_bytes(), path.name) + f"\n\n(copy {n})\n"
                f.write(json.dumps({"id": f"{path.stem}-{n}", "text": text}, ensure_ascii=False) + "\n")
    return out


def ingest(batch: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen([DIPLOGRAPH, "ingest", str(batch), "--store", str(store), "-v", "--batch-size", "4"],
                            env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def graph_quads(path: Path) -> dict[str, set[str]]:
    with EmbeddedStore.open(path) as store:
        return {g.value: {str(q) for q in store.ox.quads_for_pattern(None, None, None, g)}
                for g in store.release_graphs()}


def all_quads(path: Path) -> set[str]:
    with EmbeddedStore.open(path) as store:
        return {str(q) for q in store.ox}


def healthy(path: Path) -> list:
    with EmbeddedStore.open(path) as store:
        return check_store(store).problems


TRIALS = 20


@pytest.mark.slow
def test_a_killed_ingest_leaves_whole_releases_and_can_be_completed(tmp_path: Path) -> None:
    """SIGKILL at 20 random moments of an ingest — two before its first commit, sixteen while it commits
    batches, two while it closes the store: the store opens, every release reported before the kill is
    there and whole, no release is there in part, the store passes ``diplograph doctor``, and the same
    command again completes it."""
    batch = corpus(tmp_path)
    start = time.monotonic()
    reference = ingest(batch, tmp_path / "reference")
    stored = []  # when each batch was committed (reported)
    for line in reference.stdout:
        if line.startswith("stored "):
            stored.append(time.monotonic() - start)
    _, err = reference.communicate(timeout=600)
    duration = time.monotonic() - start
    assert reference.returncode == 0 and stored, err
    # A moment is "after the k-th release was reported, plus a random delay": wall-clock moments alone
    # miss the commits, whose timing varies from run to run by more than the time they take.
    first, last, total, rng = stored[0], stored[-1], len(stored), random.Random(20240501)
    moments = [(0, rng.uniform(0, first)) for _ in range(2)]  # before the first commit
    moments += [(rng.randrange(1, total), rng.uniform(0, 4 * (last - first) / total)) for _ in range(TRIALS - 4)]
    moments += [(total, rng.uniform(0, duration - last)) for _ in range(2)]  # while it closes the store
    expected_graphs = graph_quads(tmp_path / "reference")
    expected = all_quads(tmp_path / "reference")
    assert len(expected_graphs) == len(list(DEV.glob("*.txt"))) * COPIES
    assert healthy(tmp_path / "reference") == []

    partial_seen = 0
    for trial, (after, delay) in enumerate(moments):
        store = tmp_path / f"trial{trial}"
        process = ingest(batch, store)
        lines = [process.stdout.readline() for _ in range(after)]
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate(timeout=60)
        reported = {line.split()[1] for line in [*lines, *out.splitlines()]
                    if line.startswith(("stored ", "replaced "))}
        if (store / "CURRENT").exists():
            graphs = graph_quads(store)  # opens: the store survived the kill
            present = {g.rsplit("/", 1)[-1] for g in graphs}
            assert reported <= present, f"trial {trial}: reported but missing: {sorted(reported - present)}"
            for graph, quads in graphs.items():
                assert quads == expected_graphs[graph], f"trial {trial}: {graph} is not whole"
            assert healthy(store) == [], f"trial {trial}: diplograph doctor finds problems"
            partial_seen += 0 < len(present) < len(expected_graphs)
        again = ingest(batch, store)
        _, err = again.communicate(timeout=600)
        assert again.returncode == 0, err
        assert all_quads(store) == expected
    assert partial_seen >= TRIALS // 2, f"only {partial_seen} of {TRIALS} trials were killed half-way through"
