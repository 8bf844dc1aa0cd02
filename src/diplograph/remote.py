"""A remote SPARQL 1.1 server as a diplograph store: queries, Graph Store Protocol, SPARQL Update.

Queries go through SPARQLWrapper; writes PUT each release's named graph with
the Graph Store Protocol (one request replaces a release) and POST shared and
derived facts to their graphs; retractions are SPARQL Update requests of at
most :data:`DELETE_CHUNK` triples (Virtuoso refuses much bigger ``DATA``
blocks). HTTP Basic and Digest authentication both work (Virtuoso's
``/sparql-auth`` and ``/sparql-graph-crud-auth`` want Digest).

Credentials come from ``DIPLOGRAPH_USER`` / ``DIPLOGRAPH_PASSWORD`` or from
``~/.config/diplograph/credentials.toml`` (mode 600; see
:func:`load_credentials`) — never from the command line, and never into a log
or an error message: every message is scrubbed of the password before it is
raised. Transient failures (connection errors, timeouts, 429/502/503/504) are
retried with exponential backoff.

Traps handled here: Virtuoso silently truncates results at its
``ResultSetMaxRows`` and says so only in the ``X-SPARQL-MaxRows`` header —
such results are fetched again page by page; Virtuoso answers ASK as a
one-row SELECT; a fresh Virtuoso holds ~2 500 system triples, so everything
here is scoped to diplograph's graphs. A server offers no transaction across
requests: an interrupted remote ingest can leave one release's shared or
derived facts behind, and running the ingest again repairs them.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import re
import socket
import stat
import time
import tomllib
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, quote_plus, urlsplit

import pyoxigraph as ox

from . import __version__
from .errors import QueryError, StoreError
from .wording import count
from .rdf.namespaces import DG, ID_IRI
from .rdf.ntriples import NTriples
from .rdf.terms import Term
from .results import Results
from .sparql import inject_values, paged, query_form, values_block
from .store_layout import DERIVED_GRAPH, SHARED_GRAPH, SUPPORT_GRAPH, ChangeSet

log = logging.getLogger(__name__)

DELETE_CHUNK = 400
_RETRY_STATUS = {429, 502, 503, 504}


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class Endpoints:
    """Where a server answers queries, updates and Graph Store Protocol requests."""

    query: str
    update: str | None = None
    gsp: str | None = None

    @classmethod
    def guess(cls, query: str, update: str | None = None, gsp: str | None = None) -> Endpoints:
        """Fill in the write endpoints from the query URL's shape when not given.

        ``…/sparql`` at the root: Virtuoso (``/sparql-auth``, ``/sparql-graph-crud-auth``);
        ``…/repositories/ID``: GraphDB and RDF4J (``/statements``, ``/rdf-graphs/service``);
        ``…/DATASET/sparql`` or ``…/DATASET/query``: Fuseki (``/update``, ``/data``).
        """
        for url in (query, update, gsp):
            if url and (urlsplit(url).username or urlsplit(url).password):
                raise StoreError("a server URL must not carry credentials; put them in DIPLOGRAPH_USER and "
                                 "DIPLOGRAPH_PASSWORD or in ~/.config/diplograph/credentials.toml")
        parts = urlsplit(query)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise StoreError(f"{_safe_url(query)}: not an http(s) URL of a SPARQL endpoint")
        base = f"{parts.scheme}://{parts.netloc}"
        path = parts.path.rstrip("/")
        guessed: tuple[str | None, str | None] = (None, None)
        if path == "/sparql":
            guessed = (base + "/sparql-auth", base + "/sparql-graph-crud-auth")
        elif re.search(r"/repositories/[^/]+$", path):
            guessed = (base + path + "/statements", base + path + "/rdf-graphs/service")
        elif path.endswith(("/sparql", "/query")) and path.count("/") >= 2:
            dataset = path.rsplit("/", 1)[0]
            guessed = (base + dataset + "/update", base + dataset + "/data")
        return cls(query, update or guessed[0], gsp or guessed[1])


def credentials_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("DIPLOGRAPH_CREDENTIALS"):
        return Path(env["DIPLOGRAPH_CREDENTIALS"])
    config = Path(env["XDG_CONFIG_HOME"]) if env.get("XDG_CONFIG_HOME") else Path.home() / ".config"
    return config / "diplograph" / "credentials.toml"


def load_credentials(url: str, env: Mapping[str, str] | None = None) -> Credentials | None:
    """The user and password for the server at ``url``, or None.

    ``DIPLOGRAPH_USER`` and ``DIPLOGRAPH_PASSWORD`` win; else the credentials
    file (``DIPLOGRAPH_CREDENTIALS``, default ``~/.config/diplograph/credentials.toml``),
    which must not be readable by others, with one table per server origin or a
    ``[default]`` one::

        ["http://127.0.0.1:8890"]
        user = "dba"
        password = "…"
    """
    env = os.environ if env is None else env
    user, password = env.get("DIPLOGRAPH_USER"), env.get("DIPLOGRAPH_PASSWORD")
    if user and password:
        return Credentials(user, password)
    if user or password:
        raise StoreError("set both DIPLOGRAPH_USER and DIPLOGRAPH_PASSWORD, or neither")
    path = credentials_path(env)
    if not path.is_file():
        return None
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise StoreError(f"{path}: other users can read it (mode {mode:o}); run: chmod 600 {path}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise StoreError(f"{path}: cannot read the credentials file: {type(exc).__name__}") from None
    parts = urlsplit(url)
    section = data.get(f"{parts.scheme}://{parts.netloc}") or data.get("default")
    if not isinstance(section, dict):
        return None
    if not section.get("user") or not section.get("password"):
        raise StoreError(f"{path}: the table for {parts.scheme}://{parts.netloc} needs both user and password")
    return Credentials(str(section["user"]), str(section["password"]))


class RemoteStore:
    """A SPARQL 1.1 server holding diplograph's graphs (shared descriptions in :data:`SHARED_GRAPH`)."""

    shared_clause = f"GRAPH <{SHARED_GRAPH.value}>"
    max_values = 200

    def __init__(self, endpoints: Endpoints, credentials: Credentials | None = None, *, timeout: float = 60,
                 retries: int = 3, backoff: float = 0.5, query_auth: str | None = None) -> None:
        self.endpoints = endpoints
        self._credentials = credentials
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self.query_auth = query_auth  # "digest" or "basic" when the query endpoint wants credentials too
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        if credentials:
            for url in (endpoints.query, endpoints.update, endpoints.gsp):
                if url:
                    manager.add_password(None, url, credentials.user, credentials.password)
        self._opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(manager),
                                                   urllib.request.HTTPBasicAuthHandler(manager))

    @classmethod
    def connect(cls, query: str, update: str | None = None, gsp: str | None = None, *,
                env: Mapping[str, str] | None = None, timeout: float = 60) -> RemoteStore:
        endpoints = Endpoints.guess(query, update, gsp)
        env = os.environ if env is None else env
        auth = env.get("DIPLOGRAPH_QUERY_AUTH") or None
        if auth not in (None, "digest", "basic"):
            raise StoreError("DIPLOGRAPH_QUERY_AUTH must be digest or basic")
        return cls(endpoints, load_credentials(query, env), timeout=timeout, query_auth=auth)

    writer_pid = None

    def describe(self) -> str:
        return _safe_url(self.endpoints.query)

    def close(self) -> None:
        pass

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- reading

    def query(self, text: str, bindings: dict[str, Term | None] | None = None) -> Results:
        """A SELECT or ASK; bindings go in as a VALUES block of serialised terms (None = UNDEF)."""
        if query_form(text) not in ("SELECT", "ASK"):
            raise QueryError("only SELECT and ASK queries give results here; for graphs use diplograph export")
        return self._select_all(inject_values(text, bindings or {}))

    def select(self, text: str) -> Results:
        return self._select_all(text)

    def _select_all(self, text: str) -> Results:
        data, max_rows = self._send_query(text)
        results = Results.from_json(data)
        if results.boolean is not None or max_rows is None or len(results.rows) < max_rows:
            return results
        log.debug("result truncated at %d rows by the server; paging", max_rows)
        rows, offset = [], 0
        while True:
            data, _ = self._send_query(paged(text, results.vars, max_rows, offset))
            page = Results.from_json(data)
            rows += page.rows
            if len(page.rows) < max_rows:
                return Results(results.vars, rows)
            offset += max_rows

    def _send_query(self, text: str) -> tuple[dict, int | None]:
        """POST one query; the JSON answer and the server's row cap when it says it applied one."""
        from SPARQLWrapper import BASIC, DIGEST, JSON, POST, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

        log.debug("query %s", text)
        wrapper = SPARQLWrapper(self.endpoints.query, agent=f"diplograph/{__version__}")
        wrapper.setQuery(text)
        wrapper.setMethod(POST)
        wrapper.setReturnFormat(JSON)
        wrapper.setTimeout(max(int(self.timeout), 1))
        if self._credentials and self.query_auth:
            wrapper.setHTTPAuth(DIGEST if self.query_auth == "digest" else BASIC)
            wrapper.setCredentials(self._credentials.user, self._credentials.password)
        for attempt in range(self.retries + 1):
            try:
                response = wrapper.query()
                data = json.loads(response.response.read().decode("utf-8"))
                cap = response.info().get("x-sparql-maxrows")
                return data, int(cap) if cap and cap.isdigit() else None
            except QueryBadFormed as exc:
                raise QueryError(self._scrub(f"{self.describe()} rejected the query: {_short(exc)}")) from None
            except urllib.error.HTTPError as exc:
                if exc.code in _RETRY_STATUS and attempt < self.retries:
                    self._sleep(attempt)
                    continue
                raise StoreError(self._scrub(f"{self.describe()}: HTTP {exc.code} {exc.reason}")) from None
            except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError) as exc:
                if attempt < self.retries:
                    self._sleep(attempt)
                    continue
                raise StoreError(self._scrub(f"{self.describe()}: no answer after {count(self.retries + 1, 'try', 'tries')}: "
                                             f"{_reason(exc)}")) from None
            except (SPARQLWrapperException, ValueError) as exc:
                raise StoreError(self._scrub(f"{self.describe()}: {_short(exc)}")) from None
        raise AssertionError("unreachable")

    def release_graphs(self) -> list[ox.NamedNode]:
        rows = self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{DG.PressRelease}> }} }}").rows
        return sorted((r[0] for r in rows), key=str)

    def graph_quads(self, graphs: Sequence[ox.NamedNode], chunk: int = 20) -> Iterator[ox.Quad]:
        for i in range(0, len(graphs), chunk):
            block = values_block(["g"], [[g] for g in graphs[i:i + chunk]])
            for g, s, p, o in self.select(f"SELECT ?g ?s ?p ?o WHERE {{ {block} GRAPH ?g {{ ?s ?p ?o }} }}").rows:
                yield ox.Quad(s, p, o, g)

    def shared_quads(self, subjects: Iterable[ox.NamedNode] | None = None) -> Iterator[ox.Quad]:
        return self._graph_of(SHARED_GRAPH, subjects, ox.DefaultGraph())

    def derived_quads(self, subjects: Iterable[ox.NamedNode] | None = None) -> Iterator[ox.Quad]:
        return self._graph_of(DERIVED_GRAPH, subjects, DERIVED_GRAPH)

    def _graph_of(self, graph: ox.NamedNode, subjects: Iterable[ox.NamedNode] | None,
                  name: ox.NamedNode | ox.DefaultGraph) -> Iterator[ox.Quad]:
        if subjects is None:
            for s, p, o in self.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}").rows:
                yield ox.Quad(s, p, o, name)
            return
        subjects = sorted(set(subjects), key=str)
        for i in range(0, len(subjects), self.max_values):
            block = values_block(["s"], [[s] for s in subjects[i:i + self.max_values]])
            for s, p, o in self.select(f"SELECT ?s ?p ?o WHERE {{ {block} GRAPH {graph} {{ ?s ?p ?o }} }}").rows:
                yield ox.Quad(s, p, o, name)

    def count(self) -> int:
        """Quads in diplograph's graphs (the server's own system graphs are not counted)."""
        rows = self.select(f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                           f'FILTER(STRSTARTS(STR(?g), "{ID_IRI}")) }}').rows
        return int(rows[0][0].value) if rows else 0

    # ----------------------------------------------------------------- writing

    def apply(self, change: ChangeSet) -> None:
        """Retract, then write: drops and deletions by SPARQL Update, graphs by the Graph Store Protocol."""
        if not self.endpoints.update or not self.endpoints.gsp:
            raise StoreError(f"{self.describe()}: give the server's update and graph-store URLs "
                             "(--update-url, --gsp-url) to write to it")
        drops = [f"DROP SILENT GRAPH {g}" for g in change.drop if g not in change.put]
        requests = [" ;\n".join(drops)] if drops else []
        by_graph: dict[str, list[str]] = {}
        for q in change.delete:
            g = SHARED_GRAPH if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name
            by_graph.setdefault(str(g), []).append(f"{q.subject} {q.predicate} {q.object} .")
        for g, lines in by_graph.items():  # one graph per request: Virtuoso 7.2 misses some triples of a
            for i in range(0, len(lines), DELETE_CHUNK):  # DELETE DATA that names several graphs
                requests.append(f"DELETE DATA {{ GRAPH {g} {{ {' '.join(lines[i:i + DELETE_CHUNK])} }} }}")
        for text in requests:
            self._http("POST", self.endpoints.update, text.encode("utf-8"),
                       "application/sparql-update; charset=utf-8")
        for graph, triples in change.put.items():
            self._gsp("PUT", graph, triples)
        inserts: dict[ox.NamedNode, list[ox.Triple]] = {}
        for q in change.insert:
            g = SHARED_GRAPH if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name
            inserts.setdefault(g, []).append(q.triple)
        for graph in sorted(inserts, key=lambda g: g == SUPPORT_GRAPH):  # bookkeeping last: if this
            self._gsp("POST", graph, NTriples(inserts[graph]))  # stops half-way, running it again repairs it

    def _gsp(self, method: str, graph: ox.NamedNode, triples: NTriples) -> None:
        body = triples.text.encode("utf-8")
        url = f"{self.endpoints.gsp}?graph={quote(graph.value, safe='')}"
        self._http(method, url, body, "application/n-triples; charset=utf-8")

    def _http(self, method: str, url: str, body: bytes, content_type: str) -> bytes:
        log.debug("%s %s (%d bytes)", method, _safe_url(url), len(body))
        request = urllib.request.Request(url, data=body, method=method, headers={
            "Content-Type": content_type, "User-Agent": f"diplograph/{__version__}"})
        for attempt in range(self.retries + 1):
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as exc:
                if exc.code in _RETRY_STATUS and attempt < self.retries:
                    self._sleep(attempt)
                    continue
                detail = _short(exc.read().decode("utf-8", "replace")) if exc.fp else ""
                hint = (" — check DIPLOGRAPH_USER and DIPLOGRAPH_PASSWORD (or the credentials file)"
                        if exc.code in (401, 403) else "")
                raise StoreError(self._scrub(f"{method} {_safe_url(url)}: HTTP {exc.code} {exc.reason}{hint}"
                                             + (f": {detail}" if detail and exc.code not in (401, 403) else ""))
                                 ) from None
            except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError) as exc:
                if attempt < self.retries:
                    self._sleep(attempt)
                    continue
                raise StoreError(self._scrub(f"{method} {_safe_url(url)}: no answer after {self.retries + 1} "
                                             f"tries: {_reason(exc)}")) from None
            except ValueError as exc:  # urllib's auth handlers on a scheme they do not know
                raise StoreError(self._scrub(f"{method} {_safe_url(url)}: {exc}")) from None
        raise AssertionError("unreachable")

    def _sleep(self, attempt: int) -> None:
        time.sleep(self.backoff * (2 ** attempt))

    def _scrub(self, message: str) -> str:
        """The message without the password in any form a server may echo back: as is,
        percent-encoded, or inside a Basic ``Authorization`` header (base64 of user:password)."""
        message = _AUTH_HEADER.sub(r"\1***", message)
        if self._credentials and self._credentials.password:
            password, user = self._credentials.password, self._credentials.user or ""
            forms = {password, quote(password, safe=""), quote_plus(password),
                     base64.b64encode(f"{user}:{password}".encode()).decode()}
            for form in sorted(forms, key=len, reverse=True):
                if form:
                    message = message.replace(form, "***")
        return message


_AUTH_HEADER = re.compile(r"((?:Proxy-)?Authorization\s*[:=]\s*(?:Basic|Digest|Bearer)?\s*)[^\r\n,;]+", re.I)


def _safe_url(url: str) -> str:
    """The URL without any user:password@ part."""
    parts = urlsplit(url)
    if parts.username or parts.password:
        netloc = parts.hostname or ""
        if parts.port:
            netloc += f":{parts.port}"
        return parts._replace(netloc=netloc).geturl()
    return url


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None)
    return str(reason if reason is not None else exc) or type(exc).__name__


def _short(exc: object, limit: int = 400) -> str:
    text = str(exc)
    text = re.sub(r"<[^>]+>", " ", text) if "<html" in text.lower() or "<!doctype" in text.lower() else text
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


__all__ = ["Credentials", "Endpoints", "RemoteStore", "credentials_path", "load_credentials", "DELETE_CHUNK"]
