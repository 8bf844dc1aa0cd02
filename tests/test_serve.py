"""The local SPARQL endpoint, queried the way analysts' tools do: SPARQLWrapper over HTTP."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from SPARQLWrapper import CSV, JSON, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from diplograph.errors import QueryError, StoreError
from diplograph.query_guard import QueryLimits, check_limits, outgoing_operations, written_graphs
from diplograph.serve import background, create_app, open_for_serving, shipped_queries

SMALL = Path(__file__).parent / "fixtures" / "viz" / "small.trig"
COUNT_PEOPLE = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <https://w3id.org/diplograph/ontology#Person> }"


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with background(create_app(open_for_serving(SMALL, allow_update=False))) as base:
        yield base


def http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_sparqlwrapper_select_ask_construct(url: str) -> None:
    client = SPARQLWrapper(url + "sparql")
    client.setQuery(COUNT_PEOPLE)
    client.setReturnFormat(JSON)
    assert client.query().convert()["results"]["bindings"][0]["n"]["value"] == "4"
    client.setQuery("ASK { ?e a <https://w3id.org/diplograph/ontology#CourtesyCall> }")
    assert client.query().convert()["boolean"] is True
    client.setQuery("CONSTRUCT { ?c ?p ?o } WHERE { ?c <https://w3id.org/diplograph/ontology#iso3166> 'TH' ; ?p ?o }")
    client.setReturnFormat(TURTLE)
    assert b"Thailand" in client.query().convert()
    client.setMethod("POST")
    client.setQuery("SELECT ?iso WHERE { ?c <https://w3id.org/diplograph/ontology#iso3166> ?iso } ORDER BY ?iso")
    client.setReturnFormat(CSV)
    assert client.query().convert().decode().split() == ["iso", "KH", "SG", "TH"]


def test_union_default_graph_and_named_graphs(url: str) -> None:
    """Release graphs and the default graph read as one, as in the embedded store; GRAPH still works,
    and default-graph-uri narrows the default graph."""
    q = "SELECT ?g WHERE { GRAPH ?g { ?e a <https://w3id.org/diplograph/ontology#CourtesyCall> } }"
    status, body = http(url + "sparql?" + urllib.parse.urlencode({"query": q}))
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["g"]["value"].endswith("/release/r2")
    params = {"query": COUNT_PEOPLE, "default-graph-uri": "https://w3id.org/diplograph/id/release/r1"}
    status, body = http(url + "sparql?" + urllib.parse.urlencode(params))
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "0"  # people are described in the default graph


def test_update_is_refused_when_read_only(url: str) -> None:
    client = SPARQLWrapper(url + "sparql")
    client.setMethod("POST")
    client.setQuery("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as refused:
        client.query()
    assert getattr(refused.value, "code", 403) == 403
    status, body = http(url + "sparql", b"DROP ALL", {"Content-Type": "application/sparql-update"})
    assert status == 403 and "--allow-update" in body
    status, body = http(url + "sparql?" + urllib.parse.urlencode({"query": COUNT_PEOPLE}))
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "4"


def test_update_allowed_on_request(tmp_path: Path) -> None:
    path = tmp_path / "store"
    writer = ox.Store(str(path))
    writer.bulk_load(path=str(SMALL), format=ox.RdfFormat.TRIG)
    writer.flush()
    del writer
    store = open_for_serving(path, allow_update=True)
    with pytest.raises(StoreError, match="another process is writing"):
        open_for_serving(path, allow_update=True)  # the writer's lock is held
    with background(create_app(store, allow_update=True, update_token="t0ken")) as base:
        status, _ = http(base + "sparql", b"update=" + urllib.parse.quote_plus(
            "INSERT DATA { <urn:x> a <https://w3id.org/diplograph/ontology#Person> }").encode(),
            {"Content-Type": "application/x-www-form-urlencoded", "Authorization": "Bearer t0ken"})
        assert status == 204
        _, body = http(base + "sparql?" + urllib.parse.urlencode({"query": COUNT_PEOPLE}))
        assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "5"


def test_bad_requests(url: str) -> None:
    assert http(url + "sparql?query=SELECT")[0] == 400
    assert http(url + "sparql")[0] == 400
    service = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    status, body = http(url + "sparql?" + urllib.parse.urlencode({"query": service}))
    assert status == 400 and "SERVICE" in body
    status, _ = http(url + "sparql", b"query=ASK{}", {"Content-Type": "application/x-www-form-urlencoded",
                                                      "Origin": "http://evil.example"})
    assert status == 403
    assert http(url, headers={"Host": "evil.example"})[0] == 400
    status, body = http(url + "sparql?" + urllib.parse.urlencode({"query": "ASK {}", "default-graph-uri": "a b"}))
    assert status == 400 and "default-graph-uri" in body
    assert declared_body(url, 50_000_000) == 413  # answered from the header, before the body is read


def declared_body(url: str, size: int) -> int:
    import http.client

    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.putrequest("POST", "/sparql")
    conn.putheader("Content-Type", "application/sparql-query")
    conn.putheader("Content-Length", str(size))
    conn.endheaders()
    status = conn.getresponse().status
    conn.close()
    return status


@pytest.mark.parametrize(("text", "update", "found"), [
    ("SELECT * { service <x:y> { ?s ?p ?o } }", False, ["SERVICE"]),
    ("# SERVICE\nSELECT * { ?s ?p 'SERVICE' . ?s <http://x/SERVICE> ?o }", False, []),
    ("PREFIX e: <urn:e#> SELECT * { ?s e:a\\# ?o . SERVICE <x:y> { ?s ?p ?o } }", False, ["SERVICE"]),
    ("SELECT * { ?s <urn:a\u00a0#> ?o . SERVICE <x:y> { ?s ?p ?o } }", False, ["SERVICE"]),
    ("SELECT * { \\u0053ERVICE <x:y> { ?s ?p ?o } }", False, ["SERVICE"]),
    ("SELECT * { ?s ?p ?o FILTER NOT EXISTS { SERVICE SILENT ?g { ?s ?p ?o } } }", False, ["SERVICE"]),
    ("LOAD SILENT <http://x/y.ttl> INTO GRAPH <urn:g>", True, ["LOAD"]),
    ("INSERT { ?s ?p ?o } WHERE { SERVICE <x:y> { ?s ?p ?o } }", True, ["SERVICE"]),
    ("INSERT DATA { <urn:a> <urn:b> 'load the service' }", True, []),
])
def test_outgoing_operations_are_read_on_the_parse_tree(text: str, update: bool, found: list[str]) -> None:
    assert outgoing_operations(text, update=update) == found


@pytest.mark.parametrize(("update", "graphs"), [
    ("INSERT DATA { <urn:x> a <urn:y> . GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }", {"", "urn:g"}),
    ("WITH <urn:w> DELETE { ?s ?p ?o } INSERT { GRAPH <urn:g> { ?s ?p ?o } } WHERE { ?s ?p ?o }", {"urn:w", "urn:g"}),
    ("DELETE WHERE { ?s ?p ?o }", {""}),
    ("CLEAR DEFAULT ; DROP GRAPH <urn:d>", {"", "urn:d"}),
    ("ADD <urn:a> TO DEFAULT", {""}),
    ("LOAD <http://x/y.ttl> INTO GRAPH <urn:l>", {"urn:l"}),
    ("INSERT { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }", set()),  # decided at run time
    ("DROP ALL", set()),
    ("INSERT DATA { { <urn:a> <urn:b> <urn:c> } }", None),  # not SPARQL
])
def test_the_graphs_an_update_writes(update: str, graphs: set[str] | None) -> None:
    assert written_graphs(update) == graphs


@pytest.mark.parametrize("text", [
    "SELECT * WHERE " + "{" * 101 + "}" * 101,
    "ASK { FILTER(" + "(" * 200 + "1" + ")" * 200 + ") }",
    "SELECT * WHERE { " + " UNION ".join(f"{{ ?s ?p {i} }}" for i in range(1002)) + " }",
    "ASK { " + "{} " * 10_001 + "}",
    "ASK { ?s ?p '" + "x" * 1_000_001 + "' }",
])
def test_limits_refuse_before_any_parser(text: str) -> None:
    with pytest.raises(QueryError, match="limit"):
        check_limits(text)


def test_limits_pass_every_shipped_query_and_ignore_brackets_in_strings() -> None:
    for q in shipped_queries():
        check_limits(q["text"])
    check_limits("ASK { ?s ?p '" + "{" * 500 + "' . ?s <urn:x(> ?o }  # " + "(" * 500)
    with pytest.raises(QueryError, match="nests 3 levels"):
        check_limits("ASK { { {} } }", QueryLimits(max_depth=2))


def test_pages(url: str) -> None:
    status, page = http(url)
    assert status == 200 and 'src="assets/yasgui.min.js"' in page and "https://" not in page.split("<body>")[0]
    status, js = http(url + "assets/yasgui.min.js")
    assert status == 200 and len(js) > 500_000
    status, page = http(url + "network?view=countries")
    assert status == 200 and "3 countries" not in page and '"noun":"countries"' in page
    status, body = http(url + "network?view=galaxy")
    assert status == 400 and "unknown view" in body
    assert http(url + "assets/../../etc/passwd")[0] == 404


def test_shipped_queries_are_listed(url: str) -> None:
    _, body = http(url + "queries")
    listed = json.loads(body)
    assert {q["name"] for q in listed} == {q["name"] for q in shipped_queries()}
    for q in listed:
        assert q["description"] and not q["description"].startswith("#")
    between = next(q for q in listed if q["name"] == "meetings-between")
    assert [(p["name"], p["required"]) for p in between["params"][:2]] == [("country1", True), ("country2", True)]


def test_a_shipped_query_is_filled_only_with_its_required_values(url: str) -> None:
    status, body = http(url + "queries/meetings-between?country1=TH")
    assert status == 400 and "country2" in body and "required" in body
    status, body = http(url + "queries/meetings-between?country1=TH&country2=ZZ")
    assert status == 400 and "ISO 3166" in body
    status, body = http(url + "queries/meetings-between?" + urllib.parse.urlencode({"country1": "TH", "country2": "sg"}))
    assert status == 200 and "VALUES ?country1 { <https://w3id.org/diplograph/id/country/TH> }" in body
    status, body = http(url + "sparql?" + urllib.parse.urlencode({"query": body}))
    assert status == 200 and json.loads(body)["results"]["bindings"]
    hostile = '" } } DROP ALL ; #'  # stays one escaped literal
    status, body = http(url + "queries/people-by-position?" + urllib.parse.urlencode({"position": hostile}))
    assert status == 200 and 'VALUES ?position { "\\" } } DROP ALL ; #" }' in body
    assert http(url + "sparql?" + urllib.parse.urlencode({"query": body}))[0] == 200
    assert http(url + "queries/nothing-like-it")[0] == 400


def test_an_old_format_store_is_never_served_for_writing(tmp_path: Path) -> None:
    """Opening a pyoxigraph 0.3 store for writing would convert it for good: serve refuses it, untouched."""
    import shutil

    old = tmp_path / "old"
    shutil.copytree(Path(__file__).parent / "fixtures" / "stores" / "pyoxigraph-0.3", old)
    before = {p.name: p.read_bytes() for p in old.iterdir()}
    with pytest.raises(StoreError, match="older Oxigraph"):
        open_for_serving(old, allow_update=True)
    assert {p.name: p.read_bytes() for p in old.iterdir()} == before


def test_the_network_page_counts_scheduled_meetings_when_asked(tmp_path: Path) -> None:
    """``/network?include_planned=yes`` is the commands' --include-planned, read as the query page reads
    a flag: the page is the one ``viz --include-planned`` writes; a value neither yes nor no is a 400."""
    from diplograph.viz import render

    counting = Path(__file__).parent / "fixtures" / "counting.trig"
    with background(create_app(open_for_serving(counting, allow_update=False))) as base:
        pages = {}
        for value, planned in (("", False), ("no", False), ("yes", True), ("TRUE", True), ("1", True)):
            status, pages[value] = http(base + f"network?view=countries&include_planned={value}")
            assert status == 200, pages[value]
            out = tmp_path / f"{value or 'none'}.html"
            render(counting, out, view="countries", include_planned=planned)
            assert pages[value] == out.read_text(encoding="utf-8"), value
        assert pages["yes"] != pages["no"] and "scheduled events included" in pages["yes"]
        status, body = http(base + "network?view=countries&include_planned=maybe")
        assert status == 400 and "include_planned: 'maybe' is neither yes nor no" in body
