"""Nothing from a release or a parameter runs as query or code: parameters are RDF terms, pages escape text,
the local server is loopback-only and read-only by default, and passwords never show.

(Hostile parameter values against the shipped queries, on the embedded store and on Virtuoso, are in
test_queries.py and test_remote.py; hostile labels in the network page in test_viz.py and test_browser.py.)
"""

from __future__ import annotations

import base64
import datetime as dt
import inspect
import json
import logging
import os
import subprocess
import sys
import threading
import urllib.parse
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph import queries
from diplograph.errors import DiplographError, QueryError, StoreError
from diplograph.queries import Param
from diplograph.remote import Credentials, Endpoints, RemoteStore
from diplograph.sparql import inject_values, mask, values_block

DIPLOGRAPH = str(Path(sys.executable).parent / "diplograph")
SMALL = Path(__file__).parent / "fixtures" / "viz" / "small.trig"
SECRET = "s3cr3t-Passw0rd-ไทย"
TEXT = Param("value", "text", True, "")
IRI = Param("value", "iri", True, "")
PERSON = Param("value", "person", True, "")


@pytest.fixture(scope="module")
def data() -> ox.Store:
    store = ox.Store()
    store.load(path=str(SMALL), format=ox.RdfFormat.TRIG)
    return store


def run(store: ox.Store, query: str, bindings: dict) -> list:
    return list(store.query(inject_values(query, bindings), use_default_graph_as_union=True))


# ------------------------------------------------------------------------------------------- parameters

@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=300))
def test_any_text_is_one_literal_and_nothing_else(data: ox.Store, value: str) -> None:
    """Whatever a text parameter holds, the query gets exactly that literal back — one row, one value —
    and the store is unchanged: the value never became syntax."""
    try:
        term = queries.term_for(TEXT, value)
    except QueryError:
        assert not value.strip() or len(value.strip()) > 1000
        return
    assert term == ox.Literal(value.strip())
    before = len(data)
    rows = run(data, "SELECT ?value (STRLEN(?value) AS ?n) WHERE { ?s ?p ?o } LIMIT 1", {"value": term})
    assert [(r["value"], int(r["n"].value)) for r in rows] == [(term, len(term.value))]
    assert len(data) == before
    sent = inject_values("SELECT ?value WHERE { }", {"value": term})
    assert mask(sent).count("{") == mask(sent).count("}") == 2  # the value adds no structure


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=120), st.text(alphabet=st.sampled_from("htps:/<>\"{}|^`\\ \n#x.%u0123456789"),
                                                   max_size=60).map(lambda s: "http://x/" + s)))
def test_an_iri_parameter_is_an_iri_or_an_error(value: str) -> None:
    try:
        term = queries.term_for(IRI, value)
    except QueryError as exc:
        assert "is not an IRI" in str(exc) and "\n" not in str(exc).replace(repr(value), "")
        return
    assert isinstance(term, ox.NamedNode)
    assert not set(term.value) & set('<>"{}|^`\\ \n\t')
    assert values_block(["x"], [[term]]) == f"VALUES ?x {{ <{term.value}> }}"


@pytest.mark.parametrize("value", ["http://x/> } ; DROP ALL ; <", "http://x/a b", "http://x/\\u003E", "dgid:a>b",
                                   "http://x/\na", "http://x/{a}", 'http://x/"', "javascript:alert(1)>"])
def test_hostile_iris_are_refused(value: str) -> None:
    with pytest.raises(QueryError, match="is not an IRI"):
        queries.term_for(IRI, value)


@pytest.mark.parametrize("param,value", [
    (Param("c", "country", True, ""), "TH } ; DROP ALL"), (Param("d", "date", True, ""), "2020-01-01\" }"),
    (Param("y", "year", True, ""), "2020 } #"), (Param("s", "status", True, ""), "Signed> } ;"),
    (Param("t", "topic", True, ""), "tourism\" } ;"), (Param("e", "event_type", True, ""), "CourtesyCall }"),
])
def test_typed_parameters_refuse_anything_but_their_values(param: Param, value: str) -> None:
    with pytest.raises(QueryError, match=f"parameter {param.name}: "):
        queries.term_for(param, value)


def test_a_person_name_is_looked_up_as_a_literal(data: ox.Store) -> None:
    """person=<hostile text>: the lookup query binds it as a literal and finds nobody; the store is unchanged."""

    class Target:
        def query(self, text, bindings=None):
            from diplograph.results import Results

            return Results.from_oxigraph(data.query(inject_values(text, bindings or {}),
                                                    use_default_graph_as_union=True))

    before = len(data)
    for value in ['" } ; DROP ALL ; #', "\\u0022) } #", "</script><script>alert(1)"]:
        with pytest.raises(QueryError, match="nobody named"):
            queries.term_for(PERSON, value, Target())
    assert queries.term_for(PERSON, "<script>alert(1)</script>", Target()).value.endswith("/person/charlie")
    assert len(data) == before


