"""Networks for Gephi and other tools: ``viz -o FILE.gexf|.graphml`` and ``to_networkx`` graphs that
``networkx.write_gexf`` and ``write_graphml`` take as they are, read back the same."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import diplograph
import diplograph.network as dn
from diplograph.cli import main
from diplograph.network.files import plain, write_network

SMALL = Path(__file__).parent / "fixtures" / "viz" / "small.trig"
VIEWS = ["people", "countries", "country:TH", "person:Don Pramudwinai"]
READERS = {".gexf": (nx.write_gexf, nx.read_gexf), ".graphml": (nx.write_graphml, nx.read_graphml)}


def _same(written: nx.Graph, read: nx.Graph) -> None:
    """Every node, edge and attribute came back (GEXF gives weights as floats and keeps the label apart)."""
    assert set(read.nodes) == set(written.nodes)
    assert {frozenset(e) for e in read.edges} == {frozenset(e) for e in written.edges}
    for node, data in written.nodes(data=True):
        back = read.nodes[node]
        assert {k: back.get(k) for k in data} == data, node
    for a, b, data in written.edges(data=True):
        back = read.edges[a, b]
        assert {k: (int(back[k]) if k == "weight" else back.get(k)) for k in data} == data, (a, b)


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("suffix", sorted(READERS))
def test_to_networkx_graphs_are_written_and_read_back(view: str, suffix: str, dev_store: Path, tmp_path: Path) -> None:
    graph = diplograph.to_networkx(dev_store, view)
    assert graph.number_of_edges() > 0
    for _, data in [*graph.nodes(data=True), *((None, d) for *_, d in graph.edges(data=True)), (None, graph.graph)]:
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values()), data
    write, read = READERS[suffix]
    path = tmp_path / f"net{suffix}"
    write(graph, path)
    _same(graph, read(path))


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_viz_writes_a_network_file(suffix: str, dev_store: Path, tmp_path: Path) -> None:
    out = tmp_path / f"countries{suffix}"
    result = CliRunner().invoke(main, ["viz", "--store", str(dev_store), "--view", "countries", "--lang", "th",
                                       "--since", "2020", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    read = READERS[suffix][1](out)
    expected = dn.to_networkx(dev_store, "countries", lang="th", since="2020")
    assert f"{read.number_of_nodes()} nodes, {read.number_of_edges()} edges" in result.stdout
    _same(expected, read)
    assert read.nodes["TH"]["label"] == "ไทย"
    assert read.edges["TH", "SG"]["weight"] == expected.edges["TH", "SG"]["weight"]
    assert not list(tmp_path.glob(".*"))  # written through a temporary file, renamed


def test_the_gexf_file_is_what_gephi_reads(tmp_path: Path) -> None:
    """GEXF 1.2: every node has an id and a label, every edge a source, a target and a weight, and
    each attribute is declared once with its type."""
    out = tmp_path / "people.gexf"
    CliRunner().invoke(main, ["viz", str(SMALL), "-o", str(out)])
    root = ET.parse(out).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    assert root.tag == "{http://www.gexf.net/1.2draft}gexf"
    nodes = root.findall(".//g:node", ns)
    assert nodes and all(n.get("id") and n.get("label") for n in nodes)
    edges = root.findall(".//g:edge", ns)
    assert edges and all(e.get("source") and e.get("target") and float(e.get("weight")) > 0 for e in edges)
    for attributes in root.findall(".//g:attributes", ns):
        titles = [a.get("title") for a in attributes.findall("g:attribute", ns)]
        assert len(titles) == len(set(titles))
        assert {a.get("type") for a in attributes.findall("g:attribute", ns)} <= {"string", "long", "double",
                                                                                  "boolean", "integer"}


def test_plain_attributes() -> None:
    g = nx.Graph(since=None, view="people")
    g.add_node("a", topics={"trade", "energy"}, day=dt.date(2024, 3, 5), country=None, n=3, ok=True)
    g.add_node("b")
    g.add_edge("a", "b", meetings=["x", "y"], first=None, weight=2)
    flat = plain(g)
    assert flat.graph == {"view": "people"}
    assert flat.nodes["a"] == {"topics": "energy; trade", "day": "2024-03-05", "n": 3, "ok": True}
    assert flat.edges["a", "b"] == {"meetings": "x; y", "weight": 2}
    assert g.nodes["a"]["topics"] == {"trade", "energy"}  # the view itself is left as it was


def test_an_unknown_network_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(diplograph.DiplographError, match="not a network file"):
        write_network(nx.Graph(), tmp_path / "x.dot")
