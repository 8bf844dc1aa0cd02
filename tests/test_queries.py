"""Shipped queries: headers, typed parameters, safe binding, result formats, the query command."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from diplograph import queries
from diplograph.cli import main
from diplograph.errors import QueryError
from diplograph.ingest import ingest
from diplograph.results import Results, dumps
from diplograph.sparql import inject_values, mask
from diplograph.store import EmbeddedStore

# Parameters for each shipped query that give at least one row on the dev corpus.
EXAMPLES: dict[str, dict[str, str]] = {
    "agreement-history": {"agreement": "dgid:agreement/mou/sg-th/digital-economy"},
    "events-by-type-and-year": {},
    "events-per-year": {"country1": "TH", "country2": "CN"},
    "evidence": {"fact": "dgid:event/bilateral-meeting/2020-09-29/sg-th"},
    "meetings-between": {"country1": "TH", "country2": "SG", "from": "2021-01-01", "to": "2023-12-31"},
    "mous-by-status": {"country": "TH", "status": "Signed"},
    "mous-never-signed": {"country": "TH"},
    "partners": {"country": "TH"},
    "people-by-position": {"position": "minister", "country": "SG"},
    "person-meetings": {"person": "Vivian Balakrishnan"},
    "releases": {"since": "2024-01-01"},
    "top-country-pairs": {"from": "2022-01-01"},
    "topics-per-pair": {"country1": "TH", "country2": "SG"},
    "who-met-whom": {"country1": "TH", "country2": "US", "from": "2022-01-01", "to": "2024-12-31"},
}
HOSTILE = ['" } ; DROP ALL ; #', "x' } DELETE WHERE { ?s ?p ?o } #", '"""\n} INSERT DATA { <a:b> <a:c> <a:d> } #',
           "<http://x> } ; CLEAR ALL", "\\\"}{", "Robert \"Bob\" {Tables}",
           # some SPARQL engines decode \u escapes before parsing: a quote written as \u0022 must stay text
           "\\u0022 } ; DROP ALL ; #", "\\U00000022) } INSERT DATA { <a:b> <a:c> <a:d> } #", "x\\u003E } ; CLEAR ALL",
           "two\nlines\r\n\"} ; DROP ALL ; #", "tab\t''' and \"\"\" and \\\\ and ' and }}{{",
           "<http://x/a b> } #", "ไทย\u200b\" } ; DROP ALL ; # 中文"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, dev_releases):
    outcomes, activity = dev_releases
    path = tmp_path_factory.mktemp("queries") / "store"
    with EmbeddedStore.open(path, write=True) as writer:
        for _ in ingest(writer, outcomes, activity=activity, validate=False):
            pass
    with EmbeddedStore.open(path) as reader:
        yield reader


class Recording:
    """A store wrapper that keeps the text of every query it runs."""

    def __init__(self, target) -> None:
        self.target, self.sent = target, []

    def query(self, text, bindings=None):
        from diplograph.sparql import inject_values

        self.sent.append(inject_values(text, bindings or {}))
        return self.target.query(text, bindings)


