"""``diplograph serve`` under attack: the real command on 127.0.0.1, serving a store of the dev corpus.

Each test is one attack an adversarial probe made on an earlier version (a crash
from one GET, the SERVICE guard read differently from the engine, cross-site
updates, runaway queries, a server that would not stop), and what must hold now.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.client import IncompleteRead
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_serve import http
from test_store import filled

from diplograph.query_pool import ServeLimits
from diplograph.serve import background, create_app

DIPLOGRAPH = str(Path(sys.executable).parent / "diplograph")
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
RELEASE = "https://w3id.org/diplograph/id/release/d001"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def insert_data(target: str, subject: str) -> bytes:
    """A form body inserting one triple into ``target`` (``GRAPH <…>``, or "" for the default graph)."""
    triple = f"<{subject}> <urn:b> <urn:c>"
    body = f"INSERT DATA {{ {target} {{ {triple} }} }}" if target else f"INSERT DATA {{ {triple} }}"
    return b"update=" + urllib.parse.quote_plus(body).encode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    def __init__(self, store: Path, *options: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = subprocess.Popen([DIPLOGRAPH, "serve", "--store", str(store), "--port", str(self.port),
                                         *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.banner = self.process.stdout.readline() if self.process.stdout else ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.ask()[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise AssertionError(f"serve did not start: {self.process.stderr.read() if self.process.stderr else ''}")

    def query(self, text: str, timeout: float = 10) -> tuple[int, str]:
        return get(self.url + "sparql?" + urllib.parse.urlencode({"query": text}), timeout)

    def ask(self) -> tuple[int, str]:
        return http(self.url + "sparql?query=ASK%20%7B%7D")

    def count(self) -> str:
        import json
        return json.loads(self.query(COUNT)[1])["results"]["bindings"][0]["n"]["value"]

    def children(self) -> list[int]:
        out = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False).stdout
        return [int(p) for p in out.split()]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def get(url: str, timeout: float) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


@pytest.fixture(scope="module")
def dev_store(tmp_path_factory: pytest.TempPathFactory, dev_releases) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "store"
    filled(path, *dev_releases).close()
    return path


@pytest.fixture(scope="module")
def served(dev_store: Path) -> Iterator[Served]:
    server = Served(dev_store, "--workers", "2")
    yield server
    server.stop()


@pytest.fixture
def listener() -> Iterator[tuple[str, list[socket.socket]]]:
    """A TCP listener on loopback that records every connection made to it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.2)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                accepted.append(sock.accept()[0])
            except OSError:
                pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/sparql", accepted
    stop.set()
    thread.join()
    sock.close()


def test_a_deeply_nested_or_wide_query_is_refused_and_the_server_goes_on(served: Served) -> None:
    for text in ("SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000,
                 "SELECT * WHERE { " + " UNION ".join(f"{{ ?s ?p {i} }}" for i in range(10_000)) + " }",
                 "ASK { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"):
        status, body = http(served.url + "sparql", ("query=" + urllib.parse.quote(text)).encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})
        assert 400 <= status < 500 and "limit" in body
        assert served.ask()[0] == 200


@pytest.mark.parametrize("trick", [
    "PREFIX e: <urn:e#>\nSELECT * WHERE { ?s e:a\\# ?o . SERVICE <URL> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s <urn:a\u00a0#> ?o . SERVICE <URL> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p 'x' # \n SERVICE SILENT <URL> { ?s ?p ?o } }",
    "SELECT * WHERE { OPTIONAL { SERVICE <URL> { ?s ?p ?o } } }",
    "SELECT * WHERE { \\u0053ERVICE <URL> { ?s ?p ?o } }",
])
def test_service_tricks_reach_no_listener(served: Served, listener, trick: str) -> None:
    url, accepted = listener
    status, _ = served.query(trick.replace("URL", url))
    time.sleep(0.3)
    assert 400 <= status < 500
    assert accepted == []