# ----------------------------------------------------------------------------------------- HTML views

HOSTILE_HTML = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "'><svg onload=alert(3)>",
                "</td></tr></table><script>alert(4)</script>", "&lt;already escaped&gt;"]


def test_the_timeline_page_escapes_every_text(tmp_path: Path) -> None:
    """Agreement titles, release ids, country names: all text in the timeline page is escaped."""
    from diplograph.timeline import Change, Timeline, timeline_html

    changes = [Change(dt.date(2023, 1, 2 + i), "Signed", "MemorandumOfUnderstanding", text, ("SG", "TH"),
                      f"r{i}") for i, text in enumerate(HOSTILE_HTML)]
    tl = Timeline(HOSTILE_HTML[1], HOSTILE_HTML[0], "month",
                  bins=[(dt.date(2023, 1, 1), Counter({"BilateralMeeting": 1}))], changes=changes)
    page = timeline_html(tl, {f"r{i}": text for i, text in enumerate(HOSTILE_HTML)})
    body = page.split("<body>", 1)[1]
    assert "<script" not in page and "<img src=x" not in page and "<svg" not in page
    assert body.count("<td>") == body.count("</td>") and body.count("<tr>") == body.count("</tr>")
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;" in body and "&amp;lt;already escaped&amp;gt;" in body


