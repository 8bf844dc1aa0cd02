"""The store commands: ingest, remove and stats, their output and exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import main

DEV = Path(__file__).parent / "fixtures" / "corpus" / "dev"


def cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_ingest_remove_and_stats(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("d001.txt", "d009.txt", "d021.html"):
        shutil.copy(DEV / name, inputs / name)
    store = str(tmp_path / "store")

    result = cli("ingest", str(inputs), "--store", store)
    assert result.exit_code == 0, result.output
    assert "3 stored, 0 replaced" in result.stdout and "it holds 3 releases" in result.stdout
    triples = int(result.stdout.split("releases, ")[1].split()[0])

    result = cli("ingest", str(inputs), "--store", store, "-v")
    assert result.exit_code == 0
    assert "replaced d001 (" in result.stdout and f"3 releases, {triples} triples" in result.stdout

    stats = json.loads(cli("stats", "--store", store, "--format", "json").stdout)
    assert (stats["releases"], stats["triples"]) == (3, triples)
    top = stats["top_country_pairs"][0]
    assert (top["country1"], top["country2"]) == ("SG", "TH") and top["events"] >= 3
    table = cli("stats", "--store", store).stdout
    assert "events by type and year" in table and "BilateralMeeting" in table

    result = cli("remove", "d009", "nope", "--store", store)
    assert result.exit_code == 1 and "removed d009" in result.stdout and "nope: no such release" in result.stderr
    result = cli("remove", "nope", "--store", store)
    assert result.exit_code == 2
    result = cli("remove", "d001", "d021", "--store", store)
    assert result.exit_code == 0
    assert json.loads(cli("stats", "--store", store, "--format", "json").stdout)["triples"] == 0


def test_ingest_exit_codes(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    result = cli("ingest", str(empty), "--store", store)
    assert result.exit_code == 2
    assert "error:" in result.stderr and "no release could be stored" in result.stderr
    result = cli("ingest", str(empty), str(DEV / "d002.txt"), "--store", store, "-q")
    assert result.exit_code == 1 and result.stdout == ""
    result = cli("ingest", str(DEV / "d002.txt"), "--store", store, "--endpoint", "http://127.0.0.1:9/sparql")
    assert result.exit_code == 2 and "give one of --store PATH or --endpoint URL" in result.stderr


# --- a damaged store, a store in an older Oxigraph format ------------------------------------------

OLD_STORE = Path(__file__).parent / "fixtures" / "stores" / "pyoxigraph-0.3"
# A command in a process of its own, its address space capped: Oxigraph's SPARQL evaluation can
# loop on a damaged block, allocating until the machine runs out of memory (stats did, at 22 GB).
CAPPED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from diplograph.cli import main
main(sys.argv[1:])
"""


def capped(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CAPPED, *args], capture_output=True, text=True, timeout=120)


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "internal error" not in lines[0] and "Traceback" not in stderr, stderr
    return lines[0]


def damaged_store(tmp_path: Path, where: str) -> Path:
    """A store of d001 whose RocksDB files are damaged: ``"files"`` (found on opening: CURRENT
    overwritten) or ``"blocks"`` (found only on reading: bytes flipped in the data blocks)."""
    store = tmp_path / "store"
    assert cli("ingest", str(DEV / "d001.txt"), "--store", str(store), "-q", "-j", "1").exit_code == 0
    if where == "files":
        (store / "CURRENT").write_text("garbage\n")
    else:
        for sst in store.glob("*.sst"):
            data = bytearray(sst.read_bytes())
            if len(data) > 8000:  # a table with several data blocks: its index and footer stay whole
                data[100:200] = bytes(b ^ 0xFF for b in data[100:200])
                sst.write_bytes(data)
    return store


@pytest.mark.parametrize("where", ["files", "blocks"])
def test_a_damaged_store_is_named_with_what_to_do(tmp_path: Path, where: str) -> None:
    store = damaged_store(tmp_path, where)
    commands = [["ingest", str(DEV / "d002.txt"), "-j", "1"], ["remove", "d001"], ["doctor"],
                ["export", "-o", str(tmp_path / "e.trig")]]
    if where == "files":  # found on opening; reading a damaged block makes Oxigraph's SPARQL loop (see CAPPED)
        commands += [["stats"], ["query", "partners", "-p", "country=TH"], ["viz", "-o", str(tmp_path / "v.html")]]
    for args in commands:
        done = capped(*args, "--store", str(store))
        assert done.returncode == 2, (args, done.stderr[-1000:])
        line = one_error_line(done.stderr)
        assert f"{store}: the store is damaged" in line and "restore the folder from a backup" in line, (args, line)


def rocksdb_files(store: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(store.iterdir())
            if p.name == "CURRENT" or p.name.startswith("MANIFEST-") or p.suffix in (".sst", ".log")}


def test_a_store_in_an_older_oxigraph_format_is_never_upgraded_without_upgrade(tmp_path: Path) -> None:
    import pyoxigraph as ox

    store = tmp_path / "store"
    shutil.copytree(OLD_STORE, store)
    before = rocksdb_files(store)
    for args in (["ingest", str(DEV / "d002.txt"), "-j", "1"], ["remove", "d001"], ["stats"], ["doctor"],
                 ["query", "partners", "-p", "country=TH"], ["export", "-o", str(tmp_path / "e.trig")]):
        result = CliRunner().invoke(main, [*args, "--store", str(store)])
        assert result.exit_code == 2, (args, result.output)
        line = one_error_line(result.stderr)
        assert "older Oxigraph" in line and f"cp -a {store} {store}.backup" in line and "--upgrade" in line, line
    assert rocksdb_files(store) == before  # not a byte changed: pyoxigraph 0.3 can still open it
    with pytest.raises(RuntimeError, match="not possible to upgrade read-only"):
        ox.Store.read_only(str(store))

    result = cli("ingest", str(DEV / "d002.txt"), "--store", str(store), "--upgrade", "-q", "-j", "1")
    assert result.exit_code == 0, result.output
    assert rocksdb_files(store) != before
    stats = json.loads(cli("stats", "--store", str(store), "--format", "json").stdout)
    assert stats["releases"] == 2
    assert cli("doctor", "--store", str(store)).exit_code == 0
    again = cli("ingest", str(DEV / "d003.txt"), "--store", str(store), "--upgrade", "-q", "-j", "1")
    assert again.exit_code == 0  # --upgrade on a store already in the current format changes nothing more


def test_upgrade_is_for_the_embedded_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(DEV / "d001.txt"), "--endpoint", "http://127.0.0.1:9/sparql",
                                       "--upgrade"])
    assert result.exit_code == 2 and "--upgrade converts an embedded store" in result.output
