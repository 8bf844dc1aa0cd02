"""The viz, timeline and network commands: thin layers over the library."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from click.testing import CliRunner

from diplograph.cli import main

SMALL = Path(__file__).parent / "fixtures" / "viz" / "small.trig"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_viz_draws_the_people_view_by_default(tmp_path: Path) -> None:
    code, out, _ = run("viz", str(SMALL), "-o", str(tmp_path / "p.html"))
    assert code == 0 and "4 nodes, 4 edges" in out
    code, out, _ = run("viz", str(SMALL), "-o", str(tmp_path / "c.png"), "--view", "countries", "--since", "2023")
    assert code == 0 and "3 nodes, 2 edges" in out and (tmp_path / "c.png").is_file()


def test_viz_reads_a_store(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))
    store.bulk_load(path=str(SMALL), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    code, out, err = run("viz", "--store", str(tmp_path / "store"), "-o", str(tmp_path / "x.svg"),
                         "--view", "country:TH")
    assert code == 0, err
    assert "3 nodes, 3 edges" in out


def test_viz_errors_are_one_line(tmp_path: Path) -> None:
    code, _, err = run("viz", str(SMALL), "-o", str(tmp_path / "x.html"), "--view", "person:nobody")
    assert code == 2 and err.strip().startswith("error: nobody named 'nobody' (give part of the name")
    code, _, err = run("viz", "-o", str(tmp_path / "x.html"))
    assert code == 2 and "give either a graph FILE or --store PATH" in err
    code, _, err = run("viz", str(SMALL), "-o", str(tmp_path / "x.html"), "--topic", "astrology")
    assert code == 2 and "unknown topic 'astrology'" in err


def test_timeline_command(tmp_path: Path) -> None:
    code, out, _ = run("timeline", str(SMALL), "--country", "TH", "--partner", "SG", "-o", str(tmp_path / "t.png"))
    assert code == 0 and "2 meetings in 6 months, 2 status changes, 1 undated meeting left out" in out


def test_network_command_json(tmp_path: Path) -> None:
    code, out, _ = run("network", str(SMALL), "--format", "json", "--partners", "TH", "--first", "2023",
                       "--second", "2024")
    assert code == 0
    data = json.loads(out)
    assert data["people"][0]["node"] == "alpha" and data["countries"][0]["node"] == "TH"
    assert data["partners"]["gained"] == ["KH"] and data["partners"]["lost"] == ["SG"]
    assert sorted(c for bloc in data["communities"] for c in bloc) == ["KH", "SG", "TH"]


def test_network_command_tables() -> None:
    code, out, _ = run("network", str(SMALL), "--top", "2")
    assert code == 0 and "Alpha Anan (alpha)" in out and "Blocs of countries" in out
    code, _, err = run("network", str(SMALL), "--partners", "TH")
    assert code == 2 and "--partners needs --first and --second" in err
