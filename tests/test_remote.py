"""The store on a real SPARQL 1.1 server (Virtuoso): the same data and the same answers as the embedded store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_queries import EXAMPLES, HOSTILE

from diplograph import queries
from diplograph.errors import StoreError
from diplograph.export import export
from diplograph.ingest import Summary, ingest, remove
from diplograph.rdf.namespaces import ID_IRI
from diplograph.remote import Credentials, Endpoints, RemoteStore
from diplograph.stats import stats
from diplograph.store import EmbeddedStore
from diplograph.store_layout import RELEASE_PREFIX

pytestmark = pytest.mark.server
DEV = Path(__file__).parent / "fixtures" / "corpus" / "dev"
UNDATED = Path(__file__).parent / "fixtures" / "undated"  # a meeting with no date: YEAR() of nothing fails on Virtuoso
COUNTING = Path(__file__).parent / "fixtures" / "counting.trig"  # what every command counts, case by case
DIPLOGRAPH = str(Path(sys.executable).parent / "diplograph")
NUMBERS = {"http://www.w3.org/2001/XMLSchema#" + t for t in ("integer", "decimal", "int", "long", "double")}
# more parameter sets: optional parameters left out, other values
VARIANTS = [(name, params) for name, params in EXAMPLES.items()] + [
    ("meetings-between", {"country1": "TH", "country2": "KR"}),
    ("mous-by-status", {"country": "TH"}),
    ("mous-by-status", {"country": "KH", "status": "Approved"}),
    ("people-by-position", {}),
    ("people-by-position", {"ministry": "foreign affairs"}),
    ("people-by-position", {"position": "รัฐมนตรี"}),
    ("top-country-pairs", {}),
    ("releases", {}),
    ("partners", {"country": "SG", "from": "2022-01-01", "to": "2024-12-31"}),
    ("person-meetings", {"person": "https://w3id.org/diplograph/id/person/don-pramudwinai"}),
    # the agreement-status queries: every type, or one
    ("mous-by-status", {"country": "CN", "type": "Agreement"}),
    ("mous-never-signed", {"country": "US", "type": "JointStatement"}),
    ("agreement-history", {"country": "KH", "type": "MoU"}),
    ("agreement-history", {}),
    # scheduled events counted too (the dev corpus has some), year series bounded and zero-filled
    ("partners", {"country": "TH", "include_planned": "yes"}),
    ("top-country-pairs", {"include_planned": "yes", "from": "2022-01-01"}),
    ("events-by-type-and-year", {"include_planned": "yes"}),
    ("events-per-year", {"country1": "TH", "country2": "KR", "include_planned": "yes", "from": "2018", "to": "2026"}),
    ("meetings-between", {"country1": "TH", "country2": "KR", "include_planned": "yes"}),
]


def connect(server, password: str | None = None, **options) -> RemoteStore:
    return RemoteStore(Endpoints.guess(server.endpoint), Credentials(server.user, password or server.password),
                       **options)


def clear(remote: RemoteStore) -> None:
    rows = remote.select(f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{ID_IRI}")) }}')
    drops = " ;\n".join(f"DROP SILENT GRAPH {g}" for (g,) in rows.rows)
    if drops:
        remote._http("POST", remote.endpoints.update, drops.encode(), "application/sparql-update")


def run(generator) -> Summary:
    summary = Summary()
    for event in generator:
        summary.add(event)
    return summary


@pytest.fixture(scope="module")
def releases(dev_releases):
    """The dev corpus and a release whose meeting has no date: (outcomes, activity triples)."""
    from diplograph.ingest import iter_releases
    from diplograph.pipeline import ReleaseOutcome

    outcomes, activity = dev_releases
    undated = [i for i in iter_releases([UNDATED], next(iter(activity))[0]) if isinstance(i, ReleaseOutcome)]
    assert [e.date for o in undated for e in o.facts.events] == [None]
    return [*outcomes, *undated], activity


@pytest.fixture(scope="module")
def stores(virtuoso, releases, tmp_path_factory: pytest.TempPathFactory):
    """The releases in Virtuoso and in an embedded store."""
    outcomes, activity = releases
    remote = connect(virtuoso)
    clear(remote)
    assert run(ingest(remote, outcomes, activity=activity, validate=False)).counts == {"stored": 25}
    path = tmp_path_factory.mktemp("remote") / "store"
    with EmbeddedStore.open(path, write=True) as writer:
        run(ingest(writer, outcomes, activity=activity, validate=False))
    with EmbeddedStore.open(path) as embedded:
        yield remote, embedded


def norm(term):
    """Compare like for like: language tags case-insensitively, numbers by value."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        if term.datatype.value in NUMBERS:
            return ("number", Decimal(term.value))
        return ("literal", term.value, (term.language or "").lower(), None if term.language else term.datatype.value)
    return (type(term).__name__, term.value)


