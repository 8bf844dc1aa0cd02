"""The process a served query runs in: it may crash, overrun or be killed; the server goes on.

Oxigraph runs a query in native code: a stack overflow there kills the
process, and a runaway query cannot be interrupted from Python. So ``serve``
runs every query (and update) in a worker process of its own, and kills and
replaces it when the query runs past its time, its client leaves or it
crashes. This module is what runs inside the worker; it imports little, so a
replacement starts in a fraction of a second.

The worker talks to the server over a pipe. In: a :class:`Job`. Out: either
``("error", status, message)``, or ``("done",)`` for an update, or
``("head", media_type)`` followed by ``("chunk", bytes)`` messages and
``("end",)`` — or ``("cut", message)`` when the result outgrew its limit. The
result is written as the engine serialises it, so memory stays bounded.

When SERVICE is not allowed the worker also leaves the network: it moves into
a network namespace of its own (no interfaces but a down loopback) before it
loads the engine, so even a query the checks misread can reach no host. Where
the kernel refuses that, the worker says so once, and the parse-tree check is
the only wall.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Job:
    kind: str  # "query" or "update"
    text: str
    accept: str = ""
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class WorkerConfig:
    store: str  # an on-disk store directory
    writable: bool
    allow_service: bool
    max_result_bytes: int


class ResultTooLarge(Exception):
    pass


def main() -> None:
    """The worker process's entry point (``argv``: the socket's descriptor, the config as JSON):
    isolate, open the store, answer jobs until the socket closes."""
    conn = Connection(int(sys.argv[1]))
    config = WorkerConfig(**json.loads(sys.argv[2]))
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the server decides
    note = None if config.allow_service else isolate_network()
    threading.stack_size(256 * 2**20)  # parsers and planners recurse per nested group
    sys.setrecursionlimit(20_000)
    thread = threading.Thread(target=_serve_jobs, args=(conn, config, note))
    thread.start()
    thread.join()


def isolate_network() -> str | None:
    """Leave the network (a new network namespace); None when done, else why it could not be.

    Must run while the process has one thread: the kernel refuses a new user
    namespace to a threaded process.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(_CLONE_NEWNET) == 0:
        return None
    uid, gid = os.getuid(), os.getgid()
    if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) != 0:
        return f"network isolation unavailable ({os.strerror(ctypes.get_errno())})"
    try:  # keep our own identity inside the new user namespace, so the store's files stay ours
        Path("/proc/self/setgroups").write_text("deny")
        Path("/proc/self/uid_map").write_text(f"{uid} {uid} 1")
        Path("/proc/self/gid_map").write_text(f"{gid} {gid} 1")
    except OSError as exc:
        return f"network isolated, but the user namespace could not map ids ({exc})"
    return None


class StoreHandle:
    """The store, opened again whenever its files changed (an ingest or an update since the last job).

    A read-only Oxigraph store sees the data as it was when opened; comparing the
    directory's listing (names, sizes, times) costs a millisecond and catches
    every write.
    """

    def __init__(self, path: str, *, writable: bool) -> None:
        self.path, self.writable = path, writable
        self._store: Any = None
        self._seen: tuple = ()
        self.options: dict = {}

    def get(self) -> Any:
        import pyoxigraph as ox

        from .store import query_options

        if self.writable:
            if self._store is None:
                self._store = ox.Store(self.path)
                self.options = query_options(self._store)
            return self._store
        seen = _listing(self.path)
        if self._store is None or seen != self._seen:
            for attempt in range(_OPEN_ATTEMPTS):  # a writer may be replacing its manifest this very moment
                try:
                    self._store = ox.Store.read_only(self.path)
                    break
                except OSError:
                    if attempt == _OPEN_ATTEMPTS - 1:
                        raise
                    time.sleep(0.05 * (attempt + 1))
            self._seen = seen
            self.options = query_options(self._store)
        return self._store

    def forget(self) -> None:
        """Open the store again before the next job (a read failed: the files moved under us)."""
        self._store, self._seen = None, ()


def _listing(path: str) -> tuple:
    with os.scandir(path) as entries:
        stats = [(e.name, e.stat()) for e in entries if e.is_file()]
    return tuple(sorted((name, st.st_size, st.st_mtime_ns) for name, st in stats))


def _serve_jobs(conn: Connection, config: WorkerConfig, note: str | None) -> None:
    handle = StoreHandle(config.store, writable=config.writable)
    try:
        handle.get()
        import rdflib.plugins.sparql.parser  # noqa: F401  (loaded now, not during the first query)
    except Exception as exc:  # noqa: BLE001 - reported to the server, which says it in one line
        conn.send(("failed", f"{config.store}: cannot open the store: {exc}"))
        return
    conn.send(("ready", note))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if job.kind == "update":
                conn.send(_run_update(handle, job, config))
            else:
                _run_query(conn, handle, job, config)
        except (BrokenPipeError, EOFError):
            return


def _outgoing_refusal(job: Job, config: WorkerConfig) -> tuple | None:
    """The 400 for a SERVICE or LOAD the server may not follow (None: nothing outgoing, or allowed)."""
    from .query_guard import outgoing_operations

    if config.allow_service or not (ops := outgoing_operations(job.text, update=job.kind == "update")):
        return None
    message = (f"{' and '.join(ops)} (a request to another host) is switched off on this endpoint "
               "(start diplograph serve with --allow-service)")
    return ("error", 400, message)