def test_the_worker_has_no_network_when_service_is_off(listener) -> None:
    """The second wall: even a SERVICE the checks missed finds no network in the worker's namespace."""
    url, accepted = listener
    port = url.split(":")[2].split("/")[0]
    probe = ("from diplograph.query_worker import isolate_network\n"
             "import socket, sys\n"
             "why = isolate_network()\n"
             "if why: print('SKIP', why); sys.exit(0)\n"
             f"try:\n    socket.create_connection(('127.0.0.1', {port}), timeout=2); print('CONNECTED')\n"
             "except OSError as exc:\n    print('REFUSED', exc)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=30).stdout
    if out.startswith("SKIP"):
        pytest.skip(f"this kernel gives no network namespace: {out}")
    assert out.startswith("REFUSED") and accepted == []


def test_service_is_allowed_on_request(dev_store: Path, listener) -> None:
    url, accepted = listener
    server = Served(dev_store, "--allow-service", "--timeout", "3")
    try:
        server.query(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", timeout=8)
        assert accepted, "with --allow-service the engine may reach other hosts"
    finally:
        server.stop()


def test_updates_only_by_post_from_the_page_or_with_the_token(dev_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(dev_store, copy)
    server = Served(copy, "--allow-update", "--update-token", "s3cret")
    try:
        before = server.count()
        assert 400 <= http(server.url + "sparql?update=DROP%20ALL")[0] < 500
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        drop = b"update=DROP%20ALL"
        assert http(server.url + "sparql", drop, form)[0] == 403  # no Origin, no token
        assert http(server.url + "sparql", drop, {**form, "Origin": "null"})[0] == 403
        assert http(server.url + "sparql", drop, {**form, "Origin": "http://evil.example"})[0] == 403
        assert http(server.url + "sparql", drop, {**form, "Authorization": "Bearer guess"})[0] == 403
        load = b"update=" + urllib.parse.quote_plus("LOAD <http://127.0.0.1:9/x.ttl>").encode()
        status, body = http(server.url + "sparql", load, {**form, "Authorization": "Bearer s3cret"})
        assert status == 400 and "LOAD" in body
        assert server.count() == before
        token = {**form, "Authorization": "Bearer s3cret"}
        for target in ("", "GRAPH <urn:elsewhere>"):  # stored where no query would see it: refused, named
            status, body = http(server.url + "sparql", insert_data(target, "urn:a"), token)
            assert status == 400 and ("default graph" in body if not target else "<urn:elsewhere>" in body)
        assert server.count() == before
        assert http(server.url + "sparql", insert_data(f"GRAPH <{RELEASE}>", "urn:a"), token)[0] == 204
        page = {**form, "Origin": server.url.rstrip("/")}  # the query page: its own origin
        assert http(server.url + "sparql", insert_data(f"GRAPH <{RELEASE}>", "urn:x"), page)[0] == 204
        assert int(server.count()) == int(before) + 2
        _, body = server.query("SELECT (COUNT(*) AS ?n) WHERE { ?s <urn:b> <urn:c> }")
        assert '"value":"2"' in body  # queries see both, through the view
    finally:
        server.stop()


def give_up(url: str, after: float) -> None:
    """Send the runaway query and leave after ``after`` seconds (or when the server ends it)."""
    try:
        get(url + "sparql?" + urllib.parse.urlencode({"query": RUNAWAY}), after)
    except OSError:
        pass


def test_runaway_clients_who_give_up_leave_a_server_that_answers(served: Served) -> None:
    clients = [threading.Thread(target=give_up, args=(served.url, 3)) for _ in range(40)]
    for c in clients:
        c.start()
    for c in clients:
        c.join()
    time.sleep(1)
    started = time.monotonic()
    status, body = get(served.url + "sparql?query=ASK%20%7B%7D", 10)
    assert status == 200 and "true" in body
    assert time.monotonic() - started < 5


def test_sigterm_stops_the_server_and_its_workers_while_queries_run(dev_store: Path) -> None:
    server = Served(dev_store, "--workers", "2")
    workers = server.children()
    assert len(workers) >= 2
    for _ in range(3):
        threading.Thread(target=give_up, args=(server.url, 30), daemon=True).start()
    time.sleep(1)
    started = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    server.process.wait(timeout=10)
    assert time.monotonic() - started < 3
    time.sleep(0.5)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()
                and "diplograph" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")]


def test_serve_prints_a_token_when_updates_are_allowed(dev_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(dev_store, copy)
    server = Served(copy, "--allow-update")
    try:
        line = server.process.stdout.readline() if server.process.stdout else ""
        token = line.rsplit(" ", 1)[-1].strip()
        assert "update token" in line and len(token) >= 20
        insert = insert_data(f"GRAPH <{RELEASE}>", "urn:a")
        assert http(server.url + "sparql", insert, {"Content-Type": "application/x-www-form-urlencoded",
                                                     "Authorization": f"Bearer {token}"})[0] == 204
    finally:
        server.stop()



def test_a_query_past_its_time_is_stopped(dev_store: Path) -> None:
    with background(create_app(dev_store, limits=ServeLimits(timeout=1.5, workers=1))) as base:
        started = time.monotonic()
        status, body = get(base + "sparql?" + urllib.parse.urlencode({"query": RUNAWAY}), 20)
        assert status == 503 and "time limit" in body and time.monotonic() - started < 4
        assert get(base + "sparql?query=ASK%20%7B%7D", 10)[0] == 200


def test_a_client_leaving_frees_its_worker(dev_store: Path) -> None:
    with background(create_app(dev_store, limits=ServeLimits(workers=1))) as base:
        give_up(base, 1)
        started = time.monotonic()
        assert get(base + "sparql?query=ASK%20%7B%7D", 10)[0] == 200
        assert time.monotonic() - started < 4  # the one worker was killed and replaced


def test_a_full_house_answers_503_at_once(dev_store: Path) -> None:
    with background(create_app(dev_store, limits=ServeLimits(workers=1, waiting=0, timeout=5))) as base:
        busy = threading.Thread(target=give_up, args=(base, 3))
        busy.start()
        time.sleep(0.5)
        started = time.monotonic()
        status, body = get(base + "sparql?query=ASK%20%7B%7D", 10)
        assert status == 503 and "busy" in body and time.monotonic() - started < 1
        busy.join()


def test_a_result_past_its_size_is_cut_off(dev_store: Path) -> None:
    limits = ServeLimits(max_result_bytes=100_000)
    with background(create_app(dev_store, limits=limits)) as base:
        url = base + "sparql?" + urllib.parse.urlencode({"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
        with pytest.raises((IncompleteRead, OSError)):
            get(url, 20)  # never a short answer that looks whole
        status, body = get(base + "sparql?" + urllib.parse.urlencode({"query": "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 5"}), 10)
        assert status == 200 and len(list(ox.parse(body.encode(), format=ox.RdfFormat.TURTLE))) == 5