def exported(store, path: Path) -> set[str]:
    export(store, path)
    return {str(q) for q in ox.parse(path=str(path))}


def test_the_server_holds_what_the_embedded_store_holds(stores, tmp_path: Path) -> None:
    remote, embedded = stores
    assert exported(remote, tmp_path / "remote.trig") == exported(embedded, tmp_path / "embedded.trig")
    assert (tmp_path / "remote.trig").read_bytes() == (tmp_path / "embedded.trig").read_bytes()
    assert stats(remote).to_json() == stats(embedded).to_json()


@pytest.mark.parametrize(("name", "params"), VARIANTS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(VARIANTS)])
def test_every_query_gives_the_same_answer_on_the_server(stores, name: str, params: dict) -> None:
    remote, embedded = stores
    q = queries.load(name)
    here = queries.run(embedded, q, params)
    there = queries.run(remote, q, params)
    assert there.vars == here.vars
    rows_here = [tuple(norm(t) for t in row) for row in here.rows]
    rows_there = [tuple(norm(t) for t in row) for row in there.rows]
    assert Counter(rows_there) == Counter(rows_here)
    if "ORDER BY" in q.text:
        assert rows_there == rows_here


def test_what_is_counted_on_the_server(stores) -> None:
    """The hand-made cases of test_counting (held, scheduled, postponed and cancelled events, a visit with
    its talks, a scheduled signing during a held visit, a summit with a sideline bilateral) count the
    same on Virtuoso: its states are in no release of the dev corpus, so it sits beside it for one test."""
    from collections import defaultdict

    from diplograph import counting
    from diplograph.store_layout import SHARED_GRAPH

    remote, embedded = stores
    data: dict[ox.NamedNode, list[str]] = defaultdict(list)
    for q in ox.parse(path=str(COUNTING), format=ox.RdfFormat.TRIG):
        graph = SHARED_GRAPH if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name
        data[graph].append(f"{q.subject} {q.predicate} {q.object} .")
    body = " ".join(f"GRAPH {g} {{ {' '.join(ts)} }}" for g, ts in data.items())
    update = remote.endpoints.update
    remote._http("POST", update, f"INSERT DATA {{ {body} }}".encode(), "application/sparql-update")
    try:
        local = EmbeddedStore.in_memory(COUNTING)
        for planned in ({}, {"include_planned": "yes"}):
            for name, params in [("partners", {"country": "NO"}), ("partners", {"country": "IS"}),
                                 ("events-per-year", {"country1": "NO", "country2": "FI"}),
                                 ("meetings-between", {"country1": "NO", "country2": "IS"}),
                                 ("meetings-between", {"country1": "NO", "country2": "DK"}),
                                 ("topics-per-pair", {"country1": "NO", "country2": "FI"})]:
                q = queries.load(name)
                here = [tuple(norm(t) for t in row) for row in queries.run(local, q, {**params, **planned}).rows]
                there = [tuple(norm(t) for t in row) for row in queries.run(remote, q, {**params, **planned}).rows]
                assert there == here, (name, params, planned)
            on_server = counting.count_events(remote, include_planned=bool(planned))
            assert on_server - counting.count_events(embedded, include_planned=bool(planned)) == \
                counting.count_events(local, include_planned=bool(planned)) == (12 if planned else 10)
    finally:
        remote._http("POST", update, f"DELETE DATA {{ {body} }}".encode(), "application/sparql-update")
    assert stats(remote).to_json() == stats(embedded).to_json()


def test_results_past_the_servers_row_limit_are_fetched_page_by_page(stores) -> None:
    import virtuoso_server

    remote, embedded = stores
    text = (f'SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{RELEASE_PREFIX}")) }}')
    data, cap = remote._send_query(text)
    assert cap == virtuoso_server.MAX_ROWS and len(data["results"]["bindings"]) == cap  # what one request gets
    here = {tuple(map(str, row)) for row in embedded.select(text).rows}
    there = remote.select(text).rows
    assert len(there) == len(here) > 3 * cap
    assert {tuple(map(str, row)) for row in there} == here


@pytest.mark.parametrize(("name", "options"), [("events", {}), ("dyads", {}), ("agreements", {}),
                                             ("dyads", {"by": "month", "complete": True, "include_planned": True}),
                                             ("events", {"since": "2022-01-01", "country": "KR"})])
