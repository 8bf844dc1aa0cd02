"""The graph as networks: projections, filters, sources and the measures analysts ask for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

import diplograph.network as dn
from diplograph.errors import QueryError
from diplograph.periods import describe, parse_date, parse_period, within

SMALL = Path(__file__).parent / "fixtures" / "viz" / "small.trig"
CORPUS = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def small() -> dn.Facts:
    return dn.load_facts(SMALL)


@pytest.fixture(scope="module")
def dev_trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from diplograph.pipeline import build, write_graph

    out = tmp_path_factory.mktemp("dev") / "dev.trig"
    write_graph(build([CORPUS / "dev", CORPUS / "seed"], validate=False).quads(), out)
    return out


# --- projections of the small graph -------------------------------------------------------------

def edges(graph) -> dict[tuple[str, str], int]:
    return {tuple(sorted((a, b))): d["weight"] for a, b, d in graph.edges(data=True)}


def test_people_view_counts_meetings_once(small: dn.Facts) -> None:
    g = dn.project(small, "people")
    assert sorted(g.nodes) == ["alpha", "bravo", "charlie", "delta"]
    # the official visit framing the alpha–delta talks is not a second meeting
    assert edges(g) == {("alpha", "bravo"): 2, ("alpha", "charlie"): 1, ("alpha", "delta"): 2, ("bravo", "delta"): 1}
    alpha = g.nodes["alpha"]
    assert (alpha["label"], alpha["name_th"], alpha["country"], alpha["position"]) == \
        ("Alpha Anan", "อัลฟา อนันต์", "TH", "Minister of Foreign Affairs")
    assert alpha["meetings"] == 4  # e1, e2, e4, e5 (e3 frames e4)
    assert g.edges["alpha", "bravo"]["first"] == "2023-01-10" and g.edges["alpha", "bravo"]["last"] == "2023-01-10"


def test_thai_only_names_and_language_choice(small: dn.Facts) -> None:
    assert dn.project(small, "people").nodes["delta"]["label"] == "ดารา สุวรรณ"
    assert dn.project(small, "people", lang="th").nodes["alpha"]["label"] == "อัลฟา อนันต์"
    assert dn.project(small, "countries", lang="th").nodes["KH"]["label"] == "กัมพูชา"


def test_countries_view_shows_mous_with_their_status(small: dn.Facts) -> None:
    g = dn.project(small, "countries")
    assert edges(g) == {("SG", "TH"): 3, ("KH", "TH"): 2, ("KH", "SG"): 1}
    th_sg = g.edges["TH", "SG"]
    assert th_sg["mou_status"] == "Signed" and th_sg["has_mou"] is True
    assert th_sg["agreements"] == ["https://w3id.org/diplograph/id/agreement/mou"]
    assert g.edges["TH", "KH"]["mou_status"] is None


def test_ego_networks(small: dn.Facts) -> None:
    assert sorted(dn.project(small, "person:charlie").nodes) == ["alpha", "charlie"]
    assert sorted(dn.project(small, "person:charlie", radius=2).nodes) == ["alpha", "bravo", "charlie", "delta"]
    assert sorted(dn.project(small, "person:Bravo Tan").nodes) == ["alpha", "bravo", "delta"]  # by name
    assert dn.project(small, "country:kh").graph["center"] == "KH"
    with pytest.raises(QueryError, match="nobody named 'nobody'"):
        dn.project(small, "person:nobody")
    with pytest.raises(QueryError, match="unknown view"):
        dn.parse_view("galaxy")


def test_date_and_topic_filters(small: dn.Facts) -> None:
    g = dn.to_networkx(SMALL, "people", since="2023", until="2023")
    assert edges(g) == {("alpha", "bravo"): 1, ("alpha", "charlie"): 1}  # undated forum and 2024 visit left out
    assert g.graph["since"] == "2023-01-01" and g.graph["until"] == "2023-12-31"
    # a topic keeps its narrower topics: e1 is about free trade, under trade and investment
    assert edges(dn.to_networkx(SMALL, "people", topic="trade-investment")) == {("alpha", "bravo"): 1}
    assert edges(dn.to_networkx(SMALL, "people", topic="Trade and Investment")) == {("alpha", "bravo"): 1}
    with pytest.raises(QueryError, match="unknown topic"):
        dn.load_facts(SMALL, topic="astrology")


def test_agreements_follow_the_date_range() -> None:
    facts = dn.load_facts(SMALL, until="2023-03")
    (mou,) = facts.agreements.values()
    assert mou.status == "Proposed" and [c.status for c in mou.history] == ["Proposed"]
    assert dn.load_facts(SMALL, since="2024").agreements == {}


def test_filter_values_are_bound_not_spliced() -> None:
    """A hostile topic or date never becomes query text: it is looked up, or refused as a date."""
    with pytest.raises(QueryError):
        dn.load_facts(SMALL, topic='x" } DROP ALL ; #')
    with pytest.raises(QueryError, match="not a date"):
        dn.load_facts(SMALL, since="2020-01-01\"^^xsd:date) } #")


def test_evidence_is_tied_to_its_release(small: dn.Facts) -> None:
    e1 = small.events["https://w3id.org/diplograph/id/event/e1"]
    assert [(ev.sentence, ev.release) for ev in e1.evidence] == [
        ("Alpha Anan met Bravo Tan on 10 January 2023 & discussed trade.", "https://w3id.org/diplograph/id/release/r1")]
    assert small.releases[e1.evidence[0].release].url == "https://example.org/r1"


# --- sources ------------------------------------------------------------------------------------

def test_every_kind_of_source_gives_the_same_network(tmp_path: Path, small: dn.Facts) -> None:
    expected = edges(dn.project(small, "people"))
    ds = Dataset()
    ds.parse(SMALL, format="trig")
    store = ox.Store()
    store.load(path=str(SMALL), format=ox.RdfFormat.TRIG)
    on_disk = tmp_path / "store"
    writer = ox.Store(str(on_disk))
    writer.bulk_load(path=str(SMALL), format=ox.RdfFormat.TRIG)
    writer.flush()
    del writer
    oxigraph_backed = Dataset(store="Oxigraph")
    oxigraph_backed.parse(SMALL, format="ox-trig")
    assert dn.open_store(oxigraph_backed) is oxigraph_backed.store._store  # used as it is, not copied
    for source in (ds, store, on_disk, str(SMALL), oxigraph_backed):
        assert edges(dn.to_networkx(source)) == expected, type(source)


def test_a_turtle_file_without_named_graphs(tmp_path: Path) -> None:
    ds = Dataset()
    ds.parse(SMALL, format="trig")
    flat = Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        flat.add((s, p, o))
    path = tmp_path / "small.ttl"
    flat.serialize(path, format="turtle")
    facts = dn.load_facts(path)
    assert edges(dn.project(facts, "people")) == edges(dn.project(dn.load_facts(SMALL), "people"))
    e1 = facts.events["https://w3id.org/diplograph/id/event/e1"]
    assert e1.evidence[0].release == "https://w3id.org/diplograph/id/release/r1"  # its only release


def test_unreadable_sources_are_named(tmp_path: Path) -> None:
    from diplograph.errors import InputError

    bad = tmp_path / "bad.trig"
    bad.write_text("this is not trig {", encoding="utf-8")
    with pytest.raises(InputError, match="bad.trig"):
        dn.load_facts(bad)
    other = tmp_path / "notes.docx"
    other.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="unknown graph format"):
        dn.load_facts(other)
    with pytest.raises(InputError, match="no such file"):
        dn.load_facts(tmp_path / "missing.trig")


# --- measures -------------------------------------------------------------------------------------

def test_centrality_ranks_the_broker_first(small: dn.Facts) -> None:
    rows = dn.centrality(dn.project(small, "people"))
    assert rows[0].node == "alpha" and rows[0].degree == 3 and rows[0].meetings == 5
    assert rows[0].betweenness == pytest.approx(2 / 3)
    assert [r.node for r in dn.centrality(dn.project(small, "people"), sort="betweenness", top=1)] == ["alpha"]


def test_communities_are_seeded_and_sorted(dev_trig: Path) -> None:
    facts = dn.load_facts(dev_trig)
    first = dn.measures(facts).communities
    assert first == dn.measures(facts).communities
    assert sorted(c for bloc in first for c in bloc) == sorted(dn.project(facts, "countries").nodes)
    assert [len(b) for b in first] == sorted((len(b) for b in first), reverse=True)


def test_partner_change_between_two_periods(small: dn.Facts) -> None:
    change = dn.partner_change(small, "th", parse_period("2023"), parse_period("2024"))
    assert (change.before, change.after) == ({"SG": 2}, {"KH": 1})
    assert (change.gained, change.lost, change.kept) == (["KH"], ["SG"], [])


def test_periods() -> None:
    assert parse_period("2020") == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert parse_period("2019-02..2020-02") == (dt.date(2019, 2, 1), dt.date(2020, 2, 29))
    assert parse_period("..2021") == (None, dt.date(2021, 12, 31))
    assert parse_date("2024-02", end=True) == dt.date(2024, 2, 29)
    assert within(None, (None, None)) and not within(None, (dt.date(2020, 1, 1), None))
    assert describe(parse_period("2023..")) == "from 2023-01-01"
    with pytest.raises(QueryError):
        parse_date("2020-13")


# --- the dev corpus -------------------------------------------------------------------------------

def test_dev_corpus_views(dev_trig: Path) -> None:
    facts = dn.load_facts(dev_trig)
    people, countries = dn.project(facts, "people"), dn.project(facts, "countries")
    assert people.number_of_nodes() >= 30 and countries.number_of_nodes() >= 10
    assert countries.edges["TH", "SG"]["has_mou"]  # the TH–SG MoU of the seed release was signed later
    assert "lawrence-wong" in dn.project(facts, "person:srettha-thavisin")
    th = dn.centrality(countries, top=1)[0]
    assert th.node == "TH" and th.degree == countries.number_of_nodes() - 1
