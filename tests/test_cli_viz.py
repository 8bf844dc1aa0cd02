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


def test_an_unknown_country_code_is_an_error_that_names_it(tmp_path: Path) -> None:
    """Not an empty chart with made-up 1970 ticks and exit 0: one line naming the code, exit 2."""
    for args in (["timeline", str(SMALL), "--country", "XX", "-o", str(tmp_path / "t.png")],
                 ["timeline", str(SMALL), "--country", "TH", "--partner", "XX", "-o", str(tmp_path / "t.png")],
                 ["viz", str(SMALL), "--view", "country:XX", "-o", str(tmp_path / "v.png")],
                 ["network", str(SMALL), "--partners", "XX", "--first", "2023", "--second", "2024"]):
        code, out, err = run(*args)
        assert code == 2, args
        assert err.strip() == "error: unknown country code 'XX': give an ISO 3166-1 alpha-2 code, e.g. TH", args
        assert out == ""
    assert list(tmp_path.iterdir()) == []


def test_a_view_with_nothing_in_it_says_so(tmp_path: Path) -> None:
    """A valid question with an empty answer: said in one line, exit 1, nothing written."""
    cases = {
        ("viz", str(SMALL), "--since", "2030", "-o", str(tmp_path / "v.png")):
            "nothing to draw: no meeting in this graph matches these filters (2030 to …)",
        ("viz", str(SMALL), "--view", "country:FJ", "-o", str(tmp_path / "v.html")):
            "nothing to draw: Fiji (FJ) took part in no meeting and is party to no agreement in this graph "
            "(with these filters)",
        ("timeline", str(SMALL), "--country", "TH", "--partner", "FJ", "-o", str(tmp_path / "t.svg")):
            "nothing to draw: no dated meeting and no agreement status between TH and FJ in this graph "
            "(with these filters)",
        ("network", str(SMALL), "--since", "2030"):
            "nothing to measure: no meeting in this graph matches these filters",
        ("network", str(SMALL), "--since", "2030", "--format", "json"):
            "nothing to measure: no meeting in this graph matches these filters",
    }
    for args, message in cases.items():
        code, out, err = run(*args)
        assert (code, out, err.strip()) == (1, "", message), args
    assert list(tmp_path.iterdir()) == []


def test_viz_top_keeps_the_most_connected(tmp_path: Path) -> None:
    code, out, _ = run("viz", str(SMALL), "-o", str(tmp_path / "p.svg"), "--top", "2")
    assert code == 0 and "2 of 4 nodes (the most connected; --top N for more), 1 edge" in out
