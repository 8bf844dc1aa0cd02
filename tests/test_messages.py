"""Messages read as sentences: "1 release", never "1 releases"; and no command's --help says a line twice."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from diplograph.cli import events_label, main
from diplograph.track import Changes
from diplograph.wording import count

SEED = Path(__file__).parent / "fixtures" / "corpus" / "seed" / "thaigov-35541.txt"
SMALL = Path(__file__).parent / "fixtures" / "viz" / "small.trig"
# "1" then a plural: "1 releases", "1 held events", "1 shared triples" (not "1.5 releases", "21 releases")
ONE_PLURAL = re.compile(r"(?<![\d.,])1 (?:[a-z]+ ){0,2}(?:[a-z]+s|people)\b(?! (?:in|with|by|of|to)\b)")
SINGULAR_WORDS = {"status", "releases?"}  # "1 agreement status" is singular


def commands() -> list[tuple[str, click.Command]]:
    found = [("diplograph", main)]
    for name, command in main.commands.items():
        found.append((f"diplograph {name}", command))
    return found


@pytest.mark.parametrize(("name", "command"), commands(), ids=[n for n, _ in commands()])
def test_no_help_says_a_line_twice(name: str, command: click.Command) -> None:
    """Wide enough that nothing wraps, every line of --help is one option or one sentence: none twice,
    and no two options share a help text."""
    args = name.split()[1:] + ["--help"]
    result = CliRunner().invoke(main, args, terminal_width=1000)
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines() if line.strip()]
    assert [line for line, n in Counter(lines).items() if n > 1] == []
    helps = Counter(" ".join(p.help.split()) for p in command.params if isinstance(p, click.Option) and p.help)
    assert [h for h, n in helps.items() if n > 1] == []


def test_count_and_the_events_label() -> None:
    assert count(1, "release") == "1 release" and count(0, "release") == "0 releases"
    assert count(1, "person", "people") == "1 person" and count(3, "person", "people") == "3 people"
    assert events_label(False, 1) == "1 held event" and events_label(True, 2) == "2 held and scheduled events"
    assert events_label(False) == "held events"


def test_track_changes_say_one_as_one() -> None:
    changes = Changes(new_releases=["a"], new_events=["e"], new_agreements=[("x", "Signed")],
                      moved_agreements=[("x", "Proposed", "Signed")])
    assert changes.line() == "1 new release, 0 changed, 1 new event, 1 new agreement, 1 agreement status moved"


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output + result.stderr
    return result.stdout + result.stderr


def test_commands_say_one_of_a_thing_in_the_singular(tmp_path: Path) -> None:
    """One release through every command that summarises: build, validate, ingest, stats, doctor, export,
    query, viz; none says "1 <plural>"."""
    store = tmp_path / "store"
    graph = tmp_path / "one.trig"
    said = [
        run("build", str(SEED), "-o", str(graph)),
        run("validate", str(graph)),
        run("ingest", str(SEED), "--store", str(store)),
        run("stats", "--store", str(store)),
        run("doctor", "--store", str(store)),
        run("export", "--store", str(store), "-o", str(tmp_path / "events.csv")),
        run("export", "--store", str(store), "--table", "agreements", "-o", str(tmp_path / "agreements.csv")),
        run("query", "--sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", str(store)),
        run("viz", str(SMALL), "--view", "person:charlie", "-o", str(tmp_path / "charlie.svg")),
        run("timeline", str(graph), "--country", "TH", "--partner", "SG", "-o", str(tmp_path / "t.png")),
    ]
    text = "\n".join(said)
    for needle in ("1 release,", "1 row", "1 edge", "1 release (", "1 row (agreements table"):
        assert needle in text, needle
    wrong = [m.group() for m in ONE_PLURAL.finditer(text) if not m.group().endswith("status")]
    assert wrong == [], text
