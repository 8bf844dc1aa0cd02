"""``diplograph serve``: a local SPARQL 1.1 Protocol endpoint, a query page and the network page.

A small Starlette app over pyoxigraph (Oxigraph parses, plans and serialises;
Starlette does HTTP; uvicorn serves). We chose this over rdflib-endpoint, whose
results go through rdflib's slower result model and whose page loads YASGUI
from a CDN.

* ``GET|POST /sparql`` — the SPARQL 1.1 Protocol: ``query`` as a URL parameter,
  a form field or an ``application/sparql-query`` body; ``default-graph-uri`` and
  ``named-graph-uri``; results as JSON, XML, CSV or TSV (SELECT/ASK) or Turtle,
  N-Triples, RDF/XML or JSON-LD (CONSTRUCT/DESCRIBE), by the Accept header.
  Without ``default-graph-uri`` the default graph is the store's query view (every
  release, shared and derived triple once; the union of all graphs for a store
  without one), as for ``diplograph query``, so the shipped queries read the same here.
* SPARQL Update (``update`` field or ``application/sparql-update``) is refused
  with 403 unless the server was started with ``allow_update``; then the store
  is opened for writing and the writer's lock (``diplograph.lock``) is taken, and
  each update rebuilds the query view in the same transaction.
* ``SERVICE`` (federated query, which would make this server fetch from other
  hosts) is refused unless ``allow_service``.
* ``/`` — YASGUI, vendored and served from here, with the shipped queries
  (``queries/*.rq``) in a side list; ``/network`` — the interactive network page
  (``?view=countries&since=2023&topic=tourism``).
* Requests whose ``Host`` is not this machine, or that come from a page of
  another origin, are refused (DNS rebinding, cross-site form posts).
"""

from __future__ import annotations

import fcntl
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from .errors import DiplographError, StoreError
from .network.source import open_store
from .resources import resource_dir
from .store import REBUILD_VIEW, has_view, query_options
from .viz.page import asset, script_json

SELECT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON, "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML, "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-quads": ox.RdfFormat.N_QUADS, "application/trig": ox.RdfFormat.TRIG,
}
LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
_MASK = re.compile(r'#[^\n]*|<[^<>"{}|^`\\\s]*>|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                   r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', re.S)


@dataclass(frozen=True)
class ShippedQuery:
    name: str
    description: str  # the first line of its opening comment
    params: list[str]
    text: str


def shipped_queries() -> list[ShippedQuery]:
    """The queries in ``queries/``, each with the description its opening comment gives."""
    try:
        folder = resource_dir("queries")
    except DiplographError:
        return []
    out = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        comments = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
        description = next((c for c in comments if c), path.stem)
        params = [c.removeprefix("param:").strip() for c in comments if c.startswith("param:")]
        out.append(ShippedQuery(path.stem, description, params, text))
    return out


def uses_service(query: str) -> bool:
    """Whether the query has a SERVICE clause (outside comments, strings and IRIs)."""
    return re.search(r"\bSERVICE\b", _MASK.sub(" ", query), re.I) is not None


