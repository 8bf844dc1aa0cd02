"""The embedded store: an on-disk Oxigraph (RocksDB) directory, one writer at a time.

* **Transactions.** Every change set — the drop of a release's old graph, the
  shared and derived facts it affects, its new graph — is one SPARQL Update,
  which Oxigraph applies in one transaction: a killed process leaves each
  release either wholly in or wholly out. Release graphs go into it as the
  N-Triples text the worker processes wrote (:mod:`diplograph.rdf.ntriples`).
* **One writer.** A writer holds an exclusive ``flock`` on ``diplograph.lock``
  inside the store directory (the lock dies with its process, so a killed
  ingest never leaves a stale lock); a second writer gets a
  :class:`~diplograph.errors.StoreError` at once, naming the writer's pid
  (:mod:`diplograph.store_directory`, which also creates a new store whole).
* **Readers** open the directory read-only and need no lock. While a writer
  works they see the store as it was when they opened it. Oxigraph documents
  reading while another process writes as undefined behaviour; in our tests a
  reader only ever sees whole releases, and an I/O error while reading becomes a
  StoreError that says to retry. Writers flush on close, so the next reader
  does not replay a long write-ahead log.
* **Queries** read the default graph, which on this store is a *view*: every
  triple of the release graphs, the shared descriptions and the derived facts,
  each once — what the union of all graphs reads as on Virtuoso or GraphDB, so the
  shipped queries read the same on every store; ``GRAPH ?g`` still finds the
  release that states a fact. Not Oxigraph's own union graph: it repeats a triple
  once per graph stating it (oxigraph#1919, fixed after 0.5.13), so a meeting
  reported by four releases gives 4⁸ solutions to a query joining eight of its
  properties; and a single graph is read faster than several. Shared descriptions
  live in :data:`~diplograph.store_layout.SHARED_GRAPH`, as on a server.
  :meth:`EmbeddedStore.apply` keeps the view in the same transaction as the change.
  A store written before the view existed (shared descriptions in the default
  graph) is read through the union until its next writer converts it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError, StoreError
from .query_guard import check_limits
from .rdf.ntriples import line
from .rdf.terms import Term
from .results import Results
from .sparql import inject_values
from .store_directory import create_atomically, creation_leftover, lock_writer, unlock, writer_pid
from .store_layout import DERIVED_GRAPH, RELEASE_PREFIX, SHARED_GRAPH, ChangeSet, update_text
from .store_opening import DAMAGED_ADVICE, check_format, damaged, open_error, open_read_only

# Quads a writer writes between two flushes of RocksDB's write buffers to disk: without them the
# buffers of a long ingest grow past a gigabyte. Each flush leaves small files that RocksDB's
# background threads merge into the big ones, rewriting them: flushing every 200 000 quads made that
# merging cost the writer as much CPU as its own work; 1 000 000 halved it but held the writer
# near 1.5 GB. 500 000 keeps the whole ingest under 2 GB.
FLUSH_EVERY = 500_000
_DEFAULT = ox.DefaultGraph()
# The view (the default graph) rebuilt from what it mirrors, as SPARQL Update: for a store written
# before it existed, and after a raw update through ``diplograph serve --allow-update``.
REBUILD_VIEW = (f"CLEAR SILENT DEFAULT ;\nINSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                f"FILTER(STRSTARTS(STR(?g), \"{RELEASE_PREFIX}\") || ?g IN (<{SHARED_GRAPH.value}>, "
                f"<{DERIVED_GRAPH.value}>)) }}")


def has_view(store: ox.Store) -> bool:
    """Whether the default graph is the view (a store written by this version), rather than the
    shared descriptions (a graph file loaded in memory, a store written before the view existed)."""
    return store.contains_named_graph(SHARED_GRAPH)


def query_options(store: ox.Store) -> dict:
    """How to query a diplograph store through pyoxigraph: its default graph when that is the view,
    else the union of all graphs."""
    return {} if has_view(store) else {"use_default_graph_as_union": True}


class EmbeddedStore:
    """An Oxigraph store: on disk (``open``) or in memory (``in_memory``, e.g. a graph file to query)."""

    max_values = 2000

    def __init__(self, store: ox.Store, path: Path | None = None, lock_fd: int | None = None,
                 writer_pid: int | None = None) -> None:
        self._store: ox.Store | None = store
        self.path = path
        self._lock_fd = lock_fd
        self.writer_pid = writer_pid  # another process writing while we read, if any
        self._unflushed = 0  # quads written since the last flush

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(cls, path: Path, *, write: bool = False, upgrade: bool = False) -> EmbeddedStore:
        """Open the store at ``path``: for writing (created if missing, locked) or read-only.

        A store in an older Oxigraph storage format (pyoxigraph 0.3) is opened for writing only
        with ``upgrade=True``: Oxigraph converts it in place when it opens it for writing, and
        older versions cannot read it afterwards. Without it, and always for reading, it is a
        :class:`~diplograph.errors.StoreError` that says to copy the folder first.
        """
        path = Path(path)
        if write:
            return cls._open_writer(path, upgrade=upgrade)
        if not (path / "CURRENT").is_file():
            raise StoreError(f"{path}: no diplograph store there (create one with: diplograph ingest INPUT --store {path})")
        pid = writer_pid(path)
        return cls(open_read_only(path, writer_pid=pid), path, writer_pid=pid)

    @classmethod
    def _open_writer(cls, path: Path, *, upgrade: bool = False) -> EmbeddedStore:
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path}: is a file, not a store directory")
        if path.is_dir() and not (path / "CURRENT").is_file() and not all(
                creation_leftover(item.name) for item in path.iterdir()):
            raise StoreError(f"{path}: is a directory with other files in it, not a diplograph store; "
                             "give a new or an existing store directory")
        path.mkdir(parents=True, exist_ok=True)
        fd = lock_writer(path)
        try:
            if not (path / "CURRENT").is_file():
                create_atomically(path)
            else:
                check_format(path, upgrade=upgrade)
            store = ox.Store(str(path))
            _convert(store)
        except StoreError:
            unlock(fd)
            raise
        except (OSError, RuntimeError) as exc:  # RuntimeError: RocksDB found the files damaged
            unlock(fd)
            raise open_error(path, exc, "writing") from exc
        return cls(store, path, lock_fd=fd)

    @classmethod
    def in_memory(cls, data: Path | None = None) -> EmbeddedStore:
        """A store in memory, loaded from an RDF file (.trig .nq .ttl .nt .jsonld) when given.

        The file is read as every user's file is (:func:`diplograph.rdf.files.read_quads`:
        no XML entities, no network); an unreadable one is an :class:`~diplograph.errors.InputError`.
        """
        if data is None:
            store = ox.Store()
            store.add_graph(SHARED_GRAPH)  # an empty store with a view, kept up to date by apply()
            return cls(store)
        from .rdf.files import load_store

        return cls(load_store(Path(data)))

    @property
    def writable(self) -> bool:
        return self._lock_fd is not None or self.path is None

    def close(self) -> None:
        if self._store is None:
            return
        try:
            if self._lock_fd is not None:
                with self.guard("flushing to disk"):
                    self._store.flush()
                    self._store = None  # RocksDB closes when the last reference goes
                    ox.Store(str(self.path))  # and opening it again deletes the write-ahead logs flushed
        finally:
            self._store = None
            if self._lock_fd is not None:
                unlock(self._lock_fd)
                self._lock_fd = None

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.close()
            return
        try:
            self.close()
        except StoreError:
            pass  # the error that ended the block is the one to report (a damaged store fails both)

    @property
    def ox(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"{self.path or 'store'}: already closed")
        return self._store

    def describe(self) -> str:
        return str(self.path) if self.path else "in-memory store"

    @contextmanager
    def guard(self, doing: str) -> Iterator[None]:
        """Oxigraph's errors while ``doing`` something as one StoreError: damaged files found
        while reading (RocksDB checks each block it reads, not the whole store on opening) say
        so and what to do; a failed read while another process writes says to retry."""
        try:
            yield
        except (OSError, RuntimeError) as exc:
            detail = " ".join(str(exc).split())[:300]
            if damaged(detail):
                raise StoreError(f"{self.describe()}: the store is damaged ({doing} failed: {detail}); "
                                 f"{DAMAGED_ADVICE}") from exc
            hint = f" (process {self.writer_pid} is writing it; retry when it is done)" if self.writer_pid else ""
            raise StoreError(f"{self.describe()}: {doing} failed{hint}: {detail}") from exc

    # ----------------------------------------------------------------- reading

    def query(self, text: str, bindings: dict[str, Term | None] | None = None) -> Results:
        """Run a SELECT or ASK on every release's facts with the shared and derived ones.

        Bindings (RDF terms; None = unbound) go in as a VALUES block at the start of the
        outermost group, as for a remote server. Not pyoxigraph's ``substitutions``: those
        follow SEP-0007, joining the values with the *projected* variables after the query
        ran, so a ``FILTER(?date >= ?from)`` would never see ``?from``.
        """
        return self._run(inject_values(text, bindings or {}), union=True)

    def select(self, text: str) -> Results:
        """A query on the store's own default graph (maintenance: it names the graphs it reads)."""
        return self._run(text, union=False)

    def _run(self, text: str, *, union: bool) -> Results:
        check_limits(text)  # the engine's parser would overflow the stack (a crash, not an error) first
        try:
            with self.guard("read"):
                answer = self.ox.query(text, **(query_options(self.ox) if union else {}))
                if isinstance(answer, ox.QueryTriples):
                    raise QueryError("only SELECT and ASK queries give results here; for graphs use diplograph export")
                return Results.from_oxigraph(answer)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {exc}") from exc

    def release_graphs(self) -> list[ox.NamedNode]:
        with self.guard("read"):
            return sorted((g for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode)
                           and g.value.startswith(RELEASE_PREFIX)), key=str)

    def graph_quads(self, graphs: Sequence[ox.NamedNode]) -> Iterator[ox.Quad]:
        """The quads of these release graphs, graph by graph."""
        with self.guard("read"):
            for g in graphs:
                yield from self.ox.quads_for_pattern(None, None, None, g)

    @property
    def shared_clause(self) -> str:
        """Where maintenance queries find the shared descriptions: their own graph, as on a server
        (the default graph is the view) — or, in a store written before the view existed and in a
        graph file loaded in memory, the default graph itself."""
        return f"GRAPH <{SHARED_GRAPH.value}>" if has_view(self.ox) else ""

    def shared_quads(self, subjects: Iterable[ox.NamedNode] | None = None) -> Iterator[ox.Quad]:
        """Shared descriptions, all or those of ``subjects``, named as in a graph file: in the
        default graph. Read from where this store keeps them (see :attr:`shared_clause`)."""
        graph = SHARED_GRAPH if has_view(self.ox) else _DEFAULT
        for q in self._graph_of(graph, subjects):
            yield ox.Quad(q.subject, q.predicate, q.object, _DEFAULT)

    def derived_quads(self, subjects: Iterable[ox.NamedNode] | None = None) -> Iterator[ox.Quad]:
        return self._graph_of(DERIVED_GRAPH, subjects)

    def _graph_of(self, graph: ox.NamedNode | ox.DefaultGraph, subjects: Iterable[ox.NamedNode] | None
                  ) -> Iterator[ox.Quad]:
        with self.guard("read"):
            if subjects is None:
                yield from self.ox.quads_for_pattern(None, None, None, graph)
                return
            for s in sorted(set(subjects), key=str):
                yield from self.ox.quads_for_pattern(s, None, None, graph)

    def count(self) -> int:
        """Every quad in the store (all of them are diplograph's)."""
        with self.guard("read"):
            return len(self.ox)

    # ----------------------------------------------------------------- writing

    def apply(self, change: ChangeSet) -> None:
        """Apply a change set in one transaction: all of it or, if anything fails, none of it."""
        if not self.writable:
            raise StoreError(f"{self.describe()}: opened read-only")
        if not change:
            return
        with self.guard("reading before a write (nothing was stored)"):
            view = has_view(self.ox)
            if view:
                change = self._with_view(change)
        try:
            with self.guard("write (nothing of it was stored)"):
                self.ox.update(update_text(change, mirror_put=view))
        except SyntaxError as exc:
            raise StoreError(f"{self.describe()}: write failed, nothing of it was stored: {exc}") from exc
        self._unflushed += len(change.delete) + len(change.insert) + sum(len(ts) for ts in change.put.values())
        if self._unflushed >= FLUSH_EVERY and self.path is not None:
            self._unflushed = 0
            with self.guard("flushing to disk"):
                self.ox.flush()  # what was applied is already durable (write-ahead log); this frees memory

    def _with_view(self, change: ChangeSet) -> ChangeSet:
        """The change as this store applies it: shared quads in the shared graph, and the view
        following — every triple the change adds to a shared or derived graph in it (those of the
        release graphs it puts go in with them: ``update_text(…, mirror_put=True)``), and out every
        triple the change takes from one of them that no graph the view mirrors still has."""
        shared = lambda q: (ox.Quad(q.subject, q.predicate, q.object, SHARED_GRAPH)  # noqa: E731
                            if isinstance(q.graph_name, ox.DefaultGraph) else q)
        delete = [shared(q) for q in change.delete]
        insert = [shared(q) for q in change.insert]
        added = {q.triple for q in insert if q.graph_name in _MIRRORED}
        candidates = {q.triple for g in change.drop for q in self.ox.quads_for_pattern(None, None, None, g)}
        candidates.update(q.triple for q in delete if q.graph_name in _MIRRORED)
        gone = []
        if candidates:  # only when releases go or shared and derived triples are retracted
            put = {text for ts in change.put.values() for text in ts.lines()}
            deleted = {stored for q in delete  # as stored: Oxigraph writes some literals canonically (…Z)
                       for stored in self.ox.quads_for_pattern(q.subject, q.predicate, q.object, q.graph_name)}
            dropped = set(change.drop)
            for t in candidates.difference(added):
                if line(t) not in put and not any(
                        _mirrored(q, dropped, deleted)
                        for q in self.ox.quads_for_pattern(t.subject, t.predicate, t.object, None)):
                    gone.append(ox.Quad(t.subject, t.predicate, t.object, _DEFAULT))
        view = [ox.Quad(t.subject, t.predicate, t.object, _DEFAULT) for t in added]
        return ChangeSet(change.drop, delete + gone, change.put, insert + view)


_MIRRORED = (SHARED_GRAPH, DERIVED_GRAPH)  # with the release graphs


def _mirrored(q: ox.Quad, dropped: set[ox.NamedNode], deleted: set[ox.Quad]) -> bool:
    """Whether a stored quad still stands, after a change, in a graph the view mirrors."""
    g = q.graph_name
    if g in _MIRRORED:
        return q not in deleted
    return isinstance(g, ox.NamedNode) and g.value.startswith(RELEASE_PREFIX) and g not in dropped


def _convert(store: ox.Store) -> None:
    """Give a store without a view one, in one transaction: a new store, or one written before the
    view existed (its shared descriptions move from the default graph to the shared graph)."""
    if has_view(store):
        return
    if next(iter(store.quads_for_pattern(None, None, None, None)), None) is None:
        store.add_graph(SHARED_GRAPH)
        return
    store.update(f"CREATE SILENT GRAPH <{SHARED_GRAPH.value}> ;\nADD SILENT DEFAULT TO <{SHARED_GRAPH.value}> ;\n"
                 f"{REBUILD_VIEW}")


__all__ = ["EmbeddedStore", "FLUSH_EVERY", "REBUILD_VIEW", "check_format", "has_view", "open_error",
           "open_read_only", "query_options"]