def _run_query(conn: Connection, handle: StoreHandle, job: Job, config: WorkerConfig) -> None:
    if refusal := _outgoing_refusal(job, config):
        conn.send(refusal)
        return
    out = _Chunks(conn, config.max_result_bytes)
    for attempt in range(2):  # a read may fail once when a writer just moved the files: open again, retry
        try:
            _evaluate(handle, job, out)
            return
        except ResultTooLarge:
            conn.send(("cut", (f"the result is larger than {config.max_result_bytes:,} bytes "
                               "(start diplograph serve with a larger --max-result-mb, or narrow the query)")))
            return
        except (SyntaxError, ValueError) as exc:
            conn.send(("cut", f"query error: {exc}") if out.started else ("error", 400, f"query error: {exc}"))
            return
        except (OSError, RuntimeError) as exc:
            handle.forget()
            if out.started or attempt == 1:
                conn.send(("cut", f"store error: {exc}") if out.started else ("error", 500, f"store error: {exc}"))
                return


def _evaluate(handle: StoreHandle, job: Job, out: _Chunks) -> None:
    import pyoxigraph as ox

    from .serve_formats import GRAPH_TYPES, SELECT_TYPES, preferred

    store = handle.get()
    named = [ox.NamedNode(g) for g in job.named_graphs] or None
    dataset = {"default_graph": [ox.NamedNode(g) for g in job.default_graphs]} if job.default_graphs \
        else handle.options
    result = store.query(job.text, named_graphs=named, **dataset)
    graph = isinstance(result, ox.QueryTriples)
    types = GRAPH_TYPES if graph else SELECT_TYPES
    kind = preferred(job.accept, types, "text/turtle" if graph else "application/sparql-results+json")
    if kind is None:
        offered = ", ".join(types)
        out.conn.send(("error", 406, f"no acceptable {'graph' if graph else 'results'} format (offered: {offered})"))
        return
    out.media_type = kind if graph else types[kind].media_type
    result.serialize(out, format=types[kind])
    out.finish()


def _run_update(handle: StoreHandle, job: Job, config: WorkerConfig) -> tuple:
    from .store import REBUILD_VIEW, has_view

    if refusal := _outgoing_refusal(job, config):
        return refusal
    try:
        store = handle.get()
        update = job.text
        if has_view(store):  # the update may change any graph the view mirrors: rebuilt, in the same transaction
            if refusal := _unseen_writes(update):
                return refusal
            update = update.rstrip().rstrip(";") + "\n;\n" + REBUILD_VIEW
        store.update(update)
        store.flush()
    except (SyntaxError, ValueError) as exc:
        return ("error", 400, f"update error: {exc}")
    except (OSError, RuntimeError) as exc:
        return ("error", 500, f"store error: {exc}")
    return ("done",)


def _unseen_writes(update: str) -> tuple | None:
    """The 400 for an update that writes where no query would see it: into the default graph (the
    query view, rebuilt from the named graphs after every update) or a graph the view leaves out."""
    from .query_guard import written_graphs
    from .store_layout import DERIVED_GRAPH, RELEASE_PREFIX, SHARED_GRAPH

    targets = written_graphs(update)
    if targets is None:
        message = ("this update could not be checked for the graphs it writes (rdflib cannot parse it); "
                   "write it in plain SPARQL 1.1 Update")
        return ("error", 400, message)
    unseen = sorted(t for t in targets
                    if not (t.startswith(RELEASE_PREFIX) or t in (SHARED_GRAPH.value, DERIVED_GRAPH.value)))
    if not unseen:
        return None
    named = ", ".join("the default graph" if t == "" else f"<{t}>" for t in unseen)
    message = (f"this update writes into {named}, which no query sees: the default graph is the view rebuilt "
               f"from the release graphs (<{RELEASE_PREFIX}ID>) and the shared descriptions "
               f"(<{SHARED_GRAPH.value}>) after every update; write into one of those")
    return ("error", 400, message)


class _Chunks:
    """A file-like sink that sends what the engine writes in pieces of about 64 KB."""

    size = 64 * 1024

    def __init__(self, conn: Connection, limit: int) -> None:
        self.conn, self.limit = conn, limit
        self.media_type = ""
        self.started = False
        self.total = 0
        self.parts: list[bytes] = []
        self.pending = 0

    def write(self, data: bytes) -> int:
        self.total += len(data)
        if self.total > self.limit:
            raise ResultTooLarge
        self.parts.append(bytes(data))
        self.pending += len(data)
        if self.pending >= self.size:
            self._send()
        return len(data)

    def flush(self) -> None:
        pass  # the engine flushes at the end; pieces go out by size

    def finish(self) -> None:
        self._send()
        self.conn.send(("end",))

    def _send(self) -> None:
        if not self.started:
            self.conn.send(("head", self.media_type))
            self.started = True
        if self.parts:
            self.conn.send(("chunk", b"".join(self.parts)))
            self.parts, self.pending = [], 0


def _die_with_parent() -> None:
    """Ask the kernel to kill this process when the server dies, whatever way it dies."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the server's exit handler terminates its workers


_CLONE_NEWUSER, _CLONE_NEWNET = 0x10000000, 0x40000000
_PR_SET_PDEATHSIG = 1
_OPEN_ATTEMPTS = 6

__all__ = ["Job", "ResultTooLarge", "StoreHandle", "WorkerConfig", "isolate_network", "main"]