class WriterLock:
    """The embedded store's writer lock: one writer at a time, released when the process ends."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path / "diplograph.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(self.fd)
            raise StoreError(f"{path}: another process is writing to this store; stop it or serve "
                             "without --allow-update") from exc


_LOCKS: list[WriterLock] = []


def open_for_serving(source: Path | ox.Store, *, allow_update: bool) -> ox.Store:
    """The store to serve: read-only unless updates are allowed (then locked for writing)."""
    if isinstance(source, ox.Store):
        return source
    if source.is_dir() and allow_update:
        _LOCKS.append(WriterLock(source))  # held until the process ends
        try:
            return ox.Store(str(source))
        except OSError as exc:
            raise StoreError(f"{source}: cannot open the store for writing: {exc}") from exc
    return open_store(source)


def _preferred(accept: str, offered: dict[str, Any], default: str) -> str | None:
    """The offered media type the Accept header likes best (None: nothing acceptable)."""
    best, best_q = None, 0.0
    for part in accept.split(",") if accept.strip() else ["*/*"]:
        fields = [f.strip() for f in part.split(";")]
        kind, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        match = default if kind in ("*/*", default.split("/")[0] + "/*") else kind if kind in offered else None
        if match and q > best_q:
            best, best_q = match, q
    return best


def create_app(store: ox.Store, *, allow_update: bool = False, allow_service: bool = False,
               hosts: list[str] | None = None) -> Starlette:
    """The ASGI app serving ``store``."""
    queries = shipped_queries()

    async def sparql(request: Request) -> Response:
        if not _same_origin(request):
            return PlainTextResponse("cross-origin requests are refused", status_code=403)
        params = {k: v for k, v in parse_qs(request.url.query, keep_blank_values=True).items()}
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        query = update = None
        if request.method == "POST":
            body = (await request.body()).decode("utf-8", errors="replace")
            if ctype == "application/x-www-form-urlencoded":
                for k, v in parse_qs(body, keep_blank_values=True).items():
                    params.setdefault(k, []).extend(v)
            elif ctype == "application/sparql-query":
                query = body
            elif ctype == "application/sparql-update":
                update = body
            else:
                return PlainTextResponse(f"unsupported content type {ctype!r}", status_code=415)
        query = query or _one(params, "query")
        update = update or _one(params, "update")
        if update is not None:
            if not allow_update:
                return PlainTextResponse("SPARQL Update is refused: this endpoint is read-only "
                                         "(start diplograph serve with --allow-update)", status_code=403)
            return await run_in_threadpool(_update, store, update)
        if not query:
            return PlainTextResponse("give a SPARQL query: ?query=…", status_code=400)
        if not allow_service and uses_service(query):
            return PlainTextResponse("SERVICE (federated query) is switched off on this endpoint",
                                     status_code=400)
        return await run_in_threadpool(_query, store, query, params, request.headers.get("accept", ""))

    async def page(request: Request) -> Response:
        data = {"endpoint": str(request.url_for("sparql")), "readOnly": not allow_update,
                "startQuery": _START_QUERY,
                "queries": [{"name": q.name, "description": q.description, "params": q.params, "text": q.text}
                            for q in queries]}
        body = Template(asset("query.html")).substitute(
            data=script_json(data), mode="read-only" if not allow_update else "updates allowed")
        return HTMLResponse(body, headers={"Content-Security-Policy": _PAGE_CSP})

    async def network(request: Request) -> Response:
        from .network import load_facts
        from .network.views import project
        from .viz import describe_filters, title_for
        from .viz.page import network_html

        q = request.query_params
        view, lang = q.get("view") or "people", q.get("lang") or "en"
        since, until, topic = q.get("since") or None, q.get("until") or None, q.get("topic") or None
        try:
            def build() -> str:
                facts = load_facts(store, since=since, until=until, topic=topic)
                graph = project(facts, view, lang=lang)
                return network_html(graph, facts, title=title_for(view),
                                    subtitle=describe_filters(since=since, until=until, topic=topic), lang=lang)
            return HTMLResponse(await run_in_threadpool(build))
        except DiplographError as exc:
            return PlainTextResponse(str(exc), status_code=400)

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in _ASSETS:
            return PlainTextResponse("not found", status_code=404)
        return Response(asset(_ASSETS[name][0]), media_type=_ASSETS[name][1],
                        headers={"Cache-Control": "max-age=3600"})

    async def listing(request: Request) -> Response:
        return JSONResponse([q.__dict__ for q in queries])

    async def no_icon(request: Request) -> Response:
        return Response(status_code=204)  # browsers ask for one; a 404 would be a console error

    routes = [Route("/", page), Route("/sparql", sparql, methods=["GET", "POST"], name="sparql"),
              Route("/network", network), Route("/queries", listing), Route("/assets/{name}", static),
              Route("/favicon.ico", no_icon)]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=LOCAL_HOSTS + list(hosts or []))]
    return Starlette(routes=routes, middleware=middleware)


def _one(params: dict[str, list[str]], key: str) -> str | None:
    values = params.get(key)
    return values[0] if values else None


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if not origin or origin == "null" and request.method == "GET":
        return True
    return origin.split("://", 1)[-1] == request.headers.get("host", "")


def _query(store: ox.Store, query: str, params: dict[str, list[str]], accept: str) -> Response:
    defaults = [ox.NamedNode(g) for g in params.get("default-graph-uri", [])]
    named = [ox.NamedNode(g) for g in params.get("named-graph-uri", [])]
    try:
        dataset = {"default_graph": defaults} if defaults else query_options(store)
        result = store.query(query, named_graphs=named or None, **dataset)
        if isinstance(result, ox.QueryTriples):
            kind = _preferred(accept, GRAPH_TYPES, "text/turtle")
            if kind is None:
                return PlainTextResponse("no acceptable graph format", status_code=406)
            return Response(result.serialize(format=GRAPH_TYPES[kind]), media_type=kind)
        kind = _preferred(accept, SELECT_TYPES, "application/sparql-results+json")
        if kind is None:
            return PlainTextResponse("no acceptable results format", status_code=406)
        return Response(result.serialize(format=SELECT_TYPES[kind]), media_type=SELECT_TYPES[kind].media_type)
    except (SyntaxError, ValueError) as exc:
        return PlainTextResponse(f"query error: {exc}", status_code=400)
    except OSError as exc:
        return PlainTextResponse(f"store error: {exc}", status_code=500)


def _update(store: ox.Store, update: str) -> Response:
    try:
        if has_view(store):  # the update may change any graph the view mirrors: rebuilt, in the same transaction
            update = update.rstrip().rstrip(";") + "\n;\n" + REBUILD_VIEW
        store.update(update)
        store.flush()
    except (SyntaxError, ValueError) as exc:
        return PlainTextResponse(f"update error: {exc}", status_code=400)
    except OSError as exc:
        return PlainTextResponse(f"store error: {exc}", status_code=500)
    return Response(status_code=204)


def run(app: Starlette, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until interrupted."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


@contextmanager
def background(app: Starlette, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve in a thread while the block runs (a notebook, a test); yields the base URL.
    Port 0 takes a free port."""
    import socket
    import threading
    import time

    import uvicorn

    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", server_header=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    if not server.started:
        raise DiplographError("the server did not start")
    try:
        bound = sock.getsockname()[1]
        yield f"http://{'[' + host + ']' if ':' in host else host}:{bound}/"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


_ASSETS = {"yasgui.min.js": ("yasgui/yasgui.min.js", "text/javascript; charset=utf-8"),
           "yasgui.min.css": ("yasgui/yasgui.min.css", "text/css; charset=utf-8"),
           "query-page.js": ("query-page.js", "text/javascript; charset=utf-8")}
_PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
             "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'")
_START_QUERY = """PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

# Events by type: pick a shipped query on the left, or write your own.
SELECT ?type (COUNT(DISTINCT ?event) AS ?events) WHERE {
  VALUES ?type { dg:BilateralMeeting dg:MultilateralMeeting dg:OfficialVisit dg:CourtesyCall dg:AgreementSigning }
  ?event a ?type .
} GROUP BY ?type ORDER BY DESC(?events)
"""

__all__ = ["ShippedQuery", "background", "create_app", "open_for_serving", "run", "shipped_queries", "uses_service"]