def test_the_analyst_tables_are_the_same_from_the_server(stores, name: str, options: dict) -> None:
    from diplograph import tables

    remote, embedded = stores
    there, here = tables.table(remote, name, **options), tables.table(embedded, name, **options)
    assert here.rows and there.rows == here.rows
    assert there.notes == here.notes


def test_hostile_parameters_are_terms_on_the_server_too(stores, monkeypatch: pytest.MonkeyPatch) -> None:
    remote, _ = stores
    before = stats(remote).triples
    sent: list[str] = []
    original = RemoteStore._send_query

    def recording(self, text):
        sent.append(text)
        return original(self, text)

    monkeypatch.setattr(RemoteStore, "_send_query", recording)
    q = queries.load("people-by-position")
    for value in HOSTILE:
        assert queries.run(remote, q, {"position": value, "ministry": value}).rows == []
        assert sent[-1].count(str(ox.Literal(value))) == 2
        assert sent[-1].replace(f"  VALUES ?ministry {{ {ox.Literal(value)} }}\n", "").replace(
            f"  VALUES ?position {{ {ox.Literal(value)} }}\n", "").replace("  VALUES ?country { UNDEF }\n", "") \
            .replace("WHERE {\n\n", "WHERE {\n", 1) == q.text
    monkeypatch.undo()
    assert stats(remote).triples == before


def test_a_wrong_password_never_shows(stores, virtuoso, dev_releases) -> None:
    outcomes, activity = dev_releases
    secret = "Wr0ng-" + "pa55word-xyzzy"
    remote = connect(virtuoso, password=secret, retries=0)
    with pytest.raises(StoreError) as failure:
        run(ingest(remote, outcomes[:1], activity=activity, validate=False))
    message = str(failure.value)
    assert "401" in message and "DIPLOGRAPH_USER" in message
    assert secret not in message and secret not in repr(failure.value) and secret not in repr(remote._credentials)
    env = {**os.environ, "DIPLOGRAPH_USER": virtuoso.user, "DIPLOGRAPH_PASSWORD": secret}
    result = subprocess.run([DIPLOGRAPH, "--debug", "ingest", str(DEV / "d001.txt"), "--endpoint", virtuoso.endpoint],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert secret not in result.stdout + result.stderr and "401" in result.stderr


def test_the_commands_against_the_server(stores, virtuoso, tmp_path: Path) -> None:
    remote, _ = stores
    env = {**os.environ, "DIPLOGRAPH_USER": virtuoso.user, "DIPLOGRAPH_PASSWORD": virtuoso.password,
           "SOURCE_DATE_EPOCH": "1700000000"}
    before = stats(remote).to_json()
    result = subprocess.run([DIPLOGRAPH, "ingest", str(DEV / "d001.txt"), "--endpoint", virtuoso.endpoint, "-v"],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "replaced d001" in result.stdout
    assert stats(remote).to_json() == before
    result = subprocess.run([DIPLOGRAPH, "query", "partners", "-p", "country=TH", "--endpoint", virtuoso.endpoint,
                             "--format", "json"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["head"]["vars"] == ["partner", "iso", "partner_name", "meetings"]
    result = subprocess.run([DIPLOGRAPH, "export", "--endpoint", virtuoso.endpoint, "-o", str(tmp_path / "d.csv"),
                             "--release", "d001"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_remove_and_ingest_again_on_the_server(stores, releases, tmp_path: Path) -> None:
    """Runs last: the server ends as it started."""
    remote, embedded = stores
    outcomes, activity = releases
    full = exported(remote, tmp_path / "full.trig")
    gone = ["d001", "d009", "d020"]
    assert run(remove(remote, gone)).counts == {"removed": 3}
    rest = tmp_path / "rest"
    with EmbeddedStore.open(rest, write=True) as writer:
        run(ingest(writer, [o for o in outcomes if o.facts.release.release_id not in gone], activity=activity,
                   validate=False))
    with EmbeddedStore.open(rest) as expected:
        assert exported(remote, tmp_path / "after.trig") == exported(expected, tmp_path / "expected.trig")
    again = [o for o in outcomes if o.facts.release.release_id in gone]
    assert run(ingest(remote, again, activity=activity, validate=False)).counts == {"stored": 3}
    assert run(ingest(remote, again, activity=activity, validate=False)).counts == {"replaced": 3}
    assert exported(remote, tmp_path / "again.trig") == full
