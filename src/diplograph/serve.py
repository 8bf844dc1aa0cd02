"""``diplograph serve``: a local SPARQL 1.1 Protocol endpoint, a query page and the network page.

A small Starlette app over pyoxigraph (Oxigraph parses, plans and serialises;
Starlette does HTTP; uvicorn serves). We chose this over rdflib-endpoint, whose
results go through rdflib's slower result model and whose page loads YASGUI
from a CDN.

* ``GET|POST /sparql`` — the SPARQL 1.1 Protocol: ``query`` as a URL parameter,
  a form field or an ``application/sparql-query`` body; ``default-graph-uri`` and
  ``named-graph-uri``; results as JSON, XML, CSV or TSV (SELECT/ASK) or Turtle,
  N-Triples, RDF/XML or JSON-LD (CONSTRUCT/DESCRIBE), by the Accept header,
  streamed as the engine writes them. Without ``default-graph-uri`` the default
  graph is the store's query view (every release, shared and derived triple once;
  the union of all graphs for a store without one), as for ``diplograph query``.
* Every query runs in a worker process (:mod:`diplograph.query_pool`): a query
  that crashes the engine, runs past ``--timeout`` or is abandoned by its client
  costs a worker, never the server. Size and nesting are checked before any
  parser runs, and ``SERVICE``/``LOAD`` are found on a parse tree
  (:mod:`diplograph.query_guard`).
* SPARQL Update is refused with 403 unless the server was started with
  ``allow_update``; then it is accepted by POST only, from this server's own
  page (its Origin) or from a client without an Origin that shows the update
  token — never from another site, and never by GET. The writer's lock
  (``diplograph.lock``) is held while serving, and each update rebuilds the
  query view in the same transaction.
* ``/`` — YASGUI, vendored and served from here, with the shipped queries
  (``queries/*.rq``) in a side list; ``/network`` — the interactive network page
  (``?view=countries&since=2023&topic=tourism&include_planned=yes``).
* Requests whose ``Host`` is not this machine, or that come from a page of
  another origin, are refused (DNS rebinding, cross-site form posts).
"""

from __future__ import annotations

import fcntl
import hmac
import os
import secrets
import signal
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
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
from starlette.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    Response,
)
from starlette.routing import Route

from .errors import DiplographError, QueryError, StoreError
from .network.source import open_store
from .query_guard import QueryLimits, check_limits
from .query_pool import Refused, ServeLimits, WorkerPool
from .query_worker import Job, StoreHandle
from .serve_answer import answer, request_body
from .viz.page import asset, script_json

LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
_LIMITS, _QUERY_LIMITS = ServeLimits(), QueryLimits()


def shipped_queries() -> list[dict[str, Any]]:
    """The shipped queries as the query page lists them: name, title, text and typed parameters."""
    from . import queries

    try:
        shipped = queries.shipped()
    except DiplographError:
        return []
    return [{"name": q.name, "description": q.title or q.name, "text": q.text,
             "params": [{"name": p.name, "type": p.type, "required": p.required, "description": p.description,
                         "expects": queries.PARAM_TYPES[p.type]} for p in q.params]}
            for q in shipped.values()]


def filled_query(name: str, values: dict[str, str], store: ox.Store) -> str:
    """A shipped query's text with its parameters' values in a VALUES block, checked and escaped as
    ``diplograph query --param`` does (a person's name is looked up in ``store``)."""
    from . import queries
    from .sparql import inject_values
    from .store import EmbeddedStore

    query = queries.shipped().get(name)
    if query is None:
        raise QueryError(f"no shipped query named {name!r}")
    return inject_values(query.text, queries.bind(query, values, EmbeddedStore(store)))


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


@dataclass
class ServedStore:
    """The on-disk store the workers open: the user's store directory, or a private copy of a graph
    file or in-memory store (which worker processes could not share otherwise)."""

    path: Path
    label: str
    lock: WriterLock | None = None
    temporary: tempfile.TemporaryDirectory | None = field(default=None, repr=False)