def test_every_shipped_query_has_an_example() -> None:
    assert sorted(queries.shipped()) == sorted(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_header_says_what_the_query_answers(name: str) -> None:
    q = queries.shipped()[name]
    assert q.title.endswith(".") and len(q.title) > 10
    assert q.description, "a description after the title"
    assert q.columns, "a # columns: line"
    body = "\n".join(line for line in q.text.splitlines() if not line.lstrip().startswith("#"))
    for p in q.params:
        assert re.search(rf"\?{p.name}\b", body), f"?{p.name} is declared but not used"
        assert p.name not in q.columns, f"?{p.name} is both a parameter and a column"
        assert p.description
    assert set(EXAMPLES[name]) <= {p.name for p in q.params}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_shipped_query_runs_on_the_embedded_store(name: str, store) -> None:
    q = queries.shipped()[name]
    results = queries.run(store, q, EXAMPLES[name])
    assert results.vars == list(q.columns)
    assert results.rows, f"{name} {EXAMPLES[name]} gave no row"


def test_answers_on_the_dev_corpus(store) -> None:
    rows = queries.run(store, queries.load("partners"), {"country": "TH"}).rows
    # held meetings, a visit with talks held during it once (README: What is counted)
    assert [(r[1].value, int(r[3].value)) for r in rows[:3]] == [("CN", 9), ("SG", 9), ("KR", 8)]
    planned = queries.run(store, queries.load("partners"), {"country": "TH", "include_planned": "yes"}).rows
    assert [(r[1].value, int(r[3].value)) for r in planned[:3]] == [("KR", 11), ("CN", 9), ("SG", 9)]
    rows = queries.run(store, queries.load("meetings-between"), {"country1": "SG", "country2": "TH",
                                                                   "from": "2020-09-29", "to": "2020-09-29"}).rows
    assert [(r[0].value.rsplit("/", 2)[-2], r[4].value.rsplit("#")[-1]) for r in rows] == [("2020-09-29", "Virtual")]
    history = queries.run(store, queries.load("agreement-history"),
                          {"agreement": "dgid:agreement/mou/sg-th/digital-economy"}).rows
    # d009 recalls the cabinet's approval of 24 November 2020 as well as reporting the signing
    assert [(r[0].value.rsplit("#")[-1], r[3].value) for r in history] == [
        ("Approved", "d001"), ("Approved", "d009"), ("Signed", "d009")]


# --------------------------------------------------------------------------- parameters


@pytest.mark.parametrize(("name", "params", "message"), [
    ("partners", {}, "'country' is required"),
    ("partners", {"country": "XX"}, "not an ISO 3166-1 country code"),
    ("partners", {"country": "Thailand"}, "not an ISO 3166-1 country code"),
    ("partners", {"country": HOSTILE[0]}, "not an ISO 3166-1 country code"),
    ("partners", {"country": "TH", "colour": "red"}, "unknown parameter 'colour'"),
    ("partners", {"country": "TH", "from": "2020-13-01"}, "is not a date"),
    ("partners", {"country": "TH", "from": "yesterday"}, "is not a date"),
    ("partners", {"country": "TH", "from": "2020-1-1"}, "is not a date"),
    ("mous-by-status", {"country": "TH", "status": "maybe"}, "is not one of them"),
    ("partners", {"country": "TH", "include_planned": "maybe"}, "is neither yes nor no"),
    ("events-per-year", {"country1": "TH", "country2": "SG", "from": "20"}, "is not a year"),
    ("evidence", {"fact": "not an iri"}, "is not an IRI"),
    ("evidence", {"fact": "http://x/> } ; DROP ALL ; <"}, "is not an IRI"),
    ("person-meetings", {"person": "Nobody At All"}, "nobody named"),
    ("person-meetings", {"person": HOSTILE[5]}, "nobody named"),
])
def test_invalid_parameters_are_clear_errors(name: str, params: dict, message: str, store) -> None:
    with pytest.raises(QueryError, match=re.escape(message)):
        queries.run(store, queries.load(name), params)


def test_parameters_become_typed_terms(store) -> None:
    q = queries.load("partners")
    terms = queries.bind(q, {"country": "tha", "from": "2020-02-29"})
    assert terms == {"country": ox.NamedNode("https://w3id.org/diplograph/id/country/TH"),
                     "from": ox.Literal("2020-02-29", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
                     "to": None, "include_planned": None}
    boolean = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
    for value, meaning in (("yes", "true"), ("No", "false"), ("1", "true"), ("false", "false")):
        assert queries.bind(q, {"country": "TH", "include_planned": value})["include_planned"] == \
            ox.Literal(meaning, datatype=boolean)
    person = queries.bind(queries.load("person-meetings"), {"person": "vivian"}, store)["person"]
    assert person == ox.NamedNode("https://w3id.org/diplograph/id/person/vivian-balakrishnan")


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_is_bound_as_a_term_and_cannot_change_the_query(value: str, store) -> None:
    """The query run is the file's text plus VALUES lines of escaped terms, and it finds nothing."""
    q = queries.load("people-by-position")
    before = store.count()
    recording = Recording(store)
    results = queries.run(recording, q, {"position": value, "ministry": value})
    assert results.rows == [] and results.vars == list(q.columns)
    assert store.count() == before
    (sent,) = recording.sent
    at = q.text.index("WHERE {") + len("WHERE {")
    injected = sent[at:len(sent) - (len(q.text) - at)]
    assert sent[:at] == q.text[:at] and sent[at + len(injected):] == q.text[at:]
    literal = str(ox.Literal(value))
    assert [line.strip() for line in injected.strip().splitlines()] == [
        "VALUES ?country { UNDEF }", f"VALUES ?ministry {{ {literal} }}", f"VALUES ?position {{ {literal} }}"]
    assert mask(injected).count("{") == mask(injected).count("}") == 3


def test_a_hostile_value_matches_as_plain_text(tmp_path: Path, dev_releases) -> None:
    """A person name full of SPARQL syntax is found like any name, because it is just a literal."""
    outcomes, activity = dev_releases
    import dataclasses

    from diplograph.pipeline import ReleaseOutcome
    from diplograph.rdf import mapping

    original = next(o for o in outcomes if o.facts.release.release_id == "d002")
    person = original.facts.people[0]
    odd = dataclasses.replace(person, name=HOSTILE[0], alt_names=())
    facts = dataclasses.replace(original.facts, people=(odd, *original.facts.people[1:]))
    with EmbeddedStore.open(tmp_path / "s", write=True) as writer:
        for _ in ingest(writer, [ReleaseOutcome(facts, mapping.map_release(facts, activity[0][0]))],
                        activity=activity, validate=False):
            pass
    with EmbeddedStore.open(tmp_path / "s") as reader:
        found = queries.bind(queries.load("person-meetings"), {"person": HOSTILE[0]}, reader)["person"]
        assert found.value.endswith("/" + person.key)


def test_values_go_into_the_outermost_group_whatever_the_text_holds() -> None:
    text = ('# a { in a comment\nPREFIX ex: <http://ex/{x}#>\nSELECT ?x (COUNT(*) AS ?n) WHERE {\n'
            '  ?x ex:p "a } { string" . FILTER EXISTS { ?x ex:q ?y } }\nGROUP BY ?x')
    out = inject_values(text, {"y": ox.Literal("v"), "z": None})
    assert out == text.replace("WHERE {\n", 'WHERE {\n  VALUES ?y { "v" }\n  VALUES ?z { UNDEF }\n\n', 1)


# --------------------------------------------------------------------------- results and the command


def test_results_formats() -> None:
    results = Results(["a", "b"], [(ox.NamedNode("http://x/1"), ox.Literal("ไทย, \"th\"", language="th")),
                                   (ox.Literal("2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
                                    None)])
    assert json.loads(dumps(results, "json")) == {"head": {"vars": ["a", "b"]}, "results": {"bindings": [
        {"a": {"type": "uri", "value": "http://x/1"}, "b": {"type": "literal", "value": 'ไทย, "th"', "xml:lang": "th"}},
        {"a": {"type": "literal", "value": "2", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}}
    assert list(csv.reader(io.StringIO(dumps(results, "csv")))) == [["a", "b"], ["http://x/1", 'ไทย, "th"'], ["2", ""]]
    assert dumps(results, "tsv").splitlines() == [
        "?a\t?b", '<http://x/1>\t"ไทย, \\"th\\""@th', '"2"^^<http://www.w3.org/2001/XMLSchema#integer>\t']
    assert json.loads(dumps(Results(boolean=True), "json")) == {"head": {}, "boolean": True}


def cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_query_json_is_sparql_results_and_nothing_else(store) -> None:
    result = cli("query", "partners", "-p", "country=TH", "--store", str(store.path), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["head"]["vars"] == ["partner", "iso", "partner_name", "meetings"]
    first = data["results"]["bindings"][0]
    assert first["iso"] == {"type": "literal", "value": "CN"}
    assert first["meetings"] == {"type": "literal", "value": "9", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    planned = cli("query", "partners", "-p", "country=TH", "--include-planned", "--store", str(store.path),
                  "--format", "json")
    assert json.loads(planned.stdout)["results"]["bindings"][0]["meetings"]["value"] == "11"  # KR
    wrong = cli("query", "releases", "--include-planned", "--store", str(store.path))
    assert wrong.exit_code == 2 and "no include_planned parameter" in wrong.stderr


def test_query_formats_and_adhoc_queries(store) -> None:
    result = cli("query", "events-per-year", "-p", "country1=TH", "-p", "country2=CN", "--store", str(store.path),
                 "--format", "csv")
    assert result.stdout.splitlines()[0] == "year,events"
    result = cli("query", "--sparql", "ASK { ?e a <https://w3id.org/diplograph/ontology#CourtesyCall> }",
                 "--store", str(store.path), "--format", "json")
    assert json.loads(result.stdout) == {"head": {}, "boolean": True}
    result = cli("query", "--sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                 "--store", str(store.path), "--format", "tsv")
    assert result.exit_code == 0 and result.stdout.startswith("?n\n")


def test_query_errors_exit_2_with_one_line(store) -> None:
    for args, message in [
        (["partners", "-p", "country=XX"], "not an ISO 3166-1 country code"),
        (["partners", "-p", "country"], "write NAME=VALUE"),
        (["no-such-query"], "no query named 'no-such-query'"),
        (["--sparql", "SELECT WHERE {"], "invalid SPARQL"),
    ]:
        result = cli("query", *args, "--store", str(store.path))
        assert result.exit_code == 2, result.output
        assert message in result.stderr and "Traceback" not in result.stderr


def test_query_a_graph_file_in_memory(tmp_path: Path, store) -> None:
    from diplograph.export import export

    export(store, tmp_path / "dev.trig")
    on_file = cli("query", "partners", "-p", "country=TH", "--data", str(tmp_path / "dev.trig"), "--format", "json")
    on_store = cli("query", "partners", "-p", "country=TH", "--store", str(store.path), "--format", "json")
    assert json.loads(on_file.stdout) == json.loads(on_store.stdout)


def test_a_query_file_with_its_own_parameters(tmp_path: Path, store) -> None:
    rq = tmp_path / "visits.rq"
    rq.write_text("# Official visits of a country.\n# param: country country (required) — ISO code\n"
                  "# columns: visit\nPREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
                  "SELECT DISTINCT ?visit WHERE { ?visit a dg:OfficialVisit ; dg:involvesCountry ?country }\n")
    result = cli("query", str(rq), "-p", "country=KR", "--store", str(store.path), "--format", "csv")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) > 1


def test_the_queries_command_lists_them_all() -> None:
    result = cli("queries")
    for name, q in queries.shipped().items():
        assert f"{name}: {q.title}" in result.stdout
    assert "--param country1=COUNTRY  (required)" in result.stdout
    shown = cli("queries", "meetings-between").stdout
    assert "SELECT" in shown and "columns: event, type" in shown


@pytest.fixture(scope="module")
def rdflib_dataset(store):
    """The dev store's quads in an rdflib Dataset whose default graph is the union of its graphs."""
    from rdflib import Dataset
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from diplograph.rdf.terms import to_ox, to_rdflib

    ds = Dataset(default_union=True)
    for q in store.ox:
        graph = DATASET_DEFAULT_GRAPH_ID if isinstance(q.graph_name, ox.DefaultGraph) else to_rdflib(q.graph_name)
        ds.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), graph))
    return ds, to_ox


# person-meetings sorts on the meeting's date, unbound for an undated meeting: rdflib cannot sort
# that (TypeError), and the ways around it that rdflib accepts change the order on Virtuoso.
_RDFLIB_CANNOT_SORT = pytest.mark.xfail(raises=TypeError, strict=True, reason="rdflib sorts no unbound key")


@pytest.mark.parametrize(("name", "params"), [*EXAMPLES.items(), ("people-by-position", {}), ("releases", {}),
    ("mous-by-status", {"country": "CN", "type": "Agreement"}), ("agreement-history", {"country": "KH", "type": "MoU"}),
    pytest.param("person-meetings", {"person": "Don Pramudwinai"}, marks=_RDFLIB_CANNOT_SORT)])
def test_every_query_reads_the_same_in_rdflib(store, rdflib_dataset, name: str, params: dict) -> None:
    """A user may run the shipped queries on an exported file with rdflib: same rows, same order
    (rdflib cannot sort on an unbound key, so people-by-position sorts on COALESCE(…, ""))."""
    ds, to_ox = rdflib_dataset
    q = queries.load(name)
    text = inject_values(q.text, queries.bind(q, params, store))
    here = [tuple(store_row) for store_row in store.query(text).rows]
    there = [tuple(None if t is None else to_ox(t) for t in row) for row in ds.query(text)]
    assert here, f"{name}: no rows on the dev corpus"

    def comparable(rows):
        # rdflib gives MIN(STR(?x)) over a group where ?x is never bound as the text "None"
        # (Oxigraph and Virtuoso: unbound); the rest must be the same terms in the same order
        return [tuple(None if isinstance(t, ox.Literal) and t.value == "None" else
                      t.value if isinstance(t, ox.Literal) else t for t in row) for row in rows]

    assert comparable(there) == comparable(here)
