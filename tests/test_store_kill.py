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

import pyoxigraph as ox
import pytest

from diplograph.sources import decode_bytes
from diplograph.store import EmbeddedStore

DEV = Path(__file__).parent / "fixtures" / "corpus" / "dev"
DIPLOGRAPH = str(Path(sys.executable).parent / "diplograph")
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
COPIES = 3


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


def graph_sizes(path: Path) -> dict[str, int]:
    with EmbeddedStore.open(path) as store:
        return {g.value: sum(1 for _ in store.ox.quads_for_pattern(None, None, None, g))
                for g in store.release_graphs()}


def all_quads(path: Path) -> set[str]:
    with EmbeddedStore.open(path) as store:
        return {str(q) for q in store.ox}


@pytest.mark.slow
def test_a_killed_ingest_leaves_whole_releases_and_can_be_completed(tmp_path: Path) -> None:
    batch = corpus(tmp_path)
    start = time.monotonic()
    reference = ingest(batch, tmp_path / "reference")
    out, err = reference.communicate(timeout=600)
    duration = time.monotonic() - start
    assert reference.returncode == 0, err
    expected_sizes = graph_sizes(tmp_path / "reference")
    expected = all_quads(tmp_path / "reference")
    assert len(expected_sizes) == len(list(DEV.glob("*.txt"))) * COPIES

    rng = random.Random(20240501)
    partial_seen = 0
    for trial in range(4):
        store = tmp_path / f"trial{trial}"
        process = ingest(batch, store)
        time.sleep(rng.uniform(0.2, duration * 0.9))
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate(timeout=60)
        reported = {line.split()[1] for line in out.splitlines() if line.startswith(("stored ", "replaced "))}
        if not (store / "CURRENT").exists():
            continue  # killed before the store was created
        sizes = graph_sizes(store)  # opens: the store survived the kill
        present = {g.rsplit("/", 1)[-1] for g in sizes}
        assert reported <= present, f"reported but missing: {sorted(reported - present)}"
        for graph, n in sizes.items():
            assert n == expected_sizes[graph], f"trial {trial}: {graph} has {n} of {expected_sizes[graph]} triples"
        partial_seen += 0 < len(present) < len(expected_sizes)

        again = ingest(batch, store)
        _, err = again.communicate(timeout=600)
        assert again.returncode == 0, err
        assert all_quads(store) == expected
    assert partial_seen >= 1, "no trial was killed half-way through; the test proves little"