def test_a_hostile_graph_through_the_timeline_command(tmp_path: Path) -> None:
    """End to end: labels and titles in a graph file are text in the timeline page and the network page."""
    graph = SMALL.read_text(encoding="utf-8")
    graph = graph.replace('"MoU on trade"@en', '"<script>alert(5)</script> MoU"@en')
    graph = graph.replace('"Singapore"@en', '"Singapore\\"><img src=x onerror=alert(6)>"@en')
    (tmp_path / "g.trig").write_text(graph, encoding="utf-8")
    for command, out in (("timeline", "t.html"), ("viz", "v.html")):
        args = [DIPLOGRAPH, command, str(tmp_path / "g.trig"), "-o", str(tmp_path / out)]
        args += ["--country", "TH", "--partner", "SG"] if command == "timeline" else ["--view", "countries"]
        result = subprocess.run(args, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        page = (tmp_path / out).read_text(encoding="utf-8")
        assert "<script>alert" not in page and "<img src=x" not in page


# ------------------------------------------------------------------------------------------- the server

def test_the_server_listens_on_loopback_by_default() -> None:
    from diplograph import serve
    from diplograph.cli import main

    host = next(p for p in main.commands["serve"].params if p.name == "host")
    assert host.default == "127.0.0.1"
    assert inspect.signature(serve.run).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(serve.background).parameters["host"].default == "127.0.0.1"


def test_updates_are_refused_however_they_are_sent() -> None:
    from diplograph.serve import background, create_app, open_for_serving
    from test_serve import COUNT_PEOPLE, http

    with background(create_app(open_for_serving(SMALL, allow_update=False))) as base:
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        attempts = [
            http(base + "sparql?" + urllib.parse.urlencode({"update": "DROP ALL"})),
            http(base + "sparql", b"update=" + urllib.parse.quote_plus("CLEAR ALL").encode(), form),
            http(base + "sparql", b"DROP ALL", {"Content-Type": "application/sparql-update"}),
            http(base + "sparql?" + urllib.parse.urlencode({"query": "DROP ALL"})),
            http(base + "sparql", b"query=" + urllib.parse.quote_plus("INSERT DATA { <a:b> <a:c> <a:d> }").encode(),
                 form),
            http(base + "sparql", b"DELETE WHERE { ?s ?p ?o }", {"Content-Type": "application/sparql-query"}),
            http(base + "sparql?" + urllib.parse.urlencode({"query": "ASK {}", "update": "DROP ALL"})),
        ]
        assert [status for status, _ in attempts] == [403, 403, 403, 400, 400, 400, 403]
        status, body = http(base + "sparql?" + urllib.parse.urlencode({"query": COUNT_PEOPLE}))
        assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "4"


# ------------------------------------------------------------------------------------------ credentials

class EchoServer:
    """A SPARQL server that echoes what it was sent — the request line, the headers (Authorization
    included) and the body — in an error answer, or answers empty results."""

    def __init__(self, status: int) -> None:
        outer = self
        self.status = status

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _answer(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
                if outer.status == 200:
                    data = json.dumps({"head": {"vars": ["g"]}, "results": {"bindings": []}}).encode()
                else:
                    data = (f"you sent {self.headers.get('Authorization')} to {self.path}\n{self.requestline}\n"
                            f"{self.headers}\n").encode() + body
                self.send_response(outer.status)
                self.send_header("Content-Type", "application/sparql-results+json" if outer.status == 200
                                 else "text/plain")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _answer

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()


@pytest.fixture
def echo(request):
    server = EchoServer(request.param)
    yield server
    server.close()


def secrets_in(text: str) -> list[str]:
    forms = {"password": SECRET, "percent-encoded": urllib.parse.quote(SECRET, safe=""),
             "base64 user:password": base64.b64encode(f"dba:{SECRET}".encode()).decode()}
    return [name for name, form in forms.items() if form in text]


def env_with_password(**extra: str) -> dict[str, str]:
    return {**os.environ, "DIPLOGRAPH_USER": "dba", "DIPLOGRAPH_PASSWORD": SECRET, **extra}


@pytest.mark.parametrize("echo", [400, 500], indirect=True)
@pytest.mark.parametrize("debug", [[], ["--debug"]], ids=["plain", "debug"])
def test_the_password_is_not_in_write_errors(echo: EchoServer, debug: list[str], tmp_path: Path) -> None:
    release = Path(__file__).parent / "fixtures" / "corpus" / "dev" / "d001.txt"
    result = subprocess.run([DIPLOGRAPH, *debug, "ingest", str(release), "--endpoint", echo.url,
                             "--update-url", echo.url, "--gsp-url", echo.url, "--timeout", "5"],
                            env=env_with_password(), capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert secrets_in(result.stdout + result.stderr) == []


@pytest.mark.parametrize("echo", [400], indirect=True)
def test_the_password_is_not_in_query_errors_even_base64_encoded(echo: EchoServer) -> None:
    secret = "s3cr3t-Passw0rd"  # HTTP Basic: ASCII
    result = subprocess.run([DIPLOGRAPH, "query", "--sparql", "SELECT * WHERE { ?s ?p ?o }", "--endpoint", echo.url,
                             "--timeout", "5"], capture_output=True, text=True, timeout=120,
                            env={**env_with_password(DIPLOGRAPH_QUERY_AUTH="basic"), "DIPLOGRAPH_PASSWORD": secret})
    assert result.returncode == 2 and "rejected the query" in result.stderr
    assert secret not in result.stderr and base64.b64encode(f"dba:{secret}".encode()).decode() not in result.stderr


@pytest.mark.parametrize("echo", [200], indirect=True)
def test_the_password_is_not_in_logs_or_exported_files(echo: EchoServer, tmp_path: Path,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    from diplograph.export import export

    caplog.set_level(logging.DEBUG)
    remote = RemoteStore(Endpoints(echo.url, echo.url, echo.url), Credentials("dba", SECRET), query_auth="basic")
    assert repr(Credentials("dba", SECRET)).count(SECRET) == 0
    for out in ("all.trig", "all.csv", "all.jsonld"):
        export(remote, tmp_path / out)
        assert secrets_in((tmp_path / out).read_text(encoding="utf-8-sig")) == []
    assert caplog.records and secrets_in("\n".join(r.getMessage() for r in caplog.records)) == []
    result = subprocess.run([DIPLOGRAPH, "--debug", "export", "--endpoint", echo.url, "-o", str(tmp_path / "c.nq")],
                            env=env_with_password(DIPLOGRAPH_QUERY_AUTH="basic"), capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert secrets_in(result.stdout + result.stderr + (tmp_path / "c.nq").read_text()) == []


def test_a_password_in_the_endpoint_url_is_refused_without_showing_it() -> None:
    url = f"http://dba:{urllib.parse.quote(SECRET, safe='')}@127.0.0.1:9/sparql"
    result = subprocess.run([DIPLOGRAPH, "stats", "--endpoint", url], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "DIPLOGRAPH_PASSWORD" in result.stderr
    assert secrets_in(result.stdout + result.stderr) == []


def test_errors_are_ours(data: ox.Store) -> None:
    """A malformed ad-hoc query is a QueryError (one line), not a parser exception."""
    from diplograph.store import EmbeddedStore

    store = EmbeddedStore(data)
    for text in ("SELECT * WHERE { ?s ?p ?o", "SELECT * WHERE { ?s ?p ?o } ; DROP ALL", "DROP ALL"):
        with pytest.raises(DiplographError):
            queries.run_query(store, text)
    with pytest.raises((QueryError, StoreError)):
        queries.run_query(store, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
