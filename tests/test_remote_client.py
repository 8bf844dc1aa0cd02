"""The remote client without a real server: credentials, endpoints, retries, timeouts, no secret in errors."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.errors import StoreError
from diplograph.remote import Credentials, Endpoints, RemoteStore, load_credentials
from diplograph.store_layout import ChangeSet

SECRET = "s3cr3t-Passw0rd"


class FakeServer:
    """Answers with scripted (status, body, delay) responses, recording each request."""

    def __init__(self) -> None:
        self.script: list[tuple[int, str, float]] = []
        self.requests: list[tuple[str, str, bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _answer(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
                outer.requests.append((self.command, self.path, body))
                status, text, delay = outer.script.pop(0) if outer.script else (200, "{}", 0)
                time.sleep(delay)
                data = text.encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/sparql-results+json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_PUT = do_DELETE = _answer

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()


@pytest.fixture
def server():
    fake = FakeServer()
    yield fake
    fake.close()


def client(server: FakeServer, **options) -> RemoteStore:
    endpoints = Endpoints(server.url + "/sparql", server.url + "/update", server.url + "/data")
    return RemoteStore(endpoints, Credentials("dba", SECRET), backoff=0.01, **options)


def one_graph() -> ChangeSet:
    g = ox.NamedNode("https://w3id.org/diplograph/id/release/x")
    return ChangeSet(put={g: [ox.Triple(g, ox.NamedNode("http://ex/p"), ox.Literal("ไทย"))]})


def test_transient_failures_are_retried_with_backoff(server: FakeServer) -> None:
    server.script = [(503, "busy", 0), (502, "gateway", 0), (201, "", 0)]
    client(server).apply(one_graph())
    assert [r[0] for r in server.requests] == ["PUT"] * 3
    method, path, body = server.requests[-1]
    assert path.startswith("/data?graph=https%3A%2F%2Fw3id.org%2Fdiplograph%2Fid%2Frelease%2Fx")
    assert body.decode("utf-8") == '<https://w3id.org/diplograph/id/release/x> <http://ex/p> "ไทย" .\n'


def test_queries_are_retried_too_and_read_as_sparql_json(server: FakeServer) -> None:
    answer = {"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "typed-literal", "value": "3",
              "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}}
    server.script = [(503, "busy", 0), (200, json.dumps(answer), 0)]
    results = client(server).query("SELECT ?n WHERE { ?s ?p ?n }")
    assert [r[0].value for r in results.rows] == ["3"] and len(server.requests) == 2


def test_a_client_error_is_not_retried_and_the_password_is_scrubbed(server: FakeServer) -> None:
    server.script = [(400, f"bad request from dba:{SECRET}", 0)]
    with pytest.raises(StoreError) as failure:
        client(server).apply(one_graph())
    assert len(server.requests) == 1
    assert SECRET not in str(failure.value) and "***" in str(failure.value) and "HTTP 400" in str(failure.value)


def test_a_server_that_does_not_answer_times_out(server: FakeServer) -> None:
    server.script = [(200, "{}", 3), (200, "{}", 3)]
    start = time.monotonic()
    with pytest.raises(StoreError, match="no answer after 2 tries"):
        client(server, timeout=0.4, retries=1).apply(one_graph())
    assert time.monotonic() - start < 3


def test_nobody_listening_is_a_clear_error() -> None:
    remote = RemoteStore(Endpoints("http://127.0.0.1:9/sparql", "http://127.0.0.1:9/update", "http://127.0.0.1:9/d"),
                         Credentials("dba", SECRET), retries=1, backoff=0.01, timeout=2)
    with pytest.raises(StoreError, match="no answer after 2 tries") as failure:
        remote.query("ASK {}")
    assert SECRET not in str(failure.value)


@pytest.mark.parametrize(("query", "update", "gsp"), [
    ("http://h:8890/sparql", "http://h:8890/sparql-auth", "http://h:8890/sparql-graph-crud-auth"),  # Virtuoso
    ("http://h:7200/repositories/dg", "http://h:7200/repositories/dg/statements",
     "http://h:7200/repositories/dg/rdf-graphs/service"),  # GraphDB
    ("http://h:3030/dg/sparql", "http://h:3030/dg/update", "http://h:3030/dg/data"),  # Fuseki
    ("http://h/other", None, None),
])
def test_write_endpoints_are_guessed_from_the_query_url(query: str, update: str | None, gsp: str | None) -> None:
    assert Endpoints.guess(query) == Endpoints(query, update, gsp)
    assert Endpoints.guess(query, "http://u", "http://g") == Endpoints(query, "http://u", "http://g")


def test_credentials_never_in_a_url() -> None:
    with pytest.raises(StoreError) as failure:
        Endpoints.guess(f"http://dba:{SECRET}@127.0.0.1:8890/sparql")
    assert SECRET not in str(failure.value) and "DIPLOGRAPH_PASSWORD" in str(failure.value)


def test_credentials_from_the_environment_or_a_private_file(tmp_path: Path) -> None:
    url = "http://127.0.0.1:8890/sparql"
    assert load_credentials(url, {"DIPLOGRAPH_USER": "u", "DIPLOGRAPH_PASSWORD": "p"}) == Credentials("u", "p")
    with pytest.raises(StoreError, match="both"):
        load_credentials(url, {"DIPLOGRAPH_USER": "u"})
    path = tmp_path / "credentials.toml"
    env = {"DIPLOGRAPH_CREDENTIALS": str(path)}
    assert load_credentials(url, env) is None
    path.write_text(f'["http://127.0.0.1:8890"]\nuser = "dba"\npassword = "{SECRET}"\n\n'
                    '[default]\nuser = "other"\npassword = "x"\n')
    path.chmod(0o644)
    with pytest.raises(StoreError, match="chmod 600") as failure:
        load_credentials(url, env)
    assert SECRET not in str(failure.value)
    path.chmod(0o600)
    assert load_credentials(url, env) == Credentials("dba", SECRET)
    assert load_credentials("http://elsewhere/sparql", env) == Credentials("other", "x")
    assert SECRET not in repr(load_credentials(url, env))
    config = tmp_path / "config" / "diplograph"
    config.mkdir(parents=True)
    (config / "credentials.toml").write_text('[default]\nuser = "xdg"\npassword = "y"\n')
    (config / "credentials.toml").chmod(0o600)
    assert load_credentials(url, {"XDG_CONFIG_HOME": str(tmp_path / "config")}) == Credentials("xdg", "y")
