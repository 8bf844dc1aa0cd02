"""The store commands: ingest, remove and stats, their output and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

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
