"""The embedded store's view (its default graph): every triple of the release, shared and derived
graphs once, kept exact by every change, so that a fact reported by several releases is one
solution to a query, not one per release."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from diplograph.doctor import check_store
from diplograph.queries import run_query
from diplograph.store import EmbeddedStore, query_options
from diplograph.store_layout import DERIVED_GRAPH, RELEASE_PREFIX, SHARED_GRAPH

from test_store import filled, rid, run_ingest, run_remove

INVOLVES = "SELECT ?e ?c WHERE { ?e <https://w3id.org/diplograph/ontology#involvesCountry> ?c }"
DEFAULT = ox.DefaultGraph()


def mirrored(store: EmbeddedStore) -> set[ox.Triple]:
    """What the view must hold: the triples of the release, shared and derived graphs."""
    return {q.triple for q in store.ox if q.graph_name in (SHARED_GRAPH, DERIVED_GRAPH)
            or isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(RELEASE_PREFIX)}


def view(store: EmbeddedStore) -> set[ox.Triple]:
    return {q.triple for q in store.ox.quads_for_pattern(None, None, None, DEFAULT)}


def partners(store: EmbeddedStore) -> list[tuple[str, ...]]:
    return [tuple(map(str, row)) for row in run_query(store, "partners", {"country": "TH"}).rows]


def test_queries_see_a_fact_once_however_many_releases_report_it(tmp_path: Path, dev_releases) -> None:
    outcomes, activity = dev_releases
    with filled(tmp_path / "s", outcomes, activity) as store:
        assert view(store) == mirrored(store)
        rows = store.query(INVOLVES).rows
        assert len(rows) == len(set(rows))
        union = list(store.ox.query(INVOLVES, use_default_graph_as_union=True))
        assert len(union) > 2 * len(rows)  # Oxigraph's union graph: once per release, and once for the view
        assert check_store(store).healthy


def test_the_view_follows_removals_and_ingests(tmp_path: Path, dev_releases) -> None:
    outcomes, activity = dev_releases
    with filled(tmp_path / "s", outcomes, activity) as store:
        by_triple: dict[ox.Triple, set[str]] = {}
        for q in store.ox:
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(RELEASE_PREFIX):
                by_triple.setdefault(q.triple, set()).add(q.graph_name.value[len(RELEASE_PREFIX):])
        triple, (first, second) = next((t, sorted(r)) for t, r in sorted(by_triple.items(), key=str) if len(r) == 2)
        run_remove(store, [first])
        assert triple in view(store) and view(store) == mirrored(store)
        run_remove(store, [second])
        assert triple not in view(store) and view(store) == mirrored(store)
        run_ingest(store, [o for o in outcomes if rid(o) in (first, second)], activity, validate=False)
        assert triple in view(store) and view(store) == mirrored(store)
        assert check_store(store).healthy
        run_remove(store, [rid(o) for o in outcomes])
        assert store.count() == 0, [str(q) for q in store.ox]


def test_a_store_of_the_old_layout_is_read_through_the_union_and_converted(tmp_path: Path, dev_releases) -> None:
    outcomes, activity = dev_releases
    path = tmp_path / "s"
    with filled(path, outcomes, activity) as store:
        before = partners(store)
        everything = {str(q) for q in store.ox}
        # as written before the view existed: shared descriptions in the default graph
        store.ox.update(f"CLEAR DEFAULT ; ADD <{SHARED_GRAPH.value}> TO DEFAULT ; DROP GRAPH <{SHARED_GRAPH.value}>")
    with EmbeddedStore.open(path) as reader:
        assert query_options(reader.ox) == {"use_default_graph_as_union": True}
        assert partners(reader) == before
    with EmbeddedStore.open(path, write=True) as writer:  # the next writer converts it
        assert {str(q) for q in writer.ox} == everything
    with EmbeddedStore.open(path) as reader:
        assert query_options(reader.ox) == {}
        assert partners(reader) == before
        assert check_store(reader).healthy


def test_doctor_finds_a_view_out_of_step(tmp_path: Path, dev_releases) -> None:
    outcomes, activity = dev_releases
    with filled(tmp_path / "s", outcomes, activity) as store:
        some = next(iter(store.ox.quads_for_pattern(None, None, None, DEFAULT)))
        store.ox.remove(some)
        store.ox.add(ox.Quad(ox.NamedNode("https://example.org/x"), ox.NamedNode("https://example.org/p"),
                             ox.Literal("stray"), DEFAULT))
        messages = [p.message for p in check_store(store).problems if p.check == "view"]
        assert len(messages) == 2 and any("not in the default graph" in m for m in messages)
        assert any("in no release" in m for m in messages)


def test_an_update_through_serve_is_seen_by_the_next_query(tmp_path: Path, dev_releases) -> None:
    """A raw SPARQL update bypasses the view's upkeep: the view is rebuilt with it."""
    import json
    import urllib.parse

    from diplograph.serve import background, create_app, open_for_serving
    from test_serve import http

    outcomes, activity = dev_releases
    filled(tmp_path / "s", outcomes, activity).close()
    count = "SELECT (COUNT(*) AS ?n) WHERE { <urn:x> ?p ?o }"
    served = open_for_serving(tmp_path / "s", allow_update=True)
    form = {"Content-Type": "application/x-www-form-urlencoded", "Authorization": "Bearer t"}
    with background(create_app(served, allow_update=True, update_token="t")) as base:
        for update, expected in ((f"INSERT DATA {{ GRAPH <{RELEASE_PREFIX}d001> {{ <urn:x> a <urn:y> }} }} ;", "1"),
                                 (f"DELETE DATA {{ GRAPH <{RELEASE_PREFIX}d001> {{ <urn:x> a <urn:y> }} }} # done",
                                  "0")):
            status, _ = http(base + "sparql", b"update=" + urllib.parse.quote_plus(update).encode(), form)
            assert status == 204
            _, body = http(base + "sparql?" + urllib.parse.urlencode({"query": count}))
            assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == expected
    store = ox.Store.read_only(str(tmp_path / "s"))
    assert {q.triple for q in store.quads_for_pattern(None, None, None, DEFAULT)} == {
        q.triple for q in store if q.graph_name in (SHARED_GRAPH, DERIVED_GRAPH)
        or isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(RELEASE_PREFIX)}
