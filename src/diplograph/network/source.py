"""Where a picture's data comes from: a graph file, an embedded store, a server, or a graph in memory.

Everything the network views read goes through one pyoxigraph :class:`~pyoxigraph.Store`,
because Oxigraph answers the few joins we need in milliseconds where rdflib's
Memory store takes seconds on a large graph. A graph file is parsed into an
in-memory store with Oxigraph's parser; an on-disk store directory is opened
read-only (it needs no lock, so an ingest may run beside it); an rdflib graph is
copied through N-Quads (or used directly when it is already Oxigraph-backed).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..counting import Queryable
from ..errors import InputError
from ..rdf.files import load_store

GraphSource = Any  # str | Path | ox.Store | rdflib.Graph (rdflib.Dataset included) | EmbeddedStore | RemoteStore


def queryable(source: GraphSource) -> Queryable:
    """What the facts are read through: an opened store (:class:`~diplograph.store.EmbeddedStore`,
    :class:`~diplograph.remote.RemoteStore`) as it is, anything else through :func:`open_store`."""
    from ..remote import RemoteStore
    from ..store import EmbeddedStore

    if isinstance(source, (EmbeddedStore, RemoteStore)):
        return source
    return EmbeddedStore(open_store(source))


def open_store(source: GraphSource) -> ox.Store:
    """A pyoxigraph Store holding ``source``'s quads, read-only when it is an on-disk store.

    Raises :class:`~diplograph.errors.InputError` for an unreadable file and
    :class:`~diplograph.errors.StoreError` for a directory that is not a store.
    """
    if isinstance(source, ox.Store):
        return source
    if isinstance(source, (str, Path)):
        return _open_path(Path(source))
    try:
        from rdflib import Graph
    except ImportError:  # pragma: no cover - rdflib is a dependency
        Graph = None  # type: ignore[assignment,misc]
    if Graph is not None and isinstance(source, Graph):
        return _from_rdflib(source)
    raise TypeError(f"cannot read a graph from {type(source).__name__}: give a path, "
                    "a pyoxigraph Store or an rdflib Graph/Dataset")


def _open_path(path: Path) -> ox.Store:
    if path.is_dir():
        from ..store import open_read_only

        return open_read_only(path)  # a StoreError that says what to do: old format, damaged files …
    if not path.is_file():
        raise InputError(str(path), "no such file or store directory")
    return load_store(path)  # safely: no XML entities, no network (diplograph.rdf.files)


def _from_rdflib(graph: Any) -> ox.Store:
    inner = getattr(getattr(graph, "store", None), "_store", None)
    if isinstance(inner, ox.Store):  # oxrdflib: the graph already lives in Oxigraph
        return inner
    context_aware = getattr(graph.store, "context_aware", False) and hasattr(graph, "contexts")
    data = graph.serialize(format="nquads" if context_aware else "nt", encoding="utf-8")
    store = ox.Store()
    store.bulk_load(input=io.BytesIO(data),
                    format=ox.RdfFormat.N_QUADS if context_aware else ox.RdfFormat.N_TRIPLES)
    return store


__all__ = ["GraphSource", "open_store", "queryable"]
