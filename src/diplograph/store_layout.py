"""Where a diplograph store keeps what — the same on the embedded store and on a remote server —
and how a change to it is written.

* one named graph per release, named by the release IRI, holding what the
  release states;
* shared descriptions (a country's code and labels, a person's names, topic
  labels, the extraction run) in the named graph :data:`SHARED_GRAPH` (Virtuoso's
  Graph Store Protocol has no default graph, Fuseki's union default graph leaves
  the real default graph out, and the embedded store's default graph is its query
  view, see :mod:`diplograph.store`); a change set names them with the default
  graph, as a graph file does, and each store puts them in its shared graph;
* facts derived across releases (each agreement's latest ``dg:status``, each
  event's ``dg:eventStatus``, ``dg:hasMoUWith``) in :data:`DERIVED_GRAPH`;
* bookkeeping in :data:`SUPPORT_GRAPH`: which release contributed which shared
  descriptions.

Apart from the planner (:mod:`diplograph.changes`) because every module that reads a store
needs these names and a store needs :class:`ChangeSet`, and none of them needs the planner.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from .rdf.namespaces import DCTERMS, DG, ID_IRI, PROV
from .rdf.ntriples import NTriples
from .rdf.terms import iri

RELEASE_PREFIX = ID_IRI + "release/"
DERIVED_GRAPH = iri(ID_IRI + "graph/derived")
SHARED_GRAPH = iri(ID_IRI + "graph/shared")
SUPPORT_GRAPH = iri(ID_IRI + "graph/support")
DESCRIPTION_PREFIX = ID_IRI + "description/"
STORE_NS = "https://w3id.org/diplograph/store#"
SHARES = iri(STORE_NS + "shares")  # release → a description (of one node) it contributed
TRIPLE = iri(STORE_NS + "triple")  # description → one of its triples, as an N-Triples line
STATUS_DATE = iri(STORE_NS + "statusDate")  # agreement or event → the date its latest status is ranked by
PREFIXES = f"PREFIX dg: <{DG._NS}>\nPREFIX prov: <{PROV}>\nPREFIX dct: <{DCTERMS}>\n"


@dataclass
class ChangeSet:
    drop: list[ox.NamedNode] = field(default_factory=list)  # release graphs removed or replaced
    delete: list[ox.Quad] = field(default_factory=list)  # shared/derived quads (shared = DefaultGraph)
    put: dict[ox.NamedNode, NTriples] = field(default_factory=dict)  # release graphs to (re)write
    insert: list[ox.Quad] = field(default_factory=list)  # shared/derived quads to add

    def __post_init__(self) -> None:
        self.put = {g: ts if isinstance(ts, NTriples) else NTriples(ts) for g, ts in self.put.items()}

    def __bool__(self) -> bool:
        return bool(self.drop or self.delete or self.put or self.insert)


def update_text(change: ChangeSet, *, mirror_put: bool = False) -> str:
    """The change as one SPARQL 1.1 Update request; with ``mirror_put`` each release graph's
    triples go into the default graph too (the embedded store's view). Release graphs go in as
    the N-Triples text they came as."""
    parts = [f"DROP SILENT GRAPH {g}" for g in change.drop]
    if change.delete:
        parts.append("DELETE DATA {\n" + _data_block((q.graph_name, q.triple) for q in change.delete) + "}")
    blocks = [f"GRAPH {g} {{\n{ts.text}}}\n" for g, ts in change.put.items() if ts]
    if mirror_put:
        blocks.extend(ts.text for ts in change.put.values())
    if change.insert:
        blocks.append(_data_block((q.graph_name, q.triple) for q in change.insert))
    if blocks:
        parts.append("INSERT DATA {\n" + "".join(blocks) + "}")
    return " ;\n".join(parts)


def _data_block(items: Iterable[tuple]) -> str:
    """Triples grouped by graph, as the body of INSERT DATA / DELETE DATA (``str`` of a pyoxigraph
    triple is its N-Triples form: one call, not three — this runs for every quad a writer writes)."""
    by_graph: dict[ox.NamedNode | ox.DefaultGraph, list[str]] = {}
    for g, t in items:
        lines = by_graph.get(g)
        if lines is None:
            lines = by_graph[g] = []
        lines.append(str(t))
    out = []
    for g, lines in by_graph.items():
        body = " .\n".join(lines) + " .\n"
        out.append(body if isinstance(g, ox.DefaultGraph) else f"GRAPH {g} {{\n{body}}}\n")
    return "".join(out)


__all__ = ["DERIVED_GRAPH", "PREFIXES", "RELEASE_PREFIX", "SHARED_GRAPH", "SHARES", "STATUS_DATE", "SUPPORT_GRAPH",
           "TRIPLE", "ChangeSet", "update_text"]
