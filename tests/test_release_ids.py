"""One release id, one text: two inputs named alike with different texts are an error, never merged.

A release's id is its file's name without extension; ``2023/r1.txt`` and ``2024/r1.txt`` would be one
release with two titles and two dates. Both are refused, naming both files, and the rest goes on
(exit 1); the same text twice (a copy) is one release, as before.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from diplograph.cli import main
from diplograph.errors import DuplicateIdError, InputError
from diplograph.ingest import Summary, ingest_releases
from diplograph.inputs import input_units, read_inputs
from diplograph.model import Release
from diplograph.pipeline import build
from diplograph.store import EmbeddedStore

DEV = Path(__file__).parent / "fixtures" / "corpus" / "dev"
RELEASE = "https://w3id.org/diplograph/id/release/"


@pytest.fixture()
def clash(tmp_path: Path) -> Path:
    """Two folders with an r1.txt each (different releases), a copy of one other release in both,
    and a release of its own."""
    for folder in ("2023", "2024"):
        (tmp_path / "in" / folder).mkdir(parents=True)
    shutil.copy(DEV / "d001.txt", tmp_path / "in" / "2023" / "r1.txt")
    shutil.copy(DEV / "d002.txt", tmp_path / "in" / "2024" / "r1.txt")
    shutil.copy(DEV / "d003.txt", tmp_path / "in" / "2023" / "r3.txt")
    shutil.copy(DEV / "d003.txt", tmp_path / "in" / "2024" / "r3.txt")
    shutil.copy(DEV / "d009.txt", tmp_path / "in" / "2024" / "r9.txt")
    return tmp_path / "in"


def test_build_refuses_both_files_naming_each_other(clash: Path) -> None:
    result = build([clash], validate=False)
    assert sorted(o.facts.release.release_id for o in result.outcomes) == ["r3", "r9"]
    assert len(result.errors) == 2 and all(isinstance(e, DuplicateIdError) for e in result.errors)
    one, two = str(clash / "2023" / "r1.txt"), str(clash / "2024" / "r1.txt")
    assert {e.source for e in result.errors} == {one, two}
    for error in result.errors:
        assert one in str(error) and two in str(error) and "'r1'" in str(error) and "\n" not in str(error)
    assert result.exit_code == 1
    assert any("same text as release r3" in note for note in result.notes)  # a copy is no clash


def test_the_order_of_the_inputs_does_not_matter(clash: Path) -> None:
    forward = build([clash / "2023", clash / "2024"], validate=False)
    backward = build([clash / "2024", clash / "2023"], validate=False)
    assert sorted(e.source for e in forward.errors) == sorted(e.source for e in backward.errors)
    assert sorted(o.facts.release.release_id for o in forward.outcomes) == \
        sorted(o.facts.release.release_id for o in backward.outcomes) == ["r3", "r9"]


def test_a_file_and_a_page_of_one_name(tmp_path: Path) -> None:
    shutil.copy(DEV / "d001.txt", tmp_path / "r1.txt")
    shutil.copy(DEV / "d021.html", tmp_path / "r1.html")
    items = list(read_inputs([tmp_path]))
    assert all(isinstance(i, DuplicateIdError) for i in items) and len(items) == 2


def test_units_are_paths_for_the_caller_to_read(clash: Path) -> None:
    """Checking ids costs nothing for the usual batch: units are paths, for the caller (or a worker) to read."""
    units = list(input_units([clash]))
    paths = [u for u in units if isinstance(u, Path)]
    assert sorted(p.name for p in paths) == ["r3.txt", "r3.txt", "r9.txt"]
    assert sum(isinstance(u, DuplicateIdError) for u in units) == 2


def test_jsonl_lines_with_a_taken_id(tmp_path: Path) -> None:
    shutil.copy(DEV / "d001.txt", tmp_path / "r1.txt")
    texts = [(DEV / f"d00{n}.txt").read_text(encoding="utf-8") for n in (1, 2, 3)]
    lines = [{"id": "x", "text": texts[1]}, {"id": "x", "text": texts[2]}, {"id": "x", "text": texts[1]},
             {"id": "r1", "text": texts[2]}, {"id": "r1", "text": texts[0]}]
    (tmp_path / "z.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    items = list(read_inputs([tmp_path]))
    kinds = [(i.release_id if isinstance(i, Release) else type(i).__name__) for i in items]
    # the file, the first x, a refused x (another text), x again (the same text), a refused r1, r1's copy
    assert kinds == ["r1", "x", "DuplicateIdError", "x", "DuplicateIdError", "r1"]
    errors = [i for i in items if isinstance(i, InputError)]
    assert "an earlier line of" in str(errors[0]) and str(tmp_path / "r1.txt") in str(errors[1])


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_stores_neither_and_says_why(clash: Path, tmp_path: Path, jobs: int) -> None:
    with EmbeddedStore.open(tmp_path / "store", write=True) as store:
        summary = Summary()
        events = [summary.add(e) for e in ingest_releases(store, [clash], jobs=jobs)]
        rows = store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a ?type } }").rows
    failed = [e for e in events if e.kind == "failed"]
    assert len(failed) == 2 and all("'r1'" in e.message for e in failed)
    assert {e.release for e in events if e.kind in ("stored", "replaced")} == {"r3", "r9"}
    assert summary.exit_code == 1
    assert sorted(row[0].value for row in rows) == [RELEASE + "r3", RELEASE + "r9"]


def test_cli_build_exit_code_and_message(clash: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.trig"
    result = CliRunner().invoke(main, ["build", str(clash), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and all("2023/r1.txt" in e and "2024/r1.txt" in e for e in errors)
    graphs = {q.graph_name for q in pyoxigraph.parse(path=str(out), format=pyoxigraph.RdfFormat.TRIG)}
    assert pyoxigraph.NamedNode(RELEASE + "r1") not in graphs
    assert pyoxigraph.NamedNode(RELEASE + "r9") in graphs
