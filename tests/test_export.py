"""Exports: every format holds the same graph, subsets carry what they need, files appear whole."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from diplograph.cli import main
from diplograph.export import CSV_COLUMNS, export
from diplograph.ingest import ingest
from diplograph.store import EmbeddedStore

DG = "https://w3id.org/diplograph/ontology#"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, dev_releases):
    outcomes, activity = dev_releases
    path = tmp_path_factory.mktemp("export") / "store"
    with EmbeddedStore.open(path, write=True) as writer:
        for _ in ingest(writer, outcomes, activity=activity, validate=False):
            pass
    with EmbeddedStore.open(path) as reader:
        yield reader


def dataset(path: Path) -> set[str]:
    return {str(q) for q in ox.parse(path=str(path))}


def test_every_rdf_format_holds_the_same_graph(tmp_path: Path, store) -> None:
    for suffix in (".trig", ".nq", ".jsonld", ".ttl"):
        summary = export(store, tmp_path / f"all{suffix}")
        assert summary.releases == 24
    trig = dataset(tmp_path / "all.trig")
    assert dataset(tmp_path / "all.nq") == trig
    assert dataset(tmp_path / "all.jsonld") == trig
    triples = {str(ox.Quad(q.subject, q.predicate, q.object)) for q in ox.parse(path=str(tmp_path / "all.trig"))}
    assert dataset(tmp_path / "all.ttl") == triples
    graphs = {q.graph_name for q in ox.parse(path=str(tmp_path / "all.trig"))}
    assert len(graphs) == 25  # 24 releases and the default graph (shared and derived facts)
    text = (tmp_path / "all.jsonld").read_text(encoding="utf-8")
    assert '"@context"' in text and '"dg:participant"' in text


def test_exports_are_deterministic(tmp_path: Path, store) -> None:
    export(store, tmp_path / "a.trig")
    export(store, tmp_path / "b.trig")
    assert (tmp_path / "a.trig").read_bytes() == (tmp_path / "b.trig").read_bytes()


def test_csv_is_one_row_per_event(tmp_path: Path, store) -> None:
    summary = export(store, tmp_path / "events.csv")
    raw = (tmp_path / "events.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte order mark: spreadsheets then read Thai as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    events = {q.subject for q in store.ox.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/1999/02/"
                                                                               "22-rdf-syntax-ns#type"), None, None)
              if q.object.value.rsplit("#")[-1] in ("BilateralMeeting", "MultilateralMeeting", "OfficialVisit",
                                                      "CourtesyCall", "AgreementSigning")}
    assert len(rows) == summary.rows == len(events)
    assert tuple(rows[0]) == CSV_COLUMNS
    first = next(r for r in rows if r["event"].endswith("bilateral-meeting/2020-09-29/sg-th"))
    assert (first["date"], first["type"], first["countries"], first["mode"], first["release_ids"]) == (
        "2020-09-29", "BilateralMeeting", "SG; TH", "Virtual", "d001")
    assert first["participants"] and first["topics"] and first["source_urls"].startswith("https://")


def test_one_release_brings_what_it_mentions_and_nothing_else(tmp_path: Path, store) -> None:
    summary = export(store, tmp_path / "d009.trig", releases=["d009"])
    quads = list(ox.parse(path=str(tmp_path / "d009.trig")))
    named = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    assert named == {"https://w3id.org/diplograph/id/release/d009"} and summary.releases == 1
    mentioned = {t for q in quads if isinstance(q.graph_name, ox.NamedNode) for t in (q.subject, q.object)}
    described = {q.subject for q in quads if isinstance(q.graph_name, ox.DefaultGraph)}
    countries = {q.object for q in quads if q.predicate.value == DG + "involvesCountry"}
    assert countries and countries <= described
    assert described <= mentioned | {q.object for q in quads if isinstance(q.graph_name, ox.DefaultGraph)}
    assert not any(str(q.subject).endswith("country/KR>") for q in quads)  # d009 is about Singapore
    mou_with = {(q.subject.value[-2:], q.object.value[-2:]) for q in quads if q.predicate.value == DG + "hasMoUWith"}
    assert mou_with == {("SG", "TH"), ("TH", "SG")}  # d009 reports the TH–SG MoU signed


def test_since_picks_releases_by_their_date(tmp_path: Path, store) -> None:
    summary = export(store, tmp_path / "recent.nq", since=dt.date(2024, 1, 1))
    issued = {q.object.value for q in ox.parse(path=str(tmp_path / "recent.nq")) if q.predicate.value.endswith("/issued")}
    assert summary.releases == 10 and min(issued) >= "2024-01-01"
    both = export(store, tmp_path / "both.nq", releases=["d001", "d024"], since=dt.date(2024, 1, 1))
    assert both.releases == 1


def test_a_failed_export_leaves_no_file(tmp_path: Path, store, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.trig"
    out.write_text("the previous export")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(ox, "serialize", broken)
    with pytest.raises(OSError, match="disk full"):
        export(store, out)
    assert out.read_text() == "the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.trig"]


def test_the_export_command(tmp_path: Path, store) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--store", str(store.path), "-o", str(tmp_path / "x.csv"),
                                  "--since", "2024-01-01"])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stdout and "10 releases" in result.stdout
    result = runner.invoke(main, ["export", "--store", str(store.path), "-o", str(tmp_path / "x.xml")])
    assert result.exit_code == 2 and "unknown export format" in result.stderr
    result = runner.invoke(main, ["export", "--store", str(store.path), "-o", str(tmp_path / "x.trig"),
                                  "--release", "nope"])
    assert result.exit_code == 2 and "no such release" in result.stderr