def open_for_serving(source: Path | ox.Store, *, allow_update: bool) -> ServedStore:
    """The store to serve. A store directory is served in place (its writer lock taken when updates
    are allowed); a graph file or an in-memory store is copied into a temporary store first."""
    if isinstance(source, Path) and source.is_dir():
        open_store(source)  # a readable store, or a clear StoreError now rather than in every worker
        return ServedStore(source, str(source), WriterLock(source) if allow_update else None)
    data = open_store(source)
    temporary = tempfile.TemporaryDirectory(prefix="diplograph-serve-")
    copy = ox.Store(temporary.name)
    copy.bulk_load(data.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    copy.flush()
    del copy  # closed: the workers open it
    label = str(source) if isinstance(source, Path) else "a store in memory"
    return ServedStore(Path(temporary.name), label, temporary=temporary)


def create_app(served: ServedStore | Path | ox.Store, *, allow_update: bool = False, allow_service: bool = False,
               hosts: list[str] | None = None, limits: ServeLimits = _LIMITS,
               query_limits: QueryLimits = _QUERY_LIMITS, update_token: str | None = None) -> Starlette:
    """The ASGI app serving ``served``; its workers start and stop with the app (its lifespan).

    With updates allowed, a client without an Origin header must send ``Authorization: Bearer
    TOKEN``; the token is ``update_token`` or a random one, in ``app.state.update_token``.
    """
    if not isinstance(served, ServedStore):
        served = open_for_serving(served, allow_update=allow_update)
    listed = shipped_queries()
    pool = WorkerPool(str(served.path), allow_service=allow_service, allow_update=allow_update, limits=limits)
    pictures = StoreHandle(str(served.path), writable=False)  # the network page reads in this process
    token = update_token or secrets.token_urlsafe(24)
    max_body = 9 * query_limits.max_length + 4096  # a form-encoded query of the longest length (%XX per byte)

    async def sparql(request: Request) -> Response:
        if not _same_origin(request):
            return PlainTextResponse("cross-origin requests are refused", status_code=403)
        try:
            body = await request_body(request, max_body)
        except Refused as exc:
            return PlainTextResponse(exc.message, status_code=exc.status)
        params = {k: v for k, v in parse_qs(request.url.query, keep_blank_values=True).items()}
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        query = update = None
        if request.method == "POST":
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
            if (refusal := _update_refusal(request, token)) is not None:
                return PlainTextResponse(refusal, status_code=403 if request.method == "POST" else 405)
            job = Job("update", update)
        elif not query:
            return PlainTextResponse("give a SPARQL query: ?query=…", status_code=400)
        else:
            try:
                graphs = {key: tuple(_graph_iri(g, key) for g in params.get(key, []))
                          for key in ("default-graph-uri", "named-graph-uri")}
            except QueryError as exc:
                return PlainTextResponse(str(exc), status_code=400)
            job = Job("query", query, request.headers.get("accept", ""), graphs["default-graph-uri"],
                      graphs["named-graph-uri"])
        try:
            check_limits(job.text, query_limits)
        except QueryError as exc:
            return PlainTextResponse(str(exc), status_code=400)
        return await answer(pool, job, request)

    async def page(request: Request) -> Response:
        data = {"endpoint": str(request.url_for("sparql")), "readOnly": not allow_update,
                "startQuery": _START_QUERY, "queries": listed}
        body = Template(asset("query.html")).substitute(
            data=script_json(data), mode="read-only" if not allow_update else "updates allowed")
        return HTMLResponse(body, headers={"Content-Security-Policy": _PAGE_CSP})

    async def fill(request: Request) -> Response:
        """``/queries/NAME?param=value``: the query ready to run, or 400 saying which value is missing
        or wrong — so the page never runs a query without the parameters it needs."""
        values = dict(request.query_params)
        try:
            text = await run_in_threadpool(filled_query, request.path_params["name"], values, pictures.get())
        except QueryError as exc:
            return PlainTextResponse(str(exc).replace("give --param", "give"), status_code=400)
        return PlainTextResponse(text, media_type="application/sparql-query")

    async def network(request: Request) -> Response:
        from .network import load_facts
        from .network.views import project
        from .queries import parse_flag
        from .viz import describe_filters, title_for
        from .viz.page import network_html

        q = request.query_params
        view, lang = q.get("view") or "people", q.get("lang") or "en"
        since, until, topic = q.get("since") or None, q.get("until") or None, q.get("topic") or None
        try:
            # the switch the commands' --include-planned is, as the query page's parameter takes it
            planned = parse_flag(q.get("include_planned") or "no", "include_planned")

            def build() -> str:
                facts = load_facts(pictures.get(), since=since, until=until, topic=topic, include_planned=planned)
                graph = project(facts, view, lang=lang)
                subtitle = describe_filters(since=since, until=until, topic=topic, include_planned=planned)
                return network_html(graph, facts, title=title_for(view), subtitle=subtitle, lang=lang)
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
        return JSONResponse(listed)

    async def no_icon(request: Request) -> Response:
        return Response(status_code=204)  # browsers ask for one; a 404 would be a console error

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            await pool.stop()

    routes = [Route("/", page), Route("/sparql", sparql, methods=["GET", "POST"], name="sparql"),
              Route("/network", network), Route("/queries", listing), Route("/queries/{name}", fill),
              Route("/assets/{name}", static),
              Route("/favicon.ico", no_icon)]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=LOCAL_HOSTS + list(hosts or []))]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.update_token = token if allow_update else None
    app.state.served = served
    return app


