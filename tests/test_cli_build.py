"""`diplograph build` and `diplograph validate`: outputs, formats and exit codes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from diplograph.cli import main

SEED = Path(__file__).parent / "golden" / "seed" / "input"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def seed_ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "seed.ttl"
    result = run("build", str(SEED), "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def test_build_prints_a_summary_and_writes_strict_turtle(seed_ttl: Path) -> None:
    triples = list(pyoxigraph.parse(path=str(seed_ttl), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) > 50


@pytest.mark.parametrize("suffix,fmt", [(".trig", pyoxigraph.RdfFormat.TRIG), (".nq", pyoxigraph.RdfFormat.N_QUADS)])
def test_build_formats_keep_named_graphs(tmp_path: Path, suffix: str, fmt) -> None:
    out = tmp_path / f"seed{suffix}"
    result = run("build", str(SEED), "-o", str(out))
    assert result.exit_code == 0
    assert "1 release read" in result.output
    graphs = {q.graph_name for q in pyoxigraph.parse(path=str(out), format=fmt)}
    assert pyoxigraph.NamedNode("https://w3id.org/diplograph/id/release/thaigov-35541") in graphs


def test_build_jsonld_has_a_context(tmp_path: Path) -> None:
    out = tmp_path / "seed.jsonld"
    assert run("build", str(SEED), "-o", str(out)).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "@context" in json.dumps(data)[:2000]


def test_build_exit_code_1_when_some_input_fails(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED / "thaigov-35541.txt", inputs)
    (inputs / "empty.txt").write_text("")
    out = tmp_path / "out.ttl"
    result = CliRunner().invoke(main, ["build", str(inputs), "-o", str(out)])
    assert result.exit_code == 1
    assert out.exists()  # written anyway: one release could be read
    assert "empty.txt" in result.output


def test_build_exit_code_2_when_nothing_could_be_read(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n")
    out = tmp_path / "out.ttl"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "empty.txt"), "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()


def test_validate_conforms(seed_ttl: Path) -> None:
    result = run("validate", str(seed_ttl))
    assert result.exit_code == 0 and "conforms" in result.output


def test_validate_catches_an_unconverted_buddhist_era_year(seed_ttl: Path, tmp_path: Path) -> None:
    bad = tmp_path / "be.ttl"
    bad.write_text(seed_ttl.read_text(encoding="utf-8").replace('"2020-09-29"^^xsd:date', '"2563-09-29"^^xsd:date'),
                   encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 1
    assert "2563-09-29" in result.output


def test_validate_catches_a_bilateral_meeting_with_three_countries(seed_ttl: Path, tmp_path: Path) -> None:
    text = seed_ttl.read_text(encoding="utf-8")
    meeting = re.search(r"<https://w3id.org/diplograph/id/event/bilateral-meeting/[^>]+>", text).group(0)
    bad = tmp_path / "three.ttl"
    bad.write_text(text + f"\n{meeting} <https://w3id.org/diplograph/ontology#involvesCountry> "
                          "<https://w3id.org/diplograph/id/country/MY> .\n"
                          "<https://w3id.org/diplograph/id/country/MY> a <https://w3id.org/diplograph/ontology#Country> ;"
                          ' <https://w3id.org/diplograph/ontology#iso3166> "MY" .\n', encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 1 and "involvesCountry" in result.output


def test_validate_exit_code_2_on_unparsable_file(tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text("this is not turtle <", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 2 and result.output.startswith("error:")
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["build", "validate"])
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output
