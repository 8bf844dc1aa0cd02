"""The embedded store's merged graph: every release graph's triples once, kept exact by every
change, so that a fact reported by several releases is one solution to a query, not one per release."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from diplograph.changes import MERGED_GRAPH, RELEASE_PREFIX
from diplograph.doctor import check_store
from diplograph.queries import run_query
from diplograph.store import EmbeddedStore, query_options

from test_store import filled, rid, run_ingest, run_remove

INVOLVES = "SELECT ?e ?c WHERE { ?e <https://w3id.org/diplograph/ontology#involvesCountry> ?c }"


def release_triples(store: EmbeddedStore) -> Counter:
    """Each triple of the release graphs, with the number of releases stating it."""
    return Counter(q.triple for q in store.ox
                   if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(RELEASE_PREFIX))


def merged(store: EmbeddedStore) -> set[ox.Triple]:
    return {q.triple for q in store.ox.quads_for_pattern(None, None, None, MERGED_GRAPH)}


def test_queries_see_a_fact_once_however_many_releases_report_it(tmp_path: Path, dev_releases) -> None:
    outcomes, activity = dev_releases
    with filled(tmp_path / "s", outcomes, activity) as store:
        stated = release_triples(store)
        assert merged(store) == set(stated)
        assert max(stated.values()) >= 2  # the dev corpus reports some meetings twice
        rows = store.query(INVOLVES).rows
        assert len(rows) == len(set(rows))
        union = list(store.ox.query(INVOLVES, use_default_graph_as_union=True))
        assert len(union) > len(rows)  # what Oxigraph's union graph gives: one solution per release
        assert check_store(store).healthy


def test_a_shared_triple_leaves_the_merged_graph_with_its_last_release(tmp_path: Path, dev_releases) -> None:
    outcomes, activity = dev_releases
    with filled(tmp_path / "s", outcomes, activity) as store:
        by_triple: dict[ox.Triple, set[str]] = {}
        for q in store.ox:
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(RELEASE_PREFIX):
                by_triple.setdefault(q.triple, set()).add(q.graph_name.value[len(RELEASE_PREFIX):])
        triple, (first, second) = next((t, sorted(r)) for t, r in sorted(by_triple.items(), key=str) if len(r) == 2)
        run_remove(store, [first])
        assert triple in merged(store) and merged(store) == set(release_triples(store))
        run_remove(store, [second])
        assert triple not in merged(store) and merged(store) == set(release_triples(store))
        back = [o for o in outcomes if rid(o) in (first, second)]
        run_ingest(store, back, activity, validate=False)
        assert triple in merged(store) and merged(store) == set(release_triples(store))
        assert check_store(store).healthy


def partners(store: EmbeddedStore) -> list[tuple[str, ...]]:
    return [tuple(map(str, row)) for row in run_query(store, "partners", {"country": "TH"}).rows]


def test_a_store_without_a_merged_graph_is_read_through_the_union_and_gets_one(tmp_path: Path,
                                                                                dev_releases) -> None:
    outcomes, activity = dev_releases
    path = tmp_path / "s"
    with filled(path, outcomes, activity) as store:
        before = partners(store)
        store.ox.remove_graph(MERGED_GRAPH)  # as a store written before the merged graph existed
    with EmbeddedStore.open(path) as reader:
        assert query_options(reader.ox) == {"use_default_graph_as_union": True}
        assert partners(reader) == before
    with EmbeddedStore.open(path, write=True) as writer:  # the next writer builds it
        assert merged(writer) == set(release_triples(writer))
    with EmbeddedStore.open(path) as reader:
        assert "default_graph" in query_options(reader.ox)
        assert partners(reader) == before
        assert check_store(reader).healthy


def test_doctor_finds_a_merged_graph_out_of_step(tmp_path: Path, dev_releases) -> None:
    outcomes, activity = dev_releases
    with filled(tmp_path / "s", outcomes, activity) as store:
        some = next(iter(store.ox.quads_for_pattern(None, None, None, MERGED_GRAPH)))
        store.ox.remove(some)
        store.ox.add(ox.Quad(ox.NamedNode("https://example.org/x"), ox.NamedNode("https://example.org/p"),
                             ox.Literal("stray"), MERGED_GRAPH))
        report = check_store(store)
        messages = [p.message for p in report.problems if p.check == "merged"]
        assert len(messages) == 2 and any("missing" in m for m in messages) and any("no release" in m for m in messages)


def test_an_update_through_serve_is_seen_by_the_next_query(tmp_path: Path, dev_releases) -> None:
    """A raw SPARQL update bypasses the merged graph's upkeep: queries then read the union."""
    import json
    import urllib.parse

    from diplograph.serve import background, create_app, open_for_serving
    from test_serve import http

    outcomes, activity = dev_releases
    filled(tmp_path / "s", outcomes, activity).close()
    count = "SELECT (COUNT(*) AS ?n) WHERE { <urn:x> ?p ?o }"
    with background(create_app(open_for_serving(tmp_path / "s", allow_update=True), allow_update=True)) as base:
        update = f"INSERT DATA {{ GRAPH <{RELEASE_PREFIX}d001> {{ <urn:x> a <urn:y> }} }}"
        status, _ = http(base + "sparql", b"update=" + urllib.parse.quote_plus(update).encode(),
                         {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 204
        _, body = http(base + "sparql?" + urllib.parse.urlencode({"query": count}))
        assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "1"