def _one(params: dict[str, list[str]], key: str) -> str | None:
    values = params.get(key)
    return values[0] if values else None


def _graph_iri(value: str, key: str) -> str:
    try:
        return ox.NamedNode(value).value
    except ValueError as exc:
        raise QueryError(f"{key} {value!r} is not an absolute IRI: {exc}") from exc


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if not origin or origin == "null" and request.method == "GET":
        return True
    return origin.split("://", 1)[-1] == request.headers.get("host", "")


def _update_refusal(request: Request, token: str) -> str | None:
    """Why this request may not update (None: it may). A browser always sends an Origin with a POST, and
    only this server's own page has this origin; a client without one must know the token."""
    if request.method != "POST":
        return "SPARQL Update is accepted only by POST"
    if request.headers.get("origin"):
        return None  # _same_origin has refused every other origin, and "null" on a POST
    given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    if hmac.compare_digest(given.encode(), token.encode()):
        return None
    return ("an update from a client without an Origin header must carry the update token: "
            "'Authorization: Bearer TOKEN' (diplograph serve prints it, or set it with --update-token)")


def run(app: Starlette, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until interrupted."""
    import uvicorn

    class Server(uvicorn.Server):
        @contextmanager
        def capture_signals(self) -> Iterator[None]:
            """SIGTERM and Ctrl-C stop the server, and that is all: uvicorn's own handler raises the
            signal again once stopped, which prints a KeyboardInterrupt traceback from the lifespan."""
            previous = {sig: signal.signal(sig, self.handle_exit) for sig in (signal.SIGINT, signal.SIGTERM)}
            try:
                yield
            finally:
                for sig, handler in previous.items():
                    signal.signal(sig, handler)

    # a second after SIGTERM or Ctrl-C, requests still running are cancelled and their workers killed
    Server(uvicorn.Config(app, host=host, port=port, log_level="warning", server_header=False,
                          timeout_graceful_shutdown=1)).run()


@contextmanager
def background(app: Starlette, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve in a thread while the block runs (a notebook, a test); yields the base URL.
    Port 0 takes a free port."""
    import socket
    import threading

    import uvicorn

    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", server_header=False, lifespan="on",
                                           timeout_graceful_shutdown=1))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
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

__all__ = ["ServedStore", "background", "create_app", "filled_query", "open_for_serving", "run", "shipped_queries"]
